"""Session fixture: one real stack (Rasa server, action server, API) for all e2e tests, with the
Telegram connector pointed at a local Bot API stand-in (so every channel can be tested)."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.chat import Chat
from tests.e2e.servers import MODEL, Stack, free_port
from tests.telegram.conftest import SECRET, TOKEN, WEBHOOK_URL
from tests.telegram.standin import TelegramStandIn


@pytest.fixture(scope="session")
def standin():
    server = TelegramStandIn(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, standin):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    running = Stack(tmp_path_factory.mktemp("stack"))
    running.extra_env.update(
        TELEGRAM_TOKEN=TOKEN,
        TELEGRAM_SECRET=SECRET,
        TELEGRAM_VERIFY="dc_test_bot",
        TELEGRAM_WEBHOOK_URL=WEBHOOK_URL,
        TELEGRAM_API_BASE=standin.url,
    )
    running.start_all()
    yield running
    running.stop()


@pytest.fixture
def chat(stack):
    return Chat(stack, sender=f"e2e-{uuid.uuid4().hex}")
