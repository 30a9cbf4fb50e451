"""Request and response schemas (pydantic v2). Every request model forbids unknown fields.

Code lists come from the contract (api/core/codes.py): nothing is copied here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

from api.core.codes import (
    DIMENSIONS,
    QN,
    QUESTION_IDS,
    Channel,
    DimensionId,
    EventName,
    Municipality,
    OfferingKind,
    OfferingStatus,
    ScoredQuestion,
    Sector,
    SizeClass,
    Wish,
)
from api.services.catalogue import get_catalogue
from api.services.period import ReportFilters
from contract.catalogue import AUDIENCES
from contract.codes import QUESTION_EVENTS, Event


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


# Dimension scores 0-100, one optional field per dimension of the questionnaire; null (or absent)
# when the owner could not answer.
Scores: type[Schema] = create_model(
    "Scores",
    __base__=Schema,
    __doc__="Dimension scores 0–100; null (or absent) when the owner could not answer.",
    **{d: (ScoreValue | None, None) for d in DIMENSIONS},
)


class Profile(Schema):
    employees: Annotated[int, Field(ge=1, le=1_000_000, strict=True)]
    sector: Sector
    municipality: Municipality


def _known_answers(answers: dict[str, str]) -> dict[str, str]:
    """Every answer must be an answer id of its question's scale, or dont_know."""
    for slot, answer in answers.items():
        allowed = QN.answer_ids(QN.question(slot).scale)
        if answer not in allowed:
            raise ValueError(f"{slot}: {answer!r} is not one of {allowed}")
    return answers


Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]
Answers = Annotated[
    dict[ScoredQuestion, Annotated[str, StringConstraints(max_length=32)]],
    AfterValidator(_known_answers),
]


class RecommendationRequest(Schema):
    profile: Profile
    scores: Scores  # type: ignore[valid-type]
    limit: Annotated[int, Field(ge=1, le=10, strict=True)] = 3
    need: Wish | None = Field(
        None,
        description='The owner\'s closing wish: a need code of data/needs.yml; "none" or absent '
        "= no particular wish",
    )
    answers: Answers | None = Field(
        None,
        description="{question slot: answer id} (scale ids of data/questionnaire.yml or "
        "dont_know); used to name the answers behind each reason",
    )


class Recommendation(Schema):
    id: str
    title: str
    provider: str
    kind: str
    url: str
    summary: str
    cost: str
    reason: str
    matches_need: bool = Field(description="The offering serves the owner's closing wish")
    audience: Audience = Field(  # type: ignore[valid-type]
        description='"betriebe", or "personen" for an offering for individuals (only shown '
        "for a matching wish, and marked in the reason)"
    )


class RecommendationResponse(Schema):
    recommendations: list[Recommendation]


class EligibilityOut(Schema):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    max_employees: int | None
    sectors: list[Sector] | None
    municipalities: list[Municipality] | None
    regions: list[str] | None


class OfferingOut(Schema):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: str
    title: str
    provider: str
    kind: OfferingKind
    dimensions: list[DimensionId]
    eligibility: EligibilityOut
    cost: str
    url: str
    summary: str
    status: OfferingStatus
    last_checked: date
    needs: list[str]
    audience: Audience  # type: ignore[valid-type]
    how_to_apply: str | None


RecheckHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class AssessmentIn(Schema):
    """The anonymised record of one completed interview. Only coded values, never free text."""

    size_class: SizeClass
    sector: Sector
    municipality: Municipality
    channel: Channel
    scores: Scores  # type: ignore[valid-type]
    overall: ScoreValue | None = None
    needs: Annotated[list[NeedCode], Field(max_length=30), AfterValidator(_dedupe)] = []
    recommended: Annotated[list[OfferingId], Field(max_length=10), AfterValidator(_dedupe)] = []
    recheck_hash: RecheckHash | None = Field(
        None,
        description="HMAC of the owner's new re-check code (64 lowercase hex; computed by the "
        "action server, the code itself is never sent)",
    )
    previous_hash: RecheckHash | None = Field(
        None,
        description="HMAC of the code the owner started with: links this re-assessment to the "
        "earlier one",
    )

    @model_validator(mode="after")
    def _different_hashes(self) -> AssessmentIn:
        if self.previous_hash is not None and self.previous_hash == self.recheck_hash:
            raise ValueError("previous_hash must differ from recheck_hash")
        return self


class AssessmentCreated(Schema):
    id: str
    linked: bool = Field(
        False, description="True when previous_hash named an earlier assessment (now linked)"
    )


class RecheckLookupIn(Schema):
    hash: RecheckHash


class RecheckProfile(Schema):
    size_class: SizeClass
    sector: Sector
    municipality: Municipality


class RecheckLookupOut(Schema):
    found: bool
    profile: RecheckProfile | None = None
    scores: dict[DimensionId, int | None] | None = None
    overall: int | None = None
    month: str | None = Field(None, description="Month of the earlier assessment (YYYY-MM)")


StatsFilters = ReportFilters


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
    published: bool = Field(
        description="False when the selection is suppressed (too few records, or 1-4 records "
        "away from a containing, coarser or earlier selection)"
    )
    completed: int | None = Field(
        description="Records in the selection; null when the selection is suppressed"
    )
    data_until: str = Field(description="Last month (YYYY-MM) included: only closed months")
    min_group_size: int
    dimension_means: dict[DimensionId, float | None]
    overall_mean: float | None
    by_size_class: list[GroupStats]
    by_sector: list[GroupStats]
    by_municipality: list[GroupStats]
    top_needs: list[NeedCount]
    suppressed_groups: int
    filters: dict[str, Any]


class BenchmarkQuery(Schema):
    size_class: SizeClass
    sector: Sector | None = None


class BenchmarkOut(Schema):
    available: bool
    count_band: str | None = Field(
        description='Size of the comparison group as a band ("5–9", "10–19", "20–49", '
        '"50–99", "mindestens 100"), never an exact count'
    )
    overall: int | None
    dimensions: dict[DimensionId, int | None] | None


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


class Accepted(Schema):
    status: Literal["accepted"]


class Deleted(Schema):
    deleted: int = Field(description="Number of funnel events deleted")
