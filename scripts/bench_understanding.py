"""How well the assistant understands owners: the answer and profile corpus, one half at a time.

    python scripts/bench_understanding.py [--half heldout|dev|dev2|dev3] [--errors N]
    python scripts/bench_understanding.py --half dev --cv 5 [--sweep] [--rules-only]
    python scripts/bench_understanding.py --train dev --half dev2 [--sweep] [--errors N]
    python scripts/bench_understanding.py --train dev,dev2 --half dev3 [--errors N]
    python scripts/bench_understanding.py --cross [--sweep]

``--train HALVES`` (comma-separated, synthetic answers always added) trains a fresh model on
those halves only and scores the answers of ``--half`` with it: a cross-set estimate of how the
model does on answers written by someone else. ``--cross`` runs both directions between the
development halves (dev -> dev2 and dev2 -> dev) and, when the third development set
(tests/corpus/dev3, written later by other writers) is there, dev + dev2 -> dev3, and prints
them side by side. dev + dev2 -> dev3 is the most honest estimate: the most training text, and
an evaluation set nobody tuned the rules or the model on.

For every answer the product's own decision (bot.nlu.understanding.read_answer) is taken:
"sure" stores, "unsure" asks one confirmation with two options, "none" re-asks. An answer counts
as stored right after at most one confirmation when the stored answer, or one of the two offered
options, is what the corpus writer meant. Profile messages go through the same decision as the
form (bot.nlu.understanding.decide_profile). `make bench` prints the held-out half; tuning only
ever looks at the development sets. The shipped answer model is trained on dev ... dev5,
dev7, dev8, dev9, dev11 ... dev14 and synthetic, so ``--half dev`` ... ``dev5``, ``dev7`` ...
``dev14`` without ``--train``/``--cv`` are in-sample numbers for the answers (no profile set is
training material); use ``--cross`` (or ``--train``) for an estimate on unseen text. The profile
sets of dev2 ... dev14 (tests/corpus/dev*/profile_*.jsonl) are the check that the profile rules
generalise.
Several profile values of one message are confirmed together (see :func:`profile_outcome`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu import answer_model  # noqa: E402
from bot.nlu.answers import rule_reading  # noqa: E402
from bot.nlu.profile import decide_profile_options  # noqa: E402
from bot.nlu.understanding import Thresholds, decide, read_answer  # noqa: E402

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


def cross_validate(k: int, seed: int = 0) -> tuple:
    """Per dev answer: its rule reading and the prediction of a model that never saw it."""
    items = load("dev", "answers")
    examples = [
        answer_model.Example(
            i["text"], i["scale"], i["expected"] or answer_model.NONE, i.get("slot") or ""
        )
        for i in items
    ]
    synthetic = answer_model.load_examples(sorted((CORPUS / "synthetic").glob("answers_*.jsonl")))
    predictions: List[Any] = [None] * len(items)
    for fold in answer_model.fold_indices(examples, k, seed):
        held = set(fold)
        model = answer_model.train([e for i, e in enumerate(examples) if i not in held] + synthetic)
        for i, prediction in zip(
            fold,
            model.predict_many(
                [items[i]["text"] for i in fold],
                [items[i]["scale"] for i in fold],
                [items[i].get("slot") for i in fold],
            ),
            strict=True,
        ):
            predictions[i] = prediction
    rules = [rule_reading(i["text"], i["scale"]) for i in items]
    return items, rules, predictions


def train_on(halves: List[str], synthetic: bool = True) -> Any:
    """A fresh model trained on the answers of ``halves`` (plus the synthetic answers)."""
    if "heldout" in halves:
        raise SystemExit("the held-out half is never trained on")
    paths = [p for half in halves for p in sorted((CORPUS / half).glob("answers_*.jsonl"))]
    if synthetic:
        paths += sorted((CORPUS / "synthetic").glob("answers_*.jsonl"))
    return answer_model.train(answer_model.load_examples(paths))


def cross_set(train: List[str], half: str) -> tuple:
    """Per answer of ``half``: its rule reading and the prediction of a model trained on
    ``train`` only (which must not contain ``half``)."""
    if half in train:
        raise SystemExit(f"--train {','.join(train)} contains the evaluated half {half}")
    items = load(half, "answers")
    model = train_on(train)
    predictions = model.predict_many(
        [i["text"] for i in items], [i["scale"] for i in items], [i.get("slot") for i in items]
    )
    rules = [rule_reading(i["text"], i["scale"]) for i in items]
    return items, rules, predictions


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


DEV_HALVES = (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
    "dev12", "dev13", "dev14", "dev15", "dev16",
)  # fmt: skip


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--half",
        default="heldout",
        choices=("heldout", *DEV_HALVES),
    )
    parser.add_argument(
        "--train", default="", help="comma-separated halves to train a fresh model on (cross-set)"
    )
    parser.add_argument("--cross", action="store_true", help="dev -> dev2 and dev2 -> dev")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses")
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation (dev only)")
    parser.add_argument("--sweep", action="store_true", help="with --cv: threshold grid")
    parser.add_argument("--rules-only", action="store_true", help="answer model switched off")
    args = parser.parse_args(argv)
    if args.rules_only:
        answer_model.set_model(None)
    if args.cross or args.train:
        directions = []
        if args.cross:
            # both ways between dev and dev2, then each later set from all sets before it
            ordered = [h for h in DEV_HALVES if load(h, "answers")]
            directions = [(["dev"], "dev2"), (["dev2"], "dev")]
            directions += [(ordered[:i], half) for i, half in enumerate(ordered) if i >= 2]
        if args.train:
            directions = [(args.train.split(","), args.half)]
        summaries = []
        for train, half in directions:
            items, rules, predictions = cross_set(train, half)
            if args.rules_only:
                predictions = [None] * len(items)
            readings = [
                decide(r, p, None, i["text"])
                for i, r, p in zip(items, rules, predictions, strict=True)
            ]
            title = f", model trained on {'+'.join(train)} + synthetic only"
            bench_answers(half, args.errors, items, readings, title)
            if not args.rules_only:
                calibration(items, predictions, readings)
                if args.sweep:
                    sweep(items, rules, predictions)
            summaries.append((f"{'+'.join(train)} -> {half}", outcome_summary(items, readings)))
            print()
        print(
            "Cross-set summary        n  right≤1c  story  sure-right  confirm  missed  wrong",
            end="",
        )
        print("  re-ask | level: right  confirm  wrong")
        for name, s in summaries:
            print(
                f"{name:<19} {s['n']:5d}  {100 * s['right']:6.1f} % {100 * s['story_right']:5.1f} %"
                f"  {100 * s['sure_right']:6.1f} %  {100 * s['confirm']:5.1f} %"
                f"  {100 * s['confirm_missed']:4.1f} %  {100 * s['wrong']:4.1f} %"
                f"  {100 * s['reask']:4.1f} % |  {100 * s['level_right']:6.1f} %"
                f"  {100 * s['level_confirm']:5.1f} %  {100 * s['level_wrong']:4.1f} %"
            )
        return 0
    if args.cv:
        if args.half != "dev":
            parser.error("--cv only runs on the dev half")
        items, rules, predictions = cross_validate(args.cv)
        if args.rules_only:
            predictions = [None] * len(items)
        readings = [
            decide(r, p, None, i["text"]) for i, r, p in zip(items, rules, predictions, strict=True)
        ]
        answers = bench_answers(
            "dev", args.errors, items, readings, f", {args.cv}-fold cross-validated model"
        )
        if not args.rules_only:
            calibration(items, predictions, readings)
            if args.sweep:
                sweep(items, rules, predictions)
        print(
            f"\nTargets (CV): right≤1c {100 * answers['right']:.1f} % (≥ 98), story-like "
            f"{100 * answers['story_right']:.1f} % (≥ 95), confirmations "
            f"{100 * answers['confirm']:.1f} % (≤ 10), stored wrong {100 * answers['wrong']:.1f} %"
        )
        return 0
    if not load(args.half, "answers"):  # dev2: profile messages only
        profile = bench_profile(args.half, args.errors)
        print(f"\nTargets: profile stored wrong {profile['wrong']} (0)")
        return 0
    answers = bench_answers(args.half, args.errors)
    profile = bench_profile(args.half, args.errors)
    print(
        f"\nTargets: right≤1c {100 * answers['right']:.1f} % (≥ 98), story-like "
        f"{100 * answers['story_right']:.1f} % (≥ 95), confirmations "
        f"{100 * answers['confirm']:.1f} % (≤ 10), profile stored wrong {profile['wrong']} (0)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
