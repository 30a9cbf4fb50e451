"""Real rasa_sdk Trackers for the dialogue action tests (see :mod:`tests.unit.action_helpers`).

:func:`make_tracker` builds a tracker from a dict of slot values, with every domain slot, the
latest message (text, intent, entities, metadata) and the events a form sees: on a normal turn the
form's ``active_loop`` event comes before the latest ``user`` event; on the form's first call after
activation (``activated=True``) it comes after it (see ``actions.common``). :func:`answered` and
:func:`finished` give the slot values of an interview up to a question, or of a finished one.
"""

from __future__ import annotations

import copy
import functools
import time
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Tracker

from actions.common import FORM_NAME
from bot.payloads import parse_payload
from contract.paths import ROOT
from contract.questionnaire import load_questionnaire

QN = load_questionnaire()
SENDER = "unit-test-sender-4711"

# A realistic, varied set of answers (every scale and "weiß nicht" appear).
PROFILE: Dict[str, Any] = {"employees": 9, "sector": "handwerk", "municipality": "hilden"}
ANSWERS: Dict[str, Any] = {
    "strategy_goals": "partly",
    "strategy_responsible": "yes",
    "strategy_budget": "no",
    "tools_cloud": "yes",
    "tools_business_software": "yes",
    "tools_mobile": "partly",
    "processes_invoicing": "always",
    "processes_paperless": "rarely",
    "processes_planning": "no",
    "online_website": "yes",
    "online_listings": "yes",
    "online_contact": "regularly",
    "security_backup": "never",
    "security_updates": "partly",
    "security_passwords": "no",
    "skills_level": "basic",
    "skills_training": "dont_know",
    "skills_phishing": "no",
}


@functools.lru_cache(maxsize=1)
def domain() -> Dict[str, Any]:
    with open(ROOT / "domain.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def slot_defaults() -> Dict[str, Any]:
    """Every domain slot at its initial value, plus ``requested_slot``."""
    values = {
        name: copy.deepcopy(spec.get("initial_value")) for name, spec in domain()["slots"].items()
    }
    values["requested_slot"] = None
    return values


def answered(until: Optional[str] = None, **overrides: Any) -> Dict[str, Any]:
    """Consent, profile and the answers of every question before ``until`` (all when None)."""
    values: Dict[str, Any] = {"consent": True, "stage": "interview", **PROFILE}
    for slot in QN.question_slots:
        if slot == until:
            break
        values[slot] = ANSWERS[slot]
    values.update(overrides)
    return values


def finished(**overrides: Any) -> Dict[str, Any]:
    """All answers and the closing wish: the read-back is next."""
    return answered(None, **{"support_need": "none", **overrides})


def message(
    text: str,
    intent: Optional[str] = None,
    confidence: Optional[float] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    metadata: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """The latest message's parse data. A valid button payload gets its intent at 1.0; other
    text gets the neutral intent ``answer`` at 0.5 unless a test says otherwise."""
    payload_intent, payload = parse_payload(text)
    if intent is None:
        intent = payload_intent or "answer"
    if confidence is None:
        confidence = 1.0 if payload_intent else 0.5
    if entities is None and payload_intent:
        entities = [{"entity": k, "value": v} for k, v in payload.items()]
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": entities or [],
        "metadata": metadata or {},
    }


def make_tracker(
    text: str = "",
    slots: Optional[Dict[str, Any]] = None,
    requested_slot: Optional[str] = None,
    *,
    intent: Optional[str] = None,
    confidence: Optional[float] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    metadata: Optional[Dict[str, Any]] = None,
    form: Optional[str] = FORM_NAME,
    activated: bool = False,
    channel: str = "rest",
    started_minutes_ago: float = 7,
) -> Tracker:
    """A tracker whose latest user message is ``text``, with the given slot values.

    ``form`` is the active loop (None: no form). With ``activated=True`` the form was just
    activated by this message: its ``active_loop`` event comes after the user event.
    """
    values = slot_defaults()
    values.update(slots or {})
    values["requested_slot"] = requested_slot
    parse_data = message(text, intent, confidence, entities, metadata)
    now = time.time()
    events: List[Dict[str, Any]] = [
        {"event": "action", "name": "action_session_start", "timestamp": now - 3600},
        {"event": "session_started", "timestamp": now - 3600},
        {"event": "action", "name": "action_listen", "timestamp": now - 3600},
        {
            "event": "user",
            "text": "Hallo",
            "parse_data": message("Hallo", "greet", 0.99),
            "input_channel": channel,
            "timestamp": now - started_minutes_ago * 60,
        },
    ]
    events += [
        {"event": "slot", "name": name, "value": value, "timestamp": now - 60}
        for name, value in (slots or {}).items()
    ]
    user = {
        "event": "user",
        "text": text,
        "parse_data": parse_data,
        "input_channel": channel,
        "timestamp": now,
    }
    loop = [{"event": "active_loop", "name": form, "timestamp": now}] if form else []
    if activated:
        events += [user, *loop]
    else:
        events += [*loop, {"event": "action", "name": "action_listen", "timestamp": now}, user]
    if requested_slot and not activated:
        events.insert(-2, {"event": "slot", "name": "requested_slot", "value": requested_slot})
    return Tracker(
        sender_id=SENDER,
        slots=values,
        latest_message=parse_data,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": form} if form else {},
        latest_action_name=form if activated and form else "action_listen",
    )
