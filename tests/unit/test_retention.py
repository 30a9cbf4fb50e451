"""Retention: conversations are deleted CONVERSATION_RETENTION_DAYS after their last message.

On start of the store, daily while it runs, on access, and from the command line
(``python -m bot.privacy.retention``, run by ``make purge``), always with an injectable clock.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from bot.privacy import retention
from tests.unit.tracker_store_helpers import (
    BACKENDS,
    ROOT,
    Backend,
    files_containing,
    insert_events,
    interview_turns,
    marker,
    play,
    session_start,
    user,
)

NOW = datetime(2027, 1, 31, 12, 0, 0)
DAY = 86400


@pytest.fixture(autouse=True)
def default_retention(monkeypatch):
    monkeypatch.delenv("CONVERSATION_RETENTION_DAYS", raising=False)


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path, monkeypatch):
    running = Backend(request.param, tmp_path, monkeypatch)
    yield running
    running.close()


def run(coroutine):
    return asyncio.run(coroutine)


def days_before(now: datetime, days: float) -> float:
    return (now - timedelta(days=days)).timestamp()


def write(store, sender_id: str, timestamp: float, extra: str = "") -> None:
    turns = interview_turns(timestamp=timestamp)
    if extra:
        turns.append([user(extra, timestamp=timestamp)])
    run(play(store, sender_id, turns))


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


# --- command line ------------------------------------------------------------------------------


def endpoints_file(backend, tmp_path) -> str:
    path = tmp_path / "endpoints.yml"
    lines = ["tracker_store:", "  type: bot.privacy.tracker_store.PrivacySQLTrackerStore"]
    lines += [f'  {key}: "{value}"' for key, value in backend.settings().items()]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def cli(*args: str, env=None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "bot.privacy.retention", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_purges_with_an_injected_clock(backend, tmp_path):
    store = backend.store(now=lambda: NOW)
    secret = marker()
    write(store, "29-days", days_before(NOW, 29))
    write(store, "31-days", days_before(NOW, 31), f"Malerbetrieb {secret}")
    endpoints = endpoints_file(backend, tmp_path)

    result = cli("--endpoints", endpoints, "--now", NOW.isoformat())
    assert result.returncode == 0, result.stderr
    assert "deleted 1 conversation(s)" in result.stdout
    assert "30 days" in result.stdout
    assert "31-days" not in result.stdout + result.stderr  # no sender ids in the output
    assert backend.count("31-days") == 0
    assert backend.count("29-days") > 0
    if backend.kind == "sqlite":
        assert files_containing(backend.dir, secret) == []

    result = cli("--endpoints", endpoints, "--now", "2027-02-02T12:00:00", "--days", "40")
    assert "deleted 0 conversation(s)" in result.stdout
    result = cli("--endpoints", endpoints, "--now", "2027-02-02T12:00:00")
    assert "deleted 1 conversation(s)" in result.stdout
    assert backend.count() == 0


def test_cli_reads_the_period_from_the_environment(backend, tmp_path):
    store = backend.store(now=lambda: NOW)
    write(store, "10-days", days_before(NOW, 10))
    endpoints = endpoints_file(backend, tmp_path)
    result = cli(
        "--endpoints", endpoints, "--now", NOW.isoformat(),
        env={"CONVERSATION_RETENTION_DAYS": "9"},
    )  # fmt: skip
    assert "deleted 1 conversation(s) whose last message is older than 9 days" in result.stdout
    bad = cli("--endpoints", endpoints, env={"CONVERSATION_RETENTION_DAYS": "nie"})
    assert bad.returncode == 2
    assert "CONVERSATION_RETENTION_DAYS" in bad.stderr


def test_cli_erases_one_conversation(backend, tmp_path):
    store = backend.store(now=lambda: NOW)
    write(store, "asked-by-mail", NOW.timestamp())
    write(store, "other", NOW.timestamp())
    endpoints = endpoints_file(backend, tmp_path)
    result = cli("--endpoints", endpoints, "--erase", "asked-by-mail")
    assert result.returncode == 0, result.stderr
    assert "erased 1 conversation" in result.stdout
    assert backend.count("asked-by-mail") == 0
    assert backend.count("other") > 0
    assert "no conversation" in cli("--endpoints", endpoints, "--erase", "nobody").stdout


def test_cli_without_database_creates_nothing(tmp_path):
    path = tmp_path / "endpoints.yml"
    path.write_text(
        "tracker_store:\n  type: bot.privacy.tracker_store.PrivacySQLTrackerStore\n"
        f'  dialect: sqlite\n  db: "{tmp_path / "none" / "tracker.db"}"\n'
    )
    result = cli("--endpoints", str(path))
    assert result.returncode == 0, result.stderr
    assert "nothing stored" in result.stdout
    assert not (tmp_path / "none").exists()


def test_cli_rejects_unsupported_settings(tmp_path):
    path = tmp_path / "endpoints.yml"
    path.write_text("tracker_store:\n  type: redis\n  url: localhost\n")
    result = cli("--endpoints", str(path))
    assert result.returncode == 2
    assert "not an SQL tracker store" in result.stderr or "unknown" in result.stderr
    assert cli("--endpoints", str(tmp_path / "missing.yml")).returncode == 2
    assert cli("--days", "0").returncode == 2
    assert cli("--now", "gestern").returncode == 2


@pytest.mark.parametrize(
    "settings",
    [
        {"dialect": "sqlite", "db": "var/rasa/tracker.db"},
        {"dialect": "postgresql", "host": "db.example", "port": 5433, "db": "t",
         "username": "u", "password": "p@ss:w/rd"},
        {"dialect": "postgresql", "host": "db.example:6543", "db": "t", "username": "u"},
        {"host": "postgresql://u:p@h:5432/t"},
        {"dialect": "postgresql", "host": "h", "db": "t", "query": {"sslmode": "require"}},
    ],
)  # fmt: skip
def test_db_url_is_the_one_rasa_builds(settings):
    from rasa.core.tracker_store import SQLTrackerStore

    assert str(retention.db_url(**settings)) == str(SQLTrackerStore.get_db_url(**settings))


def test_cli_accepts_the_projects_endpoints_file():
    result = cli("--endpoints", str(ROOT / "endpoints.yml"), "--now", "2000-01-01T00:00:00")
    assert result.returncode == 0, result.stderr
