"""The public peer benchmark: fixed groups, bands instead of counts, whole points, snapshots."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.core.codes import DIMENSIONS
from api.services.benchmark import count_band
from tests.api.conftest import insert_records, refresh, valid_assessment

SMALL_HANDWERK = {"size_class": "1-9", "sector": "handwerk"}
UNAVAILABLE = {"available": False, "count_band": None, "overall": None, "dimensions": None}


def benchmark(client: TestClient, **params: str) -> dict:
    response = client.get("/api/benchmark", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_bands() -> None:
    assert [count_band(n) for n in (4, 5, 9, 10, 19, 20, 49, 50, 99, 100, 5000)] == [
        None, "5–9", "5–9", "10–19", "10–19", "20–49", "20–49", "50–99", "50–99",
        "mindestens 100", "mindestens 100",
    ]  # fmt: skip


def test_threshold_band_and_whole_points(client: TestClient) -> None:
    assert benchmark(client, size_class="1-9") == UNAVAILABLE
    insert_records(3, score=40, overall=48)
    insert_records(1, score=41, overall=49)
    assert benchmark(client, **SMALL_HANDWERK) == UNAVAILABLE
    insert_records(1, score=42, overall=49)
    data = benchmark(client, **SMALL_HANDWERK)
    assert data == {
        "available": True,
        "count_band": "5–9",
        "overall": 48,  # 48.4 → whole points
        "dimensions": dict.fromkeys(DIMENSIONS, 41),  # 40.6 → 41
    }
    assert "count" not in data  # never an exact count
    assert benchmark(client, size_class="1-9") == data  # the same five firms


def test_new_records_through_the_api_refresh_the_snapshot(client: TestClient) -> None:
    for _ in range(4):
        assert client.post("/api/assessments", json=valid_assessment()).status_code == 201
    assert benchmark(client, **SMALL_HANDWERK)["available"] is False
    client.post("/api/assessments", json=valid_assessment())
    data = benchmark(client, **SMALL_HANDWERK)
    assert data["available"] is True and data["overall"] == 50
    assert data["dimensions"]["processes"] is None  # never answered
    assert data["dimensions"]["security"] == 25


def test_values_change_only_in_steps_of_five_firms(client: TestClient) -> None:
    insert_records(9, score=50, overall=50)
    nine = benchmark(client, **SMALL_HANDWERK)
    assert nine["overall"] == 50 and nine["count_band"] == "5–9"
    for extra in range(1, 5):  # four more firms with extreme scores: nothing changes
        insert_records(1, score=100, overall=100)
        assert benchmark(client, **SMALL_HANDWERK) == nine, extra
    insert_records(1, score=100, overall=100)  # the fifth: the group has grown by five
    fourteen = benchmark(client, **SMALL_HANDWERK)
    assert fourteen["overall"] == 68 and fourteen["count_band"] == "10–19"  # (450+500)/14


def test_only_fixed_groups(client: TestClient) -> None:
    insert_records(5)
    for params in (
        {},  # no group
        {"sector": "handwerk"},  # a sector without the size class
        {"size_class": "1-9", "municipality": "hilden"},  # towns are not a benchmark group
        {"size_class": "1-9", "month_from": "2026-06"},  # nor periods
        {"size_class": "11-20"},
        {"size_class": "1-9", "sector": "bank"},
    ):
        assert client.get("/api/benchmark", params=params).status_code == 422, params


def test_groups_one_to_four_firms_smaller_than_their_size_class_are_hidden(client) -> None:
    insert_records(5, size_class="10-49", sector="handel", overall=70, refresh_snapshots=False)
    insert_records(1, size_class="10-49", sector="bau", overall=10, refresh_snapshots=False)
    refresh()
    whole = benchmark(client, size_class="10-49")
    assert whole["available"] is True and whole["count_band"] == "5–9"
    # handel (5) = the size class (6) minus the one bau firm: showing both would reveal it
    assert benchmark(client, size_class="10-49", sector="handel") == UNAVAILABLE
    assert benchmark(client, size_class="10-49", sector="bau") == UNAVAILABLE


def test_complementary_suppression_among_sectors(client) -> None:
    insert_records(7, sector="handwerk", overall=40, refresh_snapshots=False)
    insert_records(6, sector="handel", overall=60, refresh_snapshots=False)
    insert_records(2, sector="bau", overall=90, refresh_snapshots=False)
    refresh()
    assert benchmark(client, size_class="1-9")["available"] is True
    assert benchmark(client, **SMALL_HANDWERK)["overall"] == 40
    # bau (2) is hidden; so is the smallest shown sector, or bau's mean would follow
    assert benchmark(client, size_class="1-9", sector="handel") == UNAVAILABLE
    assert benchmark(client, size_class="1-9", sector="bau") == UNAVAILABLE


def test_a_group_keeps_its_values_until_it_has_changed_by_five_firms(client) -> None:
    insert_records(5, size_class="10-49", sector="handel", overall=70)
    first = benchmark(client, size_class="10-49", sector="handel")
    assert first["available"] is True and first["overall"] == 70
    assert benchmark(client, size_class="10-49")["overall"] == 70  # the same five firms
    # one bau firm: the size class changed by one firm, so nothing is refreshed; both groups
    # still show the values of the same five handel firms, which reveals nothing about it
    insert_records(1, size_class="10-49", sector="bau", overall=10)
    assert benchmark(client, size_class="10-49", sector="handel") == first
    assert benchmark(client, size_class="10-49")["overall"] == 70
    # four more bau firms: the size class has grown by five; handel has not changed and keeps
    # its values, but it is now five firms smaller than its size class
    insert_records(4, size_class="10-49", sector="bau", overall=10)
    assert benchmark(client, size_class="10-49")["overall"] == 40
    assert benchmark(client, size_class="10-49", sector="handel") == first
    assert benchmark(client, size_class="10-49", sector="bau")["overall"] == 10
