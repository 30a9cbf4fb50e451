"""Retention: conversations are deleted CONVERSATION_RETENTION_DAYS after their last message.

On start of the store, daily while it runs and on access, always with an injectable clock. The
command line (``python -m bot.privacy.retention``, run by ``make purge``) is tested in
test_retention_cli.py.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from bot.privacy import retention
from tests.unit.retention_helpers import (
    NOW,
    days_before,
    default_retention,  # noqa: F401 (autouse fixture)
    run,
    write,
)
from tests.unit.tracker_store_helpers import (
    Backend,
    files_containing,
    insert_events,
    marker,
    play,
    session_start,
    user,
)

# --- settings ----------------------------------------------------------------------------------


def test_retention_days_setting():
    assert retention.retention_days({}) == 30
    assert retention.retention_days({"CONVERSATION_RETENTION_DAYS": " 7 "}) == 7
    for bad in ["0", "-3", "1.5", "dreißig"]:
        with pytest.raises(ValueError, match="CONVERSATION_RETENTION_DAYS"):
            retention.retention_days({"CONVERSATION_RETENTION_DAYS": bad})


def test_cutoff_is_counted_in_days_before_now():
    assert retention.cutoff(NOW, 30) == (NOW - timedelta(days=30)).timestamp()
    with pytest.raises(ValueError):
        retention.cutoff(NOW, 0)


# --- purge_expired -------------------------------------------------------------------------------


def test_purge_keeps_29_days_and_deletes_31_days(backend):
    store = backend.store(now=lambda: NOW)
    write(store, "29-days", days_before(NOW, 29))
    write(store, "31-days", days_before(NOW, 31))
    write(store, "today", NOW.timestamp())

    assert retention.purge_expired(store, NOW, 30) == 1
    assert backend.count("31-days") == 0
    assert backend.count("29-days") > 0
    assert backend.count("today") > 0
    assert retention.purge_expired(store.engine, NOW, 30) == 0  # an engine works too
    # two days later the 29-day conversation is 31 days old
    assert retention.purge_expired(store, NOW + timedelta(days=2), 30) == 1
    assert backend.count("29-days") == 0
    assert backend.count("today") > 0


def test_age_is_counted_from_the_last_message(backend):
    store = backend.store(now=lambda: NOW)
    write(store, "came-back", days_before(NOW, 25))
    # a new session 10 days ago: the conversation's newest event is 10 days old
    turn = session_start(days_before(NOW, 10)) + [user("Hallo", timestamp=days_before(NOW, 10))]
    run(play(store, "came-back", [turn]))
    # six days on, the first session is 31 days old, the last message 16: all of it is kept
    assert retention.purge_expired(store, NOW + timedelta(days=6), 30) == 0
    assert len(run(store.retrieve_full_tracker("came-back")).events) > 20
    assert retention.purge_expired(store, NOW + timedelta(days=21), 30) == 1
    assert backend.count("came-back") == 0


def test_purge_many_conversations(backend):
    store = backend.store(now=lambda: NOW)
    insert_events(store, [f"old-{n}" for n in range(1203)], days_before(NOW, 45))  # 3 chunks
    write(store, "recent", days_before(NOW, 1))
    assert retention.purge_expired(store, NOW, 30) == 1203
    assert backend.count() == backend.count("recent") > 0


def test_purge_of_an_empty_or_new_database(backend):
    store = backend.store(now=lambda: NOW)
    assert retention.purge_expired(store, NOW, 30) == 0
    assert retention.expired_senders(store, NOW, 30) == []


# --- in the running store ------------------------------------------------------------------------


def test_store_purges_on_start(backend):
    first = backend.store()
    now = datetime.now()
    write(first, "expired", days_before(now, 31))
    write(first, "kept", days_before(now, 29))
    assert backend.count("expired") > 0

    backend.store()  # a restart

    assert backend.count("expired") == 0
    assert backend.count("kept") > 0


def test_retention_period_comes_from_the_environment(backend, monkeypatch):
    first = backend.store()
    now = datetime.now()
    write(first, "8-days", days_before(now, 8))
    write(first, "6-days", days_before(now, 6))
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "7")
    store = backend.store()
    assert store.retention_days == 7
    assert backend.count("8-days") == 0
    assert backend.count("6-days") > 0


def test_expired_conversation_is_never_served(backend):
    """Between two daily purges an expired conversation is deleted when it is accessed."""
    clock = {"now": NOW}
    store = backend.store(now=lambda: clock["now"])
    write(store, "idle", days_before(NOW, 29))
    assert run(store.retrieve("idle")) is not None

    clock["now"] = NOW + timedelta(days=2)  # now 31 days since the last message
    assert run(store.retrieve("idle")) is None
    assert backend.count("idle") == 0
    # the owner writes again: a brand-new conversation
    fresh = run(play(store, "idle", [session_start(clock["now"].timestamp())]))
    assert len(fresh.events) == 3
    assert fresh.get_slot("consent") is None


def test_daily_purge_runs_in_a_thread_while_the_store_runs(backend):
    clock = {"now": NOW}
    store = backend.store(now=lambda: clock["now"], purge_interval_seconds=0.2)
    write(store, "ages", days_before(NOW, 20))
    write(store, "fresh", NOW.timestamp())
    thread = store.purge_thread
    assert thread is not None and thread.daemon and thread.is_alive()

    clock["now"] = NOW + timedelta(days=11)  # "ages" is now 31 days old
    deadline = time.monotonic() + 20
    while backend.count("ages") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert backend.count("ages") == 0
    assert backend.count("fresh") > 0
    runs = thread.runs
    assert runs >= 1
    store.close()
    time.sleep(0.5)
    assert not thread.is_alive()


def test_one_purge_thread_per_database(backend):
    first = backend.store(purge_interval_seconds=60)
    second = backend.store(purge_interval_seconds=60)
    assert first.purge_thread is second.purge_thread
    assert backend.store(purge_interval_seconds=0).purge_thread is None


# --- files: purged data is unrecoverable (SQLite) ------------------------------------------------


def test_purged_conversation_is_in_no_file(tmp_path, monkeypatch):
    backend = Backend("sqlite", tmp_path, monkeypatch)
    try:
        store = backend.store(now=lambda: NOW)
        secret, other = marker(), marker()
        write(store, "old-marker", days_before(NOW, 31), f"Malerbetrieb {secret}")
        write(store, "new-marker", days_before(NOW, 1), f"Malerbetrieb {other}")
        assert files_containing(backend.dir, secret)
        assert retention.purge_expired(store, NOW, 30) == 1
        assert files_containing(backend.dir, secret) == []
        assert files_containing(backend.dir, other)
    finally:
        backend.close()
