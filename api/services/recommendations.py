"""Ranking of catalogue offerings for one firm.

Rules (deterministic):
1. Candidates are offerings with status ``open`` whose eligibility allows the firm (employees <=
   max_employees, sector and municipality in the lists when given). ``paused`` offerings (status
   unverified or temporarily suspended) and ``closed`` ones are never recommended.
2. Each answered dimension d gets the weight (100 - score_d)²; squaring lets the weakest dimension
   dominate. Unanswered (null) dimensions are ignored.
3. An offering's relevance is the mean weight over those of its dimensions that were answered, so
   a focused offering for the weakest dimension beats a broad one that also covers strong areas.
4. Picks are greedy: after each pick the weight of the dimension it was chosen for is halved, so
   later picks move on to the next weak dimension when the gap is small.
5. Ties: relevance, then kind (beratung, foerderung, weiterbildung, werkzeug, veranstaltung),
   then id.
6. If fewer offerings have a positive relevance than requested (e.g. all scores null or 100),
   the rest is filled with broad first-step offerings (most dimensions first, same tie-break).
"""

from __future__ import annotations

from api.core.codes import DIMENSIONS, QN
from contract.catalogue import Catalogue, Offering

DISCOUNT = 0.5
KIND_ORDER = {"beratung": 0, "foerderung": 1, "weiterbildung": 2, "werkzeug": 3, "veranstaltung": 4}
REASON_SCORE = "Empfohlen, weil Ihr Wert bei {title} {score} von 100 beträgt."
REASON_NO_SCORES = "Empfohlen als allgemeiner erster Schritt, weil noch keine Bewertung vorliegt."
REASON_GENERAL = "Empfohlen als allgemeiner Einstieg in die Digitalisierung Ihres Betriebs."


def eligible_offerings(
    catalogue: Catalogue, employees: int, sector: str, municipality: str
) -> list[Offering]:
    return [
        o
        for o in catalogue.offerings
        if o.recommendable and o.eligibility.allows(employees, sector, municipality)
    ]


def _relevance(offering: Offering, weights: dict[str, float]) -> float:
    known = [weights[d] for d in offering.dimensions if d in weights]
    return sum(known) / len(known) if known else 0.0


def _tie_key(offering: Offering) -> tuple[int, str]:
    return KIND_ORDER[offering.kind], offering.id


def rank(
    catalogue: Catalogue,
    employees: int,
    sector: str,
    municipality: str,
    scores: dict[str, int | None],
    limit: int,
) -> list[tuple[Offering, str]]:
    """Top `limit` offerings with a German one-sentence reason each."""
    remaining = eligible_offerings(catalogue, employees, sector, municipality)
    weights = {d: float((100 - s) ** 2) for d, s in scores.items() if s is not None}
    picked: list[tuple[Offering, str]] = []

    while remaining and len(picked) < limit:
        best = min(remaining, key=lambda o: (-_relevance(o, weights), *_tie_key(o)))
        if _relevance(best, weights) <= 0:
            break
        answered = [d for d in best.dimensions if d in weights]
        primary = max(answered, key=lambda d: (weights[d], -DIMENSIONS.index(d)))
        title = QN.dimension_titles[primary]
        reason = REASON_SCORE.format(title=title, score=scores[primary])
        picked.append((best, reason))
        remaining.remove(best)
        weights[primary] *= DISCOUNT

    if len(picked) < limit:
        general = (
            REASON_GENERAL if any(s is not None for s in scores.values()) else REASON_NO_SCORES
        )
        broad = sorted(remaining, key=lambda o: (-len(o.dimensions), *_tie_key(o)))
        picked.extend((o, general) for o in broad[: limit - len(picked)])
    return picked
