from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import AUTH, STAFF_TOKEN, insert_records, valid_assessment

OCTOBER, NOVEMBER = date(2026, 10, 12), date(2026, 11, 18)


def stats(client: TestClient, **params) -> dict:
    response = client.get("/api/stats", params=params, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {STAFF_TOKEN}"},
        {"Authorization": f"Bearer {STAFF_TOKEN}x"},
        {"Authorization": STAFF_TOKEN},
    ],
)
def test_stats_requires_staff_token(client: TestClient, headers: dict) -> None:
    response = client.get("/api/stats", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_below_five_everything_suppressed(client: TestClient) -> None:
    insert_records(4, needs=("ki",))
    data = stats(client)
    assert data["published"] is False
    assert data["completed"] is None
    assert data["overall_mean"] is None
    assert set(data["dimension_means"].values()) == {None}
    assert data["by_size_class"] == data["by_sector"] == data["by_municipality"] == []
    assert data["top_needs"] == []


def test_only_closed_months_are_reported(client: TestClient, frozen_clock) -> None:
    frozen_clock.set(OCTOBER)
    for _ in range(5):
        assert client.post("/api/assessments", json=valid_assessment()).status_code == 201
    during = stats(client)
    assert during["data_until"] == "2026-09" and during["completed"] is None
    assert stats(client, month_from="2026-10")["completed"] is None  # October is not over
    frozen_clock.set(NOVEMBER)
    after = stats(client)
    assert after["data_until"] == "2026-10" and after["completed"] == 5


def test_five_records_are_shown(client: TestClient, frozen_clock) -> None:
    frozen_clock.set(OCTOBER)
    for _ in range(5):
        client.post("/api/assessments", json=valid_assessment())
    frozen_clock.set(NOVEMBER)
    data = stats(client)
    assert data["published"] is True
    assert data["completed"] == 5
    assert data["overall_mean"] == 50.0
    assert data["dimension_means"] == {
        "strategy": 40.0,
        "tools": 55.0,
        "processes": None,  # never answered
        "online": 70.0,
        "security": 25.0,
        "skills": 60.0,
    }
    assert data["by_sector"][0]["key"] == "handwerk" and data["by_sector"][0]["count"] == 5
    assert [(n["code"], n["count"]) for n in data["top_needs"]] == [
        ("foerdermittel", 5),
        ("security", 5),
    ]
    assert data["top_needs"][0]["title"] == "Fördermittel finden"
    assert data["suppressed_groups"] == 0


def test_small_groups_hidden_with_complementary_suppression(client: TestClient) -> None:
    insert_records(7, sector="handwerk", score=40)
    insert_records(6, sector="handel", score=60)
    insert_records(2, sector="bau", score=90)
    data = stats(client)
    assert data["completed"] == 15
    # bau (2) is hidden; because 2 < 5 the smallest visible group (handel, 6) is hidden too,
    # otherwise bau's mean could be computed from the total.
    assert [g["key"] for g in data["by_sector"]] == ["handwerk"]
    assert data["by_sector"][0]["dimension_means"]["tools"] == 40.0
    assert data["by_size_class"][0]["count"] == 15
    assert data["suppressed_groups"] == 2


def test_hidden_remainder_of_five_needs_no_extra_suppression(client: TestClient) -> None:
    insert_records(6, sector="handwerk")
    insert_records(3, sector="handel")
    insert_records(2, sector="bau")
    data = stats(client)
    assert [g["key"] for g in data["by_sector"]] == ["handwerk"]
    assert data["suppressed_groups"] == 2


def test_filters(client: TestClient) -> None:
    insert_records(5, completed_on=date(2026, 1, 10), municipality="hilden", score=20, overall=20)
    insert_records(6, completed_on=date(2026, 3, 10), municipality="ratingen", score=80, overall=80)
    insert_records(
        5,
        completed_on=date(2026, 3, 20),
        sector="handel",
        size_class="10-49",
        municipality="velbert",
    )
    assert stats(client)["completed"] == 16
    january = stats(client, month_from="2026-01", month_to="2026-01")
    assert january["completed"] == 5 and january["overall_mean"] == 20.0
    march = stats(client, month_from="2026-03")
    assert march["completed"] == 11
    assert {g["key"] for g in march["by_municipality"]} == {"ratingen", "velbert"}
    assert stats(client, month_to="2026-02")["completed"] == 5
    ratingen = stats(client, municipality="ratingen")
    assert ratingen["completed"] == 6 and ratingen["dimension_means"]["online"] == 80.0
    handel = stats(client, sector="handel", size_class="10-49")
    assert handel["completed"] == 5 and handel["by_sector"][0]["key"] == "handel"
    assert stats(client, size_class="50+")["completed"] is None
    assert stats(client, sector="handel")["filters"]["sector"] == "handel"


def test_filters_narrowing_below_five_suppress_means(client: TestClient) -> None:
    insert_records(8, municipality="hilden", needs=("ki",))
    insert_records(1, municipality="haan", score=0, overall=0, needs=("ki", "e_rechnung"))
    narrowed = stats(client, municipality="haan")
    assert narrowed["completed"] is None
    assert narrowed["overall_mean"] is None
    assert set(narrowed["dimension_means"].values()) == {None}
    assert narrowed["by_municipality"] == narrowed["top_needs"] == []
    narrowed = stats(client, municipality="haan", month_from="2026-06", month_to="2026-06")
    assert narrowed["overall_mean"] is None
    everything = stats(client)
    assert [(n["code"], n["count"]) for n in everything["top_needs"]] == [("ki", 9)]


def test_mean_needs_five_answered_values(client: TestClient) -> None:
    insert_records(4, score=50, overall=50)
    insert_records(3, score=None, overall=60)
    data = stats(client)
    assert data["completed"] == 7
    assert data["overall_mean"] == pytest.approx(54.3)
    assert set(data["dimension_means"].values()) == {None}  # only 4 answered each


@pytest.mark.parametrize(
    "params",
    [
        {"sector": "bank"},
        {"date_from": "2026-01-01"},  # day-level ranges do not exist
        {"month_from": "2026-13"},
        {"month_from": "2026-05", "month_to": "2026-04"},
        {"size_class": "5"},
        {"foo": "bar"},
    ],
)
def test_invalid_filters(client: TestClient, params: dict) -> None:
    assert client.get("/api/stats", params=params, headers=AUTH).status_code == 422


def test_need_counts_follow_filters(client: TestClient) -> None:
    insert_records(6, municipality="hilden", needs=("ki", "e_rechnung"))
    insert_records(5, municipality="ratingen", completed_on=date(2026, 2, 1), needs=("ki",))
    assert [(n["code"], n["count"]) for n in stats(client)["top_needs"]] == [
        ("ki", 11),
        ("e_rechnung", 6),
    ]
    ratingen = stats(client, municipality="ratingen")["top_needs"]
    assert [(n["code"], n["count"]) for n in ratingen] == [("ki", 5)]
    february = stats(client, month_from="2026-02", month_to="2026-02")["top_needs"]
    assert [(n["code"], n["count"]) for n in february] == [("ki", 5)]
    assert stats(client, sector="handel")["top_needs"] == []
