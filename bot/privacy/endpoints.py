"""The tracker store's database as Rasa configures it: the URL Rasa builds from the
``tracker_store`` block of an endpoints file (:func:`db_url`) and an engine for it
(:func:`engine_from_endpoints`), without starting Rasa. Used by ``python -m
bot.privacy.retention``.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

import sqlalchemy as sa

from bot.privacy.sqlite_store import install_sqlite_pragmas

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
