"""Re-check codes (T0 → T1): a short random code the owner keeps, only its HMAC is stored.

A code looks like ``DC-7KQ4-M2PX``: eight characters from 31 unambiguous ones (no 0/O, 1/I/L),
about 40 random bits, never derived from anything about the owner. It is shown once at the end of a
check. The channels replace a code typed (or passed as the website link's ``?recheck=``) with
``[CODE]`` before Rasa sees the message and hand on only its hash; the tracker store masks codes
in the assistant's own messages, so the code is in no log and no conversation in clear text.
The API stores the hash with the anonymous result and links a re-check to the earlier one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Optional

from contract.secrets import get_secret

# 23 letters and 8 digits, none easily confused (no 0/O, 1/I/L): 8 characters ≈ 39.6 bits.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUP = 4
PLACEHOLDER = "[CODE]"
SECRET_NAME = "RECHECK_SECRET"
_CLASS = f"[{ALPHABET}{ALPHABET.lower()}]"
CODE_PATTERN = re.compile(
    rf"(?<![A-Za-z0-9])[Dd][Cc][\s\-–_.]?({_CLASS}{{{GROUP}}})[\s\-–_.]?({_CLASS}{{{GROUP}}})"
    r"(?![A-Za-z0-9])"
)


def new_code() -> str:
    """A fresh random code, e.g. ``DC-7KQ4-M2PX``."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(2 * GROUP))
    return f"DC-{chars[:GROUP]}-{chars[GROUP:]}"


def find_code(text: str) -> Optional[str]:
    """The canonical code in ``text`` (any case, with or without dashes), else None."""
    match = CODE_PATTERN.search(text or "")
    if match is None:
        return None
    return f"DC-{match.group(1).upper()}-{match.group(2).upper()}"


def mask_codes(text: str) -> str:
    """``text`` with every code replaced by ``[CODE]``."""
    return CODE_PATTERN.sub(PLACEHOLDER, text) if text else text


def code_hash(code: str) -> str:
    """The HMAC-SHA256 (hex) of a canonical code under the installation's RECHECK_SECRET.

    The secret must stay the same for as long as codes should work (months): set it in the
    environment of every machine, or keep ``var/secrets/RECHECK_SECRET``.
    """
    key = get_secret(SECRET_NAME).encode("utf-8")
    return hmac.new(key, code.encode("ascii"), hashlib.sha256).hexdigest()
