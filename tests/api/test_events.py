"""POST /api/events: contract with the assistant, storage at hour precision, retention."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from api.core.codes import QUESTION_IDS
from api.core.db import SessionLocal, engine
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation, FunnelEvent
from api.services.retention import purge_expired, retention_cutoff
from tests.api.dashboard_data import add_conversations, add_firms, clean_dashboard_tables

__all__ = ["clean_dashboard_tables"]
KEY = "0123456789abcdef0123456789abcdef"


def event(**overrides: object) -> dict:
    body = {"key": KEY, "event": "started", "question": None, "channel": "rest"}
    body["duration_minutes"] = None
    return body | overrides


def stored() -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(FunnelEvent))]


def test_question_ids_come_from_the_questionnaire() -> None:
    ids = QUESTION_IDS
    assert ids[:3] == ("employees", "sector", "municipality")
    assert ids[-1] == "support_need"
    assert len(ids) == 3 + 18 + 1
    assert "security_backup" in ids


def test_started_event_is_accepted_and_stored_at_hour_precision(client) -> None:
    response = client.post("/api/events", json=event())
    assert response.status_code == 202
    assert response.json() == {"status": "accepted"}
    (row,) = stored()
    assert set(row) == {
        "conv_key",
        "event",
        "question",
        "hour",
        "channel",
        "duration_minutes",
        "occurrences",
        "furthest",
    }
    assert (row["conv_key"], row["event"], row["question"]) == (KEY, "started", "")
    assert row["furthest"] is None
    assert row["hour"].minute == row["hour"].second == row["hour"].microsecond == 0
    assert abs((datetime.now() - row["hour"]).total_seconds()) < 3 * 3600


def furthest() -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            select(FunnelEvent.furthest).where(FunnelEvent.event == "started")
        ).scalar_one()


def test_the_started_row_keeps_the_furthest_question(client) -> None:
    client.post("/api/events", json=event())
    steps = [
        ("employees", "employees"),
        ("strategy_goals", "strategy_goals"),  # sector and town answered in one message
        ("sector", "strategy_goals"),  # asked later (a correction): no step back
        ("tools_cloud", "tools_cloud"),
        ("employees", "tools_cloud"),
    ]
    for question, expected in steps:
        body = event(event="question_reached", question=question)
        assert client.post("/api/events", json=body).status_code == 202
        assert furthest() == expected, question
    # only the started row carries it
    assert [r["furthest"] for r in stored() if r["event"] != "started"] == [None] * 4


def test_question_events_before_the_started_event_are_counted(client) -> None:
    """The assistant sends events in the background: a question may arrive first."""
    client.post("/api/events", json=event(event="question_reached", question="municipality"))
    client.post("/api/events", json=event())
    assert furthest() == "municipality"


def test_repeated_events_are_counted_once_per_conversation(client) -> None:
    for _ in range(3):
        r = client.post("/api/events", json=event(event="reask", question="tools_cloud"))
        assert r.status_code == 202
    client.post("/api/events", json=event(event="completed", duration_minutes=12))
    rows = {r["event"]: r for r in stored()}
    assert rows["reask"]["occurrences"] == 3
    assert rows["completed"]["duration_minutes"] == 12


@pytest.mark.parametrize(
    "body",
    [
        event(key="0123456789ABCDEF0123456789ABCDEF"),
        event(key="0123"),
        event(event="opened"),
        event(event="question_reached"),
        event(event="reask", question=None),
        event(event="question_reached", question="favourite_colour"),
        event(question="employees"),
        event(duration_minutes=5),
        event(event="completed", duration_minutes=1441),
        event(event="completed", duration_minutes=-1),
        event(event="completed", duration_minutes="5"),
        event(channel="email"),
        event(sender_id="abc"),
        event(text="Ich heiße Max"),
    ],
)
def test_invalid_events_are_rejected_and_nothing_is_written(client, body: dict) -> None:
    response = client.post("/api/events", json=body)
    assert response.status_code == 422
    assert stored() == []


def test_all_contract_events_are_accepted(client) -> None:
    for name in ("started", "consent_given", "consent_refused", "handoff", "fallback"):
        assert client.post("/api/events", json=event(event=name)).status_code == 202
    for question in QUESTION_IDS:
        body = event(event="question_reached", question=question, channel="telegram")
        assert client.post("/api/events", json=body).status_code == 202
    assert client.post("/api/events", json=event(event="completed")).status_code == 202
    assert len(stored()) == 6 + len(QUESTION_IDS)


def test_a_batch_is_stored_in_order_like_single_events(client) -> None:
    body = {
        "events": [
            event(event="question_reached", question="municipality"),  # before "started"
            event(),
            event(event="reask", question="tools_cloud"),
            event(event="reask", question="tools_cloud"),
            event(event="question_reached", question="tools_cloud"),
            event(event="completed", duration_minutes=12),
        ]
    }
    response = client.post("/api/events/batch", json=body)
    assert response.status_code == 202
    assert response.json() == {"status": "accepted"}
    rows = {(r["event"], r["question"]): r for r in stored()}
    assert len(rows) == 5
    assert rows[("reask", "tools_cloud")]["occurrences"] == 2
    assert rows[("completed", "")]["duration_minutes"] == 12
    assert furthest() == "tools_cloud"


@pytest.mark.parametrize(
    "body",
    [
        {"events": []},
        {"events": [event(), event(channel="email")]},  # one invalid event: nothing written
        {"events": [event()] * 501},
        {"events": [event()], "extra": 1},
        [event()],
    ],
)
def test_invalid_batches_are_rejected_whole(client, body) -> None:
    assert client.post("/api/events/batch", json=body).status_code == 422
    assert stored() == []


def test_a_batch_needs_the_service_token(client) -> None:
    body = {"events": [event()]}
    assert (
        client.post("/api/events/batch", json=body, headers={"Authorization": ""}).status_code
        == 401
    )
    wrong = {"Authorization": "Bearer wrong"}
    assert client.post("/api/events/batch", json=body, headers=wrong).status_code == 403
    assert stored() == []


def test_retention_cutoff() -> None:
    assert retention_cutoff(date(2026, 11, 25), 24) == date(2024, 11, 25)
    assert retention_cutoff(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert retention_cutoff(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_purge_removes_only_expired_events_and_assessments(client) -> None:
    add_firms(2, day=date(2024, 5, 1), needs=("ki",), recommended=("cyberrisikocheck",))
    add_firms(3, day=date(2026, 5, 1), needs=("ki",), recommended=("cyberrisikocheck",))
    add_conversations(2, [("started", "")], hour=datetime(2024, 5, 1, 10))
    add_conversations(4, [("started", "")], hour=datetime(2026, 5, 1, 10))
    with SessionLocal() as db:
        result = purge_expired(db, months=24, today=date(2026, 11, 25))
    assert result["assessments"] == 2 and result["funnel_events"] == 2
    with engine.connect() as conn:
        count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
        assert count(Assessment) == 3
        assert count(AssessmentNeed) == 3
        assert count(AssessmentRecommendation) == 3
        assert count(FunnelEvent) == 4


def test_purge_cli(client, capsys) -> None:
    from api.cli import main

    add_firms(1, day=date(2020, 1, 1))
    assert main(["purge"]) == 0
    assert '"assessments": 1' in capsys.readouterr().out
