"""Session fixtures for the website tests: the real stack (API serving the demo page, action
server, Rasa with the socket.io channel) and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.servers import MODEL, ROOT, Stack

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    running = Stack(tmp_path_factory.mktemp("web-stack"), rasa_args=["--cors", "*"])
    running.extra_env["RASA_PUBLIC_URL"] = running.rasa_url
    try:
        running.start_api()
        if not running.with_api:
            pytest.fail("The API (serving the demo page) is not installed")
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("chromium not found: run scripts/install_chromium.sh")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Opens a page in a fresh browser context (own localStorage) of the given size."""
    contexts = []

    def open_page(width: int = 1280, height: int = 860):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
