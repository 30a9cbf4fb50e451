from __future__ import annotations

import itertools
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.core.codes import DIMENSIONS, MUNICIPALITIES, SECTORS
from api.services.catalogue import get_catalogue
from api.services.recommendations import KIND_ORDER, REASON_NO_SCORES, rank
from contract.catalogue import Catalogue, Eligibility, Offering
from contract.codes import OFFERING_KINDS
from contract.questionnaire import Need, Needs
from tests.api.conftest import row_counts

NEEDS = Needs(tuple(Need(code=d, title=d, dimension=d) for d in DIMENSIONS))


def offering(oid: str, dims: list[str], kind: str = "beratung", status: str = "open", **elig):
    return Offering(
        id=oid,
        title=f"Angebot {oid}",
        provider="Anbieter",
        kind=kind,
        dimensions=tuple(dims),
        eligibility=Eligibility(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in elig.items()}
        ),
        cost="kostenfrei",
        url="https://example.org",
        summary="Eine kurze Beschreibung.",
        status=status,
        last_checked=date(2026, 11, 25),
    )


def scores(**given: int | None) -> dict[str, int | None]:
    return {d: given.get(d) for d in DIMENSIONS}


def ids(result) -> list[str]:
    return [o.id for o, _ in result]


def run(offerings, sc, employees=5, sector="handel", municipality="hilden", limit=3):
    return rank(Catalogue(tuple(offerings), NEEDS), employees, sector, municipality, sc, limit)


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
        result[0][1]
        == "Empfohlen, weil Ihr Wert bei IT-Sicherheit und Datenschutz 20 von 100 beträgt."
    )
    assert "Online-Präsenz und Kundenkontakt 45 von 100" in result[1][1]


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
    assert all(reason == REASON_NO_SCORES for _, reason in result)


def test_api_response_shape_and_determinism(client: TestClient) -> None:
    body = {
        "profile": {"employees": 8, "sector": "handwerk", "municipality": "hilden"},
        "scores": {d: 60 for d in DIMENSIONS} | {"security": 25},
    }
    first = client.post("/api/recommendations", json=body)
    assert first.status_code == 200
    recs = first.json()["recommendations"]
    assert len(recs) == 3
    assert set(recs[0]) == {"id", "title", "provider", "kind", "url", "summary", "cost", "reason"}
    assert "IT-Sicherheit und Datenschutz 25 von 100" in recs[0]["reason"]
    assert client.post("/api/recommendations", json=body).json() == first.json()
    assert row_counts()["assessments"] == 0  # recommending stores nothing


def test_api_all_null_scores_and_limit(client: TestClient) -> None:
    body = {
        "profile": {"employees": 3, "sector": "gastronomie", "municipality": "andere"},
        "scores": {d: None for d in DIMENSIONS},
        "limit": 5,
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert len(recs) == 5
    assert all(r["reason"] == REASON_NO_SCORES for r in recs)


@pytest.mark.parametrize(
    "body",
    [
        {"profile": {"employees": 0, "sector": "handel", "municipality": "hilden"}, "scores": {}},
        {"profile": {"employees": 5, "sector": "bank", "municipality": "hilden"}, "scores": {}},
        {"profile": {"employees": 5, "sector": "handel", "municipality": "koeln"}, "scores": {}},
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {"x": 1},
        },
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {"tools": 101},
        },
        {
            "profile": {"employees": 5, "sector": "handel", "municipality": "hilden"},
            "scores": {},
            "limit": 11,
        },
        {
            "profile": {
                "employees": 5,
                "sector": "handel",
                "municipality": "hilden",
                "name": "Max",
            },
            "scores": {},
        },
    ],
)
def test_api_rejects_invalid_requests(client: TestClient, body: dict) -> None:
    response = client.post("/api/recommendations", json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_real_catalogue_only_open_and_eligible(client: TestClient) -> None:
    cat = get_catalogue()
    not_open = {o.id for o in cat.offerings if o.status != "open"}
    for sector, municipality, employees in itertools.product(
        SECTORS, MUNICIPALITIES, (1, 49, 51, 500)
    ):
        body = {
            "profile": {"employees": employees, "sector": sector, "municipality": municipality},
            "scores": {"security": 10, "online": 30, "skills": 50},
            "limit": 10,
        }
        recs = client.post("/api/recommendations", json=body).json()["recommendations"]
        assert recs, (sector, municipality, employees)
        for rec in recs:
            assert rec["id"] not in not_open
            assert cat.by_id[rec["id"]].eligibility.allows(employees, sector, municipality)


def test_large_firm_gets_offerings_without_size_limit(client: TestClient) -> None:
    body = {
        "profile": {"employees": 120, "sector": "handel", "municipality": "ratingen"},
        "scores": {d: 40 for d in DIMENSIONS},
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert len(recs) == 3
    cat = get_catalogue()
    assert "cyberrisikocheck" not in {r["id"] for r in recs}
    assert all((cat.by_id[r["id"]].eligibility.max_employees or 10**9) >= 120 for r in recs)
