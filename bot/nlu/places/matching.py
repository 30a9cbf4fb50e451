"""Town names in a text: every municipality the vocabulary finds, with its span.

Vocabulary lives in ``data/lookup/places.yml``.  Matching works on folded tokens
(see :mod:`bot.nlu.text`), longest n-gram first, so "Hamm (Westfalen)" is `andere`
while "Hamm" is the Düsseldorf district.  Typos are matched with rapidfuzz on single
tokens of 6+ letters (1 edit, 2 from 10 letters on, same first letter), never on
stop-listed ordinary words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from bot.nlu.text import (
    Token,
    clean,
    fold_all,
    fuzzy_lookup,
    load_yaml,
    tokenize,
)
from contract.questionnaire import load_questionnaire

MUNICIPALITIES = list(load_questionnaire().option_ids("municipality"))

# Match classes, lower is stronger.
NAME, GENERIC, PHRASE = 0, 1, 2
FUZZY_MIN_LEN = 6
_NEGATORS = frozenset({"nicht", "nich", "net", "not", "kein", "keine", "ausserhalb", "ausser"})
_PREPOSITIONS = frozenset({"in", "aus", "nach", "bei", "von", "im", "vom", "en"})  # Kölsch "en"


class PlaceMatch(NamedTuple):
    """A municipality found in a text, with the token span that produced it."""

    value: str
    start: int
    end: int
    fuzzy: bool = False


class _Vocab(NamedTuple):
    index: dict[str, tuple[str, int]]
    context_only: dict[str, str]
    ignore: frozenset[str]
    stopwords: frozenset[str]
    max_ngram: int
    fuzzy_choices: dict[str, dict[str, str]]


def _add(index: dict[str, tuple[str, int]], words: list[str], value: str, cls: int) -> None:
    for word in words:
        if word in index and index[word][0] != value:
            raise ValueError(f"places.yml: {word!r} maps to {index[word][0]} and {value}")
        index[word] = (value, cls)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_yaml("places.yml")
    index: dict[str, tuple[str, int]] = {}
    context_only: dict[str, str] = {}
    for value, entry in data["municipalities"].items():
        if value not in MUNICIPALITIES:
            raise ValueError(f"places.yml: unknown municipality id {value!r}")
        _add(index, fold_all(entry.get("names")), value, NAME)
        _add(index, fold_all(entry.get("districts")), value, NAME)
        _add(index, fold_all(entry.get("generic_districts")), value, GENERIC)
        _add(index, [str(code) for code in entry.get("postal_codes") or []], value, NAME)
        for word in fold_all(entry.get("context_only")):
            context_only[word] = value
    other = data["andere"]
    _add(index, fold_all(other.get("names")), "andere", NAME)
    _add(index, fold_all(other.get("phrases")), "andere", PHRASE)
    fuzzy_choices: dict[str, dict[str, str]] = {}
    for word, (value, cls) in index.items():
        if cls == NAME and " " not in word and len(word) >= FUZZY_MIN_LEN:
            fuzzy_choices.setdefault(word[0], {})[word] = value
    ignore = frozenset(fold_all(data.get("ignore_phrases")))
    keys = list(index) + list(ignore)
    return _Vocab(
        index=index,
        context_only={**{w: "andere" for w in fold_all(other.get("context_only"))}, **context_only},
        ignore=ignore,
        stopwords=frozenset(fold_all(data.get("fuzzy_stopwords"))),
        max_ngram=max(k.count(" ") + 1 for k in keys),
        fuzzy_choices=fuzzy_choices,
    )


@lru_cache(maxsize=2048)
def _cleaned_tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    cleaned = clean(text)
    return cleaned, tuple(tokenize(cleaned))


@lru_cache(maxsize=4096)
def _fuzzy(word: str) -> str | None:
    vocab = _vocab()
    if len(word) < FUZZY_MIN_LEN or not word.isalpha() or word in vocab.stopwords:
        return None
    choices = vocab.fuzzy_choices.get(word[0])
    if not choices:
        return None
    return fuzzy_lookup(word, choices)


def _negated(norms: list[str], i: int) -> bool:
    j = i - 1
    if j >= 0 and norms[j] in _PREPOSITIONS:
        j -= 1
    return j >= 0 and norms[j] in _NEGATORS


def find_municipalities(text: str) -> list[tuple[int, PlaceMatch]]:
    """All exact and fuzzy matches as ``(class, PlaceMatch)``, in text order."""
    vocab = _vocab()
    cleaned, cached = _cleaned_tokens(text)
    tokens: list[Token] = list(cached)
    norms = [t.norm for t in tokens]
    found: list[tuple[int, PlaceMatch]] = []
    used = [False] * len(tokens)
    i = 0
    while i < len(tokens):
        hit, size = None, 0
        for n in range(min(vocab.max_ngram, len(tokens) - i), 0, -1):
            key = " ".join(norms[i : i + n])
            if key in vocab.ignore:
                hit, size = ("", -1), n
                break
            hit = vocab.index.get(key)
            if hit:
                size = n
                break
        if hit is None and norms[i] in vocab.context_only:
            prev = norms[i - 1] if i else ""
            if prev in _PREPOSITIONS or len(tokens) <= 2:
                hit, size = (vocab.context_only[norms[i]], NAME), 1
        if hit is None:
            i += 1
            continue
        for k in range(i, i + size):
            used[k] = True
        value, cls = hit
        cut = i and any(c in cleaned[tokens[i - 1].end : tokens[i].start] for c in ":;")
        if value and not (cls == NAME and _negated(norms, i) and not cut):  # "stimmt nicht: X"
            span = PlaceMatch(value, tokens[i].start, tokens[i + size - 1].end)
            found.append((cls, span))
        i += size
    if not any(cls == NAME for cls, _ in found):
        for k, token in enumerate(tokens):
            value = None if used[k] or _negated(norms, k) else _fuzzy(token.norm)
            if value:
                found.append((NAME, PlaceMatch(value, token.start, token.end, True)))
    found.sort(key=lambda item: item[1].start)
    return found


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(fold_all(words.split()))


def names_municipality(text: str, value: str) -> bool:
    """``text`` names the town ``value`` anywhere, also negated ("nicht in Haan")."""
    norms = [t.norm for t in _cleaned_tokens(text)[1]]
    vocab = _vocab()
    for size in range(1, vocab.max_ngram + 1):
        for i in range(len(norms) - size + 1):
            hit = vocab.index.get(" ".join(norms[i : i + size]))
            if hit and hit[0] == value:
                return True
    return False
