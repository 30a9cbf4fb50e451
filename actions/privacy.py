"""What the assistant tells about data, in proportion: short first, the details on request.

Every sentence here must stay true to what the code does (see docs/privacy.md).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import api_client
from actions.common import button
from actions.funnel import KEY_SLOT
from actions.settings import settings
from bot.nlu.text import normalized

NOTICE_SLOT = "notices"
PII_NOTICE = "pii"
DETAILS_NOTICE = "privacy_details"
SHORT_NOTICE = "privacy_short"


def consent_notice() -> str:
    days = settings.retention_days
    return (
        "Kurz zum Datenschutz: Ich frage nach Größe, Branche und Ort Ihres Betriebs und nach "
        "Ihrem digitalen Alltag – nicht nach Namen oder Kontaktdaten. Das Gespräch wird ohne "
        "solche Angaben gespeichert, damit Sie später weitermachen können, und "
        f"{days} Tage nach Ihrer letzten Nachricht automatisch gelöscht (sofort mit „Daten "
        "löschen“). Am Ende bleibt nur ein anonymes Ergebnis für die Statistik der "
        "Wirtschaftsförderung. Sind Sie einverstanden?"
    )


def short_privacy() -> str:
    days = settings.retention_days
    return (
        "Kurz gesagt: Namen, E-Mail-Adressen, Telefonnummern und Anschriften entferne ich, bevor "
        f"etwas gespeichert wird. Das Gespräch wird {days} Tage nach Ihrer letzten Nachricht "
        "gelöscht, sofort mit „Daten löschen“. Nach dem Check speichert die "
        "Wirtschaftsförderung nur ein anonymes Ergebnis ohne Bezug zu Ihnen. Mehr dazu: "
        "„Datenschutz Details“."
    )


def full_privacy() -> str:
    days = settings.retention_days
    return (
        "Was wir speichern – genau:\n"
        "1. Dieses Gespräch (Ihre Nachrichten und Antworten), damit Sie nach einer Unterbrechung "
        "weitermachen können. Namen, E-Mail-Adressen, Telefonnummern, IBANs, Anschriften und "
        "Links werden vorher durch Platzhalter ersetzt. Es liegt auf dem Server der "
        "Wirtschaftsförderung, nur der technische Betrieb hat Zugriff, und es wird "
        f"{days} Tage nach Ihrer letzten Nachricht automatisch gelöscht – sofort, wenn Sie "
        "„Daten löschen“ schreiben.\n"
        "2. Anonyme Nutzungsstatistik: eine Zufallskennung dieses Gesprächs, welche Frage "
        "erreicht wurde, der Kanal und die Uhrzeit auf die Stunde gerundet. Mit „Daten löschen“ "
        "wird sie sofort mitgelöscht; ist das Gespräch gelöscht, lässt sie sich niemandem mehr "
        "zuordnen.\n"
        "3. Nach Abschluss des Checks ein anonymer Statistik-Eintrag ohne Bezug zu diesem "
        "Gespräch: Größenklasse (1–9, 10–49 oder 50+ Beschäftigte), Branche, Stadt, Kanal, Ihre "
        "Punktwerte, die Themen mit Unterstützungsbedarf als feste Kategorien, die empfohlenen "
        "Angebote und der Zeitraum (kein genauer Zeitpunkt). Er enthält keinen Namen, keine "
        "Kontaktdaten, keinen Freitext und keine Gesprächskennung und kann deshalb auch nicht "
        "mehr Ihnen zugeordnet oder einzeln gelöscht werden.\n"
        "Die Mitarbeitenden der Wirtschaftsförderung sehen nur zusammengefasste Zahlen für "
        "Gruppen ab fünf Betrieben. Im Browser merkt sich der Chat nur eine zufällige "
        "Sitzungskennung, bis Sie den Tab schließen."
    )


def pii_notice() -> str:
    return (
        "Hinweis: Persönliche Angaben wie Namen, Telefonnummern oder E-Mail-Adressen brauche ich "
        "für den Check nicht – ich habe sie entfernt und nicht gespeichert."
    )


def notices_of(tracker: Tracker) -> List[str]:
    value = tracker.get_slot(NOTICE_SLOT)
    return list(value) if isinstance(value, list) else []


def with_notice(notices: Sequence[str], notice: str) -> List[Dict[str, Any]]:
    if notice in notices:
        return []
    return [SlotSet(NOTICE_SLOT, [*notices, notice])]


def pii_notice_events(
    tracker: Tracker, dispatcher: CollectingDispatcher, redacted: Sequence[str]
) -> List[Dict[str, Any]]:
    """Tells the owner once per conversation that personal data was removed."""
    notices = notices_of(tracker)
    if not redacted or PII_NOTICE in notices:
        return []
    dispatcher.utter_message(text=pii_notice())
    return with_notice(notices, PII_NOTICE)


def wants_details(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in ("detail", "genau", "ausführlich", "ausfuehrlich", "alles"))


def privacy_answer(tracker: Tracker, text: str) -> tuple:
    """The short answer first; the full text when asked for details or asked again."""
    notices = notices_of(tracker)
    if wants_details(text) or SHORT_NOTICE in notices:
        return full_privacy(), with_notice(notices, DETAILS_NOTICE)
    return short_privacy(), with_notice(notices, SHORT_NOTICE)


_OFFER_QUESTION = re.compile(
    r"\b(angebot\w*|beratung\w*|berater\w*|forder\w*|zuschuss\w*|hilfe|unterstutzung"
    r"|wer hilft|hilft mir|gibt es (auch |noch )?(was|etwas|jemand\w*))\b"
)


class ActionPrivacyInfo(Action):
    """Answers "Was speichern Sie über mich?": short first, the details on request."""

    def name(self) -> str:
        return "action_privacy_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        said = str((tracker.latest_message or {}).get("text") or "")
        if tracker.get_slot("stage") == "result" and _OFFER_QUESTION.search(normalized(said)):
            # "Gibt es auch ein Angebot zum Datenschutz?" asks for offerings on the topic, not
            # for this assistant's privacy notice
            from actions.after_result import ActionAnswerFollowup

            return await ActionAnswerFollowup().run(dispatcher, tracker, domain)
        text, events = privacy_answer(tracker, said)
        dispatcher.utter_message(text=text)
        return events


class ActionEraseConversation(Action):
    """Erasure on request: the tracker store deletes this conversation when it sees this
    action (bot/privacy/tracker_store.py); the funnel events are deleted in the API."""

    def name(self) -> str:
        return "action_erase_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        key = tracker.get_slot(KEY_SLOT)
        events_erased = await api_client.erase_events(key) if key else True
        text = (
            "Erledigt: Ich habe dieses Gespräch mit allen Ihren Nachrichten und Antworten "
            "gelöscht, ebenso die Nutzungsstatistik dazu. Ein anonymes Ergebnis, das nach "
            "einem abgeschlossenen Check gespeichert wurde, enthält nichts, was auf Sie oder "
            "dieses Gespräch verweist; es kann daher nicht mehr zugeordnet werden. Wenn Sie "
            "möchten, können Sie jederzeit neu beginnen."
        )
        if not events_erased:
            text += (
                " (Die Nutzungsstatistik konnte gerade nicht gelöscht werden; sie enthält nur "
                "eine Zufallskennung und wird nach der Aufbewahrungsfrist gelöscht.)"
            )
        dispatcher.utter_message(text=text, buttons=[button("Neu beginnen", "start_check")])
        return [Restarted()]
