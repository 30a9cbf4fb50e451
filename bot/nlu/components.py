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
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_patches
from bot.nlu.intents import nlu_intent

rasa_patches.apply()  # measured fixes to Rasa internals (see bot/rasa_patches.py)

logger = logging.getLogger(__name__)


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
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        return training_data
