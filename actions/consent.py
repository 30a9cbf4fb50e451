"""The consent step: the offer, questions at the prompt, yes or no; a declined consent."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel, recheck
from actions.asking import progress_label, progress_text
from actions.common import (
    CONSENT_FORM,
    PROFILE_SLOTS,
    Turn,
    button,
    consent_buttons,
    just_activated,
    known_town,
    turn_of,
    unfinished_interview,
    wants_erasure,
    yes_no_buttons,
)
from actions.contact import contact_message
from actions.privacy import consent_notice, pii_notice_events, privacy_answer
from bot.nlu.intents import detect
from bot.nlu.profile import decide_profile_options
from bot.nlu.understanding import read_answer
from contract.codes import Event
from contract.questionnaire import load_questionnaire

RESTART_REQUESTED = "restart_requested"
QUESTION_WORDS = (
    "warum",
    "wieso",
    "weshalb",
    "was",
    "wie",
    "wer",
    "wo",
    "wann",
    "welche",
    "kostet",
)
CONSENT_QUESTION = "Möchten Sie den Digitalcheck jetzt starten?"


_LEAD_YES = re.compile(
    r"^(ja+|jo+|jep|jup|jawohl|klar|okay|ok|gerne?|einverstanden|los|na gut|meinetwegen"
    r"|passt|yes|sicher|natürlich|naturlich|in ordnung|alles klar|gut,? dann|na schön"
    # "Gut, dann starten wir.", "machen wir", "fangen wir an"
    r"|(gut,? )?(dann )?(starten|fangen|legen|machen) wir( an| los| das)?"
    # the start button's words typed: "Check starten", "jetzt starten", "los geht's"
    r"|((den |der )?(digital)?check |jetzt |dann )*(starten|beginnen|anfangen|loslegen)"
    r"|(los|auf) geht'?s|na dann( mal)?( los)?|dann (mal )?los|los jon|loss jon|auf jeht'?s)\b"
)
_AGREES = re.compile(
    r"\b(bin|sind|waren|wäre|ware) (ich|wir) (\w+ )?einverstanden\b|\beinverstanden\.?$"
    r"|\b(ich|wir) (bin|sind|waren|wäre|ware) (\w+ )?einverstanden\b"
    # a yes closing the message: "Wenns sein muss. Ja.", "Meine Frau meint, ich soll. Na dann."
    r"|(^|[.!?] *)(ja|jo|ok|okay|na dann|na gut|dann los|meinetwegen)[.! ]*$"
)
_LEAD_NO = re.compile(r"^(nein|ne+|nö+|noe|nä|no|nope|lieber nicht|auf keinen fall)\b")


_BENEFIT = re.compile(
    r"\b(was (hab|habe|hatte|bringt|nutzt) (ich|mir|uns|das)|was bringt (mir |uns )?(das|der)"
    r"|wozu soll ich|warum sollte ich|was springt|what'?s in it)"
)


def is_question(text: str) -> bool:
    words = text.lower().split()
    return "?" in text or bool(words) and words[0].strip(",.!") in QUESTION_WORDS


def _yes_no(turn: Turn) -> Optional[bool]:
    """A clear yes or no (button, or words such as "ja, wenn es nicht lange dauert")."""
    if turn.payload_intent in ("affirm", "start_check"):
        return True
    if turn.payload_intent == "deny":
        return False
    lead = turn.text.strip().lower()
    if _LEAD_YES.match(lead) and not is_question(turn.text):
        return True  # a condition after the yes ("ja, wenn …") is still a yes
    if _LEAD_NO.match(lead):
        return False
    # the negation of the agreement itself ("damit bin ich nicht einverstanden"), not one in a
    # clause after it ("…, zumal ja keine personenbezogenen Daten gespeichert würden")
    head = re.split(r"[,;]\s*(zumal|weil|da|denn|wenn|sofern|solange|because)\b", lead)[0]
    negated = re.search(r"\b(nicht|nich|net|kein\w*)\b", head)
    if _AGREES.search(lead) and not is_question(turn.text):
        return not negated  # "Unter diesen Bedingungen bin ich einverstanden."
    reading = read_answer(turn.text, "yes_no")
    if reading.sure and reading.answer in ("yes", "no"):
        return reading.answer == "yes"
    if turn.intent_is("start_check", min_confidence=0.6):
        return True
    if turn.short and turn.intent_is("affirm", "deny", min_confidence=0.8):
        return turn.intent == "affirm"
    return None


def _resume_slot(tracker: Tracker) -> Optional[str]:
    qn = load_questionnaire()
    return next((s for s in qn.required_slots if tracker.get_slot(s) is None), None)


INTRO_SLOT = "intro_profile"


def _profile_events(tracker: Tracker, turn: Turn) -> List[Dict[str, Any]]:
    """Profile data given before the interview is kept for it. Buttons are stored; typed data
    ("Malerbetrieb in Hilden, 9 Leute") is read as an answer to the staff question and kept in
    ``intro_profile`` (values only, never the text): the interview form reads it back and
    confirms what is unsure after the consent, as for any later message."""
    if turn.is_button:
        values = {k: v for k, v in turn.payload.items() if k in PROFILE_SLOTS}
        return [SlotSet(k, v) for k, v in values.items() if tracker.get_slot(k) is None]
    stored, proposed, options = decide_profile_options(turn.text, "employees", {})
    if not stored and not proposed:
        return []
    intro = dict(tracker.get_slot(INTRO_SLOT) or {})
    kept = {**(intro.get("stored") or {}), **stored}
    merged = {**(intro.get("proposed") or {}), **proposed}
    open_ = {k: v for k, v in merged.items() if k not in kept}
    choices = {k: list(v) for k, v in options.items()} if proposed else intro.get("options") or {}
    return [SlotSet(INTRO_SLOT, {"stored": kept, "proposed": open_, "options": choices})]


class ValidateConsentForm(FormValidationAction):
    """The consent step: privacy notice, answers to questions at the prompt, then yes or no."""

    def name(self) -> str:
        return f"validate_{CONSENT_FORM}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        turn = turn_of(tracker)
        if wants_erasure(turn) and not just_activated(tracker, CONSENT_FORM):
            return []  # the form rejects the turn; the erase rule runs
        events = pii_notice_events(tracker, dispatcher, turn.redacted)
        events += await recheck.handle_code(tracker, dispatcher, turn)
        if just_activated(tracker, CONSENT_FORM):
            events += self._offer(dispatcher, tracker, turn)
            return events + [SlotSet("consent", None), SlotSet("requested_slot", "consent")]
        return events + self.validate_consent(turn, dispatcher, tracker)

    def _offer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn
    ) -> List[Dict[str, Any]]:
        events = [] if tracker.get_slot(funnel.KEY_SLOT) else funnel.emit(tracker, Event.STARTED)
        if tracker.get_slot("maturity"):
            dispatcher.utter_message(
                text="Möchten Sie den Digitalcheck noch einmal von vorn machen?",
                buttons=yes_no_buttons("Ja, neu starten", "Nein, danke"),
            )
        elif tracker.get_slot("consent") and unfinished_interview(tracker):
            slot = _resume_slot(tracker)
            where = progress_label(load_questionnaire(), slot) or "den Angaben zu Ihrem Betrieb"
            dispatcher.utter_message(
                text=f"Willkommen zurück! Sie waren bei {where}. Sollen wir dort weitermachen?",
                buttons=[button("Ja, weitermachen", "affirm"), button("Neu starten", "restart")],
            )
        else:
            first = not any(e.get("event") == "bot" for e in tracker.events)
            if first and turn.intent != "greet" and not turn.is_button:
                # the first message was not a greeting ("Malerbetrieb in Hilden, 9 Leute"):
                # introduce the check before the privacy notice
                dispatcher.utter_message(response="utter_greet")
            dispatcher.utter_message(text=consent_notice(), buttons=consent_buttons())
        return events + _profile_events(tracker, turn)

    def validate_consent(
        self, turn: Turn, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> List[Dict[str, Any]]:
        """Yes starts, no declines; questions are answered and the consent is asked again."""
        kind = detect(turn.text)
        if turn.payload_intent == "restart" or kind == "restart":
            return [SlotSet("consent", True), SlotSet(RESTART_REQUESTED, True)]
        if turn.recheck:  # answered by handle_code: ask for the consent again
            dispatcher.utter_message(text=CONSENT_QUESTION, buttons=consent_buttons())
            return [SlotSet("consent", None), SlotSet("requested_slot", "consent")]
        decision = None if kind in ("ask_privacy", "explain", "ask_progress") else _yes_no(turn)
        if decision is not None:
            answer = self._answer_question(turn, kind, tracker) if is_question(turn.text) else None
            if decision and answer:  # "ja, aber was kostet das?": answered, then started
                dispatcher.utter_message(text=answer)
            # "Ja, einverstanden. Wir sind eine Physiotherapiepraxis in Erkrath, 11 Personen":
            # the firm's data in the consent message is read back after it, as if sent before
            profile = _profile_events(tracker, turn) if decision else []
            return profile + [SlotSet("consent", decision)]
        profile = _profile_events(tracker, turn)
        if profile and not is_question(turn.text):
            dispatcher.utter_message(
                text="Danke! Diese Angaben übernehme ich, sobald Sie dem Check zugestimmt haben."
            )
            dispatcher.utter_message(text=CONSENT_QUESTION, buttons=consent_buttons())
            return profile + [SlotSet("consent", None), SlotSet("requested_slot", "consent")]
        if kind == "goodbye" or turn.intent_is("goodbye", min_confidence=0.9) and turn.short:
            return [SlotSet("consent", False)]
        notices: List[Dict[str, Any]] = []
        if kind == "ask_privacy" or turn.intent_is("ask_privacy", min_confidence=0.7):
            # Short first, the details on request or when asked again (slot "notices").
            answer, notices = privacy_answer(tracker, turn.text)
        else:
            answer = self._answer_question(turn, kind, tracker)
        if answer is None:
            answer = (
                "Ich habe Sie nicht ganz verstanden. Der Check dauert etwa zehn Minuten und ist "
                "kostenlos; Sie können jederzeit „Warum?“ fragen oder aufhören."
            )
        dispatcher.utter_message(text=answer)
        dispatcher.utter_message(text=CONSENT_QUESTION, buttons=consent_buttons())
        # A slot event other than requested_slot keeps Rasa's form from rejecting the turn.
        return notices + [SlotSet("consent", None), SlotSet("requested_slot", "consent")]

    @staticmethod
    def _answer_question(turn: Turn, kind: Optional[str], tracker: Tracker) -> Optional[str]:
        text = turn.text.lower()
        if kind == "ask_progress" or any(w in text for w in ("dauer", "lange", "zeit")):
            return progress_text(load_questionnaire(), None)
        if any(w in text for w in ("kost", "preis", "gebühr", "gebuehr", "bezahl", "geld")):
            return "Der Digitalcheck ist kostenlos und unverbindlich."
        if kind in ("human_handoff", "callback"):
            return contact_message(known_town(tracker, turn.text))["text"]
        if kind == "bot_challenge":
            return "Ich bin ein digitaler Assistent der Wirtschaftsförderung, kein Mensch."
        if _BENEFIT.search(text):
            return (
                "In etwa zehn Minuten sehen Sie, wo Ihr Betrieb digital steht – je Thema und im "
                "Vergleich mit ähnlichen Betrieben der Region – und bekommen passende kostenlose "
                "oder geförderte Angebote für Beratung, Förderung und Weiterbildung genannt."
            )
        if kind == "explain" or turn.intent_is("explain", min_confidence=0.6):
            total = len(load_questionnaire().question_slots)
            return (
                f"Im Digitalcheck beantworten Sie {total} kurze Fragen zu sechs Themen. Sie "
                "erhalten Ihren digitalen Reifegrad je Thema und passende Beratungs-, Förder- "
                "und Weiterbildungsangebote aus der Region."
            )
        return None


class ActionConsentDeclined(Action):
    """No consent: no interview; nothing stored but the anonymous event."""

    def name(self) -> str:
        return "action_consent_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        if tracker.get_slot("maturity"):
            dispatcher.utter_message(
                text="Alles klar, Ihr Ergebnis bleibt wie es ist. Fragen Sie mich gern dazu."
            )
            return [SlotSet("consent", True)]
        if detect(turn_of(tracker).text) == "goodbye":
            dispatcher.utter_message(response="utter_goodbye")
            return [SlotSet("consent", None)]
        dispatcher.utter_message(
            text=(
                "Das ist völlig in Ordnung. Ohne Ihre Zustimmung führe ich den Check nicht durch "
                "und speichere kein Ergebnis. Wenn Sie es sich anders überlegen, schreiben Sie "
                "einfach „Check starten“."
            ),
            buttons=[button("Check starten", "start_check")],
        )
        return [SlotSet("consent", None), *funnel.emit(tracker, Event.CONSENT_REFUSED)]
