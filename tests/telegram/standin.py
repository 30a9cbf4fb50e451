"""A small local stand-in of the Telegram Bot API that records every call.

Serves ``POST /bot<token>/<method>`` like api.telegram.org: answers
``{"ok": true, "result": ...}`` with Content-Type application/json and keeps each call
(method, form fields, uploaded files) for the tests to inspect.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from aiohttp import web

BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Digitalcheck", "username": "dc_test_bot"}


@dataclass
class Call:
    method: str
    token: str
    params: Dict[str, Any]
    files: Dict[str, bytes] = field(default_factory=dict)

    @property
    def keyboard(self) -> List[List[Dict[str, str]]]:
        markup = self.params.get("reply_markup") or {}
        return markup.get("inline_keyboard") or []


class TelegramStandIn:
    def __init__(self, port: int) -> None:
        self.port = port
        self.calls: List[Call] = []
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._runner: Optional[web.AppRunner] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def since(self, index: int) -> List[Call]:
        with self._lock:
            return list(self.calls[index:])

    def _message(self, params: Dict[str, Any], **extra: Any) -> Dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
            "from": BOT_USER,
            **extra,
        }

    def _result(self, call: Call) -> Any:
        params = call.params
        if call.method == "getMe":
            return BOT_USER
        if call.method in ("sendMessage", "editMessageText"):
            extra = {"text": params.get("text", "")}
            if params.get("reply_markup"):
                extra["reply_markup"] = params["reply_markup"]
            return self._message(params, **extra)
        if call.method == "sendPhoto":
            photo = {"file_id": "photo-1", "file_unique_id": "p1", "width": 640, "height": 640}
            return self._message(params, photo=[photo])
        return True  # setWebhook, answerCallbackQuery, editMessageReplyMarkup, ...

    async def _handle(self, request: web.Request) -> web.Response:
        params: Dict[str, Any] = {}
        files: Dict[str, bytes] = {}
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = value.file.read()
            else:
                params[key] = value
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        call = Call(request.match_info["method"], request.match_info["token"], params, files)
        with self._lock:
            self.calls.append(call)
            result = self._result(call)
        return web.json_response({"ok": True, "result": result})

    def start(self) -> None:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            app = web.Application()
            app.router.add_post(r"/bot{token}/{method}", self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", self.port)
            self._loop.run_until_complete(site.start())
            ready.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="telegram-standin", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("Telegram stand-in did not start")

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
