"""Measurements of `make bench` against the started servers: start to first answer, REST turn
latency (sequential and parallel) and where a turn's time goes."""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_probes import intent_probes  # noqa: E402

from tests.e2e.servers import TOKEN, Stack  # noqa: E402

TURNS = [
    "Hallo", "ja", "12", "Malerbetrieb", "Hilden", "ja", "teilweise", "nein", "weiß nicht",
    "selten", "immer", "ja", "nein", "eher regelmäßig",
]  # fmt: skip


def first_answer_seconds(model: Path, workdir: Path) -> float:
    """Seconds from starting the servers until the first chat message is answered."""
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir, model=model)
    start = time.monotonic()
    try:
        stack.start_actions()
        stack.start_rasa()
        while True:
            reply = requests.post(
                f"{stack.rasa_url}/webhooks/rest/webhook",
                json={"sender": "bench-start", "message": "Hallo"},
                timeout=30,
            )
            if reply.ok and reply.json():
                return time.monotonic() - start
            time.sleep(0.2)
    finally:
        stack.stop()


def conversation(url: str, latencies: List[float]) -> None:
    sender = f"bench-{uuid.uuid4().hex}"
    for text in TURNS:
        start = time.monotonic()
        requests.post(url, json={"sender": sender, "message": text}, timeout=30).raise_for_status()
        latencies.append((time.monotonic() - start) * 1000)


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latency(workdir: Path, conversations: int) -> Dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir)
    try:
        stack.start_api()
        stack.start_actions()
        stack.start_rasa()
        url = f"{stack.rasa_url}/webhooks/rest/webhook"
        conversation(url, [])  # warm-up
        sequential: List[float] = []
        for _ in range(conversations):
            conversation(url, sequential)
        parallel: List[float] = []
        with ThreadPoolExecutor(max_workers=20) as pool:
            for future in [pool.submit(conversation, url, parallel) for _ in range(40)]:
                future.result()
        return {
            "seq_p50": statistics.median(sequential),
            "seq_p95": percentile(sequential, 95),
            "par_p50": statistics.median(parallel),
            "par_p95": percentile(parallel, 95),
            "turns": len(sequential) + len(parallel),
        }
    finally:
        stack.stop()


def turn_breakdown(workdir: Path) -> Dict[str, float]:
    """Where a turn's time goes: NLU parse, the action server's round trip, the tracker read."""
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir)
    token = {"token": TOKEN}
    try:
        stack.start_api()
        stack.start_actions()
        stack.start_rasa()
        url = f"{stack.rasa_url}/webhooks/rest/webhook"
        conversation(url, [])
        sender = f"bench-{uuid.uuid4().hex}"
        turns, parses, actions, reads = [], [], [], []
        for text in TURNS:
            start = time.monotonic()
            reply = requests.post(url, json={"sender": sender, "message": text}, timeout=30)
            turns.append((time.monotonic() - start) * 1000)
            conversation_id = (reply.json() or [{}])[0].get("recipient_id", f"rest-{sender}")
            start = time.monotonic()
            requests.post(f"{stack.rasa_url}/model/parse", params=token, json={"text": text},
                          timeout=30)  # fmt: skip
            parses.append((time.monotonic() - start) * 1000)
            start = time.monotonic()
            state = requests.get(f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
                                 params=token, timeout=30).json()  # fmt: skip
            reads.append((time.monotonic() - start) * 1000)
            if state.get("active_loop", {}).get("name"):
                call = {"next_action": f"validate_{state['active_loop']['name']}",
                        "tracker": state, "domain": {}, "version": "3.6.2"}  # fmt: skip
                start = time.monotonic()
                requests.post(f"http://127.0.0.1:{stack.actions_port}/webhook", json=call,
                              timeout=30)  # fmt: skip
                actions.append((time.monotonic() - start) * 1000)
        parse = f"{stack.rasa_url}/model/parse"

        def top(text: str) -> Dict[str, Any]:
            reply = requests.post(parse, params=token, json={"text": text}, timeout=30).json()
            return reply["intent"]

        return {
            "turn": statistics.median(turns),
            "parse": statistics.median(parses),
            "action": statistics.median(actions) if actions else float("nan"),
            "read": statistics.median(reads),
            **intent_probes(top),
        }
    finally:
        stack.stop()
