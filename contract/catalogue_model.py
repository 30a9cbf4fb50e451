"""The offering catalogue's model: offerings, who they are for, and the catalogue.

Plain frozen dataclasses; :mod:`contract.catalogue_validation` builds them from
``data/offerings.yml`` and :mod:`contract.catalogue` re-exports everything here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from contract.codes import OFFERING_KINDS, cost_title
from contract.datafiles import ContractError
from contract.needs import Needs

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
    # A specialised offering (e.g. a grant for AI products or for hiring a graduate) that is
    # recommended only for an owner's wish among its ``needs``, never for a weak dimension.
    on_wish_only: bool = False

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

    @property
    def cost_title(self) -> str:
        return cost_title(self.kind)


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
        """Whether the offering serves a need code: a topic it lists, or a dimension's need
        (not for an ``on_wish_only`` offering)."""
        if need in offering.needs:
            return True
        if offering.on_wish_only:  # only the topics it lists
            return False
        dimension = next((n.dimension for n in self.needs.needs if n.code == need), None)
        return dimension is not None and dimension in offering.dimensions
