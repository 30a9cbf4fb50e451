"""Funnel aggregates from the anonymised events (GROUP BY in SQL). Events carry no firm
profile, so only the period filter applies. Counts below MIN_GROUP_SIZE are hidden.

The funnel counts the conversations *started* in the period and counts each of them at every
question up to the furthest it reached (in questionnaire order): one message may answer several
profile questions, so some questions are never asked, but a conversation that reached the town
question has passed the staff count and the sector too. A funnel count therefore never grows
from one step to the next. Questions are shown with their German short title."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from api.core.codes import MIN_GROUP_SIZE, QN, QUESTION_IDS
from api.models import FunnelEvent
from api.services.dashboard.tables import Table, rate
from api.services.guard import month_expr
from api.services.period import DashboardFilters
from contract.codes import Event

OVERVIEW_EVENTS = (
    Event.STARTED,
    Event.CONSENT_GIVEN,
    Event.CONSENT_REFUSED,
    Event.COMPLETED,
    Event.HANDOFF,
    Event.FALLBACK,
)
TREND_EVENTS = (Event.STARTED, Event.COMPLETED)


def conditions(f: DashboardFilters) -> list[ColumnElement]:
    start, end = f.hour_bounds()
    conds: list[ColumnElement] = []
    if start:
        conds.append(FunnelEvent.hour >= start)
    if end:
        conds.append(FunnelEvent.hour < end)
    return conds


def shown(n: int | None) -> int | None:
    return n if n is not None and n >= MIN_GROUP_SIZE else None


def event_counts(db: Session, f: DashboardFilters) -> dict[str, int]:
    """Distinct conversations per event type (one row per key, event and question)."""
    stmt = (
        select(FunnelEvent.event, func.count())
        .where(FunnelEvent.event.in_(OVERVIEW_EVENTS), *conditions(f))
        .group_by(FunnelEvent.event)
    )
    return {event: int(n) for event, n in db.execute(stmt)}


def median_duration(db: Session, f: DashboardFilters) -> tuple[float | None, int]:
    """Median minutes of completed interviews, from a GROUP BY duration frequency table."""
    stmt = (
        select(FunnelEvent.duration_minutes, func.count())
        .where(
            FunnelEvent.event == Event.COMPLETED,
            FunnelEvent.duration_minutes.is_not(None),
            *conditions(f),
        )
        .group_by(FunnelEvent.duration_minutes)
        .order_by(FunnelEvent.duration_minutes)
    )
    freq = [(int(d), int(n)) for d, n in db.execute(stmt)]
    total = sum(n for _, n in freq)
    if total < MIN_GROUP_SIZE:
        return None, total

    def nth(k: int) -> int:  # k-th smallest value, 0-based
        seen = 0
        for value, n in freq:
            seen += n
            if k < seen:
                return value
        raise IndexError(k)

    median = (nth((total - 1) // 2) + nth(total // 2)) / 2
    return float(median), total


def by_question(db: Session, f: DashboardFilters, event: str) -> dict[str, tuple[int, int]]:
    stmt = (
        select(FunnelEvent.question, func.count(), func.sum(FunnelEvent.occurrences))
        .where(FunnelEvent.event == event, *conditions(f))
        .group_by(FunnelEvent.question)
    )
    return {q: (int(n), int(total)) for q, n, total in db.execute(stmt)}


def furthest_steps(db: Session, f: DashboardFilters) -> dict[int, int]:
    """Conversations started in the period, by the furthest question they reached (index in
    questionnaire order). The started row carries the furthest question (api/services/funnel)."""
    stmt = (
        select(FunnelEvent.furthest, func.count())
        .where(
            FunnelEvent.event == Event.STARTED, FunnelEvent.furthest.is_not(None), *conditions(f)
        )
        .group_by(FunnelEvent.furthest)
    )
    position = {q: i for i, q in enumerate(QUESTION_IDS)}
    result: dict[int, int] = {}
    for question, n in db.execute(stmt):
        if question in position:
            result[position[question]] = result.get(position[question], 0) + int(n)
    return result


def funnel_counts(db: Session, f: DashboardFilters) -> list[int]:
    """Per question: conversations (started in the period) that reached it or a later one."""
    furthest = furthest_steps(db, f)
    counts, running = [], 0
    for index in range(len(QUESTION_IDS) - 1, -1, -1):
        running += furthest.get(index, 0)
        counts.append(running)
    return counts[::-1]


def funnel_table(db: Session, f: DashboardFilters, started: int | None) -> Table:
    reached = funnel_counts(db, f)
    table = Table(
        "funnel",
        "Funnel: Gespräche, die die Frage erreicht haben",
        ["Frage", "Erreicht", "Abgang seit vorheriger Frage", "Anteil der Gestarteten (%)"],
        chart={"type": "bar", "value_cols": [1]},
        note="Gezählt bis zur weitesten erreichten Frage der im Zeitraum begonnenen Gespräche.",
    )
    previous: int | None = shown(started)
    for question, n in zip(QUESTION_IDS, reached, strict=True):
        count = shown(n)
        drop = previous - count if previous is not None and count is not None else None
        table.rows.append([QN.short_title(question), count, drop, rate(count, started)])
        previous = count
    return table


def reask_table(db: Session, f: DashboardFilters) -> Table:
    reasks = by_question(db, f, Event.REASK)
    visible = [(q, v) for q, v in reasks.items() if v[0] >= MIN_GROUP_SIZE]
    visible.sort(key=lambda item: (-item[1][0], item[0]))
    return Table(
        "reasks",
        "Fragen mit den meisten Rückfragen (Formulierung prüfen)",
        ["Frage", "Gespräche mit Rückfrage", "Rückfragen gesamt"],
        rows=[[QN.short_title(q), n, total] for q, (n, total) in visible[:10]],
        hidden_groups=len(reasks) - len(visible),
        chart={"type": "bar", "value_cols": [1]},
    )


def monthly_events(db: Session, f: DashboardFilters) -> dict[int, dict[str, int | None]]:
    month = month_expr(FunnelEvent.hour)
    stmt = (
        select(month, FunnelEvent.event, func.count())
        .where(FunnelEvent.event.in_(TREND_EVENTS), *conditions(f))
        .group_by(month, FunnelEvent.event)
    )
    result: dict[int, dict[str, Any]] = {}
    for m, event, n in db.execute(stmt):
        result.setdefault(int(m), {})[event] = shown(int(n))
    return result
