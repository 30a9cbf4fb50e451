"""Staff logins for the dashboard: argon2 password hashes and a signed session cookie.

Users come from the env `STAFF_USERS` ("name:$argon2id$...,other:$argon2id$...", hashes as
printed by `python -m api.cli hash-password`) and from the `staff_users` table
(`python -m api.cli staff-user NAME`). The session cookie is signed with SECRET_KEY
(itsdangerous), HttpOnly, SameSite=Lax, Secure when SESSION_COOKIE_SECURE is set.
"""

from __future__ import annotations

import hmac
import re
import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core.config import settings
from api.models import StaffUser

SESSION_COOKIE = "dc_staff"
LOGIN_CSRF_COOKIE = "dc_login_csrf"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
_ENV_ENTRY = re.compile(
    r"([A-Za-z0-9_.@-]{1,64}):"
    r"(\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)"
)

hasher = PasswordHasher()
# Verified when the user does not exist, so that unknown names take as long as wrong passwords.
_DUMMY_HASH = hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return hasher.hash(password)


def env_users(raw: str | None = None) -> dict[str, str]:
    """Parses STAFF_USERS; entries separated by commas, semicolons or whitespace."""
    return {m.group(1): m.group(2) for m in _ENV_ENTRY.finditer(raw or settings.STAFF_USERS)}


def authenticate(db: Session, name: str, password: str) -> bool:
    stored = env_users().get(name)
    if stored is None and NAME_PATTERN.match(name):
        stored = db.scalar(select(StaffUser.password_hash).where(StaffUser.name == name))
    try:
        hasher.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def set_db_user(db: Session, name: str, password: str) -> bool:
    """Creates or updates a staff user; True when created."""
    if not NAME_PATTERN.match(name):
        raise ValueError("name: 1-64 characters of A-Z a-z 0-9 _ . @ -")
    user = db.get(StaffUser, name)
    created = user is None
    if user is None:
        user = StaffUser(name=name, password_hash="")
        db.add(user)
    user.password_hash = hash_password(password)
    db.commit()
    return created


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.SECRET_KEY, salt=salt)


def make_session(name: str) -> str:
    return _serializer("staff-session").dumps({"user": name, "csrf": secrets.token_urlsafe(24)})


def read_session(cookie: str | None) -> dict[str, Any] | None:
    if not cookie:
        return None
    try:
        data = _serializer("staff-session").loads(cookie, max_age=settings.SESSION_MAX_AGE_SECONDS)
    except BadSignature:
        return None
    return data if isinstance(data, dict) and "user" in data and "csrf" in data else None


def new_login_csrf() -> tuple[str, str]:
    """A token for the login form and the signed cookie value that must accompany it."""
    token = secrets.token_urlsafe(24)
    return token, _serializer("login-csrf").dumps(token)


def check_login_csrf(cookie: str | None, token: str) -> bool:
    if not cookie or not token:
        return False
    try:
        expected = _serializer("login-csrf").loads(cookie, max_age=3600)
    except BadSignature:
        return False
    return isinstance(expected, str) and hmac.compare_digest(expected, token)


def cookie_options(max_age: int) -> dict[str, Any]:
    return {
        "max_age": max_age,
        "httponly": True,
        "samesite": "lax",
        "secure": settings.SESSION_COOKIE_SECURE,
        "path": "/dashboard",
    }
