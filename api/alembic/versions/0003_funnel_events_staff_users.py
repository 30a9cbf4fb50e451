"""Dashboard: anonymised funnel events and staff logins.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funnel_events",
        sa.Column("conv_key", sa.String(32), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("question", sa.String(40), nullable=False),
        sa.Column("hour", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("duration_minutes", sa.SmallInteger(), nullable=True),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("conv_key", "event", "question"),
    )
    op.create_index(
        "ix_funnel_events_event_hour",
        "funnel_events",
        ["event", "hour", "question", "occurrences", "duration_minutes"],
    )
    op.create_table(
        "staff_users",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("staff_users")
    op.drop_index("ix_funnel_events_event_hour", table_name="funnel_events")
    op.drop_table("funnel_events")
