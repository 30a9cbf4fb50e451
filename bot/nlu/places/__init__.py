"""Municipality detection: free German text -> one of the ids in ``MUNICIPALITIES``.

Vocabulary lives in ``data/lookup/places.yml``; the firm's seat, not every place named, decides
(see :mod:`~bot.nlu.places.seat`). The modules, by topic:

* :mod:`~bot.nlu.places.matching`: the vocabulary and every town name in a text (typos too);
* :mod:`~bot.nlu.places.seat`: how surely a place is the firm's seat, and the deciding one;
* :mod:`~bot.nlu.places.reading`: the seat read from a message, sure or to be confirmed.
"""

from __future__ import annotations

from bot.nlu.places.matching import (
    FUZZY_MIN_LEN,
    GENERIC,
    MUNICIPALITIES,
    NAME,
    PHRASE,
    PlaceMatch,
    find_municipalities,
    names_municipality,
)
from bot.nlu.places.reading import LOW, MARGIN, PlaceReading, parse_municipality, read_municipality
from bot.nlu.places.seat import FOREIGN, best_municipality, ranked_municipalities, seat_score

__all__ = [
    "FOREIGN",
    "FUZZY_MIN_LEN",
    "GENERIC",
    "LOW",
    "MARGIN",
    "MUNICIPALITIES",
    "NAME",
    "PHRASE",
    "PlaceMatch",
    "PlaceReading",
    "best_municipality",
    "find_municipalities",
    "names_municipality",
    "parse_municipality",
    "ranked_municipalities",
    "read_municipality",
    "seat_score",
]
