"""Radar chart of the dimension scores, rendered with matplotlib (Agg) as PNG or SVG.

The own scores are a filled line, the peer benchmark a dashed line and an earlier assessment a
dotted grey line. Axis labels are the dimension titles of the questionnaire. The output depends
only on the numbers, so it is cached.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from api.core.codes import QN  # noqa: E402
from api.services.result import ScoreSet  # noqa: E402

OWN_COLOUR = "#005ca9"
PEER_COLOUR = "#e07b00"
PREV_COLOUR = "#6e6e6e"
NO_ANSWER = "k. A."
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
Scores = tuple[int | None, ...]

_render_lock = threading.Lock()


def _closed(values: list[float]) -> list[float]:
    return values + values[:1]


def _label(title: str, value: int | None) -> str:
    return textwrap.fill(title, 18) + f"\n{NO_ANSWER if value is None else value}"


def _line(axes, angles: list[float], values: Scores, **style) -> None:
    known = [(a, v) for a, v in zip(angles, values, strict=True) if v is not None]
    if not known:
        return
    xs, ys = (list(t) for t in zip(*known, strict=True))
    if len(known) == len(angles):
        xs, ys = _closed(xs), _closed(ys)
    axes.plot(xs, ys, **style)


def _draw(own: Scores, peer: Scores, prev: Scores) -> Figure:
    dims = QN.dimensions
    figure = Figure(figsize=(6.4, 6.4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(projection="polar")
    angles = [2 * math.pi * i / len(dims) for i in range(len(dims))]
    axes.set_theta_offset(math.pi / 2)  # first axis at the top, then clockwise
    axes.set_theta_direction(-1)
    axes.set_xlim(0, 2 * math.pi)
    axes.set_ylim(0, 100)
    axes.set_yticks([25, 50, 75, 100])
    axes.set_yticklabels(["25", "50", "75", "100"], fontsize=9, color="#666666")
    axes.set_rlabel_position(360 / len(dims) / 2)
    axes.set_xticks(angles)
    labels = [_label(d.title, v) for d, v in zip(dims, own, strict=True)]
    axes.set_xticklabels(labels, fontsize=11)
    axes.tick_params(axis="x", pad=22)
    axes.grid(color="#cccccc", linewidth=0.8)
    axes.spines["polar"].set_color("#999999")
    _line(axes, angles, prev, color=PREV_COLOUR, linewidth=1.8, linestyle=":",
          label="Frühere Auswertung")  # fmt: skip
    _line(axes, angles, peer, color=PEER_COLOUR, linewidth=2, linestyle="--",
          label="Vergleichsgruppe")  # fmt: skip
    if any(v is not None for v in own):
        values = [0.0 if v is None else float(v) for v in own]
        axes.fill(_closed(angles), _closed(values), color=OWN_COLOUR, alpha=0.25)
        axes.plot(
            _closed(angles), _closed(values), color=OWN_COLOUR, linewidth=2.5, label="Ihr Betrieb"
        )
        answered = [(a, v) for a, v in zip(angles, own, strict=True) if v is not None]
        axes.plot(*zip(*answered, strict=True), "o", color=OWN_COLOUR, markersize=6)
    else:
        axes.text(0, 0, "Noch keine Werte", ha="center", va="center", fontsize=12, color="#666")
    if axes.get_legend_handles_labels()[0]:
        figure.legend(
            loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False, fontsize=11
        )
    figure.subplots_adjust(left=0.22, right=0.78, top=0.8, bottom=0.22)
    return figure


@lru_cache(maxsize=256)
def render_chart(own: Scores, peer: Scores, fmt: str, prev: Scores | None = None) -> bytes:
    """The chart as PNG or SVG bytes (cached: the output depends only on the numbers)."""
    with _render_lock:
        figure = _draw(own, peer, prev or (None,) * len(own))
        buffer = io.BytesIO()
        metadata = {"Software": None} if fmt == "png" else {"Date": None}
        figure.savefig(buffer, format=fmt, facecolor="white", metadata=metadata)
    return buffer.getvalue()


def render(scores: ScoreSet, fmt: str) -> bytes:
    ids = QN.dimension_ids
    return render_chart(
        tuple(scores.dimensions[d] for d in ids),
        tuple(scores.peer.get(d) for d in ids),
        fmt,
        tuple(scores.prev.get(d) for d in ids),
    )


def text_alternative(scores: ScoreSet) -> str:
    """The chart's content in words (the image's alt text)."""
    parts = [
        f"{d.title} {NO_ANSWER if scores.dimensions[d.id] is None else scores.dimensions[d.id]}"
        for d in QN.dimensions
    ]
    text = "Netzdiagramm Ihrer Punktwerte (0 bis 100): " + ", ".join(parts)
    if scores.overall is not None:
        text += f"; gesamt {scores.overall}"
    if any(v is not None for v in scores.peer.values()):
        text += "; gestrichelt: Vergleichsgruppe"
    if any(v is not None for v in scores.prev.values()):
        text += "; gepunktet: frühere Auswertung"
    return text + "."
