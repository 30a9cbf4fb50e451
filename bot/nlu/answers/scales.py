"""The four answer scales, what each concept means on each of them, and answer arithmetic.

A concept (``NOT_ALWAYS``, ``DK``, ``LOW`` ...) is scale-independent; ``_MAP`` maps it to an
answer id per scale. ``_RANK`` orders concepts within a clause, the strength constants say how
strongly a concept answers, and :func:`_polarity` / :func:`_merge` compare and merge answers
of different parts of a message.
"""

from __future__ import annotations

from typing import Optional

SCALES: dict[str, list[str]] = {
    "yes_no": ["yes", "no"],
    "yes_partly_no": ["yes", "partly", "no"],
    "frequency": ["never", "rarely", "regularly", "always"],
    "level": ["low", "basic", "good", "expert"],
}
DONT_KNOW = "dont_know"

_Y, _N, _P = "yes", "no", "partly"
_MAP: dict[str, dict[str, str]] = {
    "yes_no": dict(
        YES=_Y, YES_P=_Y, YES_STRONG=_Y, MAINLY_YES=_Y, NO=_N, NO_P=_N, NEVER=_N, NULL=_N,
        RATHER_NOT=_N, RATHER_YES=_Y, PARTLY=_Y, SOMETIMES=_Y, RARELY=_Y, HARDLY=_N, MOSTLY=_Y,
        MOST=_Y, REGULAR=_Y, NOT_ALWAYS=_Y, ALWAYS=_Y, ALL=_Y, NOT_ALL=_N, FEW=_Y, ONLY=_Y,
        HALF=_Y, LACK=_N, SCHED_ALWAYS=_Y, SCHED_REGULAR=_Y, SCHED_RARE=_Y, ALL_ANALOG=_N,
        NO_DIGITAL=_N, ALL_DIGITAL=_Y, NO_ANALOG=_Y, ANALOG=_N, RHETORIC_NO=_N, NOT_YET=_N,
        MIXED=_Y, IN_PROGRESS=_N, OUTDATED=_N, MOSTLY_DIGITAL=_Y, MOSTLY_ANALOG=_N,
        KEIN_THEMA=_N, NO_PROBLEMS=_Y, WORKS=_Y, PRODUCT=_Y, LOCAL=_N, NOT_GREAT=_N,
    ),
    "yes_partly_no": dict(
        YES=_Y, YES_P=_Y, YES_STRONG=_Y, MAINLY_YES=_Y, NO=_N, NO_P=_N, NEVER=_N, NULL=_N,
        RATHER_NOT=_N, RATHER_YES=_P, PARTLY=_P, SOMETIMES=_P, RARELY=_P, HARDLY=_P, MOSTLY=_P,
        MOST=_P, REGULAR=_Y, NOT_ALWAYS=_P, ALWAYS=_Y, ALL=_Y, NOT_ALL=_P, FEW=_P, ONLY=_P,
        HALF=_P, BASIC=_P, LACK=_N, SCHED_ALWAYS=_Y, SCHED_REGULAR=_Y, SCHED_RARE=_P,
        ALL_ANALOG=_N, NO_DIGITAL=_N, ALL_DIGITAL=_Y, NO_ANALOG=_Y, MOSTLY_ANALOG=_N,
        MOSTLY_DIGITAL=_P, ANALOG=_N, RHETORIC_NO=_N, NOT_YET=_N, OUTDATED=_P, IN_PROGRESS=_P,
        MIXED=_P, KEIN_THEMA=_N, NO_PROBLEMS=_Y, WORKS=_Y, PRODUCT=_Y, LOCAL=_N, NOT_GREAT=_N,
    ),
    "frequency": dict(
        NO="never", NO_P="never", NEVER="never", NULL="never", NOT_YET="never",
        RATHER_NOT="rarely", RATHER_YES="regularly", MAINLY_YES="regularly", PARTLY="rarely",
        SOMETIMES="rarely", RARELY="rarely", HARDLY="rarely", FEW="rarely", ONLY="rarely",
        MOSTLY="regularly", MOST="regularly", REGULAR="regularly", NOT_ALWAYS="regularly",
        HALF="regularly", ALWAYS="always", SCHED_ALWAYS="always", SCHED_REGULAR="regularly",
        SCHED_RARE="rarely", ALL_ANALOG="never", NO_DIGITAL="never", ALL_DIGITAL="always",
        NO_ANALOG="always", MOSTLY_ANALOG="rarely", MOSTLY_DIGITAL="regularly", ANALOG="never",
        RHETORIC_NO="never", IN_PROGRESS="regularly", MIXED="regularly", YES_STRONG="always",
        KEIN_THEMA="never",
    ),
    "level": dict(
        LOW="low", LACK="low", HARDLY="low", RATHER_NOT="low", NULL="low", BASIC="basic",
        PARTLY="basic", FEW="basic", MIXED="basic", GOOD="good", EXPERT="expert",
        NOT_EXPERT="good", NOT_LOW="basic", ANALOG="low", RHETORIC_NO="low", ONLY="low",
        NO_DIGITAL="low", NO_PROBLEMS="good", WORKS="good", NOT_GREAT="low",
    ),
}  # fmt: skip

