"""Offering catalogue and need codes: loading and validation of data/offerings.yml and needs.yml.

Both files are validated with pydantic when the service starts; a bad file stops the start with a
readable error. Validate an edited file without starting the service:

    .venv-api/bin/python -m api.services.catalogue [offerings.yml] [needs.yml]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from api.core.config import settings
from api.core.vocab import (
    DIMENSIONS,
    DimensionId,
    Municipality,
    OfferingKind,
    OfferingStatus,
    Sector,
)

Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class CatalogueError(RuntimeError):
    """A catalogue or needs file is missing or invalid."""


def _unique(values: list, what: str) -> list:
    if len(set(values)) != len(values):
        raise ValueError(f"duplicate {what}")
    return values


class Eligibility(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_employees: int | None = Field(default=None, ge=1)
    sectors: list[Sector] | None = Field(default=None, min_length=1)
    municipalities: list[Municipality] | None = Field(default=None, min_length=1)

    def allows(self, employees: int, sector: str, municipality: str) -> bool:
        if self.max_employees is not None and employees > self.max_employees:
            return False
        if self.sectors is not None and sector not in self.sectors:
            return False
        return self.municipalities is None or municipality in self.municipalities


class Offering(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Code
    title: str = Field(min_length=3, max_length=120)
    provider: str = Field(min_length=2, max_length=200)
    kind: OfferingKind
    dimensions: list[DimensionId] = Field(min_length=1)
    eligibility: Eligibility = Field(default_factory=Eligibility)
    cost: str = Field(min_length=2, max_length=200)
    url: str = Field(pattern=r"^https://[^\s]+$", max_length=300)
    summary: str = Field(min_length=10, max_length=500)
    status: OfferingStatus
    last_checked: date

    @field_validator("dimensions")
    @classmethod
    def _dims_unique(cls, value: list[str]) -> list[str]:
        return _unique(value, "dimension")


class OfferingsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    offerings: list[Offering] = Field(min_length=1)

    @field_validator("offerings")
    @classmethod
    def _ids_unique(cls, value: list[Offering]) -> list[Offering]:
        _unique([o.id for o in value], "offering id")
        return value


class Need(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code
    title: str = Field(min_length=2, max_length=30)
    dimension: DimensionId | None = None


class NeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    needs: list[Need] = Field(min_length=1)

    @field_validator("needs")
    @classmethod
    def _codes_valid(cls, value: list[Need]) -> list[Need]:
        codes = _unique([n.code for n in value], "need code")
        missing = [d for d in DIMENSIONS if d not in codes]
        if missing:
            raise ValueError(f"every dimension must be a need code; missing: {missing}")
        return value


class Catalogue:
    """Validated offerings and need codes, in file order."""

    def __init__(self, offerings: list[Offering], needs: list[Need]) -> None:
        self.offerings = offerings
        self.by_id = {o.id: o for o in offerings}
        self.needs = needs
        self.need_titles = {n.code: n.title for n in needs}


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"cannot read {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path} is not valid YAML: {exc}") from exc


def load_catalogue(offerings_path: Path, needs_path: Path) -> Catalogue:
    try:
        offerings = OfferingsFile.model_validate(_read_yaml(offerings_path)).offerings
    except ValidationError as exc:
        raise CatalogueError(f"{offerings_path} is invalid:\n{exc}") from exc
    try:
        needs = NeedsFile.model_validate(_read_yaml(needs_path)).needs
    except ValidationError as exc:
        raise CatalogueError(f"{needs_path} is invalid:\n{exc}") from exc
    return Catalogue(offerings, needs)


_current: Catalogue | None = None


def get_catalogue() -> Catalogue:
    """The catalogue loaded at start-up (loaded on first use if the app has not started)."""
    global _current
    if _current is None:
        _current = load_catalogue(settings.OFFERINGS_FILE, settings.NEEDS_FILE)
    return _current


def reload_catalogue() -> Catalogue:
    global _current
    _current = None
    return get_catalogue()


def main(argv: list[str]) -> int:
    offerings = Path(argv[0]) if argv else settings.OFFERINGS_FILE
    needs = Path(argv[1]) if len(argv) > 1 else settings.NEEDS_FILE
    try:
        cat = load_catalogue(offerings, needs)
    except CatalogueError as exc:
        print(exc, file=sys.stderr)
        return 1
    open_count = sum(o.status == "open" for o in cat.offerings)
    print(f"OK: {len(cat.offerings)} offerings ({open_count} open), {len(cat.needs)} need codes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
