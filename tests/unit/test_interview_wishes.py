"""The interview form (``validate_interview_form``): destructive wishes during the questions.

Restart, goodbye, stop and withdraw are asked about first and never read as an answer.
"""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions import interjections
from actions.conversation import ActionRestartInterview
from tests.unit.action_helpers import ANSWERS, QN, FakeApi, answered, finished, make_tracker, run
from tests.unit.after_result_helpers import FOLLOWUP
from tests.unit.interview_helpers import answers_untouched, at


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


# ---- destructive wishes ------------------------------------------------------------------

WISHES = {
    "restart": "Können wir nochmal neu anfangen?",
    "goodbye": "Tschüss, ich muss los",
    "stop": "Ich will abbrechen",
    "withdraw": "Ich ziehe meine Einwilligung zurück",
}


@pytest.mark.parametrize("slot", QN.question_slots)
@pytest.mark.parametrize("kind", WISHES)
def test_a_destructive_wish_is_asked_about_at_every_question_never_read_as_an_answer(kind, slot):
    # "Ich ziehe meine Einwilligung zurück" once came back as "eher Ja oder eher Weiß nicht?"
    outcome = at(slot).say(WISHES[kind])
    assert outcome.slot("pending") == {"type": kind}, outcome.texts
    assert not outcome.sets(slot)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Nein, und ehrlich gesagt will ich jetzt abbrechen", "stop"),
        ("nein. Ich ziehe meine Einwilligung zurück", "withdraw"),
        ("Nein, können wir nochmal von vorne anfangen?", "restart"),
    ],
)
def test_an_answer_with_a_destructive_wish_is_stored_and_the_wish_asked_about(text, kind):
    dialogue = at("security_updates")
    outcome = dialogue.say(text)
    assert outcome.slot("security_updates") == "no"
    assert outcome.slot("pending") == {"type": kind}
    assert outcome.texts == [interjections.CONFIRMATIONS[kind][0]]
    kept = dialogue.say("nein")
    assert kept.texts[0] == "Gut, dann machen wir weiter."
    assert kept.requested == QN.question_slots[QN.question_slots.index("security_updates") + 1]
    assert dialogue.slots["security_updates"] == "no"


@pytest.mark.parametrize("kind", WISHES)
def test_a_destructive_wish_asks_first_and_keeps_every_answer(kind):
    outcome = at("security_updates").say(WISHES[kind])
    assert outcome.slot("pending") == {"type": kind}
    assert answers_untouched(outcome)
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"
    assert len(outcome.messages) == 1 and outcome.texts[0].startswith("Möchten Sie")
    assert outcome.payloads == ["/affirm", "/deny"]


@pytest.mark.parametrize("text", ["Schluss für heute", "Ich mache morgen weiter", "Pause bitte"])
def test_a_pause_is_a_goodbye_that_keeps_the_answers(text):
    outcome = at("security_updates").say(text)
    assert outcome.slot("pending") == {"type": "goodbye"}
    assert "Ihre Antworten bleiben erhalten" in outcome.texts[0]


