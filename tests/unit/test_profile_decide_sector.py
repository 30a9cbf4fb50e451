"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
the sector, from the firm's activity in the owner's own words.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from tests.unit.profile_decide_helpers import assert_decision

OWN_WORDS = [
    ("wir schneiden haare", "handwerk"),
    ("wir pflegen senioren bei denen zuhause", "gesundheit"),
    ("wir bauen internetseiten", "it_medien"),
    ("wir fahren pakete für die großen paketdienste", "logistik"),
    ("Ich habe Obst und Gemüse Laden.", "handel"),
    ("Meine Firma macht Pflege für Senioren zu Hause.", "gesundheit"),
    ("we build custom software for dentists", "it_medien"),
]


@pytest.mark.parametrize(("text", "sector"), OWN_WORDS)
def test_trades_in_the_owner_s_own_words(text, sector):
    assert_decision(text, "sector", {}, {"sector": sector}, {})


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # counted things the firm has are no sector
        ("Wir haben 3 Bagger und 2 Kipper.", "employees", {}, {}),
        ("Drei Busse fahren für uns.", "municipality", {}, {}),
        ("Wir haben 12 Transporter.", "sector", {}, {"sector": "logistik"}),
        ("Wir sind ein Kurierdienst mit 12 Transportern.", "employees", {"sector": "logistik"}, {}),
        # one word fills one slot: "Sonstiges" is the sector or the town, never both
        ("Sonstige", "sector", {"sector": "sonstiges"}, {}),
        ("Sonstige", "municipality", {"municipality": "andere"}, {}),
    ],
)
def test_counted_things_and_one_word_one_slot(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)


@pytest.mark.parametrize(
    ("text", "asked", "stored", "proposed"),
    [
        # two activities of different trades: confirm the likelier one
        (
            "Wir bauen Fahrräder und verkaufen sie online.",
            "sector",
            {},
            {"sector": "handel"},
        ),
        (
            "Wir vermieten und betreuen eine Ferienwohnung.",
            "sector",
            {},
            {"sector": "gastronomie"},
        ),
        # where the customers come from is not the firm's trade
        ("Unsere Kunden kommen meist aus dem Handwerk.", "sector", {}, {}),
        # a stated firm keeps its trade, whatever it also does
        (
            "Wir sind eine Schreinerei, wir planen und bauen Küchen.",
            "sector",
            {"sector": "handwerk"},
            {},
        ),
    ],
)
def test_several_activities_and_customers_trades(text, asked, stored, proposed):
    assert_decision(text, asked, {}, stored, proposed)
