"""The interview form's state during one turn: slot values, events and what to ask next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import funnel
from actions.asking import (
    ASK,
    CHANGE,
    HINT,
    NOT_UNDERSTOOD,
    RETRY,
    ask_messages,
    stored_answer_label,
)
from actions.common import REVIEW_SLOT
from actions.review import summary_message
from contract.codes import Event
from contract.questionnaire import Questionnaire

PREVIOUS_PROFILE = "previous_profile"
# Modes of the next prompt besides those of actions.asking: nothing (a confirmation or a
# farewell was sent instead of the question).
SILENT = None


@dataclass
class FormState:
    qn: Questionnaire
    tracker: Tracker
    dispatcher: CollectingDispatcher
    values: Dict[str, Any] = field(default_factory=dict)
    events: List[Dict[str, Any]] = field(default_factory=list)
    end: bool = False
    stop_loop: bool = False
    ask_slot: Optional[str] = None
    _key: Optional[str] = None

    @classmethod
    def of(cls, qn: Questionnaire, tracker: Tracker, dispatcher: CollectingDispatcher) -> FormState:
        slots = qn.required_slots + [
            REVIEW_SLOT,
            PREVIOUS_PROFILE,
            "pending",
            "failed_attempts",
            "changed",
            "notices",
        ]
        return cls(qn, tracker, dispatcher, {s: tracker.get_slot(s) for s in slots})

    # ---- slots ---------------------------------------------------------------------------

    @property
    def requested(self) -> Optional[str]:
        return self.tracker.get_slot("requested_slot")

    @property
    def pending(self) -> Optional[Dict[str, Any]]:
        value = self.values.get("pending")
        return value if isinstance(value, dict) else None

    def set(self, slot: str, value: Any) -> None:
        self.values[slot] = value
        self.events.append(SlotSet(slot, value))

    def set_pending(self, pending: Optional[Dict[str, Any]]) -> None:
        if pending != self.pending or pending is not None:
            self.set("pending", pending)

    def clear_pending(self) -> None:
        if self.pending is not None:
            self.set("pending", None)

    def store(self, slot: str, value: Any) -> None:
        """A value for an interview slot (an answer or profile datum)."""
        self.set(slot, value)
        if slot == self.requested and self.values.get("failed_attempts"):
            self.set("failed_attempts", 0)

    def mark_changed(self, slot: str) -> None:
        changed = list(self.values.get("changed") or [])
        if slot not in changed:
            self.set("changed", changed + [slot])

    def change(self, slot: str, value: Any) -> None:
        """Changes a known answer and says so: "Geändert: Cloud-Dienste – „Ja“ → „Teilweise“"."""
        old = self.label(slot)
        self.store(slot, value)
        self.mark_changed(slot)
        self.say(f"Geändert: {self.qn.short_title(slot)} – „{old}“ → „{self.label(slot)}“.")

    def reopen(self, slot: str) -> None:
        """Asks ``slot`` again now. Its old value is kept aside (in ``previous_profile``, which
        holds the earlier values of every slot asked again): the question shows it as
        "(Bisher: …)", and "bleibt so" keeps it (sixth black-box round: "Frage 2 ändern", then
        "ach nee, passt doch so wie es war" had stored „Nein“)."""
        old = self.values.get(slot)
        if old is not None:
            earlier = dict(self.values.get(PREVIOUS_PROFILE) or {})
            self.set(PREVIOUS_PROFILE, {**earlier, slot: old})
        self.set(slot, None)
        self.mark_changed(slot)
        self.ask_slot = slot

    def label(self, slot: str, value: Any = None) -> str:
        return stored_answer_label(self.qn, slot, self.values.get(slot) if value is None else value)

    def next_slot(self) -> Optional[str]:
        slots = self.qn.required_slots + [REVIEW_SLOT]
        return next((s for s in slots if self.values.get(s) is None), None)

    # ---- funnel --------------------------------------------------------------------------

    def emit(self, event: str, question: Optional[str] = None) -> None:
        if self._key is None:
            self._key, created = funnel.key_events(self.tracker)
            self.events += created
        funnel.emit(self.tracker, event, question=question, key=self._key)

    def failed(self, slot: str) -> None:
        self.set("failed_attempts", int(self.values.get("failed_attempts") or 0) + 1)
        if slot in self.qn.required_slots:  # the API knows only these (not the read-back)
            self.emit(Event.REASK, slot)

    # ---- the reply -----------------------------------------------------------------------

    def say(self, text: str, **kwargs: Any) -> None:
        self.dispatcher.utter_message(text=text, **kwargs)

    def finish(self, mode: Optional[str]) -> List[Dict[str, Any]]:
        """Events for Rasa's form: what was set, and the next requested slot (asked here).

        There is always one slot event besides ``requested_slot``: without it Rasa's form
        would reject a turn in which nothing was filled (a question, a confirmation) and let
        another policy answer instead.
        """
        self.events.append(SlotSet("pending", self.pending))
        if self.end or self.stop_loop:
            extra = [ActiveLoop(None)] if self.stop_loop else []
            return self.events + [SlotSet("requested_slot", None), *extra]
        slot = self.ask_slot or self.next_slot()
        if slot is None:
            return self.events + [SlotSet("requested_slot", None)]
        if mode is not SILENT:
            self._ask(slot, mode)
        return self.events + [SlotSet("requested_slot", slot)]

    def _ask(self, slot: str, mode: str) -> None:
        if slot == REVIEW_SLOT:
            if mode in (RETRY, HINT):
                self.say(
                    f"{NOT_UNDERSTOOD} Bitte bestätigen Sie Ihre Antworten oder nennen Sie die "
                    "Frage, die Sie ändern möchten."
                )
            message = summary_message(self.qn, self.values, self.values.get("changed"))
            self.dispatcher.utter_message(**message)
            return
        previous = None
        if self.tracker.get_slot(slot) is not None:
            previous = self.label(slot, self.tracker.get_slot(slot))
        earlier = (self.values.get(PREVIOUS_PROFILE) or {}).get(slot)
        if previous is None and earlier is not None and mode == ASK:
            # the firm's data asked again after "Angaben zum Betrieb ändern": the old value shown
            previous, mode = self.label(slot, earlier), CHANGE
        attempt = int(self.values.get("failed_attempts") or 1)
        for message in ask_messages(self.qn, slot, mode, previous, attempt):
            self.dispatcher.utter_message(**message)
        if mode == ASK:
            self.emit(Event.QUESTION_REACHED, slot)