# Within one clause the first concept of this order that the scale knows decides.
_RANK = (
    "MIXED", "NOT_ALWAYS", "RATHER_NOT", "RATHER_YES", "MAINLY_YES", "NOT_ALL", "HALF",
    "PARTLY", "FEW", "ONLY", "SOMETIMES", "HARDLY", "RARELY", "SCHED_RARE", "NEVER", "NOT_YET",
    "NO_DIGITAL", "ALL_ANALOG", "MOSTLY_ANALOG", "MOSTLY_DIGITAL", "NO_ANALOG", "ALL_DIGITAL",
    "SCHED_ALWAYS", "ALWAYS", "MOSTLY", "MOST", "SCHED_REGULAR", "REGULAR", "IN_PROGRESS",
    "OUTDATED", "NULL", "LACK", "YES_STRONG", "RHETORIC_NO", "EXPERT", "NOT_EXPERT", "GOOD",
    "NOT_LOW", "BASIC", "NOT_GREAT", "LOW", "LOCAL", "KEIN_THEMA", "NO_PROBLEMS", "WORKS",
    "PRODUCT", "ALL",
)  # fmt: skip
# How strongly a concept answers, per scale family (higher wins when clauses disagree).
STRONG, DEGREE, PARTICLE, STATEMENT, WEAK = 4, 3, 2, 1, 0
_NEGATABLE = frozenset(["YES", "WORKS", "ALL", "ALWAYS", "REGULAR", "GOOD", "EXPERT", "PRODUCT"])
_STRONG = frozenset(
    [
        "DK",
        "NOT_YET",
        "NEVER",
        "NULL",
        "NO_DIGITAL",
        "ALL_ANALOG",
        "RHETORIC_NO",
        "LACK",
        "YES_STRONG",
    ]
)
_YESNO_STATEMENTS = frozenset(
    [
        "ALWAYS",
        "ALL",
        "REGULAR",
        "SCHED_ALWAYS",
        "SCHED_REGULAR",
        "ALL_DIGITAL",
        "NO_ANALOG",
        "GOOD",
        "EXPERT",
        "LOW",
        "KEIN_THEMA",
        "NO_PROBLEMS",
        "WORKS",
        "PRODUCT",
        "LOCAL",
    ]
)
_POSITIVE = {
    "yes_no": {"yes": 1},
    "yes_partly_no": {"yes": 1, "partly": 0},
    "frequency": {"always": 1, "regularly": 1, "rarely": 0},
    "level": {"expert": 1, "good": 1, "basic": 0},
}
_ORDINAL = {
    "frequency": {"never": 0, "rarely": 1, "regularly": 2, "always": 3},
    "level": {"low": 0, "basic": 1, "good": 2, "expert": 3},
    "yes_partly_no": {"no": 0, "partly": 1, "yes": 2},
    "yes_no": {"no": 0, "yes": 1},
}


def _polarity(scale: str, answer: str) -> int:
    """1 positive, 0 middle, -1 negative, -2 don't know."""
    if answer == DONT_KNOW:
        return -2
    if answer in _POSITIVE[scale]:
        return _POSITIVE[scale][answer]
    return -1


def _merge(scale: str, answers: list[str]) -> tuple[str, Optional[str]]:
    """Merge differing readings of different parts of the message: (answer, runner-up)."""
    distinct = list(dict.fromkeys(answers))
    if len(distinct) == 1:
        return distinct[0], None
    if DONT_KNOW in distinct:
        others = [a for a in distinct if a != DONT_KNOW]
        if scale == "yes_partly_no":
            return "partly", DONT_KNOW
        if scale == "yes_no" and "yes" in others:
            return "yes", DONT_KNOW
        return others[0], DONT_KNOW
    if scale == "yes_partly_no":
        return "partly", distinct[0] if distinct[0] != "partly" else distinct[1]
    if scale == "yes_no":
        return distinct[0], distinct[1]
    order = _ORDINAL[scale]
    inverse = {v: k for k, v in order.items()}
    values = [order[a] for a in distinct]
    if scale == "level":
        low, high = min(values), max(values)
        if high - low >= 2:
            merged = inverse[max(1, min(2, (low + high) // 2))]
        else:
            merged = inverse[low] if low >= 1 else inverse[high]
        second = distinct[0] if distinct[0] != merged else distinct[1]
        return merged, second
    # frequency: the first (main) reading decides, the other is the runner-up
    return distinct[0], distinct[1]
