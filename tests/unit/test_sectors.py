"""Tests for bot.nlu.sectors (sector ids)."""

import pytest

from bot.nlu.sectors import SECTORS, best_sector, parse_sector, read_sector
from bot.nlu.text import load_yaml

CASES = {
    "handwerk": ["Handwerk", "handwerk", "Handwerksbetrieb", "Malerbetrieb", "Maler",
                 "Elektroinstallationsfirma", "Elektriker", "Installateur", "SHK-Betrieb",
                 "Sanitär und Heizung", "Tischlerei", "Schreinerei", "Dachdecker", "Friseursalon",
                 "Frisör", "Bäckerei", "Baeckerei", "Metzgerei", "Fleischerei", "Kfz-Werkstatt",
                 "Zimmerei", "Fliesenleger", "Schlosserei", "Glaserei", "Goldschmiede",
                 "Optiker", "Hörgeräteakustiker", "Raumausstatter", "Gebäudereinigung",
                 "Konditorei", "Handwek", "Malermeister", "Elektrofachbetrieb", "Rollladenbau"],
    "bau": ["Bau", "Bauunternehmen", "Baufirma", "Hochbau", "Tiefbau", "Straßenbau",
            "Strassenbau", "Bauträger", "Rohbau", "Gerüstbau", "Garten- und Landschaftsbau",
            "GaLaBau", "Maurerbetrieb", "Baugewerbe", "Bauunternehmn"],
    "handel": ["Handel", "Einzelhandel", "Großhandel", "Grosshandel", "Blumenladen", "Laden",
               "Boutique", "Kiosk", "Autohaus", "Online-Shop", "Onlineshop", "E-Commerce",
               "Webshop", "Autohändler", "Buchhandlung", "wir haben einen kleinen Laden",
               "Einzelhandl", "Getränkemarkt", "Lebensmittel Geschäft", "Handy Laden"],
    "gastronomie": ["Gastronomie", "Restaurant", "Café", "Cafe", "Kneipe", "eine Bar",
                    "Cocktailbar", "Hotel", "Imbiss", "Imbiß", "Catering", "Pension",
                    "Bistro", "Pizzeria", "Dönerladen", "Gaststätte", "Restaurent",
                    "Eiscafé"],
    "dienstleistung": ["Dienstleistung", "Dienstleister", "Steuerberater",
                       "Steuerberatungskanzlei", "Rechtsanwalt", "Kanzlei",
                       "Versicherungsmakler", "Immobilienmakler", "Unternehmensberatung",
                       "Architekturbüro", "Ingenieurbüro", "Ingenieurbuero", "Fahrschule",
                       "Eventagentur", "Reinigungsfirma", "Ich bin Steuerberater",
                       "Fahrradverleih", "Hausverwaltung", "Dienstleistng",
                       "Reinigung für Büros", "event tech rental", "wir verwalten Mietshäuser"],
    "produktion": ["Produktion", "Fertigung", "Herstellung von Möbeln", "Metallverarbeitung",
                   "Maschinenbau", "Druckerei", "Manufaktur", "Fabrik", "Kunststofftechnik",
                   "Wir produzieren Verpackungen", "Produktoin",
                   "3D printing, so manufacturing", "Schrauben herstellen",
                   "wir stanzen Bleche"],
    "gesundheit": ["Gesundheit", "Arztpraxis", "Zahnarztpraxis", "Zahnarzt", "Physiotherapie",
                   "Pflegedienst", "Apotheke", "Heilpraktikerin", "Ergotherapie", "Tierarzt",
                   "Praxis", "eine Praxis für Logopädie", "Ambulante Pflege", "Apoteke"],
    "it_medien": ["IT", "IT-Dienstleister", "IT Dienstleister", "Softwareentwicklung",
                  "Softwareschmiede", "Werbeagentur", "Agentur", "Digitalagentur", "Verlag",
                  "Fotostudio", "Webdesign", "Systemhaus", "IT und Medien", "EDV",
                  "wir sind in der IT tätig", "it_medien",
                  "agency for web design"],
    "logistik": ["Logistik", "Spedition", "Transport", "Transportunternehmen", "Kurierdienst",
                 "Umzugsunternehmen", "Taxi", "Lager", "Paketdienst", "Spedtion",
                 "moving company", "Wir fahren Pakete für Amazon aus",
                 "im Güterverkehr tätig"],
    "sonstiges": ["etwas anderes", "sonstige", "Sonstiges", "passt nicht", "nichts davon",
                  "Landwirtschaft", "Verein", "Sportverein", "Weingut", "Stiftung"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [(t, value) for value, texts in CASES.items() for t in texts]
)
def test_parse_sector(text, expected):
    assert parse_sector(text) == expected


def test_every_id_is_covered_and_valid():
    assert set(CASES) == set(SECTORS)
    assert set(load_yaml("sectors.yml")["sectors"]) == set(SECTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maschinenbau", "produktion"),  # longer "maschinenbau" beats "bau"
        ("Metallbau", "handwerk"),  # Metallbauer is a trade
        ("Softwareschmiede", "it_medien"),  # beats "schmied"
        ("Zahnarztpraxis", "gesundheit"),
        ("Sanitätshaus", "gesundheit"),  # beats "sanitär"
        ("Rollladenbauer", "handwerk"),  # beats "laden"
        ("Malerbetrieb mit Laden", "handwerk"),
        ("Versicherungsagentur", "dienstleistung"),  # beats "agentur"
        ("Wir sind eine Bäckerei mit Café", "handwerk"),  # tie on length: earlier wins
        ("Das macht unser Steuerberater, wir sind eine Bäckerei", "handwerk"),
    ],
)
def test_conflicts_are_deterministic(text, expected):
    assert parse_sector(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das macht unser Steuerberater",
        "Die Buchhaltung macht der Steuerberater",
        "Das macht unser IT-Dienstleister",
        "Unsere IT ist veraltet",
        "Wir laden Rechnungen hoch",
        "Die Dateien werden heruntergeladen",
        "Die Daten sind sichtbar",
        "Wir sind ein normaler Betrieb",
        "in der Praxis klappt das nicht",
        "Ich gehe bald in Pension",
        "Wir pflegen die Kundendaten",
        "Die Pflege der Website ist aufwendig",
        "Das ist eine Vereinbarung",
        "Wir haben gestern einen Workshop gemacht",
        "Industrie- und Handelskammer",
        "Die Wiederherstellung klappt",
        "Es handelt sich um Backups",
        "Wir müssen handeln",
        "Wir brauchen Beratung zur Website",
        "Unser Lager läuft mit Excel",
        "Wie ist das Wetter?",
        "Ja, regelmäßig",
        "Keine Ahnung",
        "",
        "😀",
    ],
)
def test_ordinary_sentences_have_no_sector(text):
    assert parse_sector(text) is None


