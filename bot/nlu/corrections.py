"""Explicit correction language in a message and the new profile value it states.

"Korrektur: …", "hab mich vertan", "X, nicht Y", "sieben nich fünf", "Branche → Bau": whether a
message corrects the profile (:func:`is_correction`), which slots it names
(:func:`correction_targets`) and the new value it states for a known one (:func:`corrected`).
Used by :func:`bot.nlu.profile.decide_profile`; a corrected value is always confirmed first.
"""

from __future__ import annotations

import re
from typing import Any, FrozenSet, Optional

from bot.nlu.correction_words import (
    _CORRECTION,
    _FIXED_AFTER,
    _NEW_SECOND,
    _NUMBER_WORDS,
    _OTHER_NUMBERED,
    _OWN_PROFILE,
    _REPLACEMENTS,
    _SLOT_WORDS,
    _TO_VALUE,
    names_profile,
)
from bot.nlu.numbers import (
    find_numbers,
    looks_like_code,
    plausible_counts,
    read_staff,
    word_number,
)
from bot.nlu.places import (
    best_municipality,
    find_municipalities,
    names_municipality,
    ranked_municipalities,
)
from bot.nlu.sectors import find_sectors, identity_frame, ranked_sectors
from bot.nlu.sectors.reading import _CATEGORY_WORDS
from bot.nlu.text import clean, normalized, tokenize


def _with_commas(text: str) -> str:
    """Folded words; a "," where the text has a comma, colon, dash or sentence end (not the
    hyphen of a compound: "Location-Besichtigungen" is no "Location: Besichtigungen")."""
    text = clean(text)
    out: list[str] = []
    end = 0
    for token in tokenize(text):
        gap = text[end : token.start]
        if out and (any(c in gap for c in ",;:.!?–()") or "-" in gap and gap != "-"):
            out.append(",")
        out.append(token.norm)
        end = token.end
    return " ".join(out)


_DENIED = re.compile(
    r"((^|, |\b(is|ist|sin|sind|heisst|heist) (\w+ ){0,4}|\bwere (\w+ ){0,2})"
    r"((ubrigens|ubrijens|also|ach|na|ne|nee|ja|nein|aber) )?"
    r"(nicht|nich|net|nit|not)"
    r"|\b(wir|mer|mir|das|dat|es|et|ich|isch|we) (sind|ist|is|sin|sinn|sitzen|bin|re|are"
    r"|heisst) (aber |doch |gar |ja )?"
    r"(kein\w*|nicht|nich|net|nit|not)"
    r"|\b(firma|betrieb|laden|sitz|praxis|buro|werkstatt|standort|branche|geschaft) (sind |ist |is "
    r"|sin |sitzen |heisst )?(aber |doch |gar |ja )?"
    r"(kein\w*|nicht|nich|net|nit|not)) (in |im |en |mehr |more |in the )?(?P<value>\w+)"
)


def _denies_a_value(folded: str) -> bool:
    """A sector, town or staff count denied: "nicht Haan, Hilden!", "dat is keine gastro",
    "wir sind nicht in Haan", "wir sind kein Café" (not "nicht gut", "wir sind keine
    Computerfreaks", "das ist kein Problem")."""
    for match in _DENIED.finditer(folded):
        rest = " ".join(folded[match.start("value") :].split()[:2])
        if find_sectors(rest) or ranked_municipalities(rest) or plausible_counts(rest):
            return True
    return False


def is_correction(text: str) -> bool:
    """Explicit correction language ("Korrektur: …", "hab mich vertan", "X, nicht Y")."""
    if not isinstance(text, str) or looks_like_code(text):
        return False
    folded = _with_commas(text)
    return bool(_CORRECTION.search(folded)) or _denies_a_value(folded)


def correction_targets(text: str) -> FrozenSet[str]:
    """Profile slots named in a correction ("die Branche stimmt nicht", "MA-Zahl ändern")."""
    norm = normalized(text)
    if not is_correction(text):
        return frozenset()
    return frozenset(slot for slot, words in _SLOT_WORDS.items() if words.search(norm))


