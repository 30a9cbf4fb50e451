"""Issue 3's privacy check: personal data typed in the chat never reaches the needs log."""

from __future__ import annotations

import sqlite3
import time

import pytest
import requests

from tests.e2e.test_interviews import QN, answer_by_buttons, rotating_answers, start

PERSONAL = ["Mustermann", "max.mustermann@example.org", "0211 5551234", "5551234"]


def dump_database(path) -> str:
    """Every value in every table of the API's SQLite database, as one string."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        rows = []
        for table in tables:
            rows += [repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
        return "\n".join(rows)
    finally:
        connection.close()


def test_personal_data_typed_in_the_chat_is_not_stored_in_the_needs_log(stack, chat):
    if not stack.with_api:
        pytest.skip("API not installed")
    # Five earlier checks of comparable firms, so the peer benchmark has enough data.
    scores = {d.id: 40 for d in QN.dimensions}
    for _ in range(5):
        record = {"size_class": "10-49", "sector": "handwerk", "municipality": "mettmann",
                  "channel": "rest", "scores": scores, "overall": 40}  # fmt: skip
        requests.post(
            f"{stack.api_url}/api/assessments", json=record, timeout=10
        ).raise_for_status()
    start(chat)
    answers = rotating_answers(offset=7)
    answer_by_buttons(chat, answers, until=QN.questions[2].slot)
    chat.say("Ich bin Max Mustermann, max.mustermann@example.org, Telefon 0211 5551234")
    assert chat.requested_slot() == QN.questions[2].slot
    chat.say("Was speichern Sie über mich?")
    assert "Name" in chat.text and "Telefonnummer" in chat.text
    answer_by_buttons(chat, answers)
    assert len(chat.slot("recommendations")) == 3
    # The peer benchmark, the chart and the offerings with their reasons are shown.
    assert "Firmen Ihrer Größe und Branche in der Region" in chat.text
    assert any("/api/charts/radar.png?" in (m.get("image") or "") for m in chat.last)
    assert "weil Ihr Wert bei" in chat.text
    stats = requests.get(
        f"{stack.api_url}/api/stats",
        headers={"Authorization": "Bearer e2e-staff-token"},
        timeout=10,
    ).json()
    assert stats["completed"] >= 1
    dump = dump_database(stack.workdir / "api.db")
    assert "ratingen" in dump  # the anonymised record is there ...
    for value in PERSONAL:  # ... and nothing personal
        assert value not in dump
    assert chat.sender not in dump


def test_funnel_events_of_an_interview_reach_the_dashboard_tables(stack, chat):
    if not stack.with_api:
        pytest.skip("API not installed")
    start(chat)
    chat.say("qwrtz blubb")  # not understood: a re-ask of the first question
    answer_by_buttons(chat, rotating_answers(offset=8))
    key = chat.slot("funnel_key")
    assert len(key) == 32
    wanted = {"started", "consent_given", "question_reached", "reask", "completed"}
    deadline = time.monotonic() + 10  # events are sent in the background
    while True:
        connection = sqlite3.connect(stack.workdir / "api.db")
        try:
            rows = connection.execute(
                "SELECT event, question FROM funnel_events WHERE conv_key = ?", (key,)
            ).fetchall()
        finally:
            connection.close()
        events = {event for event, _ in rows}
        if wanted <= events or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert wanted <= events
    reached = {question for event, question in rows if event == "question_reached"}
    assert set(QN.required_slots) <= reached
