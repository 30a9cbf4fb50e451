"""Public entry points: staff counts (:func:`read_staff` and its wrappers), numbers that could
answer "how many?" (:func:`plausible_counts`) and the code guard (:func:`looks_like_code`)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlu.numbers.context import _AREA_PREPOSITIONS, _DEPARTMENTS, _noun_after
from bot.nlu.numbers.decide import _decide
from bot.nlu.numbers.lexicon import _fold_set, _is_staff_word
from bot.nlu.numbers.mentions import _analyse
from bot.nlu.numbers.not_staff import _age, _other_party, _visitors
from bot.nlu.numbers.owner import _owner_implied
from bot.nlu.numbers.per_unit import per_unit
from bot.nlu.numbers.phrases import _SELF_FIX
from bot.nlu.numbers.records import StaffReading
from bot.nlu.numbers.scanning import _scan_numbers, _tokens
from bot.nlu.numbers.sureness import _sure

MAX_COUNT = 100_000


_CODE = re.compile(
    r"[{}]|\"\s*:|^\s*/\w|[A-Za-z_]\(\s*[\d'\"]|=>"
    r"|</?(?!(?:b|i|u|p|br|em|strong|span|div|small|mark)\b)[A-Za-z][^>]{0,200}>",
    re.IGNORECASE,
)


def looks_like_code(text: str) -> bool:
    """JSON, payloads, markup or code ("{"employees": 5}", "/inform{…}", "alert(1)"): such
    text is text, never a profile value."""
    return bool(_CODE.search(text))


def read_staff(text: str, lenient: bool = False) -> StaffReading | None:
    """The staff count of ``text`` (see the docstring of :mod:`bot.nlu.numbers`), or None.

    ``lenient`` is for an answer to "Wie viele Beschäftigte …?": a bare number counts then.
    """
    if not isinstance(text, str) or not text.strip() or looks_like_code(text):
        return None
    toks, mentions, norm = _analyse(text)
    if not toks:
        return None
    reading = per_unit(list(toks), list(mentions)) or _decide(
        list(toks), list(mentions), norm, lenient
    )
    if reading is None or not 1 <= reading.count <= MAX_COUNT:
        if reading is not None and reading.count == 0:
            # "keine Mitarbeiter": the owner alone; a bare "0" or "null" is confirmed first
            sure = reading.source != "bare"
            return StaffReading(1, reading.start, reading.end, reading.source, sure=sure)
        return None
    if _other_party(text, reading) or _age(text, reading) or _visitors(text, reading):
        return None
    low = [t.low for t in toks]
    if _owner_implied(norm, low, list(mentions)):
        # "Ich bin 52 und habe 4 Leute": 4 or 5? The count as written, confirmed first.
        alone = _decide(list(toks), list(mentions), norm, lenient, implied=False)
        if alone is not None and alone.count != reading.count and alone.count >= 1:
            return replace(alone, sure=False, alternative=reading.count)
        reading = replace(reading, sure=False)
    if not _sure(text, reading):
        reading = replace(reading, sure=False)
    if reading.sure and _unread_member(list(toks), list(mentions), reading):
        # "me, 1 designer, 2 devs and a part-time PM" (one more?), "5 Leute und ein Hund"
        reading = replace(reading, sure=False)
    unread = _unread_list_members(list(toks), list(mentions), reading)
    if reading.sure and unread and reading.source == "composition":
        # "2 Therapeutinnen in Vollzeit, eine in Teilzeit, Rezeption und ich": one more each?
        reading = replace(reading, sure=False, alternative=reading.count + unread)
    if reading.source == "bare" and _HOURS.search(norm):
        return None  # "öffnungszeiten 6 bis 13 uhr, samstags bis 12": times, not staff
    if reading.sure and _doubtful(text, list(toks), list(mentions), reading):
        reading = replace(reading, sure=False)
    fixed = _self_fixed(list(toks), list(mentions), reading)
    if fixed is not None:
        # "wir sind fünf, nein sechs", "sieben – halt, seit Montag acht": the later number,
        # confirmed first
        reading = replace(reading, count=fixed, sure=False, alternative=None)
    return reading


_AND = _fold_set("and und plus sowie +")
_A = _fold_set("a an ein eine einen ne nen")


def _unread_member(toks: list, mentions: list, reading: StaffReading) -> bool:
    """The reading's list goes on with "and a …" that no mention covers."""
    after = [k for k, t in enumerate(toks) if t.start >= reading.end]
    if len(after) < 3 or any(m.first >= after[0] for m in mentions):
        return False
    k = after[0]
    return toks[k].low in _AND and toks[k + 1].low in _A and toks[k + 2].low[0].isalpha()


_LIST_JOIN = _fold_set(", und un sowie plus +")
_ONE_PERSON = _fold_set("ein eine einer einen")
_AREA_AFTER = _AREA_PREPOSITIONS - _fold_set("bei beim")


def _unread_list_members(toks: list, mentions: list, reading: StaffReading) -> int:
    """List members inside the counted list that no mention covers: "…, eine in Teilzeit, …"
    (a person by her working time or place) and a department named as a person ("…,
    Rezeption und ich")."""
    low = [t.low for t in toks]
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    inside = [k for k, t in enumerate(toks) if reading.start <= t.start < reading.end]
    unread = 0
    for k in inside:
        if k in covered or not k or low[k - 1] not in _LIST_JOIN or k + 1 >= len(low):
            continue
        nxt = low[k + 1]
        if low[k] in _ONE_PERSON and nxt in _AREA_AFTER:
            unread += 1  # "eine in Teilzeit"
        elif toks[k].capital and low[k] in _DEPARTMENTS and nxt in _LIST_JOIN:
            unread += 1  # "Rezeption und ich"
    return unread


