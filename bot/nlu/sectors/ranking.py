"""Sector matches ranked as the firm's own sector, and the deciding one.

Conflicts are deterministic: per word the longest matching entry wins ("Maschinenbau" ->
produktion beats "Bau"; "Garten- und Landschaftsbau" -> bau), then the frame score, the length
of the entry and the earlier position.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.sectors.frame import identity_frame
from bot.nlu.sectors.matching import (
    SectorMatch,
    find_sectors,
)
from bot.nlu.sectors.scoring import FOREIGN, sector_score
from bot.nlu.text import (
    clean,
    fold_all,
)


@lru_cache(maxsize=1024)
def _ranked(text: str) -> tuple[tuple[int, SectorMatch], ...]:
    return tuple(_rank(text))


def ranked_sectors(text: str) -> list[tuple[int, SectorMatch]]:
    """Sector matches that may name the firm's own sector, best first, as ``(score, match)``
    (see :func:`_rank`)."""
    return list(_ranked(text)) if isinstance(text, str) else []


def _rank(text: str) -> list[tuple[int, SectorMatch]]:
    """Sector matches that may name the firm's own sector, best first, as ``(score, match)``:
    per word the longest entry; then the frame score (:func:`sector_score`), the length of the
    entry and the earlier position."""
    found = find_sectors(text)
    by_span: dict[int, SectorMatch] = {}
    for match in sorted(found, key=lambda m: (-m.length, m.start)):
        if not any(m.start < match.end and match.start < m.end for m in by_span.values()):
            by_span[match.start] = match
    matches = sorted(by_span.values(), key=lambda m: m.start)
    head = matches[0] if matches else None
    ranked = []
    concrete = {m.value for m in matches if _phrase_kind(text, m) is None}
    foreign_end = -1
    for match in matches:
        score = sector_score(text, match, head)
        if foreign_end >= 0 and _coordinated(text, foreign_end, match.start):
            score = FOREIGN  # "für Bäckereien und Metzgereien": the whole list
        if score <= FOREIGN:
            foreign_end = match.end
            continue
        foreign_end = -1
        kind = _phrase_kind(text, match)
        if kind == "rejects":
            score += 6  # "Nichts davon, wir betreiben eine Tierpension": none of the options
        elif kind == "vague" and concrete:
            score -= 4  # "jetzt mache ich was ganz anderes: eine Praxis für Physiotherapie"
        ranked.append((score + (1 if identity_frame(text, match) else 0), match))
    ranked.sort(key=lambda item: (item[0], -item[1].start), reverse=True)
    return ranked


def _coordinated(text: str, end: int, start: int) -> bool:
    """Only "und", "oder", "sowie" or commas lie between ``end`` and ``start``."""
    gap = fold_all(re.findall(r"\w+", clean(text)[end:start]))
    return all(w in ("und", "oder", "sowie", "or", "and") for w in gap)


_REJECTS = re.compile(
    r"^(nichts davon|keins davon|keine davon|passt nicht|passt nichts|nichts passt|passt keine"
    r"|passt nirgends|nirgends rein|passt nirgendwo|nirgendwo rein|keine der branchen"
    r"|andere branche|sonstige branche)$"
)
_VAGUE = re.compile(r"^(etwas|was) (ganz )?anderes$")


def _phrase_kind(text: str, match: SectorMatch) -> str | None:
    """ "rejects" for a rejection of all options ("passt nirgends"), "vague" for "etwas
    anderes", None for a concrete trade."""
    if match.value != "sonstiges":
        return None
    words = " ".join(fold_all([clean(text)[match.start : match.end]]))
    if _REJECTS.match(words):
        return "rejects"
    return "vague" if _VAGUE.match(words) else None


def best_sector(text: str, strict: bool = False) -> SectorMatch | None:
    """The deciding match (see :func:`ranked_sectors`), or None.

    ``strict`` (the sector was not asked): only a match that says what the firm is
    (:func:`identity_frame`) counts.
    """
    for _, match in ranked_sectors(text):
        if not strict or identity_frame(text, match):
            return match
    return None


def parse_sector(text: str) -> str | None:
    """Map free text to a sector id (``SECTORS``) or None."""
    match = best_sector(text)
    return match.value if match else None
