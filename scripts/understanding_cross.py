"""Models for ``scripts/bench_understanding.py`` that never saw the answers they are scored on:
K-fold cross-validation on the dev half and cross-set training (train on some halves, score
another).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, List

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from understanding_outcomes import CORPUS, load  # noqa: E402

from bot.nlu import answer_model  # noqa: E402
from bot.nlu.answers import rule_reading  # noqa: E402


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
