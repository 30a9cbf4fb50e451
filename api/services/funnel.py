"""Funnel events (POST /api/events) and the retention purge of events and assessments.

The question ids come from data/questionnaire.yml: profile[].slot, questions[].slot and
closing[].slot, in interview order (the dashboard's funnel uses this order).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.core.config import ROOT, settings
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation, FunnelEvent

QUESTIONNAIRE_FILE = ROOT / "data" / "questionnaire.yml"
LOCAL_TZ = ZoneInfo("Europe/Berlin")
QUESTION_EVENTS = ("question_reached", "reask")


@lru_cache(maxsize=1)
def question_ids() -> tuple[str, ...]:
    """Question slot ids in interview order: profile, questions, closing."""
    data = yaml.safe_load(QUESTIONNAIRE_FILE.read_text(encoding="utf-8"))
    ids: list[str] = []
    for section in ("profile", "questions", "closing"):
        ids.extend(str(item["slot"]) for item in data.get(section) or [])
    if len(set(ids)) != len(ids):
        raise ValueError(f"{QUESTIONNAIRE_FILE}: duplicate question slots")
    return tuple(ids)


def current_hour() -> datetime:
    """Local time (Europe/Berlin) truncated to the hour, without tzinfo (as stored)."""
    return datetime.now(LOCAL_TZ).replace(minute=0, second=0, microsecond=0, tzinfo=None)


def record_event(
    db: Session,
    *,
    key: str,
    event: str,
    question: str | None,
    channel: str,
    duration_minutes: int | None,
) -> None:
    """Insert the event, or count a repetition of the same (key, event, question)."""
    values = {
        "conv_key": key,
        "event": event,
        "question": question or "",
        "hour": current_hour(),
        "channel": channel,
        "duration_minutes": duration_minutes,
        "occurrences": 1,
    }
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(FunnelEvent).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["conv_key", "event", "question"],
        set_={"occurrences": FunnelEvent.occurrences + 1},
    )
    db.execute(stmt)
    db.commit()


def retention_cutoff(today: date, months: int) -> date:
    """The first day that is kept: `months` calendar months before `today` (day clamped)."""
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    day = min(today.day, 28)
    return date(year, month + 1, day)


def purge_expired(db: Session, months: int | None = None, today: date | None = None) -> dict:
    """Delete funnel events and assessments older than the retention period."""
    months = months or settings.RETENTION_MONTHS
    cutoff = retention_cutoff(today or datetime.now(LOCAL_TZ).date(), months)
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
    return {
        "cutoff": cutoff.isoformat(),
        "assessments": assessments,
        "assessment_needs": needs,
        "assessment_recommendations": rec,
        "funnel_events": events,
    }


__all__ = ["QUESTION_EVENTS", "purge_expired", "question_ids", "record_event"]
