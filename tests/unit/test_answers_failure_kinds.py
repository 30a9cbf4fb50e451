"""Tests for bot.nlu.answers: the failure kinds of issue 8, one table of examples per kind."""

import pytest

from bot.nlu.answers import parse_answer, rule_reading
from tests.unit.answer_helpers import FREQ, LEVEL, YN, YPN

# Each row: (text, scale, expected answer). None = no answer (a question, meta talk).

CLAUSES = [  # the signal sits in a subordinate clause or a qualification
    ("im Prinzip ja, nur bei den Tablets noch nicht", YPN, "partly"),
    ("eigentlich schon, außer bei der Buchhaltung", YPN, "partly"),
    ("Für die Angebote haben wir ein Programm, für die Rechnungen nicht.", YPN, "partly"),
    ("Der Chef schon, die Azubis nicht.", YPN, "partly"),
    ("Die Jungen können das, die Alten nicht.", LEVEL, "basic"),
    ("E-Mails ja, die Kundendaten bleiben aber auf dem Server im Keller.", YPN, "partly"),
    (
        "Die Geräte im Büro werden zwar aktualisiert, die Laptops der Monteure jedoch nicht.",
        YPN,
        "partly",
    ),
    ("Ja, wobei die Umsetzung manchmal etwas hakt.", YPN, "yes"),
    ("Ja, auch wenn der Altgeselle jeden Tag darüber schimpft.", YPN, "yes"),
    ("Früher hatten wir das, aber seit dem Umzug ist das irgendwie eingeschlafen.", YPN, "no"),
    ("Wir haben ein Programm, aber die Hälfte läuft noch über Zettel.", YPN, "partly"),
    ("Die meisten schon, nur bei unserem Aushilfsfahrer bin ich mir unsicher.", YN, "yes"),
]

NEGATION_SCOPE = [  # a leading or distant negation wins over positive words later on
    ("nein, das Geld fließt bei uns immer zuerst in neue Werkzeuge", YPN, "no"),
    ("nee, bei uns wird jeder Euro sofort in den Fuhrpark gesteckt", YPN, "no"),
    ("Virenschutz haben wir ehrlich gesagt keinen.", YPN, "no"),
    ("Ein Passwortprogramm benutzt hier keiner.", YPN, "no"),
    ("Eine eigene Homepage haben wir nicht und hatten wir auch nie.", YPN, "no"),
    ("Nein, das machen wir grundsätzlich alles auf Papier.", FREQ, "never"),
]

CONTRAST_AND_VERDICT = [  # contrast markers and the owner's own conclusion
    ("Wir haben das mal versucht, es hat aber nicht geklappt, also nein.", YPN, "no"),
    ("Anfangs war es holprig, aber inzwischen können alle von zu Hause arbeiten.", YPN, "yes"),
    ("Mal klappt es, mal nicht, insgesamt würde ich sagen: teilweise.", YPN, "partly"),
    ("Das Büro ist fit, die Werkstatt weniger, unterm Strich mittelmäßig.", LEVEL, "basic"),
    ("Früher nie, inzwischen machen wir das jeden Freitag.", FREQ, "regularly"),
]

PLANS = [  # plans and intentions are no answer for today
    ("Wollen wir nächstes Jahr angehen.", YPN, "no"),
    ("Steht auf der Liste, aber bisher ist nichts passiert.", YPN, "no"),
    ("Noch nicht, wir wollen im Herbst komplett umstellen.", FREQ, "never"),
    ("Bislang nicht, die Einführung ist für das kommende Geschäftsjahr geplant.", YN, "no"),
    ("Wir suchen gerade jemanden, aber bis jetzt macht das keiner.", YN, "no"),
]

IDIOMS = [  # idioms and hedges
    ("nicht so doll", LEVEL, "low"),
    ("null Durchblick hier", LEVEL, "low"),
    ("mittelprächtig", LEVEL, "basic"),
    ("Das ist hier wie in der Steinzeit.", LEVEL, "low"),
    ("Ausbaufähig, würde ich sagen.", LEVEL, "basic"),
    ("so lala", LEVEL, "basic"),
    ("eher Kreisklasse", LEVEL, "basic"),
    ("Chaos pur, jeder macht, was er will", YPN, "no"),
    ("nicht so doll, ehrlich gesagt", YPN, "no"),
    ("Eher dürftig, ehrlich.", LEVEL, "low"),
    ("das is hier so oma-niveau", LEVEL, "low"),
    ("Unklar.", YN, "dont_know"),
    ("Fraglich!", YPN, "dont_know"),
]

LEVEL_NOUNS = [  # level answers as noun phrases
    ("Blutige Anfänger", LEVEL, "low"),
    ("Profiniveau", LEVEL, "expert"),
    ("solides Mittelfeld", LEVEL, "basic"),
    ("Grundkenntnisse, mehr nicht", LEVEL, "basic"),
    ("Note drei", LEVEL, "basic"),
    ("lauter Laien", LEVEL, "low"),
    ("gute Anwender, aber keine Experten", LEVEL, "good"),
]

