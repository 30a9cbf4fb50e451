"""SQL aggregation for staff statistics and the public peer benchmark.

All numbers are computed with GROUP BY in the database. Small-group protection:
- a group (size class, sector, municipality, need) with fewer than MIN_GROUP_SIZE records is
  suppressed; if the suppressed groups of a breakdown hold 1–4 records in total, the smallest
  visible group is suppressed as well, so the hidden remainder cannot be derived from the total;
- a mean over fewer than MIN_GROUP_SIZE answered values is null (also the overall means).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, select
from sqlalchemy.orm import Session

from api.core.vocab import DIMENSIONS, MIN_GROUP_SIZE
from api.models import Assessment, AssessmentNeed
from api.schemas import GroupStats, NeedCount, StatsFilters, StatsOut

A = Assessment.__table__.c
MEAN_COLUMNS = {"overall": A.overall, **{d: A[f"score_{d}"] for d in DIMENSIONS}}


def _aggregates() -> list[ColumnElement[Any]]:
    cols: list[ColumnElement[Any]] = [func.count().label("n")]
    for name, col in MEAN_COLUMNS.items():
        cols.append(func.sum(col).label(f"sum_{name}"))
        cols.append(func.count(col).label(f"cnt_{name}"))
    return cols


def _conditions(
    f: StatsFilters | None, table: Table = Assessment.__table__
) -> list[ColumnElement[bool]]:
    if f is None:
        return []
    c = table.c
    conds: list[ColumnElement[bool]] = []
    if f.date_from:
        conds.append(c.completed_on >= f.date_from)
    if f.date_to:
        conds.append(c.completed_on <= f.date_to)
    for field in ("size_class", "sector", "municipality"):
        value = getattr(f, field)
        if value is not None:
            conds.append(c[field] == value)
    return conds


def _mean(agg: dict[str, Any], name: str) -> float | None:
    count = agg[f"cnt_{name}"]
    if agg["n"] < MIN_GROUP_SIZE or count < MIN_GROUP_SIZE:
        return None
    return round(float(agg[f"sum_{name}"]) / count, 1)


def _dimension_means(agg: dict[str, Any]) -> dict[str, float | None]:
    return {d: _mean(agg, d) for d in DIMENSIONS}


def _filtered(stmt: Select, conds: list[ColumnElement[bool]]) -> Select:
    return stmt.where(*conds) if conds else stmt


def _grouped(db: Session, field: str, conds: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    col = A[field]
    stmt = _filtered(select(col.label("key"), *_aggregates()), conds).group_by(col)
    rows = [dict(r._mapping) for r in db.execute(stmt)]
    return sorted(rows, key=lambda r: (-r["n"], r["key"]))


def _rollup(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals from the (at most three) size-class groups: every record is in exactly one."""
    total: dict[str, Any] = {"n": 0}
    for name in MEAN_COLUMNS:
        total[f"sum_{name}"] = sum(r[f"sum_{name}"] or 0 for r in rows)
        total[f"cnt_{name}"] = sum(r[f"cnt_{name}"] for r in rows)
    total["n"] = sum(r["n"] for r in rows)
    return total


def _breakdown(rows: list[dict[str, Any]]) -> tuple[list[GroupStats], int]:
    visible = [r for r in rows if r["n"] >= MIN_GROUP_SIZE]
    hidden_records = sum(r["n"] for r in rows if r["n"] < MIN_GROUP_SIZE)
    if 0 < hidden_records < MIN_GROUP_SIZE and visible:
        visible.pop()  # complementary suppression of the smallest visible group
    groups = [
        GroupStats(
            key=r["key"],
            count=r["n"],
            overall_mean=_mean(r, "overall"),
            dimension_means=_dimension_means(r),
        )
        for r in visible
    ]
    return groups, len(rows) - len(visible)


def _top_needs(
    db: Session, filters: StatsFilters, titles: dict[str, str]
) -> tuple[list[NeedCount], int]:
    # Need rows carry the filter fields themselves: one indexed GROUP BY, no join.
    conds = _conditions(filters, AssessmentNeed.__table__)
    n = func.count().label("n")
    stmt = _filtered(select(AssessmentNeed.code, n), conds).group_by(AssessmentNeed.code)
    rows = db.execute(stmt).all()
    shown = sorted((r for r in rows if r.n >= MIN_GROUP_SIZE), key=lambda r: (-r.n, r.code))
    needs = [NeedCount(code=r.code, title=titles.get(r.code, r.code), count=r.n) for r in shown]
    return needs, len(rows) - len(shown)


def compute_stats(db: Session, filters: StatsFilters, need_titles: dict[str, str]) -> StatsOut:
    conds = _conditions(filters)
    rows = {field: _grouped(db, field, conds) for field in ("size_class", "sector", "municipality")}
    total = _rollup(rows["size_class"])
    breakdowns: dict[str, list[GroupStats]] = {}
    suppressed = 0
    for field, field_rows in rows.items():
        breakdowns[field], hidden = _breakdown(field_rows)
        suppressed += hidden
    top_needs, hidden = _top_needs(db, filters, need_titles)
    return StatsOut(
        completed=total["n"],
        min_group_size=MIN_GROUP_SIZE,
        dimension_means=_dimension_means(total),
        overall_mean=_mean(total, "overall"),
        by_size_class=breakdowns["size_class"],
        by_sector=breakdowns["sector"],
        by_municipality=breakdowns["municipality"],
        top_needs=top_needs,
        suppressed_groups=suppressed + hidden,
        filters=filters,
    )


def compute_benchmark(db: Session, size_class: str | None, sector: str | None) -> dict[str, Any]:
    conds = _conditions(StatsFilters(size_class=size_class, sector=sector))
    row = dict(db.execute(_filtered(select(*_aggregates()), conds)).one()._mapping)
    if row["n"] < MIN_GROUP_SIZE:
        return {"available": False, "count": None, "overall": None, "dimensions": None}
    return {
        "available": True,
        "count": row["n"],
        "overall": _mean(row, "overall"),
        "dimensions": _dimension_means(row),
    }
