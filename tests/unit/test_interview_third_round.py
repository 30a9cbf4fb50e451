"""Findings of the third black-box round (testers chatting with the running servers): a
summary called wrong is never confirmed, a wish to quit or a pause is no answer."""

from __future__ import annotations

import pytest

from bot.nlu.understanding import UNSURE, Reading
from tests.unit.action_helpers import ANSWERS, Dialogue, FakeApi, finished
from tests.unit.interview_helpers import ANSWER_SLOTS, FORM, at, torn_reader


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "nee, da stimmt was nicht",
        "das passt so nicht",
        "ne passt nicht",
        "nicht alles richtig",
        "hmm, weiß nicht ob das alles stimmt",
        "fast alles richtig",
    ],
)
def test_a_summary_called_wrong_asks_what_to_change(text):
    """These produced the final, once-only result."""
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert not outcome.sets("answers_confirmed")
    assert outcome.requested == "answers_confirmed"
    assert "Welche Antwort möchten Sie ändern?" in outcome.texts[0]
    assert not set(outcome.slots) & ANSWER_SLOTS


def test_a_question_at_the_summary_is_answered_not_taken_as_a_confirmation():
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(
        "Bevor ich bestätige: Was genau wird von mir gespeichert?"
    )
    assert not outcome.sets("answers_confirmed")
    assert outcome.requested == "answers_confirmed"


@pytest.mark.parametrize(
    "text", ["Ja, passt alles", "passt, kein Änderungsbedarf", "alles gut, nichts zu ändern", "👍"]
)
def test_plain_confirmations_still_confirm(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert outcome.slot("answers_confirmed") is True


@pytest.mark.parametrize(
    "slot, text",
    [
        ("strategy_responsible", "ich will nicht mehr"),
        ("processes_invoicing", "ich hab keine Lust mehr"),
        ("security_backup", "das ist mir zu viel, ich hör auf"),
    ],
)
def test_a_wish_to_quit_is_asked_about_and_stores_no_answer(slot, text):
    """ "ich will nicht mehr" was stored as „Nein“, "keine Lust mehr" as „Nie“."""
    outcome = at(slot).say(text)
    assert not outcome.sets(slot)
    assert outcome.slot("pending")["type"] in ("goodbye", "withdraw")
    assert outcome.payloads  # the yes/no of the confirmation


@pytest.mark.parametrize("text", ["Moment", "moment, Kunde kommt", "bin gleich wieder da"])
def test_a_pause_gets_a_wait_and_no_reask(text):
    outcome = at("online_website").say(text)
    assert not outcome.sets("online_website")
    assert "ich warte" in outcome.texts[0]
    assert not outcome.sets("failed_attempts")
    back = at("online_website").say("so, weiter gehts")
    assert not back.sets("online_website")
    assert back.requested == "online_website"


def test_a_pause_at_the_closing_wish_stores_no_wish():
    """ "moment" at the closing question was stored as „Nichts Bestimmtes“."""
    outcome = Dialogue(FORM, dict(ANSWERS), "support_need").say("moment")
    assert not outcome.sets("support_need")
    assert "ich warte" in outcome.texts[0]


def test_an_answer_in_its_own_sentence_before_a_staff_correction_is_kept():
    outcome = at("online_listings").say(
        "Google ja. Früher waren wir mal 20 Leute, heute sind wir nur noch 7"
    )
    assert outcome.slot("online_listings") == "yes"
    assert outcome.slot("pending")["type"] == "profile"


def test_a_no_that_belongs_to_the_correction_is_no_answer():
    outcome = at("online_listings").say("Nein, wir sind keine Handwerker, das passt nicht")
    assert not outcome.sets("online_listings")


def test_a_message_about_another_question_chooses_nothing_at_a_confirmation(monkeypatch):
    """ "Rechnungen macht Herr Meier per Hand, also nie" at "eher „Teilweise“ oder eher „Ja“?"
    for the mobile access had stored „Nein“ there (neither offered option)."""
    torn = "teilweise, unser größter Kunde will das so"
    torn_reader(monkeypatch, {torn: Reading(UNSURE, "partly", ("partly", "yes"), 0.5, "test")})
    dialogue = at("tools_mobile")
    assert dialogue.say(torn).slot("pending")["options"] == ["partly", "yes"]
    outcome = dialogue.say("Rechnungen macht Herr Meier per Hand, also nie.")
    assert not outcome.sets("tools_mobile")
    assert outcome.requested == "tools_mobile"
    assert outcome.slot("pending") is None
