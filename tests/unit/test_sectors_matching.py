"""Tests for bot.nlu.sectors (sector ids): sector words, conflicts, frames and strict reading."""

import pytest

from bot.nlu.sectors import SECTORS, best_sector, parse_sector
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
