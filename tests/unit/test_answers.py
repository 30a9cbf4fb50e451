"""Tests for bot.nlu.answers (free text -> answer id of a scale)."""

import pytest

from bot.nlu.answers import SCALES, parse_answer, rule_reading
from bot.nlu.text import LOOKUP_DIR

YN, YPN, FREQ, LEVEL = "yes_no", "yes_partly_no", "frequency", "level"

# text -> expected answer for (yes_no, yes_partly_no, frequency, level)
TABLE = {
    "jepp, nutzen wir": ("yes", "yes", None, None),
    "ja klar": ("yes", "yes", None, None),
    "Ja": ("yes", "yes", None, None),
    "jo": ("yes", "yes", None, None),
    "jau": ("yes", "yes", None, None),
    "auf jeden Fall": ("yes", "yes", None, None),
    "logisch": ("yes", "yes", None, None),
    "haben wir": ("yes", "yes", None, None),
    "machen wir": ("yes", "yes", None, None),
    "na klar": ("yes", "yes", None, None),
    "trifft zu": ("yes", "yes", None, None),
    "kein Problem, haben wir": ("yes", "yes", None, None),
    "nö": ("no", "no", "never", None),
    "nee": ("no", "no", "never", None),
    "nä": ("no", "no", "never", None),
    "nein": ("no", "no", "never", None),
    "leider nicht": ("no", "no", "never", None),
    "gar nicht": ("no", "no", "never", None),
    "noch nicht": ("no", "no", "never", None),
    "kein Thema bei uns": ("no", "no", "never", None),
    "haben wir nicht": ("no", "no", "never", None),
    "immer noch nicht": ("no", "no", "never", None),
    "Nicht dass ich wüsste": ("no", "no", "never", None),
    "teilweise": ("yes", "partly", "rarely", "basic"),
    "zum Teil": ("yes", "partly", "rarely", "basic"),
    "so halb": ("yes", "partly", "rarely", "basic"),
    "bedingt": ("yes", "partly", "rarely", "basic"),
    "ein bisschen": ("yes", "partly", "rarely", "basic"),
    "in Teilen": ("yes", "partly", "rarely", "basic"),
    "jein": ("yes", "partly", "rarely", "basic"),
    "nur bei manchen Geräten": ("yes", "partly", "rarely", "basic"),
    "ja, teilweise": ("yes", "partly", "rarely", "basic"),
    "teilwiese": ("yes", "partly", "rarely", "basic"),
    "also bei uns ist das eher so teilweise der Fall": ("yes", "partly", "rarely", "basic"),
    "manchmal": ("yes", "partly", "rarely", None),
    "ab und zu": ("yes", "partly", "rarely", None),
    "selten": ("yes", "partly", "rarely", None),
    "kaum": ("no", "partly", "rarely", "low"),
    "fast nie": ("no", "partly", "rarely", "low"),
    "regelmäßig": ("yes", "yes", "regularly", None),
    "regelmässig": ("yes", "yes", "regularly", None),
    "regelmaessig": ("yes", "yes", "regularly", None),
    "regelmäsig": ("yes", "yes", "regularly", None),
    "wöchentlich": ("yes", "yes", "regularly", None),
    "täglich": ("yes", "yes", "always", None),
    "monatlich": ("yes", "yes", "regularly", None),
    "einmal pro Woche": ("yes", "yes", "regularly", None),
    "oft": ("yes", "partly", "regularly", None),
    "häufig": ("yes", "partly", "regularly", None),
    "meistens": ("yes", "partly", "regularly", None),
    "nicht immer": ("yes", "partly", "regularly", None),
    "Ja, aber nicht immer": ("yes", "partly", "regularly", None),
    "immer": ("yes", "yes", "always", None),
    "jedes Mal": ("yes", "yes", "always", None),
    "automatisch": ("yes", "yes", "always", None),
    "durchgehend": ("yes", "yes", "always", None),
    "täglich automatisch": ("yes", "yes", "always", None),
    "nie": ("no", "no", "never", None),
    "niemals": ("no", "no", "never", None),
    "noch nie": ("no", "no", "never", None),
    "nicht wirklich": ("no", "no", "rarely", "low"),
    "eher nicht": ("no", "no", "rarely", "low"),
    "eher ja": ("yes", "partly", "regularly", None),
    "gering": (None, None, None, "low"),
    "kaum Kenntnisse": ("no", "no", None, "low"),
    "Anfänger": (None, None, None, "low"),
    "nicht gut": (None, None, None, "low"),
    "grundlegend": (None, "partly", None, "basic"),
    "Grundkenntnisse": (None, "partly", None, "basic"),
    "geht so": (None, "partly", None, "basic"),
    "mittel": (None, "partly", None, "basic"),
    "nicht so gut": (None, "partly", None, "basic"),
    "ganz gut": (None, None, None, "good"),
    "gut": (None, None, None, "good"),
    "nicht schlecht": (None, None, None, "good"),
    "sehr gut": (None, None, None, "expert"),
    "Profis": (None, None, None, "expert"),
    "Experten": (None, None, None, "expert"),
    "sehr gut, wir sind Profis": (None, None, None, "expert"),
    "weiß nicht": ("dont_know",) * 4,
    "weiss nicht": ("dont_know",) * 4,
    "keine Ahnung": ("dont_know",) * 4,
    "kann ich nicht sagen": ("dont_know",) * 4,
    "k.A.": ("dont_know",) * 4,
    "unsicher": ("dont_know",) * 4,
    "da bin ich überfragt": ("dont_know",) * 4,
    "dont_know": ("dont_know",) * 4,
    "Wie ist das Wetter?": (None,) * 4,
    "asdfgh": (None,) * 4,
    "Versteh ich nicht": (None,) * 4,
    "Warum fragen Sie das?": (None,) * 4,
    "keine Ahnung, was das bedeuten soll": (None,) * 4,
    "ich weiß nicht, was Sie meinen": (None,) * 4,
    "Was ist eine Cloud?": (None,) * 4,
    "": (None,) * 4,
    "😀": (None,) * 4,
    "Ja, wieso?": ("yes", "yes", None, None),
    "👍": ("yes", "yes", None, None),
}


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        (text, scale, expected[i])
        for text, expected in TABLE.items()
        for i, scale in enumerate((YN, YPN, FREQ, LEVEL))
    ],
)
def test_parse_answer(text, scale, expected):
    assert parse_answer(text, scale) == expected


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        ("partly", YPN, "partly"),
        ("partly", YN, None),
        ("yes", YN, "yes"),
        ("rarely", FREQ, "rarely"),
        ("expert", LEVEL, "expert"),
        ("dont_know", LEVEL, "dont_know"),
        ('/inform{"answer": "always"}', FREQ, "always"),
        ('/inform{"answer": "always"}', YN, None),
    ],
)
def test_button_payloads_map_to_themselves_when_valid(text, scale, expected):
    assert parse_answer(text, scale) == expected


