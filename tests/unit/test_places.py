"""Tests for bot.nlu.places (municipality ids)."""

import pytest

from bot.nlu.places import MUNICIPALITIES, best_municipality, parse_municipality
from bot.nlu.text import load_yaml

CASES = {
    "erkrath": ["Erkrath", "erkrath", "ERKRATH", "Hochdahl", "Unterfeldhaus", "Millrath",
                "Trills", "Sandheide", "Alt-Erkrath", "Erkarth"],
    "haan": ["Haan", "Gruiten", "wir sitzen in Haan"],
    "heiligenhaus": ["Heiligenhaus", "Isenbügel", "Isenbuegel", "Hetterscheidt", "Unterilp",
                     "Heilgenhaus"],
    "hilden": ["Hilden", "Hilden-Nord", "Hilden Süd", "Meide", "Malerbetrieb in Hilden"],
    "langenfeld": ["Langenfeld", "Richrath", "Reusrath", "Immigrath", "Wiescheid",
                   "Berghausen", "Langefeld"],
    "mettmann": ["Mettmann", "Metzkausen", "Obschwarzbach", "Mettman", "Stadt Mettmann"],
    "monheim": ["Monheim", "Monheim am Rhein", "Baumberg", "Monhiem"],
    "ratingen": ["Ratingen", "Lintorf", "Hösel", "Hoesel", "Breitscheid", "Homberg",
                 "Eggerscheidt", "Tiefenbroich", "Ratingen West", "Ratingen-Ost", "Ratignen",
                 "Ratinger Innenstadt", "Altstadt von Ratingen"],
    "velbert": ["Velbert", "Langenberg", "Neviges", "Tönisheide", "Toenisheide", "Velbrt",
                "Büro in Neviges, Lager in Wuppertal"],
    "wuelfrath": ["Wülfrath", "Wuelfrath", "Wulfrath", "WÜLFRATH", "Rohdenhaus",
                  "Flandersbach", "Schlupkothen", "Düssel", "Duessel", "Wülfrat", "wuelfrath"],
    "duesseldorf": ["Düsseldorf", "Duesseldorf", "Dusseldorf", "düsseldorf", "D'dorf", "Ddorf",
                    "D-Dorf", "DUS", "Düsseldorff", "Dusseldorff", "Düseldorf", "Benrath",
                    "Oberkassel", "Bilk", "Unterbilk", "Oberbilk", "Pempelfort", "Derendorf",
                    "Golzheim", "Flingern", "Düsseltal", "Gerresheim", "Grafenberg", "Eller",
                    "Lierenfeld", "Wersten", "Holthausen", "Reisholz", "Urdenbach", "Hassels",
                    "Itter", "Himmelgeist", "Garath", "Hellerhof", "Niederkassel", "Heerdt",
                    "Lörick", "Hamm", "Volmerswerth", "Flehe", "Kaiserswerth", "Wittlaer",
                    "Angermund", "Kalkum", "Lohausen", "Stockum", "Unterrath", "Rath",
                    "Mörsenbroich", "Lichtenbroich", "Carlstadt", "Friedrichstadt",
                    "Hubbelrath", "Knittkuhl", "Unterbach", "Vennhausen", "Ludenberg",
                    "Altstadt", "Stadtmitte", "Düsseldorf-Benrath", "Café in D'dorf-Bilk"],
    "andere": ["Wuppertal", "Solingen", "Köln", "Koeln", "aus Essen", "in Essen", "Duisburg",
               "Neuss", "Neuß", "Krefeld", "Mönchengladbach", "Leverkusen", "Mülheim an der Ruhr",
               "Hamm in Westfalen", "Berlin", "woanders", "außerhalb", "anderer Ort",
               "Anderer Ort", "nicht im Kreis", "außerhalb von Düsseldorf", "andere",
               "ganz woanders", "im Ausland", "Wupertal"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [(t, value) for value, texts in CASES.items() for t in texts]
)
def test_parse_municipality(text, expected):
    assert parse_municipality(text) == expected


def test_every_id_is_covered_and_valid():
    assert set(CASES) == set(MUNICIPALITIES)
    ids = set(load_yaml("places.yml")["municipalities"])
    assert ids | {"andere"} == set(MUNICIPALITIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nicht in Düsseldorf, sondern in Hilden", "hilden"),
        ("im Kreis Mettmann, in Velbert", "velbert"),
        ("Hamm", "duesseldorf"),
        ("Düssel", "wuelfrath"),
        ("Düsseltal", "duesseldorf"),
        ("Wir sind ein Malerbetrieb in Ratingen-Lintorf mit 9 Leuten", "ratingen"),
    ],
)
def test_resolution_rules(text, expected):
    assert parse_municipality(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kreis Mettmann",
        "im Kreis Mettmann",
        "Essen und Trinken",
        "Wir bieten Essen an",
        "will ich nicht",
        "Heute ist schönes Wetter",
        "Wir haben eine Website",
        "Wir beraten Kunden im Westen",
        "Ich bin im Rat",
        "Geben Sie mir Bescheid",
        "Wir müssen die Daten werten",
        "Das Muster passt",
        "In manchen Fällen ja",
        "Wir bilden aus",
        "Das hilft den Helden",
        "Hilfen vom Staat",
        "Wir haben einen Garten",
        "Nein, wir sind Malerbetrieb mit 9 Leuten",
        "Unsere Mitarbeiter nutzen Outlook",
        "Ja, regelmäßig",
        "Wir halten die Daten aktuell",
        "Keine Ahnung",
        "Versteh ich nicht",
        "Wir sind in der Gastronomie",
        "",
        "???",
        "😀👍",
    ],
)
def test_ordinary_sentences_have_no_place(text):
    assert parse_municipality(text) is None


