"""A small learned reader of free-text answers, for what the rules cannot read.

One linear classifier (a linear SVM, one-vs-rest) over all answer ids of all scales plus
``dont_know`` and ``none`` (not an answer), fed with

* word uni- and bigrams and character 2-4-grams across word boundaries (TF-IDF; "gar nic",
  "t so d" - cross-set fewer confirmations than 2-5-grams within words at the same stored-wrong
  rate, and half the training time) of the normalised text
  (:func:`bot.nlu.answer_norm.normalize_answer`: folded, dialect and English mapped, emojis as
  tokens), so typos and unknown compounds still share n-grams with the training answers;
* structure tokens (:func:`structure`): the words of a clause with a negation, of the last and
  of the first clause, and the words after a qualifier ("nur", "aber", "noch") marked as such;
* the rule parser's reading as extra features (its answer, confidence band, decision path and
  every ``role:CONCEPT`` hit), weighted low (``RULE_WEIGHT``): the rules were written along the
  first development set, so on it they look nearly always right and a model that leans on them
  stores their mistakes on new text (cross-set: weight 0.5 -> 8.3 % stored wrong on dev2,
  0.05 -> about 2-3 %); with a low weight model and rules are two nearly independent readers
  and their agreement means something;
* the scale.

At prediction the scores are restricted to the scale's answer ids + ``dont_know`` + ``none``
and turned into probabilities by a softmax with a temperature fitted on out-of-fold scores
(inner cross-validation at training time, minimising the negative log-likelihood), so 0.9
means right about nine times in ten. A linear SVM was chosen over a logistic regression after
cross-validation on the development half: the same accuracy, better calibrated after the
temperature, and fifteen times faster to train.

Training data (for the shipped model): all development material - the development half of the
answer corpus (``tests/corpus/dev/answers_*.jsonl``), the independently written second
development set (``tests/corpus/dev2/answers_*.jsonl``) and hand-written synthetic answers
(``tests/corpus/synthetic/answers_*.jsonl``); never the held-out half. Features, weights and
thresholds are chosen cross-set (train on dev, evaluate on dev2 and the other way round:
``scripts/bench_understanding.py --cross``). Training takes seconds and needs no network; the
trained model is cached as ``models/answer_model-<hash>.pkl``, the hash covering the training
files, this code, the rule code and the scikit-learn version, and is loaded lazily at the first
:func:`predict`.
``python -m bot.nlu.answer_model`` trains it ahead of time (``make answer-model``).

Environment: ``ANSWER_MODEL=off`` disables the model (rules only); ``ANSWER_MODEL_DIR``
moves the cache.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import pickle
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from bot.nlu.answer_norm import normalize_answer
from bot.nlu.answers import DONT_KNOW, SCALES, rule_reading

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
TRAINING_GLOBS = (
    ("dev", "answers_*.jsonl"),
    ("dev2", "answers_*.jsonl"),
    ("synthetic", "answers_*.jsonl"),
)
MODEL_VERSION = "3"
RULE_WEIGHT = 0.05  # scale of the rule features against the n-gram features (chosen cross-set)
STRUCT_WEIGHT = 0.5  # scale of the clause/negation structure tokens (chosen cross-set)
NONE = "none"
LABELS: Tuple[str, ...] = tuple(
    dict.fromkeys([a for answers in SCALES.values() for a in answers] + [DONT_KNOW, NONE])
)
SCALE_LABELS: Dict[str, Tuple[str, ...]] = {
    scale: tuple(answers) + (DONT_KNOW, NONE) for scale, answers in SCALES.items()
}
_SOURCES = ("answer_model.py", "answers.py", "answer_norm.py", "text.py")


@dataclass(frozen=True)
class Prediction:
    """Calibrated probabilities over a scale's answer ids, ``dont_know`` and ``none``."""

    probabilities: Dict[str, float]

    @property
    def ranked(self) -> List[Tuple[str, float]]:
        return sorted(self.probabilities.items(), key=lambda item: -item[1])

    @property
    def top(self) -> str:
        return self.ranked[0][0]

    @property
    def top_probability(self) -> float:
        return self.ranked[0][1]

    @property
    def second(self) -> Optional[str]:
        ranked = self.ranked
        return ranked[1][0] if len(ranked) > 1 else None

    def probability(self, answer: str) -> float:
        return self.probabilities.get(answer, 0.0)

    def answers_ranked(self) -> List[Tuple[str, float]]:
        """The ranking without ``none``."""
        return [(a, p) for a, p in self.ranked if a != NONE]


