"""Bedarf vs. Angebot (issue 13.2): known weak segments and known offerings give the expected
ranking; the counts stay k-anonymous under every filter combination."""

from __future__ import annotations

from datetime import date

import pytest

from api.core.codes import MIN_GROUP_SIZE, NEEDS, QN
from api.core.db import SessionLocal
from api.services.dashboard import build, gaps
from api.services.dashboard.build import build_dashboard
from contract.catalogue import Catalogue
from tests.api.dashboard_data import add_firms, clean_dashboard_tables, csv_rows, login
from tests.api.helpers import (
    FIELDS,
    assert_no_small_differences,
    filter_combinations,
    offering,
)

__all__ = ["clean_dashboard_tables"]
MAR, APR = date(2026, 3, 10), date(2026, 4, 10)


KNOWN_OFFERINGS = Catalogue(
    (
        offering("sec_all", ("security",)),
        offering("sec_small", ("security",), max_employees=9),
        offering("ki_handwerk", ("strategy",), needs=("ki",), sectors=("handwerk",)),
        offering("online_mettmann", ("online",), regions=("kreis_mettmann",)),
        offering("online_duesseldorf", ("online",), regions=("duesseldorf",)),
        # never supply for firms: for individuals, closed, paused
        offering("personal", ("skills",), needs=("weiterbildung",), audience="personen"),
        offering("closed", ("processes",), status="closed"),
        offering("paused", ("tools",), needs=("e_rechnung",), status="paused"),
    ),
    NEEDS,
)


@pytest.fixture
def known(client, monkeypatch) -> None:
    monkeypatch.setattr(build, "get_catalogue", lambda: KNOWN_OFFERINGS)
    # weak everywhere (30), name KI
    add_firms(12, scores=30, overall=30, needs=("ki",))
    # strong (80), 10-49 staff, Bau in Velbert, name E-Rechnung
    add_firms(8, size_class="10-49", sector="bau", municipality="velbert", day=APR,
              scores=80, overall=80, needs=("e_rechnung",))  # fmt: skip
    # middling (60), Handel in Ratingen, name Datenschutz
    add_firms(6, sector="handel", municipality="ratingen", day=APR, scores=60, overall=60,
              needs=("datenschutz",))  # fmt: skip
    login(client)


def rows_of(client, **filters) -> list[list[str]]:
    return csv_rows(client, "gaps", **filters)[1:]


def test_known_weak_segments_and_offerings_give_the_expected_ranking(client, known) -> None:
    rows = rows_of(client)
    header = csv_rows(client, "gaps")[0]
    assert header[:3] == ["Segment", "Thema", "Betriebe mit Bedarf"]
    whole = [(r[1], r[2], r[5], r[6]) for r in rows if r[0] == gaps.WHOLE]
    titles = NEEDS.titles
    assert whole == [
        # 12 weak firms, no open offering for firms (closed, paused and personal do not count)
        (titles["tools"], "12", "0", "12.0"),
        (titles["processes"], "12", "0", "12.0"),
        (titles["skills"], "12", "0", "12.0"),
        (titles["e_rechnung"], "8", "0", "8.0"),
        # 12 weak / (1 offering + 1)
        (titles["strategy"], "12", "1", "6.0"),
        (titles["ki"], "12", "1", "6.0"),
        (titles["datenschutz"], "6", "0", "6.0"),
        # online: only the Kreis-Mettmann offering is open to firms of this selection? No: the
        # whole selection leaves the town open, so both regional offerings count
        (titles["online"], "12", "2", "4.0"),
        (titles["security"], "12", "2", "4.0"),
    ]
    # the largest gap comes first over all segments
    gap_values = [float(r[6]) for r in rows]
    assert gap_values == sorted(gap_values, reverse=True)
    assert rows[0][:3] == [gaps.WHOLE, titles["tools"], "12"]
    # 1-9 staff: both security offerings; Velbert: the Düsseldorf-only offering does not count
    by_segment = {(r[0], r[1]): r for r in rows}
    assert by_segment[("Größe: 1–9 Beschäftigte", titles["security"])][5] == "2"
    assert by_segment[("Branche: Handwerk", titles["strategy"])][5] == "1"  # ki_handwerk
    assert by_segment[("Branche: Bau", titles["e_rechnung"])][2:] == ["8", "8", "100.0", "0", "8.0"]
    assert ("Branche: Bau", titles["security"]) not in by_segment  # nobody weak there
    assert ("Branche: Handel", titles["strategy"]) not in by_segment  # 60: not weak


