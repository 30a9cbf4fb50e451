"""Builds real rasa_sdk Trackers for action tests."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from contract.questionnaire import load_questionnaire

QN = load_questionnaire()


def make_tracker(
    text: str = "",
    intent: Optional[str] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    requested_slot: Optional[str] = None,
    earlier_slots: Optional[Dict[str, Any]] = None,
) -> Tracker:
    """A tracker whose latest user message is ``text``.

    ``earlier_slots`` are set by SlotSet events before that message (what the bot knew);
    ``slots`` is the current slot state (including what was extracted from the message).
    """
    all_slots: Dict[str, Any] = {s: None for s in QN.required_slots}
    all_slots.update({"requested_slot": requested_slot, "failed_attempts": 0, "maturity": None})
    all_slots.update(earlier_slots or {})
    all_slots.update(slots or {})
    events: List[Dict[str, Any]] = [
        {"event": "slot", "name": name, "value": value}
        for name, value in (earlier_slots or {}).items()
    ]
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
    }
    events.append({"event": "user", "text": text, "parse_data": message})
    return Tracker(
        sender_id="unit-test",
        slots=all_slots,
        latest_message=message,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": "interview_form"} if requested_slot else {},
        latest_action_name="action_listen",
    )
