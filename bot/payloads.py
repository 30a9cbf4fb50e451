"""Button payloads: which ``/intent{json}`` messages are commands, and which are just text.

Rasa treats any message that starts with ``/`` as an intent payload and skips the NLU. Only the
payload forms our own buttons send are accepted as such: a known intent and, optionally, a flat
JSON object with known keys and short scalar values. Anything else that looks like a payload,
JSON or markup (``/restart``, ``/session_start``, ``/inform{"maturity": 100}``) is text: the
channels pass it on without the leading slash, so it goes through the NLU like any message.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, Optional, Tuple

# Intents our buttons send, with the entity keys each may carry.
BUTTON_INTENTS: Dict[str, Tuple[str, ...]] = {
    "answer": ("choice",),
    "inform": ("employees", "sector", "municipality"),
    "affirm": (),
    "deny": (),
    "change": ("question",),
    "start_check": (),
    "greet": (),  # Telegram's /start
    "restart": (),
    "human_handoff": (),
    "ask_privacy": ("detail",),
    "ask_result": ("offering", "topic", "dimension"),
    "erase_data": (),
}
MAX_VALUE_LENGTH = 64
_PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]{1,32})(?P<json>\{.*\})?$", re.DOTALL)
_VALUE = re.compile(r"^[\w\-+. äöüÄÖÜß]{1,64}$")


def parse_payload(text: Any) -> Tuple[Optional[str], Dict[str, Any]]:
    """``(intent, entities)`` of a valid button payload, else ``(None, {})``."""
    if not isinstance(text, str):
        return None, {}
    match = _PAYLOAD.match(text.strip())
    if not match or match.group("intent") not in BUTTON_INTENTS:
        return None, {}
    intent = match.group("intent")
    if not match.group("json"):
        return intent, {}
    try:
        entities = json.loads(match.group("json"))
    except ValueError:
        return None, {}
    if not isinstance(entities, dict) or not entities:
        return None, {}
    allowed = BUTTON_INTENTS[intent]
    for key, value in entities.items():
        if key not in allowed:
            return None, {}
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return None, {}
        if isinstance(value, int) and not 0 <= value <= 1_000_000:
            return None, {}
        if isinstance(value, str) and not _VALUE.fullmatch(value):
            return None, {}
    return intent, entities


def sanitize_text(text: str) -> str:
    """The text Rasa should see: valid payloads unchanged, other ``/...`` text without slashes."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return text
    intent, _ = parse_payload(stripped)
    if intent is not None:
        return stripped
    return stripped.lstrip("/").strip() or "?"
