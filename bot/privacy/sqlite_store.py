"""SQLite for the tracker store: deleted means overwritten, and the indexes the queries need.

Every connection runs ``PRAGMA secure_delete=ON``; every delete is followed by ``VACUUM`` and, in
WAL mode, ``PRAGMA wal_checkpoint(TRUNCATE)`` (:func:`compact`, :class:`Compactor`), so no
deleted conversation survives in a free page, a stale index cell or the ``-wal`` file (see
:mod:`bot.privacy.retention`). Nothing here logs a message text or a sender id.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import sqlalchemy as sa

logger = logging.getLogger(__name__)

# Speeds up the stock store's queries (latest session start per sender, events of one sender in
# order) and lets the purge find expired conversations from the index alone.
INDEXES = {
    "ix_events_sender_type_timestamp": "events (sender_id, type_name, timestamp)",
    "ix_events_sender_timestamp": "events (sender_id, timestamp)",
}


BUSY_TIMEOUT_MS = 30_000  # wait for a running VACUUM instead of failing with "locked"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any = None) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # WAL with synchronous=NORMAL (as the API's database): a turn's commit appends to the
        # log without an fsync of the database file and a rollback journal (measured: commit
        # was ~6 % of the Rasa server's time per turn). A power loss may lose the last
        # committed turns, never the file. Deletes still end in VACUUM and
        # wal_checkpoint(TRUNCATE) (compact), so no deleted row stays in the -wal file.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() not in ("wal", "memory"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def install_sqlite_pragmas(engine: sa.engine.Engine) -> None:
    """Every new SQLite connection of ``engine`` runs ``PRAGMA secure_delete=ON``."""
    if engine.dialect.name != "sqlite":
        return
    if not sa.event.contains(engine, "connect", _sqlite_pragmas):
        sa.event.listen(engine, "connect", _sqlite_pragmas)


def secure_delete_on(connection: sa.engine.Connection) -> None:
    # Also set here: the engine may come from elsewhere (CLI, tests) without the listener.
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete=ON")


def compact(engine: sa.engine.Engine) -> None:
    """SQLite: rewrite the file from the live rows (``VACUUM``) and empty a WAL file.

    Afterwards no byte of a deleted row is left in the database, journal or WAL file. No-op on
    other databases (see docs: PostgreSQL frees the space with its own VACUUM).
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        secure_delete_on(connection)
        connection.exec_driver_sql("VACUUM")
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        if str(mode).lower() != "wal":
            return
        for attempt in range(20):
            busy, _log, _done = connection.exec_driver_sql(
                "PRAGMA wal_checkpoint(TRUNCATE)"
            ).fetchone()
            if not busy:
                return
            time.sleep(0.05 * (attempt + 1))
    logger.warning("WAL checkpoint after a delete stayed busy; the next delete retries it")


class Compactor:
    """Coalesces ``compact`` calls: a caller whose delete is already covered by a compaction
    that started after it returns at once; concurrent erasures share one VACUUM."""

    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._counter = threading.Lock()
        self._deletes = 0  # deletes committed so far
        self._compacted = 0  # deletes covered by the last finished compaction

    def deleted(self) -> int:
        """Call after a committed delete; returns the ticket to pass to ``compact``."""
        with self._counter:
            self._deletes += 1
            return self._deletes

    def compact(self, ticket: int) -> None:
        with self._lock:
            if self._compacted >= ticket:
                return
            with self._counter:
                covered = self._deletes
            compact(self.engine)
            self._compacted = covered


def ensure_indexes(engine: sa.engine.Engine) -> None:
    """Creates the indexes above if missing (idempotent; tolerates a parallel creator)."""
    for name, target in INDEXES.items():
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
        except sa.exc.DBAPIError as error:  # e.g. another replica created it in the same moment
            logger.warning("Could not create index %s: %s", name, type(error).__name__)
