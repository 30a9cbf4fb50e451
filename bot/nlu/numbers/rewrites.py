"""The mentions of a staff-count message prepared before the decision: a count taken back at
once ("7 Leute, nein 8"), a share of the family ("zwei meiner vier Geschwister"), a closing sum
("Also zwei Gründer plus fünf."), and the persons named before a "wir haben N" total."""

from __future__ import annotations

from bot.nlu.numbers.lexicon import _JOIN, _fold_set, _is_staff_word
from bot.nlu.numbers.phrases import _FILLER, _SELF_FIX
from bot.nlu.numbers.records import Mention
from bot.nlu.numbers.words import word_number

_CONCLUDING = _fold_set(
    "also macht zusammen insgesamt summa gesamt total ergibt mithin somit folglich demnach"
)


def _concluding_sum(low: list[str], mentions: list[Mention]) -> list[Mention]:
    """ "… Also zwei Gründer plus fünf.": a last sentence that concludes with a sum."""
    ends = [k for k, w in enumerate(low) if w in (".", "!", "?")]
    start = ends[-2] + 1 if len(ends) >= 2 and ends[-1] == len(low) - 1 else 0
    if len(ends) == 1 and ends[0] < len(low) - 1:
        start = ends[0] + 1
    if start >= len(low) or low[start] not in _CONCLUDING:
        return []
    if start == 0 and len(low) > 12:
        return []  # "Also ich hab die Firma … übernommen, und heute sind wir …": a filler
    parts = [
        m
        for m in mentions
        if m.first >= start and m.kind in ("group", "bare", "total", "strong", "person", "owner")
    ]
    joined = any(w in ("plus", "+", "und") for w in low[start:])
    for a, b in zip(parts, parts[1:], strict=False):
        if not set(low[a.last + 1 : b.first]) <= _JOIN | _FILLER:
            return []  # "Insgesamt sind wir elf: zehn Fahrer und ich": a total and its parts
    return parts if len(parts) >= 2 and joined else []


_COUNT_KINDS = ("bare", "total", "strong", "group")
_INCLUDING = frozenset(
    {"inklusive", "inkl", "incl", "included", "eingeschlossen", "mitgezahlt", "mitgerechnet",
     "eingerechnet", "dabei", "drin", "inbegriffen"}
)  # fmt: skip


def _revised(low: list[str], mentions: list[Mention]) -> list[Mention]:
    """A count the owner takes back at once ("7 Leute, nein 8", "zehn, äh, elf"): only the
    later one counts."""
    out = list(mentions)
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind not in _COUNT_KINDS or b.kind not in _COUNT_KINDS or b.value == a.value:
            continue
        between = [w for w in low[a.last + 1 : b.first] if w not in (",", "-", "–", ".", "!")]
        fixed = set(between) <= _SELF_FIX | {"warte", "wait", "no"}
        if between and len(between) <= 2 and fixed and a in out and b in out:
            # the new count takes the place of the old one: "Wir sind neun, nee, zehn"
            kind = a.kind if b.kind == "bare" else b.kind
            out[out.index(b)] = b._replace(kind=kind, general=b.general or a.general)
            out.remove(a)
    return out


_OF = frozenset({"meiner", "unserer", "der", "von", "meinen", "unseren", "den", "of", "my", "our"})


def _partitive(low: list[str], mentions: list[Mention]) -> list[Mention]:
    """ "zwei meiner vier Geschwister": two of the family work here, not four (a share of the
    staff, "zwei von unseren fünf Mitarbeitern", is no count of the staff)."""
    out = []
    for m in mentions:
        kin = _is_staff_word(low[m.last]) == "kin"
        if m.kind == "group" and kin and m.first >= 2 and low[m.first - 1] in _OF:
            part = word_number(low[m.first - 2])
            if part is None and low[m.first - 2].isdigit():
                part = int(low[m.first - 2])
            if part is not None and 0 < part < m.value:
                m = m._replace(value=part, first=m.first - 2)
        out.append(m)
    return out


def _owners_before(low: list[str], mentions: list[Mention], pick: Mention) -> list[Mention]:
    """Persons named before a "wir haben N Angestellte" total ("mit meinem Bruder")."""
    window = low[max(0, pick.first - 4) : pick.first]
    if not pick.general or not {"haben", "hat", "beschaftigen"} & set(window):
        return []
    return [m for m in mentions if m.kind in ("person", "definite") and m.last < pick.first]
