"""Closed by default: write endpoints need the service token, staff endpoints the staff token or
session; published default secrets open nothing; public endpoints are read-only."""

from __future__ import annotations

import asyncio
import re

import pytest
from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import func, select

from api.core.db import engine
from api.main import app
from api.models import Base
from api.services import staff_auth
from tests.api.conftest import SECRET_KEY, SERVICE_TOKEN, STAFF_TOKEN, valid_assessment
from tests.api.dashboard_data import PASSWORD, clean_dashboard_tables, login

__all__ = ["clean_dashboard_tables"]
KEY = "0123456789abcdef0123456789abcdef"
EVENT = {"key": KEY, "event": "started", "question": None, "channel": "rest"}


@pytest.fixture
def anonymous() -> TestClient:
    """A client without the service token (the app is already started by `client`)."""
    return TestClient(app)


def all_rows() -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }


WRITES = [
    ("POST", "/api/assessments", valid_assessment()),
    ("POST", "/api/events", EVENT),
    ("DELETE", f"/api/events/{KEY}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writes_without_service_token_are_refused(client, anonymous, method, path, body) -> None:
    before = all_rows()
    for headers, status in (
        ({}, 401),
        ({"Authorization": f"Basic {SERVICE_TOKEN}"}, 401),
        ({"Authorization": "Bearer change-me"}, 403),
        ({"Authorization": f"Bearer {STAFF_TOKEN}"}, 403),
        ({"Authorization": f"Bearer {SERVICE_TOKEN}x"}, 403),
    ):
        response = anonymous.request(method, path, json=body, headers=headers)
        assert response.status_code == status, (headers, response.text)
        if status == 401:
            assert response.headers["www-authenticate"] == "Bearer"
    assert all_rows() == before


def test_writes_with_service_token_are_accepted(anonymous) -> None:
    headers = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
    assert (
        anonymous.post("/api/assessments", json=valid_assessment(), headers=headers).status_code
        == 201
    )
    assert anonymous.post("/api/events", json=EVENT, headers=headers).status_code == 202
    deleted = anonymous.delete(f"/api/events/{KEY}", headers=headers)
    assert deleted.status_code == 200 and deleted.json() == {"deleted": 1}


@pytest.mark.parametrize("token", ["change-me", SERVICE_TOKEN, ""])
def test_stats_refuse_other_bearer_tokens(anonymous, token: str) -> None:
    response = anonymous.get("/api/stats", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert (
        anonymous.get("/api/stats", headers={"Authorization": f"Bearer {STAFF_TOKEN}"}).status_code
        == 200
    )


@pytest.mark.parametrize("key", ["dev-secret-change-me", "change-me", "any-other-key-0123456789"])
def test_session_cookie_signed_with_another_key_is_refused(client, key: str) -> None:
    forged = URLSafeTimedSerializer(key, salt="staff-session").dumps({"user": "anna", "csrf": "x"})
    client.cookies.set(staff_auth.SESSION_COOKIE, forged, path="/dashboard")
    for path in ("/dashboard", "/dashboard/export/overview.csv", "/dashboard/report"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/dashboard/login"
    # the same cookie signed with the service's own key opens the dashboard: the test is real
    genuine = URLSafeTimedSerializer(SECRET_KEY, salt="staff-session").dumps(
        {"user": "anna", "csrf": "x"}
    )
    client.cookies.set(staff_auth.SESSION_COOKIE, genuine, path="/dashboard")
    assert client.get("/dashboard", follow_redirects=False).status_code == 200


def test_public_endpoints_work_without_any_token(anonymous) -> None:
    body = {
        "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
        "scores": {"security": 20},
    }
    assert anonymous.post("/api/recommendations", json=body).status_code == 200
    assert anonymous.get("/api/offerings").status_code == 200
    assert anonymous.get("/api/benchmark", params={"size_class": "1-9"}).status_code == 200
    assert anonymous.get("/result", params={"strategy": 50}).status_code == 200
    assert anonymous.get("/api/charts/radar.json", params={"tools": 40}).status_code == 200
    assert anonymous.get("/health").status_code == 200


def test_recommendations_write_nothing(anonymous, monkeypatch) -> None:
    before = all_rows()

    def no_database(*_args, **_kwargs):
        raise AssertionError("POST /api/recommendations opened a database session")

    monkeypatch.setattr("api.deps.SessionLocal", no_database)
    body = {
        "profile": {"employees": 12, "sector": "bau", "municipality": "velbert"},
        "scores": {"security": 10, "online": 90},
        "limit": 5,
    }
    for _ in range(3):
        response = anonymous.post("/api/recommendations", json=body)
        assert response.status_code == 200
        assert len(response.json()["recommendations"]) == 5
    monkeypatch.undo()
    assert all_rows() == before


def _login_attempt(client: TestClient, password: str) -> int:
    page = client.get("/dashboard/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    body = {"csrf": token, "username": "anna", "password": password}
    return client.post("/dashboard/login", data=body, follow_redirects=False).status_code


def test_login_is_rate_limited_per_client(client) -> None:
    from api.core.db import SessionLocal

    with SessionLocal() as db:
        staff_auth.set_db_user(db, "anna", PASSWORD)
    assert [_login_attempt(client, "falsch-falsch") for _ in range(5)] == [401] * 5
    sixth = client.get("/dashboard/login")
    token = re.search(r'name="csrf" value="([^"]+)"', sixth.text).group(1)
    body = {"csrf": token, "username": "anna", "password": PASSWORD}
    response = client.post("/dashboard/login", data=body, follow_redirects=False)
    assert response.status_code == 429  # even the right password: the limit comes first
    assert "Zu viele Anmeldeversuche" in response.text
    assert response.headers["retry-after"] == "60"
    assert "dc_staff" not in response.cookies
    from api.core.ratelimit import limiter

    limiter.reset()  # a minute later
    assert _login_attempt(client, PASSWORD) == 303


def test_password_check_runs_off_the_event_loop(client, monkeypatch) -> None:
    calls: list[bool] = []
    real = staff_auth.hasher

    class CheckingHasher:
        def hash(self, password: str) -> str:
            return real.hash(password)

        def verify(self, stored: str, password: str) -> bool:
            try:
                asyncio.get_running_loop()
                calls.append(True)  # called on the event loop's thread: it would block it
            except RuntimeError:
                calls.append(False)  # called in a worker thread
            return real.verify(stored, password)

    monkeypatch.setattr(staff_auth, "hasher", CheckingHasher())
    login(client)
    assert calls == [False]
