from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import ServiceToken, SessionDep
from api.schemas import AssessmentCreated, AssessmentIn
from api.services.assessments import create_assessment

router = APIRouter(prefix="/api", tags=["assessments"])


@router.post(
    "/assessments",
    response_model=AssessmentCreated,
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServiceToken],
)
def post_assessment(body: AssessmentIn, db: SessionDep) -> AssessmentCreated:
    """Store one anonymised needs-log record (Bearer SERVICE_TOKEN). Random id, day precision."""
    return AssessmentCreated(id=create_assessment(db, body))
