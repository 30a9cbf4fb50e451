"""The chat widget by keyboard and on a 360 px screen, in headless chromium against the real
stack: focus handling, layout, and the owner's text shown as text (the axe-core audit is in
test_accessibility.py)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.widget import CONFIRM, PROFILE, Widget, open_widget
from tests.browser.widget import CONSENT as AGREE  # the consent button (actions/common.py)


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e === document.body ? 'BODY' : (e.id || e.textContent); }"
    )


def consent_by_keyboard(page, url: str) -> Widget:
    """Opens the widget with the keyboard and agrees to the check with Shift+Tab and Enter."""
    page.goto(f"{url}/")
    page.locator(".dcw-launcher").focus()
    page.keyboard.press("Enter")
    widget = Widget(page)
    widget.settle(0)
    assert focused(page) == "dcw-input"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == AGREE
    before = widget.bot_count()
    page.keyboard.press("Enter")
    widget.settle(before)
    return widget


def test_user_text_is_never_html_and_fits_360px(stack, new_page, artifacts) -> None:
    page = new_page(360, 740)
    page.goto(f"{stack.api_url}/")
    page.get_by_role("button", name="Digitalcheck starten").click()
    widget = Widget(page)
    widget.settle(0)
    attack = "<img src=x onerror=window.__xss=1>"
    widget.type(attack)
    expect(page.locator(".dcw-user .dcw-bubble").last).to_have_text(attack)
    assert page.locator(".dcw-messages img").count() == 0
    assert page.evaluate("() => window.__xss") is None
    panel = page.locator(".dcw-panel").bounding_box()
    assert panel["x"] >= 0 and panel["width"] <= 360
    overflow = page.evaluate(
        "() => { const m = document.querySelector('.dcw-messages');"
        " return m.scrollWidth - m.clientWidth; }"
    )
    assert overflow <= 0
    for choice in page.locator(".dcw-choice").all():
        box = choice.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.screenshot(path=str(artifacts / "widget-360px.png"))


def test_summary_at_360px_by_keyboard(stack, new_page, artifacts) -> None:
    """The read-back summary on a phone: the grid fits, buttons are large enough, and the
    whole check can be done with the keyboard; focus is never lost to the page."""
    page = new_page(360, 740)
    widget = consent_by_keyboard(page, stack.api_url)
    assert focused(page) == "dcw-input"  # the profile question has no buttons
    widget.type("Malerbetrieb in Hilden, 9 Leute")
    assert focused(page) == "dcw-input"  # typed answers keep the focus in the input

    # From the input, Shift+Tab reaches the last answer button; Enter answers, and focus
    # goes to the first button of the next question.
    for _ in range(40):
        if CONFIRM in widget.choices():
            break
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('dcw-choice')")
        before = widget.bot_count()
        page.keyboard.press("Enter")
        widget.settle(before)
        assert focused(page) != "BODY"
        if widget.choices() and CONFIRM not in widget.choices():
            assert focused(page) == widget.choices()[0]
            page.locator("#dcw-input").focus()
    assert focused(page) == CONFIRM  # the summary: focus on "Alles richtig – Ergebnis zeigen"
    expect(page.locator(".dcw-primary")).to_be_focused()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus

    buttons = page.locator(".dcw-grid .dcw-choice")
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, buttons.nth(index).inner_text()
        assert box["height"] >= 40
    columns = {round(buttons.nth(i).bounding_box()["x"]) for i in range(1, buttons.count())}
    assert len(columns) == 2  # a compact two-column grid
    overflow = page.evaluate(
        "() => { const m = document.querySelector('.dcw-messages');"
        " return m.scrollWidth - m.clientWidth; }"
    )
    assert overflow <= 0
    page.screenshot(path=str(artifacts / "widget-summary-360px.png"))

    before = widget.bot_count()
    page.keyboard.press("Enter")
    widget.settle(before)
    assert focused(page) != "BODY"
    assert widget.progress_label() == "Check abgeschlossen"


def test_widget_is_keyboard_usable(stack, new_page) -> None:
    page = new_page()
    widget = consent_by_keyboard(page, stack.api_url)
    assert "Beschäftigte" in widget.bot_texts()[-1]
    page.keyboard.press("Escape")
    expect(page.locator(".dcw-panel")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.className") == "dcw-launcher"


def test_clicked_answer_returns_focus_to_the_input(stack, new_page) -> None:
    page = new_page()
    widget = open_widget(stack.api_url, page)
    widget.click(AGREE)
    assert focused(page) == "dcw-input"
    widget.type(PROFILE)
    widget.click("Ja")
    assert focused(page) == "dcw-input"  # a mouse user is not moved onto the next answer
