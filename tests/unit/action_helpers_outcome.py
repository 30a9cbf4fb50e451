"""Running an action and reading what it did (see :mod:`tests.unit.action_helpers`).

:func:`run` calls an action's async ``run()`` with a ``CollectingDispatcher`` and returns an
:class:`Outcome` (events, messages, and helpers to read slots, texts and buttons).
:class:`Dialogue` plays several turns of one form: the slot events of each turn are applied before
the next message, like Rasa does.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import FORM_NAME
from tests.unit.action_helpers_tracker import domain, make_tracker

_MISSING = object()


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
