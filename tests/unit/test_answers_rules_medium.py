"""The rules: a generic "läuft"/"machen wir" with an analogue medium is no digital yes."""

import pytest

from bot.nlu.answers import rule_reading


@pytest.mark.parametrize(
    "text, scale, expected",
    [
        ("Bei uns läuft das über Zettel und Telefon", "yes_partly_no", "no"),
        ("Das machen wir mit Papier", "yes_partly_no", "no"),
        ("Läuft bei uns per Fax", "frequency", "never"),
        ("Bei uns läuft das digital über eine App", "yes_partly_no", "yes"),
        ("Ja, das läuft über das Kassensystem", "yes_partly_no", "yes"),
    ],
)
def test_an_analogue_medium_decides_a_generic_yes(text, scale, expected):
    assert rule_reading(text, scale).answer == expected
