from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.core.config import DEFAULT_STAFF_TOKEN, ROOT, Settings
from tests.api.conftest import AUTH


@pytest.mark.parametrize("token", ["", DEFAULT_STAFF_TOKEN, "short"])
def test_production_refuses_weak_token(token: str) -> None:
    with pytest.raises(ValidationError, match="Refusing to start in production"):
        Settings(ENVIRONMENT="production", STAFF_TOKEN=token)


def test_production_accepts_strong_token() -> None:
    s = Settings(ENVIRONMENT="production", STAFF_TOKEN="a" * 32, SECRET_KEY="s" * 40)
    assert s.ENVIRONMENT == "production"


def test_local_mode_allows_default_token() -> None:
    assert Settings(ENVIRONMENT="local", STAFF_TOKEN=DEFAULT_STAFF_TOKEN).STAFF_TOKEN


def test_service_process_refuses_to_start_in_production() -> None:
    env = {**os.environ, "ENVIRONMENT": "production", "STAFF_TOKEN": DEFAULT_STAFF_TOKEN}
    result = subprocess.run(
        [sys.executable, "-c", "import api.main"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr


def test_database_url_defaults_and_normalisation() -> None:
    default = Settings(DATABASE_URL="").DATABASE_URL
    assert default == f"sqlite:///{ROOT / 'var' / 'api.db'}"
    s = Settings(DATABASE_URL="postgresql://u:p@127.0.0.1:5432/d")
    assert s.DATABASE_URL == "postgresql+psycopg://u:p@127.0.0.1:5432/d"


def test_empty_configured_token_never_matches(client: TestClient, monkeypatch) -> None:
    from api.core.config import settings

    monkeypatch.setattr(settings, "STAFF_TOKEN", "")
    assert client.get("/api/stats").status_code == 401
    assert client.get("/api/stats", headers={"Authorization": "Bearer "}).status_code == 401
    assert client.get("/api/stats", headers=AUTH).status_code == 401