def test_match_span_points_at_the_word():
    text = "Wir sind ein Malerbetrieb in Hilden"
    match = best_sector(text)
    assert match is not None
    assert (match.value, text[match.start : match.end]) == ("handwerk", "Malerbetrieb")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir entwickeln Software für Steuerkanzleien.", "it_medien"),  # customers are not us
        ("Kurierdienst für Apotheken", "logistik"),
        ("Praxis für Logopädie", "gesundheit"),
        ("Ich war Koch, heute habe ich eine Fahrschule.", "dienstleistung"),
        ("Früher Gastronomie, heute eine Werbeagentur.", "it_medien"),
        ("Wir sind kein Handwerksbetrieb, sondern ein Ingenieurbüro.", "dienstleistung"),
        ("Wir verkaufen zwar Ersatzteile, sind aber hauptsächlich eine Werkstatt, also Handwerk.",
         "handwerk"),
        ("Passt nirgends rein, wir sind eine Hundeschule.", "sonstiges"),
        ("Pizzeria mit Lieferdienst", "gastronomie"),
        ("Mein Laden ist eine Bäckerei.", "handwerk"),
        ("Wir reparieren Fahrräder und verkaufen E-Bikes.", "handwerk"),
        ("Physio in Monheim", "gesundheit"),
        ("Onlineshop für Tierbedarf", "handel"),
    ],
)  # fmt: skip
def test_frames_decide_the_own_sector(text, expected):
    assert parse_sector(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir sind eine kleine Schreinerei in Haan.", "handwerk"),
        ("Kiosk in Düsseldorf, nur ich", "handel"),
        ("Ich habe einen Pflegedienst.", "gesundheit"),
        ("Ich hab vor drei Jahren eine Eisdiele aufgemacht.", "gastronomie"),
        ("Die Eisdiele gegenüber hat das auch.", None),
        ("Unser Laden hat 80 Quadratmeter.", None),
        ("Die Jungs in der Werkstatt machen das.", None),
        ("Das macht unsere Agentur in Köln.", None),
    ],
)
def test_strict_reading_needs_an_identity_frame(text, expected):
    match = best_sector(text, strict=True)
    assert (match.value if match else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the firm does, in the owner's words (written for this test)
        ("Wir bauen Heizungen und Bäder ein", "handwerk"),
        ("Wir gießen Fundamente und ziehen Mauerwerk hoch", "bau"),
        ("Wir beraten Betriebe bei Förderanträgen", "dienstleistung"),
        ("Häusliche Pflege, wir fahren zu den Leuten", "gesundheit"),
        ("Wir sind ein kleines Dev Studio für Apps", "it_medien"),
        ("Ich fahre Pakete aus, als Subunternehmer", "logistik"),
    ],
)
def test_what_the_firm_does_in_own_words(text, expected):
    assert parse_sector(text) == expected


@pytest.mark.parametrize(
    "text", ["Wir beraten uns da immer gemeinsam", "Wir pflegen alte Traditionen"]
)
def test_reflexive_or_figurative_uses_name_no_sector(text):
    assert parse_sector(text) is None


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
