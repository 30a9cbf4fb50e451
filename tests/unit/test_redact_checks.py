"""Redaction of personal data (bot/privacy/redact.py): odd and huge input, the IBAN checksum
and the plausibility check for phone numbers."""

from __future__ import annotations

import random
import time

import pytest

from bot.privacy.redact import Redaction, iban_valid, phone_plausible, redact


def test_empty_and_odd_input() -> None:
    assert redact("") == Redaction("", ())
    assert redact(None) == Redaction("", ())  # type: ignore[arg-type]
    assert not redact("   ").changed
    assert redact("thomas@example.org").changed


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("DE89370400440532013000", True),
        ("DE89 3704 0044 0532 0130 00", True),
        ("DE88370400440532013000", False),
        ("GB82WEST12345698765432", True),
        ("XX89370400440532013000", False),
        ("DE8937040044053201300", False),
    ],
)
def test_iban_checksum(iban: str, valid: bool) -> None:
    assert iban_valid(iban) is valid


@pytest.mark.parametrize(
    ("number", "plausible"),
    [
        ("0211 1234567", True),
        ("+49 (0)211 1234567", True),
        ("01/02/2024", False),
        ("08/15", False),
        ("+49 211", False),
        ("0211", False),
        ("012345", False),
    ],
)
def test_phone_plausibility(number: str, plausible: bool) -> None:
    assert phone_plausible(number) is plausible


def test_huge_inputs_complete() -> None:
    """Bounded patterns: long and adversarial messages are handled quickly (no timing assert
    on the exact number, just that it completes and scales)."""
    rng = random.Random(7)
    pieces = [
        "ich bin ", "Thomas ", "0", "1", "2", " ", "-", "/", "+49 ", "DE89 ", "Straße ", "12 ",
        "40721 ", "Hilden ", "@", ".", "de ", "www.", "LG ", "\n", "Frau ", "Am ", "Markt ", "a",
    ]  # fmt: skip
    samples = [
        "".join(rng.choice(pieces) for _ in range(2500))[:10_000],
        "0 " * 5000,
        "a" * 10_000,
        "ich bin " * 1250,
        "Straße 1 " * 1100,
        "+" + "1 " * 4999,
        "x@" * 5000,
        "Wir sind 12 Leute in Hilden und nutzen Microsoft 365. " * 180,
    ]
    for sample in samples:
        started = time.perf_counter()
        result = redact(sample)
        assert isinstance(result.text, str)
        assert time.perf_counter() - started < 5  # generous: catastrophic backtracking takes ages
