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
    [
        "/affirm",
        "weiter",
        "Ja, weiter zum Ergebnis",
        "richtig",
        "Ja",
        "passt so",
        "alles korrekt",
        "now it's correct ✅ show me the results",
        "Nunmehr wären sämtliche Angaben zutreffend; ich bitte um die Auswertung.",
    ],
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
        "ok, muss grad mal kurz ans Telefon",
        "ok, ich les mir das nochmal in Ruhe durch",
        "Okay. Ich frag noch meinen Kompagnon ob das so stimmt",
        "ja, sekunde",
        "ja nein",
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


@pytest.mark.parametrize(
    "keep", ["ach nee, passt doch so wie es war", "nee doch nicht, lassen Sie es so", "bleibt"]
)
def test_an_answer_asked_again_keeps_its_value_on_request(keep):
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    old = finished()["security_backup"]
    reopened = dialogue.say("bei der Datensicherung hab ich mich vertan")
    assert reopened.requested == "security_backup"
    assert "(Bisher:" in reopened.texts[0]
    outcome = dialogue.say(keep)
    assert outcome.slot("security_backup") == old
    assert outcome.texts[0].startswith("Gut, es bleibt bei")


def test_the_old_answer_is_shown_when_the_question_comes_again():
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    dialogue.say("Frage 2 ändern")
    outcome = dialogue.say("Moment, ich muss kurz weg")
    assert not outcome.sets("strategy_responsible")


@pytest.mark.parametrize(
    "text",
    ["keins von beiden", "weder noch", "nein, ich meine das Budget", "Nä, ich mein dat Budget!"],
)
def test_neither_offered_option_is_no_choice(text):
    from tests.unit.interview_helpers import at

    pending = {"type": "answer", "slot": "tools_cloud", "options": ["partly", "no"]}
    outcome = at("tools_cloud", pending=pending).say(text)
    assert not outcome.sets("tools_cloud")
    assert outcome.texts[0] == "Dann wählen Sie bitte die passende Antwort:"


@pytest.mark.parametrize(
    "leave", ["Ich mach jetzt Feierabend", "hab grad keine Zeit mehr", "muss los, Baustelle ruft"]
)
def test_leaving_in_everyday_words_is_asked_about_and_going_on_is_a_no(leave):
    from tests.unit.interview_helpers import at

    dialogue = at("strategy_goals")
    asked = dialogue.say(leave)
    assert not asked.sets("strategy_goals")
    assert asked.slot("pending")["type"] in ("goodbye", "stop")
    outcome = dialogue.say("doch, weiter")
    assert not outcome.sets("strategy_goals")
    assert not any(t.startswith("Bis bald") for t in outcome.texts)
    assert outcome.requested == "strategy_goals"


def test_a_staff_remark_at_the_read_back_never_wipes_the_profile():
    dialogue = Dialogue(FORM, {**finished(), "employees": 10}, "answers_confirmed")
    same = dialogue.say("wir sind übrigens 10 Leute")
    assert same.texts[0] == "Bei „Beschäftigte“ steht bereits „10 Beschäftigte“."
    remark = dialogue.say("wir sind übrigens 10 Leute plus 2 Aushilfen im Sommer")
    assert not remark.sets("sector") and not remark.sets("municipality")
    if remark.requested == "employees":  # asked again: the old count stays on request
        kept = dialogue.say("ja passt")
        assert kept.slot("employees") == 10


def test_a_change_of_the_software_answer_is_no_sector_change():
    from bot.nlu.profile import decide_profile

    known = {"employees": 5, "sector": "dienstleistung", "municipality": "erkrath"}
    assert decide_profile(
        "mein Fehler, bei der Software muss ja stehen", "tools_mobile", known
    ) == (
        {},
        {},
    )
    assert decide_profile(
        "Korrektur: wir sind eigentlich eine Softwarefirma", "tools_mobile", known
    )[1] == {"sector": "it_medien"}


def test_a_hyphenated_compound_is_no_correction_of_the_town():
    from bot.nlu.corrections import is_correction

    assert not is_correction("Ja, ich bin ständig unterwegs, Location-Besichtigungen.")
    assert is_correction("Ort - Haan")


@pytest.mark.parametrize(
    "keep",
    [
        "Ach nee, das war schon richtig so, lassen Sie es wie es war",
        "Hab's mir überlegt, bleibt wie es ist",
        "Lassen Sie es wie vorher",
    ],
)
def test_keeping_in_a_sentence_keeps_the_old_answer(keep):
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    old = finished()["security_backup"]
    dialogue.say("bei der Datensicherung hab ich mich vertan")
    assert dialogue.say(keep).slot("security_backup") == old


@pytest.mark.parametrize(
    "text, changes",
    [
        ("bei 7 und 8 jeweils immer", {"processes_paperless": "always"}),
        (
            "bei 8 und 13 jeweils immer",
            {"processes_paperless": "always", "security_backup": "always"},
        ),
    ],
)
def test_one_answer_for_several_questions_changes_each(text, changes):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    for slot, answer in changes.items():
        assert outcome.slot(slot) == answer