def test_heat_map_matches_the_table(client, known) -> None:
    matrix = csv_rows(client, "gap_matrix")
    header, body = matrix[0], {r[0]: r[1:] for r in matrix[1:] if len(r) > 1}
    assert header[0] == "Thema" and header[1] == gaps.WHOLE
    assert "Ort: Velbert" in header and "Ort: Düsseldorf" not in header  # no firm there
    for row in rows_of(client):
        assert body[row[1]][header.index(row[0]) - 1] == row[6]
    security = body[NEEDS.titles["security"]]
    assert security[header.index("Branche: Bau") - 1] == "0.0"  # shown as no gap
    page = client.get("/dashboard")
    assert 'data-testid="table-gap_matrix"' in page.text and 'class="heat-5"' in page.text
    assert "Bedarf vs. Angebot" in client.get("/dashboard/report", params={"month": "2026-04"}).text


def test_filters_narrow_the_segments(client, known) -> None:
    handwerk = rows_of(client, sector="handwerk")
    assert {r[0] for r in handwerk} >= {gaps.WHOLE}
    assert all(not r[0].startswith("Branche:") for r in handwerk)
    assert all(r[3] == "12" for r in handwerk)
    strategy = [r for r in handwerk if r[0] == gaps.WHOLE and r[1] == NEEDS.titles["strategy"]]
    assert strategy[0][5] == "1"
    # a selection the guard does not publish shows nothing
    assert csv_rows(client, "gaps", sector="bau", municipality="hilden")[1] == ["zu wenige Daten"]


# ---- k-anonymity under every filter combination ---------------------------------------------

# (count, size_class, sector, municipality, day, score, named need)
GROUPS = [
    (10, "1-9", "handwerk", "hilden", MAR, 30, "ki"),
    (1, "1-9", "handwerk", "monheim", MAR, 30, "ki"),  # a unique firm
    (9, "10-49", "bau", "velbert", APR, 80, "e_rechnung"),
    (6, "1-9", "handel", "hilden", APR, 40, None),
    (1, "50+", "gastronomie", "monheim", APR, 20, "ki"),  # a unique firm
    (5, "1-9", "handwerk", "hilden", APR, 70, "ki"),
    (3, "1-9", "handel", "hilden", MAR, 90, "ki"),  # 3 strong firms among weak ones
]
PERIODS = [(None, None), ("2026-03", "2026-03"), ("2026-04", None), (None, "2026-03")]


@pytest.fixture
def region(client) -> None:
    for n, size, sector, place, day, score, need in GROUPS:
        add_firms(n, size_class=size, sector=sector, municipality=place, day=day, scores=score,
                  overall=score, needs=(need,) if need else ())  # fmt: skip
    login(client)


def _firms(conditions: dict[str, str], months: set[int], topic: gaps.Topic | None) -> frozenset:
    found = set()
    for g, (n, size, sector, place, day, score, need) in enumerate(GROUPS):
        record = {"size_class": size, "sector": sector, "municipality": place}
        if day.month not in months or any(record[k] != v for k, v in conditions.items()):
            continue
        if topic is not None:
            weak = score < QN.weak_below if topic.dimension else need == topic.code
            if not weak:
                continue
        found |= {(g, i) for i in range(n)}
    return frozenset(found)


SEGMENT_OF = {gaps.WHOLE: {}} | {
    f"{gaps.FIELD_TITLES[f]}: {gaps.option_title(f, v)}": {f: v}
    for f in FIELDS
    for v in gaps.field_values(f)
}
TOPIC_OF = {t.title: t for t in gaps.TOPICS}


def test_counts_stay_k_anonymous_under_every_filter_combination(client, region) -> None:
    weak_sets: dict[str, set[frozenset]] = {t.code: set() for t in gaps.TOPICS}
    rest_sets: dict[str, set[frozenset]] = {t.code: set() for t in gaps.TOPICS}
    segment_sets: set[frozenset] = set()
    shown = 0
    for f, months in filter_combinations(GROUPS, PERIODS):
        with SessionLocal() as db:
            board = build_dashboard(db, f, only="gaps")
        for label, title, weak, size_n, _share, _offers, _gap in board.tables["gaps"].rows:
            segment = f.profile | SEGMENT_OF[label]
            topic = TOPIC_OF[title]
            everyone = _firms(segment, months, None)
            weak_firms = _firms(segment, months, topic)
            assert (len(weak_firms), len(everyone)) == (weak, size_n), (f, label, title)
            assert weak >= MIN_GROUP_SIZE
            assert size_n - weak == 0 or size_n - weak >= MIN_GROUP_SIZE
            weak_sets[topic.code].add(weak_firms)
            rest_sets[topic.code].add(everyone - weak_firms)
            segment_sets.add(everyone)
            shown += 1
    assert shown > 20, "the test region should publish something"
    for family in (*weak_sets.values(), *rest_sets.values(), segment_sets):
        assert_no_small_differences(c for c in family if c)
    # the unique firms are never a segment of their own
    assert all(len(s) >= MIN_GROUP_SIZE for s in segment_sets)
