"""Re-assessment T0 -> T1: the hash of the owner's re-check code and the link to the earlier
assessment.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("recheck_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("previous_id", sa.String(36), nullable=True))
        batch.create_foreign_key(
            "fk_assessments_previous_id",
            "assessments",
            ["previous_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_index("ux_assessments_recheck_hash", "assessments", ["recheck_hash"], unique=True)
    op.create_index("ix_assessments_previous_id", "assessments", ["previous_id"])


def downgrade() -> None:
    op.drop_index("ix_assessments_previous_id", table_name="assessments")
    op.drop_index("ux_assessments_recheck_hash", table_name="assessments")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_constraint("fk_assessments_previous_id", type_="foreignkey")
        batch.drop_column("previous_id")
        batch.drop_column("recheck_hash")
