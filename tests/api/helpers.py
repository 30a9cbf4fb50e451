"""Helpers shared by several API test modules: catalogue offerings built in place, and the
enumeration of dashboard filter combinations for the privacy tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import product
from typing import Any

from api.core.codes import MIN_GROUP_SIZE
from api.services.period import DashboardFilters
from contract.catalogue import Eligibility, Offering

# The profile fields of a generated group (count, size_class, sector, municipality, day, ...).
FIELDS = ("size_class", "sector", "municipality")


def offering(
    oid: str,
    dims: Iterable[str],
    kind: str = "beratung",
    status: str = "open",
    needs: tuple[str, ...] = (),
    audience: str = "betriebe",
    on_wish_only: bool = False,
    **elig,
) -> Offering:
    """An offering with placeholder texts (open and for firms unless told otherwise);
    eligibility lists may be given as lists or tuples."""
    return Offering(
        id=oid,
        title=f"Angebot {oid}",
        provider="Anbieter",
        kind=kind,
        dimensions=tuple(dims),
        eligibility=Eligibility(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in elig.items()}
        ),
        cost="kostenfrei",
        url="https://example.org",
        summary="Eine kurze Beschreibung.",
        status=status,
        last_checked=date(2026, 11, 25),
        needs=needs,
        audience=audience,
        on_wish_only=on_wish_only,
    )


def filter_combinations(
    groups: Sequence[tuple[Any, ...]], periods: Iterable[tuple[str | None, str | None]]
) -> Iterator[tuple[DashboardFilters, set[int]]]:
    """Every period combined with each profile field unset or set to a value of the groups,
    with the months (of the groups' year) the period covers; an open end is the data's first
    or last month."""
    values = [[None, *sorted({g[i + 1] for g in groups})] for i in range(len(FIELDS))]
    data_months = [g[4].month for g in groups]
    for (lo, hi), size, sector, place in product(periods, *values):
        f = DashboardFilters(
            month_from=lo, month_to=hi, size_class=size, sector=sector, municipality=place
        )
        first = min(data_months) if lo is None else int(lo[-2:])
        last = max(data_months) if hi is None else int(hi[-2:])
        yield f, set(range(first, last + 1))


def assert_no_small_differences(cells: Iterable[frozenset]) -> None:
    """No set of firms contains another one with 1 to MIN_GROUP_SIZE-1 firms more."""
    cells = set(cells)
    for a in cells:
        for b in cells:
            if b < a:
                assert not 0 < len(a - b) < MIN_GROUP_SIZE, (len(a), len(b))
