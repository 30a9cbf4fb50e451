"""Issue 10 end to end: read-back before the score, answers after it, offers and contacts."""

from __future__ import annotations

import re
import uuid

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract.catalogue import load_catalogue
from contract.scoring import compute_maturity
from tests.e2e.chat import (
    QN,
    Chat,
    answer_by_buttons,
    closing,
    complete,
    review_and_confirm,
    rotating_answers,
    start,
)


def test_a_changed_answer_in_the_read_back_changes_the_score(chat):
    start(chat)
    answers = {q.slot: "no" if q.scale in ("yes_no", "yes_partly_no") else "never"
               for q in QN.questions}  # fmt: skip
    answers[QN.questions[-1].slot] = "no"
    for q in QN.questions:
        if q.scale == "level":
            answers[q.slot] = "low"
    answer_by_buttons(chat, answers)
    closing(chat)
    assert chat.requested_slot() == "answers_confirmed"
    backup = QN.question("security_backup")
    number = QN.question_slots.index(backup.slot) + 1
    assert f"{number}. {backup.short}: Nie" in chat.text
    before = compute_maturity(QN, answers)
    # A change by tap ...
    chat.say('/change{"question":"security_backup"}')
    assert chat.requested_slot() == "security_backup"
    assert "Bisher: Nie" in chat.text
    chat.choose("always")
    assert chat.requested_slot() == "answers_confirmed"
    assert "(geändert)" in chat.text
    # ... and one by sentence.
    chat.say("bei Website doch teilweise")
    assert chat.slot("online_website") == "partly"
    # A summary called wrong is no confirmation; two changes in one message are both made.
    chat.say("nee, da stimmt was nicht")
    assert chat.requested_slot() == "answers_confirmed" and not chat.slot("maturity")
    assert "Welche Antwort möchten Sie ändern?" in chat.text
    chat.say("Frage 3 ist ja und bei 14 eher teilweise")
    assert chat.slot("strategy_budget") == "yes"
    assert chat.slot(QN.question_slots[13]) == "partly"
    answers.update(security_backup="always", online_website="partly", strategy_budget="yes")
    answers[QN.question_slots[13]] = "partly"
    chat.say("passt, Ergebnis bitte")
    after = chat.slot("maturity")
    assert after == compute_maturity(QN, answers)
    assert after["overall"] > before["overall"]
    assert f"{after['overall']} von 100" in chat.text
    # A new check after the result is asked about first; "nein" keeps the result.
    chat.say("/restart")
    assert chat.slot("maturity") == after and "neuen Check beginnen" in chat.text
    chat.say("nein")
    assert chat.slot("maturity") == after and "Ihr Ergebnis bleibt" in chat.text


def test_questions_about_offerings_are_answered_from_the_catalogue(chat):
    start(chat)
    complete(chat, rotating_answers(offset=3))
    recommended = chat.slot("recommendations")
    assert len(recommended) == 3
    catalogue = load_catalogue()
    first = catalogue.get(recommended[0])
    chat.say("Was kostet Angebot 1?")
    assert first.cost in chat.text
    chat.say("Wie beantrage ich das erste Angebot?")
    assert first.url in chat.text
    second = catalogue.get(recommended[1])
    chat.say(f"Wer bietet {second.title} an?")
    assert second.provider in chat.text
    chat.say("Warum ist IT-Sicherheit so niedrig?")
    assert "IT-Sicherheit" in chat.text and QN.question("security_backup").short in chat.text
    chat.say("Was bedeutet mein Ergebnis?")
    assert "Stufe" in chat.text
    chat.say("Wie wird das Wetter morgen?")
    assert "nichts Genaues" in chat.text and chat.buttons


def test_the_closing_wish_moves_a_matching_offering_into_the_top_three(stack, chat):
    answers = {q.slot: "yes" if q.scale in ("yes_no", "yes_partly_no") else "always"
               for q in QN.questions}  # fmt: skip
    for q in QN.questions:
        if q.scale == "level":
            answers[q.slot] = "expert"
    answers["security_backup"] = "never"
    answers["security_updates"] = "no"
    # Without a wish the weakest topic (security) leads the offers.
    start(chat)
    complete(chat, answers, need="none")
    without = chat.slot("recommendations")
    catalogue = load_catalogue()
    ki = [o.id for o in catalogue.offerings if "ki" in o.id or "KI" in o.title]
    assert not set(without) & set(ki)
    other = type(chat)(stack, sender=chat.sender + "-wish")
    start(other)
    complete(other, answers, need="ki")
    with_wish = other.slot("recommendations")
    assert set(with_wish) & set(ki)
    assert "Wunsch" in other.text or "Künstliche Intelligenz" in other.text


