"""Small, measured fixes to Rasa 3.6 internals, applied when the project's Rasa-side modules load.

* **Action responses are validated with a prepared validator.** Rasa checks every action
  server response with ``jsonschema.validate(result, schema)``, which validates the (constant)
  schema against the JSON-Schema meta-schema and builds a new validator on every call. Profiling a
  running interview (py-spy on the Rasa process) showed this taking about 58 % of the server's
  time per turn. The same schema is now checked once and its validator reused; responses are
  validated exactly as before (same schema, same errors).
"""

from __future__ import annotations

import functools
from typing import Any, Dict

_applied = False


@functools.lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, instead of on every response
    return cls(schema)


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error


def apply() -> None:
    """Installs the fixes (idempotent)."""
    global _applied
    if _applied:
        return
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]
    _applied = True
