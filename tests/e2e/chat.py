"""A REST-channel client for end-to-end conversations."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import requests

from tests.e2e.servers import TOKEN, Stack


class Chat:
    def __init__(self, stack: Stack, sender: str) -> None:
        self.stack = stack
        self.sender = sender
        self.last: List[Dict[str, Any]] = []

    def say(self, text: str) -> List[Dict[str, Any]]:
        response = requests.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=30,
        )
        response.raise_for_status()
        self.last = response.json()
        return self.last

    def choose(self, answer_id: str) -> List[Dict[str, Any]]:
        return self.say("/answer" + json.dumps({"choice": answer_id}))

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.last if m.get("text"))

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        return [b for m in self.last for b in m.get("buttons", [])]

    def tracker(self) -> Dict[str, Any]:
        response = requests.get(
            f"{self.stack.rasa_url}/conversations/{self.sender}/tracker",
            params={"token": TOKEN},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def slot(self, name: str) -> Optional[Any]:
        return self.tracker()["slots"].get(name)

    def requested_slot(self) -> Optional[str]:
        return self.slot("requested_slot")
