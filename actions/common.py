"""Small helpers shared by the action modules: the latest message, slots and button payloads."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker

from bot.nlu.intents import detect
from bot.nlu.profile import read_profile
from bot.payloads import parse_payload
from contract.questionnaire import DONT_KNOW, Questionnaire, load_questionnaire

FORM_NAME = "interview_form"
CONSENT_FORM = "consent_form"
REVIEW_SLOT = "answers_confirmed"
PROFILE_SLOTS = ("employees", "sector", "municipality")
# Intents whose confidence is trusted for a canned reply only in short messages.
SHORT_MESSAGE_WORDS = 12


@dataclass(frozen=True)
class Turn:
    """What the owner just wrote, read once: text, intent, payload, redactions."""

    text: str
    intent: Optional[str]
    confidence: float
    payload_intent: Optional[str]
    payload: Dict[str, Any] = field(default_factory=dict)
    redacted: Tuple[str, ...] = ()
    recheck: Optional[str] = None  # HMAC of a re-check code the owner gave (from the channel)

    @property
    def is_button(self) -> bool:
        return self.payload_intent is not None

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def short(self) -> bool:
        return self.words <= SHORT_MESSAGE_WORDS

    def intent_is(self, *names: str, min_confidence: float = 0.0) -> bool:
        return self.intent in names and self.confidence >= min_confidence


def turn_of(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    text = str(message.get("text") or "")
    intent = (message.get("intent") or {}).get("name")
    confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
    payload_intent, payload = parse_payload(text)
    metadata = message.get("metadata") or {}
    redacted = metadata.get("redacted") if isinstance(metadata, dict) else None
    kinds = tuple(str(k) for k in redacted) if isinstance(redacted, list) else ()
    recheck = metadata.get("recheck") if isinstance(metadata, dict) else None
    if not (isinstance(recheck, str) and re.fullmatch(r"[0-9a-f]{64}", recheck)):
        recheck = None
    return Turn(text, intent, confidence, payload_intent, payload, kinds, recheck)


def wants_erasure(turn: Turn) -> bool:
    """ "Bitte löschen Sie meine Daten": the forms step aside (they reject the turn) so that the
    erase rule runs ``action_erase_conversation`` at once."""
    if turn.payload_intent == "erase_data":
        return True
    if turn.is_button:
        return False
    return detect(turn.text) == "erase_data" or turn.intent_is("erase_data", min_confidence=0.95)


def just_activated(tracker: Tracker, form: str) -> bool:
    """True when ``form`` was activated after the latest user message (its first call)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == form:
            return True
    return False


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def slot_values(tracker: Tracker, slots: List[str]) -> Dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in slots}


def answers_of(tracker: Tracker, questionnaire: Optional[Questionnaire] = None) -> Dict[str, Any]:
    qn = questionnaire or load_questionnaire()
    return slot_values(tracker, qn.question_slots)


def payload(intent: str, entities: Optional[Dict[str, Any]] = None) -> str:
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def button(title: str, intent: str, entities: Optional[Dict[str, Any]] = None) -> Dict[str, str]:
    return {"title": title, "payload": payload(intent, entities)}


def answer_buttons(
    questionnaire: Questionnaire, scale: str, only: Optional[List[str]] = None
) -> List[Dict[str, str]]:
    """Buttons for the answers of a scale plus "Weiß nicht" (or only the given answer ids)."""
    ids = only or questionnaire.answer_ids(scale)
    return [
        button(questionnaire.answer_label(scale, answer_id), "answer", {"choice": answer_id})
        for answer_id in ids
    ]


def option_buttons(questionnaire: Questionnaire, slot: str) -> List[Dict[str, str]]:
    """Profile options fill their slot via ``inform``; closing options are answers."""
    question = questionnaire.profile_question(slot)
    if question is None:
        return []
    if slot in questionnaire.profile_slots:
        return [button(o.label, "inform", {slot: o.id}) for o in question.options]
    return [button(o.label, "answer", {"choice": o.id}) for o in question.options]


def yes_no_buttons(yes: str, no: str) -> List[Dict[str, str]]:
    return [button(yes, "affirm"), button(no, "deny")]


def consent_buttons() -> List[Dict[str, str]]:
    return yes_no_buttons("Ja, Check starten", "Nein, lieber nicht")


def unfinished_interview(tracker: Tracker) -> bool:
    """The owner consented earlier and answered something, but there is no result yet."""
    qn = load_questionnaire()
    if tracker.get_slot("maturity") or not tracker.get_slot("consent"):
        return False
    return any(tracker.get_slot(s) is not None for s in qn.question_slots)


__all__ = ["DONT_KNOW", "Turn", "turn_of"]


def known_town(tracker: Tracker, text: str = "") -> Optional[str]:
    """The firm's town for a contact person: the stored one, else the one read from what the
    owner typed before the consent (``intro_profile``) or in this message."""
    town = tracker.get_slot("municipality")
    if town:
        return town
    intro = tracker.get_slot("intro_profile") or {}
    for part in ("stored", "proposed"):
        town = (intro.get(part) or {}).get("municipality") if isinstance(intro, dict) else None
        if town:
            return town
    return read_profile(text, None).values.get("municipality") if text else None


def before_the_check(tracker: Tracker) -> bool:
    """No consent asked or given yet, no result: the conversation has just begun."""
    return (
        tracker.get_slot("consent") is None
        and not tracker.get_slot("stage")
        and not tracker.get_slot("maturity")
        and not tracker.active_loop.get("name")
    )
