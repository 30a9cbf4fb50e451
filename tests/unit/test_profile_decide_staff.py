"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
the staff count, its parts, and numbers that are no staff count.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile
from tests.unit.profile_decide_helpers import assert_decision


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # another person's trade in an apposition is not the firm's
        ("Meine Schwester, eine Floristin, hat mich darauf gebracht.", "sector", {}, {}),
        # persons and a general count only joined by a comma: total or on top? confirm
        ("Meine Frau und ich, 5 Mitarbeiter", "employees", {}, {"employees": 7}),
        ("Meine Frau und ich, dazu 5 Mitarbeiter", "employees", {"employees": 7}, {}),
    ],
)
def test_appositions_and_comma_joined_counts(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        # "davon" marks a part of the count, also after a verb
        ("9 Leute, davon arbeiten 2 in der Filiale in Haan.", {"employees": 9}),
        # on the road in a town is not the seat
        ("Wir sind eine Gärtnerei, oft in Velbert unterwegs.", {"sector": "handwerk"}),
    ],
)
def test_parts_of_a_count_and_towns_on_the_road(text, stored):
    got, proposed = decide_profile(text, "employees", {})
    assert {**proposed, **got}.get("employees") == stored.get("employees")
    assert got.get("municipality") == stored.get("municipality")


@pytest.mark.parametrize(
    "text",
    [
        "Pro Tag haben wir gut 150 Leute im Geschäft.",
        "Der Saal bietet Platz für 60 Personen.",
        "Zur Eröffnung kamen 120 Menschen.",
    ],
)
def test_guests_and_capacity_are_no_staff_count(text):
    assert decide_profile(text, "employees", {}) == ({}, {})


def test_staff_next_to_guests_still_counts():
    text = "Bei uns arbeiten 6 Leute, täglich kommen 90 Gäste."
    # read, and confirmed first: another number stands next to it
    assert decide_profile(text, "employees", {}) == ({}, {"employees": 6})
