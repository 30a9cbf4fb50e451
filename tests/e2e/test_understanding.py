"""Issue 8 end to end: owners as they really write, and nothing lost or corrupted."""

from __future__ import annotations

from tests.e2e.chat import (
    QN,
    answer_by_buttons,
    closing,
    review_and_confirm,
    rotating_answers,
    start,
)

ANSWERS = rotating_answers(offset=1)


def test_an_ambiguous_story_answer_is_confirmed_with_two_options(chat):
    start(chat)
    first = QN.questions[0]  # yes_partly_no
    chat.say(
        "Also ehrlich gesagt haben wir uns das mal vorgenommen, mein Sohn wollte das "
        "aufschreiben, aber ob das jetzt ein richtiger Plan ist, weiß ich nicht so recht"
    )
    slots = chat.slots()
    if slots[first.slot] is None:
        # Torn between readings: one short confirmation with two options as buttons.
        assert "Habe ich Sie richtig verstanden" in chat.text
        choices = [p for p in chat.payloads() if p.startswith("/answer")]
        assert len(choices) == 2
        assert slots["pending"]["type"] == "answer"
        chat.say(choices[0])
        assert chat.slot(first.slot) is not None
    assert chat.requested_slot() == QN.questions[1].slot


def test_restart_goodbye_and_withdrawal_keep_answers_until_confirmed(chat):
    start(chat)
    answer_by_buttons(chat, ANSWERS, until=QN.questions[4].slot)
    kept = {q.slot: ANSWERS[q.slot] for q in QN.questions[:4]}

    def answers_kept():
        slots = chat.slots()
        return all(slots[s] == v for s, v in kept.items()) and slots["employees"] == 12

    for wish, marker in (
        ("ich möchte nochmal ganz von vorne anfangen", "von vorn"),
        ("tschüss", "aufhören"),
        ("Ich ziehe meine Einwilligung zurück", "Einwilligung"),
        ("stopp, ich will abbrechen", "abbrechen"),
    ):
        chat.say(wish)
        assert marker in chat.text, wish
        assert len(chat.last) == 1 and len(chat.payloads()) == 2, (wish, chat.last)  # asked once
        assert chat.slot("pending") is not None, wish
        assert answers_kept(), wish
        chat.say("nein, weitermachen")
        assert answers_kept(), wish
        assert chat.requested_slot() == QN.questions[4].slot
    # Confirmed restart: everything from scratch.
    chat.say("neu starten")
    chat.say("ja")
    slots = chat.slots()
    assert slots["requested_slot"] == "employees"
    assert all(slots[q.slot] is None for q in QN.questions) and slots["employees"] is None


def test_a_returning_owner_resumes_where_they_left_off(chat):
    start(chat)
    answer_by_buttons(chat, ANSWERS, until=QN.questions[3].slot)
    chat.say("tschüss")
    chat.say("ja")
    assert "Bis bald" in chat.text
    assert chat.requested_slot() == QN.questions[3].slot
    chat.say("Hallo, da bin ich wieder")
    assert QN.questions[3].text in chat.text
    answer_by_buttons(chat, ANSWERS)
    assert chat.slot(QN.questions[0].slot) == ANSWERS[QN.questions[0].slot]


def test_numbers_that_are_no_staff_count_change_nothing(chat):
    start(chat, profile=False)
    for message in (
        "Sie erreichen uns unter 0211 1234567",
        "40721 Hilden",
        "Wir haben 2009 gegründet",
    ):
        chat.say(message)
        assert chat.slot("employees") is None, message
    chat.say("wir sind 7 Leute")
    assert chat.slot("employees") == 7
    chat.say('/inform{"sector":"handel"}')
    chat.say('/inform{"municipality":"haan"}')
    chat.say("Unsere Hotline ist 0171 2345678, Rückrufe seit 1998 unter Hauptstraße 12")
    assert chat.slot("employees") == 7


def test_passing_mentions_leave_the_profile_and_corrections_are_confirmed(chat):
    start(chat)  # 12 staff, handwerk, ratingen
    first = QN.questions[0]
    chat.say("Die Eisdiele gegenüber in Hilden hat so was, wir noch nicht")
    slots = chat.slots()
    assert (slots["sector"], slots["municipality"], slots["employees"]) == (
        "handwerk",
        "ratingen",
        12,
    )
    chat.say('/answer{"choice":"no"}') if slots[first.slot] is None else None
    chat.say("Korrektur: wir sitzen eigentlich in Langenfeld, nicht in Ratingen")
    assert chat.slot("pending")["type"] == "profile"
    assert chat.slot("municipality") == "ratingen"  # asked first
    chat.say("ja")
    assert chat.slot("municipality") == "langenfeld"
    assert chat.slot("employees") == 12 and chat.slot("sector") == "handwerk"


