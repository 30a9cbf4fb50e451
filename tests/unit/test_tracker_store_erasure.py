"""PrivacySQLTrackerStore: erasure of a conversation, and deleted data is unrecoverable from the
SQLite files (secure_delete on every connection).

Real DialogueStateTrackers saved and retrieved through the store on a real SQLite file and, with
TEST_DATABASE_URL_PG set, on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import time

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet

from bot.privacy import retention
from bot.privacy import tracker_store as ts
from tests.unit.retention_helpers import default_retention, round_event_clock, run  # noqa: F401 (autouse fixtures)
from tests.unit.tracker_store_helpers import (
    dicts,
    files_containing,
    interview_turns,
    marker,
    play,
    session_start,
    user,
)

# --- erasure -------------------------------------------------------------------------------------


def erase_turn():
    return [
        user("Bitte löschen Sie meine Daten", "erase_data"),
        ActionExecuted("action_erase_conversation"),
        BotUttered("Ich habe das Gespräch gelöscht. Wir beginnen von vorn."),
        ActionExecuted("action_listen"),
    ]


def test_erase_action_deletes_every_session_and_stores_nothing(backend):
    store = backend.store()
    old = time.time() - 2 * 3600
    run(play(store, "erase-me", interview_turns(timestamp=old)))
    run(play(store, "erase-me", [session_start() + [user("Hallo", "greet")]]))
    run(play(store, "keep-me", interview_turns()))
    assert backend.count("erase-me") > 20

    run(play(store, "erase-me", [erase_turn()]))

    assert backend.count("erase-me") == 0
    assert run(store.retrieve("erase-me")) is None
    assert run(store.retrieve_full_tracker("erase-me")) is None
    assert "erase-me" not in run(store.keys())
    assert run(store.retrieve("keep-me")) is not None

    # the next message starts a brand-new conversation
    fresh = run(play(store, "erase-me", [session_start() + [user("Hallo", "greet")]]))
    again = run(store.retrieve_full_tracker("erase-me"))
    assert dicts(again) == dicts(fresh)
    assert len(again.events) == 4
    assert again.get_slot("consent") is None


def test_erase_method(backend):
    from rasa.core.tracker_store import FailSafeTrackerStore

    store = ts.privacy_store(FailSafeTrackerStore(backend.store()))  # as agent.tracker_store
    assert isinstance(store, ts.PrivacySQLTrackerStore)
    assert ts.privacy_store(None) is None
    run(play(store, "by-method", interview_turns()))
    run(play(store, "other", interview_turns()))
    deleted = run(store.erase("by-method"))
    assert deleted > 20
    assert backend.count("by-method") == 0
    assert run(store.retrieve("by-method")) is None
    assert backend.count("other") > 0
    assert run(store.erase("by-method")) == 0


# --- deleted data is unrecoverable from the SQLite files -----------------------------------------


def fill(store, sender_id: str, secret: str, turns: int = 30) -> None:
    """Enough data to span many pages (b-tree splits, overflow pages for big events)."""
    events = session_start()
    for n in range(turns):
        events += [
            user(f"Wir sind ein Malerbetrieb {secret} Nummer {n} " + "x" * 300),
            ActionExecuted("interview_form"),
            SlotSet("requested_slot", "employees"),
            BotUttered(f"Frage {n} " + "y" * 5000),  # > page size: overflow pages
            ActionExecuted("action_listen"),
        ]
    run(play(store, sender_id, [events]))


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
@pytest.mark.parametrize("how", ["erase_action", "erase_method", "retention"])
def test_deleted_conversation_is_in_no_file(sqlite_backend, journal_mode, how):
    if journal_mode == "wal":
        with sqlite3.connect(sqlite_backend.sqlite_path) as connection:
            assert connection.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    store = sqlite_backend.store()
    secret, other = marker(), marker()
    fill(store, "gone", secret)
    fill(store, "stays", other)
    keeper = sqlite3.connect(sqlite_backend.sqlite_path)  # a reader holding the WAL open
    assert files_containing(sqlite_backend.dir, secret)  # it really was on disk

    if how == "erase_action":
        run(play(store, "gone", [erase_turn()]))
    elif how == "erase_method":
        run(store.erase("gone"))
    else:
        later = store.now().timestamp() + 31 * 86400
        assert retention.purge_expired(store, datetime_from(later), 30) == 2
        fill(store, "stays", other)  # new data after the purge is fine

    keeper.close()
    assert files_containing(sqlite_backend.dir, secret) == []
    assert files_containing(sqlite_backend.dir, "gone") == []  # the sender id too
    if how != "retention":
        assert files_containing(sqlite_backend.dir, other)
        assert run(store.retrieve("stays")) is not None


def datetime_from(timestamp: float):
    from datetime import datetime

    return datetime.fromtimestamp(timestamp)


def test_without_secure_delete_sqlite_leaves_deleted_rows_in_the_file(tmp_path):
    """Control: shows that the test above would catch a missing PRAGMA."""
    path = tmp_path / "plain.db"
    secret = marker()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA secure_delete=OFF")
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, data TEXT)")
        connection.executemany(
            "INSERT INTO events (data) VALUES (?)",
            [(f"{secret} {n} " + "x" * 500,) for n in range(50)],
        )
        connection.commit()
        connection.execute("DELETE FROM events")
        connection.commit()
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert path.read_bytes().count(secret.encode()) > 0


def test_every_connection_turns_secure_delete_on(tmp_path):
    path = tmp_path / "p.db"

    def connect():
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA secure_delete=OFF")  # as on a system compiled without it
        return connection

    engine = sa.create_engine("sqlite://", creator=connect)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 0
    retention.install_sqlite_pragmas(engine)
    retention.install_sqlite_pragmas(engine)  # idempotent
    engine.dispose()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_store_connections_have_secure_delete(sqlite_backend):
    store = sqlite_backend.store()
    with store.session_scope() as session:
        assert session.execute(sa.text("PRAGMA secure_delete")).scalar() == 1


def test_indexes_are_created_once(backend):
    backend.store()
    backend.store()  # a second start finds them
    engine = backend.engine()
    try:
        names = {index["name"] for index in sa.inspect(engine).get_indexes("events")}
    finally:
        engine.dispose()
    assert set(retention.INDEXES) <= names
