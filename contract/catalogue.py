"""The offering catalogue (``data/offerings.yml``): model, loading and validation.

Staff edit the catalogue without code changes. This module is the one place that reads and checks
it; the API serves and ranks it, and the action server may read offering details from here too.
Plain dataclasses (no pydantic): it imports in the Rasa environment (Python 3.10, pydantic 1.10)
and in the API environment alike.

Check an edited file without starting anything::

    python -m contract.catalogue [offerings.yml] [needs.yml]
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from contract.codes import OFFERING_KINDS, OFFERING_STATUSES
from contract.paths import needs_file, offerings_file, questionnaire_file
from contract.questionnaire import (
    ContractError,
    Needs,
    Questionnaire,
    load_needs,
    parse_needs,
    parse_questionnaire,
)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_URL = re.compile(r"^https://\S+$")
FIELDS = (
    "id",
    "title",
    "provider",
    "kind",
    "dimensions",
    "eligibility",
    "cost",
    "url",
    "summary",
    "status",
    "last_checked",
    "needs",
    "audience",
    "how_to_apply",
)
ELIGIBILITY_FIELDS = ("max_employees", "sectors", "municipalities", "regions")
# (minimum, maximum) length of the text fields
TEXT_LENGTHS = {"title": (3, 120), "provider": (2, 200), "cost": (2, 200), "summary": (10, 500)}
HOW_TO_APPLY_LENGTH = (10, 400)

# Who an offering is for. "personen": offerings for individuals (e.g. an employee's own training
# grant); they are never recommended as an offering for the firm (see api/README.md).
BETRIEBE = "betriebe"
PERSONEN = "personen"
AUDIENCES: Dict[str, str] = {BETRIEBE: "Betriebe", PERSONEN: "Einzelpersonen"}


class CatalogueError(ContractError):
    """The offering catalogue is missing or invalid."""


@dataclass(frozen=True)
class Eligibility:
    """Who an offering is for; ``None`` means: anyone.

    ``regions`` are the region codes of the questionnaire's towns (``kreis_mettmann``,
    ``duesseldorf``, ``other``; see :meth:`Questionnaire.region_of`). Every given condition must
    hold (a town must be in ``municipalities`` AND its region in ``regions``).
    """

    max_employees: Optional[int] = None
    sectors: Optional[Tuple[str, ...]] = None
    municipalities: Optional[Tuple[str, ...]] = None
    regions: Optional[Tuple[str, ...]] = None

    def allows(
        self, employees: int, sector: str, municipality: str, region: Optional[str] = None
    ) -> bool:
        """Whether a firm with this profile may use the offering.

        ``region`` is the town's region (``questionnaire.region_of(municipality)``); an offering
        restricted to regions never allows a firm whose region is not given.
        """
        if self.max_employees is not None and employees > self.max_employees:
            return False
        if self.sectors is not None and sector not in self.sectors:
            return False
        if self.regions is not None and region not in self.regions:
            return False
        return self.municipalities is None or municipality in self.municipalities

    def allows_segment(
        self,
        min_employees: Optional[int] = None,
        sector: Optional[str] = None,
        municipality: Optional[str] = None,
        region: Optional[str] = None,
    ) -> bool:
        """Whether the offering is open to at least part of a segment of firms.

        A segment fixes only some of the profile (e.g. "Handwerk", or "10-49 staff in Hilden");
        what it leaves open (``None``) may take any value. ``min_employees`` is the smallest
        staff count of a size class: the offering is open to the class when its smallest firms
        qualify.
        """
        too_large = min_employees is not None and min_employees > (self.max_employees or 10**9)
        wrong_sector = sector is not None and sector not in (self.sectors or (sector,))
        located = municipality is not None or region is not None
        wrong_region = located and self.regions is not None and region not in self.regions
        wrong_town = municipality is not None and municipality not in (
            self.municipalities or (municipality,)
        )
        return not (too_large or wrong_sector or wrong_region or wrong_town)


@dataclass(frozen=True)
class Offering:
    id: str
    title: str
    provider: str
    kind: str
    dimensions: Tuple[str, ...]
    eligibility: Eligibility
    cost: str
    url: str
    summary: str
    status: str
    last_checked: datetime.date
    # Topic need codes of data/needs.yml the offering serves (e.g. "ki", "cyberschutz").
    needs: Tuple[str, ...] = ()
    audience: str = BETRIEBE
    how_to_apply: Optional[str] = None

    @property
    def for_firms(self) -> bool:
        """False for offerings meant for individuals (``audience: personen``)."""
        return self.audience == BETRIEBE

    @property
    def audience_title(self) -> str:
        return AUDIENCES.get(self.audience, self.audience)

    @property
    def recommendable(self) -> bool:
        """Only ``open`` offerings are recommended; ``paused`` ones are listed, ``closed`` not."""
        return self.status == "open"

    @property
    def kind_title(self) -> str:
        return OFFERING_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Catalogue:
    """Validated offerings (file order) and the need codes."""

    offerings: Tuple[Offering, ...]
    needs: Needs
    by_id: Dict[str, Offering] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {o.id: o for o in self.offerings})

    @property
    def need_titles(self) -> Dict[str, str]:
        return self.needs.titles

    def get(self, offering_id: str) -> Optional[Offering]:
        return self.by_id.get(offering_id)

    def serves(self, offering: Offering, need: str) -> bool:
        """Whether the offering serves a need code: a topic it lists, or a dimension's need."""
        if need in offering.needs:
            return True
        dimension = next((n.dimension for n in self.needs.needs if n.code == need), None)
        return dimension is not None and dimension in offering.dimensions


