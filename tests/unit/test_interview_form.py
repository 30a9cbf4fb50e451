"""The interview form's validation action (``validate_interview_form``) turn by turn.

Every test runs the real action on a real rasa_sdk Tracker and checks both what it returns (slot
events, the next requested slot, the end of the loop) and what it says (texts and buttons).
"""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction

from actions import forms, interjections, pending
from actions.conversation import ActionRestartInterview, ActionStartInterview
from actions.forms import ValidateInterviewForm
from bot.nlu.understanding import UNSURE, Reading
from tests.unit.action_helpers import (
    ANSWERS,
    PROFILE,
    QN,
    Dialogue,
    FakeApi,
    answered,
    finished,
    make_tracker,
    run,
)

FORM = ValidateInterviewForm()
ANSWER_SLOTS = set(QN.question_slots) | set(QN.closing_slots)
PROFILE_SLOTS = {"employees", "sector", "municipality"}


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def choose(choice: str) -> str:
    return f'/answer{{"choice":"{choice}"}}'


def at(slot: str, **overrides) -> Dialogue:
    """A dialogue in which ``slot`` is the open question and every earlier one is answered."""
    return Dialogue(FORM, answered(slot, **overrides), slot)


def number_of(slot: str) -> int:
    return QN.question_slots.index(slot) + 1


def answer_payloads(slot: str) -> list:
    question = QN.question(slot)
    return [choose(a) for a in QN.answer_ids(question.scale)]


def labels_of(slot: str) -> list:
    scale = QN.question(slot).scale
    return [QN.answer_label(scale, a) for a in QN.answer_ids(scale)]


def answers_untouched(outcome) -> bool:
    """No answer or profile value was set or cleared."""
    return not (set(outcome.slots) & (ANSWER_SLOTS | PROFILE_SLOTS))


# ---- activation and resumption -----------------------------------------------------------


def test_consent_starts_with_an_intro_and_a_fresh_interview():
    slots = {"consent": True, "maturity": None, **{s: None for s in ANSWERS}}
    outcome = run(ActionStartInterview(), make_tracker("ja", slots, form=None))
    assert "drei kurze Angaben" in outcome.text and "18 Fragen" in outcome.text
    assert outcome.slot("consent") is True
    assert outcome.slot("stage") == "interview"
    assert all(outcome.slot(s) is None for s in QN.question_slots)


def test_activation_asks_the_staff_count_first(api):
    dialogue = Dialogue(FORM, {"consent": True, "stage": "interview"})
    outcome = dialogue.start("ja, gerne")
    assert outcome.requested == "employees"
    assert outcome.texts == [QN.profile_question("employees").text]
    assert answers_untouched(outcome)
    assert [(e["event"], e["question"]) for e in api.posted] == [("question_reached", "employees")]


def test_activation_with_a_known_profile_asks_question_one_with_progress_and_topic():
    outcome = Dialogue(FORM, {"consent": True, **PROFILE}).start()
    assert outcome.requested == "strategy_goals"
    assert outcome.texts[-1].startswith("Frage 1 von 18 · Thema: Strategie und Organisation\n")
    assert QN.question("strategy_goals").text in outcome.texts[-1]
    assert outcome.payloads == answer_payloads("strategy_goals")


def test_resumption_asks_where_the_owner_left_off(api):
    outcome = Dialogue(FORM, answered("tools_cloud")).start("Hallo, da bin ich wieder")
    assert outcome.requested == "tools_cloud"
    assert outcome.text.startswith("Willkommen zurück")
    assert "Frage 4 von 18" in outcome.text
    assert QN.question("tools_cloud").text in outcome.text
    assert outcome.payloads == answer_payloads("tools_cloud")
    assert answers_untouched(outcome)


def test_consent_again_does_not_reset_an_unfinished_interview():
    slots = answered("tools_cloud")
    outcome = run(ActionStartInterview(), make_tracker("ja", slots, form=None))
    assert answers_untouched(outcome)
    assert outcome.messages == []  # the form greets the owner back


# ---- profile -----------------------------------------------------------------------------


def test_staff_count_is_stored_and_the_sector_asked_next():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Wir sind neun Leute")
    assert outcome.slot("employees") == 9
    assert outcome.requested == "sector"
    # a count read from a sentence is read back, so a misreading shows at once
    assert outcome.texts == ["Danke, notiert: 9 Beschäftigte.", QN.profile_question("sector").text]
    assert outcome.payloads == [f'/inform{{"sector":"{s}"}}' for s in QN.sectors]


def test_a_bare_staff_count_is_stored_without_a_read_back():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("9")
    assert outcome.slot("employees") == 9
    assert outcome.texts == [QN.profile_question("sector").text]


def test_a_summed_staff_count_is_read_back_with_the_other_profile_values():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Schreinerei in Ratingen, ich und vier Gesellen plus ein Azubi")
    assert outcome.slot("employees") == 6
    assert outcome.texts[0] == "Danke, notiert: 6 Beschäftigte, Branche Handwerk, Ort Ratingen."


