"""An answer to the next question given in the same message ("… das ist so der plan und wer
kümmert sich um it das bin ich selber"): third black-box round, where a dictating owner's second
answer was lost seven times and had to be typed again. It is never stored unasked: the next
question is shown with the reading as a one-tap confirmation."""

from __future__ import annotations

import re

from actions.asking import buttons_for, progress_label
from actions.common import Turn
from actions.interview_state import FormState
from actions.review import names_word
from bot.nlu.text import fold_all, normalized
from bot.nlu.understanding import read_answer
from contract.codes import Event
from contract.questionnaire import Question

_PIECES = re.compile(r"[.;!?,]+|\s+(?:und|also|und auch|ausserdem|außerdem|dann)\s+", re.I)


def _words_of(question: Question) -> set:
    """The words the question itself uses: "Papier" in the question on invoices names no
    other question."""
    text = normalized(" ".join([question.text, question.short, *question.keywords]))
    return set(text.split()) | set(fold_all([question.short, *question.keywords]))


def _names(piece: str, words: list) -> bool:
    padded = f" {normalized(piece)} "
    return any(names_word(padded, w) for w in words)


def answer_ahead(state: FormState, turn: Turn, question: Question) -> bool:
    """After the open question was answered: a later part of the message that names the next
    question and answers it surely is offered as that answer (the prompt is said here)."""
    slots = state.qn.question_slots
    index = slots.index(question.slot)
    if turn.is_button or index + 1 >= len(slots):
        return False
    following = state.qn.question(slots[index + 1])
    if following is None or state.values.get(following.slot) is not None:
        return False
    pieces = [p.strip() for p in _PIECES.split(turn.text) if p and p.strip()]
    own = _words_of(question)
    words = [w for w in fold_all([following.short, *following.keywords]) if w not in own]
    start = next((k for k in range(1, len(pieces)) if _names(pieces[k], words)), None)
    if start is None:
        return False
    reading = read_answer(" ".join(pieces[start:]), following.scale, following.slot)
    if not reading.sure or reading.answer == "dont_know":
        return False
    label = state.qn.answer_label(following.scale, reading.answer)
    chosen = f'/answer{{"choice":"{reading.answer}"}}'
    others = [b for b in buttons_for(state.qn, following.slot) if b["payload"] != chosen]
    progress = progress_label(state.qn, following.slot)
    state.say(
        f"{progress}: {following.text}\nDazu haben Sie eben schon etwas geschrieben; ich lese es "
        f"als „{label}“. Wenn das passt, tippen Sie auf „{label}“ – sonst wählen Sie die "
        "passende Antwort.",
        buttons=[{"title": label, "payload": chosen}, *others],
    )
    state.set_pending({"type": "answer", "slot": following.slot, "options": [reading.answer]})
    state.ask_slot = following.slot
    state.emit(Event.QUESTION_REACHED, following.slot)
    state.emit(Event.CONFIRMATION, following.slot)
    return True
