"""Privacy: assessments keep only the month of completion, not the day.

Existing dates (assessments, their need rows, the benchmark snapshots' publication date) become
the first day of their month; a CHECK constraint keeps it that way.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("assessments", "completed_on"),
    ("assessment_needs", "completed_on"),
    ("benchmark_snapshots", "published_on"),
)
CHECKED = {"assessments": "ck_assessments_month_only", "assessment_needs": "ck_needs_month_only"}


def _first_of_month(dialect: str, column: str) -> str:
    if dialect == "sqlite":
        return f"date({column}, 'start of month')"
    return f"CAST(date_trunc('month', {column}) AS DATE)"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, column in COLUMNS:
        op.execute(f"UPDATE {table} SET {column} = {_first_of_month(dialect, column)}")
    for table, name in CHECKED.items():
        with op.batch_alter_table(table) as batch:
            batch.create_check_constraint(name, sa.extract("day", sa.column("completed_on")) == 1)


def downgrade() -> None:
    # The days are gone for good; only the constraint is removed.
    for table, name in CHECKED.items():
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(name, type_="check")
