"""The public peer benchmark."""

from __future__ import annotations

from pydantic import Field

from api.core.codes import DimensionId, Sector, SizeClass
from api.schemas.base import Schema


class BenchmarkQuery(Schema):
    size_class: SizeClass
    sector: Sector | None = None


class BenchmarkOut(Schema):
    available: bool
    count_band: str | None = Field(
        description='Size of the comparison group as a band ("5–9", "10–19", "20–49", '
        '"50–99", "mindestens 100"), never an exact count'
    )
    overall: int | None
    dimensions: dict[DimensionId, int | None] | None
