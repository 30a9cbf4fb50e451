"""Findings of the fourth black-box round: one answer for several questions, rejected answers
and more ways to call the summary wrong at the read-back; passing words that named no profile
value; the owner's news in a yes to a pre-filled profile."""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import Dialogue, FakeApi, finished
from tests.unit.interview_helpers import FORM, at


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


@pytest.mark.parametrize(
    "text, changes",
    [
        # fourth black-box round
        ("bei 3 und 5 jeweils nein", {"strategy_budget": "no", "tools_business_software": "no"}),
        (
            "Frage 12 und die Datensicherung beides eher selten",
            {"online_contact": "rarely", "security_backup": "rarely"},
        ),
        ("Weiterbildung eigentlich nie statt selten", {"skills_training": "never"}),
        ("Frage 1 hatte ich bejaht, nicht verneint", {"strategy_goals": "yes"}),
        (
            "das entspricht Gut, nicht Grundkenntnisse bei den Kenntnissen im Team",
            {"skills_level": "good"},
        ),
    ],
)
def test_one_answer_for_several_and_rejected_answers_at_the_read_back(text, changes):
    slots = finished(
        strategy_budget="yes",
        tools_business_software="yes",
        online_contact="regularly",
        skills_training="rarely",
        strategy_goals="partly",
        skills_level="basic",
    )
    outcome = Dialogue(FORM, slots, "answers_confirmed").say(text)
    for slot, value in changes.items():
        assert outcome.slot(slot) == value
    assert outcome.requested == "answers_confirmed"


@pytest.mark.parametrize("text", ["da ist was falsch", "fast", "nicht ganz"])
def test_more_ways_to_call_the_summary_wrong(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert "Welche Antwort möchten Sie ändern?" in outcome.texts[0]
    assert not outcome.sets("answers_confirmed")


def test_sieht_gut_aus_confirms():
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say("sieht gut aus so")
    assert outcome.slot("answers_confirmed") is True


@pytest.mark.parametrize(
    "slot, text",
    [
        (
            "strategy_goals",
            "Was genau heißt hier „festgelegt“ – reicht ein mündlicher Beschluss in der "
            "Teambesprechung, oder ist ein schriftlicher Plan gemeint?",
        ),
        (
            "online_listings",
            "Es existiert, wurde aber seit dem Umzug 2022 nicht angepasst; die Adresse ist "
            "veraltet.",
        ),
    ],
)
def test_passing_words_do_not_ask_the_profile_again(slot, text):
    """Fourth black-box round: a "Teambesprechung" asked the staff count again, an outdated
    address in the Google profile the town."""
    outcome = at(slot).say(text)
    assert outcome.requested not in ("employees", "sector", "municipality")


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Ach, die Mitarbeiterzahl stimmt übrigens nicht mehr.", "employees"),
        ("Wir sind übrigens umgezogen, der Ort stimmt nicht mehr.", "municipality"),
    ],
)
def test_a_correction_naming_the_profile_still_asks_it_again(text, asked):
    assert at("online_listings").say(text).requested == asked


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nailstudio 💅 gel, acryl, nailart", {"sector": "dienstleistung"}),
        ("Kalimera! ich habe eine Taverna in Oberkassel", {"sector": "gastronomie"}),
        ("ich zwei gesellen und ein lehrling", {"employees": 4}),
    ],
)
def test_fourth_round_profile_words(text, expected):
    from bot.nlu.profile import decide_profile

    stored, proposed = decide_profile(text, "employees" if "ich zwei" in text else "sector", {})
    read = {**proposed, **stored}
    assert {k: read.get(k) for k in expected} == expected


def test_an_answer_after_no_to_a_stop_question_is_kept():
    """ "ach nee. Backup machen wir jede Woche auf ein NAS im Keller" at "Möchten Sie den Check
    abbrechen?" kept the check but lost the answer."""
    dialogue = at("security_backup")
    asked = dialogue.say("abbrechen")
    assert asked.slot("pending") == {"type": "stop"}
    outcome = dialogue.say("ach nee. Backup machen wir jede Woche auf ein NAS im Keller")
    assert outcome.slot("security_backup") in ("regularly", "always")
    assert outcome.requested == "security_updates"
    plain = at("security_backup")
    plain.say("abbrechen")
    kept = plain.say("nein")
    assert not kept.sets("security_backup") and kept.requested == "security_backup"


def test_a_yes_keeps_the_values_the_owner_keeps_and_a_retraction_is_a_no():
    dialogue = at("online_listings")
    dialogue.say("Übrigens, wir sind eigentlich 14 Leute und sitzen in Ratingen")
    outcome = dialogue.say("Die Zahl ja, beim Ort habe ich mich geirrt – der Sitz bleibt Hilden")
    assert outcome.slot("employees") == 14 and not outcome.sets("municipality")
    dialogue = at("strategy_goals")
    dialogue.say("Übrigens, wir sind inzwischen 28 Leute")
    retracted = dialogue.say("Ach, vergessen Sie das, war ein Tippfehler. Zum Plan: ja, haben wir")
    assert not retracted.sets("employees")
    assert retracted.slot("strategy_goals") == "yes"


@pytest.mark.parametrize(
    "slot, text, value",
    [
        (
            "tools_cloud",
            "Google Workspace. Oh und: wir haben gerade jemanden eingestellt, sind jetzt also 6.",
            6,
        ),
        ("tools_mobile", "Ja, our dispatcher does IT. Btw we're actually 18 now.", 18),
    ],
)
def test_a_staff_update_in_an_answer_is_proposed(slot, text, value):
    outcome = at(slot).say(text)
    assert outcome.slot("pending") == {"type": "profile", "slot": "employees", "value": value}


def test_an_outdated_listing_is_no_profile_correction():
    outcome = at("online_listings").say(
        "Bei Google ja, aber die Architektenkammer-Liste ist veraltet."
    )
    assert outcome.requested == "online_listings"
    assert (outcome.slot("pending") or {}).get("type") != "profile"
