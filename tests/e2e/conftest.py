"""Session fixture: one real stack (Rasa server, action server, API) for all e2e tests."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.chat import Chat
from tests.e2e.servers import MODEL, Stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    running = Stack(tmp_path_factory.mktemp("stack"))
    running.start_all()
    yield running
    running.stop()


@pytest.fixture
def chat(stack):
    return Chat(stack, sender=f"e2e-{uuid.uuid4().hex}")
