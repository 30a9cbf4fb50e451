"""Masking of number-like things that are never counts (offsets are preserved).

Before any number is read, :func:`mask` replaces with ``§`` characters: channel placeholders
for personal data ("[TELEFON]", "<PLZ>"), e-mail and web addresses, IDs after a label
("Postfach", "Kundennummer", "Steuernummer" …), house numbers after a street name, ages,
opening and working hours, phone numbers (German and international formats), postal codes,
dates, times, prices and amounts, percentages, decimals and ordinals before ordinal nouns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from bot.nlu.text import clean, fold

MASK = "§"


_I = re.IGNORECASE
_WEEKDAYS = (
    r"(?:mo|di|mi|fr|sa|montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?"
    r"|sonntags?|werktags|wochentags|mon|tue|wed|thu|fri|sat|sun)"
)
_MONTHS = (
    r"(?:januar|jan|februar|feb|märz|maerz|mär|april|apr|mai|juni|jun|juli|jul|august|aug"
    r"|september|sept|sep|oktober|okt|november|nov|dezember|dez)"
)
_ID_WORDS = (
    "postfach steuernummer steuernr stnr kundennummer kundennr kdnr rechnungsnummer rechnungsnr "
    "rechnung auftragsnummer auftragsnr auftrag bestellnummer bestellnr artikelnummer artikelnr "
    "hausnummer hausnr nr nummer ticket vorgang aktenzeichen az hrb hra handelsregister ustid "
    "ustidnr iban bic plz postleitzahl tel telefon fon fax handy mobil mobilnummer handynummer "
    "telefonnummer rufnummer durchwahl whatsapp kennzeichen zimmer raum filialnummer "
    "kassenzeichen vertragsnummer mandantennummer betriebsnummer id"
)
_ID_LABELS = frozenset(fold(w) for w in _ID_WORDS.split())
_STREETS = (
    "strasse", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee",
    "pfad", "steig", "wall", "graben", "kamp", "zeile", "kai", "promenade",
)  # fmt: skip


def _label_number(match: re.Match[str]) -> str:
    """Blank the number after an ID label or a street name; keep everything else."""
    word = re.sub(r"[.\-]", "", fold(match.group(1)))
    numbers = match.group(3) + (match.group(4) or "")
    if word in _ID_LABELS or word.endswith(("nummer", "nr")) or word.startswith("postleitzahl"):
        blank = numbers
    elif match.group(1)[:1].isupper() and word.endswith(_STREETS) and word != "bring":
        blank = re.match(r"\d{1,4}(\s?[a-hA-H]\b)?", numbers).group(0)  # type: ignore[union-attr]
    else:
        return match.group(0)
    head = match.group(1) + match.group(2)
    return head + re.sub(r"\S", MASK, blank) + numbers[len(blank) :]


def _phone_ok(match: re.Match[str]) -> bool:
    return sum(c.isdecimal() for c in match.group(0)) >= 6


def _slash_ok(match: re.Match[str]) -> bool:
    return int(match.group(1)) >= int(match.group(2))


_MASK_RULES: list[tuple[re.Pattern[str], object]] = [
    # channel placeholders for personal data
    (re.compile(r"\[[A-ZÄÖÜ][A-ZÄÖÜ_\- ]{1,30}\]"), None),
    (re.compile(r"<[A-Z][A-Z_]{1,30}>"), None),
    # e-mails and web addresses
    (re.compile(r"[^\s@]+@[^\s@]+\.\w+|https?://\S+|www\.\S+", _I), None),
    # labelled IDs ("Postfach 10 12 34", "Kundennummer 204-3381", "Hausnummer 27") and house
    # numbers after a street name ("Bahnstraße 12", "Gladbacher Str. 112a")
    (
        re.compile(
            r"\b([^\W\d_][\w.-]*)(\s*[:#]?\s*(?:(?:ist|is|lautet|war)\s*:?\s*)?)"
            r"(\d[\d /.-]*\d|\d)(\s?[a-hA-H]\b)?",
            _I,
        ),
        "label",
    ),
    # a number stated for an ID a few words on: "Unsere Lieferantennummer beim Großhändler ist
    # 4711", "die Hausnummer ist bei uns 12"
    (
        re.compile(
            r"\b(\w*(?:nummer|nr|kennzeichen|code|pin|postleitzahl)\b[^.!?\d]{0,40}?"
            r"\b(?:ist|is|lautet|war)\b[^.!?\d]{0,12}?)(\d[\d /.-]*\d|\d)",
            _I,
        ),
        "id",
    ),
    # ages: "Ich bin 45 und habe 3 Mitarbeiter", "bin jetzt 61", "mein Sohn ist 34", "Jahrgang
    # 75", "45 Jahre alt", "mit meinen 62 Jahren"; never a staff count
    (
        re.compile(
            r"(?:\b|^)((?:ich\s+bin|bin\s+ich|(?:^|(?<=[.!?,;]\s))bin|ich\s+werde|werde\s+ich"
            r"|i\s+am|i'?m|(?:vater|mutter|sohn|tochter|frau|mann"
            r"|bruder|schwester|opa|oma|papa|mama|partner|partnerin|chef|chefin|schwager"
            r"|schwiegervater|schwiegermutter|kollege|kollegin|onkel|tante)\s+(?:ist|wird|war|is))"
            r"\s+(?:jetzt\s+|schon\s+|fast\s+|gerade\s+|bald\s+|knapp\s+|über\s+|auch\s+"
            r"|erst\s+|inzwischen\s+|mittlerweile\s+|noch\s+)?)((?:1[6-9]|[2-9]\d))\b"
            r"(?!\s*(?:leute|mitarbeiter|angestellte|beschäftigte|personen|köpfe|mann\b|kollegen"
            r"|ma\b|people|staff))",
            _I,
        ),
        "id",
    ),
    (
        re.compile(
            r"\b((?:jahrgang|baujahr|geboren|geb\.|born|age|alter)\s*:?\s*(?:in\s+|im\s+)?)"
            r"((?:19|20)?\d{2})\b",
            _I,
        ),
        "id",
    ),
    (
        re.compile(
            r"\b((?:mit\s+(?:meinen|seinen|ihren|knapp|fast|über)?\s*))(\d{2})(?=\s+jahren?\b)",
            _I,
        ),
        "id",
    ),
    (re.compile(r"\b\d{2}\s*(?=(?:jahre|jährig\w*|years)\s*(?:alt|jung|old)\b)", _I), None),
    # opening and working hours without "Uhr": "Öffnungszeiten 8-17", "Sprechzeiten 9 bis 12"
    (
        re.compile(
            r"\b(?:öffnungszeit\w*|oeffnungszeit\w*|geöffnet|offen|arbeitszeit\w*|sprechzeit\w*"
            r"|kernzeit\w*|schicht\w*|dienstzeit\w*|erreichbar)\b[^.!?\d]{0,15}"
            r"\d{1,2}(?:[.:]\d{2})?\s*(?:-|–|bis)\s*\d{1,2}(?:[.:]\d{2})?",
            _I,
        ),
        None,
    ),
    # international and German phone numbers
    (re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}(?:[ \t./-]?\(?\d{1,6}\)?){2,7}"), _phone_ok),
    (
        re.compile(
            r"(?<![\w.,])\(?0\d{2,5}\)?(?:[ \t]*[/-][ \t]*|[ \t]+)\d{1,9}(?:[ \t-]\d{1,9}){0,4}"
        ),
        _phone_ok,
    ),
    (re.compile(r"(?<![\d.,])0\d{3,}(?![\d])"), None),
    (re.compile(r"(?<![\d.,])\d{6,}(?![\d])"), None),
    # dates
    (re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4}(?!\d))?"), None),
    (re.compile(r"(?<![\d.])\d{1,2}\.?\s*" + _MONTHS + r"\b\.?(?:\s*\d{2,4})?", _I), None),
    (re.compile(r"\b\d+(?:[/-]\d+){2,}\b"), None),
    (re.compile(r"(?<![\d.,])\d{3,}\s?-\s?\d{3,}(?![\d])"), None),
    (re.compile(r"\b24\s?/\s?7\b"), None),
    (re.compile(r"\b(\d+)\s?/\s?(\d+)\b"), _slash_ok),
    # times and opening hours
    (
        re.compile(
            r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:-|bis|und)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:uhr|h)\b", _I
        ),
        None,
    ),
    (re.compile(r"\b\d{1,2}:\d{2}(?:\s*(?:uhr|h)\b)?", _I), None),
    (re.compile(r"\b\d{1,2}(?:\.\d{2})?\s*uhr\b", _I), None),
    (
        re.compile(
            r"\b" + _WEEKDAYS + r"\.?(?:\s*(?:-|bis)\s*" + _WEEKDAYS + r"\.?)?\s*:?\s*"
            r"\d{1,2}(?:[.:]\d{2})?(?:\s*(?:-|bis)\s*\d{1,2}(?:[.:]\d{2})?)?",
            _I,
        ),
        None,
    ),
    # money, percentages, decimals
    (re.compile(r"(?:€|\$|£)\s?\d[\d.,]*(?:\s?(?:mio|mrd|tsd|k)\b\.?)?", _I), None),
    (
        re.compile(
            r"\d[\d.,]*\s?(?:mio\.?|mrd\.?|tsd\.?|millionen|milliarden|k)?\s?"
            r"(?:€|euro\b|eur\b|teur\b|t€|k€|\$|dollar\b|chf\b|franken\b|cent\b|ct\b)",
            _I,
        ),
        None,
    ),
    (re.compile(r"\b\d[\d.,]*\s?(?:mio|mrd|millionen|milliarden)\b\.?", _I), None),
    (re.compile(r"\d[\d.,]*\s?(?:%|prozent\b|pct\b|percent\b)", _I), None),
    (re.compile(r"(?<![\d.,])\d+,\d+(?![\d])"), None),
    # list numbering at the start of a line: "1. ich (Meisterin)\n2. zwei Gesellinnen"
    (re.compile(r"(?m)^[ \t]*\d{1,2}[.)](?=[ \t]+\D)"), "bullet"),
    # ordinals before ordinal nouns: "in 3. Generation", "im 2. Stock"
    (
        re.compile(
            r"\b\d{1,2}\.\s?(?=(?:generation|stock|etage|og|obergeschoss|quartal"
            r"|jahrhundert|klasse|reihe|auflage|platz)\b)",
            _I,
        ),
        None,
    ),
]


def _id_number(match: re.Match[str]) -> str:
    return match.group(1) + re.sub(r"\S", MASK, match.group(2))


def _blanker(check: object) -> Callable[[re.Match[str]], str]:
    if check == "label":
        return _label_number
    if check == "id":
        return _id_number
    if check == "bullet":  # the numbering of a list item reads as a bullet ("- ich")
        return lambda match: "-" + " " * (len(match.group(0)) - 1)

    def blank(match: re.Match[str]) -> str:
        if callable(check) and not check(match):
            return match.group(0)
        return re.sub(r"\S", MASK, match.group(0))

    return blank


_MASKERS = [(pattern, _blanker(check)) for pattern, check in _MASK_RULES]
_NEEDS = {2: ("@", "www", "http")}  # rule index -> one of these must occur
_MAY_MASK = re.compile(r"[\d\[<@]|www\.|https?:")


@lru_cache(maxsize=2048)
def mask(text: str) -> str:
    """``text`` (cleaned) with every never-a-count number replaced by ``§`` characters."""
    out = clean(text)
    if not _MAY_MASK.search(out):
        return out
    lowered = out.lower()
    for index, (pattern, blank) in enumerate(_MASKERS):
        needs = _NEEDS.get(index)
        if needs and not any(n in lowered for n in needs):
            continue
        out = pattern.sub(blank, out)
    return out
