"""Complete German interviews over the REST channel against the real servers."""

from __future__ import annotations

from typing import Dict, Optional

import pytest

from contract.questionnaire import load_questionnaire

QN = load_questionnaire()
VALUES = {
    "yes": 1, "no": 0, "partly": 0.5, "never": 0, "rarely": 1 / 3, "regularly": 2 / 3,
    "always": 1, "low": 0, "basic": 1 / 3, "good": 2 / 3, "expert": 1,
}  # fmt: skip

# Free-text phrasings per scale and the answer id each must be understood as.
FREE_TEXT = {
    "yes_no": [("jepp, machen wir so", "yes"), ("nö, leider nicht", "no")],
    "yes_partly_no": [
        ("ja klar, nutzen wir", "yes"),
        ("so teilweise", "partly"),
        ("nee, gar nicht", "no"),
        ("zum Teil schon", "partly"),
    ],
    "frequency": [
        ("eher selten", "rarely"),
        ("regelmässig, jede Woche", "regularly"),
        ("immer, läuft automatisch", "always"),
        ("noch nie", "never"),
    ],
    "level": [("ganz gut eigentlich", "good"), ("eher Grundkenntnisse", "basic")],
}


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


def start(chat, profile=True):
    chat.say("Hallo")
    assert "Datenschutz" in chat.text
    assert [b["payload"] for b in chat.buttons] == ["/affirm", "/deny"]
    chat.say("ja, einverstanden")
    assert chat.requested_slot() == "employees"
    assert "Beschäftigte" in chat.text
    if profile:
        chat.say("12")
        assert chat.requested_slot() == "sector"
        assert len(chat.buttons) == 10
        chat.say('/inform{"sector":"handwerk"}')
        assert chat.requested_slot() == "municipality"
        chat.say('/inform{"municipality":"ratingen"}')
        assert chat.requested_slot() == QN.questions[0].slot


def answer_by_buttons(chat, answers: Dict[str, str], until: Optional[str] = None) -> None:
    for index, question in enumerate(QN.questions):
        if question.slot == until:
            return
        if chat.slot(question.slot) is not None:
            continue
        assert chat.requested_slot() == question.slot
        assert f"Frage {index + 1} von {len(QN.questions)}" in chat.text
        assert {b["title"] for b in chat.buttons} >= {"Weiß nicht"}
        chat.choose(answers[question.slot])
    if until is None:
        finish(chat, answers.get("support_need", "none"))


def finish(chat, need: str) -> None:
    """Answers the closing question (which support topic matters most)."""
    assert chat.requested_slot() == "support_need"
    assert "Unterstützung" in chat.text
    assert {b["title"] for b in chat.buttons} >= {"Nichts Bestimmtes", "Künstliche Intelligenz"}
    chat.choose(need)
    assert chat.slot("support_need") == need
    assert chat.slot("maturity") is not None


def assert_result(chat, answers: Dict[str, str]) -> Dict:
    maturity = chat.slot("maturity")
    expected = expected_maturity(answers)
    assert maturity["dimensions"] == expected["dimensions"]
    assert maturity["overall"] == expected["overall"]
    assert isinstance(maturity["level"], str)
    for question in QN.questions:
        assert chat.slot(question.slot) == answers[question.slot]
    return maturity


def rotating_answers(offset: int = 0) -> Dict[str, str]:
    answers = {}
    for i, q in enumerate(QN.questions):
        ids = QN.answer_ids(q.scale)
        answers[q.slot] = ids[(i + offset) % len(ids)]
    return answers


def test_all_buttons_interview(chat):
    answers = rotating_answers()
    start(chat)
    answer_by_buttons(chat, answers)
    maturity = assert_result(chat, answers)
    assert f"{maturity['overall']} von 100" in chat.text
    for dim in QN.dimensions:
        assert dim.title in chat.text
    assert chat.slot("employees") == 12
    assert chat.slot("sector") == "handwerk"
    assert chat.slot("municipality") == "ratingen"


def test_all_free_text_interview(chat):
    chat.say("Guten Morgen!")
    chat.say("jo, passt")
    assert chat.requested_slot() == "employees"
    chat.say("wir sind vierzehn Beschäftigte")
    assert chat.slot("employees") == 14
    chat.say("wir sind ein Malerbetrieb")
    assert chat.slot("sector") == "handwerk"
    chat.say("in Wuelfrath")
    assert chat.slot("municipality") == "wuelfrath"
    answers = {}
    counters = {scale: 0 for scale in FREE_TEXT}
    for question in QN.questions:
        assert chat.requested_slot() == question.slot
        phrases = FREE_TEXT[question.scale]
        text, answer = phrases[counters[question.scale] % len(phrases)]
        counters[question.scale] += 1
        chat.say(text)
        answers[question.slot] = answer
        assert chat.slot(question.slot) == answer, (question.slot, text)
    chat.say("am ehesten Fördermittel finden")
    assert chat.slot("support_need") == "foerdermittel"
    assert_result(chat, answers)


