"""Personal data that is neither a contact nor an address (third black-box round): a date of
birth next to its keyword ("geb. 03.05.1975", "hat am 14.03.1998 Geburtstag"), an official
number next to its keyword ("Steuer-ID 12 345 678 901", "SV-Nummer …"), a password next to its
keyword ("Passwort ist überall Schmitz1987"), an e-mail address spelled out ("info at
friseur-schneider punkt de") and a phone number read out digit by digit. See
:mod:`bot.privacy.redact`."""

from __future__ import annotations

import re
from typing import Optional, Tuple

from bot.privacy.spans import BIRTHDATE, EMAIL, ID_NUMBER, PHONE, SECRET, Pass, Span

_MONTHS = "januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember"
_DATE = (
    rf"(?:\d{{1,2}}\.[ ]?\d{{1,2}}\.[ ]?(?:19|20)?\d{{2}}"
    rf"|\d{{1,2}}\.[ ]?(?:{_MONTHS})[ ]+(?:19|20)\d{{2}})"
)
_BIRTH_WORDS = r"(?:geb\.|geboren|geburtstag|geburtsdatum|geburtstdatum|birthday|born)"
BIRTH_BEFORE = re.compile(
    rf"\b{_BIRTH_WORDS}(?P<gap>[^\n\d]{{0,30}}?)(?P<date>{_DATE})(?!\d)", re.IGNORECASE
)
BIRTH_AFTER = re.compile(
    rf"(?<![\d.])(?P<date>{_DATE})(?!\d)[^\n\d]{{0,12}}\b{_BIRTH_WORDS}", re.IGNORECASE
)

ID_RE = re.compile(
    r"\b(?:steuer-?id|steuer-?identifikationsnummer|steuer-?nummer|steuer-?nr\.?|ust-?id(?:nr)?\.?"
    r"|umsatzsteuer-?id\w*|sozialversicherungsnummer|sv-?nummer|sv-?nr\.?"
    r"|rentenversicherungsnummer|personalausweis(?:nummer)?|ausweis-?nummer|reisepass-?nummer"
    r"|pass-?nummer|versicherten-?nummer|krankenversicherungsnummer)"
    r"(?:[ ]+(?:ist|lautet|wäre|is))?[ ]*[:=]?[ ]*(?P<id>[A-Z]{0,2}[ ]?\d[\dA-Z /.-]{4,24}\d)",
    re.IGNORECASE,
)

SECRET_RE = re.compile(
    r"\b(?:passwort|kennwort|password|passwd|pw|pin|zugangscode|login-?passwort)\b(?!-)"
    r"(?:[ ]+(?:ist|lautet|wäre|war|is|bei|uns|überall|ueberall|immer|meistens|dann|so|halt"
    r"|einfach|heißt|heisst|auch|noch|für|fuer|alle|alles|jeden|jede)\b){0,5}[ ]*[:=]?[ ]*"
    r"(?P<secret>[^\s,;]{4,64})",
    re.IGNORECASE,
)
# words that describe how passwords are handled, not a password ("2FA-geschützt", "Manager")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NO_SECRET = re.compile(r"2fa|mfa|faktor|factor|manager|keepass|bitwarden|\d+[ -]?stellig", re.I)

EMAIL_SPELLED = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}[ ]+(?:at|ät)[ ]+[\w-]{1,63}"
    r"(?:(?:\.|[ ]+(?:punkt|dot)[ ]+)[\w-]{1,63}){0,4}"
    r"(?:\.|[ ]+(?:punkt|dot)[ ]+)(?:de|com|net|org|eu|info|nrw|biz|ruhr|koeln|email)\b",
    re.IGNORECASE,
)


_DIGIT_WORD = r"(?:null|eins|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)"
# a phone number read out digit by digit: "null eins sieben eins, zwei drei vier …"
PHONE_WORDS = re.compile(rf"\b(?:{_DIGIT_WORD}[ ,.-]+){{6,}}{_DIGIT_WORD}\b", re.IGNORECASE)


def _group(name: str):
    def span(match: re.Match) -> Optional[Span]:
        return match.span(name)

    return span


def _secret(match: re.Match) -> Optional[Span]:
    token = match.group("secret")
    start = match.start("secret")
    stripped = token.lstrip("\"'„“(").rstrip(".)\"'“”")
    start += len(token) - len(token.lstrip("\"'„“("))
    has_letter = any(c.isalpha() for c in stripped)
    special = any(not c.isalnum() for c in stripped[:-1] + stripped[-1:].replace("!", "#"))
    has_digit = any(c.isdigit() for c in stripped)
    if re.fullmatch(r"\[[A-ZÄÖÜ-]+\]\W*", token):
        return None  # already redacted
    if stripped.isdigit() and 4 <= len(stripped) <= 8 and not _YEAR.fullmatch(stripped):
        return start, start + len(stripped)  # "PIN ist 1234"
    if not has_letter or not (has_digit or special) or _NO_SECRET.search(stripped):
        return None
    return start, start + len(stripped)


PASSES: Tuple[Pass, ...] = (
    (EMAIL, EMAIL_SPELLED, lambda m: m.span()),
    (BIRTHDATE, BIRTH_BEFORE, _group("date")),
    (BIRTHDATE, BIRTH_AFTER, _group("date")),
    (ID_NUMBER, ID_RE, _group("id")),
    (SECRET, SECRET_RE, _secret),
    (PHONE, PHONE_WORDS, lambda m: m.span()),
)
