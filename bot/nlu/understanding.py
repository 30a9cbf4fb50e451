"""What an owner's message means for the open question: one decision, shared by the action
server and the benchmark (``scripts/bench.py``).

Answers (:func:`read_answer`): the deterministic parser (:mod:`bot.nlu.answers`) and a small
learned model (:mod:`bot.nlu.answer_model`, trained on the development half of the corpus) read
the text; their readings are combined into one of three decisions:

* ``sure``   – store the answer;
* ``unsure`` – ask one short confirmation with the two likeliest answers as buttons;
* ``none``   – no answer signal: say so and show the options (or treat the message as a
  question, chit-chat, a correction ...).

The profile (staff count, sector, town) is read by :mod:`bot.nlu.profile`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from bot.nlu import answer_model
from bot.nlu.answers import DONT_KNOW, rule_reading

SURE, UNSURE, NONE = "sure", "unsure", "none"
# The learned model alone decides only above this probability (calibrated on the dev half).
MODEL_SURE = 0.80
# ... and it is asked to confirm between its two best guesses above this one.
MODEL_CONFIRM = 0.40


@dataclass(frozen=True)
class Reading:
    status: str
    answer: Optional[str] = None
    options: Tuple[str, ...] = ()
    confidence: float = 0.0
    source: str = ""

    @property
    def sure(self) -> bool:
        return self.status == SURE


NO_READING = Reading(NONE)


def read_answer(text: str, scale: str) -> Reading:
    """The decision for a free-text answer to a question of ``scale``."""
    rules = rule_reading(text, scale)
    if rules.blocked:
        return Reading(NONE, source="question")
    model = answer_model.predict(text, scale)
    if rules.answer is not None and not rules.conflict:
        if model is None or model.top == rules.answer or model.probability(rules.answer) >= 0.2:
            return Reading(SURE, rules.answer, (rules.answer,), 1.0, "rules")
        return Reading(UNSURE, rules.answer, (rules.answer, model.top), 0.5, "disagree")
    if rules.answer is not None:  # the rules saw conflicting signals
        second = rules.second
        if model is not None:
            if model.top == rules.answer and model.top_probability >= MODEL_SURE:
                return Reading(SURE, rules.answer, (rules.answer,), model.top_probability, "both")
            second = model.top if model.top != rules.answer else (second or model.second)
        options = tuple(o for o in (rules.answer, second) if o)
        return Reading(UNSURE, rules.answer, options[:2], 0.5, "conflict")
    if model is None or rules.no_signal:
        return Reading(NONE, source="no signal")
    if model.top_probability >= MODEL_SURE:
        return Reading(SURE, model.top, (model.top,), model.top_probability, "model")
    if model.top_probability >= MODEL_CONFIRM:
        options = (model.top, model.second) if model.second else (model.top,)
        return Reading(UNSURE, model.top, options, model.top_probability, "model")
    return Reading(NONE, source="weak model")


__all__ = ["DONT_KNOW", "NO_READING", "NONE", "SURE", "UNSURE", "Reading", "read_answer"]
