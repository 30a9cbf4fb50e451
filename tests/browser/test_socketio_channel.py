"""The socket.io channel with session_persistence against the real Rasa server (#13027)."""

from __future__ import annotations

import queue
import time
import uuid
from typing import Any, Dict, List

import requests
import socketio

from tests.e2e.servers import TOKEN


class SocketClient:
    """python-socketio client over polling (the only transport usable in Rasa's venv)."""

    def __init__(self, url: str) -> None:
        self.client = socketio.Client(reconnection=False)
        self.messages: queue.Queue[Dict[str, Any]] = queue.Queue()
        self.confirmed: queue.Queue[str] = queue.Queue()
        self.client.on("bot_uttered", self.messages.put)
        self.client.on("session_confirm", self.confirmed.put)
        self.client.connect(url, transports=["polling"], wait_timeout=10)

    def session(self, session_id: Any) -> str:
        self.client.emit("session_request", {"session_id": session_id})
        return self.confirmed.get(timeout=10)

    def say(self, session_id: str, text: str, quiet: float = 1.0) -> List[Dict[str, Any]]:
        self.client.emit("user_uttered", {"message": text, "session_id": session_id})
        return self.collect(first_timeout=30, quiet=quiet)

    def collect(self, first_timeout: float, quiet: float) -> List[Dict[str, Any]]:
        received: List[Dict[str, Any]] = []
        try:
            received.append(self.messages.get(timeout=first_timeout))
            while True:
                received.append(self.messages.get(timeout=quiet))
        except queue.Empty:
            return received

    def close(self) -> None:
        self.client.disconnect()


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_bot_uttered_arrives_and_session_survives_reconnect(stack) -> None:
    session_id = f"pytest-{uuid.uuid4().hex}"
    first = SocketClient(stack.rasa_url)
    try:
        assert first.session(session_id) == session_id
        greeting = first.say(session_id, "Hallo")
        assert "Datenschutz" in texts(greeting)
        replies = [r for m in greeting for r in m.get("quick_replies", [])]
        assert [r["payload"] for r in replies] == ["/affirm", "/deny"]
        assert "Beschäftigte" in texts(first.say(session_id, "/affirm"))
    finally:
        first.close()

    second = SocketClient(stack.rasa_url)
    bystander = SocketClient(stack.rasa_url)
    try:
        assert second.session(session_id) == session_id
        other = bystander.session(None)
        assert other and other != session_id  # a new session gets a fresh id
        answer = second.say(session_id, "wir sind 12 Leute")
        assert any(len(m.get("quick_replies", [])) == 10 for m in answer)  # sector buttons
        assert bystander.collect(first_timeout=1, quiet=0.1) == []  # rooms are separate
    finally:
        second.close()
        bystander.close()

    tracker = requests.get(
        f"{stack.rasa_url}/conversations/{session_id}/tracker", params={"token": TOKEN}, timeout=30
    ).json()
    assert tracker["slots"]["employees"] == 12
    assert tracker["slots"]["requested_slot"] == "sector"


def test_messages_without_session_id_are_ignored(stack) -> None:
    client = SocketClient(stack.rasa_url)
    try:
        client.session(f"pytest-{uuid.uuid4().hex}")
        client.client.emit("user_uttered", {"message": "Hallo"})
        time.sleep(1.5)
        assert client.messages.empty()
    finally:
        client.close()
