"""Drives the chat widget on a Playwright page like a user does."""

from __future__ import annotations

import re
import time
from typing import List, Optional

from playwright.sync_api import Page

BOT_ROWS = ".dcw-row.dcw-bot"
# No new bot message for this long = the answer is complete. The form's next question follows
# the first answer after an action-server round trip: 1.2 s measured on a busy 2-core machine.
QUIET_SECONDS = 2.0
PROGRESS = re.compile(r"Frage (\d+) von (\d+)")


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
            elif time.monotonic() - stable_since > QUIET_SECONDS:
                return
            time.sleep(0.1)

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
