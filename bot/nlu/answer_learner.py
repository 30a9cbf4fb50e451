"""The answer model itself: vectorisers, two linear classifiers and a temperature.

* Features (:mod:`bot.nlu.answer_features`): word uni- and bigrams and character 2-4-grams
  across word boundaries (TF-IDF) of the normalised text, the structure tokens
  (``STRUCT_WEIGHT``) and the rule parser's reading (``RULE_WEIGHT``, low: the rules were written
  along the first development set, so on it they look nearly always right and a model that
  leans on them stores their mistakes on new text; with a low weight model and rules are two
  nearly independent readers and their agreement means something).
* The question: the words tagged with the question they answer (``SLOT_WEIGHT``), so that a
  word can mean something for one question only ("Mein Neffe." to "who looks after IT?").
* Classifiers: a linear SVM (one-vs-rest) over all answer ids of all scales plus ``dont_know``
  and ``none``, and a second one over the ladder shared by all scales
  (:func:`~bot.nlu.answer_features.position`: "nothing" ... "everything", ``dont_know``,
  ``none``) that pools what all scales say about negation and degree. A scale's logits are the
  first classifier's scores for its labels plus ``POOL_WEIGHT`` times the second one's score of
  each label's place (cross-set dev -> dev2: model top-1 88.3 -> 89.0 %, stored right after at
  most one confirmation 93.9 -> 94.5 %, the same stored-wrong rate).
* Probabilities: a softmax over the scale's labels with a temperature fitted on out-of-fold
  logits (inner 4-fold cross-validation at training time, minimising the negative
  log-likelihood), so 0.9 means right about nine times in ten.
* Training (fitting, folds, the temperature) is in :mod:`bot.nlu.answer_training`.
"""

from __future__ import annotations

import math
from typing import Dict, List, Sequence, Tuple

from bot.nlu.answer_features import (
    SCALE_LABELS,
    Prediction,
    norm,
    position,
    rule_features,
    slotted,
    structure,
)

RULE_WEIGHT = 0.05  # scale of the rule features against the n-gram features (chosen cross-set)
STRUCT_WEIGHT = 0.5  # scale of the clause/negation structure tokens (chosen cross-set)
# scale of the question-tagged words (:func:`~bot.nlu.answer_features.slotted`), chosen
# cross-set: averaged over the seven --cross directions, 0 / 0.25 / 0.5 / 1.0 gave stored right
# after at most one confirmation 96.6 / 96.5 / 96.7 / 96.9 %, confirmations 18.3 / 18.3 / 18.1 /
# 19.0 %, stored wrong 0.90 / 0.87 / 0.80 / 0.71 %; 0.5 is the one better on all three
SLOT_WEIGHT = 0.5
POOL_WEIGHT = 0.5  # weight of the shared-ladder classifier's scores (chosen cross-set)
_MISSING = -5.0  # score of a label a classifier never saw


