"""Intent probes of `make bench` (also alone: `scripts/bench.py --probes-of MODEL`): the intent
the NLU gives nonsense strings and the long owner answers of the development sets."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent

NONSENSE = ["asdkjh qwe", "xkcd flummi", "blubb blubb", "öäü ßßß", "lorem ipsum dolor",
            "12 34 56", "???", "hmm", "jdjdjd", "zzz"]  # fmt: skip


# Intents that lead to no canned reply (the message is read as an answer or not understood).
ANSWER_LIKE = {"answer", "inform", "dont_know", "nlu_fallback", "affirm", "deny"}


def intent_probes(top: Callable[[str], Dict[str, Any]]) -> Dict[str, Any]:
    """The intent (name, confidence) the NLU gives nonsense and long owner answers."""
    nonsense = [top(t) for t in NONSENSE]
    long = [top(t) for t in long_messages()]
    return {
        "nonsense": len(nonsense),
        "nonsense_fallback": sum(i["name"] == "nlu_fallback" for i in nonsense),
        "long": len(long),
        "long_confident": sum(i["confidence"] >= 0.9 for i in long),
        "long_canned": sum(i["confidence"] >= 0.9 and i["name"] not in ANSWER_LIKE for i in long),
        "long_mean": statistics.mean(i["confidence"] for i in long),
    }


def probe_rows(parts: Dict[str, Any]) -> List[tuple]:
    return [
        (f"Learned intent ≥ 0.9 on {parts['long']} long owner answers (dev sets)",
         f"{100 * parts['long_confident'] / parts['long']:.1f} % (mean {parts['long_mean']:.2f})"),
        ("… of them a canned-reply intent ≥ 0.9",
         f"{100 * parts['long_canned'] / parts['long']:.1f} %"),
        (f"Nonsense marked nlu_fallback ({parts['nonsense']} strings)",
         f"{parts['nonsense_fallback']} of {parts['nonsense']}"),
    ]  # fmt: skip


def probes_of_model(model: Path) -> None:
    """Only the intent probes, on a trained model loaded in this process (no servers)."""
    import asyncio

    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    def top(text: str) -> Dict[str, Any]:
        return asyncio.run(agent.parse_message(text))["intent"]

    rows = probe_rows(intent_probes(top))
    width = max(len(r[0]) for r in rows)
    print(f"\nIntent probes of {model.name}\n| Measure | Value |\n|---|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


def long_messages() -> List[str]:
    """Long owner answers (over 120 characters) of all development sets: the learned intent's
    confidence must not grow with the length of a message, and no canned reply may win."""
    texts = []
    for path in sorted((ROOT / "tests" / "corpus").glob("dev*/answers_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and len(json.loads(line)["text"]) > 120:
                texts.append(json.loads(line)["text"])
    return texts