def test_interview_with_corrections_and_multi_slot_answer(chat):
    start(chat, profile=False)
    chat.say("Malerbetrieb in Hilden, 9 Leute")
    assert chat.slot("employees") == 9
    assert chat.slot("sector") == "handwerk"
    assert chat.slot("municipality") == "hilden"
    assert chat.requested_slot() == QN.questions[0].slot
    answers = rotating_answers(offset=1)
    third = QN.questions[2].slot
    answer_by_buttons(chat, answers, until=third)
    chat.say("ach nein, es sind 15 Beschäftigte")
    assert chat.slot("employees") == 15
    assert chat.requested_slot() == third
    assert "15" in chat.text and "Frage 3 von" in chat.text
    chat.say("Korrektur: wir sitzen in Langenfeld")
    assert chat.slot("municipality") == "langenfeld"
    assert chat.requested_slot() == third
    answer_by_buttons(chat, answers)
    assert_result(chat, answers)
    assert chat.slot("employees") == 15


def test_interview_with_explanations_and_interjections(chat):
    start(chat)
    answers = rotating_answers(offset=2)
    second = QN.questions[1]
    answer_by_buttons(chat, answers, until=second.slot)
    chat.say("Weshalb ist das wichtig?")
    assert second.explanation[:40] in chat.text
    assert second.text in chat.text
    assert chat.requested_slot() == second.slot
    chat.say("Versteh ich nicht")
    assert second.text in chat.text
    chat.say("Wie wird das Wetter morgen in Köln?")
    assert second.text in chat.text and chat.requested_slot() == second.slot
    chat.say("Sind Sie ein Bot?")
    assert "Computerprogramm" in chat.text and second.text in chat.text
    chat.say("Kann ich bitte mit einem Menschen sprechen?")
    assert "Wirtschaftsförderung" in chat.text and second.text in chat.text
    chat.say("wie viele Fragen kommen noch?")
    assert "Fragen" in chat.text and chat.requested_slot() == second.slot
    chat.say("qwrtz blubb")
    assert chat.requested_slot() == second.slot
    chat.say("xkcd flummi")
    assert "Bitte wählen Sie" in chat.text and chat.buttons
    answer_by_buttons(chat, answers)
    assert_result(chat, answers)


def test_restart_midway_clears_answers(chat):
    start(chat)
    first_answers = rotating_answers(offset=3)
    answer_by_buttons(chat, first_answers, until=QN.questions[5].slot)
    chat.say("ich möchte nochmal ganz von vorne anfangen")
    assert chat.requested_slot() == "employees"
    assert all(chat.slot(q.slot) is None for q in QN.questions)
    chat.say("3 Mitarbeiter")
    chat.say("Friseursalon")
    chat.say("Monheim")
    assert chat.slot("sector") == "handwerk" and chat.slot("municipality") == "monheim"
    answers = rotating_answers(offset=4)
    answer_by_buttons(chat, answers)
    assert_result(chat, answers)
    assert chat.slot("employees") == 3


def test_large_firm_still_assessed_with_note(chat):
    start(chat, profile=False)
    chat.say("wir haben 120 Mitarbeiter")
    chat.say('/inform{"sector":"produktion"}')
    chat.say('/inform{"municipality":"velbert"}')
    answers = {q.slot: "dont_know" for q in QN.questions}
    answers[QN.questions[0].slot] = "yes"
    answer_by_buttons(chat, answers)
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
        "/unknown_intent",
        '{"not": "a message"}',
    ],
    ids=[
        "empty",
        "emoji",
        "html",
        "huge",
        "foreign-choice",
        "broken-json",
        "bad-entity",
        "unknown-intent",
        "json-text",
    ],
)
def test_bad_input_is_answered_and_loses_nothing(chat, message):
    start(chat, profile=True)
    answer_by_buttons(chat, rotating_answers(), until=QN.questions[1].slot)
    before = {
        s: chat.slot(s) for s in ["employees", "sector", "municipality", QN.questions[0].slot]
    }
    chat.say(message)
    assert chat.last, "every message gets an answer"
    assert "Traceback" not in chat.text
    after = {s: chat.slot(s) for s in before}
    assert after == before
    assert chat.requested_slot() == QN.questions[1].slot
    chat.choose("yes")
    assert chat.slot(QN.questions[1].slot) == "yes"