@pytest.mark.parametrize(
    ("text", "scale", "intent", "expected"),
    [
        ("passt schon so", YN, "affirm", "yes"),
        ("super", YPN, "affirm", "yes"),
        ("lass mal", YN, "deny", "no"),
        ("lass mal", FREQ, "deny", "never"),
        ("hmm", YPN, "dont_know", "dont_know"),
        ("super", LEVEL, "affirm", None),
        ("lass mal", LEVEL, "deny", None),
        ("super", FREQ, "affirm", None),
        # text wins over the intent when the text is clear
        ("teilweise", YPN, "affirm", "partly"),
        ("nein", YN, "affirm", "no"),
        ("selten", FREQ, "deny", "rarely"),
        # questions and confusion never fall back to the intent
        ("Versteh ich nicht", YN, "deny", None),
        ("Warum fragen Sie das?", YN, "affirm", None),
    ],
)
def test_intent_is_only_a_fallback(text, scale, intent, expected):
    assert parse_answer(text, scale, intent) == expected


def test_scales_contract():
    assert SCALES == {
        "yes_no": ["yes", "no"],
        "yes_partly_no": ["yes", "partly", "no"],
        "frequency": ["never", "rarely", "regularly", "always"],
        "level": ["low", "basic", "good", "expert"],
    }


def test_scales_match_questionnaire():
    import yaml

    with open(LOOKUP_DIR.parent / "questionnaire.yml", encoding="utf-8") as handle:
        scales = yaml.safe_load(handle)["scales"]
    assert {k: [a["id"] for a in v] for k, v in scales.items()} == SCALES


def test_unknown_scale_raises():
    with pytest.raises(ValueError):
        parse_answer("ja", "stars")


# ---- failure kinds of issue 8: new examples, one table per kind ------------------------------
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


