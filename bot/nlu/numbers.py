"""Numbers and staff counts in German free text.

Two layers:

1. **Numbers** (:func:`find_numbers`): digits and German number words (also dialect and common
   misspellings: "zwanzich", "fümf", "sechszehn"), "Dutzend" forms, "zu fünft", English
   numerals. Before anything is read, number-like things that are never counts are masked:
   phone numbers (German and international formats), postal codes, dates, times and opening
   hours, prices and amounts, percentages, decimals, house numbers after a street name, IDs
   after a label ("Postfach", "Kundennummer", "Steuernummer" …) and the placeholders that
   channels put in for personal data ("[TELEFON]", "[PLZ]", "[ADRESSE]" …).
2. **Staff counts** (:func:`read_staff`): only from staff language, in this order of trust:

   * an explicit total: "also sieben", "macht elf", "das sind dann neun", "Sieben
     insgesamt", "mit mir 16", "sagen wir sieben", "= 5", "Wie viele Leute? Sieben";
   * "wir sind 12", "zu fünft", "team of 4", "12 Leute" / "27 Mitarbeiter" (a general staff
     noun), with later additions ("Wir sind 6, samstags kommt noch eine Aushilfe dazu" = 7);
   * a composition, summed: "ich, meine Frau und drei Gesellen" = 5, "2 Meister, 4 Gesellen,
     1 Azubi und ich" = 8, "zwei Kolonnen zu je vier Mann" = 8;
   * "nur ich", "Ein-Mann-Betrieb" = 1, "wir beide" = 2;
   * only when the staff question was asked: a bare number ("12", "ca 6-8", "Hmm, 9? Nein,
     10").

Decisions (documented contract):

* Ranges ("10-12", "zwischen 8 und 10", "zehn, elf Leute", "zwei oder drei") count as their
  midpoint rounded down (10-12 -> 11, 35 bis 40 -> 37).
* "ein Dutzend" = 12, "zwei Dutzend" = 24, "ein halbes Dutzend" = 6, "anderthalb Dutzend" =
  18; "eine Handvoll" = 5; approximations ("ca.", "knapp", "fast", "um die") keep the number;
  "unter 10" / "weniger als 10" is no number.
* The count includes the owner: "nur ich" = 1, "ich und zwei Mitarbeiter" = 3, "14 Fahrer
  plus ich" = 15, "6 Festangestellte …, mich nicht mitgezählt" = 7, "zwölf Angestellte plus
  meine Wenigkeit" = 13; "inklusive mir", "mit mir", "ich bin da mit drauf" keep the number.
  "Wir haben 27 Mitarbeiter" = 27; a lone sub-group without the owner ("Wir haben 2
  Azubis") is no total. "Ich habe zwei Angestellte" (the owner neither included nor
  excluded) is read both ways: 2 as written, not sure, with 3 as ``alternative`` (the
  confirmation offers both).
* Ages are never counts: "ich bin 45", "mein Sohn ist 34", "Jahrgang 1975", "45 Jahre alt",
  "mit meinen 62 Jahren".
* Counts in past or future clauses ("früher waren wir 25", "wir suchen noch zwei Leute"),
  per-unit counts ("jeweils 3 Mann"), subsets ("davon 3 Azubis"), negated counts ("nicht
  16") and counts of other things (vehicles, customers, orders, rooms, years) never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, NamedTuple

from bot.nlu.text import clean, fold, fold_all

MAX_COUNT = 100_000
MASK = "§"

# ---------------------------------------------------------------------------------------------
# 1. Masking of number-like things that are never counts (offsets are preserved).

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


# ---------------------------------------------------------------------------------------------
# 2. Tokens and numbers

_LEX = re.compile(r"§+(?:\s+§+)*|\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # folded; "§" for masked spans

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[Tok, ...]:
    masked = mask(text)
    original = clean(text)
    out = []
    for m in _LEX.finditer(masked):
        raw = m.group(0)
        if raw in ("'", "’", "`", "´"):
            continue
        low = MASK if raw.startswith(MASK) else (fold(raw) or raw)
        out.append(Tok(m.start(), m.end(), original[m.start() : m.end()], low))
    return tuple(out)


_UNITS = {
    "null": 0, "ein": 1, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "funf": 5,
    "fumf": 5, "fimf": 5, "sechs": 6, "sieben": 7, "siebn": 7, "acht": 8, "neun": 9,
    # Rhenish / Kölsch forms
    "veer": 4, "funnef": 5, "sibbe": 7, "siebe": 7, "aach": 8, "nung": 9,
}  # fmt: skip
_TEENS = {
    "zehn": 10, "elf": 11, "olf": 11, "zwolf": 12, "dreizehn": 13, "vierzehn": 14,
    "funfzehn": 15, "fuffzehn": 15, "sechzehn": 16, "sechszehn": 16, "siebzehn": 17,
    "siebenzehn": 17, "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
_TENS = {
    "zwanzig": 20, "dreissig": 30, "dreisig": 30, "dreizig": 30, "vierzig": 40, "funfzig": 50,
    "fuffzig": 50, "sechzig": 60, "sechsig": 60, "siebzig": 70, "siebenzig": 70, "achtzig": 80,
    "neunzig": 90,
}  # fmt: skip
_ENGLISH = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
_ZU = {
    "zweit": 2, "dritt": 3, "viert": 4, "funft": 5, "fumft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwolft": 12, "zweien": 2,
    "dreien": 3, "vieren": 4, "funfen": 5, "veert": 4, "sibbt": 7,
}  # fmt: skip
_ZU_WORDS = frozenset({"zu", "ze", "zo", "zu'", "z"})  # "zu fünft", Rhenish "ze veer", "zo sibbe"


def _below_hundred(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    for unit, value in _UNITS.items():
        if value and word.startswith(unit + "und") and word[len(unit) + 3 :] in _TENS:
            return value + _TENS[word[len(unit) + 3 :]]
    return None


@lru_cache(maxsize=4096)
def word_number(word: str) -> int | None:
    """Value of one folded German (or English) number word, e.g. "achtunddreissig" -> 38.

    Dialect endings ("zwanzich") and common misspellings ("sechszehn", "fümf") are read;
    "ein"/"eine" alone are articles, not numbers (the caller decides).
    """
    if not word.isalpha() or len(word) < 3 or word in ("ein", "eine"):
        return None
    if word in _ENGLISH:
        return _ENGLISH[word]
    word = re.sub(r"(zi|si)ch$", r"\1g", word)
    value = 0
    if "tausend" in word:
        head, _, word = word.partition("tausend")
        factor = 1 if head in ("", "ein") else _below_hundred(head)
        if factor is None:
            return None
        value += factor * 1000
        word = word.removeprefix("und")
    if "hundert" in word:
        head, _, word = word.partition("hundert")
        factor = 1 if head in ("", "ein") else _UNITS.get(head)
        if factor is None:
            return None
        value += factor * 100
        word = word.removeprefix("und")
    if not word:
        return value or None
    rest = _below_hundred(word)
    return None if rest is None else value + rest


class Num(NamedTuple):
    """A number in the token list: token span, value and kind."""

    first: int
    last: int
    value: int
    kind: str  # "digits", "word", "zu", "dozen", "range", "year", "beide"


_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "a", "an"})


def _digits(raw: str) -> int | None:
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
        return int(raw.replace(".", ""))
    return int(raw) if raw.isdecimal() else None


def _dozen_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """``(value, last)`` for "(ein|zwei|ein halbes|anderthalb|knapp zwei) Dutzend" at ``i``."""
    low = [t.low for t in toks[i : i + 4]]
    if not low:
        return None
    factor: float | None = None
    k = 0
    if low[0] in _ARTICLES or low[0] == "dozen":
        factor = 1.0
        k = 0 if low[0] == "dozen" else 1
    elif low[0] in ("anderthalb", "eineinhalb"):
        factor, k = 1.5, 1
    elif low[0] == "dutzend":
        factor, k = 1.0, 0
    else:
        base = word_number(low[0]) if low[0].isalpha() else _digits(toks[i].text)
        if base is not None and 0 < base <= 20:
            factor, k = float(base), 1
    if factor is None:
        return None
    if k < len(low) and low[k] in ("halbes", "halbe"):
        factor, k = factor * 0.5, k + 1
    elif k < len(low) and low[k] in ("gutes", "knappes", "ganzes"):
        k += 1
    if k < len(low) and low[k] in ("dutzend", "dozen"):
        return int(12 * factor + 0.5), i + k
    return None


def _closes_at(toks: list[Tok], k: int) -> bool:
    """Token ``k`` ends a phrase: the end, punctuation or a join word."""
    return k >= len(toks) or not toks[k].low[0].isalnum() or toks[k].low in ("und", "un", "and")


def _scan_numbers(toks: list[Tok]) -> list[Num]:
    nums: list[Num] = []
    i = 0
    dozens = {k for k, t in enumerate(toks) if t.low in ("dutzend", "dozen")}
    while i < len(toks):
        tok = toks[i]
        low = tok.low
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        dozen = _dozen_at(toks, i) if dozens & {i, i + 1, i + 2, i + 3} else None
        if dozen:
            nums.append(Num(i, dozen[1], dozen[0], "dozen"))
            i = dozen[1] + 1
            continue
        if low[0].isdecimal():
            value = _digits(tok.text)
            if value is not None:
                year = len(tok.text) == 4 and 1900 <= value <= 2099
                nums.append(Num(i, i, value, "year" if year else "digits"))
        elif low in _ZU_WORDS and (
            nxt in _ZU
            or re.fullmatch(r"\d+t?", nxt)
            or (_closes_at(toks, i + 2) and (word_number(nxt) or 0) >= 2)
        ):
            # "zu fünft", "zu 5t", also the cardinal "wir sind zu sieben", "mir sin ze veer"
            value = _ZU.get(nxt) or word_number(nxt) or 0
            if not value and nxt.rstrip("t").isdecimal():
                value = int(nxt.rstrip("t"))
            if value:
                nums.append(Num(i, i + 1, value, "zu"))
                i += 2
                continue
        elif low in _ARTICLES and nxt == "handvoll":
            nums.append(Num(i, i + 1, 5, "word"))
            i += 2
            continue
        elif low in ("beide", "beiden", "both"):
            nums.append(Num(i, i, 2, "beide"))
        else:
            value = word_number(low)
            if value is not None:
                nums.append(Num(i, i, value, "word"))
        i += 1
    return _merge_ranges(toks, nums)


def _merge_ranges(toks: list[Tok], nums: list[Num]) -> list[Num]:
    out: list[Num] = []
    for num in nums:
        if out and num.kind not in ("year", "zu", "beide") and out[-1].kind not in ("year", "zu"):
            prev = out[-1]
            between = [t.low for t in toks[prev.last + 1 : num.first]]
            before = toks[prev.first - 1].low if prev.first else ""
            is_range = between in (["-"], ["bis"], ["oder"], ["/"], ["or"], ["to"]) or (
                between == ["und"] and before == "zwischen"
            )
            if between == [","] and num.value == prev.value + 1 <= 30:
                is_range = True
            if is_range and before == "von" and between == ["bis"]:
                is_range = True
            if is_range and 0 <= prev.value < num.value:
                out[-1] = Num(prev.first, num.last, (prev.value + num.value) // 2, "range")
                continue
        out.append(num)
    return out


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """All numbers as ``(start, end, value)`` character spans (masked things excluded; ranges
    merged to their midpoint, rounded down)."""
    toks = _tokens(text)
    return [(toks[n.first].start, toks[n.last].end, n.value) for n in _scan_numbers(toks)]


# ---------------------------------------------------------------------------------------------
# 3. Staff language


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _patterns(items: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple(fold(w) for w in item) for item in items]


def _alternation(words: str) -> str:
    return "|".join(sorted({fold(w) for w in words.split()}, key=len, reverse=True))


_GENERAL = _fold_set(
    "leute leuten leutchen leut mitarbeiter mitarbeitern mitarbeiterin mitarbeiterinnen "
    "mitarbeitende mitarbeitenden beschäftigte beschäftigten angestellte angestellten personen "
    "köpfe köpfen koppe mann männer seelen kollegen kolleginnen ma mas arbeitnehmer "
    "arbeitnehmerinnen arbeitskräfte kräfte kräften staff people employees persons heads folks "
    "guys menschen teammitglieder mitstreiter personal ppl angestellter beschäftigter "
    "mitarbeitender festangestellter köppe person"
)
# Person nouns (singular base forms); compounds ending in one of them count too
# ("Bürokraft", "Fahrlehrer", "Teilzeitkräfte").
_ROLE = re.compile(
    r"(?:"
    + _alternation(
        "bäcker konditor metzger fleischer glaser klempner optiker akustiker schmied schlosser "
        "steinmetz stuckateur parkettleger bodenleger schornsteinfeger schneider schuhmacher "
        "sattler raumausstatter polsterer gebäudereiniger masseur logopäde logopädin "
        "elektroniker bauer zerspaner dreher schweißer konstrukteur zeichner planer führer "
        "fachmann spüler barkeeper rezeptionist bearbeiter dozent makler vertriebler admin "
        "administrator texter journalist übersetzer dolmetscher trainee volontär leiter "
        "driver technician mechanic cook waiter waitress cleaner assistant consultant manager "
        "intern apprentice colleague coworker "
        "geselle gesell azubi auszubildende auszubildender lehrling praktikant werkstudent "
        "student schüler aushilfe aushilfskraft minijobber teilzeit teilzeitler vollzeit "
        "vollzeitler festangestellte festangestellter fahrer monteur meister techniker "
        "mechaniker mechatroniker elektriker installateur maler lackierer maurer tischler "
        "schreiner zimmerer dachdecker fliesenleger gärtner verkäufer florist friseur frisör "
        "kosmetiker berater assistent assistenz sekretär buchhalter kraft kräfte arzt ärzte "
        "ärztin mfa zfa pfleger therapeut erzieher koch köche köchin kellner bedienung "
        "gesellschafter geschäftsführer inhaber partner chef jungs mädel mädchen dame herr "
        "lehrer trainer programmierer entwickler developer dev designer ingenieur architekt "
        "anwalt anwälte anwältin fachangestellte helfer arbeiter handwerker disponent lagerist "
        "boten botin kurier founder cofounder freelancer freiberufler springer vertreter "
        "leiharbeiter subunternehmer bauleiter polier kaufleute kaufmann kauffrau redakteur "
        "grafiker fotograf steuerberater notar hebamme apotheker pta pka kassierer worker "
        "engineer nurse frau kollege kollegin kolleje gründer mitgründer gesellschafterin "
        "teilhaber dev devs jeselle jesell lehrjung lehrjunge"
    )
    + r")(?:e|en|n|s|in|innen|nen|ne|er|ern|es)?$"
)
_KIN = _fold_set(
    "frau mann partner partnerin sohn söhne tochter töchter bruder brüder broder schwester "
    "schwestern vater papa mutter mama onkel tante cousin cousine cousins neffe nichte schwager "
    "schwägerin kumpel freund freundin kollege kollegin kolleje kompagnon geschäftspartner "
    "geschäftspartnerin mitinhaber mitinhaberin jung jungs ehefrau ehemann gattin gatte "
    "lebensgefährtin lebensgefährte schwiegersohn schwiegertochter opa oma nachbar nachbarin "
    "wife husband son daughter brother sister geschwister"
)
# Plurals that fold to their singular ("Brüder" -> "bruder") stay: the determiner decides.
_KIN_ENDINGS = tuple(
    sorted(w for w in _KIN if len(w) >= 5 and w not in ("partner", "partnerin", "kollege"))
)
_COUPLES = {"ehepaar": 2, "eltern": 2, "grosseltern": 2, "schwiegereltern": 2, "zwillinge": 2}
_CONTRACTORS = re.compile(
    r"^(freelancer|freiberufler|subunternehm|leiharbeit|zeitarbeit|externe|dienstleister|honorar)"
)
_KIN_SINGULAR = _KIN - _fold_set("söhne schwestern cousins jungs geschwister eltern")
_GENERAL_ROLE_ENDINGS = ("kraft", "krafte", "kraften", "arbeiter", "arbeitern", "arbeiterinnen")
_SUBSET_ROLES = re.compile(
    r"(azubi|auszubild|lehrling|praktikant|werkstudent|student|schuler|aushilf|minijob|teilzeit"
    r"|freelancer|freiberufler|leiharbeiter|subunternehm)"
)
_UNIT_WORDS = _fold_set(
    "std stunde stunden h min minute minuten sek jahr jahre jahren jahrzehnte monat monate "
    "monaten woche wochen tag tage tagen km m m² m2 qm quadratmeter kg t tonnen liter l mal x "
    "prozent euro eur generation generationen uhr years months hours minutes days weeks"
)
_FUNCTION = _fold_set(
    "und oder aber sowie plus mit ohne im in am an auf bei beim vom von zu zum zur für aus hier "
    "da dort drin drinnen draußen drauf dabei insgesamt zusammen inklusive inkl incl "
    "einschließlich also dann jetzt heute aktuell derzeit momentan zurzeit gerade noch nur "
    "ungefähr etwa ca circa so ja nein ne nee ok okay wenn weil denn als wie sind ist war "
    "waren bin sein es et wir ich mich mir uns alle alles davon darunter eher maximal max "
    "höchstens mindestens mind tendenz vielleicht glaube schätze denke mal mehr weniger gesamt "
    "total here of at with including me us we the and or but now currently today minus leider "
    "zumindest wohl sonst keiner niemand schon bereits immer gut knapp fast rund über unter "
    "richtig genau exakt tatsächlich eigentlich ehrlich gesagt würde sagen naja na hm hmm äh "
    "ähm öh ach mitgezählt eingerechnet mitgerechnet samstags sonntags wochenends vormittags "
    "nachmittags morgens abends festangestellt angestellt beschäftigt tätig stark köpfig statt "
    "anstatt dat is isset wat wa gell oder? und'n n sin sinn simmer mer ändern korrigieren "
    "setzen eintragen stellen angeben aktualisieren anpassen bitte danke gezählt not no yet "
    "too there right without excl since davon darunter halt eben rum herum drum gell ne "
    "wieder zurzeit atm rn"
)
_ADJ_OK = _fold_set(
    "feste neue weitere junge echte aktive eigene fleißige tolle motivierte erfahrene liebe "
    "nette ständige freie geringfügig geringfügige kaufmännische gewerbliche technische "
    "sozialversicherungspflichtige sozialversicherungspflichtig fest offiziell offizielle "
    "weibliche männliche ausgebildete "
    "gelernte ungelernte studentische interne vollzeitbeschäftigte teilzeitbeschäftigte aktiv "
    "regelmäßig full-time part-time fulltime parttime great amazing ersten erste zweiten "
    "dritten neuen festen jungen lieben fleißigen"
)
_SOLO = re.compile(
    r"\b(nur (ich|isch|mich|mir)( selbst| allein\w*)?\b|(ich|isch) (ganz |janz )?(allein|alleine)\b"
    r"|(bin|arbeite|mach\w*|mache|mach s|mache s|mach ich s|mach ich) (\w+ ){0,3}(allein|alleine"
    r"|solo)\b|ganz allein\w*|ein (mann|frau|personen) (betrieb|unternehmen|firma|show|laden)"
    r"|einmann\w*|einfrau\w*|one (man|woman|person) (show|band|business)|just me|only me"
    r"|\bsolo\b|einzelkampfer\w*|einzelunternehm\w*|solo ?selbst\w*|soloselbst\w*"
    r"|allein ?selbst\w*|keine (eigenen |festen )?(mitarbeit\w*|angestellt\w*|beschaftigt\w*"
    r"|personal|leute)\b|ohne (mitarbeit\w*|angestellt\w*|personal)\b"
    r"|nur meine wenigkeit|meine wenigkeit (allein\w*|und sonst niemand))"
)
# A whole answer to "Wie viele …?" that is only the owner: "Einer. Ich.", "Ich selbst."
_SOLO_ANSWER = re.compile(r"^(nur )?(einer|eine|eins|one)?( ?(ich|me|myself)( selbst)?)?$")
_SOLO_NOT = re.compile(r"\b(nicht|kein|keine|nie) (mehr )?(allein|alleine|solo)\b")
_PAIR = re.compile(r"\b(wir beide|nur wir zwei|wir zwei|us two|the two of us|zu zweien)\b")
_ZERO = re.compile(r"\b(0|null|keine) (mitarbeit\w*|angestellt\w*|beschaftigt\w*|leute|personal)")
_COMPLETE = re.compile(
    r"\b(keine weiteren|sonst keine\w*|sonst niemand|mehr nicht|mehr sinn?d? (et|es) nich\w*"
    r"|das wars|dat wars|that s it|that s all|nobody else|no one else|mehr gibt s nicht)\b"
)

_STRONG_BEFORE = _patterns([
    ("also",), ("macht",), ("das", "sind"), ("dat", "sind"), ("das", "macht"), ("dat", "macht"),
    ("sind", "also"), ("sind", "dann"), ("sind", "wir", "also"), ("insgesamt",), ("gesamt",),
    ("zusammen",), ("total",), ("summa",), ("summe",), ("=",), ("sagen", "wir"),
    ("sagen", ":"), ("sag", "ich"), ("mit", "mir"), ("mit", "mich"), ("mit", "uns"),
    ("alles", "in", "allem"), ("unterm", "strich"), ("im", "ganzen"), ("ergibt",),
    ("sind", "das"), ("sind", "dat"), ("in", "total"), ("so", "gesehen"), ("macht", "dann"),
    ("sind", "es", "dann"), ("sind", "wir", "dann"), ("that", "makes"), ("makes",),
    ("nämlich",), ("sag", "mal"), ("sage", "mal"), ("sagen", "mal"), ("im", "schnitt"),
    ("im", "durchschnitt"), ("durchschnittlich",), ("im", "mittel"), ("on", "average"),
])  # fmt: skip
_AGE_BEFORE = frozenset({("ich", "bin"), ("bin", "ich"), ("i", "am"), ("i", "m")})
_RATE_WORDS = _fold_set("im am pro je per a in the jeden jede")
_PERIODS = _fold_set(
    "monat jahr tag woche quartal saison schicht stunde month year day week quarter hour"
)
_INCLUSIVE_BEFORE = _patterns(
    [("mit", "mir"), ("mit", "mich"), ("mit", "uns"), ("=",), ("sagen", "wir"), ("insgesamt",)]
)
_WE_ARE = _patterns([
    ("wir", "sind"), ("sind", "wir"), ("es", "sind"), ("sind", "es"), ("sinds",), ("sind", "s"),
    ("wir", "sin"), ("sin", "wir"), ("wir", "sinn"), ("sinn", "wir"), ("sinn", "et"),
    ("sin", "et"), ("simmer",), ("sin", "mer"), ("sind", "et"), ("san", "mer"), ("wir", "san"),
    ("we", "re"), ("we", "are"), ("were",), ("team", "of"), ("team", "von"), ("truppe", "von"),
    ("wir",), ("crew", "of"), ("staff", "of"), ("family", "of"), ("group", "of"),
    ("es", "mussten"), ("es", "durften"), ("sind", "wa"), ("sin", "wa"), ("wir", "waren"),
    ("mir", "sin"), ("mir", "sind"), ("wir", "sind", "bei"), ("sind", "wir", "bei"),
    ("wir", "liegen", "bei"), ("liegen", "wir", "bei"),
])  # fmt: skip
_HAVE = _WE_ARE + _patterns([
    ("arbeiten",), ("beschaftigen",), ("beschaftigt",), ("haben", "wir"), ("wir", "haben"),
    ("hat",), ("gibt", "es"), ("we", "have"), ("have",), ("zahlen", "wir"), ("arbeiten", "hier"),
    ("beschaftigen", "wir"), ("arbeiten", "bei", "uns"), ("bei", "uns", "arbeiten"),
])  # fmt: skip
_NOW_BEFORE = _patterns([
    ("aktuell",), ("derzeit",), ("momentan",), ("jetzt",), ("heute",), ("zurzeit",),
    ("mittlerweile",), ("inzwischen",), ("seitdem",), ("now",), ("currently",), ("today",),
])  # fmt: skip
_STRONG_AFTER = _patterns([
    ("insgesamt",), ("total",), ("in", "total"), ("gesamt",), ("zusammen",), ("mit", "mir"),
    ("mit", "mich"), ("inkl", "mir"), ("inklusive", "mir"), ("einschliesslich", "mir"),
    ("incl", "me"), ("including", "me"), ("mich", "eingerechnet"), ("mich", "mitgezahlt"),
    ("mich", "mitgerechnet"), ("mich", "inklusive"), ("ist", "also", "der"),
    ("ist", "der", "aktuelle"), ("mich", "eingeschlossen"), ("with", "me"),
    ("inklusive", "chef"), ("alles", "in", "allem"), ("die", "zwei"), ("die", "beiden"),
    ("inkl", "chef"), ("mit", "chef"), ("mit", "chefin"), ("mit", "inhaber"),
])  # fmt: skip
_FILLER = _fold_set(
    "ca circa zirka etwa ungefähr rund so um die knapp gut über mehr als fast beinahe genau "
    "exakt jetzt aktuell derzeit momentan zurzeit heute noch nur lediglich dann mittlerweile "
    "inzwischen immerhin bereits schon s es et eigentlich ja wohl vielleicht wahrscheinlich "
    "grob bestimmt sicher maximal höchstens mindestens glaube denke schätze würde sagen mal "
    "also insgesamt zusammen gerade tatsächlich around about approx approximately roughly ~ "
    "nearly almost like just only ganz schlappe stolze satte immer trotzdem übrigens "
    "aber alles aktuelle zahl stand wa doch wieder"
)
_SKIP_BEFORE = _FILLER | {".", ",", ":", "(", "~"}
_PAST = _fold_set(
    "früher damals ursprünglich anfangs vorher einst waren war hatte hatten gab angefangen "
    "gestartet begonnen gegründet ehemals zuvor bisher used were was had mussten konnten "
    "durften aufgemacht eröffnet gründete"
)
# Helpers who come now and then are no staff ("meine Schwester hilft manchmal aus")
_OCCASIONAL = _fold_set(
    "manchmal gelegentlich notfall bedarf ausnahmsweise sporadisch occasionally sometimes"
)
_COUNTING = ("mitzahl", "zahl", "mitrechn", "rechn", "dazurechn", "dazuzahl", "count")
_VERB_FIRST = _fold_set(
    "sind ist sin sinn haben hat hätten wären waren werden kommen kommt brauchen dann so"
)
_PRESENT = _fold_set(
    "heute jetzt aktuell derzeit momentan zurzeit inzwischen mittlerweile seitdem seither nun "
    "gerade nowadays now currently today heutzutage moment"
)
_LEAVING = _fold_set(
    "suchen suche händeringend einstellen einzustellen planen plane geplant bald demnächst "
    "nächstes nächsten nächstem künftig zukünftig wollen möchten brauchen bräuchten hiring "
    "looking sollen sollten rente kündigt gekündigt verlässt verlassen ausgestiegen ab fangen "
    "fängt anfangen beginnt beginnen startet starten "
    "aufgehört weggegangen werden wäre wären hätten hätte würden gestorben verstorben "
    "ausgeschieden"
)
_HIRED = _fold_set(
    "eingestellt dazugekommen hinzugekommen eingestiegen dazu angestellt neu kam kommt kommen "
    "habe hab haben beschäftige beschäftigen employ have"
)
_SUBSET_BEFORE = _fold_set("davon darunter inkl inklusive einschließlich incl including")
_SUBSET_AFTER = _patterns([
    ("of", "them"), ("davon",), ("darunter",), ("mitgezählt",), ("eingerechnet",),
    ("mitgerechnet",), ("inklusive",), ("included",),
])  # fmt: skip
_PER_UNIT = _fold_set("je jeweils pro à per each")
_JOIN = _fold_set("und un + plus , sowie & and dazu außerdem zuzüglich")
_ADD_MARKERS = _fold_set("dazu plus + zusätzlich außerdem extra hinzu noch zuzüglich kommt kommen")
_DETERMINERS = _fold_set(
    "mein meine meinem meiner meinen mingen minge min unser unsere unserem unseren unserer "
    "ein eine einen einem einer ne nen n der die den dem da de dä sein seine seiner seinem "
    "my our a an the ihr ihre ihrem ihrer ene en"
)
_INDEFINITE = _fold_set(
    "mein meine meinem meiner meinen mingen minge min unser unsere unserem unseren unserer "
    "ein eine einen einem einer ne nen n my our a an ene en"
)
_SINGULAR_DET = _fold_set(
    "mein meinem meiner meinen mingen min unser unserem unseren unserer ein eine einen einem "
    "einer ne nen n a an der dem da dä sein seinem seiner ene en"
)
_OWNER = _fold_set("ich mich mir isch me myself")
_LIST_ADVERBS = _fold_set(
    "natürlich noch auch dann selbst halt samstags sonntags abends morgens vormittags "
    "nachmittags zusätzlich außerdem später seit letztem sommer wochenends aushilfsweise "
    "teilweise manchmal"
)
_MEMBER_BEFORE = _JOIN | _fold_set(": ( -")
_OWNER_IN = re.compile(
    r"\b((inkl|inklusive|einschliesslich|incl|including|samt|mit) (mir|mich|me|chef|chefin"
    r"|inhaber|inhaberin|de chefin|der chefin|dem chef)(?! (arbeiten|arbeitet|schaffen))"
    r"|(mich|mir|me|myself|ich) (selbst )?(eingerechnet|mitgerechnet|mitgezahlt|inklusive"
    r"|inbegriffen|included|eingeschlossen|mit eingerechnet|mit gezahlt)"
    r"|ich bin (\w+ ){0,3}(mit )?(dabei|drauf|drin|mitgezahlt|eingerechnet)"
    r"|bin ich (\w+ ){0,2}(mit )?(dabei|drauf|drin)|ich (selbst )?als \w+ (bin|ist|zahle)"
    r"|(der|die) \w+ bin ich|selbst (bin|zahle) ich|mich (schon |auch )?mit(gezahlt|gerechnet)"
    r"|ich bin (da |auch |schon )*(mit )?(drauf|dabei|drin)"
    r"|mit (dem |der |de )?(chef|chefin|inhaber\w*) (sind|sinn|sin|san))\b"
)
_OWNER_EXTRA = re.compile(
    r"\b(neben|ausser|zuzuglich|ohne|excluding|besides) (mir|mich|me)\b"
    r"|\b(mich|ich) (selbst )?(bin )?(da |dabei |hier )?(nicht|ned|net|not)"
    r" (mit ?|dabei |mit dabei )?(gezahlt"
    r"|eingerechnet|gerechnet|counted|included|mitgezahlt|mitgerechnet|vergessen|forget)"
    r"|\bbei mir (arbeiten|sind|gibt|schaffen|noch)|(^|, |: )(inhaber\w*|chef\w*) (plus|\+|und) "
    r"|(plus|\+) (der |die |den )?(chef|chefin|inhaber|inhaberin)\b"
    r"|\b(und|un) (ich|isch) (bin|als) (der |die )?(chef|chefin|inhaber|inhaberin)\b"
    r"|\bsonst (nur )?(ich|isch|mich)\b"
    r"|\b(plus|und|un|\+|sowie|dazu) (meine )?wenigkeit\b|\bmit mir (arbeiten|arbeitet|schaffen)\b"
    r"|\bbin (ich )?(selbst |selber )?(der|die) \w+(te|ster)\b"  # "… und bin selbst der achte"
)
# "Ich bin 45 und habe 3 Mitarbeiter": the owner may or may not be among them (ask)
_I_AND_HAVE = re.compile(r"\b(ich|isch)\b[^.!?]{0,30} (und|,) (habe|hab|beschaftige) ")
_OWNER_WITH = re.compile(
    r"\b(ich|isch)\b[^.!?]{0,30}\bmit (meine\w*|mein|einer|einem|unsere\w*|de|dem|der)\b"
    r"|\b(ich|isch)\b[^.!?]{0,40}\b(arbeite|arbeit|schaffe|mache|mach|fuhre|betreibe)"
    r" (\w+ )?(zusammen )?mit (\d+|zwei|drei"
    r"|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf) (\w+ )?(kolleg\w*|mitarbeiter\w*|leuten"
    r"|angestellten|gesellen|beschaftigten|leut)\b"
)
_OWNER_EXCLUDED = re.compile(
    r"\b(ohne (mich|mir|me)|(mich|ich) (selbst )?(bin )?(da |dabei |hier )?(nicht|ned|net|not)"
    r" (mit ?|dabei |mit dabei )?(gezahlt"
    r"|eingerechnet|gerechnet|counted|included|mitgezahlt|mitgerechnet|vergessen|forget))\b"
)
_CLIENTS = (
    "patient", "klient", "mandant", "interessent", "abonnent", "konkurrent", "lieferant",
    "produzent", "teilnehmer", "kund", "gast", "gäst", "bewohner",
)  # fmt: skip
_NOT_PERSONS = _fold_set("bauherr bauherren bauherrin leitern prozent")
_PERSON_ENDINGS = (
    "innen", "erin", "eur", "eure", "euren", "ist", "isten", "istin", "ant", "anten", "antin",
    "ent", "enten", "entin", "ling", "linge", "lingen",
)  # fmt: skip
_ALTERNATIVES = re.compile(
    r"\b(im|in der|zur|uber den|ausserhalb der|in|during) (sommer|winter|saison|hochsaison"
    r"|nebensaison|weihnachtszeit|spargelzeit|season|summer)\b"
)
_I_HAVE = re.compile(
    r"^(habe|hab|beschaftige)\b|\b(ich|isch|i) (habe|hab|beschaftige|have|employ)\b"
    r"|\b(habe|hab|beschaftige) (ich|isch)\b"
)
_SELF_FIX = _fold_set(
    "nein ne nee nö korrektur sorry äh ähm quatsch doch eher besser oder meine meinte"
)
_NEGATORS = _fold_set("nicht nich net ned not kein keine statt anstatt instead")
_EXTERNAL = _fold_set("extern externe externer externen dienstleister")
_TALK_STEMS = (
    "sprech", "sprach", "red", "verbind", "telefon", "chat", "kontakt", "schreib", "erreich",
    "talk", "speak", "connect", "mensch", "frag", "besprech", "abstimm", "klar", "treff",
    "streit", "diskut", "telefonier", "mail",
)  # fmt: skip
_ACCUSATIVE = _fold_set("ein eine einen meine meinen mein unsere unseren unser ne nen n a an")
_YEAR_BEFORE = _fold_set("im in seit ab bis von jahr anno since until jahre vor nach um")
_STAFF_QUESTION = re.compile(r"(leute|mitarbeit|beschaft|personal|people|staff|wir|sind|kopfe)")


class Mention(NamedTuple):
    """One staff-relevant item of the message (token span ``first``..``last``)."""

    value: int
    first: int
    last: int
    kind: str  # strong, total, group, bare, person, definite, owner
    sub: bool = False  # a sub-group such as apprentices or part-timers
    general: bool = False  # a general staff noun ("Leute", "Mitarbeiter")
    weak: bool = False  # "wir zwei" inside a clause: a total only when nothing else is


@dataclass(frozen=True)
class StaffReading:
    """A staff count found in a text, with the character span of the deciding part."""

    count: int
    start: int
    end: int
    source: str  # "total", "composition", "solo", "bare"
    sure: bool = True  # False: store only after the owner confirmed it (see _sure)
    # the other likely count of an unsure reading ("ich habe 4 Leute": 4, or 5 with the owner)
    alternative: int | None = field(default=None, compare=False)
    parts: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)


@lru_cache(maxsize=16384)
def _is_staff_word(word: str) -> str | None:
    """ "general", "kin", "role" or None for one folded token."""
    if word in _GENERAL or word.endswith(("leute", "mitarbeiter", "mitarbeiterinnen")):
        return "general"
    if word in _KIN or (len(word) > 8 and word.endswith(_KIN_ENDINGS)):
        return "kin"  # also "Zwillingsbruder", "Schwiegermutter"
    if len(word) >= 3 and word not in _ADJ_OK and word not in _NOT_PERSONS and _ROLE.search(word):
        return "role"
    return None


_AREA_PREPOSITIONS = _fold_set("in im am an auf bei beim")
_AREA_ARTICLES = _fold_set("der dem den die")
_WORK_AREAS = _fold_set(
    "büro werkstatt lager verwaltung küche service vertrieb produktion außendienst innendienst "
    "montage laden verkauf buchhaltung teilzeit vollzeit empfang schicht schichten fertigung "
    "versand technik halle backoffice office baustelle baustellen bau kasse theke labor planung "
    "entwicklung support marketing einkauf wareneingang rezeption anmeldung kolonne kolonnen "
    "geschäft filiale sekretariat leitung geschäftsführung team teams minijob minijobbasis "
    "festanstellung werkhalle fahrdienst saal"
)
_WORK_PLACES = _fold_set("draußen drinnen vorne hinten unterwegs extern intern")


def _noun_after(toks: list[Tok], k: int) -> tuple[str, int]:
    """What the number ending at token ``k`` counts, and where that noun is:
    "general" | "role" | "kin" | "other" (a thing) | "unit" | "none" (no noun)."""
    skipped = 0
    j = k + 1
    while j < len(toks):
        tok = toks[j]
        word = tok.low
        if word == MASK:
            return "other", j
        if word[0].isdecimal():
            return "none", j
        if not word[0].isalnum():
            joined = (
                word == "-"
                and j + 1 < len(toks)
                and toks[j - 1].end == tok.start
                and toks[j + 1].start == tok.end
            )
            if joined and toks[j + 1].low.startswith(("kopf", "mann", "person", "frau")):
                return "general", j + 1  # "3-köpfig", "5-Mann-Betrieb"
            if joined and toks[j + 1].low[0].isalpha() and word_number(toks[j + 1].low) is None:
                return "other", j + 1  # "10-jähriges Jubiläum", "3-Zimmer-Wohnung"
            return "none", j
        if word in _ADJ_OK and skipped < 2:
            after = toks[j + 1] if j + 1 < len(toks) else None
            if tok.capital and (after is None or not after.capital):
                return "general", j  # "zwei Neue", "drei Feste": the adjective is the noun
            skipped += 1
            j += 1
            continue
        kind = _is_staff_word(word)
        if kind:
            return kind, j
        if word in _AREA_PREPOSITIONS and j + 1 < len(toks):
            area = j + 2 if toks[j + 1].low in _AREA_ARTICLES and j + 2 < len(toks) else j + 1
            if toks[area].low in _WORK_AREAS or _is_staff_word(toks[area].low) == "role":
                return "area", area  # "zwei in Teilzeit", "vier im Büro", "3 auf dem Bau"
        if word in _WORK_PLACES:
            return "area", j  # "neun draußen"
        if word in _UNIT_WORDS:
            return "unit", j
        if (
            skipped < 2
            and (not tok.capital or word.endswith(("ische", "ischen", "liche", "lichen")))
            and word.endswith(("e", "en", "er", "es", "em"))
            and j + 1 < len(toks)
            and _is_staff_word(toks[j + 1].low)
        ):
            skipped += 1
            j += 1
            continue
        if word in _FUNCTION or word in _OWNER or word_number(word) is not None:
            return "none", j
        return "other", j
    return "none", j


_STAFF_LABELS = _fold_set(
    "team belegschaft personal mitarbeiterzahl mitarbeiteranzahl anzahl personalstärke "
    "kopfzahl teamgröße größe headcount beschäftigtenzahl mitarbeiterstand personalbestand "
    "zahl employees staff people"
)


_COPULA = _fold_set("ist is are sind liegt liegen bei beträgt lautet waere wäre")


def _label_before(toks: list[Tok], k: int) -> str | None:
    """ "staff" / "other" when the number follows a label ("Fahrer: 26", "Leute 7",
    "MA-Zahl: 10", "Fahrzeuge: 18", "Bestellungen pro Tag: 60")."""
    j = k - 1
    while j >= 0 and toks[j].low in _FILLER | {"."}:
        j -= 1
    colon = j >= 0 and toks[j].low in (":", "=")
    if colon:
        j -= 1
    if j > 0 and toks[j].low in _COPULA:  # "headcount is 64", "Mitarbeiterzahl liegt bei 12"
        j -= 1
        while j > 0 and toks[j].low in _COPULA:
            j -= 1
    if j < 0 or not toks[j].low[0].isalpha():
        return None
    word = toks[j].low
    if word in _STAFF_LABELS or word in _GENERAL:
        return "staff"
    if _is_staff_word(word) == "role":
        return "sub" if _SUBSET_ROLES.search(word) else "role"
    if colon and word.isalpha() and toks[j].capital:
        return "other"
    return None


def _noun_before(toks: list[Tok], k: int) -> str | None:
    """ "Fahrlehrer haben wir fünf" -> the staff noun the bare number refers back to."""
    window = [t.low for t in toks[max(0, k - 4) : k]]
    if not window or window[-1] not in ("wir", "es", "sind", "haben", "hat"):
        return None
    for word in window[:-1]:
        kind = _is_staff_word(word)
        if kind in ("general", "role"):
            return kind
    return None


def _clauses(toks: list[Tok]) -> tuple[list[int], list[int]]:
    """Clause id and sentence id per token."""
    ids, sentences, cid, sid = [], [], 0, 0
    for k, tok in enumerate(toks):
        word = tok.low
        if word in (".", "!", "?", ";", "–", "—", "…", ":") or (
            word == "-" and k and toks[k - 1].end < tok.start
        ):
            ids.append(cid)
            sentences.append(sid)
            cid += 1
            sid += 1 if word in (".", "!", "?", "…") else 0
            continue
        if word in (",", "aber", "doch", "jedoch", "sondern", "but", "weil", "seit") and k:
            prev = toks[k - 1]
            particle = (
                word in ("aber", "doch", "jedoch")
                and prev.low.isalpha()
                and word_number(prev.low) is None
                and not prev.capital
            )  # "wir suchen aber dringend noch zwei": a particle, the same clause
            cid += 0 if prev.low == "," or particle else 1
        elif word in ("und", "un", "and") and k + 1 < len(toks) and not _member_start(toks, k + 1):
            cid += 1  # "wir sind 7 und suchen noch 3": a new verb, a new clause
        ids.append(cid)
        sentences.append(sid)
    return ids, sentences


def _member_start(toks: list[Tok], k: int) -> bool:
    word = toks[k].low
    return (
        word[0].isdecimal()
        or word in _DETERMINERS
        or word in _OWNER
        or word in _LIST_ADVERBS
        or word_number(word) is not None
        or _is_staff_word(word) is not None
        or word in ("zwar", "auch", "noch", "dazu", "zwei", "drei")
    )


def _clause_times(toks: list[Tok], ids: list[int], sentences: list[int]) -> dict[int, str]:
    words: dict[int, set[str]] = {}
    sentence_of: dict[int, int] = {}
    first: dict[int, str] = {}
    for tok, cid, sid in zip(toks, ids, sentences, strict=True):
        words.setdefault(cid, set()).add(tok.low)
        if cid not in first and tok.low[0].isalnum():
            first[cid] = tok.low
        sentence_of[cid] = sid
    times: dict[int, str] = {}
    previous: tuple[int, str, set[str]] | None = None
    for cid in sorted(words):
        found = words[cid]
        if found & _LEAVING:
            time = "gone"
        elif found & _OCCASIONAL or {"hin", "wieder"} <= found or {"ab", "und", "zu"} <= found:
            time = "sometimes"
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[1] == "if"
            and first.get(cid) in _VERB_FIRST
        ):
            time = "if"  # "wenn alles gut läuft, sind wir Ende des Jahres 12"
        elif found & _PRESENT:
            time = "now"
        elif found & _PAST or {"mal", "hatte"} <= found:
            time = "past"
        elif {"wenn", "falls", "if", "sofern"} & found and not any(
            w.startswith(_COUNTING) for w in found
        ):
            time = "if"  # not "wenn ich die Azubis mitzähle, …": who counts, not a future
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[2] & _PAST
            and previous[2] <= _PAST | {","}
        ):
            time = "past"  # "Früher, 20 Leute"
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[1] == "gone"
            and first.get(cid) in ("dann", "then")
        ):
            time = "gone"  # "ab März kommen zwei dazu, dann sind wir 9"
        else:
            time = "now"
        times[cid] = time
        previous = (sentence_of[cid], time, found)
    return times


_BY_LAST: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _ends_with(low: list[str], j: int, patterns: list[tuple[str, ...]]) -> bool:
    index = _BY_LAST.get(id(patterns))
    if index is None:
        index = {}
        for p in patterns:
            index.setdefault(p[-1], []).append(p)
        _BY_LAST[id(patterns)] = index
    candidates = index.get(low[j])
    if not candidates:
        return False
    return any(j - len(p) + 1 >= 0 and tuple(low[j - len(p) + 1 : j + 1]) == p for p in candidates)


def _matches_before(low: list[str], k: int, patterns: list[tuple[str, ...]]) -> bool:
    """A pattern ends right before token ``k`` (fillers in between are skipped)."""
    j = k - 1
    while j >= 0:
        if _ends_with(low, j, patterns):
            return True
        if low[j] not in _SKIP_BEFORE:
            return False
        j -= 1
    return False


def _matches_after(low: list[str], k: int, patterns: list[tuple[str, ...]], reach: int = 3) -> bool:
    after = [w for w in low[k + 1 : k + 12] if w != "."]
    for start in range(min(reach, len(after))):
        if any(tuple(after[start : start + len(p)]) == p for p in patterns):
            return True
        if after[start] not in _FILLER and after[start] not in (",", "(", "-"):
            return False
    return False


def _staff_question_end(low: list[str]) -> int:
    """Token index after a question about the staff ("Wie viele Leute?"), or -1."""
    for k, word in enumerate(low):
        if word != "?":
            continue
        window = " ".join(low[max(0, k - 6) : k])
        if re.search(r"\b(wie ?viele?|how many)\b", window) and _STAFF_QUESTION.search(window):
            return k + 1
    return -1


def _is_rate(low: list[str], k: int) -> bool:
    after = [w for w in low[k + 1 : k + 4] if w not in ("der", "die", "dem", "den", "the")]
    return len(after) >= 2 and after[0] in _RATE_WORDS and after[1] in _UNIT_WORDS | _PERIODS


def _counted_before(low: list[str], k: int) -> bool:
    """Something was counted before token ``k``: "also sieben" then concludes it (a leading
    "Also, 5 Leute im Laden und 2 im Lager" does not)."""
    return any(
        w[0].isdecimal() or w in _OWNER or word_number(w) is not None or _is_staff_word(w)
        for w in low[:k]
        if w != MASK
    )


def _per_unit(toks: list[Tok], nums: list[Num], index: int) -> Mention | None:
    """ "zwei Kolonnen zu je vier Mann" -> 8 (units times the count per unit)."""
    num = nums[index]
    if index == 0:
        return None
    units = nums[index - 1]
    if num.first - units.last > 4 or units.kind == "year":
        return None
    noun, at = _noun_after(toks, num.last)
    unit_noun, _ = _noun_after(toks, units.last)
    if noun not in ("general", "role", "none") or unit_noun != "other":
        return None
    last = at if noun != "none" else num.last
    return Mention(units.value * num.value, units.first, last, "group", general=True)


def _with_group_before(low: list[str], k: int) -> bool:
    """ "mit (den) Aushilfen 14": the number right after "mit" + a staff noun."""
    j = k - 1
    if j < 1 or _is_staff_word(low[j]) is None:
        return False
    j -= 1
    if low[j] in _AREA_ARTICLES or low[j] in ("unseren", "meinen", "allen"):
        j -= 1
    return j >= 0 and low[j] in ("mit", "inklusive", "inkl", "samt")


def _last_sentence_alone(low: list[str], first: int, last: int) -> bool:
    """The number is a sentence of its own at the end of the message ("… und ich. Sechs.")."""
    before = low[first - 1] if first else ""
    return before in (".", "!", "?", "…") and all(not w[0].isalnum() for w in low[last + 1 :])


def _number_mentions(
    toks: list[Tok], nums: list[Num], ids: list[int], times: dict[int, str]
) -> list[Mention]:
    low = [t.low for t in toks]
    question = _staff_question_end(low)
    answered = False
    out: list[Mention] = []
    for index, num in enumerate(nums):
        k0, k1 = num.first, num.last
        prev = low[k0 - 1] if k0 else ""
        prev2 = low[k0 - 2] if k0 > 1 else ""
        if times.get(ids[k0]) != "now":
            continue
        noun, at = _noun_after(toks, k1)
        if num.kind == "year" and (noun not in ("general", "role") or prev in _YEAR_BEFORE):
            continue
        if num.kind == "zu":
            noun = "zu"
        unknown = at < len(low) and low[at].endswith(_PERSON_ENDINGS)
        if noun == "other" and unknown and not low[at].startswith(_CLIENTS):
            # "zwei Rezeptionistinnen": a person word the lexicon does not know
            out.append(Mention(num.value, k0, at, "unknown"))
        if noun in ("other", "unit"):
            continue
        if prev in _NEGATORS or (prev == "," and prev2 in _NEGATORS) or prev == "unter":
            continue
        if prev in ("der", "die", "den", "dem") and prev2 in ("unter", "uber", "an"):
            continue  # "knapp unter der 50": a threshold, not a count
        if prev in ("der", "den", "die", "von") and any(
            n.value == num.value and n.last < k0 for n in nums[:index]
        ):
            continue  # "eine der vier Frauen", "bei den vier im Büro": the same group again
        if prev == "als" and prev2 in ("weniger", "unter"):
            continue
        if prev == "wie" and not (k0 >= 2 and low[k0 - 2] in ("so", "genauso")):
            continue  # "es fühlt sich an wie dreißig": a comparison
        if prev in _PER_UNIT or (prev2, prev) == ("zu", "je"):
            group = _per_unit(toks, nums, index)
            if group is not None:
                out.append(group)
            continue
        if prev == "von" and k1 + 1 < len(low) and low[k1 + 1] == "auf":
            continue
        if prev == "ohne" or (prev2 == "ohne" and prev in ("sie", "die", "diese", "them")):
            continue
        last = at if noun in ("general", "role", "kin", "area") else k1
        strong = (
            _matches_before(low, k0, _STRONG_BEFORE)
            and (_counted_before(low, k0) or _matches_before(low, k0, _INCLUSIVE_BEFORE))
        ) or _matches_after(low, last, _STRONG_AFTER)
        if strong and prev == "mit" and last + 1 < len(low) and low[last + 1] == "zusammen":
            strong = False  # "ich arbeite mit 2 Kollegen zusammen": with them, not a total
        if question >= 0 and k0 >= question and not answered and noun in ("none", "general"):
            strong = answered = True
        if noun == "none" and _with_group_before(low, k0):
            strong = True  # "Mit den Aushilfen 14, ohne 9": the count with everyone
        if noun == "none" and _last_sentence_alone(low, k0, k1) and _counted_before(low, k0):
            strong = True  # "Herr Becker, Frau Yilmaz, … und ich. Sechs."
        if prev == "mit" and noun == "none" and not strong:
            continue  # "ist mit 70 noch jeden Tag da"
        if noun == "none" and not strong and (prev2, prev) in _AGE_BEFORE:
            continue  # "ich bin 45": an age
        if noun == "none" and _is_rate(low, k1):
            continue  # "rund 1000 im Monat", "60 pro Tag"
        sub = prev in _SUBSET_BEFORE or (prev2 in _SUBSET_BEFORE and prev in ("die", "der"))
        sub = sub or (prev2 in ("davon", "darunter") and prev not in ("ich", "mir", "mich"))
        sub = sub or _matches_after(low, last, [("of", "them"), ("davon",), ("darunter",)], 1)
        general = noun == "general"
        if num.kind == "beide":
            if prev in ("wir", "we"):
                out.append(Mention(2, k0, k1, "total"))
            elif noun in ("general", "role", "kin"):
                out.append(Mention(2, k0, last, "group", sub, general))
            continue
        if noun == "zu":
            kind = "strong" if strong else "total"
        elif noun == "general":
            if strong:
                kind = "strong"
            elif _matches_before(low, k0, _HAVE) or _matches_after(low, last, [("of", "us")], 1):
                kind = "total"
            else:
                kind = "group"
        elif noun in ("role", "kin", "area"):
            if _CONTRACTORS.match(low[at]) and not _matches_before(low, k0, _WE_ARE):
                continue  # "dazu zwei Freelancer, die auf eigene Rechnung arbeiten": not staff
            kind = "strong" if strong and noun == "area" else "group"
            sub = sub or bool(_SUBSET_ROLES.search(low[at]))
            general = low[at].endswith(_GENERAL_ROLE_ENDINGS)
        else:
            label = _label_before(toks, k0)
            if label == "other":
                continue
            we = _matches_before(low, k0, _WE_ARE) or _matches_after(low, k1, [("of", "us")], 1)
            if strong:
                kind = "strong"
            elif label == "staff" or we:
                kind = "total"
            elif label in ("role", "sub"):
                kind, sub = "group", sub or label == "sub"
            elif _noun_before(toks, k0):
                kind, general = "group", _noun_before(toks, k0) == "general"
            elif num.value < 10_000 and not (num.kind == "digits" and "." in toks[k0].text):
                kind = "bare"
            else:
                continue
        weak = kind == "total" and prev in ("wir", "we") and not _closes_at(toks, k1 + 1)
        out.append(Mention(num.value, k0, last, kind, sub, general, weak))
    if any(m.kind != "bare" for m in out) or any(_is_staff_word(w) for w in low):
        # "Aktuell aber noch 8": a bare number restated for now, next to other staff language
        out = [
            m._replace(kind="total")
            if m.kind == "bare" and _matches_before(low, m.first, _NOW_BEFORE)
            else m
            for m in out
        ]
    return out


def _member_position(low: list[str], j: int) -> bool:
    """Token ``j`` starts a member of a list ("…, meine Frau", "und ein Azubi", "mit mir")."""
    k = j - 1
    while k >= 0 and low[k] in _LIST_ADVERBS:
        k -= 1
    return k < 0 or low[k] in _MEMBER_BEFORE or low[k] in (".", "!", "?")


def _member_follows(low: list[str], k: int, with_ok: bool = False) -> bool:
    """A join word and another member come after token ``k`` ("ich und zwei …"; with
    ``with_ok`` also "ich mit meiner Frau …")."""
    if k + 2 >= len(low) or low[k + 1] not in (_JOIN | {"mit"} if with_ok else _JOIN):
        return False
    nxt = low[k + 2]
    return (
        nxt in _DETERMINERS
        or nxt in _OWNER
        or nxt[0].isdecimal()
        or word_number(nxt) is not None
        or _is_staff_word(nxt) is not None
        or nxt in _LIST_ADVERBS
    )


def _named(toks: list[Tok], k: int) -> bool:
    """ "Frau Krüger", "Herr Becker": a title and a name (not "Frau Doktor", not a noun)."""
    if k + 1 >= len(toks) or not toks[k].capital:
        return False
    name = toks[k + 1]
    return (
        name.capital
        and name.low.isalpha()
        and _is_staff_word(name.low) is None
        and name.low not in _FUNCTION
        and name.low not in ("doktor", "dr", "professor", "prof")
    )


def _person_mentions(
    toks: list[Tok], ids: list[int], times: dict[int, str], used: set[int]
) -> list[Mention]:
    """Single persons in a list ("meine Frau", "ein Azubi", "mein Bruder") and the owner."""
    low = [t.low for t in toks]
    # "… macht meine Steuerberaterin, aber die ist ja extern": the whole sentence
    sentence = [0]
    for w in low[:-1]:
        sentence.append(sentence[-1] + (w in (".", "!", "?")))
    outside = {sentence[k] for k, w in enumerate(low) if w in _EXTERNAL}
    external = {ids[k] for k in range(len(low)) if sentence[k] in outside}
    hired = {ids[k] for k, w in enumerate(low) if w in _HIRED}
    # "mit" joins people to the owner ("mach ich mit meiner Frau"), except when the owner
    # wants to talk to someone ("verbinden Sie mich mit einem Mitarbeiter")
    with_ok = not any(w.startswith(_TALK_STEMS) for w in low)
    out: list[Mention] = []
    for k, word in enumerate(low):
        if k in used or times.get(ids[k]) != "now" or ids[k] in external:
            continue
        if word in _OWNER:
            before = k - 1
            while before >= 0 and low[before] in _LIST_ADVERBS:
                before -= 1
            prev = low[before] if before >= 0 else ""
            nxt = low[k + 1] if k + 1 < len(low) else "."
            closes = not nxt[0].isalnum() or nxt in _JOIN or nxt in _LIST_ADVERBS
            closes = closes or nxt in ("im", "in", "am", "als", "bei", "vorne", "hinten")
            listed = prev in _JOIN | {":", "mit"} and (prev != "," or k > 2) and closes
            # "Mein Mann und ich führen das zusammen": coordinated with a person
            paired = (
                prev in ("und", "un", "&")
                and before >= 1
                and _is_staff_word(low[before - 1]) in ("kin", "role", "general")
            )
            if listed or paired or _member_follows(low, k, with_ok):
                out.append(Mention(1, k, k, "owner"))
            continue
        if word in _COUPLES:
            j = k - 1 if k and low[k - 1] in _DETERMINERS else k
            follows = k + 1 < len(low) and low[k + 1] in _JOIN
            if j < k or _member_position(low, k) or follows:
                out.append(Mention(_COUPLES[word], j, k, "person"))  # "meine Eltern", "Ehepaar"
            continue
        if word in ("frau", "herr", "herrn") and _named(toks, k):
            if set(low[max(0, k - 3) : k]) & _fold_set("von vom bei beim an für über mit"):
                continue  # "von der alten Frau Schmitz übernommen": not one of us
            listed = _member_position(low, k) or ids[k] in hired
            if listed or (k + 2 < len(low) and low[k + 2] in _JOIN):
                out.append(Mention(1, k, k + 1, "person"))  # "Herr Becker, Frau Yilmaz"
            continue
        kind = _is_staff_word(word)
        if kind is None or not toks[k].text[:1].isalpha():
            continue
        if _CONTRACTORS.match(word):
            continue
        if kind == "general" and word in _KIN:
            kind = "kin"  # "mein Mann"
        j, adjectives = k - 1, 0
        while (
            j >= 0
            and adjectives < 2
            and (low[j] in _ADJ_OK or (not toks[j].capital and low[j].endswith(("e", "en", "er"))))
        ):
            if low[j] in _DETERMINERS:
                break
            j, adjectives = j - 1, adjectives + 1
        if j < 0 or low[j] not in _DETERMINERS:
            if word in ("inhaber", "inhaberin", "chef", "chefin") and _member_position(low, k):
                out.append(Mention(1, k, k, "owner"))
            elif (
                j == k - 1
                and word in _KIN_SINGULAR
                and toks[k].capital
                and (low[j] if j >= 0 else ",") in _LIST_EDGE
                and (low[k + 1] if k + 1 < len(low) else ".") in _LIST_EDGE
            ):
                out.append(Mention(1, k, k, "person"))  # "Vater, Mutter, ich und mein Bruder"
            continue
        det = low[j]
        singular = det in _SINGULAR_DET or (
            (word in _KIN_SINGULAR or word.endswith(("in", "kraft", "hilfe", "ende")))
            and not word.endswith(("innen", "leute", "krafte"))
        )
        if not singular or word in ("leute", "personen", "kollegen", "menschen"):
            continue
        if j and low[j - 1] in ("an", "von", "bei", "fur", "uber", "vom", "beim", "zum", "nach"):
            continue
        definite = det not in _INDEFINITE
        position = _member_position(low, j) or (with_ok and j and low[j - 1] == "mit")
        follows = k + 1 < len(low) and low[k + 1] in ("und", "un", "+", ",", "sowie", "plus")
        if definite and not (j and low[j - 1] in _JOIN):
            continue
        if position or follows or ids[k] in hired and det in _ACCUSATIVE:
            out.append(Mention(1, j, k, "definite" if definite else "person"))
    return out


@lru_cache(maxsize=1024)
def _analyse(text: str) -> tuple[tuple[Tok, ...], tuple[Mention, ...], str]:
    toks = list(_tokens(text))
    nums = _scan_numbers(toks)
    ids, sentences = _clauses(toks)
    times = _clause_times(toks, ids, sentences)
    mentions = _number_mentions(toks, nums, ids, times)
    used = {k for m in mentions for k in range(m.first, m.last + 1)}
    mentions += _person_mentions(toks, ids, times, used)
    norm = " ".join(
        "mask" if t.low == MASK else t.low for t in toks if t.low not in ("-", "'", "’", "`")
    )
    return tuple(toks), tuple(sorted(mentions, key=lambda m: m.first)), norm


@lru_cache(maxsize=1024)
def _all_mentions(text: str) -> tuple[tuple[Mention, ...], tuple[int, ...], tuple[str, ...]]:
    """Every staff-like item of the message whatever its time (past, future, conditional), the
    sentence id and the clause time per token: what a reading has to account for to be sure."""
    toks = list(_tokens(text))
    ids, sentences = _clauses(toks)
    times = _clause_times(toks, ids, sentences)
    always = dict.fromkeys(ids, "now")
    mentions = _number_mentions(toks, _scan_numbers(toks), ids, always)
    used = {k for m in mentions for k in range(m.first, m.last + 1)}
    mentions += _person_mentions(toks, ids, always, used)
    return tuple(mentions), tuple(sentences), tuple(times[c] for c in ids)


def _solo_at(low: list[str]) -> int:
    """Token index of the last "allein"/"solo"/"nur ich" word, or -1."""
    hits = [k for k, w in enumerate(low) if w in ("allein", "alleine", "solo", "ich", "mich")]
    return hits[-1] if hits else -1


def _clause_words(low: list[str], k: int) -> set[str]:
    """The words of the clause around token ``k`` (up to punctuation)."""
    start = k
    while start > 0 and low[start - 1][0].isalnum():
        start -= 1
    end = k
    while end + 1 < len(low) and low[end + 1][0].isalnum():
        end += 1
    return set(low[start : end + 1])


_STORY_OK = (
    _FUNCTION
    | _DETERMINERS
    | _LIST_ADVERBS
    | _JOIN
    | _fold_set("dazu kommen kommt noch plus sowie jeden jede haben hat habe hab beschäftigen alle")
)


def _without_relatives(toks: list[Tok]) -> list[Tok]:
    """Tokens without relative clauses (", die alle voll mitarbeiten,")."""
    out: list[Tok] = []
    skipping = False
    for k, tok in enumerate(toks):
        if tok.low == "," and k + 1 < len(toks) and toks[k + 1].low in _RELATIVE:
            skipping = True
        elif tok.low == "," and skipping:
            skipping = False
        if not skipping:
            out.append(tok)
    return out


_RELATIVE = _fold_set("die der das welche welcher den denen who which that")


def _including(low: list[str], sentence: set[int]) -> bool:
    """The sentence starts with "mit …" / "inklusive …" ("Mit den Azubis sind wir 14")."""
    lead = next((low[k] for k in sorted(sentence) if low[k][0].isalnum()), "")
    return lead in ("mit", "inklusive", "inkl", "samt", "zusammen")


def _anaphoric(low: list[str], sentence: set[int]) -> bool:
    """ "Mit denen sind wir jetzt 14": the people just mentioned."""
    words = [low[k] for k in sorted(sentence) if low[k][0].isalnum()]
    return len(words) > 1 and words[1] in ("denen", "ihnen", "ihr", "ihm", "diesen", "them")


def _spelled_out(
    reading: StaffReading, everything: tuple[Mention, ...], sentence: set[int], used: set[int]
) -> bool:
    """The parts named in the reading's sentence add up to its total (with the owner)."""
    parts = [
        m for m in everything if m.first in sentence and not used & set(range(m.first, m.last + 1))
    ]
    total = sum(m.value for m in parts if m.kind not in ("unknown", "owner"))
    if any(m.kind == "owner" for m in parts):
        total += 1
    elif total + 1 == reading.count and total:
        return True  # the owner not named: "meine Frau und mein Sohn helfen, wir sind drei"
    return bool(parts) and total == reading.count


