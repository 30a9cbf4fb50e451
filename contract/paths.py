"""Where the contract's data files are (overridable from the environment)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    if not value:
        return default
    path = Path(value)
    return path if path.is_absolute() else ROOT / path


def questionnaire_file() -> Path:
    return _path("QUESTIONNAIRE_FILE", ROOT / "data" / "questionnaire.yml")


def needs_file() -> Path:
    return _path("NEEDS_FILE", ROOT / "data" / "needs.yml")


def offerings_file() -> Path:
    return _path("OFFERINGS_FILE", ROOT / "data" / "offerings.yml")


def secrets_dir() -> Path:
    return _path("SECRETS_DIR", ROOT / "var" / "secrets")