DONT_KNOW_NEGATED = [  # don't-know phrased with a negation
    ("Kann ich Ihnen nicht sagen.", YPN, "dont_know"),
    ("Da hab ich keinen Überblick.", FREQ, "dont_know"),
    ("Das weiß ich wirklich nicht.", YN, "dont_know"),
    ("Keine Ahnung, ob das gemacht wird.", YPN, "dont_know"),
    ("Das kann ich schlecht beurteilen.", LEVEL, "dont_know"),
    ("Da müsste ich erst meinen Bruder fragen.", FREQ, "dont_know"),
    ("Das ist mir nicht bekannt.", YN, "dont_know"),
]

SECOND_LANGUAGE = [
    ("Nein, wir nicht haben so Programm.", YPN, "no"),
    ("Ja, alle Mitarbeiter haben gelernt das.", YN, "yes"),
    ("Ich nicht weiß, mein Sohn macht.", FREQ, "dont_know"),
    ("Jede Woche ich mache Kopie auf Festplatte.", FREQ, "regularly"),
    ("Für Kasse ja, für Büro nein.", YPN, "partly"),
]

DIALECT = [
    ("hamwa nich", YPN, "no"),
    ("is nich", YN, "no"),
    ("nä, dat brauch ich nich", YPN, "no"),
    ("jo, dat machen wa schon lang", YN, "yes"),
    ("wat weiß ich", FREQ, "dont_know"),
    ("dat meiste, jo", FREQ, "regularly"),
    ("ab un zu ma", FREQ, "rarely"),
    ("gibbet nich bei uns", YPN, "no"),
]

ENGLISH_EMOJI = [
    ("👍", YN, "yes"),
    ("✅", YPN, "yes"),
    ("🙅", YN, "no"),
    ("🤷", YPN, "dont_know"),
    ("yes 👍", YPN, "yes"),
    ("nope 🙈", YPN, "no"),
    ("kinda 😅", YPN, "partly"),
    ("daily", FREQ, "always"),
    ("weekly 📅", FREQ, "regularly"),
    ("never 🙈", FREQ, "never"),
    ("not really", YPN, "no"),
    ("no idea 🤷", FREQ, "dont_know"),
    ("pretty good", LEVEL, "good"),
]

SHARES_AND_SCHEDULES = [
    ("jeden Freitag", FREQ, "regularly"),
    ("99 %", FREQ, "always"),
    ("zu 100 Prozent digital", FREQ, "always"),
    ("die Hälfte", FREQ, "regularly"),
    ("einmal im Quartal", FREQ, "regularly"),
    ("einmal im Jahr", FREQ, "rarely"),
    ("jede Nacht automatisch", FREQ, "always"),
    ("etwa 20 % per Mail, der Rest per Post", FREQ, "rarely"),
    ("acht von zehn kommen übers Formular", FREQ, "regularly"),
    ("meistens Papier", FREQ, "rarely"),
    ("kein Papier mehr", FREQ, "always"),
    ("alles in Ordnern", FREQ, "never"),
    ("50/50", YPN, "partly"),
]

TYPOS = [
    ("teilwiese", YPN, "partly"),
    ("regelmaesig", FREQ, "regularly"),
    ("gelegendlich", FREQ, "rarely"),
    ("ueberwiegend", FREQ, "regularly"),
    ("weis nich", YPN, "dont_know"),
    ("naturlich", YN, "yes"),
    ("Grundkentnisse", LEVEL, "basic"),
]

QUESTIONS_BACK = [  # never an answer, whatever answer words they contain
    ("Zählt ein Kollege, der manchmal hilft, auch als Dienstleister?", YN, None),
    ("Was meinen Sie mit regelmäßig?", FREQ, None),
    ("Warum fragen Sie das überhaupt?", YPN, None),
    ("Bevor ich antworte: gilt auch ein USB-Stick als Sicherung?", FREQ, None),
    ("wat is denn ne cloud?", YPN, None),
    ("Einen Moment bitte, ich bin gleich zurück.", YPN, None),
    ("Können Sie die Frage noch einmal stellen?", LEVEL, None),
]

KINDS = {
    "clauses": CLAUSES,
    "negation": NEGATION_SCOPE,
    "contrast": CONTRAST_AND_VERDICT,
    "plans": PLANS,
    "idioms": IDIOMS,
    "level_nouns": LEVEL_NOUNS,
    "dont_know": DONT_KNOW_NEGATED,
    "second_language": SECOND_LANGUAGE,
    "dialect": DIALECT,
    "english_emoji": ENGLISH_EMOJI,
    "shares": SHARES_AND_SCHEDULES,
    "typos": TYPOS,
    "questions": QUESTIONS_BACK,
}


@pytest.mark.parametrize(
    ("kind", "text", "scale", "expected"),
    [(kind, *row) for kind, rows in KINDS.items() for row in rows],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None,
)
def test_failure_kinds(kind, text, scale, expected):
    assert parse_answer(text, scale) == expected


def test_questions_back_are_blocked_not_just_empty():
    for text, scale, _ in QUESTIONS_BACK:
        assert rule_reading(text, scale).blocked, text
