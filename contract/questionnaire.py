"""The questionnaire and the need codes: models, loading and validation.

``data/questionnaire.yml`` and ``data/needs.yml`` are the single source of truth of the
interview. This module (with the modules below) is the only place that reads them; every layer
(``bot``, ``actions``, ``api``) asks :func:`load_questionnaire` and :func:`load_needs`.

Plain dataclasses on purpose: the package imports in the Rasa environment (pydantic 1.10) and in
the API environment (pydantic 2) alike.

The parts live in their own modules and are re-exported here, so ``contract.questionnaire``
stays the one import path:

- :mod:`contract.questionnaire_model`: the dataclasses (``Questionnaire``, ``Question``, ...);
- :mod:`contract.questionnaire_validation`: building and checking it (:func:`parse_questionnaire`);
- :mod:`contract.needs`: the need codes (``Need``, ``Needs``, :func:`load_needs`, ``NO_NEED``);
- :mod:`contract.datafiles`: :class:`ContractError` and the YAML reading shared with them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from contract.datafiles import ContractError, _read_yaml
from contract.needs import NO_NEED, Need, Needs, load_needs, parse_needs
from contract.paths import questionnaire_file
from contract.questionnaire_model import (
    DONT_KNOW,
    Answer,
    Dimension,
    Level,
    Option,
    ProfileQuestion,
    Question,
    Questionnaire,
    SizeClass,
)
from contract.questionnaire_validation import check_questionnaire, parse_questionnaire

__all__ = [
    "DONT_KNOW",
    "NO_NEED",
    "Answer",
    "ContractError",
    "Dimension",
    "Level",
    "Need",
    "Needs",
    "Option",
    "ProfileQuestion",
    "Question",
    "Questionnaire",
    "SizeClass",
    "check_questionnaire",
    "load_needs",
    "load_questionnaire",
    "parse_needs",
    "parse_questionnaire",
]


@functools.lru_cache(maxsize=8)
def load_questionnaire(
    path: Optional[str] = None, needs_path: Optional[str] = None
) -> Questionnaire:
    """The validated questionnaire (cached; paths default to the environment's settings)."""
    raw = _read_yaml(Path(path) if path else questionnaire_file())
    return parse_questionnaire(raw, load_needs(needs_path))
