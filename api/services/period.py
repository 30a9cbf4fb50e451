"""Report filters of the staff statistics and the dashboard.

The period has month granularity (YYYY-MM), on purpose: day-exact ranges would make differencing
between neighbouring ranges much easier. Reports on assessments include closed months only (up
to :func:`api.core.clock.last_closed_month`): a new interview never changes a statistic in the
month it happens; a month's interviews enter together when it has ended.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator
from sqlalchemy import ColumnElement, Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from api.core import clock
from api.core.codes import Municipality, Sector, SizeClass

Month = Annotated[str, StringConstraints(pattern=r"^20[0-9]{2}-(0[1-9]|1[0-2])$")]
PROFILE_FIELDS = ("size_class", "sector", "municipality")


def month_index(value: str) -> int:
    year, month = value.split("-")
    return int(year) * 12 + int(month) - 1


def month_label(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}"


def month_start(index: int) -> date:
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


class ReportFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    month_from: Month | None = None
    month_to: Month | None = None
    size_class: SizeClass | None = None
    sector: Sector | None = None
    municipality: Municipality | None = None

    @model_validator(mode="before")
    @classmethod
    def _empty_is_none(cls, data: object) -> object:
        """An empty select ("alle") in the filter form means: no filter."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v not in ("", None)}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> ReportFilters:
        if self.month_from and self.month_to and self.month_from > self.month_to:
            raise ValueError("month_from must not be after month_to")
        return self

    @property
    def profile(self) -> dict[str, str]:
        """The active equality filters on the firm profile."""
        return {f: getattr(self, f) for f in PROFILE_FIELDS if getattr(self, f) is not None}

    @property
    def requested_period(self) -> tuple[int | None, int | None]:
        return (
            month_index(self.month_from) if self.month_from else None,
            month_index(self.month_to) if self.month_to else None,
        )

    @property
    def period(self) -> tuple[int | None, int]:
        """The period of assessment reports: the requested one, ending at the last closed month."""
        first, last = self.requested_period
        horizon = clock.last_closed_month()
        return first, horizon if last is None else min(last, horizon)

    @staticmethod
    def _bounds(first: int | None, last: int | None) -> tuple[date | None, date | None]:
        start = month_start(first) if first is not None else None
        end = month_start(last + 1) if last is not None else None
        return start, end

    def date_bounds(self) -> tuple[date | None, date | None]:
        """[start, end) of the assessment period as dates (end exclusive, closed months only)."""
        return self._bounds(*self.period)

    def hour_bounds(self) -> tuple[datetime | None, datetime | None]:
        """[start, end) of the requested period for funnel events (the current month included)."""
        start, end = self._bounds(*self.requested_period)
        as_dt = datetime.combine
        return (
            as_dt(start, datetime.min.time()) if start else None,
            as_dt(end, datetime.min.time()) if end else None,
        )

    def query_params(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


DashboardFilters = ReportFilters


class unindexed(FunctionElement):  # noqa: N801 - used like a SQL function
    """The column, but not usable as an index key on SQLite (``+column``).

    The end of the reporting period (the last closed month) excludes only the few records of the
    current month; used as an index range it would make SQLite look up nearly every row by its
    date index instead of scanning a covering index. PostgreSQL plans this well on its own.
    """

    type = Date()
    inherit_cache = True


@compiles(unindexed)
def _unindexed(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw):  # type: ignore[no-untyped-def]
    return "+" + compiler.process(element.clauses, **kw)


def date_conditions(column: ColumnElement, f: ReportFilters) -> list[ColumnElement[bool]]:
    """The report period as conditions on a date column (closed months only)."""
    start, end = f.date_bounds()
    conds: list[ColumnElement[bool]] = []
    if start:
        conds.append(column >= start)
    if end:
        conds.append(unindexed(column) < end)
    return conds
