"""Ranking rules of the recommendations: weakest dimension first, diversity, tie-breaks,
eligibility and offerings that are not open."""

from __future__ import annotations

from api.core.codes import DIMENSIONS
from api.services.recommendations import KIND_ORDER, REASON_NO_SCORES
from contract.codes import OFFERING_KINDS
from tests.api.helpers import offering
from tests.api.recommendation_helpers import ids, run, scores


def test_tie_break_order_covers_exactly_the_contract_kinds() -> None:
    assert set(KIND_ORDER) == set(OFFERING_KINDS)


def test_weakest_dimension_dominates() -> None:
    offers = [
        offering("broad", list(DIMENSIONS)),
        offering("sec", ["security"]),
        offering("online", ["online"]),
    ]
    result = run(offers, scores(security=20, online=45, strategy=80, tools=80), limit=3)
    assert ids(result) == ["sec", "online", "broad"]
    assert (
        result[0].reason
        == "Empfohlen, weil Ihr Wert bei IT-Sicherheit und Datenschutz 20 von 100 beträgt."
    )
    assert "Online-Präsenz und Kundenkontakt 45 von 100" in result[1].reason


def test_focused_beats_broad_and_picks_diversify() -> None:
    offers = [
        offering("a_sec", ["security"]),
        offering("b_sec", ["security"]),
        offering("c_skills", ["skills"]),
    ]
    # security 30 -> weight 4900, skills 35 -> 4225: after one security pick (4900 -> 2450),
    # skills comes next, then the second security offering.
    result = run(offers, scores(security=30, skills=35))
    assert ids(result) == ["a_sec", "c_skills", "b_sec"]


def test_ties_break_by_kind_then_id() -> None:
    offers = [
        offering("zeta", ["tools"], kind="beratung"),
        offering("alpha", ["tools"], kind="veranstaltung"),
        offering("beta", ["tools"], kind="beratung"),
    ]
    result = run(offers, scores(tools=50), limit=3)
    assert ids(result) == ["beta", "zeta", "alpha"]
    assert ids(run(list(reversed(offers)), scores(tools=50))) == ids(result)


def test_eligibility_filters() -> None:
    offers = [
        offering("small_only", ["security"], max_employees=9),
        offering("craft_only", ["security"], sectors=["handwerk"]),
        offering("mettmann_only", ["security"], municipalities=["mettmann"]),
        offering("anyone", ["security"], kind="veranstaltung"),
    ]
    sc = scores(security=10)
    assert ids(
        run(offers, sc, employees=9, sector="handwerk", municipality="mettmann", limit=5)
    ) == [
        "craft_only",
        "mettmann_only",
        "small_only",
        "anyone",
    ]
    assert ids(run(offers, sc, employees=10, sector="handel", municipality="hilden", limit=5)) == [
        "anyone"
    ]


def test_closed_and_paused_never_recommended() -> None:
    offers = [
        offering("closed", ["security"], status="closed"),
        offering("paused", ["security"], status="paused"),
        offering("open", ["tools"]),
    ]
    assert ids(run(offers, scores(security=0, tools=99), limit=10)) == ["open"]


def test_all_scores_null_gives_broad_first_steps() -> None:
    offers = [offering("narrow", ["tools"]), offering("broad", ["tools", "skills", "online"])]
    result = run(offers, scores(), limit=2)
    assert ids(result) == ["broad", "narrow"]
    assert all(pick.reason == REASON_NO_SCORES for pick in result)
