"""What follows the score: recommendations, peer benchmark, links and the anonymised record."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import urlencode

from rasa_sdk import Tracker

from actions import api_client
from actions.asking import stored_answer_label
from actions.contact import contact_message
from actions.funnel import channel_of
from actions.settings import settings
from contract.codes import cost_title
from contract.questionnaire import NO_NEED, Questionnaire, load_questionnaire
from contract.scoring import needs_of


def _size_class(employees: Optional[float]) -> Optional[str]:
    size = load_questionnaire().size_class_for(employees)
    return size.id if size else None


def anonymised_record(
    questionnaire: Questionnaire,
    tracker: Tracker,
    maturity: Mapping[str, Any],
    recommended: List[str],
) -> Dict[str, Any]:
    """Only coded values: no name, e-mail, phone, free text, time or conversation id."""
    return {
        "size_class": _size_class(tracker.get_slot("employees")),
        "sector": tracker.get_slot("sector"),
        "municipality": tracker.get_slot("municipality"),
        "channel": channel_of(tracker),
        "scores": dict(maturity["dimensions"]),
        "overall": maturity["overall"],
        "needs": needs_of(questionnaire, maturity["dimensions"], tracker.get_slot("support_need")),
        "recommended": list(recommended),
    }


async def recommend_for(
    tracker: Tracker, maturity: Mapping[str, Any], answers: Mapping[str, Any]
) -> Optional[List[Dict[str, Any]]]:
    """The top three offerings for profile, scores, answers and the closing wish (or None)."""
    need = tracker.get_slot("support_need")
    return await api_client.recommend(
        int(tracker.get_slot("employees") or 1),
        tracker.get_slot("sector"),
        tracker.get_slot("municipality"),
        maturity["dimensions"],
        need=need if need and need != NO_NEED else None,
        answers=dict(answers),
    )


def recommendation_messages(
    offerings: Optional[List[Dict[str, Any]]], tracker: Tracker
) -> List[Dict[str, Any]]:
    if offerings is None:
        return [
            contact_message(
                tracker.get_slot("municipality"),
                "Die passenden Unterstützungsangebote kann ich gerade leider nicht abrufen. Ihr "
                "Ergebnis bleibt erhalten. Die Wirtschaftsförderung berät Sie gern persönlich:",
            )
        ]
    if not offerings:
        return [{"text": "Für Ihr Profil habe ich gerade kein passendes Angebot gefunden."}]
    lines = ["Diese Angebote passen zu Ihrem Ergebnis:"]
    for number, offering in enumerate(offerings, start=1):
        lines.append(
            f"{number}. {offering['title']} ({offering['provider']}): {offering['summary']} "
            f"{offering.get('reason', '')} {cost_title(offering.get('kind', ''))}: "
            f"{offering['cost']}".replace("  ", " ")
        )
    need = tracker.get_slot("support_need")
    if need and need != NO_NEED and not any(o.get("matches_need") for o in offerings):
        # the closing wish came first, but no open offering serves it: say so
        wish = stored_answer_label(load_questionnaire(), "support_need", need)
        lines.append(
            f"Zu Ihrem Wunsch „{wish}“ habe ich derzeit kein passendes Angebot in meiner Liste. "
            "Die Wirtschaftsförderung hilft Ihnen dazu gern persönlich weiter – fragen Sie "
            "einfach nach einem „Ansprechpartner“."
        )
    buttons = [
        {"title": offering["title"][:60], "url": offering["url"], "type": "web_url"}
        for offering in offerings
    ]
    return [{"text": "\n".join(lines), "buttons": buttons}]


def _group_size(peer: Mapping[str, Any]) -> str:
    for key in ("count_band", "group_size", "count_label"):
        if peer.get(key):
            return f"{peer[key]} Checks"
    return "mindestens fünf Checks"


async def benchmark_message(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """Mean of comparable firms: same size class and sector, else same size class."""
    size = _size_class(tracker.get_slot("employees"))
    for sector, group in ((tracker.get_slot("sector"), "Größe und Branche"), (None, "Größe")):
        peer = await api_client.benchmark(size, sector)
        if peer and peer.get("overall") is not None:
            return {
                "text": (
                    f"Zum Vergleich – Betriebe Ihrer {group} in der Region: etwa "
                    f"{round(peer['overall'])} von 100 (aus {_group_size(peer)})."
                ),
                "peer": peer,
            }
    return None


def answers_param(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> str:
    """The answers in question order, comma-separated (empty = unanswered)."""
    return ",".join(str(answers.get(slot) or "") for slot in questionnaire.question_slots)


def result_links(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    recommended: List[str],
    peer: Optional[Mapping[str, Any]],
    previous: Optional[Mapping[str, int]] = None,
) -> Dict[str, str]:
    """URLs of the radar chart and the printable result: both compute the scores from the
    answers with the contract's formula, so every place shows the same number."""
    params: Dict[str, Any] = {"a": answers_param(questionnaire, answers)}
    chart_params = dict(params)
    if peer and peer.get("dimensions"):
        for key, value in peer["dimensions"].items():
            if value is not None:
                chart_params[f"peer_{key}"] = round(value)
    for key, value in (previous or {}).items():
        chart_params[f"prev_{key}"] = value  # an earlier check, drawn dashed
    result_params = dict(chart_params)
    if recommended:
        result_params["recommended"] = ",".join(recommended)
    base = settings.api_public_url
    return {
        "chart": f"{base}/api/charts/radar.png?{urlencode(chart_params)}",
        "print": f"{base}/result?{urlencode(result_params)}",
    }
