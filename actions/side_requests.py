"""What an answer message carries besides the answer to the open question: a change of an
earlier answer ("bei der Frage mit dem Backup hab ich mich vertan, das ist eher teilweise") and,
next to a profile correction, the answer itself ("Nein, überall dasselbe Passwort. Ach übrigens,
wir sind inzwischen sechs"). Both were lost or stored on the wrong question before (black-box
chats with the running bot)."""

from __future__ import annotations

import re
from typing import Optional

from actions.asking import AGAIN, CHANGE
from actions.common import Turn
from actions.interview_state import FormState
from actions.review import change_request
from bot.nlu.intents import detect
from bot.nlu.profile import is_correction, read_profile
from bot.nlu.text import normalized
from bot.nlu.understanding import read_answer
from contract.questionnaire import Question

# words that say an earlier answer is being changed (not merely mentioned)
_CHANGING = re.compile(
    r"\b(vertan|verklickt|vertippt|verschrieben|korrigier\w*|(war|ist) falsch|mein fehler|my bad"
    r"|(bitte|mochte|mocht|will|wollte|konnen sie|kann ich|muss|soll) (\w+ ){0,8}(ab)?andern"
    r"|(ab)?andern (sie|bitte)"
    r"|falsch (gesagt|angegeben|geklickt|gedruckt|beantwortet|verstanden)"
    r"|(bei|zu|zur|an) der frage|(zuruck|noch ?mal) zu(r)? (der )?frage|frage \d+"
    r"|(meine|die) antwort (zu|zum|zur|bei|beim|auf|von)"
    r"|(bei|mit) (de|der|dem|den|die) \w+ (\w+ )?vorhin"
    # seventh black-box round: "oh wait, kurz back to the budget question", "nochmal zu dem
    # cloud zeug", "dat mit den ordnern stimmt nich ganz", "beim Zuständigen für die IT muss Ja
    # stehen", "die Cloud-Dienste bitte auch auf teilweise"
    r"|back to|(nochmal|noch mal|zuruck) zu(m|r)?|stimmt (so )?nich\w*( ganz)?"
    r"|muss (da |dort |eigentlich )*\w+ stehen|(bitte )?(auch )?auf (ja|nein|teilweise|nie|selten"
    r"|regelmassig|immer|gering|gut|grundkenntnisse|sehr gut|weiss nicht)( setzen| stellen)?$)\b"
)


# back to the question before ("zurück", "die vorige Frage nochmal", "verklickt, das sollte Ja
# sein", "Korrektur zur letzten Antwort: doch ja"; sixth black-box round)
_BACK = re.compile(
    r"\b((einen |ein |1 )?schritt zuruck|(eine |1 )?frage zuruck|geh(e|en|t)? (\w+ ){0,2}zuruck"
    r"|(die |der |zur |zu der |bei der )?(vorige|vorherige|letzte|davorige)\w* (frage|antwort)"
    r"|frage davor|verklickt|(my |the )?(previous|last) (question|answer)|go back)\b"
)
# "Ist das die letzte Frage?" names the last question without going back to it
_REDO = re.compile(
    r"\b(nochmal|noch mal|andern|zuruck|korrektur|korrigier\w*|falsch|vertan|verklickt|sollte"
    r"|go back|change)\b"
)
_SHOULD_BE = re.compile(
    r"\b(sollte|soll|muss|musste|ware|wollte) (eigentlich |doch |naturlich |da )*(\w+)"
    r" (sein|heissen|stehen|lauten)\b"
)
_NUMBERED = re.compile(r"\b(frage|nr|nummer|punkt)\s*\d{1,2}\b")
_BACK_ALONE = re.compile(r"^(zuruck|back|nochmal zuruck|bitte zuruck|zuruck bitte)$")


def _previous(state: FormState, current: Question) -> Optional[Question]:
    slots = state.qn.question_slots
    index = slots.index(current.slot) if current.slot in slots else 0
    for slot in reversed(slots[:index]):
        if state.values.get(slot) is not None:
            return state.qn.question(slot)
    return None


def back_to_previous(state: FormState, turn: Turn, current: Question) -> Optional[str]:
    """The owner goes back one question: an answer in the same message is stored for it, else
    it is asked again (its old answer kept for "bleibt"); the open question follows."""
    said = normalized(turn.text)
    back = _BACK.search(said) and _REDO.search(said)
    if turn.is_button or not (back or _BACK_ALONE.match(said)):
        return None
    previous = _previous(state, current)
    if previous is None:
        return None
    rest = _BACK.sub(" ", said)
    meant = _SHOULD_BE.search(rest)
    if meant:  # "das sollte Ja sein", "muss eigentlich nein heißen"
        rest = meant.group(3)
    reading = read_answer(rest, previous.scale, previous.slot) if rest.split() else None
    if reading is not None and reading.sure and reading.answer != state.values[previous.slot]:
        state.change(previous.slot, reading.answer)
        return AGAIN
    state.reopen(previous.slot)
    return CHANGE