def _added_at(low: list[str], k: int) -> bool:
    """An addition marker right before token ``k`` ("dazu kommen noch zwei …")."""
    return bool(set(low[max(0, k - 3) : k]) & _fold_set("dazu zusätzlich außerdem hinzu plus"))


def _things_counted(toks: list[Tok], sentence: set[int], used: set[int]) -> bool:
    """Another number of the sentence counts things ("20 Anfragen pro Tag")."""
    for num in _scan_numbers(toks):
        if (
            num.first in sentence
            and num.first not in used
            and num.kind != "year"
            and _noun_after(toks, num.last)[0] == "other"
        ):
            return True
    return False


_OWNER_WORDS = _fold_set("chef chefin inhaber inhaberin geschäftsführer geschäftsführerin")
_LIST_GAP = (
    _JOIN
    | _LIST_ADVERBS
    | _FILLER
    | _fold_set(
        ", : ( ) - – und dazu kommen kommt noch plus sowie im in am an der die den dem draußen "
        "drinnen vorne hinten büro werkstatt laden lager küche verwaltung service teilzeit vollzeit"
    )
)


def _sure(text: str, reading: StaffReading) -> bool:
    """Whether ``reading`` can be stored without asking (issue 8: be sure or ask).

    Not sure: a range ("8-10"); a count with other staff numbers or persons around it that the
    reading does not use (another time, a sub-group without "davon", someone else) unless the
    reading is the owner's own conclusion ("… also zehn"), the present against a stated past
    ("früher 25, seit 2021 14"), a total that includes them ("mit den beiden Meistern und mir
    sind wir zwölf") or a total with its parts spelled out; a composition whose parts lie in
    different sentences or are separated by a story; persons summed while the owner is mentioned
    but not listed; an addition without a base ("dazu kommen zwei Angestellte"); a bare number
    next to counts of other things ("20 Anfragen im Sommer, im Winter eher 5").
    """
    toks = list(_tokens(text))
    low = [t.low for t in toks]
    everything, sentences, times = _all_mentions(text)
    used: set[int] = set()
    for first, last in reading.parts:
        used.update(range(first, last + 1))
    if any(n.kind == "range" and n.first in used for n in _scan_numbers(toks)):
        return False
    if reading.source == "owners+staff":
        return False
    first = min(a for a, _ in reading.parts) if reading.parts else _solo_at(low)
    sentence = {k for k, sid in enumerate(sentences) if first >= 0 and sid == sentences[first]}
    if reading.source != "total" and _unlisted_people(toks, everything, sentence, used):
        return False  # "Vater, Mutter, ich und mein Bruder": listed persons not counted
    others = []
    for m in everything:
        if m.kind == "owner" or used & set(range(m.first, m.last + 1)):
            continue
        marked = _subset_marked(low, m) or _matches_after(low, m.last, _SUBSET_AFTER, 1)
        counting = any(w.startswith(_COUNTING) for w in _clause_words(low, m.first))
        if (m.sub and marked or counting) and m.value < reading.count:
            continue  # "davon 3 Azubis", "…, wenn man die beiden Minijobber mitzählt"
        if m.value == reading.count and m.kind in ("total", "strong", "bare", "group"):
            continue  # the same count said twice
        if m.kind in ("definite", "person") and low[m.last] in _OWNER_WORDS:
            continue  # "dä Chef met jerechnet", "die Chefin"
        if (
            reading.source == "total"
            and m.value < reading.count
            and _including(low, sentence)
            and m.first < first
            and (m.first in sentence or _anaphoric(low, sentence))
        ):
            continue  # "Mit den beiden Schichtleitern und mir sind wir zwölf", "Mit denen …"
        others.append(m)
    strong = reading.source == "total" and any(
        _matches_before(low, a, _STRONG_BEFORE) or _matches_after(low, b, _STRONG_AFTER)
        for a, b in reading.parts[:1]
    )
    if strong and not any(m.first > first and m.kind != "person" for m in others):
        return True  # the owner's own conclusion, nothing counted after it
    if others:
        now = [m for m in others if times[m.first] == "now"]
        words = {low[k] for k in sentence}
        if not now and words & _PRESENT:
            return True  # "früher 25, seitdem 14", "jetzt 6, wir suchen noch zwei"
        if reading.source == "total" and _spelled_out(reading, everything, sentence, used):
            # "wir sind 4 – mein Kollege und ich sowie zwei Aushilfen": the total spelled out
            return not [m for m in others if m.first not in sentence and times[m.first] == "now"]
        return False
    if first >= 0 and _added_at(low, first):
        return False  # "… und dazu kommen noch zwei Angestellte": added to whom?
    if reading.source == "bare" and (
        _ALTERNATIVES.search(" ".join(low)) or _things_counted(toks, sentence, used)
    ):
        return False  # "im Sommer 20 Anfragen pro Tag, im Winter eher 5"
    if reading.source == "composition" and len(reading.parts) > 1:
        spans = sorted(reading.parts)
        if len({sentences[a] for a, _ in spans}) > 1:
            return False
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            gap = [
                t.low
                for t in _without_relatives(toks[end + 1 : start])
                if t.low.isalpha() and not t.capital and t.low not in _STORY_OK
            ]
            if len(gap) >= 2:
                return False  # parts separated by a story ("hilft jeden Tag in der Küche")
        persons = any(m.kind in ("person", "definite") for m in everything if m.first in used)
        owner = any(m.kind == "owner" for m in everything) or _owner_flags(
            " ".join(low), low, list(everything)
        ) != (False, False)
        if persons and not owner and {"ich", "isch"} & {low[k] for k in sentence}:
            return False  # "…, mein Cousin ist an der Kasse, und ich stehe am Grill"
        for m in everything:
            if m.first in used and m.kind == "group" and m.general and m.first == spans[-1][0]:
                between = set(low[spans[-2][1] + 1 : m.first])
                if not between & (_ADD_MARKERS | _JOIN) - {","}:
                    return False  # "Ich und mein Bruder, 4 Leute": the total or on top?
    return True


