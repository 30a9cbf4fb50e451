"""Leading answers: a "ja", "nein", "jein" at the start that decides the message.

Also when a question sentence still counts through a short answer at its start
("Ja, wieso?").
"""

from __future__ import annotations

from typing import Optional

from bot.nlu.answers.clause_patterns import _QUESTION_START, _QUESTION_VERB
from bot.nlu.answers.clauses import Clause

# An answer-like start: these concepts at the very start of a question sentence still count.
_LEAD_CONCEPTS = frozenset(
    [
        "YES_P",
        "NO_P",
        "PARTLY",
        "RARELY",
        "SOMETIMES",
        "NEVER",
        "ALWAYS",
        "MOSTLY",
        "REGULAR",
        "RATHER_YES",
        "RATHER_NOT",
        "DK",
        "NOT_YET",
        "HARDLY",
        "BASIC",
        "GOOD",
        "EXPERT",
        "LOW",
        "HALF",
    ]
)


def _answer_before_question(clauses: list[Clause], i: int) -> bool:
    """A question sentence counts only through a short answer at its start ("Ja, wieso?")."""
    clause = clauses[i]
    same = [c for c in clauses if c.sentence == clause.sentence]
    if clause is not same[0] or len(same) < 2 or len(clause.words) > 4:
        return False
    if _QUESTION_START.match(clause.text) or _QUESTION_VERB.match(clause.text):
        return False
    return clause.first in _LEAD_CONCEPTS


def _lead(clauses: list[Clause]) -> Optional[int]:
    """Index of the clause holding a leading answer ("nein, ...", "ja, ...", "jein"), if any."""
    for i, clause in enumerate(clauses[:3]):
        if clause.role == "question" and not _answer_before_question(clauses, i):
            continue
        if clause.first is None:
            if i == 0 and not clause.concepts:
                continue
            return None
        concept = clause.first
        if concept in ("YES_P", "NO_P", "DK", "NOT_YET", "PARTLY", "RATHER_NOT", "RATHER_YES") and (
            concept in ("DK", "NO_P", "NOT_YET") or len(clause.words) <= 3
        ):
            return i
        return None
    return None


def _lead_particle(clauses: list[Clause], lead_index: Optional[int]) -> bool:
    """Whether the answer starts with a plain "ja"/"nein" ("ja, teilweise" is a yes)."""
    return lead_index is not None and clauses[lead_index].first in ("YES_P", "NO_P")
