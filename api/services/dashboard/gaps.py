"""Bedarf vs. Angebot: where the region's support offer has gaps (issue 13.2).

For every *topic* (each dimension and each topic need of ``data/needs.yml``) and every *segment*
(the whole selection, and each size class, sector and town within it) the table sets

- **Betriebe mit Bedarf**: firms weak there: the dimension's score below the questionnaire's
  ``weak_below``, or the topic named as the closing wish (need rows);
- against **passende Angebote**: catalogue offerings that are ``open``, meant for firms
  (``audience: betriebe``), serve the topic (its dimension in ``dimensions``, or the topic in
  ``needs``) and are eligible for at least part of the segment (size class, sector, town and
  the town's region; see ``Eligibility.allows_segment``);
- **Lücke** = firms with the need ÷ (matching offerings + 1): the number of firms per offering,
  counting "no offering" as one; the table is sorted by it, largest first.

Small-group protection, through the one guard: a segment is shown only when the guard publishes
it (with complementary suppression among the segments of one field, like every breakdown), and
a cell's count W of firms with the need only when both W and the rest of the segment (N - W)
are 0 or publishable by the guard *in their own population* ("firms weak in security", "firms
not weak in security", ...: at least 5, no 1-4 difference to any containing, coarser or earlier
cell). So no published count, and no difference of two published counts of the same topic,
describes 1-4 firms, under any filter combination.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from api.core.codes import NEEDS, QN
from api.models import Assessment, AssessmentNeed
from api.services.dashboard.tables import Table
from api.services.guard import Guard, Key, data_key, guarded_breakdown, load_cube, month_expr
from api.services.period import PROFILE_FIELDS, DashboardFilters, month_start
from contract.catalogue import Catalogue

FIELD_TITLES = {"size_class": "Größe", "sector": "Branche", "municipality": "Ort"}
WHOLE = "Auswahl gesamt"


@dataclass(frozen=True)
class Topic:
    code: str
    title: str
    dimension: str | None


TOPICS = tuple(Topic(n.code, n.title, n.dimension) for n in NEEDS.needs)


def option_title(field: str, value: str) -> str:
    if field == "size_class":
        return next((s.title for s in QN.size_classes if s.id == value), value)
    return QN.profile_question(field).option_label(value)


def field_values(field: str) -> tuple[str, ...]:
    return QN.size_class_ids if field == "size_class" else QN.option_ids(field)


# ---- cubes of the populations "weak in topic t" and "not weak in topic t" ---------------------


def load_gap_cubes(db: Session, horizon: int) -> dict[str, dict[Key, int]]:
    """``weak:<code>`` and ``fine:<code>`` cubes (month x profile counts, closed months)."""
    total = load_cube(db, horizon)
    end = month_start(horizon + 1)
    weak: dict[str, dict[Key, int]] = {t.code: defaultdict(int) for t in TOPICS}
    a = Assessment
    month = month_expr(a.completed_on)
    profile = [a.size_class, a.sector, a.municipality]
    dimension_topics = [t for t in TOPICS if t.dimension]
    sums = [
        func.sum(case((getattr(a, f"score_{t.dimension}") < QN.weak_below, 1), else_=0))
        for t in dimension_topics
    ]
    stmt = select(month, *profile, *sums).where(a.completed_on < end).group_by(month, *profile)
    for row in db.execute(stmt):
        key = (int(row[0]), row[1], row[2], row[3])
        for topic, n in zip(dimension_topics, row[4:], strict=True):
            if n:
                weak[topic.code][key] += int(n)
    named = [t.code for t in TOPICS if not t.dimension]
    need = AssessmentNeed
    month = month_expr(need.completed_on)
    profile = [need.size_class, need.sector, need.municipality]
    stmt = (
        select(need.code, month, *profile, func.count())
        .where(need.code.in_(named), need.completed_on < end)
        .group_by(need.code, month, *profile)
    )
    for code, m, size, sector, town, n in db.execute(stmt):
        weak[code][(int(m), size, sector, town)] += int(n)
    cubes: dict[str, dict[Key, int]] = {}
    for topic in TOPICS:
        cubes[f"weak:{topic.code}"] = dict(weak[topic.code])
        rest = {k: n - weak[topic.code].get(k, 0) for k, n in total.items()}
        cubes[f"fine:{topic.code}"] = {k: n for k, n in rest.items() if n > 0}
    return cubes


_cache: OrderedDict[tuple, dict[str, Guard]] = OrderedDict()
_cache_lock = threading.Lock()
_KEPT = 8


def topic_guards(db: Session, period: tuple[int | None, int]) -> dict[str, Guard]:
    """The guards of every weak/fine population for the period (cached while data is the same)."""
    data = data_key(db)
    with _cache_lock:
        guards = _cache.get((*data, period))
        siblings = next((gs for key, gs in _cache.items() if key[:3] == data), None)
    if guards is None:
        if siblings is None:
            guards = {
                name: Guard(cube, period) for name, cube in load_gap_cubes(db, data[1]).items()
            }
        else:  # same data, another period: reuse the cubes and their period-free tables
            guards = {name: Guard(g.cube, period, g.shared) for name, g in siblings.items()}
        with _cache_lock:
            _cache[(*data, period)] = guards
            while len(_cache) > _KEPT:
                _cache.popitem(last=False)
    return guards


# ---- offerings per segment -------------------------------------------------------------------


def offering_count(catalogue: Catalogue, segment: dict[str, str], topic: Topic) -> int:
    size = next((s.min for s in QN.size_classes if s.id == segment.get("size_class")), None)
    town = segment.get("municipality")
    region = QN.region_of(town) if town else None
    return sum(
        1
        for o in catalogue.offerings
        if o.recommendable
        and o.for_firms
        and catalogue.serves(o, topic.code)
        and o.eligibility.allows_segment(size, segment.get("sector"), town, region)
    )


# ---- the tables ------------------------------------------------------------------------------


def gap_value(weak: int, offers: int) -> float:
    return round(weak / (offers + 1), 1)


def _segments(
    guard: Guard, f: DashboardFilters, population_ok: bool
) -> list[tuple[str, dict[str, str], int]]:
    """Publishable segments (label, profile, group: 0 = the selection, then one group per
    field): the selection, then each value of each field it leaves open."""
    if not population_ok:
        return []
    result: list[tuple[str, dict[str, str], int]] = [(WHOLE, dict(f.profile), 0)]
    for field in PROFILE_FIELDS:
        if field in f.profile:
            continue
        counts = {v: guard.count(f.profile | {field: v}) for v in field_values(field)}
        counts = {v: n for v, n in counts.items() if n}
        shown = guarded_breakdown(guard, f.profile, field, counts)
        for value in field_values(field):
            if value in shown:
                label = f"{FIELD_TITLES[field]}: {option_title(field, value)}"
                group = 1 + PROFILE_FIELDS.index(field)
                result.append((label, f.profile | {field: value}, group))
    return result


def _visible(guard: Guard | None, segment: dict[str, str]) -> bool:
    """A count is publishable when it is 0 or the guard of its population publishes it."""
    return guard is None or guard.count(segment) == 0 or guard.safe(segment)


def gap_tables(
    db: Session,
    f: DashboardFilters,
    guard: Guard,
    population_ok: bool,
    catalogue: Catalogue,
) -> tuple[Table, Table]:
    table = Table(
        "gaps",
        "Bedarf vs. Angebot: größte Lücken zuerst",
        [
            "Segment",
            "Thema",
            "Betriebe mit Bedarf",
            "Betriebe im Segment",
            "Anteil mit Bedarf (%)",
            "Offene passende Angebote",
            "Lücke (Betriebe je Angebot + 1)",
        ],
        note=(
            f"Bedarf: Wert unter {QN.weak_below} im Bereich oder als Wunsch genannt. Angebote: "
            "offen, für Betriebe, für das Segment zugänglich."
        ),
        scroll=True,
    )
    segments = _segments(guard, f, population_ok)
    matrix = Table(
        "gap_matrix",
        "Bedarf vs. Angebot: Lücke je Thema und Segment (Heatmap)",
        ["Thema", *(label for label, _, _ in segments)],
        heat=True,
        # shaded within the selection, the size classes, the sectors, the towns
        heat_groups=[0, *(group for _, _, group in segments)],
        scroll=True,
        note="Farbe: Lücke im Vergleich zu den anderen Werten derselben Spaltengruppe "
        "(Auswahl, Größen, Branchen, Orte); Zeilen nach der Lücke der ganzen Auswahl sortiert.",
    )
    if not population_ok:
        return table.suppress_all(), matrix.suppress_all()
    guards = topic_guards(db, f.period)
    cells = []
    hidden = 0
    for t_index, topic in enumerate(TOPICS):
        weak_guard, fine_guard = guards[f"weak:{topic.code}"], guards[f"fine:{topic.code}"]
        row: list = [topic.title]
        for s_index, (label, segment, _) in enumerate(segments):
            if not (_visible(weak_guard, segment) and _visible(fine_guard, segment)):
                hidden += 1
                row.append(None)
                continue
            weak = weak_guard.count(segment)
            size = weak + fine_guard.count(segment)
            offers = offering_count(catalogue, segment, topic)
            gap = gap_value(weak, offers)
            row.append(gap)
            if weak:
                share = round(100.0 * weak / size, 1)
                cells.append((gap, weak, t_index, s_index, label, topic.title, size, share, offers))
        matrix.rows.append(row)
    # the heat map's topics by the largest gap of the whole selection
    matrix.rows.sort(key=lambda r: -(r[1] if isinstance(r[1], int | float) else -1))
    cells.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    table.rows = [
        [label, title, weak, size, share, offers, gap]
        for gap, weak, _, _, label, title, size, share, offers in cells
    ]
    table.hidden_groups = hidden
    matrix.hidden_groups = hidden
    return table, matrix
