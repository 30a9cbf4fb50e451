from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SessionDep, StaffToken
from api.schemas import StatsFilters, StatsOut
from api.services.catalogue import get_catalogue
from api.services.stats import compute_stats

router = APIRouter(prefix="/api", tags=["staff"])


@router.get("/stats", response_model=StatsOut, dependencies=[StaffToken])
def stats(db: SessionDep, filters: Annotated[StatsFilters, Query()]) -> StatsOut:
    """Aggregates of the needs log for staff (Bearer STAFF_TOKEN): closed months only, month
    filters, small groups suppressed by the shared guard."""
    return compute_stats(db, filters, get_catalogue().need_titles)
