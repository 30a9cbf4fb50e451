"""Digital-maturity scoring: the one formula every layer uses.

A dimension's score is ``100 * sum(weight * value) / sum(weight)`` over its answered questions
(``dont_know`` and unanswered questions are left out; no answered question gives ``None``).
The overall score is the dimension-weight mean of the EXACT (unrounded) dimension scores.
Everything is computed with fractions and rounded half up to integers only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Dict, List, Mapping, Optional, Tuple

from contract.questionnaire import DONT_KNOW, Questionnaire


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


@dataclass(frozen=True)
class Maturity:
    overall: Optional[int]
    level: Optional[str]
    dimensions: Dict[str, Optional[int]]

    def as_dict(self) -> Dict[str, Any]:
        """The ``maturity`` slot's shape: ``{"overall", "level", "dimensions"}``."""
        return {"overall": self.overall, "level": self.level, "dimensions": dict(self.dimensions)}


def maturity_of(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Maturity:
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
    return Maturity(
        overall=overall,
        level=level.id if level else None,
        dimensions={
            key: (round_half_up(score) if score is not None else None)
            for key, score in exact.items()
        },
    )


def compute_maturity(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Dict[str, Any]:
    """Returns ``{"overall": int|None, "level": str|None, "dimensions": {id: int|None}}``."""
    return maturity_of(questionnaire, answers).as_dict()


def weak_dimensions(questionnaire: Questionnaire, scores: Mapping[str, Optional[int]]) -> List[str]:
    """Dimensions scoring below the questionnaire's ``weak_below`` threshold."""
    return [
        d.id
        for d in questionnaire.dimensions
        if scores.get(d.id) is not None and scores[d.id] < questionnaire.weak_below
    ]


def needs_of(
    questionnaire: Questionnaire, scores: Mapping[str, Optional[int]], named: Optional[str]
) -> List[str]:
    """Need codes of an assessment: the weak dimensions plus the named topic (if any)."""
    needs = list(weak_dimensions(questionnaire, scores))
    if named and named != "none" and named not in needs:
        needs.append(named)
    return needs


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
