"""Two requests before and after one more interview must not reveal that interview's scores.

For the public benchmark, the staff statistics and the dashboard alike: the responses are
identical, or every number that changed describes a group that changed by five or more firms.
"""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.core.codes import MIN_GROUP_SIZE
from api.services.guard import Guard
from tests.api.conftest import AUTH, insert_records, valid_assessment
from tests.api.dashboard_data import clean_dashboard_tables, csv_rows, login

__all__ = ["clean_dashboard_tables"]
OCT, NOV = date(2026, 10, 12), date(2026, 11, 18)
GROUP = {"size_class": "1-9", "sector": "handwerk"}


def stats(client: TestClient, **params: str) -> dict:
    response = client.get("/api/stats", params=params, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


def benchmark(client: TestClient) -> dict:
    return client.get("/api/benchmark", params=GROUP).json()


def population(client: TestClient, **params: str) -> str:
    rows = {r[0]: r[1] for r in csv_rows(client, "overview", **params)[1:]}
    return rows["Ausgewertete Betriebe in der Auswahl"]


def assert_no_single_firm_difference(before: dict, after: dict) -> None:
    """Both published: same count and same numbers, or counts five or more apart."""
    if not (before["published"] and after["published"]):
        return  # a suppressed response shows no number at all
    if before["completed"] == after["completed"]:
        assert before == after
    else:
        assert abs(before["completed"] - after["completed"]) >= MIN_GROUP_SIZE


@pytest.fixture
def nine_firms(client, frozen_clock) -> None:
    """Nine interviews in October; it is November now (October is closed)."""
    frozen_clock.set(NOV)
    insert_records(9, completed_on=OCT, score=50, overall=50, needs=("ki",))
    login(client)


def test_one_more_interview_changes_nothing(client, frozen_clock, nine_firms) -> None:
    before = (stats(client), benchmark(client), population(client))
    assert before[0]["completed"] == 9 and before[0]["overall_mean"] == 50.0
    assert before[1]["available"] is True and before[1]["overall"] == 50
    assert before[2] == "9"
    tenth = valid_assessment(scores={"security": 100, "online": 0}, overall=100, needs=["ki"])
    assert client.post("/api/assessments", json=tenth).status_code == 201
    after = (stats(client), benchmark(client), population(client))
    assert after == before  # identical: the tenth firm is invisible


def test_when_the_month_closes_one_firm_still_cannot_be_singled_out(
    client, frozen_clock, nine_firms
) -> None:
    before = stats(client)
    assert client.post("/api/assessments", json=valid_assessment(overall=100)).status_code == 201
    frozen_clock.set(date(2026, 12, 3))  # November closes with one interview in it
    after = stats(client)
    assert after["data_until"] == "2026-11"
    assert after["published"] is False and after["overall_mean"] is None  # 9 → 10: suppressed
    assert_no_single_firm_difference(before, after)
    # the earlier numbers stay available (they do not change), the new month alone does not
    assert stats(client, month_to="2026-10") == before | {"filters": {"month_to": "2026-10"}}
    assert stats(client, month_from="2026-11")["published"] is False
    assert population(client) == ""
    assert benchmark(client)["count_band"] == "5–9"  # the benchmark did not move either
    for _ in range(4):  # four more in December: 14 firms, five more than last published
        client.post("/api/assessments", json=valid_assessment(overall=100))
    frozen_clock.set(date(2027, 1, 4))
    latest = stats(client)
    assert latest["published"] is True and latest["completed"] == 14
    assert_no_single_firm_difference(before, latest)
    assert population(client) == "14"
    data = benchmark(client)
    assert data["count_band"] == "10–19" and data["overall"] == round((9 * 50 + 5 * 100) / 14)


def test_every_stats_number_changes_by_five_firms_or_not_at_all(client, frozen_clock) -> None:
    """Month by month, one to six interviews a month in two sectors: across all pairs of
    consecutive states, every published number is unchanged or its group grew by >= 5."""
    frozen_clock.set(NOV)
    monthly = [3, 1, 6, 2, 2, 1, 5, 4]
    previous: dict[str, dict] = {}
    for index, count in enumerate(monthly):
        day = date(2025 + (2 + index) // 12, (2 + index) % 12 + 1, 10)
        insert_records(count, completed_on=day, sector="handwerk", score=10 * index)
        insert_records(count % 3, completed_on=day, sector="handel", score=90)
        frozen_clock.set(date(day.year + day.month // 12, day.month % 12 + 1, 2))
        current = {
            "all": stats(client),
            "handwerk": stats(client, sector="handwerk"),
            "handel": stats(client, sector="handel"),
        }
        for name, response in current.items():
            if name in previous:
                assert_no_single_firm_difference(previous[name], response)
            if response["published"]:
                previous[name] = response
    assert previous, "something must have been published"


def test_growth_rule_of_the_guard() -> None:
    # one profile, months 0..4 with 5, 2, 0, 3, 1 records
    cube = {(m, "1-9", "handwerk", "hilden"): n for m, n in enumerate([5, 2, 0, 3, 1]) if n}
    guard = Guard(cube, (0, 4))
    published = [guard.safe({}, (0, end)) for end in range(5)]
    # 5 ok; 7 (+2) no; 7 (+2) no; 10 (+5 since 5) ok; 11 (+1 since 10) no
    assert published == [True, False, False, True, False]
    # a period starting later has its own history: 2, 2, 5, 6
    assert [guard.safe({}, (1, end)) for end in range(1, 5)] == [False, False, True, False]


def test_dashboard_uses_closed_months_only(client, frozen_clock) -> None:
    frozen_clock.set(NOV)
    insert_records(6, completed_on=NOV)
    login(client)
    assert population(client) == ""  # November is not over
    frozen_clock.set(date(2026, 12, 1))
    assert population(client) == "6"
    page = client.get("/dashboard")
    assert 'data-testid="data-until">2026-11<' in page.text
