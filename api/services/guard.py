"""Small-group protection for every number the dashboard shows about assessments.

A "cell" is a set of firms described by equality filters on the profile (size class, sector,
municipality) and a month range. A cell is publishable only if
1. it holds at least MIN_GROUP_SIZE records, and
2. no coarser cell differs from it by 1 to MIN_GROUP_SIZE-1 records. Coarser cells are all
   combinations of dropping profile filters and widening the month range; otherwise the
   difference of two allowed queries (e.g. "Handwerk" minus "Handwerk in Hilden", or
   "Jan-Mar" minus "Jan-Feb") would describe 1-4 firms;
3. no other profile cell of the same period that contains it *in the data* (e.g. "Hilden" when
   every firm in Hilden has 1-9 staff contains "1-9 staff") holds 1-4 more records: empty
   combinations make cells nested without the filters saying so.
Of two nested cells that differ by 1-4 records, the smaller one is always the one suppressed.
The check runs on a count cube (GROUP BY month and profile, one SQL query, at most
months x 3 x 10 x 12 rows). Breakdown tables additionally get complementary suppression.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from api.core.vocab import MIN_GROUP_SIZE
from api.services.dashboard.period import PROFILE_FIELDS

Profile = dict[str, str]
Key = tuple[Any, ...]


def month_expr(column: Any) -> Any:
    """year * 12 + month - 1 of a date/datetime column, portable (SQLite and PostgreSQL)."""
    return (extract("year", column) * 12 + extract("month", column) - 1).label("month")


def load_cube(db: Session) -> dict[Key, int]:
    from api.models import Assessment

    month = month_expr(Assessment.completed_on)
    cols = [Assessment.size_class, Assessment.sector, Assessment.municipality]
    stmt = select(month, *cols, func.count()).group_by(month, *cols)
    return {(int(r[0]), r[1], r[2], r[3]): int(r[4]) for r in db.execute(stmt)}


class Guard:
    def __init__(self, cube: dict[Key, int], period: tuple[int | None, int | None]):
        self.cube = cube
        months = [k[0] for k in cube]
        self.first = min(months) if months else 0
        self.last = max(months) if months else 0
        lo, hi = period
        self.period = (
            self.first if lo is None else max(lo, self.first),
            self.last if hi is None else min(hi, self.last),
        )
        self._marginals: dict[tuple[str, ...], dict[Key, int]] = {}
        self._period_cells: dict[tuple[int, int], dict[tuple[str, ...], dict[Key, int]]] = {}

    def _marginal(self, fields: tuple[str, ...]) -> dict[Key, int]:
        if fields not in self._marginals:
            idx = [PROFILE_FIELDS.index(f) + 1 for f in fields]
            table: dict[Key, int] = defaultdict(int)
            for key, n in self.cube.items():
                table[(key[0], *(key[i] for i in idx))] += n
            self._marginals[fields] = table
        return self._marginals[fields]

    def monthly(self, profile: Profile) -> list[int]:
        """Counts per month (first..last of the data) for the profile filters."""
        fields = tuple(f for f in PROFILE_FIELDS if f in profile)
        table = self._marginal(fields)
        values = tuple(profile[f] for f in fields)
        return [table.get((m, *values), 0) for m in range(self.first, self.last + 1)]

    def count(self, profile: Profile, period: tuple[int, int] | None = None) -> int:
        lo, hi = period or self.period
        series = self.monthly(profile)
        return sum(series[lo - self.first : hi - self.first + 1]) if lo <= hi else 0

    def safe(self, profile: Profile, period: tuple[int, int] | None = None) -> bool:
        lo, hi = period or self.period
        n = self.count(profile, (lo, hi))
        if n < MIN_GROUP_SIZE:
            return False
        if not self._containers_safe(profile, (lo, hi), n):
            return False
        items = sorted(profile.items())
        for size in range(len(items) + 1):
            for subset in combinations(items, size):
                if not self._extensions_safe(self.monthly(dict(subset)), lo, hi, n):
                    return False
        return True

    def _cells(self, period: tuple[int, int]) -> dict[tuple[str, ...], dict[Key, int]]:
        """Counts of every profile cell (all filter patterns) within the period."""
        if period not in self._period_cells:
            lo, hi = period
            rows = [(key, n) for key, n in self.cube.items() if lo <= key[0] <= hi]
            cells: dict[tuple[str, ...], dict[Key, int]] = {}
            for size in range(len(PROFILE_FIELDS) + 1):
                for fields in combinations(PROFILE_FIELDS, size):
                    idx = [PROFILE_FIELDS.index(f) + 1 for f in fields]
                    table: dict[Key, int] = defaultdict(int)
                    for key, n in rows:
                        table[tuple(key[i] for i in idx)] += n
                    cells[fields] = table
            self._period_cells[period] = cells
        return self._period_cells[period]

    def _containers_safe(self, profile: Profile, period: tuple[int, int], n: int) -> bool:
        """No cell R of the period with R ⊇ Q in the data and n(R) - n(Q) in 1..4."""
        cells = self._cells(period)
        for fields, table in cells.items():
            for values, n_r in table.items():
                if not 0 < n_r - n < MIN_GROUP_SIZE:
                    continue
                cell = dict(zip(fields, values, strict=True))
                if any(profile.get(k, v) != v for k, v in cell.items()):
                    continue  # conflicting filters: R and Q are disjoint
                meet = profile | cell
                meet_fields = tuple(f for f in PROFILE_FIELDS if f in meet)
                meet_n = cells[meet_fields].get(tuple(meet[f] for f in meet_fields), 0)
                if meet_n == n:  # every record of Q is in R
                    return False
        return True

    def _extensions_safe(self, series: list[int], lo: int, hi: int, n: int) -> bool:
        a, b = lo - self.first, hi - self.first
        base = sum(series[a : b + 1]) - n
        lefts, total = {0}, 0
        for i in range(a - 1, -1, -1):
            total += series[i]
            if total + base >= MIN_GROUP_SIZE:
                break
            lefts.add(total)
        rights, total = {0}, 0
        for i in range(b + 1, len(series)):
            total += series[i]
            if total + base >= MIN_GROUP_SIZE:
                break
            rights.add(total)
        small = range(1, MIN_GROUP_SIZE)
        return not any(base + left + right in small for left in lefts for right in rights)


def complementary(counts: dict[Any, int], visible: set[Any]) -> set[Any]:
    """Hides the smallest visible groups until the hidden groups hold 0 or >= 5 records."""
    shown = set(visible)
    hidden_total = sum(n for k, n in counts.items() if k not in shown)
    while 0 < hidden_total < MIN_GROUP_SIZE and shown:
        smallest = min(shown, key=lambda k: (counts[k], str(k)))
        shown.discard(smallest)
        hidden_total += counts[smallest]
    return shown
