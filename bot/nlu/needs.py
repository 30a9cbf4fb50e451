"""Maps a free-text answer to "Wobei wünschen Sie sich Unterstützung?" to a need code."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from bot.nlu.text import fold_all, load_yaml, normalized

NONE = "none"


@lru_cache(maxsize=1)
def keywords() -> dict[str, list[str]]:
    """Folded keywords per need code (from data/lookup/needs.yml)."""
    return {code: fold_all(words) for code, words in load_yaml("needs.yml").items()}


def parse_need(text: str, codes: Iterable[str]) -> str | None:
    """The need code of the first topic keyword (a word-prefix match) in ``text``; "none" only
    when no topic is named; None if nothing matches.

    Only codes in ``codes`` (plus "none") are considered. A payload that is itself a valid code
    maps to that code. The topic named first is the owner's main wish ("Fördergeld wäre gut, und
    Programm für Einsatzplan"); a topic beats a "nee" before it ("Nee, ich mein die
    Unterstützung. Bei der Internetseite will ich Hilfe").
    """
    allowed = set(codes) | {NONE}
    norm = normalized(text)
    if norm.replace(" ", "_") in allowed:
        return norm.replace(" ", "_")
    padded = f" {norm}"
    best: tuple[bool, int, int, str] | None = None
    for code, words in keywords().items():
        if code not in allowed:
            continue
        for word in words:
            at = padded.find(f" {word}")
            if at < 0:
                continue
            key = (code == NONE, at, -len(word), code)
            if best is None or key < best:
                best = key
    return best[3] if best else None
