"""What of a conversation may be stored (:class:`EventSanitizer`): redacted user texts and
entities, slot values taken from personal data removed, bot messages that quote a user quoting the
redacted form, allow-listed metadata. Used by
:class:`bot.privacy.tracker_store.PrivacySQLTrackerStore` before anything is written.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from rasa.shared.core.constants import SESSION_START_METADATA_SLOT

from contract.recheck import mask_codes

# Metadata keys that may be stored: Rasa's own bookkeeping and the redaction marker. Everything
# else a channel or client attaches (user names, chat ids, browser data, ...) is dropped.
ALLOWED_METADATA = frozenset(
    {"redacted", "model_id", "assistant_id", "is_external", "utter_action"}
)
REDACTED_KEY = "redacted"

Redactor = Callable[[str], Any]

# A string of letters and underscores only (answer ids, slot names, "handwerk") cannot hold an
# e-mail address, phone number, IBAN, URL or street address; such slot values skip the redactor
# (a whole user text used as a slot value is still replaced by its redacted form).
_PLAIN_WORD = re.compile(r"[^\W\d]*")  # letters and "_", no digits


class EventSanitizer:
    """Turns serialised events into what may be stored: redacted texts, allow-listed metadata.

    Works on deep copies; the tracker in memory is not changed. Per batch of events:

    * user texts (``text``, ``parse_data.text``) are redacted;
    * an entity taken from personal data is dropped: its text (or ``text[start:end]``) or string
      value occurs in a redacted message's original but not in its redacted form (e.g. the
      digit groups of an IBAN read as numbers). Other entity strings are redacted;
    * a string slot value equal to a redacted message becomes the redacted message, one taken
      from personal data becomes ``[ENTFERNT]``, any other passes the redactor; a number of
      three or more digits taken from personal data (postal code, phone block) becomes ``None``;
    * a bot message quoting a redacted message quotes the redacted form;
    * metadata keeps only the allow-listed keys; a redacted user message gets
      ``metadata.redacted`` (the kinds), unless the channel has set it already.
    """

    def __init__(self, redact: Redactor, allowed_metadata: Iterable[str] = ALLOWED_METADATA):
        self._redact = redact
        self.allowed_metadata = frozenset(allowed_metadata)

    def sanitize(self, events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        events = copy.deepcopy(events)
        batch = _Batch(self._redact)
        originals: Dict[int, Any] = {}
        for index, event in enumerate(events):
            if event.get("event") == "user":
                originals[index] = event.get("text")
                self._user_texts(event, batch)
        for index, event in enumerate(events):
            kind = event.get("event")
            if kind == "user":
                self._user_rest(event, batch, originals[index])
            elif kind == "slot":
                event["value"] = self._slot_value(event.get("name"), event.get("value"), batch)
            elif kind in ("entities", "reminder") and isinstance(event.get("entities"), list):
                event["entities"] = batch.entities(event["entities"])
            elif kind == "bot":
                for key in ("text", "data"):
                    if key in event and batch.echoes:
                        event[key] = _map_strings(event[key], batch.replace_echoes)
                    if key in event:  # a re-check code is shown once, never stored
                        event[key] = _map_strings(event[key], mask_codes)
            if isinstance(event.get("metadata"), dict):
                event["metadata"] = self._metadata(event["metadata"])
        return events

    @staticmethod
    def _user_texts(event: Dict[str, Any], batch: _Batch) -> None:
        if isinstance(event.get("text"), str):
            event["text"] = mask_codes(event["text"])
        event["text"] = batch.message(event.get("text"))
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict) and "text" in parse_data:
            parse_data["text"] = batch.message(parse_data["text"])

    def _user_rest(self, event: Dict[str, Any], batch: _Batch, original: Any) -> None:
        kinds: List[str] = list(batch.kinds_of(original))
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict):
            if isinstance(parse_data.get("entities"), list):
                parse_data["entities"] = batch.entities(parse_data["entities"], kinds, original)
            if isinstance(parse_data.get("metadata"), dict):
                parse_data["metadata"] = self._metadata(parse_data["metadata"])
        if isinstance(event.get("entities"), list):
            event["entities"] = batch.entities(event["entities"], kinds, original)
        if kinds:
            metadata = event.get("metadata") if isinstance(event.get("metadata"), dict) else {}
            metadata.setdefault(REDACTED_KEY, list(dict.fromkeys(kinds)))
            event["metadata"] = metadata

    def _slot_value(self, name: Any, value: Any, batch: _Batch) -> Any:
        if name == SESSION_START_METADATA_SLOT and isinstance(value, dict):
            return self._metadata(value)

        def clean(text: str) -> str:
            if text in batch.echoes:
                return batch.echoes[text]
            if batch.from_personal_data(text):
                return REMOVED
            if _PLAIN_WORD.fullmatch(text):
                return text
            return batch.redact(text)[0]

        if _is_long_number(value) and batch.from_personal_data(_digits(value)):
            return None  # e.g. a postal code or a phone block read as a number
        return _map_strings(value, clean)

    def _metadata(self, metadata: Dict[str, Any]) -> Dict[str, Any]:
        return {k: v for k, v in metadata.items() if k in self.allowed_metadata}


REMOVED = "[ENTFERNT]"


def _is_long_number(value: Any) -> bool:
    """An int (or whole float) with three or more digits: long enough to be a fragment."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return float(value).is_integer() and abs(value) >= 100


