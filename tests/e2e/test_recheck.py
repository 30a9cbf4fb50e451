"""Issue 13: a re-check code from a first check links a second check on another channel."""

from __future__ import annotations

import re
import uuid
from typing import Any, Dict, List

from tests.browser.test_socketio_channel import SocketClient
from tests.e2e.chat import QN, Chat, complete, start

CODE = re.compile(r"DC-[A-Z0-9]{4}-[A-Z0-9]{4}")


def extreme(best: bool) -> Dict[str, str]:
    """Every answer at the bottom (or the top) of its scale."""
    answers = {}
    for question in QN.questions:
        ids = [a.id for a in QN.scales[question.scale]]
        low, high = (
            (ids[-1], ids[0])
            if question.scale in ("yes_no", "yes_partly_no")
            else (ids[0], ids[-1])
        )
        answers[question.slot] = high if best else low
    return answers


LOW, HIGH = extreme(False), extreme(True)


def has_buttons(message: Dict[str, Any]) -> bool:
    return bool(message.get("quick_replies"))


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def payloads(messages: List[Dict[str, Any]]) -> List[str]:
    return [r.get("payload") for m in messages for r in m.get("quick_replies", []) or []]


def first_check_code(stack) -> str:
    chat = Chat(stack, sender=f"t0-{uuid.uuid4().hex[:8]}")
    start(chat)
    complete(chat, LOW)
    found = CODE.search(chat.text)
    assert found, "the result offers a re-check code"
    code = found.group(0)
    # Shown once, stored nowhere in clear text.
    for path in stack.workdir.rglob("*"):
        if path.is_file():
            assert code.encode() not in path.read_bytes(), path.name
    return code


def test_a_second_check_with_the_code_shows_the_change(stack):
    code = first_check_code(stack)
    web = SocketClient(stack.rasa_url)
    try:
        token = web.session(None)
        reply = web.say(token, f"Hallo, mein Re-Check-Code ist {code.lower()}", until=has_buttons)
        assert "gefunden" in texts(reply)
        reply = web.say(token, "/affirm", until=has_buttons)  # consent
        assert "Stimmt das noch" in texts(reply)  # the profile from the first check
        assert "Handwerk" in texts(reply) and "Ratingen" in texts(reply)
        reply = web.say(token, "/affirm", until=has_buttons)
        assert "Beschäftigte" in texts(reply)
        reply = web.say(token, "12 Leute", until=has_buttons)
        for question in QN.questions:
            wanted = f'/answer{{"choice":"{HIGH[question.slot]}"}}'
            assert wanted in payloads(reply), (question.slot, texts(reply))
            reply = web.say(token, wanted, until=has_buttons)
        reply = web.say(token, '/answer{"choice":"none"}', until=has_buttons)
        assert "Bitte prüfen Sie" in texts(reply)
        reply = web.say(token, "/affirm")
        result = texts(reply)
        assert "Ihre Entwicklung seit" in result
        security = QN.dimension("security").title
        assert re.search(rf"{re.escape(security)}: 0 → 100", result), result
        images = [m.get("attachment", {}) for m in reply if m.get("attachment")]
        chart = " ".join(str(a) for a in images)
        assert "prev_security=0" in chart and "a=" in chart  # both polygons, earlier dashed
        assert CODE.search(result)  # a new code for the next time
    finally:
        web.close()


def test_an_unknown_code_gets_a_friendly_answer_and_the_check_goes_on(chat):
    chat.say("Hallo, hier mein Code: DC-ABCD-EFGH")
    assert "kenne ich leider nicht" in chat.text
    chat.say("ja")
    assert chat.requested_slot() == "employees"


def test_a_burst_of_wrong_codes_is_refused_politely(stack):
    answers = []
    for index in range(25):
        chat = Chat(stack, sender=f"burst-{index}-{uuid.uuid4().hex[:6]}")
        chat.say(f"Code DC-ZZZZ-{index:04d}".replace("0", "Q").replace("1", "W"))
        answers.append(chat.text)
    assert any("zu viele Codes" in text for text in answers[20:])
    assert all("Traceback" not in text for text in answers)
    last = Chat(stack, sender=f"after-burst-{uuid.uuid4().hex[:6]}")
    last.say("Hallo")
    last.say("ja")
    assert last.requested_slot() == "employees"  # the check itself still works
