"""Shared normalisation helpers for the deterministic German NLU parsers.

Everything here is pure Python and cheap.  The central idea is *folding*: a lower-case,
umlaut-free spelling in which "Wülfrath", "Wuelfrath" and "Wulfrath" all become
"wulfrath".  Vocabularies are folded with the same function when they are loaded, so
matching stays consistent even where folding produces odd spellings ("Steuer" ->
"steur").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_CHARS = 2000
"""Parsers only look at this many leading characters (keeps worst-case time bounded)."""

LOOKUP_DIR = Path(__file__).resolve().parents[2] / "data" / "lookup"

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e"})
_DIGRAPHS = re.compile(r"ae|oe|ue")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_WORD = re.compile(r"[^\W_]+(?:['’`´][^\W_]+)?", re.UNICODE)
_TAGS = re.compile(r"<[^>]{0,200}>")

DETERMINERS = frozenset(
    [
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "unser",
        "unsere",
        "unseren",
        "unserem",
        "unserer",
        "mein",
        "meine",
        "meinen",
        "meinem",
        "meiner",
        "kleine",
        "kleinen",
        "kleiner",
        "kleines",
        "eigene",
        "eigenen",
        "eigener",
    ]
)
"""Folded words that, placed before a guarded word ("eine Bar"), make it a noun."""


class Token(NamedTuple):
    """A word of the original text: character offsets plus its folded form."""

    start: int
    end: int
    text: str
    norm: str


def _replace_digraph(match: re.Match[str]) -> str:
    return match.group(0)[0]


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case and fold umlauts, umlaut digraphs (ae/oe/ue), ß and apostrophes."""
    text = text.lower().translate(_UMLAUTS)
    text = text.replace("'", "").replace("’", "").replace("`", "").replace("´", "")
    return _DIGRAPHS.sub(_replace_digraph, text)


def clean(text: Any) -> str:
    """Return a bounded, tag-free string (never raises on odd input)."""
    if not isinstance(text, str):
        return ""
    text = text[:MAX_CHARS]
    if "<" in text:
        text = _TAGS.sub(lambda m: " " * len(m.group(0)), text)
    return _DASHES.sub("-", text)


def tokenize(text: str) -> list[Token]:
    """Split into word tokens (letters/digits, inner apostrophes kept) with offsets."""
    return [Token(m.start(), m.end(), m.group(0), fold(m.group(0))) for m in _WORD.finditer(text)]


def normalized(text: str) -> str:
    """Folded text with every run of non-word characters collapsed to one space."""
    return " ".join(t.norm for t in tokenize(clean(text)))


def load_yaml(name: str) -> dict[str, Any]:
    """Load a vocabulary file from ``data/lookup``."""
    with open(LOOKUP_DIR / name, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at top level")
    return data


def fold_all(words: Any) -> list[str]:
    """Fold a list of vocabulary entries, turning hyphens into spaces."""
    out = []
    for word in words or []:
        norm = " ".join(t.norm for t in tokenize(str(word).replace("-", " ")))
        if norm:
            out.append(norm)
    return out


def has_guard(tokens: list[Token], index: int) -> bool:
    """True when token ``index`` is preceded by a determiner or the message is tiny."""
    if len(tokens) <= 2:
        return True
    return index > 0 and tokens[index - 1].norm in DETERMINERS


def fuzzy_lookup(word: str, choices: dict[str, str], long_edits: int = 2) -> str | None:
    """Value of the choice within 1 edit (``long_edits`` from 10 letters on), else None.

    Edits are optimal-string-alignment operations (a swap of neighbours is one edit).
    Callers pass only choices that share the word's first letter.
    """
    best = process.extractOne(word, list(choices), scorer=OSA.distance, score_cutoff=2)
    if best is None:
        return None
    allowed = long_edits if min(len(word), len(best[0])) >= 10 else 1
    return choices[best[0]] if best[1] <= allowed else None
