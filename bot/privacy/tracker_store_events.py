"""Events in and out of the privacy tracker store: no store without the redactor, event classes
resolved from a cache, the erasure request.

Part of :mod:`bot.privacy.tracker_store`, which re-exports these names.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

import rasa.shared.utils.common
from rasa.shared.core.events import ActionExecuted, Event

from bot.privacy.sanitize import Redactor

ERASE_ACTION = "action_erase_conversation"


def load_redactor() -> Redactor:
    """``bot.privacy.redact.redact``; without it conversations must not be stored at all."""
    try:
        from bot.privacy.redact import redact
    except ImportError as error:
        # Not ImportError: Rasa would silently fall back to the in-memory tracker store.
        raise RuntimeError(
            "bot.privacy.redact is missing: refusing to store conversations unredacted"
        ) from error
    return redact


class _EventClasses:
    """``Event`` subclass by type name, computed once (again when an unknown name shows up)."""

    def __init__(self) -> None:
        self._by_name: Dict[str, type] = {}

    def get(self, type_name: str) -> Optional[type]:
        found = self._by_name.get(type_name)
        if found is None:
            by_name: Dict[str, type] = {}
            for cls in rasa.shared.utils.common.all_subclasses(Event):
                by_name.setdefault(cls.type_name, cls)  # first match, as Event.resolve_by_type
            self._by_name = by_name
            found = by_name.get(type_name)
        return found


_EVENT_CLASSES = _EventClasses()


def deserialise_events(serialised: List[Dict[str, Any]]) -> List[Event]:
    """Same result as ``rasa.shared.core.events.deserialise_events``, without the class scan."""
    events = []
    for parameters in serialised:
        if "event" not in parameters:
            continue
        cls = _EVENT_CLASSES.get(parameters["event"])
        event = cls._from_parameters(parameters) if cls else Event.from_parameters(parameters)
        if event:
            events.append(event)
    return events


def erasure_requested(events: Iterable[Event]) -> bool:
    return any(isinstance(e, ActionExecuted) and e.action_name == ERASE_ACTION for e in events)
