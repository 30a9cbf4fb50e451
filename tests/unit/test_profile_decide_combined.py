"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
answers that name several slots at once, terse lists and long stories.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile, read_profile
from tests.unit.profile_decide_helpers import assert_decision


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hallo, ich hab gehört, die Bäckerei in Haan hat das auch gemacht", {}),
        ("Hallo, Malerbetrieb in Hilden", {"sector": "handwerk", "municipality": "hilden"}),
        ("Guten Tag, 12 Leute in Hilden", {"employees": 12}),
        ("[NAME], [ADRESSE], [PLZ] Ratingen", {"municipality": "ratingen"}),
        (
            "Wir haben die Werkstatt 1990 in Velbert gegründet.",
            {"municipality": "velbert"},  # "Werkstatt" alone does not say which trade
        ),
        ("Wir haben die Werkstatt im Keller.", {}),
    ],
)
def test_unasked_values_need_a_stated_seat_or_firm(text, values):
    assert read_profile(text, None).values == values


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # a terse list while the profile is asked: every item counts
        (
            "Velbert, 7 Mitarbeiter, EDV",
            "employees",
            {"employees": 7, "sector": "it_medien", "municipality": "velbert"},
            {},
        ),
        ("9 Leute, Mettmann", "employees", {"employees": 9, "municipality": "mettmann"}, {}),
        # not a list item: customers' town, the IT of someone else
        ("Wir sind 9, Kunden vor allem in Mettmann", "employees", {"employees": 9}, {}),
        # a trade word and a generic shop word in one: confirmed first
        ("Ich habe ein Malergeschäft.", "sector", {}, {"sector": "handel"}),
    ],
)
def test_terse_lists_and_compounds(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)


LONG_INTRO = (
    "Sieben Leute sind wir, eine Tischlerei in Ratingen, angefangen hat alles in der Garage "
    "meiner Eltern, und heute haben wir eine richtige Werkstatt mit Ausstellung"
)


def test_in_a_long_story_the_slots_not_asked_are_confirmed_together():
    stored, proposed = decide_profile(LONG_INTRO, "employees", {})
    assert stored == {}  # a long story: every value is confirmed first, all in one question
    assert proposed == {"employees": 7, "sector": "handwerk", "municipality": "ratingen"}


def test_a_short_combined_answer_is_stored_at_once():
    stored, proposed = decide_profile("Tischlerei in Ratingen, wir sind zu siebt", "employees", {})
    assert stored == {"employees": 7, "sector": "handwerk", "municipality": "ratingen"}
    assert proposed == {}


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("zehn mann, rohbau, wülfrath", {"employees": 10, "sector": "bau",
                                         "municipality": "wuelfrath"}),
        ("Putzfirma, Ratingen, 6 Frauen und ich", {"employees": 7, "sector": "dienstleistung",
                                                   "municipality": "ratingen"}),
        ("team of 5, dev agency in Hilden", {"employees": 5, "sector": "it_medien",
                                             "municipality": "hilden"}),
    ],
)  # fmt: skip
def test_terse_combined_answers(text, stored):
    assert_decision(text, "employees", {}, stored, {})


def test_a_count_summed_across_a_long_story_is_asked_first():
    """Black-box chats: a hairdresser's story of names and helpers was stored as 2 (she meant
    5); a count summed from several parts of a long story is confirmed first."""
    story = (
        "Also heute sind da ich, dann die Sandra und die Melanie als Gesellinnen, die Jessica "
        "lernt noch bei uns, und dienstags kommt noch eine Aushilfe, mein Mann macht die "
        "Buchhaltung, aber der ist nicht angestellt."
    )
    stored, proposed = decide_profile(story, "employees", {})
    assert "employees" not in stored
