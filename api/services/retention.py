"""Retention: events and assessments older than RETENTION_MONTHS are deleted at start-up and by
`python -m api.cli purge`."""

from __future__ import annotations

import logging

from api.core.db import SessionLocal
from api.services.funnel import purge_expired

logger = logging.getLogger("api.retention")


def purge_at_startup() -> dict:
    with SessionLocal() as db:
        result = purge_expired(db)
    logger.info("retention purge: %s", result)
    return result
