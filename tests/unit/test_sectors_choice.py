"""Tests for bot.nlu.sectors (sector ids): the owner's category choice and ambiguous trades."""

import pytest

from bot.nlu.sectors import SECTORS, read_sector
from bot.nlu.text import load_yaml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanzschule, also wohl Sonstiges", "sonstiges"),
        ("son tanzschuppen für kinner also tanzschule halt sonstige", "sonstiges"),
        ("dog grooming salon 🐶 – no idea which category, other I guess", "sonstiges"),
        ("Hörakustik, zwischen Handwerk und Gesundheit; ich entscheide mich für Gesundheit",
         "gesundheit"),
        ("Optiker, zählt bei uns eher zu Gesundheit und Pflege", "gesundheit"),
    ],
)  # fmt: skip
def test_the_category_the_owner_picks_beats_the_trade(text, expected):
    reading = read_sector(text, True)
    assert (reading.value, reading.sure) == (expected, True)


@pytest.mark.parametrize(
    "text",
    ["Wir machen Software für das Handwerk", "Das machen wir dann im Lager",
     "Wir nutzen andere Tools", "Die anderen sind zu teuer"],
)  # fmt: skip
def test_category_words_in_passing_are_no_choice(text):
    reading = read_sector(text, False)
    assert reading is None or reading.value not in ("handwerk", "logistik", "sonstiges")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Hörgeräteakustik", "handwerk", "gesundheit"),
        ("Wir sind ein Augenoptiker", "handwerk", "gesundheit"),
        ("gebäudereinigung treppenhäuser büros", "handwerk", "dienstleistung"),
        ("Zahntechniklabor", "handwerk", "gesundheit"),
        ("Wir sind eine Tanzschule", "dienstleistung", "sonstiges"),
    ],
)  # fmt: skip
def test_a_trade_between_two_sectors_is_never_sure(text, first, second):
    reading = read_sector(text, True)
    assert (reading.value, reading.sure, reading.alternative) == (first, False, second)


def test_the_category_turned_down_does_not_count():
    reading = read_sector("Wir sind ein Kurierdienst, also eher Transport als Handel", True)
    assert (reading.value, reading.sure) == ("logistik", True)
    reading = read_sector("Wir sind eher als Dienstleister einzuordnen", True)
    assert reading.value == "dienstleistung"


def test_a_plain_firm_noun_beside_the_ambiguous_trade_decides():
    reading = read_sector("Wir sind eine Schreinerei, vor allem Innenausbau und Möbel", True)
    assert (reading.value, reading.sure, reading.alternative) == ("handwerk", True, None)


def test_every_ambiguous_trade_names_two_sectors():
    for stem, pair in load_yaml("sectors.yml")["ambiguous"].items():
        assert len(pair) == 2 and set(pair) <= set(SECTORS) and pair[0] != pair[1], stem


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Getränkegroßhandel, wir beliefern vor allem Gaststätten", "handel", "gastronomie"),
        ("Eigentlich eine Softwarefirma, wir verkaufen aber auch Hardware", "it_medien", "handel"),
    ],
)  # fmt: skip
def test_another_sector_named_further_off_is_offered_as_the_second_button(text, first, second):
    reading = read_sector(text, True)
    assert (reading.sure, {reading.value, reading.alternative}) == (False, {first, second})


@pytest.mark.parametrize(
    "text",
    [
        "Wir betreiben ein Tattoostudio, keine Ahnung, wo das hingehört",
        "Reitschule mit Pferdepension, wo genau das reinpasst, weiß ich nicht",
        "Eine Sprachschule; ob das unter Dienstleistung fiele, ist schwer zu sagen",
    ],
)
def test_an_owner_unsure_of_the_category_is_asked(text):
    reading = read_sector(text, True)
    assert reading is not None and not reading.sure


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Keine Ahnung, wo wir da reinpassen, nehmen Sie Sonstiges", "sonstiges"),
        ("Schwer zu sagen, am ehesten Dienstleistung", "dienstleistung"),
    ],
)
def test_the_category_chosen_after_the_doubt_is_sure(text, expected):
    reading = read_sector(text, True)
    assert (reading.value, reading.sure) == (expected, True)


def test_a_category_choice_beside_a_trade_offers_both():
    reading = read_sector("Tattoostudio, keine Ahnung wo das reinpasst, nehmen Sie Sonstiges", True)
    assert (reading.value, reading.sure, reading.alternative) == (
        "sonstiges", False, "dienstleistung"
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Kunden: Zahnarztpraxen",
        "Vermieter ist Metzger",
        "clients: mostly restaurants",
        "Die Kunden sind aus dem Handwerk, mehr kann ich nicht sagen",
        "Eine Branchensoftware? Die nutzen wir nur.",
    ],
)
def test_another_partys_trade_right_before_it_is_only_offered(text):
    reading = read_sector(text, True)
    assert reading is None or not reading.sure


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wir sind ein Logistikdienstleister für Tiefkühlware", "logistik"),
        ("Metzgerei, nen Partyservice hamwa nich", "handwerk"),
        ("Ein Bistro ohne eigene Bäckerei", "gastronomie"),
    ],
)
def test_compound_service_providers_and_negated_side_businesses(text, expected):
    assert read_sector(text, True).value == expected


@pytest.mark.parametrize("text", ["restoran", "Ristorante", "lokanta in hilden", "pizzaria"])
def test_restaurants_as_second_language_writers_spell_them(text):
    assert read_sector(text, True).value == "gastronomie"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wir fertigen Schließzylinder in Serie", "produktion"),
        ("Eine Gesenkschmiede mit 40 Leuten", "produktion"),
        ("Pizza und Pasta zum Mitnehmen", "gastronomie"),
    ],
)
def test_serial_making_forging_and_pizza(text, expected):
    assert read_sector(text, True).value == expected
