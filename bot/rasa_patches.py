"""Small, measured fixes to Rasa 3.6 internals, applied when the project's Rasa-side modules load.

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
* **A tracker's applied events are computed once per event list.** ``applied_events()`` walks
  the whole conversation (ABC ``isinstance`` checks, loop undo scans) and one turn calls it on the
  same, unchanged tracker several times (session expiry check, session update, the rule policy's
  state history): about 12 % of the Rasa server's time per turn in py-spy. The result depends
  only on the events, so it is remembered on the tracker together with the event container, its
  length and its last event, and recomputed as soon as any of them differs (an appended event,
  a new container after a restart or ``travel_back_in_time``). Callers get a fresh list.
  On Rasa 3.6.21, when events were only appended since the last call (and name no new loop),
  the remembered list is extended by the new events (the same fold, continued) instead of
  walking the whole conversation again: applied_events was still ~11 % of the server's CPU.
* **The intent classifier builds only the features it uses.** ``LogisticRegressionClassifier``
  asks for the message's combined sparse features (a deep copy and an ``hstack`` of the
  per-token sequence matrices as well as the sentence ones) and then uses only the sentence
  features, stacked with a zero-width dense matrix. It now stacks the sentence features alone, in
  the same order: the same matrix (same values, shape and column order), at about a quarter of
  the cost (cProfile of ``parse_message``: ``_create_X`` was 29 % of the NLU time per message).
* **``Domain.is_empty`` compares against the empty domain built once.** Every parse checks
  ``domain.is_empty()``, which built a new empty ``Domain`` (from a dict, with all default
  actions and intents) each time: ~5 % of the NLU time per message.
* **The action server gets the events its actions read, not the whole conversation.** Rasa sends
  ``tracker.current_state(EventVerbosity.ALL)`` on every action call: every event of the
  conversation as JSON (a finished interview is ~300 events), encoded by Rasa and decoded by the
  action server on every turn, growing with the conversation. The actions read
  ``tracker.events`` only for: the events since the latest user message
  (``get_latest_input_channel``, ``slots_to_validate`` of rasa_sdk's form validation,
  ``actions.common.just_activated``) and the time of the first user message after the latest
  restart (``actions.funnel.duration_minutes``). The request now carries exactly these: that
  first user message (when it is older) followed by every event from the latest user message on;
  slots, latest message, active loop, etc. are sent as before. ``tests/unit/test_rasa_patches.py``
  fails when code in ``actions/`` or ``bot/`` starts reading other events.

Patches after the first three are applied only on the Rasa version they were written and
measured for (``RASA_VERSION``); on another version Rasa runs unpatched (a warning is logged).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
from typing import Any, Dict, List, Optional, Set

logger = logging.getLogger(__name__)
_applied = False
RASA_VERSION = "3.6.21"
ORIGINALS: Dict[str, Any] = {}  # Rasa's own functions that the versioned patches replaced


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


_APPLIED_MEMO = "_applied_events_memo"


def _memoised_applied_events(original: Any) -> Any:
    @functools.wraps(original)
    def applied_events(self: Any) -> List[Any]:
        events = self.events
        count = len(events)
        last = events[-1] if count else None
        memo = self.__dict__.get(_APPLIED_MEMO)
        if memo is not None and memo[0] is events and memo[1] == count and memo[2] is last:
            return list(memo[3])
        result = None
        if _INCREMENTAL and memo is not None and memo[0] is events and 0 < memo[1] < count:
            result = _extend_applied_events(self, memo, count)
        if result is None:
            result = original(self)
        self.__dict__[_APPLIED_MEMO] = (events, count, last, list(result))
        return result

    applied_events.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]
    return applied_events


_INCREMENTAL = False  # set by _apply_versioned on the Rasa version the fold below copies


def _extend_applied_events(tracker: Any, memo: Any, count: int) -> Optional[List[Any]]:
    """Rasa 3.6.21's ``applied_events`` is a left-to-right fold over the events whose only
    state is the list built so far, given the loop names of *all* events. When events were only
    appended since the memo (same container, the memo's last event still in its place) and
    they name no new loop, the fold continues from the memo over the new events: the same list.
    Otherwise None (computed in full)."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
        UserUttered,
    )

    events, known, last, applied = memo
    if events[known - 1] is not last:
        return None
    new = list(itertools.islice(events, known, count))
    loop_names = {e.name for e in events if isinstance(e, ActiveLoop) and e.name}
    if any(isinstance(e, ActiveLoop) and e.name for e in new):
        old_loops = {
            e.name
            for e in itertools.islice(events, 0, known)
            if isinstance(e, ActiveLoop) and e.name
        }
        if loop_names != old_loops:
            return None
    applied_events = list(applied)
    for event in new:  # the loop body of DialogueStateTracker.applied_events (Rasa 3.6.21)
        if isinstance(event, (Restarted, SessionStarted)):
            applied_events = []
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied_events)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied_events)
            tracker._undo_till_previous(ActionExecuted, applied_events)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied_events)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied_events)
        else:
            applied_events.append(event)
    return applied_events


