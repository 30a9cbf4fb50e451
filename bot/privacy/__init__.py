"""Privacy helpers: redaction of personal data in incoming messages (:mod:`bot.privacy.redact`)."""

from bot.privacy.redact import KINDS, Redaction, redact

__all__ = ["KINDS", "Redaction", "redact"]
