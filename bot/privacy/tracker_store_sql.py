"""The privacy tracker store's SQL plumbing: a pooled engine for SQLite files, the stock event
queries as prepared SQL texts, and one retention thread per database and process.

Part of :mod:`bot.privacy.tracker_store`: its ``PrivacySQLTrackerStore`` calls these while
starting and closing.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any, Callable, Dict, Optional, Tuple

import sqlalchemy as sa
from rasa.shared.core.events import SessionStarted

from bot.privacy import retention


def pooled_sqlite_engine(engine: sa.engine.Engine) -> Optional[sa.engine.Engine]:
    """SQLite file: keep connections open between turns (a pool) instead of SQLAlchemy 1.4's
    default of opening and closing the file for every session. Each open ran the pragmas
    and read the schema, and each close of the last connection checkpointed and removed the
    WAL file: ~10 % of the Rasa server's CPU per turn (py-spy). Connections are used by one
    thread at a time (pool), so SQLite's same-thread check is off for them.

    Disposes ``engine`` and returns the pooled one for its URL; ``None`` (``engine`` untouched)
    for other databases and in-memory SQLite."""
    url = engine.url
    if engine.dialect.name != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    engine.dispose()
    return sa.create_engine(
        url,
        poolclass=sa.pool.QueuePool,
        pool_size=5,
        max_overflow=10,
        connect_args={"check_same_thread": False},
    )


def event_statements(engine: sa.engine.Engine, table: sa.Table) -> Tuple[Any, Any]:
    """The stock ``_event_query`` as prepared SQL texts: (all sessions, latest session)."""
    name = engine.dialect.identifier_preparer.format_table(table)
    all_sessions = sa.text(
        f"SELECT e.data FROM {name} e WHERE e.sender_id = :sender_id ORDER BY e.id"
    )
    session = sa.text(
        f"SELECT e.data FROM {name} e, (SELECT max(s.timestamp) AS session_start "
        f"FROM {name} s WHERE s.sender_id = :sender_id AND s.type_name = :session_type) l "
        "WHERE e.sender_id = :sender_id "
        "AND (e.timestamp >= l.session_start OR l.session_start IS NULL) ORDER BY e.id"
    ).bindparams(session_type=SessionStarted.type_name)
    return all_sessions, session


# One retention thread per database and process (Rasa may build the store more than once, e.g.
# when a new model is loaded over the HTTP API).
_schedulers: Dict[str, retention.DailyPurge] = {}
_schedulers_lock = threading.Lock()


def start_purge_thread(
    engine: sa.engine.Engine, days: int, interval: float, now: Callable[[], datetime]
) -> Optional[retention.DailyPurge]:
    """The running retention thread of ``engine``'s database (given ``days`` and ``now``), else a
    new one; ``None`` when ``interval`` is not positive."""
    if interval <= 0:
        return None
    key = repr(engine.url)
    with _schedulers_lock:
        running = _schedulers.get(key)
        if running is not None and running.is_alive():
            running.days, running.now = days, now
            return running
        thread = retention.DailyPurge(engine, days, interval, now)
        thread.start()
        _schedulers[key] = thread
        return thread


def stop_purge_thread(engine: sa.engine.Engine, thread: retention.DailyPurge) -> None:
    """Stops ``thread`` and forgets it if it is ``engine``'s database's retention thread."""
    thread.stop()
    with _schedulers_lock:
        if _schedulers.get(repr(engine.url)) is thread:
            del _schedulers[repr(engine.url)]
