"""Retention and erasure for the conversation tracker store (Rasa's SQL ``events`` table).

Conversations whose newest event is older than ``CONVERSATION_RETENTION_DAYS`` (default 30,
counted from the last message) are deleted: by the tracker store on start and daily while it
runs, and from the command line (``make purge``)::

    python -m bot.privacy.retention [--endpoints endpoints.yml] [--days N]
                                    [--now 2027-01-31T12:00:00] [--erase SENDER_ID]

``--now`` replaces the clock (tests, staff checking what a later purge would do); a time
without an offset is local time. ``--erase`` deletes one conversation at once (erasure request
received by e-mail or phone). The database settings come from the ``tracker_store`` block of
the endpoints file, exactly as Rasa reads them.

Deleted means gone from the files too. On SQLite every connection runs
``PRAGMA secure_delete=ON`` (deleted rows are overwritten with zeros instead of lingering in
free pages). That alone is not enough: when SQLite rebalances a b-tree it leaves stale copies of
moved cells (e.g. sender ids in index pages) in the unused part of a page, where
``secure_delete`` does not reach (measured: a deleted sender id survived in an index leaf page).
So every delete is followed by ``VACUUM`` (the file is rewritten from the live rows only) and,
when the database runs in WAL mode, by ``PRAGMA wal_checkpoint(TRUNCATE)`` so no old page
survives in the ``-wal`` file either.

Nothing here logs or prints a message text or a sender id: only counts. The SQLite specifics
live in :mod:`bot.privacy.sqlite_store`, the reading of the endpoints file in
:mod:`bot.privacy.endpoints`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, List, Optional, Sequence

import sqlalchemy as sa

from bot.privacy.endpoints import db_url, engine_from_endpoints  # noqa: F401 (db_url: API)
from bot.privacy.sqlite_store import (  # noqa: F401 (re-exported for the store and tests)
    BUSY_TIMEOUT_MS,
    INDEXES,
    Compactor,
    compact,
    ensure_indexes,
    install_sqlite_pragmas,
    secure_delete_on,
)

logger = logging.getLogger(__name__)

RETENTION_ENV = "CONVERSATION_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
DAY_SECONDS = 24 * 60 * 60

# Rasa's SQLTrackerStore table, described without importing Rasa (keeps the CLI light).
EVENTS = sa.table(
    "events",
    sa.column("id"),
    sa.column("sender_id"),
    sa.column("timestamp"),
    sa.column("type_name"),
)
_CHUNK = 500  # sender ids per DELETE statement


def retention_days(environ: Optional[Dict[str, str]] = None) -> int:
    """``CONVERSATION_RETENTION_DAYS`` as a whole number ≥ 1 (default 30); refuses anything else."""
    raw = (os.environ if environ is None else environ).get(RETENTION_ENV, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if days < 1:
        raise ValueError(f"{RETENTION_ENV} must be a whole number of days ≥ 1, not {raw!r}")
    return days


def cutoff(now: datetime, days: int) -> float:
    """Epoch seconds before which a conversation's last event must lie to be expired."""
    if days < 1:
        raise ValueError("the retention period must be at least one day")
    return (now - timedelta(days=days)).timestamp()


def engine_of(store_or_engine: Any) -> sa.engine.Engine:
    if isinstance(store_or_engine, sa.engine.Engine):
        return store_or_engine
    engine = getattr(store_or_engine, "engine", None)
    if not isinstance(engine, sa.engine.Engine):
        raise TypeError("expected an SQLAlchemy engine or an SQL tracker store")
    return engine


# --- Erasure and retention --------------------------------------------------------------------


def erase_conversation(store_or_engine: Any, sender_id: str, compact_file: bool = True) -> int:
    """Deletes every stored event of ``sender_id`` (all sessions); returns the number of events.

    With ``compact_file`` (default) the SQLite file is compacted before returning.
    """
    engine = engine_of(store_or_engine)
    with engine.begin() as connection:
        secure_delete_on(connection)
        deleted = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id == sender_id))
        count = deleted.rowcount or 0
    if count and compact_file:
        compact(engine)
    return count


