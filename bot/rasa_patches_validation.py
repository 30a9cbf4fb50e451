"""Action server responses validated as Rasa 3.6 does, without its per-call cost.

Part of :mod:`bot.rasa_patches` (installed by its ``apply()``, on every Rasa version):

* **Action responses are validated with a prepared validator.** Rasa checks every action
  server response with ``jsonschema.validate(result, schema)``, which validates the (constant)
  schema against the JSON-Schema meta-schema and builds a new validator on every call. Profiling a
  running interview (py-spy on the Rasa process) showed this taking about 58 % of the server's
  time per turn. The same schema is now checked once and its validator reused; responses are
  validated exactly as before (same schema, same errors).
* **Events already seen valid are not validated again.** Even with the prepared validator the
  ``oneOf`` over all event schemas cost about 1 ms per returned event (a form answer returns
  five to ten ``SlotSet`` events, mostly the same ones in every conversation). The schema checks
  every event on its own (``items``), so a response whose events all equal (same canonical JSON)
  events that passed before, and whose ``responses`` are a list of objects, is valid; anything
  else goes through the full validation, with the same errors. Only a BLAKE2 digest of each
  valid event is kept (no message text or slot value stays in memory), at most 4096 of them.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any, Dict, List, Optional, Set


@functools.lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, instead of on every response
    return cls(schema)


_VALID_EVENTS: Set[bytes] = set()
_VALID_EVENTS_MAX = 4096


def _event_digests(result: Any) -> Optional[List[bytes]]:
    """Digests of the response's events, or None if its shape needs the full validation."""
    if not isinstance(result, dict):
        return None
    events = result.get("events", [])
    responses = result.get("responses", [])
    if not isinstance(events, list) or not isinstance(responses, list):
        return None
    if not all(isinstance(response, dict) for response in responses):
        return None
    digests = []
    for event in events:
        if not isinstance(event, dict):
            return None
        try:
            canonical = json.dumps(event, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError):
            return None
        digests.append(hashlib.blake2b(canonical.encode(), digest_size=16).digest())
    return digests


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    digests = _event_digests(result)
    if digests is not None and all(d in _VALID_EVENTS for d in digests):
        return True  # every event passed the same schema before; responses are objects
    try:
        _response_validator().validate(result)
        if digests:
            if len(_VALID_EVENTS) + len(digests) > _VALID_EVENTS_MAX:
                _VALID_EVENTS.clear()
            _VALID_EVENTS.update(digests)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
