"""Whether a staff reading can be stored without asking the owner (:func:`_sure`)."""

from __future__ import annotations

from bot.nlu.numbers.context import _matches_after, _matches_before, _noun_after
from bot.nlu.numbers.lexicon import (
    _ADD_MARKERS,
    _DETERMINERS,
    _FUNCTION,
    _JOIN,
    _LIST_ADVERBS,
    _LIST_EDGE,
    OWNER_WORDS,
    _fold_set,
    _is_staff_word,
)
from bot.nlu.numbers.mentions import _all_mentions
from bot.nlu.numbers.owner import _owner_flags
from bot.nlu.numbers.parts import _subset_marked
from bot.nlu.numbers.phrases import (
    _ALTERNATIVES,
    _COUNTING,
    _FILLER,
    _PRESENT,
    _STRONG_AFTER,
    _STRONG_BEFORE,
    _SUBSET_AFTER,
)
from bot.nlu.numbers.records import Mention, StaffReading
from bot.nlu.numbers.scanning import Tok, _scan_numbers, _tokens


def _solo_at(low: list[str]) -> int:
    """Token index of the last "allein"/"solo"/"nur ich" word, or -1."""
    hits = [k for k, w in enumerate(low) if w in ("allein", "alleine", "solo", "ich", "mich")]
    return hits[-1] if hits else -1


def _clause_words(low: list[str], k: int) -> set[str]:
    """The words of the clause around token ``k`` (up to punctuation)."""
    start = k
    while start > 0 and low[start - 1][0].isalnum():
        start -= 1
    end = k
    while end + 1 < len(low) and low[end + 1][0].isalnum():
        end += 1
    return set(low[start : end + 1])


_STORY_OK = (
    _FUNCTION
    | _DETERMINERS
    | _LIST_ADVERBS
    | _JOIN
    | _fold_set("dazu kommen kommt noch plus sowie jeden jede haben hat habe hab beschäftigen alle")
)


def _without_relatives(toks: list[Tok]) -> list[Tok]:
    """Tokens without relative clauses (", die alle voll mitarbeiten,")."""
    out: list[Tok] = []
    skipping = False
    for k, tok in enumerate(toks):
        if tok.low == "," and k + 1 < len(toks) and toks[k + 1].low in _RELATIVE:
            skipping = True
        elif tok.low == "," and skipping:
            skipping = False
        if not skipping:
            out.append(tok)
    return out


_RELATIVE = _fold_set("die der das welche welcher den denen who which that")


def _including(low: list[str], sentence: set[int]) -> bool:
    """The sentence starts with "mit …" / "inklusive …" ("Mit den Azubis sind wir 14")."""
    lead = next((low[k] for k in sorted(sentence) if low[k][0].isalnum()), "")
    return lead in ("mit", "inklusive", "inkl", "samt", "zusammen")


def _anaphoric(low: list[str], sentence: set[int]) -> bool:
    """ "Mit denen sind wir jetzt 14": the people just mentioned."""
    words = [low[k] for k in sorted(sentence) if low[k][0].isalnum()]
    return len(words) > 1 and words[1] in ("denen", "ihnen", "ihr", "ihm", "diesen", "them")


def _spelled_out(
    reading: StaffReading, everything: tuple[Mention, ...], sentence: set[int], used: set[int]
) -> bool:
    """The parts named in the reading's sentence add up to its total (with the owner)."""
    parts = [
        m for m in everything if m.first in sentence and not used & set(range(m.first, m.last + 1))
    ]
    total = sum(m.value for m in parts if m.kind not in ("unknown", "owner"))
    if any(m.kind == "owner" for m in parts):
        total += 1
    elif total + 1 == reading.count and total:
        return True  # the owner not named: "meine Frau und mein Sohn helfen, wir sind drei"
    return bool(parts) and total == reading.count


def _added_at(low: list[str], k: int) -> bool:
    """An addition marker right before token ``k`` ("dazu kommen noch zwei …", "haben wir noch
    zwei Schneiderinnen angestellt": added to whom?)."""
    if set(low[max(0, k - 3) : k]) & _fold_set("dazu zusätzlich außerdem hinzu plus"):
        return True
    return k >= 2 and low[k - 1] == "noch" and bool(set(low[max(0, k - 4) : k - 1]) & _HAVING)


_HAVING = _fold_set("haben habe hab hat kommen kommt")


def _things_counted(toks: list[Tok], sentence: set[int], used: set[int]) -> bool:
    """Another number of the sentence counts things ("20 Anfragen pro Tag")."""
    for num in _scan_numbers(toks):
        if (
            num.first in sentence
            and num.first not in used
            and num.kind != "year"
            and _noun_after(toks, num.last)[0] == "other"
        ):
            return True
    return False


_OWNER_WORDS = OWNER_WORDS
_LIST_GAP = (
    _JOIN
    | _LIST_ADVERBS
    | _FILLER
    | _fold_set(
        ", : ( ) - – und dazu kommen kommt noch plus sowie im in am an der die den dem draußen "
        "drinnen vorne hinten büro werkstatt laden lager küche verwaltung service teilzeit vollzeit"
    )
)


