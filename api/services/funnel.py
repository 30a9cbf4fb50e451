"""Funnel events (POST /api/events) and their erasure (DELETE /api/events/{key}).

Question ids and event names come from the contract (data/questionnaire.yml, contract.codes).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, case, delete, or_, select, update
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
    record_events(
        db,
        [
            {
                "key": key,
                "event": event,
                "question": question,
                "channel": channel,
                "duration_minutes": duration_minutes,
            }
        ],
    )


def record_events(db: Session, events: list[dict]) -> None:
    """Several events (``FunnelEventIn`` fields) in their order, one commit for all."""
    for item in events:
        _record(db, item)
    db.commit()


# The statements are built once with bind parameters: building them per event (a CASE over all
# question ids, compiled and cache-keyed on every call) cost ~3.4 ms of CPU per event, measured.
_T = FunnelEvent.__table__
_Q = _T.alias("q")
_STARTED_ROW = and_(
    _T.c.conv_key == bindparam("b_key"), _T.c.event == Event.STARTED, _T.c.question == ""
)
_ADVANCE_FURTHEST = (
    update(_T)
    .where(
        _STARTED_ROW,
        or_(_T.c.furthest.is_(None), step(_T.c.furthest) < bindparam("b_position")),
    )
    .values(furthest=bindparam("b_question", type_=_T.c.furthest.type))
)
_FURTHEST_SO_FAR = (
    update(_T)
    .where(_STARTED_ROW, _T.c.furthest.is_(None))
    .values(
        furthest=select(_Q.c.question)
        .where(_Q.c.conv_key == bindparam("b_key"), _Q.c.event == Event.QUESTION_REACHED)
        .order_by(step(_Q.c.question).desc())
        .limit(1)
        .scalar_subquery()
    )
)
_UPSERT: dict[str, Any] = {}


def _upsert(dialect: str) -> Any:
    if dialect not in _UPSERT:
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = insert(_T).values(
            conv_key=bindparam("b_key", type_=_T.c.conv_key.type),
            event=bindparam("b_event", type_=_T.c.event.type),
            question=bindparam("b_question", type_=_T.c.question.type),
            hour=bindparam("b_hour", type_=_T.c.hour.type),
            channel=bindparam("b_channel", type_=_T.c.channel.type),
            duration_minutes=bindparam("b_duration_minutes", type_=_T.c.duration_minutes.type),
            occurrences=1,
        )
        _UPSERT[dialect] = stmt.on_conflict_do_update(
            index_elements=["conv_key", "event", "question"],
            set_={"occurrences": _T.c.occurrences + 1},
        )
    return _UPSERT[dialect]


def _record(db: Session, item: dict) -> None:
    """Insert the event, or count a repetition of the same (key, event, question)."""
    values = {
        "b_key": item["key"],
        "b_event": item["event"],
        "b_question": item["question"] or "",
        "b_hour": clock.current_hour(),
        "b_channel": item["channel"],
        "b_duration_minutes": item["duration_minutes"],
    }
    db.execute(_upsert(db.get_bind().dialect.name), values)
    _track_furthest(db, item["key"], item["event"], item["question"])


def _track_furthest(db: Session, key: str, event: str, question: str | None) -> None:
    """Keep the furthest question reached on the conversation's "started" row."""
    if event == Event.QUESTION_REACHED and question:
        position = QUESTION_IDS.index(question)
        db.execute(
            _ADVANCE_FURTHEST, {"b_key": key, "b_position": position, "b_question": question}
        )
    elif event == Event.STARTED:  # question events that arrived first (background sends race)
        db.execute(_FURTHEST_SO_FAR, {"b_key": key})


def delete_events(db: Session, key: str) -> int:
    """Erasure on request: delete every funnel event of one conversation key; returns the count.

    On SQLite the rows are overwritten (secure_delete) and the WAL is checkpointed, so the key
    cannot be read from the database files afterwards.
    """
    deleted = db.execute(delete(FunnelEvent).where(FunnelEvent.conv_key == key)).rowcount
    db.commit()
    checkpoint(db)
    return int(deleted or 0)
