"""Run Alembic migrations programmatically (used at start-up, in tests and by the benchmark)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from api.core.config import ROOT, settings


def alembic_config(url: str | None = None) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "api" / "alembic"))
    cfg.set_main_option("sqlalchemy.url", (url or settings.DATABASE_URL).replace("%", "%%"))
    cfg.attributes["skip_logging"] = True  # keep the host application's logging as it is
    return cfg


def upgrade_head(url: str | None = None) -> None:
    command.upgrade(alembic_config(url), "head")
