"""Request and response schemas (pydantic v2). Every model forbids unknown fields."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from api.core.vocab import Channel, DimensionId, Municipality, Sector, SizeClass
from api.services.catalogue import get_catalogue
from api.services.funnel import QUESTION_EVENTS, question_ids


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


ScoreValue = Annotated[int, Field(ge=0, le=100, strict=True)]
ShortCode = Annotated[str, StringConstraints(max_length=64)]


def _known_need(code: str) -> str:
    if code not in get_catalogue().need_titles:
        raise ValueError("unknown need code (see data/needs.yml)")
    return code


def _known_offering(offering_id: str) -> str:
    if offering_id not in get_catalogue().by_id:
        raise ValueError("unknown offering id (see data/offerings.yml)")
    return offering_id


def _dedupe(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


NeedCode = Annotated[ShortCode, AfterValidator(_known_need)]
OfferingId = Annotated[ShortCode, AfterValidator(_known_offering)]


class HealthOut(Schema):
    status: Literal["ok"]


class Scores(Schema):
    """Dimension scores 0–100; null (or absent) when the owner could not answer."""

    strategy: ScoreValue | None = None
    tools: ScoreValue | None = None
    processes: ScoreValue | None = None
    online: ScoreValue | None = None
    security: ScoreValue | None = None
    skills: ScoreValue | None = None


class Profile(Schema):
    employees: Annotated[int, Field(ge=1, le=1_000_000, strict=True)]
    sector: Sector
    municipality: Municipality


class RecommendationRequest(Schema):
    profile: Profile
    scores: Scores
    limit: Annotated[int, Field(ge=1, le=10, strict=True)] = 3


class Recommendation(Schema):
    id: str
    title: str
    provider: str
    kind: str
    url: str
    summary: str
    cost: str
    reason: str


class RecommendationResponse(Schema):
    recommendations: list[Recommendation]


class AssessmentIn(Schema):
    """The anonymised record of one completed interview. Only coded values, never free text."""

    size_class: SizeClass
    sector: Sector
    municipality: Municipality
    channel: Channel
    scores: Scores
    overall: ScoreValue | None = None
    needs: Annotated[list[NeedCode], Field(max_length=30), AfterValidator(_dedupe)] = []
    recommended: Annotated[list[OfferingId], Field(max_length=10), AfterValidator(_dedupe)] = []


class AssessmentCreated(Schema):
    id: str


class StatsFilters(Schema):
    date_from: date | None = None
    date_to: date | None = None
    size_class: SizeClass | None = None
    sector: Sector | None = None
    municipality: Municipality | None = None


class GroupStats(Schema):
    key: str
    count: int
    overall_mean: float | None
    dimension_means: dict[DimensionId, float | None]


class NeedCount(Schema):
    code: str
    title: str
    count: int


class StatsOut(Schema):
    completed: int
    min_group_size: int
    dimension_means: dict[DimensionId, float | None]
    overall_mean: float | None
    by_size_class: list[GroupStats]
    by_sector: list[GroupStats]
    by_municipality: list[GroupStats]
    top_needs: list[NeedCount]
    suppressed_groups: int
    filters: StatsFilters


class BenchmarkQuery(Schema):
    size_class: SizeClass | None = None
    sector: Sector | None = None


class BenchmarkOut(Schema):
    available: bool
    count: int | None
    overall: float | None
    dimensions: dict[DimensionId, float | None] | None


FunnelEventType = Literal[
    "started",
    "consent_given",
    "consent_refused",
    "question_reached",
    "reask",
    "completed",
    "handoff",
    "fallback",
]


class FunnelEventIn(Schema):
    """One anonymised funnel event. `key` is random per conversation (32 lowercase hex)."""

    key: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    event: FunnelEventType
    question: Annotated[str, StringConstraints(max_length=40)] | None = None
    channel: Channel
    duration_minutes: Annotated[int, Field(ge=0, le=1440, strict=True)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> FunnelEventIn:
        if self.event in QUESTION_EVENTS:
            if self.question is None:
                raise ValueError(f"question is required for event {self.event}")
            if self.question not in question_ids():
                raise ValueError("unknown question (see data/questionnaire.yml)")
        elif self.question is not None:
            raise ValueError(f"question must be null for event {self.event}")
        if self.duration_minutes is not None and self.event != "completed":
            raise ValueError("duration_minutes is only allowed with event completed")
        return self


class Accepted(Schema):
    status: Literal["accepted"]
