"""Training the answer model (:class:`bot.nlu.answer_learner.AnswerModel`): fitting the
vectorisers and both linear SVMs (:func:`_fit`), stratified folds (:func:`fold_indices`) and
the temperature from out-of-fold logits (:func:`train`, inner 4-fold cross-validation)."""

from __future__ import annotations

import math
import time
from typing import Dict, List, Sequence, Tuple

from bot.nlu.answer_features import (
    LABELS,
    Example,
    norm,
    position,
    rule_features,
    slotted,
    structure,
)
from bot.nlu.answer_learner import (
    RULE_WEIGHT,
    SLOT_WEIGHT,
    STRUCT_WEIGHT,
    AnswerModel,
)
from bot.nlu.answers import SCALES

Inputs = Tuple[List[str], List[Dict[str, float]]]


def _inputs(examples: Sequence[Example]) -> Inputs:
    """The normalised texts and rule features of ``examples`` (computed once per training)."""
    return [norm(e.text) for e in examples], [rule_features(e.text, e.scale) for e in examples]


def _fit(examples: Sequence[Example], c_value: float, seed: int, inputs: Inputs) -> AnswerModel:
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    norms, rule_rows = inputs
    word = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
        token_pattern=r"(?u)\b\w+\b|[?!]",
    )  # fmt: skip
    char = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True, min_df=2)
    struct = TfidfVectorizer(
        analyzer="word", sublinear_tf=True, min_df=2, token_pattern=r"\S+", lowercase=False
    )
    rules = DictVectorizer()
    blocks = [
        word.fit_transform(norms),
        char.fit_transform(norms),
        STRUCT_WEIGHT * struct.fit_transform([structure(n) for n in norms]),
        RULE_WEIGHT * rules.fit_transform(rule_rows),
    ]
    tagged = [slotted(n, e.slot) for n, e in zip(norms, examples, strict=True)]
    slots = None
    if SLOT_WEIGHT > 0 and sum(1 for t in tagged if t) >= 2:
        slots = TfidfVectorizer(
            analyzer="word", sublinear_tf=True, min_df=2, token_pattern=r"\S+", lowercase=False
        )
        blocks.append(SLOT_WEIGHT * slots.fit_transform(tagged))
    matrix = hstack(blocks).tocsr()
    classifier = LinearSVC(C=c_value, random_state=seed)
    classifier.fit(matrix, [e.label for e in examples])
    pool = LinearSVC(C=c_value, random_state=seed)
    pool.fit(matrix, [position(e.scale, e.label) for e in examples])
    return AnswerModel(word, char, struct, rules, classifier, pool, 1.0, {}, slots)


def _nll(fold_logits: Sequence[Tuple[List[str], List[float], str]], temperature: float) -> float:
    total = 0.0
    for labels, values, label in fold_logits:
        if label not in labels:
            continue
        top = max(values)
        log_total = math.log(sum(math.exp((v - top) / temperature) for v in values))
        total -= (values[labels.index(label)] - top) / temperature - log_total
    return total / max(1, len(fold_logits))


def fold_indices(examples: Sequence[Example], k: int, seed: int = 0) -> List[List[int]]:
    """Stratified (scale, label) assignment of example indices to ``k`` folds."""
    import random

    groups: Dict[Tuple[str, str], List[int]] = {}
    for i, example in enumerate(examples):
        groups.setdefault((example.scale, example.label), []).append(i)
    rng = random.Random(seed)
    folds: List[List[int]] = [[] for _ in range(k)]
    offset = 0
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        for j, index in enumerate(members):
            folds[(j + offset) % k].append(index)
        offset += len(members)
    return [sorted(f) for f in folds]


def train(
    examples: Sequence[Example], c_value: float = 0.5, calibrate: bool = True, seed: int = 0
) -> AnswerModel:
    """Fit the model on ``examples``; the temperature comes from an inner 4-fold CV."""
    started = time.perf_counter()
    examples = [e for e in examples if e.scale in SCALES and e.label in LABELS]
    temperature = 1.0
    norms, rule_rows = _inputs(examples)
    if calibrate and len(examples) >= 40:
        fold_logits: List[Tuple[List[str], List[float], str]] = []
        for fold in fold_indices(examples, 4, seed):
            held = set(fold)
            keep = [i for i in range(len(examples)) if i not in held]
            model = _fit(
                [examples[i] for i in keep],
                c_value,
                seed,
                ([norms[i] for i in keep], [rule_rows[i] for i in keep]),
            )
            rows = model.raw_scores(
                [norms[i] for i in fold],
                [rule_rows[i] for i in fold],
                [examples[i].slot for i in fold],
            )
            for i, row in zip(fold, rows, strict=True):
                labels, values = model.logits(row, examples[i].scale)
                fold_logits.append((labels, values, examples[i].label))
        grid = [math.exp(math.log(0.05) + step * math.log(100.0) / 80) for step in range(81)]
        losses = [_nll(fold_logits, t) for t in grid]
        temperature = grid[losses.index(min(losses))]
    model = _fit(examples, c_value, seed, (norms, rule_rows))
    model.temperature = temperature
    model.info = {
        "examples": len(examples),
        "temperature": round(temperature, 4),
        "c": c_value,
        "seconds": round(time.perf_counter() - started, 2),
    }
    return model
