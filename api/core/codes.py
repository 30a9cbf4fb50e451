"""The contract's code lists as the API's types. Nothing is copied: every list and title comes
from the contract package (``data/questionnaire.yml``, ``data/needs.yml``, ``contract.codes``);
the Literal types are built from those tuples when the service starts."""

from __future__ import annotations

from typing import Literal

from api.core.config import settings
from contract.codes import CHANNELS, EVENTS, MIN_GROUP_SIZE, OFFERING_KINDS, OFFERING_STATUSES
from contract.questionnaire import NO_NEED, Needs, Questionnaire, load_needs, load_questionnaire


def get_questionnaire() -> Questionnaire:
    """The validated questionnaire (cached by the contract package)."""
    return load_questionnaire(str(settings.QUESTIONNAIRE_FILE), str(settings.NEEDS_FILE))


QN = get_questionnaire()
NEEDS: Needs = load_needs(str(settings.NEEDS_FILE))
NEED_CODES: tuple[str, ...] = NEEDS.codes
DIMENSIONS: tuple[str, ...] = QN.dimension_ids
SECTORS: tuple[str, ...] = QN.sectors
MUNICIPALITIES: tuple[str, ...] = QN.municipalities
SIZE_CLASSES: tuple[str, ...] = QN.size_class_ids
QUESTION_IDS: tuple[str, ...] = tuple(QN.required_slots)

DimensionId = Literal[DIMENSIONS]  # type: ignore[valid-type]
Sector = Literal[SECTORS]  # type: ignore[valid-type]
Municipality = Literal[MUNICIPALITIES]  # type: ignore[valid-type]
SizeClass = Literal[SIZE_CLASSES]  # type: ignore[valid-type]
Channel = Literal[CHANNELS]  # type: ignore[valid-type]
EventName = Literal[EVENTS]  # type: ignore[valid-type]
QuestionId = Literal[QUESTION_IDS]  # type: ignore[valid-type]
ScoredQuestion = Literal[tuple(QN.question_slots)]  # type: ignore[valid-type]
# The owner's closing wish: a need code of data/needs.yml, or "none".
Wish = Literal[(*NEED_CODES, NO_NEED)]  # type: ignore[valid-type]
OfferingKind = Literal[tuple(OFFERING_KINDS)]  # type: ignore[valid-type]
OfferingStatus = Literal[OFFERING_STATUSES]  # type: ignore[valid-type]

__all__ = [
    "DIMENSIONS",
    "MIN_GROUP_SIZE",
    "MUNICIPALITIES",
    "NEEDS",
    "NEED_CODES",
    "QN",
    "QUESTION_IDS",
    "SECTORS",
    "SIZE_CLASSES",
    "Channel",
    "DimensionId",
    "EventName",
    "Municipality",
    "OfferingKind",
    "OfferingStatus",
    "QuestionId",
    "ScoredQuestion",
    "Sector",
    "SizeClass",
    "Wish",
]
