"""Small-group protection: the one guard for every number about assessments (staff statistics,
dashboard, public peer benchmark).

A "cell" is a set of firms described by equality filters on the profile (size class, sector,
municipality) and a month range. Reports include closed months only (the horizon is the last
complete month), so data of a month never changes once it is reported. A cell is publishable
only if
1. it holds at least MIN_GROUP_SIZE records;
2. no cell of the same period that contains it *in the data* (e.g. "Hilden" when every firm in
   Hilden has 1-9 staff contains "1-9 staff") holds 1-4 more records;
3. no coarser cell differs from it by 1 to MIN_GROUP_SIZE-1 records. Coarser cells are all
   combinations of dropping profile filters and widening the month range to the left (towards
   older months); otherwise the difference of two allowed queries (e.g. "Handwerk" minus
   "Handwerk in Hilden", or "Jan-Mar" minus "Feb-Mar") would describe 1-4 firms. Of two such
   cells the smaller one is suppressed;
4. it has grown by 0 or at least MIN_GROUP_SIZE records since the last month at which the same
   cell with an earlier end was publishable ("growth rule"). Widening a period to the right is
   what happens over time as months close; here the *newer* (larger) cell is the one suppressed,
   because the older one has already been shown. So a statistic requested before and after a
   month closes never differs by the records of one to four firms.
Rules 1-4 depend only on data up to the cell's last month, so a cell's fate never changes when
later months close. The checks run on a count cube (GROUP BY month and profile, one SQL query,
at most months x 3 x 10 x 12 rows). Breakdown tables additionally get complementary suppression:
the hidden groups of a breakdown hold 0 or at least MIN_GROUP_SIZE records together.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import combinations
from operator import itemgetter
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.codes import MIN_GROUP_SIZE
from api.services.period import PROFILE_FIELDS, month_start

Profile = dict[str, str]
Key = tuple[Any, ...]
SMALL = range(1, MIN_GROUP_SIZE)
# Populations a guard can protect: all assessments, or the re-assessment pairs (T1 linked to T0).
# Other populations (e.g. "firms weak in security") come with their own cube (see Guard).
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


def _projection(indexes: list[int]) -> Any:
    """A fast key -> tuple of the key's items at ``indexes`` (always a tuple)."""
    if not indexes:
        return lambda _key: ()
    if len(indexes) == 1:
        i = indexes[0]
        return lambda key: (key[i],)
    return itemgetter(*indexes)


