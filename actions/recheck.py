"""Re-assessment T0 → T1 in the chat: the owner's code is looked up (by its hash only), the
profile is pre-filled and confirmed, and the result shows the change per topic.

The code itself never reaches the action server: the channels replace it with ``[CODE]`` and
pass its HMAC (contract.recheck); a new code is shown once at the end and masked by the tracker
store before anything is written.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import api_client
from actions.common import Turn, button
from contract.questionnaire import load_questionnaire

SLOT = "recheck"
MAX_FAILURES = 3
UNKNOWN = (
    "Diesen Code kenne ich leider nicht – vielleicht hat sich ein Tippfehler eingeschlichen? "
    "Der Code hat die Form DC-XXXX-XXXX. Sie können den Check aber auch ohne Code ganz normal "
    "machen."
)
LIMITED = (
    "Gerade wurden zu viele Codes ausprobiert; bitte versuchen Sie es später noch einmal. "
    "Den Check können Sie jetzt trotzdem machen."
)
UNAVAILABLE = (
    "Ich kann Ihren Code gerade nicht prüfen. Sie können den Check trotzdem machen; nennen Sie "
    "den Code später noch einmal, dann verknüpfe ich die Ergebnisse."
)


def state_of(tracker: Tracker) -> Dict[str, Any]:
    value = tracker.get_slot(SLOT)
    return dict(value) if isinstance(value, dict) else {}


def month_label(month: Optional[str]) -> str:
    names = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]  # fmt: skip
    try:
        year, number = (int(part) for part in str(month).split("-")[:2])
        return f"{names[number - 1]} {year}"
    except (ValueError, IndexError):
        return "Ihrem letzten Check"


async def handle_code(
    tracker: Tracker, dispatcher: CollectingDispatcher, turn: Turn
) -> List[Dict[str, Any]]:
    """Looks up the code the owner gave; says what was found; pre-fills the profile."""
    if not turn.recheck:
        return []
    state = state_of(tracker)
    if state.get("found") and state.get("hash") == turn.recheck:
        dispatcher.utter_message(text="Diesen Code habe ich schon – wir vergleichen am Ende.")
        return []
    if int(state.get("failures") or 0) >= MAX_FAILURES:
        dispatcher.utter_message(text=LIMITED)
        return []
    result = await api_client.lookup_recheck(turn.recheck)
    if result is None:
        dispatcher.utter_message(text=UNAVAILABLE)
        return []
    if result.get("limited"):
        dispatcher.utter_message(text=LIMITED)
        return [SlotSet(SLOT, {**state, "failures": int(state.get("failures") or 0) + 1})]
    if not result.get("found"):
        dispatcher.utter_message(text=UNKNOWN)
        return [SlotSet(SLOT, {**state, "failures": int(state.get("failures") or 0) + 1})]
    found = {
        "hash": turn.recheck,
        "found": True,
        "month": result.get("month"),
        "overall": result.get("overall"),
        "scores": result.get("scores") or {},
        "profile": result.get("profile") or {},
        "confirmed": False,
    }
    overall = result.get("overall")
    when = month_label(found["month"])
    then = f" (damals {overall} von 100 Punkten)" if overall is not None else ""
    dispatcher.utter_message(
        text=(
            f"Schön, dass Sie wieder da sind! Ich habe Ihren Check aus {when} gefunden{then}. "
            "Am Ende zeige ich Ihnen, was sich je Thema verändert hat."
        )
    )
    events: List[Dict[str, Any]] = [SlotSet(SLOT, found)]
    profile = found["profile"]
    for slot in ("sector", "municipality"):
        if profile.get(slot) and tracker.get_slot(slot) is None:
            events.append(SlotSet(slot, profile[slot]))
    return events


def prefill_question(
    recheck: Mapping[str, Any], values: Mapping[str, Any]
) -> Optional[Dict[str, Any]]:
    """The confirmation of the pre-filled profile (asked once, when the interview starts)."""
    if not recheck.get("found") or recheck.get("confirmed"):
        return None
    qn = load_questionnaire()
    profile = recheck.get("profile") or {}
    parts = []
    if values.get("sector"):
        parts.append(f"Branche {qn.profile_question('sector').option_label(values['sector'])}")
    if values.get("municipality"):
        parts.append(
            f"Ort {qn.profile_question('municipality').option_label(values['municipality'])}"
        )
    size = next((s for s in qn.size_classes if s.id == profile.get("size_class")), None)
    if size:
        parts.append(size.title)
    if not parts:
        return None
    return {
        "text": f"Beim letzten Mal: {', '.join(parts)}. Stimmt das noch?",
        "buttons": [button("Ja, stimmt noch", "affirm"), button("Nein, hat sich geändert", "deny")],
    }


def change_lines(recheck: Mapping[str, Any], maturity: Mapping[str, Any]) -> Optional[str]:
    """ "IT-Sicherheit: 33 → 58" per topic, when this check follows an earlier one."""
    if not recheck.get("found"):
        return None
    qn = load_questionnaire()
    before = recheck.get("scores") or {}
    lines = [f"Ihre Entwicklung seit {month_label(recheck.get('month'))}:"]
    for dimension in qn.dimensions:
        old, new = before.get(dimension.id), maturity["dimensions"].get(dimension.id)
        old_text = "–" if old is None else str(old)
        new_text = "–" if new is None else str(new)
        trend = ""
        if old is not None and new is not None:
            trend = " ↑" if new > old else (" ↓" if new < old else " =")
        lines.append(f"• {dimension.title}: {old_text} → {new_text}{trend}")
    if recheck.get("overall") is not None and maturity.get("overall") is not None:
        lines.append(f"Gesamt: {recheck['overall']} → {maturity['overall']}")
    return "\n".join(lines)


def previous_scores(recheck: Mapping[str, Any]) -> Dict[str, int]:
    return {k: v for k, v in (recheck.get("scores") or {}).items() if v is not None}
