"""Conversation-level actions: consent, start, restart, human handoff and privacy."""

from __future__ import annotations

import functools
from typing import Any, Dict, List

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import FORM_NAME, consent_buttons
from actions.settings import settings
from contract.questionnaire import load_questionnaire

PRIVACY_NOTICE = (
    "Kurz zum Datenschutz: Ich frage nach Größe, Branche und Ort Ihres Betriebs und nach Ihrem "
    "digitalen Alltag – nicht nach Namen oder Kontaktdaten, bitte geben Sie auch keine ein. "
    "Am Ende speichert die Wirtschaftsförderung ein anonymes Ergebnis ohne Bezug zu Ihnen oder "
    "diesem Gespräch, um zu sehen, was Betriebe in der Region brauchen. "
    "Sind Sie damit einverstanden?"
)

PRIVACY_DETAILS = (
    "Was wir speichern – genau:\n"
    "1. Dieses Gespräch (Ihre Nachrichten und Antworten), damit Sie nach einer Unterbrechung "
    "weitermachen können. Es ist nur dem technischen Betrieb des Assistenten zugänglich.\n"
    "2. Nach Abschluss des Checks einen anonymen Statistik-Eintrag: eine Zufallsnummer ohne "
    "Bezug zu diesem Gespräch, das Datum (nur der Tag), die Größenklasse (1–9, 10–49 oder 50+ "
    "Beschäftigte), Branche, Stadt, den Kanal (z. B. Website), Ihre Punktwerte je Thema und "
    "gesamt, die Themen mit Unterstützungsbedarf als feste Kategorien und die Kennungen der "
    "empfohlenen Angebote.\n"
    "Nicht gespeichert werden im Statistik-Eintrag: Name, E-Mail-Adresse, Telefonnummer, "
    "Freitext oder eine Gesprächs- oder Nutzerkennung. Die Mitarbeitenden der "
    "Wirtschaftsförderung sehen nur zusammengefasste Zahlen für Gruppen ab fünf Betrieben."
)


@functools.lru_cache(maxsize=1)
def load_contact() -> Dict[str, str]:
    with open(settings.contact_file, encoding="utf-8") as handle:
        return {key: str(value or "").strip() for key, value in yaml.safe_load(handle).items()}


def contact_message() -> Dict[str, Any]:
    """The district's contact channel as configured in config/contact.yml."""
    contact = load_contact()
    name = " – ".join(part for part in (contact.get("organisation"), contact.get("team")) if part)
    lines = [f"Ihr persönlicher Kontakt: {name}."]
    for key, label in (("email", "E-Mail"), ("phone", "Telefon"), ("office_hours", "Zeiten")):
        if contact.get(key):
            lines.append(f"{label}: {contact[key]}")
    if contact.get("website"):
        lines.append(f"Website: {contact['website']}")
    if contact.get("note"):
        lines.append(contact["note"])
    message: Dict[str, Any] = {"text": "\n".join(lines)}
    if contact.get("website"):
        website = contact["website"]
        message["buttons"] = [{"title": "Zur Website", "url": website, "type": "web_url"}]
    return message


class ActionOfferCheck(Action):
    """Shows the privacy notice and asks for consent to start the interview."""

    def name(self) -> str:
        return "action_offer_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        events = [] if tracker.get_slot(funnel.KEY_SLOT) else funnel.emit(tracker, "started")
        if tracker.get_slot("maturity"):
            dispatcher.utter_message(
                text="Möchten Sie den Digitalcheck noch einmal von vorn machen?",
                buttons=[
                    {"title": "Ja, neu starten", "payload": "/affirm"},
                    {"title": "Nein, danke", "payload": "/deny"},
                ],
            )
            return events
        dispatcher.utter_message(text=PRIVACY_NOTICE, buttons=consent_buttons())
        return events


class ActionConsentDeclined(Action):
    """The owner declined the privacy notice: no interview, nothing stored but the event."""

    def name(self) -> str:
        return "action_consent_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_consent_declined")
        return funnel.emit(tracker, "consent_refused")


class ActionFallback(Action):
    """A message that was not understood outside the interview."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_default")
        return funnel.emit(tracker, "fallback")


def _reset_interview_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """Clears all answers, keeps the profile only when the interview has not finished yet."""
    questionnaire = load_questionnaire()
    slots = list(questionnaire.question_slots) + ["maturity", "recommendations"]
    if tracker.get_slot("maturity"):
        slots += questionnaire.profile_slots
    return [SlotSet(slot, None) for slot in slots] + [SlotSet("failed_attempts", 0)]


class ActionStartInterview(Action):
    """Records consent and starts (or, after a finished check, restarts) the interview."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        total = len(load_questionnaire().question_slots)
        dispatcher.utter_message(
            text=(
                "Danke! Zuerst drei kurze Angaben zu Ihrem Betrieb, danach folgen "
                f"{total} Fragen zu sechs Themen. Sie können jederzeit „Warum?“ fragen, "
                "„weiß nicht“ antworten oder „neu starten“ schreiben."
            )
        )
        events = _reset_interview_events(tracker) + [SlotSet("consent", True)]
        return events + funnel.emit(tracker, "consent_given")


class ActionRestartInterview(Action):
    """Overrides Rasa's default ``action_restart`` (intent ``restart``, also "/restart"):
    the interview starts from scratch and all earlier answers are discarded."""

    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        # The funnel key survives the restart: it is the same conversation for the statistics.
        keep = [SlotSet(funnel.KEY_SLOT, tracker.get_slot(funnel.KEY_SLOT))]
        if not tracker.get_slot("consent"):
            dispatcher.utter_message(text="Gern, wir fangen von vorn an.")
            return [Restarted(), *keep, FollowupAction("action_offer_check")]
        dispatcher.utter_message(
            text="Alles klar, wir fangen von vorn an. Ihre bisherigen Antworten sind gelöscht."
        )
        return [Restarted(), *keep, SlotSet("consent", True), FollowupAction(FORM_NAME)]


class ActionHumanHandoff(Action):
    """Names the district's contact channel (from config/contact.yml)."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(**contact_message())
        if tracker.active_loop.get("name") == FORM_NAME:
            dispatcher.utter_message(text="Wenn Sie möchten, machen wir hier gleich weiter.")
        return funnel.emit(tracker, "handoff")


class ActionPrivacyInfo(Action):
    """Answers "Was speichern Sie über mich?" exactly."""

    def name(self) -> str:
        return "action_privacy_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text=PRIVACY_DETAILS)
        return []
