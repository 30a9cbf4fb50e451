"""Staff counts (read_staff) never read from phone numbers, codes, dates, prices or things.

Examples are written for these tests (not taken from the corpus). The strict reading (for
every message but an answer to the staff question) needs staff language.
"""

import pytest

from bot.nlu.numbers import mask, read_staff
from tests.unit.profile_staff_helpers import count


@pytest.mark.parametrize(
    "text",
    [
        "Ruf mich an: 0211 / 123 456 78",
        "Meine Nummer: +49 (0) 2104 123456",
        "0049 211 1234567",
        "Handy 0151-2345678",
        "Unsere PLZ ist 42781.",
        "Wir sitzen in der Hauptstraße 45.",
        "Gründung 1987",
        "Wir machen 2 Mio. Umsatz",
        "Stundensatz 65 €",
        "Geöffnet Di–Sa 10–18 Uhr",
        "Wir haben 40 Stammkunden und 3 Lieferwagen.",
        "Am 12. Mai haben wir Betriebsfeier.",
        "Unser Umsatz stieg um 15 %.",
        "Wir haben 6 Zimmer und 2 Ferienwohnungen.",
        "Kundennummer 77-4512",
        "Postfach 12 03 44",
        "Termin am 5.11. um 14:30",
        "Wir fahren mit 3 Transportern.",
        "Wir sind 24/7 erreichbar",
        "Seit 1996, Tel 0211/556677",
        "[TELEFON]",
        "[PLZ] [ADRESSE]",
        "Ich bin 45.",
        "Rund 1000 im Monat",
        "60 pro Tag",
    ],
)
def test_never_from_phone_numbers_codes_dates_prices_or_things(text):
    assert count(text) is None
    assert count(text, lenient=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rufen Sie unter [TELEFON] an, wir sind 8 Leute.", 8),
        ("[NAME], [ADRESSE], [PLZ] Hilden – 5 Mitarbeiter", 5),
        ("Mail an [E-MAIL], Team: 3", 3),
        ("Tel. 02129 123456, wir sind elf", 11),
        ("Hausnummer 12, dritter Stock, wir sind vier.", 4),
        ("Wir sind 2019 gegründet worden und haben 11 Mitarbeiter.", 11),
        ("Seit 2010 am Start, momentan 6 Mann.", 6),
    ],
)
def test_the_count_next_to_placeholders_and_traps(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malerbetrieb in Hilden, 9 Leute", 9),
        ("Tischlerei mit 6 Mitarbeitern", 6),
        ("12", None),  # a bare number only when the staff question was asked
        ("Wir sind ein Hotel in Ratingen mit 30 Zimmern.", None),
        ("Meine Frau ist Ärztin, ich mache die Abrechnung.", None),
        ("Ich spreche mit meinem Steuerberater darüber", None),
        ("bitte verbinden Sie mich mit einem Mitarbeiter", None),
        ("Ich mache seit 15 Jahren Webdesign.", None),
        ("Kfz-Werkstatt, Düsseldorfer Str. 7, 40699 Erkrath", None),
    ],
)
def test_strict_reading_needs_staff_language(text, expected):
    assert count(text, lenient=False) == expected


def test_masking_keeps_offsets():
    text = "Tel. 0211 300 400, PLZ 40219, 9 Leute"
    masked = mask(text)
    assert len(masked) == len(text)
    assert "0211" not in masked and "40219" not in masked and masked.endswith("9 Leute")


@pytest.mark.parametrize(
    "text",
    ["schwankt, mal 4 mal 12", "mal 2, mal 9, je nach Auftrag", "das schwankt stark: 5 bis 20"],
)
def test_a_fluctuating_count_is_not_stored_from_bare_numbers(text):
    assert count(text) is None


@pytest.mark.parametrize(
    "text", ["geöffnet 8 bis 18 Uhr, samstags bis 14", "next year hopefully 12 🤞"]
)
def test_opening_hours_and_hopes_are_no_staff_count(text):
    assert read_staff(text, lenient=True) is None
