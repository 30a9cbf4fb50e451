from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SessionDep
from api.schemas import BenchmarkOut, BenchmarkQuery
from api.services.benchmark import get_benchmark

router = APIRouter(prefix="/api", tags=["benchmark"])


@router.get("/benchmark", response_model=BenchmarkOut)
def benchmark(db: SessionDep, query: Annotated[BenchmarkQuery, Query()]) -> BenchmarkOut:
    """Published mean scores of comparable firms (a size class, optionally with a sector).

    Only groups of at least 5 firms; the size as a band; whole points; values change only in
    steps of at least 5 firms (published snapshots)."""
    return BenchmarkOut(**get_benchmark(db, query.size_class, query.sector))
