"""Replies to a pending confirmation that carry more than a yes or no: an answer after the no
("ach nee. Backup machen wir jede Woche …"), a retraction ("vergessen Sie das, war ein
Tippfehler"), and a yes that keeps some of several proposed values ("Die Zahl ja, der Sitz
bleibt Düsseldorf"). Black-box rounds 3 and 4."""

from __future__ import annotations

import re
from typing import Any, Dict

from actions import profile_confirm
from actions.common import Turn
from actions.interview_state import FormState
from actions.review import referenced_slot
from bot.nlu.correction_words import names_profile
from bot.nlu.text import normalized
from bot.nlu.understanding import read_answer

_NO_LEAD = re.compile(
    r"^\W*(eher |also |ach )?(nein|nee|ne|nö|noe|nä|no|nope|falsch|stimmt nicht|nicht ganz)\b"
)

_RETRACTS = re.compile(
    r"\b(vergessen sie (das|es)|vergiss (das|es)|war ein (tipp)?fehler|tippfehler|vertippt"
    r"|nicht so gemeint|ignorieren sie (das|es))\b"
)
_KEEPS = re.compile(
    r"\b(geirrt|vertan|falsch|stimmt nicht|bleibt|lassen|wie es war|wie vorher|wie bisher"
    r"|nicht andern|unverandert)\b"
)


def rejected_slots(turn: Turn, pending: Dict[str, Any]) -> set:
    """The values of a several-value profile confirmation the yes keeps as they were: a clause
    naming the value's question with "bleibt", "geirrt", "so lassen"."""
    values = profile_confirm.pending_values(pending)
    if len(values) < 2 or turn.is_button:
        return set()
    kept = set()
    for clause in re.split(r"[,.;:–!?]| - | aber | und ", turn.text):
        if _KEEPS.search(normalized(clause)):
            kept |= {slot for slot in values if names_profile(clause, slot)}
    return kept if kept != set(values) else set()


def answer_after_no(state: FormState, turn: Turn) -> bool:
    """ "ach nee. Backup machen wir jede Woche auf ein NAS" at "Möchten Sie den Check
    abbrechen?": the no keeps the check, the rest answers the open question (it was lost)."""
    question = state.qn.question(state.requested)
    rest = _NO_LEAD.sub("", turn.text.strip().lower(), count=1).strip(" ,.;:!-")
    retraction = _RETRACTS.search(rest)
    if retraction:  # "vergessen Sie das, war ein Tippfehler. Zum Plan: ja, haben wir"
        rest = re.split(r"[.!?:]", rest[retraction.end() :], maxsplit=1)[-1].strip(" ,.;:!-")
    rest = _GOES_ON.sub(" ", rest).strip(" ,.;:!-")  # "Nee, lass mal, ich mach weiter"
    if question is None or turn.is_button or len(rest.split()) < 2:
        return False
    reading = read_answer(rest, question.scale, question.slot)
    if reading.sure:
        state.store(question.slot, reading.answer)
    return reading.sure


_NEITHER = re.compile(
    r"\b(kein\w* (von )?(beiden|beidem|davon)|weder noch|weder .* noch|beides (nicht|falsch)"
    r"|nichts davon|neither|none of (them|these|those))\b"
)
_MEANT = re.compile(r"\b(ich (mein|meine|meinte)|meinte ich|gemeint|i meant?)\b")


def rejects_both(state: FormState, turn: Turn, slot: str) -> bool:
    """Neither offered option ("keins von beiden"), or the owner meant another question ("Nä,
    ich mein dat Budget!")."""
    said = normalized(turn.text)
    if _NEITHER.search(said):
        return True
    other = referenced_slot(state.qn, turn.text) if _MEANT.search(said) else None
    return other is not None and other != slot


# the pending questions about a wish (stop, pause, restart, withdrawal): going on is a no
WISH_KINDS = frozenset({"restart", "goodbye", "stop", "withdraw"})
_GOES_ON = re.compile(
    r"\b(weiter\w*|fortsetzen|fortfahren|nicht aufhor\w*|bleib\w* (dabei|dran)|mach\w* weiter"
    r"|go on|continue|keep going|lass (mal|es|das|gut sein)|lassen sie (es|das)|vergiss es"
    r"|doch nicht|egal)\b"
)


def goes_on(turn: Turn) -> bool:
    """ "doch, weiter", "nein, weitermachen": the owner wants to go on."""
    return not turn.is_button and bool(_GOES_ON.search(normalized(turn.text)))


_VAGUE = re.compile(r"^\W*(jein|vielleicht|hm+|mal sehen|weiss nicht|weis nicht|keine ahnung)\b")


def unclear_wish_reply(state: FormState, turn: Turn, decision: Any) -> bool:
    """A reply to a stop, pause, restart or withdrawal question that decides nothing: a yes
    with a question mark ("ok?"), or a short message that is neither yes nor no nor an answer
    to the open question ("🤷", "jein", "hmm weiß nicht"; "teilweise" answers the question).
    Nothing destructive happens on it, and it is no answer either."""
    if turn.is_button:
        return False
    if decision is True:
        return "?" in turn.text
    if decision is not None or turn.words > 3:
        return False
    if _VAGUE.match(normalized(turn.text)):
        return True
    question = state.qn.question(state.requested)
    reading = read_answer(turn.text, question.scale, question.slot) if question else None
    return reading is None or not reading.sure or reading.answer == "dont_know"