def test_one_message_fills_staff_sector_and_town():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    outcome = dialogue.say("Friseursalon in Langenfeld-Richrath mit sieben Leuten")
    assert outcome.slot("employees") == 7
    assert outcome.slot("sector") == "handwerk"
    assert outcome.slot("municipality") == "langenfeld"
    assert outcome.requested == "strategy_goals"
    assert "notiert" in outcome.texts[0] and "Langenfeld" in outcome.texts[0]
    assert outcome.texts[-1].startswith("Frage 1 von 18")


def test_a_staff_count_that_is_not_sure_is_confirmed_before_it_is_stored():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    proposal = dialogue.say("So zwischen 12 und 16 Leute, je nach Auftragslage")
    assert not proposal.sets("employees")
    assert proposal.slot("pending") == {"type": "profile", "slot": "employees", "value": 14}
    # the label names the slot already (not "Beschäftigte „14 Beschäftigte“")
    assert proposal.texts == ["Habe ich Sie richtig verstanden: „14 Beschäftigte“?"]
    assert proposal.payloads == ["/affirm", "/deny"]

    stored = dialogue.say("ja")
    assert stored.slot("employees") == 14
    assert not stored.sets("changed")
    assert "notiert" in stored.texts[0]
    assert stored.requested == "sector"


def test_no_to_an_unsure_reading_asks_the_profile_question_again():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    dialogue.say("So zwischen 12 und 16 Leute, je nach Auftragslage")
    again = dialogue.say("nein")
    assert not again.sets("employees")
    assert again.requested == "employees"
    assert QN.profile_question("employees").text in again.texts[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Unsere PLZ ist 40721",
        "Wir sind seit 1998 am Markt",
        "Unsere Nummer ist [TELEFON]",
        "Wir sitzen in der Hauptstraße 12",
        "Sie erreichen mich unter 0211 8995432",
        "Tel. 02103 55 66 77",
        "Wir haben 2009 gegründet",
    ],
)
def test_phone_numbers_postal_codes_and_years_are_no_staff_count(text):
    outcome = Dialogue(FORM, {"consent": True}, "employees").say(text)
    assert not outcome.sets("employees")
    assert outcome.requested == "employees"


def test_a_postal_code_with_a_town_stores_only_the_town():
    outcome = Dialogue(FORM, {"consent": True}, "employees").say("Wir sitzen in 40721 Hilden")
    assert outcome.slot("municipality") == "hilden"
    assert not outcome.sets("employees")
    assert outcome.requested == "employees"


@pytest.mark.parametrize(
    "text",
    [
        "Ja, das macht bei uns der Kollege, der früher in einer Eisdiele in Haan gearbeitet hat",
        "Gegenüber ist eine Eisdiele, die hat das, wir auch, ja",
        "Ja, so wie der Bäcker in Düsseldorf",
        "Ja, mein Schwager in Ratingen hat eine Schreinerei, der macht das für uns",
    ],
)
def test_a_passing_mention_of_another_trade_or_town_changes_nothing(text):
    outcome = at("strategy_responsible").say(text)
    assert not outcome.sets("sector") and not outcome.sets("municipality")
    assert outcome.slot("pending") is None
    assert outcome.slot("strategy_responsible") == "yes"  # the answer still counts


def test_an_explicit_correction_is_proposed_and_yes_applies_it():
    dialogue = at("tools_cloud")
    proposal = dialogue.say("wir sind eigentlich in Haan")
    assert not proposal.sets("municipality")
    assert proposal.slot("pending") == {"type": "profile", "slot": "municipality", "value": "haan"}
    assert proposal.requested == "tools_cloud"
    assert proposal.texts == ["Soll ich „Ort“ von „Hilden“ auf „Haan“ ändern?"]
    assert proposal.payloads == ["/affirm", "/deny"]

    applied = dialogue.say("ja")
    assert applied.slot("municipality") == "haan"
    assert applied.slot("pending") is None
    assert "municipality" in applied.slot("changed")
    assert "geändert" in applied.texts[0] and "Haan" in applied.texts[0]
    assert applied.requested == "tools_cloud"
    assert QN.question("tools_cloud").text in applied.texts[-1]


def test_no_keeps_the_profile_and_asks_the_question_again():
    dialogue = at("tools_cloud")
    dialogue.say("wir sind eigentlich in Haan")
    kept = dialogue.say("nein")
    assert not kept.sets("municipality")
    assert dialogue.slots["municipality"] == "hilden"
    assert "Hilden" in kept.texts[0]
    assert kept.requested == "tools_cloud"
    assert QN.question("tools_cloud").text in kept.texts[-1]


