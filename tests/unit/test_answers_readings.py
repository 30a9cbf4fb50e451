"""Tests for bot.nlu.answers.rule_reading: confidence, runner-ups, questions back, echoed topics,
idioms and answers offered as a closing question."""

import pytest

from bot.nlu.answers import parse_answer, rule_reading
from tests.unit.answer_helpers import FREQ, LEVEL, YN, YPN


@pytest.mark.parametrize(
    ("text", "scale"),
    [("ja", YN), ("nein", YPN), ("weiß nicht", FREQ), ("jede Woche", FREQ), ("sehr gut", LEVEL)],
)
def test_single_clear_signals_are_confident(text, scale):
    reading = rule_reading(text, scale)
    assert reading.confidence >= 0.85 and not reading.conflict


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Wir haben zwar ein Programm, aber ob das jemand benutzt, weiß ich nicht.", YPN),
        ("Die meisten sind fit, ein paar tun sich aber schwer.", LEVEL),
        ("Mal so, mal so, das Büro ja, die Werkstatt eher nicht.", YN),
        ("Bei Google ja, bei den anderen Portalen keine Ahnung.", YN),
    ],
)
def test_mixed_signals_are_not_confident_and_name_a_runner_up(text, scale):
    reading = rule_reading(text, scale)
    assert reading.answer is not None
    assert reading.confidence < 0.85
    assert reading.second is not None and reading.second != reading.answer


def test_a_button_of_another_scale_is_not_read_as_text():
    assert rule_reading("always", YN).answer is None
    assert rule_reading('/answer{"choice": "never"}', YPN).answer is None
    assert rule_reading('/answer{"choice": "never"}', FREQ).answer == "never"


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Verantwortlich? Mein Schwiegersohn, der kümmert sich um alles.", YN),
        ("Homepage? Hat unser Azubi letzten Sommer gebaut.", YPN),
    ],
)
def test_a_topic_echoed_before_the_answer_is_no_question_back(text, scale):
    assert not rule_reading(text, scale).blocked


@pytest.mark.parametrize(
    ("text", "scale"),
    [("Cloud? Was genau meinen Sie damit?", YPN), ("Backup? Wie meinen Sie das?", FREQ)],
)
def test_an_echo_followed_by_a_real_question_is_still_blocked(text, scale):
    assert rule_reading(text, scale).blocked or parse_answer(text, scale) is None


def test_not_knowing_the_staff_well_is_no_confusion_about_the_question():
    reading = rule_reading(
        "Weiß nicht, ich kenne nicht so gut die Rechner von meinen Leuten.", LEVEL
    )
    assert not reading.blocked and reading.answer == "dont_know"
    assert rule_reading("Phishing? Kenne ich nicht.", YN).blocked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unser Team? Erste Sahne, ehrlich.", "expert"),
        ("alles technikfreaks hier", "expert"),
        ("IT ist bei uns das tägliche Brot", "expert"),
        ("null skills, keine skills, nix", "low"),
        ("bei uns checkt keiner was", "low"),
        ("Das Übliche eben, Mails und Kasse", "basic"),
        ("Wir sind keine Nerds, aber wir kommen gut klar", "good"),
    ],
)
def test_level_idioms(text, expected):
    assert rule_reading(text, LEVEL).answer == expected


@pytest.mark.parametrize(
    "text, scale, expected",
    [
        ("Keine echte Software, alles Flickwerk. Also teilweise?", "yes_partly_no", "partly"),
        ("Backups macht der Rechner wohl irgendwann, also eher selten?", "frequency", "rarely"),
        ("we all google a lot, so basic?", "level", "basic"),
    ],
)  # fmt: skip
def test_an_answer_offered_as_a_closing_question_is_read_weakly(text, scale, expected):
    reading = rule_reading(text, scale)
    assert reading.answer == expected and reading.how in ("weak", "contradiction")
    assert reading.confidence < 0.5  # never stored on the rules alone


@pytest.mark.parametrize(
    "text, scale",
    [("Wie oft denn?", "frequency"), ("Was heißt teilweise?", "yes_partly_no")],
)
def test_a_real_question_back_is_still_no_answer(text, scale):
    assert rule_reading(text, scale).answer is None


@pytest.mark.parametrize("text", ["ja und nein", "Ja und nee, kommt drauf an", "yes and no"])
def test_yes_and_no_is_partly(text):
    reading = rule_reading(text, "yes_partly_no")
    assert "partly" in (reading.answer, reading.second)


@pytest.mark.parametrize(
    "text",
    ["of course", "obviously 😅 we build websites", "definitely", "absolutely", "sure thing"],
)
def test_english_idioms_of_agreement_read_as_yes(text):
    reading = rule_reading(text, "yes_partly_no")
    assert reading.answer == "yes" and reading.confidence >= 0.85


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        # fell for a phishing mail: the team does not recognise it
        ("Zweimal schon reingefallen, leider", "yes_no", "no"),
        ("die Buchhalterin ist letzten Monat fast drauf reingefallen", "yes_no", "no"),
        # "meistens" opens the second clause: mostly paper, not mostly e-mail
        ("ab und zu per mail meistens aber noch auf papier", "frequency", "rarely"),
        ("meistens aber noch auf Papier", "frequency", "rarely"),
    ],
)
def test_rule_readings_from_fresh_text(text, scale, expected):
    assert rule_reading(text, scale).answer == expected
