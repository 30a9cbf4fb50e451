"""What the redaction passes share: the kinds of personal data and their placeholders, and
scanning a text for validated matches (:func:`scan`) and replacing them (:func:`replace`).

Used by :mod:`bot.privacy.contacts`, :mod:`bot.privacy.addresses`, :mod:`bot.privacy.names`
and :mod:`bot.privacy.redact`.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, List, Optional, Tuple

EMAIL, PHONE, IBAN, ADDRESS, POSTCODE, URL, NAME = (
    "E-MAIL",
    "TELEFON",
    "IBAN",
    "ADRESSE",
    "PLZ",
    "URL",
    "NAME",
)
# the kinds of bot.privacy.identifiers come after these
BIRTHDATE, ID_NUMBER, SECRET = "GEBURTSDATUM", "KENNNUMMER", "PASSWORT"
KINDS: Tuple[str, ...] = (
    EMAIL, PHONE, IBAN, ADDRESS, POSTCODE, URL, NAME, BIRTHDATE, ID_NUMBER, SECRET
)  # fmt: skip

Span = Tuple[int, int]
Validator = Callable[[re.Match], Optional[Span]]
Pass = Tuple[str, re.Pattern, Validator]


def placeholder(kind: str) -> str:
    return f"[{kind}]"


def scan(pattern: re.Pattern, text: str, validate: Validator) -> Iterator[Span]:
    """Spans of accepted matches; after a rejected match the search goes on one character later
    (not after the match), so a rejected candidate never hides a valid one inside it."""
    pos = 0
    while pos <= len(text):
        match = pattern.search(text, pos)
        if match is None:
            return
        span = validate(match)
        if span is None:
            pos = match.start() + 1
            continue
        yield span
        pos = max(span[1], match.start() + 1)


def replace(text: str, spans: List[Span], kind: str) -> str:
    """``text`` with each span replaced by the placeholder of ``kind`` (overlaps: the first)."""
    if not spans:
        return text
    parts: List[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:  # overlapping: keep the first
            continue
        parts += [text[last:start], placeholder(kind)]
        last = end
    parts.append(text[last:])
    return "".join(parts)
