"""Attempts to single out one firm through the dashboard must fail.

A small region with two unique firms (a Handwerk firm in Monheim, a large Gastronomie firm in
Monheim). The tests narrow the filters down to them, difference pairs of filter queries, and
finally enumerate every filter combination and check that no two published numbers describe
sets of firms that differ by 1-4 firms."""

from __future__ import annotations

from datetime import date

import pytest

from api.core.codes import MIN_GROUP_SIZE
from api.core.db import SessionLocal
from api.services.dashboard.build import build_dashboard
from api.services.period import DashboardFilters
from tests.api.dashboard_data import add_firms, clean_dashboard_tables, csv_rows, login
from tests.api.helpers import FIELDS, assert_no_small_differences, filter_combinations

__all__ = ["clean_dashboard_tables"]
MAR, APR = date(2026, 3, 10), date(2026, 4, 10)
# (count, size_class, sector, municipality, day, overall)
GROUPS = [
    (10, "1-9", "handwerk", "hilden", MAR, 40),
    (1, "1-9", "handwerk", "monheim", MAR, 95),  # target 1
    (9, "10-49", "bau", "velbert", APR, 70),
    (6, "1-9", "handel", "hilden", APR, 55),
    (1, "50+", "gastronomie", "monheim", APR, 20),  # target 2
    (5, "1-9", "handwerk", "hilden", APR, 50),
]
PERIODS = [
    (None, None),
    ("2026-03", "2026-03"),
    ("2026-04", "2026-04"),
    ("2026-03", None),
    (None, "2026-03"),
    ("2026-04", None),
]


@pytest.fixture
def region(client) -> None:
    for n, size, sector, place, day, overall in GROUPS:
        add_firms(n, size_class=size, sector=sector, municipality=place, day=day, overall=overall)
    login(client)


def members(conditions: dict[str, str], months: set[int] | None = None) -> frozenset:
    result = set()
    for g, (n, size, sector, place, day, _) in enumerate(GROUPS):
        record = {"size_class": size, "sector": sector, "municipality": place}
        if all(record[k] == v for k, v in conditions.items()) and (
            months is None or day.month in months
        ):
            result |= {(g, i) for i in range(n)}
    return frozenset(result)


def population(client, **filters: str) -> str:
    rows = {r[0]: r[1] for r in csv_rows(client, "overview", **filters)[1:]}
    return rows["Ausgewertete Betriebe in der Auswahl"]


def test_narrowing_filters_to_one_firm_shows_nothing(client, region) -> None:
    for filters in (
        {"municipality": "monheim"},
        {"sector": "gastronomie"},
        {"size_class": "50+"},
        {"sector": "handwerk", "municipality": "monheim"},
        {"size_class": "1-9", "municipality": "monheim", "month_from": "2026-03"},
    ):
        assert population(client, **filters) == "", filters
        maturity = csv_rows(client, "maturity", **filters)
        assert maturity[1] == ["zu wenige Daten"]
        page = client.get("/dashboard", params=filters)
        assert "Zu wenige Daten" in page.text


def test_differencing_two_filter_queries_fails(client, region) -> None:
    # Handwerk (16) minus Handwerk in Hilden (15) would be the Monheim firm: the finer is hidden.
    assert population(client, sector="handwerk") == "16"
    assert population(client, sector="handwerk", municipality="hilden") == ""
    # "1-9 staff" (22) minus "Hilden" (21): every Hilden firm has 1-9 staff (nested in the data).
    assert population(client, size_class="1-9") == "22"
    assert population(client, municipality="hilden") == ""
    # Whole period (32) minus March (11) would leave April; 21 differ: both allowed. March
    # handwerk (11) vs March handwerk in Hilden (10): hidden.
    assert population(client, sector="handwerk", month_to="2026-03") == "11"
    assert population(client, municipality="hilden", month_to="2026-03") == ""
    # Breakdown rows: Monheim never appears, and the hidden rest is never 1-4 firms.
    for table in ("by_municipality", "by_sector", "by_size_class"):
        shown = {r[0]: int(r[1]) for r in csv_rows(client, table)[1:] if len(r) > 1}
        assert "monheim" not in shown and "gastronomie" not in shown and "50+" not in shown
        assert not 0 < 32 - sum(shown.values()) < MIN_GROUP_SIZE


def published_cells(filters: DashboardFilters, months: set[int] | None) -> list[frozenset]:
    """Sets of firms behind every number published for these filters."""
    with SessionLocal() as db:
        board = build_dashboard(db, filters)
    cells = []
    if not board.population_ok:
        return cells
    base = filters.profile
    cells.append(members(base, months))
    for field in FIELDS:
        for row in board.tables[f"by_{field}"].rows:
            cells.append(members(base | {field: row[0]}, months))
            assert len(cells[-1]) == row[1]
    for row in board.tables["trend"].rows:
        if row[3] is not None:
            cells.append(members(base, {int(row[0][-2:])} & (months or {3, 4})))
    return cells


def test_no_two_published_numbers_differ_by_one_to_four_firms(client, region) -> None:
    published: set[frozenset] = set()
    for f, months in filter_combinations(GROUPS, PERIODS):
        published.update(published_cells(f, months))
    assert published, "nothing published at all"
    for cell in published:
        assert len(cell) >= MIN_GROUP_SIZE
    assert_no_small_differences(published)
