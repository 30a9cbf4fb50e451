"""Unit tests never talk to a running API: point the action code at a closed port."""

import os

os.environ["API_URL"] = "http://127.0.0.1:9"
os.environ["API_TIMEOUT"] = "0.5"


# The tracker-store backends (SQLite, and PostgreSQL when TEST_DATABASE_URL_PG is set) shared by
# the tracker-store and retention tests.
import pytest  # noqa: E402

from tests.unit.tracker_store_helpers import BACKENDS, Backend  # noqa: E402


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path, monkeypatch):
    running = Backend(request.param, tmp_path, monkeypatch)
    yield running
    running.close()


@pytest.fixture
def sqlite_backend(tmp_path, monkeypatch):
    running = Backend("sqlite", tmp_path, monkeypatch)
    yield running
    running.close()
