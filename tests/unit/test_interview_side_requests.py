"""What an answer message carries besides the answer (actions.side_requests): a change of an
earlier answer, and the answer next to a profile correction (black-box chats lost both)."""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import FakeApi
from tests.unit.interview_helpers import at


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def test_a_change_of_an_earlier_answer_changes_that_answer_and_asks_again():
    dialogue = at("security_updates")  # the backup was answered "Nie" (answered())
    before = dialogue.slots["security_backup"]
    outcome = dialogue.say(
        "Moment, bei der Datensicherung hab ich mich vertan, das machen wir regelmäßig"
    )
    assert before != "regularly"
    assert outcome.slot("security_backup") == "regularly"
    assert not outcome.sets("security_updates")
    assert outcome.requested == "security_updates"
    assert outcome.texts[0].startswith("Geändert: Datensicherung")


def test_a_change_without_a_clear_value_asks_the_earlier_question_first():
    outcome = at("security_updates").say("bei der Frage mit dem Backup hab ich mich vertan")
    assert outcome.requested == "security_backup"
    assert not outcome.sets("security_updates")


def test_naming_another_topic_in_an_answer_changes_nothing_else():
    outcome = at("security_updates").say("Updates laufen automatisch, das Backup übrigens auch")
    assert not outcome.sets("security_backup")


def test_the_answer_next_to_a_profile_correction_is_kept():
    outcome = at("security_passwords").say(
        "Nein, überall dasselbe Passwort. Ach übrigens, wir sind inzwischen zwölf Leute."
    )
    assert outcome.slot("security_passwords") == "no"
    assert outcome.slot("pending")["type"] == "profile"


def test_a_no_that_opens_a_correction_is_no_answer():
    outcome = at("online_listings").say("Nein, wir sind nicht in Hilden, sondern in Haan.")
    assert not outcome.sets("online_listings")
    assert outcome.slot("pending")["type"] == "profile"


def test_a_denied_profile_value_asks_the_profile_question_not_an_answer():
    """Black-box chats: "Nein, wir sind keine Handwerker …" right after the read-back of the
    introduction was stored as "Nein" to question 1."""
    outcome = at("strategy_goals").say("Nein, wir sind keine Handwerker, das passt nicht.")
    assert not outcome.sets("strategy_goals")
    pending = outcome.slot("pending") if outcome.sets("pending") else None
    assert outcome.requested == "sector" or (pending or {}).get("type") == "profile"


def test_the_contact_before_the_consent_is_the_one_of_the_town_typed():
    from actions.conversation import ActionHumanHandoff
    from tests.unit.action_helpers import make_tracker, run

    tracker = make_tracker(
        "Steuerbüro in Düsseldorf, wir sind 6, ich möchte mit jemandem sprechen",
        {},
        form=None,
        intent="human_handoff",
    )
    outcome = run(ActionHumanHandoff(), tracker)
    assert "Düsseldorf" in outcome.texts[0]


def test_a_denial_without_a_new_value_asks_the_profile_question():
    outcome = at("strategy_goals").say("Nein, das mit dem Handwerk stimmt so nicht.")
    assert not outcome.sets("strategy_goals")
    assert outcome.requested == "sector"


def test_a_change_of_an_earlier_answer_in_dialect_with_vorhin():
    outcome = at("security_updates").say("bei de Website vorhin, dat war falsch. Eher teilweise.")
    assert outcome.slot("online_website") == "partly"
    assert not outcome.sets("security_updates")


@pytest.mark.parametrize(
    "text",
    ["Nein, Handwerk ist das doch kein Handwerk bei uns", "Nein, wir sind doch kein Handwerk"],
)
def test_a_denied_sector_asks_the_sector_question(text):
    outcome = at("strategy_goals").say(text)
    assert not outcome.sets("strategy_goals")
    assert outcome.requested == "sector"


def test_an_answer_before_a_pause_is_kept_and_the_pause_asked_about():
    """Second black-box round: "immer" sent with a pause was lost."""
    outcome = at("processes_invoicing").say("immer, ich muss kurz weg, melde mich gleich wieder")
    assert outcome.slot("processes_invoicing") == "always"
    assert "ich warte" in outcome.texts[-1]  # a short pause: the bot waits, nothing is lost
    longer = at("processes_invoicing").say("immer, ich muss Schluss machen, melde mich morgen")
    assert longer.slot("processes_invoicing") == "always"
    assert longer.slot("pending")["type"] == "goodbye"
