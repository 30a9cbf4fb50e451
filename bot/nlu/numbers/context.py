"""What surrounds a number in the token list.

The noun the number counts (:func:`_noun_after`: staff, a thing, a unit, a work area), a
label before it ("Fahrer: 26"), a staff noun it refers back to, phrase patterns right before
or after it (:func:`_matches_before`, :func:`_matches_after`), a staff question before it, a
rate ("60 pro Tag") and similar small tests.
"""

from __future__ import annotations

import re

from bot.nlu.numbers.lexicon import (
    _ADJ_OK,
    _FUNCTION,
    _GENERAL,
    _JOIN,
    _OWNER,
    _SUBSET_ROLES,
    _UNIT_WORDS,
    _fold_set,
    _is_staff_word,
)
from bot.nlu.numbers.masking import MASK
from bot.nlu.numbers.phrases import _FILLER, _PERIODS, _RATE_WORDS, _SKIP_BEFORE, _STAFF_QUESTION
from bot.nlu.numbers.scanning import Tok
from bot.nlu.numbers.words import word_number

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
_DEPARTMENTS = _fold_set(
    "küche service büro werkstatt verwaltung verkauf vertrieb theke kasse empfang montage "
    "versand buchhaltung rezeption backoffice office außendienst innendienst"
)
_WORK_PLACES = _fold_set("draußen drinnen vorne hinten unterwegs extern intern")


_POSITIONS = frozenset(
    {"planstelle", "planstellen", "position", "positionen", "vakanz", "vakanzen", "jobs",
     "arbeitsplatz", "arbeitsplatze", "ausbildungsplatz", "ausbildungsplatze", "vacancies",
     "positions", "openings"}
)  # fmt: skip


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
        compound = (
            j + 2 < len(toks)
            and toks[j + 1].low == "-"
            and tok.end == toks[j + 1].start
            and toks[j + 1].end == toks[j + 2].start
        )
        if compound and _is_staff_word(toks[j + 2].low):
            return _is_staff_word(toks[j + 2].low), j + 2  # "zwei Lkw-Fahrer": the head decides
        if skipped == 0 and j == k + 1 and _elliptical(toks, j):
            return _noun_after(toks, j + 2)[0], j  # "16 gewerbliche und drei kaufmännische
            # Mitarbeiter": the first adjective shares the noun of the second
        if word in _ADJ_OK and skipped < 2:
            after = toks[j + 1] if j + 1 < len(toks) else None
            if tok.capital and (after is None or not after.capital):
                return "general", j  # "zwei Neue", "drei Feste": the adjective is the noun
            skipped += 1
            j += 1
            continue
        if word in ("co", "ko", "vize") and j + 2 < len(toks) and toks[j + 1].low == "-":
            joined = _is_staff_word(toks[j + 2].low)
            if joined:
                return joined, j + 2  # "2 co-founders", "zwei Co-Gründer"
        kind = _is_staff_word(word)
        adjective = (
            kind == "general"
            and word.startswith(("angestellt", "beschaftigt", "festangestellt"))
            and j + 1 < len(toks)
            and _is_staff_word(toks[j + 1].low) in ("role", "kin")
        )
        if adjective and skipped < 2:
            skipped += 1  # "zwei angestellte Therapeutinnen": the role is the noun
            j += 1
            continue
        if kind:
            return kind, j
        if word in _AREA_PREPOSITIONS and j + 1 < len(toks):
            area = j + 2 if toks[j + 1].low in _AREA_ARTICLES and j + 2 < len(toks) else j + 1
            if toks[area].low in _WORK_AREAS or _is_staff_word(toks[area].low) == "role":
                return "area", area  # "zwei in Teilzeit", "vier im Büro", "3 auf dem Bau"
        if word in _WORK_PLACES:
            return "area", j  # "neun draußen"
        ends = j + 1 >= len(toks) or not toks[j + 1].low[0].isalpha() or toks[j + 1].low in _JOIN
        if j == k + 1 and word in _DEPARTMENTS and ends:
            return "area", j  # "3 leute in küche und 2 service": a department without "in"
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
        if word in _POSITIONS or (word in ("stelle", "stellen") and (tok.capital or skipped)):
            return "other", j  # "drei weitere Stellen sind offen": positions, not people
        if word in _FUNCTION or word in _OWNER or word_number(word) is not None:
            return "none", j
        return "other", j
    return "none", j


def _elliptical(toks: list[Tok], j: int) -> bool:
    """An adjective without a noun before "und"/"," and another number whose adjective has a
    staff noun: "16 gewerbliche und drei kaufmännische Mitarbeiter"."""
    word = toks[j].low
    if toks[j].capital or not word.endswith(("e", "en", "er")) or j + 3 >= len(toks):
        return False
    if toks[j + 1].low not in ("und", "sowie", "oder", ",", "plus"):
        return False
    number = toks[j + 2].low
    if not (number[0].isdecimal() or word_number(number) is not None):
        return False
    following = toks[j + 3]
    if following.capital or not following.low.endswith(("e", "en", "er")):
        return False  # the second number needs an adjective too
    if _is_staff_word(following.low) or _is_staff_word(word):
        return False  # "sechs wagen und neun fahrer": nouns, not adjectives
    return _noun_after(toks, j + 2)[0] in ("general", "role")


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


_MANAGEMENT = frozenset(
    ("geschaftsfuhrung", "geschaftsleitung", "betriebsleitung", "praxisleitung", "leitung",
     "chefetage", "inhabern", "inhaberinnen", "partnern", "gesellschaftern", "chefs")
)  # fmt: skip


def _with_group_before(low: list[str], k: int) -> bool:
    """ "mit (den) Aushilfen 14", "mit der Geschäftsführung 25": the number right after "mit" +
    a staff noun or the management."""
    j = k - 1
    if j < 1 or (_is_staff_word(low[j]) is None and low[j] not in _MANAGEMENT):
        return False
    j -= 1
    if low[j] in _AREA_ARTICLES or low[j] in ("unseren", "meinen", "allen"):
        j -= 1
    return j >= 0 and low[j] in ("mit", "inklusive", "inkl", "samt")


def _last_sentence_alone(low: list[str], first: int, last: int) -> bool:
    """The number is a sentence of its own at the end of the message ("… und ich. Sechs.")."""
    before = low[first - 1] if first else ""
    return before in (".", "!", "?", "…") and all(not w[0].isalnum() for w in low[last + 1 :])
