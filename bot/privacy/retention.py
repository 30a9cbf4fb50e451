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

Nothing here logs or prints a message text or a sender id: only counts.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence
from urllib.parse import urlsplit

import sqlalchemy as sa

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
# Speeds up the stock store's queries (latest session start per sender, events of one sender in
# order) and lets the purge find expired conversations from the index alone.
INDEXES = {
    "ix_events_sender_type_timestamp": "events (sender_id, type_name, timestamp)",
    "ix_events_sender_timestamp": "events (sender_id, timestamp)",
}
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


# --- SQLite: deleted means overwritten --------------------------------------------------------


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


def _secure(connection: sa.engine.Connection) -> None:
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
        _secure(connection)
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


# --- Erasure and retention --------------------------------------------------------------------


def erase_conversation(store_or_engine: Any, sender_id: str, compact_file: bool = True) -> int:
    """Deletes every stored event of ``sender_id`` (all sessions); returns the number of events.

    With ``compact_file`` (default) the SQLite file is compacted before returning.
    """
    engine = engine_of(store_or_engine)
    with engine.begin() as connection:
        _secure(connection)
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
            _secure(connection)
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


STORE_CLASS = "bot.privacy.tracker_store.PrivacySQLTrackerStore"
URL_KEYS = ("dialect", "host", "port", "db", "username", "password", "query")


def db_url(
    dialect: str = "sqlite",
    host: Optional[str] = None,
    port: Optional[int] = None,
    db: str = "rasa.db",
    username: Optional[str] = None,
    password: Optional[str] = None,
    query: Optional[Dict[str, Any]] = None,
) -> Any:
    """The URL Rasa's ``SQLTrackerStore.get_db_url`` builds (without importing Rasa's store)."""
    if host and "://" in host:
        return host  # a complete URL in `host`
    if host:
        parsed = urlsplit(f"scheme://{host}")
        port = parsed.port or port
        host = parsed.hostname or host
    return sa.engine.URL.create(
        dialect, username, password, host, int(port) if port else None, db, query or {}
    )


def _is_sql_store(kind: str) -> bool:
    if kind.lower() == "sql" or kind == STORE_CLASS:
        return True
    if kind.lower() in ("redis", "mongod", "dynamo"):
        return False
    import rasa.shared.utils.common
    from rasa.core.tracker_store import SQLTrackerStore

    try:
        store_class = rasa.shared.utils.common.class_from_module_path(kind)
    except (ImportError, AttributeError) as error:
        raise ValueError(f"unknown tracker store type {kind!r}") from error
    return isinstance(store_class, type) and issubclass(store_class, SQLTrackerStore)


def engine_from_endpoints(path: str) -> Optional[sa.engine.Engine]:
    """The SQL engine of the endpoints file's ``tracker_store`` (``None`` if none is persisted).

    Reads the file like Rasa does (``${ENV}`` substitution); accepts ``type: SQL`` and any SQL
    tracker store class such as ``bot.privacy.tracker_store.PrivacySQLTrackerStore``.
    """
    with warnings.catch_warnings():  # Rasa's import-time deprecation noise
        warnings.simplefilter("ignore")
        from rasa.utils.endpoints import read_endpoint_config

    if not Path(path).is_file():
        raise FileNotFoundError(f"endpoints file not found: {path}")
    config = read_endpoint_config(path, "tracker_store")
    if config is None or not config.type:
        return None
    if not _is_sql_store(config.type):
        raise ValueError(f"tracker store type {config.type!r} is not an SQL tracker store")
    settings = {k: config.kwargs[k] for k in URL_KEYS if config.kwargs.get(k) is not None}
    if config.url and "host" not in settings:
        settings["host"] = config.url
    url = db_url(**settings)
    kwargs: Dict[str, Any] = {}
    schema = os.environ.get("POSTGRESQL_SCHEMA")  # as Rasa's create_engine_kwargs
    if schema and "postgresql" in str(url):
        kwargs["connect_args"] = {"options": f"-csearch_path={schema}"}
    engine = sa.create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or not Path(database).is_file():
            return None  # never create an empty database just to purge it
    install_sqlite_pragmas(engine)
    return engine


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
