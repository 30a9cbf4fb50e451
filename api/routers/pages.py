"""HTML pages: the demo page with the chat widget and the printable one-page result.

``GET /`` looks like a page of the district's business-development website with the widget
embedded (served from ``/widget/``; the Rasa server URL comes from ``RASA_PUBLIC_URL``).
``GET /result?strategy=..&..&recommended=id1,id2,id3`` is the result to print or save as PDF:
scores, level, radar chart and the recommended offerings from the catalogue. It shows only what
is in the URL – nothing personal.
"""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Optional

import yaml
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.core.config import ROOT
from api.core.vocab import DIMENSION_TITLES, DIMENSIONS
from api.routers.charts import ChartScores
from api.services.catalogue import get_catalogue

router = APIRouter(tags=["pages"])

WIDGET_DIR = ROOT / "bot" / "widget"
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
templates = Jinja2Templates(directory=Path(__file__).resolve().parents[1] / "templates")

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
MAX_RECOMMENDED = 5
OFFERING_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
KIND_TITLES = {
    "beratung": "Beratung",
    "foerderung": "Förderung",
    "weiterbildung": "Weiterbildung",
    "veranstaltung": "Veranstaltung",
    "werkzeug": "Werkzeug",
}


@lru_cache(maxsize=1)
def questionnaire_meta() -> dict[str, Any]:
    """Dimension weights and maturity levels from data/questionnaire.yml."""
    data = yaml.safe_load((ROOT / "data" / "questionnaire.yml").read_text(encoding="utf-8"))
    weights = {d["id"]: float(d.get("weight", 1.0)) for d in data["dimensions"]}
    levels = sorted(data["levels"], key=lambda level: level["min"])
    return {"weights": weights, "levels": levels}


@lru_cache(maxsize=1)
def contact() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "config" / "contact.yml").read_text(encoding="utf-8")) or {}
    return {key: str(value or "").strip() for key, value in data.items()}


def overall_score(scores: dict[str, Optional[int]]) -> Optional[int]:
    """Dimension-weight mean of the known scores, rounded half up (as in the assistant)."""
    weights = questionnaire_meta()["weights"]
    known = {d: s for d, s in scores.items() if s is not None}
    total = sum(weights.get(d, 1.0) for d in known)
    if not known or total <= 0:
        return None
    mean = Decimal(sum(weights.get(d, 1.0) * s for d, s in known.items())) / Decimal(total)
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def level_title(overall: Optional[int]) -> Optional[str]:
    if overall is None:
        return None
    title = None
    for level in questionnaire_meta()["levels"]:
        if overall >= level["min"]:
            title = level["title"]
    return title


def german_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def recommended_offerings(value: str) -> list[dict[str, str]]:
    """The catalogue entries for the comma-separated ids (unknown ids are skipped)."""
    catalogue = get_catalogue()
    seen: list[str] = []
    for raw in value.split(","):
        offering_id = raw.strip()
        if OFFERING_ID.match(offering_id) and offering_id not in seen:
            seen.append(offering_id)
    offerings = [catalogue.by_id[i] for i in seen if i in catalogue.by_id]
    offerings = [o for o in offerings if o.status != "closed"][:MAX_RECOMMENDED]
    return [
        {
            "title": o.title,
            "provider": o.provider,
            "kind": KIND_TITLES.get(o.kind, o.kind),
            "summary": o.summary,
            "cost": o.cost,
            "url": o.url,
        }
        for o in offerings
    ]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def demo_page(request: Request) -> HTMLResponse:
    rasa_url = os.environ.get("RASA_PUBLIC_URL", "").strip() or DEFAULT_RASA_URL
    return templates.TemplateResponse(
        request, "demo.html", {"rasa_url": rasa_url.rstrip("/"), "contact": contact()}
    )


@router.get("/result", response_class=HTMLResponse, summary="Printable one-page result")
def result_page(
    request: Request,
    scores: Annotated[ChartScores, Depends()],
    recommended: Annotated[str, Query(max_length=400)] = "",
) -> HTMLResponse:
    own = dict(zip(DIMENSIONS, scores.own, strict=True))
    peer = dict(zip(DIMENSIONS, scores.peer, strict=True))
    overall = overall_score(own)
    rows = [{"title": DIMENSION_TITLES[d], "score": own[d], "peer": peer[d]} for d in DIMENSIONS]
    context = {
        "rows": rows,
        "has_peer": any(v is not None for v in scores.peer),
        "overall": overall,
        "level": level_title(overall),
        "chart_query": scores.query(),
        "offerings": recommended_offerings(recommended),
        "today": german_date(date.today()),
        "contact": contact(),
    }
    return templates.TemplateResponse(request, "result.html", context)
