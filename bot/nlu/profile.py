"""The owner's profile in a message: staff count, sector and town, and whether the message is
a correction ("wir sind eigentlich …", "bitte ändern: …"). One decision
(:func:`decide_profile`) shared by the interview form and the benchmark.

Rules (issue 8, part 5: the profile changes only when the owner changes it):

* While the profile is asked, every profile value the message states is stored at once for a
  slot that is still empty ("Malerbetrieb in Hilden, 9 Leute").
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

from bot.nlu.numbers import (
    find_numbers,
    looks_like_code,
    plausible_counts,
    read_staff,
    word_number,
)
from bot.nlu.places import names_municipality, ranked_municipalities, read_municipality
from bot.nlu.sectors import find_sectors, identity_frame, ranked_sectors, read_sector
from bot.nlu.text import clean, normalized, tokenize

PROFILE_SLOTS = ("employees", "sector", "municipality")

_NUMBER_WORDS = (
    "eins|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|dreizehn|vierzehn"
    "|funfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreissig|vierzig|funfzig"
)
# Explicit correction language, on folded text (umlauts folded: "ändern" -> "andern").
_CORRECTION = re.compile(
    r"\b(korrektur\w*|korrigier\w*|richtigstellung|richtig stellen|berichtig\w*|vertan"
    r"|verschrieben|vertippt|verklickt|verzahlt|verwechselt|falsch\w*"
    r"|stimm(t|en) (so |da |das |hier |aber |leider )?(nicht|nich|net|ned|nit)"
    r"|stimm(t|en) auch (nicht|nich|net|ned|nit)(?! ganz)"  # hedge: "das stimmt auch nicht ganz"
    r"|(war|ist) (quatsch|verkehrt|murks)"
    r"|(abandern|andern|anderung|anpassen)"
    r"|bitte (so )?(eintragen|korrigieren|anpassen|aktualisieren)|statt|anstatt|instead of"
    r"|noch ?mal zu (meinem|meinen|unserem|den) (profil|angaben)|zur richtigstellung"
    r"|noch ?mals? (zu|zur|zum) (der |dem |den )?(branche|ort|sitz|standort|mitarbeiter\w*"
    r"|anzahl|zahl|grosse|profil|angabe\w*)|(alles )?noch ?mal neu"
    r"|(treffender|passender|zutreffender|richtiger)e? (branche|ort|zahl)|passt besser"
    r"|(mir ist|ist mir) (\w+ ){0,4}aufgefallen|vergessen (habe|hab|hatte)|fehler von mir"
    r"|mein fehler|(zwei|ein|einen|kleinen) fehler|(ich )?hatte (\w+ ){0,3}(gesagt|angegeben"
    r"|geschrieben|eingetragen)"
    r"|wrong|mistake|correction|actually|change (it|that|the)"
    r"|(wir sind|sind wir|wir sitzen|sitzen wir) (aber |doch )?eigentlich|eigentlich (sind|sitzen)"
    r" wir|(es sind|sind es|wir sind|sind wir) doch|nicht \w+,? sondern"
    r"|(ach|oh) (nein|ne|nee|mist)|nein,? (es sind|wir sind|wir sitzen)"
    r"|(sind|sitzen|ist|is|sin|sinn) (aber |doch |gar )?(nicht|nich|net|nit|kein\w*) (in |im "
    r"|mehr )?|(nicht|nich|not|nit) \w+,? (sondern|but)|verwirrung|nachtrag|erganzung zu"
    r"|(vorhin|vorher|eben|zuvor|gerade|before) (\w+ ){0,6}(gesagt|genannt|angegeben|geschrieben"
    r"|geklickt|eingegeben|eingetragen|vergessen)|(hab|habe) ich (\w+ ){0,3}vergessen"
    r"|vergessen zu (sagen|erwahnen)|(ich )?meinte (ich )?|gemeint"
    r"|(bitte|lieber|besser) (\w+ ){0,6}(setzen|umstellen|andern|korrigieren|eintragen|anpassen)"
    r"|(hab|habe) (\w+ ){0,3}(angeklickt|geklickt|angetippt|getippt|gewahlt|ausgewahlt)"
    r"|^(update|nachtrag|korrektur|anderung|anmerkung)\b"
    # "sieben nich fünf", "24, nicht auf 42", "15 not 51", "acht statt sechs"
    r"|(\d+|" + _NUMBER_WORDS + r") ,? (nicht|nich|net|not|statt|anstatt|instead of) (auf |of )?"
    r"(\d+|" + _NUMBER_WORDS + r")"
    r"|korrekterweise|richtig (ist|sind|waren|ware|waere)|richtich (is|ist)"
    r"|(muss|musste|mussten) es (\w+ )?heissen|(wir sin|sin wir|wir sinn|sinn wir) doch"
    r"|typo|oops|my bad|i said|(pls|please|plz) (fix|change)"
    r"|fix (pls|please|plz)|(habe|hab) (\w+ ){0,3}gesagt ,? (aber|doch)"
    r"|^,? ?(branche|sektor|sector|industry|standort|firmensitz)\b)\b"
    r"|(^|, )(nicht|nich|net|nit|not) (in |im )?\w+"
)

_SLOT_WORDS = {
    "employees": re.compile(
        r"\b(mitarbeiter\w*|ma ?zahl|ma|beschaftigt\w*|angestellt\w*|leute|personen|kopfe"
        r"|team\w*|belegschaft|personal\w*|anzahl|staff|employees|people|headcount|verzahlt"
        r"|mitarbeitende\w*|festangestellt\w*|minijob\w*|teilzeit\w*|zahl|grosse|betriebsgrosse"
        r"|firmengrosse|luck|lueck)\b"
    ),
    "sector": re.compile(
        r"\b(branche|sektor|bereich|gewerbe|geschaftsfeld|industry|sector|was wir machen)\b"
    ),
    "municipality": re.compile(
        r"\b(ort|ortsangabe|orts|stadt|gemeinde|sitz|firmensitz|standort|adresse|town|city"
        r"|location|plz|postleitzahl)\b"
    ),
}


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


def _with_commas(text: str) -> str:
    """Folded words; a "," where the text has a comma, colon, dash or sentence end."""
    text = clean(text)
    out: list[str] = []
    end = 0
    for token in tokenize(text):
        if out and any(c in text[end : token.start] for c in ",;:.!?–-()"):
            out.append(",")
        out.append(token.norm)
        end = token.end
    return " ".join(out)


def is_correction(text: str) -> bool:
    """Explicit correction language ("Korrektur: …", "hab mich vertan", "X, nicht Y")."""
    if not isinstance(text, str) or looks_like_code(text):
        return False
    return bool(_CORRECTION.search(_with_commas(text)))


def correction_targets(text: str) -> FrozenSet[str]:
    """Profile slots named in a correction ("die Branche stimmt nicht", "MA-Zahl ändern")."""
    norm = normalized(text)
    if not _CORRECTION.search(_with_commas(text)):
        return frozenset()
    return frozenset(slot for slot, words in _SLOT_WORDS.items() if words.search(norm))


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
    correction = is_correction(text)
    return ProfileReading(
        values,
        correction,
        correction_targets(text) if correction else frozenset(),
        frozenset(unsure),
    )


def _names_known(text: str, slot: str, known: Any) -> bool:
    """The message names the value being corrected ("nicht Haan", "das mit der Gastronomie",
    "dat mit de zwei Leute"): the correction is about this slot."""
    if slot == "employees":
        return any(value == known for _, _, value in find_numbers(text))
    if slot == "sector":
        return any(match.value == known for match in find_sectors(text))
    return names_municipality(text, known)


_NUM = r"(\d{1,4}|[a-z]+)"
_REPLACEMENTS = (
    re.compile(rf"\bnicht {_NUM} sondern {_NUM}\b"),  # new value second
    re.compile(rf"\b{_NUM} (?:statt|anstatt|anstelle von) {_NUM}\b"),  # new value first
    re.compile(rf"\b{_NUM} (?:nicht|nich|net|not) (?:auf |of )?{_NUM}\b"),
    re.compile(rf"\b{_NUM} (?:now |jetzt )?instead of {_NUM}\b"),
    re.compile(rf"\b(?:not|nich|net) {_NUM} (?:sondern|but) {_NUM}\b"),  # new value second
)
_NEW_SECOND = (0, 4)


_OTHER_NUMBERED = re.compile(
    r"\b(frage|fragen|question|punkt|nr|nummer|antwort|seite|schritt|stufe|note|uhr|euro)\b"
)


def _replacement(text: str, known: Any = None) -> Optional[int]:
    """The new number of "nicht X, sondern Y", "Y statt X" or "Y, nicht X", or None. Both
    must be plausible staff counts, or the old one is the ``known`` count ("sieben nich fünf")."""
    low = normalized(text)
    if _OTHER_NUMBERED.search(low):
        return None  # "Frage 7 statt 8": not the staff count
    plausible = {value for _, _, value in plausible_counts(text)}  # no years, times, prices
    for index, pattern in enumerate(_REPLACEMENTS):
        for match in pattern.finditer(low):
            new, old = (match.group(2), match.group(1)) if index in _NEW_SECOND else match.groups()
            values = [int(w) if w.isdigit() else word_number(w) for w in (new, old)]
            named = values[1] is not None and values[1] == known
            if values[0] in plausible and (values[1] in plausible or named):
                return values[0]
            if named and values[0] is not None and 1 <= values[0] <= 999:
                return values[0]
    return None


def _lone_count(text: str, targets: FrozenSet[str]) -> Optional[int]:
    """ "dat war falsch, mit mir sinnet zwölf": a correction whose only number is a plausible
    staff count, naming no sector or town (or naming the staff count as the target)."""
    values = {value for _, _, value in plausible_counts(text)}
    low = normalized(text)
    if len(values) != 1 or _OTHER_NUMBERED.search(low) or not 1 <= min(values) <= 250:
        return None
    if "employees" in targets:
        return values.pop()
    if len(low.split()) <= 10 and not (find_sectors(text) or ranked_municipalities(text)):
        return values.pop()
    return None


_SHARE = re.compile(
    r"\b(von|of|aus|out of) (den |the |unseren |our )?(\d+|" + _NUMBER_WORDS + r")\b"
)


def _other_than_known(text: str, known: Any) -> Optional[int]:
    """A correction that names the known staff count and exactly one other plausible count
    ("Ich habe gesagt zehn, aber richtig ist elf"): the other one is the new count."""
    low = normalized(text)
    if _OTHER_NUMBERED.search(low) or _SHARE.search(low):
        return None  # "nur 2 von 6 Leuten": a share of the staff, not a new count
    values = {value for _, _, value in plausible_counts(text)}
    others = values - {known}
    if known in values and len(others) == 1:
        return others.pop()
    return None


def _corrected(text: str, slot: str, known: Any, targets: FrozenSet[str]) -> Any:
    """The new value a correction states for ``slot`` (never the known one), or None."""
    if slot not in targets and _names_known(text, slot, known):
        targets = targets | {slot}
    if slot == "employees":
        replaced = _replacement(text, known)
        if replaced is None:
            replaced = _other_than_known(text, known)
        if replaced is None:
            replaced = _lone_count(text, targets)
        if replaced is not None and replaced != known:
            return replaced  # "nicht 15, sondern 50", "bitte 9 statt 6"
        staff = read_staff(text, lenient="employees" in targets)
        return staff.count if staff is not None and staff.count != known else None
    if slot == "sector":
        for _, match in ranked_sectors(text):
            if match.value == known:
                continue
            if match.value == "sonstiges" and targets and "sector" not in targets:
                continue  # "aber was anderes: … die Zahl korrigieren": not the sector
            if "sector" in targets or identity_frame(text, match):
                return match.value
        return None
    ranked = ranked_municipalities(text)
    lone = len({match.value for _, match in ranked}) == 1 and len(normalized(text).split()) <= 8
    for score, match in ranked:
        if match.value == known:
            continue
        if "municipality" in targets or score >= 2 or (lone and score >= 0):
            return match.value  # "Ändern: Velbert", "fix pls: 4 people, logistics, Monheim"
        return None
    return None


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
    stored: Dict[str, Any] = {}
    proposed: Dict[str, Any] = {}
    if profile_asked:
        # the asked slot first: the form confirms one proposal at a time
        for slot in sorted(reading.values, key=lambda s: s != asked):
            if current.get(slot) is None:
                target = proposed if slot in reading.unsure else stored
                target[slot] = reading.values[slot]
    if reading.correction:
        for slot in PROFILE_SLOTS:
            known = current.get(slot)
            if known is None or slot in stored:
                continue
            value = _corrected(text, slot, known, reading.targets)
            if value is not None and value != known:
                proposed[slot] = value
    return stored, proposed


def proposal_options(
    text: str, asked: Optional[str], proposed: Dict[str, Any]
) -> Dict[str, Tuple[Any, Any]]:
    """The two likeliest values of a lone proposal that can be read two ways, likeliest first:
    "ich habe 4 Leute" is 4, or 5 with the owner. The confirmation offers both."""
    if set(proposed) != {"employees"} or not isinstance(text, str):
        return {}
    for lenient in (asked == "employees", True):
        staff = read_staff(text, lenient=lenient)
        if staff is not None and staff.count == proposed["employees"] and staff.alternative:
            return {"employees": (staff.count, staff.alternative)}
    return {}


def decide_profile_options(
    text: str, asked: Optional[str], current: Dict[str, Any]
) -> Tuple[Dict[str, Any], Dict[str, Any], Dict[str, Tuple[Any, Any]]]:
    """:func:`decide_profile` and the :func:`proposal_options` of its proposal."""
    stored, proposed = decide_profile(text, asked, current)
    return stored, proposed, proposal_options(text, asked, proposed)
