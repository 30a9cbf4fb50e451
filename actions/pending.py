"""Answers to the bot's own questions during the interview: a confirmation of an unclear
answer, of a profile change, or of a destructive wish (restart, goodbye, stop, withdraw)."""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from actions import profile_confirm
from actions.asking import AGAIN, ASK
from actions.common import PROFILE_SLOTS, REVIEW_SLOT, Turn, yes_no_buttons
from actions.interjections import CONFIRMATIONS
from actions.interview_start import reset_events
from actions.interview_state import SILENT, FormState
from actions.pending_replies import (
    _NO_LEAD,
    _RETRACTS,
    WISH_KINDS,
    answer_after_no,
    goes_on,
    rejected_slots,
    rejects_both,
    unclear_wish_reply,
)
from actions.profile_reading import profile_decision
from actions.review import referenced_slot
from bot.nlu.intents import detect
from bot.nlu.profile import decide_profile, read_profile
from bot.nlu.text import normalized
from bot.nlu.understanding import read_answer

CONTINUE = "continue"  # the message was not a reply to the pending question: process it


def yes_or_no(turn: Turn) -> Optional[bool]:
    if turn.payload_intent == "affirm":
        return True
    if turn.payload_intent == "deny":
        return False
    if turn.is_button:
        return None
    if _AGREES.match(turn.text):
        return True  # "richtig", "korrekt", "genau so": a yes to "Soll ich … ändern?"
    reading = read_answer(turn.text, "yes_no")
    if reading.sure and reading.answer in ("yes", "no"):
        if reading.answer == "yes" and read_answer(turn.text, "frequency").sure:
            return None  # "teilweise", "selten", "immer": an answer to the question, not a yes
        return reading.answer == "yes"
    if turn.short and turn.intent_is("affirm", "deny", min_confidence=0.8):
        return turn.intent == "affirm"
    return None


def resolve(state: FormState, turn: Turn) -> Tuple[str, Optional[str]]:
    """``(CONTINUE, None)`` when the message does not answer the pending question, else
    ``("done", mode)`` with the mode of the next prompt."""
    pending: Dict[str, Any] = state.pending or {}
    kind = pending.get("type")
    if kind == "answer":
        return _answer(state, turn, pending)
    if kind == "profile":
        chosen = profile_confirm.chosen_option(pending, turn.payload_intent, turn.payload)
        if chosen is None and not turn.is_button:
            chosen = profile_confirm.named_option(pending, turn.text)
        if chosen is not None:  # the other reading of a two-way confirmation ("5 mit mir")
            state.clear_pending()
            chosen_pending = profile_confirm.with_choice(pending, chosen)
            return "done", profile_confirm.resolve(state, chosen_pending, True)
        corrected = _corrected(turn, pending)
        if corrected:  # "Nein, mit mir sind es fünf": the owner's own value, the rest as read
            state.clear_pending()
            values = {**profile_confirm.pending_values(pending), **corrected}
            merged = {"type": "profile", "values": values}
            mode = profile_confirm.resolve(state, merged, True)
            more = _other_changes(state, turn, merged)  # "Nein, wir sind 11 und … in Erkrath"
            return "done", profile_confirm.confirm(state, more, turn.text) if more else mode
    decision = yes_or_no(turn)
    if not turn.is_button and _RETRACTS.search(normalized(turn.text)):
        decision = False  # "Ach, vergessen Sie das, war ein Tippfehler. Zum Plan: ja, …"
    if kind in WISH_KINDS and goes_on(turn):
        decision = False  # "doch, weiter" to "Möchten Sie für heute aufhören?"
    if kind in WISH_KINDS and unclear_wish_reply(state, turn, decision):
        # "ok?", "🤷", "hmm weiß nicht" to "Möchten Sie wirklich von vorn beginnen?": nothing is
        # done and nothing is stored as an answer; the question comes again
        text, (yes, no) = CONFIRMATIONS[kind]
        state.say(f"Bitte sagen Sie kurz Ja oder Nein. {text}", buttons=yes_no_buttons(yes, no))
        return "done", SILENT
    if decision is None and kind == "prefill" and _LEADING_YES.match(turn.text):
        decision = True  # "ja stimmt noch, aber wir sind jetzt 11"
    if decision is None:
        state.clear_pending()
        return CONTINUE, None
    state.clear_pending()
    if kind == "prefill":
        earlier = dict(state.tracker.get_slot("recheck") or {})
        state.set("recheck", {**earlier, "confirmed": True})
        if not decision:
            state.set("sector", None)
            state.set("municipality", None)
            state.say("Gut, dann frage ich die Angaben zu Ihrem Betrieb neu ab.")
            return "done", ASK
        changes = dict(profile_decision(state, turn, None)[1])  # a known value changed
        read = read_profile(turn.text, "employees").values if turn.words > 3 else {}
        for slot, value in read.items():  # a value not asked yet ("wir sind jetzt 11")
            if state.values.get(slot) is None:
                changes.setdefault(slot, value)
        if changes:  # "ja stimmt noch, aber wir sind jetzt 11": the news is confirmed first
            return "done", profile_confirm.confirm(state, changes, turn.text)
        return "done", ASK
    if kind == "profile":
        kept = rejected_slots(turn, pending) if decision else set()
        if kept:  # "Die Zahl ja, beim Ort habe ich mich geirrt – der Sitz bleibt Düsseldorf"
            values = profile_confirm.pending_values(pending)
            pending = {
                "type": "profile",
                "values": {k: v for k, v in values.items() if k not in kept},
            }
        mode = profile_confirm.resolve(state, pending, decision)
        if not decision and answer_after_no(state, turn):
            return "done", ASK
        more = _other_changes(state, turn, pending) if decision else {}
        if more:  # "Ja, Haan stimmt. Aber 2 Beschäftigte stimmt nicht, wir sind fünf mit mir!"
            return "done", profile_confirm.confirm(state, more, turn.text)
        return "done", mode
    if not decision:
        state.say("Gut, dann machen wir weiter.")
        return "done", ASK if answer_after_no(state, turn) else AGAIN
    return "done", _perform(state, kind)


