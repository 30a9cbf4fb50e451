"""Socket.io channel for the website widget.

A drop-in replacement for Rasa's ``SocketIOInput`` (register it in ``credentials.yml`` as
``bot.channels.socketio.SocketIOInput``) with two fixes:

* RasaHQ/rasa#13027: with ``session_persistence: true`` Rasa 3.6 calls ``sio.enter_room()``
  without awaiting it. Since python-socketio 5.10 that is a coroutine, so the client never joins
  the room of its session and no ``bot_uttered`` reaches it. Here the call is awaited (and still
  works with older python-socketio, where it is a plain function).
* Link buttons (``{"title": ..., "url": ...}``) crash Rasa's output (it reads ``payload``); here
  they are sent as ``{"content_type": "web_url", "title": ..., "url": ...}`` quick replies.

Events are unchanged: ``session_request`` → ``session_confirm``, ``user_uttered`` →
``bot_uttered`` with ``text``, ``quick_replies`` or ``attachment``.
"""

from __future__ import annotations

import inspect
import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage, decode_bearer_token
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

logger = logging.getLogger(__name__)

MAX_SESSION_ID_LENGTH = 128


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


def valid_session_id(value: Any) -> Optional[str]:
    """The client's session id if it is a short printable string, else ``None``."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_SESSION_ID_LENGTH or not value.isprintable():
        return None
    return value


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

    def _sender_id(self, sid: str, data: Dict[str, Any]) -> Optional[str]:
        if not self.session_persistence:
            return sid
        session_id = valid_session_id(data.get("session_id"))
        if session_id is None:
            logger.warning("socket.io message without a valid session_id ignored")
        return session_id

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
            data = data if isinstance(data, dict) else {}
            session_id = valid_session_id(data.get("session_id")) or uuid.uuid4().hex
            if self.session_persistence:
                await enter_room(sio, sid, session_id, namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Optional[Dict] = None) -> None:
            data = data if isinstance(data, dict) else {}
            sender_id = self._sender_id(sid, data)
            if sender_id is None:
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            message = UserMessage(
                str(data.get("message", "")),
                SocketIOOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            await on_new_message(message)

        return webhook
