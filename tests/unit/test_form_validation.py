"""Every validate_<slot> of ValidateInterviewForm, with real Trackers and a dispatcher."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import ValidateInterviewForm
from tests.unit.action_helpers import QN, make_tracker

FORM = ValidateInterviewForm()


def run(slot, value, **tracker_args):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(**tracker_args)
    result = dict(getattr(FORM, f"validate_{slot}")(value, dispatcher, tracker, {}))
    if slot == QN.question_slots[-1] and result.get(slot):
        # The last scored answer completes the assessment (tested separately below).
        assert set(result.pop("maturity")) == {"overall", "level", "dimensions"}
        assert isinstance(result.pop("recommendations"), list)
    key = result.pop("funnel_key", None)
    if result.get("failed_attempts", 0) > 0:
        # A failed attempt is logged as an anonymised funnel event under a random key.
        assert isinstance(key, str) and len(key) == 32
    return result, [m.get("text") for m in dispatcher.messages]


def responses(slot, value, **tracker_args):
    dispatcher = CollectingDispatcher()
    getattr(FORM, f"validate_{slot}")(value, dispatcher, make_tracker(**tracker_args), {})
    return [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "value, expected",
    [(9, 9), (9.0, 9), ("9", 9), ("vierzehn Beschäftigte", 14), ("ein Dutzend", 12),
     ("wir sind 23 Leute", 23), (120, 120)],
)  # fmt: skip
def test_employees_accepts_counts(value, expected):
    result, _ = run("employees", value, text=str(value), intent="inform",
                    requested_slot="employees")  # fmt: skip
    assert result == {"employees": expected, "failed_attempts": 0}


@pytest.mark.parametrize("value", [0, -5, 2.5, "keine Ahnung", "blau", 10_000_000, True])
def test_employees_rejects_nonsense_and_counts_the_failure(value):
    result, _ = run("employees", value, text=str(value), intent="inform",
                    requested_slot="employees")  # fmt: skip
    assert result == {"employees": None, "failed_attempts": 1}


def test_employees_correction_during_questions_is_confirmed():
    slot = QN.questions[3].slot
    result, texts = run(
        "employees", 15, text="ach nein, es sind 15 Beschäftigte", intent="inform",
        requested_slot=slot, earlier_slots={"employees": 9}, slots={"employees": 15},
    )  # fmt: skip
    assert result == {"employees": 15}
    assert any("korrigiert" in t and "15" in t for t in texts)


def test_invalid_value_not_asked_for_keeps_the_earlier_one():
    result, _ = run(
        "employees", -5, text='/inform{"employees": -5}', intent="inform",
        requested_slot=QN.questions[0].slot, earlier_slots={"employees": 9},
    )  # fmt: skip
    assert result == {"employees": 9}


@pytest.mark.parametrize(
    "value, expected",
    [("handwerk", "handwerk"), ("Malerbetrieb", "handwerk"), ("Restaurant", "gastronomie"),
     ("Zahnarztpraxis", "gesundheit"), ("Spedition", "logistik")],
)  # fmt: skip
def test_sector(value, expected):
    result, _ = run("sector", value, text=value, intent="inform", requested_slot="sector")
    assert result == {"sector": expected, "failed_attempts": 0}


def test_sector_rejects_unknown_ids():
    result, _ = run("sector", "raumfahrt_xyz", text="raumfahrt_xyz", intent="inform",
                    requested_slot="sector")  # fmt: skip
    assert result == {"sector": None, "failed_attempts": 1}


@pytest.mark.parametrize(
    "value, expected",
    [("hilden", "hilden"), ("Wuelfrath", "wuelfrath"), ("Hochdahl", "erkrath"),
     ("Düsseldorf-Benrath", "duesseldorf"), ("Wuppertal", "andere")],
)  # fmt: skip
def test_municipality(value, expected):
    result, _ = run("municipality", value, text=value, intent="inform",
                    requested_slot="municipality")  # fmt: skip
    assert result == {"municipality": expected, "failed_attempts": 0}


def test_multi_fill_profile_slots_are_noted():
    result, texts = run("municipality", "hilden", text="Malerbetrieb in Hilden, 9 Leute",
                        intent="inform", requested_slot="employees")  # fmt: skip
    assert result == {"municipality": "hilden"}
    assert any("Hilden" in t for t in texts)


@pytest.mark.parametrize("question", QN.questions, ids=lambda q: q.slot)
def test_every_question_accepts_its_buttons_and_dont_know(question):
    for answer_id in QN.answer_ids(question.scale):
        result, _ = run(
            question.slot, answer_id, text=f'/answer{{"choice":"{answer_id}"}}', intent="answer",
            entities=[{"entity": "choice", "value": answer_id}], requested_slot=question.slot,
        )  # fmt: skip
        assert result == {question.slot: answer_id, "failed_attempts": 0}


@pytest.mark.parametrize("question", QN.questions, ids=lambda q: q.slot)
def test_every_question_rejects_a_choice_of_another_scale(question):
    foreign = "expert" if question.scale != "level" else "partly"
    result, _ = run(
        question.slot, foreign, text=f'/answer{{"choice":"{foreign}"}}', intent="answer",
        entities=[{"entity": "choice", "value": foreign}], requested_slot=question.slot,
    )  # fmt: skip
    assert result == {question.slot: None, "failed_attempts": 1}


FREE_TEXT = {
    "yes_no": [("jepp, machen wir", "affirm", "yes"), ("nö", "deny", "no")],
    "yes_partly_no": [("teilweise", "answer", "partly"), ("ja klar", "affirm", "yes"),
                      ("nee, gar nicht", "deny", "no")],
    "frequency": [("eher selten", "answer", "rarely"), ("immer", "answer", "always"),
                  ("regelmäßig", "answer", "regularly"), ("nie", "answer", "never")],
    "level": [("ganz gut", "answer", "good"), ("Grundkenntnisse", "answer", "basic")],
}  # fmt: skip


@pytest.mark.parametrize("question", QN.questions, ids=lambda q: q.slot)
def test_every_question_understands_free_text(question):
    for text, intent, expected in FREE_TEXT[question.scale] + [
        ("keine Ahnung", "dont_know", "dont_know")
    ]:
        result, _ = run(question.slot, text, text=text, intent=intent,
                        requested_slot=question.slot)  # fmt: skip
        assert result == {question.slot: expected, "failed_attempts": 0}, text


def test_failed_attempts_accumulate():
    slot = QN.questions[0].slot
    result, _ = run(slot, "asdfgh", text="asdfgh", intent="nlu_fallback", requested_slot=slot,
                    earlier_slots={"failed_attempts": 1})  # fmt: skip
    assert result == {slot: None, "failed_attempts": 2}


def test_profile_correction_is_not_taken_as_an_answer():
    slot = QN.questions[4].slot
    result, _ = run(
        slot, "nein, es sind 15 Beschäftigte", text="nein, es sind 15 Beschäftigte",
        intent="deny", entities=[{"entity": "employees", "value": 15}], requested_slot=slot,
    )  # fmt: skip
    assert result == {slot: None}


def test_only_the_requested_question_changes():
    slot, other = QN.questions[0].slot, QN.questions[1].slot
    result, _ = run(slot, "no", text="nein", intent="deny", requested_slot=other,
                    earlier_slots={slot: "yes"})  # fmt: skip
    assert result == {slot: "yes"}


def test_correcting_another_profile_slot_is_not_a_failed_answer():
    result, _ = run(
        "sector", "ach nein, es sind 15 Beschäftigte", text="ach nein, es sind 15 Beschäftigte",
        intent="inform", entities=[{"entity": "employees", "value": 15}], requested_slot="sector",
    )  # fmt: skip
    assert result == {"sector": None}


def test_chit_chat_gets_a_short_reply_and_is_not_a_failed_attempt():
    slot = QN.questions[1].slot
    result, texts = run(slot, "Wie wird das Wetter morgen?", text="Wie wird das Wetter morgen?",
                        intent="out_of_scope", requested_slot=slot)  # fmt: skip
    assert result == {slot: None} and texts == [None]
    assert responses(
        slot,
        "Wie wird das Wetter morgen?",
        text="Wie wird das Wetter morgen?",
        intent="out_of_scope",
        requested_slot=slot,
    ) == ["utter_out_of_scope"]


def test_an_answer_inside_chit_chat_still_counts():
    slot = QN.questions[0].slot
    result, _ = run(slot, "teilweise, und wie geht's Ihnen?", intent="out_of_scope",
                    text="teilweise, und wie geht's Ihnen?", requested_slot=slot)  # fmt: skip
    assert result == {slot: "partly", "failed_attempts": 0}


def test_the_last_answer_sets_maturity_before_the_closing_question(monkeypatch):
    from actions import api_client

    offered = [{"id": "offer_a"}, {"id": "offer_b"}, {"id": "offer_c"}]
    monkeypatch.setattr(api_client, "recommend", lambda *args, **kwargs: offered)
    last = QN.questions[-1]
    earlier = {q.slot: "dont_know" for q in QN.questions[:-1]}
    earlier[QN.questions[0].slot] = "yes"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="ja", intent="affirm", requested_slot=last.slot, earlier_slots=earlier,
        slots={"employees": 9, "sector": "handwerk", "municipality": "hilden"},
    )  # fmt: skip
    result = FORM.validate_question(last, "ja", tracker, dispatcher)
    assert result[last.slot] == "yes"
    dims = result["maturity"]["dimensions"]
    assert dims[QN.questions[0].dimension] == 100 and dims[last.dimension] == 100
    assert result["recommendations"] == ["offer_a", "offer_b", "offer_c"]


@pytest.mark.parametrize("text", ["ja", "nein", "qwrtz", "keine Ahnung"])
def test_the_optional_closing_question_never_fails(text):
    result, _ = run("support_need", text, text=text, intent="affirm",
                    requested_slot="support_need")  # fmt: skip
    assert result == {"support_need": "none", "failed_attempts": 0}
