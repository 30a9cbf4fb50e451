"""Assembles every dashboard table for one filter selection (page, CSV export and report)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from api.core.codes import MIN_GROUP_SIZE
from api.services.catalogue import get_catalogue
from api.services.dashboard import assess, funnel_stats, gaps, rechecks
from api.services.dashboard.tables import Table, rate
from api.services.guard import PAIRS, guard_for
from api.services.period import DashboardFilters, month_label
from contract.codes import Event

TABLE_IDS = (
    "overview",
    "funnel",
    "reasks",
    "maturity",
    "by_size_class",
    "by_sector",
    "by_municipality",
    "needs",
    "offerings",
    "gaps",
    "gap_matrix",
    "recheck_change",
    "recheck_offerings",
    "trend",
)


@dataclass
class Dashboard:
    filters: DashboardFilters
    population_ok: bool
    events_ok: bool
    tables: dict[str, Table] = field(default_factory=dict)
    pairs_ok: bool = False


def _overview(counts: dict[str, int], median: float | None, population: int | None) -> Table:
    s = funnel_stats.shown
    started, completed = s(counts.get(Event.STARTED)), s(counts.get(Event.COMPLETED))
    fallback, handoff = s(counts.get(Event.FALLBACK)), s(counts.get(Event.HANDOFF))
    rows = [
        ["Gespräche gestartet", started],
        ["Einwilligung gegeben", s(counts.get(Event.CONSENT_GIVEN))],
        ["Einwilligung abgelehnt", s(counts.get(Event.CONSENT_REFUSED))],
        ["Check abgeschlossen", completed],
        ["Abschlussquote (%)", rate(completed, started)],
        ["Mittlere Dauer (Median, Minuten)", median],
        ["Rückrufwünsche (Übergabe an Mitarbeitende)", handoff],
        ["Gespräche mit nicht verstandener Eingabe (%)", rate(fallback, started)],
        ["Ausgewertete Betriebe in der Auswahl", population],
    ]
    return Table("overview", "Überblick", ["Kennzahl", "Wert"], rows=rows)


def _trend(
    events: dict[int, dict[str, int | None]], assessments: dict[int, tuple[int, float | None]]
) -> Table:
    table = Table(
        "trend",
        "Entwicklung pro Monat",
        ["Monat", "Gespräche gestartet", "Abgeschlossen", "Auswertungen (Auswahl)", "Ø Gesamtwert"],
        chart={"type": "line", "value_cols": [1, 2, 3]},
    )
    for m in sorted(set(events) | set(assessments)):
        ev = events.get(m, {})
        n, mean = assessments.get(m, (None, None))
        table.rows.append([month_label(m), ev.get(Event.STARTED), ev.get(Event.COMPLETED), n, mean])
    return table


def build_dashboard(db: Session, f: DashboardFilters, only: str | None = None) -> Dashboard:
    """Every table for the selection (``only``: skip the costly extra tables that are not that
    one, e.g. for a CSV export)."""
    catalogue = get_catalogue()
    guard = guard_for(db, f.period)
    population_ok = guard.safe(f.profile)
    counts = funnel_stats.event_counts(db, f)
    events_ok = counts.get(Event.STARTED, 0) >= MIN_GROUP_SIZE
    median, _ = funnel_stats.median_duration(db, f) if events_ok else (None, 0)
    population = guard.count(f.profile) if population_ok else None
    board = Dashboard(f, population_ok, events_ok)
    t = board.tables
    t["overview"] = _overview(counts if events_ok else {}, median, population)
    started = funnel_stats.shown(counts.get(Event.STARTED))
    t["funnel"] = funnel_stats.funnel_table(db, f, started)
    t["reasks"] = funnel_stats.reask_table(db, f)
    if not events_ok:
        t["funnel"].suppress_all()
        t["reasks"].suppress_all()
    t["maturity"] = assess.maturity(db, f)
    for field_name in assess.BREAKDOWNS:
        t[f"by_{field_name}"] = assess.breakdown(db, f, guard, field_name)
    offering_titles = {o.id: o.title for o in catalogue.offerings}
    t["needs"] = assess.top_needs(db, f, catalogue.need_titles)
    t["offerings"] = assess.offerings(db, f, offering_titles)
    monthly = assess.monthly(db, f, guard) if population_ok else {}
    t["trend"] = _trend(funnel_stats.monthly_events(db, f), monthly)
    if not population_ok:
        for key in ("maturity", "by_size_class", "by_sector", "by_municipality", "needs"):
            t[key].suppress_all()
        t["offerings"].suppress_all()
    if only in (None, "gaps", "gap_matrix"):
        t["gaps"], t["gap_matrix"] = gaps.gap_tables(db, f, guard, population_ok, catalogue)
    if only in (None, "recheck_change", "recheck_offerings"):
        board.pairs_ok = population_ok and guard_for(db, f.period, PAIRS).safe(f.profile)
        t["recheck_change"] = rechecks.change_table(db, f, board.pairs_ok)
        t["recheck_offerings"] = rechecks.offerings_table(db, f, catalogue, board.pairs_ok)
    return board