@pytest.mark.parametrize(
    ("text", "scale"),
    [("ja", YN), ("nein", YPN), ("weiß nicht", FREQ), ("jede Woche", FREQ), ("sehr gut", LEVEL)],
)
def test_single_clear_signals_are_confident(text, scale):
    reading = rule_reading(text, scale)
    assert reading.confidence >= 0.85 and not reading.conflict


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Wir haben zwar ein Programm, aber ob das jemand benutzt, weiß ich nicht.", YPN),
        ("Die meisten sind fit, ein paar tun sich aber schwer.", LEVEL),
        ("Mal so, mal so, das Büro ja, die Werkstatt eher nicht.", YN),
        ("Bei Google ja, bei den anderen Portalen keine Ahnung.", YN),
    ],
)
def test_mixed_signals_are_not_confident_and_name_a_runner_up(text, scale):
    reading = rule_reading(text, scale)
    assert reading.answer is not None
    assert reading.confidence < 0.85
    assert reading.second is not None and reading.second != reading.answer


def test_a_button_of_another_scale_is_not_read_as_text():
    assert rule_reading("always", YN).answer is None
    assert rule_reading('/answer{"choice": "never"}', YPN).answer is None
    assert rule_reading('/answer{"choice": "never"}', FREQ).answer == "never"


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Verantwortlich? Mein Schwiegersohn, der kümmert sich um alles.", YN),
        ("Homepage? Hat unser Azubi letzten Sommer gebaut.", YPN),
    ],
)
def test_a_topic_echoed_before_the_answer_is_no_question_back(text, scale):
    assert not rule_reading(text, scale).blocked


@pytest.mark.parametrize(
    ("text", "scale"),
    [("Cloud? Was genau meinen Sie damit?", YPN), ("Backup? Wie meinen Sie das?", FREQ)],
)
def test_an_echo_followed_by_a_real_question_is_still_blocked(text, scale):
    assert rule_reading(text, scale).blocked or parse_answer(text, scale) is None


def test_not_knowing_the_staff_well_is_no_confusion_about_the_question():
    reading = rule_reading(
        "Weiß nicht, ich kenne nicht so gut die Rechner von meinen Leuten.", LEVEL
    )
    assert not reading.blocked and reading.answer == "dont_know"
    assert rule_reading("Phishing? Kenne ich nicht.", YN).blocked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unser Team? Erste Sahne, ehrlich.", "expert"),
        ("alles technikfreaks hier", "expert"),
        ("IT ist bei uns das tägliche Brot", "expert"),
        ("null skills, keine skills, nix", "low"),
        ("bei uns checkt keiner was", "low"),
        ("Das Übliche eben, Mails und Kasse", "basic"),
        ("Wir sind keine Nerds, aber wir kommen gut klar", "good"),
    ],
)
def test_level_idioms(text, expected):
    assert rule_reading(text, LEVEL).answer == expected


@pytest.mark.parametrize(
    "text, scale, expected",
    [
        ("Keine echte Software, alles Flickwerk. Also teilweise?", "yes_partly_no", "partly"),
        ("Backups macht der Rechner wohl irgendwann, also eher selten?", "frequency", "rarely"),
        ("we all google a lot, so basic?", "level", "basic"),
    ],
)  # fmt: skip
def test_an_answer_offered_as_a_closing_question_is_read_weakly(text, scale, expected):
    reading = rule_reading(text, scale)
    assert reading.answer == expected and reading.how in ("weak", "contradiction")
    assert reading.confidence < 0.5  # never stored on the rules alone


@pytest.mark.parametrize(
    "text, scale",
    [("Wie oft denn?", "frequency"), ("Was heißt teilweise?", "yes_partly_no")],
)
def test_a_real_question_back_is_still_no_answer(text, scale):
    assert rule_reading(text, scale).answer is None


@pytest.mark.parametrize("text", ["ja und nein", "Ja und nee, kommt drauf an", "yes and no"])
def test_yes_and_no_is_partly(text):
    reading = rule_reading(text, "yes_partly_no")
    assert "partly" in (reading.answer, reading.second)


@pytest.mark.parametrize(
    "text",
    ["of course", "obviously 😅 we build websites", "definitely", "absolutely", "sure thing"],
)
def test_english_idioms_of_agreement_read_as_yes(text):
    reading = rule_reading(text, "yes_partly_no")
    assert reading.answer == "yes" and reading.confidence >= 0.85
