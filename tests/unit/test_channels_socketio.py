"""Unit tests of the custom socket.io channel: the RasaHQ/rasa#13027 fix, link buttons and
server-issued session tokens."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Callable, Dict, List

import pytest
import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

from bot.channels import privacy
from bot.channels import socketio as sio_channel
from tests.unit.channel_helpers import channel_secret  # noqa: F401 (autouse fixture)


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
