"""The understanding corpus and how one message is scored: loading a half, the outcome of one
answer (:func:`answer_outcome`) or profile message (:func:`profile_outcome`), and the summary of
a list of answer outcomes (:func:`outcome_summary`). Used by ``scripts/bench_understanding.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.nlu.understanding import read_answer  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
OUTCOMES = ("right", "confirmed_right", "confirmed_wrong", "wrong", "not_stored")


def load(half: str, prefix: str) -> List[Dict[str, Any]]:
    items = []
    for path in sorted((CORPUS / half).glob(f"{prefix}*.jsonl")):
        items += [
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line
        ]
    return items


def answer_outcome(item: Dict[str, Any], reading: Any = None) -> tuple:
    if reading is None:
        reading = read_answer(item["text"], item["scale"], item.get("slot"))
    expected = item["expected"]
    accepted = {expected, *(item.get("acceptable") or [])} - {None}
    decided = reading.answer if reading.status == "sure" else reading.status
    if expected is None:  # not an answer: must not be stored
        outcome = {"sure": "wrong", "unsure": "confirmed_right", "none": "right"}[reading.status]
        return outcome, decided
    if reading.status == "sure":
        return ("right" if reading.answer in accepted else "wrong"), decided
    if reading.status == "unsure":
        hit = accepted & set(reading.options)
        return ("confirmed_right" if hit else "confirmed_wrong"), decided
    return "not_stored", decided


def profile_outcome(
    expected: Dict[str, Any],
    stored: Dict[str, Any],
    proposed: Dict[str, Any],
    options: Any = None,
) -> str:
    """The outcome of one profile message. All proposed values are asked in one combined
    confirmation (actions/profile_confirm.py): yes applies all of them, so the owner says yes
    only when every proposed value is what they meant; otherwise nothing proposed is applied.
    A lone proposal read two ways ("ich habe 4 Leute": 4 or 5) offers both values
    (``options``): the owner taps the one meant."""
    meant = {slot: value for slot, value in expected.items() if value is not None}
    if any(meant.get(slot) != value for slot, value in stored.items()):
        return "wrong"  # stored without a confirmation, and not what was meant
    proposed = dict(proposed)
    for slot, choices in (options or {}).items():
        if slot in proposed and meant.get(slot) in choices:
            proposed[slot] = meant[slot]
    applied = dict(stored)
    if proposed and all(meant.get(slot) == value for slot, value in proposed.items()):
        applied.update(proposed)
    if any(applied.get(slot) != value for slot, value in meant.items()):
        return "not_stored"
    return "confirmed_right" if proposed else "right"


def outcome_summary(items: List[Dict[str, Any]], readings: List[Any]) -> Dict[str, float]:
    counts: Counter = Counter()
    story: Counter = Counter()
    level: Counter = Counter()
    for item, reading in zip(items, readings, strict=True):
        outcome, _ = answer_outcome(item, reading)
        counts[outcome] += 1
        if item.get("story"):
            story[outcome] += 1
        if item["scale"] == "level":
            level[outcome] += 1
    n = len(items) or 1
    n_level = sum(level.values()) or 1
    return {
        "n": len(items),
        "right": (counts["right"] + counts["confirmed_right"]) / n,
        "sure_right": counts["right"] / n,
        "story_right": (story["right"] + story["confirmed_right"]) / (sum(story.values()) or 1),
        "confirm": (counts["confirmed_right"] + counts["confirmed_wrong"]) / n,
        "confirm_missed": counts["confirmed_wrong"] / n,
        "wrong": counts["wrong"] / n,
        "reask": counts["not_stored"] / n,
        "level_right": (level["right"] + level["confirmed_right"]) / n_level,
        "level_confirm": (level["confirmed_right"] + level["confirmed_wrong"]) / n_level,
        "level_wrong": level["wrong"] / n_level,
    }
