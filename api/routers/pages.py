"""HTML pages: the demo page with the chat widget and the printable one-page result.

``GET /`` looks like a page of the district's business-development website with the widget
embedded (served from ``/widget/``; the Rasa server URL comes from ``RASA_PUBLIC_URL``).
``GET /result?a=<answers>&recommended=id1,id2,id3`` is the result to print or save as PDF:
scores (computed with contract.scoring, as in the chat), level, radar chart and the recommended
offerings. It shows only what is in the URL – nothing personal.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.core import clock
from api.core.config import settings
from api.core.templates import templates
from api.routers.charts import QueryDep, scores_of
from api.services import charts, result
from api.services.contact import contact

router = APIRouter(tags=["pages"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def demo_page(request: Request) -> HTMLResponse:
    rasa_url = settings.RASA_PUBLIC_URL.strip().rstrip("/")
    return templates.TemplateResponse(
        request, "demo.html", {"rasa_url": rasa_url, "contact": contact()}
    )


@router.get("/result", response_class=HTMLResponse, summary="Printable one-page result")
def result_page(
    request: Request,
    query: QueryDep,
    recommended: Annotated[str, Query(max_length=400)] = "",
) -> HTMLResponse:
    scores = scores_of(query)
    context = {
        "rows": result.result_rows(scores),
        "has_peer": any(v is not None for v in scores.peer.values()),
        "has_prev": any(v is not None for v in scores.prev.values()),
        "overall": scores.overall,
        "level": scores.level_title,
        "exact": scores.exact,
        "chart_query": result.chart_query(scores),
        "chart_alt": charts.text_alternative(scores),
        "offerings": result.recommended_offerings(recommended),
        "today": result.german_date(clock.today()),
        "contact": contact(),
    }
    return templates.TemplateResponse(request, "result.html", context)
