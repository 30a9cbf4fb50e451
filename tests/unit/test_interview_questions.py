"""The interview form (``validate_interview_form``): answering the 18 questions.

Buttons and sure free-text answers, re-asks, explanations, chit-chat during a question and
payloads that must not set anything.
"""

from __future__ import annotations

import pytest

from actions.asking import RETRY, ask_messages
from tests.unit.action_helpers import QN, Dialogue, FakeApi
from tests.unit.interview_helpers import FORM, answer_payloads, at, choose


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


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


@pytest.mark.parametrize(
    "slot, wanted, unwanted",
    [("sector", "„Friseursalon“", "„Hilden“"), ("municipality", "„Hilden“", "„Friseursalon“")],
)
def test_the_profile_reask_gives_examples_of_its_own_question(slot, wanted, unwanted):
    """Black-box chats: the sector re-ask named a town as its example."""
    [message] = ask_messages(QN, slot, RETRY)
    assert wanted in message["text"] and unwanted not in message["text"]