def test_a_correction_request_that_names_a_profile_question_asks_it_again():
    dialogue = at("tools_cloud")
    outcome = dialogue.say("Die Branche stimmt nicht")
    assert outcome.requested == "sector"
    assert not outcome.sets("sector") and not outcome.sets("tools_cloud")
    assert QN.profile_question("sector").text in outcome.texts[0]
    assert "(Bisher: Handwerk)" in outcome.texts[0]
    proposal = dialogue.say('/inform{"sector":"handel"}')
    assert proposal.slot("pending") == {"type": "profile", "slot": "sector", "value": "handel"}
    applied = dialogue.say("ja")
    assert applied.slot("sector") == "handel"
    assert applied.requested == "tools_cloud"  # back where the owner was
    assert QN.question("tools_cloud").text in applied.texts[-1]


def test_a_tapped_sector_during_a_question_is_confirmed_first():
    dialogue = at("tools_cloud")
    proposal = dialogue.say('/inform{"sector":"handel"}')
    assert not proposal.sets("sector")
    assert proposal.slot("pending") == {"type": "profile", "slot": "sector", "value": "handel"}
    assert proposal.payloads == ["/affirm", "/deny"]
    applied = dialogue.say("/affirm")
    assert applied.slot("sector") == "handel"
    assert applied.requested == "tools_cloud"


def test_a_tapped_option_for_the_open_profile_question_is_stored():
    outcome = Dialogue(FORM, {"consent": True, "employees": 4}, "sector").say(
        '/inform{"sector":"handel"}'
    )
    assert outcome.slot("sector") == "handel"
    assert outcome.requested == "municipality"


# ---- the questions -----------------------------------------------------------------------


@pytest.mark.parametrize("slot", QN.question_slots)
def test_a_button_stores_the_answer_and_asks_the_next_question(slot):
    scale = QN.question(slot).scale
    choice = QN.answer_ids(scale)[0]
    outcome = at(slot).say(choose(choice))
    assert outcome.slot(slot) == choice
    index = QN.question_slots.index(slot)
    if index + 1 < len(QN.question_slots):
        following = QN.question_slots[index + 1]
        assert outcome.requested == following
        assert len(outcome.messages) == 1
        assert outcome.texts[0].startswith(f"Frage {index + 2} von 18")
        assert QN.question(following).text in outcome.texts[0]
        assert outcome.payloads == answer_payloads(following)
    else:  # the closing wish comes next, with its options
        assert outcome.requested == "support_need"
        assert QN.profile_question("support_need").text in outcome.text
        assert outcome.payloads[-1] == choose("none")


def test_the_topic_is_named_only_on_a_topic_s_first_question():
    second = at("strategy_goals").say(choose("yes"))
    assert second.texts[0].startswith("Frage 2 von 18\n")
    new_topic = at("strategy_budget").say(choose("no"))
    assert new_topic.texts[0].startswith("Frage 4 von 18 · Thema: IT-Ausstattung und Werkzeuge")


@pytest.mark.parametrize(
    "slot, text, expected",
    [
        ("tools_cloud", "ja, nutzen wir alle", "yes"),
        ("security_backup", "eher selten", "rarely"),
        ("security_backup", "jede Woche", "regularly"),
        ("skills_level", "ganz gut eigentlich", "good"),
        ("skills_level", "keine Ahnung", "dont_know"),
        ("online_listings", "nein, haben wir nicht", "no"),
        ("online_listings", "<b>ja</b>", "yes"),
    ],
)
def test_a_sure_free_text_answer_is_stored(slot, text, expected):
    outcome = at(slot).say(text)
    assert outcome.slot(slot) == expected
    assert outcome.requested == QN.question_slots[QN.question_slots.index(slot) + 1]
    assert outcome.slot("pending") is None


def test_an_answer_resets_the_failed_attempts():
    outcome = at("tools_cloud", failed_attempts=2).say("ja")
    assert outcome.slot("tools_cloud") == "yes"
    assert outcome.slot("failed_attempts") == 0


UNCLEAR = "grundsätzlich schon, nur bei den Rechnern im Lager noch nicht"


@pytest.fixture
def unclear(monkeypatch: pytest.MonkeyPatch):
    """The reader is torn between two answers for UNCLEAR (independent of the parser's rules)."""
    real = forms.read_answer

    def read(text: str, scale: str, slot: str | None = None) -> Reading:
        if text == UNCLEAR:
            return Reading(UNSURE, "partly", ("partly", "no"), 0.5, "test")
        return real(text, scale, slot)

    monkeypatch.setattr(forms, "read_answer", read)


def test_an_unclear_answer_gets_one_confirmation_with_the_two_likeliest_options(unclear, api):
    outcome = at("security_updates").say(UNCLEAR)
    assert not outcome.sets("security_updates")
    assert outcome.requested == "security_updates"
    assert outcome.slot("pending") == {
        "type": "answer",
        "slot": "security_updates",
        "options": ["partly", "no"],
    }
    assert len(outcome.messages) == 1
    assert outcome.texts[0] == "Habe ich Sie richtig verstanden: eher „Teilweise“ oder eher „Nein“?"
    assert outcome.titles == ["Teilweise", "Nein"]
    assert outcome.payloads == [choose("partly"), choose("no")]
    assert [(e["event"], e["question"]) for e in api.posted] == [
        ("confirmation", "security_updates")
    ]


