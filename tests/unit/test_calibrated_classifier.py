"""The intent classifier on length-normalised n-grams: a message's confidence does not grow with
its length (Rasa's stock logistic regression gives long owner answers 0.98-1.00), short
messages keep their intents, and a message without any known n-gram gets no intent."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.calibrated import NormalisedLogisticRegressionClassifier

ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "Also bei uns ist das so, dass die Rechnungen meine Frau abends am Küchentisch schreibt, "
    "die Aufträge hängen ausgedruckt an der Pinnwand in der Werkstatt, und wenn ein Kunde "
    "anruft, dann schaut halt jemand in den Ordner, das klappt seit Jahren ganz gut so."
)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizers = [
        CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), **config},
            storage,
            Resource(f"cv{i}"),
            context,
        )
        for i, config in enumerate([{}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5}])
    ]
    data = load_data(str(ROOT / "data" / "nlu"))
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)

    def trained(cls, **config):
        full = {**cls.get_default_config(), "max_iter": 300, **config}
        classifier = cls.create(full, storage, Resource(cls.__name__), context)
        classifier.train(data)
        return classifier

    def parse(classifier, text):
        message = Message(data={"text": text})
        tokenizer.process([message])
        for featurizer in featurizers:
            featurizer.process([message])
        classifier.process([message])
        return message.get("intent"), message.get("intent_ranking")

    return {
        "ours": trained(NormalisedLogisticRegressionClassifier, C=30),
        "stock": trained(LogisticRegressionClassifier),
        "parse": parse,
    }


def test_confidence_does_not_grow_with_length(pipeline):
    parse, ours, stock = pipeline["parse"], pipeline["ours"], pipeline["stock"]
    once, _ = parse(ours, STORY)
    thrice, _ = parse(ours, " ".join([STORY] * 3))
    assert once["name"] == thrice["name"]
    assert thrice["confidence"] == pytest.approx(once["confidence"], abs=0.02)
    assert once["confidence"] < 0.9
    # the stock classifier on the same features: the longer, the surer
    stock_once, _ = parse(stock, STORY)
    stock_thrice, _ = parse(stock, " ".join([STORY] * 3))
    assert stock_thrice["confidence"] > stock_once["confidence"]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("ja gerne", "affirm"),
        ("hallo zusammen", "greet"),
        ("keine ahnung", "dont_know"),
        ("danke schön", "thank"),
        ("wie viele fragen kommen noch", "ask_progress"),
    ],
)
def test_short_messages_keep_their_intent(pipeline, text, intent):
    found, _ = pipeline["parse"](pipeline["ours"], text)
    assert found["name"] == intent
    assert found["confidence"] > 0.5


def test_no_known_ngram_gets_an_even_ranking(pipeline):
    found, ranking = pipeline["parse"](pipeline["ours"], "⛄")
    assert found["confidence"] < 0.1
    assert len({round(item["confidence"], 9) for item in ranking}) == 1


def test_it_loads_back_as_trained(pipeline, tmp_path):
    ours = pipeline["ours"]
    ours.persist()
    loaded = NormalisedLogisticRegressionClassifier.load(
        copy.deepcopy(ours.config),
        ours._model_storage,
        ours._resource,
        ExecutionContext(GraphSchema({}), "test"),
    )
    before, _ = pipeline["parse"](ours, STORY)
    after, _ = pipeline["parse"](loaded, STORY)
    assert after == before
