"""The version-guarded Rasa patches (bot/rasa_patches.py) give exactly what Rasa gives."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_patches

rasa_patches.apply()
ORIGINAL_CREATE_X = rasa_patches.ORIGINALS["LogisticRegressionClassifier._create_X"]


def sparse(rows: int, cols: int, seed: int, dtype: type) -> scipy.sparse.coo_matrix:
    rng = np.random.default_rng(seed)
    dense = (rng.random((rows, cols)) < 0.2) * rng.integers(1, 4, (rows, cols))
    return scipy.sparse.coo_matrix(dense.astype(dtype))


def message(text: str, seed: int, dtype: type = np.float64, dense: bool = False) -> Message:
    tokens = len(text.split())
    msg = Message(data={TEXT: text})
    for origin, cols in (("words", 7), ("chars", 23)):
        msg.add_features(
            Features(sparse(tokens, cols, seed, dtype), FEATURE_TYPE_SEQUENCE, TEXT, origin)
        )
        msg.add_features(
            Features(sparse(1, cols, seed + 1, dtype), FEATURE_TYPE_SENTENCE, TEXT, origin)
        )
    if dense:
        vector = np.arange(5, dtype=np.float32).reshape(1, 5)
        msg.add_features(Features(vector, FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    return msg


@pytest.mark.parametrize("dtype", [np.float64, np.int64])
@pytest.mark.parametrize("dense", [False, True])
def test_sentence_feature_matrix_equals_rasas(dtype, dense):
    messages = [message("wir sind acht Leute", 1, dtype, dense), message("ja", 2, dtype, dense)]
    expected = ORIGINAL_CREATE_X(None, messages)
    got = rasa_patches._sentence_features_X(None, messages)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    assert (abs(got.tocsr() - expected.tocsr())).nnz == 0


def test_empty_domain_check_equals_rasas():
    assert rasa_patches._domain_is_empty(Domain.empty())
    assert not rasa_patches._domain_is_empty(Domain.load("domain.yml"))
    assert Domain.empty().as_dict() == rasa_patches._empty_domain_dict()


def test_patches_are_installed_on_the_pinned_rasa_only(monkeypatch):
    import rasa

    assert rasa.__version__ == rasa_patches.RASA_VERSION  # requirements/bot.txt pins it
    monkeypatch.setattr(LogisticRegressionClassifier, "_create_X", ORIGINAL_CREATE_X)
    monkeypatch.setattr(rasa, "__version__", "3.6.99")
    rasa_patches._apply_versioned()
    assert LogisticRegressionClassifier.__dict__["_create_X"] is ORIGINAL_CREATE_X
    monkeypatch.setattr(rasa, "__version__", rasa_patches.RASA_VERSION)
    rasa_patches._apply_versioned()
    assert LogisticRegressionClassifier.__dict__["_create_X"] is rasa_patches._sentence_features_X
