from __future__ import annotations

from fastapi import APIRouter

from api.schemas import Recommendation, RecommendationRequest, RecommendationResponse
from api.services.catalogue import get_catalogue
from api.services.recommendations import rank

router = APIRouter(prefix="/api", tags=["recommendations"])


@router.post("/recommendations", response_model=RecommendationResponse)
async def recommend(body: RecommendationRequest) -> RecommendationResponse:
    """Top offerings for the firm: the closing wish first, then the weakest dimensions; filtered
    by eligibility (size, sector, town, region). Each reason names the wish or the answers.

    Public and read-only: it computes from the catalogue and writes nothing (no database)."""
    ranked = rank(
        get_catalogue(),
        employees=body.profile.employees,
        sector=body.profile.sector,
        municipality=body.profile.municipality,
        scores=body.scores.model_dump(),
        limit=body.limit,
        need=body.need,
        answers=body.answers,
    )
    return RecommendationResponse(
        recommendations=[
            Recommendation(
                id=o.id,
                title=o.title,
                provider=o.provider,
                kind=o.kind,
                url=o.url,
                summary=o.summary,
                cost=o.cost,
                reason=reason,
                matches_need=matches,
                audience=o.audience,
            )
            for o, reason, matches in ranked
        ]
    )
