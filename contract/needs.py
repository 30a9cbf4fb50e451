"""The need codes (``data/needs.yml``): model, parsing and loading.

A need is a topic an owner may want help with, or the need of a questionnaire dimension. Every
layer asks :func:`load_needs`; :mod:`contract.questionnaire` re-exports everything here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

from contract.datafiles import _CODE, ContractError, _read_yaml, _require
from contract.paths import needs_file

NO_NEED = "none"


@dataclass(frozen=True)
class Need:
    code: str
    title: str
    dimension: Optional[str] = None


@dataclass(frozen=True)
class Needs:
    needs: Tuple[Need, ...]

    @property
    def codes(self) -> Tuple[str, ...]:
        return tuple(n.code for n in self.needs)

    @property
    def titles(self) -> Dict[str, str]:
        return {n.code: n.title for n in self.needs}

    @property
    def topics(self) -> Tuple[Need, ...]:
        """Needs an owner can name (those that are not a dimension)."""
        return tuple(n for n in self.needs if not n.dimension)

    def for_dimension(self, dimension_id: str) -> Optional[Need]:
        return next((n for n in self.needs if n.dimension == dimension_id), None)


def parse_needs(raw: Any) -> Needs:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("needs"), list):
        raise ContractError("needs: expected a list under 'needs'")
    needs = []
    for index, item in enumerate(raw["needs"]):
        _require(item, ("code", "title"), f"needs[{index}]")
        code = str(item["code"])
        if not _CODE.match(code) or len(code) > 64:
            raise ContractError(f"needs[{index}]: invalid code {code!r}")
        if len(str(item["title"])) > 30:
            raise ContractError(f"needs[{index}]: title longer than 30 characters (a button)")
        needs.append(Need(code, str(item["title"]), item.get("dimension")))
    result = Needs(tuple(needs))
    if len(set(result.codes)) != len(result.codes):
        raise ContractError("needs: duplicate codes")
    if NO_NEED in result.codes:
        raise ContractError(f"needs: {NO_NEED!r} is reserved for 'no particular topic'")
    return result


@functools.lru_cache(maxsize=8)
def load_needs(path: Optional[str] = None) -> Needs:
    return parse_needs(_read_yaml(Path(path) if path else needs_file()))
