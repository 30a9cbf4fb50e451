"""Needs log: assessments, their needs and recommended offerings.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DIMENSIONS = ("strategy", "tools", "processes", "online", "security", "skills")


def _range_check(column: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(
        f"{column} IS NULL OR ({column} >= 0 AND {column} <= 100)", name=f"ck_{column}_range"
    )


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("size_class", sa.String(8), nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("municipality", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        *(sa.Column(f"score_{d}", sa.SmallInteger(), nullable=True) for d in DIMENSIONS),
        sa.Column("overall", sa.SmallInteger(), nullable=True),
        *(_range_check(f"score_{d}") for d in DIMENSIONS),
        _range_check("overall"),
    )
    op.create_index("ix_assessments_completed_on", "assessments", ["completed_on"])
    op.create_index("ix_assessments_size_class_sector", "assessments", ["size_class", "sector"])
    op.create_index("ix_assessments_sector", "assessments", ["sector"])
    op.create_index("ix_assessments_municipality", "assessments", ["municipality"])

    op.create_table(
        "assessment_needs",
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("code", sa.String(32), primary_key=True),
    )
    op.create_index("ix_assessment_needs_code", "assessment_needs", ["code"])

    op.create_table(
        "assessment_recommendations",
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("offering_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_assessment_recommendations_offering", "assessment_recommendations", ["offering_id"]
    )


def downgrade() -> None:
    op.drop_table("assessment_recommendations")
    op.drop_table("assessment_needs")
    op.drop_table("assessments")
