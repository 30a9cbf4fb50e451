"""The base model and the types several resources share."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from api.core.codes import DIMENSIONS
from contract.catalogue import AUDIENCES


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


ScoreValue = Annotated[int, Field(ge=0, le=100, strict=True)]
ShortCode = Annotated[str, StringConstraints(max_length=64)]
RecheckHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]

# Dimension scores 0-100, one optional field per dimension of the questionnaire; null (or absent)
# when the owner could not answer.
Scores: type[Schema] = create_model(
    "Scores",
    __base__=Schema,
    __doc__="Dimension scores 0–100; null (or absent) when the owner could not answer.",
    **{d: (ScoreValue | None, None) for d in DIMENSIONS},
)