_NEGATED_BEFORE = re.compile(r"\b(kein|keine|keiner|keinen|nicht|nich|net|not|no)\s+(\w+\s+)?$")
_NO_FIRST = re.compile(r"^(nein|nee|ne|no|stimmt nicht|falsch|quatsch)\b")


def denies_known(text: str, slot: str, known: Any) -> bool:
    """The message denies the known sector or town: a negation right before it ("Friseur ist
    doch kein Handwerk", "das ist keine Dienstleistung", "nicht in Haan")."""
    if known is None or slot == "employees":
        return False
    cleaned = clean(text)
    if slot == "sector":
        spans = [(m.start, m.value) for m in find_sectors(text)]
    else:
        spans = [(m.start, m.value) for _, m in find_municipalities(text)]
    if not _NO_FIRST.match(normalized(text)):
        return False  # the objection opens the message: "Nein, …", "Stimmt nicht, …"
    return any(
        value == known and _NEGATED_BEFORE.search(cleaned[max(0, start - 30) : start].lower())
        for start, value in spans
    )


def names_known(text: str, slot: str, known: Any) -> bool:
    """The message names the value being corrected ("nicht Haan", "das mit der Gastronomie",
    "dat mit de zwei Leute"): the correction is about this slot."""
    if slot == "employees":
        return any(value == known for _, _, value in find_numbers(text))
    if slot == "sector":
        return any(match.value == known for match in find_sectors(text))
    return names_municipality(text, known)


_ARROW = re.compile(r"\b(\d{1,4})\s*(?:→|->|=>|➡️?|⟶)\s*(\d{1,4})\b")


def _replacement(text: str, known: Any = None) -> Optional[int]:
    """The new number of "nicht X, sondern Y", "Y statt X" or "Y, nicht X", or None. Both
    must be plausible staff counts, or the old one is the ``known`` count ("sieben nich fünf")."""
    arrow = _ARROW.search(text)
    if arrow:  # "headcount 7 → 9", "13 -> 10"
        return int(arrow.group(2))
    low = normalized(text)
    if _OTHER_NUMBERED.search(low):
        return None  # "Frage 7 statt 8": not the staff count
    plausible = {value for _, _, value in plausible_counts(text)}  # no years, times, prices
    for match in _TO_VALUE.finditer(low):
        if _FIXED_AFTER.search(low[match.end() :]):
            continue  # "richtig sind sechs … nee, sieben": the later number decides
        word = next(g for g in match.groups() if g)
        value = int(word) if word.isdigit() else word_number(word)
        if value in plausible or (value is not None and 1 <= value <= 250):
            return value
    for index, pattern in enumerate(_REPLACEMENTS):
        for match in pattern.finditer(low):
            new, old = (match.group(2), match.group(1)) if index in _NEW_SECOND else match.groups()
            values = [int(w) if w.isdigit() else word_number(w) for w in (new, old)]
            named = values[1] is not None and values[1] == known
            if values[0] in plausible and (values[1] in plausible or named):
                return values[0]
            if named and values[0] is not None and 1 <= values[0] <= 999:
                return values[0]
    return None


def _lone_count(text: str, targets: FrozenSet[str]) -> Optional[int]:
    """ "dat war falsch, mit mir sinnet zwölf": a correction whose only number is a plausible
    staff count, naming no sector or town (or naming the staff count as the target)."""
    values = {value for _, _, value in plausible_counts(text)}
    low = normalized(text)
    if len(values) != 1 or _OTHER_NUMBERED.search(low) or not 1 <= min(values) <= 250:
        return None
    if "employees" in targets:
        return values.pop()
    if len(low.split()) <= 10 and not (find_sectors(text) or ranked_municipalities(text)):
        return values.pop()
    return None


_SHARE = re.compile(
    r"\b(von|of|aus|out of) (den |the |unseren |our )?(\d+|" + _NUMBER_WORDS + r")\b"
)


