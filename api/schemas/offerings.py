"""The offerings catalogue."""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict, Field

from api.core.codes import DimensionId, Municipality, OfferingKind, OfferingStatus, Sector
from api.schemas.base import Audience, Schema


class EligibilityOut(Schema):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    max_employees: int | None
    sectors: list[Sector] | None
    municipalities: list[Municipality] | None
    regions: list[str] | None


class OfferingOut(Schema):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: str
    title: str
    provider: str
    kind: OfferingKind
    dimensions: list[DimensionId]
    eligibility: EligibilityOut
    cost: str
    url: str
    summary: str
    status: OfferingStatus
    last_checked: date
    needs: list[str]
    audience: Audience  # type: ignore[valid-type]
    how_to_apply: str | None
    on_wish_only: bool = Field(
        default=False,
        description="Recommended only for an owner's wish among its needs, never for a weak score.",
    )
