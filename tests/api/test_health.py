from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_ok(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_reports_database_failure(client: TestClient, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    def broken(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, Exception("down"))

    monkeypatch.setattr(Session, "execute", broken)
    assert client.get("/health").status_code == 503


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/health",
        "/api/offerings",
        "/api/recommendations",
        "/api/assessments",
        "/api/stats",
        "/api/benchmark",
    ):
        assert path in paths


def test_offerings_list_hides_closed_by_default(client: TestClient) -> None:
    default = client.get("/api/offerings").json()
    everything = client.get("/api/offerings", params={"include_closed": "true"}).json()
    assert all(o["status"] != "closed" for o in default)
    assert any(o["status"] == "closed" for o in everything)
    assert len(everything) > len(default)
    assert {"id", "title", "url", "eligibility", "last_checked"} <= set(default[0])
