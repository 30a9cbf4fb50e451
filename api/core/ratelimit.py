"""Rate limits (slowapi): staff logins are limited per client address (LOGIN_RATE_LIMIT).

The counters live in memory, per process. Behind a reverse proxy every request comes from the
proxy's address: run uvicorn with --proxy-headers (and --forwarded-allow-ips) there.
"""

from __future__ import annotations

from slowapi import Limiter
from slowapi.util import get_remote_address

from api.core.config import settings

limiter = Limiter(key_func=get_remote_address)


def login_limit() -> str:
    return settings.LOGIN_RATE_LIMIT
