"""Ranking of catalogue offerings for one firm.

Rules (deterministic):
1. Candidates are offerings with status ``open`` whose eligibility allows the firm: employees <=
   max_employees, sector, town and the town's region (``questionnaire.region_of``) in the lists
   when given. ``paused`` offerings (status unverified or temporarily suspended) and ``closed``
   ones are never recommended.
2. Offerings for individuals (``audience: personen``, e.g. an employee's own training grant)
   are never recommended for the firm's weak dimensions. They appear only when they serve the
   owner's closing wish, after every firm offering for that wish, and their reason starts with
   "Für Einzelpersonen, nicht für den Betrieb". Specialised offerings (``on_wish_only``, e.g.
   a grant for AI products or for hiring a graduate) likewise appear only for a wish among
   their ``needs``.
3. The closing wish (``need``) first: offerings that serve it (its code in ``needs``, or for a
   dimension's need code the dimension) are ranked by how central the wish is to them (its
   position in ``needs``: main topic first), then by fewer topics, then by relevance (4.), kind
   and id. At most ``limit - 1`` of them are taken (all ``limit`` when no other offering is
   relevant), so the weakest dimension keeps a place; they are listed first.
4. Each answered dimension d gets the weight (100 - score_d)²; squaring lets the weakest dimension
   dominate. Unanswered (null) dimensions are ignored. An offering's relevance is the mean weight
   over those of its dimensions that were answered, so a focused offering for the weakest
   dimension beats a broad one that also covers strong areas.
5. Picks are greedy: after each pick the weight of the dimension it was chosen for is halved, so
   later picks move on to the next weak dimension when the gap is small.
6. Ties: relevance, then kind (beratung, foerderung, weiterbildung, werkzeug, veranstaltung),
   then id.
7. If fewer offerings have a positive relevance than requested (e.g. all scores null or 100),
   the rest is filled with the remaining offerings for the wish, then broad first-step offerings
   (most dimensions first, same tie-break).

Reasons name what the owner said: the wish ("Passt zu Ihrem Wunsch „Künstliche Intelligenz“."),
the dimension's score, and, when the answers are given, up to two answers that pulled it down
("Sie haben bei „Datensicherung“ „Nie“ und bei „Updates und Virenschutz“ „Nein“ angegeben.").
Short titles and answer labels come from the questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from api.core.codes import DIMENSIONS, QN
from contract.catalogue import Catalogue, Offering
from contract.questionnaire import NO_NEED, Questionnaire
from contract.scoring import answer_value

DISCOUNT = 0.5
KIND_ORDER = {"beratung": 0, "foerderung": 1, "weiterbildung": 2, "werkzeug": 3, "veranstaltung": 4}
REASON_SCORE = "Empfohlen, weil Ihr Wert bei {title} {score} von 100 beträgt."
REASON_WISH = "Passt zu Ihrem Wunsch „{wish}“."
REASON_WISH_SCORE = " Auch Ihr Wert bei {title} ({score} von 100) spricht dafür."
REASON_PERSONAL = (
    "Für Einzelpersonen, nicht für den Betrieb: passt zu Ihrem Wunsch „{wish}“; Ihre "
    "Beschäftigten können es für sich selbst beantragen."
)
REASON_NO_SCORES = "Empfohlen als allgemeiner erster Schritt, weil noch keine Bewertung vorliegt."
REASON_GENERAL = "Empfohlen als allgemeiner Einstieg in die Digitalisierung Ihres Betriebs."
MAX_NAMED_ANSWERS = 2


class Pick(NamedTuple):
    offering: Offering
    reason: str
    matches_need: bool


def eligible_offerings(
    catalogue: Catalogue,
    employees: int,
    sector: str,
    municipality: str,
    questionnaire: Questionnaire = QN,
) -> list[Offering]:
    region = questionnaire.region_of(municipality)
    return [
        o
        for o in catalogue.offerings
        if o.recommendable and o.eligibility.allows(employees, sector, municipality, region)
    ]


def _relevance(offering: Offering, weights: dict[str, float]) -> float:
    known = [weights[d] for d in offering.dimensions if d in weights]
    return sum(known) / len(known) if known else 0.0


def _tie_key(offering: Offering) -> tuple[int, str]:
    return KIND_ORDER[offering.kind], offering.id


def _primary(offering: Offering, weights: dict[str, float]) -> str | None:
    answered = [d for d in offering.dimensions if d in weights]
    if not answered:
        return None
    return max(answered, key=lambda d: (weights[d], -DIMENSIONS.index(d)))


def answers_clause(
    questionnaire: Questionnaire, dimension: str, answers: Mapping[str, str] | None
) -> str:
    """' Sie haben bei „A“ „Nie“ und bei „B“ „Nein“ angegeben.' for the answers of the dimension
    that scored lowest (weak answers only: worth less than ``strong_from``, so „Gut“ or
    „Regelmäßig“ is never a reason for help; "Weiß nicht" is not named), or ''."""
    if not answers:
        return ""
    low = []
    weak = Fraction(questionnaire.strong_from, 100)
    for order, question in enumerate(questionnaire.questions_of(dimension)):
        answer = answers.get(question.slot)
        value = answer_value(questionnaire, question.scale, answer)
        if value is not None and value < weak:
            low.append((value, order, question, answer))
    if not low:
        return ""
    low.sort(key=lambda item: item[:2])
    parts = [
        f"bei „{q.short}“ „{questionnaire.answer_label(q.scale, a)}“"
        for _, _, q, a in low[:MAX_NAMED_ANSWERS]
    ]
    return f" Sie haben {' und '.join(parts)} angegeben."


class _Ranking:
    def __init__(
        self,
        catalogue: Catalogue,
        scores: Mapping[str, int | None],
        wish: str | None,
        answers: Mapping[str, str] | None,
        questionnaire: Questionnaire,
    ) -> None:
        self.catalogue = catalogue
        self.scores = scores
        self.wish = wish
        self.answers = answers
        self.qn = questionnaire
        self.weights = {d: float((100 - s) ** 2) for d, s in scores.items() if s is not None}
        self.picks: list[Pick] = []

    def matches(self, offering: Offering) -> bool:
        return self.wish is not None and self.catalogue.serves(offering, self.wish)

    def _dimension_reason(self, dimension: str) -> str:
        title = self.qn.dimension_titles[dimension]
        reason = REASON_SCORE.format(title=title, score=self.scores[dimension])
        return reason + answers_clause(self.qn, dimension, self.answers)

    def _wish_reason(self, offering: Offering, dimension: str | None) -> str:
        wish_title = self.catalogue.need_titles.get(self.wish or "", self.wish or "")
        if not offering.for_firms:
            return REASON_PERSONAL.format(wish=wish_title)
        reason = REASON_WISH.format(wish=wish_title)
        score = self.scores.get(dimension) if dimension else None
        if dimension and score is not None and score < self.qn.weak_below:
            title = self.qn.dimension_titles[dimension]
            reason += REASON_WISH_SCORE.format(title=title, score=score)
            reason += answers_clause(self.qn, dimension, self.answers)
        return reason

    def take(self, offering: Offering, reason: str | None = None) -> None:
        primary = _primary(offering, self.weights)
        matches = self.matches(offering)
        if reason is None:
            reason = (
                self._wish_reason(offering, primary) if matches else self._dimension_reason(primary)  # type: ignore[arg-type]
            )
        self.picks.append(Pick(offering, reason, matches))
        if primary is not None:
            self.weights[primary] *= DISCOUNT

    def wish_order(self, offering: Offering) -> tuple:
        topics = offering.needs
        position = topics.index(self.wish) if self.wish in topics else len(topics)
        return (
            not offering.for_firms,
            offering.on_wish_only,  # a specialised grant after the general offers for the wish
            position,
            len(topics),
            -_relevance(offering, self.weights),
            *_tie_key(offering),
        )


def rank(
    catalogue: Catalogue,
    employees: int,
    sector: str,
    municipality: str,
    scores: Mapping[str, int | None],
    limit: int,
    need: str | None = None,
    answers: Mapping[str, str] | None = None,
    questionnaire: Questionnaire = QN,
) -> list[Pick]:
    """Top `limit` offerings, each with a German reason and whether it serves the wish."""
    wish = need if need and need != NO_NEED else None
    ranking = _Ranking(catalogue, scores, wish, answers, questionnaire)
    candidates = eligible_offerings(catalogue, employees, sector, municipality, questionnaire)
    for_wish = sorted((o for o in candidates if ranking.matches(o)), key=ranking.wish_order)
    # Offerings for individuals serve only the wish, never the firm's weak dimensions.
    # Specialised offerings (``on_wish_only``) likewise serve only a wish they list.
    others = [o for o in candidates if o.for_firms and not o.on_wish_only and o not in for_wish]

    relevant_others = any(_relevance(o, ranking.weights) > 0 for o in others)
    cap = max(1, limit - 1) if relevant_others else limit
    for offering in for_wish[:cap]:
        ranking.take(offering)
    remaining_wish = for_wish[cap:]

    while others and len(ranking.picks) < limit:
        best = min(others, key=lambda o: (-_relevance(o, ranking.weights), *_tie_key(o)))
        if _relevance(best, ranking.weights) <= 0:
            break
        ranking.take(best)
        others.remove(best)

    for offering in remaining_wish[: limit - len(ranking.picks)]:
        ranking.take(offering)
    if len(ranking.picks) < limit:
        general = (
            REASON_GENERAL if any(s is not None for s in scores.values()) else REASON_NO_SCORES
        )
        broad = sorted(others, key=lambda o: (-len(o.dimensions), *_tie_key(o)))
        for offering in broad[: limit - len(ranking.picks)]:
            ranking.take(offering, general)
    # Offerings for the wish first (a later fill keeps its order among them).
    return sorted(ranking.picks, key=lambda p: not p.matches_need)
