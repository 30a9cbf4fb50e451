"""The firm's seat read from a message, and whether it is sure enough to store unasked."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.nlu.places.matching import (
    PlaceMatch,
    _cleaned_tokens,
)
from bot.nlu.places.seat import (
    FOREIGN,
    _clause_window,
    best_municipality,
    ranked_municipalities,
)
from bot.nlu.text import (
    clean,
    fold_all,
)


def _alone(text: str, match: PlaceMatch) -> bool:
    """``match`` is a clause of its own, at most after "in"/"aus" ("In Hilden.", "Haan, …")."""
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    first = next((i for i, t in enumerate(tokens) if t.start >= match.start), None)
    last = max((i for i, t in enumerate(tokens) if t.end <= match.end), default=None)
    if first is None or last is None:
        return False
    before, after = _clause_window(tokens, text, first, last)
    return not after and before in ([], ["in"], ["aus"], ["im"])


class PlaceReading(NamedTuple):
    """The firm's seat read from a message, and whether it can be stored without asking."""

    value: str
    sure: bool
    match: PlaceMatch


_FIRM_WORDS = re.compile(
    r"\b(firma|betrieb|geschäft|laden|unternehmen|praxis|werkstatt|kanzlei|agentur)\b", re.I
)
LOW = -2  # a seat score at or below this (near, travel, the past) is only a guess
MARGIN = 2  # another town this close to the best one makes the reading unsure


def read_municipality(
    text: str, asked: bool, firm: bool = False, listed: bool = False
) -> PlaceReading | None:
    """The town ``text`` states as the firm's seat, or None (issue 8: be sure or ask).

    ``asked``: the town question is open, so the best place counts (also "woanders"); otherwise
    only a stated seat ("wir sitzen in …", "Sitz: …") or, with ``firm`` (the message names the
    firm), the town of that firm ("Kneipe in Benrath"), or, with ``listed`` (another profile
    question is open), a town that is an item of its own ("5 Leute, Haan"). Not sure: a typo
    match, or another town whose seat score comes close ("jahrelang in Düsseldorf gearbeitet,
    die Firma in Monheim gegründet").
    """
    ranked = ranked_municipalities(text)
    if not asked:
        # a postal code alone answers the town question, it does not state the seat in passing
        ranked = [(s, m) for s, m in ranked if not clean(text)[m.start : m.end].isdigit()]
        if not ranked:
            return None
        score, best = ranked[0]
        terse = listed and _alone(text, best)  # "5 Leute, Haan" while the profile is asked
        if not (score >= 2 or ((firm or terse) and score >= -1)):
            own = firm or bool(_FIRM_WORDS.search(clean(text)))
            if listed and own and len({m.value for _, m in ranked}) == 1 and score > FOREIGN:
                # the only town of a story about the firm ("… 2012 meine eigene Firma in
                # Erkrath gegründet"): likely the seat, asked first
                return PlaceReading(best.value, False, best)
            return None
    elif ranked:
        # the town question answered in a clause of its own ("Mettmann. Wir sind …") leads
        ranked = sorted(
            ((s + (3 if _alone(text, m) else 0), m) for s, m in ranked),
            key=lambda item: item[0],
            reverse=True,
        )
        score, best = ranked[0]
    else:
        match = best_municipality(text)
        if match is None:
            return None
        return PlaceReading(
            match.value, not match.fuzzy or len(_cleaned_tokens(text)[1]) <= 3, match
        )
    rivals = [s for s, m in ranked if m.value != best.value]
    # a typo is sure only as the whole answer to the town question ("Ratigen", "Wülfrat")
    typo_ok = asked and len(_cleaned_tokens(text)[1]) <= 3
    sure = (
        (typo_ok or not best.fuzzy)
        and not (rivals and max(rivals) > score - MARGIN)
        and score > LOW  # "in der Nähe von Hilden", "wir liefern bis nach Velbert"
        and not _between(text, best)  # "zwischen Ratingen und Essen": which one?
    )
    return PlaceReading(best.value, sure, best)


def _between(text: str, match: PlaceMatch) -> bool:
    """The town is one end of "zwischen A und B" (or "between A and B")."""
    before = " ".join(fold_all(clean(text)[: match.start].split()[-3:]))
    return bool(re.search(r"\b(zwischen|between)( \w+)?$|\b(zwischen|between) \w+ (und|and)$",
                          before))  # fmt: skip


def parse_municipality(text: str) -> str | None:
    """Map free text to a municipality id (``MUNICIPALITIES``) or None."""
    match = best_municipality(text)
    return match.value if match else None
