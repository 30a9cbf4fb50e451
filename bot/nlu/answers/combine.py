"""Combining the clause readings of one message into one :class:`RuleReading`.

In order: the owner's own verdict wins (unless a later contrast qualifies it); else a leading
answer qualified only by contrast clauses; else the strongest readings of the main, contrast
and verdict clauses, with part answers, "now" statements and disagreements merged per scale.
The confidence is high only for a single, unopposed signal.
"""

from __future__ import annotations

from typing import Optional

from bot.nlu.answers.clause_patterns import _NOW
from bot.nlu.answers.clauses import Clause
from bot.nlu.answers.hedges import _partial
from bot.nlu.answers.result import RuleReading, _Read
from bot.nlu.answers.scales import (
    DEGREE,
    DONT_KNOW,
    PARTICLE,
    STATEMENT,
    WEAK,
    _merge,
    _polarity,
)


def _combine(
    scale: str,
    clauses: list[Clause],
    readings: list[_Read],
    lead_index: Optional[int],
    tags: tuple[str, ...],
) -> RuleReading:
    distinct = list(dict.fromkeys(r.answer for r in readings))
    conflict = len(distinct) > 1
    short = len(clauses) <= 2

    def result(answer: str, second: Optional[str], confidence: float, how: str) -> RuleReading:
        if second == answer:
            second = None
        if second is None:
            others = [a for a in distinct if a != answer]
            second = others[0] if others else None
        return RuleReading(answer, second, conflict, False, False, confidence, tags, how)

    def disagree(base: str, pool: list[_Read]) -> list[_Read]:
        return [r for r in pool if r.answer != base]

    # 1. the owner's own verdict wins (unless a later contrast qualifies it)
    verdicts = [r for r in readings if r.clause.role == "verdict" and r.strength >= PARTICLE]
    if verdicts:
        verdict = verdicts[-1]
        later = [
            r for r in readings
            if r.index > verdict.index and r.clause.role == "contrast"
            and r.answer != verdict.answer
        ]  # fmt: skip
        if later:
            merged, second = _merge(scale, [verdict.answer, later[0].answer])
            return result(merged, second, 0.65, "verdict+contrast")
        against = [r for r in disagree(verdict.answer, readings) if r.strength >= verdict.strength]
        return result(verdict.answer, None, 0.72 if against else 0.88, "verdict")
    # 2. a leading answer, qualified only by contrast clauses
    lead = next((r for r in readings if lead_index is not None and r.index == lead_index), None)
    if lead is not None and not (scale == "frequency" and lead.answer not in ("never", DONT_KNOW)
                                 and lead.strength == PARTICLE):  # fmt: skip
        rest = [r for r in readings if r.index > lead.index]
        follow = next((r for r in rest if r.index == lead.index + 1), None)
        if (
            follow is not None
            and lead.strength == PARTICLE
            and follow.strength >= DEGREE
            and len(follow.clause.words) <= 4
            and _polarity(scale, lead.answer) >= 0
        ):
            return result(follow.answer, lead.answer, 0.85, "lead+degree")
        contrast = [r for r in rest if r.clause.role == "contrast" and r.answer != lead.answer]
        if lead.answer == DONT_KNOW and not contrast:
            return result(DONT_KNOW, None, 0.9 if short else 0.85, "lead")
        if contrast and scale == "yes_partly_no" and lead.answer == "yes":
            return result("partly", "yes", 0.7, "lead+contrast")
        if contrast and scale == "frequency":
            return result(lead.answer, contrast[0].answer, 0.7, "lead+contrast")
        against = [
            r
            for r in disagree(lead.answer, rest)
            if r.clause.role not in ("concessive", "condition") and r.strength >= PARTICLE
        ]
        if not against:
            return result(lead.answer, None, 0.93 if short else 0.88, "lead")
        return result(lead.answer, against[0].answer, 0.72, "lead")
    # 3. the strongest readings of the main, contrast and verdict clauses
    core = [r for r in readings if r.clause.role in ("main", "contrast", "verdict")]
    if scale == "frequency":
        never = [r for r in core if r.answer == "never" and r.strength >= DEGREE]
        rare = [r for r in core if r.answer == "rarely" and r.strength >= DEGREE]
        if never and rare and not any(r.answer in ("regularly", "always") for r in core):
            return result("rarely", "never", 0.7, "exception")
    pool = core or readings
    top = max(r.strength for r in pool)
    if top == WEAK:
        return result(pool[0].answer, None, 0.4, "weak")
    if not core and all(r.clause.role in ("condition", "concessive") for r in pool):
        # only a condition or a concession carries a signal ("wenn sie nicht weiterweiß")
        return result(pool[0].answer, None, 0.45, "weak")
    now = [
        r for r in pool
        if r.index > 0 and r.strength >= STATEMENT
        and (_NOW.match(r.clause.text) or _NOW.match(r.clause.text.split(" ", 1)[-1]))
        and r.clause.role in ("contrast", "main")
    ]  # fmt: skip
    if now and any(r.answer != now[-1].answer for r in pool if r.index < now[-1].index):
        return result(now[-1].answer, None, 0.72, "now")
    partial = _partial(
        scale,
        [r for r in readings if r.clause.role in ("main", "contrast", "verdict", "concessive")],
    )
    if partial is not None:
        return result(partial[0], partial[1], partial[2], "parts")
    best = [r for r in pool if r.strength == top]
    answers = list(dict.fromkeys(r.answer for r in best))
    weaker = [r for r in pool if r.strength < top and r.answer not in answers]
    contrast_roles = any(r.clause.role == "contrast" for r in best)
    if len(answers) == 1:
        answer = answers[0]
        # a don't-know next to a clear part-answer given first: partly / yes
        if answer == DONT_KNOW:
            positive = [
                r for r in readings
                if r.answer != DONT_KNOW and r.index < best[0].index
                and _polarity(scale, r.answer) >= 0
                and (r.strength >= PARTICLE or r.clause.role == "concessive")
            ]  # fmt: skip
            if positive and scale in ("yes_no", "yes_partly_no"):
                merged, second = _merge(scale, [positive[0].answer, DONT_KNOW])
                return result(merged, second, 0.72, "part+dk")
            return result(DONT_KNOW, None, 0.85 if not weaker else 0.75, "dk")
        contrary = [r for r in weaker if r.strength >= PARTICLE or r.clause.role == "contrast"]
        if top >= DEGREE:
            confidence = 0.9 if not contrary else 0.72
        elif top == PARTICLE:
            confidence = 0.88 if not contrary else 0.68
        else:  # statements only
            confidence = 0.8 if short else 0.66
            if contrary or weaker:
                confidence -= 0.1
        return result(answer, contrary[0].answer if contrary else None, confidence, "clauses")
    # several readings of the same strength disagree
    polarities = {_polarity(scale, a) for a in answers}
    parallel = all(len(r.clause.words) <= 7 for r in best)
    if scale == "level":
        refined = [r for r in best if r.clause.words and r.clause.words[0] == "eher"]
        if refined:
            return result(refined[-1].answer, None, 0.72, "refined")
    if top <= STATEMENT and not contrast_roles and not parallel and scale != "level":
        negative = [a for a in answers if _polarity(scale, a) < 0]
        if negative and scale in ("yes_no", "yes_partly_no"):
            positive = [a for a in answers if a not in negative]
            return result(negative[0], positive[0] if positive else None, 0.55, "negation wins")
    merged, second = _merge(scale, [r.answer for r in best])
    confidence = 0.66 if (contrast_roles or parallel) and len(polarities) > 1 else 0.55
    if scale == "yes_no":
        confidence = 0.5
    return result(merged, second, confidence, "merged")
