"""Complete German interviews over the REST channel against the real servers."""

from __future__ import annotations

from typing import Dict, Optional

import pytest

from tests.e2e.chat import (
    QN,
    answer_by_buttons,
    closing,
    complete,
    review_and_confirm,
    rotating_answers,
    start,
)

VALUES = {
    "yes": 1, "no": 0, "partly": 0.5, "never": 0, "rarely": 1 / 3, "regularly": 2 / 3,
    "always": 1, "low": 0, "basic": 1 / 3, "good": 2 / 3, "expert": 1,
}  # fmt: skip


def expected_maturity(answers: Dict[str, str]) -> Dict:
    """An independent float implementation of the rubric."""
    dims: Dict[str, Optional[int]] = {}
    exact = {}
    for dim in QN.dimensions:
        qs = [q for q in QN.questions if q.dimension == dim.id and answers.get(q.slot) in VALUES]
        if not qs:
            dims[dim.id] = None
            continue
        score = 100 * sum(float(q.weight) * VALUES[answers[q.slot]] for q in qs)
        score /= sum(float(q.weight) for q in qs)
        exact[dim.id] = score
        dims[dim.id] = int(score + 0.5 + 1e-9)
    weights = {d.id: float(d.weight) for d in QN.dimensions}
    total = sum(weights[k] for k in exact)
    overall = int(sum(weights[k] * v for k, v in exact.items()) / total + 0.5 + 1e-9)
    return {"overall": overall, "dimensions": dims}


def assert_result(chat, answers: Dict[str, str]) -> Dict:
    slots = chat.slots()
    maturity = slots["maturity"]
    expected = expected_maturity(answers)
    assert maturity["dimensions"] == expected["dimensions"]
    assert maturity["overall"] == expected["overall"]
    for question in QN.questions:
        assert slots[question.slot] == answers[question.slot]
    return maturity


def test_all_buttons_interview(chat):
    answers = rotating_answers()
    start(chat)
    maturity = complete(chat, answers)
    assert_result(chat, answers)
    assert f"{maturity['overall']} von 100" in chat.text
    for dim in QN.dimensions:
        assert dim.title in chat.text
    slots = chat.slots()
    assert (slots["employees"], slots["sector"], slots["municipality"]) == (
        12,
        "handwerk",
        "ratingen",
    )
    assert slots["stage"] == "result"


def test_free_text_interview_with_clear_answers(chat):
    chat.say("Guten Morgen!")
    chat.say("jo, passt")
    assert chat.requested_slot() == "employees"
    chat.say("wir sind vierzehn Beschäftigte")
    chat.say("wir sind ein Malerbetrieb")
    chat.say("in Wuelfrath")
    slots = chat.slots()
    assert (slots["employees"], slots["sector"], slots["municipality"]) == (
        14,
        "handwerk",
        "wuelfrath",
    )
    clear = {
        "yes_no": ["ja", "nein"],
        "yes_partly_no": ["ja, haben wir", "teilweise", "nein, gar nicht"],
        "frequency": ["nie", "selten", "regelmäßig", "immer"],
        "level": ["gut"],
    }
    expected = {"ja": "yes", "nein": "no", "ja, haben wir": "yes", "teilweise": "partly",
                "nein, gar nicht": "no", "nie": "never", "selten": "rarely",
                "regelmäßig": "regularly", "immer": "always", "gut": "good"}  # fmt: skip
    answers = {}
    for index, question in enumerate(QN.questions):
        assert chat.requested_slot() == question.slot
        phrase = clear[question.scale][index % len(clear[question.scale])]
        chat.say(phrase)
        answers[question.slot] = expected[phrase]
        assert chat.slot(question.slot) == answers[question.slot], (question.slot, phrase)
    chat.say("am ehesten Fördermittel finden")
    assert chat.slot("support_need") == "foerdermittel"
    review_and_confirm(chat)
    assert_result(chat, answers)


