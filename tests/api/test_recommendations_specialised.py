"""Specialised offerings (``on_wish_only``): a grant for AI products or for hiring a graduate
is recommended only for an owner's wish it lists, never because a score is weak (black-box
chats: a snack bar was sent to a graduate-hiring grant, a salon to an AI-product grant)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.core.codes import QN
from api.services.catalogue import get_catalogue
from contract.catalogue_validation import CatalogueError, parse_offerings
from tests.api.helpers import offering
from tests.api.recommendation_helpers import NEEDS, ids, run, scores

SPECIALISED = ("mid_assistent", "mid_digitalisierung")


def test_a_specialised_offering_is_never_picked_for_a_weak_score() -> None:
    offers = [
        offering("graduate", ["strategy", "skills"], needs=("ki",), on_wish_only=True),
        offering("coach", ["strategy"]),
        offering("course", ["skills"], kind="weiterbildung"),
    ]
    weak = scores(strategy=0, skills=0, tools=100)
    assert "graduate" not in ids(run(offers, weak, limit=3))
    # not as a broad first step either, when no score is known
    assert "graduate" not in ids(run(offers, scores(), limit=3))
    # only a wish it lists brings it; a dimension's wish does not
    assert ids(run(offers, weak, need="ki"))[0] == "graduate"
    assert "graduate" not in ids(run(offers, weak, need="strategy"))


def test_the_catalogue_refuses_a_non_boolean_on_wish_only() -> None:
    raw = {
        "offerings": [
            {
                "id": "x",
                "title": "Ein Angebot",
                "provider": "Anbieter",
                "kind": "beratung",
                "dimensions": ["strategy"],
                "cost": "kostenfrei",
                "url": "https://example.org",
                "summary": "Eine kurze Beschreibung.",
                "status": "open",
                "last_checked": "2026-11-25",
                "on_wish_only": "ja",
            }
        ]
    }
    with pytest.raises(CatalogueError, match="on_wish_only must be true or false"):
        parse_offerings(raw, QN, NEEDS)


def test_the_real_catalogue_marks_the_specialised_grants() -> None:
    catalogue = get_catalogue()
    for oid in SPECIALISED:
        assert catalogue.by_id[oid].on_wish_only
    assert sum(o.on_wish_only for o in catalogue.offerings) == len(SPECIALISED)


@pytest.mark.parametrize("sector", ["gastronomie", "handwerk", "handel", "gesundheit"])
def test_real_catalogue_weak_firms_get_no_specialised_grant(client: TestClient, sector) -> None:
    body = {
        "profile": {"employees": 4, "sector": sector, "municipality": "hilden"},
        "scores": {d.id: 10 for d in QN.dimensions},
        "limit": 10,
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert recs and not {r["id"] for r in recs} & set(SPECIALISED)
    listed = client.get("/api/offerings").json()
    items = listed if isinstance(listed, list) else listed["offerings"]
    flags = {o["id"]: o["on_wish_only"] for o in items}
    assert all(flags[oid] for oid in SPECIALISED)


def test_real_catalogue_a_funding_wish_may_name_them(client: TestClient) -> None:
    body = {
        "profile": {"employees": 8, "sector": "it_medien", "municipality": "ratingen"},
        "scores": {d.id: 60 for d in QN.dimensions},
        "need": "ki",
        "limit": 10,
    }
    recs = client.post("/api/recommendations", json=body).json()["recommendations"]
    assert "mid_digitalisierung" in {r["id"] for r in recs if r["matches_need"]}


def test_a_reason_never_names_a_good_answer() -> None:
    """Third black-box round: „Gut“ was named as a reason to recommend a security offering."""
    from api.services.recommendations import answers_clause

    answers = {"skills_level": "good", "skills_training": "rarely", "skills_phishing": "no"}
    clause = answers_clause(QN, "skills", answers)
    assert "„Gut“" not in clause
    assert "„Nein“" in clause and "„Selten“" in clause
    assert answers_clause(QN, "skills", {"skills_level": "good"}) == ""


def test_a_specialised_grant_comes_after_the_general_offers_for_the_wish() -> None:
    """Fourth round: a gym asking for funding got the graduate-hiring grant as #1."""
    offers = [
        offering("graduate", ["skills"], needs=("ki",), on_wish_only=True),
        offering("general", ["strategy"], needs=("ki",)),
    ]
    assert ids(run(offers, scores(strategy=50, skills=10), need="ki"))[:2] == [
        "general",
        "graduate",
    ]
