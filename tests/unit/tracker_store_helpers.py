"""Shared pieces of the tracker store and retention tests: backends and conversations.

Every test runs on a real SQLite file and, when ``TEST_DATABASE_URL_PG`` is set, on PostgreSQL
too (in a schema of its own, dropped afterwards). If that variable is set and PostgreSQL cannot
be reached, the tests fail; they never skip.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import string
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from bot.privacy import tracker_store as ts

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "TEST_DATABASE_URL_PG"


def pg_url() -> Optional[str]:
    """The PostgreSQL DSN for the Rasa env (psycopg2 dialect), or None when not configured."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        return None
    return re.sub(r"^postgresql\+\w+://", "postgresql://", url).replace(
        "postgres://", "postgresql://", 1
    )


BACKENDS = ["sqlite"] + (["postgresql"] if pg_url() else [])


@lru_cache(maxsize=1)
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


# --- backends -------------------------------------------------------------------------------


class Backend:
    """Creates stores on one database (a temp SQLite file, or a fresh PostgreSQL schema)."""

    def __init__(self, kind: str, tmp_path: Path, monkeypatch) -> None:
        self.kind = kind
        self.dir = tmp_path / "db"
        self.dir.mkdir()
        self.stores: List[ts.PrivacySQLTrackerStore] = []
        self.schema: Optional[str] = None
        if kind == "postgresql":
            url = pg_url()
            admin = sa.create_engine(url)
            try:
                with admin.begin() as connection:
                    self.schema = f"tracker_test_{uuid.uuid4().hex[:12]}"
                    connection.exec_driver_sql(f"CREATE SCHEMA {self.schema}")
            except sa.exc.OperationalError as error:
                pytest.fail(f"{PG_ENV} is set but PostgreSQL is unreachable: {error}")
            finally:
                admin.dispose()
            monkeypatch.setenv("POSTGRESQL_SCHEMA", self.schema)

    @property
    def sqlite_path(self) -> Path:
        return self.dir / "tracker.db"

    def settings(self) -> Dict[str, Any]:
        if self.kind == "sqlite":
            return {"dialect": "sqlite", "db": str(self.sqlite_path)}
        return {"host": pg_url()}

    def store(self, **kwargs: Any) -> ts.PrivacySQLTrackerStore:
        kwargs.setdefault("purge_interval_seconds", 0)
        store = ts.PrivacySQLTrackerStore(domain=domain(), **self.settings(), **kwargs)
        self.stores.append(store)
        return store

    def engine(self) -> sa.engine.Engine:
        if self.kind == "sqlite":
            return sa.create_engine(f"sqlite:///{self.sqlite_path}")
        return sa.create_engine(pg_url(), connect_args={"options": f"-csearch_path={self.schema}"})

    def stored_data(self) -> str:
        """Every stored event's JSON, concatenated (what the database holds, as text)."""
        engine = self.engine()
        try:
            with engine.connect() as connection:
                rows = connection.exec_driver_sql("SELECT sender_id, data FROM events").fetchall()
        finally:
            engine.dispose()
        return "\n".join(f"{sender} {data}" for sender, data in rows)

    def count(self, sender_id: Optional[str] = None) -> int:
        engine = self.engine()
        try:
            with engine.connect() as connection:
                query = "SELECT count(*) FROM events"
                if sender_id is None:
                    return connection.exec_driver_sql(query).scalar()
                return connection.exec_driver_sql(
                    query + " WHERE sender_id = " + ("?" if self.kind == "sqlite" else "%s"),
                    (sender_id,),
                ).scalar()
        finally:
            engine.dispose()

    def close(self) -> None:
        for store in self.stores:
            store.close()
        if self.schema:
            admin = sa.create_engine(pg_url())
            with admin.begin() as connection:
                connection.exec_driver_sql(f"DROP SCHEMA {self.schema} CASCADE")
            admin.dispose()


