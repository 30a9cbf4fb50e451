"""The rule reader: a message and a scale in, a :class:`RuleReading` out.

Button payloads are taken as they are; otherwise the text is normalised, scanned for
concepts, split into clauses with roles, each clause read, and the readings combined; a few
message-level checks (part answers to a yes/no question, hedges, contradictions) follow.
:func:`parse_answer` is the plain answer id, with the Rasa intent as a fallback.
"""

from __future__ import annotations

import json
from functools import lru_cache

from bot.nlu.answer_norm import bounded, normalize_answer
from bot.nlu.answers.clause_patterns import (
    _CURRENT,
    _NOT_PLANNED,
    _PAST,
    _PLAN,
    _QUESTION_START,
    _QUESTION_VERB,
)
from bot.nlu.answers.clause_reading import _clause_concepts, _clause_reading
from bot.nlu.answers.clause_words import _CONTRAST
from bot.nlu.answers.clauses import Clause, _clauses, _neighbour_merge, _propagate_verdicts, _role
from bot.nlu.answers.combine import _combine
from bot.nlu.answers.concepts import _NOT_ANSWERS, _concepts
from bot.nlu.answers.hedges import _PARTIAL, _hedged_yes, _topic_yes
from bot.nlu.answers.leads import _answer_before_question, _lead, _lead_particle
from bot.nlu.answers.negation import _contradiction, _rest_is_negative
from bot.nlu.answers.result import RuleReading, _Read
from bot.nlu.answers.scales import _MAP, DONT_KNOW, SCALES, STATEMENT, _polarity
from bot.nlu.text import fold


def _payload(text: str, valid: list[str]) -> str | None:
    stripped = text.strip().strip("/")
    if stripped in valid:
        return stripped
    if text.startswith("/") and "{" in text:
        try:
            values = json.loads(text[text.index("{") :]).values()
        except (ValueError, AttributeError):
            return None
        return next((v for v in values if isinstance(v, str) and v in valid), None)
    return None


def _analyse_clauses(text: str, scale: str, seen: list) -> RuleReading:
    norm = normalize_answer(text)
    hits = _concepts(norm)
    clauses = _clauses(norm)
    for i, clause in enumerate(clauses):
        previous = clauses[i - 1] if i else None
        clause.role = _role(clause, i, len(clauses), previous)
        clause.plan = bool(_PLAN.search(clause.text)) and not _NOT_PLANNED.search(clause.text)
        clause.past = bool(_PAST.search(clause.text)) and not _CURRENT.search(clause.text)
        if (
            previous is not None
            and previous.role == "embedded"
            and previous.words[0] in _CONTRAST
            and clause.role == "main"
        ):
            clause.role = "contrast"
    carry = False
    for clause in clauses:
        if clause.role == "contrast" and len(clause.words) <= 3:
            carry = True
        elif carry and clause.role == "main":
            clause.role = "contrast"
        elif clause.role not in ("relative", "embedded", "reason"):
            carry = False
    for concept, start, _ in hits:
        for clause in clauses:
            if clause.start <= start < clause.end:
                clause.concepts.append(concept)
                clause.positions.append(start - clause.start)
                break
    for clause in clauses:
        if 0 in clause.positions:
            clause.first = clause.concepts[clause.positions.index(0)]
        clause.concepts = _clause_concepts(clause)
    _neighbour_merge(clauses)
    _propagate_verdicts(clauses)
    tags = tuple(f"{c.role}:{k}" for c in clauses for k in c.concepts)
    seen.extend(clauses)
    answer_concepts = [c for c, _, _ in hits if c not in _NOT_ANSWERS]
    lead_index = _lead(clauses)
    lead_dk = lead_index is not None and "DK" in clauses[lead_index].concepts
    confused = any(
        "CONFUSED" in c.concepts for c in clauses if c.role not in ("relative", "reason")
    )
    if confused and (lead_index is None or lead_dk):
        return RuleReading(None, blocked=True, no_signal=not answer_concepts, concepts=tags)
    readings: list[_Read] = []
    plan_only = False
    reasons: list[_Read] = []  # "..., weil sie allein nicht klarkommen": used when nothing else
    for i, clause in enumerate(clauses):
        concepts = clause.concepts
        if clause.role == "question":
            if not _answer_before_question(clauses, i):
                if "RHETORIC_NO" not in concepts:
                    continue
                concepts = ["RHETORIC_NO"]
        elif _QUESTION_VERB.match(clause.text) and not concepts:
            continue
        if clause.role in ("embedded", "reason", "relative", "reported"):
            if "DK" in concepts and clause.role == "reason":
                concepts = ["DK"]
            else:
                if clause.role == "reason":
                    answer, strength, concept = _clause_reading(scale, concepts, clause)
                    if answer:
                        reasons.append(_Read(clause, answer, min(strength, STATEMENT), i, concept))
                continue
        if clause.plan or clause.past:
            negative = [c for c in concepts if c in ("NO", "NO_P", "NOT_YET", "NEVER", "DK")]
            if clause.plan and not negative:
                plan_only = True
                continue
            if not clause.plan and not ({"NOT_YET", "DK"} & set(negative)):
                continue
            concepts = negative
        concepts = _rest_is_negative(clause, concepts)
        answer, strength, concept = _clause_reading(scale, concepts, clause)
        if answer:
            readings.append(_Read(clause, answer, strength, i, concept))
    if not readings and reasons:
        readings = reasons
    if plan_only and scale in ("yes_no", "yes_partly_no"):
        # around a plan, narrative affirmations ("Anbieter haben wir uns angeschaut") are weak
        readings = [
            r for r in readings
            if not (r.strength == STATEMENT and _polarity(scale, r.answer) > 0)
        ] or readings  # fmt: skip
    if not readings:
        if plan_only and scale != "level":
            answer = _MAP[scale].get("NOT_YET")
            return RuleReading(answer, None, False, False, False, 0.35, tags, "plan")
        has_question = any(
            c.role == "question" and not _echo(clauses, i) for i, c in enumerate(clauses)
        )
        blocked = has_question or bool(_QUESTION_VERB.match(norm))
        return RuleReading(None, blocked=blocked, no_signal=not answer_concepts, concepts=tags)
    reading = _combine(scale, clauses, readings, lead_index, tags)
    if (
        scale == "yes_no"
        and reading.answer in ("yes", "no")
        and len(readings) == 1
        and readings[0].concept in _PARTIAL
        and not _lead_particle(clauses, lead_index)
    ):
        # "teilweise", "manchmal", "die Hälfte" answer a yes/no question only halfway
        other = "no" if reading.answer == "yes" else "yes"
        return RuleReading(reading.answer, other, True, False, False, 0.5, tags, "partial")
    if scale == "yes_partly_no" and reading.answer == "yes" and _hedged_yes(clauses):
        return RuleReading("partly", "yes", True, False, False, 0.72, tags, "hedge")
    if scale == "yes_partly_no" and reading.answer == "yes" and _topic_yes(clauses):
        return RuleReading("partly", "yes", True, False, False, 0.72, tags, "topic")
    if _contradiction(clauses) and scale != "level":
        first = "partly" if scale == "yes_partly_no" else _MAP[scale]["NO_P"]
        second = _MAP[scale].get("YES_P") or "rarely"
        if scale == "yes_no":
            first, second = "yes", "no"
        return RuleReading(first, second, True, False, False, 0.3, tags, "contradiction")
    return reading


