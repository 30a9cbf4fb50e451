"""Names introduced by a relation, a role, an article or a firm word ("mein Mitarbeiter Jürgen
Schmitz", "Filialleiterin Anna-Lena Kowalczyk", "der Jörg Baumann", "Firma Weber"): third and
fourth black-box rounds, where such names reached the disk. See :mod:`bot.privacy.names`."""

from __future__ import annotations

import re
from typing import List, Optional

from bot.nlu.sectors import find_sectors
from bot.privacy.names import (
    _TITLES,
    _extend,
    _name_like,
    _tokens,
    is_role,
    known_first_name,
)
from bot.privacy.spans import Span
from bot.privacy.wordlists import TOWNS

# A person named by relation or role: "mein Mitarbeiter Jürgen Schmitz", "meine Tochter Lisa",
# "unser Steuerberater Dr. Klaus Weber", "Kunde Müller", "Familie Nguyen" (third black-box round)
_RELATION = re.compile(
    r"\b(?:Mitarbeiter(?:in)?|Kolleg(?:e|in)|Chef(?:in)?|Tochter|Sohn|Frau|Mann|Bruder"
    r"|Schwester|Vater|Mutter|Schwager|Schwägerin|Neffe|Nichte|Onkel|Tante|Cousin(?:e)?"
    r"|Enkel(?:in)?|Schwiegersohn|Schwiegertochter|Azubi|Auszubildende[rn]?|Gesell(?:e|in)"
    r"|Steuerberater(?:in)?|Buchhalter(?:in)?|Sekretärin|Kunde|Kundin|Lieferant(?:in)?"
    r"|Nachbar(?:in)?|Familie|Freund(?:in)?|Kumpel|Techniker(?:in)?|Berater(?:in)?"
    r"|Vorgänger(?:in)?|Nachfolger(?:in)?|Hausmeister(?:in)?|Fahrer(?:in)?)[ ]+",
    re.IGNORECASE,
)


def _relation_name(text: str, pos: int) -> Optional[Span]:
    """After a relation or role word: a known first name, or a capitalised name-like word."""
    title = _TITLES.match(text, pos)
    pos = title.end() if title else pos
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0]
    token = first.group(0)
    if token.endswith(".") or token.casefold() in TOWNS:
        return None
    if known_first_name(token) or (title and _name_like(token)):
        return first.start(), _extend(text, tokens, first, lowercase=token.islower())
    if not _name_like(token):
        return None
    # an unknown capitalised word is mostly a noun ("mein Steuerberater Druck gemacht", "für
    # Mitarbeiter Schichtplan"): a surname only after "Familie" or before a legal form
    nxt = tokens[1].group(0) if len(tokens) > 1 else ""
    relation = text[:pos].rstrip().rsplit(" ", 1)[-1].casefold()
    if relation == "familie" or nxt in ("GmbH", "KG", "AG", "OHG", "GbR", "UG"):
        return first.span()
    return None


# A person or firm named after a role word ("Filialleiterin Anna-Lena Kowalczyk"), an article
# ("der Jörg Baumann", "die Gabi vom Kiosk") or a firm word ("Firma Weber", "Kanzlei Hoffmann")
_ROLE_WORD = re.compile(r"\b([A-ZÄÖÜ][\wäöüß-]{3,40})[ ]+")
_ARTICLE = re.compile(r"\b(?:der|die|den|dem)[ ]+", re.IGNORECASE)
_FIRM = re.compile(
    r"\b(?:Firma|Kanzlei|Bäckerei|Metzgerei|Konditorei|Schreinerei|Tischlerei|Gärtnerei"
    r"|Autohaus|Malerbetrieb)[ ]+"
)
# what may follow a firm's name ("Firma Kötter in Ratingen", "Kanzlei Weber, Tel."); not
# "Firma Mittagessen alle finden"
_AFTER_FIRM = re.compile(r"(?:$|[ ]*[,.;:!?)&]|[ ]+(?:in|aus|bei|und|GmbH|KG|AG|IT)\b)")


def _article_name(text: str, pos: int) -> Optional[Span]:
    """ "der Jörg Baumann", "die Gabi vom Kiosk": a known first name with a surname or "vom"."""
    tokens = _tokens(text, pos)
    if not tokens or not known_first_name(tokens[0].group(0)) or tokens[0].group(0).islower():
        return None
    nxt = tokens[1].group(0) if len(tokens) > 1 else ""
    if nxt in ("vom", "von", "aus", "bei", "beim") or (_name_like(nxt) and nxt[:1].isupper()):
        return tokens[0].start(), _extend(text, tokens, tokens[0], lowercase=False)
    return None


def _firm_name(text: str, pos: int) -> Optional[Span]:
    """ "Firma Weber IT-Service", "Kanzlei Hoffmann & Partner": the owner's surname in it."""
    tokens = _tokens(text, pos, limit=1)
    if not tokens:
        return None
    token = tokens[0].group(0)
    if not _name_like(token) or token.casefold() in TOWNS or token.endswith("."):
        return None
    if not _AFTER_FIRM.match(text, tokens[0].end()) or find_sectors(token):
        return None  # "Firma Transport in Düsseldorf": the trade, not a name
    return tokens[0].span()


def relation_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    for match in _RELATION.finditer(text):
        span = _relation_name(text, match.end())
        if span:
            spans.append(span)
    for match in _ROLE_WORD.finditer(text):
        if is_role(match.group(1)) and known_first_name(text[match.end() :].split(" ")[0]):
            span = _relation_name(text, match.end())
            if span:
                spans.append(span)
    for pattern, finder in ((_ARTICLE, _article_name), (_FIRM, _firm_name)):
        for match in pattern.finditer(text):
            span = finder(text, match.end())
            if span:
                spans.append(span)
    return spans
