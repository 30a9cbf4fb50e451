"""Shared pieces of the channel tests: a fixed CHANNEL_SECRET for every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def channel_secret(monkeypatch) -> str:
    """A fixed CHANNEL_SECRET, so no secret file is written and ids are reproducible."""
    monkeypatch.setenv("CHANNEL_SECRET", "unit-test-channel-secret-0123456789")
    return "unit-test-channel-secret-0123456789"
