"""Unit tests of the custom channels: the privacy helper (redaction, metadata, namespaced
conversation ids), REST, socket.io (#13027 fix, server-issued tokens), Telegram."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from typing import Any, Callable, Dict, List

import pytest
import socketio
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint

from bot.channels import privacy
from bot.channels import rest as rest_channel
from bot.channels import socketio as sio_channel
from bot.channels.rest import RestInput
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
from bot.privacy import redact


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


# --- the privacy helper: one place for all channels ---------------------------------------------


@pytest.fixture(autouse=True)
def channel_secret(monkeypatch) -> str:
    """A fixed CHANNEL_SECRET, so no secret file is written and ids are reproducible."""
    monkeypatch.setenv("CHANNEL_SECRET", "unit-test-channel-secret-0123456789")
    return "unit-test-channel-secret-0123456789"


class Recorder(OutputChannel):
    """An output channel that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent: List[tuple] = []

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.sent.append((recipient_id, text))


def test_user_message_is_redacted_and_tells_what_was_redacted() -> None:
    message = privacy.user_message(
        "Ich bin Thomas, thomas@example.org, 0171 1234567", Recorder(), "rest-x", "rest"
    )
    assert message.text == "Ich bin [NAME], [E-MAIL], [TELEFON]"
    assert message.metadata == {"redacted": ["E-MAIL", "TELEFON", "NAME"]}
    assert message.sender_id == "rest-x" and message.input_channel == "rest"


def test_user_message_without_personal_data_has_empty_metadata() -> None:
    message = privacy.user_message("Malerbetrieb in Hilden, 9 Leute", Recorder(), "rest-x", "rest")
    assert message.text == "Malerbetrieb in Hilden, 9 Leute"
    assert message.metadata == {}


@pytest.mark.parametrize(
    "payload",
    ["/affirm", "/start_check", '/answer{"choice":"yes"}', '/inform{"municipality": "hilden"}'],
)
def test_button_payloads_pass_unchanged(payload: str) -> None:
    assert privacy.clean_text(payload).text == payload
    assert privacy.user_message(payload, Recorder(), "rest-x", "rest").metadata == {}


def test_personal_data_inside_a_payload_is_redacted() -> None:
    # Not a payload our buttons send ("contact" is no known key): text, redacted.
    result = privacy.clean_text('/inform{"contact": "thomas@example.org", "n": 3}')
    assert not result.text.startswith("/")
    assert "[E-MAIL]" in result.text and "thomas" not in result.text
    assert result.kinds == ("E-MAIL",)


@pytest.mark.parametrize(
    "text", ["/session_start", "/restart_now", '/inform{"maturity": 100}', "/back", "/nlu_fallback"]
)
def test_payloads_our_buttons_never_send_are_text(text: str) -> None:
    assert privacy.clean_text(text).text == text.lstrip("/")


@pytest.mark.parametrize(
    "text",
    ["/ich bin Thomas", "/inform{kaputt", '/inform["a"]', "/ affirm", "//affirm", "/a b"],
)
def test_other_slash_texts_are_text(text: str) -> None:
    assert privacy.button_payload(text) is None
    assert privacy.clean_text(text) == redact(text.strip().lstrip("/").strip())


@pytest.mark.parametrize(
    ("sender", "valid"),
    [
        ("demo", True),
        ("a", True),
        ("x" * 64, True),
        ("x" * 65, False),
        ("", False),
        ("   ", False),
        ("zeile\nzwei", False),
        ("tab\tstop", False),
        (42, False),
        (None, False),
        ("Kunde 7 ä", True),
    ],
)
def test_rest_senders_are_validated(sender: Any, valid: bool) -> None:
    assert (privacy.valid_rest_sender(sender) is not None) is valid


def test_conversation_ids_are_namespaced_per_channel() -> None:
    assert privacy.rest_conversation_id("demo") == "rest-demo"
    token = privacy.issue_web_token()
    web = privacy.web_conversation_id(token)
    telegram = privacy.telegram_conversation_id(4242)
    assert web.startswith("web-") and len(web) == 4 + 32 and token not in web
    assert telegram.startswith("tg-") and "4242" not in telegram
    assert telegram == privacy.telegram_conversation_id("4242")  # int or str: same chat
    # A REST client naming another channel's id only reaches its own namespace.
    assert privacy.rest_conversation_id(telegram) == f"rest-{telegram}" != telegram
    assert privacy.rest_conversation_id(web) != web


def test_ids_depend_on_the_channel_secret(monkeypatch) -> None:
    token = privacy.issue_web_token()
    web, telegram = privacy.web_conversation_id(token), privacy.telegram_conversation_id(7)
    monkeypatch.setenv("CHANNEL_SECRET", "another-secret-another-secret")
    assert privacy.web_conversation_id(token) != web
    assert privacy.telegram_conversation_id(7) != telegram
    assert privacy.valid_web_token(token) is None  # a token of another installation


