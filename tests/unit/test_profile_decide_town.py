"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
the town of the firm's seat, not of owners, customers, partners or institutions.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile
from tests.unit.profile_decide_helpers import as_read, assert_decision


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Ich wohne in Köln.", {}),  # where the owner lives is not the seat: ask again
        ("woanders", {"municipality": "andere"}),
        ("Termine außerhalb nach Vereinbarung", {}),
    ],
)
def test_town_question(text, stored):
    assert (
        as_read(decide_profile(text, "municipality", {"employees": 2, "sector": "bau"})) == stored
    )


def test_vague_other_place_only_when_the_town_was_asked():
    assert "municipality" not in decide_profile("Termine außerhalb", "employees", {})[0]


INSTITUTIONS = [
    ("Wir sind ein Dachdeckerbetrieb, eingetragen bei der Handwerkskammer Düsseldorf.", "handwerk"),
    ("Bäckerei, Mitglied der Innung in Mettmann", "handwerk"),
]


def test_an_office_in_a_town_is_the_seat():
    stored, _ = decide_profile("we build apps, 6 people, office in Velbert", "employees", {})
    assert stored == {"employees": 6, "municipality": "velbert"}


@pytest.mark.parametrize(("text", "sector"), INSTITUTIONS)
def test_an_institution_s_town_is_not_the_seat(text, sector):
    assert_decision(text, "sector", {}, {"sector": sector}, {})


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # two towns with close seat scores: the likelier one is confirmed first
        ("Teils in Mettmann, teils in Erkrath.", "municipality", {}, {"municipality": "mettmann"}),
        # a clear seat next to places of travel is stored
        (
            "Unser Sitz ist in Haan, die Touren gehen oft nach Solingen.",
            "municipality",
            {"municipality": "haan"},
            {},
        ),
        # the town question answered first, then a story with another town
        (
            "Erkrath. Gelernt habe ich damals in Düsseldorf.",
            "municipality",
            {"municipality": "erkrath"},
            {},
        ),
        # where the owner was born or has lived is not the seat
        (
            "Geboren in Hilden, die Bäckerei haben wir in Langenfeld.",
            "municipality",
            {"municipality": "langenfeld"},
            {"sector": "handwerk"},
        ),
        # a typo alone answers the town question; inside a long story it is confirmed
        ("Langenfel", "municipality", {"municipality": "langenfeld"}, {}),
    ],
)
def test_town_readings_say_whether_they_are_sure(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # every town of a list of branches is a branch
        (
            "Metzgerei mit Filialen in Haan, Hilden und Solingen, zusammen 19 Leute.",
            "employees",
            {"employees": 19, "sector": "handwerk"},
            {},
        ),
        # where the customers are is no seat
        ("Wir sind 4 und bauen Shops für Händler in Ratingen.", "employees", {"employees": 4}, {}),
        # near a town or driving there: only a guess, confirmed first
        ("Kurz vor der Grenze zu Mettmann.", "municipality", {}, {"municipality": "mettmann"}),
        ("Wir fahren oft bis nach Haan.", "municipality", {}, {"municipality": "haan"}),
    ],
)
def test_towns_of_branches_customers_and_travel(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)


def test_the_seat_of_someone_else_is_not_the_firms():
    text = "Die Betriebsstätte liegt in Mettmann, unser Steuerberater hat seinen Sitz in Velbert."
    assert_decision(text, "municipality", {}, {"municipality": "mettmann"}, {})


def test_a_town_between_two_is_confirmed_first():
    stored, proposed = decide_profile(
        "Wir sitzen genau zwischen Hilden und Haan", "municipality", {}
    )
    assert stored == {} and proposed == {"municipality": "hilden"}


def test_a_branch_named_after_the_seat_word_is_not_the_seat():
    text = "Sie meinen sicher den Firmensitz und nicht die Niederlassung in Essen; der ist Hilden."
    stored, proposed = decide_profile(text, "municipality", {})
    assert {**stored, **proposed} == {"municipality": "hilden"}


def test_a_place_of_my_tax_adviser_is_not_the_seat():
    text = "Ein Büro haben wir nicht, die Post geht an meine Steuerberaterin in Haan."
    assert decide_profile(text, "municipality", {}) == ({}, {})


def test_a_partners_place_is_not_the_seat():
    text = "Der Sitz ist Haan, gefertigt wird aber bei einem Partner in Solingen."
    stored, proposed = decide_profile(text, "municipality", {})
    assert {**stored, **proposed} == {"municipality": "haan"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir fräsen Teile für eine große Firma in Velbert, wir selbst sitzen woanders.",
        "Unser Hauptkunde sitzt in Neuss.",
    ],
)
def test_customers_places_are_not_the_seat(text):
    stored, proposed = decide_profile(text, "employees", {})
    assert "municipality" not in {**stored, **proposed}
