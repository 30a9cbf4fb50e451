"""Which of the places named is the firm's seat.

Resolution (:func:`best_municipality`): the firm's seat, not every place named. Each town
name or Ortsteil is scored by its clause: seat words ("Sitz", "gemeldet", "wir sitzen in",
"Firma ist in") and present time ("seit 2019", "jetzt") raise it; the past ("gegründet in",
"früher"), a move away ("aus Hilden nach Langenfeld gezogen"), nearness ("Grenze zu",
"entfernt"), travel ("fahren nach") lower it; places of other people or other things
(customers, suppliers, friends, where the owner lives, a warehouse or branch) and street names
or adjectives before a noun ("Benrather Straße", "Düsseldorfer Telefonnummer") are not the seat
at all. The best score wins, then the earliest. A name right after "nicht (in)" or "außerhalb
(von)" is skipped; "Kreis Mettmann" names the district, not a town, and is ignored; generic
Ortsteile (Altstadt, Stadtmitte -> duesseldorf) and `andere` phrases ("woanders", "anderer
Ort") only count when nothing more specific was found.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.places.matching import (
    GENERIC,
    NAME,
    PHRASE,
    PlaceMatch,
    _cleaned_tokens,
    find_municipalities,
)
from bot.nlu.places.seat_words import (
    _BRANCH,
    _BUYING,
    _CLIENT_FIRMS,
    _ELSEWHERE,
    _FIRM_WORDS,
    _FOUNDED,
    _GREETING,
    _HIS,
    _HOME,
    _INDEFINITE,
    _MOVED,
    _MY,
    _NEAR,
    _NOT_OURS,
    _NOW,
    _OTHERS,
    _OUR_FIRM,
    _OWN_NOUNS,
    _OWNING,
    _PAST,
    _RELATIVES,
    _SEAT,
    _SEAT_VERBS,
    _STREET_WORDS,
)
from bot.nlu.text import (
    Token,
    clean,
    fold_all,
)

FOREIGN = -100


def _clause_window(
    tokens: list[Token], text: str, start: int, end: int
) -> tuple[list[str], list[str]]:
    """Folded words of the clause before the token span and after it."""
    before: list[str] = []
    k = start - 1
    while k >= 0 and len(before) < 8:
        gap = text[tokens[k].end : tokens[k + 1].start]
        if any(c in gap for c in ".!?;:,–"):
            break
        before.append(tokens[k].norm)
        k -= 1
    after: list[str] = []
    k = end + 1
    while k < len(tokens) and len(after) < 5:
        gap = text[tokens[k - 1].end : tokens[k].start]
        if any(c in gap for c in ".!?;:,–") or tokens[k].norm in ("sondern",):
            break
        after.append(tokens[k].norm)
        k += 1
    return before[::-1], after


def _we_are(before: list[str], i: int) -> bool:
    """ "(Unser Unternehmen,) ein Hersteller … mit Sitz in Ratingen", "wir sind ne kleine Agentur
    in Hilden", "Agentur in Hilden, 7 Leute": a firm word that describes the firm itself, unlike
    "mit einer Agentur in Hilden"."""
    if before[i] not in _FIRM_WORDS:
        return False
    if i == 0 or i == 1 and before[0] not in _NOT_OURS:
        return True  # the clause opens with it ("Web-Agentur in Ratingen"): the firm
    k = i - 1
    while k > 0 and i - k <= 2 and before[k] not in _INDEFINITE and before[k].endswith(("e", "en")):
        k -= 1  # "ne kleine Agentur", "eine junge Werbeagentur"
    if before[k] not in _INDEFINITE:
        return False
    return k == 0 or before[k - 1] in ("sind", "sin", "sinn", "als", "ist", "wir", "san")


def seat_score(text: str, match: PlaceMatch) -> int:
    """How surely ``match`` names the firm's seat (see the module docstring); ``FOREIGN`` for
    a place that is not the seat (someone else's, the owner's home, a branch, a street)."""
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    first = next((i for i, t in enumerate(tokens) if t.start >= match.start), None)
    last = max((i for i, t in enumerate(tokens) if t.end <= match.end), default=None)
    if first is None or last is None:
        return 0
    before, after = _clause_window(tokens, text, first, last)
    word = tokens[first].norm
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    joined = nxt is not None and not any(c in text[tokens[last].end : nxt.start] for c in ",;:")
    street = nxt is not None and nxt.norm.endswith(("strasse", "str"))
    if joined and (nxt.norm in _STREET_WORDS or (street and word.endswith("er"))):
        return FOREIGN  # "Benrather Straße", "Hildener Str." (not "Hilden Mittelstraße")
    adjective = (
        word.endswith("er")
        and nxt is not None
        and nxt.text[:1].isupper()
        and nxt.norm not in _OWN_NOUNS
        and text[tokens[last].end : nxt.start].strip() == ""
    )
    if adjective:
        return FOREIGN  # "Düsseldorfer Telefonnummer", "Hildener Kunden"
    if before[-1:] and before[-1] in ("amtsgericht", "registergericht", "landgericht", "finanzamt"):
        return FOREIGN  # "beim Amtsgericht Düsseldorf eingetragen": the court, not the seat
    near_before = set(before[-4:])
    others = [
        i
        for i, w in enumerate(before)
        if (w in _OTHERS or w.endswith(("kunde", "kunden", "lieferant"))) and not _we_are(before, i)
    ]
    clients = set(before[-3:]) & _CLIENT_FIRMS or any(
        w.endswith(("betriebe", "firmen")) for w in before[-3:]
    )
    if set(before[-5:]) & {"fur", "for"} and clients:
        return FOREIGN  # "für große Firma in Velbert", "für Handwerksbetriebe in Hilden"
    if set(before) & _BUYING and set(before) & {"bei", "von", "vom", "from", "beim"}:
        return FOREIGN  # "the beans we buy from a Rösterei in Köln": a supplier's place
    label = tokens[first - 1].norm if first > 0 else ""
    labelled = first > 0 and ":" in text[tokens[first - 1].end : tokens[first].start]
    if labelled and (label in _OTHERS or label.endswith(("kunde", "kunden", "lieferant"))):
        return FOREIGN  # "Haan (Kunden: Wuppertal)"
    if others or set(before) & _HOME or set(after[:2]) & _HOME:
        return FOREIGN
    # "Mein Vater hat die Tischlerei in Langenberg aufgemacht": the firm's own story, unlike
    # "meine Schwester hat ein Hotel in Monheim"
    own_story = (set(before) | set(after)) & _FOUNDED and set(before) & _OUR_FIRM
    if set(before) & _RELATIVES and set(before) & _OWNING and "wir" not in before and not own_story:
        return FOREIGN
    relative_at = len(before) >= 3 and before[-1] in ("in", "aus", "bei")
    relative_at = relative_at and before[-2] in _RELATIVES and before[-3] in _MY
    if relative_at and not (set(before) | set(after)) & _FOUNDED:
        return FOREIGN  # "die Post geht an meinen Steuerberater in Hilden": his place
    if set(before[-3:]) & _HIS and set(before) & (_OTHERS | _RELATIVES):
        return FOREIGN  # "unser Steuerberater hat seinen Sitz in Velbert": his seat
    branch_at = max((i for i, w in enumerate(before) if w in _BRANCH), default=-1)
    seat_at = max((i for i, w in enumerate(before) if w in _SEAT), default=-1)
    if near_before & _BRANCH and (seat_at < 0 or branch_at > seat_at):
        return FOREIGN  # "den Firmensitz und nicht die Niederlassung in Köln": the branch
    score = 0
    prev = before[-1] if before else ""
    if set(after[:2]) & {"richtig", "richtich", "korrekt", "stimmt"}:
        score += 6  # "Hilden is richtich": the corrected seat
    if set(before) & _SEAT or set(after[:2]) & _SEAT:
        score += 4  # "Sitz in Erkrath", "in Erkrath ansässig"
    if set(before) & _NOW:
        score += 3
    elif set(before) & _PAST or (set(after) & _PAST and not set(after) & _MOVED):
        score -= 4  # "früher waren wir in Wuppertal"
    elif (set(before) | set(after)) & _FOUNDED:
        score -= 1  # "in Haan gegründet": the seat unless a later one is named
    if prev == "plz" or (len(prev) == 5 and prev.isdecimal()):
        score += 3  # an address: "[PLZ] Ratingen", "40822 Mettmann"
    if prev == "nach":
        score += 3 if set(after) & _MOVED or set(before) & _MOVED else -2
    if prev in ("aus", "von", "from") and {"nach", "to"} & set(after):
        score -= 3  # "aus Hilden nach Langenfeld gezogen", "moved from Hilden to Langenfeld"
    if before[:1] == ["sondern"] or before[:1] == ["but"]:
        score += 2  # "nicht in Ratingen, sondern in Heiligenhaus"
    base = prev == "von" and after[:1] == ["aus"]
    if base:
        score += 3  # "fahren von Hilden aus": the base
    corner = next((i for i, w in enumerate(after[:3]) if w in ("ecke", "eck")), None)
    corner = corner is not None and after[corner + 1 : corner + 2] not in (["vom"], ["von"])
    if set(before) & _NEAR or set(after[:2]) & _NEAR or corner:
        score -= 2  # "nahe Hilden", "bei Hilden um die Ecke": near it, not in it
    if (set(before) | set(after[:2])) & _ELSEWHERE and not set(before) & _SEAT and not base:
        score -= 2  # "viel in Erkrath unterwegs", "fahren nach …"
    court = {"handelsregister", "registergericht", "amtsgericht", "finanzamt"} & set(before)
    if court and not {"sitz", "firmensitz", "hauptsitz", "geschaftssitz"} & set(before):
        score -= 4  # "im Handelsregister in Düsseldorf eingetragen": the court, not the firm
    if prev in ("in", "im") and {"jedoch", "tatsachlich"} & set(before):
        score += 2  # "…, der Betrieb selbst befindet sich jedoch in Haan"
    if "unterwegs" in after[:3] or "unterwegs" in before:
        score -= 3  # on the road there, not based there
    if prev in ("in", "im", "aus") and len(before) >= 3 and before[-3] in ("fur", "for"):
        score -= 3  # "Webseiten für Handwerker in Langenfeld": where the customers are
    if prev in ("in", "im") and set(before) & _SEAT_VERBS:
        score += 2
    if prev in ("aus", "from") and before[:-1] and all(w in _GREETING for w in before[:-1]):
        score += 3  # "Guten Tag aus Mettmann!", "tach aus ratingen": where the owner writes
    if prev in ("in", "from") and {"were", "we"} & set(before):
        score += 2  # "we're 6 people in Düsseldorf-Bilk", "a design studio from Cologne"
    if {"uns", "hier"} & near_before and prev in ("in", "im"):
        score += 2
    if word.endswith("er") and word not in ("ratinger",) and not after:
        score -= 2  # "Wir sind Düsseldorfer": people, not the seat
    return score


def _coordinated(text: str, end: int, start: int) -> bool:
    """Only "und", "oder", "sowie" or commas lie between ``end`` and ``start``."""
    gap = fold_all(re.findall(r"\w+", clean(text)[end:start]))
    return all(w in ("und", "oder", "sowie", "or", "and") for w in gap)


def ranked_municipalities(text: str) -> list[tuple[int, PlaceMatch]]:
    """Town names and Ortsteile that may be the seat, best first, as ``(score, match)``;
    places that are not the seat (see :func:`seat_score`) are left out."""
    return list(_ranked(text)) if isinstance(text, str) else []


@lru_cache(maxsize=1024)
def _ranked(text: str) -> tuple[tuple[int, PlaceMatch], ...]:
    return tuple(_rank(text))


def _rank(text: str) -> list[tuple[int, PlaceMatch]]:
    """Town names and Ortsteile that may be the seat, best first, as ``(score, match)``;
    places that are not the seat (see :func:`seat_score`) are left out."""
    found = find_municipalities(text)
    ranked = []
    foreign_end = -1
    for order, (cls, match) in enumerate(found):
        if cls != NAME:
            continue
        score = seat_score(text, match)
        if foreign_end >= 0 and _coordinated(text, foreign_end, match.start):
            score = FOREIGN  # "3 Filialen in Mettmann, Wülfrath und Velbert": the whole list
        foreign_end = match.end if score <= FOREIGN else -1
        if score > FOREIGN:
            ranked.append((score, -order, match))
    ranked.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(score, match) for score, _, match in ranked]


def best_municipality(text: str, phrases: bool = True) -> PlaceMatch | None:
    """The match that decides the municipality (see module docstring), or None.

    ``phrases=False`` ignores the vague `andere` phrases ("woanders", "außerhalb"), which only
    mean a town when the town was asked for.
    """
    ranked = ranked_municipalities(text)
    if ranked:
        return ranked[0][1]
    found = find_municipalities(text)
    if any(cls == NAME for cls, _ in found):
        return None  # only places that are not the seat
    short = len(_cleaned_tokens(text)[1]) <= 3
    for wanted in (GENERIC, PHRASE) if phrases else (GENERIC,):
        for cls, match in found:
            word = fold_all([text[match.start : match.end]])
            if cls == PHRASE and word == ["ausserhalb"] and not short:
                continue  # "Termine außerhalb nach Vereinbarung" is no place
            if cls == wanted:
                return match
    return None