def test_yes_to_the_confirmation_stores_the_first_option(unclear):
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say("ja")
    assert outcome.slot("security_updates") == "partly"
    assert outcome.slot("pending") is None
    assert outcome.requested == "security_passwords"
    assert outcome.texts[-1].startswith("Frage 15 von 18")


def test_a_button_at_the_confirmation_stores_its_choice(unclear):
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say(choose("no"))
    assert outcome.slot("security_updates") == "no"
    assert outcome.requested == "security_passwords"


def test_no_to_the_confirmation_asks_again_with_all_options(unclear):
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say("nein")
    assert not outcome.sets("security_updates")
    assert outcome.slot("pending") is None
    assert outcome.requested == "security_updates"
    assert QN.question("security_updates").text in outcome.texts[-1]
    assert outcome.payloads == answer_payloads("security_updates")


def torn_reader(monkeypatch: pytest.MonkeyPatch, readings: dict) -> None:
    """The reader (in the form and at the confirmation) returns ``readings[text]`` for the
    texts given, independent of the parser's rules; any other text is read for real."""
    real = forms.read_answer

    def read(text: str, scale: str, slot: str | None = None) -> Reading:
        return readings[text] if text in readings else real(text, scale, slot)

    monkeypatch.setattr(forms, "read_answer", read)
    monkeypatch.setattr(pending, "read_answer", read)


def test_an_answer_word_at_the_confirmation_is_that_answer(monkeypatch):
    """ "teilweise" is no "ja": it must not pick the first option (regression)."""
    torn_reader(monkeypatch, {UNCLEAR: Reading(UNSURE, "yes", ("yes", "no"), 0.5, "test")})
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say("teilweise")
    assert outcome.slot("security_updates") == "partly"


def test_a_longer_reply_at_the_confirmation_is_read_as_an_answer_not_as_a_no(monkeypatch):
    """A reply of more than three words was taken as "nein" and re-asked (regression)."""
    leaning = "also eher so halb und halb, würde ich sagen"
    torn_reader(
        monkeypatch,
        {
            UNCLEAR: Reading(UNSURE, "no", ("no", "partly"), 0.5, "test"),
            leaning: Reading(UNSURE, "partly", ("partly", "no"), 0.6, "test"),
        },
    )
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say(leaning)
    assert outcome.slot("security_updates") == "partly"
    assert outcome.requested == "security_passwords"


def test_ja_to_a_confirmation_whose_second_option_is_yes_asks_with_all_options(monkeypatch):
    """ "eher „Nein“ oder eher „Ja“?" – "ja" could mean either: nothing is stored."""
    torn_reader(monkeypatch, {UNCLEAR: Reading(UNSURE, "no", ("no", "yes"), 0.5, "test")})
    dialogue = at("security_updates")
    dialogue.say(UNCLEAR)
    outcome = dialogue.say("ja")
    assert not outcome.sets("security_updates")
    assert outcome.requested == "security_updates"
    assert outcome.payloads == answer_payloads("security_updates")


# Torn between "partly" and "don't know". (The reader now stores "grundsätzlich schon, nur bei
# den Rechnern im Lager noch nicht" as "partly", as issue 8 asks; it is no longer unclear.)
TORN = "Wir haben da schon was eingerichtet, aber ob das bei allen läuft, müsste ich erst prüfen"


def test_a_real_story_answer_with_a_contrast_is_confirmed_not_guessed():
    outcome = at("security_updates").say(TORN)
    assert not outcome.sets("security_updates")
    assert outcome.slot("pending")["type"] == "answer"
    assert len(outcome.buttons) == 2


NO_SIGNAL = "Unser Betrieb wurde 1987 von meinem Vater gegründet, ich habe ihn 2015 übernommen"


def test_no_answer_signal_gets_a_reask_that_lists_the_options(api):
    dialogue = at("processes_planning")
    outcome = dialogue.say(NO_SIGNAL)
    question = QN.question("processes_planning")
    assert not outcome.sets("processes_planning")
    assert outcome.requested == "processes_planning"
    assert outcome.slot("failed_attempts") == 1
    assert len(outcome.messages) == 1
    text = outcome.texts[0]
    assert "nicht sicher verstanden" in text
    assert question.text not in text  # never the identical question
    assert "„Ja“, „Teilweise“, „Nein“ oder „Weiß nicht“" in text
    assert outcome.payloads == answer_payloads("processes_planning")
    assert [(e["event"], e["question"]) for e in api.posted] == [("reask", "processes_planning")]
    again = dialogue.say("Wir sind ein Familienbetrieb mit acht Leuten in der Innenstadt")
    assert again.slot("failed_attempts") == 2
    # the second re-ask is no repeat of the first: the question again and the way out
    assert again.texts[0] != text
    assert again.texts[0].endswith(question.text) and "„Weiß nicht“" in again.texts[0]
    assert again.payloads == answer_payloads("processes_planning")


