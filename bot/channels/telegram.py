"""Telegram channel for the Digitalcheck (register as ``bot.channels.telegram.TelegramInput``).

Settings come from the environment (values in ``credentials.yml`` take precedence):

``TELEGRAM_TOKEN``        bot token from @BotFather (``123456:ABC…``); unset → channel inert
``TELEGRAM_SECRET``       webhook secret; Telegram sends it as ``X-Telegram-Bot-Api-Secret-Token``;
                          required – without it the channel stays inert
``TELEGRAM_VERIFY``       the bot's username (without ``@``); strips ``/start@username`` suffixes
``TELEGRAM_WEBHOOK_URL``  public HTTPS URL of ``/webhooks/telegram/webhook``; when set, the
                          webhook is registered once the server has started
``TELEGRAM_API_BASE``     Bot API base URL (default ``https://api.telegram.org``)

Inert means: the routes exist, ``/webhooks/telegram/webhook`` answers 503 and nothing contacts
Telegram, so ``make run`` works without a bot. Unlike Rasa's connector this one makes no network
call at start-up (the webhook is registered after the server started) and checks the secret
header instead of calling ``getMe`` for every update.

Privacy (issue 9): the conversation id is ``tg-`` + HMAC(``CHANNEL_SECRET``, chat id)
(:func:`bot.channels.privacy.telegram_conversation_id`), so the chat id never reaches the
tracker store; the replies go to the chat id of the update through a
:class:`~bot.channels.telegram_output.ChatOutput` bound to that update. Texts are redacted, and
nothing of the update (names in ``from``/``chat``) is passed on as metadata.
"""

from __future__ import annotations

import hmac
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from aiogram.utils.exceptions import ValidationError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.privacy import telegram_conversation_id, user_message
from bot.channels.telegram_output import ChatOutput, TelegramOutput

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_PAYLOAD = "/greet"

SETTINGS = {
    "access_token": "TELEGRAM_TOKEN",
    "verify": "TELEGRAM_VERIFY",
    "webhook_url": "TELEGRAM_WEBHOOK_URL",
    "secret": "TELEGRAM_SECRET",
    "api_base": "TELEGRAM_API_BASE",
}


def _setting(credentials: Dict[str, Any], key: str) -> Optional[str]:
    value = credentials.get(key)
    if value in (None, ""):
        value = os.environ.get(SETTINGS[key], "")
    value = str(value).strip()
    return value or None


def button_title(callback: Dict[str, Any]) -> Optional[str]:
    """The title of the pressed inline button, looked up in the message's keyboard."""
    markup = (callback.get("message") or {}).get("reply_markup") or {}
    for row in markup.get("inline_keyboard") or []:
        for key in row:
            if key.get("callback_data") == callback.get("data"):
                return key.get("text")
    return None


class TelegramInput(InputChannel):
    """Telegram webhook channel (see module doc)."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(**{key: _setting(credentials, key) for key in SETTINGS})

    def __init__(
        self,
        access_token: Optional[str] = None,
        verify: Optional[str] = None,
        webhook_url: Optional[str] = None,
        secret: Optional[str] = None,
        api_base: Optional[str] = None,
    ) -> None:
        self.access_token = access_token
        self.verify = (verify or "").lstrip("@") or None
        self.webhook_url = webhook_url
        self.secret = secret
        self.api_base = api_base
        self._output: Optional[TelegramOutput] = None
        if access_token and not secret:
            logger.warning("TELEGRAM_TOKEN is set but TELEGRAM_SECRET is not: Telegram is off.")

    @property
    def enabled(self) -> bool:
        return bool(self.access_token and self.secret)

    def get_output_channel(self) -> Optional[TelegramOutput]:
        """The output channel (created once, without any network call); ``None`` when inert."""
        if not self.enabled:
            return None
        if self._output is None:
            try:
                self._output = TelegramOutput(self.access_token, self.api_base)
            except ValidationError as error:
                raise RasaException(f"TELEGRAM_TOKEN is not a valid bot token: {error}") from error
        return self._output

    def secret_ok(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        return bool(self.secret) and hmac.compare_digest(given.encode(), self.secret.encode())

    def _command(self, text: str) -> str:
        """``/start`` (also ``/start@botname``) starts the check; other text passes through."""
        text = text.strip()
        if self.verify and text.startswith("/") and f"@{self.verify}" in text.split()[0]:
            first, _, rest = text.partition(" ")
            text = (first.replace(f"@{self.verify}", "") + " " + rest).strip()
        if text.split(" ", 1)[0] in ("/start", "/hilfe", "/help"):
            return START_PAYLOAD
        return text

    def parse_update(self, update: Dict[str, Any]) -> Optional[Tuple[str, str]]:
        """(chat id, text) of an update the bot should answer, else ``None``."""
        callback = update.get("callback_query")
        if callback:
            message, text = callback.get("message") or {}, callback.get("data")
        else:
            message = update.get("message") or {}  # edits of old answers are ignored
            text = message.get("text")
            text = self._command(text) if isinstance(text, str) else None
        chat_id = (message.get("chat") or {}).get("id")
        if chat_id is None or not isinstance(text, str) or not text.strip():
            return None
        return str(chat_id), text

    async def process_update(
        self,
        update: Dict[str, Any],
        output: TelegramOutput,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> str:
        """Acknowledges a pressed button and hands the update's text to Rasa; the status."""
        parsed = self.parse_update(update)
        callback = update.get("callback_query")
        if callback:
            await output.acknowledge_button(callback, button_title(callback))
        if parsed is None:
            return "ignored"
        chat_id, text = parsed
        message = user_message(
            text, ChatOutput(output, chat_id), telegram_conversation_id(chat_id), self.name()
        )
        try:
            await on_new_message(message)
        except Exception:  # answer 200 anyway, or Telegram re-sends the update forever
            logger.exception("Telegram update %s failed", update.get("update_id"))
        return "ok"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("telegram_webhook", __name__)
        out_channel = self.get_output_channel()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.enabled})

        @webhook.listener("after_server_start")
        async def register(*_: Any) -> None:
            if out_channel is not None and self.webhook_url:
                ok = await out_channel.register_webhook(self.webhook_url, self.secret or "")
                logger.info("Telegram webhook %s: %s", self.webhook_url, "ok" if ok else "FAILED")

        @webhook.listener("before_server_stop")
        async def close(*_: Any) -> None:
            if out_channel is not None:
                await out_channel.close_session()

        @webhook.route("/set_webhook", methods=["POST"])
        async def set_webhook(request: Request) -> HTTPResponse:
            if out_channel is None:
                return response.json({"status": "not configured"}, status=503)
            if not self.secret_ok(request):
                return response.json({"status": "forbidden"}, status=403)
            if not self.webhook_url:
                return response.json({"status": "TELEGRAM_WEBHOOK_URL not set"}, status=400)
            ok = await out_channel.register_webhook(self.webhook_url, self.secret or "")
            return response.json({"status": "ok" if ok else "failed"}, status=200 if ok else 502)

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if out_channel is None:
                return response.json({"status": "not configured"}, status=503)
            if not self.secret_ok(request):
                return response.json({"status": "forbidden"}, status=403)
            update = request.json if isinstance(request.json, dict) else {}
            status = await self.process_update(update, out_channel, on_new_message)
            return response.json({"status": status})

        return webhook
