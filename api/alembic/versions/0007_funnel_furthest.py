"""Funnel: each conversation's "started" row carries the furthest question it reached.

The dashboard counts a conversation at every question up to the furthest one (one message may
answer several profile questions, so some are never asked). Keeping the furthest question on the
started row makes that a GROUP BY over the started rows of the period (covering index) instead
of a per-conversation aggregate over every question event. Existing rows are backfilled in the
questionnaire's current order.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from contract.questionnaire import load_questionnaire

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD_INDEX = ["event", "hour", "question", "occurrences", "duration_minutes"]


def upgrade() -> None:
    with op.batch_alter_table("funnel_events") as batch:
        batch.add_column(sa.Column("furthest", sa.String(40), nullable=True))
    op.drop_index("ix_funnel_events_event_hour", table_name="funnel_events")
    op.create_index("ix_funnel_events_event_hour", "funnel_events", [*OLD_INDEX, "furthest"])
    slots = load_questionnaire().required_slots
    step = " ".join(f"WHEN '{slot}' THEN {i}" for i, slot in enumerate(slots))
    op.execute(
        "UPDATE funnel_events SET furthest = ("
        "SELECT q.question FROM funnel_events q WHERE q.conv_key = funnel_events.conv_key "
        f"AND q.event = 'question_reached' ORDER BY CASE q.question {step} ELSE -1 END DESC "
        "LIMIT 1) WHERE event = 'started'"
    )


def downgrade() -> None:
    op.drop_index("ix_funnel_events_event_hour", table_name="funnel_events")
    op.create_index("ix_funnel_events_event_hour", "funnel_events", OLD_INDEX)
    with op.batch_alter_table("funnel_events") as batch:
        batch.drop_column("furthest")
