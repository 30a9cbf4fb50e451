"""After the result, third black-box round: questions about a topic of the result are no
corrections and no privacy questions; "Was ist ein Virenschutz?" is explained; "vergessen Sie
mich" is an erasure wish."""

from __future__ import annotations

import pytest

from bot.nlu.intents import detect
from tests.unit.action_helpers import QN, FakeApi
from tests.unit.after_result_helpers import ask


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def test_why_nothing_on_a_topic_is_answered_with_that_topic():
    outcome = ask("warum steht da nix zu online marketing")
    assert outcome.texts[0].startswith(QN.dimension("online").title)
    assert "ändere ich danach nicht mehr" not in outcome.texts[0]


def test_a_question_on_the_data_protection_topic_is_no_privacy_question():
    text = "Was bedeutet mein Ergebnis? Und warum steht bei Datenschutz nichts?"
    assert detect(text) != "ask_privacy"
    assert detect("Wie steht es um den Datenschutz bei Ihnen?") == "ask_privacy"
    assert ask(text).texts[0].startswith(QN.dimension("security").title)


def test_what_a_question_word_means_is_explained():
    outcome = ask("Was ist ein Virenschutz?")
    question = QN.question("security_updates")
    assert outcome.texts[0] == f"{question.short}: {question.explanation}"


@pytest.mark.parametrize("text", ["vergessen Sie mich bitte", "Vergessen Sie mich!"])
def test_forget_me_is_an_erasure_wish(text):
    assert detect(text) == "erase_data"
    assert detect("Vergiss es, egal") is None


def test_patient_data_questions_are_privacy_questions_and_stories_are_not():
    assert detect("Danke. Und Patientendaten fragen Sie nicht ab, richtig?") == "ask_privacy"
    assert detect("Nein, meine Kundendaten möchte ich nicht irgendwo im Internet haben.") is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Gehen die Daten an Dritte?", "ask_privacy"),
        ("doch, neuer check bitte", "restart"),
        ("kurz telefonieren", "wait"),
        ("das bringt doch nix, tschüss", "goodbye"),
    ],
)
def test_fourth_round_wishes(text, kind):
    assert detect(text) == kind
    assert detect("wir haben einen neuen Check gemacht") is None
