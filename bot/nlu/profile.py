"""The owner's profile in a message: staff count, sector and town, and whether the message is
a correction ("wir sind eigentlich …", "bitte ändern: …"). One decision
(:func:`decide_profile`) shared by the interview form and the benchmark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

from bot.nlu.numbers import employee_count_in_context, parse_employee_count
from bot.nlu.places import best_municipality
from bot.nlu.sectors import best_sector
from bot.nlu.text import normalized

_CORRECTION = re.compile(
    r"\b(eigentlich|korrektur|korrigier\w*|ander\w*|falsch|vertan|verschrieben|verklickt"
    r"|verwechselt|nicht \w+ sondern|sondern|stimmt (so )?nicht|doch (nicht|eher|in|ein\w*)"
    r"|richtig (ist|ware)|genau genommen|muss (ich )?korrigieren|update|berichtigung"
    r"|nochmal (zu|zum|zur)|ach (nein|ne+|so)|oops|hoppla|sorry)\b"
)


@dataclass(frozen=True)
class ProfileReading:
    values: Dict[str, Any] = field(default_factory=dict)
    correction: bool = False


def read_profile(text: str, asked: Optional[str]) -> ProfileReading:
    """Staff count, sector and town in ``text``; ``asked`` is the slot the bot just asked.

    The staff count is read leniently (a bare number counts) only when it was asked; otherwise
    only from staff language ("12 Leute", "zu fünft"), never from phone numbers, postal codes,
    dates, prices or house numbers.
    """
    values: Dict[str, Any] = {}
    count = parse_employee_count(text) if asked == "employees" else employee_count_in_context(text)
    if count is not None and 1 <= count <= 100_000:
        values["employees"] = count
    sector = best_sector(text)
    if sector is not None:
        values["sector"] = sector.value
    place = best_municipality(text)
    if place is not None:
        values["municipality"] = place.value
    return ProfileReading(values, bool(_CORRECTION.search(normalized(text))))


PROFILE_SLOTS = ("employees", "sector", "municipality")


def decide_profile(
    text: str, asked: Optional[str], current: Dict[str, Any]
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """``(stored, proposed)``: values stored at once, and changes to confirm first.

    While the profile is asked, every profile value the message states is stored for a slot that
    is still empty ("Malerbetrieb in Hilden, 9 Leute"). A value that differs from one already
    known is only proposed, and only with correction language; a passing mention of another
    trade or town changes nothing.
    """
    reading = read_profile(text, asked if asked in PROFILE_SLOTS else None)
    stored: Dict[str, Any] = {}
    proposed: Dict[str, Any] = {}
    for slot, value in reading.values.items():
        known = current.get(slot)
        if known is None and (asked in PROFILE_SLOTS):
            stored[slot] = value
        elif known is not None and known != value and reading.correction:
            proposed[slot] = value
    return stored, proposed