def _other_than_known(text: str, known: Any) -> Optional[int]:
    """A correction that names the known staff count and exactly one other plausible count
    ("Ich habe gesagt zehn, aber richtig ist elf"): the other one is the new count."""
    low = normalized(text)
    if _OTHER_NUMBERED.search(low) or _SHARE.search(low):
        return None  # "nur 2 von 6 Leuten": a share of the staff, not a new count
    values = {value for _, _, value in plausible_counts(text)}
    others = values - {known}
    if known in values and len(others) == 1:
        return others.pop()
    return None


def _category_word(text: str, match: Any) -> bool:
    """The match is a category's own name ("Handel", "Sonstiges"), not a trade."""
    return set(normalized(clean(text)[match.start : match.end]).split()) <= _CATEGORY_WORDS


_TOPIC_BEFORE = re.compile(r"\b(bei|zu|zur|zum|mit|uber|fur|an) (der|dem|den|die|das)$")


def _topic(text: str, match: Any) -> bool:
    """The trade word names a topic ("bei der Software muss ja stehen"), or is the first part
    of a compound ("Korrektur zum IT-Budget"), not the firm."""
    cleaned = clean(text)
    if cleaned[match.end : match.end + 1] == "-":
        return True
    return bool(_TOPIC_BEFORE.search(normalized(cleaned[: match.start]).strip()))


def corrected(text: str, slot: str, known: Any, targets: FrozenSet[str]) -> Any:
    """The new value a correction states for ``slot`` (never the known one), or None."""
    if slot not in targets and names_known(text, slot, known):
        targets = targets | {slot}
    if slot == "employees":
        replaced = _replacement(text, known)
        if replaced is None:
            replaced = _other_than_known(text, known)
        if replaced is None:
            replaced = _lone_count(text, targets)
        if replaced is not None and replaced != known:
            return replaced  # "nicht 15, sondern 50", "bitte 9 statt 6"
        staff = read_staff(text, lenient="employees" in targets)
        if staff is not None and staff.source == "solo" and targets - {"employees"}:
            return None  # "Bitte ändern Stadt, …, nur ich wohne in Düsseldorf": another slot
        return staff.count if staff is not None and staff.count != known else None
    if slot == "sector":
        for _, match in ranked_sectors(text):
            if match.value == known or _topic(text, match):
                continue
            if match.value == "sonstiges" and targets and "sector" not in targets:
                continue  # "aber was anderes: … die Zahl korrigieren": not the sector
            if "sector" in targets or identity_frame(text, match):
                return match.value
        found = [m for m in find_sectors(text) if m.value != known and not _topic(text, m)]
        others = {m.value for m in found}
        named = {m.value for m in found if _category_word(text, m)}
        short = (
            len(normalized(text).split()) <= 15
            and "?" not in text
            and not (plausible_counts(text) or ranked_municipalities(text))
        )
        if len(others) == 1 and ("sector" in targets or short) or len(named) == 1:
            # "wir sind Pflege, nicht Dienstleistung", "pls change to Handel"
            return (named or others).pop()
        return None
    ranked = ranked_municipalities(text)
    if not ranked and "municipality" in targets:
        named = best_municipality(text)  # "Ort stimmt nicht: Mettmann": the negation is the old
        return named.value if named is not None and named.value != known else None
    lone = len({match.value for _, match in ranked}) == 1 and len(normalized(text).split()) <= 8
    for score, match in ranked:
        if match.value == known:
            continue
        if "municipality" in targets or score >= 2 or (lone and score >= 0):
            return match.value  # "Ändern: Velbert", "fix pls: 4 people, logistics, Monheim"
        return None
    return None


_OUTDATED = re.compile(r"\b(veraltet\w*|uberholt\w*|nicht mehr aktuell)\b")


def only_outdated(text: str) -> bool:
    """The only correction word says something is out of date ("die Architektenkammer-Liste ist
    veraltet"): about a listing or a website, not the firm's profile."""
    norm = normalized(text)
    if not _OUTDATED.search(norm) or any(names_profile(text, slot) for slot in _OWN_PROFILE):
        return False  # "Die Zahl von acht Beschäftigten ist veraltet": the profile itself
    return not is_correction(_OUTDATED.sub(" ", norm))
