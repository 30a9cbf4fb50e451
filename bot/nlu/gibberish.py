"""Rasa 3.6 graph component: marks nonsense messages as ``nlu_fallback``.

DIET is confident even on keyboard mashing ("qwrtz blubb" → out_of_scope 1.0). This component
learns the vocabulary of the training data at train time; at run time a message none of whose
words is known (exactly, or within one edit or swap for words of four letters or more) and
that carries no profile entity is re-labelled ``nlu_fallback``. In the interview the answer
parser then gets the text and, failing it, the question is asked again (after two failures
with a hint).

Pipeline entry (config.yml), after the intent classifier and before FallbackClassifier:
``- name: bot.nlu.gibberish.GibberishDetector``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set

from rapidfuzz import process
from rapidfuzz.distance import OSA
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.text import clean, tokenize

FALLBACK_INTENT = "nlu_fallback"
VOCABULARY_FILE = "vocabulary.json"
MIN_FUZZY_LENGTH = 4


def words_of(text: Any) -> List[str]:
    """Folded alphabetic words of two letters or more (numbers and punctuation are not words)."""
    return [t.norm for t in tokenize(clean(text)) if t.norm.isalpha() and len(t.norm) > 1]


def is_gibberish(text: Any, vocabulary: Set[str], sorted_vocabulary: List[str]) -> bool:
    words = words_of(text)
    if not words:
        return False  # digits, emoji or punctuation only: leave it to the other components
    for word in words:
        if word in vocabulary:
            return False
        if len(word) >= MIN_FUZZY_LENGTH and process.extractOne(
            word, sorted_vocabulary, scorer=OSA.distance, score_cutoff=1
        ):
            return False
    return True


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class GibberishDetector(GraphComponent, IntentClassifier):
    """Re-labels messages made only of unknown words as ``nlu_fallback``."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        vocabulary: Optional[Set[str]] = None,
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary: Set[str] = vocabulary or set()
        self._sorted = sorted(self.vocabulary)

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GibberishDetector:
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary: Set[str] = set()
        for example in training_data.intent_examples:
            vocabulary.update(words_of(example.get(TEXT)))
        self.vocabulary = vocabulary
        self._sorted = sorted(vocabulary)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(
                json.dumps(self._sorted, ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> GibberishDetector:
        try:
            with model_storage.read_from(resource) as directory:
                words = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            words = []
        return cls(model_storage, resource, set(words))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            # Payloads ("/answer{...}") are replaced by Rasa's RegexMessageHandler after this
            # component; a broken or unknown payload is judged like any other text.
            if not self.vocabulary or not isinstance(text, str):
                continue
            if message.get(ENTITIES) or not is_gibberish(text, self.vocabulary, self._sorted):
                continue
            message.set(INTENT, {"name": FALLBACK_INTENT, "confidence": 1.0}, add_to_output=True)
            ranking = message.get(INTENT_RANKING_KEY) or []
            message.set(
                INTENT_RANKING_KEY,
                [{"name": FALLBACK_INTENT, "confidence": 1.0}] + list(ranking),
                add_to_output=True,
            )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
