"""Retention from the command line: ``python -m bot.privacy.retention`` (run by ``make purge``)
purges with an injectable clock, erases one conversation and builds the database URL as Rasa does.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.privacy import retention
from tests.unit.retention_helpers import (
    NOW,
    days_before,
    default_retention,  # noqa: F401 (autouse fixture)
    write,
)
from tests.unit.tracker_store_helpers import ROOT, files_containing, marker

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