def test_interview_with_explanations_and_interjections(chat):
    start(chat)
    answers = rotating_answers(offset=2)
    second = QN.questions[1]
    answer_by_buttons(chat, answers, until=second.slot)
    chat.say("Weshalb ist das wichtig?")
    assert second.explanation[:40] in chat.text
    assert second.text in chat.text
    chat.say("Sind Sie ein Bot?")
    assert "Computerprogramm" in chat.text and second.text in chat.text
    chat.say("Kann ich bitte mit einem Menschen sprechen?")
    assert "Wirtschaftsförderung" in chat.text and second.text in chat.text
    chat.say("wie viele Fragen kommen noch?")
    assert "noch" in chat.text and chat.requested_slot() == second.slot
    chat.say("qwrtz blubb")
    # Not understood: said so, with the options, and not the question word for word.
    assert "nicht sicher verstanden" in chat.text
    assert second.text not in chat.text
    assert "„Ja“" in chat.text and chat.buttons
    assert chat.slot("failed_attempts") == 1
    answer_by_buttons(chat, answers)
    closing(chat)
    review_and_confirm(chat)
    assert_result(chat, answers)


def test_large_firm_still_assessed_with_note(chat):
    start(chat, profile=False)
    chat.say("wir haben 120 Mitarbeiter")
    chat.say('/inform{"sector":"produktion"}')
    chat.say('/inform{"municipality":"velbert"}')
    answers = {q.slot: "dont_know" for q in QN.questions}
    answers[QN.questions[0].slot] = "yes"
    complete(chat, answers)
    maturity = chat.slot("maturity")
    assert maturity["dimensions"][QN.questions[0].dimension] == 100
    assert sum(v is None for v in maturity["dimensions"].values()) == len(QN.dimensions) - 1
    assert "50 Beschäftigte" in chat.text


@pytest.mark.parametrize(
    "message",
    [
        "",
        "😀😀😀",
        "<img src=x onerror=alert(1)>",
        "a" * 10000,
        '/answer{"choice":"expert"}',
        '/answer{"choice":',
        '/inform{"employees": -5}',
        '/inform{"maturity": 100}',
        "/restart",
        "/session_start",
        "/unknown_intent",
        '{"intent": "restart", "entities": {"employees": 3}}',
        "<b>ja</b><script>alert(1)</script>",
    ],
    ids=[
        "empty", "emoji", "html", "huge", "foreign-choice", "broken-json", "bad-entity",
        "maturity-entity", "restart-payload", "session-payload", "unknown-intent", "json-text",
        "markup",
    ],
)  # fmt: skip
def test_bad_input_is_answered_and_loses_nothing(chat, message):
    start(chat)
    answer_by_buttons(chat, rotating_answers(), until=QN.questions[1].slot)
    watched = ["employees", "sector", "municipality", "maturity", QN.questions[0].slot]
    before = {s: chat.slot(s) for s in watched}
    chat.say(message)
    assert chat.last, "every message gets an answer"
    assert "Traceback" not in chat.text
    after = {s: chat.slot(s) for s in watched}
    assert after == before
    if chat.slot("pending"):  # e.g. a restart wish: asked first, answers kept
        chat.say("/deny")
    if chat.slot(QN.questions[1].slot) is None:
        assert chat.requested_slot() == QN.questions[1].slot
        chat.choose("yes")
    assert chat.slot(QN.questions[1].slot) in ("yes", "partly", "no", "dont_know")


def test_an_introduction_before_the_consent_is_read_back_after_it(chat):
    """Nothing typed is stored before the consent; afterwards the values are read back in one
    confirmation (a sentence, not a plain value) and the phone number is removed with a
    notice."""
    chat.say("Tach! Dachdeckerei in Ratingen, wir sind zu acht. Telefon 02102 123456.")
    assert "Ich bin der Digitalcheck" in chat.text and "einverstanden" in chat.text
    assert chat.slot("employees") is None and chat.slot("municipality") is None
    chat.say("ja")
    assert (
        "Habe ich Sie richtig verstanden: „8 Beschäftigte“, Branche „Handwerk“, Ort „Ratingen“?"
        in chat.text
    )
    assert chat.slot("employees") is None
    chat.say("ja")
    slots = chat.slots()
    assert (slots["employees"], slots["sector"], slots["municipality"]) == (
        8,
        "handwerk",
        "ratingen",
    )
    assert chat.requested_slot() == QN.questions[0].slot