def test_a_described_paper_workflow_is_never_stored_as_a_yes():
    # "Planen Sie Termine ... mit einem digitalen Werkzeug?" answered with how it works on paper:
    # a re-ask or a confirmation that offers "Nein", never a stored answer
    outcome = at("processes_planning").say(
        "Der Kunde ruft an, dann schreib ich das auf und meine Frau macht das am Abend fertig"
    )
    assert not outcome.sets("processes_planning")
    pending = outcome.slot("pending")
    assert pending is None or "no" in pending["options"]


def test_why_explains_the_open_question_and_asks_it_again():
    outcome = at("security_backup").say("Warum?")
    question = QN.question("security_backup")
    assert not outcome.sets("security_backup")
    assert not outcome.sets("failed_attempts")
    assert outcome.requested == "security_backup"
    assert outcome.texts[0] == f"Gern erkläre ich das: {question.explanation}"
    assert question.text in outcome.texts[1]
    assert outcome.payloads == answer_payloads("security_backup")


def test_why_during_the_profile_explains_the_profile_question():
    outcome = Dialogue(FORM, {"consent": True}, "employees").say("Wozu brauchen Sie das?")
    assert QN.profile_question("employees").explanation in outcome.texts[0]
    assert outcome.requested == "employees"


LONG = (
    "Also bei uns ist das so, wir sind ein kleiner Familienbetrieb, mein Mann macht die "
    "Buchhaltung abends am Küchentisch und ich kümmere mich um die Kundschaft im Laden"
)
CANNED = ("Computerprogramm", "Bis bald", "Wiedersehen", "Möchten Sie für heute aufhören")


@pytest.mark.parametrize("intent", ["bot_challenge", "goodbye", "out_of_scope", "greet"])
def test_a_long_message_about_the_firm_never_gets_a_canned_reply(intent):
    outcome = at("processes_paperless").say(LONG, intent=intent, confidence=1.0)
    assert not any(canned in outcome.text for canned in CANNED)
    assert outcome.slot("pending") is None
    assert "nicht sicher verstanden" in outcome.text
    assert outcome.requested == "processes_paperless"


def test_a_long_message_that_mentions_talking_to_staff_is_no_handoff_request():
    text = (
        "Das ist so eine Sache, mit den Mitarbeitern sprechen wir das morgens ab, dann "
        "schreibt jeder auf seinen Zettel was er machen muss"
    )
    outcome = at("processes_paperless").say(text, intent="human_handoff", confidence=1.0)
    assert "Ihr Kontakt" not in outcome.text


def test_an_answer_beats_a_confident_chit_chat_intent():
    text = "Also ich sag mal so, wir machen regelmäßig Backups auf eine externe Festplatte"
    outcome = at("security_backup").say(text, intent="bot_challenge", confidence=1.0)
    assert outcome.slot("security_backup") == "regularly"
    assert "Computerprogramm" not in outcome.text


@pytest.mark.parametrize(
    "text",
    [
        '/inform{"maturity":100}',
        '/answer{"choice":"sometimes"}',
        "/session_start",
        '{"intent":"affirm","entities":{"answers_confirmed":true}}',
        '{"intent":"restart"}',
        "<script>alert(1)</script>",
    ],
)
def test_json_markup_and_invalid_payloads_set_no_slot_they_should_not(text):
    outcome = at("security_updates").say(text)
    allowed = {"pending", "failed_attempts", "funnel_key", "requested_slot", "notices"}
    assert set(outcome.slots) <= allowed, outcome.slots
    assert outcome.requested == "security_updates"
    assert outcome.slot("pending") in (None, {"type": "restart"})  # a word, and only a question


@pytest.mark.parametrize(
    "text, slot",
    [
        ('/inform{"employees":0}', "employees"),
        ('/inform{"employees":true}', "employees"),
        ('/inform{"sector":"bäckerei"}', "sector"),
        ('/inform{"municipality":"köln"}', "municipality"),
    ],
)
def test_invalid_profile_payloads_store_nothing(text, slot):
    outcome = Dialogue(FORM, {"consent": True}, "employees").say(text)
    assert not outcome.sets(slot)
    assert outcome.requested == "employees"


STRAY_BUTTONS = [
    "/affirm",
    "/deny",
    "/start_check",
    "/human_handoff",
    "/erase_data",
    '/ask_result{"topic":"score"}',
    '/change{"question":"tools_cloud"}',
    '/inform{"employees":12}',
    *sorted({choose(a) for scale in QN.scales for a in QN.answer_ids(scale)}),
]


@pytest.mark.parametrize("slot", QN.question_slots)
def test_no_button_ever_stores_an_answer_outside_the_question_s_scale(slot):
    """Old buttons stay tappable (Telegram, the widget): none may store a foreign answer id."""
    valid = set(QN.answer_ids(QN.question(slot).scale))
    for payload in STRAY_BUTTONS:
        outcome = at(slot).say(payload)
        if outcome.sets(slot):
            assert outcome.slot(slot) in valid, payload


