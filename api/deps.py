"""FastAPI dependencies: database session and staff authentication."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.core.config import settings
from api.core.db import SessionLocal

bearer = HTTPBearer(auto_error=False, description="Staff token (env STAFF_TOKEN)")


def get_db() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session


def require_staff(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    expected = settings.STAFF_TOKEN.encode()
    given = (credentials.credentials if credentials else "").encode()
    # Constant-time comparison; an empty configured token never matches.
    if not expected or not hmac.compare_digest(given, expected):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="invalid or missing staff token",
            headers={"WWW-Authenticate": "Bearer"},
        )


SessionDep = Annotated[Session, Depends(get_db)]
StaffDep = Depends(require_staff)
