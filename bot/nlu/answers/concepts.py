"""Concepts: the ordered pattern list, compiled, and the scan that consumes each match.

The pattern modules are concatenated in their fixed order (the order decides which phrase
is consumed first: "nicht immer" is not also "immer"). When no answer concept is found, a
fuzzy lookup of a few common words catches typos.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.answer_norm import folded
from bot.nlu.answers.patterns_degree import _DEGREE_PATTERNS
from bot.nlu.answers.patterns_dont_know import _DONT_KNOW_PATTERNS
from bot.nlu.answers.patterns_generic import _GENERIC_PATTERNS
from bot.nlu.answers.patterns_level import _LEVEL_PATTERNS
from bot.nlu.answers.patterns_meta import _META_PATTERNS
from bot.nlu.answers.patterns_shares import _SHARE_PATTERNS
from bot.nlu.text import fuzzy_lookup

_PATTERNS_RAW: list[tuple[str, str]] = [
    *_META_PATTERNS,
    *_DONT_KNOW_PATTERNS,
    *_LEVEL_PATTERNS,
    *_DEGREE_PATTERNS,
    *_SHARE_PATTERNS,
    *_GENERIC_PATTERNS,
]


def _spaced_commas(pattern: str) -> str:
    """Commas are tokens of their own in the normalised text: "a,? b" must match "a , b"."""
    return (
        pattern.replace(" ?,? ", " (?:, )?").replace(" ,? ", " (?:, )?").replace(",? ", "(?: ,)? ")
    )


_COMPILED = [
    (c, re.compile(rf"(?<![\w])(?:{_spaced_commas(folded(p))})(?![\w])")) for c, p in _PATTERNS_RAW
]

_FUZZY = {
    "teilweise": "PARTLY", "regelmassig": "REGULAR", "manchmal": "SOMETIMES",
    "gelegentlich": "RARELY", "haufig": "REGULAR", "meistens": "MOSTLY", "niemals": "NEVER",
    "grundkenntnisse": "BASIC", "grundlegend": "BASIC", "durchgehend": "ALWAYS",
    "automatisch": "ALL_DIGITAL", "experten": "EXPERT", "anfanger": "LOW",
    "taglich": "SCHED_ALWAYS", "wochentlich": "SCHED_REGULAR", "monatlich": "SCHED_REGULAR",
    "naturlich": "YES_P", "selbstverstandlich": "YES_P", "uberwiegend": "MOSTLY",
    "mittelmassig": "BASIC", "ausreichend": "BASIC", "hervorragend": "EXPERT",
    "ungenugend": "LOW", "durchschnittlich": "BASIC", "vollstandig": "ALWAYS",
    "ausnahmslos": "ALWAYS", "sporadisch": "RARELY", "unregelmassig": "RARELY",
    "gelegendlich": "RARELY",
}  # fmt: skip
_FUZZY_BY_LETTER: dict[str, dict[str, str]] = {}
for _word, _concept in _FUZZY.items():
    _FUZZY_BY_LETTER.setdefault(_word[0], {})[_word] = _concept

_NOT_ANSWERS = frozenset(["DIGITAL", "ANALOG", "CONFUSED", "DIG_VERB"])


@lru_cache(maxsize=4096)
def _concepts(norm: str) -> tuple[tuple[str, int, int], ...]:
    """``(concept, start, end)`` hits in consumption order."""
    hits: list[tuple[str, int, int]] = []
    work = norm
    for concept, regex in _COMPILED:
        found = False
        for match in regex.finditer(work):
            if match.end() > match.start():
                hits.append((concept, match.start(), match.end()))
                found = True
        if found:
            work = regex.sub(lambda m: "_" * len(m.group(0)), work)
    if not any(c not in _NOT_ANSWERS for c, _, _ in hits):
        for word in norm.split():
            if len(word) < 6 or not word[0].isalpha():
                continue
            choices = _FUZZY_BY_LETTER.get(word[0])
            concept = fuzzy_lookup(word, choices, long_edits=2) if choices else None
            if concept:
                start = norm.find(word)
                hits.append((concept, start, start + len(word)))
    return tuple(hits)
