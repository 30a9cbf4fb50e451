"""Tests for bot.nlu.numbers (staff counts and numbers in German text)."""

import pytest

from bot.nlu.numbers import (
    employee_count_in_context,
    employee_span,
    find_numbers,
    parse_employee_count,
    plausible_counts,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 – 15 Leute", 13),
        ("zwei, drei Leute", 2),
        ("vierzehn Beschäftigte", 14),
        ("zwölf Leute", 12),
        ("fuenf Leute", 5),
        ("zwoelf Mitarbeiter", 12),
        ("achtzehn Mitarbeitende", 18),
        ("ein gutes Dutzend Leute", 12),
        ("eine Handvoll Leute", 5),
        ("nur ich", 1),
        ("ich allein", 1),
        ("Ein-Mann-Betrieb", 1),
        ("Soloselbständig", 1),
        ("soloselbstständig", 1),
        ("keine Mitarbeiter", 1),
        ("0 Mitarbeiter", 1),
        ("ich und zwei Mitarbeiter", 3),
        ("drei Angestellte plus ich", 4),
        ("5 Mitarbeiter ohne mich", 6),
        ("wir sind 5 mit mir", 5),
        ("Wir sind insgesamt 15 Leute inklusive mir", 15),
        ("Ich habe einen Mitarbeiter", 2),
        ("Wir sind zu fünft", 5),
        ("zu zweit", 2),
        ("wir beide", 2),
        ("Meine Frau und ich", 2),
        ("Wir sind 12", 12),
        ("wir sind zwölf", 12),
        ("es sind neunzehn", 19),
        ("ach nee, wir sind doch 11", 11),
        ("Malerbetrieb in Hilden, 9 Leute", 9),
        ("Bei uns arbeiten 7 Leute", 7),
        ("12 MA", 12),
        ("12 Mann", 12),
        ("Mitarbeiter: 12", 12),
        ("Mitarbeiterzahl ca. 40", 40),
        ("Team von 6 Leuten", 6),
        ("Wir sind ein Team von drei Personen", 3),
        ("3 Vollzeit und 2 Azubis", 5),
        ("2 Vollzeit, 3 Teilzeit und 1 Minijobber", 6),
        ("12 Mitarbeiter, davon 3 Azubis", 12),
        ("früher 20 Leute, jetzt 12", 12),
        ("früher 20, jetzt 12 Mitarbeiter", 12),
        ("1.200 Mitarbeiter", 1200),
        ("2000 Mitarbeiter", 2000),
        ("über 250 Beschäftigte", 250),
    ],
)
def test_employee_count_in_context(text, expected):
    assert employee_count_in_context(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "seit 1998",
        "1998",
        "Frage 3",
        "Frage 3 verstehe ich nicht",
        "Wir haben 3 Standorte",
        "wir haben zwei Autos",
        "Wir haben eine Website",
        "ein paar Leute",
        "Seit 20 Jahren am Markt",
        "40210 Düsseldorf",
        "kann ich mit einem Menschen sprechen?",
        "bitte verbinden Sie mich mit einem Mitarbeiter",
        "Sind Sie ein Mensch?",
        "ich will einen Menschen",
        "Wir nutzen Office 365",
        "9",
        "ca. 12",
        "zwölf",
        "eins",
        "12-15",
        "Im Jahr 2020 Mitarbeiter eingestellt",
        "",
        "😀",
        "<b></b>",
    ],
)
def test_no_staff_count_without_context(text):
    assert employee_count_in_context(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", 9),
        ("ca. 12", 12),
        ("so um die 12", 12),
        ("12 ungefähr", 12),
        ("eins", 1),
        ("fünfundzwanzig", 25),
        # ranges count as their midpoint, rounded down
        ("12-15", 13),
        ("12 bis 15", 13),
        ("zwischen 10 und 20", 15),
        ("zwei oder drei", 2),
        ("ein Dutzend", 12),
        ("zwei Dutzend", 24),
        ("ein halbes Dutzend", 6),
        ("anderthalb Dutzend", 18),
        ("eine Handvoll", 5),
        ("Seit 1998 sind wir heute 12", 12),
        ("seit 20 Jahren 12", 12),
        ("nur ich", 1),
        ("Wir haben 3 Standorte", None),
        ("1998", None),
        ("Frage 3 verstehe ich nicht", None),
        ("40210 Düsseldorf", None),
        ("keine Ahnung", None),
        ("50 %", None),
    ],
)
def test_parse_employee_count_is_lenient_but_skips_years_and_labels(text, expected):
    assert parse_employee_count(text) == expected


def test_find_numbers_offsets_and_ranges():
    text = "Wir sind 12-15 Leute, seit 1998, zwei Dutzend Kunden"
    found = find_numbers(text)
    assert found == [(9, 14, 13), (27, 31, 1998), (33, 45, 24)]
    assert [text[s:e] for s, e, _ in found] == ["12-15", "1998", "zwei Dutzend"]


def test_plausible_counts_drop_years_units_and_labels():
    text = "Frage 3: seit 1998, 3 Jahre, 50 %, 12 Leute"
    assert [v for _, _, v in plausible_counts(text)] == [12]


def test_employee_span_points_at_the_number():
    text = "Malerbetrieb in Hilden, 9 Leute"
    start, end, value = employee_span(text)
    assert (text[start:end], value) == ("9 Leute", 9)


def test_long_input_is_bounded():
    assert employee_count_in_context("x " * 10_000 + "12 Leute") is None
    assert employee_count_in_context("12 Leute " + "x " * 10_000) == 12
