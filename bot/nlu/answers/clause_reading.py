"""One clause's reading: its cleaned concepts, their strength and the deciding answer.

Modal particles are dropped, digitising verbs turn the analogue side digital, shares written
as numbers ("7 von 10") become share concepts, and within the clause the strongest concept
the scale knows decides (a negation cancels the positive concepts it can negate).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.nlu.answers.clause_words import _EDGE_PARTICLES, _MODAL_BEFORE, _SUBJECTS
from bot.nlu.answers.clauses import Clause
from bot.nlu.answers.scales import (
    _MAP,
    _NEGATABLE,
    _RANK,
    _STRONG,
    _YESNO_STATEMENTS,
    DEGREE,
    DONT_KNOW,
    PARTICLE,
    STATEMENT,
    STRONG,
    WEAK,
    _polarity,
)


def _clause_concepts(clause: Clause) -> list[str]:
    """Clean a clause's concepts: modal particles, digitising verbs, shares in percent."""
    out: list[str] = []
    words = clause.words
    edge_positions = {0}
    if words:
        edge_positions.add(len(clause.text) - len(words[-1]))
    short = len(words) <= 3
    for concept, position in zip(clause.concepts, clause.positions, strict=True):
        if concept == "YES_P":
            word = clause.text[position:].split(" ", 1)[0]
            if word == "schon" and position not in edge_positions:
                before = clause.text[:position].split()
                if 1 <= len(before) <= 3 and before[-1] not in _MODAL_BEFORE - _SUBJECTS:
                    out.append(concept)
                continue
            if word in _EDGE_PARTICLES and position not in edge_positions and not short:
                continue
            if word in _EDGE_PARTICLES and position and position in edge_positions:
                before = clause.text[:position].split()
                if before and before[-1] in _MODAL_BEFORE and word != "schon":
                    continue
        out.append(concept)
    if "DIG_VERB" in out:
        swap = {"ALL_ANALOG": "ALL_DIGITAL", "MOSTLY_ANALOG": "MOSTLY_DIGITAL", "ANALOG": "DIGITAL"}
        out = [swap.get(c, c) for c in out]
    if not any(c.startswith("PCT_") for c in out):
        share = _ratio(clause.text)
        if share is not None:
            out.append(share)
    analog = "ANALOG" in out and "DIGITAL" not in out
    if analog and any(c in ("FEW", "ONLY", "HARDLY") for c in out):
        # "nur wenige in Ordnern", "lediglich Altbestände auf Papier": mostly digital
        out = ["MOSTLY_DIGITAL" if c in ("FEW", "ONLY", "HARDLY") else c for c in out]
        out = [c for c in out if c != "ANALOG"]
    shares = []
    for concept in out:
        if concept.startswith("PCT_"):
            kind = concept[4:]
            if analog:
                kind = {"ALL": "NONE", "NONE": "ALL", "MOST": "FEW", "FEW": "MOST"}[kind]
            concept = {
                "ALL": "ALL_DIGITAL", "MOST": "MOSTLY_DIGITAL", "FEW": "RARELY",
                "NONE": "NO_DIGITAL",
            }[kind]  # fmt: skip
        shares.append(concept)
    return shares


_RATIO = re.compile(r"\b(\d+) von (\d+)\b")
_RATIO_OF = re.compile(
    r"\bvon (?:rund |etwa |circa |ungefahr |knapp )?(\d+) (?:\w+ ){1,3}?"
    r"(?:vielleicht |etwa |rund |circa |ungefahr |nur |gerade mal )?(\d+)\b"
)


def _ratio(text: str) -> Optional[str]:
    """A share written as numbers: "7 von 10", "von rund 300 Rechnungen vielleicht 20"."""
    match = _RATIO.search(text)
    part = whole = 0
    if match:
        part, whole = int(match.group(1)), int(match.group(2))
    else:
        match = _RATIO_OF.search(text)
        if match:
            whole, part = int(match.group(1)), int(match.group(2))
    if not match or whole <= 0 or part > whole:
        return None
    share = part / whole
    if share >= 0.95:
        return "PCT_ALL"
    if share >= 0.5:
        return "PCT_MOST"
    return "PCT_FEW" if share > 0 else "PCT_NONE"


def _strength(scale: str, concept: str, clause: Clause) -> int:
    if concept in _STRONG:
        return STRONG
    if concept in ("RATHER_NOT", "RATHER_YES") and len(clause.words) > 4:
        return STATEMENT  # "das ist nicht wirklich professionell, aber ..." qualifies
    if concept in ("YES_P", "NO_P"):
        return PARTICLE
    if concept in ("YES", "NO", "ALL"):
        if concept == "NO" and len(clause.words) <= 4 and clause.words[-1] in ("nicht", "nein"):
            return PARTICLE
        return STATEMENT
    if concept == "ANALOG":
        return WEAK
    if scale in ("yes_no", "yes_partly_no") and concept in _YESNO_STATEMENTS:
        return STATEMENT
    return DEGREE


def _clause_answer(scale: str, concepts: list[str], clause: Clause) -> tuple[Optional[str], int]:
    """The clause's answer and its strength."""
    answer, strength, _ = _clause_reading(scale, concepts, clause)
    return answer, strength


def _clause_reading(
    scale: str, concepts: list[str], clause: Clause
) -> tuple[Optional[str], int, str]:
    """The clause's answer, its strength and the deciding concept."""
    if "DK" in concepts:
        return DONT_KNOW, STRONG, "DK"
    mapping = _MAP[scale]
    if scale == "level" and "NOT_EXPERT" in concepts:
        for concept in ("LOW", "BASIC", "PARTLY", "MIXED"):
            if concept in concepts:
                return mapping[concept], DEGREE, concept
        return "good", DEGREE, "NOT_EXPERT"
    if "NO" in concepts:
        concepts = [
            c for c in concepts
            if not (c in _NEGATABLE and _polarity(scale, mapping.get(c, "")) > 0)
        ]  # fmt: skip
    best: Optional[tuple[int, int, str]] = None
    for concept in set(concepts):
        if concept not in mapping:
            continue
        if concept == "ALL" and scale not in ("yes_no", "yes_partly_no"):
            continue
        if concept == "ANALOG" and "DIGITAL" in concepts:
            continue
        strength = _strength(scale, concept, clause)
        order = _RANK.index(concept) if concept in _RANK else len(_RANK)
        key = (strength, -order, concept)
        if best is None or key > best:
            best = key
    if best is None:
        return None, WEAK, ""
    return mapping[best[2]], best[0], best[2]
