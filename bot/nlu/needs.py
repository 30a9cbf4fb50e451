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
    """The need code whose longest keyword starts a word of ``text``; None if none matches.

    Only codes in ``codes`` (plus "none") are considered. A payload that is itself a valid code
    maps to that code.
    """
    allowed = set(codes) | {NONE}
    norm = normalized(text)
    if norm.replace(" ", "_") in allowed:
        return norm.replace(" ", "_")
    padded = f" {norm}"
    best: tuple[int, str] | None = None
    for code, words in keywords().items():
        if code not in allowed:
            continue
        for word in words:
            if f" {word}" in padded and (best is None or len(word) > best[0]):
                best = (len(word), code)
    return best[1] if best else None
