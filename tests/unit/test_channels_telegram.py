"""Unit tests of the custom Telegram channel: callback data, keyboards, text splitting,
update parsing, hashed chat ids and the output channel."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List

from rasa.core.channels.channel import UserMessage

from bot.channels import privacy
from bot.channels.telegram import TelegramInput, button_title
from bot.channels.telegram_output import (
    MAX_CALLBACK_BYTES,
    ChatOutput,
    TelegramOutput,
    callback_data,
    inline_keyboard,
    is_chat_id,
    split_text,
)
from tests.unit.channel_helpers import channel_secret  # noqa: F401 (autouse fixture)


def test_callback_data_respects_telegrams_limit() -> None:
    assert callback_data({"title": "Ja", "payload": '/answer{"choice":"yes"}'}) == (
        '/answer{"choice":"yes"}'
    )
    long_payload = "/inform" + json.dumps({"municipality": "x" * 80})
    data = callback_data({"title": "Heiligenhaus", "payload": long_payload})
    assert data == "Heiligenhaus" and len(data.encode()) <= MAX_CALLBACK_BYTES


def test_inline_keyboard_layout_and_link_buttons() -> None:
    short = inline_keyboard(
        [{"title": t, "payload": f"/{t}"} for t in ("Ja", "Nein", "Weiß nicht")]
    )
    assert [[k.text for k in row] for row in short.inline_keyboard] == [
        ["Ja", "Nein"],
        ["Weiß nicht"],
    ]
    long = inline_keyboard(
        [
            {"title": "Beratung zur IT-Sicherheit im Handwerk", "url": "https://example.org"},
            {"title": "Ja", "payload": "/affirm"},
        ]
    )
    rows = long.to_python()["inline_keyboard"]
    assert rows == [
        [{"text": "Beratung zur IT-Sicherheit im Handwerk", "url": "https://example.org"}],
        [{"text": "Ja", "callback_data": "/affirm"}],
    ]


def test_split_text_keeps_messages_below_the_limit() -> None:
    text = "\n\n".join(["Absatz " + "x" * 50] * 10)
    chunks = split_text(text, limit=130)
    assert all(len(chunk) <= 130 for chunk in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")
    assert split_text("kurz") == ["kurz"]


def test_telegram_is_inert_without_token_or_secret(monkeypatch) -> None:
    for name in ("TELEGRAM_TOKEN", "TELEGRAM_SECRET", "TELEGRAM_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    assert TelegramInput.from_credentials(None).get_output_channel() is None
    monkeypatch.setenv("TELEGRAM_TOKEN", "123:abc")
    assert TelegramInput.from_credentials({}).get_output_channel() is None  # no secret
    monkeypatch.setenv("TELEGRAM_SECRET", "s3cret")
    monkeypatch.setenv("TELEGRAM_API_BASE", "http://127.0.0.1:9/")
    output = TelegramInput.from_credentials({}).get_output_channel()
    assert output is not None
    assert output.server.api_url("123:abc", "sendMessage") == (
        "http://127.0.0.1:9/bot123:abc/sendMessage"
    )


def test_telegram_updates_are_parsed() -> None:
    channel = TelegramInput("123:abc", verify="@digitalcheck_bot", secret="s")
    chat = {"id": 42, "type": "private"}
    assert channel.parse_update({"message": {"chat": chat, "text": "/start"}}) == ("42", "/greet")
    start = {"message": {"chat": chat, "text": "/start@digitalcheck_bot"}}
    assert channel.parse_update(start) == ("42", "/greet")
    assert channel.parse_update({"message": {"chat": chat, "text": "9 Leute"}}) == ("42", "9 Leute")
    assert channel.parse_update({"message": {"chat": chat, "sticker": {}}}) is None
    assert channel.parse_update({"edited_message": {"chat": chat, "text": "ja"}}) is None
    keyboard = {"inline_keyboard": [[{"text": "Ja", "callback_data": "/affirm"}]]}
    callback = {
        "id": "cb1",
        "data": "/affirm",
        "message": {
            "message_id": 7,
            "chat": chat,
            "text": "Einverstanden?",
            "reply_markup": keyboard,
        },
    }
    assert channel.parse_update({"callback_query": callback}) == ("42", "/affirm")
    assert button_title(callback) == "Ja"


class FakeTelegramOutput:
    """Stands in for the shared TelegramOutput: records what would go to Telegram."""

    def __init__(self) -> None:
        self.calls: List[tuple] = []

    async def acknowledge_button(self, callback: Dict[str, Any], title: Any) -> None:
        self.calls.append(("ack", callback["id"], title))

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self.calls.append(("response", recipient_id, message))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.calls.append(("text", recipient_id, text))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        self.calls.append(("image", recipient_id, image))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        self.calls.append(("buttons", recipient_id, text))


def telegram_update(chat_id: int, text: str) -> Dict[str, Any]:
    person = {"id": chat_id, "is_bot": False, "first_name": "Thomas", "last_name": "Becker"}
    chat = {"id": chat_id, "type": "private", "first_name": "Thomas", "username": "tbecker"}
    return {
        "update_id": 1,
        "message": {"message_id": 5, "from": person, "chat": chat, "text": text},
    }


def test_telegram_conversations_use_the_hashed_chat_id() -> None:
    channel = TelegramInput("123:abc", secret="s")
    output = FakeTelegramOutput()
    received: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "Hallo!"})
        await message.output_channel.send_image_url(message.sender_id, "https://x/chart.png")

    update = telegram_update(987654321, "Becker hier, Tel 0211 1234567")
    status = asyncio.run(channel.process_update(update, output, on_new_message))  # type: ignore[arg-type]
    assert status == "ok"
    [message] = received
    assert message.sender_id == privacy.telegram_conversation_id(987654321)
    assert "987654321" not in message.sender_id
    assert message.text == "[NAME] hier, Tel [TELEFON]"
    assert message.metadata == {"redacted": ["TELEFON", "NAME"]}  # no from/chat names
    assert message.input_channel == "telegram"
    # The replies go to the real chat of the update.
    assert output.calls == [
        ("response", "987654321", {"text": "Hallo!"}),
        ("image", "987654321", "https://x/chart.png"),
    ]


def test_telegram_button_presses_are_acknowledged_and_passed_on() -> None:
    channel = TelegramInput("123:abc", secret="s")
    output = FakeTelegramOutput()
    received: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    keyboard = {"inline_keyboard": [[{"text": "Ja", "callback_data": "/affirm"}]]}
    callback = {
        "id": "cb1",
        "data": "/affirm",
        "from": {"id": 77, "first_name": "Thomas"},
        "message": {"message_id": 7, "chat": {"id": 77}, "text": "Ok?", "reply_markup": keyboard},
    }
    asyncio.run(channel.process_update({"callback_query": callback}, output, on_new_message))  # type: ignore[arg-type]
    assert output.calls == [("ack", "cb1", "Ja")]
    assert [(m.text, m.sender_id, m.metadata) for m in received] == [
        ("/affirm", privacy.telegram_conversation_id(77), {})
    ]


def test_telegram_output_refuses_hashed_recipients() -> None:
    output = TelegramOutput("123:abc", "http://127.0.0.1:9")
    sent: List[tuple] = []

    async def send_message(chat_id: str, text: str, **kwargs: Any) -> None:
        sent.append((chat_id, text))

    output.send_message = send_message  # type: ignore[method-assign]
    conversation = privacy.telegram_conversation_id(42)
    asyncio.run(output.send_response(conversation, {"text": "Hallo"}))
    assert sent == []
    asyncio.run(output.send_response("42", {"text": "Hallo"}))
    assert sent == [("42", "Hallo")]
    bound = ChatOutput(output, "42")
    asyncio.run(bound.send_text_message(conversation, "Noch was"))
    assert sent[-1] == ("42", "Noch was")
    assert is_chat_id("-1001234") and is_chat_id("@digitalcheck") and not is_chat_id(conversation)
