"""German (and English) number words: "achtunddreissig" -> 38, dialect and misspellings.

:func:`word_number` reads one folded word; the tables also hold Rhenish / Kölsch forms and the
"zu fünft" forms (:data:`_ZU`) that :mod:`bot.nlu.numbers.scanning` reads as a group size.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNITS = {
    "null": 0, "ein": 1, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "funf": 5,
    "fumf": 5, "fimf": 5, "sechs": 6, "sieben": 7, "siebn": 7, "acht": 8, "neun": 9,
    # Rhenish / Kölsch forms
    "veer": 4, "funnef": 5, "sibbe": 7, "siebe": 7, "aach": 8, "nung": 9,
    # spoken forms with a final -e ("sechse mit mir"; not "achte", an ordinal)
    "zweie": 2, "dreie": 3, "viere": 4, "funfe": 5, "fumfe": 5, "sechse": 6, "siebene": 7,
}  # fmt: skip
_TEENS = {
    "zehn": 10, "elf": 11, "olf": 11, "zwolf": 12, "zehne": 10, "elfe": 11, "ellef": 11,
    "zwolfe": 12, "dreizehn": 13, "vierzehn": 14,
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
    "dreien": 3, "vieren": 4, "funfen": 5, "veert": 4, "sibbt": 7, "dreizehnt": 13,
    "vierzehnt": 14, "funfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17, "achtzehnt": 18,
    "neunzehnt": 19, "zwanzigst": 20,
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
        for joint in ("und", "un"):  # "zweiundzwanzig", dialect "zweiunzwanzich"
            rest = word[len(unit) + len(joint) :]
            if value and word.startswith(unit + joint) and rest in _TENS:
                return value + _TENS[rest]
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