def test_match_span_points_at_the_name():
    text = "Unser Büro ist in Velbert-Neviges"
    match = best_municipality(text)
    assert match is not None
    assert (match.value, text[match.start : match.end]) == ("velbert", "Velbert")


def test_fuzzy_match_is_flagged():
    match = best_municipality("Ratignen")
    assert match is not None and match.fuzzy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Firmensitz Monheim, Lager in Leverkusen", "monheim"),
        ("Ich wohne in Haan, die Firma ist aber in Solingen.", "andere"),
        ("Bis 2018 in Essen, seitdem in Velbert.", "velbert"),
        ("Gegründet in Neuss, seit zehn Jahren in Hilden.", "hilden"),
        ("Wir sind 2015 von Wuppertal nach Wülfrath umgezogen.", "wuelfrath"),
        ("Wir sind in Erkrath, unsere Kunden sitzen meistens in Düsseldorf.", "erkrath"),
        ("An der Ratinger Straße in Heiligenhaus", "heiligenhaus"),
        ("Mettmann, aber wir arbeiten viel in Wuppertal", "mettmann"),
        ("Wir liefern von Langenfeld aus bis nach Köln.", "langenfeld"),
        ("Die Adresse ist Haan, auch wenn alle denken, wir wären in Solingen.", "haan"),
        ("Wir sind Hildener, aber das Geschäft ist in Langenfeld.", "langenfeld"),
        ("Hauptsitz Ratingen, dazu eine kleine Filiale in Mettmann", "ratingen"),
    ],
)
def test_the_seat_wins_over_other_places(text, expected):
    assert parse_municipality(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne in Köln.",
        "Unser Kunde in Ratingen macht das genauso.",
        "Meine Schwester hat ein Café in Erkrath.",
        "Wir haben eine Düsseldorfer Telefonnummer.",
        "Termine außerhalb nach Vereinbarung",
    ],
)
def test_places_that_are_not_the_seat(text):
    assert parse_municipality(text) is None
