"""Published peer-benchmark snapshots (refreshed only after >= 5 firms of change).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SCORES = ("overall", *(f"score_{d}" for d in ("strategy", "tools", "processes", "online",
                                               "security", "skills")))  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "benchmark_snapshots",
        sa.Column("size_class", sa.String(8), nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("visible", sa.Boolean(), nullable=False),
        sa.Column("firms", sa.Integer(), nullable=False),
        sa.Column("refreshed_at_firms", sa.Integer(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        *(sa.Column(name, sa.SmallInteger(), nullable=True) for name in SCORES),
        sa.PrimaryKeyConstraint("size_class", "sector"),
    )


def downgrade() -> None:
    op.drop_table("benchmark_snapshots")
