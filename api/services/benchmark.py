"""The public peer benchmark (GET /api/benchmark): published snapshots of fixed groups.

What the public sees cannot single out a firm:
- only fixed groups: a size class, or a size class and a sector; no period, no town;
- a group is shown only when the shared guard (api/services/guard/) publishes it: at least
  5 firms, no containing or coarser group that is 1-4 firms larger, and complementary
  suppression among the sectors of a size class;
- no exact counts: the size of the group is given as a band ("5–9", "10–19", ...);
- values are whole points (means rounded half up), null when fewer than 5 firms answered;
- values change only in steps of at least 5 firms: the numbers are snapshots, stored in
  ``benchmark_snapshots`` and refreshed after new records (and at start-up and after the
  retention purge) only when the size class has changed by at least MIN_GROUP_SIZE firms since
  its last refresh. Within such a refresh a sector group gets new values only when it, too, has
  changed by at least MIN_GROUP_SIZE firms since its values were computed; otherwise it keeps
  its earlier values. So two different values ever published for a group differ by at least
  five firms, and a request before and after one more interview gets the same answer.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.core import clock
from api.core.codes import DIMENSIONS, MIN_GROUP_SIZE, SIZE_CLASSES
from api.models import Assessment, BenchmarkSnapshot
from api.services.guard import Guard, guarded_breakdown
from api.services.stats import MEAN_COLUMNS, aggregates
from contract.scoring import round_half_up

A = Assessment.__table__.c
BANDS = ((100, "mindestens 100"), (50, "50–99"), (20, "20–49"), (10, "10–19"), (5, "5–9"))
ALL_SECTORS = ""  # the sector value of a whole size class's snapshot
VALUE_COLUMNS = ("overall", *(f"score_{d}" for d in DIMENSIONS))


def count_band(firms: int) -> str | None:
    return next((label for low, label in BANDS if firms >= low), None)


def _rounded_mean(total: Any, answered: int) -> int | None:
    if answered < MIN_GROUP_SIZE:
        return None
    return round_half_up(Fraction(int(total), int(answered)))


def _values(agg: dict[str, Any]) -> dict[str, int | None]:
    names = {"overall": "overall", **{f"score_{d}": d for d in DIMENSIONS}}
    return {col: _rounded_mean(agg[f"sum_{n}"] or 0, agg[f"cnt_{n}"]) for col, n in names.items()}


def _empty() -> dict[str, Any]:
    agg: dict[str, Any] = {"n": 0}
    for name in MEAN_COLUMNS:
        agg[f"sum_{name}"] = 0
        agg[f"cnt_{name}"] = 0
    return agg


def _live_groups(db: Session) -> tuple[dict[tuple[str, str], dict[str, Any]], dict]:
    """Aggregates of every size class and size class + sector, and the guard's count cube."""
    cols = [A.size_class, A.sector, A.municipality]
    rows = db.execute(select(*cols, *aggregates()).group_by(*cols)).mappings().all()
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    cube = {}
    for row in rows:
        cube[(0, row["size_class"], row["sector"], row["municipality"])] = int(row["n"])
        for key in ((row["size_class"], ALL_SECTORS), (row["size_class"], row["sector"])):
            agg = groups.setdefault(key, _empty())
            for name, value in row.items():
                if name == "n" or name.startswith(("sum_", "cnt_")):
                    agg[name] += int(value or 0)
    return groups, cube


def _upsert(db: Session, values: dict[str, Any]) -> None:
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(BenchmarkSnapshot).values(**values)
    keys = ("size_class", "sector")
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys), set_={k: v for k, v in values.items() if k not in keys}
    )
    db.execute(stmt)


def _publish(
    db: Session,
    key: tuple[str, str],
    agg: dict[str, Any],
    visible: bool,
    refreshed_at: int,
    old: BenchmarkSnapshot | None,
) -> None:
    firms = agg["n"]
    never_computed = old is None or old.firms == 0
    recompute = visible and (never_computed or abs(firms - old.firms) >= MIN_GROUP_SIZE)
    if old is None and not recompute and key[1] != ALL_SECTORS:
        return  # a sector group that has never been shown: nothing to remember
    if recompute:
        kept = {"firms": firms, "published_on": clock.this_month(), **_values(agg)}
    elif old is not None:
        kept = {"firms": old.firms, "published_on": old.published_on}
        kept |= {col: getattr(old, col) for col in VALUE_COLUMNS}
    else:
        kept = {"firms": 0, "published_on": clock.this_month()}
        kept |= dict.fromkeys(VALUE_COLUMNS)
    values = {"size_class": key[0], "sector": key[1], "visible": visible}
    _upsert(db, values | {"refreshed_at_firms": refreshed_at} | kept)


def refresh_benchmark(db: Session) -> None:
    """Refresh the snapshots where the rule allows it (see the module docstring)."""
    groups, cube = _live_groups(db)
    guard = Guard(cube, (0, 0))
    snapshots = {(s.size_class, s.sector): s for s in db.scalars(select(BenchmarkSnapshot))}
    for size_class in SIZE_CLASSES:
        whole = groups.get((size_class, ALL_SECTORS), _empty())
        firms = whole["n"]
        old = snapshots.get((size_class, ALL_SECTORS))
        if old is None and firms < MIN_GROUP_SIZE:
            continue  # nothing has ever been published, nothing can be yet
        if old is not None and abs(firms - old.refreshed_at_firms) < MIN_GROUP_SIZE:
            continue  # changed by fewer than five firms since the last refresh: keep everything
        profile = {"size_class": size_class}
        _publish(db, (size_class, ALL_SECTORS), whole, guard.safe(profile), firms, old)
        counts = {
            sector: agg["n"]
            for (size, sector), agg in groups.items()
            if size == size_class and sector != ALL_SECTORS
        }
        shown = guarded_breakdown(guard, profile, "sector", counts)
        remembered = {s for (size, s) in snapshots if size == size_class and s != ALL_SECTORS}
        for sector in sorted(set(counts) | remembered):
            key = (size_class, sector)
            agg = groups.get(key, _empty())
            _publish(db, key, agg, sector in shown, firms, snapshots.get(key))
    db.commit()


def get_benchmark(db: Session, size_class: str, sector: str | None) -> dict[str, Any]:
    snapshot = db.get(BenchmarkSnapshot, (size_class, sector or ALL_SECTORS))
    if snapshot is None or not snapshot.visible or not snapshot.firms:
        return {"available": False, "count_band": None, "overall": None, "dimensions": None}
    return {
        "available": True,
        "count_band": count_band(snapshot.firms),
        "overall": snapshot.overall,
        "dimensions": {d: getattr(snapshot, f"score_{d}") for d in DIMENSIONS},
    }
