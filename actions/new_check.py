"""A new check: Rasa's ``action_restart`` outside the interview, asked about first when a
result is there (during the interview the form asks, see :mod:`actions.interjections`)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import CONSENT_FORM, FORM_NAME, Turn, yes_no_buttons
from actions.pending import yes_or_no
from actions.result import followup_buttons


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
        pending = tracker.get_slot("pending") or {}
        if tracker.get_slot("maturity") and pending.get("type") != RESTART_AFTER_RESULT:
            # a result is there: a new check replaces it in this chat, so ask first (black-box
            # chats: the result's own button and "nochmal ganz neu anfangen" wiped it at once)
            dispatcher.utter_message(
                text=(
                    "Möchten Sie einen neuen Check beginnen? Ihr jetziges Ergebnis sehen Sie dann "
                    "hier im Chat nicht mehr (den Link zur Ergebnisseite können Sie weiter "
                    "nutzen)."
                ),
                buttons=yes_no_buttons("Ja, neuer Check", "Nein, beim Ergebnis bleiben"),
            )
            return [SlotSet("pending", {"type": RESTART_AFTER_RESULT})]
        return restart_events(tracker, dispatcher)


RESTART_AFTER_RESULT = "restart_after_result"


def restart_reply(
    tracker: Tracker, dispatcher: CollectingDispatcher, turn: Turn
) -> Optional[List[Dict[str, Any]]]:
    """The owner's reply to "Möchten Sie einen neuen Check beginnen?" after a result: yes
    restarts, no keeps the result; ``None`` when no such question is open or the reply is
    something else (the question is dropped then)."""
    if (tracker.get_slot("pending") or {}).get("type") != RESTART_AFTER_RESULT:
        return None
    decision = yes_or_no(turn)
    if decision is True:
        return restart_events(tracker, dispatcher)
    if decision is False:
        dispatcher.utter_message(
            text="Gut, Ihr Ergebnis bleibt. Was möchten Sie noch wissen?",
            buttons=followup_buttons(list(tracker.get_slot("recommendations") or [])),
        )
        return [SlotSet("pending", None)]
    return None


def restart_events(tracker: Tracker, dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    """A new check: everything of this conversation but the funnel key is reset."""
    keep = [SlotSet(funnel.KEY_SLOT, tracker.get_slot(funnel.KEY_SLOT))]
    if not tracker.get_slot("consent"):
        dispatcher.utter_message(text="Gern, wir fangen von vorn an.")
        return [Restarted(), *keep, FollowupAction(CONSENT_FORM)]
    dispatcher.utter_message(
        text=(
            "Alles klar, wir beginnen einen neuen Check. Ihr bisheriges Ergebnis zählt nicht mehr."
        )
    )
    return [
        Restarted(),
        *keep,
        SlotSet("consent", True),
        SlotSet("stage", "interview"),
        FollowupAction(FORM_NAME),
    ]
