"""Which profile values are stored at once and which are confirmed first (bot.nlu.profile._plain):
only a plainly stated value is stored without a confirmation; a long message, a turn in it, a
staff count summed from people or read next to another number is confirmed first, all values of
the message in one question."""

import pytest

from bot.nlu.profile import decide_profile, decide_profile_options

E = {}


@pytest.mark.parametrize(
    "text, asked, stored",
    [
        ("12", "employees", {"employees": 12}),
        ("Wir sind 8 Leute.", "employees", {"employees": 8}),
        ("nur ich", "employees", {"employees": 1}),
        ("Malerbetrieb in Hilden, 9 Leute", "employees",
         {"employees": 9, "sector": "handwerk", "municipality": "hilden"}),
        ("Langenfeld", "municipality", {"municipality": "langenfeld"}),
        ("Bäckerei", "sector", {"sector": "handwerk"}),
    ],
)  # fmt: skip
def test_a_plainly_stated_value_is_stored_at_once(text, asked, stored):
    assert decide_profile(text, asked, E) == (stored, {})


@pytest.mark.parametrize(
    "text, asked, proposed",
    [
        # summed from people
        ("ich, meine Frau und drei Gesellen", "employees", {"employees": 5}),
        ("ich und zwei Angestellte", "employees", {"employees": 3}),
        # another number next to the count
        ("Bei uns arbeiten 6 Leute, täglich kommen 90 Gäste.", "employees", {"employees": 6}),
        # a turn in the message
        ("Unser Büro ist in Ratingen, aber gemeldet sind wir woanders", "municipality",
         {"municipality": "ratingen"}),
        # a long message
        ("Ich führe in Mettmann eine Kanzlei für Steuerberatung mit vier Angestellten.",
         "employees", {"employees": 4, "sector": "dienstleistung", "municipality": "mettmann"}),
    ],
)  # fmt: skip
def test_anything_else_is_confirmed_first(text, asked, proposed):
    stored, got = decide_profile(text, asked, E)
    assert stored == {}
    assert {k: got.get(k) for k in proposed} == proposed


def test_a_count_read_two_ways_keeps_both_readings_next_to_other_values():
    """ "ich habe vier Leute" is 4, or 5 with the owner - also inside a combined confirmation."""
    text = "Guten Tag, ich habe vier Leute, Elektroinstallation in Langenfeld."
    stored, proposed, options = decide_profile_options(text, "employees", E)
    assert stored == {} and proposed["employees"] == 4 and proposed["municipality"] == "langenfeld"
    assert options == {"employees": (4, 5)}


@pytest.mark.parametrize(
    "text, count",
    [
        ("Wir sind drei Leute plus zwei Minijobber.", 5),
        ("Wir sind 8, davon 2 Azubis", 8),
        ("Aktuell sind wir noch 4 – mein Kollege und ich sowie zwei Teilzeitkräfte.", 4),
        ("Fest angestellt sind wir sechs, im Dezember kommen zwei Aushilfen dazu, die würde ich "
         "aber nicht mitzählen.", 6),
        ("Zwei Dutzend, ich als Chefin mitgerechnet.", 24),
    ],
)  # fmt: skip
def test_apprentices_added_with_plus_count_and_a_subset_does_not(text, count):
    from bot.nlu.numbers import read_staff

    assert read_staff(text, lenient=True).count == count


def test_a_bare_zero_is_confirmed_first():
    assert decide_profile("null", "employees", E) == ({}, {"employees": 1})


def test_wobei_marks_a_part_of_the_count():
    from bot.nlu.numbers import read_staff

    text = (
        "In meiner Kanzlei wären, mich selbst eingeschlossen, derzeit neun Personen tätig, wobei "
        "zwei Steuerfachangestellte lediglich in Teilzeit beschäftigt sind."
    )
    assert read_staff(text, lenient=True).count == 9


# values of a founding story: confirmed first


def test_the_only_town_of_a_founding_story_is_proposed():
    text = "Nach der Lehre habe ich 2015 meinen eigenen Betrieb in Mettmann gegründet, wir sind 6"
    stored, proposed = decide_profile(text, "employees", {})
    assert {**proposed, **stored}.get("employees") == 6
    assert proposed.get("municipality") == "mettmann" and "municipality" not in stored


def test_we_make_products_is_proposed_while_the_staff_count_is_asked():
    stored, proposed = decide_profile(
        "Wir stellen seit 1990 Zahnräder her, 30 Leute", "employees", {}
    )
    assert {**proposed, **stored}.get("employees") == 30
    assert proposed.get("sector") == "produktion"