def test_a_duesseldorf_firm_gets_the_duesseldorf_contact(chat):
    chat.say("Hallo")
    chat.say("ja")
    chat.say("8 Leute")
    chat.say('/inform{"sector":"dienstleistung"}')
    chat.say("Düsseldorf-Bilk")
    assert chat.slot("municipality") == "duesseldorf"
    chat.say("Ich möchte mit einem Ansprechpartner sprechen")
    assert "Düsseldorf" in chat.text and "Kreis Mettmann" not in chat.text
    chat.say("Rufen Sie mich bitte zurück unter 0211 1234567")
    assert "Rückruf" in chat.text and "nicht" in chat.text
    assert chat.slot(QN.questions[0].slot) is None  # the number is no answer


def test_a_question_at_the_consent_prompt_is_answered_and_consent_still_works(chat):
    chat.say("Hallo")
    notice = chat.text
    assert "Einverstanden" in notice or "einverstanden" in notice
    chat.say("Wie lange dauert das denn?")
    assert "Minuten" in chat.text
    assert chat.payloads() == ["/affirm", "/deny"]
    chat.say("Und was passiert mit meinen Daten?")
    assert "gelöscht" in chat.text
    chat.say("ok, dann los")
    assert chat.requested_slot() == "employees"


def test_the_privacy_text_is_not_repeated_unasked(chat):
    start(chat)
    answers = rotating_answers(offset=4)
    shown = 0
    for question in QN.questions:
        answer_by_buttons(chat, answers, until=question.slot)
        shown += chat.text.count("Was wir speichern")
        shown += chat.text.count("Kurz gesagt")
    answer_by_buttons(chat, answers)
    closing(chat)
    review_and_confirm(chat)
    chat.say("tschüss")
    assert "Datenschutz" not in chat.text and "speichern" not in chat.text
    assert shown == 0
    chat.say("Was speichern Sie über mich?")
    assert "Kurz gesagt" in chat.text
    chat.say("Bitte die Details zum Datenschutz")
    assert "Was wir speichern" in chat.text


def test_printable_page_shows_the_chat_score(stack, chat):
    start(chat)
    maturity = complete(chat, rotating_answers(offset=6))
    link = next(b["url"] for b in chat.buttons if b.get("url") and "/result?" in b["url"])
    page = requests.get(link.replace("http://127.0.0.1:8000", stack.api_url), timeout=10)
    page.raise_for_status()
    shown = re.search(r'data-testid="overall" data-value="(\d+)"', page.text)
    assert shown and int(shown.group(1)) == maturity["overall"]
    assert f"<strong>{maturity['overall']}</strong> von 100" in page.text


ANSWER_SETS = st.fixed_dictionaries(
    {q.slot: st.sampled_from(QN.answer_ids(q.scale)) for q in QN.questions}
)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=ANSWER_SETS)
def test_property_chat_and_printable_page_show_the_same_scores(stack, answers):
    """For random answer sets, the printable page shows exactly the chat's numbers."""
    chat = Chat(stack, sender=f"prop-{uuid.uuid4().hex[:10]}")
    start(chat)
    maturity = complete(chat, answers)
    assert maturity == compute_maturity(QN, answers)
    link = next(b["url"] for b in chat.buttons if b.get("url") and "/result?" in b["url"])
    page = requests.get(link, timeout=10).text
    if maturity["overall"] is not None:
        assert f'data-value="{maturity["overall"]}"' in page
        assert f"{maturity['overall']} von 100" in chat.text
    for dimension in QN.dimensions:
        score = maturity["dimensions"][dimension.id]
        shown = "" if score is None else str(score)
        row = re.search(rf'data-dimension="{dimension.id}">.*?data-score="([^"]*)"', page, re.S)
        assert row and row.group(1) == shown, dimension.id
