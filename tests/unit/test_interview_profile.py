"""The interview form (``validate_interview_form``): activation, resumption and the profile.

Staff count, sector and town: how they are read, confirmed, corrected and re-asked.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionStartInterview
from tests.unit.action_helpers import (
    ANSWERS,
    PROFILE,
    QN,
    Dialogue,
    FakeApi,
    answered,
    make_tracker,
    run,
)
from tests.unit.interview_helpers import FORM, answer_payloads, answers_untouched, at


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


# ---- activation and resumption -----------------------------------------------------------


def test_consent_starts_with_an_intro_and_a_fresh_interview():
    slots = {"consent": True, "maturity": None, **{s: None for s in ANSWERS}}
    outcome = run(ActionStartInterview(), make_tracker("ja", slots, form=None))
    assert "drei kurze Angaben" in outcome.text and "18 Fragen" in outcome.text
    assert outcome.slot("consent") is True
    assert outcome.slot("stage") == "interview"
    assert all(outcome.slot(s) is None for s in QN.question_slots)


def test_activation_asks_the_staff_count_first(api):
    dialogue = Dialogue(FORM, {"consent": True, "stage": "interview"})
    outcome = dialogue.start("ja, gerne")
    assert outcome.requested == "employees"
    assert outcome.texts == [QN.profile_question("employees").text]
    assert answers_untouched(outcome)
    assert [(e["event"], e["question"]) for e in api.posted] == [("question_reached", "employees")]


def test_activation_with_a_known_profile_asks_question_one_with_progress_and_topic():
    outcome = Dialogue(FORM, {"consent": True, **PROFILE}).start()
    assert outcome.requested == "strategy_goals"
    assert outcome.texts[-1].startswith("Frage 1 von 18 · Thema: Strategie und Organisation\n")
    assert QN.question("strategy_goals").text in outcome.texts[-1]
    assert outcome.payloads == answer_payloads("strategy_goals")


def test_resumption_asks_where_the_owner_left_off(api):
    outcome = Dialogue(FORM, answered("tools_cloud")).start("Hallo, da bin ich wieder")
    assert outcome.requested == "tools_cloud"
    assert outcome.text.startswith("Willkommen zurück")
    assert "Frage 4 von 18" in outcome.text
    assert QN.question("tools_cloud").text in outcome.text
    assert outcome.payloads == answer_payloads("tools_cloud")
    assert answers_untouched(outcome)


def test_consent_again_does_not_reset_an_unfinished_interview():
    slots = answered("tools_cloud")
    outcome = run(ActionStartInterview(), make_tracker("ja", slots, form=None))
    assert answers_untouched(outcome)
    assert outcome.messages == []  # the form greets the owner back


# ---- profile -----------------------------------------------------------------------------


def test_staff_count_is_stored_and_the_sector_asked_next():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Wir sind neun Leute")
    assert outcome.slot("employees") == 9
    assert outcome.requested == "sector"
    # a count read from a sentence is read back, so a misreading shows at once
    assert outcome.texts == ["Danke, notiert: 9 Beschäftigte.", QN.profile_question("sector").text]
    assert outcome.payloads == [f'/inform{{"sector":"{s}"}}' for s in QN.sectors]


def test_a_bare_staff_count_is_stored_without_a_read_back():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("9")
    assert outcome.slot("employees") == 9
    assert outcome.texts == [QN.profile_question("sector").text]


def test_a_summed_staff_count_is_read_back_with_the_other_profile_values():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Schreinerei in Ratingen, ich und vier Gesellen plus ein Azubi")
    assert not outcome.sets("employees")  # summed from people: confirmed first, all in one
    assert outcome.texts[0] == (
        "Habe ich Sie richtig verstanden: „6 Beschäftigte“, Branche „Handwerk“, Ort „Ratingen“?"
    )
    outcome = dialogue.say("ja")
    assert outcome.slot("employees") == 6 and outcome.slot("municipality") == "ratingen"
    assert outcome.texts[0] == (
        "Danke, notiert: „6 Beschäftigte“, Branche „Handwerk“, Ort „Ratingen“."
    )


def test_one_message_fills_staff_sector_and_town():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Friseursalon in Langenfeld-Richrath mit sieben Leuten")
    assert outcome.slot("employees") == 7
    assert outcome.slot("sector") == "handwerk"
    assert outcome.slot("municipality") == "langenfeld"
    assert outcome.requested == "strategy_goals"
    assert "notiert" in outcome.texts[0] and "Langenfeld" in outcome.texts[0]
    assert outcome.texts[-1].startswith("Frage 1 von 18")


def test_a_staff_count_that_is_not_sure_is_confirmed_before_it_is_stored():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    proposal = dialogue.say("So zwischen 12 und 16 Leute, je nach Auftragslage")
    assert not proposal.sets("employees")
    assert proposal.slot("pending") == {"type": "profile", "slot": "employees", "value": 14}
    # the label names the slot already (not "Beschäftigte „14 Beschäftigte“")
    assert proposal.texts == ["Habe ich Sie richtig verstanden: „14 Beschäftigte“?"]
    assert proposal.payloads == ["/affirm", "/deny"]

    stored = dialogue.say("ja")
    assert stored.slot("employees") == 14
    assert not stored.sets("changed")
    assert "notiert" in stored.texts[0]
    assert stored.requested == "sector"


def test_no_to_an_unsure_reading_asks_the_profile_question_again():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    dialogue.say("So zwischen 12 und 16 Leute, je nach Auftragslage")
    again = dialogue.say("nein")
    assert not again.sets("employees")
    assert again.requested == "employees"
    assert QN.profile_question("employees").text in again.texts[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Unsere PLZ ist 40721",
        "Wir sind seit 1998 am Markt",
        "Unsere Nummer ist [TELEFON]",
        "Wir sitzen in der Hauptstraße 12",
        "Sie erreichen mich unter 0211 8995432",
        "Tel. 02103 55 66 77",
        "Wir haben 2009 gegründet",
    ],
)
def test_phone_numbers_postal_codes_and_years_are_no_staff_count(text):
    outcome = Dialogue(FORM, {"consent": True}, "employees").say(text)
    assert not outcome.sets("employees")
    assert outcome.requested == "employees"


def test_a_postal_code_with_a_town_stores_only_the_town():
    outcome = Dialogue(FORM, {"consent": True}, "employees").say("Wir sitzen in 40721 Hilden")
    assert outcome.slot("municipality") == "hilden"
    assert not outcome.sets("employees")
    assert outcome.requested == "employees"


@pytest.mark.parametrize(
    "text",
    [
        "Ja, das macht bei uns der Kollege, der früher in einer Eisdiele in Haan gearbeitet hat",
        "Gegenüber ist eine Eisdiele, die hat das, wir auch, ja",
        "Ja, so wie der Bäcker in Düsseldorf",
        "Ja, mein Schwager in Ratingen hat eine Schreinerei, der macht das für uns",
    ],
)
def test_a_passing_mention_of_another_trade_or_town_changes_nothing(text):
    outcome = at("strategy_responsible").say(text)
    assert not outcome.sets("sector") and not outcome.sets("municipality")
    assert outcome.slot("pending") is None
    assert outcome.slot("strategy_responsible") == "yes"  # the answer still counts


def test_an_explicit_correction_is_proposed_and_yes_applies_it():
    dialogue = at("tools_cloud")
    proposal = dialogue.say("wir sind eigentlich in Haan")
    assert not proposal.sets("municipality")
    assert proposal.slot("pending") == {"type": "profile", "slot": "municipality", "value": "haan"}
    assert proposal.requested == "tools_cloud"
    assert proposal.texts == ["Soll ich „Ort“ von „Hilden“ auf „Haan“ ändern?"]
    assert proposal.payloads == ["/affirm", "/deny"]

    applied = dialogue.say("ja")
    assert applied.slot("municipality") == "haan"
    assert applied.slot("pending") is None
    assert "municipality" in applied.slot("changed")
    assert "geändert" in applied.texts[0] and "Haan" in applied.texts[0]
    assert applied.requested == "tools_cloud"
    assert QN.question("tools_cloud").text in applied.texts[-1]


def test_no_keeps_the_profile_and_asks_the_question_again():
    dialogue = at("tools_cloud")
    dialogue.say("wir sind eigentlich in Haan")
    kept = dialogue.say("nein")
    assert not kept.sets("municipality")
    assert dialogue.slots["municipality"] == "hilden"
    assert "Hilden" in kept.texts[0]
    assert kept.requested == "tools_cloud"
    assert QN.question("tools_cloud").text in kept.texts[-1]


def test_a_correction_request_that_names_a_profile_question_asks_it_again():
    dialogue = at("tools_cloud")
    outcome = dialogue.say("Die Branche stimmt nicht")
    assert outcome.requested == "sector"
    assert not outcome.sets("sector") and not outcome.sets("tools_cloud")
    assert QN.profile_question("sector").text in outcome.texts[0]
    assert "(Bisher: Handwerk)" in outcome.texts[0]
    proposal = dialogue.say('/inform{"sector":"handel"}')
    assert proposal.slot("pending") == {"type": "profile", "slot": "sector", "value": "handel"}
    applied = dialogue.say("ja")
    assert applied.slot("sector") == "handel"
    assert applied.requested == "tools_cloud"  # back where the owner was
    assert QN.question("tools_cloud").text in applied.texts[-1]


def test_a_tapped_sector_during_a_question_is_confirmed_first():
    dialogue = at("tools_cloud")
    proposal = dialogue.say('/inform{"sector":"handel"}')
    assert not proposal.sets("sector")
    assert proposal.slot("pending") == {"type": "profile", "slot": "sector", "value": "handel"}
    assert proposal.payloads == ["/affirm", "/deny"]
    applied = dialogue.say("/affirm")
    assert applied.slot("sector") == "handel"
    assert applied.requested == "tools_cloud"


def test_a_tapped_option_for_the_open_profile_question_is_stored():
    outcome = Dialogue(FORM, {"consent": True, "employees": 4}, "sector").say(
        '/inform{"sector":"handel"}'
    )
    assert outcome.slot("sector") == "handel"
    assert outcome.requested == "municipality"


def test_the_second_failed_staff_answer_gets_a_simpler_re_ask():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    first = dialogue.say("🙂🙂🙂")
    second = dialogue.say("blabla")
    assert first.texts[0] != second.texts[0]
    assert "Zahl" in second.texts[0] and second.requested == "employees"


@pytest.mark.parametrize(
    "reply, employees",
    [
        ("Nein, mit mir sind es fünf", 5),
        ("nein, zusammen 10", 10),
        ("Nein, 9 – die Freien zählen nicht, aber ich", 9),
    ],
)
def test_a_no_with_the_right_count_takes_it_and_keeps_the_rest(reply, employees):
    """Black-box chats: the count in the "Nein" was ignored and sector and town were dropped."""
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    first = dialogue.say("Physiotherapie-Praxis in Mettmann, ich habe drei Angestellte")
    assert first.slot("pending")["type"] == "profile"
    outcome = dialogue.say(reply)
    assert outcome.slot("employees") == employees
    assert outcome.slot("pending") is None


def test_a_yes_to_a_profile_confirmation_with_another_correction_asks_about_it():
    """Black-box chats: the staff correction after "Ja, Haan stimmt" was dropped."""
    pending = {"type": "profile", "values": {"sector": "handwerk", "municipality": "haan"}}
    dialogue = Dialogue(FORM, {"consent": True, "employees": 2, "pending": pending}, "sector")
    outcome = dialogue.say(
        "Ja Haan stimmt, Friseur ist Handwerk, ja. Aber 2 Beschäftigte stimmt nicht, "
        "wir sind fünf mit mir!"
    )
    assert outcome.slot("sector") == "handwerk" and outcome.slot("municipality") == "haan"
    asked = outcome.slot("pending")
    assert asked and asked["type"] == "profile"
    assert 5 in (asked.get("value"), (asked.get("values") or {}).get("employees"))
