"""A whole check in the chat widget on the demo page in headless chromium, against the real
stack: reload, read-back summary, result, and the re-check link."""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import urlencode

import pytest
import requests
from playwright.sync_api import expect

from bot.channels.privacy import web_conversation_id
from tests.browser.widget import CONFIRM, SUMMARY, Widget, open_widget
from tests.browser.widget import CONSENT as AGREE  # the consent button (actions/common.py)
from tests.e2e.chat import Chat, complete, rotating_answers, start
from tests.e2e.servers import TOKEN

# Typed instead of clicked on some questions: button title → free text meaning the same.
FREE_TEXT = {"Ja": "ja klar, machen wir", "Teilweise": "zum Teil schon", "Selten": "eher selten"}
TYPE_ON = {2, 5, 9, 14}
RELOAD_AT = 8
CODE = re.compile(r"DC-[A-Z0-9]{4}-[A-Z0-9]{4}")


@pytest.fixture(autouse=True)
def stack_secrets(stack, monkeypatch) -> None:
    """Conversation ids are computed with the stack's CHANNEL_SECRET."""
    monkeypatch.setenv("SECRETS_DIR", str(stack.workdir / "secrets"))


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


def tracker(stack, session_id: str) -> dict:
    return requests.get(
        f"{stack.rasa_url}/conversations/{web_conversation_id(session_id)}/tracker",
        params={"token": TOKEN},
        timeout=30,
    ).json()


def test_complete_interview_with_reload_summary_and_result(stack, new_page, artifacts) -> None:
    page = new_page()
    widget = open_widget(stack.api_url, page)
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
        if CONFIRM in widget.choices():
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

    # The read-back summary: line breaks kept, one button per question in a grid.
    summary = page.locator(".dcw-row.dcw-bot").last
    bubble = summary.locator(".dcw-bubble")
    assert bubble.inner_text().startswith(SUMMARY)
    assert bubble.inner_text().count("\n") >= total + 6  # one line per question and topic
    assert bubble.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"
    grid = summary.locator(".dcw-grid")
    assert grid.locator(".dcw-choice").count() >= total + 1
    expect(grid.locator(".dcw-choice").first).to_have_text(CONFIRM)
    assert re.fullmatch(r"1\. .+ ändern", grid.locator(".dcw-choice").nth(1).inner_text())
    assert "Antworten prüfen" in widget.progress_label()
    grid.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "widget-summary.png"))

    # Change an answer from the summary: the question comes again, then the summary.
    change = grid.locator(".dcw-choice").nth(1).inner_text()
    widget.click(change)
    assert widget.progress() == 1
    widget.click("Weiß nicht")
    assert SUMMARY in widget.bot_texts()[-1] and "(geändert)" in widget.bot_texts()[-1]

    widget.click(CONFIRM)
    image = page.locator(".dcw-image").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dcw-image')]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    assert "/api/charts/radar.png?" in image.get_attribute("src")
    assert image.get_attribute("alt").startswith("Netzdiagramm")  # the bot's text alternative
    assert not any(t.startswith("Netzdiagramm") for t in widget.bot_texts())  # not twice
    assert "Ihr digitaler Reifegrad" in "\n".join(widget.bot_texts())
    # Finished: no longer "Frage 18 von 18".
    assert widget.progress_label() == "Check abgeschlossen"
    progress = page.locator(".dcw-progress")
    assert progress.get_attribute("aria-valuenow") == progress.get_attribute("aria-valuemax")
    links = page.locator(".dcw-messages a.dcw-link")
    assert links.count() >= 2
    for index in range(links.count()):
        assert links.nth(index).get_attribute("target") == "_blank"
        assert links.nth(index).get_attribute("href").startswith(("https://", "http://"))
    image.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "widget-result.png"))

    # The re-check code is shown once on screen, but never written to sessionStorage.
    shown = CODE.search(page.locator(".dcw-messages").inner_text())
    assert shown, "the result shows a re-check code"
    assert shown.group(0) not in json.dumps(stored_session(page))
    assert "[Code ausgeblendet]" in json.dumps(stored_session(page), ensure_ascii=False)

    session_id = stored_session(page)["sessionId"]
    state = tracker(stack, session_id)
    assert state["slots"]["maturity"]["overall"] is not None
    assert state["slots"]["employees"] == 9 and state["slots"]["municipality"] == "hilden"
    assert state["latest_input_channel"] == "socketio"

    page.reload()  # the finished state is restored from the transcript, without the code
    expect(page.locator(".dcw-progress-label")).to_have_text("Check abgeschlossen")
    assert shown.group(0) not in page.locator(".dcw-messages").inner_text()
    expect(page.locator(".dcw-image").first).to_have_attribute("alt", re.compile("^Netzdiagramm"))

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
    assert "neuen Check" in widget.bot_texts()[0]
    assert stored_session(page)["sessionId"] == session_id


def first_check_code(stack) -> str:
    """A complete first check over REST; the result offers a re-check code."""
    chat = Chat(stack, sender=f"t0-{uuid.uuid4().hex[:8]}")
    start(chat)
    complete(chat, rotating_answers())
    found = CODE.search(chat.text)
    assert found, "the result offers a re-check code"
    return found.group(0)


def test_recheck_code_from_the_link_is_sent_once_and_never_shown(stack, new_page) -> None:
    code = first_check_code(stack)
    page = new_page()
    page.goto(f"{stack.api_url}/?recheck={code.lower()}&utm_source=brief")
    widget = Widget(page)
    expect(page.locator(".dcw-panel")).to_be_visible()  # the link opens the chat
    widget.settle(0)
    assert "recheck" not in page.url and "utm_source=brief" in page.url  # removed from the URL
    assert "gefunden" in widget.text_since(0)  # the earlier check was found
    assert widget.choices() == [AGREE, "Nein, lieber nicht"]  # the check goes on
    assert code not in page.locator(".dcw-messages").inner_text()
    assert page.locator(".dcw-user").count() == 0  # sent, but not shown as the owner's message
    assert code not in json.dumps(stored_session(page))
    session_id = stored_session(page)["sessionId"]
    events = tracker(stack, session_id)["events"]
    assert len([e for e in events if e.get("event") == "user"]) == 1  # the code, instead of /greet
    assert code not in json.dumps(events)

    page.reload()
    expect(page.locator(".dcw-panel")).to_be_visible()
    page.wait_for_timeout(1500)
    events = tracker(stack, session_id)["events"]
    assert len([e for e in events if e.get("event") == "user"]) == 1  # not sent again
    widget.click(AGREE)
    assert "Stimmt das noch" in widget.text_since(0)  # the profile from the first check


@pytest.mark.parametrize("value", ["<script>x</script>", "Daten löschen", "DC-0000-1111"])
def test_recheck_parameter_that_is_no_code_is_ignored(stack, new_page, value) -> None:
    page = new_page()
    page.goto(f"{stack.api_url}/?{urlencode({'recheck': value})}")
    assert "recheck" not in page.url
    expect(page.locator(".dcw-launcher")).to_be_visible()
    expect(page.locator(".dcw-panel")).to_be_hidden()  # not opened, nothing sent
