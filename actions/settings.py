"""Settings of the action server, read from the environment in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from contract.paths import ROOT
from contract.secrets import get_secret


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class Settings:
    api_url: str = field(
        default_factory=lambda: os.environ.get("API_URL", "http://127.0.0.1:8000").rstrip("/")
    )
    api_public_url: str = field(
        default_factory=lambda: os.environ.get(
            "API_PUBLIC_URL", os.environ.get("API_URL", "http://127.0.0.1:8000")
        ).rstrip("/")
    )
    api_timeout: float = field(default_factory=lambda: float(os.environ.get("API_TIMEOUT", "2.0")))
    contact_file: Path = field(
        default_factory=lambda: _path("CONTACT_FILE", ROOT / "config" / "contact.yml")
    )
    # Told to the owner in the privacy texts; the tracker store deletes on the same setting.
    retention_days: int = field(
        default_factory=lambda: int(os.environ.get("CONVERSATION_RETENTION_DAYS", "30"))
    )
    max_failed_attempts: int = 2

    @property
    def service_token(self) -> str:
        """Authenticates the action server to the API's write endpoints."""
        return get_secret("SERVICE_TOKEN")


settings = Settings()
