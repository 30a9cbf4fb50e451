"""Staff counts (read_staff): which readings are sure, which are confirmed or read both ways.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.numbers import read_staff


@pytest.mark.parametrize(
    ("text", "expected", "sure"),
    [
        # "beide" refers back to the two just named
        ("Ich mache die Fahrschule mit meinem Bruder, wir sind beide Inhaber, dazu drei "
         "Fahrlehrer und eine Dame fürs Büro", 6, False),
        ("Meine Frau und ich, wir sind beide Meister, und zwei Azubis", 4, False),
        ("ich, meine Frau, unsere beiden Töchter", 4, True),
        # a bare total, then its parts
        ("wir sind, wie sagt man, drei, ich und zwei Mitarbeiterinnen", 3, True),
        # the owner's own conclusion against the parts: confirmed first
        ("me + 1 freelancer (doesn't count I guess) → so 1", 1, False),
        ("basically 4 ppl plus me, so 5", 5, True),
        # an addition without a base, a list going on with "and a …"
        ("inzwischen haben wir noch zwei Schneiderinnen angestellt", 2, False),
        ("me, 1 designer, 2 devs and a part-time PM", 4, False),
        # the owner as an item of the list, a total including a group or the owner
        ("Ich als Meister, zwei Gesellen und ein Azubi", 4, True),
        ("is ne kleine bude ich die chefin un drei mädels im laden", 4, True),
        ("40 incl. the 3 founders", 40, False),
        ("15 people incl. part-timers and me", 15, False),
        # a compound's head decides, a couple of owners, the boss counted in, the sum given
        ("Wir haben 12 Lkw und drei Lkw-Fahrer", 3, False),
        ("Wir führen als Apothekerehepaar mit vier Angestellten die Apotheke", 6, False),
        ("Vierzehn Beschäftigte, den Chef mitgezählt.", 14, True),
        ("Neben mir wären das neun Leute, also insgesamt zehn.", 10, True),
        # the owner counted in, the predecessor's staff is the past
        ("neun mann un ich bin da schon bei", 9, True),
        ("Rund 20, meine eigene Person eingerechnet.", 20, True),
        ("Mein Vorgänger hatte drei Leute, ich hab auf sechs Angestellte aufgestockt.", 6, False),
        ("Wir beschäftigen, mich als Inhaber eingerechnet, neun Personen.", 9, False),
        ("Die Belegschaft umfasst – Inhaberin eingeschlossen – 18 Köpfe.", 18, False),
        ("Wir wären, meine Frau und mich mitgerechnet, fünf Personen.", 5, False),
        ("9 (incl. both founders)", 9, False),
        ("Wir haben 3 Festangestellte, 2 Minijobber und mich.", 6, True),
    ],
)  # fmt: skip
def test_references_conclusions_and_open_lists(text, expected, sure):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, sure)


@pytest.mark.parametrize(
    "text",
    [
        "Neun Leute, Werkstudenten zählen doch nicht mit, oder?",
        "me and 3 devs, does the intern count?",
        "Acht Festangestellte und dazu einige Minijobber",
        "15 Mitarbeiter plus ein paar Aushilfen",
        "3 devs, 1 PO and me",  # "1 PO": a list item not read
        "Wir sind fünf, und freitags hilft noch eine Studentin aus",
    ],
)
def test_what_the_reading_does_not_account_for_is_confirmed(text):
    reading = read_staff(text, lenient=True)
    assert reading is not None and not reading.sure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wie viele? Sieben, mich eingeschlossen.", 7),
        ("Drei Gesellen auf 450-Euro-Basis und ich", 4),
        ("Wir sind jetzt sechs, ab Herbst kommt vielleicht noch ein Azubi", 6),
    ],
)
def test_echoed_questions_prices_and_later_hires_stay_sure(text, expected):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zwei Filialen, in jeder arbeiten drei Verkäuferinnen, und ich", 7),
        ("3 Läden, in jedem 2 Aushilfen plus ich", 7),
    ],
)
def test_staff_per_branch_is_multiplied_and_confirmed(text, expected):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, False)


def test_a_manager_with_n_staff_is_read_both_ways():
    reading = read_staff("Ich leite die Praxis mit fünf Mitarbeiterinnen.", lenient=True)
    assert (reading.count, reading.sure, reading.alternative) == (5, False, 6)


def test_the_boss_on_top_and_alone_beside_family():
    assert read_staff("30 Pflegekräfte, ich Chefin dazu.", lenient=True).count == 31
    assert read_staff("Wir sind 17, ich gehöre dazu.", lenient=True).count == 17
    reading = read_staff("Ich mache alles allein, nur meine Frau hilft im Büro.", lenient=True)
    assert not reading.sure


def test_a_lowercase_family_member_in_the_list_is_confirmed():
    reading = read_staff("imbiss, ich, bruder, 2 aushilfen", lenient=True)
    assert not reading.sure


def test_self_employed_with_n_staff_is_read_both_ways_and_ohne_mich_festlegen_is_no_exclusion():
    reading = read_staff("Seit 2005 selbstständig, mit drei Angestellten.", lenient=True)
    assert (reading.count, reading.sure, reading.alternative) == (3, False, 4)
    text = "Ohne mich festlegen zu wollen: rund 30."
    assert read_staff(text, lenient=True).count == 30


def test_and_have_after_a_long_self_introduction_is_read_both_ways():
    reading = read_staff("Ich bin 61, Zahnarzt in Hilden, und habe sieben Mitarbeiterinnen.", True)
    assert (reading.count, reading.sure, reading.alternative) == (7, False, 8)


def test_i_have_a_firm_with_n_staff_is_read_both_ways_unless_the_total_is_said():
    reading = read_staff("Ich habe eine Zahnarztpraxis in Hilden mit vier Angestellten.", True)
    assert (reading.count, reading.sure, reading.alternative) == (4, False, 5)
    reading = read_staff("Ich habe eine Kanzlei mit sechs Beschäftigten insgesamt.", True)
    assert (reading.count, reading.sure) == (6, True)


@pytest.mark.parametrize(
    ("text", "expected", "sure", "alternative"),
    [
        # black-box chats: elliptical lists and members without a noun of their own
        ("wir sind 16 gewerbliche und drei kaufmännische Mitarbeiter", 19, True, None),
        ("Betrieb mit 16 gewerblichen und drei kaufmännischen Beschäftigten", 19, True, None),
        ("ich mach das mit 2 Leuten auf 450-Euro-Basis und einem Vollzeitler", 4, True, None),
        ("2 Therapeutinnen in Vollzeit, eine in Teilzeit, Rezeption und ich", 3, False, 5),
        # nouns, not adjectives; an apposition stays one
        ("sechs wagen und neun fahrer mich mitgezählt", 9, True, None),
        ("Übersetzungsbüro, zwei Personen, ich und meine Frau.", 2, True, None),
        ("we're a 2-person shop (me + my wife)", 2, True, None),
    ],
)
def test_elliptical_lists_and_unread_members(text, expected, sure, alternative):
    reading = read_staff(text)
    assert (reading.count, reading.sure, reading.alternative) == (expected, sure, alternative)


@pytest.mark.parametrize(
    ("text", "expected", "sure"),
    [
        # dev22, measured fresh: the owner on top of a list, late ordinals, "wovon", "von
        # denen", "nicht enthalten", the owner's own pick
        ("Neben mir arbeiten noch meine Frau im Büro und drei Monteure.", 5, True),
        ("Wir haben 19 Mitarbeiter, ich bin der zwanzigste.", 20, True),
        ("elf Leute, von denen drei in Teilzeit sind", 11, True),
        (
            "Unser Personalstand umfasst sechs Vollzeitkräfte, zwei Teilzeitkräfte sowie drei "
            "Auszubildende; ich selbst bin in den Vollzeitkräften nicht enthalten.",
            12,
            True,
        ),
        ("zehn Köpfe, sieben Vollzeitstellen, sagen wir 10", 10, True),
    ],
)
def test_owner_on_top_subsets_and_the_owners_pick(text, expected, sure):
    reading = read_staff(text)
    assert (reading.count, reading.sure) == (expected, sure)
