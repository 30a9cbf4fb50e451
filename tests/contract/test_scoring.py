"""Scoring against the rubric of the questionnaire contract."""

from fractions import Fraction

import pytest
import yaml

from contract.paths import questionnaire_file
from contract.questionnaire import Need, Needs, load_questionnaire, parse_questionnaire
from contract.scoring import compute_maturity, round_half_up, strongest_and_weakest

QN = load_questionnaire()


def _mini(dimension_weights=(1, 1), question_weights=(1, 1, 1)):
    """A tiny questionnaire: dimension a (three questions of every scale kind), b (one)."""
    real = yaml.safe_load(questionnaire_file().read_text(encoding="utf-8"))
    raw = {
        **real,
        "scales": {
            "yes_no": [
                {"id": "yes", "label": "Ja", "value": 1},
                {"id": "no", "label": "N", "value": 0},
            ],
            "yes_partly_no": [
                {"id": "yes", "label": "Ja", "value": 1},
                {"id": "partly", "label": "T", "value": 0.5},
                {"id": "no", "label": "N", "value": 0},
            ],
            "frequency": [
                {"id": "never", "label": "n", "value": 0},
                {"id": "rarely", "label": "s", "value": "1/3"},
                {"id": "regularly", "label": "r", "value": "2/3"},
                {"id": "always", "label": "i", "value": 1},
            ],
        },
        "dont_know": {"id": "dont_know", "label": "Weiß nicht"},
        "levels": [{"id": "low", "min": 0, "title": "L"}, {"id": "high", "min": 50, "title": "H"}],
        "dimensions": [
            {
                "id": "a",
                "title": "A",
                "weight": dimension_weights[0],
                "strength": "s",
                "gap": {"micro": "m", "small": "s"},
            },
            {
                "id": "b",
                "title": "B",
                "weight": dimension_weights[1],
                "strength": "s",
                "gap": {"micro": "m", "small": "s"},
            },
        ],
        "questions": [
            {
                "slot": "q1",
                "short": "Q",
                "dimension": "a",
                "scale": "yes_no",
                "weight": question_weights[0],
                "text": "?",
                "explanation": "!",
            },
            {
                "slot": "q2",
                "short": "Q",
                "dimension": "a",
                "scale": "yes_partly_no",
                "weight": question_weights[1],
                "text": "?",
                "explanation": "!",
            },
            {
                "slot": "q3",
                "short": "Q",
                "dimension": "a",
                "scale": "frequency",
                "weight": question_weights[2],
                "text": "?",
                "explanation": "!",
            },
            {
                "slot": "q4",
                "short": "Q",
                "dimension": "b",
                "scale": "frequency",
                "weight": 1,
                "text": "?",
                "explanation": "!",
            },
        ],
    }
    needs = Needs((Need("a", "A", "a"), Need("b", "B", "b")))
    return parse_questionnaire(raw, needs)


def test_contract_shape_of_the_real_questionnaire():
    dims = [d.id for d in QN.dimensions]
    assert dims == ["strategy", "tools", "processes", "online", "security", "skills"]
    assert 14 <= len(QN.questions) <= 22
    for dim in dims:
        assert sum(q.dimension == dim for q in QN.questions) >= 2
    assert {q.scale for q in QN.questions} <= {"yes_no", "yes_partly_no", "frequency", "level"}
    assert QN.profile_slots == ["employees", "sector", "municipality"]
    assert [a.id for a in QN.scales["level"]] == ["low", "basic", "good", "expert"]
    assert [a.value for a in QN.scales["frequency"]] == [0, Fraction(1, 3), Fraction(2, 3), 1]


def test_all_scales_score_per_rubric():
    qn = _mini()
    # yes=1, partly=0.5, regularly=2/3 → (1 + 0.5 + 2/3) / 3 = 72.2 → 72
    result = compute_maturity(qn, {"q1": "yes", "q2": "partly", "q3": "regularly", "q4": "rarely"})
    assert result["dimensions"] == {"a": 72, "b": 33}
    # overall = mean of exact scores (72.22 + 33.33) / 2 = 52.78 → 53
    assert result["overall"] == 53
    assert result["level"] == "high"


def test_dont_know_is_left_out_and_empty_dimension_is_null():
    qn = _mini()
    result = compute_maturity(
        qn, {"q1": "no", "q2": "dont_know", "q3": "always", "q4": "dont_know"}
    )
    assert result["dimensions"] == {"a": 50, "b": None}
    assert result["overall"] == 50


def test_all_dont_know_gives_null_overall():
    qn = _mini()
    result = compute_maturity(qn, {s: "dont_know" for s in ("q1", "q2", "q3", "q4")})
    assert result == {"overall": None, "level": None, "dimensions": {"a": None, "b": None}}


def test_question_weights_count():
    qn = _mini(question_weights=(3, 1, 1))
    # (3*1 + 1*0 + 1*0) / 5 = 60
    assert compute_maturity(qn, {"q1": "yes", "q2": "no", "q3": "never"})["dimensions"]["a"] == 60


def test_dimension_weights_count_in_overall():
    qn = _mini(dimension_weights=(3, 1))
    result = compute_maturity(qn, {"q1": "yes", "q2": "yes", "q3": "always", "q4": "never"})
    assert result["dimensions"] == {"a": 100, "b": 0}
    assert result["overall"] == 75


def test_unanswered_questions_are_left_out():
    qn = _mini()
    assert compute_maturity(qn, {"q1": "yes"})["dimensions"] == {"a": 100, "b": None}


@pytest.mark.parametrize(
    "value, expected",
    [
        (Fraction(1, 2), 1),
        (Fraction(5, 2), 3),
        (Fraction(149, 2), 75),
        (Fraction(200, 3), 67),
        (Fraction(100, 3), 33),
        (Fraction(0), 0),
    ],
)
def test_round_half_up(value, expected):
    assert round_half_up(value) == expected


def test_real_questionnaire_all_yes_is_100_and_all_no_is_0():
    best = {
        q.slot: QN.scales[q.scale][-1 if q.scale in ("frequency", "level") else 0].id
        for q in QN.questions
    }
    worst = {
        q.slot: QN.scales[q.scale][0 if q.scale in ("frequency", "level") else -1].id
        for q in QN.questions
    }
    assert compute_maturity(QN, best)["overall"] == 100
    assert compute_maturity(QN, best)["level"] == "vorreiter"
    assert compute_maturity(QN, worst)["overall"] == 0
    assert compute_maturity(QN, worst)["level"] == "einsteiger"


@pytest.mark.parametrize(
    "n, cls",
    [(1, "1-9"), (9, "1-9"), (10, "10-49"), (49, "10-49"), (50, "50+"), (400, "50+"), (None, None)],
)
def test_size_class(n, cls):
    size = QN.size_class_for(n)
    assert (size.id if size else None) == cls


def test_strongest_and_weakest_never_overlap():
    scores = {"a": 10, "b": 90, "c": 50, "d": None, "e": 70, "f": 30}
    strong, weak = strongest_and_weakest(scores)
    assert strong == [("b", 90), ("e", 70)]
    assert weak == [("a", 10), ("f", 30)]
    strong, weak = strongest_and_weakest({"a": 10, "b": 90, "c": None})
    assert strong == [("b", 90)] and weak == [("a", 10)]
