"""Shared autouse fixtures and helpers of the tracker store and retention tests.

An autouse fixture takes effect in a test module only when that module imports it. The
``backend`` and ``sqlite_backend`` fixtures stay in the test modules: imported, a fixture used as
a test argument would read as a redefinition of an unused import (ruff F811).
"""

from __future__ import annotations

import asyncio
import math
import time
from datetime import datetime, timedelta

import pytest

from tests.unit.tracker_store_helpers import interview_turns, play, user

NOW = datetime(2027, 1, 31, 12, 0, 0)
DAY = 86400


@pytest.fixture(autouse=True)
def default_retention(monkeypatch):
    monkeypatch.delenv("CONVERSATION_RETENTION_DAYS", raising=False)


class _RoundClock:
    """Events stamped from the next whole 10,000 s after now in steps of 0.25 s, so that the random
    digits of time.time() cannot spell a needle such as '0532' (otherwise a chance hit in about
    one run in fifty), while events still come in order."""

    def __init__(self) -> None:
        self.now = float(math.ceil(time.time() / 10_000) * 10_000)

    def time(self) -> float:
        self.now += 0.25
        return self.now


@pytest.fixture(autouse=True)
def round_event_clock(monkeypatch):
    import rasa.shared.core.events as events

    monkeypatch.setattr(events, "time", _RoundClock())


def run(coroutine):
    return asyncio.run(coroutine)


def days_before(now: datetime, days: float) -> float:
    return (now - timedelta(days=days)).timestamp()


def write(store, sender_id: str, timestamp: float, extra: str = "") -> None:
    turns = interview_turns(timestamp=timestamp)
    if extra:
        turns.append([user(extra, timestamp=timestamp)])
    run(play(store, sender_id, turns))
