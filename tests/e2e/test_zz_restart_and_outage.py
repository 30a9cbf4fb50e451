"""Runs last in the e2e session: a conversation survives a Rasa restart (SQL tracker store),
and with the API down the interview still ends with a score and the district contact."""

from __future__ import annotations

from tests.e2e.chat import QN, answer_by_buttons, complete, rotating_answers, start


def test_conversation_survives_a_server_restart(stack, chat):
    start(chat)
    answers = rotating_answers(offset=5)
    fourth = QN.questions[3].slot
    answer_by_buttons(chat, answers, until=fourth)
    stack.restart_rasa()
    assert chat.requested_slot() == fourth
    assert chat.slot("municipality") == "ratingen"
    complete(chat, answers)
    assert chat.slot("maturity") is not None


def test_api_down_keeps_the_result_and_names_the_contact(stack, chat):
    stack.stop_api()
    start(chat)
    complete(chat, rotating_answers(offset=6))
    assert chat.slot("maturity")["overall"] is not None
    assert chat.slot("recommendations") == []
    assert "Wirtschaftsförderung" in chat.text
    assert "nicht abrufen" in chat.text
    assert "Traceback" not in chat.text