def _echo(clauses: list[Clause], i: int) -> bool:
    """ "Zuständig? Meine Tochter.", "Software? Ohne die wär ich aufgeschmissen.": the question's
    topic echoed in one or two words before the answer is no question to the bot (the rules read
    nothing then, so the model can at most offer a confirmation)."""
    clause = clauses[i]
    return (
        i == 0
        and len(clauses) > 1
        and len(clause.words) <= 2
        and not _QUESTION_START.match(clause.text)
        and clauses[1].sentence != clause.sentence
    )


@lru_cache(maxsize=4096)
def _rule_reading(text: str, scale: str) -> RuleReading:
    valid = SCALES[scale] + [DONT_KNOW]
    text = bounded(text)
    direct = _payload(text, valid)
    if direct:
        return RuleReading(direct, no_signal=False, confidence=1.0, how="payload")
    stripped = text.strip()
    if stripped.startswith("/") or stripped.strip("/") in _ALL_IDS:
        # a payload (or the id of a button) of another scale is no answer to this question
        return RuleReading(None, blocked=True, no_signal=True, how="foreign payload")
    return _analyse(text, scale)


_ALL_IDS = frozenset(a for answers in SCALES.values() for a in answers) | {DONT_KNOW}


def rule_reading(text: str, scale: str) -> RuleReading:
    """The rules' reading of ``text`` for ``scale``, with how sure they are."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    if not isinstance(text, str):
        text = ""
    return _rule_reading(text, scale)


def parse_answer(text: str, scale: str, intent: str | None = None) -> str | None:
    """Map an answer text to an answer id of ``scale`` (or ``dont_know``), else None.

    ``intent`` (the Rasa intent) is only a fallback when the text has no answer signal.
    """
    reading = rule_reading(text, scale)
    if reading.blocked:
        return None
    if reading.answer or not reading.no_signal:
        return reading.answer
    intent = fold(intent or "")
    if intent in ("dont_know", "unsure"):
        return DONT_KNOW
    if scale != "level" and intent in ("affirm", "deny"):
        key = "YES" if intent == "affirm" else "NO"
        return _MAP[scale].get(key)
    return None


def _tentative(scale: str, clauses: list) -> str | None:
    """The answer of a short question that ends the message ("so… rarely?", "teilweise?",
    "maybe good-ish?"): the owner offers it, unsure."""
    if not clauses or clauses[-1].role != "question":
        return None
    last = clauses[-1]
    words = [w for w in last.text.split() if any(ch.isalnum() for ch in w)]
    if not 1 <= len(words) <= 4 or _QUESTION_VERB.match(last.text):
        return None
    answer, _, _ = _clause_reading(scale, _rest_is_negative(last, last.concepts), last)
    return answer


_CONCLUDING = frozenset({"so", "also", "dann", "insgesamt", "overall", "alles"})


def _analyse(text: str, scale: str) -> RuleReading:
    """The clause reading, and an answer the owner closes with as a question ("… so
    partially?", "also eher selten?"): offered, never stored on the rules alone; against
    what the clauses before said, both are offered."""
    seen: list = []
    reading = _analyse_clauses(text, scale, seen)
    tentative = _tentative(scale, seen)
    if tentative is None or tentative == reading.answer:
        return reading
    if reading.answer is None:
        return RuleReading(tentative, None, False, False, False, 0.45, reading.concepts, "weak")
    if seen[-1].words[0] not in _CONCLUDING:
        return reading  # "…, oder nich?", "… I assume yes?": a tag, not a conclusion
    return RuleReading(
        tentative, reading.answer, True, False, False, 0.3, reading.concepts, "contradiction"
    )
