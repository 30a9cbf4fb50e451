"""Real rasa_sdk Trackers and a recording fake of the API for the dialogue action tests.

* :func:`make_tracker` builds a tracker from a dict of slot values, with every domain slot, the
  latest message (text, intent, entities, metadata) and the events a form sees: on a normal turn
  the form's ``active_loop`` event comes before the latest ``user`` event; on the form's first
  call after activation (``activated=True``) it comes after it (see ``actions.common``).
* :func:`run` calls an action's async ``run()`` with a ``CollectingDispatcher`` and returns an
  :class:`Outcome` (events, messages, and helpers to read slots, texts and buttons).
* :class:`Dialogue` plays several turns of one form: the slot events of each turn are applied
  before the next message, like Rasa does.
* :class:`FakeApi` replaces every function of ``actions.api_client`` and records the calls, so no
  test ever reaches a running API.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import api_client
from actions.common import CONSENT_FORM, FORM_NAME
from bot.payloads import parse_payload
from contract.catalogue import Catalogue, load_catalogue
from contract.paths import ROOT
from contract.questionnaire import load_questionnaire

QN = load_questionnaire()
SENDER = "unit-test-sender-4711"
_MISSING = object()

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


@dataclass
class Outcome:
    """What an action returned (events) and said (messages)."""

    events: List[Dict[str, Any]]
    messages: List[Dict[str, Any]]

    @property
    def slots(self) -> Dict[str, Any]:
        """The last value set per slot."""
        return {e["name"]: e["value"] for e in self.events if e.get("event") == "slot"}

    def slot(self, name: str, default: Any = _MISSING) -> Any:
        if name in self.slots:
            return self.slots[name]
        if default is _MISSING:
            raise AssertionError(f"slot {name!r} was not set; events: {self.events}")
        return default

    def sets(self, name: str) -> bool:
        return name in self.slots

    @property
    def requested(self) -> Any:
        return self.slot("requested_slot", None)

    @property
    def stops_loop(self) -> bool:
        return any(e.get("event") == "active_loop" and e.get("name") is None for e in self.events)

    def event_names(self) -> List[str]:
        return [e.get("event") for e in self.events]

    @property
    def texts(self) -> List[str]:
        return [m.get("text") or "" for m in self.messages]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def responses(self) -> List[str]:
        return [m["response"] for m in self.messages if m.get("response")]

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        return [b for m in self.messages for b in m.get("buttons") or []]

    @property
    def last_buttons(self) -> List[Dict[str, Any]]:
        with_buttons = [m for m in self.messages if m.get("buttons")]
        return list(with_buttons[-1]["buttons"]) if with_buttons else []

    @property
    def payloads(self) -> List[str]:
        return [b["payload"] for b in self.buttons if "payload" in b]

    @property
    def titles(self) -> List[str]:
        return [b["title"] for b in self.buttons]


def run(action: Action, tracker: Tracker) -> Outcome:
    """Runs the action's async ``run()`` once, with a fresh ``CollectingDispatcher``."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain()))
    return Outcome(list(events or []), list(dispatcher.messages))