_LIST_EDGE = frozenset((",", "und", "un", "&", "+", ":", "(", ")", "-", "–", ".", "!", "?", ";"))


def _unlisted_people(
    toks: list[Tok], everything: tuple[Mention, ...], sentence: set[int], used: set[int]
) -> bool:
    """A capitalised person noun stands as a list item of the reading's sentence ("Vater,
    Mutter, ich und mein Bruder") but is part of no count: the reading may miss people."""
    low = [t.low for t in toks]
    covered = set(used) | {k for m in everything for k in range(m.first, m.last + 1)}
    for k in sorted(sentence):
        if k in covered or not toks[k].capital or _is_staff_word(low[k]) not in ("kin", "role"):
            continue
        prev = low[k - 1] if k else ","
        nxt = low[k + 1] if k + 1 < len(low) else "."
        if prev in _LIST_EDGE and nxt in _LIST_EDGE:
            return True
    return False


_ALSO_ONE = re.compile(
    r"\b(ich|isch) (bin |selbst |bin selbst )?(auch|ebenfalls|selber auch) (ein |eine |als )?(\w+)"
)


def _owner_one_of(low: list[str]) -> bool:
    """ "Wir sind 5 Fahrer, ich auch Fahrer": the owner is one of the counted group."""
    match = _ALSO_ONE.search(" ".join(low))
    return bool(match) and _is_staff_word(match.group(5)) in ("role", "general")