def _sentence_features_X(self: Any, messages: List[Any]) -> Any:
    """``LogisticRegressionClassifier._create_X`` from the sentence features only."""
    import numpy as np
    from rasa.shared.nlu.constants import TEXT
    from scipy.sparse import csr_matrix, hstack, vstack

    rows = []
    for message in messages:
        _sequence, sentence = message._filter_sparse_features(TEXT, [])
        dense = message.get_dense_features(attribute=TEXT)[1]
        parts = [f.features for f in sentence]
        if dense is not None:
            parts.append(csr_matrix(dense.features))
        if not parts:
            row = csr_matrix([])
        elif len(parts) == 1:
            row = csr_matrix(parts[0])
        else:
            row = hstack(parts).tocsr()
        if dense is None:  # Rasa stacks a zero-width float64 matrix then: same dtype here
            target = np.result_type(row.dtype, np.float64)
            if row.dtype != target:
                row = row.astype(target)
        rows.append(row)
    return vstack(rows)


_sentence_features_X.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1)
def _empty_domain_dict() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.empty().as_dict()


def _domain_is_empty(self: Any) -> bool:
    return self.as_dict() == _empty_domain_dict()


_domain_is_empty.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]


def events_for_action_server(events: Any) -> List[Any]:
    """The events an action call carries (see the module docstring): the first user message after
    the latest restart, if older than the latest user message, then the events from the latest
    user message on. Without any user message: all events."""
    from rasa.shared.core.events import Restarted, UserUttered

    events = list(events)
    last_user = next(
        (i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None
    )
    if last_user is None:
        return events
    first_user = last_user
    for i in range(last_user - 1, -1, -1):
        if isinstance(events[i], Restarted):
            break
        if isinstance(events[i], UserUttered):
            first_user = i
    head = [events[first_user]] if first_user < last_user else []
    return head + events[last_user:]


def _action_call_format(self: Any, tracker: Any, domain: Any) -> Dict[str, Any]:
    """``RemoteAction._action_call_format`` of Rasa 3.6.21 with the events of
    :func:`events_for_action_server` instead of all events."""
    import rasa
    from rasa.shared.core.trackers import EventVerbosity

    tracker_state = tracker.current_state(EventVerbosity.NONE)
    tracker_state["events"] = [e.as_dict() for e in events_for_action_server(tracker.events)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": tracker_state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(
        self.name()
    ):
        result["domain"] = domain.as_dict()
    return result


_action_call_format.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]


def _apply_versioned() -> None:
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )
    from rasa.shared.core.domain import Domain

    if rasa.__version__ != RASA_VERSION:
        logger.warning(
            "Rasa %s is not %s: its internals were not patched (bot/rasa_patches.py)",
            rasa.__version__,
            RASA_VERSION,
        )
        return
    global _INCREMENTAL
    _INCREMENTAL = True
    for owner, name, patch in (
        (LogisticRegressionClassifier, "_create_X", _sentence_features_X),
        (Domain, "is_empty", _domain_is_empty),
        (RemoteAction, "_action_call_format", _action_call_format),
    ):
        current = owner.__dict__[name]
        if not getattr(current, "__wrapped_by_digitalcheck__", False):
            ORIGINALS[f"{owner.__name__}.{name}"] = current
        setattr(owner, name, patch)


def apply() -> None:
    """Installs the fixes (idempotent)."""
    global _applied
    if _applied:
        return
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import DialogueStateTracker

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]
    if not getattr(DialogueStateTracker.applied_events, "__wrapped_by_digitalcheck__", False):
        DialogueStateTracker.applied_events = _memoised_applied_events(  # type: ignore[method-assign]
            DialogueStateTracker.applied_events
        )
    _apply_versioned()
    _applied = True