def test_web_tokens_are_random_signed_and_unforgeable() -> None:
    tokens = {privacy.issue_web_token() for _ in range(50)}
    assert len(tokens) == 50
    token = tokens.pop()
    nonce, signature = token.split(".")
    assert len(base64.urlsafe_b64decode(nonce + "==")) * 8 >= 128
    assert privacy.valid_web_token(token) == token
    forged_signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    forged_nonce = ("A" if nonce[0] != "A" else "B") + nonce[1:]
    for forged in (
        f"{nonce}.{forged_signature}",
        f"{forged_nonce}.{signature}",
        nonce,
        "pytest-session-1",
        uuid.uuid4().hex,
        token + "x",
        " " + token,
        None,
        42,
        "a" * 500,
    ):
        assert privacy.valid_web_token(forged) is None


# --- REST ----------------------------------------------------------------------------------------


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


# --- socket.io -----------------------------------------------------------------------------------


class FakeSocketServer:
    """Records the socket.io calls of the channel's handlers."""

    def __init__(self) -> None:
        self.handlers: Dict[str, Callable] = {}
        self.emitted: List[tuple] = []
        self.rooms: List[tuple] = []

    def on(self, event: str, namespace: Any = None) -> Callable:
        def register(handler: Callable) -> Callable:
            self.handlers[event] = handler
            return handler

        return register

    async def emit(self, event: str, data: Any, room: str = "", namespace: Any = None) -> None:
        self.emitted.append((event, data, room))

    def enter_room(self, sid: str, room: str, namespace: Any = None) -> None:
        self.rooms.append((sid, room))


def socketio_channel(monkeypatch, persistence: bool = True):
    server = FakeSocketServer()
    monkeypatch.setattr(sio_channel, "AsyncServer", lambda **_: server)
    monkeypatch.setattr(
        sio_channel.rasa_socketio, "SocketBlueprint", lambda *a, **k: Blueprint("x")
    )
    received: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    channel = sio_channel.SocketIOInput(session_persistence=persistence)
    channel.blueprint(on_new_message)
    return server, received


def confirm(server: FakeSocketServer, sid: str, session_id: Any) -> str:
    asyncio.run(server.handlers["session_request"](sid, {"session_id": session_id}))
    event, token, room = server.emitted[-1]
    assert event == "session_confirm" and room == sid
    return token


def test_socketio_sessions_are_issued_by_the_server(monkeypatch) -> None:
    server, _ = socketio_channel(monkeypatch)
    token = confirm(server, "sid-1", None)
    assert privacy.valid_web_token(token) == token
    assert server.rooms[-1] == ("sid-1", privacy.web_conversation_id(token))
    # The browser's stored token continues the conversation ...
    assert confirm(server, "sid-2", token) == token
    assert server.rooms[-1] == ("sid-2", privacy.web_conversation_id(token))
    # ... client-chosen, forged and malformed ids get a new session.
    nonce, signature = token.split(".")
    forged = f"{nonce}.{'A' * len(signature)}"
    for chosen in ("pytest-123", uuid.uuid4().hex, forged, 42, "", None):
        fresh = confirm(server, "sid-3", chosen)
        assert fresh not in (token, chosen) and privacy.valid_web_token(fresh) == fresh
    asyncio.run(server.handlers["session_request"]("sid-4", "kaputt"))
    assert privacy.valid_web_token(server.emitted[-1][1])


def test_socketio_messages_use_the_hashed_token_and_are_redacted(monkeypatch) -> None:
    server, received = socketio_channel(monkeypatch)
    token = confirm(server, "sid-1", None)
    data = {
        "message": "ich bin Sandra, sandra@example.org",
        "session_id": token,
        "metadata": {"name": "Sandra Becker", "page": "/impressum"},
    }
    asyncio.run(server.handlers["user_uttered"]("sid-9", data))
    [message] = received
    assert message.sender_id == privacy.web_conversation_id(token)
    assert message.text == "ich bin [NAME], [E-MAIL]"
    assert message.metadata == {"redacted": ["E-MAIL", "NAME"]}
    assert message.input_channel == "socketio"
    # the sending socket joins the conversation's room, so the answer reaches it
    assert ("sid-9", message.sender_id) in server.rooms


@pytest.mark.parametrize(
    "data",
    [
        {"message": "Hallo"},
        {"message": "Hallo", "session_id": "pytest-chosen-id"},
        {"message": "Hallo", "session_id": uuid.uuid4().hex},
        {"message": None, "session_id": "valid"},
        "Hallo",
        None,
    ],
)
def test_socketio_messages_without_a_server_token_are_ignored(monkeypatch, data: Any) -> None:
    server, received = socketio_channel(monkeypatch)
    token = confirm(server, "sid-1", None)
    if isinstance(data, dict) and data.get("session_id") == "valid":
        data = {**data, "session_id": token}
    asyncio.run(server.handlers["user_uttered"]("sid-1", data))
    assert received == []


def test_socketio_without_persistence_issues_a_new_session_each_time(monkeypatch) -> None:
    server, _ = socketio_channel(monkeypatch, persistence=False)
    token = confirm(server, "sid-1", None)
    assert confirm(server, "sid-2", token) != token


# --- Telegram ------------------------------------------------------------------------------------


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
