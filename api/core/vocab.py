"""Fixed code lists shared with the assistant (data contract; keep in sync with questionnaire)."""

from __future__ import annotations

from typing import Literal, get_args

DimensionId = Literal["strategy", "tools", "processes", "online", "security", "skills"]
Sector = Literal[
    "handwerk",
    "handel",
    "gastronomie",
    "dienstleistung",
    "produktion",
    "bau",
    "gesundheit",
    "it_medien",
    "logistik",
    "sonstiges",
]
Municipality = Literal[
    "erkrath",
    "haan",
    "heiligenhaus",
    "hilden",
    "langenfeld",
    "mettmann",
    "monheim",
    "ratingen",
    "velbert",
    "wuelfrath",
    "duesseldorf",
    "andere",
]
SizeClass = Literal["1-9", "10-49", "50+"]
Channel = Literal["rest", "socketio", "telegram", "other"]
OfferingKind = Literal["beratung", "foerderung", "weiterbildung", "veranstaltung", "werkzeug"]
OfferingStatus = Literal["open", "paused", "closed"]

DIMENSIONS: tuple[str, ...] = get_args(DimensionId)
SECTORS: tuple[str, ...] = get_args(Sector)
MUNICIPALITIES: tuple[str, ...] = get_args(Municipality)
SIZE_CLASSES: tuple[str, ...] = get_args(SizeClass)
CHANNELS: tuple[str, ...] = get_args(Channel)

DIMENSION_TITLES: dict[str, str] = {
    "strategy": "Strategie und Organisation",
    "tools": "IT-Ausstattung und Werkzeuge",
    "processes": "Prozesse und Abläufe",
    "online": "Online-Präsenz und Kundenkontakt",
    "security": "IT-Sicherheit und Datenschutz",
    "skills": "Digitale Kompetenzen",
}

# Groups with fewer records than this are never shown (statistics and benchmark).
MIN_GROUP_SIZE = 5


def size_class_for(employees: int) -> str:
    """Size class of a firm with `employees` people (1-9, 10-49, 50+)."""
    if employees < 10:
        return "1-9"
    if employees < 50:
        return "10-49"
    return "50+"