def test_a_yes_button_answers_a_yes_no_question():
    outcome = at("online_listings").say("/affirm")
    assert outcome.slot("online_listings") == "yes"


def test_a_wish_button_during_a_question_is_a_wish_not_an_answer():
    outcome = at("security_updates").say("/restart")
    assert not outcome.sets("security_updates")
    assert outcome.slot("pending") == {"type": "restart"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wie viele Fragen noch?", "Sie haben 5 von 18 Fragen beantwortet; noch 13"),
        ("Danke!", "Gern geschehen!"),
        ("Hallo", "Hallo! Schön, dass Sie da sind"),
        ("Bist du ein Bot?", "kein Mensch"),
    ],
)
def test_short_chit_chat_is_answered_and_the_question_asked_again(text, expected):
    outcome = at("tools_mobile").say(text)
    assert expected in outcome.texts[0]
    assert not outcome.sets("tools_mobile") and not outcome.sets("failed_attempts")
    assert outcome.texts[-1].startswith("Zurück zur Frage – Frage 6 von 18")
    assert outcome.payloads == answer_payloads("tools_mobile")


# ---- the closing wish --------------------------------------------------------------------


def test_the_closing_wish_is_stored_and_the_read_back_follows():
    outcome = Dialogue(FORM, answered(None), "support_need").say("Am meisten bei der E-Rechnung")
    assert outcome.slot("support_need") == "e_rechnung"
    assert outcome.requested == "answers_confirmed"
    assert outcome.texts[0].startswith("Bitte prüfen Sie Ihre Antworten")


def test_why_at_the_closing_wish_explains_it():
    outcome = Dialogue(FORM, answered(None), "support_need").say("Wozu fragen Sie das?")
    assert QN.profile_question("support_need").explanation in outcome.texts[0]
    assert not outcome.sets("support_need")
    assert outcome.requested == "support_need"


def test_anything_else_as_closing_wish_counts_as_none():
    outcome = Dialogue(FORM, answered(None), "support_need").say("eigentlich läuft alles")
    assert outcome.slot("support_need") == "none"


# ---- destructive wishes ------------------------------------------------------------------

WISHES = {
    "restart": "Können wir nochmal neu anfangen?",
    "goodbye": "Tschüss, ich muss los",
    "stop": "Ich will abbrechen",
    "withdraw": "Ich ziehe meine Einwilligung zurück",
}


@pytest.mark.parametrize("slot", QN.question_slots)
@pytest.mark.parametrize("kind", WISHES)
def test_a_destructive_wish_is_asked_about_at_every_question_never_read_as_an_answer(kind, slot):
    # "Ich ziehe meine Einwilligung zurück" once came back as "eher Ja oder eher Weiß nicht?"
    outcome = at(slot).say(WISHES[kind])
    assert outcome.slot("pending") == {"type": kind}, outcome.texts
    assert not outcome.sets(slot)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Nein, und ehrlich gesagt will ich jetzt abbrechen", "stop"),
        ("nein. Ich ziehe meine Einwilligung zurück", "withdraw"),
        ("Nein, können wir nochmal von vorne anfangen?", "restart"),
    ],
)
def test_an_answer_with_a_destructive_wish_is_stored_and_the_wish_asked_about(text, kind):
    dialogue = at("security_updates")
    outcome = dialogue.say(text)
    assert outcome.slot("security_updates") == "no"
    assert outcome.slot("pending") == {"type": kind}
    assert outcome.texts == [interjections.CONFIRMATIONS[kind][0]]
    kept = dialogue.say("nein")
    assert kept.texts[0] == "Gut, dann machen wir weiter."
    assert kept.requested == QN.question_slots[QN.question_slots.index("security_updates") + 1]
    assert dialogue.slots["security_updates"] == "no"


@pytest.mark.parametrize("kind", WISHES)
def test_a_destructive_wish_asks_first_and_keeps_every_answer(kind):
    outcome = at("security_updates").say(WISHES[kind])
    assert outcome.slot("pending") == {"type": kind}
    assert answers_untouched(outcome)
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"
    assert len(outcome.messages) == 1 and outcome.texts[0].startswith("Möchten Sie")
    assert outcome.payloads == ["/affirm", "/deny"]


@pytest.mark.parametrize("text", ["Schluss für heute", "Ich mache morgen weiter", "Pause bitte"])
def test_a_pause_is_a_goodbye_that_keeps_the_answers(text):
    outcome = at("security_updates").say(text)
    assert outcome.slot("pending") == {"type": "goodbye"}
    assert "Ihre Antworten bleiben erhalten" in outcome.texts[0]


