"""Recommendations for an owner's profile and scores."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from api.core.codes import QN, Municipality, ScoredQuestion, Sector, Wish
from api.schemas.base import Audience, Schema, Scores


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
