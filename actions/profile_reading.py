"""The profile values a message carries, and whether storing them needs a read-back."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from actions import profile_confirm
from actions.asking import ASK
from actions.common import PROFILE_SLOTS, Turn
from actions.interview_state import FormState
from bot.nlu.profile import decide_profile

MAX_EMPLOYEES = 100_000


def valid_profile_value(state: FormState, slot: str, value: Any) -> bool:
    if slot == "employees":
        return (
            isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_EMPLOYEES
        )
    return value in state.qn.option_ids(slot)


def plain_answer(turn: Turn) -> bool:
    """A button or a bare value ("9", "Handwerk"): storing it needs no read-back."""
    return turn.is_button or turn.words <= 2


def profile_decision(state: FormState, turn: Turn, asked: Optional[str]) -> tuple:
    """``(stored, proposed)`` profile values of the message (see bot.nlu.profile)."""
    current = {k: state.values.get(k) for k in PROFILE_SLOTS}
    if turn.payload_intent == "inform":  # a tapped option is explicit
        found = {
            k: v
            for k, v in turn.payload.items()
            if k in PROFILE_SLOTS and valid_profile_value(state, k, v)
        }
        stored = {k: v for k, v in found.items() if current.get(k) is None}
        proposed = {k: v for k, v in found.items() if current.get(k) not in (None, v)}
        return stored, proposed
    if turn.is_button:
        return {}, {}
    stored, proposed = decide_profile(turn.text, asked, current)
    stored = {k: v for k, v in stored.items() if valid_profile_value(state, k, v)}
    proposed = {k: v for k, v in proposed.items() if valid_profile_value(state, k, v)}
    return stored, proposed


def noted_label(state: FormState, slot: str) -> str:
    """A stored profile value as read back: "6 Beschäftigte", "Branche Handwerk"."""
    label = state.label(slot)
    return label if slot == "employees" else f"{state.qn.short_title(slot)} {label}"


def read_intro(state: FormState, intro: Dict[str, Any]) -> Optional[str]:
    """The profile data the owner typed before the consent (``intro_profile``, read then as an
    answer to the staff question), applied at the start of the interview: sure values are read
    back, the others confirmed; the next prompt's mode."""
    noted: List[str] = []
    for key, value in (intro.get("stored") or {}).items():
        if key in PROFILE_SLOTS and valid_profile_value(state, key, value):
            state.store(key, value)
            noted.append(noted_label(state, key))
    if noted:
        state.say(f"Aus Ihrer Nachricht habe ich notiert: {', '.join(noted)}.")
    proposed = {
        k: v
        for k, v in (intro.get("proposed") or {}).items()
        if k in PROFILE_SLOTS and state.values.get(k) is None and valid_profile_value(state, k, v)
    }
    if proposed:
        options = {k: tuple(v) for k, v in (intro.get("options") or {}).items() if k in proposed}
        return profile_confirm.confirm(state, proposed, asked="employees", options=options)
    return ASK
