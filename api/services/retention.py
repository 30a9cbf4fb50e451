"""Retention: funnel events and assessments older than RETENTION_MONTHS are deleted at start-up
and by `python -m api.cli purge`. Deleted means unreadable: SQLite overwrites deleted rows
(secure_delete) and the WAL is checkpointed and truncated afterwards."""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.core import clock
from api.core.config import settings
from api.core.db import SessionLocal, checkpoint
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation, FunnelEvent

logger = logging.getLogger("api.retention")


def retention_cutoff(today: date, months: int) -> date:
    """The first day that is kept: `months` calendar months before `today` (day clamped)."""
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    day = min(today.day, 28)
    return date(year, month + 1, day)


def purge_expired(db: Session, months: int | None = None, today: date | None = None) -> dict:
    """Delete funnel events and assessments older than the retention period."""
    from api.services.benchmark import refresh_benchmark

    months = months or settings.RETENTION_MONTHS
    cutoff = retention_cutoff(today or clock.today(), months)
    old_ids = select(Assessment.id).where(Assessment.completed_on < cutoff)
    rec = db.execute(
        delete(AssessmentRecommendation).where(AssessmentRecommendation.assessment_id.in_(old_ids))
    ).rowcount
    needs = db.execute(delete(AssessmentNeed).where(AssessmentNeed.completed_on < cutoff)).rowcount
    assessments = db.execute(delete(Assessment).where(Assessment.completed_on < cutoff)).rowcount
    events = db.execute(
        delete(FunnelEvent).where(FunnelEvent.hour < datetime.combine(cutoff, datetime.min.time()))
    ).rowcount
    db.commit()
    if assessments:
        refresh_benchmark(db)
    checkpoint(db)
    return {
        "cutoff": cutoff.isoformat(),
        "assessments": assessments,
        "assessment_needs": needs,
        "assessment_recommendations": rec,
        "funnel_events": events,
    }


def purge_at_startup() -> dict:
    with SessionLocal() as db:
        result = purge_expired(db)
    logger.info("retention purge: %s", result)
    return result
