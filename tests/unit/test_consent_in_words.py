"""The consent as owners give it (sixth black-box round): a yes closing the message, and the
firm's data in the consent message itself, read back after the consent like data sent before."""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import FakeApi
from tests.unit.test_consent_form import prompt


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


@pytest.mark.parametrize(
    "text", ["Wenns sein muss. Ja.", "Meine Frau meint ich soll das hier machen. Na dann."]
)
def test_a_yes_closing_the_message_consents(text):
    assert prompt().say(text).slots == {"consent": True}


@pytest.mark.parametrize("text", ["Nein, lieber nicht. Ja?", "Was passiert mit meinen Daten? Ja?"])
def test_a_question_or_a_no_is_no_consent(text):
    assert prompt().say(text).slot("consent") is not True


def test_the_firm_s_data_in_the_consent_message_is_kept_for_the_interview():
    outcome = prompt().say(
        "Ja, einverstanden. Wir sind eine Physiotherapiepraxis in Erkrath-Hochdahl, 11 Personen"
    )
    assert outcome.slot("consent") is True
    intro = outcome.slot("intro_profile")
    assert {**intro["proposed"], **intro["stored"]} == {
        "employees": 11,
        "sector": "gesundheit",
        "municipality": "erkrath",
    }
    assert "Physiotherapie" not in str(intro)  # values only, never the text


@pytest.mark.parametrize(
    "text, consent",
    [
        (
            "Mit der beschriebenen Verarbeitung wäre ich einverstanden, zumal ja offenbar keine "
            "personenbezogenen Daten gespeichert würden.",
            True,
        ),
        ("Ich bin einverstanden, wenn keine Namen gespeichert werden", True),
        ("Damit bin ich nicht einverstanden.", False),
    ],
)
def test_a_negation_after_the_agreement_is_not_its_own(text, consent):
    assert prompt().say(text).slot("consent") is consent
