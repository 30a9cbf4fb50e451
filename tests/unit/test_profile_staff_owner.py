"""Staff counts from owners' own words (read_staff): the owner and the people named.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.numbers import read_staff
from tests.unit.profile_staff_helpers import count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich bin Einzelunternehmerin.", 1),
        ("Ich arbeite alleine.", 1),
        ("Keine Angestellten, nur ich.", 1),
        ("Wir haben neun Angestellte.", 9),
        ("Wir beschäftigen 35 Menschen.", 35),
        ("Wir betreuen 250 Patienten mit 14 Pflegekräften.", 14),
        ("Wir haben 3 Azubis.", None),  # a sub-group alone is no total
        # the owner included in other words, or on top with the verb first
        ("Im Team sind wir 12, ich bin da als Inhaberin auch mit dabei.", 12),
        ("Sieben Leute arbeiten hier, ich auch dabei", 7),
        ("Seit zwei Jahren leite ich den Betrieb mit fünf Gesellen.", 6),
        ("nur ich un meine olle", 2),
        ("2 co-founders und 1 Werkstudentin", 3),
        ("Wir sind zwei Co-Gründer und eine Werkstudentin.", 3),
    ],
)
def test_the_owner_is_counted_once(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, zwei Bäcker und drei Verkäuferinnen", 6),
        ("ich, zwei Rezeptionistinnen und drei Köche", 6),
        ("Zwei Transporter, ein Anhänger, vier Leute.", 4),
        ("Wir haben 20 Patienten und 4 Leute", 4),
        ("ich und zwei Aquaristinnen", None),  # unknown person word: ask again, do not guess
    ],
)
def test_trades_and_unknown_person_words(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner said to come on top of a stated total
        ("Außer mir arbeiten hier noch vier Leute.", 5),
        ("Mit mir arbeiten noch drei Kollegen in der Werkstatt.", 4),
        ("Wir haben elf Angestellte, dazu komme ich selbst.", 12),
        ("Zwölf Beschäftigte, hinzu kommt noch meine Person.", 13),
        # ... but not twice: the owner already joined to the total
        ("vier Leute und ich", 5),
        # the owner and one named person in dialect
        ("nur ich un der jupp", 2),
        ("nur isch und de kleine, der lernt noch", 2),
        ("nur ich und der Hund", 1),
        # English staff words: "my" before one person, "working student", C-level titles
        ("me and my cofounder", 2),
        ("2 devs + 1 working student + me", 4),
        ("our CTO, 3 engineers and me", 5),
    ],
)
def test_owner_on_top_dialect_pairs_and_english_roles(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "meine Person" is the owner: included, or on top
        ("Rund zwölf Beschäftigte, einschließlich meiner Person.", 12),
        ("Neun Angestellte zuzüglich meiner Person.", 10),
        ("Insgesamt acht Leute zuzüglich meiner Person.", 9),
        ("Etwa 30, Aushilfen sind darin enthalten, ebenso meine Person.", 30),
        ("Auf der Lohnliste stehen sieben, und ich komm noch dazu.", 8),
        # a total, then who they are
        ("Wir sind zu viert, ich und drei Gesellen.", 4),
        ("wir sind 2, ich und mein Bruder", 2),
        # "just me + 1", and a vague "irgendwas über 30" is no count
        ("just me + 1 freelancer dev", None),
        ("just me + 1 employee", 2),
        ("keine Ahnung, irgendwas über dreißig", None),
    ],
)
def test_my_person_totals_with_members_and_vague_counts(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, meine Frau und Tochter", 3),
        ("mein sohn und tochter und ich", 3),
    ],
)
def test_one_determiner_for_two_kin(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir sind 6 mit dem Lehrling und mir", 6),
        ("Es arbeiten 4 Personen hier, mich auch.", 4),
    ],
)
def test_the_owner_named_inside_the_total(text, expected):
    assert read_staff(text, lenient=True).count == expected


def test_the_owner_who_would_come_on_top():
    assert read_staff("Zwölf Beschäftigte, ich käme noch hinzu.", lenient=True).count == 13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich un mein vatter, der is schon 71", 2),
        ("Drei Köche, vier im Service, und ich bin jeden Abend selbst da.", 8),
        ("mit 12 Fahrern und zwei Disponenten, ich mache die Geschäftsführung", 15),
    ],
)
def test_ages_after_an_adverb_and_the_owner_at_work(text, expected):
    assert read_staff(text, lenient=True).count == expected
