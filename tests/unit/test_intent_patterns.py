"""bot/nlu/intents.py: high-precision patterns for what a message asks of the bot.

Examples are written for these tests (not taken from the NLU data): what owners ask, and what
they tell about their firm that merely contains the same words.
"""

from __future__ import annotations

import pytest

from bot.nlu.intents import SHORT, detect, nlu_intent, override

POSITIVE = {
    "erase_data": [
        "Bitte löschen Sie alle meine Daten",
        "Daten löschen",
        "Löschen Sie bitte dieses Gespräch",
        "Können Sie meine Daten entfernen?",
        "Ich möchte meine Daten löschen lassen",
        "Recht auf Vergessenwerden",
        "Vergessen Sie alles, was ich gesagt habe",
        "Datenlöschung bitte",
        "Daten löschen, ich mache später weiter",
    ],
    "restart": [
        "neu starten",
        "Ich will neu starten",
        "Bitte zurück auf Anfang",
        "Fangen wir nochmal an",
        "Können wir von vorne anfangen?",
        "reset",
        "Können wir das alles löschen und nochmal neu anfangen?",
    ],
    "withdraw": [
        "Ich widerrufe meine Einwilligung",
        "Ich ziehe meine Zustimmung zurück",
        "Ich will doch nicht mehr mitmachen",
        "keine Lust mehr",
        "ich hab keine Lust mehr",
    ],
    "stop": [
        "stopp",
        "Abbrechen bitte",
        "Ich möchte jetzt aufhören",
        "Check beenden",
        "Nein, und ehrlich gesagt will ich jetzt abbrechen",
        "ich möchte hier lieber aufhören",
    ],
    "callback": [
        "Rufen Sie mich bitte zurück",
        "Kann ich einen Rückruf bekommen?",
        "Meine Nummer ist [TELEFON]",
    ],
    "human_handoff": [
        "Ich möchte mit einem Menschen sprechen",
        "Gibt es einen Ansprechpartner?",
        "Ihre Kontaktdaten bitte",
        "Kann ich mit einer echten Person reden?",
    ],
    "ask_privacy": [
        "Was passiert mit meinen Daten?",
        "DSGVO?",
        "Ist das anonym?",
        "Wer sieht das alles?",
        "Was speichern Sie über mich?",
        "Ja, machen wir. Aber was passiert eigentlich mit meinen Daten?",
    ],
    "ask_progress": [
        "Wie viele Fragen noch?",
        "Wie lange dauert das noch?",
        "Wie weit sind wir?",
        "Wann sind wir fertig?",
    ],
    "bot_challenge": ["Bist du ein Bot?", "Rede ich mit einem Menschen?", "Sind Sie eine KI?"],
    "explain": [
        "keine ahnung was sie meinen",
        "Warum?",
        "Wozu brauchen Sie das?",
        "wofür brauchen Sie das denn alles?",
        "Was ist eine Cloud?",
        "Was bedeutet Phishing?",
    ],
    "goodbye": [
        "Tschüss",
        "Bis später",
        "ich muss los",
        "Schönen Abend noch",
        # a pause keeps the answers: a goodbye, never a stop
        "Schluss für heute",
        "Ich möchte für heute aufhören",
        "Aufhören, ich mache morgen weiter",
        "Können wir später weitermachen?",
        "Pause bitte",
    ],
    "greet": ["Hallo", "Moin", "Guten Tag, wir sind ein Malerbetrieb", "Grüezi"],
    "thank": ["Danke", "Vielen Dank!", "Dankeschön"],
}


@pytest.mark.parametrize(
    "kind, text", [(kind, text) for kind, texts in POSITIVE.items() for text in texts]
)
def test_positive_examples(kind, text):
    assert detect(text) == kind


NEGATIVE = [
    # answers and stories about the firm that share words with a pattern
    "Wir löschen alte Daten regelmäßig vom Server",
    "Alte Kundendaten entfernen wir nach zehn Jahren",
    "Die Spam-Mails lösche ich jeden Morgen",
    "Wir haben letztes Jahr neu angefangen mit der Software",
    "Wir machen das immer wieder neu",
    "Das Programm stoppt manchmal",
    "Wir haben aufgehört, Papier zu verwenden",
    "Die Kunden rufen uns meistens an",
    "Wir sprechen mit den Kunden per Telefon",
    "Wir planen langfristig",
    "Wir nutzen KI für Texte",
    "Wir verstehen uns gut im Team",
    "Tschüss sagen unsere Kunden immer, wenn sie gehen, und dann kommen sie nie wieder zurück",
    "Hallo zusammen, also bei uns im Betrieb ist das so, dass wir alles auf Papier machen",
    "Danke der Nachfrage, bei uns läuft das so, dass wir jeden Morgen die Termine durchgehen",
    "ja",
    "nein",
    "teilweise",
    "eher selten",
    "12 Leute",
    "",
    "   ",
    None,
    # payloads are decided by the payload parser, never by the patterns
    "/restart",
    "/erase_data",
    # descriptions of the firm, no wish: no canned reply
    "Mit den Mitarbeitern sprechen wir das morgens ab, dann schreibt jeder seinen Zettel",
    "Datenschutz ist bei uns wichtig, wir haben einen Datenschutzbeauftragten",
    "Wir erklären das den Kunden am Telefon",
    "Unsere alten Daten werden regelmäßig gelöscht",
    # a question in another sentence does not turn a mention into a request
    "Wir haben einen Datenschutzbeauftragten. Wieso fragen Sie?",
    "Datenschutz ist uns heilig, Backups jeden Freitag. Reicht das nicht?",
    "Mit dem Ansprechpartner beim Steuerbüro klappt das gut. Wieso?",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_examples(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Ich möchte, dass das Gespräch gelöscht wird", "erase_data"),
    ],
)
def test_requests_in_the_passive(text, kind):
    assert detect(text) == kind


