"""The nonsense detector: unknown-word messages become nlu_fallback, real German does not."""

from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.gibberish import GibberishDetector

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def detector(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    resource = Resource("gibberish")
    component = GibberishDetector(storage, resource)
    component.train(load_data(str(ROOT / "data" / "nlu")))
    # Load it back the way Rasa does at run time.
    return GibberishDetector.load({}, storage, resource, None)


def intent_of(detector, text, entities=None):
    message = Message(data={"text": text, "intent": {"name": "out_of_scope", "confidence": 1.0}})
    if entities:
        message.set("entities", entities)
    detector.process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize("text", ["qwrtz blubb", "xkcd flummi", "asdfgh jklö", "sdfsdf"])
def test_nonsense_becomes_fallback(detector, text):
    assert intent_of(detector, text) == "nlu_fallback"


@pytest.mark.parametrize(
    "text",
    ["Wie wird das Wetter morgen?", "ja klar", "teilwiese", "weiß nicht", "Sind Sie ein Bot?",
     "12", "😀", "", "/answer{\"choice\":\"yes\"}", "nutzen wir regelmässig"],
)  # fmt: skip
def test_real_messages_are_left_alone(detector, text):
    assert intent_of(detector, text) == "out_of_scope"


def test_messages_with_profile_entities_are_left_alone(detector):
    entities = [{"entity": "municipality", "value": "andere", "start": 0, "end": 8}]
    assert intent_of(detector, "Wuppertal", entities) == "out_of_scope"
