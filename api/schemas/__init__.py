"""Request and response schemas (pydantic v2), one module a resource. Every request model forbids
unknown fields.

Code lists come from the contract (api/core/codes.py): nothing is copied here.
"""

from __future__ import annotations

from api.schemas.assessments import AssessmentCreated, AssessmentIn, NeedCode, OfferingId
from api.schemas.base import Audience, RecheckHash, Schema, Scores, ScoreValue, ShortCode
from api.schemas.benchmark import BenchmarkOut, BenchmarkQuery
from api.schemas.events import Accepted, Deleted, FunnelEventBatchIn, FunnelEventIn
from api.schemas.health import HealthOut
from api.schemas.offerings import EligibilityOut, OfferingOut
from api.schemas.rechecks import RecheckLookupIn, RecheckLookupOut, RecheckProfile
from api.schemas.recommendations import (
    Answers,
    Profile,
    Recommendation,
    RecommendationRequest,
    RecommendationResponse,
)
from api.schemas.stats import GroupStats, NeedCount, StatsFilters, StatsOut

__all__ = [
    "Accepted",
    "Answers",
    "AssessmentCreated",
    "AssessmentIn",
    "Audience",
    "BenchmarkOut",
    "BenchmarkQuery",
    "Deleted",
    "EligibilityOut",
    "FunnelEventBatchIn",
    "FunnelEventIn",
    "GroupStats",
    "HealthOut",
    "NeedCode",
    "NeedCount",
    "OfferingId",
    "OfferingOut",
    "Profile",
    "RecheckHash",
    "RecheckLookupIn",
    "RecheckLookupOut",
    "RecheckProfile",
    "Recommendation",
    "RecommendationRequest",
    "RecommendationResponse",
    "Schema",
    "ScoreValue",
    "Scores",
    "ShortCode",
    "StatsFilters",
    "StatsOut",
]