def _has_events_table(engine: sa.engine.Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def expired_senders(store_or_engine: Any, now: datetime, days: int) -> List[str]:
    """Sender ids whose newest event lies more than ``days`` days before ``now``."""
    engine = engine_of(store_or_engine)
    if not _has_events_table(engine):
        return []
    limit = cutoff(now, days)
    query = (
        sa.select(EVENTS.c.sender_id)
        .group_by(EVENTS.c.sender_id)
        .having(sa.func.max(EVENTS.c.timestamp) < limit)
    )
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(query)]


def purge_expired(store_or_engine: Any, now: datetime, days: int) -> int:
    """Deletes every conversation whose newest event is older than ``days`` days before ``now``.

    Returns the number of conversations (sender ids) deleted. A conversation that receives a
    new event while the purge runs is kept: the delete re-checks the age in the same statement.
    """
    engine = engine_of(store_or_engine)
    limit = cutoff(now, days)
    senders = expired_senders(engine, now, days)
    if not senders:
        return 0
    recent = sa.select(EVENTS.c.sender_id).where(EVENTS.c.timestamp >= limit)
    deleted = 0
    for start in range(0, len(senders), _CHUNK):
        chunk = senders[start : start + _CHUNK]
        with engine.begin() as connection:
            secure_delete_on(connection)
            connection.execute(
                sa.delete(EVENTS)
                .where(EVENTS.c.sender_id.in_(chunk))
                .where(EVENTS.c.sender_id.not_in(recent.where(EVENTS.c.sender_id.in_(chunk))))
            )
            left = connection.execute(
                sa.select(sa.func.count(sa.distinct(EVENTS.c.sender_id))).where(
                    EVENTS.c.sender_id.in_(chunk)
                )
            ).scalar()
        deleted += len(chunk) - int(left or 0)
    if deleted:
        compact(engine)
    return deleted


class DailyPurge(threading.Thread):
    """Daemon thread: ``purge_expired`` every ``interval`` seconds (default daily).

    It never touches the asyncio event loop; SQL runs on its own connections.
    """

    def __init__(
        self,
        engine: sa.engine.Engine,
        days: int,
        interval: float = DAY_SECONDS,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(name="conversation-retention", daemon=True)
        self.engine = engine
        self.days = days
        self.interval = interval
        self.now = now
        self.runs = 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(self.interval):
            try:
                count = purge_expired(self.engine, self.now(), self.days)
                if count:
                    logger.info(
                        "Retention: deleted %d conversation(s) older than %d days",
                        count,
                        self.days,
                    )
            except Exception as error:  # keep running; the next round tries again
                logger.error("Retention purge failed: %s", type(error).__name__)
            self.runs += 1

    def stop(self) -> None:
        self._stopped.set()


# --- Command line -----------------------------------------------------------------------------


def _parse_now(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date/time: {value!r}") from error


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 1: {value!r}")
    return number


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.privacy.retention",
        description="Delete conversations older than the retention period from the tracker store.",
    )
    parser.add_argument("--endpoints", default="endpoints.yml", help="Rasa endpoints file")
    parser.add_argument(
        "--days",
        type=_positive_int,
        default=None,
        help=f"retention in days (default: ${RETENTION_ENV} or {DEFAULT_RETENTION_DAYS})",
    )
    parser.add_argument(
        "--now", type=_parse_now, default=None, help="pretend it is this time (ISO 8601)"
    )
    parser.add_argument(
        "--erase", metavar="SENDER_ID", default=None, help="delete this one conversation now"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    try:
        days = args.days if args.days is not None else retention_days()
        engine = engine_from_endpoints(args.endpoints)
    except (ValueError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if engine is None:
        print("Tracker store: nothing stored (no SQL tracker store or no database yet).")
        return 0
    try:
        if args.erase is not None:
            count = erase_conversation(engine, args.erase)
            print(f"Tracker store: erased 1 conversation ({count} events)." if count else
                  "Tracker store: no conversation with this id.")  # fmt: skip
            return 0
        now = args.now or datetime.now()
        count = purge_expired(engine, now, days)
    finally:
        engine.dispose()
    last = datetime.fromtimestamp(cutoff(now, days)).isoformat(timespec="seconds")
    print(
        f"Tracker store: deleted {count} conversation(s) whose last message is older than "
        f"{days} days (before {last})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
