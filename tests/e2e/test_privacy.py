"""Personal data typed in the chat never reaches the needs log; funnel events arrive."""

from __future__ import annotations

import sqlite3
import time

import requests

from tests.e2e.chat import (
    QN,
    answer_by_buttons,
    closing,
    complete,
    review_and_confirm,
    rotating_answers,
    start,
)
from tests.e2e.servers import SERVICE_TOKEN, STAFF_TOKEN

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
    assert stack.with_api, "the API must run in the end-to-end tests"
    start(chat)
    answers = rotating_answers(offset=7)
    answer_by_buttons(chat, answers, until=QN.questions[2].slot)
    chat.say("Ich bin Max Mustermann, max.mustermann@example.org, Telefon 0211 5551234")
    assert chat.requested_slot() == QN.questions[2].slot
    chat.say("Was speichern Sie über mich?")
    assert "Telefonnummern" in chat.text
    answer_by_buttons(chat, answers)
    closing(chat)
    review_and_confirm(chat)
    assert len(chat.slot("recommendations")) == 3
    assert any("/api/charts/radar.png?" in (m.get("image") or "") for m in chat.last)
    stats = requests.get(
        f"{stack.api_url}/api/stats",
        headers={"Authorization": f"Bearer {STAFF_TOKEN}"},
        timeout=10,
    )
    assert stats.status_code == 200
    dump = dump_database(stack.workdir / "api.db")
    assert "ratingen" in dump  # the anonymised record is there ...
    for value in PERSONAL:  # ... and nothing personal
        assert value not in dump
    assert chat.sender not in dump
    assert (chat.conversation_id or chat.sender) not in dump


def test_funnel_events_of_an_interview_reach_the_dashboard_tables(stack, chat):
    assert stack.with_api, "the API must run in the end-to-end tests"
    start(chat)
    chat.say("qwrtz blubb")  # not understood: a re-ask of the first question
    complete(chat, rotating_answers(offset=8))
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
    assert SERVICE_TOKEN  # the action server wrote them with the service token
