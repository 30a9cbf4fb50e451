"""Tests for bot.nlu.answers (free text -> answer id of a scale): the basic table, button
payloads, the intent fallback and the scales contract."""

import pytest

from bot.nlu.answers import SCALES, parse_answer
from bot.nlu.text import LOOKUP_DIR
from tests.unit.answer_helpers import FREQ, LEVEL, YN, YPN

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
