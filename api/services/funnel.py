"""Funnel events (POST /api/events) and their erasure (DELETE /api/events/{key}).

Question ids and event names come from the contract (data/questionnaire.yml, contract.codes).
"""

from __future__ import annotations

from sqlalchemy import and_, case, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.core import clock
from api.core.codes import QUESTION_IDS
from api.core.db import checkpoint
from api.models import FunnelEvent
from contract.codes import Event


def step(column):  # type: ignore[no-untyped-def]
    """A question slot's position in the questionnaire (-1 for none) as a SQL expression."""
    return case({q: i for i, q in enumerate(QUESTION_IDS)}, value=column, else_=-1)


def _started_row(key: str):  # type: ignore[no-untyped-def]
    return and_(
        FunnelEvent.conv_key == key, FunnelEvent.event == Event.STARTED, FunnelEvent.question == ""
    )


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
    _record(db, key, event, question, channel, duration_minutes)
    db.commit()


def record_events(db: Session, events: list[dict]) -> None:
    """Several events (``FunnelEventIn`` fields) in their order, one commit for all."""
    for item in events:
        _record(
            db,
            item["key"],
            item["event"],
            item["question"],
            item["channel"],
            item["duration_minutes"],
        )
    db.commit()


def _record(
    db: Session,
    key: str,
    event: str,
    question: str | None,
    channel: str,
    duration_minutes: int | None,
) -> None:
    values = {
        "conv_key": key,
        "event": event,
        "question": question or "",
        "hour": clock.current_hour(),
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
    _track_furthest(db, key, event, question)


def _track_furthest(db: Session, key: str, event: str, question: str | None) -> None:
    """Keep the furthest question reached on the conversation's "started" row."""
    if event == Event.QUESTION_REACHED and question:
        current = FunnelEvent.furthest
        db.execute(
            update(FunnelEvent)
            .where(
                _started_row(key),
                or_(current.is_(None), step(current) < QUESTION_IDS.index(question)),
            )
            .values(furthest=question)
        )
    elif event == Event.STARTED:  # question events that arrived first (background sends race)
        q = FunnelEvent.__table__.alias("q")
        latest = (
            select(q.c.question)
            .where(q.c.conv_key == key, q.c.event == Event.QUESTION_REACHED)
            .order_by(step(q.c.question).desc())
            .limit(1)
            .scalar_subquery()
        )
        db.execute(
            update(FunnelEvent)
            .where(_started_row(key), FunnelEvent.furthest.is_(None))
            .values(furthest=latest)
        )


def delete_events(db: Session, key: str) -> int:
    """Erasure on request: delete every funnel event of one conversation key; returns the count.

    On SQLite the rows are overwritten (secure_delete) and the WAL is checkpointed, so the key
    cannot be read from the database files afterwards.
    """
    deleted = db.execute(delete(FunnelEvent).where(FunnelEvent.conv_key == key)).rowcount
    db.commit()
    checkpoint(db)
    return int(deleted or 0)
