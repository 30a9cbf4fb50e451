"""Digital-maturity scoring per the questionnaire rubric.

A dimension's score is ``100 * sum(weight * value) / sum(weight)`` over its answered questions
(``dont_know`` and unanswered questions are left out; no answered question gives ``None``).
The overall score is the dimension-weight mean of the non-null dimension scores. Scores are
computed exactly (fractions) and rounded half up to integers only at the end.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Dict, List, Mapping, Optional, Tuple

from actions.questionnaire import DONT_KNOW, OFFER_LIMIT, SIZE_SMALL_LIMIT, Questionnaire


def round_half_up(value: Fraction) -> int:
    return int((value * 2 + 1) // 2)


def answer_value(questionnaire: Questionnaire, scale: str, answer_id: Any) -> Optional[Fraction]:
    """The score value of an answer, or None when it does not count (dont_know, unknown)."""
    if answer_id is None or answer_id == DONT_KNOW:
        return None
    for answer in questionnaire.scales[scale]:
        if answer.id == answer_id:
            return answer.value
    return None


def exact_dimension_scores(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> Dict[str, Optional[Fraction]]:
    totals: Dict[str, Tuple[Fraction, Fraction]] = {}
    for question in questionnaire.questions:
        value = answer_value(questionnaire, question.scale, answers.get(question.slot))
        if value is None:
            continue
        weighted, weights = totals.get(question.dimension, (Fraction(0), Fraction(0)))
        totals[question.dimension] = (weighted + question.weight * value, weights + question.weight)
    return {
        d.id: (100 * totals[d.id][0] / totals[d.id][1] if d.id in totals else None)
        for d in questionnaire.dimensions
    }


def compute_maturity(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Dict[str, Any]:
    """Returns ``{"overall": int|None, "level": str|None, "dimensions": {id: int|None}}``."""
    exact = exact_dimension_scores(questionnaire, answers)
    weighted = Fraction(0)
    weights = Fraction(0)
    for dimension in questionnaire.dimensions:
        score = exact[dimension.id]
        if score is not None:
            weighted += dimension.weight * score
            weights += dimension.weight
    overall = round_half_up(weighted / weights) if weights else None
    level = questionnaire.level_for(overall)
    return {
        "overall": overall,
        "level": level.id if level else None,
        "dimensions": {
            key: (round_half_up(score) if score is not None else None)
            for key, score in exact.items()
        },
    }


def size_class(employees: Optional[float]) -> Optional[str]:
    if employees is None:
        return None
    if employees < SIZE_SMALL_LIMIT:
        return "1-9"
    if employees < OFFER_LIMIT:
        return "10-49"
    return "50+"


def ranked_dimensions(scores: Mapping[str, Optional[int]]) -> List[Tuple[str, int]]:
    """Scored dimensions from strongest to weakest; ties keep questionnaire order."""
    scored = [(key, value) for key, value in scores.items() if value is not None]
    return sorted(scored, key=lambda item: -item[1])


def strongest_and_weakest(
    scores: Mapping[str, Optional[int]], count: int = 2
) -> Tuple[List[Tuple[str, int]], List[Tuple[str, int]]]:
    """Up to ``count`` strongest and weakest dimensions, never listing one dimension twice."""
    ranked = ranked_dimensions(scores)
    strong_count = min(count, len(ranked) // 2 if len(ranked) < 2 * count else count)
    strongest = ranked[:strong_count]
    rest = ranked[strong_count:]
    weakest = list(reversed(rest))[:count]
    return strongest, weakest
