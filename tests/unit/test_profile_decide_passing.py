"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
passing mentions of other parties, ages, tools and remarks change nothing and are no
correction.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile
from tests.unit.profile_decide_helpers import F3, FULL


@pytest.mark.parametrize(
    "text",
    [
        "Die Eisdiele gegenüber hat ein Kassensystem mit Cloud.",
        "Unser Kunde in Ratingen nutzt das auch.",
        "Ich wohne in Köln.",
        "Eigentlich ja, wir machen das schon lange.",
        "Für andere Programme nicht.",
        "Nein, die Konkurrenz in Wuppertal ist da weiter.",
    ],
)
def test_passing_mentions_change_nothing(text):
    assert decide_profile(text, "tools_cloud", FULL) == ({}, {})


def test_never_stores_over_a_known_value():
    stored, proposed = decide_profile("Wir sind 12 Leute in Haan", "sector", FULL)
    assert stored == {} and proposed == {}


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # another party's staff, trade or neighbour is never the firm's
        ("Mein Schwager hat einen Betrieb mit 30 Leuten.", "employees", {}, {}),
        ("Unser größter Kunde beschäftigt 200 Menschen.", "employees", {}, {}),
        (
            "Gegenüber ist eine Metzgerei, wir sind ein Blumenladen.",
            "sector",
            {"sector": "handel"},
            {},
        ),
        ("Wir liefern an Hotels und Restaurants.", "sector", {}, {}),
        ("Unsere Auftraggeber sind meistens Zahnarztpraxen.", "employees", {}, {}),
        # English owners: the trade and the customers' trade
        ("We're in manufacturing, plastic parts.", "sector", {"sector": "produktion"}, {}),
        ("our customers are mostly in healthcare", "sector", {}, {}),
        # a firm reached through or supplying from outside
        (
            "Die Aushilfen kommen über eine Personalagentur, 6 Leute.",
            "employees",
            {"employees": 6},
            {},
        ),
        ("Wir werden von einer Großbäckerei beliefert.", "sector", {}, {}),
        # a relative's trade alone is confirmed, not stored
        ("Meine Frau führt eine Konditorei, ich helfe aus.", "sector", {}, {"sector": "handwerk"}),
    ],
)
def test_other_parties_are_not_the_firm(text, asked, stored, proposed):
    assert decide_profile(text, asked, {}) == (stored, proposed)


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # an age is no staff count
        ("Meine Mutter ist 68 und kommt jeden Tag.", "employees", {}, {}),
        ("Ich bin 39 Jahre alt.", "employees", {}, {}),
        # a tool the firm has is not what the firm is
        ("Seit letztem Jahr haben wir eine Software für die Termine.", "employees", {}, {}),
        (
            "Wir haben eine Softwarefirma mit 5 Leuten.",
            "employees",
            {"employees": 5, "sector": "it_medien"},
            {},
        ),
    ],
)
def test_ages_and_tools_are_passing_mentions(text, asked, stored, proposed):
    assert decide_profile(text, asked, {}) == (stored, proposed)


@pytest.mark.parametrize(
    "text",
    [
        "Nein, wir sind nur drei Leute, das braucht keiner.",
        "sorry, meinen Sie CRM oder Buchhaltung?",
    ],
)
def test_a_plain_no_or_a_question_back_is_no_correction(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})


@pytest.mark.parametrize(
    "text",
    [
        "Geld gibt es, aber nicht für Computer, sondern für die Maschinen.",
        "Die eine macht alles am Handy, die andere hat nicht mal eins.",
        "Budget jo, aber zeit dafür kannste vergessen",
        "Das ist tatsächlich so, wir machen das jeden Freitag.",
    ],
)
def test_contrasts_and_idioms_are_no_correction(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})


@pytest.mark.parametrize(
    "text",
    [
        "Seit dem Update druckt alles falsch herum.",
        "Wir sind drei Leute, und jeder macht zwei Jobs.",
        "Da stehen ständig falsche Adressen drin.",
    ],
)
def test_wrong_things_and_team_size_in_passing_are_no_correction(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})


@pytest.mark.parametrize(
    "text",
    [
        "Früher war das ein heilloses Durcheinander mit dem Papierbuch.",
        "Eine Kollegin ist nach Monheim gezogen, seitdem arbeitet sie von zu Hause.",
        "Geld gibt's, aber nicht für Computer, sondern für Material.",
    ],
)
def test_moves_of_others_and_mess_are_no_correction(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})


@pytest.mark.parametrize(
    "text",
    [
        "Meine Mitarbeiter: auch nicht viel besser.",
        "Offiziell gibt es keine IT-Abteilung, der Herr Yilmaz macht alles.",
        "Rechnungen schreiben wir mit Word.",
    ],
)
def test_staff_remarks_and_writing_are_no_correction(text):
    assert decide_profile(text, "tools_cloud", F3) == ({}, {})
