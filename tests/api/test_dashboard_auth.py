"""Staff login for the dashboard: redirect, CSRF, cookie flags, logout, users from env/CLI."""

from __future__ import annotations

import io
import re

import pytest

from api.services import staff_auth
from tests.api.dashboard_data import PASSWORD, clean_dashboard_tables, login

__all__ = ["clean_dashboard_tables"]


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize(
    "path", ["/dashboard", "/dashboard/report?month=2026-03", "/dashboard/export/funnel.csv"]
)
def test_without_login_redirects_to_login(client, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard/login"


def test_login_sets_a_hardened_session_cookie_and_logout_clears_it(client) -> None:
    login(client)
    response = client.get("/dashboard/login", follow_redirects=False)
    assert response.status_code == 303  # already logged in
    page = client.get("/dashboard")
    assert page.status_code == 200 and "Digitalcheck-Auswertung" in page.text
    assert page.headers["cache-control"] == "no-store"
    token = csrf_of(page.text)
    out = client.post("/dashboard/logout", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_cookie_flags(client) -> None:
    from api.core.db import SessionLocal

    with SessionLocal() as db:
        staff_auth.set_db_user(db, "anna", PASSWORD)
    form = client.get("/dashboard/login")
    body = {"csrf": csrf_of(form.text), "username": "anna", "password": PASSWORD}
    response = client.post("/dashboard/login", data=body, follow_redirects=False)
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("dc_staff=")
    ).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/dashboard" in cookie


def test_wrong_password_unknown_user_and_missing_csrf_fail(client) -> None:
    from api.core.db import SessionLocal

    with SessionLocal() as db:
        staff_auth.set_db_user(db, "anna", PASSWORD)
    for name, password in (("anna", "falsch-falsch"), ("bert", PASSWORD)):
        token = csrf_of(client.get("/dashboard/login").text)  # a failed login renews the token
        body = {"csrf": token, "username": name, "password": password}
        response = client.post("/dashboard/login", data=body, follow_redirects=False)
        assert response.status_code == 401
        assert "nicht korrekt" in response.text
    body = {"csrf": "forged", "username": "anna", "password": PASSWORD}
    assert client.post("/dashboard/login", data=body).status_code == 400
    body["csrf"] = csrf_of(client.get("/dashboard/login").text)
    cross = client.post("/dashboard/login", data=body, headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_tampered_session_cookie_is_rejected(client) -> None:
    login(client)
    value = client.cookies.get("dc_staff")
    client.cookies.clear()
    client.cookies.set("dc_staff", value[:-2] + "xx", path="/dashboard")
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_users_from_env(client, monkeypatch) -> None:
    hashed = staff_auth.hash_password("env-passwort-1")
    other = staff_auth.hash_password("env-passwort-2")
    users = staff_auth.env_users(f"carla:{hashed},dieter:{other}")
    assert users == {"carla": hashed, "dieter": other}
    monkeypatch.setattr(staff_auth.settings, "STAFF_USERS", f"carla:{hashed}")
    token = csrf_of(client.get("/dashboard/login").text)
    body = {"csrf": token, "username": "carla", "password": "env-passwort-1"}
    assert client.post("/dashboard/login", data=body, follow_redirects=False).status_code == 303


def test_cli_creates_and_updates_staff_users(client, monkeypatch, capsys) -> None:
    from api.cli import main
    from api.core.db import SessionLocal

    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-passwort\n"))
    assert main(["staff-user", "erika", "--password-stdin"]) == 0
    assert "angelegt" in capsys.readouterr().out
    with SessionLocal() as db:
        assert staff_auth.authenticate(db, "erika", "ein-langes-passwort")
        assert not staff_auth.authenticate(db, "erika", "falsch")
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    with pytest.raises(SystemExit):
        main(["staff-user", "erika", "--password-stdin"])