def _answer(state: FormState, turn: Turn, pending: Dict[str, Any]) -> Tuple[str, Optional[str]]:
    slot = pending.get("slot")
    question = state.qn.question(slot)
    if question is None or slot != state.requested:
        state.clear_pending()
        return CONTINUE, None
    options = list(pending.get("options") or [])
    valid = state.qn.answer_ids(question.scale)
    if not turn.is_button and rejects_both(state, turn, slot):
        # "keins von beiden", "weder noch", "nein, ich meine das Budget": no choice here
        state.clear_pending()
        state.say("Dann wählen Sie bitte die passende Antwort:")
        return "done", AGAIN
    choice = turn.payload.get("choice") if turn.payload_intent == "answer" else None
    if choice is None and not turn.is_button and turn.short:
        # "Immer – 7 Tage die Woche." at "eher „Regelmäßig“ oder eher „Immer“?"
        choice = _named_option(state, question.scale, options, turn.text)
    # a short "ja" / "nein" answers the confirmation itself; a longer text is read as an answer
    bare = yes_or_no(turn) if choice is None and not turn.is_button and turn.words <= 3 else None
    if choice is None and not turn.is_button and detect(turn.text) in _WISHES:
        state.clear_pending()
        return CONTINUE, None  # "…, ich möchte bitte neu starten": the wish, not a choice
    if choice is None and bare is False and "no" in options:
        choice = "no"  # "Nein", "eher nein" names the offered „Nein“ (seen in chats)
    elif choice is None and bare is True and "yes" in options and _SAYS_YES.match(turn.text):
        choice = "yes"  # "Ja" to "eher „Nein“ oder eher „Ja“?" names the offered „Ja“
    elif choice is None and bare is True and options and "yes" not in options[1:]:
        choice = options[0]  # "ja" / "genau" confirms the first (likeliest) reading
    elif choice is None and bare is not None:
        # "nein", or a "ja" to "eher „Nein“ oder eher „Ja“?" (which of the two?): all options
        state.clear_pending()
        state.say("Dann wählen Sie bitte die passende Antwort:")
        return "done", AGAIN
    elif choice is None and not turn.is_button:
        reading = read_answer(turn.text, question.scale, question.slot)
        if reading.status == "none":
            reading = _last_clause_reading(turn.text, question.scale, question.slot) or reading
        other = referenced_slot(state.qn, turn.text)
        if (
            reading.answer not in options
            and other not in (None, slot)
            and other in state.qn.question_slots
        ):
            # "Rechnungen macht Herr Meier per Hand, also nie" at "eher „Teilweise“ oder
            # eher „Ja“?" for the mobile access: about another question, no choice here
            state.clear_pending()
            state.say("Dann wählen Sie bitte die passende Antwort:")
            return "done", AGAIN
        if reading.sure:
            choice = reading.answer
        elif reading.options and reading.options[0] in options and not _asks_back(turn.text):
            choice = reading.options[0]  # the text leans to one of the two offered readings
    state.clear_pending()
    if choice in valid:
        state.store(slot, choice)
        return "done", ASK
    return CONTINUE, None


_LEADING_YES = re.compile(r"^\W*(ja|jo|jap|jep|yes|stimmt|passt|genau)\b", re.IGNORECASE)
_AGREES = re.compile(
    r"^\W*((ja|jo|jep|yes)\W+)?(das\W+(ist|is|war)\W+)?(so\W+)?(richtig|korrekt|genau|exakt|passt"
    r"|stimmt|jawohl|ok|okay|correct|right|yep|einverstanden)(\W+so)?\W*$",
    re.IGNORECASE,
)
_SAYS_YES = re.compile(r"^\W*(eher |also |dann )?(ja|jo|jap|jawohl|yes|yep)\W*$", re.IGNORECASE)


