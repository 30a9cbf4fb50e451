"""Re-check codes: the earlier assessment for the hash of an owner's code (action server only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ServiceToken, SessionDep
from api.schemas import RecheckLookupIn, RecheckLookupOut
from api.services.rechecks import failures, lookup

router = APIRouter(prefix="/api/rechecks", tags=["rechecks"], dependencies=[ServiceToken])


@router.post(
    "/lookup",
    response_model=RecheckLookupOut,
    responses={429: {"description": "too many failed lookups in the last minute (all callers)"}},
)
def lookup_recheck(body: RecheckLookupIn, db: SessionDep) -> RecheckLookupOut:
    """Profile, scores and month of the assessment whose re-check hash this is (Bearer
    SERVICE_TOKEN). ``found: false`` for an unknown hash; 429 with ``Retry-After`` once 20
    lookups have failed within a minute. The hash is never logged."""
    wait = failures.retry_after()
    if wait:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many failed re-check lookups, try again later",
            headers={"Retry-After": str(wait)},
        )
    result = lookup(db, body.hash)
    if not result.found:
        failures.failed()
    return result
