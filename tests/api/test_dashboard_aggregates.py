"""Every dashboard aggregate against generated data with known answers (SQLite and PostgreSQL).

Reads the numbers through the CSV export, which renders exactly the tables of the page."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from api.core.codes import QN, QUESTION_IDS
from tests.api.dashboard_data import (
    add_conversations,
    add_firms,
    clean_dashboard_tables,
    csv_rows,
    login,
)

__all__ = ["clean_dashboard_tables"]
MARCH = datetime(2026, 3, 10, 9)


@pytest.fixture
def firms(client) -> None:
    add_firms(
        12,
        overall=30,
        scores=30,
        needs=("ki", "security"),
        recommended=("cyberrisikocheck", "transferstelle_cybersicherheit"),
    )
    add_firms(
        8,
        size_class="10-49",
        sector="bau",
        municipality="velbert",
        day=date(2026, 4, 10),
        overall=80,
        scores=80,
        needs=("ki",),
        recommended=("cyberrisikocheck",),
    )
    add_firms(
        6,
        sector="handel",
        municipality="ratingen",
        day=date(2026, 4, 12),
        overall=60,
        scores=60,
        needs=("e_rechnung",),
        recommended=("mittelstand_digital_rheinland",),
    )
    login(client)


@pytest.fixture
def conversations(client) -> None:
    profile = [("question_reached", q) for q in ("employees", "sector", "municipality")]
    everything = [("question_reached", q) for q in QUESTION_IDS]
    for i in range(10):
        done = [("started", ""), ("consent_given", ""), *everything, ("completed", "")]
        add_conversations(1, done, hour=MARCH, duration=10 + i)
    four = [*profile, ("question_reached", "strategy_goals")]
    add_conversations(12, [("started", ""), ("consent_given", ""), *four], hour=MARCH)
    stopped = [("started", ""), ("consent_given", ""), ("question_reached", "employees")]
    add_conversations(8, [*stopped, ("fallback", "")], hour=MARCH)
    add_conversations(5, [("started", ""), ("consent_refused", "")], hour=MARCH)
    add_conversations(5, [("started", ""), ("handoff", "")], hour=MARCH)
    add_conversations(7, [("reask", "tools_cloud")], hour=MARCH, occurrences=2)
    add_conversations(3, [("reask", "online_website")], hour=MARCH)
    add_conversations(6, [("started", "")], hour=datetime(2026, 4, 2, 14))
    add_conversations(3, [("completed", "")], hour=datetime(2026, 4, 2, 15), duration=30)
    login(client)


def as_dict(rows: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in rows[1:]}


def test_overview_numbers(client, firms, conversations) -> None:
    overview = {k: v[0] for k, v in as_dict(csv_rows(client, "overview")).items()}
    assert overview == {
        "Gespräche gestartet": "46",
        "Einwilligung gegeben": "30",
        "Einwilligung abgelehnt": "5",
        "Check abgeschlossen": "13",
        "Abschlussquote (%)": "28.3",
        "Mittlere Dauer (Median, Minuten)": "16.0",
        "Rückrufwünsche (Übergabe an Mitarbeitende)": "5",
        "Gespräche mit nicht verstandener Eingabe (%)": "17.4",
        "Ausgewertete Betriebe in der Auswahl": "26",
    }
    march = as_dict(csv_rows(client, "overview", month_from="2026-03", month_to="2026-03"))
    assert march["Gespräche gestartet"] == ["40"]
    assert march["Abschlussquote (%)"] == ["25.0"]
    assert march["Mittlere Dauer (Median, Minuten)"] == ["14.5"]
    assert march["Gespräche mit nicht verstandener Eingabe (%)"] == ["20.0"]
    april = as_dict(csv_rows(client, "overview", month_from="2026-04"))
    assert april["Gespräche gestartet"] == ["6"]
    assert april["Check abgeschlossen"] == [""]  # 3 < 5: hidden
    assert april["Mittlere Dauer (Median, Minuten)"] == [""]


def test_funnel_drop_off_in_questionnaire_order(client, conversations) -> None:
    rows = csv_rows(client, "funnel", month_from="2026-03", month_to="2026-03")
    # German short titles, not slot ids
    assert [r[0] for r in rows[1:]] == [QN.short_title(q) for q in QUESTION_IDS]
    assert rows[1][0] == "Beschäftigte" and "strategy_goals" not in str(rows)
    funnel = as_dict(rows)
    assert funnel["Beschäftigte"] == ["30", "10", "75.0"]
    assert funnel["Branche"] == ["22", "8", "55.0"]
    assert funnel["Digitalisierungsziele"] == ["22", "0", "55.0"]
    assert funnel["Zuständige Person für IT"] == ["10", "12", "25.0"]
    assert funnel["Unterstützungswunsch"] == ["10", "0", "25.0"]


def test_funnel_never_grows_when_one_message_answers_several_questions(client) -> None:
    """The bot asks only what is still open: after "Malerbetrieb in Hilden, 9 Leute" neither the
    sector nor the town question is reached. Such a conversation still counts at both."""
    login(client)
    start = [("started", ""), ("consent_given", ""), ("question_reached", "employees")]
    skipped = [*start, ("question_reached", "strategy_goals"), ("question_reached", "tools_cloud")]
    add_conversations(30, skipped, hour=MARCH)
    add_conversations(10, [*start, ("question_reached", "sector")], hour=MARCH)
    # town asked, but the sector was skipped
    town = [*start, ("question_reached", "municipality"), ("question_reached", "strategy_goals")]
    add_conversations(6, town, hour=MARCH)
    funnel = as_dict(csv_rows(client, "funnel"))
    counts = [int(v[0]) if v[0] else 0 for v in funnel.values()]
    drops = [int(v[1]) for v in funnel.values() if v[1]]
    assert counts == sorted(counts, reverse=True)  # never grows
    assert all(d >= 0 for d in drops)
    assert funnel["Beschäftigte"][:2] == ["46", "0"]
    assert funnel["Branche"][:2] == ["46", "0"]  # 30 + 6 skipped it, 10 stopped there
    assert funnel["Ort"][:2] == ["36", "10"]
    assert funnel["Digitalisierungsziele"][:2] == ["36", "0"]
    assert funnel["Zuständige Person für IT"][:2] == ["30", "6"]
    assert funnel["Cloud-Dienste"][:2] == ["30", "0"]


def test_funnel_counts_the_conversations_started_in_the_period(client) -> None:
    """A conversation started late on 31 March and answered after midnight belongs to March's
    funnel; April's funnel never counts more conversations than were started in April."""
    import uuid

    login(client)
    from api.core.db import SessionLocal
    from api.services.funnel import record_event

    for _ in range(7):
        key = uuid.uuid4().hex
        for hour, event, questions in (
            (datetime(2026, 3, 31, 23), "started", [None]),
            (datetime(2026, 4, 1, 0), "question_reached", QUESTION_IDS[:4]),
        ):
            with SessionLocal() as db, pytest.MonkeyPatch.context() as patch:
                patch.setattr("api.core.clock.current_hour", lambda hour=hour: hour)
                for question in questions:
                    record_event(db, key=key, event=event, question=question, channel="rest",
                                 duration_minutes=None)  # fmt: skip
    steps = [("question_reached", q) for q in QUESTION_IDS[:4]]
    add_conversations(6, [("started", ""), *steps], hour=datetime(2026, 4, 3, 10))
    april = as_dict(csv_rows(client, "funnel", month_from="2026-04", month_to="2026-04"))
    assert april["Beschäftigte"][:2] == ["6", "0"]  # 6 started in April, none lost
    march = as_dict(csv_rows(client, "funnel", month_from="2026-03", month_to="2026-03"))
    assert march["Beschäftigte"][:2] == ["7", "0"]
    assert march["Digitalisierungsziele"][:2] == ["7", "0"]


