"""Redaction of personal data in owners' chat messages, before anything processes or stores them.

``redact(text)`` replaces personal data with typed placeholders, so the conversation still
makes sense to the NLU, the parsers and a human reading a transcript::

    >>> redact("Ich bin Thomas Becker, Hauptstraße 12, 40721 Hilden, Tel. 0211 1234567").text
    'Ich bin [NAME], [ADRESSE], [PLZ] Hilden, Tel. [TELEFON]'

Kinds (in this order in ``Redaction.kinds``): ``E-MAIL``, ``TELEFON``, ``IBAN``, ``ADRESSE``,
``PLZ``, ``URL``, ``NAME``. The town after a postal code is kept: the bot asks for it.
``redact`` is idempotent (placeholders are never matched again), so the tracker store can run
it a second time as a safety net.

Why patterns and not Microsoft Presidio
---------------------------------------
Presidio is the reference for this job, and ``presidio-analyzer`` does install next to Rasa 3.6
here. But its recognisers for names and places are spaCy NER models, and no German spaCy
pipeline with NER is obtainable on this platform (``de_core_news_*`` cannot be installed). What
Presidio would add without NER are pattern recognisers (e-mail, phone via ``phonenumbers``,
IBAN, URL) that we can write, and test against what owners really type, just as well - while
the hard part, names introduced in German ("ich bin der Jürgen", "Schneider hier", "LG Sandra"),
needs German-specific context rules that Presidio does not have either. Presidio would also add
spaCy model loading at start-up and a second copy of the text pipeline. So this module is plain
standard-library Python: bounded regular expressions plus small validators (IBAN checksum,
phone digit counts, word lists in :mod:`bot.privacy.wordlists`).

Precision first: a false positive would destroy the answer the bot needs ("12 Leute", "seit
2019", "Microsoft 365", "Langenfeld-Richrath", "ich bin Malermeister"), so every pattern is
anchored on strong evidence: an introduction or salutation before a name, a street word before
a house number, a known town (or an address) after a postal code, a valid IBAN checksum, a
leading ``0``/``+``/``00`` and a plausible digit count for phone numbers. Names that nobody
introduces as names are not found; that is the accepted limit of a pattern approach.

Performance: every regular expression is linear (bounded repetitions, no nested ambiguous
quantifiers); a 10 000-character message is redacted in a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, List, Optional, Tuple

from bot.privacy.wordlists import (
    AMBIGUOUS,
    FIRST_NAMES,
    NOT_NAMES,
    ROLE_SUFFIXES,
    ROLES,
    STREET_NOUNS,
    TOWNS,
    split_words,
)

EMAIL, PHONE, IBAN, ADDRESS, POSTCODE, URL, NAME = (
    "E-MAIL",
    "TELEFON",
    "IBAN",
    "ADRESSE",
    "PLZ",
    "URL",
    "NAME",
)
KINDS: Tuple[str, ...] = (EMAIL, PHONE, IBAN, ADDRESS, POSTCODE, URL, NAME)


@dataclass(frozen=True)
class Redaction:
    """The redacted text and the kinds of personal data that were replaced (canonical order)."""

    text: str
    kinds: Tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def placeholder(kind: str) -> str:
    return f"[{kind}]"


Span = Tuple[int, int]
Validator = Callable[[re.Match], Optional[Span]]


def _scan(pattern: re.Pattern, text: str, validate: Validator) -> Iterator[Span]:
    """Spans of accepted matches; after a rejected match the search goes on one character later
    (not after the match), so a rejected candidate never hides a valid one inside it."""
    pos = 0
    while pos <= len(text):
        match = pattern.search(text, pos)
        if match is None:
            return
        span = validate(match)
        if span is None:
            pos = match.start() + 1
            continue
        yield span
        pos = max(span[1], match.start() + 1)


def _replace(text: str, spans: List[Span], kind: str) -> str:
    if not spans:
        return text
    parts: List[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:  # overlapping: keep the first
            continue
        parts += [text[last:start], placeholder(kind)]
        last = end
    parts.append(text[last:])
    return "".join(parts)


# --- URLs and e-mail addresses -------------------------------------------------------------------

_TLDS = (
    "de|com|org|net|eu|info|biz|io|shop|online|nrw|ruhr|koeln|cologne|berlin|hamburg|bayern|"
    "at|ch|nl|be|fr|it|es|pl|tr|uk|co|me|app|dev|tech|website|site|store|digital|gmbh|email|"
    "cloud|blog|media"
)
_TRAILING = ".,;:!?)]}'\"»“”’"

URL_SCHEME = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'\[\]]{1,2048}", re.IGNORECASE)
URL_WWW = re.compile(r"(?<![\w.@/-])www\.[^\s<>\"'\[\]]{1,2048}", re.IGNORECASE)
EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}"
    r"(?:@|[ ]?[(\[]at[)\]][ ]?)"
    r"[\w-]{1,63}(?:(?:\.|[ ]?[(\[](?:dot|punkt)[)\]][ ]?)[\w-]{1,63}){0,8}"
    r"(?:\.|[ ]?[(\[](?:dot|punkt)[)\]][ ]?)[a-z]{2,24}\b",
    re.IGNORECASE,
)
DOMAIN = re.compile(
    r"(?<![\w.@/-])(?:[a-z0-9äöü](?:[a-z0-9äöü-]{0,61}[a-z0-9äöü])?\.){1,6}"
    rf"(?:{_TLDS})(?![\w-])(?:/[^\s<>\"'\[\]]{{0,2048}})?",
    re.IGNORECASE,
)


def _strip_trailing(match: re.Match) -> Optional[Span]:
    start, end = match.span()
    while end > start and match.string[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end - start >= 4 else None


def _domain(match: re.Match) -> Optional[Span]:
    host = match.group(0).split("/", 1)[0]
    labels = host.split(".")
    if len(labels[-2]) < 2 or host.isupper():  # "z.de", "DIGITAL.SICHER.NRW" (a programme)
        return None
    return _strip_trailing(match)


# --- IBAN ----------------------------------------------------------------------------------------

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MA": 28,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[ ]?\d{2}(?:[ ]?[A-Za-z0-9]){10,32}")


def iban_valid(iban: str) -> bool:
    """ISO 13616 check: known country, its length and the mod-97 checksum."""
    iban = iban.replace(" ", "").upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _iban(match: re.Match) -> Optional[Span]:
    raw = match.group(0)
    country = raw[:2].upper()
    length = IBAN_LENGTHS.get(country)
    if length is None:
        return None
    count, end = 0, 0
    for index, char in enumerate(raw):  # the first `length` alphanumerics of the candidate
        if char != " ":
            count += 1
            if count == length:
                end = index + 1
                break
    if count < length:
        return None
    candidate = raw[:end].replace(" ", "").upper()
    rest = match.string[match.start() + end : match.start() + end + 1]
    if rest.isalnum():  # glued to more characters: not this IBAN
        return None
    if iban_valid(candidate):
        return match.start(), match.start() + end
    # A German IBAN with a typo is still somebody's bank account.
    if country == "DE" and candidate[2:].isdigit():
        return match.start(), match.start() + end
    return None


# --- phone numbers -------------------------------------------------------------------------------

_SEP = " \u00a0/\\-\u2013.()"
PHONE_RE = re.compile(
    r"(?<![\w+/.,:])(?:\+[ ]?[1-9]|00[1-9]|\(0\d{2,5}\)|0\d{2,5})"
    r"[\d \u00a0()/\-\u2013]{2,28}\d(?![\d])",
)
PHONE_KEYWORD = re.compile(
    r"(?:\b(?:tel(?:efon)?(?:nummer)?|telefonisch|fon|festnetz|handy(?:nummer)?|"
    r"mobil(?:nummer|funk)?|rufnummer|fax|whatsapp|durchwahl)\b\.?"
    r"|\b(?:erreichbar|anrufen|rückruf|zurückrufen|melden)\s+unter"
    r"|\bunter\s+der\s+nummer|\bnummer\s*:)"
    r"[ :]{0,3}(?:(?:ist|lautet|wäre)[ :]{1,3})?"
    r"(\d[\d \u00a0/\-\u2013]{1,20}\d)(?![\d])",
    re.IGNORECASE,
)
_GROUPS = re.compile(r"[ \u00a0()/\-\u2013]+")


def phone_plausible(candidate: str) -> bool:
    """A German or international phone number by form and digit count (not dates, prices)."""
    text = candidate.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return 8 <= len(digits) <= 16 and digits[0] != "0"
    if text.startswith("00"):
        return 10 <= len(digits) <= 17 and digits[2] != "0"
    groups = [g for g in _GROUPS.split(text) if g]
    if not groups or not groups[0].startswith("0") or groups[0].startswith("00"):
        return False
    if not 7 <= len(digits) <= 13:
        return False
    if len(groups) == 1:
        return 9 <= len(digits) <= 12
    return 3 <= len(groups[0]) <= 6


def _phone(match: re.Match) -> Optional[Span]:
    return match.span() if phone_plausible(match.group(0)) else None


def _phone_keyword(match: re.Match) -> Optional[Span]:
    digits = re.sub(r"\D", "", match.group(1))
    keyword = match.group(0)[: match.start(1) - match.start()].lower()
    minimum = 2 if "durchwahl" in keyword else 5
    if not minimum <= len(digits) <= 15:
        return None
    return match.span(1)


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


# --- names ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?=[ ])|[^\W\d_][\w'’]{0,40}(?:-[^\W\d_][\w'’]{0,40}){0,3}")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "nis", "tum", "ment")
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "ter", "el", "al", "da", "di"})
_TITLES = re.compile(r"(?:(?:Dr|Prof|Dipl|Ing|med|rer|nat|jur|Mag)\.[ -]?){1,4}[ ]?")

_STRONG = re.compile(
    r"\bmein(?:[ ]+(?:vollständiger|voller|richtiger))?[ ]+name[ ]+(?:ist|lautet|wäre|:)[ ]*"
    r"|\bname[ ]?:[ ]*"
    r"|\bich[ ]+hei(?:ß|ss)e[ ]+"
    r"|\bhier[ ]+(?:spricht|schreibt)[ ]+"
    r"|\b(?:nennen[ ]+sie[ ]+mich|nenn[ ]+mich|man[ ]+nennt[ ]+mich)[ ]+"
    r"|\bansprechpartner(?:in)?(?:[ ]+ist|[ ]?:)[ ]+"
    r"|\bmit[ ]+wem[ ]+spreche[ ]+ich\?[ ]*",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"\b(?:Herrn?|Frau|Fr\.|Hr\.)[ ]+")
_WEAK = re.compile(
    r"\bich[ ]+bin(?:'s|’s|[ ]+es)?[ ]*,?[ ]+|\bhier[ ]+ist[ ]+",
    re.IGNORECASE,
)
_GREETING_WORDS = (
    r"(?:mit[ ]+)?(?:freundlichen|besten|herzlichen|lieben|vielen|schönen|sonnigen|kollegialen)"
    r"[ ]+gr(?:ü|ue)(?:ß|ss)en"
    r"|(?:viele|liebe|beste|herzliche|freundliche|schöne|sonnige)[ ]+gr(?:ü|ue)(?:ß|ss)e"
    r"|(?:(?:lieben|besten|freundlichen|herzlichen|schönen|vielen)[ ]+)?gru(?:ß|ss)"
    r"|gr(?:ü|ue)(?:ß|ss)e|lg|vg|mfg|bg|sg"
)
_SIGNATURE = re.compile(
    rf"(?:^|(?<=[\n.!?,;)]))[ \t]*(?P<greet>{_GREETING_WORDS}"
    r"|(?P<soft>danke(?:[ ]+(?:und|&)[ ]+gru(?:ß|ss))?|ciao|tschüss|tschüs|bis[ ]+bald|cheers|"
    r"beste|best|dank[ ]+und[ ]+gru(?:ß|ss)))"
    r"(?:[ \t]+(?:aus|vom|von|nach|in)[ ]+[^\W\d_][\w-]{1,40}(?:[ ][^\W\d_][\w-]{1,40}){0,2}"
    r"[ \t]*(?=,))?"
    r"[ \t]*[,!.:]?[ \t\n]{0,4}(?:(?:euer|eure|ihr|ihre|dein|deine)[ ]+)?",
    re.IGNORECASE,
)
_HERE = re.compile(
    r"(?:^|(?<=[\n.!?]))[ \t]*(?:(?:hallo|hi|moin|servus|guten[ ]+(?:tag|morgen|abend))"
    r"[ \t]*[,!]?[ \t]*)?"
    r"(?P<who>(?:[^\W\d_][\w'’-]{0,40}[ ]){0,2}[^\W\d_][\w'’-]{0,40})[ ]+hier\b"
    r"(?=[ \t]*(?:$|[,.!:;\n\u2013-]|[ ](?:von|vom|aus|bei|mit)\b))",
    re.IGNORECASE,
)


def known_first_name(token: str) -> bool:
    lower = token.casefold()
    if lower not in FIRST_NAMES:
        return False
    return token[:1].isupper() or lower not in AMBIGUOUS


def _capitalised(token: str) -> bool:
    if not token[:1].isupper():
        return False
    return not (len(token) > 1 and token.isupper() and token.casefold() not in FIRST_NAMES)


_NOT_NAME_ENDINGS = re.compile(
    r".{3}(?:" + "|".join(sorted(map(re.escape, ROLE_SUFFIXES + _NOUN_SUFFIXES))) + r")$"
)


_ROLE_ENDINGS = re.compile(r".{3}(?:" + "|".join(sorted(map(re.escape, ROLE_SUFFIXES))) + r")$")
_APPOSITION = re.compile(r",[ ]+(?:der[ ]+|die[ ]+)?([^\W\d_][\w-]{1,40})")


def is_role(word: str) -> bool:
    """A profession or role ("Inhaber", "Malermeister", "Elektrikerin")."""
    lower = word.casefold()
    return lower in ROLES or _ROLE_ENDINGS.search(lower) is not None


@lru_cache(maxsize=4096)
def not_a_name(token: str) -> bool:
    """Words that are no names after an introduction: roles, domain words, towns, adjectives."""
    lower = token.casefold()
    if lower in FIRST_NAMES:
        return False
    if lower in NOT_NAMES or any(part in NOT_NAMES for part in lower.split("-")):
        return True
    return _NOT_NAME_ENDINGS.search(lower) is not None


def _name_like(token: str) -> bool:
    """A capitalised word that may be a (sur)name."""
    return token.endswith(".") or (_capitalised(token) and not not_a_name(token))


def _tokens(text: str, pos: int, limit: int = 4) -> List[re.Match]:
    """Up to ``limit`` word tokens from ``pos`` on, separated by single spaces."""
    found: List[re.Match] = []
    while len(found) < limit:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        found.append(match)
        if not text.startswith(" ", match.end()) or text.startswith("  ", match.end()):
            break
        pos = match.end() + 1
    return found


def _at_end(text: str, pos: int, comma: bool = False) -> bool:
    """Only punctuation, then the end of the text or of the line, follow ``pos``."""
    rest = re.match(r"[ \t]*[.!]*[ \t]*(?:\n|$)", text[pos : pos + 200])
    if rest:
        return True
    return comma and text.startswith(",", pos)


def _extend(text: str, tokens: List[re.Match], first: re.Match, lowercase: bool) -> int:
    """End of the name that starts with ``first``: surnames, particles, "Becker, Thomas"."""
    end = first.end()
    index = tokens.index(first) + 1
    while index < len(tokens):
        token = tokens[index].group(0)
        if index == 1 and token.casefold() in _PARTICLES:  # "Jürgen von der Heide"
            following = index + 1
            if following < len(tokens) and tokens[following].group(0).casefold() in _PARTICLES:
                following += 1
            if following < len(tokens) and _name_like(tokens[following].group(0)):
                end, index = tokens[following].end(), following + 1
                continue
            break
        if _capitalised(token) and not not_a_name(token) and token.casefold() not in TOWNS:
            end, index = tokens[index].end(), index + 1
            continue
        if (
            lowercase
            and token.islower()
            and len(token) >= 3
            and not not_a_name(token)
            and _at_end(text, tokens[index].end())
        ):
            end = tokens[index].end()
        break
    reversed_form = re.match(r",[ ]?([^\W\d_][\w'’-]{1,40})", text[end : end + 45])
    if (
        reversed_form
        and known_first_name(reversed_form.group(1))
        and _at_end(text, end + reversed_form.end(), comma=True)
    ):
        end += reversed_form.end()
    return end


def _skip_article(text: str, pos: int) -> int:
    article = re.match(r"(?:der|die)[ ]+", text[pos : pos + 5], re.IGNORECASE)
    return pos + article.end() if article else pos


def _strong_name(text: str, pos: int) -> Optional[Span]:
    """After "mein Name ist", "ich heiße", "Frau", "hier spricht": the name itself."""
    pos = _skip_article(text, pos)
    head = _TOKEN.match(text, pos)
    if head is None or (head.group(0).casefold() in NOT_NAMES and not head.group(0).islower()):
        return None
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0]
    token = first.group(0)
    if known_first_name(token) or _name_like(token):
        return first.start(), _extend(text, tokens, first, lowercase=token.islower())
    if (
        token.islower()
        and len(token) >= 2
        and not not_a_name(token)
        and _at_end(text, first.end(), comma=True)
    ):
        return first.span()  # "ich heiße zlatko"
    return None


def _weak_name(text: str, pos: int) -> Optional[Span]:
    """After "ich bin"/"hier ist": a known first name, or two capitalised name-like words."""
    pos = _skip_article(text, pos)
    head = _TOKEN.match(text, pos)
    if head is None or head.group(0).casefold() in NOT_NAMES:
        return None
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0]
    token = first.group(0)
    if known_first_name(token):
        return first.start(), _extend(text, tokens, first, lowercase=token.islower())
    if not _name_like(token) or token.endswith(".") or token.casefold() in TOWNS:
        return None
    second = tokens[1].group(0) if len(tokens) > 1 else ""
    if _name_like(second) and not second.endswith(".") and second.casefold() not in TOWNS:
        return first.start(), _extend(text, tokens, first, lowercase=False)
    role = _APPOSITION.match(text, first.end())
    if role and is_role(role.group(1)):
        return first.span()  # "Ich bin Zlatko, Inhaber eines Malerbetriebs"
    return None


def _signature_name(match: re.Match) -> Optional[Span]:
    text = match.string
    title = _TITLES.match(text, match.end())
    tokens = _tokens(text, title.end() if title else match.end())
    if not tokens:
        return None
    soft = match.group("soft") is not None
    first = tokens[0]
    token = first.group(0)
    if token.endswith("."):  # "MfG P. Becker"
        if len(tokens) < 2 or not _name_like(tokens[1].group(0)):
            return None
    elif soft and not known_first_name(token):
        return None
    elif token.islower() and not soft:  # "mfg kowalski"
        if len(token) < 3 or not_a_name(token):
            return None
    elif not (known_first_name(token) or _name_like(token)):
        return None
    end = _extend(text, tokens, first, lowercase=token.islower())
    if token.endswith("."):
        end = max(end, tokens[1].end())
    if not _at_end(text, end, comma=known_first_name(token) or token.endswith(".")):
        return None
    return first.start(), end


def _here_name(match: re.Match) -> Optional[Span]:
    words = match.group("who").split(" ")
    if not all(known_first_name(w) or _name_like(w) for w in words):
        return None
    if any(w.casefold() in TOWNS or w.endswith(".") for w in words):
        return None
    return match.span("who")


def _name_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    for pattern, finder in ((_STRONG, _strong_name), (_WEAK, _weak_name)):
        for match in pattern.finditer(text):
            span = finder(text, match.end())
            if span:
                spans.append(span)
    for match in _SALUTATION.finditer(text):
        pos = match.end()
        title = _TITLES.match(text, pos)
        span = _strong_name(text, title.end() if title else pos)
        if span and text[span[0] : span[1]][:1].isupper():
            spans.append(span)
    spans += _scan(_SIGNATURE, text, _signature_name)
    spans += _scan(_HERE, text, _here_name)
    return spans


# --- all together --------------------------------------------------------------------------------

_PASSES: Tuple[Tuple[str, re.Pattern, Validator], ...] = (
    (URL, URL_SCHEME, _strip_trailing),
    (URL, URL_WWW, _strip_trailing),
    (EMAIL, EMAIL_RE, lambda m: m.span()),
    (URL, DOMAIN, _domain),
    (IBAN, IBAN_RE, _iban),
    (PHONE, PHONE_RE, _phone),
    (PHONE, PHONE_KEYWORD, _phone_keyword),
    (ADDRESS, ADDRESS_PREP, _street_by_preposition),
    (ADDRESS, ADDRESS_STREET, _street),
    (POSTCODE, POSTCODE_RE, _postcode),
)


def redact(text: str) -> Redaction:
    """``text`` with personal data replaced by typed placeholders (see module doc)."""
    if not isinstance(text, str) or not text:
        return Redaction(text if isinstance(text, str) else "", ())
    found = set()
    for kind, pattern, validate in _PASSES:
        spans = list(_scan(pattern, text, validate))
        if spans:
            text = _replace(text, spans, kind)
            found.add(kind)
    spans = _name_spans(text)
    if spans:
        text = _replace(text, spans, NAME)
        found.add(NAME)
    return Redaction(text, tuple(kind for kind in KINDS if kind in found))
