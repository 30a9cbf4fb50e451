"""The guard's rules 1-4 on a count cube, and complementary suppression of breakdowns (see the
package docstring, api/services/guard/__init__.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from operator import itemgetter
from typing import Any

from api.core.codes import MIN_GROUP_SIZE
from api.services.period import PROFILE_FIELDS

Profile = dict[str, str]
Key = tuple[Any, ...]
SMALL = range(1, MIN_GROUP_SIZE)


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
