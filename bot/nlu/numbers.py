"""Numbers and staff counts in German free text.

Decisions (documented contract):
* Ranges ("12-15", "zwölf bis fünfzehn", "zwischen 10 und 20", "zwei oder drei", "zwei,
  drei Leute") count as their **upper** bound: owners name the range their staff moves in,
  and support programmes are sized by the upper end.
* "ein Dutzend" = 12, "zwei Dutzend" = 24, "ein halbes Dutzend" = 6, "anderthalb Dutzend"
  = 18; "eine Handvoll" = 5; "zu zweit/dritt/..." = 2/3/...; "ein paar" is no number.
* The count includes the owner (the question says "Sie selbst eingeschlossen"): "nur ich",
  "Ein-Mann-Betrieb", "soloselbstständig", "keine Mitarbeiter" -> 1; "ich und zwei
  Mitarbeiter", "drei Angestellte plus ich", "ich habe zwei Angestellte" -> 3/4/3;
  "inklusive mir" / "mit mir" keep the number as said.
* Several staff groups joined by "und"/"plus"/"," are added ("3 Vollzeit und 2 Azubis" =
  5) unless "davon"/"darunter" marks a subset; after "früher ..., jetzt ..." the number
  after the time word wins.
* Years (1900-2099 written with four digits) only count when a staff word follows directly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import alpha2digit

from bot.nlu.text import clean, fold

MAX_COUNT = 100_000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEX = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")
_NUMWORD = re.compile(
    r"(?:null|eins|ein|zwei|zwo|drei|vier|fünf|sechs|sieb|sieben|acht|neun|zehn|elf|zwölf"
    r"|zwanzig|dreißig|dreissig|zig|hundert|tausend|und)+"
)
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer"})
_ZU = {"zweit": 2, "dritt": 3, "viert": 4, "funft": 5, "sechst": 6, "siebt": 7, "acht": 8}
_ZU.update({"neunt": 9, "zehnt": 10, "elft": 11, "zwolft": 12})
_STAFF = re.compile(
    r"(leut|mitarbeit|beschaftigt|angestellt|person|kopf|kopfe|kolleg|azubi|auszubild|gesell"
    r"|fachkraft|fachkrafte|arbeitnehmer|krafte|aushilf|teammitglied|member|employee|mensch"
    r"|festangestell|vollzeit|teilzeit|minijob|werkstudent|praktikant|helfer|seelen|ma$|mann$"
    r"|frau$|leutchen)"
)
_GROUP = {"team", "belegschaft", "personal", "mitarbeiterzahl", "mitarbeiteranzahl", "anzahl"}
_FILLER = _words(
    "ca circa zirka etwa ungefahr rund so um die knapp gut uber mehr als unter "
    "weniger fast beinahe bis zu wir sind es insgesamt momentan aktuell derzeit "
    "zurzeit zur zeit gerade also ja nun na mal ich glaube schatze denke wurde sagen "
    "vielleicht inkl inklusive mit mir mich und plus oder zwischen von aus da sinds "
    "warens jetzt heute leute stuck zusammen ach nee nein doch korrektur sorry auf"
)
_TIME = _words("jetzt aktuell derzeit momentan zurzeit heute mittlerweile inzwischen")
_SUBSET = _words("davon darunter inkl inklusive einschliesslich")
_LABELS = _words(
    "frage nummer nr punkt seite schritt kapitel version teil stufe seit vor im am "
    "um level platz plz postleitzahl tel telefon haus hausnummer"
)
_UNITS = frozenset({"%", "€", "$", "uhr", "mal", "km", "qm", "m", "h", "eur", "euro"})
_UNIT_PREFIXES = ("jahr", "prozent", "stund", "tag", "woch", "monat", "minut", "sekund")
_COUNTING = _words("habe hab haben beschaftige beschaftigen nur plus und + ausser neben")
_JOIN = frozenset({"und", "plus", "+", ",", "sowie", "&"})
_SOLO = re.compile(
    r"\b(nur (ich|mich)( selbst)?|ich (allein|alleine|selbst)|(bin|arbeite) (allein|alleine)"
    r"|ein (mann|frau|personen) (betrieb|unternehmen|firma|show)|einmann|einfrau"
    r"|einzelkampfer|solo ?selbst|soloselbst|solo unternehm|allein ?selbst|keine (eigenen )?"
    r"(mitarbeit|angestellt|beschaftigt|personal)|ohne (mitarbeit|angestellt|personal))"
)
_PAIR = re.compile(
    r"\b(wir beide|nur wir zwei|(mein|meine) (frau|mann|partner|partnerin|sohn|tochter|bruder"
    r"|schwester|kollege|kollegin|kompagnon|geschaftspartner\w*) und ich|ich und (mein|meine) "
    r"(frau|mann|partner|partnerin|sohn|tochter|bruder|schwester|kollege|kollegin|kompagnon"
    r"|geschaftspartner\w*))\b"
)
_OWNER_PLUS = re.compile(
    r"(^|\s)(ich und|ich \+|ich plus|ich mit|plus (ich|mich|mir|chef\w*|inhaber\w*)"
    r"|(und|\+) (ich|mich|der chef|chef\w*|inhaber\w*)|ohne (mich|chef|inhaber)|ausser mir"
    r"|neben mir|zuzuglich mir)(\s|$)"
)
_OWNER_IN = re.compile(r"\b(inkl|inklusive|einschliesslich|mit) (mir|mich|chef|inhaber)|mich mit")


class Num(NamedTuple):
    """A number in the text: character span, value, token span, and whether it is a year."""

    start: int
    end: int
    value: int
    first: int
    last: int
    year: bool = False
    staff: bool = False


@lru_cache(maxsize=4096)
def _word_value(word: str) -> int | None:
    word = word.replace("fuenf", "fünf").replace("funf", "fünf").replace("zwoelf", "zwölf")
    word = word.replace("zwolf", "zwölf")
    if not _NUMWORD.fullmatch(word):
        return None
    digits = alpha2digit(word, "de", threshold=0)
    return int(digits) if digits.isdigit() else None


def _digits_value(raw: str) -> int | None:
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
        return int(raw.replace(".", ""))
    try:
        return int(float(raw.replace(",", ".")) + 0.5)
    except ValueError:
        return None


def _lex(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _LEX.finditer(clean(text))]


def _scan(text: str) -> tuple[list[tuple[int, int, str]], list[str], list[Num]]:
    toks = _lex(text)
    low = [fold(t[2]) or t[2] for t in toks]
    raw: list[Num] = []
    i = 0
    while i < len(toks):
        word, value, last = toks[i][2].lower(), None, i
        nxt = low[i + 1] if i + 1 < len(toks) else ""
        if word[0].isdigit():
            value = _digits_value(word)
        elif word == "zu" and nxt in _ZU:
            value, last = _ZU[nxt], i + 1
        elif low[i] == "handvoll":
            value = 5
        elif low[i] in _ARTICLES:
            after = low[i + 2] if i + 2 < len(toks) else ""
            if nxt == "dutzend" or (nxt in ("halbes", "gutes") and after == "dutzend"):
                value = None
            elif nxt == "handvoll":
                value, last = 5, i + 1
            elif _STAFF.match(nxt) and nxt not in ("mann", "frau", "ma"):
                value = 1 if _COUNTING & set(low[max(0, i - 3) : i]) else None
        else:
            value = _word_value(word)
        if low[i] == "dutzend" or nxt == "dutzend" or (nxt == "halbes" and value is None):
            value, last = _dozen(low, i)
        if value is not None and 0 <= value <= MAX_COUNT:
            year = bool(re.fullmatch(r"(19|20)\d\d", word))
            raw.append(Num(toks[i][0], toks[last][1], value, i, last, year, word == "zu"))
        i = max(last, i) + 1
    return toks, low, _merge_ranges(toks, low, raw)


def _dozen(low: list[str], i: int) -> tuple[int | None, int]:
    """Value and last token index of "(ein|zwei|ein halbes|anderthalb) Dutzend" at ``i``."""
    k, factor = i, 1.0
    if low[k] in ("halbes", "gutes") or (k + 1 < len(low) and low[k + 1] in ("halbes", "gutes")):
        factor = 0.5 if "halbes" in low[k : k + 2] else 1.0
    if low[k] in _ARTICLES or low[k] == "anderthalb":
        factor = 1.5 if low[k] == "anderthalb" else factor
    elif low[k] != "dutzend":
        factor = float(_word_value(low[k]) or _digits_value(low[k]) or 0) or factor
    while k < len(low) and low[k] != "dutzend" and k < i + 3:
        k += 1
    if k >= len(low) or low[k] != "dutzend":
        return None, i
    return int(12 * factor + 0.5), k


def _merge_ranges(toks: list[tuple[int, int, str]], low: list[str], nums: list[Num]) -> list[Num]:
    out: list[Num] = []
    for num in nums:
        if out:
            prev = out[-1]
            between = low[prev.last + 1 : num.first]
            before = low[prev.first - 1] if prev.first else ""
            is_range = between in (["-"], ["bis"], ["oder"], ["/"]) or (
                between == ["und"] and before == "zwischen"
            )
            if between == [","] and num.value == prev.value + 1 <= 20:
                is_range = True
            if is_range and not prev.year and not num.year and prev.value < num.value:
                out[-1] = Num(prev.start, num.end, num.value, prev.first, num.last)
                continue
        out.append(num)
    return out


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """All numbers as ``(start, end, value)`` character spans; ranges merged (upper bound)."""
    return [(n.start, n.end, n.value) for n in _scan(text)[2]]


def _staff_context(low: list[str], num: Num) -> bool:
    if num.staff:
        return True
    for j in range(num.last + 1, min(num.last + 4, len(low))):
        word = low[j]
        if not word[0].isalpha() or (num.year and j > num.last + 1):
            break
        if _STAFF.match(word) and (j == num.last + 1 or word not in ("mann", "frau", "ma")):
            return True
        if _word_value(word) is not None:
            break
    if num.year:
        return False
    k = num.first - 1
    while k >= 0 and (low[k] in _FILLER - {"wir", "sind"} or low[k] in (":", "=", ".")):
        k -= 1
    if k >= 0 and (low[k] in _GROUP or (_STAFF.match(low[k]) and low[k] not in ("mann", "frau"))):
        return True
    if k >= 1 and {low[k], low[k - 1]} in ({"sind", "wir"}, {"sind", "es"}):
        following = low[num.last + 1] if num.last + 1 < len(low) else "."
        return not following[0].isalpha() or following in _FILLER
    return False


def _combine(low: list[str], staff: list[Num], nums: list[Num]) -> int:
    times = [i for i, w in enumerate(low) if w in _TIME]
    if times:
        later = [n for n in nums if n.first > times[0] and not n.year]
        return (later or staff)[0].value
    total = staff[0].value
    for prev, num in zip(staff, staff[1:], strict=False):
        between = set(low[prev.last + 1 : num.first])
        if between & _SUBSET or not between & _JOIN:
            break
        total += num.value
    return total


def _owner_extra(low: list[str], norm: str, first: Num) -> int:
    """1 when the owner is named on top of the counted staff ("ich und zwei Leute")."""
    if _OWNER_IN.search(norm):
        return 0
    window = set(low[max(0, first.first - 3) : first.first])
    if "ich" in window and window & {"habe", "hab", "beschaftige"}:
        return 1
    return 1 if _OWNER_PLUS.search(norm) else 0


def employee_count_in_context(text: str) -> int | None:
    """Staff count only when the text clearly talks about staff (or is a bare number)."""
    found = employee_span(text)
    return found[2] if found else None


def employee_span(text: str) -> tuple[int, int, int] | None:
    """``(start, end, count)`` for :func:`employee_count_in_context`; the span covers the
    deciding number, or the whole text for phrases such as "nur ich"."""
    toks, low, nums = _scan(text)
    norm = " ".join(w for w in low if w[0].isalnum())
    whole = (toks[0][0], toks[-1][1]) if toks else (0, 0)
    staff = [n for n in nums if _staff_context(low, n)]
    if staff:
        count = _combine(low, staff, nums)
        count = count + _owner_extra(low, norm, staff[0]) if count else 1
        return (staff[0].start, staff[-1].end, count) if count <= MAX_COUNT else None
    if _SOLO.search(norm) or _PAIR.search(norm):
        return (*whole, 1 if _SOLO.search(norm) else 2)
    numeric = [n for n in nums if not n.year]
    covered = {k for n in numeric for k in range(n.first, n.last + 1)}
    rest = [w for k, w in enumerate(low) if k not in covered and w[0].isalpha()]
    if len(nums) == len(numeric) == 1 and _plausible(low, nums[0]) and set(rest) <= _FILLER:
        return (nums[0].start, nums[0].end, nums[0].value + _owner_extra(low, norm, nums[0]))
    return None


def parse_employee_count(text: str) -> int | None:
    """Staff count for an answer to "Wie viele Beschäftigte ...?" (lenient).

    Uses :func:`employee_count_in_context` first; otherwise the first number in the text
    that is not a year (1 ... 100 000), e.g. "Seit 1998 sind wir heute 12" -> 12.
    """
    count = employee_count_in_context(text)
    if count is not None:
        return count
    candidates = plausible_counts(text)
    return candidates[0][2] if candidates else None


def plausible_counts(text: str) -> list[tuple[int, int, int]]:
    """Numbers that could answer "how many?": 1-9999, no year, no unit ("3 Jahre") and no
    label ("Frage 3") next to them.  Used for the generic ``number`` entity."""
    low, nums = _scan(text)[1:]
    return [(n.start, n.end, n.value) for n in nums if _plausible(low, n)]


def _plausible(low: list[str], num: Num) -> bool:
    before = low[num.first - 1] if num.first else ""
    after = low[num.last + 1] if num.last + 1 < len(low) else ""
    if num.year or not 0 < num.value < 10_000 or before in _LABELS:
        return False
    return not (after and (after in _UNITS or after.startswith(_UNIT_PREFIXES)))
