"""The privacy texts in proportion (short first, the full text on request, never repeated
unasked) and the personal-data notice, at the consent step and in the interview."""

from __future__ import annotations

import pytest

from actions.common import CONSENT_FORM
from actions.conversation import (
    ActionFallback,
    ValidateConsentForm,
)
from actions.forms import ValidateInterviewForm
from actions.privacy import ActionPrivacyInfo, full_privacy, pii_notice, short_privacy
from tests.unit.action_helpers import (
    QN,
    Dialogue,
    FakeApi,
    answered,
    make_tracker,
    run,
)

CONSENT = ValidateConsentForm()


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def prompt(slots=None) -> Dialogue:
    """The consent prompt has been shown; the owner's next message is validated."""
    return Dialogue(CONSENT, dict(slots or {}), "consent", form=CONSENT_FORM)


# ---- privacy texts in proportion ---------------------------------------------------------


def test_privacy_short_first_then_the_full_text_when_asked_again():
    dialogue = prompt()
    first = dialogue.say("Was passiert mit meinen Daten?")
    assert first.texts[0] == short_privacy()
    assert first.slot("notices") == ["privacy_short"]
    second = dialogue.say("Und wer sieht das alles?")
    assert second.texts[0] == full_privacy()
    assert second.slot("notices") == ["privacy_short", "privacy_details"]


def test_privacy_details_on_request():
    outcome = prompt().say("Datenschutz: bitte ganz genau, was speichern Sie?")
    assert outcome.texts[0] == full_privacy()


def test_the_privacy_text_is_never_repeated_unasked():
    dialogue = prompt()
    dialogue.say("Was passiert mit meinen Daten?")
    for text in ("Wie lange dauert das?", "Kostet das was?", "Blumenkohl"):
        outcome = dialogue.say(text)
        assert "Datenschutz" not in outcome.text and "Namen, E-Mail" not in outcome.text


def test_privacy_question_during_the_interview_short_then_full():
    dialogue = Dialogue(ValidateInterviewForm(), answered("tools_cloud"), "tools_cloud")
    first = dialogue.say("Was speichern Sie über mich?")
    assert first.texts[0] == short_privacy()
    assert QN.question("tools_cloud").text in first.texts[-1]
    second = dialogue.say("Was passiert mit meinen Daten?")
    assert second.texts[0] == full_privacy()


def test_privacy_action_outside_the_forms():
    first = run(ActionPrivacyInfo(), make_tracker("Datenschutz?", {}, form=None))
    assert first.texts == [short_privacy()]
    again = run(ActionPrivacyInfo(), make_tracker("Datenschutz?", first.slots, form=None))
    assert again.texts == [full_privacy()]


# ---- the personal-data notice ------------------------------------------------------------


def test_the_personal_data_notice_is_given_once_per_conversation():
    dialogue = prompt()
    first = dialogue.say("Ich bin [NAME] von der Firma", metadata={"redacted": ["NAME"]})
    assert first.texts[0] == pii_notice()
    assert first.slot("notices") == ["pii"]
    second = dialogue.say("Schreiben Sie mir an [EMAIL]", metadata={"redacted": ["EMAIL"]})
    assert pii_notice() not in second.texts
    interview = Dialogue(ValidateInterviewForm(), answered("tools_cloud", **dialogue.slots))
    interview.requested = "tools_cloud"
    third = interview.say("[NAME] hier, ja nutzen wir", metadata={"redacted": ["NAME"]})
    assert pii_notice() not in third.texts
    assert third.slot("tools_cloud") == "yes"


def test_the_personal_data_notice_in_the_interview_and_the_answer_still_counts():
    dialogue = Dialogue(ValidateInterviewForm(), answered("tools_cloud"), "tools_cloud")
    outcome = dialogue.say("Mein Name ist [NAME], ja, nutzen wir", metadata={"redacted": ["NAME"]})
    assert outcome.texts[0] == pii_notice()
    assert outcome.slot("notices") == ["pii"]
    assert outcome.slot("tools_cloud") == "yes"
    later = dialogue.say("[EMAIL] teilweise", metadata={"redacted": ["EMAIL"]})
    assert pii_notice() not in later.texts


def test_no_notice_without_redactions():
    outcome = prompt().say("Was passiert mit meinen Daten?", metadata={"redacted": []})
    assert pii_notice() not in outcome.texts
    assert "pii" not in (outcome.slot("notices", None) or [])


def test_the_fallback_also_gives_the_notice_once():
    tracker = make_tracker("[NAME]", {}, form=None, metadata={"redacted": ["NAME"]})
    outcome = run(ActionFallback(), tracker)
    assert outcome.texts[0] == pii_notice()
    tracker = make_tracker("[NAME]", outcome.slots, form=None, metadata={"redacted": ["NAME"]})
    again = run(ActionFallback(), tracker)
    assert pii_notice() not in again.texts


@pytest.mark.parametrize(
    "text", ["Gut, dann starten wir. Aber ich beantworte nur allgemeine Fragen.", "machen wir"]
)
def test_natural_consents_start_the_check(text):
    """Third black-box round: "Gut, dann starten wir." showed the welcome again."""
    from actions.common import Turn
    from actions.consent import _yes_no

    assert _yes_no(Turn(text, None, 0.0, None)) is True


@pytest.mark.parametrize(
    "text, agrees",
    [
        ("Unter diesen Bedingungen bin ich einverstanden.", True),
        ("Ich bin nicht einverstanden.", False),
    ],
)
def test_einverstanden_anywhere_is_the_answer(text, agrees):
    from actions.common import Turn
    from actions.consent import _yes_no

    assert _yes_no(Turn(text, None, 0.0, None)) is agrees
