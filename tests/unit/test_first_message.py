"""A first message that is more than a greeting: an introduction with a phone number, a wish
for a person or a question keeps its profile data and goes on to the check's offer."""

from __future__ import annotations

import pytest

from actions.asking import ActionShowProgress
from actions.conversation import ActionHumanHandoff
from tests.unit.action_helpers import FakeApi, make_tracker, run


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def followups(outcome) -> list:
    return [e.get("name") for e in outcome.events if e.get("event") == "followup"]


def test_an_introduction_with_a_phone_number_is_offered_the_check():
    text = "Wir sind eine Schreinerei in Haan, sechs Leute, Telefon [TELEFON]"
    tracker = make_tracker(
        text, {}, form=None, intent="human_handoff", metadata={"redacted": ["TELEFON"]}
    )
    outcome = run(ActionHumanHandoff(), tracker)
    assert outcome.messages == []  # no callback answer: the owner asked for none
    assert followups(outcome) == ["consent_form"]


def test_a_wish_for_advice_in_the_first_message_is_answered_and_the_check_offered():
    text = "Bäckerei in Velbert mit 12 Leuten, ich hätte gern eine persönliche Beratung"
    outcome = run(ActionHumanHandoff(), make_tracker(text, {}, form=None, intent="human_handoff"))
    assert outcome.messages  # the contact first
    assert followups(outcome) == ["consent_form"]


def test_a_wish_for_a_person_without_profile_data_is_only_answered():
    outcome = run(
        ActionHumanHandoff(),
        make_tracker(
            "Ich möchte mit einem Menschen sprechen", {}, form=None, intent="human_handoff"
        ),
    )
    assert followups(outcome) == []


def test_a_question_with_an_introduction_is_answered_and_the_check_offered():
    text = "Friseursalon in Hilden mit 4 Mitarbeiterinnen – wie lange dauert das denn?"
    outcome = run(ActionShowProgress(), make_tracker(text, {}, form=None, intent="ask_progress"))
    assert "zehn Minuten" in outcome.texts[0]
    assert followups(outcome) == ["consent_form"]


def test_during_the_interview_a_question_is_only_answered():
    text = "Friseursalon in Hilden mit 4 Mitarbeiterinnen – wie lange dauert das denn?"
    tracker = make_tracker(text, {"consent": True, "stage": "interview"}, form=None)
    assert followups(run(ActionShowProgress(), tracker)) == []


@pytest.mark.parametrize("text", ["Was kostet das?", "Ist das kostenlos?", "Wie lange dauert das?"])
def test_a_question_as_the_first_message_is_answered_and_the_check_offered(text):
    from actions.conversation import ActionFallback

    outcome = run(ActionFallback(), make_tracker(text, {}, form=None, intent="nlu_fallback"))
    assert outcome.texts and followups(outcome) == ["consent_form"]


def test_a_bare_question_about_the_duration_first_is_answered_and_the_check_offered():
    outcome = run(
        ActionShowProgress(),
        make_tracker("Wie lange dauert das?", {}, form=None, intent="ask_progress"),
    )
    assert followups(outcome) == ["consent_form"]
