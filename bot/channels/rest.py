"""REST channel for trusted integrations (register as ``bot.channels.rest.RestInput``).

Rasa's REST channel with the privacy rules of :mod:`bot.channels.privacy`:

* same URL (``POST /webhooks/rest/webhook``) and convention: the client names the ``sender``,
  the reply is a JSON list of messages whose ``recipient_id`` is the conversation id;
* the conversation id is namespaced: ``rest-<sender>``, so a REST client can never continue a
  website or Telegram conversation;
* ``sender`` must be 1-64 printable characters and ``message`` a string, else 400;
* the text is redacted before Rasa sees it; the client's ``metadata`` and ``input_channel``
  fields are ignored (the input channel is always ``rest``);
* errors are logged without the message text.

Anyone who can reach the webhook can write into any ``rest-…`` conversation by naming its
sender: the channel is meant for trusted integrations (tests, an intranet form), not for the
public website (that is the socket.io widget with server-issued session ids).
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, List, Tuple, Union

import rasa.utils.endpoints
from rasa.core.channels import rest as rasa_rest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot.channels.privacy import (
    clean_text,
    redaction_metadata,
    rest_conversation_id,
    user_message,
    valid_rest_sender,
)

logger = logging.getLogger(__name__)

SENDER_ERROR = "sender must be a string of 1-64 printable characters"
MESSAGE_ERROR = "message must be a string"


def parse_request(body: Any) -> Union[Tuple[str, str], str]:
    """(conversation id, message) of a webhook body, or the error text for a 400 answer."""
    if not isinstance(body, dict):
        return "the body must be a JSON object with sender and message"
    sender = valid_rest_sender(body.get("sender"))
    if sender is None:
        return SENDER_ERROR
    message = body.get("message")
    if not isinstance(message, str):
        return MESSAGE_ERROR
    return rest_conversation_id(sender), message


async def handle(
    body: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
) -> Tuple[int, Union[List[Dict[str, Any]], Dict[str, str]]]:
    """Answers one webhook call: (HTTP status, JSON body)."""
    parsed = parse_request(body)
    if isinstance(parsed, str):
        return 400, {"error": parsed}
    conversation_id, text = parsed
    collector = CollectingOutputChannel()
    try:
        await on_new_message(user_message(text, collector, conversation_id, RestInput.name()))
    except CancelledError:
        logger.error("REST message timed out")
    except Exception:  # noqa: BLE001 - the client gets what was collected, as in Rasa
        logger.exception("REST message failed")
    return 200, collector.messages


class RestInput(rasa_rest.RestInput):
    """Rasa's REST input with namespaced conversation ids and redaction (see module doc)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - Sanic raises on malformed JSON
                body = None
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                parsed = parse_request(body)
                if isinstance(parsed, str):
                    return response.json({"error": parsed}, status=400)
                conversation_id, text = parsed
                cleaned = clean_text(text)
                return response.stream(
                    self.stream_response(
                        on_new_message,
                        cleaned.text,
                        conversation_id,
                        self.name(),
                        redaction_metadata(cleaned),
                    ),
                    content_type="text/event-stream",
                )
            status, result = await handle(body, on_new_message)
            return response.json(result, status=status)

        return webhook
