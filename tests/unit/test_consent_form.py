"""The consent step (``validate_consent_form``) and the start after it."""

from __future__ import annotations

import pytest

from actions.common import CONSENT_FORM
from actions.conversation import (
    CONSENT_QUESTION,
    ActionConsentDeclined,
    ActionStartInterview,
    ValidateConsentForm,
)
from actions.forms import ValidateInterviewForm
from tests.unit.action_helpers import (
    QN,
    Dialogue,
    FakeApi,
    answered,
    finished,
    make_tracker,
    run,
)

CONSENT = ValidateConsentForm()
KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def prompt(slots=None) -> Dialogue:
    """The consent prompt has been shown; the owner's next message is validated."""
    return Dialogue(CONSENT, dict(slots or {}), "consent", form=CONSENT_FORM)


def asks_consent_again(outcome) -> bool:
    return (
        outcome.messages[-1]["text"] == CONSENT_QUESTION
        and outcome.payloads[-2:] == ["/affirm", "/deny"]
        and outcome.slot("consent") is None
        and outcome.requested == "consent"
    )


# ---- the offer ---------------------------------------------------------------------------


def test_activation_shows_the_short_privacy_notice_with_consent_buttons(api):
    outcome = Dialogue(CONSENT, {}, form=CONSENT_FORM).start("Hallo", intent="greet")
    assert len(outcome.messages) == 1
    assert outcome.texts[0].startswith("Kurz zum Datenschutz")
    assert outcome.texts[0].endswith("Sind Sie einverstanden?")
    assert outcome.buttons == [
        {"title": "Ja, Check starten", "payload": "/affirm"},
        {"title": "Nein, lieber nicht", "payload": "/deny"},
    ]
    assert outcome.slot("consent") is None and outcome.requested == "consent"
    assert api.funnel == ["started"]


def test_the_started_event_is_sent_once_per_conversation(api):
    Dialogue(CONSENT, {"funnel_key": KEY}, form=CONSENT_FORM).start("Check starten")
    assert api.funnel == []


def test_profile_data_in_the_first_message_is_kept_for_after_the_consent():
    """Nothing is stored before the consent; the values (never the text) wait for the form."""
    outcome = Dialogue(CONSENT, {}, form=CONSENT_FORM).start(
        "Hallo, Malerbetrieb in Hilden, 9 Leute"
    )
    for slot in ("employees", "sector", "municipality"):
        assert not outcome.sets(slot)
    intro = outcome.slot("intro_profile")
    assert intro["stored"] == {"employees": 9, "sector": "handwerk", "municipality": "hilden"}
    assert "Hallo" not in str(intro)


def test_a_first_message_that_is_no_greeting_gets_the_introduction():
    outcome = Dialogue(CONSENT, {}, form=CONSENT_FORM).start("Malerbetrieb in Hilden, 9 Leute")
    assert outcome.responses[:1] == ["utter_greet"]
    assert outcome.texts[-1].startswith("Kurz zum Datenschutz")


def test_the_intro_is_read_back_after_the_consent():
    intro = {"stored": {"employees": 9, "sector": "handwerk", "municipality": "hilden"}}
    outcome = Dialogue(ValidateInterviewForm(), {"consent": True, "intro_profile": intro}).start()
    assert outcome.slot("employees") == 9 and outcome.slot("municipality") == "hilden"
    assert outcome.texts[0] == (
        "Aus Ihrer Nachricht habe ich notiert: 9 Beschäftigte, Branche Handwerk, Ort Hilden."
    )
    assert outcome.texts[-1].startswith("Frage 1 von 18")
    assert outcome.slot("intro_profile") is None


def test_an_unsure_intro_value_is_confirmed_after_the_consent():
    """ "ich habe vier Leute": 4 or 5 with the owner, asked as after the consent."""
    start = Dialogue(CONSENT, {}, form=CONSENT_FORM).start(
        "Guten Tag, ich habe vier Leute, Elektroinstallation in Langenfeld."
    )
    intro = start.slot("intro_profile")
    assert intro["proposed"] == {"employees": 4, "sector": "handwerk", "municipality": "langenfeld"}
    assert intro["options"] == {"employees": [4, 5]}
    outcome = Dialogue(ValidateInterviewForm(), {"consent": True, "intro_profile": intro}).start()
    assert not outcome.sets("employees")
    assert outcome.slot("pending")["options"] == [4, 5]
    assert "„4 Beschäftigte“, Branche „Handwerk“, Ort „Langenfeld“?" in outcome.texts[-1]
    assert "oder sind es „5 Beschäftigte“ mit Ihnen?" in outcome.texts[-1]


