"""Issue 10.3: offers that fit what the owner said – the closing wish, the answers behind a
reason, regions and offerings for individuals."""

from __future__ import annotations

import itertools

import pytest
from fastapi.testclient import TestClient

from api.core.codes import MUNICIPALITIES, NEED_CODES, QN
from api.services.catalogue import get_catalogue
from contract.scoring import compute_maturity
from tests.api.helpers import offering
from tests.api.recommendation_helpers import ids, run, scores

SECURITY_WEAK = {
    q.slot: {"yes_no": "yes", "yes_partly_no": "yes", "frequency": "always", "level": "expert"}[
        q.scale
    ]
    for q in QN.questions
} | {"security_backup": "never", "security_updates": "no", "security_passwords": "dont_know"}


def test_the_closing_wish_moves_a_matching_offering_into_the_top_three() -> None:
    offers = [
        offering("sec_a", ["security"]),
        offering("sec_b", ["security"]),
        offering("sec_c", ["security", "skills"]),
        offering("ki_intro", ["strategy", "skills"], kind="weiterbildung", needs=("ki",)),
    ]
    sc = scores(security=20, strategy=90, skills=90)
    without = run(offers, sc)
    assert "ki_intro" not in ids(without)
    with_wish = run(offers, sc, need="ki")
    assert ids(with_wish)[0] == "ki_intro"
    assert with_wish[0].matches_need is True
    assert with_wish[0].reason.startswith("Passt zu Ihrem Wunsch „Künstliche Intelligenz“")
    # the weakest dimension keeps its place next to the wish
    assert "sec_a" in ids(with_wish) and not with_wish[1].matches_need
    assert ids(run(offers, sc, need="none")) == ids(without)


def test_wish_matches_are_listed_first_but_leave_room_for_the_weakest_dimension() -> None:
    offers = [
        offering("sec", ["security"]),
        *(offering(f"ki_{i}", ["strategy"], needs=("ki",)) for i in range(4)),
    ]
    result = run(offers, scores(security=10, strategy=80), need="ki")
    assert [p.matches_need for p in result] == [True, True, False]
    assert ids(result)[2] == "sec"
    # nothing else relevant: the wish fills every place
    only_wish = run(offers, scores(strategy=80, security=100), need="ki")
    assert [p.matches_need for p in only_wish] == [True, True, True]


def test_wish_rank_prefers_the_offerings_main_topic() -> None:
    offers = [
        offering("side", ["strategy"], needs=("weiterbildung", "ki")),
        offering("main", ["strategy"], kind="veranstaltung", needs=("ki",)),
        offering("broad", ["strategy"], needs=("ki", "weiterbildung")),
    ]
    assert ids(run(offers, scores(strategy=40), need="ki", limit=3)) == ["main", "broad", "side"]


def test_offerings_for_individuals_are_never_recommended_as_firm_offerings() -> None:
    offers = [
        offering(
            "personal",
            ["skills"],
            kind="weiterbildung",
            needs=("weiterbildung",),
            audience="personen",
        ),  # fmt: skip
        offering("firm", ["skills"], needs=("weiterbildung",)),
        offering("other", ["tools"]),
    ]
    # weakest dimension is skills, but the personal offering is no offer for the firm
    plain = run(offers, scores(skills=0, tools=90), limit=3)
    assert "personal" not in ids(plain)
    # with the wish it may appear: after the firm's offering for it, clearly marked
    wished = run(offers, scores(skills=0, tools=90), limit=3, need="weiterbildung")
    assert ids(wished)[:2] == ["firm", "personal"]
    assert wished[1].reason.startswith("Für Einzelpersonen, nicht für den Betrieb")
    assert wished[0].reason.startswith("Passt zu Ihrem Wunsch")


def test_reasons_name_the_answers_behind_them() -> None:
    offers = [offering("sec", ["security"]), offering("ki", ["strategy"], needs=("ki",))]
    maturity = compute_maturity(QN, SECURITY_WEAK)
    result = run(offers, maturity["dimensions"], answers=SECURITY_WEAK, limit=1)
    assert result[0].reason == (
        "Empfohlen, weil Ihr Wert bei IT-Sicherheit und Datenschutz "
        f"{maturity['dimensions']['security']} von 100 beträgt. Sie haben bei „Datensicherung“ "
        "„Nie“ und bei „Updates und Virenschutz“ „Nein“ angegeben."
    )
    # without answers: the score only; "Weiß nicht" is never named
    assert "angegeben" not in run(offers, maturity["dimensions"], limit=1)[0].reason
    assert "Weiß nicht" not in result[0].reason


