"""Staff counts from owners' own words (read_staff): number words, sums, totals and ranges.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.numbers import read_staff
from tests.unit.profile_staff_helpers import count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, meine Frau und drei Gesellen", 5),
        ("2 Meister, 4 Gesellen, 1 Azubi und ich", 8),
        ("Meine Schwester, zwei Verkäuferinnen und ich", 4),
        ("drei Monteure plus mich", 4),
        ("9 Angestellte und ich", 10),
        ("Sechs Vollzeitkräfte, zwei Teilzeitkräfte und eine Auszubildende.", 9),
        ("Vier Festangestellte, dazu kommen zwei Minijobber.", 6),
        ("Vollzeit 4, Teilzeit 2", 6),
        ("Wir sind eine GbR mit zwei Partnern und einer Angestellten.", 3),
        ("wir sind 3 Geschwister und haben 5 Angestellte", 8),
        ("Drei Teams à vier Leute", 12),
        ("Es gibt nur meinen Bruder und mich.", 2),
        ("Ich und mein Vater.", 2),
        ("Mein Sohn hilft mit, sonst nur ich.", 2),
        ("Ich arbeite mit einer Angestellten.", 2),
        ("Friseursalon, ich und zwei Kolleginnen", 3),
    ],
)
def test_compositions_and_sums(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Büro zwei, draußen acht. Also zehn insgesamt.", 10),
        ("Sieben Gesellen, zwei Azubis, meine Frau im Büro – macht zehn.", 10),
        ("Mit mir und meinem Bruder sind es fünf.", 5),
        ("Ich hab 2 Leute, mit mir 3.", 3),
        ("Wie viele wir sind? 23.", 23),
        ("Wir sind 7 und suchen noch 3 Leute.", 7),
        ("Wir waren früher 30, heute nur noch 18.", 18),
        ("Letztes Jahr waren wir noch 12, jetzt sind wir 9.", 9),
        ("Mit den Aushilfen sind es 20, ohne 14.", 20),
        ("Wir sind fünfzehn Leute, davon vier in Teilzeit.", 15),
        ("Bei uns arbeiten zwölf Personen, mich eingerechnet.", 12),
        ("Wir sind zu acht.", 8),
        ("zu zweit, mein Mann und ich", 2),
        ("Also, 5 Leute im Laden und 2 im Lager", 7),  # a leading "also" concludes nothing
        ("Wir sind vier Leute und ich, also fünf", 5),
    ],
)
def test_totals_win_over_their_parts(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so zwischen 20 und 25", 22),
        ("12 bis 14 Leute", 13),
        ("zwei, drei Aushilfen und ich", 3),
        ("knapp ein Dutzend", 12),
        ("eineinhalb Dutzend", 18),
        ("anderthalb Dutzend Leute", 18),
        ("ungefähr vierzig", 40),
        ("mehr als 50", 50),
        ("ca. 45", 45),
        ("45?", 45),
        ("zwanzich", 20),
        ("sechszehn", 16),
        ("Fümf", 5),
        ("einundvierzig Köpfe", 41),
        ("unter 10", None),
        ("35 Leute im Sommer, im Winter 25.", None),  # the owner has to choose
    ],
)
def test_number_words_ranges_and_approximations(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a list is no total: "mit mir" or "20 Fahrer un …" start a list
        ("zwölf Monteure un drei im Lager mit mir", 15),
        ("acht Gesellen und zwei im Büro, mich eingerechnet", 10),
        ("Mit mir sind es 16", 16),
        ("mit mir, 16", 16),
    ],
)
def test_a_part_of_a_list_is_no_total(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedged present in the Konjunktiv ("wären", "dürften" fold to the past tense)
        ("Mit den Aushilfen wären es ungefähr 14 Leute.", 14),
        ("Es dürften derzeit 22 Beschäftigte sein, mich eingeschlossen.", 22),
        # a wish or reported speech is no count
        ("Wir wären gern 8, sind aber nur 5.", 5),
        ("Vier Leute, auch wenn es immer heißt, wir wären sechs.", 4),
        ("Früher waren wir 20 Leute.", None),
        # spoken number words with a final -e
        ("zwölfe mit mir", 12),
        ("mir sin viere", 4),
        ("ellef Leut", 11),
    ],
)
def test_a_hedged_konjunktiv_is_the_present(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vier Vollzeit, ein Minijob", 5),
        ("Wir haben sechs Leute angestellt, mit mir sind es sieben.", 7),
        ("so twelve-ish", 12),
        ("ich arbeite mit meinen drei Töchtern", 4),
    ],
)
def test_minijobs_the_total_with_the_owner_ish_and_dative_plurals(text, expected):
    assert read_staff(text, lenient=True).count == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alleine", 1),
        ("Imbiss in Hilden, ganz allein", 1),
        ("dreiunzwanzich", 23),
        ("9 FTE", 9),
        ("zehn leutz, mich mitjezählt", 10),
    ],
)
def test_alone_dialect_numbers_and_full_time_equivalents(text, expected):
    assert read_staff(text, lenient=True).count == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dozen with a dialect article or none, the owner in dialect and with a title
        ("so n halbes Dutzend", 6),
        ("halbes Dutzend", 6),
        ("drei Vollzeit, eine Aushilfe un meiner einer", 5),
        ("sechs Monteure plus ich Chef", 7),
        # the one person is the owner
        ("Nur eine Person, ich selbst.", 1),
        # a formal "hätten derzeit" is the present; open positions are no staff
        ("Wir hätten aktuell 18 Beschäftigte, wobei drei weitere Stellen offen sind.", 18),
        # members named in the "mit …" phrase are part of the total after it
        ("heute sind wir mit den zwei Gesellen und dem Azubi neun Leute", 9),
        # parts named beside the owner and then their total
        ("Neben mir arbeiten drei Gesellen und ein Lehrling, somit insgesamt fünf Personen.", 5),
        # formal hedges, a condition about the question itself, English, a sum with "sowie"
        ("Falls ich Sie richtig verstanden habe, wären es mit mir 14 Personen.", 14),
        ("Abgesehen von mir wären derzeit drei Angestellte sowie ein Azubi tätig.", 5),
        ("about 30 headcount", 30),
        # a helper named as not counted; the owner inside "mit mir und …" before the total
        ("Ich und meine drei Gesellen, den Praktikanten im Sommer nicht mitgezählt.", 4),
        ("Heute sind wir mit mir und meinem Sohn sieben Leute.", 7),
        # dialect and chat words for people, ordinals from thirteen on
        ("jo neun leude", 9),
        ("two offices, 14 peeps", 14),
        ("inzwischen sind wir zu dreizehnt", 13),
        # the owner's own sum, hedged or not
        ("Mit den zwei Minijobbern kommen wir dann auf zwölf.", 12),
        ("Meine Schwester ist Teilhaberin; mit den drei Gesellen wären wir demnach fünf.", 5),
        ("Wenn ich die Aushilfen mitzählen darf, kämen wir auf insgesamt neun Personen.", 9),
        ("ich hab ne änderungsschneiderei in erkrath alleine", 1),
        ("Wir hätten insgesamt 23 Beschäftigte.", 23),
        ("Wir wären zu sechst, die Inhaberin eingerechnet.", 6),
        ("nail studio, 3 artists incl. me", 3),
        ("Neben mir wären derzeit zwei Gesellen sowie ein Lehrling beschäftigt.", 4),
        (
            "Also ich hab den Laden 2005 übernommen, er liegt in Haan, und heute sind wir mit "
            "mir und meinem Bruder sechs Leute.",
            6,
        ),
    ],
)
def test_dozens_dialect_owner_apposition_and_included_members(text, expected):
    assert count(text) == expected
