"""Messages during the interview that carry no answer: questions, chit-chat, and the
destructive wishes (restart, stop, goodbye, withdrawn consent), which are confirmed first.

Only reached when the message has no answer signal: an answer beats chit-chat. Canned replies
come from high-precision patterns (:mod:`bot.nlu.intents`) or, for short messages only, from a
confident learned intent; a long message about the firm is never answered with a canned reply.
"""

from __future__ import annotations

from typing import Optional

from actions.asking import AGAIN, RETRY, progress_text
from actions.common import Turn, yes_no_buttons
from actions.contact import CALLBACK_TEXT, contact_message
from actions.interview_state import SILENT, FormState
from actions.privacy import privacy_answer
from actions.settings import settings
from bot.nlu.intents import detect
from contract.codes import Event

# A learned intent alone decides a canned reply only for short messages and above this.
INTENT_CONFIDENCE = 0.85
_LEARNED = {
    "explain": "explain",
    "ask_progress": "ask_progress",
    "ask_privacy": "ask_privacy",
    "human_handoff": "human_handoff",
    "bot_challenge": "bot_challenge",
    "greet": "greet",
    "thank": "thank",
    "goodbye": "goodbye",
    "restart": "restart",
}

CONFIRMATIONS = {
    "restart": (
        "Möchten Sie wirklich von vorn beginnen? Dann verwerfe ich Ihre bisherigen Antworten.",
        ("Ja, neu starten", "Nein, weitermachen"),
    ),
    "goodbye": (
        "Möchten Sie für heute aufhören? Ihre Antworten bleiben erhalten, und Sie können später "
        "an dieser Stelle weitermachen.",
        ("Ja, später weiter", "Nein, weitermachen"),
    ),
    "stop": (
        "Möchten Sie den Check abbrechen? Dann verwerfe ich Ihre bisherigen Antworten.",
        ("Ja, abbrechen", "Nein, weitermachen"),
    ),
    "withdraw": (
        "Möchten Sie Ihre Einwilligung zurückziehen? Dann breche ich den Check ab, verwerfe Ihre "
        "Antworten und speichere kein Ergebnis.",
        ("Ja, zurückziehen", "Nein, weitermachen"),
    ),
}


def kind_of(turn: Turn) -> Optional[str]:
    """What a no-answer message asks for: patterns first, then a confident short intent."""
    kind = detect(turn.text)
    if kind:
        return kind
    if turn.short and turn.intent in _LEARNED and turn.confidence >= INTENT_CONFIDENCE:
        return _LEARNED[turn.intent]
    return None


def handle(state: FormState, turn: Turn, slot: str) -> Optional[str]:
    """Replies to a message without an answer; returns the mode of the next prompt."""
    kind = kind_of(turn)
    if kind in CONFIRMATIONS:
        text, (yes, no) = CONFIRMATIONS[kind]
        state.set_pending({"type": kind})
        state.say(text, buttons=yes_no_buttons(yes, no))
        return SILENT
    if kind == "explain":
        item = state.qn.question(slot) or state.qn.profile_question(slot)
        if item is not None:
            state.say(f"Gern erkläre ich das: {item.explanation}")
        else:
            state.say("Gern: Prüfen Sie bitte Ihre Antworten; danach zeige ich Ihr Ergebnis.")
        return AGAIN
    if kind == "ask_progress":
        state.say(progress_text(state.qn, slot))
        return AGAIN
    if kind == "ask_privacy":
        text, events = privacy_answer(state.tracker, turn.text)
        state.events += events
        state.say(text)
        return AGAIN
    if kind in ("human_handoff", "callback"):
        lead = CALLBACK_TEXT if kind == "callback" or "TELEFON" in turn.redacted else ""
        message = contact_message(state.values.get("municipality"), lead)
        state.dispatcher.utter_message(**message)
        state.say("Wenn Sie möchten, machen wir hier gleich weiter.")
        state.emit(Event.HANDOFF)
        return AGAIN
    if kind == "bot_challenge":
        state.say(
            "Ich bin ein digitaler Assistent, also ein Computerprogramm – kein Mensch. Wenn Sie "
            "lieber mit einer Person sprechen möchten, schreiben Sie „Ansprechpartner“."
        )
        return AGAIN
    if kind == "wait":
        state.say(
            "Kein Problem, ich warte. Schreiben Sie einfach weiter, wenn Sie so weit sind – Ihre "
            "bisherigen Antworten bleiben erhalten."
        )
        return SILENT
    if kind == "resume":
        return AGAIN
    if kind == "greet":
        state.say("Hallo! Schön, dass Sie da sind – machen wir weiter.")
        return AGAIN
    if kind == "thank":
        state.say("Gern geschehen!")
        return AGAIN
    return not_understood(state, turn, slot)


def not_understood(state: FormState, turn: Turn, slot: str) -> str:
    """No answer and nothing else recognised: count it and re-ask with the options."""
    state.failed(slot)
    if turn.intent in ("nlu_fallback", "out_of_scope"):
        state.emit(Event.FALLBACK)
    return RETRY


def days_text() -> str:
    return f"{settings.retention_days} Tage"
