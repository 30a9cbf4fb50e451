"""Ask, explain, handoff, restart and result actions with real Trackers."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ASK_ACTIONS, ActionExplain, ActionShowProgress
from actions.conversation import (
    ActionHumanHandoff,
    ActionOfferCheck,
    ActionPrivacyInfo,
    ActionRestartInterview,
    ActionStartInterview,
    load_contact,
)
from actions.result import ActionCompleteAssessment
from tests.unit.action_helpers import QN, make_tracker


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher.messages


ASK = {a().name(): a() for a in ASK_ACTIONS}


def test_question_ask_shows_progress_text_and_buttons():
    question = QN.questions[4]
    _, messages = run(
        ASK[f"action_ask_{question.slot}"], make_tracker(requested_slot=question.slot)
    )
    assert len(messages) == 1
    assert f"Frage 5 von {len(QN.questions)}" in messages[0]["text"]
    assert question.text in messages[0]["text"]
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[-1] == "Weiß nicht"
    assert len(titles) == len(QN.scales[question.scale]) + 1
    assert messages[0]["buttons"][0]["payload"].startswith('/answer{"choice":')


def test_first_question_of_a_dimension_names_the_topic():
    first = QN.questions[0]
    _, messages = run(ASK[f"action_ask_{first.slot}"], make_tracker(requested_slot=first.slot))
    assert QN.dimension(first.dimension).title in messages[0]["text"]


def test_reask_after_one_failure_and_hint_after_two():
    question = QN.questions[0]
    action = ASK[f"action_ask_{question.slot}"]
    _, once = run(action, make_tracker(requested_slot=question.slot,
                                       earlier_slots={"failed_attempts": 1}))  # fmt: skip
    assert "nicht verstanden" in once[0]["text"] and "Schaltfläche" not in once[0]["text"]
    _, twice = run(action, make_tracker(requested_slot=question.slot,
                                        earlier_slots={"failed_attempts": 2}))  # fmt: skip
    hint = twice[0]["text"]
    assert "Schaltflächen" in hint
    for answer in QN.scales[question.scale]:
        assert f"„{answer.label}“" in hint
    assert "„Weiß nicht“" in hint
    assert twice[-1]["buttons"]


def test_profile_asks_have_option_buttons():
    _, messages = run(ASK["action_ask_sector"], make_tracker(requested_slot="sector"))
    assert len(messages[0]["buttons"]) == 10
    assert messages[0]["buttons"][0]["payload"] == '/inform{"sector":"handwerk"}'
    _, messages = run(ASK["action_ask_employees"], make_tracker(requested_slot="employees"))
    assert "Beschäftigte" in messages[0]["text"]


@pytest.mark.parametrize("slot", QN.required_slots)
def test_explain_gives_the_question_specific_explanation(slot):
    _, messages = run(ActionExplain(), make_tracker(requested_slot=slot))
    item = QN.question(slot) or QN.profile_question(slot)
    assert item.explanation in messages[0]["text"]


def test_progress():
    _, messages = run(ActionShowProgress(), make_tracker(requested_slot=QN.questions[6].slot))
    assert f"6 von {len(QN.questions)}" in messages[0]["text"]


def test_handoff_uses_the_configured_contact_only():
    contact = load_contact()
    _, messages = run(ActionHumanHandoff(), make_tracker())
    text = messages[0]["text"]
    assert contact["organisation"] in text
    if not contact["phone"]:
        assert "Telefon" not in text


def test_offer_check_shows_privacy_notice_with_consent_buttons():
    _, messages = run(ActionOfferCheck(), make_tracker())
    assert "Datenschutz" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_privacy_info_names_what_is_and_is_not_stored():
    _, messages = run(ActionPrivacyInfo(), make_tracker())
    text = messages[0]["text"]
    for word in ("Größenklasse", "Branche", "Name", "E-Mail", "Telefonnummer", "Freitext"):
        assert word in text


def test_start_sets_consent_and_clears_a_finished_interview():
    tracker = make_tracker(earlier_slots={"maturity": {"overall": 50}, "employees": 4})
    events, _ = run(ActionStartInterview(), tracker)
    sets = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert sets["consent"] is True
    assert sets["employees"] is None and sets[QN.questions[0].slot] is None


def test_restart_resets_and_continues_with_the_form():
    events, messages = run(ActionRestartInterview(), make_tracker(earlier_slots={"consent": True}))
    kinds = [e["event"] for e in events]
    assert kinds[0] == "restart" and "followup" in kinds
    assert events[-1]["name"] == "interview_form"


def test_complete_assessment_sets_maturity_and_reports_it():
    answers = {q.slot: "dont_know" for q in QN.questions}
    answers[QN.questions[0].slot] = "yes"
    answers[QN.questions[3].slot] = "no"
    tracker = make_tracker(earlier_slots={**answers, "employees": 8})
    events, messages = run(ActionCompleteAssessment(), tracker)
    maturity = next(e["value"] for e in events if e.get("name") == "maturity")
    assert maturity["dimensions"]["strategy"] == 100
    assert maturity["dimensions"]["tools"] == 0
    assert maturity["dimensions"]["skills"] is None
    assert maturity["overall"] == 50
    text = "\n".join(m["text"] for m in messages)
    assert "50 von 100" in text
    assert QN.dimension("tools").gap["micro"] in text
    assert QN.dimension("strategy").strength in text


def test_after_chit_chat_the_question_comes_again_without_a_failure_note():
    question = QN.questions[0]
    tracker = make_tracker(text="Wie geht's?", intent="out_of_scope", requested_slot=question.slot,
                           earlier_slots={"failed_attempts": 1})  # fmt: skip
    _, messages = run(ASK[f"action_ask_{question.slot}"], tracker)
    assert len(messages) == 1 and "nicht verstanden" not in messages[0]["text"]