@dataclass(frozen=True)
class Example:
    text: str
    scale: str
    label: str


# ---- features -----------------------------------------------------------------------------------


def _band(confidence: float) -> str:
    if confidence >= 0.85:
        return "high"
    if confidence >= 0.65:
        return "mid"
    if confidence > 0:
        return "low"
    return "zero"


def rule_features(text: str, scale: str) -> Dict[str, float]:
    """The rule parser's reading of ``text`` as sparse features."""
    reading = rule_reading(text, scale)
    feats: Dict[str, float] = {f"scale={scale}": 1.0}
    answer = reading.answer or ("blocked" if reading.blocked else "nothing")
    feats[f"rule={answer}"] = 1.0
    feats[f"rule={answer}|{_band(reading.confidence)}"] = 1.0
    feats[f"rule_conf={_band(reading.confidence)}"] = 1.0
    feats["rule_confidence"] = reading.confidence
    if reading.second:
        feats[f"rule2={reading.second}"] = 1.0
    if reading.how:
        feats[f"how={reading.how}"] = 1.0
    if reading.no_signal:
        feats["no_signal"] = 1.0
    for tag in reading.concepts:
        role, concept = tag.split(":", 1)
        feats[f"c={concept}"] = 1.0
        feats[f"rc={tag}"] = 1.0
    length = len(text[:2000].split())
    feats[
        f"len={'1' if length <= 1 else '2-3' if length <= 3 else '4-8' if length <= 8 else 'long'}"
    ] = 1.0
    if "?" in text:
        feats["qmark"] = 1.0
    return feats


def _norm(text: str) -> str:
    return normalize_answer(text) or "_empty_"


_CLAUSE_BREAK = frozenset(",;:.?!-")
_NEGATORS = frozenset(
    ["nicht", "nich", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts",
     "nein", "ohne", "kaum", "niemand", "nirgends", "xnein"]
)  # fmt: skip
_TURNS = frozenset(
    ["aber", "jedoch", "allerdings", "nur", "ausser", "sonst", "ansonsten", "hingegen", "dagegen",
     "trotzdem", "dennoch", "sondern", "bloss", "lediglich", "obwohl", "wobei", "zwar", "also",
     "insgesamt", "eigentlich", "noch", "wenn", "falls", "weil", "ob", "bis"]
)  # fmt: skip


def structure(norm: str) -> str:
    """Tokens marking where the words of the normalised text stand: ``n_`` for a word in a
    clause with a negation (wherever the negation stands, "festgelegt haben wir nichts"),
    ``l_`` for a word of the last clause (which often carries the answer), ``f_`` for the
    first clause, and ``t<word>_`` for the words after a qualifying word ("nur", "aber",
    "noch") in the same clause, up to three of them."""
    clauses: List[List[str]] = [[]]
    for token in norm.split():
        if token in _CLAUSE_BREAK:
            if clauses[-1]:
                clauses.append([])
        else:
            clauses[-1].append(token)
    clauses = [c for c in clauses if c] or [["_empty_"]]
    out: List[str] = [f"nclauses{min(len(clauses), 4)}"]
    for number, clause in enumerate(clauses):
        negated = any(w in _NEGATORS for w in clause)
        last = number == len(clauses) - 1
        first = number == 0
        turn = ""
        turn_left = 0
        for word in clause:
            if negated:
                out.append(f"n_{word}")
            if last and len(clauses) > 1:
                out.append(f"l_{word}")
            if first and len(clauses) > 1:
                out.append(f"f_{word}")
            if turn_left:
                out.append(f"t{turn}_{word}")
                turn_left -= 1
            if word in _TURNS:
                turn, turn_left = word, 3
    return " ".join(out)


