"""The count cube of closed months from the database, and the cache of guards over it."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from api.core import clock
from api.services.guard.rules import Guard, Key
from api.services.period import month_start

# Populations a guard can protect: all assessments, or the re-assessment pairs (T1 linked to T0).
# Other populations (e.g. "firms weak in security") come with their own cube (see guard_for).
ALL, PAIRS = "all", "pairs"


def month_expr(column: Any) -> Any:
    """year * 12 + month - 1 of a date/datetime column, portable (SQLite and PostgreSQL)."""
    return (extract("year", column) * 12 + extract("month", column) - 1).label("month")


def _closed(horizon: int | None) -> tuple[int, Any]:
    horizon = clock.last_closed_month() if horizon is None else horizon
    return horizon, month_start(horizon + 1)


def load_cube(db: Session, horizon: int | None = None, population: str = ALL) -> dict[Key, int]:
    """Counts per (month, size class, sector, municipality) of closed months up to `horizon`.

    ``population`` selects the records counted: every assessment (``all``) or the
    re-assessments linked to an earlier one (``pairs``)."""
    from api.models import Assessment

    horizon, end = _closed(horizon)
    month = month_expr(Assessment.completed_on)
    cols = [Assessment.size_class, Assessment.sector, Assessment.municipality]
    conds = [Assessment.completed_on < end]
    if population == PAIRS:
        conds.append(Assessment.previous_id.is_not(None))
    elif population != ALL:
        raise ValueError(f"unknown population {population!r}")
    stmt = select(month, *cols, func.count()).where(*conds).group_by(month, *cols)
    return {(int(r[0]), r[1], r[2], r[3]): int(r[4]) for r in db.execute(stmt)}


# Closed months do not change (records get the current month), so the cube and the guard's own
# tables are kept between requests. A cheap fingerprint notices any change: count, first and
# last day of the closed months' records, and the smallest and largest (random) record id of
# all records (two index lookups; a new or deleted record changes them almost surely).
_guards: OrderedDict[tuple, Guard] = OrderedDict()
_GUARDS_KEPT = 128
_guards_lock = threading.Lock()


def _fingerprint(db: Session, end: date) -> tuple:
    from api.models import Assessment

    day, rid = Assessment.completed_on, Assessment.id
    closed = db.execute(select(func.count(), func.min(day), func.max(day)).where(day < end)).one()
    # separate scalar subqueries: each min()/max() alone is one index lookup
    lowest, highest = (
        select(func.min(rid)).scalar_subquery(),
        select(func.max(rid)).scalar_subquery(),
    )
    return (*closed, *db.execute(select(lowest, highest)).one())


def data_key(db: Session) -> tuple:
    """Identifies the closed months' data: database, horizon and fingerprint."""
    horizon = clock.last_closed_month()
    return (str(db.get_bind().url), horizon, _fingerprint(db, month_start(horizon + 1)))


def guard_for(
    db: Session,
    period: tuple[int | None, int | None],
    population: str = ALL,
    cube_loader: Any = None,
) -> Guard:
    """The guard for a report period over closed months (cached while the data is the same).

    ``population``: ``all`` assessments, ``pairs`` (re-assessments), or any other name together
    with ``cube_loader(db, horizon)`` returning that population's cube (same key shape)."""
    data = data_key(db)
    with _guards_lock:
        guard = _guards.get((*data, population, period))
        sibling = next(
            (g for key, g in _guards.items() if key[:3] == data and key[3] == population),
            None,
        )
    if guard is None:
        if sibling is None:
            loader = cube_loader or (lambda d, h: load_cube(d, h, population))
            guard = Guard(loader(db, data[1]), period)
        else:  # same data, another period: reuse the cube and its period-free tables
            guard = Guard(sibling.cube, period, sibling.shared)
        with _guards_lock:
            _guards[(*data, population, period)] = guard
            while len(_guards) > _GUARDS_KEPT:
                _guards.popitem(last=False)
    return guard


def timeless(cube: dict[Key, int]) -> dict[Key, int]:
    """The cube with all months folded into one (for statistics without a period)."""
    folded: dict[Key, int] = defaultdict(int)
    for (_month, *profile), n in cube.items():
        folded[(0, *profile)] += n
    return dict(folded)
