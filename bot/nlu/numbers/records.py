"""The records of staff-count reading: one staff-relevant item, and the reading found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Mention(NamedTuple):
    """One staff-relevant item of the message (token span ``first``..``last``)."""

    value: int
    first: int
    last: int
    kind: str  # strong, total, group, bare, person, definite, owner
    sub: bool = False  # a sub-group such as apprentices or part-timers
    general: bool = False  # a general staff noun ("Leute", "Mitarbeiter")
    weak: bool = False  # "wir zwei" inside a clause: a total only when nothing else is


@dataclass(frozen=True)
class StaffReading:
    """A staff count found in a text, with the character span of the deciding part."""

    count: int
    start: int
    end: int
    source: str  # "total", "composition", "solo", "bare"
    sure: bool = True  # False: store only after the owner confirmed it (see _sure)
    # the other likely count of an unsure reading ("ich habe 4 Leute": 4, or 5 with the owner)
    alternative: int | None = field(default=None, compare=False)
    parts: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
