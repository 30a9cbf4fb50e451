"""The version-guarded Rasa patches (bot/rasa_patches.py) give exactly what Rasa gives."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
import scipy.sparse
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_patches
from contract.paths import ROOT

rasa_patches.apply()
ORIGINAL_CREATE_X = rasa_patches.ORIGINALS["LogisticRegressionClassifier._create_X"]


def sparse(rows: int, cols: int, seed: int, dtype: type) -> scipy.sparse.coo_matrix:
    rng = np.random.default_rng(seed)
    dense = (rng.random((rows, cols)) < 0.2) * rng.integers(1, 4, (rows, cols))
    return scipy.sparse.coo_matrix(dense.astype(dtype))


def message(text: str, seed: int, dtype: type = np.float64, dense: bool = False) -> Message:
    tokens = len(text.split())
    msg = Message(data={TEXT: text})
    for origin, cols in (("words", 7), ("chars", 23)):
        msg.add_features(
            Features(sparse(tokens, cols, seed, dtype), FEATURE_TYPE_SEQUENCE, TEXT, origin)
        )
        msg.add_features(
            Features(sparse(1, cols, seed + 1, dtype), FEATURE_TYPE_SENTENCE, TEXT, origin)
        )
    if dense:
        vector = np.arange(5, dtype=np.float32).reshape(1, 5)
        msg.add_features(Features(vector, FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    return msg


@pytest.mark.parametrize("dtype", [np.float64, np.int64])
@pytest.mark.parametrize("dense", [False, True])
def test_sentence_feature_matrix_equals_rasas(dtype, dense):
    messages = [message("wir sind acht Leute", 1, dtype, dense), message("ja", 2, dtype, dense)]
    expected = ORIGINAL_CREATE_X(None, messages)
    got = rasa_patches._sentence_features_X(None, messages)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    assert (abs(got.tocsr() - expected.tocsr())).nnz == 0


def test_empty_domain_check_equals_rasas():
    assert rasa_patches._domain_is_empty(Domain.empty())
    assert not rasa_patches._domain_is_empty(Domain.load("domain.yml"))
    assert Domain.empty().as_dict() == rasa_patches._empty_domain_dict()


def test_patches_are_installed_on_the_pinned_rasa_only(monkeypatch):
    import rasa

    assert rasa.__version__ == rasa_patches.RASA_VERSION  # requirements/bot.txt pins it
    monkeypatch.setattr(LogisticRegressionClassifier, "_create_X", ORIGINAL_CREATE_X)
    monkeypatch.setattr(rasa, "__version__", "3.6.99")
    rasa_patches._apply_versioned()
    assert LogisticRegressionClassifier.__dict__["_create_X"] is ORIGINAL_CREATE_X
    monkeypatch.setattr(rasa, "__version__", rasa_patches.RASA_VERSION)
    rasa_patches._apply_versioned()
    assert LogisticRegressionClassifier.__dict__["_create_X"] is rasa_patches._sentence_features_X


# ---- the action server's share of the tracker ----------------------------------------------

AUDITED_EVENT_READS = {  # file -> reads of the event list, checked against the trimmed events
    "actions/common.py": 1,  # just_activated: events since the latest user message
    "actions/consent.py": 1,  # _offer: a bot message since the latest user message (greeted)
    "actions/funnel.py": 1,  # duration_minutes: first user message after the latest restart
}
EVENT_READS = re.compile(
    r"tracker\.events\b|events_after_latest_restart|applied_events\(|idx_after_latest_restart|"
    r"get_last_event_for|\.copy\(\)\.events"
)


def test_no_action_reads_events_the_action_server_does_not_get():
    """bot/rasa_patches.py sends the action server only some events (events_for_action_server).
    New code reading ``tracker.events`` must be checked against that and listed here."""
    found = {}
    for path in sorted([*ROOT.glob("actions/**/*.py"), *ROOT.glob("bot/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if relative in ("bot/rasa_patches.py", "bot/privacy/tracker_store.py"):
            continue  # Rasa's side: the full tracker
        count = len(EVENT_READS.findall(path.read_text(encoding="utf-8")))
        if count:
            found[relative] = count
    assert found == AUDITED_EVENT_READS


def rasa_tracker(events):
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load("domain.yml")
    return DialogueStateTracker.from_events("s-1", events, domain.slots), domain


def conversation(restart_at=None, channel="rest"):
    from rasa.shared.core.events import (
        ActionExecuted,
        ActiveLoop,
        Restarted,
        SlotSet,
        UserUttered,
    )

    start = time.time() - 3600
    events = [ActionExecuted("action_listen", timestamp=start)]
    for turn in range(6):
        if turn == restart_at:
            events += [Restarted(timestamp=start + turn * 60 - 1)]
            events += [ActionExecuted("action_listen", timestamp=start + turn * 60 - 1)]
        events += [
            UserUttered(f"Nachricht {turn}", input_channel=channel, timestamp=start + turn * 60),
            ActionExecuted("validate_interview_form", timestamp=start + turn * 60 + 1),
            SlotSet("requested_slot", "employees", timestamp=start + turn * 60 + 1),
            ActionExecuted("action_listen", timestamp=start + turn * 60 + 2),
        ]
    # the current turn: a form activated after the latest message, slot candidates at the end
    events = events[:-1] + [
        ActiveLoop("interview_form", timestamp=start + 400),
        SlotSet("employees", 8, timestamp=start + 401),
        SlotSet("sector", "handwerk", timestamp=start + 401),
    ]
    return events


@pytest.mark.parametrize("restart_at", [None, 0, 3, 5])
@pytest.mark.parametrize("channel", ["rest", "telegram"])
def test_actions_read_the_same_from_the_trimmed_tracker(restart_at, channel):
    from rasa.core.actions.action import RemoteAction
    from rasa_sdk import Tracker

    from actions import common, funnel

    tracker, domain = rasa_tracker(conversation(restart_at, channel))
    action = RemoteAction("validate_interview_form", None)
    original = rasa_patches.ORIGINALS["RemoteAction._action_call_format"]
    full = original(action, tracker, domain)
    trimmed = rasa_patches._action_call_format(action, tracker, domain)
    assert len(trimmed["tracker"]["events"]) < len(full["tracker"]["events"])
    for key in full:
        if key != "tracker":
            assert trimmed[key] == full[key]
    assert {k: v for k, v in trimmed["tracker"].items() if k != "events"} == {
        k: v for k, v in full["tracker"].items() if k != "events"
    }
    a, b = Tracker.from_dict(full["tracker"]), Tracker.from_dict(trimmed["tracker"])
    assert a.get_latest_input_channel() == b.get_latest_input_channel() == channel
    assert a.slots_to_validate() == b.slots_to_validate() == {"employees": 8, "sector": "handwerk"}
    assert common.just_activated(a, "interview_form") is common.just_activated(b, "interview_form")
    assert common.just_activated(b, "interview_form")
    assert funnel.duration_minutes(a) == funnel.duration_minutes(b)
    assert a.current_state()["latest_event_time"] == b.current_state()["latest_event_time"]


def test_trimmed_events_with_a_restart_after_the_latest_message():
    from rasa.shared.core.events import ActionExecuted, Restarted
    from rasa_sdk import Tracker

    from actions import funnel

    events = conversation(2) + [Restarted(), ActionExecuted("action_listen")]
    tracker, domain = rasa_tracker(events)
    from rasa.core.actions.action import RemoteAction

    action = RemoteAction("action_erase_conversation", None)
    original = rasa_patches.ORIGINALS["RemoteAction._action_call_format"]
    full = Tracker.from_dict(original(action, tracker, domain)["tracker"])
    trimmed = Tracker.from_dict(
        rasa_patches._action_call_format(action, tracker, domain)["tracker"]
    )
    assert funnel.duration_minutes(full) == funnel.duration_minutes(trimmed) is None


def test_without_a_user_message_every_event_is_sent():
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("x")]
    assert rasa_patches.events_for_action_server(events) == events


# ---- applied events: memo extended by the appended events ----------------------------------


def random_events(rng, count):
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        SlotSet,
        UserUtteranceReverted,
        UserUttered,
    )

    makers = [
        lambda: UserUttered("hallo", {"name": "greet", "confidence": 1.0}),
        lambda: ActionExecuted("action_listen"),
        lambda: ActionExecuted(rng.choice(["interview_form", "consent_form", "utter_x"])),
        lambda: ActiveLoop(rng.choice(["interview_form", "consent_form", "late_form", None])),
        lambda: SlotSet("requested_slot", rng.choice(["employees", None])),
        lambda: ActionReverted(),
        lambda: UserUtteranceReverted(),
        lambda: Restarted(),
        lambda: SessionStarted(),
    ]
    weights = [6, 6, 6, 3, 4, 1, 1, 1, 1]
    return [rng.choices(makers, weights)[0]() for _ in range(count)]


@pytest.mark.parametrize("seed", range(40))
def test_applied_events_extended_from_the_memo_equal_rasas(seed, monkeypatch):
    import random

    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_patches.apply()
    extended = []
    extend = rasa_patches._extend_applied_events

    def counting(*args):
        result = extend(*args)
        extended.append(result is not None)
        return result

    monkeypatch.setattr(rasa_patches, "_extend_applied_events", counting)
    original = DialogueStateTracker.applied_events.__wrapped__
    rng = random.Random(seed)
    tracker = DialogueStateTracker("s", [])
    for event in random_events(rng, 120):
        tracker.update(event)
        if rng.random() < 0.5:
            continue  # several events appended between two calls
        got = tracker.applied_events()
        assert [id(e) for e in got] == [id(e) for e in original(tracker)]
    assert [id(e) for e in tracker.applied_events()] == [id(e) for e in original(tracker)]
    assert any(extended)  # the memo was extended, not only recomputed
