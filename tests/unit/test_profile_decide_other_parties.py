"""The profile decision (bot.nlu.profile.decide_profile) with other parties in the message:
people the owner names as not counted, clients' and suppliers' trades and towns, and the
head of a compound trade word.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile


def stored_or_proposed(text: str, asked: str, current: dict | None = None) -> dict:
    stored, proposed = decide_profile(text, asked, current or {})[:2]
    return {**proposed, **stored}


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        # a relative clause or an "aber der/die" clause says the person is not counted
        ("Wir sind neun; dazu kämen drei Freelancer, die ich aber nicht mitzählen würde.", 9),
        ("sieben leute mit mir und die aushilfe aber die zählt ja nich", 7),
        # "die Praktikantin" after a comma is an article and a new person, not a relative clause
        ("Drei Monteure und ich, die Praktikantin nicht mitgezählt.", 4),
    ],
)
def test_a_person_named_as_not_counted(text, employees):
    assert stored_or_proposed(text, "employees").get("employees") == employees


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Wir sind ein Apothekenkurier", "logistik"),  # the head of the compound
        (
            "Wir schreiben Kassensoftware für Bäckereien, gehören also klar der IT zuzuordnen",
            "it_medien",
        ),
        ("Wir sind, trotz der vielen Arbeit mit Arztpraxen, dem Handwerk zuzurechnen", "handwerk"),
        ("Elektrobetrieb; unsere Kunden sind zum Großteil der Gastronomie zuzurechnen", "handwerk"),
    ],
)
def test_the_own_trade_not_the_clients(text, sector):
    assert stored_or_proposed(text, "sector").get("sector") == sector


@pytest.mark.parametrize(
    ("text", "asked", "municipality"),
    [
        ("Hilden (Lieferanten: Köln)", "municipality", "hilden"),
        ("Hilden. Das Holz kaufen wir bei einem Sägewerk in Wuppertal", "municipality", "hilden"),
        (
            "Wir sind eine Bäckerei, das Mehl beziehen wir von einer Mühle in Velbert",
            "sector",
            None,
        ),
    ],
)
def test_a_suppliers_or_clients_town_is_not_the_seat(text, asked, municipality):
    assert stored_or_proposed(text, asked).get("municipality") == municipality


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        ("Es sind 9 Mitarbeiter, ich selbst nicht mitgezählt.", 10),  # the owner added once
        ("6 Leute, nee 7, die Neue vergessen", 7),  # a count taken back at once
        ("zwölf, äh, dreizehn Leute", 13),
        ("11 people, 20 laptops 😅", 11),  # laptops are no "ops"
        ("Metzgerei, 12 Personen, drei Azubis drin", 12),  # included, not added
        ("5 ppl, our 30 couriers are freelancers", 5),
    ],
)
def test_counts_that_a_careless_reader_gets_wrong(text, employees):
    assert stored_or_proposed(text, "employees").get("employees") == employees


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        ("Es bleiben also fünf Angestellte sowie ich.", 6),  # the owner joined to a total
        ("Insgesamt 15, Chef inklusive.", 15),
        ("Wir fahren mit zwei Teams, je vier Mann, und ich sitz im Büro.", 9),  # the owner at work
    ],
)
def test_the_owner_named_after_a_total(text, employees):
    assert stored_or_proposed(text, "employees").get("employees") == employees


def test_two_of_the_family_work_here_not_all():
    text = (
        "Außer mir arbeiten nur zwei meiner fünf Geschwister mit, und mein Vater macht die Kasse."
    )
    assert stored_or_proposed(text, "employees").get("employees") == 4