class Guard:
    def __init__(
        self,
        cube: dict[Key, int],
        period: tuple[int | None, int | None],
        shared: dict[str, Any] | None = None,
    ):
        """``shared``: the cube's period-independent tables (marginals, monthly series), kept
        by the caller so that guards of the same cube for other periods reuse them."""
        self.cube = cube
        months = [k[0] for k in cube]
        self.first = min(months) if months else 0
        self.last = max(months) if months else 0
        lo, hi = period
        self.period = (
            self.first if lo is None else max(lo, self.first),
            self.last if hi is None else min(hi, self.last),
        )
        shared = {} if shared is None else shared
        self.shared = shared
        self._marginals: dict[tuple[str, ...], dict[Key, int]] = shared.setdefault("marginals", {})
        self._period_cells: dict[tuple[int, int], dict[tuple[str, ...], dict[Key, int]]] = {}
        # cells of a period by their count (rule 2 looks only at counts n+1..n+4)
        self._by_count: dict[tuple[int, int], dict[int, list[tuple[tuple, tuple]]]] = {}
        self._series: dict[tuple, list[int]] = shared.setdefault("series", {})
        self._verdicts: dict[tuple, bool] = {}  # the cube never changes: answers are final

    def _marginal(self, fields: tuple[str, ...]) -> dict[Key, int]:
        """Counts per (month, *values of fields); summed from the smallest finer table known."""
        if fields not in self._marginals:
            source_fields, source = PROFILE_FIELDS, self.cube
            for known, table in list(self._marginals.items()):
                if set(fields) < set(known) and len(table) < len(source):
                    source_fields, source = known, table
            project = _projection([0, *(source_fields.index(f) + 1 for f in fields)])
            result: dict[Key, int] = defaultdict(int)
            for key, n in source.items():
                result[project(key)] += n
            self._marginals[fields] = result
        return self._marginals[fields]

    def monthly(self, profile: Profile) -> list[int]:
        """Counts per month (first..last of the data) for the profile filters."""
        fields = tuple(f for f in PROFILE_FIELDS if f in profile)
        values = tuple(profile[f] for f in fields)
        key = (fields, values)
        if key not in self._series:
            table = self._marginal(fields)
            months = range(self.first, self.last + 1)
            self._series[key] = [table.get((m, *values), 0) for m in months]
        return self._series[key]

    def count(self, profile: Profile, period: tuple[int, int] | None = None) -> int:
        lo, hi = period or self.period
        series = self.monthly(profile)
        lo, hi = max(lo, self.first), min(hi, self.last)
        return sum(series[lo - self.first : hi - self.first + 1]) if lo <= hi else 0

    def safe(self, profile: Profile, period: tuple[int, int] | None = None) -> bool:
        lo, hi = period or self.period
        lo, hi = max(lo, self.first), min(hi, self.last)
        key = (tuple(sorted(profile.items())), lo, hi)
        if key not in self._verdicts:
            self._verdicts[key] = self._safe(profile, lo, hi)
        return self._verdicts[key]

    def _safe(self, profile: Profile, lo: int, hi: int) -> bool:
        n = self.count(profile, (lo, hi))
        if n < MIN_GROUP_SIZE:
            return False
        if not self._containers_safe(profile, (lo, hi), n):
            return False
        items = sorted(profile.items())
        for size in range(len(items) + 1):
            for subset in combinations(items, size):
                if not self._left_extensions_safe(self.monthly(dict(subset)), lo, hi, n):
                    return False
        return self._growth_safe(self.monthly(profile), lo, hi)

    def _cells(self, period: tuple[int, int]) -> dict[tuple[str, ...], dict[Key, int]]:
        """Counts of every profile cell (all filter patterns) within the period."""
        if period not in self._period_cells:
            lo, hi = period
            folded: dict[Key, int] = defaultdict(int)
            for key, n in self.cube.items():
                if lo <= key[0] <= hi:
                    folded[key[1:]] += n
            cells: dict[tuple[str, ...], dict[Key, int]] = {}
            for size in range(len(PROFILE_FIELDS) + 1):
                for fields in combinations(PROFILE_FIELDS, size):
                    project = _projection([PROFILE_FIELDS.index(f) for f in fields])
                    table: dict[Key, int] = defaultdict(int)
                    for key, n in folded.items():
                        table[project(key)] += n
                    cells[fields] = table
            self._period_cells[period] = cells
        return self._period_cells[period]

    def _cells_by_count(self, period: tuple[int, int]) -> dict[int, list[tuple[tuple, tuple]]]:
        if period not in self._by_count:
            index: dict[int, list[tuple[tuple, tuple]]] = defaultdict(list)
            for fields, table in self._cells(period).items():
                for values, n_r in table.items():
                    index[n_r].append((fields, values))
            self._by_count[period] = index
        return self._by_count[period]

    def _containers_safe(self, profile: Profile, period: tuple[int, int], n: int) -> bool:
        """Rule 2: no cell R of the period with R ⊇ Q in the data and n(R) - n(Q) in 1..4."""
        cells = self._cells(period)
        by_count = self._cells_by_count(period)
        for fields, values in (c for d in SMALL for c in by_count.get(n + d, ())):
            cell = dict(zip(fields, values, strict=True))
            if any(profile.get(k, v) != v for k, v in cell.items()):
                continue  # conflicting filters: R and Q are disjoint
            meet = profile | cell
            meet_fields = tuple(f for f in PROFILE_FIELDS if f in meet)
            meet_n = cells[meet_fields].get(tuple(meet[f] for f in meet_fields), 0)
            if meet_n == n:  # every record of Q is in R
                return False
        return True

    def _left_extensions_safe(self, series: list[int], lo: int, hi: int, n: int) -> bool:
        """Rule 3 for one coarser profile: the same or an earlier start, the same end."""
        a, b = lo - self.first, hi - self.first
        base = sum(series[a : b + 1]) - n
        if base in SMALL:
            return False
        total = 0
        for i in range(a - 1, -1, -1):
            total += series[i]
            if base + total >= MIN_GROUP_SIZE:
                break
            if base + total in SMALL:
                return False
        return True

    def _growth_safe(self, series: list[int], lo: int, hi: int) -> bool:
        """Rule 4: the cell (profile, lo..hi) differs by 0 or >= 5 records from every cell
        (profile, lo..k), k < hi, that was publishable under this rule when k was the last
        month. Counting only (differences of counts decide it), so cells with the same records
        always get the same answer."""
        a = lo - self.first
        published = 0  # the empty cell "was published" with 0 records
        cumulative = 0
        ok = False
        for i in range(a, hi - self.first + 1):
            cumulative += series[i]
            grown = cumulative - published
            ok = cumulative >= MIN_GROUP_SIZE and grown not in SMALL
            if ok:
                published = cumulative
        return ok


def complementary(counts: dict[Any, int], visible: Iterable[Any]) -> set[Any]:
    """Hides the smallest visible groups until the hidden groups hold 0 or >= 5 records."""
    shown = set(visible)
    hidden_total = sum(n for k, n in counts.items() if k not in shown)
    while hidden_total in SMALL and shown:
        smallest = min(shown, key=lambda k: (counts[k], str(k)))
        shown.discard(smallest)
        hidden_total += counts[smallest]
    return shown


def guarded_breakdown(
    guard: Guard, profile: Profile, field: str, counts: dict[str, int]
) -> set[str]:
    """Keys of a breakdown (profile + field=key) that may be shown: each one publishable by the
    guard, and complementary suppression over the rest."""
    safe = {key for key in counts if guard.safe(profile | {field: key})}
    return complementary(counts, safe)
