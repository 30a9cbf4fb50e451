"""API test fixtures: a real database (SQLite temp file, or TEST_DATABASE_URL, e.g. PostgreSQL).

The environment is set before `api` is imported, so the app's engine points at the test
database. Migrations run through the app's start-up; tables are emptied before every test.
When TEST_DATABASE_URL is set and that database does not answer, every test fails (never skips).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

STAFF_TOKEN = "test-staff-token-0123456789"
SERVICE_TOKEN = "test-service-token-0123456789"
SECRET_KEY = "test-secret-key-0123456789-0123456789"
_TMP = Path(tempfile.mkdtemp(prefix="digitalcheck-api-tests-"))
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.db'}"

os.environ["DATABASE_URL"] = TEST_DATABASE_URL
os.environ["ENVIRONMENT"] = "local"
os.environ["STAFF_TOKEN"] = STAFF_TOKEN
os.environ["SERVICE_TOKEN"] = SERVICE_TOKEN
os.environ["SECRET_KEY"] = SECRET_KEY
os.environ["SECRETS_DIR"] = str(_TMP / "secrets")
for name in (
    "OFFERINGS_FILE",
    "NEEDS_FILE",
    "QUESTIONNAIRE_FILE",
    "ALLOWED_ORIGINS",
    "STAFF_USERS",
):
    os.environ.pop(name, None)

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import delete, func, insert, select  # noqa: E402

from api.core import clock  # noqa: E402
from api.core.codes import DIMENSIONS  # noqa: E402
from api.core.db import SessionLocal, engine  # noqa: E402
from api.core.ratelimit import limiter  # noqa: E402
from api.main import app  # noqa: E402
from api.models import (  # noqa: E402
    Assessment,
    AssessmentNeed,
    AssessmentRecommendation,
    BenchmarkSnapshot,
)
from api.services import rechecks  # noqa: E402
from api.services.benchmark import refresh_benchmark  # noqa: E402

TABLES = (AssessmentRecommendation, AssessmentNeed, Assessment)
AUTH = {"Authorization": f"Bearer {STAFF_TOKEN}"}
SERVICE = {"Authorization": f"Bearer {SERVICE_TOKEN}"}


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    with TestClient(app, headers=SERVICE) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def clean_tables(client: TestClient) -> None:
    with engine.begin() as conn:
        for table in (*TABLES, BenchmarkSnapshot):
            conn.execute(delete(table))
    limiter.reset()
    rechecks.failures.reset()


class Clock:
    """A settable clock for the service (Europe/Berlin local time)."""

    def __init__(self, now: datetime) -> None:
        self.value = now.replace(tzinfo=clock.LOCAL_TZ)

    def set(self, day: date, hour: int = 12) -> None:
        self.value = datetime(day.year, day.month, day.day, hour, tzinfo=clock.LOCAL_TZ)

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture
def frozen_clock(monkeypatch) -> Clock:
    """The service's clock set to 2026-11-18 12:00 (the last closed month is 2026-10)."""
    fake = Clock(datetime(2026, 11, 18, 12))
    monkeypatch.setattr(clock, "now", fake)
    return fake


def refresh() -> None:
    """What the service does after every new record: refresh the benchmark snapshots."""
    with SessionLocal() as db:
        refresh_benchmark(db)


def row_counts() -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in TABLES
        }


def insert_records(
    n: int,
    *,
    size_class: str = "1-9",
    sector: str = "handwerk",
    municipality: str = "hilden",
    completed_on: date | None = None,
    score: int | None = 50,
    overall: int | None = 50,
    needs: tuple[str, ...] = (),
    refresh_snapshots: bool = True,
) -> None:
    """Insert `n` identical records directly (to control the completion date), then refresh
    the benchmark snapshots as the service does after new records."""
    if n == 0:
        return
    rows, need_rows = [], []
    for _ in range(n):
        rid = str(uuid.uuid4())
        rows.append(
            {
                "id": rid,
                # the service stores only the month (first day): so do the fixtures
                "completed_on": (completed_on or date(2026, 6, 15)).replace(day=1),
                "size_class": size_class,
                "sector": sector,
                "municipality": municipality,
                "channel": "rest",
                "overall": overall,
                **{f"score_{d}": score for d in DIMENSIONS},
            }
        )
        coded = {k: rows[-1][k] for k in ("completed_on", "size_class", "sector", "municipality")}
        need_rows.extend({"assessment_id": rid, "code": c, **coded} for c in needs)
    with engine.begin() as conn:
        conn.execute(insert(Assessment), rows)
        if need_rows:
            conn.execute(insert(AssessmentNeed), need_rows)
    if refresh_snapshots:
        refresh()


def valid_assessment(**overrides: object) -> dict:
    body = {
        "size_class": "1-9",
        "sector": "handwerk",
        "municipality": "hilden",
        "channel": "rest",
        "scores": {
            "strategy": 40,
            "tools": 55,
            "processes": None,
            "online": 70,
            "security": 25,
            "skills": 60,
        },
        "overall": 50,
        "needs": ["security", "foerdermittel"],
        "recommended": ["cyberrisikocheck", "transferstelle_cybersicherheit"],
    }
    body.update(overrides)
    return body
