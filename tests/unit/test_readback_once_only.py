"""The read-back leads to the once-only result: only a real confirmation confirms it (sixth
black-box round: "ich mach morgen weiter", "so, jetzt gehts weiter" and a change the bot did
not read had produced the result, after which no answer can be changed)."""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import Dialogue, FakeApi, finished
from tests.unit.interview_helpers import FORM


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


@pytest.mark.parametrize(
    "text",
    ["/affirm", "weiter", "Ja, weiter zum Ergebnis", "richtig", "Ja", "passt so", "alles korrekt"],
)
def test_a_confirmation_confirms(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert outcome.slot("answers_confirmed") is True


@pytest.mark.parametrize(
    "text",
    [
        "ich muss kurz weg, mach später weiter",
        "ich mach morgen weiter",
        "so, jetzt gehts weiter",
        "ach was, doch weiter machen",
        "bei der E-Mail-Frage mit dem Betrug ja",
        "almost 👌 #9 should be Ja – Google Calendar + Trello, everyone sees it",
        "Ich mach jetzt Feierabend",
    ],
)
def test_anything_else_leaves_the_summary_open(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert not outcome.sets("answers_confirmed")


@pytest.mark.parametrize("text", ["richtig", "korrekt", "Ja, das ist richtig", "genau so"])
def test_richtig_to_a_profile_change_applies_it(text):
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    proposal = dialogue.say("Passt, wir sind eigentlich in Haan")
    assert proposal.slot("pending") == {"type": "profile", "slot": "municipality", "value": "haan"}
    applied = dialogue.say(text)
    assert applied.slot("municipality") == "haan"
    assert not applied.sets("answers_confirmed")


@pytest.mark.parametrize(
    "text, choice",
    [
        ("Immer – 7 Tage die Woche.", "always"),
        ("regelmäßig, jeden Freitag", "regularly"),
    ],
)
def test_an_offered_option_named_in_a_sentence_is_the_choice(text, choice):
    """At "eher „Regelmäßig“ oder eher „Immer“?" the option the owner names counts."""
    from tests.unit.interview_helpers import at

    pending = {"type": "answer", "slot": "security_backup", "options": ["regularly", "always"]}
    outcome = at("security_backup", pending=pending).say(text)
    assert outcome.slot("security_backup") == choice
