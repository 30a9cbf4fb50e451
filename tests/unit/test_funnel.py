"""Funnel events: only a random key, the event, a question id, the channel and a duration."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import api_client
from actions.asking import ASK_ACTIONS
from actions.conversation import ActionConsentDeclined, ActionOfferCheck, ActionStartInterview
from actions.forms import ValidateInterviewForm
from tests.unit.action_helpers import QN, make_tracker

FIELDS = {"key", "event", "question", "channel", "duration_minutes"}


@pytest.fixture
def sent(monkeypatch):
    events = []
    monkeypatch.setattr(api_client, "post_event", events.append)
    return events


def run(action, tracker):
    return asyncio.run(action.run(CollectingDispatcher(), tracker, {}))


def test_first_offer_creates_a_key_and_logs_started(sent):
    events = run(ActionOfferCheck(), make_tracker(text="Hallo, ich bin Max, max@example.org"))
    key = next(e["value"] for e in events if e.get("name") == "funnel_key")
    assert len(key) == 32 and int(key, 16) >= 0
    assert sent == [
        {"key": key, "event": "started", "question": None, "channel": "other",
         "duration_minutes": None}
    ]  # fmt: skip
    assert "Max" not in str(sent) and "example.org" not in str(sent)


def test_consent_events_and_question_reached_use_the_same_key(sent):
    key = "ab" * 16
    tracker = make_tracker(earlier_slots={"funnel_key": key})
    run(ActionStartInterview(), tracker)
    run(ActionConsentDeclined(), tracker)
    ask = next(a() for a in ASK_ACTIONS if a().name() == f"action_ask_{QN.questions[2].slot}")
    run(ask, make_tracker(requested_slot=QN.questions[2].slot, earlier_slots={"funnel_key": key}))
    assert [e["event"] for e in sent] == ["consent_given", "consent_refused", "question_reached"]
    assert {e["key"] for e in sent} == {key}
    assert sent[-1]["question"] == QN.questions[2].slot
    assert all(set(e) == FIELDS for e in sent)


def test_a_failed_answer_logs_reask_and_fallback(sent):
    slot = QN.questions[0].slot
    tracker = make_tracker(text="qwrtz blubb", intent="nlu_fallback", requested_slot=slot,
                           earlier_slots={"funnel_key": "cd" * 16})  # fmt: skip
    ValidateInterviewForm().validate_question(QN.questions[0], "qwrtz blubb", tracker)
    assert [(e["event"], e["question"]) for e in sent] == [("reask", slot), ("fallback", None)]
    assert "qwrtz" not in str(sent)


def test_events_never_raise_when_the_api_is_down():
    # The API is not running in unit tests: the call returns at once and never raises.
    api_client.post_event({"key": "0" * 32, "event": "started"})
