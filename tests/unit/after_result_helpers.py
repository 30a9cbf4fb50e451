"""Shared pieces of the after-result tests (``test_after_result*.py``): the result slots of a
finished check, asking ``action_answer_followup`` a question, and the recommended offerings."""

from __future__ import annotations

from actions.after_result import ActionAnswerFollowup
from contract.scoring import compute_maturity
from tests.unit.action_helpers import ANSWERS, QN, catalogue, finished, make_tracker, run

FOLLOWUP = ActionAnswerFollowup()
RECOMMENDED = ["mittelstand_digital_handwerk", "cyberrisikocheck", "bildungsscheck_nrw"]


def result_slots(**overrides):
    return finished(
        answers_confirmed=True,
        maturity=compute_maturity(QN, ANSWERS),
        recommendations=RECOMMENDED,
        stage="result",
        **overrides,
    )


def ask(text: str, **overrides):
    outcome = run(FOLLOWUP, make_tracker(text, result_slots(**overrides), form=None))
    # answers change nothing but the offering last described (for "Was kostet das?")
    assert all(e.get("name") == "last_offering" for e in outcome.events), outcome.events
    assert outcome.texts[-1] == "Was möchten Sie noch wissen?"
    assert '/ask_result{"topic":"score"}' in outcome.payloads
    return outcome


def offering(index: int):
    return catalogue().get(RECOMMENDED[index])