_HOURS = re.compile(r"\b(uhr|offnungszeit\w*|geoffnet|offen|opening|hours|open)\b")
_VAGUE = _fold_set("paar einige mehrere etliche diverse few some several")


def _doubtful(text: str, toks: list, mentions: list, reading: StaffReading) -> bool:
    """Something in the message the reading does not account for, so it is confirmed first:
    the owner asks back ("zählen Praktikanten mit?"); a vague number of staff ("zwanzig plus
    paar Aushilfen"); a number inside the counted list that was not read ("4 devs, 1 designer,
    1 PM and me"); one more person after it ("…, und samstags hilft noch eine Schülerin")."""
    low = [t.low for t in toks]
    people = ("person", "definite", "group")
    kin = any(_is_staff_word(w) == "kin" for w in low)
    if reading.source == "solo" and (kin or any(m.kind in people for m in mentions)):
        return True  # "ich mache alles allein, nur meine Frau macht das Büro"
    asked_back = [k for k, w in enumerate(low) if w == "?"]
    for end in asked_back:
        start = max((k for k, w in enumerate(low[:end]) if w in (".", "!", "?")), default=-1)
        if any(w.startswith(_COUNT_STEMS) for w in low[start + 1 : end]):
            return True  # "Praktikant auch zählen?", "do interns count?"
    for k, word in enumerate(low):
        if word in _VAGUE and any(_is_staff_word(w) for w in low[k + 1 : k + 3]):
            return True
    used = {k for first, last in reading.parts for k in range(first, last + 1)}
    covered = used | {k for m in mentions for k in range(m.first, m.last + 1)}
    for num in _scan_numbers(toks):
        inside = bool(used) and min(used) < num.first < max(used)
        if (
            inside
            and num.kind != "year"
            and num.first not in covered
            and _noun_after(toks, num.last)[0] != "unit"
            and num.value < 50  # "… auf 520-Euro-Basis"
        ):
            return True
    between = set(low[min(used) : max(used)]) - {low[k] for k in used} if used else set()
    if reading.source == "composition" and between & _TURN:
        return True  # "drei Partner, also mich und zwei Kollegen, dazu …", "… aber ich und …"
    return any(
        toks[k].start >= reading.end
        and k not in covered
        and low[k - 1] in _ONE
        and _is_staff_word(low[k]) in ("role", "kin")
        and not set(low[max(0, k - 6) : k]) & _NOT_NOW
        for k in range(1, len(toks))
    )


# folded words: "zählen" is "zahlen" (but "Zahl" is no question of who counts)
_COUNT_STEMS = ("zahlen", "zahlt", "zahle", "mitzahl", "count", "rechne", "mitgerechn", "includ")
_TURN = _fold_set("also nämlich sprich aber but sondern jedoch")
_ONE = _fold_set("ein eine einen ne nen a")
_NOT_NOW = _fold_set(
    "wenn falls ab bald demnächst nächsten nächste künftig höchstens früher damals suchen suche "
    "next soon"
)


_FIX_WORDS = _SELF_FIX - _fold_set("doch eher besser") | _fold_set("wait actually say")


def _self_fixed(toks: list, mentions: list, reading: StaffReading) -> int | None:
    """The count an owner corrects himself to right after the read one, or None."""
    last = max((k for k, t in enumerate(toks) if t.end <= reading.end), default=None)
    if last is None:
        return None
    later = [m for m in mentions if m.first > last and m.kind in ("bare", "total", "strong")]
    if not later:
        return None
    nxt = later[0]
    between = {t.low for t in toks[last + 1 : nxt.first]}
    close = abs(nxt.value - reading.count) <= max(3, reading.count // 2)
    if between & _FIX_WORDS and close and nxt.value != reading.count and len(between) <= 8:
        return nxt.value
    return None


def employee_count_in_context(text: str) -> int | None:
    """Staff count only from staff language (never from phone numbers, postal codes, dates,
    prices, times or house numbers)."""
    reading = read_staff(text)
    return reading.count if reading else None


def employee_span(text: str) -> tuple[int, int, int] | None:
    """``(start, end, count)`` for :func:`employee_count_in_context`."""
    reading = read_staff(text)
    return (reading.start, reading.end, reading.count) if reading else None


def parse_employee_count(text: str) -> int | None:
    """Staff count for an answer to "Wie viele Beschäftigte …?" (a bare number counts)."""
    reading = read_staff(text, lenient=True)
    return reading.count if reading else None


def plausible_counts(text: str) -> list[tuple[int, int, int]]:
    """Numbers that could answer "how many?": 1-9999, no year, no masked thing, no unit or
    other noun after it ("3 Jahre", "12 Fahrzeuge") and no label before it ("Frage 3")."""
    toks = _tokens(text)
    out = []
    # a writer who capitalises nouns: a lowercase word after the number is a verb, no noun
    # ("die Zahl … mit 36 anzugeben; die vorhin genannten 40 enthielten …")
    cased = sum(1 for t in toks[1:] if t.capital) >= 2
    for num in _scan_numbers(toks):
        if num.kind == "year" or not 0 < num.value < 10_000:
            continue
        noun, at = _noun_after(toks, num.last)
        prev = toks[num.first - 1].low if num.first else ""
        verb = noun == "other" and cased and at < len(toks) and not toks[at].capital
        if (noun == "unit" or noun == "other" and not verb) or prev in _LABEL_WORDS:
            continue
        if num.kind == "beide":
            continue
        out.append((toks[num.first].start, toks[num.last].end, num.value))
    return out


_LABEL_WORDS = _fold_set(
    "frage nummer nr punkt seite schritt kapitel version teil stufe seit vor im am um level "
    "platz plz postleitzahl tel telefon haus hausnummer question step"
)