def test_reasks(client, conversations) -> None:
    rows = csv_rows(client, "reasks")
    assert rows[1] == ["Cloud-Dienste", "7", "14"]  # the short title, not the slot id
    assert len(rows) == 3 and "1 Gruppe(n) ausgeblendet" in rows[2][0]


def test_maturity_distribution_and_means(client, firms) -> None:
    maturity = as_dict(csv_rows(client, "maturity"))
    # Einsteiger 0 (hidden), Grundlagen 12, Fortgeschritten 6, Vorreiter 8; mean 1360 / 26
    assert maturity["Gesamt"] == ["", "12", "6", "8", "52.3"]
    assert maturity["IT-Sicherheit und Datenschutz"] == ["", "12", "6", "8", "52.3"]
    handwerk = as_dict(csv_rows(client, "maturity", sector="handwerk"))
    assert handwerk["Gesamt"] == ["", "12", "", "", "30.0"]


def test_breakdowns_needs_offerings_and_trend(client, firms) -> None:
    assert csv_rows(client, "by_sector")[1:] == [
        ["handwerk", "12", "30.0"],
        ["bau", "8", "80.0"],
        ["handel", "6", "60.0"],
    ]
    assert csv_rows(client, "by_size_class")[1:] == [["1-9", "18", "40.0"], ["10-49", "8", "80.0"]]
    assert csv_rows(client, "needs")[1:] == [
        ["Künstliche Intelligenz", "ki", "20"],
        ["IT-Sicherheit und Datenschutz", "security", "12"],
        ["E-Rechnung einführen", "e_rechnung", "6"],
    ]
    offerings = csv_rows(client, "offerings")[1:]
    assert [(r[1], r[2]) for r in offerings] == [
        ("cyberrisikocheck", "20"),
        ("transferstelle_cybersicherheit", "12"),
        ("mittelstand_digital_rheinland", "6"),
    ]
    trend = csv_rows(client, "trend")[1:]
    assert trend == [["2026-03", "", "", "12", "30.0"], ["2026-04", "", "", "14", "71.4"]]


