"""Re-assessed firms in the dashboard (issue 13.1, staff side): the mean change per dimension and
the offerings that preceded the largest improvements, k-anonymously through the one guard."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import insert

from api.core.codes import DIMENSIONS
from api.core.db import engine
from api.models import Assessment, AssessmentRecommendation
from tests.api.dashboard_data import clean_dashboard_tables, csv_rows, login

__all__ = ["clean_dashboard_tables"]
MAR, APR = date(2026, 3, 1), date(2026, 4, 1)


def add_pairs(
    n: int,
    before: dict[str, int],
    after: dict[str, int],
    recommended: tuple[str, ...] = (),
    *,
    sector: str = "handwerk",
    municipality: str = "hilden",
) -> None:
    """n firms assessed in March (T0, with the given offerings) and again in April (T1)."""
    rows, recs, later = [], [], []
    for _ in range(n):
        t0, t1 = str(uuid.uuid4()), str(uuid.uuid4())
        profile = {"size_class": "1-9", "sector": sector, "municipality": municipality}
        base = {"channel": "rest", **profile}
        rows.append(
            {"id": t0, "completed_on": MAR, "recheck_hash": uuid.uuid4().hex * 2, **base}
            | {"overall": before.get("overall")}
            | {f"score_{d}": before.get(d) for d in DIMENSIONS}
        )
        later.append(
            {"id": t1, "completed_on": APR, "previous_id": t0, **base}
            | {"overall": after.get("overall")}
            | {f"score_{d}": after.get(d) for d in DIMENSIONS}
        )
        recs += [
            {"assessment_id": t0, "offering_id": o, "position": i}
            for i, o in enumerate(recommended, start=1)
        ]
    with engine.begin() as conn:
        conn.execute(insert(Assessment), rows)
        conn.execute(insert(Assessment), later)
        if recs:
            conn.execute(insert(AssessmentRecommendation), recs)


def as_dict(rows: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in rows[1:]}


@pytest.fixture
def pairs(client) -> None:
    # 6 firms: security 30 -> 60 after the CyberRisikoCheck was recommended
    add_pairs(6, {"overall": 40, "security": 30, "skills": 50},
              {"overall": 55, "security": 60, "skills": 50}, ("cyberrisikocheck",))  # fmt: skip
    # 5 firms: skills 40 -> 50 after INQA-Coaching; security unanswered at T1
    add_pairs(5, {"overall": 45, "security": 50, "skills": 40},
              {"overall": 50, "security": None, "skills": 50}, ("inqa_coaching",))  # fmt: skip
    # 2 firms with another offering: too few to be listed
    add_pairs(2, {"overall": 40}, {"overall": 80}, ("bafa_unternehmensberatung",))
    login(client)


def test_mean_change_per_dimension(client, pairs) -> None:
    change = as_dict(csv_rows(client, "recheck_change"))
    # (6*40 + 5*45 + 2*40) / 13 = 41.9 -> (6*55 + 5*50 + 2*80) / 13 = 56.9
    assert change["Gesamt"] == ["13", "41.9", "56.9", "15.0"]
    # security: 6 pairs with both values (30 -> 60); the 5 with a null at T1 are left out
    assert change["IT-Sicherheit und Datenschutz"] == ["6", "30.0", "60.0", "30.0"]
    assert change["Digitale Kompetenzen"] == ["11", "45.5", "50.0", "4.5"]
    assert change["Strategie und Organisation"] == ["", "", "", ""]  # nobody answered


def test_offerings_before_the_largest_improvements(client, pairs) -> None:
    rows = csv_rows(client, "recheck_offerings")
    assert rows[1] == ["CyberRisikoCheck nach DIN SPEC 27076", "cyberrisikocheck", "6", "30.0",
                       "15.0"]  # fmt: skip
    assert rows[2][1:] == ["inqa_coaching", "5", "10.0", "5.0"]  # skills 40 -> 50
    assert "1 Gruppe(n) ausgeblendet" in rows[3][0]  # bafa: 2 pairs


def test_too_few_pairs_show_nothing(client) -> None:
    add_pairs(4, {"overall": 40}, {"overall": 60}, ("cyberrisikocheck",))
    from tests.api.dashboard_data import add_firms

    add_firms(10, day=date(2026, 3, 5))  # enough firms, too few pairs
    login(client)
    assert csv_rows(client, "recheck_change")[1] == ["zu wenige Daten"]
    assert csv_rows(client, "recheck_offerings")[1] == ["zu wenige Daten"]
    page = client.get("/dashboard")
    assert 'data-testid="too-few-recheck_change"' in page.text


def test_pairs_are_guarded_against_differencing(client, pairs) -> None:
    # 13 pairs in all; 2 of them in Handel: "Handwerk" (11 pairs) would differ by 2 from all
    add_pairs(2, {"overall": 40}, {"overall": 42}, sector="handel", municipality="ratingen")
    assert as_dict(csv_rows(client, "recheck_change"))["Gesamt"][0] == "15"
    assert csv_rows(client, "recheck_change", sector="handwerk")[1] == ["zu wenige Daten"]
    # the periods: pairs count in the month of the re-assessment (April), never March
    assert csv_rows(client, "recheck_change", month_to="2026-03")[1] == ["zu wenige Daten"]
    assert as_dict(csv_rows(client, "recheck_change", month_from="2026-04"))["Gesamt"][0] == "15"
