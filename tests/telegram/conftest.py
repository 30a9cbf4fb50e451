"""Session fixtures: the Telegram stand-in and the real stack with the Telegram connector."""

from __future__ import annotations

import pytest

from tests.e2e.servers import MODEL, Stack, free_port
from tests.telegram.standin import TelegramStandIn

TOKEN = "123456:TEST-digitalcheck-token"
SECRET = "e2e-telegram-secret"
WEBHOOK_URL = "https://bot.example.org/webhooks/telegram/webhook"


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
    running = Stack(tmp_path_factory.mktemp("telegram-stack"))
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