def _digits(value: Any) -> str:
    return str(abs(int(value)))


class _Batch:
    """What one ``sanitize`` call learned: redactions (memoised) and redacted messages."""

    def __init__(self, redact: Redactor) -> None:
        self._redact = redact
        self._memo: Dict[str, Tuple[str, Tuple[str, ...]]] = {}
        self.echoes: Dict[str, str] = {}  # original message -> redacted, for changed messages

    def redact(self, text: str) -> Tuple[str, Tuple[str, ...]]:
        if text not in self._memo:
            result = self._redact(text)
            self._memo[text] = (str(result.text), tuple(result.kinds))
        return self._memo[text]

    def kinds_of(self, text: Any) -> Tuple[str, ...]:
        return self.redact(text)[1] if isinstance(text, str) and text else ()

    def message(self, text: Any) -> Any:
        if not isinstance(text, str) or not text:
            return text
        redacted, _kinds = self.redact(text)
        if redacted != text:
            self.echoes[text] = redacted
        return redacted

    def from_personal_data(self, piece: str) -> bool:
        """``piece`` is part of a redacted message's original but not of its redacted form."""
        return bool(piece) and any(
            piece in original and piece not in redacted
            for original, redacted in self.echoes.items()
        )

    def entities(
        self, entities: List[Any], kinds: Optional[List[str]] = None, original: Any = None
    ) -> List[Any]:
        """Entities minus those taken from personal data; ``original``: their message's text."""
        kept = []
        for entity in entities:
            if not isinstance(entity, dict):
                kept.append(entity)
                continue
            if self._entity_from_personal_data(entity, original):
                continue
            for key in ("text", "value"):
                if key in entity:
                    entity[key] = _map_strings(entity[key], lambda t: self._entity_string(t, kinds))
            kept.append(entity)
        return kept

    def _entity_from_personal_data(self, entity: Dict[str, Any], original: Any) -> bool:
        if isinstance(original, str):  # an entity of this message: compare with it only
            pairs = [(original, self.echoes[original])] if original in self.echoes else []
        else:
            pairs = list(self.echoes.items())
        pieces = [entity.get("text"), entity.get("value")]
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int):
            pieces += [source[start:end] for source, _ in pairs]
        return any(
            isinstance(piece, str) and piece and piece in source and piece not in redacted
            for piece in pieces
            for source, redacted in pairs
        )

    def _entity_string(self, text: str, kinds: Optional[List[str]]) -> str:
        if text in self.echoes:
            return self.echoes[text]
        redacted, found = self.redact(text)
        if kinds is not None:
            kinds.extend(found)
        return redacted

    def replace_echoes(self, text: str) -> str:
        for original in sorted(self.echoes, key=len, reverse=True):
            if original in text:
                text = text.replace(original, self.echoes[original])
        return text


def _map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    """Applies ``fn`` to every string inside ``value`` (dict values, list items), not to keys."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    return value
