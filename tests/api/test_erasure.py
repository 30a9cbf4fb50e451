"""Erasure on request (DELETE /api/events/{key}) and retention leave nothing readable behind.

SQLite keeps deleted rows in free pages and in its write-ahead log unless told otherwise; the
service runs every connection with secure_delete=ON and checkpoints (TRUNCATE) after deletions.
The file-level tests use their own SQLite database, so they run on every test database.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from api.core.db import engine, make_engine
from api.core.migrate import upgrade_head
from api.models import FunnelEvent
from api.services.funnel import delete_events, record_event
from api.services.retention import purge_expired
from tests.api.dashboard_data import add_conversations, clean_dashboard_tables

__all__ = ["clean_dashboard_tables"]
KEY = "feedfacecafebeef0123456789abcdef"
OTHER = "0123456789abcdef0123456789abcdef"


def event(key: str, name: str = "started", question: str | None = None) -> dict:
    return {"key": key, "event": name, "question": question, "channel": "socketio"}


def count(key: str) -> int:
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(FunnelEvent).where(FunnelEvent.conv_key == key)
        return conn.execute(stmt).scalar_one()


def test_delete_removes_every_event_of_one_conversation(client) -> None:
    for body in (
        event(KEY),
        event(KEY, "consent_given"),
        event(KEY, "question_reached", "employees"),
        event(KEY, "reask", "employees"),
        event(KEY, "reask", "employees"),  # a repetition: same row
        event(OTHER),
    ):
        assert client.post("/api/events", json=body).status_code == 202
    response = client.delete(f"/api/events/{KEY}")
    assert response.status_code == 200 and response.json() == {"deleted": 4}
    assert count(KEY) == 0 and count(OTHER) == 1
    assert client.delete(f"/api/events/{KEY}").json() == {"deleted": 0}


@pytest.mark.parametrize("key", ["FEEDFACECAFEBEEF0123456789ABCDEF", "abc", "x" * 32])
def test_delete_needs_a_valid_key(client, key: str) -> None:
    assert client.delete(f"/api/events/{key}").status_code == 422


def database_bytes(path: Path) -> bytes:
    files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


@pytest.fixture
def sqlite_db(tmp_path):
    path = tmp_path / "erasure.db"
    url = f"sqlite:///{path}"
    upgrade_head(url)
    eng = make_engine(url)
    yield path, eng, sessionmaker(bind=eng)
    eng.dispose()


def test_erased_key_is_not_in_the_database_files(sqlite_db) -> None:
    path, eng, session = sqlite_db
    others = [uuid.uuid4().hex for _ in range(300)]
    with session() as db:
        for key in others[:150]:
            record_event(db, key=key, event="started", question=None, channel="rest",
                         duration_minutes=None)  # fmt: skip
        for name, question in (("started", None), ("question_reached", "employees")):
            record_event(db, key=KEY, event=name, question=question, channel="telegram",
                         duration_minutes=None)  # fmt: skip
    with eng.connect() as conn:  # part of the data in the main file, part in the WAL
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    with session() as db:
        for key in others[150:]:
            record_event(db, key=key, event="started", question=None, channel="rest",
                         duration_minutes=None)  # fmt: skip
        record_event(db, key=KEY, event="reask", question="employees", channel="telegram",
                     duration_minutes=None)  # fmt: skip
    assert KEY.encode() in database_bytes(path)  # the test can see the key before
    with session() as db:
        assert delete_events(db, KEY) == 3
    content = database_bytes(path)
    assert KEY.encode() not in content
    assert all(key.encode() in content for key in others)  # only that conversation is gone
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_retention_purge_leaves_nothing_readable(sqlite_db) -> None:
    path, eng, session = sqlite_db
    old, recent = uuid.uuid4().hex, uuid.uuid4().hex
    with session() as db:
        for key, hour in ((old, datetime(2023, 5, 1, 9)), (recent, datetime(2026, 10, 1, 9))):
            db.add(FunnelEvent(conv_key=key, event="started", question="", hour=hour,
                               channel="rest", duration_minutes=None, occurrences=1))  # fmt: skip
        db.commit()
    assert old.encode() in database_bytes(path)
    with session() as db:
        result = purge_expired(db, months=24, today=date(2026, 11, 20))
    assert result["funnel_events"] == 1
    content = database_bytes(path)
    assert old.encode() not in content and recent.encode() in content


def test_sqlite_connections_use_secure_delete(sqlite_db) -> None:
    _path, eng, _session = sqlite_db
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_purge_through_the_app_database(client) -> None:
    add_conversations(2, [("started", "")], hour=datetime(2020, 1, 1, 9))
    from api.core.db import SessionLocal

    with SessionLocal() as db:
        assert purge_expired(db)["funnel_events"] == 2
