"""Sector detection: free German text -> one of the ids in ``SECTORS``.

Vocabulary lives in ``data/lookup/sectors.yml`` (see its header for the entry kinds).
Tokens are lower-cased and umlaut-folded; hyphenated compounds are also tried joined
("Online-Shop" -> "onlineshop").  Conflicts are deterministic: the longest matching
entry wins ("Maschinenbau" -> produktion beats "Bau"; "Garten- und Landschaftsbau" ->
bau), a tie goes to the earlier position.  A person-type word right after a
third-party marker ("das macht unser Steuerberater") is not taken as the firm's own
sector.  Typos (one edit) are matched on 6+ letter tokens against a short list of
sector words.

The modules, by topic:

* :mod:`~bot.nlu.sectors.matching`: the vocabulary and every sector word in a text;
* :mod:`~bot.nlu.sectors.scoring`: how surely one match names the firm's own sector;
* :mod:`~bot.nlu.sectors.frame`: whether a match says what the firm is;
* :mod:`~bot.nlu.sectors.ranking`: the matches best first, and the deciding one;
* :mod:`~bot.nlu.sectors.reading`: the sector read from a message, sure or to be confirmed.
"""

from __future__ import annotations

from bot.nlu.sectors.frame import identity_frame
from bot.nlu.sectors.matching import ALONE, GUARDED, PLAIN, SECTORS, SectorMatch, find_sectors
from bot.nlu.sectors.ranking import best_sector, parse_sector, ranked_sectors
from bot.nlu.sectors.reading import MARGIN, SectorReading, read_sector
from bot.nlu.sectors.scoring import FOREIGN, sector_score

__all__ = [
    "ALONE",
    "FOREIGN",
    "GUARDED",
    "MARGIN",
    "PLAIN",
    "SECTORS",
    "SectorMatch",
    "SectorReading",
    "best_sector",
    "find_sectors",
    "identity_frame",
    "parse_sector",
    "ranked_sectors",
    "read_sector",
    "sector_score",
]
