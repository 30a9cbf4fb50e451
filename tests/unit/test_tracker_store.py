"""PrivacySQLTrackerStore: redaction before writing, erasure, unrecoverable deletes, round trip.

Real DialogueStateTrackers saved and retrieved through the store on a real SQLite file and, with
TEST_DATABASE_URL_PG set, on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import math
import sqlite3
import sys
import time

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet
from rasa.utils.endpoints import read_endpoint_config

from bot.privacy import retention
from bot.privacy import tracker_store as ts
from bot.privacy.redact import redact
from tests.unit.tracker_store_helpers import (
    BACKENDS,
    Backend,
    dicts,
    domain,
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


@pytest.fixture(autouse=True)
def default_retention(monkeypatch):
    monkeypatch.delenv("CONVERSATION_RETENTION_DAYS", raising=False)


class _RoundClock:
    """Events stamped from the next whole 10,000 s after now in steps of 0.25 s, so that the random
    digits of time.time() cannot spell a needle such as '0532' (otherwise a chance hit in about
    one run in fifty), while events still come in order."""

    def __init__(self) -> None:
        self.now = float(math.ceil(time.time() / 10_000) * 10_000)

    def time(self) -> float:
        self.now += 0.25
        return self.now


@pytest.fixture(autouse=True)
def round_event_clock(monkeypatch):
    import rasa.shared.core.events as events

    monkeypatch.setattr(events, "time", _RoundClock())


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path, monkeypatch):
    running = Backend(request.param, tmp_path, monkeypatch)
    yield running
    running.close()


@pytest.fixture
def sqlite_backend(tmp_path, monkeypatch):
    running = Backend("sqlite", tmp_path, monkeypatch)
    yield running
    running.close()


def run(coroutine):
    return asyncio.run(coroutine)


# --- a normal conversation is stored unchanged -------------------------------------------------


def test_normal_conversation_round_trips_unchanged(backend):
    store = backend.store()
    turns = interview_turns()
    tracker = run(play(store, "normal", turns))

    again = run(store.retrieve("normal"))
    assert dicts(again) == dicts(tracker)
    assert again.current_slot_values() == tracker.current_slot_values()
    assert again.current_slot_values()["sector"] == "handwerk"
    assert again.current_slot_values()["maturity"] == {"overall": 40, "dimensions": {"tools": None}}
    full = run(store.retrieve_full_tracker("normal"))
    assert dicts(full) == [event.as_dict() for events in turns for event in events]
    # like the stock store, retrieve starts at the latest SessionStarted
    assert dicts(full)[1:] == dicts(tracker)
    # a second store on the same database (a restart) sees the same
    assert dicts(run(backend.store().retrieve("normal"))) == dicts(tracker)


def test_second_session_is_retrieved_like_the_stock_store(backend):
    store = backend.store()
    run(play(store, "two-sessions", interview_turns(timestamp=time.time() - 3600)))
    turn = session_start() + [user("neu starten", "restart"), ActionExecuted("action_listen")]
    tracker = run(play(store, "two-sessions", [turn]))
    latest = run(store.retrieve("two-sessions"))
    assert [e["event"] for e in dicts(latest)][:2] == ["session_started", "action"]
    assert [e.text for e in latest.events if e.type_name == "user"] == ["neu starten"]
    assert dicts(latest)[-2:] == dicts(tracker)[-2:]
    assert len(dicts(run(store.retrieve_full_tracker("two-sessions")))) > len(dicts(latest))


def every_event_type():
    from datetime import datetime

    from rasa.shared.core import events as ev

    return session_start() + [
        user("Hallo", "greet", entities=[{"entity": "sector", "value": "handwerk"}]),
        ev.DefinePrevUserUtteredFeaturization(False),
        ev.EntitiesAdded([{"entity": "municipality", "value": "hilden"}]),
        BotUttered("Hallo!", {"buttons": None}, {"utter_action": "utter_greet"}),
        SlotSet("sector", "handwerk"),
        ev.Restarted(),
        ev.UserUtteranceReverted(),
        ev.AllSlotsReset(),
        ev.ReminderScheduled("remind", datetime(2027, 1, 1), name="r1", kill_on_user_message=False),
        ev.ReminderCancelled(name="r1"),
        ev.ActionReverted(),
        ev.StoryExported("story.yml"),
        ev.FollowupAction("interview_form"),
        ev.ConversationPaused(),
        ev.ConversationResumed(),
        ev.AgentUttered("agent", {"x": 1}),
        ev.ActiveLoop("interview_form"),
        ev.LegacyForm("interview_form"),
        ev.LoopInterrupted(True),
        ev.LegacyFormValidation(False),
        ev.ActionExecutionRejected("interview_form", "RulePolicy", 1.0),
        ActionExecuted("action_listen", "RulePolicy", 0.9, action_text=None),
        {"event": "topic", "topic": "legacy"},  # Rasa skips these; so do we
        {"no_event_key": True},
    ]


def test_event_deserialisation_matches_rasa():
    from rasa.shared.core.events import AlwaysEqualEventMixin, deserialise_events

    serialised = [e if isinstance(e, dict) else e.as_dict() for e in every_event_type()]
    ours = ts.deserialise_events(serialised)
    assert [type(e) for e in ours] == [type(e) for e in deserialise_events(serialised)]
    assert [e.as_dict() for e in ours] == [e.as_dict() for e in deserialise_events(serialised)]
    assert len(ours) == len(serialised) - 2

    class CustomEvent(AlwaysEqualEventMixin):  # an event class defined after the cache filled
        type_name = "digitalcheck_custom"

        def as_story_string(self) -> str:
            return self.type_name

    custom = CustomEvent(timestamp=1.0).as_dict()
    assert type(Event.from_parameters(custom)) is CustomEvent
    assert type(ts.deserialise_events([custom])[0]) is CustomEvent
    with pytest.raises(ValueError):
        ts.deserialise_events([{"event": "no_such_event"}])


def test_every_event_type_round_trips_as_with_the_stock_store(backend, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    stock = SQLTrackerStore(domain(), dialect="sqlite", db=str(tmp_path / "stock.db"))
    store = backend.store()
    # StoryExported is left out: applying it writes a story file
    events = [e for e in every_event_type() if isinstance(e, Event) and e.type_name != "export"]
    for target in (stock, store):
        run(play(target, "all-types", [copy.deepcopy(events)]))
    for method in ("retrieve", "retrieve_full_tracker"):
        ours = run(getattr(store, method)("all-types"))
        theirs = run(getattr(stock, method)("all-types"))
        assert dicts(ours) == dicts(theirs)
        assert ours.current_slot_values() == theirs.current_slot_values()
        assert ours.active_loop == theirs.active_loop
        assert ours.latest_message == theirs.latest_message
    stock.engine.dispose()


def test_created_from_endpoints_like_rasa_does(tmp_path, monkeypatch):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n"
        "  type: bot.privacy.tracker_store.PrivacySQLTrackerStore\n"
        "  dialect: sqlite\n"
        f'  db: "{tmp_path / "tracker.db"}"\n'
        "  purge_interval_seconds: 0\n"
    )
    store = TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"), domain())
    try:
        assert type(store) is ts.PrivacySQLTrackerStore  # async methods: no wrapper needed
        assert store.domain.slots
        assert (tmp_path / "tracker.db").exists()
    finally:
        store.close()


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


# --- erasure -------------------------------------------------------------------------------------


def erase_turn():
    return [
        user("Bitte löschen Sie meine Daten", "erase_data"),
        ActionExecuted("action_erase_conversation"),
        BotUttered("Ich habe das Gespräch gelöscht. Wir beginnen von vorn."),
        ActionExecuted("action_listen"),
    ]


def test_erase_action_deletes_every_session_and_stores_nothing(backend):
    store = backend.store()
    old = time.time() - 2 * 3600
    run(play(store, "erase-me", interview_turns(timestamp=old)))
    run(play(store, "erase-me", [session_start() + [user("Hallo", "greet")]]))
    run(play(store, "keep-me", interview_turns()))
    assert backend.count("erase-me") > 20

    run(play(store, "erase-me", [erase_turn()]))

    assert backend.count("erase-me") == 0
    assert run(store.retrieve("erase-me")) is None
    assert run(store.retrieve_full_tracker("erase-me")) is None
    assert "erase-me" not in run(store.keys())
    assert run(store.retrieve("keep-me")) is not None

    # the next message starts a brand-new conversation
    fresh = run(play(store, "erase-me", [session_start() + [user("Hallo", "greet")]]))
    again = run(store.retrieve_full_tracker("erase-me"))
    assert dicts(again) == dicts(fresh)
    assert len(again.events) == 4
    assert again.get_slot("consent") is None


def test_erase_method(backend):
    from rasa.core.tracker_store import FailSafeTrackerStore

    store = ts.privacy_store(FailSafeTrackerStore(backend.store()))  # as agent.tracker_store
    assert isinstance(store, ts.PrivacySQLTrackerStore)
    assert ts.privacy_store(None) is None
    run(play(store, "by-method", interview_turns()))
    run(play(store, "other", interview_turns()))
    deleted = run(store.erase("by-method"))
    assert deleted > 20
    assert backend.count("by-method") == 0
    assert run(store.retrieve("by-method")) is None
    assert backend.count("other") > 0
    assert run(store.erase("by-method")) == 0


# --- deleted data is unrecoverable from the SQLite files -----------------------------------------


def fill(store, sender_id: str, secret: str, turns: int = 30) -> None:
    """Enough data to span many pages (b-tree splits, overflow pages for big events)."""
    events = session_start()
    for n in range(turns):
        events += [
            user(f"Wir sind ein Malerbetrieb {secret} Nummer {n} " + "x" * 300),
            ActionExecuted("interview_form"),
            SlotSet("requested_slot", "employees"),
            BotUttered(f"Frage {n} " + "y" * 5000),  # > page size: overflow pages
            ActionExecuted("action_listen"),
        ]
    run(play(store, sender_id, [events]))


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
@pytest.mark.parametrize("how", ["erase_action", "erase_method", "retention"])
def test_deleted_conversation_is_in_no_file(sqlite_backend, journal_mode, how):
    if journal_mode == "wal":
        with sqlite3.connect(sqlite_backend.sqlite_path) as connection:
            assert connection.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    store = sqlite_backend.store()
    secret, other = marker(), marker()
    fill(store, "gone", secret)
    fill(store, "stays", other)
    keeper = sqlite3.connect(sqlite_backend.sqlite_path)  # a reader holding the WAL open
    assert files_containing(sqlite_backend.dir, secret)  # it really was on disk

    if how == "erase_action":
        run(play(store, "gone", [erase_turn()]))
    elif how == "erase_method":
        run(store.erase("gone"))
    else:
        later = store.now().timestamp() + 31 * 86400
        assert retention.purge_expired(store, datetime_from(later), 30) == 2
        fill(store, "stays", other)  # new data after the purge is fine

    keeper.close()
    assert files_containing(sqlite_backend.dir, secret) == []
    assert files_containing(sqlite_backend.dir, "gone") == []  # the sender id too
    if how != "retention":
        assert files_containing(sqlite_backend.dir, other)
        assert run(store.retrieve("stays")) is not None


def datetime_from(timestamp: float):
    from datetime import datetime

    return datetime.fromtimestamp(timestamp)


def test_without_secure_delete_sqlite_leaves_deleted_rows_in_the_file(tmp_path):
    """Control: shows that the test above would catch a missing PRAGMA."""
    path = tmp_path / "plain.db"
    secret = marker()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA secure_delete=OFF")
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, data TEXT)")
        connection.executemany(
            "INSERT INTO events (data) VALUES (?)",
            [(f"{secret} {n} " + "x" * 500,) for n in range(50)],
        )
        connection.commit()
        connection.execute("DELETE FROM events")
        connection.commit()
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert path.read_bytes().count(secret.encode()) > 0


def test_every_connection_turns_secure_delete_on(tmp_path):
    path = tmp_path / "p.db"

    def connect():
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA secure_delete=OFF")  # as on a system compiled without it
        return connection

    engine = sa.create_engine("sqlite://", creator=connect)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 0
    retention.install_sqlite_pragmas(engine)
    retention.install_sqlite_pragmas(engine)  # idempotent
    engine.dispose()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_store_connections_have_secure_delete(sqlite_backend):
    store = sqlite_backend.store()
    with store.session_scope() as session:
        assert session.execute(sa.text("PRAGMA secure_delete")).scalar() == 1


def test_indexes_are_created_once(backend):
    backend.store()
    backend.store()  # a second start finds them
    engine = backend.engine()
    try:
        names = {index["name"] for index in sa.inspect(engine).get_indexes("events")}
    finally:
        engine.dispose()
    assert set(retention.INDEXES) <= names
