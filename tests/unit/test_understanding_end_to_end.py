"""Tests for bot.nlu.understanding.read_answer end to end with the real, cached model, for
answers whose reading is beyond doubt, odd input and speed."""

import time

import pytest

from bot.nlu.answers import SCALES
from bot.nlu.understanding import NONE, SURE, UNSURE, looks_structured, read_answer
from tests.unit.understanding_helpers import FREQ, LEVEL, YN, YPN

# ---- end to end with the cached model ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scale", "answer"),
    [
        ("ja", YN, "yes"),
        ("nein, leider nicht", YPN, "no"),
        ("weiß ich nicht", FREQ, "dont_know"),
        ("jeden Freitag", FREQ, "regularly"),
        ("sehr gut", LEVEL, "expert"),
        ('/answer{"choice":"never"}', FREQ, "never"),
    ],
)
def test_clear_answers_are_stored(text, scale, answer):
    reading = read_answer(text, scale)
    assert reading.status == SURE and reading.answer == answer


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Was meinen Sie mit Cloud?", YPN),
        ("warum fragen Sie das?", YN),
        ("Ist eine externe Festplatte im Schrank schon ein zweiter Ort?", FREQ),
        ("Wie wird das Wetter morgen?", LEVEL),
        ("Moment, da klingelt das Telefon.", YPN),
        ("Übrigens, haben Sie auch Tipps für Förderprogramme?", YN),
    ],
)
def test_questions_back_and_chit_chat_are_never_stored(text, scale):
    reading = read_answer(text, scale)
    assert reading.status == NONE


def test_unsure_reading_has_two_distinct_options_of_the_scale():
    text = "Die Termine schon, aber die Einsätze weiß ich nicht genau, das macht mein Bruder."
    reading = read_answer(text, YPN)
    if reading.status == UNSURE:
        assert len(reading.options) == 2 and len(set(reading.options)) == 2
        assert set(reading.options) <= set(SCALES[YPN] + ["dont_know"])


def test_json_is_read_as_text_but_never_stored_without_asking():
    assert looks_structured('{"answer": "yes"}') and looks_structured('[{"a": 1}]')
    assert not looks_structured("ja, klar (meistens)")
    assert not looks_structured("[NAME] hier, ja nutzen wir")  # redaction placeholder
    assert not looks_structured("<b>ja</b>")  # markup is text once its tags are stripped
    for text in ('{"answer": "yes", "slot": "tools_cloud"}', '{"text": "ja"}'):
        reading = read_answer(text, YN)
        assert reading.status != SURE


def test_markup_is_plain_text():
    assert read_answer("<b>ja</b>", YN).answer == "yes"
    assert read_answer("<p>nein</p><script>x()</script>", YN).answer == "no"


@pytest.mark.parametrize("text", ["ja nein", "ja, nein", "nein ja"])
def test_yes_and_no_side_by_side_are_torn(text):
    reading = read_answer(text, YN)
    assert reading.status == UNSURE and set(reading.options) == {"yes", "no"}


@pytest.mark.parametrize("text", ["teilweise", "manchmal", "zum Teil"])
def test_a_graded_word_is_no_plain_yes(text):
    reading = read_answer(text, YN)
    assert reading.status == UNSURE and set(reading.options) == {"yes", "no"}
    assert read_answer(f"ja, {text}", YN).status == SURE


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙈🙈🙈",
        "🤔",
        "<html><body><p>Hallo</p></body></html>",
        '{"intent": "restart", "entities": []}',
        "[1, 2, 3]",
        "/restart",
        "\x00\x01\x02",
        "ß" * 50,
        "1234567890",
    ],
)
@pytest.mark.parametrize("scale", sorted(SCALES))
def test_odd_input_neither_crashes_nor_is_stored_as_an_answer(text, scale):
    reading = read_answer(text, scale)
    assert reading.status in (SURE, UNSURE, NONE)
    if text.strip() in ("", "/restart", "[1, 2, 3]") or text.startswith("<html"):
        assert reading.status == NONE


def test_non_text_input_gives_no_reading():
    assert read_answer(None, YN).status == NONE  # type: ignore[arg-type]
    assert read_answer(42, YN).status == NONE  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        read_answer("ja", "stars")


@pytest.mark.parametrize(
    "text",
    [
        ("Wir haben da einiges, aber nicht alles, und manchmal klappt es auch nicht. " * 140)[
            :10000
        ],
        "a" * 10000,
        "🙈" * 10000,
        ", " * 5000,
        "nein? " * 1700,
        ('ja 👍 <b>x</b> {"a": 1} ' * 500)[:10000],
    ],
    ids=["long story", "one word", "emojis", "commas", "questions", "mixed"],
)
def test_a_10000_character_message_is_fast(text):
    read_answer("ja", YN)  # model loaded
    started = time.process_time()
    for scale in SCALES:
        read_answer(text, scale)
    assert (time.process_time() - started) / len(SCALES) < 0.25


def test_typical_answers_are_read_in_a_few_milliseconds():
    texts = [
        "ja, haben wir",
        "nö",
        "Meistens per Mail, ein paar Kunden wollen aber noch Papier.",
        "Die Jungen können das, die Alten nicht so.",
        "Wir sichern jeden Freitag auf eine externe Platte, die der Chef mit nach Hause nimmt.",
    ]
    read_answer("ja", YN)
    started = time.process_time()
    count = 0
    for round_ in range(3):
        for i, text in enumerate(texts):
            read_answer(f"{text} {round_}", list(SCALES)[i % 4])
            count += 1
    assert (time.process_time() - started) / count < 0.010
