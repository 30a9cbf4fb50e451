"""Radar chart of the six dimension scores, rendered server-side with matplotlib (Agg).

``GET /api/charts/radar.png`` and ``/api/charts/radar.svg`` take the scores as query parameters
(``strategy``, ``tools``, ``processes``, ``online``, ``security``, ``skills``: integers 0–100, a
missing one means "no answer") and optionally the peer benchmark (``peer_strategy`` …
``peer_skills``), drawn as a dashed second line. Nothing personal goes in, so responses are
cacheable.
"""

from __future__ import annotations

import io
import math
import threading
from functools import lru_cache
from typing import Annotated, Optional

import matplotlib

matplotlib.use("Agg")

from fastapi import APIRouter, Depends, Query, Response  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from api.core.vocab import DIMENSIONS  # noqa: E402

router = APIRouter(prefix="/api/charts", tags=["charts"])

AXIS_LABELS = {
    "strategy": "Strategie",
    "tools": "IT-Ausstattung",
    "processes": "Prozesse",
    "online": "Online-Präsenz",
    "security": "IT-Sicherheit",
    "skills": "Kompetenzen",
}
OWN_COLOUR = "#005ca9"
PEER_COLOUR = "#e07b00"
NO_ANSWER = "k. A."
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
CACHE_HEADERS = {"Cache-Control": "public, max-age=86400"}

Score = Annotated[Optional[int], Query(ge=0, le=100)]
Scores = tuple[Optional[int], ...]

_render_lock = threading.Lock()


class ChartScores:
    """Query parameters of a chart: own scores and the optional peer benchmark."""

    def __init__(
        self,
        strategy: Score = None,
        tools: Score = None,
        processes: Score = None,
        online: Score = None,
        security: Score = None,
        skills: Score = None,
        peer_strategy: Score = None,
        peer_tools: Score = None,
        peer_processes: Score = None,
        peer_online: Score = None,
        peer_security: Score = None,
        peer_skills: Score = None,
    ) -> None:
        values = locals()
        self.own: Scores = tuple(values[d] for d in DIMENSIONS)
        self.peer: Scores = tuple(values[f"peer_{d}"] for d in DIMENSIONS)

    def query(self) -> str:
        """The same scores as a query string (for links to the chart)."""
        parts = [f"{d}={v}" for d, v in zip(DIMENSIONS, self.own, strict=True) if v is not None]
        parts += [
            f"peer_{d}={v}" for d, v in zip(DIMENSIONS, self.peer, strict=True) if v is not None
        ]
        return "&".join(parts)


def _closed(values: list[float]) -> list[float]:
    return values + values[:1]


def _draw(own: Scores, peer: Scores) -> Figure:
    figure = Figure(figsize=(6.4, 6.4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(projection="polar")
    angles = [2 * math.pi * i / len(DIMENSIONS) for i in range(len(DIMENSIONS))]
    axes.set_theta_offset(math.pi / 2)  # first axis at the top, then clockwise
    axes.set_theta_direction(-1)
    axes.set_xlim(0, 2 * math.pi)
    axes.set_ylim(0, 100)
    axes.set_yticks([25, 50, 75, 100])
    axes.set_yticklabels(["25", "50", "75", "100"], fontsize=10, color="#666666")
    axes.set_rlabel_position(360 / len(DIMENSIONS) / 2)
    axes.set_xticks(angles)
    labels = [
        f"{AXIS_LABELS[d]}\n{NO_ANSWER if v is None else v}"
        for d, v in zip(DIMENSIONS, own, strict=True)
    ]
    axes.set_xticklabels(labels, fontsize=15)
    axes.tick_params(axis="x", pad=18)
    axes.grid(color="#cccccc", linewidth=0.8)
    axes.spines["polar"].set_color("#999999")
    if any(v is not None for v in peer):
        known = [(a, v) for a, v in zip(angles, peer, strict=True) if v is not None]
        line_angles, line_values = zip(*known, strict=True)
        closed = len(known) == len(DIMENSIONS)
        xs = _closed(list(line_angles)) if closed else list(line_angles)
        ys = _closed(list(line_values)) if closed else list(line_values)
        axes.plot(xs, ys, color=PEER_COLOUR, linewidth=2, linestyle="--", label="Vergleichsgruppe")
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
            loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False, fontsize=14
        )
    figure.subplots_adjust(left=0.2, right=0.8, top=0.84, bottom=0.2)
    return figure


@lru_cache(maxsize=256)
def render_chart(own: Scores, peer: Scores, fmt: str) -> bytes:
    """The chart as PNG or SVG bytes (cached: the output depends only on the scores)."""
    with _render_lock:
        figure = _draw(own, peer)
        buffer = io.BytesIO()
        metadata = {"Software": None} if fmt == "png" else {"Date": None}
        figure.savefig(buffer, format=fmt, facecolor="white", metadata=metadata)
    return buffer.getvalue()


def _chart_response(scores: ChartScores, fmt: str) -> Response:
    body = render_chart(scores.own, scores.peer, fmt)
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=CACHE_HEADERS)


@router.get("/radar.png", response_class=Response, summary="Radar chart as PNG")
def radar_png(scores: Annotated[ChartScores, Depends()]) -> Response:
    return _chart_response(scores, "png")


@router.get("/radar.svg", response_class=Response, summary="Radar chart as SVG")
def radar_svg(scores: Annotated[ChartScores, Depends()]) -> Response:
    return _chart_response(scores, "svg")
