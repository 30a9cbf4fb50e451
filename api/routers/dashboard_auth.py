"""Staff login and logout for the dashboard (signed, HttpOnly, SameSite=Lax session cookie).

The login form is CSRF-protected with a double-submit token (signed cookie + hidden field) and
an Origin check; logout is a POST with the session's CSRF token. Login attempts are rate-limited
per client (LOGIN_RATE_LIMIT, default 5/minute); the argon2 check runs in a worker thread so it
never blocks the event loop.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from slowapi.errors import RateLimitExceeded

from api.core.config import settings
from api.core.ratelimit import limiter, login_limit
from api.core.templates import templates
from api.deps import SessionDep
from api.services import staff_auth

router = APIRouter(prefix="/dashboard", include_in_schema=False)
LOGIN_URL = "/dashboard/login"


def to_login() -> RedirectResponse:
    return RedirectResponse(LOGIN_URL, status_code=status.HTTP_303_SEE_OTHER)


def check_origin(request: Request) -> None:
    """Rejects cross-site form posts (browsers send Origin with every POST)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "cross-site request")


async def form_fields(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


def login_page(request: Request, error: str = "", code: int = 200) -> Response:
    token, cookie = staff_auth.new_login_csrf()
    response = templates.TemplateResponse(
        request, "dashboard_login.html", {"csrf": token, "error": error}, status_code=code
    )
    response.set_cookie(staff_auth.LOGIN_CSRF_COOKIE, cookie, **staff_auth.cookie_options(3600))
    response.headers["Cache-Control"] = "no-store"
    return response


def too_many_logins(request: Request, _exc: RateLimitExceeded) -> Response:
    """Exception handler: the login form again, with 429 and a German hint."""
    hint = "Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen es erneut."
    response = login_page(request, hint, 429)
    response.headers["Retry-After"] = "60"
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    if staff_auth.read_session(request.cookies.get(staff_auth.SESSION_COOKIE)):
        return RedirectResponse("/dashboard", status_code=status.HTTP_303_SEE_OTHER)
    return login_page(request)


@router.post("/login")
@limiter.limit(login_limit)
async def login(request: Request, db: SessionDep) -> Response:
    check_origin(request)
    fields = await form_fields(request)
    cookie = request.cookies.get(staff_auth.LOGIN_CSRF_COOKIE)
    if not staff_auth.check_login_csrf(cookie, fields.get("csrf", "")):
        return login_page(request, "Das Formular ist abgelaufen. Bitte erneut versuchen.", 400)
    name, password = fields.get("username", "").strip(), fields.get("password", "")
    ok = bool(name and password) and await run_in_threadpool(
        staff_auth.authenticate, db, name, password
    )
    if not ok:
        return login_page(request, "Benutzername oder Passwort ist nicht korrekt.", 401)
    response = RedirectResponse("/dashboard", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        staff_auth.SESSION_COOKIE,
        staff_auth.make_session(name),
        **staff_auth.cookie_options(settings.SESSION_MAX_AGE_SECONDS),
    )
    response.delete_cookie(staff_auth.LOGIN_CSRF_COOKIE, path="/dashboard")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    check_origin(request)
    session = staff_auth.read_session(request.cookies.get(staff_auth.SESSION_COOKIE))
    fields = await form_fields(request)
    if session and not hmac.compare_digest(fields.get("csrf", ""), str(session["csrf"])):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid csrf token")
    response = to_login()
    response.delete_cookie(staff_auth.SESSION_COOKIE, path="/dashboard")
    return response
