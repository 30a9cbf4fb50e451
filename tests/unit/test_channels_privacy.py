"""Unit tests of the channels' privacy helper: redaction, metadata, namespaced conversation ids
and server-issued web tokens."""

from __future__ import annotations

import base64
import uuid
from typing import Any, List

import pytest
from rasa.core.channels.channel import OutputChannel

from bot.channels import privacy
from bot.privacy import redact
from tests.unit.channel_helpers import channel_secret  # noqa: F401 (autouse fixture)


class Recorder(OutputChannel):
    """An output channel that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent: List[tuple] = []

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.sent.append((recipient_id, text))


def test_user_message_is_redacted_and_tells_what_was_redacted() -> None:
    message = privacy.user_message(
        "Ich bin Thomas, thomas@example.org, 0171 1234567", Recorder(), "rest-x", "rest"
    )
    assert message.text == "Ich bin [NAME], [E-MAIL], [TELEFON]"
    assert message.metadata == {"redacted": ["E-MAIL", "TELEFON", "NAME"]}
    assert message.sender_id == "rest-x" and message.input_channel == "rest"


def test_user_message_without_personal_data_has_empty_metadata() -> None:
    message = privacy.user_message("Malerbetrieb in Hilden, 9 Leute", Recorder(), "rest-x", "rest")
    assert message.text == "Malerbetrieb in Hilden, 9 Leute"
    assert message.metadata == {}


@pytest.mark.parametrize(
    "payload",
    ["/affirm", "/start_check", '/answer{"choice":"yes"}', '/inform{"municipality": "hilden"}'],
)
def test_button_payloads_pass_unchanged(payload: str) -> None:
    assert privacy.clean_text(payload).text == payload
    assert privacy.user_message(payload, Recorder(), "rest-x", "rest").metadata == {}


def test_personal_data_inside_a_payload_is_redacted() -> None:
    # Not a payload our buttons send ("contact" is no known key): text, redacted.
    result = privacy.clean_text('/inform{"contact": "thomas@example.org", "n": 3}')
    assert not result.text.startswith("/")
    assert "[E-MAIL]" in result.text and "thomas" not in result.text
    assert result.kinds == ("E-MAIL",)


@pytest.mark.parametrize(
    "text", ["/session_start", "/restart_now", '/inform{"maturity": 100}', "/back", "/nlu_fallback"]
)
def test_payloads_our_buttons_never_send_are_text(text: str) -> None:
    assert privacy.clean_text(text).text == text.lstrip("/")


@pytest.mark.parametrize(
    "text",
    ["/ich bin Thomas", "/inform{kaputt", '/inform["a"]', "/ affirm", "//affirm", "/a b"],
)
def test_other_slash_texts_are_text(text: str) -> None:
    assert privacy.button_payload(text) is None
    assert privacy.clean_text(text) == redact(text.strip().lstrip("/").strip())


@pytest.mark.parametrize(
    ("sender", "valid"),
    [
        ("demo", True),
        ("a", True),
        ("x" * 64, True),
        ("x" * 65, False),
        ("", False),
        ("   ", False),
        ("zeile\nzwei", False),
        ("tab\tstop", False),
        (42, False),
        (None, False),
        ("Kunde 7 ä", True),
    ],
)
def test_rest_senders_are_validated(sender: Any, valid: bool) -> None:
    assert (privacy.valid_rest_sender(sender) is not None) is valid


def test_conversation_ids_are_namespaced_per_channel() -> None:
    assert privacy.rest_conversation_id("demo") == "rest-demo"
    token = privacy.issue_web_token()
    web = privacy.web_conversation_id(token)
    telegram = privacy.telegram_conversation_id(4242)
    assert web.startswith("web-") and len(web) == 4 + 32 and token not in web
    assert telegram.startswith("tg-") and "4242" not in telegram
    assert telegram == privacy.telegram_conversation_id("4242")  # int or str: same chat
    # A REST client naming another channel's id only reaches its own namespace.
    assert privacy.rest_conversation_id(telegram) == f"rest-{telegram}" != telegram
    assert privacy.rest_conversation_id(web) != web


def test_ids_depend_on_the_channel_secret(monkeypatch) -> None:
    token = privacy.issue_web_token()
    web, telegram = privacy.web_conversation_id(token), privacy.telegram_conversation_id(7)
    monkeypatch.setenv("CHANNEL_SECRET", "another-secret-another-secret")
    assert privacy.web_conversation_id(token) != web
    assert privacy.telegram_conversation_id(7) != telegram
    assert privacy.valid_web_token(token) is None  # a token of another installation


def test_web_tokens_are_random_signed_and_unforgeable() -> None:
    tokens = {privacy.issue_web_token() for _ in range(50)}
    assert len(tokens) == 50
    token = tokens.pop()
    nonce, signature = token.split(".")
    assert len(base64.urlsafe_b64decode(nonce + "==")) * 8 >= 128
    assert privacy.valid_web_token(token) == token
    forged_signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    forged_nonce = ("A" if nonce[0] != "A" else "B") + nonce[1:]
    for forged in (
        f"{nonce}.{forged_signature}",
        f"{forged_nonce}.{signature}",
        nonce,
        "pytest-session-1",
        uuid.uuid4().hex,
        token + "x",
        " " + token,
        None,
        42,
        "a" * 500,
    ):
        assert privacy.valid_web_token(forged) is None
