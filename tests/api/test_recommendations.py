from __future__ import annotations

import itertools

import pytest
from fastapi.testclient import TestClient

from api.core.codes import DIMENSIONS, MUNICIPALITIES, NEED_CODES, QN, SECTORS
from api.services.catalogue import get_catalogue
from api.services.recommendations import KIND_ORDER, REASON_NO_SCORES, rank
from contract.catalogue import Catalogue
from contract.codes import OFFERING_KINDS
from contract.questionnaire import Need, Needs
from contract.scoring import compute_maturity
from tests.api.conftest import row_counts
from tests.api.helpers import offering

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


def test_api_response_shape_and_determinism(client: TestClient) -> None:
    body = {
        "profile": {"employees": 8, "sector": "handwerk", "municipality": "hilden"},
        "scores": {d: 60 for d in DIMENSIONS} | {"security": 25},
    }
    first = client.post("/api/recommendations", json=body)
    assert first.status_code == 200
    recs = first.json()["recommendations"]
    assert len(recs) == 3
    assert set(recs[0]) == {
        "id", "title", "provider", "kind", "url", "summary", "cost", "reason", "matches_need",
        "audience",
    }  # fmt: skip
    assert all(r["matches_need"] is False and r["audience"] == "betriebe" for r in recs)
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
            region = QN.region_of(municipality)
            eligibility = cat.by_id[rec["id"]].eligibility
            assert eligibility.allows(employees, sector, municipality, region)


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


# ---- issue 10.3: offers that fit what the owner said -----------------------------------------

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