_STILL = re.compile(r"\b(geblieben|immer noch|noch immer|nach wie vor|bis heute|still)\b")


def _now_norm(toks: list[Tok]) -> str:
    """The folded words of the present-time clauses only."""
    ids, sentences = _clauses(toks)
    times = _clause_times(toks, ids, sentences)
    return " ".join(
        t.low for t, c in zip(toks, ids, strict=True) if times[c] == "now" and t.low != "-"
    )


def _owner_flags(
    norm: str, low: list[str], mentions: list[Mention], implied: bool = True
) -> tuple[bool, bool]:
    """(owner explicitly included, owner to be added on top). ``implied``: also add the owner
    where only "ich habe N …" suggests it (see :func:`_owner_implied`)."""
    owner_in = bool(_OWNER_IN.search(norm)) or _owner_one_of(low)
    owner_in = owner_in and not _OWNER_EXCLUDED.search(norm)  # "ich bin nicht dabei gezählt"
    extra = bool(_OWNER_EXTRA.search(norm)) or any(m.kind == "owner" for m in mentions)
    talk = any(w.startswith(_TALK_STEMS) for w in low)
    if not talk and _OWNER_WITH.search(norm):
        extra = True  # "ich arbeite mit einer Angestellten", "mach ich mit meiner Frau"
    if implied:
        extra = extra or _implied_owner(norm, low, mentions)
    return owner_in, extra and not owner_in


