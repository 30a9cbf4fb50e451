"""Privacy: an anonymous record cannot be linked back by time. Assessments and their need rows
store only the month of completion (its first day); migration 0005 converted older data."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from api.core.db import engine
from api.models import Assessment, AssessmentNeed
from tests.api.conftest import AUTH, valid_assessment


def test_every_stored_date_is_the_first_of_a_month(client, frozen_clock) -> None:
    for day in (date(2026, 9, 3), date(2026, 9, 17), date(2026, 9, 30), date(2026, 10, 9)):
        frozen_clock.set(day, hour=23)
        assert client.post("/api/assessments", json=valid_assessment()).status_code == 201
    with engine.connect() as conn:
        days = conn.execute(select(Assessment.completed_on)).scalars().all()
        need_days = conn.execute(select(AssessmentNeed.completed_on)).scalars().all()
    assert sorted(days) == [date(2026, 9, 1)] * 3 + [date(2026, 10, 1)]
    assert set(need_days) == {date(2026, 9, 1), date(2026, 10, 1)}


@pytest.mark.parametrize("table", [Assessment, AssessmentNeed])
def test_the_database_refuses_a_day(client, table) -> None:
    rid = str(uuid.uuid4())
    parent = {
        "id": rid,
        "completed_on": date(2026, 5, 1),
        "size_class": "1-9",
        "sector": "bau",
        "municipality": "haan",
        "channel": "rest",
    }
    child = {"assessment_id": rid, "code": "ki", "completed_on": date(2026, 5, 14)}
    child |= {k: parent[k] for k in ("size_class", "sector", "municipality")}
    if table is Assessment:
        parent["completed_on"] = date(2026, 5, 14)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Assessment), [parent])
        conn.execute(insert(AssessmentNeed), [child])


def test_statistics_still_work_on_months(client, frozen_clock) -> None:
    frozen_clock.set(date(2026, 10, 20))
    for _ in range(6):
        client.post("/api/assessments", json=valid_assessment())
    frozen_clock.set(date(2026, 11, 18))
    stats = client.get("/api/stats", params={"month_from": "2026-10"}, headers=AUTH).json()
    assert stats["published"] is True and stats["completed"] == 6
    assert stats["data_until"] == "2026-10"


def test_migration_converts_existing_days_to_their_month(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from api.core.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 'month.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0004")
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO assessments (id, completed_on, size_class, sector, municipality, "
                "channel, overall) VALUES ('a1', '2026-05-17', '10-49', 'bau', 'velbert', "
                "'rest', 40), ('a2', '2026-06-01', '1-9', 'bau', 'haan', 'rest', 50)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO assessment_needs (assessment_id, code, completed_on, size_class, "
                "sector, municipality) VALUES ('a1', 'ki', '2026-05-17', '10-49', 'bau', "
                "'velbert')"
            )
        )
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        days = dict(conn.execute(text("SELECT id, completed_on FROM assessments")).all())
        need = conn.execute(text("SELECT completed_on FROM assessment_needs")).scalar_one()
    assert days == {"a1": "2026-05-01", "a2": "2026-06-01"}
    assert need == "2026-05-01"
    with pytest.raises(Exception, match="CHECK"), eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO assessments (id, completed_on, size_class, sector, municipality, "
                "channel) VALUES ('a3', '2026-07-02', '1-9', 'bau', 'haan', 'rest')"
            )
        )
    command.downgrade(cfg, "base")
    eng.dispose()