# ---- validation ------------------------------------------------------------------------------


def _text(item: Mapping[str, Any], key: str, errors: List[str], where: str) -> str:
    value = item.get(key)
    low, high = TEXT_LENGTHS[key]
    if not isinstance(value, str) or not low <= len(value.strip()) <= high:
        errors.append(f"{where}: {key} must be a text of {low}-{high} characters")
        return ""
    return value.strip()


def _codes(
    value: Any, allowed: Tuple[str, ...], key: str, errors: List[str], where: str
) -> Tuple[str, ...]:
    if not isinstance(value, list) or not value:
        errors.append(f"{where}: {key} must be a non-empty list")
        return ()
    codes = tuple(str(v) for v in value)
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        errors.append(f"{where}: {key} has unknown codes {unknown} (allowed: {list(allowed)})")
    if len(set(codes)) != len(codes):
        errors.append(f"{where}: {key} lists a code twice")
    return codes


def _eligibility(value: Any, qn: Questionnaire, errors: List[str], where: str) -> Eligibility:
    if value is None:
        return Eligibility()
    if not isinstance(value, Mapping):
        errors.append(f"{where}: eligibility must be a mapping")
        return Eligibility()
    for key in value:
        if key not in ELIGIBILITY_FIELDS:
            errors.append(f"{where}: unknown eligibility field {key!r}")
    max_employees = value.get("max_employees")
    if max_employees is not None and (
        isinstance(max_employees, bool) or not isinstance(max_employees, int) or max_employees < 1
    ):
        errors.append(f"{where}: eligibility max_employees must be a whole number >= 1")
        max_employees = None
    sectors = municipalities = regions = None
    if "sectors" in value:
        sectors = _codes(value["sectors"], qn.sectors, "sectors", errors, where)
    if "municipalities" in value:
        municipalities = _codes(
            value["municipalities"], qn.municipalities, "municipalities", errors, where
        )
    if "regions" in value:
        regions = _codes(value["regions"], region_codes(qn), "regions", errors, where)
    return Eligibility(max_employees, sectors, municipalities, regions)


def region_codes(qn: Questionnaire) -> Tuple[str, ...]:
    """The region codes of the questionnaire's towns, in file order."""
    towns = qn.profile_question("municipality")
    return tuple(dict.fromkeys(o.region for o in towns.options if o.region))


def _date(value: Any, errors: List[str], where: str) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    errors.append(f"{where}: last_checked must be a date (YYYY-MM-DD)")
    return datetime.date.min


def _needs(value: Any, needs: Needs, errors: List[str], where: str) -> Tuple[str, ...]:
    if value in (None, []):
        return ()
    topics = tuple(n.code for n in needs.topics)
    return _codes(value, topics, "needs", errors, where)


