"""How the parts of a staff answer relate (used by :func:`bot.nlu.numbers.decide._decide`):
members listed after a total ("wir sind zu dritt, ich und zwei Gesellen"), a total spelled out
or including a group ("33 incl. the 2 founders"), a closing count ("→ so 1"), "beide" referring
back to two persons named before, persons named as included ("meine Frau und mich
mitgerechnet") and subsets ("davon 3 Azubis").
"""

from __future__ import annotations

from bot.nlu.numbers.lexicon import _JOIN, OWNER_WORDS, _fold_set
from bot.nlu.numbers.phrases import _SUBSET_BEFORE
from bot.nlu.numbers.records import Mention


def _listed_after(low: list[str], mentions: list[Mention], pick: Mention) -> list[Mention]:
    """The members named right after a total, after a comma or colon, up to the sentence end."""
    after = pick.last + 1
    while after < len(low) and (
        low[after] in ("of", "us", "von", "uns") or not low[after][0].isalnum()
    ):
        if low[after] in (",", ":", "-", "–", "("):
            break
        after += 1  # "just the two of us 😅 (me + my cofounder)"
    if after >= len(low) or low[after] not in (",", ":", "-", "–", "("):
        return []
    end = next((k for k in range(after, len(low)) if low[k] in (".", "!", "?", ";")), len(low))
    return [
        m
        for m in mentions
        if after < m.first < end
        and m.kind in ("owner", "group", "person", "definite")
        and not m.sub
    ]


_SO = _fold_set("so also ergo thus macht ergibt insgesamt total gesamt = → ->")


def _concluded(low: list[str], mentions: list[Mention]) -> Mention | None:
    """A count the message ends on after "so"/"also"/"→", with other counts before it."""
    kinds = ("bare", "total", "strong", "group", "person", "owner")
    counts = [m for m in mentions if m.kind in kinds]
    if len(counts) < 2 or counts[-1].kind not in ("bare", "total"):
        return None
    last = counts[-1]
    if any(w[0].isalnum() for w in low[last.last + 1 :]):
        return None
    before = [w for w in low[max(0, last.first - 3) : last.first] if w not in (",", ":")]
    differs = any(m.kind == "owner" or m.value != last.value for m in counts[:-1])
    window = " ".join(before)
    chosen = any(f" {phrase} " in f" {window} " for phrase in _CHOSEN)
    if not before or not (before[-1] in _SO or chosen) or not differs:
        return None
    return last


# "11 heads, ~8 FTE, go with 11", "…, sagen wir 12": the owner picks the count to take
_CHOSEN = frozenset(
    {"go with", "sagen wir", "nimm", "nehmen sie", "nehmt", "schreib", "schreiben sie",
     "trag", "tragen sie", "lets say", "let s say", "say", "put", "zahlen sie", "zahl",
     "rechnen sie", "setzen sie"}
)  # fmt: skip


_INCLUDED = _fold_set(
    "mitgerechnet eingerechnet mitgezählt eingeschlossen inbegriffen inklusive included"
)


def _named_as_included(low: list[str], member: Mention) -> bool:
    """A person followed by "(und mich) mitgerechnet/eingeschlossen", or a later group followed
    by "drin"/"dabei" ("10 Person, zwei Azubi drin"): part of a total."""
    rest = [w for w in low[member.last + 1 : member.last + 5] if w not in ("und", "mich", "mir")]
    if member.kind == "group" and member.first > 0 and rest[:1] in (["drin"], ["dabei"]):
        return True
    if member.kind not in ("person", "definite") or member.value != 1:
        return False
    return bool(rest) and rest[0] in _INCLUDED


_OWNER_WORDS_SELF = frozenset({"isch", "myself", "selbst", "selber"})
_NOT_COUNTED = frozenset(
    {"mitgezahlt", "mitgerechnet", "eingerechnet", "gezahlt", "gerechnet", "dabei", "counted"}
)


