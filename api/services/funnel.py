"""Funnel events (POST /api/events) and their erasure (DELETE /api/events/{key}).

Question ids and event names come from the contract (data/questionnaire.yml, contract.codes).
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.core import clock
from api.core.db import checkpoint
from api.models import FunnelEvent


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
    db.commit()


def delete_events(db: Session, key: str) -> int:
    """Erasure on request: delete every funnel event of one conversation key; returns the count.

    On SQLite the rows are overwritten (secure_delete) and the WAL is checkpointed, so the key
    cannot be read from the database files afterwards.
    """
    deleted = db.execute(delete(FunnelEvent).where(FunnelEvent.conv_key == key)).rowcount
    db.commit()
    checkpoint(db)
    return int(deleted or 0)