@pytest.mark.parametrize("kind", WISHES)
def test_no_to_a_destructive_wish_continues_with_the_open_question(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("nein")
    assert answers_untouched(outcome)
    assert outcome.slot("pending") is None
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"
    assert outcome.texts[0] == "Gut, dann machen wir weiter."
    assert QN.question("security_updates").text in outcome.texts[-1]


@pytest.mark.parametrize("kind", ["restart", "stop", "withdraw"])
def test_an_answer_word_after_a_destructive_wish_is_an_answer_not_a_yes(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("teilweise")
    assert outcome.slot("security_updates") == "partly"
    assert all(dialogue.slots[s] == ANSWERS[s] for s in QN.question_slots[:13])
    assert not outcome.stops_loop


def test_yes_to_restart_clears_everything_and_asks_the_staff_count():
    dialogue = at("security_updates")
    dialogue.say(WISHES["restart"])
    outcome = dialogue.say("ja")
    for slot in QN.question_slots + ["employees", "sector", "municipality", "support_need"]:
        assert outcome.slot(slot) is None
    assert not outcome.stops_loop
    assert outcome.requested == "employees"
    assert "von vorn" in outcome.texts[0]
    assert outcome.texts[-1] == QN.profile_question("employees").text


def test_yes_to_goodbye_keeps_the_answers_and_asks_nothing():
    dialogue = at("security_updates")
    dialogue.say(WISHES["goodbye"])
    outcome = dialogue.say("ja")
    assert answers_untouched(outcome)
    assert not outcome.stops_loop
    assert outcome.requested == "security_updates"  # where the owner continues later
    assert len(outcome.messages) == 1
    assert outcome.texts[0].startswith("Bis bald!") and "erhalten" in outcome.texts[0]
    assert outcome.buttons == []


@pytest.mark.parametrize("kind", ["stop", "withdraw"])
def test_yes_to_stop_or_withdraw_discards_the_answers_and_ends_the_form(kind):
    dialogue = at("security_updates")
    dialogue.say(WISHES[kind])
    outcome = dialogue.say("/affirm")
    assert all(outcome.slot(slot) is None for slot in QN.question_slots)
    assert outcome.slot("answers_confirmed") is None
    assert outcome.stops_loop
    assert outcome.requested is None
    assert "abgebrochen" in outcome.texts[0]
    if kind == "withdraw":
        assert outcome.slot("consent") is None
        assert "Einwilligung ist zurückgezogen" in outcome.texts[0]
    else:
        assert not outcome.sets("consent")


def test_action_restart_during_the_form_hands_the_message_to_the_form():
    # Rasa's default rule runs action_restart for the learned intent even inside the form
    tracker = make_tracker("/restart", answered("security_updates"), "security_updates")
    outcome = run(ActionRestartInterview(), tracker)
    assert outcome.events == [FollowupAction("interview_form")]
    assert outcome.messages == []
    # the form asks once ...
    dialogue = at("security_updates")
    asked = dialogue.say("/restart")
    assert asked.slot("pending") == {"type": "restart"} and len(asked.messages) == 1
    assert asked.payloads == ["/affirm", "/deny"]
    kept = dialogue.say("nein")
    assert answers_untouched(kept) and kept.requested == "security_updates"
    # ... and an answer the intent model took for a restart is an answer
    answer = at("security_updates").say("Ja, alles auf dem neuesten Stand.")
    assert answer.slot("security_updates") == "yes" and answer.slot("pending") is None


def test_action_restart_after_a_result_starts_a_new_check():
    slots = finished(answers_confirmed=True, maturity={"overall": 50}, stage="result")
    outcome = run(ActionRestartInterview(), make_tracker("/restart", slots, form=None))
    assert outcome.event_names()[0] == "restart"
    assert outcome.slot("consent") is True
    assert FollowupAction("interview_form") in outcome.events


# ---- read-back before the score ----------------------------------------------------------


def summary_of(outcome) -> str:
    return next(t for t in outcome.texts if t.startswith("Bitte prüfen Sie Ihre Antworten"))


def test_after_the_closing_wish_the_summary_lists_every_answer_in_words():
    outcome = Dialogue(FORM, answered(None), "support_need").say(choose("e_rechnung"))
    summary = summary_of(outcome)
    for number, question in enumerate(QN.questions, start=1):
        label = QN.answer_label(question.scale, ANSWERS[question.slot])
        assert f"{number}. {question.short}: {label}" in summary
    assert "9 Beschäftigte · Handwerk · Hilden" in summary
    assert "Unterstützungswunsch: E-Rechnung einführen" in summary
    assert outcome.buttons[0] == {"title": "Alles richtig – Ergebnis zeigen", "payload": "/affirm"}
    changes = [f'/change{{"question":"{slot}"}}' for slot in QN.question_slots]
    assert outcome.payloads[1:19] == changes
    assert outcome.payloads[-1] == '/change{"question":"employees"}'


def test_a_change_button_asks_the_question_again_showing_the_previous_answer():
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    outcome = dialogue.say('/change{"question":"security_backup"}')
    assert outcome.slot("security_backup") is None
    assert outcome.requested == "security_backup"
    assert QN.question("security_backup").text in outcome.texts[0]
    assert "(Bisher: Nie)" in outcome.texts[0]
    assert outcome.payloads == answer_payloads("security_backup")

    back = dialogue.say(choose("regularly"))
    assert back.slot("security_backup") == "regularly"
    assert back.requested == "answers_confirmed"
    assert "13. Datensicherung: Regelmäßig (geändert)" in summary_of(back)
    assert "14. Updates und Virenschutz: Teilweise\n" in summary_of(back)


def test_a_sentence_changes_an_answer_directly():
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    outcome = dialogue.say("bei Datensicherung eher selten")
    assert outcome.slot("security_backup") == "rarely"
    assert outcome.slot("changed") == ["security_backup"]
    assert outcome.requested == "answers_confirmed"
    assert outcome.texts[0] == "Geändert: Datensicherung – „Nie“ → „Selten“."
    assert "13. Datensicherung: Selten (geändert)" in summary_of(outcome)


def test_question_n_aendern_asks_question_n():
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say("Frage 7 ändern")
    assert outcome.requested == QN.question_slots[6]
    assert outcome.texts[0].startswith("Frage 7 von 18")
    assert "(Bisher: Immer)" in outcome.texts[0]


def test_changing_the_firm_asks_the_profile_again():
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say('/change{"question":"employees"}')
    assert outcome.requested == "employees"
    assert all(outcome.slot(s) is None for s in PROFILE_SLOTS)
    assert "(Bisher: 9 Beschäftigte)" in outcome.texts[0]


@pytest.mark.parametrize("text", ["/affirm", "Ja, passt alles", "stimmt so"])
def test_confirming_the_summary_ends_the_questions(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert outcome.slot("answers_confirmed") is True
    assert outcome.requested is None
    assert outcome.messages == []
    assert not set(outcome.slots) & ANSWER_SLOTS


@pytest.mark.parametrize(
    "text",
    [
        "Ja, passt alles, auch die Website",
        "Website ist richtig so",
        "Alles richtig, die Datensicherung machen wir wirklich nie",
        "Stimmt so. Das mit den Passwörtern ist leider so.",
    ],
)
def test_a_confirmation_that_names_a_topic_changes_nothing(text):
    slots = finished(online_website="no", security_passwords="no")
    outcome = Dialogue(FORM, slots, "answers_confirmed").say(text)
    assert outcome.slot("answers_confirmed") is True
    assert not set(outcome.slots) & ANSWER_SLOTS
    assert outcome.requested is None


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("ok, Datensicherung eher selten", "security_backup", "rarely"),
        ("Website: teilweise", "online_website", "partly"),
        ("Passt, nur bei Phishing: ja", "skills_phishing", "yes"),
    ],
)
def test_a_confirmation_with_a_change_changes_it(text, slot, value):
    outcome = Dialogue(FORM, finished(online_website="no"), "answers_confirmed").say(text)
    assert outcome.slot(slot) == value
    assert not outcome.sets("answers_confirmed")
    assert outcome.requested == "answers_confirmed"


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("Passt, wir sind eigentlich in Haan", "municipality", "haan"),
        ("Stimmt alles, nur sind wir eigentlich 12 Leute", "employees", 12),
    ],
)
def test_a_profile_correction_in_the_read_back_is_confirmed_then_applied(text, slot, value):
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    proposal = dialogue.say(text)
    assert not proposal.sets(slot)  # nothing changes before the owner said yes
    assert proposal.slot("pending") == {"type": "profile", "slot": slot, "value": value}
    assert proposal.payloads == ["/affirm", "/deny"]
    assert not proposal.sets("answers_confirmed")
    applied = dialogue.say("ja")
    assert applied.slot(slot) == value
    assert slot in applied.slot("changed")
    assert not applied.sets("answers_confirmed")
    assert applied.requested == "answers_confirmed"
    assert "Ihr Betrieb:" in summary_of(applied)