# ---- the model ----------------------------------------------------------------------------------


class AnswerModel:
    """Vectorisers, the fitted classifier and its temperature."""

    def __init__(self, word, char, struct, rules, classifier, temperature: float, info: dict):
        self.word = word
        self.char = char
        self.struct = struct
        self.rules = rules
        self.classifier = classifier
        self.temperature = temperature
        self.info = info
        classes = list(classifier.classes_)
        self._columns = {
            scale: [classes.index(label) for label in labels if label in classes]
            for scale, labels in SCALE_LABELS.items()
        }
        self._labels = {
            scale: [label for label in labels if label in classes]
            for scale, labels in SCALE_LABELS.items()
        }

    def _matrix(self, texts: Sequence[str], scales: Sequence[str]):

        norms = [_norm(t) for t in texts]
        rule = [rule_features(t, s) for t, s in zip(texts, scales, strict=True)]
        return self._matrix_of(norms, rule)

    def _matrix_of(self, norms: Sequence[str], rule: Sequence[Dict[str, float]]):
        from scipy.sparse import hstack

        return hstack(
            [
                self.word.transform(norms),
                self.char.transform(norms),
                STRUCT_WEIGHT * self.struct.transform([structure(n) for n in norms]),
                RULE_WEIGHT * self.rules.transform(rule),
            ]
        ).tocsr()

    def scores(self, texts: Sequence[str], scales: Sequence[str]):
        return self.classifier.decision_function(self._matrix(texts, scales))

    def _probabilities(self, row, scale: str) -> Dict[str, float]:
        import numpy as np

        logits = row[self._columns[scale]] / self.temperature
        logits = logits - logits.max()
        exp = np.exp(logits)
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self._labels[scale], probs, strict=True)}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_fast", None)
        return state

    def _fast_parts(self):
        """Analyzers, vocabularies, idf and the transposed weights for one-text scoring."""
        fast = self.__dict__.get("_fast")
        if fast is None:
            import numpy as np

            n_word = len(self.word.vocabulary_)
            n_char = len(self.char.vocabulary_)
            n_struct = len(self.struct.vocabulary_)
            fast = (
                (self.word.build_analyzer(), self.word.vocabulary_, self.word.idf_, 0, 1.0),
                (self.char.build_analyzer(), self.char.vocabulary_, self.char.idf_, n_word, 1.0),
                (
                    self.struct.build_analyzer(),
                    self.struct.vocabulary_,
                    self.struct.idf_,
                    n_word + n_char,
                    STRUCT_WEIGHT,
                ),
                self.rules.vocabulary_,
                n_word + n_char + n_struct,
                np.ascontiguousarray(self.classifier.coef_.T),
                self.classifier.intercept_,
            )
            self._fast = fast
        return fast

    def fast_scores(self, text: str, scale: str):
        """The classifier's scores for one text, computed directly from the fitted vectorisers
        (same numbers as :meth:`scores`, without scikit-learn's per-call overhead)."""
        import math

        import numpy as np

        word, char, struct, rule_vocab, rule_offset, weights, intercept = self._fast_parts()
        norm = _norm(text)
        columns: List[int] = []
        values: List[float] = []
        for (analyzer, vocabulary, idf, offset, scale_by), source in (
            (word, norm),
            (char, norm),
            (struct, structure(norm)),
        ):
            counts: Dict[int, int] = {}
            for gram in analyzer(source):
                index = vocabulary.get(gram)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            weighted = [(i, (1.0 + math.log(c)) * idf[i]) for i, c in counts.items()]
            length = math.sqrt(sum(v * v for _, v in weighted)) or 1.0
            for i, v in weighted:
                columns.append(offset + i)
                values.append(scale_by * v / length)
        for name, value in rule_features(text, scale).items():
            index = rule_vocab.get(name)
            if index is not None:
                columns.append(rule_offset + index)
                values.append(RULE_WEIGHT * value)
        if not columns:
            return intercept.copy()
        return np.asarray(values) @ weights[columns] + intercept

    def predict(self, text: str, scale: str) -> Prediction:
        return Prediction(self._probabilities(self.fast_scores(text, scale), scale))

    def predict_many(self, texts: Sequence[str], scales: Sequence[str]) -> List[Prediction]:
        if not texts:
            return []
        rows = self.scores(texts, scales)
        return [Prediction(self._probabilities(r, s)) for r, s in zip(rows, scales, strict=True)]


