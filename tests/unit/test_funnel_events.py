"""Anonymised funnel events: which the dialogue sends, and that each fits the API's contract
(random key, event name, question id, channel code, duration only when completed)."""

from __future__ import annotations

import asyncio
import json
import re
import time

import pytest
from rasa_sdk.events import Restarted

from actions import api_client, funnel
from actions.common import CONSENT_FORM
from actions.conversation import (
    ActionConsentDeclined,
    ActionFallback,
    ActionHumanHandoff,
    ActionStartInterview,
    ValidateConsentForm,
)
from actions.forms import ValidateInterviewForm
from actions.privacy import ActionEraseConversation
from actions.result import ActionCompleteAssessment
from contract.codes import EVENTS, QUESTION_EVENTS
from tests.unit.action_helpers import (
    ANSWERS,
    QN,
    SENDER,
    Dialogue,
    FakeApi,
    answered,
    make_tracker,
    run,
)

REAL_POST_EVENT = api_client.post_event  # captured before any test patches it
REAL_ERASE_EVENTS = api_client.erase_events
FIELDS = {"key", "event", "question", "channel", "duration_minutes"}
KEY = re.compile(r"^[0-9a-f]{32}$")
KEY_A = "a" * 32


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def assert_valid(event: dict) -> None:
    """What the API's FunnelEventIn accepts (api/schemas/)."""
    assert set(event) == FIELDS
    assert KEY.match(event["key"])
    assert event["event"] in EVENTS
    if event["event"] in QUESTION_EVENTS:
        assert event["question"] in QN.required_slots
    else:
        assert event["question"] is None
    assert event["channel"] in ("rest", "socketio", "telegram", "other")
    if event["duration_minutes"] is not None:
        assert event["event"] == "completed"
        assert 0 <= event["duration_minutes"] <= 1440


def play_whole_check(channel: str = "rest") -> Dialogue:
    """Consent, profile, 18 answers (one unclear, one not understood), wish, read-back, result."""
    consent = Dialogue(ValidateConsentForm(), {}, form=CONSENT_FORM)
    consent.start("Hallo", channel=channel)
    consent.say("ja, gerne", channel=channel)
    slots = dict(consent.slots)
    started = run(ActionStartInterview(), make_tracker("ja", slots, form=None, channel=channel))
    slots.update(started.slots)
    form = Dialogue(ValidateInterviewForm(), slots)
    form.start("ja, gerne", channel=channel)
    form.say("9 Leute", channel=channel)
    form.say('/inform{"sector":"handwerk"}', channel=channel)
    form.say("Hilden", channel=channel)
    for slot in QN.question_slots:
        if slot == "tools_mobile":
            form.say("Blumenkohl", channel=channel)  # not understood: a re-ask
        if slot == "security_updates":
            form.say("ja nein", channel=channel)  # torn: a confirmation
        form.say(f'/answer{{"choice":"{ANSWERS[slot]}"}}', channel=channel)
    form.say('/answer{"choice":"ki"}', channel=channel)
    form.say("/affirm", channel=channel)
    assert form.slots["answers_confirmed"] is True and form.requested is None
    tracker = make_tracker("/affirm", form.slots, form=None, channel=channel)
    done = run(ActionCompleteAssessment(), tracker)
    form.slots.update(done.slots)
    return form


def test_a_whole_check_sends_each_step_once_with_one_key(api):
    dialogue = play_whole_check()
    names = api.funnel
    assert names[:2] == ["started", "consent_given"]
    reached = [e["question"] for e in api.funnel_of("question_reached")]
    assert reached == QN.required_slots  # profile, 18 questions, closing wish: once each
    assert [e["question"] for e in api.funnel_of("reask")] == ["tools_mobile"]
    assert [e["question"] for e in api.funnel_of("confirmation")] == ["security_updates"]
    assert names[-1] == "completed" and names.count("completed") == 1
    assert {e["key"] for e in api.posted} == {dialogue.slots["funnel_key"]}
    for event in api.posted:
        assert_valid(event)


def test_the_completed_event_carries_the_duration_in_minutes(api):
    slots = answered(None, support_need="none", answers_confirmed=True)
    tracker = make_tracker("/affirm", slots, form=None, started_minutes_ago=12)
    run(ActionCompleteAssessment(), tracker)
    (completed,) = api.funnel_of("completed")
    assert completed["duration_minutes"] == 12
    assert_valid(completed)


@pytest.mark.parametrize(
    "channel, code",
    [("rest", "rest"), ("socketio", "socketio"), ("telegram", "telegram"), ("cmdline", "other")],
)
def test_the_channel_is_a_code(api, channel, code):
    Dialogue(ValidateInterviewForm(), answered("tools_cloud"), "tools_cloud").say(
        "Blumenkohl", channel=channel
    )
    assert [e["channel"] for e in api.posted] == [code]


def test_events_hold_no_text_and_no_sender(api):
    play_whole_check(channel="telegram")
    dumped = json.dumps(api.posted, ensure_ascii=False)
    assert SENDER not in dumped
    for text in ("Hallo", "Blumenkohl", "Leute", "Hilden", "ja nein"):
        assert text not in dumped


def test_an_existing_key_is_kept_and_a_malformed_one_replaced(api):
    key = "f" * 32
    slots = {**answered("tools_cloud"), "funnel_key": key}
    outcome = Dialogue(ValidateInterviewForm(), slots, "tools_cloud").say("ja")
    assert not outcome.sets("funnel_key")
    assert api.posted[0]["key"] == key
    slots["funnel_key"] = "not-a-key"
    outcome = Dialogue(ValidateInterviewForm(), slots, "tools_cloud").say("ja")
    assert KEY.match(outcome.slot("funnel_key"))
    assert api.posted[-1]["key"] == outcome.slot("funnel_key")


