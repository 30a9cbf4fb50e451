"""Tokens of a masked text and the numbers in them.

:func:`_tokens` splits the masked text into tokens (masked spans become one ``§`` token);
:func:`_scan_numbers` finds digits, number words, "zu fünft", "Dutzend" forms, "eine Handvoll"
and "beide", and merges ranges ("10-12", "zwischen 8 und 10", "zehn, elf") to their midpoint,
rounded down. :func:`find_numbers` gives them as character spans.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.nlu.numbers.masking import MASK, mask
from bot.nlu.numbers.words import _ZU, _ZU_WORDS, word_number
from bot.nlu.text import clean, fold

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
        if low == "ish" and out:  # "twenty-ish", "10ish": the number, approximately
            if out[-1].low == "-":
                out.pop()
            continue
        out.append(Tok(m.start(), m.end(), original[m.start() : m.end()], low))
    return tuple(out)


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
    if low[0] in _ARTICLES or low[0] in ("n", "nen", "dozen"):  # "n halbes Dutzend"
        factor = 1.0
        k = 0 if low[0] == "dozen" else 1
    elif low[0] in ("halbes", "halbe"):  # "halbes Dutzend" without an article
        factor, k = 1.0, 0
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
