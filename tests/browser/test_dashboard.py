"""Staff dashboard in headless Chromium: login, filters, CSV export, redirect without login.

Starts only the API (uvicorn from .venv-api) on a free port with a temporary SQLite database
seeded with generated data (scripts/dashboard_seed.py); Rasa is not needed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.e2e.servers import API_VENV, ROOT, free_port, wait_until_up

USER, PASSWORD = "pruefer", "browser-test-passwort"
POPULATION = "Ausgewertete Betriebe in der Auswahl"


@pytest.fixture(scope="module")
def dashboard_api(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("dashboard-api")
    port = free_port()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'api.db'}",
        SECRET_KEY="browser-test-secret-key-0123456789",
        PYTHONPATH=str(ROOT),
        STAFF_USERS="",
    )
    python = str(API_VENV / "bin" / "python")
    seed = [python, "scripts/dashboard_seed.py", "--assessments", "3000", "--events", "60000"]
    subprocess.run(seed, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    subprocess.run(
        [python, "-m", "api.cli", "staff-user", USER, "--password-stdin"],
        cwd=ROOT, env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True,
    )  # fmt: skip
    log = workdir / "api.log"
    cmd = [str(API_VENV / "bin" / "uvicorn"), "api.main:app", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*cmd, "--port", str(port)], cwd=ROOT, env=env, stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{url}/health", 60, process, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def overview_value(page, label: str) -> str:
    card = page.locator(".card", has=page.locator(".label", has_text=label))
    return card.locator(".value").inner_text()


def test_login_filter_export_and_screenshot(dashboard_api, new_page, artifacts) -> None:
    page = new_page(1360, 900)
    page.goto(f"{dashboard_api}/dashboard")
    assert page.url.endswith("/dashboard/login")
    page.fill("#username", USER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{dashboard_api}/dashboard")
    assert page.locator("[data-testid=staff-name]").inner_text() == USER
    everyone = int(overview_value(page, POPULATION))
    assert everyone == 3000
    assert page.locator("canvas").count() >= 8
    page.wait_for_function("() => typeof Chart !== 'undefined' && Chart.instances")
    assert page.evaluate("() => Object.keys(Chart.instances).length") >= 8
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=False)
    page.screenshot(path=str(artifacts / "dashboard-full.png"), full_page=True)

    page.select_option("select[name=sector]", "handwerk")
    page.click("form[data-testid=filters] button[type=submit]")
    page.wait_for_url("**sector=handwerk**")
    handwerk = int(overview_value(page, POPULATION))
    assert 0 < handwerk < everyone
    first_sector = page.locator("[data-testid=table-by_sector] tbody th").first.inner_text()
    assert first_sector == "handwerk"

    with page.expect_download() as info:
        page.click("[data-testid=csv-by_municipality]")
    target = artifacts / "dashboard-by_municipality.csv"
    info.value.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").strip().splitlines()
    assert lines[0] == "Ort;Anzahl;Ø Gesamtwert"
    assert sum(int(line.split(";")[1]) for line in lines[1:] if line.count(";") == 2) <= handwerk
    page.screenshot(path=str(artifacts / "dashboard-handwerk.png"), full_page=False)

    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copyfile(artifacts / "dashboard.png", docs / "dashboard.png")

    page.click("text=Abmelden")
    page.wait_for_url("**/dashboard/login")


def log_in(page, url: str) -> None:
    page.goto(f"{url}/dashboard")
    page.fill("#username", USER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/dashboard")


def test_gap_table_heat_map_and_funnel_titles(dashboard_api, new_page, artifacts) -> None:
    page = new_page(1360, 900)
    log_in(page, dashboard_api)
    # Bedarf vs. Angebot: the table, largest gap first, and the heat map
    gaps = page.locator("[data-testid=table-gaps]")
    gaps.scroll_into_view_if_needed()
    assert gaps.is_visible()
    headers = gaps.locator("thead th").all_inner_texts()
    assert headers[:3] == ["Segment", "Thema", "Betriebe mit Bedarf"]
    assert headers[-1].startswith("Lücke")
    rows = gaps.locator("tbody tr")
    assert rows.count() >= 10
    values = [
        float(t.replace(",", ".")) for t in gaps.locator("tbody tr td:last-child").all_inner_texts()
    ]
    assert values == sorted(values, reverse=True)
    heat = page.locator("[data-testid=table-gap_matrix]")
    assert heat.locator("td.heat-5").count() >= 1
    page.locator("#table-gaps").screenshot(path=str(artifacts / "dashboard-gaps.png"))
    page.locator("#table-gap_matrix").screenshot(path=str(artifacts / "dashboard-gap-heatmap.png"))
    shutil.copyfile(artifacts / "dashboard-gap-heatmap.png", ROOT / "docs" / "dashboard-gaps.png")
    # re-assessed firms (the seed links about 8 % of the checks to an earlier one)
    change = page.locator("[data-testid=table-recheck_change] tbody th").all_inner_texts()
    assert change[0] == "Gesamt"
    # the funnel: German short titles, never a negative drop-off
    funnel = page.locator("[data-testid=table-funnel]")
    assert funnel.locator("tbody th").first.inner_text() == "Beschäftigte"
    assert "strategy_goals" not in funnel.inner_text()
    drops = funnel.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert all(not d.startswith("-") and not d.startswith("−") for d in drops)
    reasks = page.locator("[data-testid=table-reasks] tbody th").all_inner_texts()
    assert reasks and all("_" not in title for title in reasks)
    # the CSV export of the gap table is the same table
    with page.expect_download() as info:
        page.click("[data-testid=csv-gaps]")
    target = artifacts / "dashboard-gaps.csv"
    info.value.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").strip().splitlines()
    assert lines[0].startswith("Segment;Thema;Betriebe mit Bedarf")
    data = [line for line in lines[1:] if line.count(";") == 6]  # without the hidden-groups note
    assert len(data) == rows.count()


def test_second_visit_without_login_is_redirected(dashboard_api, new_page) -> None:
    page = new_page()
    response = page.goto(f"{dashboard_api}/dashboard?sector=handwerk")
    assert page.url.endswith("/dashboard/login")
    assert response.status == 200
    assert page.locator("#password").is_visible()
    csv = page.request.get(f"{dashboard_api}/dashboard/export/overview.csv", max_redirects=0)
    assert csv.status == 303
