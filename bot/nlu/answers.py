"""Free-text answers -> answer ids of a questionnaire scale.

The text is folded (see :mod:`bot.nlu.text`) and scanned with an ordered list of
patterns; each match is *consumed* (blanked) so "nicht immer" is not also "immer", "sehr
gut" not also "gut" and "weiß nicht" not also a plain "nicht".  Each pattern yields a
concept; the concept is mapped per scale (``_MAP``).  Choice between several concepts:
don't-know first, then the specific ones in ``_RANK`` order, then a leading "ja"/"nein",
then any negation, then any affirmation.

Decisions: "eher ja" -> yes (yes_no) / partly (yes_partly_no) / regularly (frequency);
"eher nicht", "nicht wirklich" -> no / no / rarely / low; "teilweise" on a yes/no question
-> yes (something exists); "manchmal", "ab und zu" -> partly / rarely; "kaum" -> no /
partly / rarely / low; "meistens", "oft", "nicht immer" -> partly on yes_partly_no, but
"regelmäßig", "täglich" -> yes there; "nein"/"ja" alone on a level question -> None.
Questions ("Warum fragen Sie das?") and confusion ("Versteh ich nicht") give None, even
with an intent hint, unless the message starts with an answer ("Ja, wieso?").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.nlu.text import clean, fold, fuzzy_lookup, normalized

SCALES: dict[str, list[str]] = {
    "yes_no": ["yes", "no"],
    "yes_partly_no": ["yes", "partly", "no"],
    "frequency": ["never", "rarely", "regularly", "always"],
    "level": ["low", "basic", "good", "expert"],
}
DONT_KNOW = "dont_know"

_Y, _N, _P = "yes", "no", "partly"
_MAP: dict[str, dict[str, str]] = {
    "yes_no": dict(
        YES=_Y, NO=_N, NEVER=_N, RATHER_NOT=_N, RATHER_YES=_Y, PARTLY=_Y, SOMETIMES=_Y,
        RARELY=_Y, HARDLY=_N, MOSTLY=_Y, REGULAR=_Y, NOT_ALWAYS=_Y, ALWAYS=_Y,
    ),
    "yes_partly_no": dict(
        YES=_Y, NO=_N, NEVER=_N, RATHER_NOT=_N, RATHER_YES=_P, PARTLY=_P, SOMETIMES=_P,
        RARELY=_P, HARDLY=_P, MOSTLY=_P, REGULAR=_Y, NOT_ALWAYS=_P, ALWAYS=_Y, BASIC=_P,
    ),
    "frequency": dict(
        NO="never", NEVER="never", RATHER_NOT="rarely", RATHER_YES="regularly",
        PARTLY="rarely", SOMETIMES="rarely", RARELY="rarely", HARDLY="rarely",
        MOSTLY="regularly", REGULAR="regularly", NOT_ALWAYS="regularly", ALWAYS="always",
    ),
    "level": dict(
        LOW="low", HARDLY="low", RATHER_NOT="low", BASIC="basic", PARTLY="basic",
        GOOD="good", EXPERT="expert",
    ),
}  # fmt: skip
_RANK = (
    "NOT_ALWAYS", "RATHER_NOT", "RATHER_YES", "PARTLY", "SOMETIMES", "HARDLY", "RARELY",
    "NEVER", "ALWAYS", "MOSTLY", "REGULAR", "EXPERT", "GOOD", "BASIC", "LOW",
)  # fmt: skip

_NUM = r"(einmal|zweimal|dreimal|mehrmals|ein mal|\d+ ?x|\d+ mal)"
_UNIT = r"(tag|woche|monat|quartal|jahr|halbjahr)"
_PATTERNS: list[tuple[str, str]] = [
    ("CONFUSED", r"keine ahnung,? (was|wovon|wie)|(ich )?weiss nicht,? was (sie|du|ihr|das)"
     r"|versteh\w*|verstanden|was (meinen|meinst) (sie|du)|was (ist|sind|bedeutet|heisst)"
     r"|was soll das|wie bitte|erklar\w*|was heisst|wiederholen"),
    ("GOOD", r"nicht schlecht|gar nicht schlecht"),
    ("NO", r"immer noch nicht|noch immer nicht|immer noch kein\w*|noch immer kein\w*"),
    ("SOMETIMES", r"immer mal wieder|immer wieder mal|ab und zu mal"),
    ("MOSTLY", r"immer wieder"),
    ("PARTLY", r"ein wenig|ein bisschen|ein paar"),
    ("LOW", r"keine ahnung davon|null ahnung|keine kenntnisse|nicht gut|schlecht|schwach"
     r"|anfanger\w*|einsteiger|laien?|gering\w*|mangelhaft|kaum kenntnisse|wenig kenntnisse"),
    ("DK", r"weiss ich nicht|weis ich nicht|weiss nicht|weis nicht|weiss es nicht|keine ahnung"
     r"|kein plan|keinen plan|kann ich nicht sagen|kann ich (ihnen )?nicht beantworten"
     r"|(bin )?(mir )?(da )?nicht sicher|unsicher|unklar|k a|ka|keine angabe|uberfragt"
     r"|musste ich nachfragen|muss ich nachfragen|keine idee|dont know|idk|schwer zu sagen"
     r"|kann ich nicht beurteilen|nicht bekannt|unbekannt|dont_know|weiss nich|gute frage"
     r"|vielleicht|eventuell|moglicherweise"),
    ("YES", r"kein problem|keine sorge|unbedingt|auf jeden fall|na klar|ja klar|aber sicher"),
    ("NOT_ALWAYS", r"nicht immer|nicht jedes mal|nicht durchgehend|nicht standig"),
    ("HARDLY", r"fast nie|so gut wie nie"),
    ("RARELY", r"kaum mal|nicht oft|nicht so oft|nicht haufig"
     r"|nicht regelmassig|unregelmassig|selten\w*|gelegentlich|hin und wieder|ab und an"
     r"|ab und zu|sporadisch|vereinzelt|ausnahmsweise"),
    ("BASIC", r"nicht so gut|nicht besonders( gut)?|nicht sonderlich( gut)?|geht so|mittel\w*"
     r"|durchschnittlich|einigermassen|ausreichend|so lala|solala|grundlegend\w*"
     r"|grundkenntnis\w*|grundlagen|basis\w*|basic|ausbaufahig|okay"),
    ("EXPERT", r"sehr gut|super gut|richtig gut|echt gut|sehr fit|profi\w*|expert\w*|exzellent"
     r"|hervorragend|ausgezeichnet|bestens|perfekt|spitze|top"),
    ("GOOD", r"ganz gut|recht gut|ziemlich gut|gut|solide|fortgeschritten\w*"
     r"|kompetent|versiert|fit|prima"),
    ("RATHER_NOT", r"eher nicht|eher nein|eher weniger|eher kaum|ich glaube nicht"
     r"|ich denke nicht|wohl nicht|nicht wirklich|nicht so richtig|lieber nicht"),
    ("RATHER_YES", r"eher ja|eher schon|schon eher|ich denke (schon|ja)|ich glaube (schon|ja)"
     r"|wohl ja|im grossen und ganzen"),
    ("MOSTLY", r"meistens|meist|oft|ofter|haufig\w*|fast immer|uberwiegend|grosstenteils"
     r"|zum grossten teil|in der regel|normalerweise|weitgehend"),
    ("ALWAYS", r"immer|jedes ?mal|automatisch\w*|durchgehend|standig|stets|grundsatzlich"
     r"|permanent|kontinuierlich|dauerhaft|rund um die uhr|24 7|ausnahmslos|komplett"
     r"|vollstandig|vollumfanglich|100 prozent|zu 100"),
    ("REGULAR", rf"regelmassig\w*|taglich|wochentlich|monatlich|jahrlich|quartalsweise"
     rf"|jeden (tag|morgen|abend|monat|montag|freitag|werktag)|jede woche|jedes jahr"
     rf"|{_NUM} (pro|die|im|in der|am|jede|jeden|jedes) {_UNIT}|pro {_UNIT}|routinemassig"
     rf"|turnusmassig|alle \w+ (tage|wochen|monate)|nach plan"),
    ("SOMETIMES", r"manchmal|mal so mal so|zeitweise|phasenweise"),
    ("PARTLY", r"teilweise|teilwei\w*|teils|zum teil|in teilen|so halb|halb halb|halbwegs"
     r"|bedingt|bisschen|bissl|jein|ansatzweise|mehr oder weniger"
     r"|naja|na ja|nur (bei |fur |in |auf )?(manchen|einigen|wenigen|ein paar|teilen)"
     r"|manche|einige|punktuell|stellenweise"),
    ("HARDLY", r"kaum|wenig|nicht viel|nicht so viel"),
    ("NEVER", r"noch nie|nie|niemals|nie und nimmer"),
    ("LEAD_YES", r"^(ja+|jap|jep+|jup|jop|jo+|joa|jau|jawohl|yes|yep|yup)\b"),
    ("LEAD_NO", r"^(nein|ne+|nee+|no+|noe|nope)( |$)"),
    ("NO", r"nein|nee+|no+|nope|nix|nichts|nicht|kein\w*|leider|fehlanzeige|negativ"
     r"|keineswegs|mitnichten|fehlt|nirgends"),
    ("YES", r"ja+|jap|jep+|jup|jop|jo+|joa|jau|jawohl|yes|yep|yup|klar|klaro|logo|logisch"
     r"|naturlich|selbstverstandlich|sicher|sicherlich|genau|richtig|stimmt|korrekt"
     r"|definitiv|absolut|sowieso|durchaus|freilich|gewiss|passt|trifft zu|zutreffend"
     r"|haben wir|hamma|machen wir|nutzen wir|tun wir|gibt es|gibts|vorhanden|im einsatz"
     r"|ist bei uns so|so ist es|ist so|check|positiv|okay"
     r"|wir (nutzen|haben|machen|setzen|verwenden|benutzen|arbeiten mit|tun)"
     r"|(setzen|verwenden|benutzen|arbeiten) wir|lauft bei uns|im griff"),
]  # fmt: skip
_COMPILED = [(c, re.compile(rf"\b(?:{p})\b")) for c, p in _PATTERNS]
_FUZZY = {
    "teilweise": "PARTLY", "regelmassig": "REGULAR", "manchmal": "SOMETIMES",
    "gelegentlich": "RARELY", "haufig": "MOSTLY", "meistens": "MOSTLY", "niemals": "NEVER",
    "grundkenntnisse": "BASIC", "grundlegend": "BASIC", "durchgehend": "ALWAYS",
    "automatisch": "ALWAYS", "experten": "EXPERT", "anfanger": "LOW", "taglich": "REGULAR",
    "wochentlich": "REGULAR", "monatlich": "REGULAR", "naturlich": "YES",
    "selbstverstandlich": "YES",
}  # fmt: skip
_FUZZY_BY_LETTER: dict[str, dict[str, str]] = {}
for _word, _concept in _FUZZY.items():
    _FUZZY_BY_LETTER.setdefault(_word[0], {})[_word] = _concept
_QUESTION_WORDS = frozenset(
    ("warum", "wieso", "weshalb", "wozu", "was", "wie", "wer", "wo", "welche", "welcher", "wann")
)
_RAW_YES, _RAW_NO = re.compile(r"👍|✅|\bjö\b"), re.compile(r"👎|❌|\bnä+h?\b")


@lru_cache(maxsize=4096)
def _concepts(norm: str) -> tuple[tuple[str, int], ...]:
    """``(concept, position)`` hits in consumption order."""
    hits: list[tuple[str, int]] = []
    work = norm
    for concept, regex in _COMPILED:
        for match in regex.finditer(work):
            hits.append((concept, match.start()))
        work = regex.sub(lambda m: "_" * len(m.group(0)), work)
    if not hits:
        for word in norm.split():
            choices = _FUZZY_BY_LETTER.get(word[0]) if len(word) >= 6 else None
            concept = fuzzy_lookup(word, choices, long_edits=2) if choices else None
            if concept:
                hits.append((concept, norm.find(word)))
    return tuple(hits)


def _payload(text: str, valid: list[str]) -> str | None:
    stripped = text.strip().strip("/")
    if stripped in valid:
        return stripped
    if text.startswith("/") and "{" in text:
        try:
            values = json.loads(text[text.index("{") :]).values()
        except (ValueError, AttributeError):
            return None
        return next((v for v in values if isinstance(v, str) and v in valid), None)
    return None


@dataclass(frozen=True)
class RuleReading:
    """What the patterns found: the decided answer, a competing one, and why not."""

    answer: str | None
    second: str | None = None
    conflict: bool = False
    blocked: bool = False
    no_signal: bool = True


def _hits(text: str, scale: str) -> tuple[list[tuple[str, int]], bool, str | None]:
    """Concept hits, whether the message is a question/confusion, and a direct payload."""
    valid = SCALES[scale] + [DONT_KNOW]
    text = clean(text)
    direct = _payload(text, valid)
    if direct:
        return [], False, direct
    norm = normalized(text)
    hits = list(_concepts(norm))
    raw = text.lower()
    if _RAW_YES.search(raw):
        hits.append(("YES", len(norm)))
    if _RAW_NO.search(raw):
        hits.append(("LEAD_NO" if re.match(r"\s*nä", raw) else "NO", 0))
    words = norm.split()
    question = "?" in text or (bool(words) and words[0] in _QUESTION_WORDS)
    blocked = any(c == "CONFUSED" for c, _ in hits)
    if question and not any(pos == 0 for _, pos in hits):
        blocked = True
    return hits, blocked, None


def rule_reading(text: str, scale: str) -> RuleReading:
    """The patterns' reading of ``text`` for ``scale``, with any conflicting signal."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    hits, blocked, direct = _hits(text, scale)
    if direct:
        return RuleReading(direct, no_signal=False)
    if blocked:
        return RuleReading(None, blocked=True, no_signal=not hits)
    concepts = [c for c, _ in hits]
    answer = _decide(scale, concepts)
    mapping = _MAP[scale]
    readings = []
    for concept in concepts:
        value = DONT_KNOW if concept == "DK" else mapping.get(concept.replace("LEAD_", ""))
        if value and value not in readings:
            readings.append(value)
    others = [r for r in readings if r != answer]
    return RuleReading(
        answer,
        second=others[0] if others else None,
        conflict=bool(answer and others),
        no_signal=not hits,
    )


