"""Redaction of personal data in owners' chat messages, before anything processes or stores them.

``redact(text)`` replaces personal data with typed placeholders, so the conversation still
makes sense to the NLU, the parsers and a human reading a transcript::

    >>> redact("Ich bin Thomas Becker, Hauptstraße 12, 40721 Hilden, Tel. 0211 1234567").text
    'Ich bin [NAME], [ADRESSE], [PLZ] Hilden, Tel. [TELEFON]'

Kinds (in this order in ``Redaction.kinds``): ``E-MAIL``, ``TELEFON``, ``IBAN``, ``ADRESSE``,
``PLZ``, ``URL``, ``NAME``. The town after a postal code is kept: the bot asks for it.
``redact`` is idempotent (placeholders are never matched again), so the tracker store can run
it a second time as a safety net.

Why patterns and not Microsoft Presidio
---------------------------------------
Presidio is the reference for this job, and ``presidio-analyzer`` does install next to Rasa 3.6
here. But its recognisers for names and places are spaCy NER models, and no German spaCy
pipeline with NER is obtainable on this platform (``de_core_news_*`` cannot be installed). What
Presidio would add without NER are pattern recognisers (e-mail, phone via ``phonenumbers``,
IBAN, URL) that we can write, and test against what owners really type, just as well - while
the hard part, names introduced in German ("ich bin der Jürgen", "Schneider hier", "LG Sandra"),
needs German-specific context rules that Presidio does not have either. Presidio would also add
spaCy model loading at start-up and a second copy of the text pipeline. So this module is plain
standard-library Python: bounded regular expressions plus small validators (IBAN checksum,
phone digit counts, word lists in :mod:`bot.privacy.wordlists`).

Precision first: a false positive would destroy the answer the bot needs ("12 Leute", "seit
2019", "Microsoft 365", "Langenfeld-Richrath", "ich bin Malermeister"), so every pattern is
anchored on strong evidence: an introduction or salutation before a name, a street word before
a house number, a known town (or an address) after a postal code, a valid IBAN checksum, a
leading ``0``/``+``/``00`` and a plausible digit count for phone numbers. Names that nobody
introduces as names are not found; that is the accepted limit of a pattern approach.

Performance: every regular expression is linear (bounded repetitions, no nested ambiguous
quantifiers); a 10 000-character message is redacted in a few milliseconds.

The passes, by topic: :mod:`bot.privacy.contacts` (e-mail, URL, IBAN, phone),
:mod:`bot.privacy.addresses` (street addresses, postal codes), :mod:`bot.privacy.names`
(names); what they share is in :mod:`bot.privacy.spans`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from bot.privacy import addresses, contacts, identifiers
from bot.privacy.contacts import iban_valid, phone_plausible
from bot.privacy.names import name_spans
from bot.privacy.relations import relation_spans
from bot.privacy.spans import KINDS, NAME, Pass, placeholder, replace, scan


@dataclass(frozen=True)
class Redaction:
    """The redacted text and the kinds of personal data that were replaced (canonical order)."""

    text: str
    kinds: Tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


# identifiers first: a spelled-out e-mail address, a date of birth or an official number must
# not be taken apart by the phone and postal-code passes
_PASSES: Tuple[Pass, ...] = identifiers.PASSES + contacts.PASSES + addresses.PASSES


def redact(text: str) -> Redaction:
    """``text`` with personal data replaced by typed placeholders (see module doc)."""
    if not isinstance(text, str) or not text:
        return Redaction(text if isinstance(text, str) else "", ())
    found = set()
    for kind, pattern, validate in _PASSES:
        spans = list(scan(pattern, text, validate))
        if spans:
            text = replace(text, spans, kind)
            found.add(kind)
    spans = name_spans(text) + relation_spans(text)
    if spans:
        text = replace(text, spans, NAME)
        found.add(NAME)
    return Redaction(text, tuple(kind for kind in KINDS if kind in found))


__all__ = ["KINDS", "Redaction", "iban_valid", "phone_plausible", "placeholder", "redact"]
