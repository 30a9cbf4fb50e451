"""The printed tables of ``scripts/bench_understanding.py``: the answer and profile benchmarks
of one half, the calibration tables and the threshold sweep.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from understanding_outcomes import (  # noqa: E402
    answer_outcome,
    load,
    outcome_summary,
    profile_outcome,
)

from bot.nlu import answer_model  # noqa: E402
from bot.nlu.profile import decide_profile_options  # noqa: E402
from bot.nlu.understanding import Thresholds, decide  # noqa: E402


def _row(counter: Counter) -> str:
    n = sum(counter.values()) or 1
    right = counter["right"] + counter["confirmed_right"]
    confirm = counter["confirmed_right"] + counter["confirmed_wrong"]
    return (
        f"{sum(counter.values()):5d} {100 * right / n:6.1f} % {100 * confirm / n:6.1f} % "
        f"{100 * counter['wrong'] / n:6.1f} % {100 * counter['not_stored'] / n:6.1f} %"
    )


HEAD = "            n  right≤1c  confirm  wrong  re-asked"


def bench_answers(
    half: str, show_errors: int, items: Any = None, readings: Any = None, title: str = ""
) -> Dict[str, Any]:
    items = load(half, "answers") if items is None else items
    by_scale: Dict[str, Counter] = defaultdict(Counter)
    by_register: Dict[str, Counter] = defaultdict(Counter)
    story: Counter = Counter()
    total: Counter = Counter()
    confusion: Dict[str, Counter] = defaultdict(Counter)
    errors = []
    for i, item in enumerate(items):
        outcome, decided = answer_outcome(item, readings[i] if readings else None)
        total[outcome] += 1
        by_scale[item["scale"]][outcome] += 1
        by_register[item["register"]][outcome] += 1
        if item.get("story"):
            story[outcome] += 1
        confusion[str(item["expected"])][str(decided)] += 1
        if outcome in ("wrong", "confirmed_wrong", "not_stored"):
            errors.append((outcome, item, decided))
    print(
        f"Answers ({half} half{title}, {len(items)} messages): "
        "right≤1c = stored right after at most"
    )
    print("one confirmation; confirm = needed a confirmation; wrong = stored wrong without one.")
    print(HEAD)
    print(f"all        {_row(total)}")
    print(f"story-like {_row(story)}")
    for scale, counter in sorted(by_scale.items()):
        print(f"{scale:<10} {_row(counter)}")
    for register, counter in sorted(by_register.items()):
        print(f"{register:<10.10} {_row(counter)}")
    labels = sorted({d for row in confusion.values() for d in row})
    print("\nConfusion (rows: meant; columns: decided, 'unsure' = confirmation, 'none' = re-ask)")
    print(f"{'':>10} " + " ".join(f"{label[:9]:>9}" for label in labels))
    for expected in sorted(confusion):
        row = confusion[expected]
        print(f"{expected[:10]:>10} " + " ".join(f"{row.get(label, 0):9d}" for label in labels))
    for outcome, item, decided in errors[:show_errors]:
        print(
            f"  {outcome:15} {item['scale']:13} meant={item['expected']} got={decided}: "
            f"{item['text'][:110]}"
        )
    n = sum(total.values()) or 1
    return {
        "right": (total["right"] + total["confirmed_right"]) / n,
        "story_right": (story["right"] + story["confirmed_right"]) / (sum(story.values()) or 1),
        "confirm": (total["confirmed_right"] + total["confirmed_wrong"]) / n,
        "wrong": total["wrong"] / n,
    }


def bench_profile(half: str, show_errors: int) -> Dict[str, Any]:
    items = load(half, "profile")
    by_kind: Dict[str, Counter] = defaultdict(Counter)
    total: Counter = Counter()
    errors = []
    for item in items:
        current = item.get("current") or {}
        stored, proposed, options = decide_profile_options(item["text"], item["asked"], current)
        outcome = profile_outcome(item["expected"], stored, proposed, options)
        total[outcome] += 1
        by_kind[item["kind"]][outcome] += 1
        if outcome != "right":
            errors.append((outcome, item, stored, proposed))
    print(f"\nProfile ({half} half, {len(items)} messages)")
    print(HEAD)
    print(f"all        {_row(total)}")
    for kind, counter in sorted(by_kind.items()):
        print(f"{kind:<10} {_row(counter)}")
    for outcome, item, stored, proposed in errors[:show_errors]:
        print(
            f"  {outcome:15} asked={item['asked']:<12} meant={item['expected']} "
            f"stored={stored} proposed={proposed}: {item['text'][:90]}"
        )
    return {"wrong": total["wrong"], "n": sum(total.values())}


def calibration(items: List[Dict[str, Any]], predictions: List[Any], readings: List[Any]) -> None:
    """Reliability of the model's top probability and of read_answer's "sure" confidence."""
    bins = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01)

    def table(title: str, pairs: List[tuple]) -> None:
        print(f"\n{title}")
        print("  confidence      n   accuracy  mean conf")
        for low, high in zip(bins, bins[1:], strict=False):
            inside = [(c, ok) for c, ok in pairs if low <= c < high]
            if inside:
                acc = sum(ok for _, ok in inside) / len(inside)
                mean = sum(c for c, _ in inside) / len(inside)
                band = f"[{low:.2f},{min(high, 1):.2f})"
                print(f"  {band} {len(inside):5d}   {100 * acc:6.1f} %   {mean:.3f}")

    def accepted(item: Dict[str, Any]) -> set:
        return {item["expected"] or answer_model.NONE, *(item.get("acceptable") or [])}

    pairs = [
        (p.top_probability, p.top in accepted(i)) for i, p in zip(items, predictions, strict=True)
    ]
    table("Model calibration (cross-validated top probability)", pairs)
    sure = [
        (r.confidence, r.answer in accepted(i))
        for i, r in zip(items, readings, strict=True)
        if r.status == "sure"
    ]
    table("read_answer calibration (confidence of 'sure' decisions)", sure)


def sweep(items: List[Dict[str, Any]], rules: List[Any], predictions: List[Any]) -> None:
    print("\nThreshold sweep (cross-validated): agree / sure thresholds -> outcome")
    print("  agree  sure  right≤1c  story  confirm  wrong  re-ask")
    for agree in (0.85, 0.88, 0.90, 0.92, 0.93, 0.94, 0.95, 0.97):
        for sure in (0.95, 0.98):
            thresholds = Thresholds(sure=max(sure, agree), agree=agree)
            readings = [
                decide(r, p, thresholds, i["text"])
                for i, r, p in zip(items, rules, predictions, strict=True)
            ]
            o = outcome_summary(items, readings)
            print(
                f"  {agree:.2f}  {max(sure, agree):.2f}  {100 * o['right']:6.1f} %"
                f"  {100 * o['story_right']:5.1f} %  {100 * o['confirm']:5.1f} %"
                f"  {100 * o['wrong']:4.1f} %  {100 * o['reask']:4.1f} %"
            )
