"""Shared helpers for the interview form tests (``test_interview_*.py``).

The form under test, the answer and profile slots, and small helpers that build payloads and
dialogues at a given question.
"""

from __future__ import annotations

import pytest

from actions import forms, pending
from actions.forms import ValidateInterviewForm
from bot.nlu.understanding import Reading
from tests.unit.action_helpers import QN, Dialogue, answered

FORM = ValidateInterviewForm()
ANSWER_SLOTS = set(QN.question_slots) | set(QN.closing_slots)
PROFILE_SLOTS = {"employees", "sector", "municipality"}


def choose(choice: str) -> str:
    return f'/answer{{"choice":"{choice}"}}'


def at(slot: str, **overrides) -> Dialogue:
    """A dialogue in which ``slot`` is the open question and every earlier one is answered."""
    return Dialogue(FORM, answered(slot, **overrides), slot)


def answer_payloads(slot: str) -> list:
    question = QN.question(slot)
    return [choose(a) for a in QN.answer_ids(question.scale)]


def answers_untouched(outcome) -> bool:
    """No answer or profile value was set or cleared."""
    return not (set(outcome.slots) & (ANSWER_SLOTS | PROFILE_SLOTS))


def torn_reader(monkeypatch: pytest.MonkeyPatch, readings: dict) -> None:
    """The reader (in the form and at the confirmation) returns ``readings[text]`` for the
    texts given, independent of the parser's rules; any other text is read for real."""
    real = forms.read_answer

    def read(text: str, scale: str, slot: str | None = None) -> Reading:
        return readings[text] if text in readings else real(text, scale, slot)

    monkeypatch.setattr(forms, "read_answer", read)
    monkeypatch.setattr(pending, "read_answer", read)
