"""Telegram output: inline keyboards for buttons, the result chart as a photo.

Used by :mod:`bot.channels.telegram`. The Bot API base URL is configurable
(``TELEGRAM_API_BASE``), so the tests talk to a local stand-in instead of api.telegram.org.
"""

from __future__ import annotations

import io
import json
import logging
import re
from typing import Any, Dict, List, Optional

import aiohttp
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import OutputChannel
from rasa.core.channels.telegram import TelegramOutput as RasaTelegramOutput

logger = logging.getLogger(__name__)

MAX_CALLBACK_BYTES = 64  # Telegram's limit for callback_data
MAX_TEXT_CHARS = 4096  # Telegram's limit for one message
MAX_PHOTO_BYTES = 10 * 1024 * 1024
SHORT_TITLE = 18  # buttons with titles up to this length are put two per row
PHOTO_TIMEOUT = aiohttp.ClientTimeout(total=10)
CHAT_ID = re.compile(r"-?\d{1,20}|@\w{5,32}")  # a numeric chat id or a channel's @username


def is_chat_id(value: Any) -> bool:
    return isinstance(value, str) and CHAT_ID.fullmatch(value) is not None


def callback_data(button: Dict[str, Any]) -> str:
    """The button's payload, or its title when the payload exceeds Telegram's 64-byte limit.

    The title is understood by the NLU just like a typed answer.
    """
    payload = str(button.get("payload") or button.get("title", ""))
    if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES:
        return payload
    return str(button.get("title", ""))[: MAX_CALLBACK_BYTES // 4]


def inline_keyboard(buttons: List[Dict[str, Any]]) -> InlineKeyboardMarkup:
    """Rasa buttons as an inline keyboard: link buttons open the URL, the others answer.

    Short titles go two per row, longer ones get a row each (readable on phones).
    """
    keys = [
        InlineKeyboardButton(str(b.get("title", "")), url=str(b["url"]))
        if b.get("url")
        else InlineKeyboardButton(str(b.get("title", "")), callback_data=callback_data(b))
        for b in buttons
    ]
    width = 2 if all(len(str(b.get("title", ""))) <= SHORT_TITLE for b in buttons) else 1
    markup = InlineKeyboardMarkup(row_width=width)
    markup.add(*keys)
    return markup


def split_text(text: str, limit: int = MAX_TEXT_CHARS) -> List[str]:
    """Splits long text at paragraph or line breaks into Telegram-sized messages."""
    text = text.strip()
    chunks: List[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit))
        cut = cut if cut > 0 else limit
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


class TelegramOutput(RasaTelegramOutput):
    """Rasa's Telegram output with a configurable API server and no network use until needed."""

    def __init__(self, access_token: str, api_base: Optional[str] = None) -> None:
        super().__init__(access_token)
        if api_base:
            self.server = TelegramAPIServer.from_base(api_base)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Refuses recipients that are no chat ids: Rasa's conversation ids of this channel are
        hashes (``tg-…``), only :class:`ChatOutput` knows the chat of an update."""
        if not is_chat_id(recipient_id):
            logger.warning("Telegram: no chat id for this conversation, message not sent")
            return
        await super().send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for chunk in split_text(text):
            await self.send_message(recipient_id, chunk)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        chunks = split_text(text) or ["…"]
        for chunk in chunks[:-1]:
            await self.send_message(recipient_id, chunk)
        await self.send_message(recipient_id, chunks[-1], reply_markup=inline_keyboard(buttons))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Uploads the image (the chart service may not be reachable from Telegram's servers);
        falls back to passing the URL when it cannot be downloaded here."""
        data = await self._download(image)
        photo: Any = InputFile(io.BytesIO(data), filename="digitalcheck.png") if data else image
        await self.send_photo(recipient_id, photo)

    async def _download(self, url: str) -> Optional[bytes]:
        if not url.startswith(("http://", "https://")):
            return None
        try:
            async with (
                aiohttp.ClientSession(timeout=PHOTO_TIMEOUT) as session,
                session.get(url) as resp,
            ):
                if resp.status != 200 or not resp.content_type.startswith("image/"):
                    logger.warning("image %s: HTTP %s %s", url, resp.status, resp.content_type)
                    return None
                data = await resp.content.read(MAX_PHOTO_BYTES + 1)
                return data if len(data) <= MAX_PHOTO_BYTES else None
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            logger.warning("image %s could not be downloaded: %s", url, error)
            return None

    async def register_webhook(self, url: str, secret: str) -> bool:
        """setWebhook with the secret token (aiogram 2.15 predates the parameter)."""
        payload = {
            "url": url,
            "secret_token": secret,
            "allowed_updates": json.dumps(["message", "callback_query"]),
        }
        try:
            return bool(await self.request("setWebhook", payload))
        except TelegramAPIError as error:
            logger.error("Telegram setWebhook failed: %s", error)
            return False

    async def acknowledge_button(self, callback: Dict[str, Any], title: Optional[str]) -> None:
        """Stops the client's spinner and marks the chosen answer under the question."""
        try:
            await self.answer_callback_query(callback["id"])
            message = callback.get("message") or {}
            chat_id = (message.get("chat") or {}).get("id")
            if chat_id is None or "message_id" not in message:
                return
            text = message.get("text") or ""
            if title and text:
                chosen = f"{text}\n\n→ {title}"
                await self.edit_message_text(chosen, chat_id, message["message_id"])
            else:
                await self.edit_message_reply_markup(chat_id, message["message_id"])
        except TelegramAPIError as error:
            logger.info("Telegram could not acknowledge a button press: %s", error)

    async def close_session(self) -> None:
        session = getattr(self, "_session", None)
        if session is not None and not session.closed:
            await session.close()


class ChatOutput(OutputChannel):
    """The Telegram output bound to the chat of one incoming update.

    Rasa addresses the conversation by its hashed id (``tg-…``); this sends everything to the
    real chat id, which exists only in this object while the update is handled. The shared
    :class:`TelegramOutput` (one HTTP session) does the sending.
    """

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def __init__(self, output: TelegramOutput, chat_id: str) -> None:
        self.output = output
        self.chat_id = chat_id

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        await self.output.send_response(self.chat_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.output.send_text_message(self.chat_id, text, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.output.send_image_url(self.chat_id, image, **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.output.send_text_with_buttons(self.chat_id, text, buttons, **kwargs)

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.output.send_quick_replies(self.chat_id, text, quick_replies, **kwargs)

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        await self.output.send_custom_json(self.chat_id, json_message, **kwargs)

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self.output.send_attachment(self.chat_id, attachment, **kwargs)

    async def send_elements(self, recipient_id: str, elements: Any, **kwargs: Any) -> None:
        await self.output.send_elements(self.chat_id, elements, **kwargs)
