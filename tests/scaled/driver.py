"""A generic German interview driver over Rasa's REST channel (asyncio + httpx).

It does not know the dialogue's steps: it reads each reply and answers it. With buttons it
clicks one (a consent/confirmation button, payload ``/affirm``, when there is one; otherwise a
seeded-random answer button), without buttons it types sensible German free text for the profile
questions. The interview ends when a reply names the score ("Reifegrad" / "von 100"). Used by
``scripts/bench_load.py`` and ``tests/scaled/test_concurrency.py``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence

import httpx

# httpcore looks for the optional ``sniffio`` package with ``import sniffio`` on every request;
# when it is not installed (as here) each failed import searches sys.path again: measured ~0.6 ms
# of CPU per request. A ``None`` entry makes that import fail at once; the outcome is the same
# (httpcore then assumes asyncio, which this code runs on).
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

MAX_TURNS = 80
QUESTION = re.compile(r"Frage (\d+) von (\d+)")
SCORE = re.compile(r"Reifegrad\D{0,20}?(\d+) von 100")
CONSENT_WORDS = re.compile(
    r"einverstanden|Datenschutz|zustimm|bestätig|stimmt das|richtig so|korrekt|passt das|"
    r"Ist das richtig|Stimmt das",
    re.IGNORECASE,
)
# Buttons the driver never presses unless nothing else is offered: they leave the interview.
AVOID = ("/deny", "/restart", "/stop", "/goodbye", "/handoff", "/human", "/delete", "/erase")


def reply_text(messages: Sequence[Dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text", "")) for m in messages if m.get("text"))


def reply_buttons(messages: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [b for m in messages for b in (m.get("buttons") or []) if b.get("payload")]


def is_finished(text: str) -> bool:
    return "Reifegrad" in text or "von 100" in text


def answer_choice(payload: str) -> Optional[str]:
    """``/answer{"choice": "yes"}`` -> ``"yes"``."""
    if not payload.startswith("/answer"):
        return None
    try:
        return json.loads(payload[len("/answer") :]).get("choice")
    except (ValueError, AttributeError):
        return None


def choose_button(text: str, buttons: List[Dict[str, Any]], rng: random.Random) -> Dict[str, Any]:
    """The button a cooperative owner presses."""
    confirm = [b for b in buttons if b["payload"].strip() == "/affirm"]
    if confirm:
        return confirm[0]
    if CONSENT_WORDS.search(text):
        yes = [b for b in buttons if str(b.get("title", "")).strip().lower().startswith("ja")]
        if yes and not any(answer_choice(b["payload"]) for b in buttons):
            return yes[0]
    answers = [b for b in buttons if b["payload"].startswith(("/answer", "/inform"))]
    if answers:
        return rng.choice(answers)
    usable = [b for b in buttons if not b["payload"].startswith(AVOID)]
    return rng.choice(usable or buttons)


def free_text(text: str, rng: random.Random) -> str:
    """Free German text for a reply without buttons (profile questions, confirmations)."""
    lowered = text.lower()
    if "beschäftigt" in lowered or "mitarbeit" in lowered or "wie viele" in lowered:
        return rng.choice(["Wir sind 8 Leute", "12 Beschäftigte", "wir sind zu fünft"])
    if "branche" in lowered:
        return rng.choice(["Handwerk", "Einzelhandel", "Gastronomie"])
    if "stadt" in lowered or "sitz" in lowered or "ort " in lowered or "gemeinde" in lowered:
        return rng.choice(["Hilden", "Ratingen", "Mettmann"])
    if CONSENT_WORDS.search(text):
        return "ja, einverstanden"
    return "ja"


@dataclass
class Turn:
    sent: str
    latency: float  # seconds
    target: str
    ok: bool


@dataclass
class Interview:
    """One owner's conversation; ``targets`` are base URLs used in turn (round robin)."""

    sender: str
    targets: Sequence[str]
    seed: int = 0
    think_time: float = 0.0
    deadline: Optional[float] = None  # time.monotonic() after which no new turn starts
    rng: random.Random = field(init=False)
    turns: List[Turn] = field(default_factory=list)
    answers: Dict[int, str] = field(default_factory=dict)  # question number -> answer id
    sent: List[str] = field(default_factory=list)
    finished: bool = False
    cut: bool = False  # stopped by the deadline
    errors: int = 0
    error_detail: str = ""
    final_text: str = ""
    last_text: str = ""
    conversation_id: str = ""  # the replies' recipient_id (channels may namespace the sender)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    async def say(self, client: httpx.AsyncClient, message: str) -> Optional[List[Dict]]:
        target = self.targets[len(self.turns) % len(self.targets)]
        started = time.perf_counter()
        try:
            response = await client.post(
                f"{target}/webhooks/rest/webhook", json={"sender": self.sender, "message": message}
            )
            ok = response.status_code == 200
            body = response.json() if ok else None
            if not ok:
                self.error_detail = f"HTTP {response.status_code} from {target}"
        except (httpx.HTTPError, ValueError) as error:
            ok, body = False, None
            self.error_detail = f"{type(error).__name__} from {target}: {error}"
        self.turns.append(Turn(message, time.perf_counter() - started, target, ok))
        self.sent.append(message)
        if not ok:
            self.errors += 1
            return None
        return body

    async def run(self, client: httpx.AsyncClient, on_turn: Optional[Callable] = None) -> None:
        message = "Hallo"
        for _ in range(MAX_TURNS):
            if self.deadline is not None and time.monotonic() > self.deadline:
                self.cut = True
                return
            reply = await self.say(client, message)
            if on_turn:
                on_turn(self)
            if reply is None:
                return
            text = reply_text(reply)
            self.last_text = text
            for message in reply:
                if message.get("recipient_id") and not self.conversation_id:
                    self.conversation_id = str(message["recipient_id"])
            if is_finished(text):
                self.finished = True
                self.final_text = text
                return
            buttons = reply_buttons(reply)
            if buttons:
                button = choose_button(text, buttons, self.rng)
                message = button["payload"]
                choice = answer_choice(message)
                numbers = QUESTION.findall(text)
                if choice is not None and numbers:
                    self.answers[int(numbers[-1][0])] = choice
            else:
                message = free_text(text, self.rng)
            if self.think_time:
                await asyncio.sleep(self.think_time * self.rng.uniform(0.75, 1.25))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]
