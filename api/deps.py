"""FastAPI dependencies: database session, bearer tokens, the logged-in staff member.

- ``StaffToken``: ``Authorization: Bearer <STAFF_TOKEN>`` (staff statistics); 401 otherwise.
- ``ServiceToken``: ``Authorization: Bearer <SERVICE_TOKEN>`` (the action server's writes);
  401 without a bearer token, 403 with a wrong one.
- ``CurrentStaff``: the staff session of the dashboard (signed cookie); without one the request
  is redirected to the login page (see :class:`LoginRequired` and the handler in main.py).
Tokens are compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.core.config import settings
from api.core.db import SessionLocal
from api.services import staff_auth

staff_bearer = HTTPBearer(
    auto_error=False, scheme_name="StaffToken", description="Staff token (env STAFF_TOKEN)"
)
service_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ServiceToken",
    description="Service token of the action server (env SERVICE_TOKEN)",
)
Credentials = HTTPAuthorizationCredentials | None


def get_db() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty configured token never matches."""
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


def require_staff(credentials: Annotated[Credentials, Depends(staff_bearer)]) -> None:
    if not token_matches(credentials.credentials if credentials else "", settings.STAFF_TOKEN):
        raise _unauthorized("invalid or missing staff token")


def require_service(credentials: Annotated[Credentials, Depends(service_bearer)]) -> None:
    if credentials is None or not credentials.credentials:
        raise _unauthorized("missing service token")
    if not token_matches(credentials.credentials, settings.SERVICE_TOKEN):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid service token")


class LoginRequired(Exception):
    """No valid staff session: answered with a redirect to the login page."""


def current_staff(request: Request) -> dict[str, Any]:
    session = staff_auth.read_session(request.cookies.get(staff_auth.SESSION_COOKIE))
    if session is None:
        raise LoginRequired
    return session


SessionDep = Annotated[Session, Depends(get_db)]
StaffToken = Depends(require_staff)
ServiceToken = Depends(require_service)
CurrentStaff = Annotated[dict[str, Any], Depends(current_staff)]
