"""Anonymised funnel events for the staff dashboard (fire and forget; sent in batches by
``api_client.post_event`` to POST /api/events/batch).

Each conversation gets a random key (slot ``funnel_key``) that is sent with its events and is
never sent together with anything personal: an event holds only the key, the event name, a
question slot id, the channel and, for a completed interview, the duration in minutes. The API
stores the time truncated to the hour. Erasure on request deletes a conversation's events.
"""

from __future__ import annotations

import secrets
import time
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import api_client
from contract.codes import channel_of_input

KEY_SLOT = "funnel_key"


def channel_of(tracker: Tracker) -> str:
    return channel_of_input(tracker.get_latest_input_channel() or "")


def key_events(tracker: Tracker) -> Tuple[str, List[Dict[str, Any]]]:
    """The conversation's funnel key, and the SlotSet event when it was just created."""
    key = tracker.get_slot(KEY_SLOT)
    if isinstance(key, str) and len(key) == 32:
        return key, []
    key = secrets.token_hex(16)
    return key, [SlotSet(KEY_SLOT, key)]


def duration_minutes(tracker: Tracker) -> Optional[int]:
    """Minutes since the first user message of the current conversation (after a restart)."""
    start = None
    for event in tracker.events:
        if event.get("event") == "restart":
            start = None
        elif event.get("event") == "user" and start is None:
            start = event.get("timestamp")
    if not start:
        return None
    return max(0, min(1440, int((time.time() - float(start)) // 60)))


def emit(
    tracker: Tracker,
    event: str,
    question: Optional[str] = None,
    key: Optional[str] = None,
    duration: Optional[int] = None,
) -> List[Dict[str, Any]]:
    """Sends one funnel event in the background; returns a SlotSet if a key was created."""
    created: List[Dict[str, Any]] = []
    if key is None:
        key, created = key_events(tracker)
    api_client.post_event(
        {
            "key": key,
            "event": event,
            "question": question,
            "channel": channel_of(tracker),
            "duration_minutes": duration,
        }
    )
    return created