def _implied_owner(norm: str, low: list[str], mentions: list[Mention]) -> bool:
    """Only "ich habe N Angestellte" / "ich bin 45 und habe …" says the owner is not counted."""
    if _I_AND_HAVE.search(norm):
        return True
    groups = [m for m in mentions if m.kind in ("group", "total", "person")]
    if groups:
        first = groups[0].first
        window = " ".join(w for w in low[max(0, first - 5) : first] if w not in _FILLER)
        return bool(_I_HAVE.search(window))
    return False


def _owner_implied(norm: str, low: list[str], mentions: list[Mention]) -> bool:
    """The owner is added on top only because of "ich habe N …": owners write that for the
    firm's total as well as for the staff besides themselves, so such a count is asked."""
    return _owner_flags(norm, low, mentions) != _owner_flags(norm, low, mentions, False)


_CONCLUDING = _fold_set("also macht zusammen insgesamt summa gesamt total ergibt")


def _concluding_sum(low: list[str], mentions: list[Mention]) -> list[Mention]:
    """ "… Also zwei Gründer plus fünf.": a last sentence that concludes with a sum."""
    ends = [k for k, w in enumerate(low) if w in (".", "!", "?")]
    start = ends[-2] + 1 if len(ends) >= 2 and ends[-1] == len(low) - 1 else 0
    if len(ends) == 1 and ends[0] < len(low) - 1:
        start = ends[0] + 1
    if start >= len(low) or low[start] not in _CONCLUDING:
        return []
    parts = [
        m
        for m in mentions
        if m.first >= start and m.kind in ("group", "bare", "total", "strong", "person", "owner")
    ]
    joined = any(w in ("plus", "+", "und") for w in low[start:])
    for a, b in zip(parts, parts[1:], strict=False):
        if not set(low[a.last + 1 : b.first]) <= _JOIN | _FILLER:
            return []  # "Insgesamt sind wir elf: zehn Fahrer und ich": a total and its parts
    return parts if len(parts) >= 2 and joined else []


