"""The one Jinja2 template environment of the service (pages, result, dashboard)."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from api.core.config import ROOT

API_DIR = Path(__file__).resolve().parents[1]
TEMPLATES_DIR = API_DIR / "templates"
STATIC_DIR = API_DIR / "static"
WIDGET_DIR = ROOT / "bot" / "widget"  # the chat widget's static files (served, not imported)

templates = Jinja2Templates(directory=TEMPLATES_DIR)
