"""Real rasa_sdk Trackers and a recording fake of the API for the dialogue action tests.

The pieces live in topic modules and are re-exported here, so tests import them from
``tests.unit.action_helpers``:

* :mod:`tests.unit.action_helpers_tracker` — :func:`make_tracker` builds a tracker from a dict of
  slot values, with every domain slot, the latest message (text, intent, entities, metadata) and
  the events a form sees: on a normal turn the form's ``active_loop`` event comes before the
  latest ``user`` event; on the form's first call after activation (``activated=True``) it comes
  after it (see ``actions.common``).
* :mod:`tests.unit.action_helpers_outcome` — :func:`run` calls an action's async ``run()`` with a
  ``CollectingDispatcher`` and returns an :class:`Outcome` (events, messages, and helpers to read
  slots, texts and buttons); :class:`Dialogue` plays several turns of one form: the slot events
  of each turn are applied before the next message, like Rasa does.
* :mod:`tests.unit.action_helpers_api` — :class:`FakeApi` replaces every function of
  ``actions.api_client`` and records the calls, so no test ever reaches a running API.
"""

from __future__ import annotations

from actions.common import CONSENT_FORM, FORM_NAME
from tests.unit.action_helpers_api import FakeApi
from tests.unit.action_helpers_api import catalogue as catalogue
from tests.unit.action_helpers_api import catalogue_ids as catalogue_ids
from tests.unit.action_helpers_api import offering_dict as offering_dict
from tests.unit.action_helpers_outcome import _MISSING as _MISSING
from tests.unit.action_helpers_outcome import Dialogue, Outcome, run
from tests.unit.action_helpers_tracker import (
    ANSWERS,
    PROFILE,
    QN,
    SENDER,
    answered,
    finished,
    make_tracker,
)
from tests.unit.action_helpers_tracker import domain as domain
from tests.unit.action_helpers_tracker import message as message
from tests.unit.action_helpers_tracker import slot_defaults as slot_defaults

__all__ = [
    "ANSWERS",
    "CONSENT_FORM",
    "FORM_NAME",
    "PROFILE",
    "QN",
    "SENDER",
    "Dialogue",
    "FakeApi",
    "Outcome",
    "answered",
    "finished",
    "make_tracker",
    "run",
]