@pytest.mark.parametrize("kind", WISHES)
def test_no_to_a_destructive_wish_continues_with_the_open_question(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("nein")
    assert answers_untouched(outcome)
    assert outcome.slot("pending") is None
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"
    assert outcome.texts[0] == "Gut, dann machen wir weiter."
    assert QN.question("security_updates").text in outcome.texts[-1]


@pytest.mark.parametrize("kind", ["restart", "stop", "withdraw"])
def test_an_answer_word_after_a_destructive_wish_is_an_answer_not_a_yes(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("teilweise")
    assert outcome.slot("security_updates") == "partly"
    assert all(dialogue.slots[s] == ANSWERS[s] for s in QN.question_slots[:13])
    assert not outcome.stops_loop


def test_yes_to_restart_clears_everything_and_asks_the_staff_count():
    dialogue = at("security_updates")
    dialogue.say(WISHES["restart"])
    outcome = dialogue.say("ja")
    for slot in QN.question_slots + ["employees", "sector", "municipality", "support_need"]:
        assert outcome.slot(slot) is None
    assert not outcome.stops_loop
    assert outcome.requested == "employees"
    assert "von vorn" in outcome.texts[0]
    assert outcome.texts[-1] == QN.profile_question("employees").text


def test_yes_to_goodbye_keeps_the_answers_and_asks_nothing():
    dialogue = at("security_updates")
    dialogue.say(WISHES["goodbye"])
    outcome = dialogue.say("ja")
    assert answers_untouched(outcome)
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"  # where the owner continues later
    assert len(outcome.messages) == 1
    assert outcome.texts[0].startswith("Bis bald!") and "erhalten" in outcome.texts[0]
    assert outcome.buttons == []


@pytest.mark.parametrize("kind", ["stop", "withdraw"])
def test_yes_to_stop_or_withdraw_discards_the_answers_and_ends_the_form(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("/affirm")
    assert all(outcome.slot(slot) is None for slot in QN.question_slots)
    assert outcome.slot("answers_confirmed") is None
    assert outcome.stops_loop
    assert outcome.requested is None
    assert "abgebrochen" in outcome.texts[0]
    if kind == "withdraw":
        assert outcome.slot("consent") is None
        assert "Einwilligung ist zurückgezogen" in outcome.texts[0]
    else:
        assert not outcome.sets("consent")


def test_action_restart_during_the_form_hands_the_message_to_the_form():
    # Rasa's default rule runs action_restart for the learned intent even inside the form
    tracker = make_tracker("/restart", answered("security_updates"), "security_updates")
    outcome = run(ActionRestartInterview(), tracker)
    assert outcome.events == [FollowupAction("interview_form")]
    assert outcome.messages == []
    # the form asks once ...
    dialogue = at("security_updates")
    asked = dialogue.say("/restart")
    assert asked.slot("pending") == {"type": "restart"} and len(asked.messages) == 1
    assert asked.payloads == ["/affirm", "/deny"]
    kept = dialogue.say("nein")
    assert answers_untouched(kept) and kept.requested == "security_updates"
    # ... and an answer the intent model took for a restart is an answer
    answer = at("security_updates").say("Ja, alles auf dem neuesten Stand.")
    assert answer.slot("security_updates") == "yes" and answer.slot("pending") is None


def test_action_restart_after_a_result_asks_first_then_starts_a_new_check():
    """Third black-box round: the result's own button wiped the result at once."""
    slots = finished(answers_confirmed=True, maturity={"overall": 50}, stage="result")
    asked = run(ActionRestartInterview(), make_tracker("/restart", slots, form=None))
    assert asked.event_names() == ["slot"]
    assert asked.slot("pending") == {"type": "restart_after_result"}
    assert asked.payloads == ["/affirm", "/deny"]
    waiting = {**slots, "pending": {"type": "restart_after_result"}}
    for text in ("/affirm", "ja", "/restart"):
        action = FOLLOWUP if text != "/restart" else ActionRestartInterview()
        outcome = run(action, make_tracker(text, waiting, form=None))
        assert outcome.event_names()[0] == "restart"
        assert outcome.slot("consent") is True
        assert FollowupAction("interview_form") in outcome.events
    kept = run(FOLLOWUP, make_tracker("nein", waiting, form=None))
    assert kept.events == [SlotSet("pending", None)]
    assert "Ihr Ergebnis bleibt" in kept.texts[0]
    other = run(FOLLOWUP, make_tracker("Was kostet Angebot 1?", waiting, form=None))
    assert SlotSet("pending", None) in other.events and "restart" not in other.event_names()


@pytest.mark.parametrize("text", ["neu starten", "bitte einmal alles von vorne beginnen"])
def test_a_clear_request_is_not_turned_into_a_guessed_answer(text):
    outcome = at("security_backup").say(text, intent="restart", confidence=1.0)
    assert not outcome.sets("security_backup")
    assert "von vorn" in outcome.text
    assert outcome.slot("pending") == {"type": "restart"}