def _owners_before(low: list[str], mentions: list[Mention], pick: Mention) -> list[Mention]:
    """Persons named before a "wir haben N Angestellte" total ("mit meinem Bruder")."""
    window = low[max(0, pick.first - 4) : pick.first]
    if not pick.general or not {"haben", "hat", "beschaftigen"} & set(window):
        return []
    return [m for m in mentions if m.kind in ("person", "definite") and m.last < pick.first]


def _decide(
    toks: list[Tok], mentions: list[Mention], norm: str, lenient: bool, implied: bool = True
) -> StaffReading | None:
    low = [t.low for t in toks]

    def reading(members: list[Mention], value: int, source: str) -> StaffReading:
        first = min(m.first for m in members)
        last = max(m.last for m in members)
        parts = tuple((m.first, m.last) for m in members)
        return StaffReading(value, toks[first].start, toks[last].end, source, parts=parts)

    whole = (toks[0].start, toks[-1].end)
    owner_in, owner_extra = _owner_flags(norm, low, mentions, implied)
    summed = _concluding_sum(low, mentions)
    if summed:
        return reading(summed, sum(m.value for m in summed), "total")
    strong = [m for m in mentions if m.kind == "strong"]
    if strong:
        return reading([strong[-1]], strong[-1].value, "total")
    counts = {m.value for m in mentions if m.kind in ("total", "group", "bare")}
    if len(counts) > 1 and len(_ALTERNATIVES.findall(norm)) >= 1:
        return None  # "35 Leute im Sommer, im Winter 25": the owner has to choose
    totals = [m for m in mentions if m.kind == "total"]
    if any(not m.weak for m in totals):
        totals = [m for m in totals if not m.weak]  # "…, dass wir zwei uns nie einig sind"
    if totals:
        pick = totals[-1]
        value = pick.value
        added = [pick]
        owners = _owners_before(low, mentions, pick)
        if owners and not owner_in:
            # "Ich führe die Firma mit meinem Bruder, und wir haben 23 Angestellte": the
            # owners run the firm, the employees come on top (who counts: ask)
            value += sum(m.value for m in owners) + (1 if owner_extra else 0)
            return reading([pick, *owners], value, "owners+staff")
        for m in mentions:
            if m.first <= pick.last or m.sub or m.kind not in ("group", "person", "owner"):
                continue
            window = set(low[max(pick.last + 1, m.first - 6) : m.first])
            joined = (
                m.kind == "owner"
                and not owner_in
                and low[m.first - 1] in _JOIN
                and m.first - pick.last <= 3
            )
            if window & _ADD_MARKERS or (m.kind == "group" and "haben" in window) or joined:
                value += m.value  # "… dazu kommt eine Aushilfe", "fünf Leute und ich"
                added.append(m)
        if _OWNER_EXCLUDED.search(norm) and not owner_in:
            value += 1
        return reading(added, value, "total")
    groups = [m for m in mentions if m.kind == "group"]
    persons = [m for m in mentions if m.kind == "person"]
    definite = [m for m in mentions if m.kind == "definite"]
    owners = [m for m in mentions if m.kind == "owner"]
    if any(m.kind == "unknown" for m in mentions) and (groups or persons or owners):
        return None  # a sum with a part we cannot read: better ask again than guess
    if groups:
        members = [m for m in groups if not (m.sub and _subset_marked(low, m))]
        members += [
            m for m in mentions if m.kind == "bare" and not m.sub and _listed_with(low, m, groups)
        ]
        members += persons + definite
        others = [m for m in members]
        owner = 1 if owner_extra else 0
        for g in groups:
            rest = sum(m.value for m in others if m is not g) + owner
            summary = all(m.last < g.first for m in others if m is not g) and g.first > 0
            summary = summary and low[g.first - 1] in (",", ":", "-", "–", "=", "also")
            summary = summary and not any(o.first > g.last for o in owners)
            if g.general and rest and g.value == rest and (_apposition(low, g, others) or summary):
                listed = [m for m in others if m is not g] + owners
                return reading([g, *listed], g.value, "composition")
        if not members:
            return None
        total = sum(m.value for m in members) + owner
        only_sub = all(m.sub for m in members) and not owner
        single_role = len(members) == 1 and not members[0].general and not owner and not owner_in
        if only_sub or single_role:
            stated = _matches_before(low, members[0].first, _WE_ARE) and not only_sub
            if not stated and not _COMPLETE.search(norm):
                if lenient and single_role and not only_sub and members[0].kind == "group":
                    # "12 LKW, 15 Fahrer" as the answer to the staff question: likely, asked
                    return replace(reading(members, total, "composition"), sure=False)
                return None
        return reading(members + owners, max(total, 1), "composition")
    if persons or owners:
        people = persons + definite
        count = sum(m.value for m in people) + (1 if owner_extra else 0)
        have = bool(_I_HAVE.search(" ".join(low)))
        if count >= 2 and (owners or have or lenient) and people:
            return reading(people + owners, count, "composition")
    now = _now_norm(toks)  # "Am Anfang war's nur ich …" is the past
    for sentence in re.split(r" [.!?] ?", norm):
        if _STILL.search(sentence):
            now += " . " + sentence  # "als Ein-Mann-Betrieb gestartet, und das bin ich geblieben"
    if _SOLO.search(now) and not _SOLO_NOT.search(now):
        return StaffReading(1, *whole, "solo")
    if _PAIR.search(now):
        return StaffReading(2, *whole, "solo")
    if _ZERO.search(now):
        return StaffReading(1, *whole, "solo")
    if not lenient:
        return None
    letters = " ".join(w for w in low if w[0].isalnum())
    if letters and _SOLO_ANSWER.match(letters):
        return StaffReading(1, *whole, "solo")
    bare = [m for m in mentions if m.kind == "bare" and not m.sub]
    if not bare:
        return None
    if len({m.value for m in bare}) > 1:
        between = set(low[bare[0].last + 1 : bare[-1].first])
        if not between & _SELF_FIX:
            return None
    value = bare[-1].value + (1 if owner_extra else 0)
    return reading([bare[-1]], value, "bare")


