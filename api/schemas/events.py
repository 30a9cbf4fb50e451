"""Anonymised funnel events."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from api.core.codes import QUESTION_IDS, Channel, EventName
from api.schemas.base import Schema
from contract.codes import QUESTION_EVENTS, Event


class FunnelEventIn(Schema):
    """One anonymised funnel event. `key` is random per conversation (32 lowercase hex)."""

    key: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    event: EventName
    question: Annotated[str, StringConstraints(max_length=40)] | None = None
    channel: Channel
    duration_minutes: Annotated[int, Field(ge=0, le=1440, strict=True)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> FunnelEventIn:
        if self.event in QUESTION_EVENTS:
            if self.question is None:
                raise ValueError(f"question is required for event {self.event}")
            if self.question not in QUESTION_IDS:
                raise ValueError("unknown question (see data/questionnaire.yml)")
        elif self.question is not None:
            raise ValueError(f"question must be null for event {self.event}")
        if self.duration_minutes is not None and self.event != Event.COMPLETED:
            raise ValueError("duration_minutes is only allowed with event completed")
        return self


MAX_BATCH = 500


class FunnelEventBatchIn(Schema):
    """Several funnel events in the order they happened (the action server sends what gathered
    within a fraction of a second in one request: one HTTP request and one commit for all)."""

    events: Annotated[list[FunnelEventIn], Field(min_length=1, max_length=MAX_BATCH)]


class Accepted(Schema):
    status: Literal["accepted"]


class Deleted(Schema):
    deleted: int = Field(description="Number of funnel events deleted")
