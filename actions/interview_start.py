"""Starting the interview after the consent; the slots a fresh start resets (a new check:
:mod:`actions.new_check`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import (
    REVIEW_SLOT,
    unfinished_interview,
)
from actions.consent import RESTART_REQUESTED
from contract.codes import Event
from contract.questionnaire import load_questionnaire


class ActionStartInterview(Action):
    """Records consent and starts the interview – fresh, or where the owner left off."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        qn = load_questionnaire()
        fresh = (
            bool(tracker.get_slot(RESTART_REQUESTED))
            or bool(tracker.get_slot("maturity"))
            or not unfinished_interview(tracker)
        )
        events: List[Dict[str, Any]] = [
            SlotSet("consent", True),
            SlotSet("stage", "interview"),
            SlotSet(RESTART_REQUESTED, None),
            SlotSet("pending", None),
        ]
        if fresh:
            keep_profile = not tracker.get_slot("maturity") and not tracker.get_slot(
                RESTART_REQUESTED
            )
            events += reset_events(qn, keep_profile=keep_profile)
            dispatcher.utter_message(
                text=(
                    "Danke! Zuerst drei kurze Angaben zu Ihrem Betrieb, danach folgen "
                    f"{len(qn.question_slots)} Fragen zu sechs Themen. Sie können jederzeit "
                    "„Warum?“ fragen, „weiß nicht“ antworten oder „neu starten“ schreiben."
                )
            )
        return events + funnel.emit(tracker, Event.CONSENT_GIVEN)


def reset_events(qn: Any, keep_profile: bool = False) -> List[Dict[str, Any]]:
    """Discards the answers (and the profile unless kept) and the result."""
    slots = list(qn.question_slots) + list(qn.closing_slots) + [REVIEW_SLOT]
    slots += ["maturity", "recommendations", "pending"]
    if not keep_profile:
        slots += list(qn.profile_slots) + ["intro_profile"]
    return [SlotSet(s, None) for s in slots] + [
        SlotSet("failed_attempts", 0),
        SlotSet("changed", []),
    ]