# "Fast – wir sind eher Dienstleistung als Handwerk, Rest stimmt" (seventh black-box round)
_ALMOST = re.compile(r"^\W*(fast|beinahe|nicht ganz|almost|nearly|jein)\b")


def _corrected(turn: Turn, pending: Dict[str, Any]) -> Dict[str, Any]:
    """A no to a profile confirmation with the right value in it ("Nein, 9 – die Freien zählen
    nicht, aber ich", "nein, zusammen 10"): the values it states for the proposed slots."""
    lead = turn.text.strip().lower()
    if turn.is_button or not (_NO_LEAD.match(lead) or _ALMOST.match(lead)):
        return {}
    proposed = profile_confirm.pending_values(pending)
    asked = "employees" if "employees" in proposed else next(iter(proposed), None)
    values = read_profile(turn.text, asked).values
    return {k: v for k, v in values.items() if k in proposed and v != proposed[k]}


def _other_changes(state: FormState, turn: Turn, pending: Dict[str, Any]) -> Dict[str, Any]:
    """Changes of other profile values in a yes to a profile confirmation."""
    if turn.is_button or turn.words <= 3:
        return {}
    confirmed = profile_confirm.pending_values(pending)
    current = {k: state.values.get(k) for k in PROFILE_SLOTS}
    _, proposed = decide_profile(turn.text, state.requested, current)
    return {k: v for k, v in proposed.items() if k not in confirmed}


_WISHES = frozenset({"restart", "goodbye", "erase_data", "human_handoff", "callback"})


def _asks_back(text: str) -> bool:
    """The reply ends with a question ("Wat soll dat sin, Cloud? Wolke? 😅"): it asks, it does
    not choose."""
    letters = re.sub(r"[^\w?.!]+", " ", text).strip()
    return letters.endswith("?")


def _last_clause_reading(text: str, scale: str, slot: Optional[str]) -> Optional[Any]:
    """ "Hä? Es ging um die Belege: regelmäßig.": the whole reply has no signal (it opens with
    a question), its last clause is a sure answer."""
    clauses = [c for c in re.split(r"[.:;!?]+", text) if c.strip()]
    if len(clauses) < 2:
        return None
    reading = read_answer(clauses[-1], scale, slot)
    return reading if reading.sure else None


def _named_option(state: FormState, scale: str, options: list, text: str) -> Optional[str]:
    """The offered option a short reply names by its button label: "Nie" at "eher „Regelmäßig“
    oder eher „Nie“?" is that option, not a "nein" to the confirmation. "Ja" and "Nein" are
    left to ``yes_or_no`` (they may answer the confirmation itself); the reading must agree, so
    "nicht gut" never picks „Gut“."""
    said = normalized(text)
    for option in options:
        if option in ("yes", "no"):
            continue
        label = normalized(state.qn.answer_label(scale, option))
        named = label and re.search(rf"\b{re.escape(label)}\b", said)
        if named and read_answer(text, scale).answer == option:
            return option
    return None


def _perform(state: FormState, kind: str) -> Optional[str]:
    if kind == "goodbye":
        state.say(
            "Bis bald! Ihre Antworten bleiben erhalten – schreiben Sie einfach wieder, dann "
            "machen wir an dieser Stelle weiter."
        )
        return SILENT
    if kind == "restart":
        for event in reset_events(state.qn):
            state.set(event["name"], event["value"])
        state.say(
            "Alles klar, wir fangen von vorn an. Ihre bisherigen Antworten zählen nicht mehr "
            "und werden mit dem Gespräch gelöscht (automatisch nach der Aufbewahrungsfrist oder "
            "sofort mit „Daten löschen“)."
        )
        return ASK
    # stop or withdraw: discard the answers, no result, leave the form
    for event in reset_events(state.qn):
        state.set(event["name"], event["value"])
    state.set(REVIEW_SLOT, None)
    if kind == "withdraw":
        state.set("consent", None)
        state.say(
            "Ihre Einwilligung ist zurückgezogen: Ich habe den Check abgebrochen und Ihre "
            "Antworten verworfen; es wird kein Ergebnis gespeichert. Mit „Daten löschen“ "
            "entferne ich auch dieses Gespräch sofort."
        )
    else:
        state.say(
            "Ich habe den Check abgebrochen und Ihre Antworten verworfen. Mit „Check starten“ "
            "können Sie jederzeit neu beginnen."
        )
    state.set("stage", None)
    state.stop_loop = True
    return SILENT
