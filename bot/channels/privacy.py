"""What every input channel does with an incoming message before Rasa sees it - in one place.

* **Redaction.** :func:`user_message` redacts the text (:func:`bot.privacy.redact.redact`)
  before the ``UserMessage`` exists, so the NLU, the parsers, the tracker store, the logs and the
  API only ever see placeholders like ``[E-MAIL]``. When something was replaced, the message's
  metadata is ``{"redacted": ["E-MAIL", "TELEFON"]}`` (kind strings in the canonical order of
  :data:`bot.privacy.redact.KINDS`); otherwise it is ``{}``. Nothing else from the channel is
  forwarded as metadata: no client-sent metadata, no Telegram ``from``/``chat`` names.
* **Button payloads** pass unchanged only in the forms our own buttons send
  (:func:`bot.payloads.sanitize_text`: a known intent and known keys); string values inside the
  JSON are redacted like text (a client could put anything there). Anything else starting with
  ``/`` (``/session_start``, ``/inform{"maturity": 100}``) loses its slash and is text.
* **Re-check codes** (``DC-7KQ4-M2PX``, typed or from the widget's ``?recheck=`` link) become
  ``[CODE]`` in the text; only their HMAC travels on, as metadata ``recheck``.
* **Conversation ids are namespaced per channel** (``contract.codes.SENDER_PREFIXES``):
  ``rest-<sender>`` for the REST channel (trusted integrations name their sender),
  ``web-<HMAC(token)>`` for the website widget (the token is issued by the server, see
  :func:`issue_web_token`), ``tg-<HMAC(chat id)>`` for Telegram (the chat id never reaches the
  tracker store). One channel can never address another channel's conversation.

The HMAC keys are derived from ``CHANNEL_SECRET`` (:func:`contract.secrets.get_secret`:
environment, else a random secret generated once into ``var/secrets/``), one key per purpose.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from typing import Any, Optional

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import rasa_patches
from bot.payloads import sanitize_text
from bot.privacy.redact import KINDS, Redaction, redact
from contract.codes import SENDER_PREFIXES, Channel
from contract.recheck import code_hash, find_code, mask_codes
from contract.secrets import get_secret

rasa_patches.apply()  # measured fixes to Rasa internals (see bot/rasa_patches.py)

REDACTED_KEY = "redacted"
RECHECK_KEY = "recheck"  # the HMAC of a re-check code the owner gave (contract.recheck)
SECRET_NAME = "CHANNEL_SECRET"
MAX_REST_SENDER = 64
TOKEN_NONCE_BYTES = 24  # 192 random bits
TOKEN_SIGNATURE_BYTES = 16
MAX_TOKEN_LENGTH = 128
DIGEST_HEX = 32  # 128 bits of HMAC-SHA256 in a conversation id

PAYLOAD = re.compile(r"/(?P<intent>[A-Za-z_][A-Za-z0-9_]{0,63})(?P<entities>\{.*\})?", re.DOTALL)
_TOKEN = re.compile(r"(?P<nonce>[A-Za-z0-9_-]{32})\.(?P<signature>[A-Za-z0-9_-]{22})")


# --- keys ----------------------------------------------------------------------------------------


def _key(purpose: str) -> bytes:
    """A key for one purpose, derived from CHANNEL_SECRET (so the purposes never mix)."""
    secret = get_secret(SECRET_NAME).encode("utf-8")
    return hmac.new(secret, f"digitalcheck-channel:{purpose}".encode(), hashlib.sha256).digest()


def _mac(purpose: str, value: str) -> bytes:
    return hmac.new(_key(purpose), value.encode("utf-8"), hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def namespaced(channel: str, local_id: str) -> str:
    """``<prefix>-<local id>`` with the channel's prefix from the contract."""
    return f"{SENDER_PREFIXES[channel]}-{local_id}"


# --- REST ----------------------------------------------------------------------------------------


def valid_rest_sender(value: Any) -> Optional[str]:
    """The REST client's sender if it is 1-64 printable characters, else ``None``."""
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_REST_SENDER:
        return None
    return value if value.isprintable() and value.strip() else None