def _inputs(examples: Sequence[Example]) -> Tuple[List[str], List[Dict[str, float]]]:
    """The normalised texts and rule features of ``examples`` (computed once per training)."""
    norms = [_norm(e.text) for e in examples]
    return norms, [rule_features(e.text, e.scale) for e in examples]


def _fit(
    examples: Sequence[Example],
    c_value: float,
    seed: int,
    inputs: Optional[Tuple[List[str], List[Dict[str, float]]]] = None,
):
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    norms, rule_rows = inputs or _inputs(examples)
    word = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
        token_pattern=r"(?u)\b\w+\b|[?!]",
    )  # fmt: skip
    char = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True, min_df=2)
    struct = TfidfVectorizer(
        analyzer="word", sublinear_tf=True, min_df=2, token_pattern=r"\S+", lowercase=False
    )
    rules = DictVectorizer()
    matrix = hstack(
        [
            word.fit_transform(norms),
            char.fit_transform(norms),
            STRUCT_WEIGHT * struct.fit_transform([structure(n) for n in norms]),
            RULE_WEIGHT * rules.fit_transform(rule_rows),
        ]
    ).tocsr()
    classifier = LinearSVC(C=c_value, random_state=seed)
    classifier.fit(matrix, [e.label for e in examples])
    return word, char, struct, rules, classifier


def _masked_nll(rows, examples: Sequence[Example], classes: List[str], temperature: float):
    import numpy as np

    total = 0.0
    for row, example in zip(rows, examples, strict=True):
        labels = [label for label in SCALE_LABELS[example.scale] if label in classes]
        columns = [classes.index(label) for label in labels]
        logits = row[columns] / temperature
        logits = logits - logits.max()
        log_probs = logits - np.log(np.exp(logits).sum())
        total -= log_probs[labels.index(example.label)] if example.label in labels else 0.0
    return total / max(1, len(examples))


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
    import numpy as np

    started = time.perf_counter()
    examples = [e for e in examples if e.scale in SCALES and e.label in LABELS]
    temperature = 1.0
    norms, rule_rows = _inputs(examples)
    if calibrate and len(examples) >= 40:
        folds = fold_indices(examples, 4, seed)
        rows: List = [None] * len(examples)
        classes: Optional[List[str]] = None
        for fold in folds:
            held = set(fold)
            keep = [i for i in range(len(examples)) if i not in held]
            word, char, struct, rules, classifier = _fit(
                [examples[i] for i in keep],
                c_value,
                seed,
                ([norms[i] for i in keep], [rule_rows[i] for i in keep]),
            )
            model = AnswerModel(word, char, struct, rules, classifier, 1.0, {})
            scores = classifier.decision_function(
                model._matrix_of([norms[i] for i in fold], [rule_rows[i] for i in fold])
            )
            # align every fold's columns to the full label list
            for i, row in zip(fold, scores, strict=True):
                full = np.full(len(LABELS), -50.0)
                for column, label in enumerate(classifier.classes_):
                    full[LABELS.index(label)] = row[column]
                rows[i] = full
            classes = list(LABELS)
        grid = np.exp(np.linspace(np.log(0.05), np.log(5.0), 81))
        losses = [_masked_nll(rows, examples, classes or list(LABELS), t) for t in grid]
        temperature = float(grid[int(np.argmin(losses))])
    word, char, struct, rules, classifier = _fit(examples, c_value, seed, (norms, rule_rows))
    info = {
        "examples": len(examples),
        "temperature": temperature,
        "c": c_value,
        "seconds": round(time.perf_counter() - started, 2),
    }
    return AnswerModel(word, char, struct, rules, classifier, temperature, info)