def file_bytes(directory: Path) -> Dict[str, bytes]:
    """Every file under ``directory`` (database, -wal, -journal, -shm)."""
    return {p.name: p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def files_containing(directory: Path, needle: str) -> List[str]:
    raw = needle.encode()
    return [name for name, data in file_bytes(directory).items() if raw in data]


def marker() -> str:
    """A unique word no redactor touches (letters only)."""
    return "zqmarker" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


# --- conversations ---------------------------------------------------------------------------


def user(
    text: str,
    intent: str = "inform",
    entities: Iterable[Dict[str, Any]] = (),
    metadata: Optional[Dict[str, Any]] = None,
    timestamp: Optional[float] = None,
) -> UserUttered:
    intent_data = {"name": intent, "confidence": 0.97}
    parse_data = {
        "intent": intent_data,
        "entities": list(entities),
        "text": text,
        "intent_ranking": [intent_data, {"name": "deny", "confidence": 0.02}],
        "response_selector": {},
    }
    return UserUttered(
        text,
        intent_data,
        list(entities),
        parse_data,
        timestamp=timestamp,
        input_channel="rest",
        message_id=uuid.uuid4().hex,
        metadata=dict(metadata or {"model_id": "m1", "assistant_id": "digitalcheck"}),
    )


def session_start(timestamp: Optional[float] = None) -> List[Event]:
    return [
        ActionExecuted("action_session_start", timestamp=timestamp),
        SessionStarted(timestamp=timestamp),
        ActionExecuted("action_listen", timestamp=timestamp),
    ]


def interview_turns(timestamp: Optional[float] = None) -> List[List[Event]]:
    """Three turns of a normal interview (no personal data): events appended per turn."""
    t = timestamp
    return [
        session_start(t)
        + [
            user("Hallo", "greet", timestamp=t),
            ActionExecuted("utter_privacy_notice", timestamp=t),
            BotUttered(
                "Kurzer Hinweis zum Datenschutz …",
                {"buttons": [{"title": "Ja", "payload": "/affirm"}]},
                {"utter_action": "utter_privacy_notice", "model_id": "m1"},
                timestamp=t,
            ),
            ActionExecuted("action_listen", timestamp=t),
        ],
        [
            user("ja, einverstanden", "affirm", timestamp=t),
            ActionExecuted("action_start_interview", timestamp=t),
            SlotSet("consent", True, timestamp=t),
            ActionExecuted("interview_form", timestamp=t),
            ActiveLoop("interview_form", timestamp=t),
            SlotSet("requested_slot", "employees", timestamp=t),
            BotUttered("Wie viele Beschäftigte hat Ihr Betrieb?", timestamp=t),
            ActionExecuted("action_listen", timestamp=t),
        ],
        [
            user(
                "Malerbetrieb in Hilden, 9 Leute",
                entities=[
                    {
                        "entity": "employees",
                        "value": 9,
                        "text": "9 Leute",
                        "start": 22,
                        "end": 29,
                        "extractor": "ProfileExtractor",
                    },
                    {
                        "entity": "sector",
                        "value": "handwerk",
                        "text": "Malerbetrieb",
                        "start": 0,
                        "end": 12,
                        "extractor": "ProfileExtractor",
                    },
                ],
                timestamp=t,
            ),
            ActionExecuted("interview_form", timestamp=t),
            SlotSet("employees", 9, timestamp=t),
            SlotSet("sector", "handwerk", timestamp=t),
            SlotSet("municipality", "hilden", timestamp=t),
            SlotSet("funnel_key", secrets.token_hex(16), timestamp=t),
            SlotSet("maturity", {"overall": 40, "dimensions": {"tools": None}}, timestamp=t),
            SlotSet("recommendations", ["o1", "o2"], timestamp=t),
            SlotSet("requested_slot", "strategy_goals", timestamp=t),
            BotUttered("Frage 1 von 18 · Thema: Strategie", timestamp=t),
            ActionExecuted("action_listen", timestamp=t),
        ],
    ]


async def play(store, sender_id: str, turns: Iterable[List[Event]]):
    """Like Rasa's processor: per turn retrieve (or create), append the turn's events, save."""
    tracker = None
    for events in turns:
        tracker = await store.get_or_create_tracker(sender_id, append_action_listen=False)
        for event in events:
            tracker.update(event)
        await store.save(tracker)
    return tracker


def insert_events(store, sender_ids: Iterable[str], timestamp: float, per_sender: int = 3) -> None:
    """Many small conversations at once, written directly (fast set-up for purge tests)."""
    rows = [
        {
            "sender_id": sender_id,
            "type_name": "user",
            "timestamp": timestamp,
            "data": json.dumps({"event": "user", "timestamp": timestamp, "text": "Hallo"}),
        }
        for sender_id in sender_ids
        for _ in range(per_sender)
    ]
    with store.engine.begin() as connection:
        connection.execute(store.SQLEvent.__table__.insert(), rows)


def dicts(tracker) -> List[Dict[str, Any]]:
    return [event.as_dict() for event in tracker.events]
