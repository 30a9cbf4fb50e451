"""From the mentions of a message to one staff count (:func:`_decide`).

In this order of trust: a concluding sum ("Also zwei Gründer plus fünf."), an explicit total,
"wir sind N" with later additions, a composition summed ("ich, meine Frau und drei
Gesellen"), persons and the owner, "nur ich" / "wir beide", and (lenient only) a bare number.
How the parts relate to each other is in :mod:`bot.nlu.numbers.parts`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlu.numbers.clauses import _now_norm
from bot.nlu.numbers.context import _matches_before
from bot.nlu.numbers.lexicon import _ADD_MARKERS, _JOIN
from bot.nlu.numbers.owner import (
    _I_HAVE,
    _OWNER_EXCLUDED,
    _OWNER_ON_TOP,
    _owner_flags,
    owner_ordinal,
)
from bot.nlu.numbers.parts import (
    _BOSS,
    _apposition,
    _concluded,
    _including_total,
    _listed_after,
    _listed_with,
    _named_as_excluded,
    _named_as_included,
    _pair_named_before,
    _stated_total,
    _subset_marked,
    _with_before_total,
)
from bot.nlu.numbers.phrases import (
    _ALTERNATIVES,
    _COMPLETE,
    _FLUCTUATES,
    _PAIR,
    _SELF_FIX,
    _SOLO,
    _SOLO_ANSWER,
    _SOLO_NOT,
    _WE_ARE,
    _ZERO,
)
from bot.nlu.numbers.records import Mention, StaffReading
from bot.nlu.numbers.rewrites import (
    _INCLUDING,
    _concluding_sum,
    _owners_before,
    _partitive,
    _revised,
)
from bot.nlu.numbers.scanning import Tok, _scan_numbers

_STILL = re.compile(r"\b(geblieben|immer noch|noch immer|nach wie vor|bis heute|still)\b")


def _decide(
    toks: list[Tok], mentions: list[Mention], norm: str, lenient: bool, implied: bool = True
) -> StaffReading | None:
    low = [t.low for t in toks]

    def reading(members: list[Mention], value: int, source: str) -> StaffReading:
        first = min(m.first for m in members)
        last = max(m.last for m in members)
        parts = tuple((m.first, m.last) for m in members)
        return StaffReading(value, toks[first].start, toks[last].end, source, parts=parts)

    whole = (toks[0].start, toks[-1].end)
    mentions = _partitive(low, _revised(low, mentions))
    owner_in, owner_extra = _owner_flags(norm, low, mentions, implied)
    concluded = _concluded(low, mentions)
    if concluded is not None:
        rest = [m for m in mentions if m is not concluded]
        summed = _decide(toks, rest, norm, lenient, implied)
        if summed is None or summed.count != concluded.value:
            # "me + 1 freelancer (doesn't count I guess) → so 1": the owner's own conclusion
            # against the parts, confirmed first
            return replace(reading([concluded], concluded.value, "total"), sure=False)
        # the parts add up to the owner's conclusion ("vier Personen, zuzüglich meiner Person
        # und einer geringfügig Beschäftigten, also sechs"): that is the count
        return reading([concluded], concluded.value, "total")
    for pick in (m for m in mentions if m.kind in ("total", "strong")):
        listed = _listed_after(low, mentions, pick)
        if listed and sum(m.value for m in listed) == pick.value:
            # "wir sind zu dritt, ich und zwei Gesellen": the total, then who they are
            return reading([pick, *listed], pick.value, "total")
    summed = _concluding_sum(low, mentions)
    if summed:
        return reading(summed, sum(m.value for m in summed), "total")
    strong = [m for m in mentions if m.kind == "strong"]
    with_owner = [m for m in mentions if strong and m.kind == "total" and m.first > strong[-1].last]
    if with_owner and owner_in and with_owner[-1].value == strong[-1].value + 1:
        # "Ich beschäftige vier Leute, mit mir sind es fünf": the total with the owner
        return reading([strong[-1], with_owner[-1]], with_owner[-1].value, "total")
    if strong:
        # "insgesamt sechs Mitarbeitende zuzüglich meiner Person": the owner on top of it
        on_top = 1 if _OWNER_ON_TOP.search(norm) and not owner_in else 0
        joined_owner = any(
            m.kind == "owner"
            and m.first > strong[-1].last
            and m.first - strong[-1].last <= 3
            and low[m.first - 1] in _JOIN
            and not set(low[m.last + 1 : m.last + 3]) & _INCLUDING  # "23, Chef inklusive"
            for m in mentions
        )
        if joined_owner and not owner_in:
            on_top = 1  # "es verbleiben somit vier Angestellte sowie ich"
        if on_top and any(
            n.value == strong[-1].value - 1 and n.last < strong[-1].first
            for n in _scan_numbers(toks)
        ):
            on_top = 0  # "neben mir elf Mitarbeitende, also insgesamt zwölf": already added
        parts = [m for m in mentions if m.last < strong[-1].first and m.kind != "strong"]
        if on_top and parts and sum(m.value for m in parts) + 1 == strong[-1].value:
            on_top = 0  # "Neben mir zwei Angestellte und eine Azubine, insgesamt vier"
        return reading([strong[-1]], strong[-1].value + on_top, "total")
    counts = {m.value for m in mentions if m.kind in ("total", "group", "bare")}
    if len(counts) > 1 and len(_ALTERNATIVES.findall(norm)) >= 1:
        return None  # "35 Leute im Sommer, im Winter 25": the owner has to choose
    totals = [m for m in mentions if m.kind == "total"]
    if any(not m.weak for m in totals):
        totals = [m for m in totals if not m.weak]  # "…, dass wir zwei uns nie einig sind"
    if totals:
        pick = totals[-1]
        value = pick.value
        added = [pick]
        owners = _owners_before(low, mentions, pick)
        if owners and not owner_in:
            # "Ich führe die Firma mit meinem Bruder, und wir haben 23 Angestellte": the
            # owners run the firm, the employees come on top (who counts: ask)
            value += sum(m.value for m in owners) + (1 if owner_extra else 0)
            return reading([pick, *owners], value, "owners+staff")
        for m in mentions:
            if m.first <= pick.last or m.kind not in ("group", "person", "owner"):
                continue
            window = set(low[max(pick.last + 1, m.first - 6) : m.first])
            if m.sub and not _sub_added(low, norm, pick, m):
                continue  # "wir sind 8, davon 2 Azubis"; but "wir sind drei plus zwei Azubis"
            joined = (
                m.kind == "owner"
                and not owner_in
                and low[m.first - 1] in _JOIN
                and m.first - pick.last <= 3
            )
            if _named_as_excluded(low, m):
                continue  # "hinzu kämen zehn freie Entwickler, die ich nicht mitzählen würde"
            if window & _ADD_MARKERS or (m.kind == "group" and "haben" in window) or joined:
                value += m.value  # "… dazu kommt eine Aushilfe", "fünf Leute und ich"
                added.append(m)
        on_top = _OWNER_ON_TOP.search(norm) and not any(m.kind == "owner" for m in added)
        on_top = on_top or owner_ordinal(norm) == value + 1  # "drei …, ich bin der vierte"
        owner_added = any(m.kind == "owner" for m in added)
        if (_OWNER_EXCLUDED.search(norm) or on_top) and not owner_in and not owner_added:
            value += 1  # "… mich nicht mitgezählt", "Neben mir arbeiten noch sechs Leute"
        return reading(added, value, "total")
    groups = [m for m in mentions if m.kind == "group"]
    persons = [m for m in mentions if m.kind == "person"]
    definite = [m for m in mentions if m.kind == "definite"]
    owners = [m for m in mentions if m.kind == "owner"]
    if any(m.kind == "unknown" for m in mentions) and (groups or persons or owners):
        return None  # a sum with a part we cannot read: better ask again than guess
    if groups:
        members = [m for m in groups if not (m.sub and _subset_marked(low, m))]
        members += [
            m for m in mentions if m.kind == "bare" and not m.sub and _listed_with(low, m, groups)
        ]
        members += persons + definite
        if owner_in:  # "Zwanzig Beschäftigte, die Chefin mitgezählt": she is one of them
            members = [m for m in members if not (m.kind == "definite" and low[m.last] in _BOSS)]
        # "wir, meine Ehefrau und mich mitgerechnet, vier Personen": named as included
        members = [m for m in members if not _named_as_included(low, m)]
        members = [m for m in members if not _with_before_total(low, m, groups)]
        members = [m for m in members if not _named_as_excluded(low, m)]
        owner = 1 if owner_extra else 0
        if any(_with_before_total(low, o, groups) for o in owners):
            owner, owners = 0, []  # "mit mir und meiner Frau acht Leute": included
        pair = _pair_named_before(low, groups, members, owner)
        if pair:
            # "mit meinem Bruder zusammen, wir sind beide Inhaber": the two named before
            members = [m for m in members if m not in pair]
            owner = 0
        including = _including_total(low, mentions, groups)
        if including is not None:
            # "33 incl. the 2 founders": the total, the group is part of it
            return reading([including], including.value, "total")
        stated = _stated_total(low, members, owner + len(owners) * (1 - owner))
        if stated is not None:
            # "wir sind …, drei, ich und zwei Mitarbeiterinnen": the total, then who they are
            return reading([m for m in members if m is not stated] + owners + [stated],
                           stated.value, "total")  # fmt: skip
        others = [m for m in members]
        for g in groups:
            rest = sum(m.value for m in others if m is not g) + owner
            summary = all(m.last < g.first for m in others if m is not g) and g.first > 0
            summary = summary and low[g.first - 1] in (",", ":", "-", "–", "=", "also")
            summary = summary and not any(o.first > g.last for o in owners)
            if g.general and rest and g.value == rest and (_apposition(low, g, others) or summary):
                listed = [m for m in others if m is not g] + owners
                return reading([g, *listed], g.value, "composition")
        if not members:
            return None
        total = sum(m.value for m in members) + owner
        only_sub = all(m.sub for m in members) and not owner
        single_role = len(members) == 1 and not members[0].general and not owner and not owner_in
        if only_sub or single_role:
            stated = _matches_before(low, members[0].first, _WE_ARE) and not only_sub
            if not stated and not _COMPLETE.search(norm):
                if lenient and single_role and not only_sub and members[0].kind == "group":
                    # "12 LKW, 15 Fahrer" as the answer to the staff question: likely, asked
                    return replace(reading(members, total, "composition"), sure=False)
                return None
        return reading(members + owners, max(total, 1), "composition")
    if persons or owners:
        people = persons + definite
        if _one_person_is_me(low, people, owners):
            return reading(people + owners, 1, "solo")  # "Eine Person nur, ich selbst."
        count = sum(m.value for m in people) + (1 if owner_extra else 0)
        have = bool(_I_HAVE.search(" ".join(low)))
        if count >= 2 and (owners or have or lenient) and people:
            return reading(people + owners, count, "composition")
    now = _now_norm(toks)  # "Am Anfang war's nur ich …" is the past
    for sentence in re.split(r" [.!?] ?", norm):
        if _STILL.search(sentence):
            now += " . " + sentence  # "als Ein-Mann-Betrieb gestartet, und das bin ich geblieben"
    if _SOLO.search(now) and not _SOLO_NOT.search(now):
        return StaffReading(1, *whole, "solo")
    if _PAIR.search(now):
        return StaffReading(2, *whole, "solo")
    if _ZERO.search(now):
        return StaffReading(1, *whole, "solo")
    if not lenient:
        return None
    letters = " ".join(w for w in low if w[0].isalnum())
    if letters and _SOLO_ANSWER.match(letters):
        return StaffReading(1, *whole, "solo")
    bare = [m for m in mentions if m.kind == "bare" and not m.sub]
    if not bare or _FLUCTUATES.search(norm):
        return None
    if len({m.value for m in bare}) > 1:
        between = set(low[bare[0].last + 1 : bare[-1].first])
        if not between & _SELF_FIX:
            return None
    value = bare[-1].value + (1 if owner_extra else 0)
    return reading([bare[-1]], value, "bare")


_NOT_COUNTED = re.compile(
    r"\bnicht (mit)?(zahl|gezahlt|rechn|gerechnet)|\bzahle? ich (\w+ )?nicht\b"
)


def _sub_added(low: list[str], norm: str, pick: Mention, m: Mention) -> bool:
    """Apprentices, part-timers or mini-jobbers right after "plus"/"dazu" add to a stated total
    ("wir sind drei Leute plus zwei Minijobber"), unless they explain it ("noch 4 – mein Kollege
    und ich sowie zwei Teilzeitkräfte", "also wir zwei plus zwei Aushilfen") or are not counted."""
    before = set(low[max(pick.last + 1, m.first - 2) : m.first])
    between = set(low[pick.last + 1 : m.first])
    explained = between & {"-", "–", ":", "also", "namlich", "sprich"}
    return bool(before & _ADD_MARKERS) and not explained and not _NOT_COUNTED.search(norm)


_APPOSITION_GAP = frozenset({",", ":", "-", "–", "nur", "also", "zwar", "namlich"})


def _one_person_is_me(low: list[str], people: list[Mention], owners: list[Mention]) -> bool:
    """ "Eine Person nur, ich selbst": the one person and the owner are the same."""
    if len(people) != 1 or people[0].value != 1 or len(owners) != 1:
        return False
    person, owner = people[0], owners[0]
    if low[person.last] not in ("person", "mensch", "mann", "kopf") or owner.first < person.last:
        return False
    gap = low[person.last + 1 : owner.first]
    return ("," in gap or ":" in gap) and all(w in _APPOSITION_GAP for w in gap)