@dataclass
class Dialogue:
    """Several turns of one form: each turn's slot events are applied before the next one."""

    action: Action
    slots: Dict[str, Any] = field(default_factory=dict)
    requested: Optional[str] = None
    form: Optional[str] = FORM_NAME
    history: List[Outcome] = field(default_factory=list)

    def _apply(self, outcome: Outcome) -> Outcome:
        for event in outcome.events:
            if event.get("event") == "slot":
                if event["name"] == "requested_slot":
                    self.requested = event["value"]
                else:
                    self.slots[event["name"]] = event["value"]
            elif event.get("event") == "active_loop":
                self.form = event.get("name")
        self.history.append(outcome)
        return outcome

    def start(self, text: str = "ja", **kwargs: Any) -> Outcome:
        """The form's first call, right after the message that activated it."""
        tracker = make_tracker(text, self.slots, None, form=self.form, activated=True, **kwargs)
        return self._apply(run(self.action, tracker))

    def say(self, text: str, **kwargs: Any) -> Outcome:
        assert self.form, "the form is no longer active"
        tracker = make_tracker(text, self.slots, self.requested, form=self.form, **kwargs)
        return self._apply(run(self.action, tracker))


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The real offering catalogue (read once: loading validates the whole file)."""
    return load_catalogue()


def offering_dict(offering_id: str, reason: str = "") -> Dict[str, Any]:
    """An offering as the API's recommendation endpoint returns it (from the real catalogue)."""
    offering = catalogue().get(offering_id)
    assert offering is not None, offering_id
    return {
        "id": offering.id,
        "title": offering.title,
        "provider": offering.provider,
        "kind": offering.kind,
        "summary": offering.summary,
        "cost": offering.cost,
        "url": offering.url,
        "reason": reason,
    }


def catalogue_ids(count: int = 3) -> List[str]:
    return [o.id for o in catalogue().offerings if o.status == "open"][:count]


class FakeApi:
    """Stands in for ``actions.api_client``: records every call, never opens a connection."""

    def __init__(self) -> None:
        self.calls: Dict[str, List[Dict[str, Any]]] = {
            name: [] for name in ("recommend", "log_assessment", "benchmark", "erase_events")
        }
        self.posted: List[Dict[str, Any]] = []
        self.offerings: Optional[List[Dict[str, Any]]] = [
            offering_dict(i, "Passt zu Ihren Antworten.") for i in catalogue_ids()
        ]
        self.peer: Optional[Dict[str, Any]] = None
        self.erase_ok = True
        self.up = True

    def down(self) -> FakeApi:
        """The API is unreachable: every call answers like api_client does then (None)."""
        self.up = False
        self.offerings = None
        self.erase_ok = False
        return self

    async def recommend(
        self,
        employees: int,
        sector: str,
        municipality: str,
        scores: Dict[str, Optional[int]],
        need: Optional[str] = None,
        answers: Optional[Dict[str, Any]] = None,
        limit: int = 3,
    ) -> Optional[List[Dict[str, Any]]]:
        self.calls["recommend"].append(
            {
                "employees": employees,
                "sector": sector,
                "municipality": municipality,
                "scores": scores,
                "need": need,
                "answers": answers,
                "limit": limit,
            }
        )
        return copy.deepcopy(self.offerings)

    async def log_assessment(self, record: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        self.calls["log_assessment"].append(copy.deepcopy(record))
        return {"id": 1} if self.up else None

    async def benchmark(
        self, size_class: Optional[str], sector: Optional[str]
    ) -> Optional[Dict[str, Any]]:
        self.calls["benchmark"].append({"size_class": size_class, "sector": sector})
        return copy.deepcopy(self.peer) if self.up else None

    async def erase_events(self, key: str) -> bool:
        self.calls["erase_events"].append({"key": key})
        return self.erase_ok

    def post_event(self, event: Dict[str, Any]) -> None:
        self.posted.append(dict(event))

    # ---- reading the funnel ---------------------------------------------------------------

    @property
    def funnel(self) -> List[str]:
        return [e["event"] for e in self.posted]

    def funnel_of(self, kind: str) -> List[Dict[str, Any]]:
        return [e for e in self.posted if e["event"] == kind]

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FakeApi:
        for name in ("recommend", "log_assessment", "benchmark", "erase_events", "post_event"):
            monkeypatch.setattr(api_client, name, getattr(self, name))
        return self


__all__ = [
    "ANSWERS",
    "CONSENT_FORM",
    "FORM_NAME",
    "PROFILE",
    "QN",
    "SENDER",
    "Dialogue",
    "FakeApi",
    "Outcome",
    "answered",
    "finished",
    "make_tracker",
    "run",
]
