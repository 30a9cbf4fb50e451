"""A complete interview through the Telegram webhook against the local Bot API stand-in; the chat
id is hashed into the conversation id and never stored, texts are redacted."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import requests

from bot.channels.privacy import telegram_conversation_id
from tests.e2e.servers import TOKEN as RASA_TOKEN
from tests.telegram.conftest import SECRET, TOKEN, WEBHOOK_URL
from tests.telegram.standin import Call

CHAT_ID = 731904562218  # distinctive, so a search of the files cannot hit it by chance
HEADER = "X-Telegram-Bot-Api-Secret-Token"
FREE_TEXT = {  # typed instead of pressing a button, by answer id
    "yes": "ja klar, machen wir",
    "partly": "so teilweise",
    "rarely": "eher selten",
    "good": "ganz gut eigentlich",
}


class TelegramUser:
    """Posts updates to the webhook like Telegram does and reads the bot's API calls."""

    def __init__(self, stack, standin, chat_id: int = CHAT_ID) -> None:
        self.url = f"{stack.rasa_url}/webhooks/telegram/webhook"
        self.standin = standin
        self.chat = {
            "id": chat_id,
            "type": "private",
            "first_name": "Thorsten",
            "username": "tbk77",
        }
        self.updates = itertools.count(1)
        self.replies: List[Call] = []

    def _post(self, update: Dict[str, Any], secret: str = SECRET) -> requests.Response:
        start = len(self.standin.calls)
        update = {"update_id": next(self.updates), **update}
        response = requests.post(self.url, json=update, headers={HEADER: secret}, timeout=60)
        self.replies = self.standin.since(start)
        return response

    def say(self, text: str) -> List[Call]:
        message = {"message_id": next(self.updates), "date": int(time.time()), "chat": self.chat}
        response = self._post({"message": {**message, "text": text}})
        assert response.status_code == 200, response.text
        return self.replies

    def press(self, question: Call, data: str) -> List[Call]:
        message = {
            "message_id": 1,
            "date": int(time.time()),
            "chat": self.chat,
            "text": question.params["text"],
            "reply_markup": question.params["reply_markup"],
        }
        callback = {"id": f"cb{next(self.updates)}", "data": data, "message": message}
        callback["from"] = {"id": self.chat["id"], "is_bot": False, "first_name": "Thorsten"}
        response = self._post({"callback_query": {**callback, "chat_instance": "ci"}})
        assert response.status_code == 200, response.text
        return self.replies

    @property
    def messages(self) -> List[Call]:
        return [c for c in self.replies if c.method == "sendMessage"]

    @property
    def text(self) -> str:
        return "\n".join(c.params.get("text", "") for c in self.messages)

    def question(self) -> Optional[Call]:
        """The last message with answer buttons (callback keys)."""
        with_keys = [
            c for c in self.messages if any("callback_data" in k for r in c.keyboard for k in r)
        ]
        return with_keys[-1] if with_keys else None


@pytest.fixture(autouse=True)
def stack_secrets(stack, monkeypatch) -> None:
    """Conversation ids are computed with the stack's CHANNEL_SECRET."""
    monkeypatch.setenv("SECRETS_DIR", str(stack.workdir / "secrets"))


def tracker(stack, conversation_id: str) -> Dict[str, Any]:
    return requests.get(
        f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
        params={"token": RASA_TOKEN},
        timeout=30,
    ).json()