def _sure(text: str, reading: StaffReading) -> bool:
    """Whether ``reading`` can be stored without asking (issue 8: be sure or ask).

    Not sure: a range ("8-10"); a count with other staff numbers or persons around it that the
    reading does not use (another time, a sub-group without "davon", someone else) unless the
    reading is the owner's own conclusion ("… also zehn"), the present against a stated past
    ("früher 25, seit 2021 14"), a total that includes them ("mit den beiden Meistern und mir
    sind wir zwölf") or a total with its parts spelled out; a composition whose parts lie in
    different sentences or are separated by a story; persons summed while the owner is mentioned
    but not listed; an addition without a base ("dazu kommen zwei Angestellte"); a bare number
    next to counts of other things ("20 Anfragen im Sommer, im Winter eher 5").
    """
    toks = list(_tokens(text))
    low = [t.low for t in toks]
    everything, sentences, times = _all_mentions(text)
    used: set[int] = set()
    for first, last in reading.parts:
        used.update(range(first, last + 1))
    if any(n.kind == "range" and n.first in used for n in _scan_numbers(toks)):
        return False
    if reading.source == "owners+staff":
        return False
    first = min(a for a, _ in reading.parts) if reading.parts else _solo_at(low)
    sentence = {k for k, sid in enumerate(sentences) if first >= 0 and sid == sentences[first]}
    if reading.source != "total" and _unlisted_people(toks, everything, sentence, used):
        return False  # "Vater, Mutter, ich und mein Bruder": listed persons not counted
    others = []
    for m in everything:
        if m.kind == "owner" or used & set(range(m.first, m.last + 1)):
            continue
        marked = _subset_marked(low, m) or _matches_after(low, m.last, _SUBSET_AFTER, 1)
        counting = any(w.startswith(_COUNTING) for w in _clause_words(low, m.first))
        if (m.sub and marked or counting) and m.value < reading.count:
            continue  # "davon 3 Azubis", "…, wenn man die beiden Minijobber mitzählt"
        if m.value == reading.count and m.kind in ("total", "strong", "bare", "group"):
            continue  # the same count said twice
        if m.kind in ("definite", "person") and low[m.last] in _OWNER_WORDS:
            continue  # "dä Chef met jerechnet", "die Chefin"
        if (
            reading.source == "total"
            and m.value < reading.count
            and _including(low, sentence)
            and m.first < first
            and (m.first in sentence or _anaphoric(low, sentence))
        ):
            continue  # "Mit den beiden Schichtleitern und mir sind wir zwölf", "Mit denen …"
        others.append(m)
    strong = reading.source == "total" and any(
        _matches_before(low, a, _STRONG_BEFORE) or _matches_after(low, b, _STRONG_AFTER)
        for a, b in reading.parts[:1]
    )
    if strong and not any(m.first > first and m.kind != "person" for m in others):
        return True  # the owner's own conclusion, nothing counted after it
    if first >= 0 and _added_at(low, first):
        return False  # "… und dazu kommen noch zwei Angestellte": added to whom?
    if others:
        now = [m for m in others if times[m.first] == "now"]
        words = {low[k] for k in sentence}
        if not now and words & _PRESENT:
            return True  # "früher 25, seitdem 14", "jetzt 6, wir suchen noch zwei"
        if reading.source == "total" and _spelled_out(reading, everything, sentence, used):
            # "wir sind 4 – mein Kollege und ich sowie zwei Aushilfen": the total spelled out
            return not [m for m in others if m.first not in sentence and times[m.first] == "now"]
        return False
    if reading.source == "bare" and (
        _ALTERNATIVES.search(" ".join(low)) or _things_counted(toks, sentence, used)
    ):
        return False  # "im Sommer 20 Anfragen pro Tag, im Winter eher 5"
    if reading.source == "composition" and len(reading.parts) > 1:
        spans = sorted(reading.parts)
        if len({sentences[a] for a, _ in spans}) > 1:
            return False
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            gap = [
                t.low
                for t in _without_relatives(toks[end + 1 : start])
                if t.low.isalpha() and not t.capital and t.low not in _STORY_OK
            ]
            if len(gap) >= 2:
                return False  # parts separated by a story ("hilft jeden Tag in der Küche")
        persons = any(m.kind in ("person", "definite") for m in everything if m.first in used)
        owner = any(m.kind == "owner" for m in everything) or _owner_flags(
            " ".join(low), low, list(everything)
        ) != (False, False)
        if persons and not owner and {"ich", "isch"} & {low[k] for k in sentence}:
            return False  # "…, mein Cousin ist an der Kasse, und ich stehe am Grill"
        for m in everything:
            if m.first in used and m.kind == "group" and m.general and m.first == spans[-1][0]:
                between = set(low[spans[-2][1] + 1 : m.first])
                if not between & (_ADD_MARKERS | _JOIN) - {","}:
                    return False  # "Ich und mein Bruder, 4 Leute": the total or on top?
    return True


def _unlisted_people(
    toks: list[Tok], everything: tuple[Mention, ...], sentence: set[int], used: set[int]
) -> bool:
    """A capitalised person noun stands as a list item of the reading's sentence ("Vater,
    Mutter, ich und mein Bruder") but is part of no count: the reading may miss people."""
    low = [t.low for t in toks]
    covered = set(used) | {k for m in everything for k in range(m.first, m.last + 1)}
    lowercase = not any(t.capital for t in toks)  # "ich, frau, 3 kellner": nouns in lowercase
    for k in sorted(sentence):
        kinds = ("kin", "role") if toks[k].capital else ("kin",) if lowercase else ()
        if k in covered or _is_staff_word(low[k]) not in kinds:
            continue
        prev = low[k - 1] if k else ","
        nxt = low[k + 1] if k + 1 < len(low) else "."
        if prev in _LIST_EDGE and nxt in _LIST_EDGE:
            return True
    return False
