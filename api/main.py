"""Digitalcheck API: offering recommendations, anonymised needs log, staff statistics.

Run from the repo root: .venv-api/bin/uvicorn api.main:app --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.core.config import settings
from api.core.migrate import upgrade_head
from api.routers import (
    assessments,
    benchmark,
    charts,
    dashboard,
    dashboard_auth,
    events,
    health,
    offerings,
    pages,
    recommendations,
    stats,
)
from api.services.catalogue import reload_catalogue
from api.services.retention import purge_at_startup


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    reload_catalogue()  # a bad catalogue or needs file stops the start with a readable error
    if settings.RUN_MIGRATIONS:
        upgrade_head()
        purge_at_startup()  # retention: RETENTION_MONTHS (events and assessments)
    yield


app = FastAPI(
    title="Digitalcheck API",
    version="0.1.0",
    description=(
        "Support-offering recommendations, the anonymised needs log and staff statistics "
        "for the Digitalcheck assistant (Düsseldorf / Kreis Mettmann)."
    ),
    lifespan=lifespan,
    max_body_size=settings.MAX_BODY_BYTES,  # larger request bodies get 413
)

for module in (health, offerings, recommendations, assessments, stats, benchmark, events):
    app.include_router(module.router)

# Website channel: radar chart, printable result, demo page and the chat widget's files.
app.include_router(charts.router)
app.include_router(pages.router)
# Staff dashboard (login, charts, CSV export, monthly report).
app.include_router(dashboard_auth.router)
app.include_router(dashboard.router)
app.mount("/widget", StaticFiles(directory=pages.WIDGET_DIR), name="widget")
app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
