"""Takes the README's screenshots of the widget with Playwright against a running stack.

    .venv-bot/bin/python -m tests.browser.screenshots                  # starts its own stack
    .venv-bot/bin/python -m tests.browser.screenshots --url http://127.0.0.1:8000   # make run

Writes docs/widget.png (the demo page with the widget mid-interview, a question with its answer
buttons) and docs/summary.png (the read-back summary with its buttons). Needs chromium
(scripts/install_chromium.sh) and a trained model when it starts its own stack.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS
from tests.browser.widget import Widget, open_widget
from tests.e2e.servers import ROOT, Stack

DOCS = ROOT / "docs"
SIZE = {"width": 1280, "height": 860}
MID_QUESTION = 5


def take(api_url: str, docs: Path = DOCS) -> None:
    executable = shutil.which("chromium")
    if not executable:
        sys.exit("chromium not found: run scripts/install_chromium.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=SIZE, locale="de-DE", reduced_motion="reduce")
            page = context.new_page()
            page.set_default_timeout(30_000)
            widget: Widget = open_widget(api_url, page)
            widget.start_interview()
            answers = ["Teilweise", "Ja", "Nein", "Teilweise", "Ja"]
            while (widget.progress() or 0) < MID_QUESTION:
                choices = widget.choices()
                wanted = answers[((widget.progress() or 1) - 1) % len(answers)]
                widget.click(wanted if wanted in choices else choices[0])
            page.mouse.move(0, 0)  # no hover effect on the buttons
            page.screenshot(path=str(docs / "widget.png"))

            widget.answer_until_summary()
            page.evaluate(
                """() => {
                  const log = document.querySelector('.dcw-messages');
                  const grid = log.querySelector('.dcw-grid');
                  log.scrollTop = grid.offsetTop - 250;
                }"""
            )
            page.mouse.move(0, 0)
            page.screenshot(path=str(docs / "summary.png"))
        finally:
            browser.close()
    print(f"wrote {docs / 'widget.png'} and {docs / 'summary.png'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="API URL of a running stack (default: start one)")
    args = parser.parse_args()
    if args.url:
        take(args.url.rstrip("/"))
        return
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(Path(workdir), rasa_args=["--cors", "*"])
        stack.extra_env["RASA_PUBLIC_URL"] = stack.rasa_url
        try:
            stack.start_all()
            take(stack.api_url)
        finally:
            stack.stop()


if __name__ == "__main__":
    main()
