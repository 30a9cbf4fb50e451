"""Staff mentions of a message: counts with their kind, persons and the owner.

:func:`_number_mentions` classifies each present-time number (a strong total, "wir sind N",
a group, a bare number; ages, thresholds, rates, negated and per-unit counts left out);
:func:`_analyse` adds the persons of :mod:`bot.nlu.numbers.persons`, and
:func:`_all_mentions` does the same whatever the clause time.
"""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.numbers.clauses import _clause_times, _clauses
from bot.nlu.numbers.context import (
    _counted_before,
    _elliptical,
    _is_rate,
    _label_before,
    _last_sentence_alone,
    _matches_after,
    _matches_before,
    _noun_after,
    _noun_before,
    _staff_question_end,
    _with_group_before,
)
from bot.nlu.numbers.lexicon import (
    _CLIENTS,
    _CONTRACTORS,
    _GENERAL_ROLE_ENDINGS,
    _PER_UNIT,
    _PERSON_ENDINGS,
    _SUBSET_ROLES,
    _is_staff_word,
)
from bot.nlu.numbers.masking import MASK
from bot.nlu.numbers.persons import _person_mentions
from bot.nlu.numbers.phrases import (
    _AGE_BEFORE,
    _HAVE,
    _INCLUSIVE_BEFORE,
    _NEGATORS,
    _NOW_BEFORE,
    _STRONG_AFTER,
    _STRONG_BEFORE,
    _SUBSET_BEFORE,
    _WE_ARE,
    _YEAR_BEFORE,
)
from bot.nlu.numbers.records import Mention
from bot.nlu.numbers.scanning import Num, Tok, _closes_at, _scan_numbers, _tokens


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


_LIST_JOIN = frozenset(("und", "un", "+", "sowie", "plus", ","))


def _list_member(low: list[str], k0: int, last: int, before: list[Mention]) -> bool:
    """The number starts a part of a list: after "mit mir," with more members to come, or
    joined to a group named right before it."""
    prev = low[k0 - 1] if k0 else ""
    if prev == "," and k0 >= 3 and low[k0 - 3 : k0 - 1] == ["mit", "mir"]:
        return bool(set(low[last + 1 : last + 4]) & _LIST_JOIN)
    return prev in _LIST_JOIN - {","} and any(
        m.last == k0 - 2 and m.kind in ("group", "total") for m in before
    )


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
        if noun in ("general", "role") and at == k1 + 1 and _elliptical(toks, at):
            # "wir sind 16 gewerbliche und drei kaufmännische Mitarbeiter": a part of a list
            out.append(Mention(num.value, k0, at, "group", False, noun == "general"))
            continue
        if strong and prev == "mit" and last + 1 < len(low) and low[last + 1] == "zusammen":
            strong = False  # "ich arbeite mit 2 Kollegen zusammen": with them, not a total
        if strong and _list_member(low, k0, last, out):
            strong = False  # "mit mir, zwei Therapeutinnen und einer Dame"; "20 Fahrer un 5 im
            # Büro mit mir": a part of a list, the whole list is the count
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
