"""Counts that are not the firm's staff: another party's, an age, visitors and guests."""

from __future__ import annotations

import re

from bot.nlu.numbers.lexicon import _KIN, _fold_set
from bot.nlu.numbers.records import StaffReading
from bot.nlu.text import fold_all

_OTHER_PARTY = _fold_set(
    "kunde kunden kundin kundschaft nachbar nachbarn nachbarin konkurrent konkurrenten "
    "konkurrenz mitbewerber lieferant lieferanten auftraggeber bruder schwester schwager "
    "schwägerin freund freundin bekannter bekannte kumpel onkel tante cousin cousine "
    "customer customers neighbour neighbor competitor supplier friend brother sister"
)
_HAVING = _fold_set("hat hatte beschäftigt beschaeftigt has had employs")
_FIRST_PERSON = _fold_set("wir ich uns mir mich we i us me")


_AGE_VERB = re.compile(
    r"\b(ich bin|bin ich|ist|wird|werde|wurde|war|is|am|turned)"
    r"( (schon|bereits|jetzt|erst|auch|fast|knapp|mittlerweile|inzwischen|already))*\s*$"
)
_AGE_AFTER = re.compile(r"^\s*(jahre alt|jahre jung|years old|geworden)\b")


def _age(text: str, reading: StaffReading) -> bool:
    """A bare number that is someone's age ("Mein Vater ist 70 und hilft mit", "ich bin 52")."""
    if reading.source != "bare":
        return False
    low = text.lower()
    before, after = low[: reading.start], low[reading.end :]
    if _AGE_AFTER.match(after):
        return True
    sentence = re.split(r"[.!?;,]", before)[-1]
    verb = _AGE_VERB.search(before)
    if not verb or re.search(r"\b(wir|we)\b", sentence):
        return False
    if verb.group(1) in ("ich bin", "bin ich", "am", "turned"):
        return True
    words = fold_all(re.findall(r"\w+", sentence[: verb.start()]))[-3:]
    return any(w in _KIN for w in words)  # "Mein Vater ist 70", not "Es ist 12"


_PEOPLE_NOUNS = _fold_set("leute leuten personen menschen people persons")
_VISIT = re.compile(
    r"\b(am tag|pro tag|taglich|am abend|pro abend|pro woche|in der woche|im monat|pro monat"
    r"|im jahr|pro jahr|jeden tag|platz fur|plätze fur|kommen|kamen|kommt|besuchen|besucht"
    r"|bedienen|bewirten|bewirtet|erwarten|empfangen|gleichzeitig|per day|a day)\b"
)
_STAFF_CONTEXT = re.compile(
    r"\b(wir sind|sind wir|arbeiten|arbeitet|beschaftig\w*|angestellt\w*|team|mitarbeiter\w*"
    r"|personal|belegschaft|staff)\b"
)


def _visitors(text: str, reading: StaffReading) -> bool:
    """People counted who are not staff: guests, visitors, capacity ("200 Leute am Tag im
    Laden", "Platz für 40 Personen", "zum Fest kamen 80 Leute"): a visit or rate word within
    five words of the count, in its clause."""
    before = _CLAUSE_BREAK.split(text[: reading.start])[-1]
    after = _CLAUSE_BREAK.split(text[reading.start :])[0]
    left = fold_all(re.findall(r"\w+", before))[-5:]
    right = fold_all(re.findall(r"\w+", after))
    if not set(right[:3]) & _PEOPLE_NOUNS:
        return False
    near = " ".join(left + right[:6])
    clause = " ".join(fold_all(re.findall(r"\w+", before + after)))
    if _ADDING_UP.search(clause):
        return False  # "damit kämen wir auf vier Personen": the owner's sum, not visitors
    return bool(_VISIT.search(near)) and not _STAFF_CONTEXT.search(clause)


_ADDING_UP = re.compile(r"\b(kommen|kamen|kommt|komme|kame) (wir|man|ich) (\w+ )?auf\b")


_CLAUSE_BREAK = re.compile(r"[.!?;,\n]|[^\w\s'’\-–:/()\"„“+&]")


def _other_party(text: str, reading: StaffReading) -> bool:
    """The count is another party's staff ("Mein Kunde hat 50 Mitarbeiter", "Unser Nachbar,
    ein Friseur, hat 8 Leute"): its sentence names someone else who has them and neither
    "wir" nor "ich"."""
    start = max(text.rfind(c, 0, reading.start) for c in ".!?;\n") + 1
    ends = [i for i in (text.find(c, reading.end) for c in ".!?;\n") if i >= 0]
    words = set(fold_all(re.findall(r"\w+", text[start : min(ends, default=len(text))].lower())))
    return bool(words & _OTHER_PARTY and words & _HAVING and not words & _FIRST_PERSON)
