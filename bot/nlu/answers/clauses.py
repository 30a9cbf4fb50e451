"""Clauses: splitting the normalised message and giving each clause its role.

The message is split at punctuation and at conjunctions; each clause gets a role from its
first word and markers (main, contrast, concessive, condition, reason, relative, embedded,
reported, verdict, question). After concepts are assigned, a clause holding only a
quantifier borrows its neighbour's object and an empty verdict clause passes the verdict on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from bot.nlu.answers.clause_patterns import (
    _CONDITION_DEGREE,
    _COUNTERFACTUAL,
    _QUESTION_START,
    _QUESTION_VERB,
    _REPORTING,
    _REST,
    _VERDICT_IN,
)
from bot.nlu.answers.clause_words import (
    _ARTICLE_RELATIVE,
    _CONCESSIVE,
    _CONDITION,
    _CONTRAST,
    _DETERMINERS,
    _EMBEDDED,
    _KNOWING,
    _LEAD_WORDS,
    _MID_CONTRAST,
    _NO_MID_SPLIT,
    _PARTICLE_WORDS,
    _REASON,
    _RELATIVE,
    _SPLIT_WORDS,
    _SUBJECTS,
    _SUBORDINATE,
    _VERDICT,
)
from bot.nlu.answers.concepts import _NOT_ANSWERS


@dataclass
class Clause:
    start: int
    end: int
    text: str
    intro: str
    sentence: int
    question: bool = False
    role: str = "main"
    concepts: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    first: Optional[str] = None  # the concept at the very start of the clause, if any
    words: list[str] = field(default_factory=list)
    plan: bool = False
    past: bool = False


_PUNCT = frozenset(",:-.?!;")


def _mark_question(clauses: list[Clause], sentence: int) -> None:
    """A sentence ending in "?": a real question ("Was ist eine Cloud?", "Haben wir das?") is
    a question throughout; a statement with a question tacked on ("Klar, jeden Abend,
    warum?", "Läuft übers Tablet, ist das digital?") asks only in its last clause."""
    same = [c for c in clauses if c.sentence == sentence]
    if not same:
        return
    head = same[0].text
    whole = len(same) == 1 or _QUESTION_START.match(head) or _QUESTION_VERB.match(head)
    for clause in same if whole else same[-1:]:
        clause.question = True


def _clauses(norm: str) -> list[Clause]:
    """Split the normalised text into clauses with their introducing word and sentence."""
    tokens = norm.split(" ") if norm else []
    offsets = []
    pos = 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token) + 1
    clauses: list[Clause] = []
    state = {"start": 0, "intro": "", "sentence": 0}

    def close(end_pos: int, next_start: int, next_intro: str) -> None:
        text = norm[state["start"] : end_pos].strip(" ,:-.?!;")
        if text:
            start = state["start"] + norm[state["start"] : end_pos].find(text)
            clauses.append(Clause(start, end_pos, text, state["intro"], state["sentence"]))
        state["start"] = next_start
        state["intro"] = next_intro

    for i, token in enumerate(tokens):
        if token in (".", "!", "?", ";"):
            close(offsets[i], offsets[i] + len(token), "")
            if token == "?":
                _mark_question(clauses, state["sentence"])
            state["sentence"] += 1
            continue
        if token in (",", ":", "-"):
            close(offsets[i], offsets[i] + len(token), "")
            continue
        previous = tokens[i - 1] if i else ""
        at_start = not norm[state["start"] : offsets[i]].strip(" ,:-.?!;")
        if (
            i == 1
            and previous in _LEAD_WORDS
            and token not in _PUNCT
            and token not in _LEAD_WORDS
            and token not in ("nicht", "so", "eher", "und", "aber", "schon", "auch", "das")
        ):
            close(offsets[i], offsets[i], "")  # "nein wir ...": the particle is a clause
        if token in ("wie", "was", "wann", "wo", "ob") and previous in _KNOWING:
            close(offsets[i], offsets[i], "ob")  # "schwer zu sagen, wie das läuft": embedded
            continue
        if token not in _SPLIT_WORDS:
            continue
        if at_start:
            state["intro"] = token
            continue
        if norm[state["start"] : offsets[i]].strip(" ,:-.?!;") in _CONTRAST:
            continue  # "aber ob ...", "aber wenn ...": one clause
        if token == "bis" and (i + 1 >= len(tokens) or tokens[i + 1] != "auf"):
            continue
        if token == "und" and previous in ("ab", "hin", "mal", "halb", "teils", "ach", "an"):
            continue
        if token == "nur" and previous in ("ich", "wir", "noch", "aber", "und", "sondern", "mir"):
            continue
        if token in ("also", "sodass", "insgesamt") and previous not in _PUNCT:
            continue
        if token in _NO_MID_SPLIT:
            continue
        if token in ("aber", "doch") and previous not in _PARTICLE_WORDS:
            continue
        close(offsets[i], offsets[i], token)
    close(len(norm), len(norm), "")
    for clause in clauses:
        clause.words = clause.text.split()
        if not clause.intro and clause.words and clause.words[0] in _SPLIT_WORDS:
            clause.intro = clause.words[0]
        if (
            not clause.intro
            and len(clause.words) > 2
            and clause.words[0] == "da"
            and clause.words[1] in _DETERMINERS
            and clause is not clauses[0]
        ):
            clause.intro = "weil"
    return clauses


