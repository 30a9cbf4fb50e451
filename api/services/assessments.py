"""The anonymised needs log: storing one record per completed interview."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from api.core import clock
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation
from api.schemas import AssessmentIn


def create_assessment(db: Session, body: AssessmentIn) -> str:
    """Store one record; the id is random, the date has day precision (set by the server).

    Afterwards the published peer-benchmark snapshots are refreshed where the rule allows it.
    """
    from api.services.benchmark import refresh_benchmark

    coded = {
        "completed_on": clock.today(),
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
    refresh_benchmark(db)
    return record.id
