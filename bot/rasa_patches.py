"""Small, measured fixes to Rasa 3.6 internals, applied when the project's Rasa-side modules load.

``apply()`` installs them all, in this order (idempotent); the patches live by topic:

* **Action responses are validated with a prepared validator, and events already seen valid
  are not validated again** (:mod:`bot.rasa_patches_validation`): Rasa's per-call schema check
  was about 58 % of the server's time per turn.
* **A tracker's applied events are computed once per event list** (here). ``applied_events()``
  walks the whole conversation (ABC ``isinstance`` checks, loop undo scans) and one turn calls
  it on the same, unchanged tracker several times (session expiry check, session update, the
  rule policy's state history): about 12 % of the Rasa server's time per turn in py-spy. The
  result depends only on the events, so it is remembered on the tracker together with the event
  container, its length and its last event, and recomputed as soon as any of them differs (an
  appended event, a new container after a restart or ``travel_back_in_time``). Callers get a
  fresh list. On Rasa 3.6.21, when events were only appended since the last call (and name no
  new loop), the remembered list is extended by the new events (the same fold, continued)
  instead of walking the whole conversation again: applied_events was still ~11 % of the
  server's CPU.
* **The intent classifier builds only the features it uses, and ``Domain.is_empty`` compares
  against the empty domain built once** (:mod:`bot.rasa_patches_nlu`): ~29 % and ~5 % of the
  NLU time per message.
* **The action server gets the events its actions read, not the whole conversation** (here).
  Rasa sends ``tracker.current_state(EventVerbosity.ALL)`` on every action call: every event of
  the conversation as JSON (a finished interview is ~300 events), encoded by Rasa and decoded by
  the action server on every turn, growing with the conversation. The actions read
  ``tracker.events`` only for: the events since the latest user message
  (``get_latest_input_channel``, ``slots_to_validate`` of rasa_sdk's form validation,
  ``actions.common.just_activated``) and the time of the first user message after the latest
  restart (``actions.funnel.duration_minutes``). The request now carries exactly these: that
  first user message (when it is older) followed by every event from the latest user message on;
  slots, latest message, active loop, etc. are sent as before. ``tests/unit/test_rasa_patches.py``
  fails when code in ``actions/`` or ``bot/`` starts reading other events (this module, which
  reads the full tracker on Rasa's side, is exempt: keep such code here).

The response validation and the applied-events memo are installed on every Rasa version; the
other patches (the memo's extension included) only on the Rasa version they were written and
measured for (``RASA_VERSION``); on another version Rasa runs without them (a warning is logged).
The names of the topic modules are re-exported here (``bot.rasa_patches`` stays the import path).
"""

from __future__ import annotations

import functools
import itertools
import logging
from typing import Any, Dict, List, Optional

from bot.rasa_patches_nlu import (  # noqa: F401 (_empty_domain_dict: this module's API)
    _domain_is_empty,
    _empty_domain_dict,
    _sentence_features_X,
)
from bot.rasa_patches_validation import _validate_action_result

logger = logging.getLogger(__name__)
_applied = False
RASA_VERSION = "3.6.21"
ORIGINALS: Dict[str, Any] = {}  # Rasa's own functions that the versioned patches replaced


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
