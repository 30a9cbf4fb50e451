"""The offering catalogue (``data/offerings.yml``): model, loading and validation.

Staff edit the catalogue without code changes. This module is the one place that reads and checks
it; the API serves and ranks it, and the action server may read offering details from here too.
Plain dataclasses (no pydantic): it imports in the Rasa environment (Python 3.10, pydantic 1.10)
and in the API environment alike.

Loading lives here; the parts live in their own modules and are re-exported here, so
``contract.catalogue`` stays the one import path:

- :mod:`contract.catalogue_model`: the dataclasses (``Offering``, ``Eligibility``, ``Catalogue``),
  ``CatalogueError`` and the audiences;
- :mod:`contract.catalogue_validation`: the field rules and :func:`parse_offerings`.

Check an edited file without starting anything::

    python -m contract.catalogue [offerings.yml] [needs.yml]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, List, Optional

import yaml

from contract.catalogue_model import (
    AUDIENCES,
    BETRIEBE,
    PERSONEN,
    Catalogue,
    CatalogueError,
    Eligibility,
    Offering,
)
from contract.catalogue_validation import (
    ELIGIBILITY_FIELDS,
    FIELDS,
    HOW_TO_APPLY_LENGTH,
    TEXT_LENGTHS,
    parse_offerings,
    region_codes,
)
from contract.datafiles import ContractError
from contract.needs import parse_needs
from contract.paths import needs_file, offerings_file, questionnaire_file
from contract.questionnaire_validation import parse_questionnaire

__all__ = [
    "AUDIENCES",
    "BETRIEBE",
    "ELIGIBILITY_FIELDS",
    "FIELDS",
    "HOW_TO_APPLY_LENGTH",
    "PERSONEN",
    "TEXT_LENGTHS",
    "Catalogue",
    "CatalogueError",
    "Eligibility",
    "Offering",
    "load_catalogue",
    "main",
    "parse_offerings",
    "region_codes",
]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogueError(f"cannot read {path}: {error}") from error
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path} is not valid YAML: {error}") from error


def load_catalogue(
    offerings_path: Optional[Path] = None,
    needs_path: Optional[Path] = None,
    questionnaire_path: Optional[Path] = None,
) -> Catalogue:
    """The validated catalogue (paths default to the environment's settings).

    Reads the files afresh on every call (no cache), so a checker always sees the edited file.
    """
    offerings_path = Path(offerings_path or offerings_file())
    needs_path = Path(needs_path or needs_file())
    needs = parse_needs(_read_yaml(needs_path))
    questionnaire = parse_questionnaire(
        _read_yaml(Path(questionnaire_path or questionnaire_file())), needs
    )
    try:
        offerings = parse_offerings(_read_yaml(offerings_path), questionnaire, needs)
    except CatalogueError as error:
        if str(error).startswith(("cannot read", str(offerings_path))):
            raise
        raise CatalogueError(f"{offerings_path} is invalid:\n{error}") from error
    return Catalogue(offerings, needs)


def main(argv: List[str]) -> int:
    offerings = Path(argv[0]) if argv else None
    needs = Path(argv[1]) if len(argv) > 1 else None
    try:
        catalogue = load_catalogue(offerings, needs)
    except ContractError as error:
        print(error, file=sys.stderr)
        return 1
    open_count = sum(o.recommendable for o in catalogue.offerings)
    print(
        f"OK: {len(catalogue.offerings)} offerings ({open_count} open), "
        f"{len(catalogue.needs.needs)} need codes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
