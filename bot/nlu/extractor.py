"""Rasa 3.6 graph component: deterministic profile entities from the message text.

Adds to every message (attribute ``text``), without knowing what the bot asked, so every
entity is read strictly (the form maps these entities even when the slot was not asked):

* ``employees`` (int): staff count from staff language only ("9 Leute", "nur ich", "zu
  fünft", "ich und zwei Mitarbeiter"); never from a bare number, phone numbers, postal
  codes, dates, prices, times or house numbers;
* ``number`` (int): the count a message gives when it answers "Wie viele Beschäftigte …?"
  (a bare number counts: "12", "ca 6-8" -> 7, "Hmm, 9? Nein, 10" -> 10); the form maps it
  only while the staff question is asked. Ambiguous messages ("eher 8, manchmal 12") give
  none, so the bot asks again;
* ``sector`` (str): a sector id of :mod:`bot.nlu.sectors`, only where the message says what
  the firm is ("wir sind eine Bäckerei", "Kiosk in Düsseldorf"), not for a passing mention
  ("die Eisdiele gegenüber");
* ``municipality`` (str): a municipality id of :mod:`bot.nlu.places`, the firm's seat only
  (not customers, suppliers, the owner's home, street names).

Pipeline entry (config.yml): ``- name: bot.nlu.extractor.ProfileEntityExtractor``; option
``entities`` limits the entity types.  Not trainable; vocabularies are read once from
``data/lookup``.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.numbers import looks_like_code, read_staff
from bot.nlu.places import best_municipality
from bot.nlu.sectors import best_sector

logger = logging.getLogger(__name__)

ENTITY_TYPES = ("employees", "number", "sector", "municipality")


def extract_entities(text: Any, wanted: tuple[str, ...] = ENTITY_TYPES) -> list[dict[str, Any]]:
    """Entities of ``text`` as Rasa entity dicts (without the extractor name)."""
    if not isinstance(text, str) or not text.strip() or looks_like_code(text):
        return []  # JSON, payloads and markup are text
    found: list[tuple[str, int, int, Any]] = []
    if "employees" in wanted:
        staff = read_staff(text)
        if staff:
            found.append(("employees", staff.start, staff.end, staff.count))
    if "number" in wanted:
        count = read_staff(text, lenient=True)
        if count:
            found.append(("number", count.start, count.end, count.count))
    if "sector" in wanted:
        sector = best_sector(text, strict=True)
        if sector:
            found.append(("sector", sector.start, sector.end, sector.value))
    if "municipality" in wanted:
        place = best_municipality(text, phrases=False)
        if place:
            found.append(("municipality", place.start, place.end, place.value))
    return [
        {
            ENTITY_ATTRIBUTE_TYPE: entity,
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_VALUE: value,
            "text": text[start:end],
        }
        for entity, start, end, value in found
    ]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ProfileEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts employees / number / sector / municipality without training."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Default config: emit all entity types."""
        return {"entities": list(ENTITY_TYPES)}

    def __init__(self, config: Dict[str, Any]) -> None:
        """Creates the component; unknown entity names in the config are ignored."""
        requested = config.get("entities") or list(ENTITY_TYPES)
        self.wanted = tuple(e for e in ENTITY_TYPES if e in requested)

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProfileEntityExtractor:
        """Creates a new component (see parent class for full docstring)."""
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        """Appends the extracted entities to each message's ``entities``."""
        for message in messages:
            try:
                entities = extract_entities(message.get(TEXT), self.wanted)
            except Exception:  # never break the pipeline on odd input
                logger.exception("ProfileEntityExtractor failed on a message")
                entities = []
            if not entities:
                continue
            entities = self.add_extractor_name(entities)
            existing: Optional[List[Dict[str, Any]]] = message.get(ENTITIES)
            message.set(ENTITIES, (existing or []) + entities, add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        """Training data is left unchanged (entities are not learned)."""
        return training_data
