"""Tests for the Rasa component bot.nlu.extractor.ProfileEntityExtractor."""

import pytest
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.extractor import ProfileEntityExtractor


@pytest.fixture(scope="module")
def extractor():
    return ProfileEntityExtractor.create({}, None, None, None)


def _entities(extractor, text):
    message = Message(data={"text": text})
    extractor.process([message])
    return message.get("entities") or []


def _values(extractor, text):
    return {e["entity"]: e["value"] for e in _entities(extractor, text)}


def test_registered_as_entity_extractor():
    registered = DefaultV1Recipe._registered_components["ProfileEntityExtractor"]
    assert registered.clazz is ProfileEntityExtractor
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is False


def test_full_profile_message(extractor):
    text = "Malerbetrieb in Hilden, 9 Leute"
    entities = _entities(extractor, text)
    by_type = {e["entity"]: e for e in entities}
    assert set(by_type) == {"employees", "number", "sector", "municipality"}
    assert by_type["employees"]["value"] == 9 and isinstance(by_type["employees"]["value"], int)
    assert by_type["sector"]["value"] == "handwerk"
    assert by_type["municipality"]["value"] == "hilden"
    for entity in entities:
        assert entity["extractor"] == "ProfileEntityExtractor"
        assert text[entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir sind ein Café in D'dorf-Bilk mit zwei Dutzend Leuten",
         {"employees": 24, "number": 24, "sector": "gastronomie", "municipality": "duesseldorf"}),
        ("nur ich", {"employees": 1, "number": 1}),
        ("12", {"number": 12}),  # a bare number is a count only when the staff was asked
        ("zwölf", {"number": 12}),
        ("ca 6-8", {"number": 7}),
        ("ich und zwei Mitarbeiter", {"employees": 3, "number": 3}),
        ("Tel. 02104 12345", {}),
        ("Die Eisdiele gegenüber hat das auch", {}),  # a passing mention, not our sector
        ("Unser Kunde in Ratingen macht das so", {}),  # not our town
        ("Seit 1998 am Markt", {}),
        ("Frage 3 verstehe ich nicht", {}),
        ("Steuerberatungskanzlei in Ratingen-Lintorf", {"sector": "dienstleistung",
                                                        "municipality": "ratingen"}),
        ("wir sitzen in Wuelfrath", {"municipality": "wuelfrath"}),
        ("Spedition aus Neuss", {"sector": "logistik", "municipality": "andere"}),
        ("Ja, regelmäßig", {}),
        ("Wie ist das Wetter?", {}),
    ],
)  # fmt: skip
def test_entity_values(extractor, text, expected):
    assert _values(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("eher 8, manchmal 12", [8]), ("Hmm, 9? Nein, 10", [10]), ("zwischen 8 und 10", [9])],
)
def test_number_entity_is_one_likeliest_count(extractor, text, expected):
    # the likeliest count; whether it is sure decides bot.nlu.profile (unsure: confirmed first)
    numbers = [e["value"] for e in _entities(extractor, text) if e["entity"] == "number"]
    assert numbers == expected


def test_keeps_entities_of_other_extractors(extractor):
    message = Message(data={"text": "Hilden", "entities": [{"entity": "x", "value": "y"}]})
    extractor.process([message])
    assert [e["entity"] for e in message.get("entities")] == ["x", "municipality"]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀🎉👍", "<script>alert(1)</script>", "<b>", "x" * 10_000,
     "Malerbetrieb " * 2000, "'''", "\x00\x01", "١٢٣", "ＤＵＳ"],
)  # fmt: skip
def test_odd_input_does_not_crash(extractor, text):
    entities = _entities(extractor, text)
    assert isinstance(entities, list)


def test_html_is_ignored_but_offsets_kept(extractor):
    text = "<p>Wir sind ein <b>Friseursalon</b> in Velbert</p>"
    by_type = {e["entity"]: e for e in _entities(extractor, text)}
    assert by_type["sector"]["value"] == "handwerk"
    assert text[by_type["sector"]["start"] : by_type["sector"]["end"]] == "Friseursalon"
    assert by_type["municipality"]["value"] == "velbert"


def test_missing_text_attribute(extractor):
    message = Message(data={})
    extractor.process([message])
    assert not message.get("entities")


def test_config_limits_entity_types():
    component = ProfileEntityExtractor.create({"entities": ["sector"]}, None, None, None)
    assert _values(component, "Malerbetrieb in Hilden, 9 Leute") == {"sector": "handwerk"}


def test_handles_many_messages(extractor):
    """Speed is measured by `make bench`; here only that a batch is processed completely."""
    texts = [f"Wir sind {i} Leute, ein Malerbetrieb in Hilden-Nord" for i in range(1, 201)]
    messages = [Message(data={"text": t}) for t in texts]
    extractor.process(messages)
    assert all(m.get("entities") for m in messages)
