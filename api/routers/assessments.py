from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ServiceToken, SessionDep
from api.schemas import AssessmentCreated, AssessmentIn
from api.services.assessments import DuplicateRecheckHash, create_assessment

router = APIRouter(prefix="/api", tags=["assessments"])


@router.post(
    "/assessments",
    response_model=AssessmentCreated,
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServiceToken],
    responses={409: {"description": "recheck_hash is already stored (nothing written)"}},
)
def post_assessment(body: AssessmentIn, db: SessionDep) -> AssessmentCreated:
    """Store one anonymised needs-log record (Bearer SERVICE_TOKEN). Random id, month only;
    optionally the re-check hash and the link to the earlier assessment (previous_hash)."""
    try:
        record_id, linked = create_assessment(db, body)
    except DuplicateRecheckHash:
        raise HTTPException(status.HTTP_409_CONFLICT, "recheck_hash already stored") from None
    return AssessmentCreated(id=record_id, linked=linked)