def test_an_unclear_reply_to_the_summary_says_so_and_shows_it_again(api):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say("Frage 30 ändern")
    assert not outcome.sets("answers_confirmed")
    assert outcome.requested == "answers_confirmed"
    assert "nicht sicher verstanden" in outcome.texts[0]
    assert summary_of(outcome)
    assert not api.funnel_of("reask")  # the API knows no question "answers_confirmed"


def test_no_to_the_summary_asks_which_answer_to_change():
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say("nein")
    assert not outcome.sets("answers_confirmed")
    assert "Welche Antwort möchten Sie ändern?" in outcome.texts[0]
    assert outcome.requested == "answers_confirmed"


@pytest.mark.parametrize("text", ["neu starten", "bitte einmal alles von vorne beginnen"])
def test_a_clear_request_is_not_turned_into_a_guessed_answer(text):
    outcome = at("security_backup").say(text, intent="restart", confidence=1.0)
    assert not outcome.sets("security_backup")
    assert "von vorn" in outcome.text
    assert outcome.slot("pending") == {"type": "restart"}


def test_the_second_failed_staff_answer_gets_a_simpler_re_ask():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    first = dialogue.say("🙂🙂🙂")
    second = dialogue.say("hmm")
    assert first.texts[0] != second.texts[0]
    assert "Zahl" in second.texts[0] and second.requested == "employees"
