from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter, status

from api.deps import SessionDep
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation
from api.schemas import AssessmentCreated, AssessmentIn

router = APIRouter(prefix="/api", tags=["assessments"])
LOCAL_TZ = ZoneInfo("Europe/Berlin")


def today() -> date:
    return datetime.now(LOCAL_TZ).date()


@router.post("/assessments", response_model=AssessmentCreated, status_code=status.HTTP_201_CREATED)
def create_assessment(body: AssessmentIn, db: SessionDep) -> AssessmentCreated:
    """Store one anonymised needs-log record. The id is random; the date has day precision."""
    coded = {
        "completed_on": today(),
        "size_class": body.size_class,
        "sector": body.sector,
        "municipality": body.municipality,
    }
    record = Assessment(
        id=str(uuid.uuid4()),
        channel=body.channel,
        **coded,
        overall=body.overall,
        **{f"score_{dim}": value for dim, value in body.scores.model_dump().items()},
        needs=[AssessmentNeed(code=code, **coded) for code in body.needs],
        recommendations=[
            AssessmentRecommendation(offering_id=oid, position=pos)
            for pos, oid in enumerate(body.recommended, start=1)
        ],
    )
    db.add(record)
    db.commit()
    return AssessmentCreated(id=record.id)
