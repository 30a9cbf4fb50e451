"""The owner's profile in a message: staff count, sector and town, and whether the message is
a correction ("wir sind eigentlich …", "bitte ändern: …"). One decision
(:func:`decide_profile`) shared by the interview form and the benchmark.

Rules (issue 8, part 5: the profile changes only when the owner changes it):

* While the profile is asked, a profile value the message states plainly is stored at once for
  a slot that is still empty ("Malerbetrieb in Hilden, 9 Leute", "12", "Langenfeld"); every
  other value (a longer message, a turn in it, a staff count summed from people or next to
  another number: :func:`_plain`) is confirmed first, all values of the message in one
  question, a count read two ways with both readings ("4 Beschäftigte … oder 5 mit Ihnen?").
* The staff count comes only from staff language (:mod:`bot.nlu.numbers`); a bare number only
  when the staff question was asked. Never from phone numbers, postal codes, dates, years,
  prices, times, percentages, house numbers or counts of other things.
* A sector that was not asked counts only where the message says what the firm is ("wir sind
  eine Bäckerei", "Kiosk in Düsseldorf, 2 Leute"), a town only where it is the firm's seat
  (not customers, suppliers, the owner's home, a warehouse, a street name).
* A value that differs from one already known is never stored: it is proposed (the bot
  confirms first), and only when the message uses explicit correction language ("Korrektur:
  …", "bitte ändern", "hab mich vertan", "wir sind eigentlich …", "X, nicht Y") and the new
  value is stated for the firm. A passing mention of another trade or town changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Optional, Tuple

from bot.nlu.corrections import corrected, correction_targets, is_correction, only_outdated
from bot.nlu.numbers import find_numbers, looks_like_code, read_staff
from bot.nlu.places import read_municipality
from bot.nlu.sectors import identity_frame, ranked_sectors, read_sector
from bot.nlu.text import normalized

PROFILE_SLOTS = ("employees", "sector", "municipality")
# A staff count stated with a word of change ("inzwischen", "seit Januar nur noch", "jetzt")
_STAFF_UPDATE = re.compile(
    r"\b(inzwischen|mittlerweile|nunmehr|nun|nur noch|jetzt|neuerdings|ubrigens"
    r"|seit (?!(die|der|das|wir|ich|es|er|sie|man|unser\w*|mein\w*)\b)\w+"
    r"|ubrijens|aktuell|derzeit|zurzeit|momentan|now|currently|these days|by now|anymore)\b"
)
LONG_STORY = 25  # words: a message this long is a story (see :func:`read_profile`)
# A value is stored at once only when the message states it plainly (:func:`_plain`): at most
# this many words, no turn ("aber", "sondern", "eigentlich"), and for the staff count one number
# stated as the total ("wir sind 8", "8", "nur ich"), not summed from people.
PLAIN_WORDS = 8
_TURN = re.compile(
    r"\b(aber|sondern|jedoch|allerdings|obwohl|eigentlich|bzw|beziehungsweise|but|though"
    r"|although|actually)\b"
)


@dataclass(frozen=True)
class ProfileReading:
    """Profile values read from one message.

    ``values``: what the message states for the firm; ``correction``: explicit correction
    language; ``targets``: profile slots the owner explicitly wants changed ("bitte den Ort
    ändern"), also when no new value could be read (the bot should then ask that slot again).
    """

    values: Dict[str, Any] = field(default_factory=dict)
    correction: bool = False
    targets: FrozenSet[str] = frozenset()
    unsure: FrozenSet[str] = frozenset()


def _overlap(a: Any, b: Any) -> bool:
    """Two matches share a character (both carry ``start``/``end`` on the cleaned text)."""
    return a.start < b.end and b.start < a.end


def read_profile(text: str, asked: Optional[str]) -> ProfileReading:
    """Staff count, sector and town that ``text`` states for the firm.

    ``asked`` is the profile slot the bot just asked (or None): the staff count is read
    leniently (a bare number counts) only when it was asked, a sector that was not asked only
    where the message says what the firm is, the vague "woanders"/"außerhalb" only when the
    town was asked.
    """
    values: Dict[str, Any] = {}
    if not isinstance(text, str) or looks_like_code(text):
        return ProfileReading()  # JSON, payloads and markup are text, never profile values
    unsure: set[str] = set()
    staff = read_staff(text, lenient=asked == "employees")
    if staff is not None:
        values["employees"] = staff.count
        if not staff.sure:
            unsure.add("employees")
        elif (
            staff.source == "composition"
            and len(staff.parts) >= 2
            and len(text.split()) >= LONG_STORY
        ):
            # a count summed from people named across a long story ("… die Sandra und die
            # Melanie …, dienstags kommt noch …, mein Mann … ist nicht angestellt"): asked first
            unsure.add("employees")
    sector = read_sector(text, asked == "sector")
    if sector is not None and (asked in PROFILE_SLOTS or sector.sure):
        values["sector"] = sector.value
        if not sector.sure:
            unsure.add("sector")
    firm = "sector" in values or any(identity_frame(text, m) for _, m in ranked_sectors(text))
    place = read_municipality(text, asked == "municipality", firm, asked in PROFILE_SLOTS)
    if place is not None and sector is not None and _overlap(place.match, sector.match):
        # one word fills one slot ("Sonstige"): the asked one, else the sector
        if asked == "municipality":
            values.pop("sector", None)
            unsure.discard("sector")
        else:
            place = None
    if place is not None:
        values["municipality"] = place.value
        if not place.sure:
            unsure.add("municipality")
    if len(text.split()) >= LONG_STORY:
        # a long story: a value for a slot that was not asked ("… als Umzugsfirma …" in the
        # staff answer) is confirmed first (one question for all of them)
        unsure.update(slot for slot in values if slot != asked)
    correction = is_correction(text)
    return ProfileReading(
        values,
        correction,
        correction_targets(text) if correction else frozenset(),
        frozenset(unsure),
    )


def _plain(text: str, slot: str, asked: Optional[str]) -> bool:
    """Whether ``text`` states its value for ``slot`` so plainly that it is stored at once.

    Everything else is confirmed first (one question for all values of the message): across
    the fresh development sets, the values stored wrong without a confirmation came from long
    stories, from a turn in the message, and from staff counts summed from people ("jo mein
    vatter ich un drei jungs") or read next to another number ("22 mit mir, 2 davon azubis").
    """
    if len(text.split()) > PLAIN_WORDS or _TURN.search(normalized(text)):
        return False
    if slot != "employees":
        return True
    staff = read_staff(text, lenient=asked == "employees")
    return (
        staff is not None
        and (staff.source in ("total", "bare", "solo") or len(staff.parts) < 2)
        and len(find_numbers(text)) <= 1
    )


def _total_staff(text: str) -> bool:
    """The staff count is stated as the firm's total ("wir sind 12", "zu neunt"), not a group."""
    staff = read_staff(text)
    return staff is not None and staff.source in ("total", "solo")


_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def decide_profile(
    text: str, asked: Optional[str], current: Dict[str, Any]
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """``(stored, proposed)``: values stored at once, and changes to confirm first.

    ``asked`` is the slot the bot just asked (a profile slot, a question slot or None),
    ``current`` the profile known so far. See the module docstring for the rules.
    """
    profile_asked = asked in PROFILE_SLOTS
    reading = read_profile(text, asked if profile_asked else None)
    if not reading.values and not reading.correction:
        return {}, {}
    if _MARKUP.search(text):
        # "<p>Wir sind <b>8</b> Mitarbeiter</p>": markup is text, it changes nothing unasked;
        # what it seems to say is asked about first
        stored, proposed = decide_profile(_MARKUP.sub(" ", text), asked, current)
        return {}, {**stored, **proposed}
    stored: Dict[str, Any] = {}
    proposed: Dict[str, Any] = {}
    if profile_asked:
        # the asked slot first: the form confirms one proposal at a time
        for slot in sorted(reading.values, key=lambda s: s != asked):
            if current.get(slot) is None:
                plain = slot not in reading.unsure and _plain(text, slot, asked)
                target = stored if plain else proposed
                target[slot] = reading.values[slot]
    staff = reading.values.get("employees")
    if (
        not profile_asked
        and not reading.correction
        and staff is not None
        and current.get("employees") not in (None, staff)
        and "employees" not in reading.unsure
        and _STAFF_UPDATE.search(normalized(text))
        and _total_staff(text)
    ):
        # "Seit letztem Monat sind wir 12", "mittlerweile sin wa zu neunt": the firm has
        # changed; staff language with a word of change is a correction too (confirmed first)
        proposed["employees"] = staff
    if reading.correction and not only_outdated(text):  # not "die Liste ist veraltet"
        for slot in PROFILE_SLOTS:
            known = current.get(slot)
            if known is None or slot in stored:
                continue
            value = corrected(text, slot, known, reading.targets)
            if value is not None and value != known:
                proposed[slot] = value
    return stored, proposed


def proposal_options(
    text: str, asked: Optional[str], proposed: Dict[str, Any]
) -> Dict[str, Tuple[Any, Any]]:
    """The two likeliest values of a proposed value that can be read two ways, likeliest first:
    "ich habe 4 Leute" is 4, or 5 with the owner; a "Hörakustikbetrieb" is Handwerk or
    Gesundheit. The confirmation offers both (for one slot: the staff count, else the sector),
    also next to other values confirmed with it."""
    if not proposed or not isinstance(text, str):
        return {}
    if "employees" in proposed:
        for lenient in (asked == "employees", True):
            staff = read_staff(text, lenient=lenient)
            if staff is not None and staff.count == proposed["employees"] and staff.alternative:
                return {"employees": (staff.count, staff.alternative)}
    if "sector" in proposed:
        sector = read_sector(text, asked == "sector")
        if sector is not None and sector.value == proposed["sector"] and sector.alternative:
            return {"sector": (sector.value, sector.alternative)}
    return {}


def decide_profile_options(
    text: str, asked: Optional[str], current: Dict[str, Any]
) -> Tuple[Dict[str, Any], Dict[str, Any], Dict[str, Tuple[Any, Any]]]:
    """:func:`decide_profile` and the :func:`proposal_options` of its proposal."""
    stored, proposed = decide_profile(text, asked, current)
    return stored, proposed, proposal_options(text, asked, proposed)
