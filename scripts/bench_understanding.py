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
dev7, dev8, dev9, dev11 ... dev14, dev17 ... dev20, dev22 ... dev25 and synthetic, so ``--half
dev`` ... ``dev5``, ``dev7`` ... ``dev14``, ``dev17`` ... ``dev20``, ``dev22`` ... ``dev25`` without
``--train``/``--cv``
are
in-sample numbers for the answers (no profile set is training material); use ``--cross`` (or
``--train``) for an estimate on unseen text. The profile
sets of dev2 ... dev25 (tests/corpus/dev*/profile_*.jsonl) are the check that the profile rules
generalise.
Several profile values of one message are confirmed together (see :func:`profile_outcome`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if str(ROOT / "scripts") not in sys.path:  # the modules below live next to this file
    sys.path.append(str(ROOT / "scripts"))

from understanding_cross import cross_set, cross_validate, train_on  # noqa: E402
from understanding_outcomes import (  # noqa: E402
    CORPUS,
    OUTCOMES,
    answer_outcome,
    load,
    outcome_summary,
    profile_outcome,
)
from understanding_report import (  # noqa: E402
    HEAD,
    _row,
    bench_answers,
    bench_profile,
    calibration,
    sweep,
)

from bot.nlu import answer_model  # noqa: E402
from bot.nlu.answers import rule_reading  # noqa: E402
from bot.nlu.profile import decide_profile_options  # noqa: E402
from bot.nlu.understanding import Thresholds, decide, read_answer  # noqa: E402

# Re-exported: these names were defined here before the split and stay importable from here.
__all__ = [
    "CORPUS",
    "DEV_HALVES",
    "HEAD",
    "OUTCOMES",
    "ROOT",
    "Thresholds",
    "_row",
    "answer_model",
    "answer_outcome",
    "bench_answers",
    "bench_profile",
    "calibration",
    "cross_set",
    "cross_validate",
    "decide",
    "decide_profile_options",
    "load",
    "main",
    "outcome_summary",
    "profile_outcome",
    "read_answer",
    "rule_reading",
    "sweep",
    "train_on",
]

DEV_HALVES = (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
    "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21",
    "dev22", "dev23", "dev24", "dev25",
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
