"""Digitalcheck's contract package: the one place that knows what the data means.

Pure Python (dataclasses and PyYAML), below all three layers: ``bot``, ``actions`` and ``api``
import it; it imports none of them. It owns the questionnaire and needs models and their
validation, every code list with its German titles, funnel event names, channel codes and the
scoring formula.
"""

from contract.codes import (
    CHANNELS,
    EVENTS,
    MIN_GROUP_SIZE,
    OFFER_LIMIT,
    QUESTION_EVENTS,
    Channel,
    Event,
)
from contract.questionnaire import (
    DONT_KNOW,
    NO_NEED,
    ContractError,
    Needs,
    Question,
    Questionnaire,
    load_needs,
    load_questionnaire,
)
from contract.scoring import compute_maturity, maturity_of, needs_of, round_half_up

__all__ = [
    "CHANNELS",
    "DONT_KNOW",
    "EVENTS",
    "MIN_GROUP_SIZE",
    "NO_NEED",
    "OFFER_LIMIT",
    "QUESTION_EVENTS",
    "Channel",
    "ContractError",
    "Event",
    "Needs",
    "Question",
    "Questionnaire",
    "compute_maturity",
    "load_needs",
    "load_questionnaire",
    "maturity_of",
    "needs_of",
    "round_half_up",
]
