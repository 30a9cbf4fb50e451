"""Anonymised funnel events from the assistant (contract: api/README.md, docs/dashboard.md)."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import SessionDep
from api.schemas import Accepted, FunnelEventIn
from api.services.funnel import record_event

router = APIRouter(prefix="/api", tags=["events"])


@router.post("/events", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED)
def post_event(body: FunnelEventIn, db: SessionDep) -> Accepted:
    """Store one funnel event: key, event, question, channel, duration; the hour, never finer."""
    record_event(
        db,
        key=body.key,
        event=body.event,
        question=body.question,
        channel=body.channel,
        duration_minutes=body.duration_minutes,
    )
    return Accepted(status="accepted")
