"""PrivacySQLTrackerStore: personal data is redacted before writing and never reaches the
database, the event broker or the logs; the store refuses to start without its redactor.

Real DialogueStateTrackers saved and retrieved through the store on a real SQLite file and, with
TEST_DATABASE_URL_PG set, on PostgreSQL.
"""

from __future__ import annotations

import logging
import sys

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet

from bot.privacy import tracker_store as ts
from bot.privacy.redact import redact
from tests.unit.retention_helpers import default_retention, round_event_clock, run  # noqa: F401 (autouse fixtures)
from tests.unit.tracker_store_helpers import (
    files_containing,
    interview_turns,
    marker,
    play,
    session_start,
    user,
)

NAME = "Quirinus Zwetschgenbaum"
EMAIL = "q.zwetschgenbaum@example.org"
PERSONAL_TEXT = (
    f"Ich heiße {NAME}, erreichbar unter {EMAIL} oder 0171 2345678, Festnetz 02103 987654, "
    "IBAN DE89 3704 0044 0532 0130 00, Hauptstraße 12, 40721 Hilden, www.zwetschgenbaum-maler.de"
)
# Pieces of the personal data that must not appear anywhere in the stored data.
NEEDLES = [
    "Quirinus", "Zwetschgenbaum", "zwetschgenbaum", "2345678", "987654", "0532",
    "Hauptstra", "40721",
]  # fmt: skip


# --- personal data never reaches the database ---------------------------------------------------


def personal_turn():
    return [
        user(
            PERSONAL_TEXT,
            entities=[{"entity": "contact", "value": EMAIL, "text": EMAIL, "start": 0, "end": 1}],
            metadata={
                "model_id": "m1",
                "telegram_user": {"first_name": "Quirinus", "last_name": "Zwetschgenbaum"},
                "chat_id": 2345678,
            },
        ),
        ActionExecuted("interview_form"),
        SlotSet("employees", PERSONAL_TEXT),  # a from_text mapping copies the whole message
        SlotSet("employees", None),
        SlotSet("session_started_metadata", {"telegram_user": NAME, "model_id": "m1"}),
        BotUttered(f"Sie schrieben: {PERSONAL_TEXT}", {"custom": {"echo": PERSONAL_TEXT}}),
        ActionExecuted("action_listen"),
    ]


def test_personal_data_is_redacted_before_it_is_written(backend):
    store = backend.store()
    tracker = run(play(store, "personal", interview_turns()[:1] + [personal_turn()]))

    stored = backend.stored_data()
    for needle in NEEDLES + ["telegram_user", "chat_id"]:
        assert needle not in stored
    if backend.kind == "sqlite":
        for needle in NEEDLES:
            assert files_containing(backend.dir, needle) == []

    again = run(store.retrieve("personal"))
    said = [e for e in again.events if e.type_name == "user"][-1]
    assert said.text and said.text != PERSONAL_TEXT
    assert said.parse_data["text"] == said.text
    assert said.metadata["redacted"] == list(redact(PERSONAL_TEXT).kinds)
    assert set(said.metadata) <= ts.ALLOWED_METADATA
    assert said.metadata["model_id"] == "m1"
    assert said.parse_data["entities"] == []  # the e-mail address read as an entity is dropped
    slots = [e for e in again.events if isinstance(e, SlotSet)]
    assert slots[-3].value == said.text  # the copied message is redacted the same way
    assert slots[-1].value == {"model_id": "m1"}
    bot = [e for e in again.events if isinstance(e, BotUttered)][-1]
    assert bot.text == f"Sie schrieben: {said.text}"
    assert bot.data["custom"] == {"echo": said.text}
    # the tracker in memory (the running turn) is not changed by saving
    assert [e for e in tracker.events if e.type_name == "user"][-1].text == PERSONAL_TEXT


def test_entities_and_slots_taken_from_personal_data_are_not_stored(backend):
    """Seen with Rasa's plain REST channel: the extractor read an IBAN's digit groups as numbers."""
    from rasa.shared.core.events import EntitiesAdded

    text = "9 Leute, IBAN DE89 3704 0044 0532 0130 00, ich heiße Quirinus Zwetschgenbaum"
    start = text.index("3704")

    def number(piece: str, at: int):
        return {"entity": "number", "start": at, "end": at + len(piece), "value": int(piece),
                "text": piece, "extractor": "ProfileEntityExtractor"}  # fmt: skip

    turn = session_start() + [
        user(
            text, entities=[number("9", 0), number("89", text.index("89")), number("3704", start)]
        ),
        EntitiesAdded([{"entity": "person", "value": "Zwetschgenbaum"}]),
        SlotSet("employees", 9),
        SlotSet("failed_attempts", 3704.0),  # a number read from the IBAN
        SlotSet("requested_slot", "0532"),  # a string slot value cut out of the IBAN
        SlotSet("sector", "handwerk"),
        ActionExecuted("action_listen"),
    ]
    store = backend.store()
    run(play(store, "pieces", [turn]))

    stored = backend.stored_data()
    for needle in ["3704", "0532", "DE89", "Zwetschgenbaum", '"89"']:
        assert needle not in stored
    again = run(store.retrieve("pieces"))
    said = again.latest_message
    assert said.text == redact(text).text
    assert [(e["value"], e["text"]) for e in said.entities] == [(9, "9")]  # the real one stays
    assert again.get_slot("employees") == 9
    assert again.get_slot("failed_attempts") is None
    assert again.get_slot("requested_slot") == ts.REMOVED
    assert again.get_slot("sector") == "handwerk"
    assert [e for e in again.events if e.type_name == "entities"][0].entities == []


def test_event_broker_receives_the_same_redacted_events(sqlite_backend):
    class Broker:
        def __init__(self):
            self.published = []

        def publish(self, event):
            self.published.append(event)

    broker = Broker()
    store = sqlite_backend.store(event_broker=broker)
    run(play(store, "broker", [personal_turn()]))
    assert broker.published
    assert all(e["sender_id"] == "broker" for e in broker.published)
    for needle in NEEDLES:
        assert needle not in str(broker.published)


def test_logs_never_contain_message_texts(sqlite_backend, caplog):
    caplog.set_level(logging.DEBUG)
    secret = marker()
    store = sqlite_backend.store()
    run(play(store, "logs", [session_start() + [user(f"{PERSONAL_TEXT} {secret}")]]))
    run(store.retrieve("logs"))
    run(store.erase("logs"))
    assert caplog.records  # logging was on
    for needle in [secret] + NEEDLES:
        assert needle not in caplog.text


def test_sql_errors_do_not_carry_parameters(sqlite_backend):
    store = sqlite_backend.store()
    with pytest.raises(sa.exc.DBAPIError) as error, store.engine.connect() as connection:
        connection.execute(sa.text("INSERT INTO no_such_table VALUES (:t)"), {"t": "Geheimtext"})
    assert "Geheimtext" not in str(error.value)


_real_loader = ts.load_redactor  # captured at import, before any monkeypatching


def test_refuses_to_start_without_the_redactor(sqlite_backend, monkeypatch):
    monkeypatch.setattr(ts, "load_redactor", _real_loader)
    monkeypatch.setitem(sys.modules, "bot.privacy.redact", None)  # import now fails
    with pytest.raises(RuntimeError, match="unredacted"):
        sqlite_backend.store()
    assert not sqlite_backend.sqlite_path.exists()  # nothing was created or written


def test_refuses_an_invalid_retention_setting(sqlite_backend, monkeypatch):
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "dreißig")
    with pytest.raises(ValueError, match="CONVERSATION_RETENTION_DAYS"):
        sqlite_backend.store()
