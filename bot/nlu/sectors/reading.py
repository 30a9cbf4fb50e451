"""The firm's sector read from a message, and whether it is sure enough to store unasked."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from bot.nlu.numbers import find_numbers
from bot.nlu.sectors.frame import _FIRM_HEADS, _POSSESSIONS, identity_frame
from bot.nlu.sectors.matching import (
    SectorMatch,
    _cleaned_tokens,
    _fold_set,
    _token_matches,
    _vocab,
)
from bot.nlu.sectors.ranking import ranked_sectors
from bot.nlu.text import (
    Token,
    clean,
    fold_all,
)


class SectorReading(NamedTuple):
    """The firm's sector read from a message, and whether it can be stored without asking.
    ``alternative``: the other sector a trade between two sectors belongs to (``ambiguous`` in
    ``data/lookup/sectors.yml``); the confirmation offers both."""

    value: str
    sure: bool
    match: SectorMatch
    alternative: str | None = None


_GENERIC_FIRM_WORDS = _fold_set(
    "laden geschäft praxis lokal shop firma betrieb werkstatt büro studio salon agentur"
)
_GENERIC_HEAD_WORDS = ("geschaft", "laden", "shop", "betrieb", "firma", "handel")
MARGIN = 3  # a rival sector this close to the best one makes the reading unsure
WIDE = 5  # a rival this close still makes it a confirmation with both sectors as buttons


def _counted(text: str, match: SectorMatch) -> bool:
    """The match is a counted thing the firm has ("15 LKW", "2 Filialen und 5 Transporter",
    "drei Friseurstühle"), not what the firm is."""
    before = clean(text)[: match.start].rstrip()
    if not before:
        return False
    return any(end == len(before) for _, end, _ in find_numbers(before))


_ACTIVITY = re.compile(
    r"\b(stellen \w+ (\w+ )?her|herstell\w*|produzier\w*|fertigen|reparier\w*|bauen|baun|baue"
    r"|montier\w*|installier\w*|entwickeln|programmier\w*|backen|kochen|pflegen|beraten"
    r"|planen|liefern|transportier\w*|reinigen|verkauf(e|en|t)|vertreib\w*|vermiet(e|en)"
    r"|betreu(e|en|n)|unterricht(e|en)|schulen|vermitteln)\b"
)
_STATED_FIRM = re.compile(
    r"\b(wir sind|sind wir|ich bin|bin ich|betreiben|betreibe|fuhren|fuhre)\b"
)


def _activities(text: str) -> set[str]:
    """The different activities a message names ("reparieren", "verkaufen"), by stem."""
    words = " ".join(fold_all(clean(text).split()))
    return {m.group(1)[:5] for m in _ACTIVITY.finditer(words)}


# Fitting, installing or laying things at the customer's is a trade (Handwerk), also when the
# firm sells what it fits ("Wir bauen Küchen ein und verkaufen sie auch").
_CRAFT = re.compile(
    r"\b(einbau\w*|(bauen|baue|baut|baun) (\w+ ){0,5}ein|montier\w*|montage|installier\w*"
    r"|verleg(e|en|t)|(fliesen|boden|parkett|laminat) (legen|leg|verlegen)|anbring\w*"
    r"|reparier\w*|(setzen|setze) (\w+ ){0,5}ein|aufbauen|aufstellen)\b"
)
_CRAFT_NEGATED = re.compile(r"^(\w+ ){0,3}(selbst |selber )?(nicht|nich|net|kein\w*|nie)\b")
_SELLING = _fold_set("verkaufen verkauft verkaufe verkauf vertreiben vertreibe vertreibt")
# "Wir stellen Schlösser und Beschläge her": the words between are products, not a trade.
_MAKING = re.compile(r"\b(stellen|stelle|stellt) ((\w+ ){1,8}?)her\b")
# "Wir fertigen Schlösser und Beschläge": the words right after the verb are the product
_MAKING_WHAT = re.compile(r"\b(wir fertigen|fertigen wir) (\w+(?: und \w+)?)\b")


def _norm_offsets(text: str) -> tuple[list[Token], str, list[int]]:
    tokens = list(_cleaned_tokens(text)[1])
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token.norm) + 1
    return tokens, " ".join(t.norm for t in tokens), offsets


def _crafts(text: str) -> bool:
    """The message says the firm fits, installs or lays things (not negated)."""
    _, norm, _ = _norm_offsets(text)
    for match in _CRAFT.finditer(norm):
        if not _CRAFT_NEGATED.match(norm[match.end() :].lstrip()):
            return True
    return False


_SERIAL = re.compile(
    r"\b(in serie|serienweise|in grossen stuckzahlen|stuckzahlen|serienfertig\w*)\b"
)
_WE_MAKE = re.compile(r"\b(wir stellen|stellen wir|wir fertigen|fertigen wir)\b")
_FERTIGEN = re.compile(r"\b(fertigen|fertige|fertigt)\b")


def _making_verb(text: str) -> SectorMatch | None:
    """ "Wir stellen Türbeschläge in Serie her", "Wir fertigen Federn in großen Stückzahlen":
    the firm makes products (no sector word named), as a span for the reading."""
    tokens, norm, offsets = _norm_offsets(text)
    made = _MAKING.search(norm) or (_FERTIGEN.search(norm) if _SERIAL.search(norm) else None)
    if made is None or _CRAFT.search(norm):
        return None
    first = bisect_left(offsets, made.start())
    last = min(bisect_left(offsets, made.end()) - 1, len(tokens) - 1)
    return SectorMatch("produktion", tokens[first].start, tokens[last].end, 0)


def _made_product(text: str, match: SectorMatch) -> bool:
    """``match`` lies between "stellen" and "her": a product the firm makes."""
    tokens, norm, offsets = _norm_offsets(text)
    for made in [*_MAKING.finditer(norm), *_MAKING_WHAT.finditer(norm)]:
        first = bisect_left(offsets, made.start(2))
        last = bisect_left(offsets, made.end(2)) - 1
        inside = first <= last < len(tokens) and tokens[first].start <= match.start
        if inside and match.end <= tokens[last].end:
            return True
    return False


def read_sector(text: str, asked: bool) -> SectorReading | None:
    """The sector ``text`` states for the firm, or None; see :func:`_read_sector`. A product
    the firm makes ("Wir stellen Schlösser her") is production, and selling what the firm
    fits or installs is a trade; both only proposed (confirmed first)."""
    reading = _read_sector(text, asked)
    if reading is None:
        made = _making_verb(text) if asked or _WE_MAKE.search(_norm_offsets(text)[1]) else None
        return SectorReading("produktion", False, made) if made is not None else None
    top = reading.match
    word = " ".join(fold_all([clean(text)[top.start : top.end]]))
    if reading.value != "produktion" and _made_product(text, top):
        return SectorReading("produktion", False, top)
    if reading.value == "handel" and set(word.split()) & _SELLING and _crafts(text):
        return SectorReading("handwerk", False, top)
    other = _other_sector(word.replace(" ", ""), reading.value)
    plain = other is not None and any(  # "Schreinerei, vor allem Innenausbau": a firm noun
        m.value == reading.value
        and m.length > 0
        and _other_sector(_joined(text, m), m.value) is None
        for _, m in ranked_sectors(text)
    )
    if other is not None and not plain:
        return SectorReading(reading.value, False, top, other)
    return reading


def _joined(text: str, match: SectorMatch) -> str:
    return "".join(fold_all([clean(text)[match.start : match.end]])).replace(" ", "")


def _other_sector(word: str, value: str) -> str | None:
    """The second sector of a trade that belongs to two ("Hörakustik": Handwerk or
    Gesundheit), or None."""
    for stem, pair in _vocab().ambiguous.items():
        if stem in word and value in pair:
            return pair[1] if pair[0] == value else pair[0]
    return None


def _read_sector(text: str, asked: bool) -> SectorReading | None:
    """The sector ``text`` states for the firm, or None (issue 8: be sure or ask).

    ``asked``: the sector question is open, so the best match counts; otherwise only a match
    that says what the firm is (:func:`identity_frame`) is sure, and a firm noun without such a
    frame ("Wir sind 8 Leute im Sanitär- und Heizungshandwerk") is only proposed. Not sure: a
    rival sector close to the best one ("gelernter Dachdecker, heute ein Bauunternehmen"), a
    typo match, a generic word alone ("Laden", "Werkstatt").
    """
    ranked = [(s, m) for s, m in ranked_sectors(text) if not _counted(text, m)]
    counted = len(ranked) < len(ranked_sectors(text))
    if not ranked:
        if asked and counted:  # "Wir haben 15 LKW": a guess worth asking
            score, top = ranked_sectors(text)[0]
            return SectorReading(top.value, False, top)
        return None
    framed = asked or any(identity_frame(text, m) for _, m in ranked)
    if asked:
        score, top = ranked[0]
    elif framed:
        score, top = next((s, m) for s, m in ranked if identity_frame(text, m))
    else:
        score, top = ranked[0]
        follows = fold_all(clean(text)[top.end :].split()[:1])
        owned = " ".join(fold_all([clean(text)[top.start : top.end]])) in _POSSESSIONS and not (
            set(follows) & _FIRM_HEADS  # "software company"
        )
        if score < 0 or owned:  # "eine Software für die Termine": a tool, not the trade
            return None
    rivals = [s for s, m in ranked if m.value != top.value]
    if counted and not identity_frame(text, top):
        rivals.append(score)  # things the firm counts point somewhere else as well
    word = " ".join(fold_all([clean(text)[top.start : top.end]]))
    joined = word.replace(" ", "")
    generic_head = any(
        joined.endswith(g) and top.length == len(g) and _vocab().suffixes.get(g) == top.value
        for g in _GENERIC_HEAD_WORDS
    )
    if generic_head and {v for _, v, _ in _token_matches(joined)} - {top.value}:
        rivals.append(score)  # "Malergeschäft": a trade before a generic shop word
    stated = _STATED_FIRM.search(" ".join(fold_all(clean(text)[: top.start].split()[-4:])))
    if len(_activities(text)) >= 2 and not stated:
        rivals.append(score)  # "Wir stellen Möbel her und verkaufen sie": which one?
    sure = (
        framed
        and (score >= 0 or not asked)  # not a past, a relative's or an attribute
        and top.length > 0  # not a typo match
        and not (rivals and max(rivals) > score - MARGIN)
        and (word not in _GENERIC_FIRM_WORDS or asked and len(ranked) == 1)
    )
    folded = " ".join(fold_all(clean(text).split()))
    prefix = " ".join(fold_all(clean(text)[: top.start].split()))  # the text before the match
    before = len(prefix)
    hedge = [m.start() for m in _UNSURE_OWNER.finditer(folded)]
    words = folded.split()
    at = len(prefix.split())
    near = words[max(0, at - 4) : at]
    party = [k for k, w in enumerate(near) if w in _OTHER_PARTY]
    used = words[at + len(word.split()) :][:3]
    if sure and (party and not set(near[party[-1] :]) & _WE or set(used) & _USING):
        # another party's trade right after it ("Kunden: Autohäuser", "Vermieter ist Bäcker",
        # "Kunden aus dem Handel"), or a tool the firm uses ("Software? Nutzen wir nur.")
        return SectorReading(top.value, False, top)
    if sure and set(word.split()) & _CATEGORY_WORDS:
        # the category named is the owner's choice ("keine Ahnung, nehmen Sie Sonstiges"),
        # unless a doubt follows it ("ob das unter Dienstleistung fiele, weiß ich nicht")
        return SectorReading(top.value, not any(h >= before for h in hedge), top)
    rival = next(
        (
            m.value
            for s, m in ranked
            if m.value != top.value and s > score - WIDE and not _attached(text, top, m)
        ),
        None,
    )
    if not sure or rival is not None:
        # another sector named further off ("Großhandel, wir beliefern Kfz-Werkstätten", "ein
        # IT-Systemhaus, auch wenn wir Hardware vertreiben"): the owner picks one of the two
        return SectorReading(top.value, False, top, rival if sure or asked else None)
    if hedge:
        return SectorReading(top.value, False, top)  # "keine Ahnung, wo das reinpasst"
    return SectorReading(top.value, sure, top)


def _attached(text: str, top: SectorMatch, other: SectorMatch) -> bool:
    """``other`` is an add-on of the firm right after it ("Bäckerei mit Café", "Metzgerei mit
    eigenem Partyservice"): the firm is the first."""
    between = clean(text)[top.end : other.start].split()
    return bool(between) and between[0].lower() == "mit" and len(between) <= 3


# The category names themselves ("… also eher Handwerk"): the owner's own choice.
_CATEGORY_WORDS = _fold_set(
    "handwerk handel gastronomie hotellerie dienstleistung dienstleistungen produktion "
    "industrie bau gesundheit pflege it medien transport logistik sonstige sonstiges other "
    "production manufacturing retail trade construction healthcare logistics hospitality media"
)

# Other parties whose trade a message may name instead of the firm's own.
_OTHER_PARTY = _fold_set(
    "kunde kunden kundin kundinnen kundschaft client clients customer customers vermieter "
    "vermieterin landlord lieferant lieferanten supplier suppliers nachbar nachbarin neighbour "
    "neighbor ehemann ehefrau frau bruder schwester vater mutter schwager husband wife"
)
_USING = _fold_set("nutzen nutze benutzen verwenden verwende use using")
_WE = _fold_set("ich isch wir mir uns we i us our unser unsere")

# The owner says he does not know where the firm belongs: whatever was read is confirmed first.
_UNSURE_OWNER = re.compile(
    r"\b(keine ahnung|weiss (ich )?nicht|weiss nich|nicht sicher|unsicher|schwer zu sagen"
    r"|(nicht|kaum) zu beurteilen|wenn ich das (so )?genau wusste|not sure|no idea"
    r"|mischding|mischung aus|irgendwas dazwischen|wo (das|dat) reinpasst)\b"
)
