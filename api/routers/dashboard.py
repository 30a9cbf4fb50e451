"""Staff dashboard pages: overview with charts, CSV export of every table, monthly report.

Every route needs a staff session (``CurrentStaff``); without one it redirects (303) to the
login page. Numbers come from api.services.dashboard with small-group protection.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.core import clock
from api.core.codes import MUNICIPALITIES, SECTORS, SIZE_CLASSES
from api.core.templates import templates
from api.deps import CurrentStaff, SessionDep
from api.services.dashboard.build import TABLE_IDS, build_dashboard
from api.services.dashboard.tables import TOO_FEW, display, to_csv
from api.services.period import DashboardFilters, month_index, month_label
from api.services.result import MONTHS

router = APIRouter(prefix="/dashboard", include_in_schema=False)
FilterDep = Annotated[DashboardFilters, Query()]
FILTER_OPTIONS = {
    "size_class": ("Größenklasse", SIZE_CLASSES),
    "sector": ("Branche", SECTORS),
    "municipality": ("Ort", MUNICIPALITIES),
}
SECTIONS = (
    ("Gespräche (nur Zeitraumfilter)", ("funnel", "reasks")),
    ("Reifegrad der Betriebe", ("maturity", "by_size_class", "by_sector", "by_municipality")),
    ("Bedarfe und Angebote", ("needs", "offerings")),
    ("Bedarf vs. Angebot", ("gaps", "gap_matrix")),
    ("Zweitcheck (Betriebe mit Code)", ("recheck_change", "recheck_offerings")),
    ("Entwicklung", ("trend",)),
)
WIDE = frozenset({"gaps", "gap_matrix"})  # tables that take the whole width of their section


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _context(board: Any, staff: dict[str, Any]) -> dict[str, Any]:
    return {
        "board": board,
        "tables": board.tables,
        "filters": board.filters,
        "query": board.filters.query_params(),
        "options": FILTER_OPTIONS,
        "sections": SECTIONS,
        "wide": WIDE,
        "staff": staff,
        "display": display,
        "too_few": TOO_FEW,
        "data_until": month_label(clock.last_closed_month()),
        "charts": {k: t.chart_data() for k, t in board.tables.items() if t.chart_data()},
    }


@router.get("", response_class=HTMLResponse)
def dashboard(
    request: Request, staff: CurrentStaff, db: SessionDep, filters: FilterDep
) -> Response:
    board = build_dashboard(db, filters)
    page = templates.TemplateResponse(request, "dashboard.html", _context(board, staff))
    return _no_store(page)


@router.get("/export/{table_id}.csv")
def export_csv(_staff: CurrentStaff, table_id: str, db: SessionDep, filters: FilterDep) -> Response:
    if table_id not in TABLE_IDS:
        return Response("unknown table", status_code=404)
    table = build_dashboard(db, filters, only=table_id).tables[table_id]
    filename = f"digitalcheck-{table_id}.csv"
    return _no_store(
        Response(
            "\ufeff" + to_csv(table),  # BOM: Excel opens UTF-8 with umlauts correctly
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    )


@router.get("/report", response_class=HTMLResponse)
def monthly_report(
    request: Request,
    staff: CurrentStaff,
    db: SessionDep,
    month: Annotated[str | None, Query(pattern=r"^20\d{2}-(0[1-9]|1[0-2])$")] = None,
) -> Response:
    month = month or month_label(clock.last_closed_month())  # the last complete month
    board = build_dashboard(db, DashboardFilters(month_from=month, month_to=month))
    year, number = divmod(month_index(month), 12)
    context = _context(board, staff) | {
        "month": month,
        "month_title": f"{MONTHS[number]} {year}",
        "today": clock.today().strftime("%d.%m.%Y"),
    }
    return _no_store(templates.TemplateResponse(request, "dashboard_report.html", context))