def _how_to_apply(value: Any, errors: List[str], where: str) -> Optional[str]:
    if value is None:
        return None
    low, high = HOW_TO_APPLY_LENGTH
    if not isinstance(value, str) or not low <= len(value.strip()) <= high:
        errors.append(f"{where}: how_to_apply must be a text of {low}-{high} characters")
        return None
    return value.strip()


def _offering(
    item: Any, qn: Questionnaire, needs: Needs, errors: List[str], index: int
) -> Optional[Offering]:
    if not isinstance(item, Mapping):
        errors.append(f"offerings[{index}]: expected a mapping")
        return None
    where = f"offerings[{index}] ({item.get('id', '?')})"
    for key in item:
        if key not in FIELDS:
            errors.append(f"{where}: unknown field {key!r}")
    for key in ("id", "kind", "dimensions", "url", "status", "last_checked"):
        if item.get(key) in (None, ""):
            errors.append(f"{where}: {key} is missing")
    offering_id = str(item.get("id") or "")
    if offering_id and (not _ID.match(offering_id) or len(offering_id) > 64):
        errors.append(f"{where}: id must be snake_case (a-z, 0-9, _; at most 64 characters)")
    kind = str(item.get("kind") or "")
    if kind and kind not in OFFERING_KINDS:
        errors.append(f"{where}: kind {kind!r} is not one of {list(OFFERING_KINDS)}")
    status = str(item.get("status") or "")
    if status and status not in OFFERING_STATUSES:
        errors.append(f"{where}: status {status!r} is not one of {list(OFFERING_STATUSES)}")
    url = item.get("url")
    if url and (not isinstance(url, str) or not _URL.match(url) or len(url) > 300):
        errors.append(f"{where}: url must start with https:// (at most 300 characters)")
    dimensions = ()
    if item.get("dimensions") not in (None, ""):
        dimensions = _codes(item["dimensions"], qn.dimension_ids, "dimensions", errors, where)
    texts = {key: _text(item, key, errors, where) for key in TEXT_LENGTHS}
    audience = str(item.get("audience") or BETRIEBE)
    if audience not in AUDIENCES:
        errors.append(f"{where}: audience {audience!r} is not one of {list(AUDIENCES)}")
    checked = (
        _date(item["last_checked"], errors, where)
        if item.get("last_checked") not in (None, "")
        else datetime.date.min
    )
    return Offering(
        id=offering_id,
        title=texts["title"],
        provider=texts["provider"],
        kind=kind,
        dimensions=dimensions,
        eligibility=_eligibility(item.get("eligibility"), qn, errors, where),
        cost=texts["cost"],
        url=str(url or ""),
        summary=texts["summary"],
        status=status,
        last_checked=checked,
        needs=_needs(item.get("needs"), needs, errors, where),
        audience=audience,
        how_to_apply=_how_to_apply(item.get("how_to_apply"), errors, where),
    )


def parse_offerings(
    raw: Any, questionnaire: Questionnaire, needs: Optional[Needs] = None
) -> Tuple[Offering, ...]:
    """Builds and checks the offerings; raises :class:`CatalogueError` listing every problem.

    ``needs`` (default: the environment's needs file) gives the topic codes of ``needs``."""
    needs = needs if needs is not None else load_needs()
    if not isinstance(raw, Mapping) or set(raw) != {"offerings"}:
        raise CatalogueError("expected exactly one top-level key 'offerings'")
    items = raw["offerings"]
    if not isinstance(items, list) or not items:
        raise CatalogueError("'offerings' must be a non-empty list")
    errors: List[str] = []
    offerings = [_offering(item, questionnaire, needs, errors, i) for i, item in enumerate(items)]
    seen: Dict[str, int] = {}
    for offering in offerings:
        if offering and offering.id:
            seen[offering.id] = seen.get(offering.id, 0) + 1
    errors += [f"duplicate offering id {oid!r}" for oid, count in seen.items() if count > 1]
    if errors:
        raise CatalogueError("\n".join(errors))
    return tuple(o for o in offerings if o is not None)


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
