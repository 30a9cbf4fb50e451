from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SessionDep, StaffDep
from api.schemas import StatsFilters, StatsOut
from api.services.catalogue import get_catalogue
from api.services.stats import compute_stats

router = APIRouter(prefix="/api", tags=["staff"])


@router.get("/stats", response_model=StatsOut, dependencies=[StaffDep])
def stats(db: SessionDep, filters: Annotated[StatsFilters, Query()]) -> StatsOut:
    """Aggregates of the needs log for staff (Bearer STAFF_TOKEN). Groups below 5 are hidden."""
    return compute_stats(db, filters, get_catalogue().need_titles)
