"""Rasa 3.6 graph component: high-precision intent patterns override the learned intent.

Pipeline entry (config.yml), after the learned classifier and before the FallbackClassifier:
``- name: bot.nlu.components.IntentRules``. A message that matches a pattern of
:mod:`bot.nlu.intents` (erase my data, restart, goodbye, a question to a person, …) gets that
intent with confidence 1.0; the learned ranking is kept. Button payloads are left alone.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_patches
from bot.nlu.intents import nlu_intent

rasa_patches.apply()  # measured fixes to Rasa internals (see bot/rasa_patches.py)

logger = logging.getLogger(__name__)


# Intents that start something destructive (each is confirmed, but a wrong guess loses the
# owner's answer and asks a baffling question): the learned intent alone counts only when it is
# confident and the message short. "Nein, alles ist im Restaurant" was "restart" at 0.48 (the
# character n-grams of "Restaurant").
GUARDED = {"restart": 0.8, "erase_data": 0.8}
GUARDED_MAX_WORDS = 8


def _demote_a_guessed_destructive_intent(message: Message) -> None:
    intent = message.get(INTENT) or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    text = message.get(TEXT) or ""
    if name not in GUARDED or text.lstrip().startswith("/"):
        return
    if confidence >= GUARDED[name] and len(text.split()) <= GUARDED_MAX_WORDS:
        return
    ranking = message.get(INTENT_RANKING_KEY) or []
    other = next((r for r in ranking if r.get("name") not in GUARDED), None)
    replacement = (
        {"name": other["name"], "confidence": float(other.get("confidence") or 0.0)}
        if other
        else {"name": "nlu_fallback", "confidence": 0.0}
    )
    message.set(INTENT, replacement, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentRules(GraphComponent):
    """Overrides the intent of messages that match a high-precision pattern."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentRules:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            try:
                intent = nlu_intent(message.get(TEXT))
            except Exception:  # never break the pipeline on odd input
                logger.exception("IntentRules failed on a message")
                continue
            if intent:
                message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            else:
                _demote_a_guessed_destructive_intent(message)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        return training_data