def test_region_eligibility_uses_the_towns_region() -> None:
    offers = [
        offering("mettmann_only", ["strategy"], regions=["kreis_mettmann"]),
        offering("duesseldorf_only", ["strategy"], regions=["duesseldorf"]),
        offering("anywhere", ["strategy"], kind="veranstaltung"),
    ]
    sc = scores(strategy=10)
    assert ids(run(offers, sc, municipality="duesseldorf")) == ["duesseldorf_only", "anywhere"]
    assert ids(run(offers, sc, municipality="velbert")) == ["mettmann_only", "anywhere"]
    assert ids(run(offers, sc, municipality="andere")) == ["anywhere"]


WISHES = [None, *NEED_CODES]


@pytest.mark.parametrize("need", WISHES)
def test_real_catalogue_wishes_regions_and_audience(client: TestClient, need) -> None:
    """Every wish, town and size on the real catalogue: a Düsseldorf firm never gets a
    Kreis-Mettmann-only offering (and vice versa), offerings for individuals appear only as a
    marked match of the wish, and wish matches come first."""
    cat = get_catalogue()
    maturity = compute_maturity(QN, SECURITY_WEAK)
    for municipality, employees, sector in itertools.product(
        MUNICIPALITIES, (3, 30, 120), ("handwerk", "handel")
    ):
        body = {
            "profile": {"employees": employees, "sector": sector, "municipality": municipality},
            "scores": maturity["dimensions"],
            "answers": SECURITY_WEAK,
            "limit": 5,
        } | ({"need": need} if need else {})
        response = client.post("/api/recommendations", json=body)
        assert response.status_code == 200, response.text
        recs = response.json()["recommendations"]
        flags = [r["matches_need"] for r in recs]
        assert flags == sorted(flags, reverse=True)
        region = QN.region_of(municipality)
        for rec in recs:
            offer = cat.by_id[rec["id"]]
            assert offer.eligibility.allows(employees, sector, municipality, region)
            assert region in (offer.eligibility.regions or (region,))
            assert rec["audience"] == offer.audience
            assert rec["matches_need"] == (need is not None and cat.serves(offer, need))
            if offer.audience == "personen":
                assert rec["matches_need"] and rec["reason"].startswith("Für Einzelpersonen")
            if rec["matches_need"]:
                assert cat.need_titles[need] in rec["reason"]


def test_real_catalogue_ki_wish_reaches_the_top_three(client: TestClient) -> None:
    maturity = compute_maturity(QN, SECURITY_WEAK)
    body = {
        "profile": {"employees": 8, "sector": "handwerk", "municipality": "hilden"},
        "scores": maturity["dimensions"],
        "answers": SECURITY_WEAK,
    }
    without = client.post("/api/recommendations", json=body).json()["recommendations"]
    wished = client.post("/api/recommendations", json=body | {"need": "ki"}).json()
    recs = wished["recommendations"]
    assert not any(r["matches_need"] for r in without)
    assert "mittelstand_digital_ki" in {r["id"] for r in recs}
    assert recs[0]["matches_need"] and "„Künstliche Intelligenz“" in recs[0]["reason"]
    security = [r for r in recs if not r["matches_need"]]
    assert security and "„Datensicherung“ „Nie“" in security[0]["reason"]


PROFILE = {"employees": 5, "sector": "handel", "municipality": "hilden"}


@pytest.mark.parametrize(
    "extra",
    [
        {"need": "astrologie"},
        {"need": ""},
        {"answers": {"security_backup": "sometimes"}},
        {"answers": {"security_backup": "yes"}},  # an id of another scale
        {"answers": {"employees": "5"}},  # a profile slot is no scored question
        {"answers": {"unknown_slot": "yes"}},
        {"answers": ["security_backup", "never"]},
    ],
)
def test_api_rejects_invalid_wish_or_answers(client: TestClient, extra: dict) -> None:
    body = {"profile": PROFILE, "scores": {}} | extra
    assert client.post("/api/recommendations", json=body).status_code == 422


def test_api_accepts_the_fields_the_action_server_sends(client: TestClient) -> None:
    body = {
        "profile": PROFILE,
        "scores": {"security": 25},
        "need": "none",
        "answers": {"security_backup": "dont_know", "security_updates": "no"},
    }
    response = client.post("/api/recommendations", json=body)
    assert response.status_code == 200, response.text
    assert len(response.json()["recommendations"]) == 3
