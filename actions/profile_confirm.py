"""Confirming profile values before they count (issue 8, part 5).

A profile value read from a message that was not sure, and every change of a known value, is
stored only after the owner said yes. Several values of one message ("Korrektur: Branche Bau,
Ort Haan") get one combined question ("Habe ich Sie richtig verstanden: Branche „Bau“, Ort
„Haan“?"), and yes applies all of them; no keeps every known value.

The pending confirmation is ``{"type": "profile", "slot": …, "value": …}`` for one value (with
``"options": [value, other]`` when it can be read two ways: "ich habe 4 Leute" is 4, or 5 with
the owner; yes takes the first, a tap on the other button the other) and
``{"type": "profile", "values": {slot: value, …}}`` for several.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

from actions.asking import AGAIN, ASK
from actions.common import PROFILE_SLOTS, button, yes_no_buttons
from actions.interview_state import SILENT, FormState
from bot.nlu.profile import proposal_options, read_profile


def pending_values(pending: Mapping[str, Any]) -> Dict[str, Any]:
    """The proposed values of a pending profile confirmation, in profile order."""
    values = pending.get("values")
    if not isinstance(values, dict):
        values = {pending.get("slot"): pending.get("value")} if pending.get("slot") else {}
    return {slot: values[slot] for slot in PROFILE_SLOTS if slot in values}


def _item(state: FormState, slot: str, value: Any) -> str:
    if slot == "employees":  # the label says it already: „6 Beschäftigte“
        return f"„{state.label(slot, value)}“"
    return f"{state.qn.short_title(slot)} „{state.label(slot, value)}“"


def confirm(
    state: FormState,
    proposed: Mapping[str, Any],
    text: Optional[str] = None,
    asked: Optional[str] = None,
    options: Optional[Mapping[str, Tuple[Any, Any]]] = None,
) -> Optional[str]:
    """Asks once for all ``proposed`` values (new ones or changes) and stores none of them.
    ``text`` (the owner's message) and ``asked`` let a lone value that can be read two ways
    ("ich habe 4 Leute": 4, or 5 with the owner) be offered with both readings (or ``options``,
    read earlier)."""
    values = {slot: proposed[slot] for slot in PROFILE_SLOTS if slot in proposed}
    if options is None:
        options = proposal_options(text, asked, values) if text else {}
    options = {slot: pair for slot, pair in options.items() if slot in values}
    if options and len(values) == 1:
        return _confirm_options(state, *next(iter(options.items())))
    if len(values) == 1:
        ((slot, value),) = values.items()
        state.set_pending({"type": "profile", "slot": slot, "value": value})
        if state.values.get(slot) is None:
            state.say(
                f"Habe ich Sie richtig verstanden: {_item(state, slot, value)}?",
                buttons=yes_no_buttons("Ja, genau", "Nein"),
            )
            return SILENT
        old, title = state.label(slot), state.qn.short_title(slot)
        state.say(
            f"Soll ich „{title}“ von „{old}“ auf „{state.label(slot, value)}“ ändern?",
            buttons=yes_no_buttons("Ja, ändern", f"Nein, {old} stimmt"),
        )
        return SILENT
    changes = [slot for slot in values if state.values.get(slot) is not None]
    yes = "Ja, so ändern" if changes else "Ja, genau"
    if options:  # "„4 Beschäftigte“, Branche „Handwerk“, Ort „Haan“? … oder 5 mit Ihnen?"
        slot, (first, second) = next(iter(options.items()))
        values[slot] = first
        state.set_pending(
            {"type": "profile", "values": values, "slot": slot, "options": [first, second]}
        )
        items = ", ".join(_item(state, s, v) for s, v in values.items())
        other = _item(state, slot, second)
        alternative = (
            f"Bei der Zahl habe ich Sie selbst mitgezählt – oder sind es {other} mit Ihnen?"
            if slot == "employees" and isinstance(first, int) and second == first + 1
            else f"Oder eher {other}?"
        )
        state.say(
            f"Habe ich Sie richtig verstanden: {items}? {alternative}",
            buttons=[
                button(yes, "affirm"),
                button(f"Ja, aber {other}", "inform", {slot: second}),
                button("Nein", "deny"),
            ],
        )
        return SILENT
    state.set_pending({"type": "profile", "values": values})
    items = ", ".join(_item(state, slot, value) for slot, value in values.items())
    state.say(
        f"Habe ich Sie richtig verstanden: {items}?",
        buttons=yes_no_buttons(yes, "Nein"),
    )
    return SILENT


def _confirm_options(state: FormState, slot: str, options: Tuple[Any, Any]) -> Optional[str]:
    """ "4 Beschäftigte, Sie selbst mitgezählt – oder 5 mit Ihnen?": yes is the first."""
    first, second = options
    state.set_pending({"type": "profile", "slot": slot, "value": first, "options": [first, second]})
    label, other = state.label(slot, first), state.label(slot, second)
    title, old = state.qn.short_title(slot), state.values.get(slot)
    lead = "Habe ich Sie richtig verstanden" if old is None else f"Soll ich „{title}“ ändern"
    question = (
        f"{lead}: „{label}“, Sie selbst mitgezählt – oder „{other}“ mit Ihnen?"
        if isinstance(first, int) and second == first + 1
        else f"{lead}: „{label}“ oder „{other}“?"
    )
    buttons = [
        button(f"Ja, {label}", "affirm"),
        button(other, "inform", {slot: second}),
        button("Nein" if old is None else f"Nein, {state.label(slot)} stimmt", "deny"),
    ]
    state.say(question, buttons=buttons)
    return SILENT


def chosen_option(pending: Mapping[str, Any], payload_intent: Any, payload: Mapping) -> Any:
    """The option the owner tapped at a two-way profile confirmation, or None."""
    slot, options = pending.get("slot"), pending.get("options") or []
    if payload_intent == "inform" and slot in payload and payload[slot] in options:
        return payload[slot]
    return None


def named_option(pending: Mapping[str, Any], text: str) -> Any:
    """The option a typed reply to a two-way profile confirmation names ("schneiderei mehr,
    kiosk nur klein" at "„Handwerk“ oder „Handel“?"), or None."""
    slot, options = pending.get("slot"), pending.get("options") or []
    if not slot or len(options) < 2:
        return None
    value = read_profile(text, slot).values.get(slot)
    return value if value in options else None


def with_choice(pending: Mapping[str, Any], chosen: Any) -> Dict[str, Any]:
    """The pending confirmation with the other reading the owner chose for its two-way slot."""
    values = {**pending_values(pending), pending.get("slot"): chosen}
    return {"type": "profile", "values": values}


def resolve(state: FormState, pending: Mapping[str, Any], decision: bool) -> str:
    """Applies (yes) or drops (no) a pending profile confirmation; the next prompt's mode."""
    values = pending_values(pending)
    known = {slot: state.values.get(slot) for slot in values}
    changed = [slot for slot in values if known[slot] is not None]
    if decision:
        for slot, value in values.items():
            state.store(slot, value)
        for slot in changed:
            state.mark_changed(slot)
        items = ", ".join(_item(state, slot, state.values.get(slot)) for slot in values)
        state.say(f"Danke, {'geändert' if changed else 'notiert'}: {items}.")
        return AGAIN if changed else ASK
    if changed:
        kept = ", ".join(f"„{state.label(slot)}“" for slot in changed)
        state.say(f"Gut, ich lasse es bei {kept}.")
    else:
        state.say("Gut, dann frage ich lieber genauer nach.")
    return AGAIN
