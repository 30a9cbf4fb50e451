"""Personal data in the forms the seventh black-box round typed: a title or "Fam." before a
surname, phone numbers with dots or read out in pairs, an e-mail spelled with "(at)" and
"punkt". Dates, versions, prices and counts stay."""

from __future__ import annotations

import pytest

from bot.privacy import redact


def redacted(text: str) -> str:
    result = redact(text)
    return result.text if hasattr(result, "text") else result


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Weber macht die IT", "Dr. [NAME] macht die IT"),
        ("Fam. Yilmaz hilft im Laden", "Fam. [NAME] hilft im Laden"),
        ("Tel 0211.123.45.67", "Tel [TELEFON]"),
        ("ruf an: 01 72 12 34 56 7", "ruf an: [TELEFON]"),
        ("mueller (at) web punkt de", "[E-MAIL]"),
    ],
)
def test_replaced(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "am 03.11.2024 um 10.30",
        "Version 0.12.3",
        "Preis 0,50 Euro",
        "Backup am 01.02. und 15.03.",
        "wir sind 0 1 2 3 4 5",
    ],
)
def test_unchanged(text):
    assert redacted(text) == text
