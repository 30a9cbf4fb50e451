"""The chat widget on the demo page in headless chromium, against the real stack."""

from __future__ import annotations

import json

import pytest
import requests
from playwright.sync_api import expect

from bot.channels.privacy import web_conversation_id
from tests.browser.widget import Widget
from tests.e2e.servers import TOKEN

# Typed instead of clicked on some questions: button title → free text meaning the same.
FREE_TEXT = {"Ja": "ja klar, machen wir", "Teilweise": "zum Teil schon", "Selten": "eher selten"}
TYPE_ON = {2, 5, 9, 14}
RELOAD_AT = 8
AGREE = "Ja, Check starten"  # the consent button (actions/common.py)


@pytest.fixture(autouse=True)
def stack_secrets(stack, monkeypatch) -> None:
    """Conversation ids are computed with the stack's CHANNEL_SECRET."""
    monkeypatch.setenv("SECRETS_DIR", str(stack.workdir / "secrets"))


def open_widget(stack, page) -> Widget:
    page.goto(f"{stack.api_url}/")
    expect(page.locator(".dcw-launcher")).to_be_visible()
    widget = Widget(page)
    page.locator(".dcw-launcher").click()
    widget.settle(0)
    return widget


def answer(widget: Widget, number: int) -> None:
    choices = [c for c in widget.choices() if c != "Weiß nicht"]
    typed = next((FREE_TEXT[c] for c in choices if c in FREE_TEXT), None)
    if number in TYPE_ON and typed:
        widget.type(typed)
    else:
        widget.click(choices[(number * 2) % len(choices)])


def stored_session(page) -> dict:
    raw = page.evaluate(
        "() => Object.entries(sessionStorage).find(([k]) => k.startsWith('digitalcheck-widget'))"
    )
    return json.loads(raw[1])


def test_complete_interview_with_reload(stack, new_page, artifacts) -> None:
    page = new_page()
    widget = open_widget(stack, page)
    expect(page.locator(".dcw-messages")).to_have_attribute("aria-live", "polite")
    assert "Datenschutz" in widget.bot_texts()[-1]
    assert widget.choices() == [AGREE, "Nein, lieber nicht"]
    page.screenshot(path=str(artifacts / "widget-start.png"))

    widget.click(AGREE)
    assert "Beschäftigte" in widget.bot_texts()[-1]
    widget.type("Malerbetrieb in Hilden, 9 Leute")
    expect(page.locator(".dcw-user .dcw-bubble").last).to_have_text(
        "Malerbetrieb in Hilden, 9 Leute"
    )
    assert widget.progress() == 1
    total = int(page.locator(".dcw-progress").get_attribute("aria-valuemax"))

    reloaded = False
    for _ in range(total + 10):
        if page.locator(".dcw-image").count():
            break
        number = widget.progress()
        if number == RELOAD_AT and not reloaded:
            page.screenshot(path=str(artifacts / "widget-midway.png"))
            messages_before = widget.bot_count()
            session_id = stored_session(page)["sessionId"]
            page.reload()
            expect(page.locator(".dcw-panel")).to_be_visible()  # still open after the reload
            assert widget.bot_count() == messages_before
            assert widget.progress() == RELOAD_AT
            assert stored_session(page)["sessionId"] == session_id
            reloaded = True
            answer(widget, number)
            assert widget.progress() == RELOAD_AT + 1  # the same conversation goes on
            continue
        answer(widget, number or 0)
    assert reloaded

    image = page.locator(".dcw-image").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dcw-image')]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    assert "/api/charts/radar.png?" in image.get_attribute("src")
    assert "Ihr digitaler Reifegrad" in "\n".join(widget.bot_texts())
    links = page.locator(".dcw-messages a.dcw-link")
    assert links.count() >= 2
    for index in range(links.count()):
        assert links.nth(index).get_attribute("target") == "_blank"
        assert links.nth(index).get_attribute("href").startswith(("https://", "http://"))
    image.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "widget-result.png"))

    session_id = stored_session(page)["sessionId"]
    conversation_id = web_conversation_id(session_id)  # the server-issued token, hashed
    tracker = requests.get(
        f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
        params={"token": TOKEN},
        timeout=30,
    ).json()
    assert tracker["slots"]["maturity"]["overall"] is not None
    assert tracker["slots"]["employees"] == 9 and tracker["slots"]["municipality"] == "hilden"
    assert tracker["latest_input_channel"] == "socketio"

    printable = page.locator(".dcw-messages a.dcw-link", has_text="Ergebnis drucken")
    href = printable.get_attribute("href")
    result = page.context.new_page()
    result.goto(href)
    expect(result.locator("h1")).to_have_text("Ihr Ergebnis im Digitalcheck")
    result.screenshot(path=str(artifacts / "result-page.png"), full_page=True)
    result.close()

    page.locator(".dcw-restart").click()
    expect(page.locator(".dcw-progress")).to_be_hidden()
    widget.settle(0)
    assert "von vorn" in widget.bot_texts()[0]
    assert stored_session(page)["sessionId"] == session_id


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


def test_widget_is_keyboard_usable(stack, new_page) -> None:
    page = new_page()
    page.goto(f"{stack.api_url}/")
    page.locator(".dcw-launcher").focus()
    page.keyboard.press("Enter")
    widget = Widget(page)
    widget.settle(0)
    assert page.evaluate("() => document.activeElement.id") == "dcw-input"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == AGREE
    before = widget.bot_count()
    page.keyboard.press("Enter")
    widget.settle(before)
    assert "Beschäftigte" in widget.bot_texts()[-1]
    page.keyboard.press("Escape")
    expect(page.locator(".dcw-panel")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.className") == "dcw-launcher"