def user_events(state: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [e for e in state.get("events") or [] if e.get("event") == "user"]


def answer_choice(data: str) -> Optional[str]:
    return data.split('"choice":"')[1].split('"')[0] if '"choice":"' in data else None


def test_webhook_was_registered_with_the_secret(stack, standin) -> None:
    [call] = [c for c in standin.calls if c.method == "setWebhook"]
    assert call.token == TOKEN
    assert call.params["url"] == WEBHOOK_URL
    assert call.params["secret_token"] == SECRET


@pytest.mark.parametrize("secret", ["wrong-secret", ""])
def test_wrong_secret_is_rejected(stack, standin, secret: str) -> None:
    user = TelegramUser(stack, standin, chat_id=999)
    message = {"message_id": 1, "date": 0, "chat": user.chat, "text": "Hallo"}
    response = user._post({"message": message}, secret=secret)
    assert response.status_code == 403
    assert user.replies == []


def test_complete_interview_over_telegram(stack, standin) -> None:
    user = TelegramUser(stack, standin)
    user.say("/start")
    consent = user.question()
    assert consent is not None and "Datenschutz" in consent.params["text"]
    assert [k["callback_data"] for row in consent.keyboard for k in row] == ["/affirm", "/deny"]
    agree = consent.keyboard[0][0]["text"]

    user.press(consent, "/affirm")
    acknowledged = {c.method for c in user.replies}
    assert {"answerCallbackQuery", "editMessageText"} <= acknowledged
    edit = next(c for c in user.replies if c.method == "editMessageText")
    assert edit.params["text"].endswith(f"→ {agree}")
    assert "Beschäftigte" in user.text

    user.say("Malerbetrieb in Hilden, 9 Leute")  # fills all three profile slots
    assert "Frage 1 von" in user.text

    typed = pressed = 0
    photo: Optional[Call] = None
    for _ in range(40):
        photo = next((c for c in user.replies if c.method == "sendPhoto"), None)
        if photo:
            break
        question = user.question()
        assert question is not None, user.text
        keys = [k for row in question.keyboard for k in row]
        assert all(len(k["callback_data"].encode()) <= 64 for k in keys if "callback_data" in k)
        choices = [k["callback_data"] for k in keys if "callback_data" in k]
        typed_answer = next(
            (FREE_TEXT[c] for c in map(answer_choice, choices) if c in FREE_TEXT), None
        )
        if typed_answer and typed < 4 and (typed + pressed) % 3 == 0:
            user.say(typed_answer)
            typed += 1
        else:
            user.press(question, choices[0])
            pressed += 1
    assert photo is not None, "no chart photo was sent"
    assert typed >= 3 and pressed >= 10
    assert photo.params["chat_id"] == str(CHAT_ID)
    assert photo.files["photo"].startswith(b"\x89PNG"), "the chart is uploaded as a PNG"
    assert "Ihr digitaler Reifegrad" in user.text
    links = [k for c in user.messages for row in c.keyboard for k in row if "url" in k]
    assert links and all(k["url"].startswith(("https://", "http://")) for k in links)

    state = tracker(stack, telegram_conversation_id(CHAT_ID))
    maturity = state["slots"]["maturity"]
    assert maturity and set(maturity["dimensions"]) == {
        "strategy", "tools", "processes", "online", "security", "skills"
    }  # fmt: skip
    assert state["slots"]["sector"] == "handwerk" and state["slots"]["employees"] == 9
    assert state["latest_input_channel"] == "telegram"
    assert not user_events(tracker(stack, str(CHAT_ID)))  # the chat id is no conversation id


def test_personal_data_is_redacted_and_replies_reach_the_chat(stack, standin) -> None:
    user = TelegramUser(stack, standin, chat_id=CHAT_ID + 1)
    user.say("/start")
    user.say("Hallo, hier spricht Jürgen Krause, krause@example.org, Tel. 0211 7654321")
    assert user.messages, "the bot answers in the chat"
    assert all(c.params["chat_id"] == str(CHAT_ID + 1) for c in user.messages)
    [*_, last] = user_events(tracker(stack, telegram_conversation_id(CHAT_ID + 1)))
    assert last["text"] == "Hallo, hier spricht [NAME], [E-MAIL], Tel. [TELEFON]"
    assert last["metadata"]["redacted"] == ["E-MAIL", "TELEFON", "NAME"]
    assert set(last["metadata"]) <= {"redacted", "model_id", "assistant_id"}  # no chat, no from


def test_rest_cannot_address_a_telegram_conversation(stack) -> None:
    conversation = telegram_conversation_id(CHAT_ID)
    before = len(user_events(tracker(stack, conversation)))
    for sender in (conversation, str(CHAT_ID)):
        response = requests.post(
            f"{stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "neu starten"},
            timeout=30,
        )
        assert response.status_code == 200
        assert all(m["recipient_id"] == f"rest-{sender}" for m in response.json())
    assert len(user_events(tracker(stack, conversation))) == before


def test_chat_ids_and_names_never_reach_the_files(stack) -> None:
    """Tracker store, API database and logs: no chat id, no Telegram profile name."""
    files = [p for p in Path(stack.workdir).rglob("*") if p.is_file()]
    assert any(p.name == "tracker.db" for p in files)
    needles = [str(CHAT_ID), str(CHAT_ID + 1), "Thorsten", "tbk77", "Krause", "7654321"]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            # (a REST client may name a sender like a chat id: "rest-<number>" is its own)
            found = re.search(rb"(?<!rest-)" + re.escape(needle.encode()), data)
            assert found is None, f"{needle} found in {path.name}"