def _role(clause: Clause, index: int, count: int, previous: Optional[Clause] = None) -> str:
    """The clause's structural role; plan and past are flags set separately."""
    words = clause.words
    head = words[0] if words else ""
    intro = clause.intro or head
    text = clause.text
    if clause.question:
        return "question"
    if intro in _EMBEDDED or (head in _CONTRAST and len(words) > 1 and words[1] in _EMBEDDED):
        return "embedded"
    if intro in _REASON:
        return "reason"
    if head == "dass" and previous is not None and _REPORTING.search(previous.text):
        return "reported"
    if head == "dass" and previous is not None and previous.role in _SUBORDINATE:
        return previous.role
    if _COUNTERFACTUAL.search(text):
        return "reported"
    if index > 0 and (
        head in _RELATIVE
        or (head in _ARTICLE_RELATIVE and len(words) > 2 and words[1] in _SUBJECTS)
    ):
        return "contrast" if any(w in _MID_CONTRAST for w in words) else "relative"
    if _VERDICT_IN.search(text) or (intro in _VERDICT and (index >= count - 2 or len(words) <= 4)):
        return "verdict"
    if intro == "bis" and words[1:2] != ["auf"]:
        return "main"
    if intro in _CONTRAST or (head == "nur" and index > 0) or (index > 0 and _REST.match(text)):
        return "contrast"
    if index > 0 and any(w in _MID_CONTRAST for w in words):
        return "contrast"
    if intro in _CONCESSIVE or (intro in ("auch", "selbst") and "wenn" in words[:2]):
        return "concessive"
    if "zwar" in words:
        return "concessive"
    if intro in _CONDITION or (
        head in ("und", "oder", "aber") and words[1:2] and words[1] in _CONDITION
    ):
        return "condition" if not _CONDITION_DEGREE.match(text) else "main"
    return "main"


def _neighbour_merge(clauses: list[Clause]) -> None:
    """A clause with only a quantifier ("Papier, ausschließlich") borrows its neighbour's object."""
    for i, clause in enumerate(clauses):
        if i == 0:
            continue
        previous = clauses[i - 1]
        has_q = any(c in ("ALWAYS", "ALL", "MOSTLY", "MOST") for c in clause.concepts)
        has_obj = any(c in ("ANALOG", "DIGITAL") for c in clause.concepts)
        if has_q and not has_obj and previous.concepts == ["ANALOG"]:
            clause.concepts = ["ALL_ANALOG" if c in ("ALWAYS", "ALL") else "MOSTLY_ANALOG"
                               for c in clause.concepts]  # fmt: skip
            previous.concepts = []


def _propagate_verdicts(clauses: list[Clause]) -> None:
    """An empty "würde ich sagen" clause makes its neighbour the verdict."""
    for i, clause in enumerate(clauses):
        if clause.role != "verdict" or any(c not in _NOT_ANSWERS for c in clause.concepts):
            continue
        if i == len(clauses) - 1 and i > 0:
            target = clauses[i - 1]
        elif i + 1 < len(clauses):
            target = clauses[i + 1]
        else:
            continue
        if target.role in ("main", "contrast"):
            target.role = "verdict"
