"""Looking up an earlier assessment by its re-check hash."""

from __future__ import annotations

from pydantic import Field

from api.core.codes import DimensionId, Municipality, Sector, SizeClass
from api.schemas.base import RecheckHash, Schema


class RecheckLookupIn(Schema):
    hash: RecheckHash


class RecheckProfile(Schema):
    size_class: SizeClass
    sector: Sector
    municipality: Municipality


class RecheckLookupOut(Schema):
    found: bool
    profile: RecheckProfile | None = None
    scores: dict[DimensionId, int | None] | None = None
    overall: int | None = None
    month: str | None = Field(None, description="Month of the earlier assessment (YYYY-MM)")
