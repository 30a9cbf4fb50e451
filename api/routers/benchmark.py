from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SessionDep
from api.schemas import BenchmarkOut, BenchmarkQuery
from api.services.stats import compute_benchmark

router = APIRouter(prefix="/api", tags=["benchmark"])


@router.get("/benchmark", response_model=BenchmarkOut)
def benchmark(db: SessionDep, query: Annotated[BenchmarkQuery, Query()]) -> BenchmarkOut:
    """Mean scores of comparable firms; only when at least 5 comparable records exist."""
    return BenchmarkOut(**compute_benchmark(db, query.size_class, query.sector))
