"""Staff statistics."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.core.codes import DimensionId
from api.schemas.base import Schema
from api.services.period import ReportFilters

StatsFilters = ReportFilters


class GroupStats(Schema):
    key: str
    count: int
    overall_mean: float | None
    dimension_means: dict[DimensionId, float | None]


class NeedCount(Schema):
    code: str
    title: str
    count: int


class StatsOut(Schema):
    published: bool = Field(
        description="False when the selection is suppressed (too few records, or 1-4 records "
        "away from a containing, coarser or earlier selection)"
    )
    completed: int | None = Field(
        description="Records in the selection; null when the selection is suppressed"
    )
    data_until: str = Field(description="Last month (YYYY-MM) included: only closed months")
    min_group_size: int
    dimension_means: dict[DimensionId, float | None]
    overall_mean: float | None
    by_size_class: list[GroupStats]
    by_sector: list[GroupStats]
    by_municipality: list[GroupStats]
    top_needs: list[NeedCount]
    suppressed_groups: int
    filters: dict[str, Any]
