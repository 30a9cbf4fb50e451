"""Re-assessment T0 -> T1 (issue 13.1, API side): the re-check hash, the link of a
re-assessment to the earlier one, the lookup endpoint and its limit on failed lookups."""

from __future__ import annotations

import hashlib
import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.core.db import SessionLocal, engine
from api.models import Assessment
from api.services import rechecks
from api.services.rechecks import FailureLimiter
from api.services.retention import purge_expired
from tests.api.conftest import SERVICE, row_counts, valid_assessment


def code_hash(code: str) -> str:
    """Stands in for the action server's HMAC: 64 lowercase hex."""
    return hashlib.sha256(code.encode()).hexdigest()


T0, T1 = code_hash("DC-7KQ4-M2PX"), code_hash("DC-9ZZ1-AB3C")


def post(client: TestClient, **fields) -> dict:
    response = client.post("/api/assessments", json=valid_assessment(**fields))
    assert response.status_code == 201, response.text
    return response.json()


def lookup(client: TestClient, value: str, **kwargs):
    return client.post("/api/rechecks/lookup", json={"hash": value}, **kwargs)


def test_lookup_returns_the_earlier_assessment(client: TestClient) -> None:
    first = post(client, recheck_hash=T0)
    assert first["linked"] is False
    response = lookup(client, T0)
    assert response.status_code == 200
    body = response.json()
    assert body["found"] is True
    assert body["profile"] == {"size_class": "1-9", "sector": "handwerk", "municipality": "hilden"}
    assert body["scores"] == valid_assessment()["scores"]
    assert body["overall"] == 50
    assert len(body["month"]) == 7 and body["month"][4] == "-"  # YYYY-MM, never a day
    assert set(body) == {"found", "profile", "scores", "overall", "month"}


def test_unknown_hash_is_not_found(client: TestClient) -> None:
    post(client, recheck_hash=T0)
    body = lookup(client, T1).json()
    assert body == {"found": False, "profile": None, "scores": None, "overall": None, "month": None}


def test_re_assessment_is_linked_to_the_earlier_one(client: TestClient) -> None:
    first = post(client, recheck_hash=T0)
    second = post(client, recheck_hash=T1, previous_hash=T0, scores={"security": 58})
    assert second["linked"] is True
    with engine.connect() as conn:
        linked = conn.execute(
            select(Assessment.previous_id).where(Assessment.id == second["id"])
        ).scalar_one()
    assert linked == first["id"]
    # the new code finds the new record
    assert lookup(client, T1).json()["scores"]["security"] == 58


def test_unknown_previous_hash_stores_an_unlinked_record(client: TestClient) -> None:
    second = post(client, recheck_hash=T1, previous_hash=T0)
    assert second["linked"] is False
    assert row_counts()["assessments"] == 1


def test_duplicate_hash_is_a_conflict_and_writes_nothing(client: TestClient) -> None:
    post(client, recheck_hash=T0)
    response = client.post("/api/assessments", json=valid_assessment(recheck_hash=T0))
    assert response.status_code == 409
    assert row_counts()["assessments"] == 1
    assert row_counts()["assessment_needs"] == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"recheck_hash": "DC-7KQ4-M2PX"},  # the code itself is never accepted
        {"recheck_hash": T0.upper()},
        {"recheck_hash": T0[:63]},
        {"previous_hash": T0 + "0"},
        {"recheck_hash": T0, "previous_hash": T0},
    ],
)
def test_invalid_hashes_rejected(client: TestClient, fields: dict) -> None:
    response = client.post("/api/assessments", json=valid_assessment(**fields))
    assert response.status_code == 422
    assert row_counts()["assessments"] == 0


def test_lookup_needs_the_service_token(client: TestClient) -> None:
    post(client, recheck_hash=T0)
    assert lookup(client, T0, headers={"Authorization": ""}).status_code == 401
    assert lookup(client, T0, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post("/api/rechecks/lookup", json={"hash": "DC-7KQ4-M2PX"}).status_code == 422
    extra = {"hash": T0, "code": "DC-7KQ4-M2PX"}
    assert client.post("/api/rechecks/lookup", json=extra).status_code == 422


def test_a_burst_of_wrong_hashes_is_stopped(client: TestClient) -> None:
    post(client, recheck_hash=T0)
    for i in range(20):
        response = lookup(client, code_hash(f"wrong-{i}"))
        assert response.status_code == 200 and response.json()["found"] is False
    blocked = lookup(client, code_hash("wrong-21"))
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 61
    # while blocked, even a right hash gets no answer: guessing learns nothing
    assert lookup(client, T0).status_code == 429
    # successful lookups never count as failures
    rechecks.failures.reset()
    for _ in range(30):
        assert lookup(client, T0).json()["found"] is True


def test_failure_window_slides() -> None:
    now = [1000.0]
    limiter = FailureLimiter(3, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after() == 0
        limiter.failed()
        now[0] += 10
    assert limiter.retry_after() == 31  # the first failure (t=1000) expires at t=1060
    now[0] = 1060.0
    assert limiter.retry_after() == 0


def test_hashes_are_never_logged(client: TestClient, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    post(client, recheck_hash=T0)
    post(client, recheck_hash=T1, previous_hash=T0)
    lookup(client, T0)
    lookup(client, code_hash("unknown"))
    for i in range(21):
        lookup(client, code_hash(f"x{i}"))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert T0 not in logged and T1 not in logged and code_hash("unknown") not in logged


def test_retention_unlinks_and_forgets_the_earlier_assessment(client, frozen_clock) -> None:
    from datetime import date

    frozen_clock.set(date(2024, 5, 20))
    first = post(client, recheck_hash=T0)
    frozen_clock.set(date(2026, 10, 5))
    second = post(client, recheck_hash=T1, previous_hash=T0)
    assert second["linked"] is True
    with SessionLocal() as db:
        assert purge_expired(db, months=24, today=date(2026, 11, 20))["assessments"] == 1
    with engine.connect() as conn:
        rows = conn.execute(select(Assessment.id, Assessment.previous_id)).all()
    assert rows == [(second["id"], None)]
    assert lookup(client, T0).json()["found"] is False
    assert first["id"] not in {r[0] for r in rows}


def test_service_header_is_what_the_action_server_sends() -> None:
    assert SERVICE["Authorization"].startswith("Bearer ")