def test_an_owner_with_an_unfinished_interview_is_offered_to_continue():
    outcome = Dialogue(CONSENT, answered("tools_cloud"), form=CONSENT_FORM).start("Hallo")
    assert outcome.texts[0].startswith("Willkommen zurück! Sie waren bei Frage 4 von 18.")
    assert outcome.payloads == ["/affirm", "/restart"]
    assert not set(outcome.slots) & set(QN.question_slots)


def test_an_owner_with_a_result_is_asked_before_a_new_check():
    slots = finished(maturity={"overall": 40}, stage="result")
    outcome = Dialogue(CONSENT, slots, form=CONSENT_FORM).start("Check starten")
    assert "noch einmal von vorn" in outcome.texts[0]


# ---- questions at the prompt -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Was passiert mit meinen Daten?", "Kurz gesagt: Namen"),
        ("Wie lange dauert das?", "etwa zehn Minuten"),
        ("Kostet das was?", "kostenlos"),
        ("Bist du ein Bot?", "kein Mensch"),
        ("Was ist das hier überhaupt?", "18 kurze Fragen"),
    ],
)
def test_a_question_at_the_prompt_is_answered_and_consent_asked_again(text, expected):
    outcome = prompt().say(text)
    assert expected in outcome.texts[0]
    assert asks_consent_again(outcome)


def test_something_unclear_at_the_prompt_says_so_and_asks_again():
    outcome = prompt().say("Blumenkohl")
    assert "nicht ganz verstanden" in outcome.texts[0]
    assert asks_consent_again(outcome)


@pytest.mark.parametrize(
    "text",
    ["ja", "/affirm", "ja, wenn es nicht lange dauert", "gerne", "Check starten", "na gut"],
)
def test_yes_consents(text):
    outcome = prompt().say(text)
    assert outcome.slots == {"consent": True}
    assert outcome.messages == []


def test_a_yes_with_a_question_answers_it_and_consents():
    outcome = prompt().say("ja, aber was kostet das?")
    assert outcome.slots == {"consent": True}
    assert outcome.texts == ["Der Digitalcheck ist kostenlos und unverbindlich."]


@pytest.mark.parametrize("text", ["nein", "/deny", "nein danke", "Nö, keine Zeit", "lieber nicht"])
def test_no_declines(text):
    outcome = prompt().say(text)
    assert outcome.slots == {"consent": False}


def test_profile_data_at_the_prompt_is_kept_and_consent_asked_again():
    outcome = prompt().say("Wir sind ein Friseursalon in Hilden mit 4 Leuten")
    assert not outcome.sets("employees")
    intro = outcome.slot("intro_profile")
    assert {**intro["proposed"], **intro["stored"]}["municipality"] == "hilden"
    assert outcome.texts[0].startswith("Danke! Diese Angaben übernehme ich")
    assert asks_consent_again(outcome)


def test_restart_at_the_resume_prompt_starts_from_scratch():
    dialogue = prompt(answered("tools_cloud"))
    outcome = dialogue.say("/restart")
    assert outcome.slot("consent") is True and outcome.slot("restart_requested") is True
    started = run(ActionStartInterview(), make_tracker("/restart", dialogue.slots, form=None))
    for slot in QN.question_slots + ["employees", "sector", "municipality"]:
        assert started.slot(slot) is None
    assert started.slot("restart_requested") is None
    assert "drei kurze Angaben" in started.text


def test_declining_says_nothing_is_stored_and_offers_the_check(api):
    outcome = run(ActionConsentDeclined(), make_tracker("nein", {"consent": False}, form=None))
    assert "kein Ergebnis" in outcome.texts[0]
    assert outcome.payloads == ["/start_check"]
    assert outcome.slot("consent") is None
    assert api.funnel == ["consent_refused"]


def test_goodbye_at_the_prompt_is_a_goodbye():
    assert prompt().say("Tschüss").slots == {"consent": False}
    outcome = run(ActionConsentDeclined(), make_tracker("Tschüss", {"consent": False}, form=None))
    assert outcome.responses == ["utter_goodbye"]
    assert "Datenschutz" not in outcome.text


def test_declining_a_new_check_keeps_the_result():
    slots = finished(maturity={"overall": 40}, consent=False)
    outcome = run(ActionConsentDeclined(), make_tracker("nein", slots, form=None))
    assert outcome.slots == {"consent": True}
    assert "bleibt" in outcome.texts[0]


def test_what_the_owner_gets_from_the_check_is_answered_at_the_prompt():
    outcome = prompt().say("Und was hab ich davon? Wozu soll ich da 10 Minuten reinstecken?")
    assert "Angebote" in outcome.texts[0] and "Vergleich" in outcome.texts[0]
    assert asks_consent_again(outcome)
