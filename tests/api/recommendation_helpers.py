"""Helpers for the recommendation tests: a catalogue built in place, ranked like the API does."""

from __future__ import annotations

from api.core.codes import DIMENSIONS
from api.services.recommendations import rank
from contract.catalogue import Catalogue
from contract.questionnaire import Need, Needs

NEEDS = Needs(
    tuple(Need(code=d, title=d, dimension=d) for d in DIMENSIONS)
    + (Need("ki", "Künstliche Intelligenz"), Need("weiterbildung", "Weiterbildung im Team"))
)


def scores(**given: int | None) -> dict[str, int | None]:
    return {d: given.get(d) for d in DIMENSIONS}


def ids(result) -> list[str]:
    return [pick.offering.id for pick in result]


def run(
    offerings,
    sc,
    employees=5,
    sector="handel",
    municipality="hilden",
    limit=3,
    need=None,
    answers=None,
):
    catalogue = Catalogue(tuple(offerings), NEEDS)
    return rank(catalogue, employees, sector, municipality, sc, limit, need=need, answers=answers)
