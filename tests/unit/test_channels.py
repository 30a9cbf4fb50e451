"""Unit tests of the custom channels (socket.io fix, Telegram connector helpers)."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List

import pytest
import socketio

from bot.channels import socketio as sio_channel
from bot.channels.telegram import TelegramInput, button_title
from bot.channels.telegram_output import (
    MAX_CALLBACK_BYTES,
    callback_data,
    inline_keyboard,
    split_text,
)


def test_enter_room_is_awaited_on_current_python_socketio() -> None:
    """RasaHQ/rasa#13027: without the await the client never joins its session's room."""

    async def scenario() -> Dict[str, Any]:
        server = socketio.AsyncServer(async_mode="asgi")
        sid = await server.manager.connect("eio-1", "/")
        unawaited = server.enter_room(sid, "stock-rasa")  # what Rasa 3.6 does
        unawaited.close()
        await sio_channel.enter_room(server, sid, "session-1", None)
        return {room: set(members) for room, members in server.manager.rooms["/"].items()}

    rooms = asyncio.run(scenario())
    assert "stock-rasa" not in rooms
    assert len(rooms["session-1"]) == 1


def test_enter_room_also_works_with_a_synchronous_server() -> None:
    calls: List[tuple] = []

    class OldServer:
        def enter_room(self, sid: str, room: str, namespace: Any = None) -> None:
            calls.append((sid, room, namespace))

    asyncio.run(sio_channel.enter_room(OldServer(), "sid", "room", None))  # type: ignore[arg-type]
    assert calls == [("sid", "room", None)]


def test_link_buttons_keep_their_url() -> None:
    sent: List[Dict[str, Any]] = []

    class Recorder:
        async def emit(self, event: str, data: Any, room: str) -> None:
            sent.append({"event": event, "data": data, "room": room})

    output = sio_channel.SocketIOOutput(Recorder(), "bot_uttered")  # type: ignore[arg-type]
    buttons = [
        {"title": "Ja", "payload": '/answer{"choice":"yes"}'},
        {"title": "Zur Website", "url": "https://example.org/x", "type": "web_url"},
    ]
    asyncio.run(output.send_text_with_buttons("s1", "Erster Absatz\n\nFrage?", buttons))
    assert [m["data"].get("text") for m in sent] == ["Erster Absatz", "Frage?"]
    assert all(m["room"] == "s1" and m["event"] == "bot_uttered" for m in sent)
    assert sent[1]["data"]["quick_replies"] == [
        {"content_type": "text", "title": "Ja", "payload": '/answer{"choice":"yes"}'},
        {"content_type": "web_url", "title": "Zur Website", "url": "https://example.org/x"},
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("abc123", "abc123"), (" x ", "x"), ("", None), (None, None), (42, None), ("a" * 200, None)],
)
def test_session_ids_are_validated(value: Any, expected: Any) -> None:
    assert sio_channel.valid_session_id(value) == expected


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
