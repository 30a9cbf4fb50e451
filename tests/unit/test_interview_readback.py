"""The interview form (``validate_interview_form``): the closing wish and the read-back.

After the last question the owner names a support wish, then checks a summary of every answer
and may change answers or the profile before the score.
"""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import ANSWERS, QN, Dialogue, FakeApi, answered, finished
from tests.unit.interview_helpers import (
    ANSWER_SLOTS,
    FORM,
    PROFILE_SLOTS,
    answer_payloads,
    choose,
)


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


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


@pytest.mark.parametrize(
    "text, slot, value",
    [
        # a "ja" inside a sentence that names a question is no "Alles richtig" (black-box chats)
        (
            "Bei der Datensicherung nehmen Sie lieber selten, das ist ja ehrlicher.",
            "security_backup",
            "rarely",
        ),
        ("Un de Website: Jo! Die ham mer doch.", "online_website", "yes"),
    ],
)
def test_a_change_with_a_ja_in_it_is_a_change(text, slot, value):
    outcome = Dialogue(FORM, finished(online_website="no"), "answers_confirmed").say(text)
    assert outcome.slot(slot) == value
    assert not outcome.sets("answers_confirmed")


@pytest.mark.parametrize(
    "text, slot, value",
    [
        # what follows the question's name is the new answer (second black-box round)
        (
            "Nein, das war falsch. Bei Frage 13 ist es: weiß ich nicht.",
            "security_backup",
            "dont_know",
        ),
        ("bei der Weiterbildung doch eher nie", "skills_training", "never"),
    ],
)
def test_the_answer_after_the_question_s_name_is_the_change(text, slot, value):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert outcome.slot(slot) == value


def test_changing_the_firm_shows_each_old_value_and_keeps_it_on_request():
    """Black-box chats: "Angaben zum Betrieb ändern" cleared all three values; sector and town
    were asked without the old value and "bleibt wie vorher" was not understood."""
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    first = dialogue.say('/change{"question":"employees"}')
    assert first.requested == "employees"
    second = dialogue.say("12")
    assert second.slot("employees") == 12
    assert second.requested == "sector" and "(Bisher: Handwerk)" in second.texts[-1]
    third = dialogue.say("bleibt wie vorher")
    assert third.slot("sector") == "handwerk"
    assert third.requested == "municipality" and "(Bisher: Hilden)" in third.texts[-1]


@pytest.mark.parametrize(
    "text, changes",
    [
        # black-box chats: the second change in one message was dropped
        (
            "Frage 3 ist nein und bei 13 eher regelmäßig",
            {"strategy_budget": "no", "security_backup": "regularly"},
        ),
        ("3: nein, 13: regelmäßig", {"strategy_budget": "no", "security_backup": "regularly"}),
        (
            "Website: ja. Backup: täglich. Weiterbildung: nie",
            {"online_website": "yes", "security_backup": "always", "skills_training": "never"},
        ),
    ],
)
def test_several_changes_in_one_message_are_all_made(text, changes):
    slots = finished(strategy_budget="yes", online_website="no", skills_training="rarely")
    outcome = Dialogue(FORM, slots, "answers_confirmed").say(text)
    for slot, value in changes.items():
        assert outcome.slot(slot) == value
    assert sorted(outcome.slot("changed")) == sorted(changes)
    assert sum(t.startswith("Geändert:") for t in outcome.texts) == len(changes)
    assert outcome.requested == "answers_confirmed"
    assert not outcome.sets("answers_confirmed")


def test_two_questions_named_without_answers_are_asked_one_after_the_other():
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    outcome = dialogue.say("Frage 3 und 12 ändern")
    assert outcome.requested == "strategy_budget"
    assert "dort können Sie auch Frage 12 ändern" in outcome.texts[0]
    back = dialogue.say("nein")
    assert back.requested == "answers_confirmed"


@pytest.mark.parametrize(
    "text", ["Ja passt alles, auch Website und Backup", "Stimmt so, Website und Phishing auch"]
)
def test_naming_two_topics_while_confirming_changes_nothing(text):
    outcome = Dialogue(FORM, finished(), "answers_confirmed").say(text)
    assert outcome.slot("answers_confirmed") is True
    assert not set(outcome.slots) & ANSWER_SLOTS


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("bei 13 bitte auf selten", "security_backup", "rarely"),
        ("Frage 3 ist ja", "strategy_budget", "yes"),
    ],
)
def test_a_question_named_by_a_leading_number_or_with_ist_is_changed(text, slot, value):
    outcome = Dialogue(FORM, finished(strategy_budget="no"), "answers_confirmed").say(text)
    assert outcome.slot(slot) == value