# ---- training data and cache --------------------------------------------------------------------


def training_files() -> List[Path]:
    files: List[Path] = []
    for folder, pattern in TRAINING_GLOBS:
        files += sorted((CORPUS / folder).glob(pattern))
    return files


def load_examples(paths: Iterable[Path]) -> List[Example]:
    examples = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            label = item.get("expected") or NONE
            examples.append(Example(item["text"], item["scale"], label))
    return examples


def cache_key(paths: Sequence[Path]) -> str:
    import sklearn

    digest = hashlib.sha256(f"{MODEL_VERSION}|{sklearn.__version__}".encode())
    for path in paths:
        digest.update(f"{path.parent.name}/{path.name}".encode())
        digest.update(path.read_bytes())
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("ANSWER_MODEL_DIR") or ROOT / "models")


def cache_path(paths: Optional[Sequence[Path]] = None) -> Path:
    paths = training_files() if paths is None else paths
    return cache_dir() / f"answer_model-{cache_key(paths)}.pkl"


def load_or_train(force: bool = False) -> Optional[AnswerModel]:
    """The cached model for the current training files and code, trained when missing."""
    paths = training_files()
    if not paths:
        log.warning("answer model: no training files under %s; rules only", CORPUS)
        return None
    path = cache_path(paths)
    if path.exists() and not force:
        try:
            with open(path, "rb") as handle:
                model = pickle.load(handle)
            if isinstance(model, AnswerModel):
                return model
        except Exception as error:  # noqa: BLE001 - a broken cache is retrained
            log.warning("answer model: cache %s unreadable (%s); retraining", path, error)
    model = train(load_examples(paths))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("answer_model-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as error:
        log.warning("answer model: could not cache to %s (%s)", path, error)
    log.info("answer model trained: %s", model.info)
    return model


_LOCK = threading.Lock()
_STATE: Dict[str, object] = {"loaded": False, "model": None}


def get_model() -> Optional[AnswerModel]:
    """The model, loaded (or trained) at first use; None when disabled or unavailable."""
    if os.environ.get("ANSWER_MODEL", "").lower() in ("off", "0", "false", "no"):
        return None
    if not _STATE["loaded"]:
        with _LOCK:
            if not _STATE["loaded"]:
                try:
                    _STATE["model"] = load_or_train()
                except Exception:  # noqa: BLE001 - the rules still work without the model
                    log.exception("answer model unavailable; rules only")
                    _STATE["model"] = None
                _STATE["loaded"] = True
    return _STATE["model"]  # type: ignore[return-value]


def set_model(model: Optional[AnswerModel]) -> None:
    """Replace the model in use (cross-validation, tests)."""
    with _LOCK:
        _STATE["model"] = model
        _STATE["loaded"] = True


def reset() -> None:
    """Forget the loaded model; the next :func:`predict` loads it again."""
    with _LOCK:
        _STATE["model"] = None
        _STATE["loaded"] = False


@contextmanager
def using(model: Optional[AnswerModel]) -> Iterator[None]:
    """Use ``model`` inside the block, then restore what was there."""
    with _LOCK:
        saved = dict(_STATE)
    set_model(model)
    try:
        yield
    finally:
        with _LOCK:
            _STATE.update(saved)


def predict(text: str, scale: str) -> Optional[Prediction]:
    """Calibrated probabilities for ``text`` as an answer on ``scale`` (None without a model)."""
    if scale not in SCALES or not isinstance(text, str):
        return None
    model = get_model()
    if model is None:
        return None
    return model.predict(text, scale)


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Train (or load) the cached answer model.")
    parser.add_argument("--force", action="store_true", help="retrain even when cached")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    # Run as a script this module is __main__; pickle the classes of the importable module.
    module = importlib.import_module("bot.nlu.answer_model")
    model = module.load_or_train(force=args.force)
    if model is None:
        return 1
    print(
        f"answer model ready: {cache_path()} ({model.info}, {time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
