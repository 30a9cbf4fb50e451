"""Re-assessment T0 -> T1: looking up the earlier assessment by the hash of the owner's code.

The action server generates the re-check code (e.g. ``DC-7KQ4-M2PX``), shows it once and sends
only its HMAC (64 lowercase hex) with the record; the code never reaches the API, and the hash
is never logged. A lookup answers the earlier record's coded profile, scores and month.

Enumeration: besides the code's entropy and the service token, failed lookups are limited
globally (all callers together): once ``RECHECK_FAILURES_PER_MINUTE`` lookups have failed within
the last 60 seconds, every lookup answers 429 until the oldest failure is a minute old. The
counter lives in memory (one per API process; run one worker, or the limit multiplies).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core.codes import DIMENSIONS
from api.core.config import settings
from api.models import Assessment
from api.schemas import RecheckLookupOut, RecheckProfile

WINDOW_SECONDS = 60.0


class FailureLimiter:
    """Sliding one-minute window of failed lookups, shared by all callers."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._failures and now - self._failures[0] >= WINDOW_SECONDS:
            self._failures.popleft()

    def retry_after(self) -> int:
        """Seconds until a lookup is allowed again; 0 when it is allowed now."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            if len(self._failures) < self.limit:
                return 0
            oldest = self._failures[len(self._failures) - self.limit]
            return max(1, int(WINDOW_SECONDS - (now - oldest)) + 1)

    def failed(self) -> None:
        with self._lock:
            now = self.clock()
            self._expire(now)
            self._failures.append(now)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


failures = FailureLimiter(settings.RECHECK_FAILURES_PER_MINUTE)


def lookup(db: Session, recheck_hash: str) -> RecheckLookupOut:
    """The earlier assessment with this re-check hash (or ``found: false``)."""
    record = db.scalar(select(Assessment).where(Assessment.recheck_hash == recheck_hash))
    if record is None:
        return RecheckLookupOut(found=False)
    return RecheckLookupOut(
        found=True,
        profile=RecheckProfile(
            size_class=record.size_class, sector=record.sector, municipality=record.municipality
        ),
        scores={d: getattr(record, f"score_{d}") for d in DIMENSIONS},
        overall=record.overall,
        month=record.completed_on.strftime("%Y-%m"),
    )
