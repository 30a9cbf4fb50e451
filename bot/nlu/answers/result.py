"""The result types: :class:`RuleReading` (what the rules found) and one clause's reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.nlu.answers.clauses import Clause


@dataclass(frozen=True)
class RuleReading:
    """What the rules found.

    ``answer`` is their decision (None when nothing was found or the message was blocked);
    ``second`` the runner-up reading; ``confidence`` how sure the rules are (1.0 for a button
    payload, about 0.9 for one unopposed signal, 0.5-0.75 for merged or qualified signals,
    lower for weak hints); ``conflict`` whether clause readings disagreed; ``blocked`` whether
    the message asks back or is meta talk; ``no_signal`` whether no answer concept was found.
    ``concepts`` lists ``role:CONCEPT`` hits (features for the learned model); ``how`` names
    the decision path.
    """

    answer: Optional[str]
    second: Optional[str] = None
    conflict: bool = False
    blocked: bool = False
    no_signal: bool = True
    confidence: float = 0.0
    concepts: tuple[str, ...] = ()
    how: str = ""


@dataclass
class _Read:
    clause: Clause
    answer: str
    strength: int
    index: int
    concept: str = ""
