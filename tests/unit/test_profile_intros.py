"""The profile decision (bot.nlu.profile.decide_profile) on owners' first messages: greetings
with the town, English role nouns in sums, the owner included or on top in other words, and
trades in plain words.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import decide_profile


def stored_or_proposed(text: str, asked: str = "employees") -> dict:
    stored, proposed = decide_profile(text, asked, {})[:2]
    return {**proposed, **stored}


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        ("zehn mit lehrling un mir", 10),  # the owner included, no article
        ("mit mir un de jungs sin dat 7", 7),
        ("Wir beschäftigen 12 Monteure; meine Person wäre noch hinzuzurechnen.", 13),
        ("Mit den Minijobbern wären es vierzehn; ohne diese kämen wir auf zehn.", 14),
        ("3 founders + 4 editors", 7),
        ("8 riders + 2 ops + me", 11),
        ("1 founder + 2 part-timers", 3),
        ("ich arbeite mit zwei Gesellen und mir macht das Spaß", 3),  # not "mit … und mir"
    ],
)
def test_staff_counts_in_introductions(text, employees):
    assert stored_or_proposed(text).get("employees") == employees


@pytest.mark.parametrize(
    ("text", "municipality", "sure"),
    [
        ("Schönen guten Tag aus Wülfrath, wir sind 9 Leute.", "wuelfrath", True),
        ("moin aus hochdahl wir sin zu viert", "erkrath", True),
        ("Hi, we're 4 people in Monheim 🙂", "monheim", True),
        ("Ich komme aus Köln, wir sind 5", None, None),  # where the owner is from
    ],
)
def test_the_town_of_a_greeting(text, municipality, sure):
    stored, proposed = decide_profile(text, "employees", {})[:2]
    assert {**proposed, **stored}.get("municipality") == municipality
    if sure is False:
        assert "municipality" not in stored


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("wir sind ne kleine computerfirma, 3 leute", "it_medien"),
        ("Ich habe Textil Geschäft, 2 Personen", "handel"),
        ("Büro für Übersetzung, ich und eine Kollegin", "dienstleistung"),
        ("we're a tiny podcast studio, 2 founders", "it_medien"),
    ],
)
def test_trades_in_plain_words(text, sector):
    assert stored_or_proposed(text).get("sector") == sector


@pytest.mark.parametrize(
    ("text", "employees"),
    [
        ("Malerbetrieb Kruse, Haan\n- 2 Gesellen\n- 1 Azubi\n- ich", 4),  # a bullet list
        (
            "Kosmetik in Hilden\n1. ich\n2. zwei Kosmetikerinnen\n3. eine Auszubildende",
            4,
        ),  # numbered
    ],
)
def test_staff_listed_line_by_line(text, employees):
    assert stored_or_proposed(text).get("employees") == employees


def test_the_category_the_owner_settles_on_wins():
    text = (
        "Wir binden Sträuße, das ist ja eigentlich Handwerk, aber wir verkaufen auch Vasen im "
        "Laden. Ich würde sagen Handel, da kommt das meiste Geld her."
    )
    assert stored_or_proposed(text, "sector").get("sector") == "handel"
