"""bot/payloads.py: only the payloads our buttons send are commands; everything else is text."""

from __future__ import annotations

import pytest

from actions.common import answer_buttons, consent_buttons, option_buttons, yes_no_buttons
from actions.result import followup_buttons
from actions.review import summary_message
from bot.payloads import BUTTON_INTENTS, parse_payload, sanitize_text
from tests.unit.action_helpers import QN, catalogue, domain, finished


@pytest.mark.parametrize(
    "text, expected",
    [
        ('/answer{"choice":"yes"}', ("answer", {"choice": "yes"})),
        ('/answer{"choice":"dont_know"}', ("answer", {"choice": "dont_know"})),
        ("/affirm", ("affirm", {})),
        ("/deny", ("deny", {})),
        ("  /restart  ", ("restart", {})),
        ('/inform{"employees":12}', ("inform", {"employees": 12})),
        ('/inform{"sector":"it_medien"}', ("inform", {"sector": "it_medien"})),
        ('/inform{"municipality":"duesseldorf"}', ("inform", {"municipality": "duesseldorf"})),
        ('/change{"question":"security_backup"}', ("change", {"question": "security_backup"})),
        (
            '/ask_result{"offering":"cyberrisikocheck"}',
            ("ask_result", {"offering": "cyberrisikocheck"}),
        ),
        ('/ask_result{"topic":"score"}', ("ask_result", {"topic": "score"})),
        ('/ask_privacy{"detail":"full"}', ("ask_privacy", {"detail": "full"})),
        ("/start_check", ("start_check", {})),
        ("/erase_data", ("erase_data", {})),
        ("/greet", ("greet", {})),  # Telegram's /start
    ],
)
def test_valid_button_payloads(text, expected):
    assert parse_payload(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "/session_start",  # Rasa's own intents are not ours
        "/nlu_fallback",
        "/Affirm",
        "/affirm{}",  # empty entities
        '/answer {"choice":"yes"}',  # space before the JSON
        '/answer{"choice":"yes","x":1}',  # unknown key
        '/inform{"maturity":100}',
        '/inform{"consent":true}',
        '/answer{"question":"tools_cloud"}',  # a key of another intent
        '/answer{"choice":["yes"]}',
        '/answer{"choice":{"a":1}}',
        '/answer{"choice":null}',
        '/inform{"employees":true}',
        '/inform{"employees":-1}',
        '/inform{"employees":1000001}',
        '/inform{"employees":5.5}',
        '/answer{"choice":"' + "a" * 65 + '"}',
        '/answer{"choice":"<b>yes</b>"}',
        '/answer{"choice":"yes\\n"}',
        '/answer{"choice":"yes; DROP TABLE"}',
        "/answer{choice:yes}",
        '/answer{"choice":"yes"}{"x":1}',
        '/answer{"choice":"yes"} /restart',
        '/answer["yes"]',
        'answer{"choice":"yes"}',
        '{"intent":"restart"}',
        "<b>ja</b>",
        "ja",
        "",
        "/",
        None,
        12,
        {"intent": "affirm"},
    ],
)
def test_anything_else_is_no_payload(text):
    assert parse_payload(text) == (None, {})


def test_button_intents_are_domain_intents():
    assert set(BUTTON_INTENTS) <= set(domain()["intents"])


def every_button():
    yield from consent_buttons()
    yield from yes_no_buttons("Ja", "Nein")
    for scale in QN.scales:
        yield from answer_buttons(QN, scale)
    for slot in QN.profile_slots + QN.closing_slots:
        yield from option_buttons(QN, slot)
    yield from summary_message(QN, finished())["buttons"]
    yield from followup_buttons([o.id for o in catalogue().offerings])


def test_every_button_the_dialogue_sends_is_a_valid_payload():
    buttons = list(every_button())
    assert len(buttons) > 90
    for item in buttons:
        intent, entities = parse_payload(item["payload"])
        assert intent is not None, item
        assert item["payload"].startswith(f"/{intent}")
        for key in entities:
            assert key in BUTTON_INTENTS[intent]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("/restart", "/restart"),
        ('/answer{"choice":"yes"}', '/answer{"choice":"yes"}'),
        ("  /affirm  ", "/affirm"),
        ("/session_start", "session_start"),
        ('/inform{"maturity":100}', 'inform{"maturity":100}'),
        ("//restart", "restart"),
        ("/", "?"),
        ("Hallo, wir sind ein Malerbetrieb", "Hallo, wir sind ein Malerbetrieb"),
        ('{"intent":"restart"}', '{"intent":"restart"}'),
    ],
)
def test_sanitize_text_keeps_valid_payloads_and_strips_the_slash_of_others(text, expected):
    assert sanitize_text(text) == expected
    if sanitize_text(text).startswith("/"):
        assert parse_payload(sanitize_text(text))[0] is not None