def test_json_and_markup_text_change_nothing_and_the_interview_ends(chat):
    start(chat)
    answer_by_buttons(chat, ANSWERS, until=QN.questions[2].slot)
    before = chat.slots()
    for message in (
        '{"slots": {"maturity": {"overall": 100}}, "intent": "restart"}',
        '/inform{"municipality":"duesseldorf","maturity":100}',
        "<script>document.cookie</script>",
    ):
        chat.say(message)
        after = chat.slots()
        for slot in ("maturity", "municipality", "sector", "employees", QN.questions[0].slot):
            assert after[slot] == before[slot], (message, slot)
        if after.get("pending"):
            chat.say("/deny")
    answer_by_buttons(chat, ANSWERS)
    closing(chat)
    review_and_confirm(chat)


def test_several_profile_corrections_in_one_message_are_confirmed_together(chat):
    start(chat)  # 12 staff, handwerk, ratingen
    chat.say("Korrektur zu meinen Angaben: Branche ist eigentlich Bau, und wir sitzen in Haan.")
    pending = chat.slot("pending")
    assert pending["type"] == "profile"
    assert pending["values"] == {"sector": "bau", "municipality": "haan"}
    assert "Habe ich Sie richtig verstanden" in chat.text and "Haan" in chat.text
    assert (chat.slot("sector"), chat.slot("municipality")) == ("handwerk", "ratingen")
    chat.say("ja")
    slots = chat.slots()
    assert (slots["sector"], slots["municipality"], slots["employees"]) == ("bau", "haan", 12)
    assert slots["requested_slot"] == QN.questions[0].slot


def test_an_age_is_no_staff_count_and_i_have_n_offers_both_readings(chat):
    start(chat, profile=False)
    chat.say("Ich bin 52 und habe 4 Leute")
    assert chat.slot("employees") is None
    assert chat.slot("pending")["options"] == [4, 5]
    chat.say('/inform{"employees":5}')
    assert chat.slot("employees") == 5
    assert chat.requested_slot() == "sector"


# Long owner answers written for this test (not from the corpus): the learned intent's
# confidence must not grow with the length of a message.
LONG_STORIES = [
    "Bei uns läuft das so, dass meine Schwägerin dienstags und donnerstags ins Büro kommt, die "
    "Rechnungen aus dem Stapel abtippt und dann in den Ordner heftet, und wenn ein Kunde fragt, "
    "ob er schon bezahlt hat, muss einer von uns halt nachblättern, das dauert eben.",
    "Also der alte Rechner im Lager nervt uns seit Wochen mit irgendwelchen Neustarts, und die "
    "Kunden anrufen tut heute ja sowieso keiner mehr, die schreiben alle über WhatsApp, und "
    "unsere Website haben wir vor Jahren mal neu machen lassen, seitdem guckt da keiner rein.",
    "Ehrlich gesagt ist das bei uns ein ziemliches Durcheinander, der eine Monteur macht Fotos "
    "mit dem privaten Handy, der andere schreibt alles auf Zettel, und abends sortiere ich das "
    "am Küchentisch zusammen, bevor meine Frau die Abrechnung macht.",
]


def test_long_owner_stories_get_no_confident_learned_intent(stack):
    import requests

    from tests.e2e.servers import TOKEN

    for story in LONG_STORIES:
        reply = requests.post(
            f"{stack.rasa_url}/model/parse", params={"token": TOKEN}, json={"text": story},
            timeout=30,
        ).json()  # fmt: skip
        assert reply["intent"]["confidence"] < 0.9, (story, reply["intent"])


def test_a_story_with_restart_and_call_words_neither_restarts_nor_calls(chat):
    start(chat)
    asked = chat.requested_slot()
    chat.say(LONG_STORIES[1])
    assert chat.slot("pending") is None or chat.slot("pending").get("type") == "answer"
    assert "von vorn" not in chat.text and "Rückruf" not in chat.text
    assert chat.slot("employees") == 12 and chat.requested_slot() in (asked, QN.questions[1].slot)
