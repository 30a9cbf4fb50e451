"""Service settings from the environment (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_STAFF_TOKEN = "change-me"
MIN_PRODUCTION_TOKEN_LENGTH = 16
DEFAULT_SECRET_KEY = "dev-secret-change-me"
MIN_PRODUCTION_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", case_sensitive=True)

    DATABASE_URL: str = ""
    STAFF_TOKEN: str = DEFAULT_STAFF_TOKEN
    ENVIRONMENT: Literal["local", "production"] = "local"
    OFFERINGS_FILE: Path = Path("data/offerings.yml")
    NEEDS_FILE: Path = Path("data/needs.yml")
    MAX_BODY_BYTES: int = 64 * 1024
    RUN_MIGRATIONS: bool = True
    # Staff dashboard: signed session cookie, logins, retention of events and assessments.
    SECRET_KEY: str = DEFAULT_SECRET_KEY
    SESSION_COOKIE_SECURE: bool = False
    SESSION_MAX_AGE_SECONDS: int = 8 * 3600
    STAFF_USERS: str = ""
    RETENTION_MONTHS: int = 24

    @model_validator(mode="after")
    def _finalise(self) -> Settings:
        if not self.DATABASE_URL:
            var_dir = ROOT / "var"
            var_dir.mkdir(parents=True, exist_ok=True)
            self.DATABASE_URL = f"sqlite:///{var_dir / 'api.db'}"
        elif self.DATABASE_URL.startswith(("postgresql://", "postgres://")):
            # psycopg 3 is the installed driver; plain URLs would ask for psycopg2.
            self.DATABASE_URL = "postgresql+psycopg://" + self.DATABASE_URL.split("://", 1)[1]
        if not self.OFFERINGS_FILE.is_absolute():
            self.OFFERINGS_FILE = ROOT / self.OFFERINGS_FILE
        if not self.NEEDS_FILE.is_absolute():
            self.NEEDS_FILE = ROOT / self.NEEDS_FILE
        if self.ENVIRONMENT == "production":
            token = self.STAFF_TOKEN.strip()
            if token in ("", DEFAULT_STAFF_TOKEN) or len(token) < MIN_PRODUCTION_TOKEN_LENGTH:
                raise ValueError(
                    "Refusing to start in production: set STAFF_TOKEN to a secret of at least "
                    f"{MIN_PRODUCTION_TOKEN_LENGTH} characters (not the default)."
                )
            secret = self.SECRET_KEY.strip()
            if secret == DEFAULT_SECRET_KEY or len(secret) < MIN_PRODUCTION_SECRET_LENGTH:
                raise ValueError(
                    "Refusing to start in production: set SECRET_KEY to a random secret of at "
                    f"least {MIN_PRODUCTION_SECRET_LENGTH} characters (not the default)."
                )
        if self.RETENTION_MONTHS < 1:
            raise ValueError("RETENTION_MONTHS must be at least 1")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.DATABASE_URL.startswith("sqlite")


settings = Settings()