_COUNTING = _NOT_COUNTED | _fold_set(
    "mitzählen mitzähle mitzählt zählen zähle zählt mitrechnen mitrechne rechne rechnen "
    "count counts"
)
_NEGATION = _fold_set("nicht nich net not kein keine")
_PLACE_PREPOSITIONS = _fold_set("in im aus bei von vom am auf")
# what follows a relative pronoun ("die ich …", "der zählt …", "die aber …"), not a noun
_CLAUSE_OPENERS = _fold_set(
    "ich wir man er sie du i we aber jedoch ja eh auch allerdings natürlich naturlich doch "
    "eigentlich sowieso aktuell derzeit"
)
_REFERRING = _fold_set("die der den welche welcher who which that")


def _excluded_by_clause(rest: list[str]) -> bool:
    """A relative or "aber der" clause right after the person that says it is not counted
    ("zehn freie Entwickler, die ich jedoch nicht mitzählen würde", "der Praktikant, aber der
    zählt ja nich")."""
    if rest[:1] and rest[0] in _PLACE_PREPOSITIONS and "," in rest[1:4]:
        rest = rest[rest.index(",") :]  # "zehn freie Entwickler in Polen, die …"
    opening = rest[1:3] if rest[:1] == [","] else rest[:2]
    if not opening:
        return False
    if opening[0] in _REFERRING:
        start = 1
    elif opening[0] == "aber" and opening[1:2] and opening[1] in _REFERRING:
        start = 2
    else:
        return False
    body = rest[(1 if rest[:1] == [","] else 0) + start :]
    if not body or not (body[0] in _CLAUSE_OPENERS or body[0] in _COUNTING | _NEGATION):
        return False  # "…, die Aushilfe im Sommer nicht mitgezählt": an article, a new person
    clause: list[str] = []
    for w in body:
        if w in (",", ";", ".", "und", "plus"):
            break
        clause.append(w)
    return bool(set(clause) & _NEGATION) and bool(set(clause) & _COUNTING)


_CONTRACTED = _fold_set(
    "freelancer freelancers freiberufler freie subunternehmer subs extern externe contractors "
    "selbstständig selbststandig selbstständige"
)


def _named_as_excluded(low: list[str], member: Mention) -> bool:
    """ "die Aushilfe im Sommer nicht mitgezählt", "our 40 drivers are freelancers": a person
    named as not counted."""
    if member.kind not in ("person", "definite", "group"):
        return False
    after = low[member.last + 1 : member.last + 5]
    if (
        after[:1]
        and after[0] in ("are", "sind", "sin", "is", "ist")
        and set(after[1:4]) & _CONTRACTED
    ):
        return True
    if _excluded_by_clause(low[member.last + 1 : member.last + 12]):
        return True
    rest = low[member.last + 1 : member.last + 6]
    for k, w in enumerate(rest):
        if w in (",", ";", ".", "ich", "mich", "mir", "me", "und") or w in _OWNER_WORDS_SELF:
            return False  # "2 Minijobber, mich selbst nicht mitgezählt": the owner is meant
        if w in ("nicht", "nich", "not"):
            return k + 1 < len(rest) and rest[k + 1] in _NOT_COUNTED
    return False


def _with_before_total(low: list[str], member: Mention, groups: list[Mention]) -> bool:
    """ "wir sind mit den Gesellen und dem Azubi zwölf Leute": the members named in a "mit …"
    phrase right before a general count are part of that count (the owner too: "mit mir und
    meiner Frau acht Leute")."""
    if member.kind not in ("person", "definite", "group", "owner") or member.general:
        return False
    for g in groups:
        if not g.general or g.first <= member.last:
            continue
        between = low[member.last + 1 : g.first]
        if "," in between or len(between) > 6 or low[g.first - 1] in _JOIN:
            continue  # "mit zwei Partnern und vier Fachkräften": a list, not its total
        start = max(0, member.first - 8)
        before = low[start : member.first]
        if "mit" not in before:
            continue
        at = start + len(before) - 1 - before[::-1].index("mit")
        if "," in low[at : member.first]:
            continue
        if {"wir", "sind", "san", "sin"} & set(low[max(0, at - 2) : at]):
            return True
    return False


