"""A REST-channel client for end-to-end conversations, and the steps of a whole interview."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import requests

from contract.questionnaire import load_questionnaire
from tests.e2e.servers import TOKEN, Stack

QN = load_questionnaire()


class Chat:
    def __init__(self, stack: Stack, sender: str) -> None:
        self.stack = stack
        self.sender = sender
        self.last: List[Dict[str, Any]] = []
        self.conversation_id: Optional[str] = None

    def say(self, text: str) -> List[Dict[str, Any]]:
        response = requests.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        self.last = response.json()
        for message in self.last:
            # Rasa's REST convention: the reply's recipient_id is the conversation id.
            self.conversation_id = message.get("recipient_id") or self.conversation_id
        return self.last

    def choose(self, answer_id: str) -> List[Dict[str, Any]]:
        return self.say("/answer" + json.dumps({"choice": answer_id}))

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.last if m.get("text"))

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        return [b for m in self.last for b in m.get("buttons", [])]

    def payloads(self) -> List[str]:
        return [b.get("payload") for b in self.buttons if b.get("payload")]

    def tracker(self) -> Dict[str, Any]:
        conversation = self.conversation_id or self.sender
        response = requests.get(
            f"{self.stack.rasa_url}/conversations/{conversation}/tracker",
            headers={"Authorization": f"Bearer {TOKEN}"},
            params={"token": TOKEN},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def slot(self, name: str) -> Optional[Any]:
        return self.tracker()["slots"].get(name)

    def slots(self) -> Dict[str, Any]:
        return self.tracker()["slots"]

    def requested_slot(self) -> Optional[str]:
        return self.slot("requested_slot")


# ---- the steps of an interview ------------------------------------------------------------


def start(chat: Chat, profile: bool = True) -> None:
    """Greeting, consent and (optionally) the profile by buttons."""
    chat.say("Hallo")
    assert "Datenschutz" in chat.text
    assert chat.payloads() == ["/affirm", "/deny"]
    chat.say("ja, einverstanden")
    assert chat.requested_slot() == "employees"
    assert "Beschäftigte" in chat.text
    if profile:
        chat.say("12")
        assert chat.requested_slot() == "sector"
        assert len(chat.buttons) == len(QN.sectors)
        chat.say('/inform{"sector":"handwerk"}')
        assert chat.requested_slot() == "municipality"
        chat.say('/inform{"municipality":"ratingen"}')
        assert chat.requested_slot() == QN.questions[0].slot


def answer_by_buttons(chat: Chat, answers: Dict[str, str], until: Optional[str] = None) -> None:
    """Answers the open questions by tapping the buttons (stops before ``until``)."""
    slots = chat.slots()
    for index, question in enumerate(QN.questions):
        if question.slot == until:
            return
        if slots.get(question.slot) is not None:
            continue
        assert slots.get("requested_slot") == question.slot
        assert f"Frage {index + 1} von {len(QN.questions)}" in chat.text
        assert f'/answer{{"choice":"{answers[question.slot]}"}}' in chat.payloads()
        chat.choose(answers[question.slot])
        slots = chat.slots()
        assert slots.get(question.slot) == answers[question.slot]


def closing(chat: Chat, need: str = "none") -> None:
    """The optional closing question (which topic matters most)."""
    assert chat.requested_slot() == "support_need"
    assert "Unterstützung" in chat.text
    chat.choose(need)
    assert chat.slot("support_need") == need


def review_and_confirm(chat: Chat) -> None:
    """The read-back: every answer listed; the score only after the confirmation."""
    assert chat.requested_slot() == "answers_confirmed"
    assert "Bitte prüfen Sie Ihre Antworten" in chat.text
    assert chat.slot("maturity") is None
    chat.say("/affirm")
    assert chat.slot("maturity") is not None
    assert "Reifegrad" in chat.text


def complete(chat: Chat, answers: Dict[str, str], need: str = "none") -> Dict[str, Any]:
    answer_by_buttons(chat, answers)
    closing(chat, need)
    review_and_confirm(chat)
    return chat.slot("maturity")


def rotating_answers(offset: int = 0) -> Dict[str, str]:
    answers = {}
    for i, question in enumerate(QN.questions):
        ids = QN.answer_ids(question.scale)
        answers[question.slot] = ids[(i + offset) % len(ids)]
    return answers
