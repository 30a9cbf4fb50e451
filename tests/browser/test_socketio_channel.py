"""The socket.io channel against the real Rasa server: #13027 (answers reach the client with
session_persistence), server-issued session tokens, hashed conversation ids, redaction."""

from __future__ import annotations

import queue
import time
import uuid
from typing import Any, Callable, Dict, List

import pytest
import requests
import socketio

from bot.channels.privacy import valid_web_token, web_conversation_id
from tests.e2e.servers import TOKEN


@pytest.fixture(autouse=True)
def stack_secrets(stack, monkeypatch) -> None:
    """Tokens and conversation ids are checked with the stack's CHANNEL_SECRET."""
    monkeypatch.setenv("SECRETS_DIR", str(stack.workdir / "secrets"))


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

    def say(
        self, session_id: str, text: str, until: Callable[[Dict[str, Any]], bool] = lambda m: False
    ) -> List[Dict[str, Any]]:
        """Sends ``text``; the answers until one satisfies ``until`` or none came for a while
        (generous: on a busy machine the form's question may follow the first answer late)."""
        self.client.emit("user_uttered", {"message": text, "session_id": session_id})
        return self.collect(first_timeout=30, quiet=3.0, until=until)

    def collect(
        self,
        first_timeout: float,
        quiet: float,
        until: Callable[[Dict[str, Any]], bool] = lambda m: False,
    ) -> List[Dict[str, Any]]:
        received: List[Dict[str, Any]] = []
        try:
            received.append(self.messages.get(timeout=first_timeout))
            while not until(received[-1]):
                received.append(self.messages.get(timeout=quiet))
        except queue.Empty:
            pass
        return received

    def close(self) -> None:
        self.client.disconnect()


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def tracker(stack, conversation_id: str) -> Dict[str, Any]:
    return requests.get(
        f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
        params={"token": TOKEN},
        timeout=30,
    ).json()


def user_events(state: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [e for e in state.get("events") or [] if e.get("event") == "user"]


def test_bot_uttered_arrives_and_session_survives_reconnect(stack) -> None:
    first = SocketClient(stack.rasa_url)
    try:
        token = first.session(None)
        assert valid_web_token(token) == token  # issued and signed by the server
        greeting = first.say(token, "Hallo", until=lambda m: bool(m.get("quick_replies")))
        assert "Datenschutz" in texts(greeting)
        replies = [r for m in greeting for r in m.get("quick_replies", [])]
        assert [r["payload"] for r in replies] == ["/affirm", "/deny"]
        asked = first.say(token, "/affirm", until=lambda m: "Beschäftigte" in m.get("text", ""))
        assert "Beschäftigte" in texts(asked)
    finally:
        first.close()

    second = SocketClient(stack.rasa_url)
    bystander = SocketClient(stack.rasa_url)
    try:
        assert second.session(token) == token  # the browser's stored token continues
        other = bystander.session(None)
        assert other and other != token  # a new session gets a fresh token
        answer = second.say(
            token, "wir sind 12 Leute", until=lambda m: bool(m.get("quick_replies"))
        )
        assert any(len(m.get("quick_replies", [])) == 10 for m in answer)  # sector buttons
        assert bystander.collect(first_timeout=1, quiet=0.1) == []  # rooms are separate
    finally:
        second.close()
        bystander.close()

    state = tracker(stack, web_conversation_id(token))
    assert state["slots"]["employees"] == 12
    assert state["slots"]["requested_slot"] == "sector"
    assert state["latest_input_channel"] == "socketio"
    # The token is no conversation id, and the tracker never sees the token.
    assert not user_events(tracker(stack, token))
    assert token not in str(state)


def test_client_chosen_and_forged_session_ids_get_a_new_session(stack) -> None:
    client = SocketClient(stack.rasa_url)
    try:
        real = client.session(None)
        nonce, signature = real.split(".")
        chosen = f"pytest-{uuid.uuid4().hex}"
        forged = f"{nonce}.{'A' * len(signature)}"
        for attempt in (chosen, forged, uuid.uuid4().hex):
            issued = client.session(attempt)
            assert issued not in (attempt, real) and valid_web_token(issued) == issued
        # Messages that name a chosen id instead of a token are ignored.
        client.client.emit("user_uttered", {"message": "Hallo", "session_id": chosen})
        time.sleep(1.5)
        assert client.messages.empty()
    finally:
        client.close()
    assert not user_events(tracker(stack, chosen))


def test_messages_without_session_id_are_ignored(stack) -> None:
    client = SocketClient(stack.rasa_url)
    try:
        client.session(None)
        client.client.emit("user_uttered", {"message": "Hallo"})
        time.sleep(1.5)
        assert client.messages.empty()
    finally:
        client.close()


def test_personal_data_is_redacted_before_the_tracker(stack) -> None:
    client = SocketClient(stack.rasa_url)
    try:
        token = client.session(None)
        client.say(token, "Hallo", until=lambda m: bool(m.get("quick_replies")))
        client.say(token, "Ich bin Sandra Wagner, sandra.wagner@example.org, 0171 2345678")
    finally:
        client.close()
    state = tracker(stack, web_conversation_id(token))
    users = user_events(state)
    assert users[-1]["text"] == "Ich bin [NAME], [E-MAIL], [TELEFON]"
    metadata = users[-1]["metadata"]
    assert metadata["redacted"] == ["E-MAIL", "TELEFON", "NAME"]
    assert set(metadata) <= {"redacted", "model_id", "assistant_id"}  # Rasa adds its own two
    dump = str(state)
    for value in ("Sandra", "Wagner", "sandra.wagner@example.org", "2345678"):
        assert value not in dump
