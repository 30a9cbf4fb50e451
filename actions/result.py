"""The end of the interview: maturity score, result message, strengths and gaps."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import api_client, funnel
from actions.followup import (
    anonymised_record,
    benchmark_message,
    recommend_for,
    recommendation_messages,
    result_links,
)
from contract.codes import OFFER_LIMIT
from contract.questionnaire import Questionnaire, load_questionnaire
from contract.scoring import compute_maturity, strongest_and_weakest


def _score_text(score: Optional[int]) -> str:
    return "keine Angabe (nur „weiß nicht“)" if score is None else f"{score} von 100"


def result_summary(questionnaire: Questionnaire, maturity: Mapping[str, Any]) -> str:
    """Overall score, level and one line per dimension."""
    level = questionnaire.level_for(maturity["overall"])
    if level is None:
        head = (
            "Geschafft – vielen Dank! Für ein Gesamtergebnis fehlen leider Antworten: "
            "Sie haben alle Fragen mit „weiß nicht“ beantwortet."
        )
    else:
        head = (
            f"Geschafft – vielen Dank! Ihr digitaler Reifegrad: {maturity['overall']} von 100 "
            f"Punkten, Stufe „{level.title}“."
        )
    lines = [head, "", "Ihre Werte je Thema:"]
    for dimension in questionnaire.dimensions:
        lines.append(f"• {dimension.title}: {_score_text(maturity['dimensions'][dimension.id])}")
    return "\n".join(lines)


def strengths_and_gaps(
    questionnaire: Questionnaire, maturity: Mapping[str, Any], employees: Optional[float]
) -> Optional[str]:
    """The two strongest and two weakest dimensions with one sentence each."""
    strongest, weakest = strongest_and_weakest(maturity["dimensions"])
    if not strongest and not weakest:
        return None
    size_class = questionnaire.size_class_for(employees)
    size = size_class.size if size_class else "micro"
    lines: List[str] = []
    if strongest:
        lines.append("Ihre Stärken:")
        for key, score in strongest:
            dimension = questionnaire.dimension(key)
            lines.append(f"• {dimension.title} ({score}): {dimension.strength}")
    if weakest:
        if lines:
            lines.append("")
        lines.append("Hier bringt der nächste Schritt am meisten:")
        for key, score in weakest:
            dimension = questionnaire.dimension(key)
            lines.append(f"• {dimension.title} ({score}): {dimension.gap[size]}")
    return "\n".join(lines)


def collect_answers(questionnaire: Questionnaire, tracker: Tracker) -> Dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in questionnaire.question_slots}


class ActionCompleteAssessment(Action):
    """Scores the finished interview, shows the result and the matching offerings, and logs
    the anonymised needs record. Without the API the score is still shown and kept."""

    def name(self) -> str:
        return "action_complete_assessment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        questionnaire = load_questionnaire()
        maturity = compute_maturity(questionnaire, collect_answers(questionnaire, tracker))
        employees = tracker.get_slot("employees")
        dispatcher.utter_message(text=result_summary(questionnaire, maturity))
        peer = benchmark_message(tracker)
        if peer:
            dispatcher.utter_message(text=peer["text"])
        offerings = recommend_for(tracker, maturity)
        recommended = [offering["id"] for offering in offerings or []]
        links = result_links(maturity, recommended, peer["peer"] if peer else None)
        if offerings is not None:
            dispatcher.utter_message(image=links["chart"])
        details = strengths_and_gaps(questionnaire, maturity, employees)
        if details:
            dispatcher.utter_message(text=details)
        for message in recommendation_messages(offerings):
            dispatcher.utter_message(**message)
        if employees is not None and employees > OFFER_LIMIT:
            dispatcher.utter_message(
                text=(
                    f"Hinweis: Ihr Betrieb hat mehr als {OFFER_LIMIT} Beschäftigte. Die Bewertung "
                    f"gilt genauso, die Unterstützungsangebote richten sich aber vor allem an "
                    f"Betriebe mit bis zu {OFFER_LIMIT} Beschäftigten."
                )
            )
        if offerings is not None:
            dispatcher.utter_message(
                text="Ihr Ergebnis zum Ausdrucken oder Speichern (ohne persönliche Daten):",
                buttons=[{"title": "Ergebnis drucken", "url": links["print"], "type": "web_url"}],
            )
        api_client.log_assessment(anonymised_record(questionnaire, tracker, maturity, recommended))
        events = funnel.emit(tracker, "completed", duration=funnel.duration_minutes(tracker))
        return [SlotSet("maturity", maturity), SlotSet("recommendations", recommended), *events]
