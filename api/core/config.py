"""Service settings: the only place that reads the environment (pydantic-settings).

Secrets have no usable default. ``STAFF_TOKEN``, ``SERVICE_TOKEN`` and ``SECRET_KEY`` come from the
environment or, when missing, from ``contract.secrets.get_secret``: generated randomly on the
first start into ``var/secrets/<NAME>`` (file mode 0600) and shared by all processes of the
installation (the action server reads ``SERVICE_TOKEN`` from the same place).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from contract.paths import needs_file, offerings_file, questionnaire_file, secrets_dir
from contract.secrets import get_secret

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAMES = ("STAFF_TOKEN", "SERVICE_TOKEN", "SECRET_KEY")
# Values that were published as defaults in earlier versions: never accepted, in any environment.
PUBLISHED_DEFAULTS = frozenset({"change-me", "dev-secret-change-me"})
MIN_PRODUCTION_TOKEN_LENGTH = 16
MIN_PRODUCTION_SECRET_LENGTH = 32
DEMO_ORIGINS = "http://127.0.0.1:8000,http://localhost:8000"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", case_sensitive=True)

    ENVIRONMENT: Literal["local", "production"] = "local"
    DATABASE_URL: str = ""
    # Secrets: empty = read or generate var/secrets/<NAME> (see module docstring).
    STAFF_TOKEN: str = ""
    SERVICE_TOKEN: str = ""
    SECRET_KEY: str = ""
    SECRETS_DIR: Path = Field(default_factory=secrets_dir)
    # Data files (the contract package loads and validates them).
    QUESTIONNAIRE_FILE: Path = Field(default_factory=questionnaire_file)
    NEEDS_FILE: Path = Field(default_factory=needs_file)
    OFFERINGS_FILE: Path = Field(default_factory=offerings_file)
    CONTACT_FILE: Path = Path("config/contact.yml")
    # Website: the Rasa server the demo page's widget talks to; origins allowed by CORS.
    RASA_PUBLIC_URL: str = "http://127.0.0.1:5005"
    ALLOWED_ORIGINS: str = DEMO_ORIGINS
    MAX_BODY_BYTES: int = 64 * 1024
    RUN_MIGRATIONS: bool = True
    # Staff dashboard: session cookie, logins (rate-limited per client), retention.
    SESSION_COOKIE_SECURE: bool = False
    SESSION_MAX_AGE_SECONDS: int = 8 * 3600
    STAFF_USERS: str = ""
    LOGIN_RATE_LIMIT: str = "5/minute"
    RETENTION_MONTHS: int = 24
    # Re-check codes: at this many failed lookups within 60 s every lookup answers 429.
    RECHECK_FAILURES_PER_MINUTE: int = 20

    @model_validator(mode="after")
    def _finalise(self) -> Settings:
        if not self.DATABASE_URL:
            var_dir = ROOT / "var"
            var_dir.mkdir(parents=True, exist_ok=True)
            self.DATABASE_URL = f"sqlite:///{var_dir / 'api.db'}"
        elif self.DATABASE_URL.startswith(("postgresql://", "postgres://")):
            # psycopg 3 is the installed driver; plain URLs would ask for psycopg2.
            self.DATABASE_URL = "postgresql+psycopg://" + self.DATABASE_URL.split("://", 1)[1]
        for name in ("SECRETS_DIR", "QUESTIONNAIRE_FILE", "NEEDS_FILE", "OFFERINGS_FILE"):
            setattr(self, name, _absolute(getattr(self, name)))
        self.CONTACT_FILE = _absolute(self.CONTACT_FILE)
        for name in SECRET_NAMES:
            setattr(self, name, self._secret(name))
        if "*" in self.allowed_origins:
            raise ValueError("ALLOWED_ORIGINS must list origins explicitly, never '*'")
        if self.RETENTION_MONTHS < 1:
            raise ValueError("RETENTION_MONTHS must be at least 1")
        if self.RECHECK_FAILURES_PER_MINUTE < 1:
            raise ValueError("RECHECK_FAILURES_PER_MINUTE must be at least 1")
        return self

    def _secret(self, name: str) -> str:
        value = getattr(self, name).strip() or get_secret(name, directory=self.SECRETS_DIR)
        if value in PUBLISHED_DEFAULTS:
            raise ValueError(
                f"Refusing to start: {name} is a published default; unset it to get a random one."
            )
        minimum = (
            MIN_PRODUCTION_SECRET_LENGTH if name == "SECRET_KEY" else MIN_PRODUCTION_TOKEN_LENGTH
        )
        if self.ENVIRONMENT == "production" and len(value) < minimum:
            raise ValueError(
                f"Refusing to start in production: {name} must have at least {minimum} "
                "characters (or be left unset to be generated)."
            )
        return value

    @property
    def allowed_origins(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.ALLOWED_ORIGINS.split(",") if o.strip()]

    @property
    def is_sqlite(self) -> bool:
        return self.DATABASE_URL.startswith("sqlite")


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else ROOT / path


settings = Settings()
