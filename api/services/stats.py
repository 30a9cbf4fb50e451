"""Staff statistics of the needs log (GET /api/stats), with the shared suppression guard.

- Month granularity and closed months only (see api/services/period.py): a new interview never
  changes a statistic in the month it happens.
- The selection (profile filters and period) is shown only when the guard publishes it
  (api/services/guard/: at least 5 records, no 1-4 difference to a containing or coarser cell,
  growth by 0 or >= 5 records since the last publishable end month); otherwise every number is
  null and every list empty.
- Breakdown rows: each row publishable by the guard, plus complementary suppression.
- Any mean over fewer than 5 answered values is null; need codes below 5 records are hidden.
All numbers are computed with GROUP BY in the database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, select
from sqlalchemy.orm import Session

from api.core.codes import DIMENSIONS, MIN_GROUP_SIZE
from api.models import Assessment, AssessmentNeed
from api.schemas import GroupStats, NeedCount, StatsFilters, StatsOut
from api.services.guard import Guard, guard_for, guarded_breakdown
from api.services.period import PROFILE_FIELDS, date_conditions, month_label

A = Assessment.__table__.c
MEAN_COLUMNS = {"overall": A.overall, **{d: A[f"score_{d}"] for d in DIMENSIONS}}


def aggregates() -> list[ColumnElement[Any]]:
    """Count, and sum and count of answered values of every score column."""
    cols: list[ColumnElement[Any]] = [func.count().label("n")]
    for name, col in MEAN_COLUMNS.items():
        cols.append(func.sum(col).label(f"sum_{name}"))
        cols.append(func.count(col).label(f"cnt_{name}"))
    return cols


def conditions(f: StatsFilters, table: Table = Assessment.__table__) -> list[ColumnElement[bool]]:
    c = table.c
    return [c[k] == v for k, v in f.profile.items()] + date_conditions(c.completed_on, f)


def mean(agg: dict[str, Any], name: str) -> float | None:
    count = agg[f"cnt_{name}"]
    if agg["n"] < MIN_GROUP_SIZE or count < MIN_GROUP_SIZE:
        return None
    return round(float(agg[f"sum_{name}"]) / count, 1)


def dimension_means(agg: dict[str, Any] | None) -> dict[str, float | None]:
    return {d: (mean(agg, d) if agg else None) for d in DIMENSIONS}


def _filtered(stmt: Select, conds: list[ColumnElement[bool]]) -> Select:
    return stmt.where(*conds) if conds else stmt


def _grouped(db: Session, field: str, conds: list[ColumnElement[bool]]) -> dict[str, dict]:
    col = A[field]
    stmt = _filtered(select(col.label("key"), *aggregates()), conds).group_by(col)
    return {r.key: dict(r._mapping) for r in db.execute(stmt)}


def _rollup(rows: dict[str, dict]) -> dict[str, Any]:
    """Totals from the size-class groups: every record is in exactly one (no extra query)."""
    total: dict[str, Any] = {"n": sum(r["n"] for r in rows.values())}
    for name in MEAN_COLUMNS:
        total[f"sum_{name}"] = sum(r[f"sum_{name}"] or 0 for r in rows.values())
        total[f"cnt_{name}"] = sum(r[f"cnt_{name}"] for r in rows.values())
    return total


def _breakdown(
    guard: Guard, f: StatsFilters, field: str, rows: dict[str, dict]
) -> tuple[list[GroupStats], int]:
    shown = guarded_breakdown(guard, f.profile, field, {k: r["n"] for k, r in rows.items()})
    groups = [
        GroupStats(
            key=key,
            count=rows[key]["n"],
            overall_mean=mean(rows[key], "overall"),
            dimension_means=dimension_means(rows[key]),
        )
        for key in sorted(shown, key=lambda k: (-rows[k]["n"], k))
    ]
    return groups, len(rows) - len(shown)


def _top_needs(db: Session, f: StatsFilters, titles: dict[str, str]) -> tuple[list[NeedCount], int]:
    # Need rows carry the filter fields themselves: one indexed GROUP BY, no join.
    conds = conditions(f, AssessmentNeed.__table__)
    n = func.count().label("n")
    stmt = _filtered(select(AssessmentNeed.code, n), conds).group_by(AssessmentNeed.code)
    rows = db.execute(stmt).all()
    shown = sorted((r for r in rows if r.n >= MIN_GROUP_SIZE), key=lambda r: (-r.n, r.code))
    needs = [NeedCount(code=r.code, title=titles.get(r.code, r.code), count=r.n) for r in shown]
    return needs, len(rows) - len(shown)


def compute_stats(db: Session, filters: StatsFilters, need_titles: dict[str, str]) -> StatsOut:
    guard = guard_for(db, filters.period)
    published = guard.safe(filters.profile)
    total: dict[str, Any] | None = None
    breakdowns: dict[str, list[GroupStats]] = {field: [] for field in PROFILE_FIELDS}
    top_needs: list[NeedCount] = []
    suppressed = 0
    if published:  # nothing else is even computed for a suppressed selection
        conds = conditions(filters)
        for field in PROFILE_FIELDS:
            rows = _grouped(db, field, conds)
            if field == "size_class":
                total = _rollup(rows)
            breakdowns[field], hidden = _breakdown(guard, filters, field, rows)
            suppressed += hidden
        top_needs, hidden = _top_needs(db, filters, need_titles)
        suppressed += hidden
    return StatsOut(
        published=published,
        completed=total["n"] if total else None,
        data_until=month_label(filters.period[1]),
        min_group_size=MIN_GROUP_SIZE,
        dimension_means=dimension_means(total),
        overall_mean=mean(total, "overall") if total else None,
        by_size_class=breakdowns["size_class"],
        by_sector=breakdowns["sector"],
        by_municipality=breakdowns["municipality"],
        top_needs=top_needs,
        suppressed_groups=suppressed,
        filters=filters.query_params(),
    )
