"""WCAG 2.1 A/AA audit (BITV 2.0) with axe-core in headless chromium, against the real stack.

axe-core is the npm package pinned in tests/browser/axe/ (installed by scripts/install_axe.sh,
injected into each page; no CDN). Every audit asserts zero violations of the rules tagged
wcag2a, wcag2aa, wcag21a and wcag21aa on: the demo page (widget closed and open), the widget
mid-interview with answer buttons, the widget with the read-back summary, the widget with the
result, and the printable result page with offerings, earlier and peer values. The full axe
results are saved as tests/artifacts/axe-<page>.json.

Besides axe, the things axe cannot see: the live region holds only new bot texts, every
control has a name, focus after an answer, the chart's text alternative states the scores.

The staff dashboard (login and overview with its charts) is audited and enforced the same way.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from contract.catalogue import load_catalogue
from contract.questionnaire import load_questionnaire
from tests.browser.axe_audit import audit, describe
from tests.browser.test_dashboard import PASSWORD, USER, dashboard_api  # noqa: F401 (fixture)
from tests.browser.widget import CONFIRM, SUMMARY, Widget


def assert_clean(page: Page, name: str, artifacts) -> None:
    violations = audit(page, name, artifacts)
    assert not violations, f"axe: WCAG 2.1 A/AA violations on {name}:\n{describe(violations)}"


class Walk:
    """One visitor on the demo page, moved on step by step (each test reaches its own step)."""

    STEPS = ["closed", "open", "mid", "summary", "result"]

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.widget = Widget(page)
        self.step: Optional[str] = None

    def reach(self, step: str) -> Widget:
        target = self.STEPS.index(step)
        while self.step is None or self.STEPS.index(self.step) < target:
            following = self.STEPS[0 if self.step is None else self.STEPS.index(self.step) + 1]
            getattr(self, f"_to_{following}")()
            self.step = following
        assert self.step == step, f"the walk is already past {step} (at {self.step})"
        return self.widget

    def _to_closed(self) -> None:
        self.page.goto(f"{self.base_url}/")
        expect(self.page.locator(".dcw-launcher")).to_be_visible()

    def _to_open(self) -> None:
        self.page.locator(".dcw-launcher").click()
        self.widget.settle(0)
        expect(self.page.locator(".dcw-choice").first).to_be_visible()

    def _to_mid(self) -> None:
        self.widget.start_interview()
        self.widget.click("Ja")
        self.widget.click("Nein")
        assert self.widget.progress() == 3
        expect(self.page.locator(".dcw-choices .dcw-choice").first).to_be_visible()

    def _to_summary(self) -> None:
        self.widget.answer_until_summary()
        assert SUMMARY in self.widget.bot_texts()[-1]

    def _to_result(self) -> None:
        self.widget.click(CONFIRM)
        image = self.page.locator(".dcw-image").first
        expect(image).to_be_visible()
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.dcw-image')]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )


@pytest.fixture(scope="module")
def walk(stack, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield Walk(page, stack.api_url)
    context.close()


def unnamed_controls(page: Page) -> List[str]:
    """Buttons, links and inputs of the widget without an accessible name (Chromium's view)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.dcw button, .dcw a, .dcw input')]
            .filter(e => e.offsetParent !== null)
            .filter(e => {
              const label = e.labels && e.labels.length ? e.labels[0].textContent : '';
              const img = e.querySelector('img[alt]');
              const name = (e.getAttribute('aria-label') || label || e.textContent ||
                            (img ? img.alt : '') || e.title || '').trim();
              return !name;
            }).map(e => e.outerHTML.slice(0, 120))"""
    )


# --- demo page and widget ----------------------------------------------------------------------


def test_demo_page_with_the_widget_closed(walk, artifacts) -> None:
    walk.reach("closed")
    page = walk.page
    assert page.evaluate("() => document.documentElement.lang") == "de"
    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()
    expect(page.get_by_role("complementary", name="Digitalcheck-Chat")).to_be_attached()
    assert_clean(page, "demo-closed", artifacts)


def test_widget_open_has_names_and_a_polite_live_region(walk, artifacts) -> None:
    widget = walk.reach("open")
    page = walk.page
    dialog = page.get_by_role("dialog", name="Digitalcheck")
    expect(dialog).to_be_visible()
    expect(page.get_by_role("textbox", name="Ihre Nachricht")).to_be_focused()
    expect(page.get_by_role("button", name="Gespräch neu starten")).to_be_visible()
    expect(page.get_by_role("button", name="Chat schließen")).to_be_visible()
    expect(page.get_by_role("region", name="Gesprächsverlauf")).to_be_visible()
    expect(page.get_by_role("group", name="Antwortmöglichkeiten")).to_be_visible()
    assert unnamed_controls(page) == []
    # Only the announcer is live; it holds the new bot texts, not the transcript.
    live = page.locator(".dcw [aria-live]")
    assert live.count() == 1 and live.get_attribute("aria-live") == "polite"
    assert page.locator(".dcw-messages[aria-live], .dcw-messages[role=log]").count() == 0
    announced = live.locator("p").all_text_contents()
    assert announced and "Datenschutz" in " ".join(announced)
    assert widget.bot_texts()[-1].split()[0] in announced[-1]
    assert_clean(page, "widget-open", artifacts)


def test_widget_mid_interview_with_answer_buttons(walk, artifacts) -> None:
    walk.reach("mid")
    page = walk.page
    progress = page.get_by_role("progressbar", name="Fortschritt")
    assert progress.get_attribute("aria-valuetext") == "Frage 3 von 18"
    group = page.get_by_role("group", name="Antwortmöglichkeiten")
    expect(group.get_by_role("button", name="Weiß nicht")).to_be_visible()
    announced = page.locator(".dcw [aria-live] p")
    assert announced.count() <= 4  # only the newest texts, never the whole log
    assert "Frage 3 von 18" in announced.last.inner_text()
    assert "Antwortmöglichkeiten:" in announced.last.inner_text()
    assert unnamed_controls(page) == []
    assert_clean(page, "widget-mid-interview", artifacts)


def test_widget_read_back_summary(walk, artifacts) -> None:
    walk.reach("summary")
    page = walk.page
    group = page.get_by_role("group", name=re.compile(r"^Antwortmöglichkeiten \(\d+\)$"))
    expect(group.get_by_role("button", name=CONFIRM)).to_be_visible()
    assert group.get_by_role("button").count() >= 19
    assert "Antworten prüfen" in page.locator(".dcw-progress-label").inner_text()
    assert unnamed_controls(page) == []
    assert_clean(page, "widget-summary", artifacts)


def test_widget_result_chart_has_the_scores_as_text(walk, artifacts) -> None:
    walk.reach("result")
    page = walk.page
    alt = page.locator(".dcw-image").first.get_attribute("alt")
    assert alt.startswith("Netzdiagramm")
    scores = re.findall(r"([A-ZÄÖÜ][\w\- ]+?) (\d{1,3})\b", alt)
    assert len(scores) == 6, alt  # one score per dimension
    progress = page.get_by_role("progressbar", name="Fortschritt")
    assert progress.get_attribute("aria-valuetext") == "Check abgeschlossen"
    assert progress.get_attribute("aria-valuenow") == progress.get_attribute("aria-valuemax")
    assert unnamed_controls(page) == []
    assert_clean(page, "widget-result", artifacts)


def test_demo_page_at_360px_with_the_widget_open(stack, new_page, artifacts) -> None:
    page = new_page(360, 740)
    page.goto(f"{stack.api_url}/")
    page.get_by_role("button", name="Digitalcheck starten").click()
    Widget(page).settle(0)
    assert_clean(page, "widget-360px", artifacts)


def test_reduced_motion_stops_the_animations(stack, browser) -> None:
    context = browser.new_context(reduced_motion="reduce", locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"{stack.api_url}/")
        page.locator(".dcw-launcher").click()
        styles = page.evaluate(
            """() => {
              const dot = document.querySelector('.dcw-typing span');
              const bar = document.querySelector('.dcw-progress-bar');
              return [getComputedStyle(dot).animationName,
                      getComputedStyle(bar).transitionDuration];
            }"""
        )
        assert styles[0] == "none" and styles[1] in ("0s", "0ms")
    finally:
        context.close()


# --- printable result page ---------------------------------------------------------------------


def result_url(base_url: str) -> str:
    """A result link as the chat makes it, with offerings and earlier and peer values."""
    qn = load_questionnaire()
    answers = []
    for index, question in enumerate(qn.questions):
        ids = [answer.id for answer in qn.scales[question.scale]]
        answers.append(ids[index % len(ids)])
    answers[4] = ""  # one question not answered
    recommended = [o.id for o in load_catalogue().offerings if o.recommendable][:3]
    params: Dict[str, str] = {"a": ",".join(answers), "recommended": ",".join(recommended)}
    for number, dimension in enumerate(qn.dimensions):
        params[f"prev_{dimension.id}"] = str(20 + 5 * number)
        params[f"peer_{dimension.id}"] = str(45 + 3 * number)
    return f"{base_url}/result?{urlencode(params)}"


def test_printable_result_page(stack, new_page, artifacts) -> None:
    page = new_page()
    page.goto(result_url(stack.api_url))
    expect(page.locator("h1")).to_have_text("Ihr Ergebnis im Digitalcheck")
    assert page.evaluate("() => document.documentElement.lang") == "de"
    assert page.locator("main").count() == 1
    assert page.locator("ol.offerings > li").count() == 3
    assert page.locator("thead th").all_text_contents() == [
        "Thema", "Ihr Wert", "Früher", "Vergleich",
    ]  # fmt: skip
    alt = page.locator(".chart img").get_attribute("alt")
    for row in page.locator("tbody tr").all():
        title = row.locator("th").inner_text()
        score = row.locator("td").first.inner_text()
        assert f"{title} {score}" in alt  # the text alternative states every score
    assert "Vergleichsgruppe" in alt and "frühere Auswertung" in alt
    assert_clean(page, "result-page", artifacts)
    page.emulate_media(media="print")
    assert_clean(page, "result-page-print", artifacts)


# --- staff dashboard ---------------------------------------------------------------------------


def test_dashboard_pages(dashboard_api, new_page, artifacts) -> None:  # noqa: F811
    """Login and overview (after the charts drew) have no WCAG 2.1 A/AA violations."""
    page = new_page(1360, 900)
    found: Dict[str, list] = {}
    page.goto(f"{dashboard_api}/dashboard/login")
    found["dashboard-login"] = audit(page, "dashboard-login", artifacts)
    page.fill("#username", USER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{dashboard_api}/dashboard")
    page.wait_for_function("() => typeof Chart !== 'undefined' && Chart.instances")
    found["dashboard"] = audit(page, "dashboard", artifacts)
    report = "\n".join(f"{name}:\n{describe(v) or '    none'}" for name, v in found.items())
    assert not any(found.values()), f"axe: WCAG 2.1 A/AA violations\n{report}"
