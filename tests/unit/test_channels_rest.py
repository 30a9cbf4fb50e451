"""Unit tests of the custom REST channel: name, namespaced and redacted messages, rejected
requests, logging without the text."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels import rest as rest_channel
from bot.channels.rest import RestInput
from tests.unit.channel_helpers import channel_secret  # noqa: F401 (autouse fixture)


def test_rest_channel_keeps_its_name_and_url() -> None:
    assert RestInput.name() == "rest"
    channel = RestInput.from_credentials(None)
    assert channel.url_prefix() == "rest"


def test_rest_messages_are_namespaced_redacted_and_answered() -> None:
    received: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "Danke!")

    body = {
        "sender": "demo",
        "message": "Meine Nummer: 0211 1234567",
        "metadata": {"name": "Thomas Becker"},
        "input_channel": "telegram",
    }
    status, result = asyncio.run(rest_channel.handle(body, on_new_message))
    assert status == 200
    assert result == [{"recipient_id": "rest-demo", "text": "Danke!"}]
    [message] = received
    assert message.sender_id == "rest-demo" and message.input_channel == "rest"
    assert message.text == "Meine Nummer: [TELEFON]"
    assert message.metadata == {"redacted": ["TELEFON"]}  # the client's metadata is dropped


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        "text",
        {"message": "hallo"},
        {"sender": "", "message": "hallo"},
        {"sender": "x" * 65, "message": "hallo"},
        {"sender": "a\nb", "message": "hallo"},
        {"sender": 7, "message": "hallo"},
        {"sender": "demo"},
        {"sender": "demo", "message": {"text": "hallo"}},
    ],
)
def test_invalid_rest_requests_are_rejected(body: Any) -> None:
    async def on_new_message(message: UserMessage) -> None:  # pragma: no cover - not reached
        raise AssertionError("no message may reach Rasa")

    status, result = asyncio.run(rest_channel.handle(body, on_new_message))
    assert status == 400 and "error" in result


def test_rest_errors_are_logged_without_the_text(caplog) -> None:
    async def on_new_message(message: UserMessage) -> None:
        raise RuntimeError("boom")

    body = {"sender": "demo", "message": "geheimer Text 0211 1234567"}
    status, result = asyncio.run(rest_channel.handle(body, on_new_message))
    assert status == 200 and result == []
    assert "geheimer" not in caplog.text and "1234567" not in caplog.text
