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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ich geb uns eine glatte Drei", "basic"),
        ("zwei minus, würde ich sagen", "good"),
        ("Ehrlich? Eine Fünf.", "low"),
        ("eine Eins plus", "expert"),
        ("so 6 von 10", "basic"),
        ("9 von 10 😎", "expert"),
    ],
)
def test_school_grades_and_scores_out_of_ten_are_levels(text, expected):
    assert rule_reading(text, "level").answer == expected


def test_a_number_word_before_a_noun_is_no_grade():
    assert rule_reading("eine drei Jahre alte Software", "level").answer is None
    assert rule_reading("eine drei Jahre alte Software", "yes_partly_no").answer != "partly"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("very strong, ehrlich", "expert"),
        ("eher weak 🙈", "low"),
        ("advanced würd ich sagen", "good"),
    ],
)
def test_english_level_words(text, expected):
    assert rule_reading(text, "level").answer == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Kassen ja, aber die Waage läuft noch über einen Zettel.", "partly"),
        ("Bei den Kundendaten schon, die Lieferscheine liegen im Ordner.", "partly"),
        ("Für die Buchhaltung ja, für das Lager dagegen gar nicht.", "partly"),
        ("Die Laptops ja, die Diensthandys auch.", "yes"),
        ("Die Laptops ja, die sind alle auf dem neuesten Stand.", "yes"),
        ("Bei uns ja, das läuft komplett digital.", "yes"),
    ],
)
def test_a_yes_for_one_named_part_with_another_part_after_it_is_partly(text, expected):
    assert rule_reading(text, "yes_partly_no").answer == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Im Prinzip ja, wobei die Werkstatt noch fehlt.", "partly"),
        ("Grundsätzlich schon, nur im Sommer klappt es nicht immer.", "partly"),
        ("Im Grunde ja.", "yes"),
        ("Grundsätzlich schon, weil das für uns wichtig ist.", "yes"),
    ],
)
def test_a_hedged_yes_that_is_qualified_is_partly(text, expected):
    assert rule_reading(text, "yes_partly_no").answer == expected
    assert rule_reading(text, "yes_no").answer == "yes"


def test_a_bare_noun_yes_needs_a_contrast_that_says_something():
    text = "Rechnungen ja, mit dem Programm. Aber Angebote schreibe ich in Word."
    assert rule_reading(text, "yes_partly_no").answer == "partly"
    assert rule_reading("Natürlich ja, aber das kostet.", "yes_partly_no").answer == "yes"
    assert rule_reading("Virenschutz ja, Updates auch.", "yes_partly_no").answer == "yes"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Kenntnisse sind leider unzureichend.", "low"),
        ("Da gibt es noch große Defizite.", "low"),
        ("Wir hinken da ziemlich hinterher.", "low"),
        ("Das kann sich sehen lassen.", "good"),
        ("Für den Alltag reicht es, mehr nicht.", "basic"),
    ],
)
def test_level_words_of_everyday_evaluation(text, expected):
    assert rule_reading(text, "level").answer == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das vermag ich nicht mit Gewissheit zu sagen.",
        "Das kann ich Ihnen so aus dem Stand nicht beantworten.",
        "Das lässt sich ohne eine Prüfung nicht seriös beantworten.",
        "Hab ich nie drüber nachgedacht.",
    ],
)
def test_cannot_answer_phrased_with_a_negation_is_dont_know(text):
    assert rule_reading(text, "yes_no").answer == "dont_know"


def test_not_answerable_across_the_board_is_no_dont_know():
    text = "Das lässt sich nicht pauschal beantworten. Für die Löhne haben wir eine Software."
    assert rule_reading(text, "yes_partly_no").answer != "dont_know"


def test_idioms_of_degree():
    assert rule_reading("Immer öfter, die Jüngeren mailen.", "frequency").answer == "regularly"
    text = "Wenn es hochkommt, eine Anfrage im Monat online."
    assert rule_reading(text, "frequency").answer == "rarely"
    assert rule_reading("Bescheiden.", "level").answer == "low"
