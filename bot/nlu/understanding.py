"""What an owner's message means for the open question: one decision, shared by the action
server and the benchmark (``scripts/bench_understanding.py``).

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

import re
from dataclasses import dataclass
from typing import Optional, Tuple

from bot.nlu import answer_model
from bot.nlu.answer_model import NONE as NOT_AN_ANSWER
from bot.nlu.answer_model import SCALE_LABELS, Prediction
from bot.nlu.answers import DONT_KNOW, SCALES, RuleReading, rule_reading
from bot.nlu.thresholds import DEFAULT, Thresholds

SURE, UNSURE, NONE = "sure", "unsure", "none"


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


def _rules_only(rules: RuleReading, thresholds: Thresholds) -> Reading:
    if rules.answer is None:
        return Reading(NONE, source="no signal")
    if rules.confidence >= thresholds.rules_sure:
        return Reading(SURE, rules.answer, (rules.answer,), rules.confidence, "rules")
    options = tuple(o for o in (rules.answer, rules.second) if o)
    return Reading(UNSURE, rules.answer, options, rules.confidence, "rules")


_SCALE_BY_LABELS = {frozenset(labels): scale for scale, labels in SCALE_LABELS.items()}


def _scale_of(model: Prediction) -> Optional[str]:
    """The scale a prediction is about (its labels are that scale's answers)."""
    return _SCALE_BY_LABELS.get(frozenset(model.probabilities))


def decide(
    rules: RuleReading,
    model: Optional[Prediction],
    thresholds: Optional[Thresholds] = None,
    text: str = "",
) -> Reading:
    """Combine the rule reading and the model's prediction into one decision."""
    thresholds = thresholds or DEFAULT
    if rules.how == "payload" and rules.answer:
        return Reading(SURE, rules.answer, (rules.answer,), 1.0, "button")
    if rules.blocked:
        return Reading(NONE, source="question")
    if rules.how in ("contradiction", "partial") and rules.answer:
        # the rules read two answers ("Geld ja, Zeit nein"; "teilweise" to a yes/no question):
        # ask, unless the scale has a middle answer, the rules read it and the model is sure of
        # it too (on yes/no the model's "ja, nein" -> yes is no reason to store)
        options = tuple(o for o in (rules.answer, rules.second) if o)
        top = model.answers_ranked()[0] if model is not None else None
        if (
            top is not None
            and rules.how == "contradiction"
            and top[0] == rules.answer == "partly"
            and top[1] >= thresholds.sure
            and model.probability(NOT_AN_ANSWER) < 0.3
        ):
            return Reading(SURE, top[0], (top[0],), top[1], "both")
        return Reading(UNSURE, rules.answer, options, rules.confidence, rules.how)
    if model is None:
        return _rules_only(rules, thresholds)
    ranked = model.answers_ranked()
    p_none = model.probability(NOT_AN_ANSWER)
    lead = rules.how == "lead" and rules.answer and rules.confidence >= thresholds.rules_sure
    asked_back = (
        rules.answer is not None
        and rules.confidence >= thresholds.asked_back
        and "?" in text
        and not lead
    )
    renormalised = (lead or asked_back) and p_none >= thresholds.none
    if renormalised:
        # An answer word leads the message ("ja, aber was kostet das?"): it is an answer, the
        # rest may be a question. The model's "not an answer" is then about the question, so
        # its answers are compared as if the message is an answer.
        rest = max(1e-9, 1.0 - p_none)
        ranked = [(answer, p / rest) for answer, p in ranked]
        p_none = 0.0
    (best, p_best), (second, _) = ranked[0], ranked[1]
    if p_none >= thresholds.none or (rules.no_signal and p_none >= p_best):
        return Reading(NONE, source="not an answer")
    agree = rules.answer == best
    # the model alone against a rule reading needs more than the model alone without one
    sure = thresholds.against if rules.answer and not agree else thresholds.sure
    if rules.answer and not agree and rules.conflict:
        sure = thresholds.against_torn  # the rules read two answers themselves: confirm
    weak_rules = rules.confidence < thresholds.rules_sure and not rules.conflict
    if rules.answer and not agree and weak_rules:
        sure = thresholds.against_weak  # a moderately sure rule reading, not torn itself
    agree_needed = thresholds.agree_for(_scale_of(model), rules.confidence, best)
    if lead:
        agree_needed = min(agree_needed, thresholds.lead_agree)
    if (p_best >= sure or (agree and p_best >= agree_needed)) and p_none < 0.3:
        if asked_back and renormalised:
            # the model took the message for a question: confirm, never store at once
            return Reading(UNSURE, best, (best, second), p_best, "asked back")
        return Reading(SURE, best, (best,), p_best, "both" if agree else "model")
    if rules.answer and rules.answer not in (best, second) and rules.confidence >= 0.85:
        second = rules.answer
    if rules.no_signal or not rules.answer or (rules.how == "weak" and rules.confidence < 0.5):
        # no (or only a weak) answer word: ask back only when the model has a clear favourite
        if p_best >= thresholds.pair and p_best > p_none:
            return Reading(UNSURE, best, (best, second), p_best, "torn")
        return Reading(NONE, source="weak")
    return Reading(UNSURE, best, (best, second), p_best, "torn")


_STRUCTURED = re.compile(r"^\s*\{|^\s*\[\s*[\[{\"\d\-]|\{\s*\"[^\"]*\"\s*:")


def looks_structured(text: str) -> bool:
    """JSON-looking text: read as text, but never stored without asking. (Markup is plain
    text once its tags are stripped; "[NAME]"-style redaction placeholders are text.)"""
    return bool(_STRUCTURED.search(text[:2000]))


def read_answer(text: str, scale: str, slot: Optional[str] = None) -> Reading:
    """The decision for a free-text answer to a question of ``scale``; ``slot``, the question
    itself, when known (the model reads some words per question: "Mein Neffe." to "who looks
    after IT?")."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    if not isinstance(text, str):
        return NO_READING
    rules = rule_reading(text, scale)
    if rules.how == "payload" or rules.blocked:
        return decide(rules, None, DEFAULT, text)
    structured = looks_structured(text)
    if structured and rules.no_signal:
        return Reading(NONE, source="markup")  # machine text without an answer word
    prediction = answer_model.predict(text, scale, slot)
    reading = decide(rules, prediction, DEFAULT, text)
    if reading.status == SURE and structured:
        others = [a for a, _ in prediction.answers_ranked()] if prediction else []
        others += [o for o in [rules.second, *SCALES[scale], DONT_KNOW] if o]
        second = next(o for o in others if o != reading.answer)
        return Reading(
            UNSURE, reading.answer, (reading.answer, second), reading.confidence, "markup"
        )
    return reading


__all__ = [
    "DEFAULT",
    "DONT_KNOW",
    "NO_READING",
    "NONE",
    "SURE",
    "UNSURE",
    "Reading",
    "Thresholds",
    "decide",
    "read_answer",
]
