from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import AUTH, STAFF_TOKEN, insert_records, valid_assessment


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
    for _ in range(4):
        assert client.post("/api/assessments", json=valid_assessment()).status_code == 201
    data = stats(client)
    assert data["completed"] == 4
    assert data["overall_mean"] is None
    assert set(data["dimension_means"].values()) == {None}
    assert data["by_size_class"] == data["by_sector"] == data["by_municipality"] == []
    assert data["top_needs"] == []
    assert data["suppressed_groups"] == 3 + 2  # three breakdown groups, two need codes


def test_five_records_are_shown(client: TestClient) -> None:
    for _ in range(5):
        client.post("/api/assessments", json=valid_assessment())
    data = stats(client)
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
    january = stats(client, date_from="2026-01-01", date_to="2026-01-31")
    assert january["completed"] == 5 and january["overall_mean"] == 20.0
    march = stats(client, date_from="2026-03-01")
    assert march["completed"] == 11
    assert {g["key"] for g in march["by_municipality"]} == {"ratingen", "velbert"}
    assert stats(client, date_to="2026-03-10")["completed"] == 11
    ratingen = stats(client, municipality="ratingen")
    assert ratingen["completed"] == 6 and ratingen["dimension_means"]["online"] == 80.0
    handel = stats(client, sector="handel", size_class="10-49")
    assert handel["completed"] == 5 and handel["by_sector"][0]["key"] == "handel"
    assert stats(client, size_class="50+")["completed"] == 0
    assert stats(client, sector="handel")["filters"]["sector"] == "handel"


def test_filters_narrowing_below_five_suppress_means(client: TestClient) -> None:
    insert_records(8, municipality="hilden", needs=("ki",))
    insert_records(1, municipality="haan", score=0, overall=0, needs=("ki", "e_rechnung"))
    narrowed = stats(client, municipality="haan")
    assert narrowed["completed"] == 1
    assert narrowed["overall_mean"] is None
    assert set(narrowed["dimension_means"].values()) == {None}
    assert narrowed["by_municipality"] == narrowed["top_needs"] == []
    narrowed = stats(client, municipality="haan", date_from="2026-06-15", date_to="2026-06-15")
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
    [{"sector": "bank"}, {"date_from": "gestern"}, {"size_class": "5"}, {"foo": "bar"}],
)
def test_invalid_filters(client: TestClient, params: dict) -> None:
    assert client.get("/api/stats", params=params, headers=AUTH).status_code == 422


def test_benchmark_threshold(client: TestClient) -> None:
    empty = client.get("/api/benchmark").json()
    assert empty == {"available": False, "count": None, "overall": None, "dimensions": None}
    insert_records(4, size_class="1-9", sector="handwerk", score=40, overall=48)
    params = {"size_class": "1-9", "sector": "handwerk"}
    assert client.get("/api/benchmark", params=params).json()["available"] is False
    insert_records(1, size_class="1-9", sector="handwerk", score=40, overall=48)
    data = client.get("/api/benchmark", params=params).json()
    assert data["available"] is True and data["count"] == 5
    assert data["overall"] == 48.0 and data["dimensions"]["security"] == 40.0


def test_benchmark_filters_and_validation(client: TestClient) -> None:
    insert_records(5, size_class="10-49", sector="handel", overall=70)
    insert_records(5, size_class="1-9", sector="handel", overall=30)
    assert client.get("/api/benchmark", params={"sector": "handel"}).json()["overall"] == 50.0
    small = client.get("/api/benchmark", params={"size_class": "1-9"}).json()
    assert small["count"] == 5 and small["overall"] == 30.0
    other = client.get("/api/benchmark", params={"size_class": "1-9", "sector": "bau"}).json()
    assert other["available"] is False and other["count"] is None
    assert client.get("/api/benchmark", params={"sector": "bank"}).status_code == 422
    assert client.get("/api/benchmark", params={"municipality": "hilden"}).status_code == 422


def test_need_counts_follow_filters(client: TestClient) -> None:
    insert_records(6, municipality="hilden", needs=("ki", "e_rechnung"))
    insert_records(5, municipality="ratingen", completed_on=date(2026, 2, 1), needs=("ki",))
    assert [(n["code"], n["count"]) for n in stats(client)["top_needs"]] == [
        ("ki", 11),
        ("e_rechnung", 6),
    ]
    ratingen = stats(client, municipality="ratingen")["top_needs"]
    assert [(n["code"], n["count"]) for n in ratingen] == [("ki", 5)]
    february = stats(client, date_from="2026-02-01", date_to="2026-02-28")["top_needs"]
    assert [(n["code"], n["count"]) for n in february] == [("ki", 5)]
    assert stats(client, sector="handel")["top_needs"] == []
