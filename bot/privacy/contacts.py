"""Redaction passes for e-mail addresses, URLs and web domains, IBANs (with their checksum)
and phone numbers (a leading 0, + or 00 and a plausible digit count, or a phone keyword);
see :mod:`bot.privacy.redact`."""

from __future__ import annotations

import re
from typing import Optional, Tuple

from bot.privacy.spans import EMAIL, IBAN, PHONE, URL, Pass, Span

# --- URLs and e-mail addresses -------------------------------------------------------------------

_TLDS = (
    "de|com|org|net|eu|info|biz|io|shop|online|nrw|ruhr|koeln|cologne|berlin|hamburg|bayern|"
    "at|ch|nl|be|fr|it|es|pl|tr|uk|co|me|app|dev|tech|website|site|store|digital|gmbh|email|"
    "cloud|blog|media"
)
_TRAILING = ".,;:!?)]}'\"»“”’"

URL_SCHEME = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'\[\]]{1,2048}", re.IGNORECASE)
URL_WWW = re.compile(r"(?<![\w.@/-])www\.[^\s<>\"'\[\]]{1,2048}", re.IGNORECASE)
EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}"
    r"(?:@|[ ]?[(\[]at[)\]][ ]?)"
    r"[\w-]{1,63}(?:(?:\.|[ ]?[(\[](?:dot|punkt)[)\]][ ]?|[ ](?:dot|punkt)[ ])[\w-]{1,63}){0,8}"
    r"(?:\.|[ ]?[(\[](?:dot|punkt)[)\]][ ]?|[ ](?:dot|punkt)[ ])[a-z]{2,24}\b",
    re.IGNORECASE,
)
DOMAIN = re.compile(
    r"(?<![\w.@/-])(?:[a-z0-9äöü](?:[a-z0-9äöü-]{0,61}[a-z0-9äöü])?\.){1,6}"
    rf"(?:{_TLDS})(?![\w-])(?:/[^\s<>\"'\[\]]{{0,2048}})?",
    re.IGNORECASE,
)


def _strip_trailing(match: re.Match) -> Optional[Span]:
    start, end = match.span()
    while end > start and match.string[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end - start >= 4 else None


def _domain(match: re.Match) -> Optional[Span]:
    host = match.group(0).split("/", 1)[0]
    labels = host.split(".")
    if len(labels[-2]) < 2 or host.isupper():  # "z.de", "DIGITAL.SICHER.NRW" (a programme)
        return None
    return _strip_trailing(match)


# --- IBAN ----------------------------------------------------------------------------------------

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MA": 28,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[ ]?\d{2}(?:[ ]?[A-Za-z0-9]){10,32}")


def iban_valid(iban: str) -> bool:
    """ISO 13616 check: known country, its length and the mod-97 checksum."""
    iban = iban.replace(" ", "").upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _iban(match: re.Match) -> Optional[Span]:
    raw = match.group(0)
    country = raw[:2].upper()
    length = IBAN_LENGTHS.get(country)
    if length is None:
        return None
    count, end = 0, 0
    for index, char in enumerate(raw):  # the first `length` alphanumerics of the candidate
        if char != " ":
            count += 1
            if count == length:
                end = index + 1
                break
    if count < length:
        return None
    candidate = raw[:end].replace(" ", "").upper()
    rest = match.string[match.start() + end : match.start() + end + 1]
    if rest.isalnum():  # glued to more characters: not this IBAN
        return None
    if iban_valid(candidate):
        return match.start(), match.start() + end
    # A German IBAN with a typo is still somebody's bank account.
    if country == "DE" and candidate[2:].isdigit():
        return match.start(), match.start() + end
    return None


# --- phone numbers -------------------------------------------------------------------------------

_SEP = " \u00a0/\\-\u2013.()"
PHONE_RE = re.compile(
    r"(?<![\w+/.,:])(?:\+[ ]?[1-9]|00[1-9]|\(0\d{2,5}\)|0\d{2,5})"
    r"[\d \u00a0()/\-\u2013]{2,28}\d(?![\d])"
    # "0211.123.45.67" (dots between the groups), "01 72 12 34 56 7" (read out in pairs)
    r"|(?<![\w+/.,:])0\d{2,5}(?:\.\d{1,5}){2,5}(?![\d.])"
    r"|(?<![\w+/.,:])0\d(?:[ ]\d{1,4}){4,9}(?![\d])",
)
PHONE_KEYWORD = re.compile(
    r"(?:\b(?:tel(?:efon)?(?:nummer)?|telefonisch|fon|festnetz|handy(?:nummer)?|"
    r"mobil(?:nummer|funk)?|rufnummer|fax|whatsapp|durchwahl)\b\.?"
    r"|\b(?:erreichbar|anrufen|rückruf|zurückrufen|melden)\s+unter"
    r"|\bunter\s+der\s+nummer|\bnummer\s*:)"
    r"[ :]{0,3}(?:(?:ist|lautet|wäre)[ :]{1,3})?"
    r"(\d[\d \u00a0/\-\u2013]{1,20}\d)(?![\d])",
    re.IGNORECASE,
)
_GROUPS = re.compile(r"[ \u00a0()/\-\u2013.]+")


def phone_plausible(candidate: str) -> bool:
    """A German or international phone number by form and digit count (not dates, prices)."""
    text = candidate.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return 8 <= len(digits) <= 16 and digits[0] != "0"
    if text.startswith("00"):
        return 10 <= len(digits) <= 17 and digits[2] != "0"
    groups = [g for g in _GROUPS.split(text) if g]
    if not groups or not groups[0].startswith("0") or groups[0].startswith("00"):
        return False
    if not 7 <= len(digits) <= 13:
        return False
    if len(groups) == 1:
        return 9 <= len(digits) <= 12
    if len(groups) >= 5 and all(len(g) <= 2 for g in groups):
        return 10 <= len(digits) <= 12  # "01 72 12 34 56 7": a mobile number read out in pairs
    return 3 <= len(groups[0]) <= 6


def _phone(match: re.Match) -> Optional[Span]:
    return match.span() if phone_plausible(match.group(0)) else None


def _phone_keyword(match: re.Match) -> Optional[Span]:
    digits = re.sub(r"\D", "", match.group(1))
    keyword = match.group(0)[: match.start(1) - match.start()].lower()
    minimum = 2 if "durchwahl" in keyword else 5
    if not minimum <= len(digits) <= 15:
        return None
    return match.span(1)


PASSES: Tuple[Pass, ...] = (
    (URL, URL_SCHEME, _strip_trailing),
    (URL, URL_WWW, _strip_trailing),
    (EMAIL, EMAIL_RE, lambda m: m.span()),
    (URL, DOMAIN, _domain),
    (IBAN, IBAN_RE, _iban),
    (PHONE, PHONE_RE, _phone),
    (PHONE, PHONE_KEYWORD, _phone_keyword),
)
