"""The anonymised needs log: storing one record per completed interview."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.core import clock
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation
from api.schemas import AssessmentIn


class DuplicateRecheckHash(Exception):
    """The re-check hash is already stored with another assessment."""


def create_assessment(db: Session, body: AssessmentIn) -> tuple[str, bool]:
    """Store one record; returns its id and whether it was linked to an earlier assessment.

    The id is random; the date is the first day of the current month (set by the server: no
    day is stored). With ``previous_hash`` the record is linked to the assessment that carries
    that re-check hash (if it still exists). Afterwards the published peer-benchmark snapshots
    are refreshed where the rule allows it.
    """
    from api.services.benchmark import refresh_benchmark

    coded = {
        "completed_on": clock.this_month(),
        "size_class": body.size_class,
        "sector": body.sector,
        "municipality": body.municipality,
    }
    previous_id = None
    if body.previous_hash is not None:
        previous_id = db.scalar(
            select(Assessment.id).where(Assessment.recheck_hash == body.previous_hash)
        )
    record = Assessment(
        id=str(uuid.uuid4()),
        channel=body.channel,
        **coded,
        overall=body.overall,
        recheck_hash=body.recheck_hash,
        previous_id=previous_id,
        **{f"score_{dim}": value for dim, value in body.scores.model_dump().items()},
        needs=[AssessmentNeed(code=code, **coded) for code in body.needs],
        recommendations=[
            AssessmentRecommendation(offering_id=oid, position=pos)
            for pos, oid in enumerate(body.recommended, start=1)
        ],
    )
    db.add(record)
    try:
        db.commit()
    except IntegrityError as error:
        db.rollback()
        if body.recheck_hash is not None and db.scalar(
            select(Assessment.id).where(Assessment.recheck_hash == body.recheck_hash)
        ):
            raise DuplicateRecheckHash from None
        raise error
    refresh_benchmark(db)
    return record.id, previous_id is not None
