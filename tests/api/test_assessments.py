from __future__ import annotations

import json
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from api.core.db import engine
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation
from tests.api.conftest import row_counts, valid_assessment

EMPTY = {"assessments": 0, "assessment_needs": 0, "assessment_recommendations": 0}


def test_stores_anonymised_record(client: TestClient) -> None:
    response = client.post("/api/assessments", json=valid_assessment())
    assert response.status_code == 201
    rid = response.json()["id"]
    assert uuid.UUID(rid).version == 4
    with engine.connect() as conn:
        row = conn.execute(select(Assessment.__table__)).mappings().one()
        needs = conn.execute(select(AssessmentNeed.code)).scalars().all()
        recs = conn.execute(
            select(AssessmentRecommendation.offering_id, AssessmentRecommendation.position)
        ).all()
    assert row["id"] == rid
    # only the month is stored (its first day), never the day of the conversation
    assert row["completed_on"] == datetime.now(ZoneInfo("Europe/Berlin")).date().replace(day=1)
    assert row["recheck_hash"] is None and row["previous_id"] is None
    assert (row["size_class"], row["sector"], row["municipality"], row["channel"]) == (
        "1-9",
        "handwerk",
        "hilden",
        "rest",
    )
    assert row["score_security"] == 25 and row["score_processes"] is None and row["overall"] == 50
    assert sorted(needs) == ["foerdermittel", "security"]
    assert sorted(recs) == [("cyberrisikocheck", 1), ("transferstelle_cybersicherheit", 2)]


def test_ids_are_random(client: TestClient) -> None:
    first = client.post("/api/assessments", json=valid_assessment()).json()["id"]
    second = client.post("/api/assessments", json=valid_assessment()).json()["id"]
    assert first != second
    assert row_counts()["assessments"] == 2


def test_schema_has_no_personal_columns() -> None:
    columns = {
        table: {c["name"] for c in inspect(engine).get_columns(table)}
        for table in ("assessments", "assessment_needs", "assessment_recommendations")
    }
    assert columns["assessments"] == {
        "id",
        "completed_on",
        "size_class",
        "sector",
        "municipality",
        "channel",
        "overall",
        *(f"score_{d}" for d in ("strategy", "tools", "processes", "online", "security", "skills")),
        "recheck_hash",
        "previous_id",
    }
    assert columns["assessment_needs"] == {
        "assessment_id",
        "code",
        "completed_on",
        "size_class",
        "sector",
        "municipality",
    }
    assert columns["assessment_recommendations"] == {"assessment_id", "offering_id", "position"}


@pytest.mark.parametrize(
    "extra",
    [
        {"name": "Max Mustermann"},
        {"email": "max@example.org"},
        {"phone": "+49 211 1234567"},
        {"sender_id": "abc123"},
        {"text": "Wir brauchen Hilfe"},
        {"completed_on": "2026-01-01"},
        {"id": "00000000-0000-4000-8000-000000000000"},
    ],
)
def test_extra_fields_rejected_and_nothing_written(client: TestClient, extra: dict) -> None:
    response = client.post("/api/assessments", json=valid_assessment(**extra))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["type"] == "extra_forbidden"
    assert row_counts() == EMPTY


@pytest.mark.parametrize(
    "override",
    [
        {"needs": ["security", "Max Mustermann, 0211 123456"]},
        {"needs": ["unbekannt"]},
        {"recommended": ["no_such_offering"]},
        {"size_class": "11-20"},
        {"sector": "bank"},
        {"municipality": "koeln"},
        {"channel": "whatsapp"},
        {"overall": 101},
        {"overall": "50"},
        {"scores": {"security": -1}},
        {"scores": {"security": 50.5}},
        {"scores": {"security": "50"}},
        {"scores": {"marketing": 50}},
        {"scores": {"security": 50, "comment": "frei"}},
        {"needs": "security"},
        {"needs": ["ki"] * 31},
        {"recommended": ["cyberrisikocheck"] * 11},
    ],
)
def test_invalid_codes_rejected_and_nothing_written(client: TestClient, override: dict) -> None:
    response = client.post("/api/assessments", json=valid_assessment(**override))
    assert response.status_code == 422, response.text
    assert all({"loc", "msg", "type"} <= set(d) for d in response.json()["detail"])
    assert row_counts() == EMPTY


def test_missing_required_field(client: TestClient) -> None:
    body = valid_assessment()
    del body["channel"]
    response = client.post("/api/assessments", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "channel"]
    assert row_counts() == EMPTY


def test_malformed_json(client: TestClient) -> None:
    response = client.post(
        "/api/assessments",
        content=b'{"size_class": "1-9", ',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"
    assert row_counts() == EMPTY


def test_huge_body_rejected(client: TestClient) -> None:
    body = json.dumps(valid_assessment(needs=["ki"] * 200_000)).encode()
    response = client.post(
        "/api/assessments", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert row_counts() == EMPTY


def test_huge_body_without_content_length_rejected(client: TestClient) -> None:
    payload = json.dumps(valid_assessment(needs=["ki"] * 200_000)).encode()

    def chunks():
        for i in range(0, len(payload), 8192):
            yield payload[i : i + 8192]

    response = client.post(
        "/api/assessments", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert row_counts() == EMPTY


def test_duplicate_codes_are_collapsed(client: TestClient) -> None:
    body = valid_assessment(needs=["ki", "ki", "security"], recommended=[])
    assert client.post("/api/assessments", json=body).status_code == 201
    assert row_counts() == {
        "assessments": 1,
        "assessment_needs": 2,
        "assessment_recommendations": 0,
    }


def test_minimal_record(client: TestClient) -> None:
    body = {
        "size_class": "50+",
        "sector": "sonstiges",
        "municipality": "andere",
        "channel": "other",
        "scores": {},
    }
    assert client.post("/api/assessments", json=body).status_code == 201
    assert row_counts()["assessments"] == 1