def earlier_change(state: FormState, turn: Turn, current: Question) -> Optional[str]:
    """A change of an answer already given, named by its question and with change language: the
    new value is stored (or the question asked again) and the open question is asked again; the
    mode of the next prompt, or None when the message is no such change."""
    if turn.is_button or not _CHANGING.search(normalized(turn.text)):
        return back_to_previous(state, turn, current)
    slot, answer = change_request(state.qn, turn.text)
    slots = state.qn.question_slots
    here = slots.index(current.slot) if current.slot in slots else len(slots)
    later = slot in slots and slots.index(slot) > here
    if later and _NUMBERED.search(normalized(turn.text)):
        # "Frage 15 ist übrigens nein" at question 5: not an answer to this one, and never
        # stored unasked (seventh black-box round: it was offered as question 5's answer)
        number = slots.index(slot) + 1
        state.say(f"Zu Frage {number} komme ich noch – dort können Sie das gleich angeben.")
        return AGAIN
    if slot is None or slot == current.slot or state.values.get(slot) is None:
        return back_to_previous(state, turn, current)
    if slot not in state.qn.question_slots:
        return None
    meant = _SHOULD_BE.search(normalized(turn.text)) if answer is None else None
    if meant:  # "Beim Zuständigen für die IT muss Ja stehen"
        question = state.qn.question(slot)
        reading = read_answer(meant.group(3), question.scale, slot)
        answer = reading.answer if reading.sure else None
    if answer is not None and answer == state.values.get(slot):
        state.say(f"Bei „{state.qn.short_title(slot)}“ steht bereits „{state.label(slot)}“.")
        return AGAIN
    if answer is None:
        state.reopen(slot)  # asked now; the open question follows
        return CHANGE
    state.change(slot, answer)
    return AGAIN


_CLAUSES = re.compile(r"[^.,;:!?]+")
_ASIDE = re.compile(
    r"\b(ubrigens|ubrijens|ach|noch was|noch etwas|ausserdem|nebenbei|apropos|btw|by the way"
    r"|ps|und noch)\b"
)
_YES_NO_WORDS = frozenset({"ja", "nein", "ne", "nee", "no", "yes", "jo", "na", "doch"})


def answer_beside_profile(state: FormState, turn: Turn, question: Question) -> None:
    """Stores the answer a message gives next to a profile correction, read from the clauses
    that carry no profile value and no correction language. A bare "Nein" before the correction
    ("Nein, wir sind nicht in Haan, sondern Hilden") is the correction's, not an answer."""
    if turn.is_button or state.values.get(question.slot) is not None:
        return
    # "Google ja. Früher waren wir mal 20 Leute, heute nur noch 9": the answer is a sentence of
    # its own before the correction, with more than a bare yes or no (third black-box round)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", turn.text.strip()) if s.strip()]
    first = sentences[0] if len(sentences) > 1 else ""
    if (
        first
        and set(normalized(first).split()) - _YES_NO_WORDS
        and not read_profile(first, None).values
        and not is_correction(first)
    ):
        reading = read_answer(first, question.scale, question.slot)
        if reading.sure and reading.answer != "dont_know":
            state.store(question.slot, reading.answer)
            return
    kept = [
        c.strip()
        for c in _CLAUSES.findall(turn.text)
        if c.strip() and not read_profile(c, None).values and not is_correction(c)
    ]
    rest = " ".join(kept)
    words = normalized(rest).split()
    if not words or len(words) <= 2 and set(words) <= _YES_NO_WORDS:
        return
    reading = read_answer(rest, question.scale, question.slot)
    if not reading.sure or reading.answer == "dont_know":
        return
    # a yes or no counts only when the correction is set apart as an aside ("Nein, überall
    # dasselbe Passwort. Ach übrigens, wir sind …"): in "Nein, wir sind keine Handwerker, das
    # passt nicht" the no is the correction's
    if reading.answer in ("yes", "no") and not _ASIDE.search(normalized(turn.text)):
        return
    state.store(question.slot, reading.answer)


def answer_before_wish(state: FormState, turn: Turn, question: Question) -> None:
    """ "immer. ich muss kurz weg, melde mich gleich wieder": the whole message reads as no
    answer, its first clause does; stored before the wish is asked about."""
    if turn.is_button or detect(turn.text) not in _WISH_KINDS:
        return
    first = _CLAUSES.match(turn.text.strip())
    if first is None or first.group(0).strip() == turn.text.strip().rstrip(".!?"):
        return
    clause = first.group(0)
    if len(clause.split()) > 4 or detect(clause) is not None:
        return  # "Können wir nochmal neu anfangen?": the wish itself, no answer before it
    reading = read_answer(clause, question.scale, question.slot)
    if reading.sure:
        state.store(question.slot, reading.answer)


_WISH_KINDS = frozenset({"goodbye", "restart", "stop", "withdraw", "erase_data", "wait"})


def back_from_closing(state: FormState, turn: Turn) -> Optional[str]:
    """At the closing wish: "zurück" or "die letzte Frage war falsch, die mit dem Phishing"
    goes back to that question (it had been stored as "Nichts Bestimmtes")."""
    said = normalized(turn.text)
    back = _BACK_ALONE.match(said) or _BACK.search(said) and _REDO.search(said)
    if turn.is_button or not (back or _CHANGING.search(said)):
        return None
    slot, answer = change_request(state.qn, turn.text)
    if slot not in state.qn.question_slots:
        slot, answer = state.qn.question_slots[-1], None
    if answer is not None and answer != state.values.get(slot):
        state.change(slot, answer)
        return AGAIN
    state.reopen(slot)
    return CHANGE
