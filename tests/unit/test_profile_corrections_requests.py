"""Corrections of the profile asked for in other words (bot.nlu.profile.decide_profile): a
request to enter, replace, reduce or set a value, a value "jetzt nur noch", "nicht mehr", or
what the owner typed before. Proposed (confirmed first), never stored.

Examples are written for these tests (not taken from the corpus); the profile is a
restaurant with five people in Haan.
"""

import pytest

from bot.nlu.profile import decide_profile
from tests.unit.profile_decide_helpers import F3


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("Nein. Stadt bitte: Mettmann", {"municipality": "mettmann"}),
        (
            "Tragen Sie als Branche bitte Handel ein, wir sind ein Feinkostladen.",
            {"sector": "handel"},
        ),
        ("trag ma velbert ein", {"municipality": "velbert"}),
        ("Ich bitte, als Sitz Ratingen zu erfassen.", {"municipality": "ratingen"}),
        ("Die Angabe Gastronomie wäre durch Handel zu ersetzen.", {"sector": "handel"}),
        ("Die Mitarbeiterzahl wäre auf 3 zu reduzieren.", {"employees": 3}),
        ("mach ma die mitarbeiter auf neun", {"employees": 9}),
        ("Ich möchte ändern die Zahl: 8 Leute", {"employees": 8}),
        ("Moment, die Stadt ist Hilden.", {"municipality": "hilden"}),
        ("wat hab ich da geschrieben haan nä wir sitzen in erkrath", {"municipality": "erkrath"}),
        ("dat sin jetz nur noch vier", {"employees": 4}),
        ("Jetzt wir sind 7, zwei neue Köche gekommen.", {"employees": 7}),
        ("wir sin jetz 7 seit mai nich mehr 5", {"employees": 7}),
        ("Aushilfen vergessen, also 9", {"employees": 9}),
        ("I wrote 5 but we're 8 people tbh", {"employees": 8}),
        ("Können Sie die Branche noch auf Handel und Einzelhandel ändern?", {"sector": "handel"}),
        ("is nich haan is hilden", {"municipality": "hilden"}),
    ],
)
def test_correction_requests_in_other_words(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    "text",
    [
        "Ich hab mir immer gesagt, eine Website brauchen wir nicht.",
        "Wir sind ja nur zu viert, da hab ich gesagt, die Tochter macht das.",
        "Nach dem Umzug im Sommer läuft alles wieder.",
        "Termine tragen wir in den Kalender ein.",
    ],
)
def test_answers_that_only_sound_like_a_request_change_nothing(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})
