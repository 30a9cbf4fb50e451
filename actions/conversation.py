"""Conversation-level actions outside the interview: the fallback and the handoff to a person.

The consent step lives in :mod:`actions.consent`, starting and restarting the interview in
:mod:`actions.interview_start`; their names are re-exported here for existing imports.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.after_result import ActionAnswerFollowup, offering_in
from actions.common import CONSENT_FORM, before_the_check, button, known_town, turn_of
from actions.consent import (
    CONSENT_QUESTION,
    QUESTION_WORDS,
    RESTART_REQUESTED,
    ActionConsentDeclined,
    ValidateConsentForm,
    is_question,
)
from actions.contact import CALLBACK_TEXT, contact_message
from actions.interview_start import ActionStartInterview, reset_events
from actions.new_check import ActionRestartInterview
from actions.privacy import pii_notice_events
from bot.nlu.intents import detect
from bot.nlu.profile import read_profile
from contract.codes import Event

__all__ = [
    "CONSENT_QUESTION",
    "OFFER_INTENTS",
    "QUESTION_WORDS",
    "RESTART_REQUESTED",
    "ActionConsentDeclined",
    "ActionFallback",
    "ActionHumanHandoff",
    "ActionRestartInterview",
    "ActionStartInterview",
    "ValidateConsentForm",
    "is_question",
    "reset_events",
]

OFFER_INTENTS = {"greet", "inform", "start_check"}


class ActionFallback(Action):
    """A message outside the interview that is not understood: say so and offer the options."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        turn = turn_of(tracker)
        events = pii_notice_events(tracker, dispatcher, turn.redacted)
        ranking = (tracker.latest_message or {}).get("intent_ranking") or []
        likely = [r.get("name") for r in ranking if r.get("name") != "nlu_fallback"][:2]
        if before_the_check(tracker) and not turn.is_button:
            answer = ValidateConsentForm._answer_question(turn, detect(turn.text), tracker)
            if answer:  # "Was kostet das?" as the first message: answered, then the offer
                dispatcher.utter_message(text=answer)
                return events + [FollowupAction(CONSENT_FORM)]
        if turn.recheck or set(likely) & OFFER_INTENTS or read_profile(turn.text, None).values:
            # "Hallo, Malerbetrieb in Hilden": torn between greeting and profile, both mean
            # the owner wants the check.
            return events + [FollowupAction(CONSENT_FORM)]
        dispatcher.utter_message(
            text=(
                "Entschuldigung, das habe ich nicht verstanden. Ich bin der Digitalcheck für "
                "Betriebe: Mit „Check starten“ beginnen Sie, mit „Ansprechpartner“ erhalten Sie "
                "einen persönlichen Kontakt."
            ),
            buttons=[
                button("Check starten", "start_check"),
                button("Ansprechpartner", "human_handoff"),
            ],
        )
        return events + funnel.emit(tracker, Event.FALLBACK)


class ActionHumanHandoff(Action):
    """Names the contact of the owner's region; a callback request is answered honestly."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        turn = turn_of(tracker)
        recommended = list(tracker.get_slot("recommendations") or [])
        if (
            tracker.get_slot("stage") == "result"
            and detect(turn.text) is None
            and "TELEFON" not in turn.redacted
            and offering_in(turn.text, recommended) is not None
        ):
            # "Wer bietet Förderung von Unternehmensberatungen an?" asks about an offering; only
            # the learned intent, not a pattern, took "Beratung" for a wish to talk to a person.
            return await ActionAnswerFollowup().run(dispatcher, tracker, domain)
        intro = before_the_check(tracker) and bool(read_profile(turn.text, None).values)
        # the placeholder of a redacted number alone is no wish to be called
        wish = detect(turn.text.replace("[TELEFON]", " ")) in ("callback", "human_handoff")
        if intro and "TELEFON" in turn.redacted and not wish:
            # "Dachdeckerei in Ratingen, 8 Leute, Telefon 02102 …": an introduction with a
            # number, no wish for a call: the check is offered and the profile kept
            return [FollowupAction(CONSENT_FORM)]
        events = pii_notice_events(
            tracker, dispatcher, () if "TELEFON" in turn.redacted else turn.redacted
        )
        lead = (
            CALLBACK_TEXT if detect(turn.text) == "callback" or "TELEFON" in turn.redacted else ""
        )
        dispatcher.utter_message(**contact_message(known_town(tracker, turn.text), lead))
        if intro:  # "Zahnarztpraxis in Ratingen, 9 Leute, ich hätte gern eine Beratung"
            return events + funnel.emit(tracker, Event.HANDOFF) + [FollowupAction(CONSENT_FORM)]
        if not tracker.get_slot("maturity"):
            dispatcher.utter_message(
                text="Wenn Sie möchten, machen wir mit dem Check weiter.",
                buttons=[button("Check starten", "start_check")],
            )
        return events + funnel.emit(tracker, Event.HANDOFF)
