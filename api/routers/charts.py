"""Radar chart of the dimension scores (PNG, SVG) and its numbers (JSON).

Query parameters as on the printable result page (api/services/result.py): ``a`` (the answers,
scored with contract.scoring exactly as in the chat) or, for old links, the dimension scores
``strategy`` … ``skills``; optionally ``peer_<dim>`` (dashed) and ``prev_<dim>`` (dotted).
Nothing personal goes in, so responses are cacheable.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response

from api.services import charts
from api.services.result import AnswersError, ScoreQuery, ScoreSet, resolve

router = APIRouter(prefix="/api/charts", tags=["charts"])
CACHE_HEADERS = {"Cache-Control": "public, max-age=86400"}
QueryDep = Annotated[ScoreQuery, Query()]  # type: ignore[valid-type]


def scores_of(query: Any) -> ScoreSet:
    try:
        return resolve(query)
    except AnswersError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _chart(query: Any, fmt: str) -> Response:
    body = charts.render(scores_of(query), fmt)
    return Response(body, media_type=charts.MEDIA_TYPES[fmt], headers=CACHE_HEADERS)


@router.get("/radar.png", response_class=Response, summary="Radar chart as PNG")
def radar_png(query: QueryDep) -> Response:
    return _chart(query, "png")


@router.get("/radar.svg", response_class=Response, summary="Radar chart as SVG")
def radar_svg(query: QueryDep) -> Response:
    return _chart(query, "svg")


@router.get("/radar.json", summary="The chart's numbers and its text alternative")
def radar_json(query: QueryDep) -> dict[str, Any]:
    scores = scores_of(query)
    return scores.as_dict() | {"alt": charts.text_alternative(scores)}
