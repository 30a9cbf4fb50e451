"""Re-assessed firms (T0 -> T1) for the dashboard, k-anonymously.

A *pair* is a re-assessment (T1) linked to the earlier assessment (T0) whose re-check code the
owner gave. Filters (period, size class, sector, town) apply to T1. The pairs are a population
of their own for the one guard (``guard_for(..., population="pairs")``: at least 5 pairs, no
differencing against containing, coarser or earlier selections of pairs). Means need at least 5
pairs with both values; an offering is listed only with at least 5 pairs in which it was
recommended at T0.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from api.core.codes import DIMENSIONS, MIN_GROUP_SIZE, QN
from api.models import Assessment, AssessmentRecommendation
from api.services.dashboard.tables import Table
from api.services.period import DashboardFilters, date_conditions
from contract.catalogue import Catalogue

T1 = aliased(Assessment, name="t1")
T0 = aliased(Assessment, name="t0")
COLUMNS = ("overall", *(f"score_{d}" for d in DIMENSIONS))


def _conditions(f: DashboardFilters) -> list[ColumnElement]:
    return [
        T1.previous_id.is_not(None),
        *date_conditions(T1.completed_on, f),
        *(getattr(T1, k) == v for k, v in f.profile.items()),
    ]


def _change_aggregates() -> list[ColumnElement[Any]]:
    """Per score column: pairs with both values, sum before, sum after."""
    aggs: list[ColumnElement[Any]] = [func.count().label("pairs")]
    for col in COLUMNS:
        before, after = getattr(T0, col), getattr(T1, col)
        both = and_(before.is_not(None), after.is_not(None))
        aggs += [
            func.sum(case((both, 1), else_=0)).label(f"{col}_n"),
            func.sum(case((both, before), else_=0)).label(f"{col}_b"),
            func.sum(case((both, after), else_=0)).label(f"{col}_a"),
        ]
    return aggs


def _mean(total: Any, n: int) -> float | None:
    return round(float(total) / n, 1) if n >= MIN_GROUP_SIZE and total is not None else None


def _pairs_joined(stmt: Any, f: DashboardFilters) -> Any:
    return stmt.select_from(T1).join(T0, T0.id == T1.previous_id).where(*_conditions(f))


def change_table(db: Session, f: DashboardFilters, published: bool) -> Table:
    """Mean score before and after per dimension (only when the pairs are ``published``)."""
    table = Table(
        "recheck_change",
        "Zweitcheck: mittlere Veränderung je Bereich (vorher → nachher)",
        ["Bereich", "Paare mit Wert", "Ø vorher", "Ø nachher", "Ø Veränderung"],
        chart={"type": "bar", "value_cols": [4]},
        note="Betriebe, die mit ihrem Code einen zweiten Check gemacht haben; Filter gelten "
        "für den zweiten Check.",
    )
    if not published:
        return table.suppress_all()
    row = db.execute(_pairs_joined(select(*_change_aggregates()), f)).one()._mapping
    titles = {"overall": "Gesamt"} | {f"score_{d}": t for d, t in QN.dimension_titles.items()}
    for col in COLUMNS:
        n = int(row[f"{col}_n"] or 0)
        before, after = _mean(row[f"{col}_b"], n), _mean(row[f"{col}_a"], n)
        change = None
        if before is not None and after is not None:
            change = _mean(float(row[f"{col}_a"]) - float(row[f"{col}_b"]), n)
        table.rows.append([titles[col], n if n >= MIN_GROUP_SIZE else None, before, after, change])
    return table


def offerings_table(
    db: Session, f: DashboardFilters, catalogue: Catalogue, published: bool
) -> Table:
    """Offerings recommended at T0, by the mean improvement that followed in their dimensions
    (only when the pairs are ``published``)."""
    rec = AssessmentRecommendation
    aggs = [func.count().label("pairs")]
    for col in COLUMNS:
        before, after = getattr(T0, col), getattr(T1, col)
        both = and_(before.is_not(None), after.is_not(None))
        aggs += [
            func.sum(case((both, 1), else_=0)).label(f"{col}_n"),
            func.sum(case((both, after - before), else_=0)).label(f"{col}_d"),
        ]
    table = Table(
        "recheck_offerings",
        "Zweitcheck: Angebote (beim ersten Check empfohlen) vor den größten Verbesserungen",
        [
            "Angebot",
            "Kennung",
            "Paare",
            "Ø Veränderung in seinen Bereichen",
            "Ø Veränderung gesamt",
        ],
        chart={"type": "bar", "value_cols": [3]},
        note="Zeigt, was den Verbesserungen vorausging, nicht, was sie bewirkt hat.",
    )
    if not published:
        return table.suppress_all()
    stmt = _pairs_joined(select(rec.offering_id, *aggs), f)
    stmt = stmt.join(rec, rec.assessment_id == T0.id).group_by(rec.offering_id)
    rows = [r._mapping for r in db.execute(stmt)]
    shown = []
    for r in rows:
        if r["pairs"] < MIN_GROUP_SIZE:
            continue
        offering = catalogue.get(r["offering_id"])
        dims = offering.dimensions if offering else DIMENSIONS
        n = sum(int(r[f"score_{d}_n"] or 0) for d in dims)
        total = sum(float(r[f"score_{d}_d"] or 0) for d in dims)
        own = round(total / n, 1) if n >= MIN_GROUP_SIZE else None
        overall_n = int(r["overall_n"] or 0)
        overall = _mean(r["overall_d"], overall_n)
        title = offering.title if offering else r["offering_id"]
        shown.append([title, r["offering_id"], int(r["pairs"]), own, overall])
    shown.sort(key=lambda x: (-(x[3] if x[3] is not None else -1e9), -x[2], x[1]))
    table.rows = shown
    table.hidden_groups = len(rows) - len(shown)
    return table
