"""The district's contacts per region (config/contact.yml), for handoff and callbacks."""

from __future__ import annotations

import functools
from typing import Any, Dict, Optional

import yaml

from actions.settings import settings
from contract.questionnaire import load_questionnaire

FIELDS = (("email", "E-Mail"), ("phone", "Telefon"), ("office_hours", "Erreichbar"))
MISSING = "noch nicht hinterlegt"


@functools.lru_cache(maxsize=1)
def load_contacts() -> Dict[str, Dict[str, str]]:
    with open(settings.contact_file, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle) or {}
    regions = raw.get("regions") or {}
    if not {"kreis_mettmann", "duesseldorf", "other"} <= set(regions):
        raise ValueError("config/contact.yml needs regions kreis_mettmann, duesseldorf, other")
    return {
        region: {key: str(value or "").strip() for key, value in (entry or {}).items()}
        for region, entry in regions.items()
    }


def contact_for(municipality: Optional[str]) -> Dict[str, str]:
    """The contact of the owner's region (Kreis Mettmann when the town is not known yet)."""
    region = load_questionnaire().region_of(municipality) or "kreis_mettmann"
    contacts = load_contacts()
    return contacts.get(region) or contacts["kreis_mettmann"]


def contact_message(municipality: Optional[str], lead: str = "") -> Dict[str, Any]:
    """The contact as a message: only what staff have entered; missing fields are named."""
    contact = contact_for(municipality)
    name = " – ".join(p for p in (contact.get("organisation"), contact.get("team")) if p)
    lines = [lead] if lead else []
    lines.append(f"Ihr Kontakt: {name}.")
    missing = []
    for key, label in FIELDS:
        if contact.get(key):
            lines.append(f"{label}: {contact[key]}")
        else:
            missing.append(label)
    if contact.get("website"):
        lines.append(f"Website: {contact['website']}")
    if missing:
        lines.append(f"({', '.join(missing)}: {MISSING} – bitte nutzen Sie die Website.)")
    if contact.get("note"):
        lines.append(contact["note"])
    message: Dict[str, Any] = {"text": "\n".join(lines)}
    if contact.get("website"):
        message["buttons"] = [
            {"title": "Zur Website", "url": contact["website"], "type": "web_url"}
        ]
    return message


CALLBACK_TEXT = (
    "Einen Rückruf kann ich leider nicht vereinbaren. Eine Telefonnummer speichere ich nicht – "
    "falls Sie eine geschrieben haben, wurde sie vor dem Speichern entfernt. So erreichen Sie "
    "die Wirtschaftsförderung direkt:"
)