def test_filters_change_the_numbers(client, firms) -> None:
    april = csv_rows(client, "by_sector", month_from="2026-04", month_to="2026-04")
    assert april[1:] == [["bau", "8", "80.0"], ["handel", "6", "60.0"]]
    small = csv_rows(client, "by_municipality", size_class="1-9")
    assert small[1:] == [["hilden", "12", "30.0"], ["ratingen", "6", "60.0"]]
    overview = as_dict(csv_rows(client, "overview", sector="bau", municipality="velbert"))
    assert overview["Ausgewertete Betriebe in der Auswahl"] == ["8"]


def test_small_groups_and_complementary_suppression(client, firms) -> None:
    add_firms(2, sector="gastronomie", municipality="monheim", day=date(2026, 4, 20), overall=10)
    by_sector = csv_rows(client, "by_sector")
    assert [r[0] for r in by_sector[1:3]] == ["handwerk", "bau"]
    assert "2 Gruppe(n) ausgeblendet" in by_sector[3][0]  # gastronomie (2) and handel
    maturity = as_dict(csv_rows(client, "maturity"))
    # Einsteiger 2 is hidden, so the smallest visible bucket (6) is hidden too.
    assert maturity["Gesamt"][:4] == ["", "12", "", "8"]


def test_page_and_report_render(client, firms, conversations) -> None:
    page = client.get("/dashboard", params={"sector": "handwerk", "month_from": ""})
    assert page.status_code == 200
    assert 'data-testid="table-by_municipality"' in page.text
    report = client.get("/dashboard/report", params={"month": "2026-03"})
    assert report.status_code == 200 and "Monatsbericht März 2026" in report.text
    assert client.get("/dashboard", params={"sector": "kein"}).status_code == 422
    assert client.get("/dashboard", params={"foo": "1"}).status_code == 422
    bad_range = {"month_from": "2026-05", "month_to": "2026-04"}
    assert client.get("/dashboard", params=bad_range).status_code == 422
    assert client.get("/dashboard/export/secret.csv").status_code == 404
