"""Names introduced in German chat messages ("ich bin der Jürgen", "Schneider hier", "LG
Sandra", "Herr Dr. Becker"): the spans :func:`name_spans` finds; see :mod:`bot.privacy.redact`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional

from bot.privacy.spans import Span, scan
from bot.privacy.wordlists import AMBIGUOUS, FIRST_NAMES, NOT_NAMES, ROLE_SUFFIXES, ROLES, TOWNS

# --- names ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?=[ ])|[^\W\d_][\w'’]{0,40}(?:-[^\W\d_][\w'’]{0,40}){0,3}")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "nis", "tum", "ment")
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "ter", "el", "al", "da", "di"})
_TITLES = re.compile(r"(?:(?:Dr|Prof|Dipl|Ing|med|rer|nat|jur|Mag)\.[ -]?){1,4}[ ]?")

_STRONG = re.compile(
    r"\bmein(?:[ ]+(?:vollständiger|voller|richtiger))?[ ]+name[ ]+(?:ist|lautet|wäre|:)[ ]*"
    r"|\bname[ ]?:[ ]*"
    r"|\bich[ ]+hei(?:ß|ss)e[ ]+"
    r"|\bhier[ ]+(?:spricht|schreibt)[ ]+"
    r"|\b(?:nennen[ ]+sie[ ]+mich|nenn[ ]+mich|man[ ]+nennt[ ]+mich)[ ]+"
    r"|\bansprechpartner(?:in)?(?:[ ]+ist|[ ]?:)[ ]+"
    r"|\bmit[ ]+wem[ ]+spreche[ ]+ich\?[ ]*",
    re.IGNORECASE,
)
# "Herr Becker", "Fr. Kaya", "Fam. Yilmaz", and a title alone ("Dr. Weber macht die IT")
_SALUTATION = re.compile(r"\b(?:Herrn?|Frau|Fr\.|Hr\.|Fam\.|Dr\.|Prof\.)[ ]+")
_WEAK = re.compile(
    r"\bich[ ]+bin(?:'s|’s|[ ]+es)?[ ]*,?[ ]+|\bhier[ ]+ist[ ]+",
    re.IGNORECASE,
)
_GREETING_WORDS = (
    r"(?:mit[ ]+)?(?:freundlichen|besten|herzlichen|lieben|vielen|schönen|sonnigen|kollegialen)"
    r"[ ]+gr(?:ü|ue)(?:ß|ss)en"
    r"|(?:viele|liebe|beste|herzliche|freundliche|schöne|sonnige)[ ]+gr(?:ü|ue)(?:ß|ss)e"
    r"|(?:(?:lieben|besten|freundlichen|herzlichen|schönen|vielen)[ ]+)?gru(?:ß|ss)"
    r"|gr(?:ü|ue)(?:ß|ss)e|lg|vg|mfg|bg|sg"
)
_SIGNATURE = re.compile(
    rf"(?:^|(?<=[\n.!?,;)]))[ \t]*(?P<greet>{_GREETING_WORDS}"
    r"|(?P<soft>danke(?:[ ]+(?:und|&)[ ]+gru(?:ß|ss))?|ciao|tschüss|tschüs|bis[ ]+bald|cheers|"
    r"beste|best|dank[ ]+und[ ]+gru(?:ß|ss)))"
    r"(?:[ \t]+(?:aus|vom|von|nach|in)[ ]+[^\W\d_][\w-]{1,40}(?:[ ][^\W\d_][\w-]{1,40}){0,2}"
    r"[ \t]*(?=,))?"
    r"[ \t]*[,!.:]?[ \t\n]{0,4}(?:(?:euer|eure|ihr|ihre|dein|deine)[ ]+)?",
    re.IGNORECASE,
)
_HERE = re.compile(
    r"(?:^|(?<=[\n.!?]))[ \t]*(?:(?:hallo|hi|moin|servus|guten[ ]+(?:tag|morgen|abend))"
    r"[ \t]*[,!]?[ \t]*)?"
    r"(?P<who>(?:[^\W\d_][\w'’-]{0,40}[ ]){0,2}[^\W\d_][\w'’-]{0,40})[ ]+hier\b"
    r"(?=[ \t]*(?:$|[,.!:;\n\u2013-]|[ ](?:von|vom|aus|bei|mit)\b))",
    re.IGNORECASE,
)


def known_first_name(token: str) -> bool:
    lower = token.casefold()
    if lower not in FIRST_NAMES:
        return False
    return token[:1].isupper() or lower not in AMBIGUOUS


def _capitalised(token: str) -> bool:
    if not token[:1].isupper():
        return False
    return not (len(token) > 1 and token.isupper() and token.casefold() not in FIRST_NAMES)


_NOT_NAME_ENDINGS = re.compile(
    r".{3}(?:" + "|".join(sorted(map(re.escape, ROLE_SUFFIXES + _NOUN_SUFFIXES))) + r")$"
)


_ROLE_ENDINGS = re.compile(r".{3}(?:" + "|".join(sorted(map(re.escape, ROLE_SUFFIXES))) + r")$")
_APPOSITION = re.compile(r",[ ]+(?:der[ ]+|die[ ]+)?([^\W\d_][\w-]{1,40})")


def is_role(word: str) -> bool:
    """A profession or role ("Inhaber", "Malermeister", "Elektrikerin")."""
    lower = word.casefold()
    return lower in ROLES or _ROLE_ENDINGS.search(lower) is not None


@lru_cache(maxsize=4096)
def not_a_name(token: str) -> bool:
    """Words that are no names after an introduction: roles, domain words, towns, adjectives."""
    lower = token.casefold()
    if lower in FIRST_NAMES:
        return False
    if lower in NOT_NAMES or any(part in NOT_NAMES for part in lower.split("-")):
        return True
    return _NOT_NAME_ENDINGS.search(lower) is not None


def _name_like(token: str) -> bool:
    """A capitalised word that may be a (sur)name."""
    return token.endswith(".") or (_capitalised(token) and not not_a_name(token))


def _tokens(text: str, pos: int, limit: int = 4) -> List[re.Match]:
    """Up to ``limit`` word tokens from ``pos`` on, separated by single spaces."""
    found: List[re.Match] = []
    while len(found) < limit:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        found.append(match)
        if not text.startswith(" ", match.end()) or text.startswith("  ", match.end()):
            break
        pos = match.end() + 1
    return found


def _at_end(text: str, pos: int, comma: bool = False) -> bool:
    """Only punctuation, then the end of the text or of the line, follow ``pos``."""
    rest = re.match(r"[ \t]*[.!]*[ \t]*(?:\n|$)", text[pos : pos + 200])
    if rest:
        return True
    return comma and text.startswith(",", pos)


def _extend(text: str, tokens: List[re.Match], first: re.Match, lowercase: bool) -> int:
    """End of the name that starts with ``first``: surnames, particles, "Becker, Thomas"."""
    end = first.end()
    index = tokens.index(first) + 1
    while index < len(tokens):
        token = tokens[index].group(0)
        if index == 1 and token.casefold() in _PARTICLES:  # "Jürgen von der Heide"
            following = index + 1
            if following < len(tokens) and tokens[following].group(0).casefold() in _PARTICLES:
                following += 1
            if following < len(tokens) and _name_like(tokens[following].group(0)):
                end, index = tokens[following].end(), following + 1
                continue
            break
        if _capitalised(token) and not not_a_name(token) and token.casefold() not in TOWNS:
            end, index = tokens[index].end(), index + 1
            continue
        if (
            lowercase
            and token.islower()
            and len(token) >= 3
            and not not_a_name(token)
            and _at_end(text, tokens[index].end())
        ):
            end = tokens[index].end()
        break
    reversed_form = re.match(r",[ ]?([^\W\d_][\w'’-]{1,40})", text[end : end + 45])
    if (
        reversed_form
        and known_first_name(reversed_form.group(1))
        and _at_end(text, end + reversed_form.end(), comma=True)
    ):
        end += reversed_form.end()
    return end


def _skip_article(text: str, pos: int) -> int:
    article = re.match(r"(?:der|die)[ ]+", text[pos : pos + 5], re.IGNORECASE)
    return pos + article.end() if article else pos


def _strong_name(text: str, pos: int) -> Optional[Span]:
    """After "mein Name ist", "ich heiße", "Frau", "hier spricht": the name itself."""
    pos = _skip_article(text, pos)
    head = _TOKEN.match(text, pos)
    if head is None or (head.group(0).casefold() in NOT_NAMES and not head.group(0).islower()):
        return None
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0]
    token = first.group(0)
    if known_first_name(token) or _name_like(token):
        return first.start(), _extend(text, tokens, first, lowercase=token.islower())
    if (
        token.islower()
        and len(token) >= 2
        and not not_a_name(token)
        and _at_end(text, first.end(), comma=True)
    ):
        return first.span()  # "ich heiße zlatko"
    return None


def _weak_name(text: str, pos: int) -> Optional[Span]:
    """After "ich bin"/"hier ist": a known first name, or two capitalised name-like words."""
    pos = _skip_article(text, pos)
    head = _TOKEN.match(text, pos)
    if head is None or head.group(0).casefold() in NOT_NAMES:
        return None
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0]
    token = first.group(0)
    if known_first_name(token):
        return first.start(), _extend(text, tokens, first, lowercase=token.islower())
    if not _name_like(token) or token.endswith(".") or token.casefold() in TOWNS:
        return None
    second = tokens[1].group(0) if len(tokens) > 1 else ""
    if _name_like(second) and not second.endswith(".") and second.casefold() not in TOWNS:
        return first.start(), _extend(text, tokens, first, lowercase=False)
    role = _APPOSITION.match(text, first.end())
    if role and is_role(role.group(1)):
        return first.span()  # "Ich bin Zlatko, Inhaber eines Malerbetriebs"
    return None


def _signature_name(match: re.Match) -> Optional[Span]:
    text = match.string
    title = _TITLES.match(text, match.end())
    tokens = _tokens(text, title.end() if title else match.end())
    if not tokens:
        return None
    soft = match.group("soft") is not None
    first = tokens[0]
    token = first.group(0)
    if token.endswith("."):  # "MfG P. Becker"
        if len(tokens) < 2 or not _name_like(tokens[1].group(0)):
            return None
    elif soft and not known_first_name(token):
        return None
    elif token.islower() and not soft:  # "mfg kowalski"
        if len(token) < 3 or not_a_name(token):
            return None
    elif not (known_first_name(token) or _name_like(token)):
        return None
    end = _extend(text, tokens, first, lowercase=token.islower())
    if token.endswith("."):
        end = max(end, tokens[1].end())
    if not _at_end(text, end, comma=known_first_name(token) or token.endswith(".")):
        return None
    return first.start(), end


def _here_name(match: re.Match) -> Optional[Span]:
    words = match.group("who").split(" ")
    if not all(known_first_name(w) or _name_like(w) for w in words):
        return None
    if any(w.casefold() in TOWNS or w.endswith(".") for w in words):
        return None
    return match.span("who")


def name_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    for pattern, finder in ((_STRONG, _strong_name), (_WEAK, _weak_name)):
        for match in pattern.finditer(text):
            span = finder(text, match.end())
            if span:
                spans.append(span)
    for match in _SALUTATION.finditer(text):
        pos = match.end()
        title = _TITLES.match(text, pos)
        span = _strong_name(text, title.end() if title else pos)
        if span and text[span[0] : span[1]][:1].isupper():
            spans.append(span)
    spans += scan(_SIGNATURE, text, _signature_name)
    spans += scan(_HERE, text, _here_name)
    return spans