_BOTH = _fold_set("beide beiden both")
_BOSS = OWNER_WORDS | {"boss"}
_OWNERS = _fold_set("inhaber chefs geschäftsführer gründer owners founders gesellschafter")


def _pair_named_before(
    low: list[str], groups: list[Mention], members: list[Mention], owner: int
) -> list[Mention]:
    """The persons a "beide" group refers back to ("Ich mache die Fahrschule mit meinem Bruder,
    wir sind beide Inhaber"): they are the group, not two more."""
    for g in groups:
        if g.value != 2 or not set(low[g.first : g.last + 1]) & _BOTH:
            continue
        if "wir" not in low[max(0, g.first - 2) : g.first] and not _OWNERS & set(
            low[g.first : g.last + 1]
        ):
            continue  # "ich, meine Frau, unsere beiden Töchter": two more
        before = [m for m in members if m.last < g.first and m.kind in ("person", "definite")]
        if before and sum(m.value for m in before) + owner == 2:
            return before
    return []


def _including_total(
    low: list[str], mentions: list[Mention], groups: list[Mention]
) -> Mention | None:
    """A bare number right before "inkl./incl./einschließlich" and a group it includes."""
    for bare in (m for m in mentions if m.kind == "bare" and not m.sub):
        after = [w for w in low[bare.last + 1 : bare.last + 4] if w not in (".", "(")]
        if not after or after[0] not in _SUBSET_BEFORE:
            continue
        if any(g.first > bare.last and g.value < bare.value for g in groups):
            return bare
    return None


def _stated_total(low: list[str], members: list[Mention], owner: int) -> Mention | None:
    """A bare number followed by its parts that add up to it ("drei, ich und zwei …")."""
    bare = [m for m in members if m.kind == "bare"]
    if len(bare) != 1:
        return None
    total = bare[0]
    rest = [m for m in members if m is not total]
    if not rest or any(m.first < total.last for m in rest):
        return None
    if total.last + 1 >= len(low) or low[total.last + 1] not in (",", ":", "(", "-", "–"):
        return None
    return total if sum(m.value for m in rest) + owner == total.value else None


def _subset_marked(low: list[str], member: Mention) -> bool:
    return bool(set(low[max(0, member.first - 3) : member.first]) & _SUBSET_BEFORE)


def _apposition(low: list[str], group: Mention, members: list[Mention]) -> bool:
    """The other members come right after the group as its spelled-out list ("5 Leute: ich,
    …", "drei Leute (meine Frau, …)", "vier Mitarbeiter, nämlich …"); "Drei Vollzeitkräfte,
    zwei in Teilzeit und ich" is a sum."""
    later = [m for m in members if m is not group]
    if not later or not all(m.first > group.last for m in later):
        return False
    after = low[group.last + 1 : group.last + 4]
    if after and after[0] in ("sowie", "plus", "zuzuglich", "und", "un", "+", "&"):
        return False  # "zwei Beschäftigte sowie eine Auszubildende": a sum
    gap = low[group.last + 1 : min(m.first for m in later)]
    joined = bool(gap) and gap[-1] in ("sowie", "plus", "zuzuglich", "und", "un", "+", "&")
    joined = joined and not set(gap) & {",", ":", "("} and gap[0] not in ("-", "–")
    if all(m.kind in ("person", "definite", "owner") for m in later) and not joined:
        # "nur drei Personen, meine Frau, mein Sohn und ich"; not "mit 2 Leuten auf
        # Minijobbasis und einem Vollzeitler" (a sum)
        return True
    return bool(after) and (
        after[0] in (":", "(", "-", "–", "namlich", "also")
        or after[:2] in ([",", "namlich"], [",", "also"], ["und", "zwar"], [",", "und"])
    )


def _listed_with(low: list[str], bare: Mention, groups: list[Mention]) -> bool:
    for g in groups:
        before = g.last < bare.first
        between = low[g.last + 1 : bare.first] if before else low[bare.last + 1 : g.first]
        if len(between) <= 3 and set(between) & _JOIN:
            return True
    return False
