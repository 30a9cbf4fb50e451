"""After the result and during the interview: the contact of the owner's region (handoff,
callback requests). The answers from the result are in ``test_after_result.py``."""

from __future__ import annotations

import re

import pytest

from actions import contact
from actions.conversation import ActionHumanHandoff
from actions.forms import ValidateInterviewForm
from actions.privacy import pii_notice
from actions.settings import Settings
from tests.unit.action_helpers import QN, Dialogue, FakeApi, answered, make_tracker, run
from tests.unit.after_result_helpers import ask, offering, result_slots

HANDOFF = ActionHumanHandoff()
KREIS = "Ihr Kontakt: Wirtschaftsförderung Kreis Mettmann – Team Digitalisierung."
DUESSELDORF = "Ihr Kontakt: Wirtschaftsförderung der Landeshauptstadt Düsseldorf."


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


# ---- contacts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "town, expected, website",
    [
        ("duesseldorf", DUESSELDORF, "https://www.duesseldorf.de/wirtschaft"),
        ("hilden", KREIS, "https://www.kreis-mettmann.de"),
        ("velbert", KREIS, "https://www.kreis-mettmann.de"),
        (None, KREIS, "https://www.kreis-mettmann.de"),
    ],
)
def test_the_handoff_names_the_contact_of_the_owner_s_region(api, town, expected, website):
    text = "Ich möchte mit einem Menschen sprechen"
    outcome = run(HANDOFF, make_tracker(text, {"municipality": town}, form=None))
    assert outcome.texts[0].startswith(expected)
    assert {"title": "Zur Website", "url": website, "type": "web_url"} in outcome.buttons
    assert "/start_check" in outcome.payloads  # and offers to continue the check
    assert api.funnel == ["handoff"]


def test_a_firm_elsewhere_gets_the_fallback_contact_with_its_note():
    outcome = run(HANDOFF, make_tracker("Ansprechpartner", {"municipality": "andere"}, form=None))
    assert "außerhalb von Düsseldorf" in outcome.texts[0]


def test_missing_contact_fields_are_said_to_be_missing_never_invented():
    outcome = run(HANDOFF, make_tracker("Ansprechpartner", {"municipality": "hilden"}, form=None))
    text = outcome.texts[0]
    assert "(E-Mail, Telefon, Erreichbar: noch nicht hinterlegt" in text
    assert "@" not in text and not re.search(r"\d{4,}", text)


