"""Code lists that are not in a data file: funnel event names, channel codes, group size.

The code lists that ARE data (dimensions, sectors, towns, size classes, levels, scales, needs)
come from :mod:`contract.questionnaire`; nothing here copies them.
"""

from __future__ import annotations

from typing import Dict, Tuple

# Smallest group any statistic, benchmark or dashboard cell may describe.
MIN_GROUP_SIZE = 5

# Staff counts above this are outside the target group of most offerings (still scored).
OFFER_LIMIT = 50


class Event:
    """Anonymised funnel event names (assistant -> POST /api/events -> dashboard)."""

    STARTED = "started"
    CONSENT_GIVEN = "consent_given"
    CONSENT_REFUSED = "consent_refused"
    QUESTION_REACHED = "question_reached"
    REASK = "reask"
    CONFIRMATION = "confirmation"
    COMPLETED = "completed"
    HANDOFF = "handoff"
    FALLBACK = "fallback"


EVENTS: Tuple[str, ...] = (
    Event.STARTED,
    Event.CONSENT_GIVEN,
    Event.CONSENT_REFUSED,
    Event.QUESTION_REACHED,
    Event.REASK,
    Event.CONFIRMATION,
    Event.COMPLETED,
    Event.HANDOFF,
    Event.FALLBACK,
)
# Events that name the question they belong to.
QUESTION_EVENTS: Tuple[str, ...] = (Event.QUESTION_REACHED, Event.REASK, Event.CONFIRMATION)

EVENT_TITLES: Dict[str, str] = {
    Event.STARTED: "Gestartet",
    Event.CONSENT_GIVEN: "Einwilligung erteilt",
    Event.CONSENT_REFUSED: "Einwilligung abgelehnt",
    Event.QUESTION_REACHED: "Frage erreicht",
    Event.REASK: "Nachfrage",
    Event.CONFIRMATION: "Rückfrage zur Bestätigung",
    Event.COMPLETED: "Abgeschlossen",
    Event.HANDOFF: "Kontaktwunsch",
    Event.FALLBACK: "Nicht verstanden",
}


class Channel:
    """Channel codes of the anonymous statistics (never a sender or chat id)."""

    REST = "rest"
    WEB = "socketio"
    TELEGRAM = "telegram"
    OTHER = "other"


CHANNELS: Tuple[str, ...] = (Channel.REST, Channel.WEB, Channel.TELEGRAM, Channel.OTHER)
CHANNEL_TITLES: Dict[str, str] = {
    Channel.REST: "REST-Schnittstelle",
    Channel.WEB: "Website-Chat",
    Channel.TELEGRAM: "Telegram",
    Channel.OTHER: "Sonstige",
}
# Conversation ids are namespaced per channel: "<prefix>-<id>".
SENDER_PREFIXES: Dict[str, str] = {
    Channel.REST: "rest",
    Channel.WEB: "web",
    Channel.TELEGRAM: "tg",
}


def channel_of_input(input_channel: str) -> str:
    """The channel code for Rasa's ``input_channel`` name (e.g. ``socketio``, ``telegram``)."""
    name = (input_channel or "").lower()
    return next((code for code in (Channel.WEB, Channel.TELEGRAM, Channel.REST) if code in name),
                Channel.OTHER)  # fmt: skip


# Kinds and statuses of the offering catalogue (data/offerings.yml).
OFFERING_KINDS: Dict[str, str] = {
    "beratung": "Beratung",
    "foerderung": "Förderung",
    "weiterbildung": "Weiterbildung",
    "veranstaltung": "Veranstaltung",
    "werkzeug": "Werkzeug",
}
OFFERING_STATUSES: Tuple[str, ...] = ("open", "paused", "closed")


def cost_title(kind: str) -> str:
    """The label of an offering's ``cost`` text: a grant states its share ("Zuschuss von 50 %
    …"), which is no cost to the owner."""
    return "Förderung" if kind == "foerderung" else "Kosten"
