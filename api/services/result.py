"""The owner's result as the printable page and the radar chart show it.

Scores are computed with :mod:`contract.scoring`, exactly as in the chat, from the answers
carried in the link: ``a`` is the comma-separated answer ids in the questionnaire's question
order, one entry per question (an empty entry = not answered), e.g. ``a=yes,partly,,dont_know,…``.
Old links carry rounded dimension scores instead (``strategy=62&tools=40…``); they are still
shown, with the overall score computed from those rounded values (it can differ by one point
from the chat's). When ``a`` is given it wins. Peer means (``peer_<dim>``) and an earlier
assessment (``prev_<dim>``) are carried as given. Nothing personal goes in or out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Annotated, Any
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, create_model

from api.core.codes import DIMENSIONS, QN
from api.services.catalogue import get_catalogue
from contract.scoring import compute_maturity, round_half_up

MAX_RECOMMENDED = 5
OFFERING_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
Score = Annotated[int | None, Field(ge=0, le=100)]


class _QueryBase(BaseModel):
    # Links may carry unrelated parameters (e.g. from a newsletter): ignored, never shown.
    model_config = ConfigDict(extra="ignore")

    a: Annotated[str | None, Field(max_length=1000, pattern=r"^[a-z_,]*$")] = None


# Query parameters of the result page and the chart: a, <dim>, peer_<dim>, prev_<dim>.
ScoreQuery: type[_QueryBase] = create_model(
    "ScoreQuery",
    __base__=_QueryBase,
    **{d: (Score, None) for d in DIMENSIONS},
    **{f"peer_{d}": (Score, None) for d in DIMENSIONS},
    **{f"prev_{d}": (Score, None) for d in DIMENSIONS},
)


class AnswersError(ValueError):
    """The ``a`` parameter does not fit the questionnaire."""


@dataclass(frozen=True)
class ScoreSet:
    dimensions: dict[str, int | None]
    overall: int | None
    level: str | None
    exact: bool  # True: computed from the answers exactly as in the chat
    answers: str | None = None
    peer: dict[str, int | None] = field(default_factory=dict)
    prev: dict[str, int | None] = field(default_factory=dict)

    @property
    def level_title(self) -> str | None:
        level = next((lv for lv in QN.levels if lv.id == self.level), None)
        return level.title if level else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "level": self.level,
            "level_title": self.level_title,
            "dimensions": dict(self.dimensions),
            "exact": self.exact,
            "peer": dict(self.peer),
            "prev": dict(self.prev),
        }


def parse_answers(value: str) -> dict[str, str]:
    """``a`` → {question slot: answer id}; one entry per question, in questionnaire order."""
    entries = value.split(",")
    if len(entries) != len(QN.questions):
        raise AnswersError(
            f"a must have {len(QN.questions)} comma-separated entries (one per question, "
            f"empty = not answered), got {len(entries)}"
        )
    answers = {}
    for question, entry in zip(QN.questions, entries, strict=True):
        if not entry:
            continue
        if entry not in QN.answer_ids(question.scale):
            allowed = ", ".join(QN.answer_ids(question.scale))
            raise AnswersError(f"a: {entry!r} is not an answer to {question.slot} ({allowed})")
        answers[question.slot] = entry
    return answers


def answers_param(answers: dict[str, str | None]) -> str:
    """The ``a`` parameter for a set of answers (the inverse of :func:`parse_answers`)."""
    return ",".join(answers.get(q.slot) or "" for q in QN.questions)


def legacy_overall(scores: dict[str, int | None]) -> int | None:
    """Old links: dimension-weight mean of the given (rounded) scores, rounded half up."""
    known = [(QN.dimension(d).weight, Fraction(v)) for d, v in scores.items() if v is not None]
    weights = sum((w for w, _ in known), Fraction(0))
    if not weights:
        return None
    return round_half_up(sum((w * v for w, v in known), Fraction(0)) / weights)


def resolve(query: _QueryBase) -> ScoreSet:
    """The scores a link describes. Raises :class:`AnswersError` for a malformed ``a``."""
    values = query.model_dump()
    peer = {d: values[f"peer_{d}"] for d in DIMENSIONS}
    prev = {d: values[f"prev_{d}"] for d in DIMENSIONS}
    if query.a is not None:
        answers = parse_answers(query.a)
        maturity = compute_maturity(QN, answers)
        return ScoreSet(
            dimensions=maturity["dimensions"],
            overall=maturity["overall"],
            level=maturity["level"],
            exact=True,
            answers=answers_param(answers),
            peer=peer,
            prev=prev,
        )
    dims = {d: values[d] for d in DIMENSIONS}
    overall = legacy_overall(dims)
    level = QN.level_for(overall)
    return ScoreSet(dims, overall, level.id if level else None, False, None, peer, prev)


def chart_query(scores: ScoreSet) -> str:
    """Query string of the radar chart for the same scores (the answers when known)."""
    params: dict[str, Any] = {}
    if scores.exact:
        params["a"] = scores.answers
    else:
        params |= {d: v for d, v in scores.dimensions.items() if v is not None}
    params |= {f"peer_{d}": v for d, v in scores.peer.items() if v is not None}
    params |= {f"prev_{d}": v for d, v in scores.prev.items() if v is not None}
    return urlencode(params, safe=",")


def german_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def recommended_offerings(value: str) -> list[dict[str, str]]:
    """The catalogue entries for the comma-separated ids (unknown and closed ones skipped)."""
    catalogue = get_catalogue()
    seen: list[str] = []
    for raw in value.split(","):
        offering_id = raw.strip()
        if OFFERING_ID.match(offering_id) and offering_id not in seen:
            seen.append(offering_id)
    offerings = [catalogue.by_id[i] for i in seen if i in catalogue.by_id]
    offerings = [o for o in offerings if o.status != "closed"][:MAX_RECOMMENDED]
    return [
        {
            "title": o.title,
            "provider": o.provider,
            "kind": o.kind_title,
            "summary": o.summary,
            "cost": o.cost,
            "cost_title": o.cost_title,
            "url": o.url,
        }
        for o in offerings
    ]


def result_rows(scores: ScoreSet) -> list[dict[str, Any]]:
    return [
        {
            "id": d.id,
            "title": d.title,
            "score": scores.dimensions[d.id],
            "peer": scores.peer.get(d.id),
            "prev": scores.prev.get(d.id),
        }
        for d in QN.dimensions
    ]


__all__ = ["AnswersError", "ScoreQuery", "ScoreSet", "chart_query", "resolve"]
