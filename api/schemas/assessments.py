"""The anonymised record of a completed interview."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from api.core.codes import Channel, Municipality, Sector, SizeClass
from api.schemas.base import RecheckHash, Schema, Scores, ScoreValue, ShortCode
from api.services.catalogue import get_catalogue


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
