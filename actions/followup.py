"""What follows the score: recommendations, peer benchmark and the anonymised needs log."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import urlencode

from rasa_sdk import Tracker

from actions import api_client
from actions.conversation import contact_message
from actions.funnel import channel_of
from actions.settings import settings
from contract.questionnaire import Questionnaire, load_questionnaire
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
    """Only coded values: no name, e-mail, phone, free text or conversation id."""
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


def recommend_for(tracker: Tracker, maturity: Mapping[str, Any]) -> Optional[List[Dict[str, Any]]]:
    """The top three offerings for the profile and scores, or None if the API is down."""
    return api_client.recommend(
        int(tracker.get_slot("employees") or 1),
        tracker.get_slot("sector"),
        tracker.get_slot("municipality"),
        maturity["dimensions"],
    )


def recommendation_messages(
    offerings: Optional[List[Dict[str, Any]]],
) -> List[Dict[str, Any]]:
    if offerings is None:
        fallback = contact_message()
        fallback["text"] = (
            "Die passenden Unterstützungsangebote kann ich gerade leider nicht abrufen. Ihr "
            "Ergebnis bleibt erhalten. Die Wirtschaftsförderung berät Sie gern persönlich:\n"
            + fallback["text"]
        )
        return [fallback]
    if not offerings:
        return [{"text": "Für Ihr Profil habe ich gerade kein passendes Angebot gefunden."}]
    lines = ["Diese Angebote passen zu Ihrem Ergebnis:"]
    for number, offering in enumerate(offerings, start=1):
        lines.append(
            f"{number}. {offering['title']} ({offering['provider']}): {offering['summary']} "
            f"{offering['reason']} Kosten: {offering['cost']}"
        )
    buttons = [
        {"title": offering["title"][:60], "url": offering["url"], "type": "web_url"}
        for offering in offerings
    ]
    return [{"text": "\n".join(lines), "buttons": buttons}]


def benchmark_message(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """Mean of comparable firms: same size class and sector, else same size class."""
    size = _size_class(tracker.get_slot("employees"))
    for sector, group in ((tracker.get_slot("sector"), "Größe und Branche"), (None, "Größe")):
        peer = api_client.benchmark(size, sector)
        if peer and peer.get("overall") is not None:
            return {
                "text": (
                    f"Zum Vergleich – Firmen Ihrer {group} in der Region: "
                    f"{round(peer['overall'])} von 100 (Durchschnitt aus {peer['count']} Checks)."
                ),
                "peer": peer,
            }
    return None


def result_links(
    maturity: Mapping[str, Any], recommended: List[str], peer: Optional[Mapping[str, Any]]
) -> Dict[str, str]:
    """URLs of the radar chart and the printable result (scores only, nothing personal)."""
    params = {k: v for k, v in maturity["dimensions"].items() if v is not None}
    chart_params = dict(params)
    if peer and peer.get("dimensions"):
        for key, value in peer["dimensions"].items():
            if value is not None:
                chart_params[f"peer_{key}"] = round(value)
    base = settings.api_public_url
    result_params = dict(params)
    if recommended:
        result_params["recommended"] = ",".join(recommended)
    return {
        "chart": f"{base}/api/charts/radar.png?{urlencode(chart_params)}",
        "print": f"{base}/result?{urlencode(result_params)}",
    }
