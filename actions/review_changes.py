"""Several changes in one read-back message ("Frage 3 ist nein und bei 13 eher regelmäßig",
"Budget ja, Backup selten", "bei 3 und 5 jeweils nein"): black-box chats, where the second
change was dropped. One change is :func:`actions.review.change_request`."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from actions.review import (
    _LEADING_NUMBER,
    _NAMED_NUMBER,
    new_answer,
    referenced_slot,
)
from bot.nlu.text import normalized
from contract.questionnaire import Questionnaire

_CLAUSES = re.compile(r"[,;.!?\n]+|\s+(?:und|sowie|ausserdem|außerdem|plus|and)\s+", re.IGNORECASE)


def _clause_reference(
    questionnaire: Questionnaire, clause: str, numbered: bool
) -> Tuple[Optional[str], bool]:
    """``(question slot, named by number)`` a clause refers to, or ``(None, False)``; a bare
    number counts as named in a message that names another question as "Frage N"."""
    norm = normalized(clause)
    for pattern in (_NAMED_NUMBER, _LEADING_NUMBER):
        match = pattern.search(norm)
        if match and 1 <= int(match.group(1)) <= len(questionnaire.questions):
            named = pattern is _NAMED_NUMBER or numbered
            return questionnaire.question_slots[int(match.group(1)) - 1], named
    slot = referenced_slot(questionnaire, clause)
    return (slot, False) if questionnaire.question(slot) is not None else (None, False)


def change_requests(questionnaire: Questionnaire, text: str) -> List[Tuple[str, Optional[str]]]:
    """Several changes in one message ("Frage 3 ist nein und bei 12 eher regelmäßig",
    "Budget ja, Backup selten"): ``[(slot, new answer or None), ...]`` in the owner's order,
    or ``[]`` when the message names fewer than two questions. A question named only by a
    keyword or a bare number counts only with a sure answer (else its words belong to the
    clause before); one named as "Frage N" may come without an answer and is asked again."""
    if _DISTRIBUTIVE.search(normalized(text)):
        return _one_answer_for_several(questionnaire, text)
    groups: List[List[Any]] = []  # [slot, named, text]
    numbered = bool(_NAMED_NUMBER.search(normalized(text)))  # "Frage 3 und 12 ändern"
    for clause in (c.strip() for c in _CLAUSES.split(text)):
        if not clause:
            continue
        slot, named = _clause_reference(questionnaire, clause, numbered)
        if slot is not None and groups and groups[-1][0] == slot:
            groups[-1][2] += f", {clause}"
        elif slot is not None and (named or _sure(questionnaire, slot, clause)):
            groups.append([slot, named, clause])
        elif groups:  # words without a question of their own belong to the one before
            groups[-1][2] += f", {clause}"
    if len({slot for slot, _, _ in groups}) < 2:
        return []
    changes: Dict[str, Optional[str]] = {}
    for slot, _, words in groups:
        changes[slot] = changes.get(slot) or new_answer(questionnaire, slot, words)
    return list(changes.items())


_DISTRIBUTIVE = re.compile(r"\b(jeweils|beides|beide|both|alle beide|alle drei|alle zwei)\b")


def _one_answer_for_several(
    questionnaire: Questionnaire, text: str
) -> List[Tuple[str, Optional[str]]]:
    """ "bei 3 und 5 jeweils nein", "Frage 12 und die Datensicherung beides eher selten": the
    answer of the last clause for every question named; a question whose scale has no such
    answer is left out (it keeps its answer), never asked again."""
    clauses = [c.strip() for c in _CLAUSES.split(text) if c.strip()]
    slots: List[str] = []
    for clause in clauses:
        slot, _ = _clause_reference(questionnaire, clause, True)
        if slot is not None and slot not in slots:
            slots.append(slot)
    if len(slots) < 2:
        return []
    # the answer words alone: "8 jeweils immer" -> "immer" (the model reads "jeweils" as unsure)
    last = re.sub(r"^\W*(bei|zu|und)?\s*\d{1,2}\b", " ", normalized(clauses[-1]))
    last = _DISTRIBUTIVE.sub(" ", last).strip() or clauses[-1]
    answers = [(slot, new_answer(questionnaire, slot, last)) for slot in slots]
    return [(slot, answer) for slot, answer in answers if answer is not None] or []


def _sure(questionnaire: Questionnaire, slot: str, clause: str) -> bool:
    return new_answer(questionnaire, slot, clause) is not None