def _subset_marked(low: list[str], member: Mention) -> bool:
    return bool(set(low[max(0, member.first - 3) : member.first]) & _SUBSET_BEFORE)


def _apposition(low: list[str], group: Mention, members: list[Mention]) -> bool:
    """The other members come right after the group as its spelled-out list ("5 Leute: ich,
    …", "drei Leute (meine Frau, …)", "vier Mitarbeiter, nämlich …"); "Drei Vollzeitkräfte,
    zwei in Teilzeit und ich" is a sum."""
    later = [m for m in members if m is not group]
    if not later or not all(m.first > group.last for m in later):
        return False
    if all(m.kind in ("person", "definite", "owner") for m in later):
        return True  # "nur drei Personen, meine Frau, mein Sohn und ich"
    after = low[group.last + 1 : group.last + 4]
    return bool(after) and (
        after[0] in (":", "(", "-", "–", "namlich", "also")
        or after[:2] in ([",", "namlich"], [",", "also"], ["und", "zwar"], [",", "und"])
    )


def _listed_with(low: list[str], bare: Mention, groups: list[Mention]) -> bool:
    for g in groups:
        before = g.last < bare.first
        between = low[g.last + 1 : bare.first] if before else low[bare.last + 1 : g.first]
        if len(between) <= 3 and set(between) & _JOIN:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# 4. Public API