class AnswerModel:
    """Vectorisers, the fitted classifiers and the temperature."""

    def __init__(
        self, word, char, struct, rules, classifier, pool, temperature: float, info, slots=None
    ):
        self.word, self.char, self.struct, self.rules = word, char, struct, rules
        self.slots = slots
        self.classifier = classifier
        self.pool = pool
        self.temperature = temperature
        self.info = info
        classes = list(classifier.classes_)
        pooled = list(pool.classes_)
        self._n_main = len(classes)
        self._columns: Dict[str, List[Tuple[str, int, int]]] = {}
        for scale, labels in SCALE_LABELS.items():
            rows = []
            for label in labels:
                place = position(scale, label)
                rows.append(
                    (
                        label,
                        classes.index(label) if label in classes else -1,
                        pooled.index(place) if place in pooled else -1,
                    )
                )
            self._columns[scale] = rows

    def _blocks(
        self,
        norms: Sequence[str],
        rule_rows: Sequence[Dict[str, float]],
        slots: Sequence[str] | None = None,
    ):
        from scipy.sparse import hstack

        blocks = [
            self.word.transform(norms),
            self.char.transform(norms),
            STRUCT_WEIGHT * self.struct.transform([structure(n) for n in norms]),
            RULE_WEIGHT * self.rules.transform(rule_rows),
        ]
        if self.slots is not None:
            tagged = [slotted(n, s) for n, s in zip(norms, slots or [""] * len(norms), strict=True)]
            blocks.append(SLOT_WEIGHT * self.slots.transform(tagged))
        return hstack(blocks).tocsr()

    def raw_scores(
        self,
        norms: Sequence[str],
        rule_rows: Sequence[Dict[str, float]],
        slots: Sequence[str] | None = None,
    ):
        """Both classifiers' scores side by side (main classes, then the ladder's)."""
        import numpy as np

        matrix = self._blocks(norms, rule_rows, slots)
        return np.hstack(
            [self.classifier.decision_function(matrix), self.pool.decision_function(matrix)]
        )

    def scores(
        self, texts: Sequence[str], scales: Sequence[str], slots: Sequence[str] | None = None
    ):
        norms = [norm(t) for t in texts]
        rules = [rule_features(t, s) for t, s in zip(texts, scales, strict=True)]
        return self.raw_scores(norms, rules, slots)

    def logits(self, row, scale: str) -> Tuple[List[str], List[float]]:
        """The scale's labels and their (untempered) logits from one row of raw scores."""
        labels, values = [], []
        for label, main, pooled in self._columns[scale]:
            value = row[main] if main >= 0 else _MISSING
            value += POOL_WEIGHT * (row[self._n_main + pooled] if pooled >= 0 else _MISSING)
            labels.append(label)
            values.append(float(value))
        return labels, values

    def _probabilities(self, row, scale: str) -> Dict[str, float]:
        labels, values = self.logits(row, scale)
        top = max(values)
        exp = [math.exp((v - top) / self.temperature) for v in values]
        total = sum(exp)
        return {label: e / total for label, e in zip(labels, exp, strict=True)}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_fast", None)
        return state

    def _fast_parts(self):
        """Analyzers, vocabularies, idf and the transposed weights for one-text scoring."""
        fast = self.__dict__.get("_fast")
        if fast is None:
            import numpy as np

            offset, parts = 0, []
            blocks = [(self.word, 1.0), (self.char, 1.0), (self.struct, STRUCT_WEIGHT)]
            for vectoriser, weight in blocks:
                parts.append(
                    (
                        vectoriser.build_analyzer(),
                        vectoriser.vocabulary_,
                        vectoriser.idf_,
                        offset,
                        weight,
                    )
                )
                offset += len(vectoriser.vocabulary_)
            slot_part = None
            if self.slots is not None:
                slot_offset = offset + len(self.rules.vocabulary_)
                slot_part = (
                    self.slots.build_analyzer(),
                    self.slots.vocabulary_,
                    self.slots.idf_,
                    slot_offset,
                    SLOT_WEIGHT,
                )
            weights = np.vstack([self.classifier.coef_, self.pool.coef_]).T
            intercept = np.concatenate([self.classifier.intercept_, self.pool.intercept_])
            weights = np.ascontiguousarray(weights)
            fast = (parts, self.rules.vocabulary_, offset, weights, intercept, slot_part)
            self._fast = fast
        return fast

    def fast_scores(self, text: str, scale: str, slot: str | None = None):
        """The raw scores for one text, computed directly from the fitted vectorisers (same
        numbers as :meth:`scores`, without scikit-learn's per-call overhead)."""
        import numpy as np

        parts, rule_vocab, rule_offset, weights, intercept, slot_part = self._fast_parts()
        normalised = norm(text)
        columns: List[int] = []
        values: List[float] = []
        sources = [normalised, normalised, structure(normalised)]
        if slot_part is not None:
            parts = [*parts, slot_part]
            sources.append(slotted(normalised, slot))
        for (analyzer, vocabulary, idf, offset, scale_by), source in zip(
            parts, sources, strict=True
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

    def predict(self, text: str, scale: str, slot: str | None = None) -> Prediction:
        return Prediction(self._probabilities(self.fast_scores(text, scale, slot), scale))

    def predict_many(
        self, texts: Sequence[str], scales: Sequence[str], slots: Sequence[str] | None = None
    ) -> List[Prediction]:
        if not texts:
            return []
        rows = self.scores(texts, scales, slots)
        return [Prediction(self._probabilities(r, s)) for r, s in zip(rows, scales, strict=True)]
