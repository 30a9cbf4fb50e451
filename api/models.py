"""Database models (SQLAlchemy 2.0, typed). Every change here needs an Alembic migration.

The needs log is anonymous by construction: there is no column for names, contact data, free
text or sender ids, and no time finer than the month: ``completed_on`` is always the first day
of the month of completion (CHECK constraint), so a record cannot be linked back to the day or
hour of a conversation. The only link between records is the owner's re-check code: its hash
(an HMAC computed by the action server; the code itself never reaches the API) and the link of a
re-assessment to the earlier assessment.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    column,
    extract,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from api.core.codes import DIMENSIONS

SCORE_COLUMNS = ("overall", *(f"score_{d}" for d in DIMENSIONS))
# Statistics filter on these; they are copied onto need rows so needs are counted without a join.
FILTER_COLUMNS = ("completed_on", "size_class", "sector", "municipality")


class Base(DeclarativeBase):
    pass


def _score_check(name: str) -> CheckConstraint:
    return CheckConstraint(
        f"{name} IS NULL OR ({name} >= 0 AND {name} <= 100)", name=f"ck_{name}_range"
    )


def _month_only(name: str) -> CheckConstraint:
    """completed_on is the first day of a month (migration 0005): no day is ever stored."""
    return CheckConstraint(extract("day", column("completed_on")) == 1, name=name)


class Assessment(Base):
    """One completed interview: coded profile, scores, needs and recommended offering ids."""

    __tablename__ = "assessments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The month of completion: always its first day (never the day itself).
    completed_on: Mapped[date] = mapped_column(Date)
    size_class: Mapped[str] = mapped_column(String(8))
    sector: Mapped[str] = mapped_column(String(32))
    municipality: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    # HMAC of the owner's re-check code (64 lowercase hex, computed by the action server).
    recheck_hash: Mapped[str | None] = mapped_column(String(64))
    # A re-assessment (T1) points to the earlier assessment (T0) whose code the owner gave.
    previous_id: Mapped[str | None] = mapped_column(
        String(36),
        ForeignKey("assessments.id", ondelete="SET NULL", name="fk_assessments_previous_id"),
    )
    score_strategy: Mapped[int | None] = mapped_column(SmallInteger)
    score_tools: Mapped[int | None] = mapped_column(SmallInteger)
    score_processes: Mapped[int | None] = mapped_column(SmallInteger)
    score_online: Mapped[int | None] = mapped_column(SmallInteger)
    score_security: Mapped[int | None] = mapped_column(SmallInteger)
    score_skills: Mapped[int | None] = mapped_column(SmallInteger)
    overall: Mapped[int | None] = mapped_column(SmallInteger)

    needs: Mapped[list[AssessmentNeed]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    recommendations: Mapped[list[AssessmentRecommendation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        Index("ix_assessments_completed_on", "completed_on"),
        # Covering indexes: GROUP BY and filters read one index in order instead of sorting the
        # table (statistics over 100 000 records; see migration 0002).
        Index(
            "ix_assessments_size_sector_cov", "size_class", "sector", *SCORE_COLUMNS, "completed_on"
        ),
        Index("ix_assessments_sector_cov", "sector", *SCORE_COLUMNS, "completed_on"),
        Index("ix_assessments_municipality_cov", "municipality", *SCORE_COLUMNS, "completed_on"),
        Index("ux_assessments_recheck_hash", "recheck_hash", unique=True),
        Index("ix_assessments_previous_id", "previous_id"),
        *(_score_check(f"score_{d}") for d in DIMENSIONS),
        _score_check("overall"),
        _month_only("ck_assessments_month_only"),
    )


class AssessmentNeed(Base):
    """A coded need of an assessment (weak dimension or a topic from data/needs.yml)."""

    __tablename__ = "assessment_needs"

    assessment_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    # Copies of the parent's coded filter fields (records never change), so /api/stats can
    # count needs per filter without joining 100 000s of rows.
    completed_on: Mapped[date] = mapped_column(Date)
    size_class: Mapped[str] = mapped_column(String(8))
    sector: Mapped[str] = mapped_column(String(32))
    municipality: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        Index("ix_assessment_needs_code_cov", "code", *FILTER_COLUMNS),
        _month_only("ck_needs_month_only"),
    )


class AssessmentRecommendation(Base):
    """An offering id that was recommended in an assessment, with its position (1 = first)."""

    __tablename__ = "assessment_recommendations"

    assessment_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    offering_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_assessment_recommendations_offering", "offering_id"),)


class FunnelEvent(Base):
    """Anonymised funnel event of a conversation (staff dashboard).

    One row per (random conversation key, event, question); a repeated event increments
    `occurrences`. `hour` is the local time (Europe/Berlin) of the first occurrence, truncated to
    the hour. No text, no sender id. `question` is "" for events without a question.
    """

    __tablename__ = "funnel_events"

    conv_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    event: Mapped[str] = mapped_column(String(16), primary_key=True)
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    hour: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(16))
    duration_minutes: Mapped[int | None] = mapped_column(SmallInteger)
    occurrences: Mapped[int] = mapped_column(Integer, default=1)
    # Only on the "started" row: the furthest question (slot id, questionnaire order) the
    # conversation has reached so far (the funnel counts it at every question up to there).
    furthest: Mapped[str | None] = mapped_column(String(40))

    __table_args__ = (
        # Dashboard aggregates filter on event and period, group by question or furthest
        # question (index-only scans).
        Index(
            "ix_funnel_events_event_hour",
            "event",
            "hour",
            "question",
            "occurrences",
            "duration_minutes",
            "furthest",
        ),
    )


class StaffUser(Base):
    """A dashboard login created with `python -m api.cli staff-user NAME` (argon2 hash only)."""

    __tablename__ = "staff_users"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))


class BenchmarkSnapshot(Base):
    """The published peer benchmark of one fixed group (size class, or size class and sector).

    Refreshed only when the group has changed by at least MIN_GROUP_SIZE firms since its values
    were last computed, so two different published values always differ by five or more firms
    (see api/services/benchmark.py). ``sector`` is "" for the whole size class. ``firms`` is the
    exact size at that computation; it is never published (the API shows a band).
    """

    __tablename__ = "benchmark_snapshots"

    size_class: Mapped[str] = mapped_column(String(8), primary_key=True)
    sector: Mapped[str] = mapped_column(String(32), primary_key=True)
    visible: Mapped[bool] = mapped_column(Boolean)
    firms: Mapped[int] = mapped_column(Integer)
    # size of the whole size class when its group of snapshots was last refreshed
    refreshed_at_firms: Mapped[int] = mapped_column(Integer)
    published_on: Mapped[date] = mapped_column(Date)
    overall: Mapped[int | None] = mapped_column(SmallInteger)
    score_strategy: Mapped[int | None] = mapped_column(SmallInteger)
    score_tools: Mapped[int | None] = mapped_column(SmallInteger)
    score_processes: Mapped[int | None] = mapped_column(SmallInteger)
    score_online: Mapped[int | None] = mapped_column(SmallInteger)
    score_security: Mapped[int | None] = mapped_column(SmallInteger)
    score_skills: Mapped[int | None] = mapped_column(SmallInteger)