def rest_conversation_id(sender: str) -> str:
    return namespaced(Channel.REST, sender)


# --- socket.io (website widget) -------------------------------------------------------------------


def issue_web_token() -> str:
    """A new widget session token: 192 random bits, signed so the server knows its own tokens."""
    nonce = _b64(secrets.token_bytes(TOKEN_NONCE_BYTES))
    signature = _b64(_mac("web-token", nonce)[:TOKEN_SIGNATURE_BYTES])
    return f"{nonce}.{signature}"


def valid_web_token(value: Any) -> Optional[str]:
    """``value`` if it is a token this server issued (checked in constant time), else ``None``."""
    if not isinstance(value, str) or len(value) > MAX_TOKEN_LENGTH:
        return None
    match = _TOKEN.fullmatch(value)
    if match is None:
        return None
    expected = _b64(_mac("web-token", match.group("nonce"))[:TOKEN_SIGNATURE_BYTES])
    return value if hmac.compare_digest(expected, match.group("signature")) else None


def web_conversation_id(token: str) -> str:
    """``web-`` + HMAC of the token: knowing the conversation id does not give the token."""
    return namespaced(Channel.WEB, _mac("web-conversation", token).hex()[:DIGEST_HEX])


# --- Telegram ------------------------------------------------------------------------------------


def telegram_conversation_id(chat_id: Any) -> str:
    """``tg-`` + HMAC of the chat id: the chat id itself is never stored."""
    return namespaced(Channel.TELEGRAM, _mac("telegram-chat", str(chat_id)).hex()[:DIGEST_HEX])


# --- text ----------------------------------------------------------------------------------------


def button_payload(text: str) -> Optional[dict]:
    """The entities of a valid button payload (``{}`` for ``/intent``), else ``None``."""
    match = PAYLOAD.fullmatch(text.strip())
    if match is None:
        return None
    if match.group("entities") is None:
        return {}
    try:
        entities = json.loads(match.group("entities"))
    except ValueError:
        return None
    return entities if isinstance(entities, dict) else None


def _redact_values(value: Any, kinds: set) -> Any:
    if isinstance(value, str):
        result = redact(value)
        kinds.update(result.kinds)
        return result.text
    if isinstance(value, list):
        return [_redact_values(item, kinds) for item in value]
    if isinstance(value, dict):
        return {key: _redact_values(item, kinds) for key, item in value.items()}
    return value


def clean_text(text: Any) -> Redaction:
    """The text as Rasa may see it: a valid button payload as it is (string values redacted),
    anything else redacted."""
    text = sanitize_text(text if isinstance(text, str) else "")
    entities = button_payload(text)
    if entities is None:
        return redact(text)
    found: set = set()
    cleaned = _redact_values(entities, found)
    if not found:
        return Redaction(text, ())
    intent = PAYLOAD.fullmatch(text.strip()).group("intent")  # type: ignore[union-attr]
    rebuilt = f"/{intent}" + json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"))
    return Redaction(rebuilt, tuple(kind for kind in KINDS if kind in found))


def redaction_metadata(result: Redaction) -> dict:
    """``{"redacted": [kinds]}`` when something was replaced, else ``{}``."""
    return {REDACTED_KEY: list(result.kinds)} if result.kinds else {}


def user_message(
    text: Any, output_channel: OutputChannel, conversation_id: str, input_channel: str
) -> UserMessage:
    """The ``UserMessage`` every channel hands to Rasa: redacted text, the conversation id,
    only the metadata the bot needs."""
    code = find_code(text) if isinstance(text, str) else None
    if code:  # a re-check code: only its hash goes on, the text keeps a placeholder
        text = mask_codes(text)
    result = clean_text(text)
    metadata = redaction_metadata(result)
    if code:
        metadata[RECHECK_KEY] = code_hash(code)
    return UserMessage(
        result.text,
        output_channel,
        conversation_id,
        input_channel=input_channel,
        metadata=metadata,
    )
