"""Checking the offering catalogue: every field of every offering, all problems at once.

:func:`parse_offerings` builds the offerings from the parsed ``data/offerings.yml`` and raises
:class:`CatalogueError` listing every problem; :mod:`contract.catalogue` re-exports it.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Dict, List, Mapping, Optional, Tuple

from contract.catalogue_model import AUDIENCES, BETRIEBE, CatalogueError, Eligibility, Offering
from contract.codes import OFFERING_KINDS, OFFERING_STATUSES
from contract.needs import Needs, load_needs
from contract.questionnaire_model import Questionnaire

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
    "on_wish_only",
)
ELIGIBILITY_FIELDS = ("max_employees", "sectors", "municipalities", "regions")
# (minimum, maximum) length of the text fields
TEXT_LENGTHS = {"title": (3, 120), "provider": (2, 200), "cost": (2, 200), "summary": (10, 500)}
HOW_TO_APPLY_LENGTH = (10, 400)


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
    on_wish_only = item.get("on_wish_only", False)
    if not isinstance(on_wish_only, bool):
        errors.append(f"{where}: on_wish_only must be true or false")
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
        on_wish_only=on_wish_only is True,
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
