"""Sector words in a text: every entry of the vocabulary that matches, with its span.

Vocabulary lives in ``data/lookup/sectors.yml`` (see its header for the entry kinds).
Tokens are lower-cased and umlaut-folded; hyphenated compounds are also tried joined
("Online-Shop" -> "onlineshop").  A person-type word right after a third-party marker
("das macht unser Steuerberater") is not taken as the firm's own sector.  Typos (one edit)
are matched on 6+ letter tokens against a short list of sector words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from bot.nlu.text import (
    Token,
    clean,
    fold_all,
    fuzzy_lookup,
    has_guard,
    load_yaml,
    tokenize,
)
from contract.questionnaire import load_questionnaire

SECTORS = list(load_questionnaire().option_ids("sector"))

PLAIN, GUARDED, ALONE = 0, 1, 2
_KINDS = {"stems": PLAIN, "prefixes": PLAIN, "suffixes": PLAIN, "words": PLAIN}


class SectorMatch(NamedTuple):
    """A sector found in a text, with the character span of the deciding word(s)."""

    value: str
    start: int
    end: int
    length: int


class _Vocab(NamedTuple):
    stem_re: re.Pattern[str] | None
    stems: dict[str, str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    words: dict[str, tuple[str, int]]
    phrase_re: re.Pattern[str] | None
    phrases: dict[str, str]
    ignore: tuple[str, ...]
    ignore_phrase_re: re.Pattern[str] | None
    markers: frozenset[str]
    person_suffixes: tuple[str, ...]
    fuzzy: dict[str, dict[str, str]]
    ambiguous: dict[str, tuple[str, str]]


def _alternation(words: list[str], template: str) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(template.format(body))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_yaml("sectors.yml")
    tables: dict[str, dict[str, str]] = {"stems": {}, "prefixes": {}, "suffixes": {}}
    words: dict[str, tuple[str, int]] = {}
    phrases: dict[str, str] = {}
    fuzzy: dict[str, dict[str, str]] = {}
    for value, entry in data["sectors"].items():
        if value not in SECTORS:
            raise ValueError(f"sectors.yml: unknown sector id {value!r}")
        for kind in ("stems", "prefixes", "suffixes"):
            for word in fold_all(entry.get(kind)):
                table = phrases if " " in word else tables[kind]
                if table.get(word, value) != value:
                    raise ValueError(f"sectors.yml: {word!r} is listed for two sectors")
                table[word] = value
        for kind, flag in (("words", PLAIN), ("guarded", GUARDED), ("alone", ALONE)):
            for word in fold_all(entry.get(kind)):
                key = word.replace(" ", "")
                if key in words and words[key][0] != value:
                    raise ValueError(f"sectors.yml: {word!r} is listed for two sectors")
                words[key] = (value, flag)
        for word in fold_all(entry.get("fuzzy")):
            fuzzy.setdefault(word[0], {})[word] = value
    ambiguous: dict[str, tuple[str, str]] = {}
    for stem, pair in (data.get("ambiguous") or {}).items():
        if len(pair) != 2 or not set(pair) <= set(SECTORS) or pair[0] == pair[1]:
            raise ValueError(f"sectors.yml: ambiguous {stem!r} needs two sector ids")
        ambiguous[fold_all([stem])[0]] = (pair[0], pair[1])
    return _Vocab(
        stem_re=_alternation(list(tables["stems"]), "(?=({}))"),
        stems=tables["stems"],
        prefixes=tables["prefixes"],
        suffixes=tables["suffixes"],
        words=words,
        phrase_re=_alternation(list(phrases), r"(?<![a-z0-9])({})"),
        phrases=phrases,
        ignore=tuple(fold_all(data.get("ignore"))),
        ignore_phrase_re=_alternation(fold_all(data.get("ignore_phrases")), r"\b({})\b"),
        markers=frozenset(fold_all(data.get("third_party_markers"))),
        person_suffixes=tuple(fold_all(data.get("person_suffixes"))),
        fuzzy=fuzzy,
        ambiguous=ambiguous,
    )


@lru_cache(maxsize=2048)
def _cleaned_tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    cleaned = clean(text)
    return cleaned, tuple(tokenize(cleaned))


@lru_cache(maxsize=16384)
def _ignored(word: str) -> bool:
    return any(bad in word for bad in _vocab().ignore)


@lru_cache(maxsize=16384)
def _token_matches(word: str) -> tuple[tuple[int, str, int], ...]:
    """Context-free matches of one folded token as ``(length, value, kind)``."""
    vocab = _vocab()
    if not word or _ignored(word):
        return ()
    found: list[tuple[int, str, int]] = []
    if vocab.stem_re is not None:
        spans = [
            (m.start(), m.start() + len(m.group(1)), m.group(1))
            for m in vocab.stem_re.finditer(word)
        ]
        head = max(spans, default=None)
        if any(stem in word for stem in vocab.ambiguous):
            head = None  # "Zahntechniklabor": between two sectors, asked about
        for _start, end, stem in spans:
            if head and vocab.stems[stem] != vocab.stems[head[2]] and end <= head[0]:
                continue  # a compound's modifier: "Apothekenkurier" is a courier
            found.append((len(stem), vocab.stems[stem], PLAIN))
    found += [(len(p), v, PLAIN) for p, v in vocab.prefixes.items() if word.startswith(p)]
    found += [
        (len(s), v, PLAIN)
        for s, v in vocab.suffixes.items()
        if len(word) > len(s) and word.endswith(s)
    ]
    if word in vocab.words:
        value, kind = vocab.words[word]
        found.append((len(word), value, kind))
    return tuple(found)


def _with_compounds(text: str, tokens: list[Token]) -> list[tuple[int, Token]]:
    """Tokens (with their index) plus hyphen-joined compounds ("IT-Firma" -> "itfirma")."""
    out = list(enumerate(tokens))
    i = 0
    while i < len(tokens) - 1:
        j = i
        while j + 1 < len(tokens) and text[tokens[j].end : tokens[j + 1].start] == "-":
            j += 1
        if j > i:
            norm = "".join(t.norm for t in tokens[i : j + 1])
            out.append((j, Token(tokens[i].start, tokens[j].end, norm, norm)))
        i = j + 1
    return out


def _third_party(vocab: _Vocab, tokens: list[Token], index: int, word: str) -> bool:
    if not word.endswith(vocab.person_suffixes):
        return False
    prev = {t.norm for t in tokens[max(0, index - 2) : index]}
    return bool(prev & vocab.markers)


def _stated(tokens: list[Token], index: int) -> bool:
    """The word follows "Branche:", "also (eher)", "auf … ändern" ("Branche = IT")."""
    before = [t.norm for t in tokens[max(0, index - 3) : index]]
    named = {"branche", "sector", "sektor", "industry", "kategorie", "category"}
    if index + 1 < len(tokens) and tokens[index + 1].norm in _ASSIGNING:
        return True  # "eindeutig der IT zuzurechnen"
    return bool(before) and (bool(named & set(before)) or before[-1] in ("also", "eher"))


def _segment(text: str, tokens: list[Token], index: int) -> bool:
    """Token ``index`` is a list item of its own ("3 Leute, IT, Ratingen")."""
    before = text[tokens[index - 1].end : tokens[index].start] if index else ","
    after = text[tokens[index].end : tokens[index + 1].start] if index + 1 < len(tokens) else "."
    return any(c in before for c in ",;/") and any(c in after for c in ",;/.!")


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(fold_all(words.split()))


_ASSIGNING = _fold_set(
    "zuzuordnen zuzurechnen zuordnen zurechnen zugeordnet zugerechnet einzuordnen einordnen "
    "eingeordnet"
)
_CHOICE = _fold_set(
    "also eher wohl zu zum zur sagen sage nehmen nehme nimm kategorie category bereich "
    "vermutlich wahrscheinlich guess probably maybe entscheide entscheiden wähle wählen"
)
_FILLERS = _fold_set("halt wohl denke glaube ich i guess oder so schätze mal würde sagen")


def _chosen(text: str, tokens: list[Token], index: int) -> bool:
    """A lone category word the owner picks at the end of a clause ("Tanzschule, also wohl
    Sonstiges", "zählt eher zu Gesundheit", "no idea which category, other I guess")."""
    before = {t.norm for t in tokens[max(0, index - 3) : index]}
    if not before & _CHOICE:
        return False
    for k in range(index + 1, len(tokens)):
        if any(c in text[tokens[k - 1].end : tokens[k].start] for c in ",;.!?–-()"):
            return True  # the clause ends here
        if tokens[k].norm not in _FILLERS:
            return False
    return True


_OWN_VERBS = frozenset(("habe", "hab", "haben", "betreibe", "betreiben", "fuhre", "fuhren"))


def _owned(tokens: list[Token], index: int) -> bool:
    """ "Ich habe Laden für Lebensmittel": a guarded word right after "ich habe" (no article)."""
    return (
        index >= 2
        and tokens[index - 1].norm in _OWN_VERBS
        and tokens[index - 2].norm in ("ich", "wir", "isch", "mer", "mir")
    )


def find_sectors(text: str) -> list[SectorMatch]:
    """All sector matches in ``text`` (unsorted); see :func:`best_sector`."""
    vocab = _vocab()
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    found: list[SectorMatch] = []
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token.norm) + 1
    norm = " ".join(t.norm for t in tokens)
    masked: set[int] = set()
    if vocab.ignore_phrase_re is not None:
        for match in vocab.ignore_phrase_re.finditer(norm):
            masked.update(
                range(bisect_left(offsets, match.start()), bisect_left(offsets, match.end()))
            )
        norm = vocab.ignore_phrase_re.sub(lambda m: "#" * len(m.group(0)), norm)
    if vocab.phrase_re is not None:
        for match in vocab.phrase_re.finditer(norm):
            first = bisect_right(offsets, match.start()) - 1
            last = bisect_left(offsets, match.end()) - 1
            value = vocab.phrases[match.group(1)]
            if _third_party(vocab, tokens, first, tokens[last].norm):
                continue
            found.append(
                SectorMatch(value, tokens[first].start, tokens[last].end, len(match.group(1)))
            )
    seen: set[int] = set(masked)
    for index, token in _with_compounds(text, tokens):
        if index in masked:
            continue
        matches = _token_matches(token.norm)
        if matches or _ignored(token.norm):
            seen.add(index)
        for length, value, kind in matches:
            stated = _stated(tokens, index)
            if kind == GUARDED and not (
                has_guard(tokens, index) or stated or _owned(tokens, index)
            ):
                continue
            if (
                kind == ALONE
                and len(tokens) > 2
                and not stated
                and not _segment(text, tokens, index)
                and not _chosen(text, tokens, index)
            ):
                continue
            if _third_party(vocab, tokens, index, token.norm):
                continue
            found.append(SectorMatch(value, token.start, token.end, length))
    if not found:
        for index, token in enumerate(tokens):
            if index not in seen and len(token.norm) >= 6 and token.norm.isalpha():
                choices = vocab.fuzzy.get(token.norm[0])
                value = fuzzy_lookup(token.norm, choices, long_edits=1) if choices else None
                if value:
                    found.append(SectorMatch(value, token.start, token.end, 0))
    return found
