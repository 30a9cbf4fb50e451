"""Socket.io channel for the website widget.

A drop-in replacement for Rasa's ``SocketIOInput`` (register it in ``credentials.yml`` as
``bot.channels.socketio.SocketIOInput``) with two fixes:

* RasaHQ/rasa#13027: with ``session_persistence: true`` Rasa 3.6 calls ``sio.enter_room()``
  without awaiting it. Since python-socketio 5.10 that is a coroutine, so the client never joins
  the room of its session and no ``bot_uttered`` reaches it. Here the call is awaited (and still
  works with older python-socketio, where it is a plain function).
* Link buttons (``{"title": ..., "url": ...}``) crash Rasa's output (it reads ``payload``); here
  they are sent as ``{"content_type": "web_url", "title": ..., "url": ...}`` quick replies.

Session ids are issued by the server (issue 9): on ``session_request`` the client's
``session_id`` is kept only if it is a token this server issued (signed with an HMAC key derived
from ``CHANNEL_SECRET``); anything else - no id, a client-chosen or a forged one - gets a new
random token (:func:`bot.channels.privacy.issue_web_token`), confirmed in ``session_confirm``.
The conversation id is ``web-`` + HMAC(token), so neither the tracker store nor anyone who
knows a conversation id can continue the conversation; only the browser holding the token can.
``user_uttered`` messages without a valid token are ignored. Texts are redacted and client
metadata is dropped (:func:`bot.channels.privacy.user_message`).

Events are unchanged: ``session_request`` → ``session_confirm``, ``user_uttered`` →
``bot_uttered`` with ``text``, ``quick_replies`` or ``attachment``.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage, decode_bearer_token
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.privacy import (
    issue_web_token,
    user_message,
    valid_web_token,
    web_conversation_id,
)

logger = logging.getLogger(__name__)


def quick_reply(button: Dict[str, Any]) -> Dict[str, Any]:
    """One Rasa button as a socket.io quick reply; link buttons keep their URL."""
    title = str(button.get("title", ""))
    if button.get("url"):
        return {"content_type": "web_url", "title": title, "url": str(button["url"])}
    return {"content_type": "text", "title": title, "payload": str(button.get("payload", title))}


class SocketIOOutput(rasa_socketio.SocketIOOutput):
    """Rasa's socket.io output, with link buttons."""

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = [part for part in text.strip().split("\n\n") if part] or [text]
        messages: List[Dict[str, Any]] = [{"text": part} for part in parts]
        messages[-1]["quick_replies"] = [quick_reply(button) for button in buttons]
        for message in messages:
            await self._send_message(recipient_id, message)


async def enter_room(sio: AsyncServer, sid: str, room: str, namespace: Optional[str]) -> None:
    """``enter_room`` is a coroutine since python-socketio 5.10 (#13027); await it if so."""
    result = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


class SocketIOInput(rasa_socketio.SocketIOInput):
    """Rasa's socket.io input channel with session persistence that works (see module doc)."""

    def get_output_channel(self) -> Optional[SocketIOOutput]:
        if self.sio is None:
            return None
        return SocketIOOutput(self.sio, self.bot_message_evt)

    async def _authorised(self, auth: Optional[Dict[str, Any]]) -> bool:
        if not self.jwt_key:
            return True
        token = (auth or {}).get("token")
        if not token:
            return False
        return bool(decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

    def session_token(self, data: Any) -> str:
        """The client's token if this server issued it (and sessions persist), else a new one."""
        given = data.get("session_id") if isinstance(data, dict) else None
        token = valid_web_token(given) if self.session_persistence else None
        return token or issue_web_token()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # CORS is handled by Rasa's --cors option (sanic-cors), as in Rasa's own channel.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        webhook = rasa_socketio.SocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__
        )
        self.sio = sio
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: Dict, auth: Optional[Dict] = None) -> bool:
            return await self._authorised(auth)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Optional[Dict] = None) -> None:
            token = self.session_token(data)
            await enter_room(sio, sid, web_conversation_id(token), namespace)
            await sio.emit("session_confirm", token, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Optional[Dict] = None) -> None:
            data = data if isinstance(data, dict) else {}
            token = valid_web_token(data.get("session_id"))
            text = data.get("message")
            if token is None or not isinstance(text, str):
                logger.warning("socket.io message without a valid server-issued session ignored")
                return
            conversation_id = web_conversation_id(token)
            # A client that reconnected without session_request still gets the answers.
            await enter_room(sio, sid, conversation_id, namespace)
            output = SocketIOOutput(sio, self.bot_message_evt)
            await on_new_message(user_message(text, output, conversation_id, self.name()))

        return webhook