def test_configured_fields_are_shown_and_only_the_rest_named_missing(tmp_path, monkeypatch):
    path = tmp_path / "contact.yml"
    path.write_text(
        "regions:\n"
        "  kreis_mettmann: {organisation: WF Kreis, email: digital@example.org}\n"
        "  duesseldorf: {organisation: WF Düsseldorf, phone: '0211 000', office_hours: Mo-Fr}\n"
        "  other: {organisation: WF Kreis}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(contact, "settings", Settings(contact_file=path))
    contact.load_contacts.cache_clear()
    try:
        kreis = contact.contact_message("hilden")["text"]
        assert "E-Mail: digital@example.org" in kreis
        assert "(Telefon, Erreichbar: noch nicht hinterlegt" in kreis
        duesseldorf = contact.contact_message("duesseldorf")["text"]
        assert "Telefon: 0211 000" in duesseldorf and "Erreichbar: Mo-Fr" in duesseldorf
        assert "(E-Mail: noch nicht hinterlegt" in duesseldorf
        assert "buttons" not in contact.contact_message("duesseldorf")  # no website configured
    finally:
        contact.load_contacts.cache_clear()


def test_a_callback_request_is_answered_honestly():
    tracker = make_tracker(
        "Rufen Sie mich bitte zurück unter [TELEFON]",
        {"municipality": "duesseldorf"},
        form=None,
        metadata={"redacted": ["TELEFON"]},
    )
    outcome = run(HANDOFF, tracker)
    text = outcome.texts[0]
    assert text.startswith("Einen Rückruf kann ich leider nicht vereinbaren.")
    assert "Telefonnummer speichere ich nicht" in text and "entfernt" in text
    assert DUESSELDORF in text
    assert pii_notice() not in outcome.texts  # the callback answer already says it
    assert not outcome.sets("employees")


def test_a_callback_request_during_the_interview_stores_no_answer():
    dialogue = Dialogue(ValidateInterviewForm(), {"consent": True}, "employees")
    outcome = dialogue.say(
        "Können Sie mich zurückrufen? [TELEFON]", metadata={"redacted": ["TELEFON"]}
    )
    assert not outcome.sets("employees")
    assert any(
        t.startswith("Einen Rückruf kann ich leider nicht vereinbaren.") for t in outcome.texts
    )
    assert any(KREIS in t for t in outcome.texts)
    assert outcome.requested == "employees"
    assert QN.profile_question("employees").text in outcome.texts[-1]


def test_asking_for_a_person_during_the_interview_gives_the_contact_and_continues(api):
    dialogue = Dialogue(
        ValidateInterviewForm(), answered("tools_cloud", municipality="duesseldorf"), "tools_cloud"
    )
    outcome = dialogue.say("Kann ich mit einem Menschen sprechen?")
    assert outcome.texts[0].startswith(DUESSELDORF)
    assert "weiter" in outcome.texts[1]
    assert QN.question("tools_cloud").text in outcome.texts[-1]
    assert not outcome.sets("tools_cloud")
    assert "handoff" in api.funnel


def test_the_contact_after_the_result_is_the_region_s():
    outcome = ask("Wie erreiche ich einen Ansprechpartner?", municipality="duesseldorf")
    assert outcome.texts[0].startswith(DUESSELDORF)
    handoff = run(HANDOFF, make_tracker("Ansprechpartner", result_slots(), form=None))
    assert "/start_check" not in handoff.payloads  # the check is done


def test_a_question_about_an_offering_that_the_model_took_for_a_handoff_is_answered():
    # The learned intent may read "Beratung" in an offering's title as a wish for a person.
    title = offering(1).title
    handoff = run(HANDOFF, make_tracker(f"Wer bietet {title} an?", result_slots(), form=None))
    assert offering(1).provider in handoff.texts[0]
    assert handoff.texts[-1] == "Was möchten Sie noch wissen?"
    # a real wish for a person after the result still gets the contact
    person = run(HANDOFF, make_tracker("Ich möchte mit einem Menschen sprechen", result_slots(),
                                       form=None))  # fmt: skip
    assert person.texts[0].startswith(KREIS)


def test_a_question_for_offerings_on_data_protection_lists_offerings_not_the_notice():
    from actions.privacy import ActionPrivacyInfo

    tracker = make_tracker("Gibt es auch ein Angebot zum Datenschutz?", result_slots(), form=None)
    outcome = run(ActionPrivacyInfo(), tracker)
    assert outcome.texts[0].startswith("Zum Thema „IT-Sicherheit und Datenschutz“"), outcome.texts


@pytest.mark.parametrize(
    "text", ["wer hilft mir da?", "an wen wende ich mich damit?", "Wer ist dafür zuständig?"]
)
def test_who_helps_names_the_contact(text):
    """A wish without a fitting offering, then "wer hilft mir da?" (sixth black-box round)."""
    assert KREIS in ask(text).texts[0]


@pytest.mark.parametrize(
    "text",
    [
        "können Sie mir mein Ergebnis nochmal zeigen?",
        "zeig mir bitte nochmal meine Punkte je Thema",
        "nochmal die Angebote bitte, die drei",
    ],
)
def test_the_result_again_on_request(text):
    shown = ask(text).texts[0]
    assert shown.startswith("Ihr Ergebnis:") and "Ihre Werte je Thema:" in shown
    assert "1. " + offering(0).title in shown


@pytest.mark.parametrize(
    "text", ["Ich ziehe meine Einwilligung zurück", "Ich nehme mein Einverständnis zurück"]
)
def test_a_withdrawal_after_the_result_says_what_can_still_be_erased(text):
    shown = ask(text).texts[0]
    assert "nicht mehr zuordnen" in shown and "„Daten löschen“" in shown


@pytest.mark.parametrize("text", ["Und wie melde ich mich da an?", "Was kostet das alles?"])
def test_a_question_about_all_offerings_is_answered_for_each(text):
    shown = ask(text).texts[0]
    assert shown.startswith("1. ") and "\n2. " in shown