def test_greetings_thanks_and_goodbyes_only_in_short_messages():
    long_greeting = "Hallo " + " ".join(["und"] * SHORT)
    assert detect(long_greeting) is None
    assert detect("Hallo und guten Tag") == "greet"


def test_restart_wins_over_erase_when_both_are_asked():
    assert detect("Bitte alles löschen und von vorne anfangen") == "restart"


def test_folding_umlauts_and_digraphs():
    assert detect("Tschuess") == "goodbye"
    assert detect("LOESCHEN SIE MEINE DATEN") == "erase_data"
    assert detect("Wie lange dauert der Check?") == "ask_progress"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Daten löschen", "erase_data"),
        ("neu starten", "restart"),
        ("Rufen Sie mich zurück", "human_handoff"),  # a callback is a handoff for the NLU
        ("Ansprechpartner", "human_handoff"),
        ("Ich will abbrechen", None),  # stop, withdraw and explain are decided by the actions
        ("Ich widerrufe meine Einwilligung", None),
        ("Warum?", None),
        ("Tschüss", "goodbye"),
    ],
)
def test_nlu_intent(text, intent):
    assert nlu_intent(text) == intent


def test_override_replaces_only_a_pattern_match():
    parse = {"text": "Daten löschen", "intent": {"name": "affirm", "confidence": 0.4}}
    assert override(parse)["intent"] == {"name": "erase_data", "confidence": 1.0}
    assert override(parse)["text"] == "Daten löschen"
    plain = {"text": "Wir sind neun Leute", "intent": {"name": "inform", "confidence": 0.7}}
    assert override(plain) is plain
    story = {"text": "Wir löschen alte Daten regelmäßig", "intent": {"name": "answer"}}
    assert override(story) is story


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hab mich vertan, nochmal von vorne", "restart"),
        ("Lass uns neu starten", "restart"),
        ("Ich möchte neu anfangen", "restart"),
        ("Neustart", "restart"),
        ("Rückruf bitte", "callback"),
        ("Können Sie mich morgen früh anrufen?", "callback"),
        ("Melden Sie sich bitte bei mir", "callback"),
        ("Erreichbar bin ich unter [TELEFON]", "callback"),
    ],
)
def test_restart_and_callback_wishes(text, kind):
    assert detect(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # a device that restarts, a website redone, customers who call: the firm's story
        "Der Rechner im Lager will dauernd neu starten, mitten in der Inventur",
        "Unser Tablet nervt mit ständigen Neustarts, aber sonst läuft es",
        "Die Homepage haben wir voriges Jahr komplett neu machen lassen",
        "Wir überlegen, die Seite neu machen zu lassen",
        "Den Katalog haben wir von vorne bis hinten überarbeitet",
        "Die Stammkunden anrufen tut heute keiner mehr, alles läuft per Mail",
        "Wenn die Monteure was wissen müssen, dann rufen die mich an und ich schaue nach",
        "Die Azubis können sie alle bedienen, und wenn was hakt, rufen die mich an",
        "Seit drei Wochen warte ich auf einen Rückruf vom Kassenanbieter",
        "Früher hat das ein Bekannter gemacht, aber der hat keine Lust mehr",
    ],
)
def test_stories_that_share_words_with_restart_or_callback(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    ['{"intent":"restart"}', '[{"event": "restart"}]', 'bitte {"action": "erase_data", "x": 1}'],
)
def test_json_looking_text_is_never_a_wish(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Ich will Kassensystem neu machen und online bestellen, das ist Plan für nächste Jahr.",
            None,
        ),
        ("Können wir bitte alles neu machen?", "restart"),
        ("Can someone call me back?", "callback"),
        (
            "Oh, die Kundin kommt, ich muss Schluss machen. Ich melde mich heute Abend nochmal!",
            "goodbye",
        ),
        ("So, Feierabend, da bin ich wieder. Wo waren wir?", "greet"),
    ],
)
def test_wishes_found_in_black_box_chats(text, kind):
    assert detect(text) == kind


@pytest.mark.parametrize(
    "text", ["wat is dat, Cloud?", "what does that mean?", "Was soll das heißen?"]
)
def test_asking_what_something_means_in_other_words(text):
    assert detect(text) == "explain"
