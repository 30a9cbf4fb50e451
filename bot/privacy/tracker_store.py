"""Rasa's SQL tracker store with privacy built in: the last line of defence before the disk.

Configured in ``endpoints.yml``::

    tracker_store:
      type: bot.privacy.tracker_store.PrivacySQLTrackerStore
      dialect: sqlite                 # or postgresql with host/port/db/username/password
      db: var/rasa/tracker.db

Rasa 3.6 imports the class from its module path and calls it with ``host`` (the block's
``url``), ``domain``, ``event_broker`` and the remaining keys of the block as keyword arguments.

What it adds to ``SQLTrackerStore``:

* **Redaction before every write** (also of what goes to an event broker), a second net behind
  the channels' redaction: user texts (``text``, ``parse_data.text``) pass through
  ``bot.privacy.redact.redact``; entities and slot values taken from personal data are dropped
  (e.g. an IBAN's digit groups read as numbers), other entity and slot strings are redacted; a
  bot message quoting a user text quotes the redacted one (details:
  :class:`bot.privacy.sanitize.EventSanitizer`). Event metadata is reduced to an allow-list
  (``redacted``, ``model_id``, ``assistant_id``, ``is_external``, ``utter_action``): client
  metadata (e.g. Telegram user data) is dropped, also from the ``session_started_metadata``
  slot. Without the redactor the store refuses to start. Nothing here logs a message text or a
  sender id; SQL errors hide their parameters.
* **Erasure.** When the events being saved contain ``ActionExecuted(action_erase_conversation)``
  every stored event of that sender (all sessions) is deleted and nothing of the tracker is
  stored: the next message starts a brand-new conversation. ``erase(sender_id)`` does the same
  on demand.
* **Retention.** Conversations whose newest event is older than
  ``CONVERSATION_RETENTION_DAYS`` (default 30) are deleted on start and every
  ``purge_interval_seconds`` (default: daily) by a daemon thread; a retrieve of an expired
  conversation deletes it and returns nothing, so no conversation outlives the period even
  between two purges. See ``bot.privacy.retention``.
* **Deleted means unrecoverable** on SQLite: ``PRAGMA secure_delete=ON`` on every connection,
  and after every delete a ``VACUUM`` (stale copies of moved b-tree cells survive
  ``secure_delete``) plus a ``wal_checkpoint(TRUNCATE)`` when WAL is on. The VACUUM of an
  erasure runs in a worker thread, so the event loop keeps serving other conversations;
  concurrent erasures share one VACUUM.
* **Faster retrieve and save**, same results: indexes ``(sender_id, type_name, timestamp)`` and
  ``(sender_id, timestamp)`` (created if missing) serve the stock store's "latest session start"
  subquery and the purge; retrieve runs the stock query as one prepared SQL text (no ORM query
  building and cache-key generation per turn), reads only the ``data`` column and resolves event
  classes from a cache instead of scanning all ``Event`` subclasses per event. Save needs the
  number of events already stored for the session: for a tracker this store has just retrieved
  it is the number of rows retrieved (the same query the stock store counts again at save time;
  the lock store keeps other writers out between the two), otherwise it is counted as before.
  New rows are written with one Core ``INSERT`` (executemany) instead of ORM objects.

The parts outside the store class live in :mod:`bot.privacy.tracker_store_events` (the redactor
loader, event deserialisation, the erasure request) and :mod:`bot.privacy.tracker_store_sql`
(the pooled SQLite engine, the prepared queries, the retention thread per database); their
public names are re-exported here.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
from datetime import datetime
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.privacy import retention
from bot.privacy.sanitize import (  # noqa: F401 (REMOVED, REDACTED_KEY, Redactor: re-exported)
    ALLOWED_METADATA,
    REDACTED_KEY,
    REMOVED,
    EventSanitizer,
    Redactor,
)
from bot.privacy.tracker_store_events import (  # noqa: F401 (ERASE_ACTION: this module's API)
    ERASE_ACTION,
    deserialise_events,
    erasure_requested,
    load_redactor,
)
from bot.privacy.tracker_store_sql import (
    event_statements,
    pooled_sqlite_engine,
    start_purge_thread,
    stop_purge_thread,
)

logger = logging.getLogger(__name__)

# Set on a tracker by ``_retrieve``: (sender_id, rows of the latest session read), used once by
# the next ``save`` of that tracker instead of counting the rows again.
_STORED_ROWS = "_privacy_store_rows"


def privacy_store(tracker_store: Any) -> Optional[PrivacySQLTrackerStore]:
    """The ``PrivacySQLTrackerStore`` inside Rasa's wrappers (``agent.tracker_store`` is a
    ``FailSafeTrackerStore``), e.g. to call ``erase`` from a custom endpoint; else ``None``."""
    seen = 0
    while tracker_store is not None and seen < 5:
        if isinstance(tracker_store, PrivacySQLTrackerStore):
            return tracker_store
        tracker_store = getattr(tracker_store, "_tracker_store", None)
        seen += 1
    return None


class PrivacySQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that redacts before writing, erases on request and expires data."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        dialect: str = "sqlite",
        host: Optional[str] = None,
        port: Optional[int] = None,
        db: str = "rasa.db",
        username: Optional[str] = None,
        password: Optional[str] = None,
        event_broker: Optional[EventBroker] = None,
        login_db: Optional[str] = None,
        query: Optional[Dict] = None,
        allowed_metadata: Optional[Iterable[str]] = None,
        purge_interval_seconds: float = retention.DAY_SECONDS,
        now: Optional[Callable[[], datetime]] = None,
        **kwargs: Any,
    ) -> None:
        # Fail before touching the database: no redactor or no valid retention, no store.
        self.sanitizer = EventSanitizer(
            load_redactor(), ALLOWED_METADATA | frozenset(allowed_metadata or ())
        )
        self.retention_days = retention.retention_days()
        self.now: Callable[[], datetime] = now or datetime.now
        super().__init__(
            domain, dialect, host, port, db, username, password, event_broker, login_db, query,
            **kwargs,
        )  # fmt: skip
        self._pool_sqlite_connections()
        # SQL errors must not carry statement parameters (message texts) into logs.
        self.engine.hide_parameters = True
        self._prepare_statements()
        retention.install_sqlite_pragmas(self.engine)
        self.engine.dispose()  # connections opened while creating tables lack the pragma
        retention.ensure_indexes(self.engine)
        self.compactor = retention.Compactor(self.engine)
        purged = retention.purge_expired(self.engine, self.now(), self.retention_days)
        if purged:
            logger.info("Retention: deleted %d expired conversation(s) on start", purged)
        self.purge_thread = self._start_purge_thread(float(purge_interval_seconds))

    def _pool_sqlite_connections(self) -> None:
        """SQLite file: a pool of open connections instead of a new one per session (see
        :func:`bot.privacy.tracker_store_sql.pooled_sqlite_engine`)."""
        engine = pooled_sqlite_engine(self.engine)
        if engine is None:
            return
        self.engine = engine
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _start_purge_thread(self, interval: float) -> Optional[retention.DailyPurge]:
        return start_purge_thread(self.engine, self.retention_days, interval, self.now)

    def close(self) -> None:
        """Stops the retention thread and closes the connections (tests, tools)."""
        if self.purge_thread is not None:
            stop_purge_thread(self.engine, self.purge_thread)
        self.engine.dispose()

    # -- erasure --

    async def erase(self, sender_id: str) -> int:
        """Deletes every stored event of ``sender_id``; returns how many events were deleted.

        Returns when the data is gone from the files too (the SQLite VACUUM runs in a worker
        thread, not on the event loop).
        """
        count = self._delete(sender_id)
        if count:
            ticket = self.compactor.deleted()
            await asyncio.get_running_loop().run_in_executor(None, self.compactor.compact, ticket)
        return count

    def erase_now(self, sender_id: str) -> int:
        """Synchronous ``erase`` (for threads and scripts)."""
        count = self._delete(sender_id)
        if count:
            self.compactor.compact(self.compactor.deleted())
        return count

    def _delete(self, sender_id: str) -> int:
        count = retention.erase_conversation(self.engine, sender_id, compact_file=False)
        if count:
            logger.info("Erased one conversation (%d events)", count)
        return count

    # -- retrieve: an expired conversation is deleted, never served --

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        """The stock query, but only the ``data`` column and a cached event-class lookup.

        Rasa's ``Event.from_parameters`` walks all ``Event`` subclasses (with
        ``inspect.isabstract``) for every event; for a 260-event interview that was more than
        half of the retrieve time. The result is the same tracker.
        """
        statement = self._all_sessions_sql if fetch_events_from_all_sessions else self._session_sql
        with self.session_scope() as session:
            rows = session.execute(statement, {"sender_id": sender_id}).all()
        events = [json.loads(data) for (data,) in rows]
        if not (self.domain and events):
            return None
        timestamps = [
            e["timestamp"] for e in events if isinstance(e.get("timestamp"), (int, float))
        ]
        limit = retention.cutoff(self.now(), self.retention_days)
        if timestamps and max(timestamps) < limit:
            await self.erase(sender_id)
            return None
        tracker = DialogueStateTracker.from_events(
            sender_id, deserialise_events(events), self.domain.slots
        )
        if not fetch_events_from_all_sessions:
            # What the stock save would count: the rows of this session stored so far.
            setattr(tracker, _STORED_ROWS, (sender_id, len(rows)))
        return tracker

    def _prepare_statements(self) -> None:
        """The stock ``_event_query`` (latest session / all sessions) as prepared SQL texts."""
        self._all_sessions_sql, self._session_sql = event_statements(
            self.engine, self.SQLEvent.__table__
        )

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """As the stock store (events after those stored for this session), counted cheaply:
        known from the retrieve for a tracker this store has just built, else counted."""
        known = tracker.__dict__.pop(_STORED_ROWS, None)  # once: a second save counts again
        if known is not None and known[0] == tracker.sender_id and known[1] <= len(tracker.events):
            stored = known[1]
        else:
            query = self._event_query(
                session, tracker.sender_id, fetch_events_from_all_sessions=False
            )
            stored = query.with_entities(sa.func.count(self.SQLEvent.id)).order_by(None).scalar()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    # -- save: erase on request, otherwise redact and write --

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the new events, redacted; erases the conversation instead if it asked to."""
        with self.session_scope() as session:
            events = list(self._additional_events(session, tracker))
            erase = erasure_requested(events)
            if not erase:
                await self.stream_events(tracker)
                records = self.sanitizer.sanitize([event.as_dict() for event in events])
                rows = []
                for event, data in zip(events, records, strict=True):
                    intent = (data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY)
                    rows.append(
                        {
                            "sender_id": tracker.sender_id,
                            "type_name": event.type_name,
                            "timestamp": data.get("timestamp"),
                            "intent_name": intent,
                            "action_name": data.get("name"),
                            "data": json.dumps(data),
                        }
                    )
                if rows:
                    session.execute(self.SQLEvent.__table__.insert(), rows)
                session.commit()
        if erase:
            await self.erase(tracker.sender_id)

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: List[Event], sender_id: str
    ) -> None:
        """Publishes the same redacted events that are stored."""
        for data in self.sanitizer.sanitize([event.as_dict() for event in new_events]):
            event_broker.publish({"sender_id": sender_id, **data})
