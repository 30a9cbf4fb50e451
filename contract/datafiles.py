"""Shared pieces for reading and checking the contract's YAML data files.

:class:`ContractError` is the error every data file of the contract raises (the catalogue's
``CatalogueError`` derives from it). The helpers are used by :mod:`contract.needs`,
:mod:`contract.questionnaire_validation` and :mod:`contract.questionnaire`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping, Tuple

import yaml

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


class ContractError(ValueError):
    """A data file of the contract is missing or invalid."""


def _require(item: Mapping[str, Any], keys: Tuple[str, ...], where: str) -> None:
    if not isinstance(item, Mapping):
        raise ContractError(f"{where}: expected a mapping")
    missing = [key for key in keys if item.get(key) in (None, "")]
    if missing:
        raise ContractError(f"{where}: missing {', '.join(missing)}")


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as error:
        raise ContractError(f"cannot read {path}: {error}") from error
    except yaml.YAMLError as error:
        raise ContractError(f"{path}: invalid YAML: {error}") from error
