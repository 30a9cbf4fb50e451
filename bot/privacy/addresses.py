"""Redaction passes for street addresses (a street word or a preposition before a house
number) and postal codes (with a known town or an address next to them); see
:mod:`bot.privacy.redact`."""

from __future__ import annotations

import re
from typing import Optional, Tuple

from bot.privacy.spans import ADDRESS, POSTCODE, Pass, Span
from bot.privacy.wordlists import NOT_NAMES, STREET_NOUNS, TOWNS, split_words

# --- street addresses and postal codes -----------------------------------------------------------

_CAP = r"[A-ZÄÖÜ][\wäöüß'-]{0,40}"
# Street words that stand alone after a name ("Kölner Straße", "Berliner Allee") ...
STREET_WORDS = frozenset(
    split_words(
        """straße strasse str weg allee platz gasse ring damm ufer chaussee pfad steig graben kamp
    promenade markt wall hof berg feld busch heide bach"""
    )
)
# ... and endings of one-word street names ("Hauptstraße", "Lindenweg", "Theodor-Heuss-Ring").
STREET_SUFFIXES = split_words(
    """straße strasse str weg allee platz gasse ring damm ufer chaussee pfad steig graben kamp
    promenade"""
)
_PREPOSITIONS = (
    r"[Aa]m|[Aa]n[ ]der|[Aa]n[ ]den|[Aa]n[ ]dem|[Aa]uf[ ]dem|[Aa]uf[ ]der|[Aa]uf[ ]den|[Ii]m|"
    r"[Ii]n[ ]der|[Ii]n[ ]den|[Zz]um|[Zz]ur|[Hh]inter[ ]der|[Hh]inter[ ]dem|[Uu]nter[ ]den|"
    r"[Vv]or[ ]dem|[Bb]ei[ ]der|[Bb]eim"
)
_NUMBER = r"\d{1,4}(?:[ ]?[a-zA-Z](?![\w]))?(?:[ ]?[-\u2013/][ ]?\d{1,4}[a-zA-Z]?)?"
_HOUSE_NUMBER = rf"[ ]{{0,2}}(?:Nr\.?[ ]?)?{_NUMBER}(?![\d,.]\d|[\d%€])"
ADDRESS_PREP = re.compile(
    rf"(?<![\w-])(?P<prep>(?:{_PREPOSITIONS})[ ](?:{_CAP}[ ]){{0,2}}{_CAP}){_HOUSE_NUMBER}"
)
ADDRESS_STREET = re.compile(rf"(?<![\w-])(?P<words>(?:{_CAP}[ ]){{0,3}}{_CAP}\.?){_HOUSE_NUMBER}")
_UNITS = re.compile(
    r"[ ]*(?:uhr|leute|personen|mitarbeiter\w*|beschäftigte\w*|angestellte\w*|kolleg\w*|"
    r"jahre?n?|monate?n?|wochen?|tage?n?|stunden?|minuten?|mal|euro|eur|€|%|prozent|stück|"
    r"km|qm|m²|kunden|filialen|standorte?n?|autos|fahrzeuge|pcs?|rechner|laptops|geräte|"
    r"lizenzen|nutzer|user|arbeitsplätze|von\s+\d|bis\s+\d|h\b)",
    re.IGNORECASE,
)
_NOT_STREETS = re.compile(
    r"(?:arbeits|park|stell|sitz|spiel|steck|start|markt|stand|sport)platz$"
    r"|(?:aus|um|rück|zahlungs|vertriebs|kommunikations|post|dienst|liefer|lösungs|lern|"
    r"bildungs|karriere|heim|arbeits|schul|fuß|rad|web)weg$"
    r"|[eiou]ring$|[äa]ufer$",
    re.IGNORECASE,
)
_NO_STREET_PREFIX = NOT_NAMES - TOWNS


def _street_compound(word: str) -> bool:
    lower = word.casefold().rstrip(".")
    return any(
        lower.endswith(s) and len(lower) > len(s) + 1 for s in STREET_SUFFIXES
    ) and not _NOT_STREETS.search(lower)


def _street(match: re.Match) -> Optional[Span]:
    """ "Hauptstraße 12", "Kölner Str. 5a", "Benrather Schloßallee 100": from the street word
    back over the words that name the street (not "Auf Platz 1", "Google Platz 1")."""
    if _UNITS.match(match.string, match.end()):
        return None
    words = match.group("words").split(" ")
    last = words[-1].casefold().rstrip(".")
    if last in STREET_WORDS:
        keep = 0
        for word in reversed(words[:-1]):
            if word.casefold() in _NO_STREET_PREFIX:
                break
            keep += 1
        if keep == 0:
            return None
    elif _street_compound(words[-1]):
        keep = 0
        for word in reversed(words[:-1]):  # adjectives: "Benrather", "Alte", "Obere"
            if word.casefold() in NOT_NAMES or not word.endswith(("er", "e", "en")):
                break
            keep += 1
    else:
        return None
    start = match.start() + sum(len(w) + 1 for w in words[: len(words) - 1 - keep])
    return start, match.end()


def _street_by_preposition(match: re.Match) -> Optional[Span]:
    """ "Am Markt 3", "An der Kirche 5" (not "Am Montag 8 Uhr", "Im Team 5 Leute")."""
    text = match.string
    if _UNITS.match(text, match.end()):
        return None
    noun = match.group("prep").split(" ")[-1]
    if noun.casefold() not in STREET_NOUNS and not _street_compound(noun):
        return None
    following = re.match(r"[ ]+([A-ZÄÖÜ][\wäöüß-]*)", text[match.end() : match.end() + 40])
    if following and following.group(1).casefold() not in TOWNS:
        return None  # "Im Hof 3 Autos": a count, not a house number
    return match.span()


POSTCODE_RE = re.compile(
    r"(?<![\w.,/:+-])(?:D-)?(?P<code>\d{5})(?![\d.,:/-]?\d)"
    r"(?=(?P<after>[ ]{1,3}(?P<town>[A-ZÄÖÜ][\wäöüß]{1,40}))?)"
)
_POSTCODE_CONTEXT = re.compile(
    r"(?:\b(?:plz|postleitzahl|plz\.)[ :]{0,3}|\[ADRESSE\][ ]?,?[ ]{0,3}|"
    r"(?:str\.|straße|strasse|weg|allee|platz|gasse|ring)[ ]\d{1,4}[a-z]?,?[ ]{1,3})$",
    re.IGNORECASE,
)


def _postcode(match: re.Match) -> Optional[Span]:
    code = int(match.group("code"))
    if not 1001 <= code <= 99998:
        return None
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _POSTCODE_CONTEXT.search(before):
        return match.span()
    town = match.group("town")
    if town and town.casefold() in TOWNS:
        return match.span()
    return None


PASSES: Tuple[Pass, ...] = (
    (ADDRESS, ADDRESS_PREP, _street_by_preposition),
    (ADDRESS, ADDRESS_STREET, _street),
    (POSTCODE, POSTCODE_RE, _postcode),
)
