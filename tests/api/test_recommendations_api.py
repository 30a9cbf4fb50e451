"""The recommendations endpoint: response shape, validation and the real catalogue."""

from __future__ import annotations

import itertools

import pytest
from fastapi.testclient import TestClient

from api.core.codes import DIMENSIONS, MUNICIPALITIES, QN, SECTORS
from api.services.catalogue import get_catalogue
from api.services.recommendations import REASON_NO_SCORES
from tests.api.conftest import row_counts


def test_api_response_shape_and_determinism(client: TestClient) -> None:
    body = {
        "profile": {"employees": 8, "sector": "handwerk", "municipality": "hilden"},
        "scores": {d: 60 for d in DIMENSIONS} | {"security": 25},
    }
    first = client.post("/api/recommendations", json=body)
    assert first.status_code == 200
    recs = first.json()["recommendations"]
    assert len(recs) == 3
    assert set(recs[0]) == {
        "id", "title", "provider", "kind", "url", "summary", "cost", "reason", "matches_need",
        "audience",
    }  # fmt: skip
    assert all(r["matches_need"] is False and r["audience"] == "betriebe" for r in recs)
    assert "IT-Sicherheit und Datenschutz 25 von 100" in recs[0]["reason"]
    assert client.post("/api/recommendations", json=body).json() == first.json()
    assert row_counts()["assessments"] == 0  # recommending stores nothing


def test_api_all_null_scores_and_limit(client: TestClient) -> None:
    body = {
        "profile": {"employees": 3, "sector": "gastronomie", "municipality": "andere"},
        "scores": {d: None for d in DIMENSIONS},
        "limit": 5,
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert len(recs) == 5
    assert all(r["reason"] == REASON_NO_SCORES for r in recs)


@pytest.mark.parametrize(
    "body",
    [
        {"profile": {"employees": 0, "sector": "handel", "municipality": "hilden"}, "scores": {}},
        {"profile": {"employees": 5, "sector": "bank", "municipality": "hilden"}, "scores": {}},
        {"profile": {"employees": 5, "sector": "handel", "municipality": "koeln"}, "scores": {}},
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {"x": 1},
        },
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {"tools": 101},
        },
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {},
            "limit": 11,
        },
        {
            "profile": {
                "employees": 5,
                "sector": "handel",
                "municipality": "hilden",
                "name": "Max",
            },
            "scores": {},
        },
    ],
)
def test_api_rejects_invalid_requests(client: TestClient, body: dict) -> None:
    response = client.post("/api/recommendations", json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_real_catalogue_only_open_and_eligible(client: TestClient) -> None:
    cat = get_catalogue()
    not_open = {o.id for o in cat.offerings if o.status != "open"}
    for sector, municipality, employees in itertools.product(
        SECTORS, MUNICIPALITIES, (1, 49, 51, 500)
    ):
        body = {
            "profile": {"employees": employees, "sector": sector, "municipality": municipality},
            "scores": {"security": 10, "online": 30, "skills": 50},
            "limit": 10,
        }
        recs = client.post("/api/recommendations", json=body).json()["recommendations"]
        assert recs, (sector, municipality, employees)
        for rec in recs:
            assert rec["id"] not in not_open
            region = QN.region_of(municipality)
            eligibility = cat.by_id[rec["id"]].eligibility
            assert eligibility.allows(employees, sector, municipality, region)


def test_large_firm_gets_offerings_without_size_limit(client: TestClient) -> None:
    body = {
        "profile": {"employees": 120, "sector": "handel", "municipality": "ratingen"},
        "scores": {d: 40 for d in DIMENSIONS},
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert len(recs) == 3
    cat = get_catalogue()
    assert "cyberrisikocheck" not in {r["id"] for r in recs}
    assert all((cat.by_id[r["id"]].eligibility.max_employees or 10**9) >= 120 for r in recs)
