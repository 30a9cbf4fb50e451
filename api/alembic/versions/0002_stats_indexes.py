"""Statistics performance: covering indexes; filter fields copied onto need rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCORES = [
    "overall",
    *(f"score_{d}" for d in ("strategy", "tools", "processes", "online", "security", "skills")),
]
FILTERS = ["completed_on", "size_class", "sector", "municipality"]
NEW_NEED_COLUMNS = [
    ("completed_on", sa.Date()),
    ("size_class", sa.String(8)),
    ("sector", sa.String(32)),
    ("municipality", sa.String(32)),
]


def upgrade() -> None:
    op.drop_index("ix_assessments_size_class_sector", table_name="assessments")
    op.drop_index("ix_assessments_sector", table_name="assessments")
    op.drop_index("ix_assessments_municipality", table_name="assessments")
    op.create_index(
        "ix_assessments_size_sector_cov",
        "assessments",
        ["size_class", "sector", *SCORES, "completed_on"],
    )
    op.create_index("ix_assessments_sector_cov", "assessments", ["sector", *SCORES, "completed_on"])
    op.create_index(
        "ix_assessments_municipality_cov", "assessments", ["municipality", *SCORES, "completed_on"]
    )

    with op.batch_alter_table("assessment_needs") as batch:
        for name, type_ in NEW_NEED_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    for name, _type in NEW_NEED_COLUMNS:
        op.execute(
            f"UPDATE assessment_needs SET {name} = (SELECT a.{name} FROM assessments a "
            "WHERE a.id = assessment_needs.assessment_id)"
        )
    with op.batch_alter_table("assessment_needs") as batch:
        for name, type_ in NEW_NEED_COLUMNS:
            batch.alter_column(name, existing_type=type_, nullable=False)
        batch.drop_index("ix_assessment_needs_code")
        batch.create_index("ix_assessment_needs_code_cov", ["code", *FILTERS])


def downgrade() -> None:
    with op.batch_alter_table("assessment_needs") as batch:
        batch.drop_index("ix_assessment_needs_code_cov")
        batch.create_index("ix_assessment_needs_code", ["code"])
        for name, _type in reversed(NEW_NEED_COLUMNS):
            batch.drop_column(name)
    op.drop_index("ix_assessments_municipality_cov", table_name="assessments")
    op.drop_index("ix_assessments_sector_cov", table_name="assessments")
    op.drop_index("ix_assessments_size_sector_cov", table_name="assessments")
    op.create_index("ix_assessments_municipality", "assessments", ["municipality"])
    op.create_index("ix_assessments_sector", "assessments", ["sector"])
    op.create_index("ix_assessments_size_class_sector", "assessments", ["size_class", "sector"])