def parse_answer(text: str, scale: str, intent: str | None = None) -> str | None:
    """Map an answer text to an answer id of ``scale`` (or ``dont_know``), else None.

    ``intent`` (the Rasa intent) is only a fallback when the text has no answer signal.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    valid = SCALES[scale] + [DONT_KNOW]
    text = clean(text)
    direct = _payload(text, valid)
    if direct:
        return direct
    norm = normalized(text)
    hits = list(_concepts(norm))
    raw = text.lower()
    if _RAW_YES.search(raw):
        hits.append(("YES", len(norm)))
    if _RAW_NO.search(raw):
        hits.append(("LEAD_NO" if re.match(r"\s*nä", raw) else "NO", 0))
    words = norm.split()
    question = "?" in text or (bool(words) and words[0] in _QUESTION_WORDS)
    blocked = any(c == "CONFUSED" for c, _ in hits)
    if question and not any(pos == 0 for _, pos in hits):
        blocked = True
    if blocked:
        return None
    answer = _decide(scale, [c for c, _ in hits])
    if answer or hits:
        return answer
    intent = fold(intent or "")
    if intent in ("dont_know", "unsure"):
        return DONT_KNOW
    if scale != "level" and intent in ("affirm", "deny"):
        key = "YES" if intent == "affirm" else "NO"
        return _MAP[scale].get(key)
    return None


def _decide(scale: str, concepts: list[str]) -> str | None:
    if "DK" in concepts:
        return DONT_KNOW
    mapping = _MAP[scale]
    for concept in _RANK:
        if concept in concepts and concept in mapping:
            return mapping[concept]
    for concept in ("LEAD_NO", "LEAD_YES", "NO", "YES"):
        if concept in concepts:
            return mapping.get(concept.replace("LEAD_", ""))
    return None
