"""Settings: no usable default secret, generated secrets, CORS origins, production checks."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.core.config import PUBLISHED_DEFAULTS, ROOT, SECRET_NAMES, Settings
from tests.api.conftest import AUTH, SERVICE

STRONG = {"STAFF_TOKEN": "s" * 32, "SERVICE_TOKEN": "v" * 32, "SECRET_KEY": "k" * 40}


@pytest.fixture
def no_secrets_in_env(monkeypatch, tmp_path):
    for name in SECRET_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRETS_DIR", str(tmp_path / "secrets"))
    return tmp_path / "secrets"


def test_missing_secrets_are_generated_once_into_owner_only_files(no_secrets_in_env) -> None:
    first = Settings()
    second = Settings()
    for name in SECRET_NAMES:
        value = getattr(first, name)
        assert len(value) >= 40 and value not in PUBLISHED_DEFAULTS
        assert getattr(second, name) == value  # read back, not generated again
        path = no_secrets_in_env / name
        assert path.read_text(encoding="utf-8").strip() == value
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(no_secrets_in_env.stat().st_mode) == 0o700
    assert len({first.STAFF_TOKEN, first.SERVICE_TOKEN, first.SECRET_KEY}) == 3


def test_generated_secrets_are_used_in_production_too(no_secrets_in_env) -> None:
    settings = Settings(ENVIRONMENT="production")
    assert len(settings.SECRET_KEY) >= 32 and len(settings.STAFF_TOKEN) >= 16


@pytest.mark.parametrize("name", SECRET_NAMES)
@pytest.mark.parametrize("value", sorted(PUBLISHED_DEFAULTS))
def test_published_defaults_are_refused_everywhere(name: str, value: str) -> None:
    for environment in ("local", "production"):
        with pytest.raises(ValidationError, match="published default"):
            Settings(**(STRONG | {name: value, "ENVIRONMENT": environment}))


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_production_refuses_short_secrets(name: str) -> None:
    with pytest.raises(ValidationError, match="Refusing to start in production"):
        Settings(**(STRONG | {name: "short", "ENVIRONMENT": "production"}))
    assert Settings(**(STRONG | {"ENVIRONMENT": "production"})).ENVIRONMENT == "production"


def test_service_process_refuses_a_published_default() -> None:
    env = {**os.environ, "STAFF_TOKEN": "change-me"}
    result = subprocess.run(
        [sys.executable, "-c", "import api.main"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "published default" in result.stderr


def test_database_url_defaults_and_normalisation() -> None:
    default = Settings(DATABASE_URL="").DATABASE_URL
    assert default == f"sqlite:///{ROOT / 'var' / 'api.db'}"
    s = Settings(DATABASE_URL="postgresql://u:p@127.0.0.1:5432/d")
    assert s.DATABASE_URL == "postgresql+psycopg://u:p@127.0.0.1:5432/d"


def test_allowed_origins() -> None:
    assert Settings().allowed_origins == ["http://127.0.0.1:8000", "http://localhost:8000"]
    custom = Settings(ALLOWED_ORIGINS="https://www.kreis-mettmann.de, https://example.org/")
    assert custom.allowed_origins == ["https://www.kreis-mettmann.de", "https://example.org"]
    with pytest.raises(ValidationError, match="never"):
        Settings(ALLOWED_ORIGINS="*")


def test_cors_allows_only_the_listed_origins(client: TestClient) -> None:
    allowed = client.get("/health", headers={"Origin": "http://127.0.0.1:8000"})
    assert allowed.headers["access-control-allow-origin"] == "http://127.0.0.1:8000"
    other = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options(
        "/api/recommendations",
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers


def test_empty_configured_token_never_matches(client: TestClient, monkeypatch) -> None:
    from api.core.config import settings

    monkeypatch.setattr(settings, "STAFF_TOKEN", "")
    assert client.get("/api/stats", headers={"Authorization": "Bearer "}).status_code == 401
    assert client.get("/api/stats", headers=AUTH).status_code == 401
    monkeypatch.setattr(settings, "SERVICE_TOKEN", "")
    assert client.post("/api/events", json={}, headers=SERVICE).status_code == 403
