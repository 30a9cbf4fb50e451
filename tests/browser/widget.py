"""Drives the chat widget on a Playwright page like a user does."""

from __future__ import annotations

import re
import time
from typing import List, Optional

from playwright.sync_api import Page, expect

BOT_ROWS = ".dcw-row.dcw-bot"
# No new bot message for this long = the answer is complete. The form's next question follows
# the first answer after an action-server round trip: 1.2 s measured on a busy 2-core machine.
QUIET_SECONDS = 2.0
ASKED_SECONDS = 0.4  # ... unless the last message asks with answer buttons
PROGRESS = re.compile(r"Frage (\d+) von (\d+)")
CONSENT = "Ja, Check starten"
PROFILE = "Malerbetrieb in Hilden, 9 Leute"
CONFIRM = "Alles richtig – Ergebnis zeigen"
SUMMARY = "Bitte prüfen Sie Ihre Antworten"


class Widget:
    def __init__(self, page: Page) -> None:
        self.page = page

    def bot_count(self) -> int:
        return self.page.locator(BOT_ROWS).count()

    def settle(self, before: int, timeout: float = 30) -> None:
        """Waits for the bot's answer: new messages, then no more for a moment."""
        self.page.wait_for_function(
            "n => document.querySelectorAll('.dcw-row.dcw-bot').length > n",
            arg=before,
            timeout=timeout * 1000,
        )
        deadline = time.monotonic() + timeout
        last, stable_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            count = self.bot_count()
            typing = self.page.locator(".dcw-typing").is_visible()
            if count != last or typing:
                last, stable_since = count, time.monotonic()
                continue
            quiet = time.monotonic() - stable_since
            # A question's answer buttons come with the last message of a reply.
            if quiet > QUIET_SECONDS or (quiet > ASKED_SECONDS and self._asks()):
                return
            time.sleep(0.1)

    def _asks(self) -> bool:
        return bool(self.page.locator(f"{BOT_ROWS}:last-child .dcw-choices").count())

    def bot_texts(self, since: int = 0) -> List[str]:
        return self.page.locator(f"{BOT_ROWS} .dcw-bubble").all_text_contents()[since:]

    def text_since(self, before: int) -> str:
        rows = self.page.locator(BOT_ROWS)
        return "\n".join(rows.nth(i).inner_text() for i in range(before, rows.count()))

    def choices(self) -> List[str]:
        return self.page.locator(".dcw-messages .dcw-choice").all_text_contents()

    def click(self, title: str) -> None:
        before = self.bot_count()
        self.page.locator(".dcw-messages .dcw-choice", has_text=title).filter(
            has_text=re.compile(f"^{re.escape(title)}$")
        ).first.click()
        self.settle(before)

    def type(self, text: str) -> None:
        before = self.bot_count()
        self.page.locator("#dcw-input").fill(text)
        self.page.locator("#dcw-input").press("Enter")
        self.settle(before)

    def progress(self) -> Optional[int]:
        label = self.page.locator(".dcw-progress-label")
        if not label.is_visible():
            return None
        match = PROGRESS.search(label.inner_text())
        return int(match.group(1)) if match else None

    def progress_label(self) -> str:
        label = self.page.locator(".dcw-progress-label")
        return label.inner_text() if label.is_visible() else ""

    # --- whole steps -------------------------------------------------------------------
    def start_interview(self) -> None:
        """Consent and the three profile answers in one sentence: question 1 is shown."""
        self.click(CONSENT)
        self.type(PROFILE)
        assert self.progress() == 1, self.bot_texts()[-3:]

    def answer_until_summary(self, limit: int = 40) -> int:
        """Answers every question by button (varied answers) until the read-back summary."""
        for number in range(limit):
            choices = self.choices()
            if CONFIRM in choices:
                return number
            answers = [c for c in choices if c != "Weiß nicht"] or choices
            assert answers, f"no answer buttons: {self.bot_texts()[-2:]}"
            self.click(answers[(number * 2) % len(answers)])
        raise AssertionError("no read-back summary after {limit} answers")


def open_widget(base_url: str, page: Page, path: str = "/") -> Widget:
    """Opens the demo page and the chat by its launcher; waits for the greeting."""
    page.goto(f"{base_url}{path}")
    expect(page.locator(".dcw-launcher")).to_be_visible()
    widget = Widget(page)
    page.locator(".dcw-launcher").click()
    widget.settle(0)
    return widget
