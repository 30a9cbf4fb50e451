"""The NLU component that lets only high-precision patterns, or a confident learned intent on a
short message, start something destructive (restart, erase)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import IntentRules


def parsed(text: str, ranking: list) -> Message:
    top = ranking[0]
    return Message(data={TEXT: text, INTENT: dict(top), INTENT_RANKING_KEY: ranking})


def process(message: Message) -> dict:
    IntentRules().process([message])
    return message.get(INTENT)


RESTAURANT = [
    {"name": "restart", "confidence": 0.48},
    {"name": "inform", "confidence": 0.25},
    {"name": "out_of_scope", "confidence": 0.1},
]


def test_a_guessed_restart_in_an_answer_is_demoted_to_the_next_intent():
    # "Restaurant" shares character n-grams with "restart"
    assert process(parsed("Nein, alles ist im Restaurant", RESTAURANT)) == {
        "name": "inform",
        "confidence": 0.25,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind ein Restaurant in Hilden und arbeiten seit Jahren mit Papier und Stift",
        "Restaurant",
    ],
)
def test_a_long_or_unsure_destructive_guess_never_stays(text):
    ranking = [{"name": "erase_data", "confidence": 0.6}, {"name": "inform", "confidence": 0.3}]
    assert process(parsed(text, ranking))["name"] == "inform"


def test_a_confident_short_learned_restart_stays():
    ranking = [{"name": "restart", "confidence": 0.93}, {"name": "affirm", "confidence": 0.02}]
    assert process(parsed("zurück zum Anfang", ranking)) == {"name": "restart", "confidence": 0.93}


def test_a_pattern_restart_wins_with_full_confidence():
    ranking = [{"name": "inform", "confidence": 0.7}, {"name": "restart", "confidence": 0.2}]
    assert process(parsed("Können wir nochmal von vorne anfangen?", ranking)) == {
        "name": "restart",
        "confidence": 1.0,
    }


def test_payloads_are_left_alone():
    ranking = [{"name": "restart", "confidence": 0.5}]
    assert process(parsed("/restart", ranking))["name"] == "restart"