def test_refused_consent_handoff_and_fallback_are_counted(api):
    run(ActionConsentDeclined(), make_tracker("nein", {"consent": False}, form=None))
    run(ActionHumanHandoff(), make_tracker("Ansprechpartner", {}, form=None))
    run(ActionFallback(), make_tracker("Blumenkohl", {}, form=None, intent="nlu_fallback"))
    assert api.funnel == ["consent_refused", "handoff", "fallback"]
    for event in api.posted:
        assert_valid(event)


def test_not_understood_with_a_fallback_intent_also_counts_a_fallback(api):
    Dialogue(ValidateInterviewForm(), answered("tools_cloud"), "tools_cloud").say(
        "Blumenkohl", intent="nlu_fallback", confidence=0.3
    )
    assert api.funnel == ["reask", "fallback"]
    for event in api.posted:
        assert_valid(event)


def test_answers_after_the_check_started_send_no_started_event_again(api):
    Dialogue(ValidateConsentForm(), {"funnel_key": "a" * 32}, form=CONSENT_FORM).start("Hallo")
    assert "started" not in api.funnel


def test_duration_counts_from_the_first_message_after_a_restart():
    tracker = make_tracker("ja", {}, form=None, started_minutes_ago=90)
    assert funnel.duration_minutes(tracker) == 90
    now = time.time()
    tracker.events += [
        {"event": "restart", "timestamp": now - 300},
        {"event": "user", "text": "Hallo", "timestamp": now - 300},
    ]
    assert funnel.duration_minutes(tracker) == 5
    tracker.events.append({"event": "user", "text": "x", "timestamp": now - 10 * 86400})
    assert funnel.duration_minutes(tracker) == 5  # later messages do not move the start
    old = make_tracker("ja", {}, form=None, started_minutes_ago=5000)
    assert funnel.duration_minutes(old) == 1440  # capped like the API


def test_post_event_without_a_running_loop_sends_nothing():
    assert REAL_POST_EVENT({"key": "a" * 32, "event": "started"}) is None


def test_events_go_to_the_api_in_batches_in_their_order(monkeypatch):
    sent = []

    async def request(method, path, write=False, **kwargs):
        sent.append((method, path, write, kwargs.get("json")))
        return {"status": "accepted"}

    monkeypatch.setattr(api_client, "_request", request)
    monkeypatch.setattr(api_client, "FUNNEL_BATCH_SECONDS", 0.05)
    first = [{"key": KEY_A, "event": "started", "n": i} for i in range(3)]
    later = {"key": KEY_A, "event": "completed"}

    async def scenario():
        for item in first:
            REAL_POST_EVENT(item)
        assert sent == []  # nothing sent at once: the answer is not delayed
        await asyncio.sleep(0.2)
        REAL_POST_EVENT(later)
        await api_client.flush()

    asyncio.run(scenario())
    assert sent == [
        ("POST", "/api/events/batch", True, {"events": first}),
        ("POST", "/api/events/batch", True, {"events": [later]}),
    ]


def test_erasure_drops_queued_events_and_waits_for_sends_under_way(monkeypatch):
    sent = []

    async def request(method, path, write=False, **kwargs):
        await asyncio.sleep(0.05)
        sent.append((method, path, kwargs.get("json")))
        return {"deleted": 1} if method == "DELETE" else {"status": "accepted"}

    monkeypatch.setattr(api_client, "_request", request)
    monkeypatch.setattr(api_client, "FUNNEL_BATCH_SECONDS", 0.01)
    other = {"key": "b" * 32, "event": "started"}

    async def scenario():
        REAL_POST_EVENT({"key": KEY_A, "event": "started"})
        await asyncio.sleep(0.03)  # that batch is under way now
        REAL_POST_EVENT({"key": KEY_A, "event": "fallback"})  # queued: dropped
        REAL_POST_EVENT(other)
        assert await REAL_ERASE_EVENTS(KEY_A)
        await api_client.flush()

    asyncio.run(scenario())
    assert sent[0] == (
        "POST",
        "/api/events/batch",
        {"events": [{"key": KEY_A, "event": "started"}]},
    )
    assert ("POST", "/api/events/batch", {"events": [other]}) in sent  # other keys go on
    assert sent[-1][:2] == ("DELETE", f"/api/events/{KEY_A}")  # after every send under way
    assert len(sent) == 3  # the queued event of the erased conversation was never sent


# ---- erasure on request ------------------------------------------------------------------


def test_erasure_deletes_the_conversation_and_its_funnel_events(api):
    key = "c" * 32
    outcome = run(ActionEraseConversation(), make_tracker("Daten löschen", {"funnel_key": key}))
    assert api.calls["erase_events"] == [{"key": key}]
    assert outcome.events == [Restarted()]
    assert outcome.texts[0].startswith("Erledigt")
    assert "konnte gerade nicht" not in outcome.texts[0]
    assert outcome.payloads == ["/start_check"]


def test_erasure_without_a_key_calls_nothing(api):
    outcome = run(ActionEraseConversation(), make_tracker("Daten löschen", {}, form=None))
    assert api.calls["erase_events"] == []
    assert outcome.events == [Restarted()]


def test_erasure_with_the_api_down_says_what_is_left(api):
    api.down()
    outcome = run(ActionEraseConversation(), make_tracker("Daten löschen", {"funnel_key": KEY_A}))
    assert outcome.events == [Restarted()]
    assert "Nutzungsstatistik konnte gerade nicht gelöscht werden" in outcome.texts[0]
