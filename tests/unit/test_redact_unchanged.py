"""Redaction of personal data (bot/privacy/redact.py): owner messages without personal data
stay as they are, and redaction never spoils what the profile parser reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.nlu.profile import read_profile
from bot.privacy.redact import Redaction, redact
from tests.unit.redact_helpers import UNCHANGED

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev"


@pytest.mark.parametrize("message", UNCHANGED)
def test_owner_messages_stay_unchanged(message: str) -> None:
    assert redact(message) == Redaction(message, ())


def test_redaction_never_spoils_a_profile_reading() -> None:
    """On the owners' profile messages of the development corpus, every staff count, sector and
    town the parser reads correctly is still read correctly after redaction."""
    records = [
        json.loads(line)
        for path in sorted(CORPUS.glob("profile_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        pytest.skip("no profile corpus")
    spoiled, changed = [], 0
    for record in records:
        text = record["text"]
        redacted = redact(text).text
        if redacted == text:
            continue
        changed += 1
        before = read_profile(text, record.get("asked")).values
        after = read_profile(redacted, record.get("asked")).values
        for key, wanted in record["expected"].items():
            if wanted is not None and before.get(key) == wanted and after.get(key) != wanted:
                spoiled.append((text, key, wanted, after.get(key)))
    assert not spoiled
    assert changed < len(records) * 0.05  # only the few messages with personal data change