_CODE = re.compile(
    r"[{}]|\"\s*:|^\s*/\w|[A-Za-z_]\(\s*[\d'\"]|=>"
    r"|</?(?!(?:b|i|u|p|br|em|strong|span|div|small|mark)\b)[A-Za-z][^>]{0,200}>",
    re.IGNORECASE,
)


def looks_like_code(text: str) -> bool:
    """JSON, payloads, markup or code ("{"employees": 5}", "/inform{…}", "alert(1)"): such
    text is text, never a profile value."""
    return bool(_CODE.search(text))


def read_staff(text: str, lenient: bool = False) -> StaffReading | None:
    """The staff count of ``text`` (see the module docstring), or None.

    ``lenient`` is for an answer to "Wie viele Beschäftigte …?": a bare number counts then.
    """
    if not isinstance(text, str) or not text.strip() or looks_like_code(text):
        return None
    toks, mentions, norm = _analyse(text)
    if not toks:
        return None
    reading = _decide(list(toks), list(mentions), norm, lenient)
    if reading is None or not 1 <= reading.count <= MAX_COUNT:
        if reading is not None and reading.count == 0:
            return StaffReading(1, reading.start, reading.end, reading.source)
        return None
    if _other_party(text, reading) or _age(text, reading) or _visitors(text, reading):
        return None
    low = [t.low for t in toks]
    if _owner_implied(norm, low, list(mentions)):
        # "Ich bin 52 und habe 4 Leute": 4 or 5? The count as written, confirmed first.
        alone = _decide(list(toks), list(mentions), norm, lenient, implied=False)
        if alone is not None and alone.count != reading.count and alone.count >= 1:
            return replace(alone, sure=False, alternative=reading.count)
        reading = replace(reading, sure=False)
    if not _sure(text, reading):
        reading = replace(reading, sure=False)
    return reading


_OTHER_PARTY = _fold_set(
    "kunde kunden kundin kundschaft nachbar nachbarn nachbarin konkurrent konkurrenten "
    "konkurrenz mitbewerber lieferant lieferanten auftraggeber bruder schwester schwager "
    "schwägerin freund freundin bekannter bekannte kumpel onkel tante cousin cousine "
    "customer customers neighbour neighbor competitor supplier friend brother sister"
)
_HAVING = _fold_set("hat hatte beschäftigt beschaeftigt has had employs")
_FIRST_PERSON = _fold_set("wir ich uns mir mich we i us me")


_AGE_VERB = re.compile(r"\b(ich bin|bin ich|ist|wird|werde|wurde|war|is|am|turned)\s*$")
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
    return bool(_VISIT.search(near)) and not _STAFF_CONTEXT.search(clause)


_CLAUSE_BREAK = re.compile(r"[.!?;,\n]|[^\w\s'’\-–:/()\"„“+&]")


def _other_party(text: str, reading: StaffReading) -> bool:
    """The count is another party's staff ("Mein Kunde hat 50 Mitarbeiter", "Unser Nachbar,
    ein Friseur, hat 8 Leute"): its sentence names someone else who has them and neither
    "wir" nor "ich"."""
    start = max(text.rfind(c, 0, reading.start) for c in ".!?;\n") + 1
    ends = [i for i in (text.find(c, reading.end) for c in ".!?;\n") if i >= 0]
    words = set(fold_all(re.findall(r"\w+", text[start : min(ends, default=len(text))].lower())))
    return bool(words & _OTHER_PARTY and words & _HAVING and not words & _FIRST_PERSON)


def employee_count_in_context(text: str) -> int | None:
    """Staff count only from staff language (never from phone numbers, postal codes, dates,
    prices, times or house numbers)."""
    reading = read_staff(text)
    return reading.count if reading else None


def employee_span(text: str) -> tuple[int, int, int] | None:
    """``(start, end, count)`` for :func:`employee_count_in_context`."""
    reading = read_staff(text)
    return (reading.start, reading.end, reading.count) if reading else None


def parse_employee_count(text: str) -> int | None:
    """Staff count for an answer to "Wie viele Beschäftigte …?" (a bare number counts)."""
    reading = read_staff(text, lenient=True)
    return reading.count if reading else None


def plausible_counts(text: str) -> list[tuple[int, int, int]]:
    """Numbers that could answer "how many?": 1-9999, no year, no masked thing, no unit or
    other noun after it ("3 Jahre", "12 Fahrzeuge") and no label before it ("Frage 3")."""
    toks = _tokens(text)
    out = []
    for num in _scan_numbers(toks):
        if num.kind == "year" or not 0 < num.value < 10_000:
            continue
        noun, _ = _noun_after(toks, num.last)
        prev = toks[num.first - 1].low if num.first else ""
        if noun in ("other", "unit") or prev in _LABEL_WORDS or num.kind == "beide":
            continue
        out.append((toks[num.first].start, toks[num.last].end, num.value))
    return out


_LABEL_WORDS = _fold_set(
    "frage nummer nr punkt seite schritt kapitel version teil stufe seit vor im am um level "
    "platz plz postleitzahl tel telefon haus hausnummer question step"
)
