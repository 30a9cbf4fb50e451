"""Small helpers shared by the action modules: tracker access and button payloads."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set

from rasa_sdk import Tracker

from contract.questionnaire import DONT_KNOW, Questionnaire

FORM_NAME = "interview_form"
PROFILE_ENTITIES = ("employees", "sector", "municipality")


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_confidence(tracker: Tracker) -> float:
    return float((tracker.latest_message or {}).get("intent", {}).get("confidence") or 0.0)


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_entity_types(tracker: Tracker) -> Set[str]:
    return {e.get("entity") for e in (tracker.latest_message or {}).get("entities", [])}


def previous_slot_value(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the latest user message (ignores what was extracted from it)."""
    events = list(tracker.events)
    user_indices = [i for i, event in enumerate(events) if event.get("event") == "user"]
    end = user_indices[-1] if user_indices else len(events)
    value = None
    for event in events[:end]:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
        elif event.get("event") in ("restart", "reset_slots"):
            value = None
    return value


def payload(intent: str, entities: Optional[Dict[str, Any]] = None) -> str:
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def answer_buttons(questionnaire: Questionnaire, scale: str) -> List[Dict[str, str]]:
    """Buttons for every answer of a scale plus "Weiß nicht"."""
    buttons = [
        {"title": answer.label, "payload": payload("answer", {"choice": answer.id})}
        for answer in questionnaire.scales[scale]
    ]
    buttons.append(
        {
            "title": questionnaire.dont_know_label,
            "payload": payload("answer", {"choice": DONT_KNOW}),
        }
    )
    return buttons


def option_buttons(questionnaire: Questionnaire, slot: str) -> List[Dict[str, str]]:
    """Profile options fill their slot via ``inform``; closing options are answers."""
    profile_question = questionnaire.profile_question(slot)
    if profile_question is None:
        return []
    if slot in questionnaire.profile_slots:
        return [
            {"title": option.label, "payload": payload("inform", {slot: option.id})}
            for option in profile_question.options
        ]
    return [
        {"title": option.label, "payload": payload("answer", {"choice": option.id})}
        for option in profile_question.options
    ]


def consent_buttons() -> List[Dict[str, str]]:
    return [
        {"title": "Ja, einverstanden", "payload": "/affirm"},
        {"title": "Nein, lieber nicht", "payload": "/deny"},
    ]
