"""Starting the interview after the consent, and restarting it; the slots a fresh start resets."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import (
    CONSENT_FORM,
    FORM_NAME,
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


class ActionRestartInterview(Action):
    """Overrides Rasa's ``action_restart`` outside the interview (after a result): a new check.
    During the interview the form asks first and keeps every answer until the owner confirms."""

    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        if tracker.active_loop.get("name") == FORM_NAME:
            # Rasa's default rule runs this action for the restart intent even inside the form.
            # The form decides instead, with the answer reading first: a restart wish (pattern,
            # button or a confident short learned intent) is asked about once, and nothing is
            # discarded without a confirmation; "Ja, alles auf dem neuesten Stand." (learned
            # "restart" at 0.84) is an answer.
            return [FollowupAction(FORM_NAME)]
        keep = [SlotSet(funnel.KEY_SLOT, tracker.get_slot(funnel.KEY_SLOT))]
        if not tracker.get_slot("consent"):
            dispatcher.utter_message(text="Gern, wir fangen von vorn an.")
            return [Restarted(), *keep, FollowupAction(CONSENT_FORM)]
        dispatcher.utter_message(
            text=(
                "Alles klar, wir beginnen einen neuen Check. Ihr bisheriges Ergebnis zählt "
                "nicht mehr."
            )
        )
        return [
            Restarted(),
            *keep,
            SlotSet("consent", True),
            SlotSet("stage", "interview"),
            FollowupAction(FORM_NAME),
        ]
