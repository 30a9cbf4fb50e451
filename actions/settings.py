"""Settings of the action server, read from the environment in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    max_failed_attempts: int = 2


settings = Settings()
