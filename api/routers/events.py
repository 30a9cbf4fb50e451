"""Anonymised funnel events from the assistant (contract: api/README.md, docs/dashboard.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from api.deps import ServiceToken, SessionDep
from api.schemas import Accepted, Deleted, FunnelEventBatchIn, FunnelEventIn
from api.services.funnel import delete_events, record_events

router = APIRouter(prefix="/api", tags=["events"], dependencies=[ServiceToken])
ConversationKey = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]


@router.post("/events", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED)
def post_event(body: FunnelEventIn, db: SessionDep) -> Accepted:
    """Store one funnel event (Bearer SERVICE_TOKEN): key, event, question, channel, duration;
    the hour, never finer."""
    record_events(db, [body.model_dump()])
    return Accepted(status="accepted")


@router.post("/events/batch", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED)
def post_events(body: FunnelEventBatchIn, db: SessionDep) -> Accepted:
    """Store several funnel events in their order, in one transaction (Bearer SERVICE_TOKEN);
    each as `POST /api/events` stores it. A batch with one invalid event is refused whole (422)."""
    record_events(db, [event.model_dump() for event in body.events])
    return Accepted(status="accepted")


@router.delete("/events/{key}", response_model=Deleted)
def erase_events(key: ConversationKey, db: SessionDep) -> Deleted:
    """Erasure on request (Bearer SERVICE_TOKEN): delete every funnel event of a conversation."""
    return Deleted(deleted=delete_events(db, key))
