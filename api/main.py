"""Digitalcheck API: offering recommendations, anonymised needs log, staff statistics.

Run from the repo root: .venv-api/bin/uvicorn api.main:app --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from slowapi.errors import RateLimitExceeded

from api.core.config import settings
from api.core.db import SessionLocal
from api.core.migrate import upgrade_head
from api.core.ratelimit import limiter
from api.core.templates import STATIC_DIR, WIDGET_DIR
from api.deps import LoginRequired
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
    rechecks,
    recommendations,
    stats,
)
from api.services.benchmark import refresh_benchmark
from api.services.catalogue import reload_catalogue
from api.services.retention import purge_at_startup


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    reload_catalogue()  # a bad catalogue or needs file stops the start with a readable error
    if settings.RUN_MIGRATIONS:
        upgrade_head()
        purge_at_startup()  # retention: RETENTION_MONTHS (events and assessments)
        with SessionLocal() as db:
            refresh_benchmark(db)
    yield


app = FastAPI(
    title="Digitalcheck API",
    version="0.2.0",
    description=(
        "Support-offering recommendations, the anonymised needs log and staff statistics "
        "for the Digitalcheck assistant (Düsseldorf / Kreis Mettmann)."
    ),
    lifespan=lifespan,
    max_body_size=settings.MAX_BODY_BYTES,  # larger request bodies get 413
)
# Browsers may call the API only from the listed origins (default: the demo page's own).
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.allowed_origins,
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
    allow_credentials=False,
)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, dashboard_auth.too_many_logins)


@app.exception_handler(LoginRequired)
def _to_login(_request: Request, _exc: LoginRequired) -> RedirectResponse:
    return dashboard_auth.to_login()


for module in (health, offerings, recommendations, assessments, rechecks, stats, benchmark, events):
    app.include_router(module.router)

# Website channel: radar chart, printable result, demo page and the chat widget's files.
app.include_router(charts.router)
app.include_router(pages.router)
# Staff dashboard (login, charts, CSV export, monthly report).
app.include_router(dashboard_auth.router)
app.include_router(dashboard.router)
app.mount("/widget", StaticFiles(directory=WIDGET_DIR), name="widget")
app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
