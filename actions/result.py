"""The end of the interview: computed once, after the owner confirmed the read-back.

One maturity score (contract.scoring), one recommendation request, one anonymised record. The
result shows the score per topic, strengths and gaps, the peer benchmark (when the API publishes
one), the radar chart, three offerings that fit (the closing wish first) and the printable page.
Without the API the score is still shown and kept, with the district's contact.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import api_client, funnel, recheck
from actions.common import REVIEW_SLOT, answers_of, button
from actions.followup import (
    anonymised_record,
    benchmark_message,
    recommend_for,
    recommendation_messages,
    result_links,
)
from contract.codes import OFFER_LIMIT, Event
from contract.questionnaire import Questionnaire, load_questionnaire
from contract.recheck import code_hash, new_code
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
    return "\n".join([head, "", *dimension_lines(questionnaire, maturity)])


def dimension_lines(questionnaire: Questionnaire, maturity: Mapping[str, Any]) -> List[str]:
    """ "Ihre Werte je Thema:" and one line per dimension."""
    lines = ["Ihre Werte je Thema:"]
    for dimension in questionnaire.dimensions:
        score = (maturity.get("dimensions") or {}).get(dimension.id)
        lines.append(f"• {dimension.title}: {_score_text(score)}")
    return lines


def strengths_and_gaps(
    questionnaire: Questionnaire, maturity: Mapping[str, Any], employees: Optional[float]
) -> Optional[str]:
    """The two strongest and two weakest dimensions with one sentence each."""
    strongest, weakest = strongest_and_weakest(maturity["dimensions"])
    # only real strengths, and a next step only where one is left to take
    strongest = [(k, s) for k, s in strongest if s >= questionnaire.strong_from]
    weakest = [(k, s) for k, s in weakest if s < questionnaire.done_from]
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


def followup_buttons(recommended: List[str]) -> List[Dict[str, str]]:
    buttons = [
        button(f"Mehr zu Angebot {i}", "ask_result", {"offering": offering_id})
        for i, offering_id in enumerate(recommended, start=1)
    ]
    buttons.append(button("Was bedeutet mein Ergebnis?", "ask_result", {"topic": "score"}))
    buttons.append(button("Ansprechpartner", "human_handoff"))
    buttons.append(button("Neuen Check starten", "restart"))
    return buttons


class ActionCompleteAssessment(Action):
    """Scores the confirmed interview once, shows the result and logs the anonymised record."""

    def name(self) -> str:
        return "action_complete_assessment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        if not tracker.get_slot(REVIEW_SLOT) or tracker.get_slot("maturity"):
            return []  # stopped or withdrawn (the form said so), or already scored
        qn = load_questionnaire()
        answers = answers_of(tracker, qn)
        maturity = compute_maturity(qn, answers)
        employees = tracker.get_slot("employees")
        dispatcher.utter_message(text=result_summary(qn, maturity))
        peer = await benchmark_message(tracker)
        if peer:
            dispatcher.utter_message(text=peer["text"])
        offerings = await recommend_for(tracker, maturity, answers)
        recommended = [offering["id"] for offering in offerings or []]
        earlier = recheck.state_of(tracker)
        changes = recheck.change_lines(earlier, maturity)
        if changes:
            dispatcher.utter_message(text=changes)
        links = result_links(
            qn,
            answers,
            recommended,
            peer["peer"] if peer else None,
            recheck.previous_scores(earlier),
        )
        if offerings is not None:
            dispatcher.utter_message(text=chart_alt_text(qn, maturity), image=links["chart"])
        details = strengths_and_gaps(qn, maturity, employees)
        if details:
            dispatcher.utter_message(text=details)
        for message in recommendation_messages(offerings, tracker):
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
        record = anonymised_record(qn, tracker, maturity, recommended)
        code = new_code()
        record["recheck_hash"] = code_hash(code)
        if earlier.get("found") and earlier.get("hash") != record["recheck_hash"]:
            record["previous_hash"] = earlier["hash"]
        if await api_client.log_assessment(record) is not None:
            dispatcher.utter_message(
                text=(
                    f"Ihr persönlicher Re-Check-Code: {code}\nNotieren Sie ihn bitte – ich "
                    "zeige ihn nur dieses eine Mal und speichere ihn nicht. Wenn Sie den Check in "
                    "einigen Monaten wiederholen, nennen Sie ihn zu Beginn: dann sehen Sie, was "
                    "sich je Thema verändert hat. Der Code verrät nichts über Sie."
                )
            )
        dispatcher.utter_message(
            text=(
                "Fragen Sie mich gern zu Ihrem Ergebnis oder zu den Angeboten – zum Beispiel "
                "„Was kostet Angebot 1?“ oder „Warum ist IT-Sicherheit so niedrig?“."
            ),
            buttons=followup_buttons(recommended),
        )
        events = funnel.emit(tracker, Event.COMPLETED, duration=funnel.duration_minutes(tracker))
        return [
            SlotSet("maturity", maturity),
            SlotSet("recommendations", recommended),
            SlotSet("stage", "result"),
            *events,
        ]


def chart_alt_text(qn: Questionnaire, maturity: Mapping[str, Any]) -> str:
    """The chart's text alternative: every score in words."""
    scores = maturity["dimensions"]
    parts = [f"{d.title} {'–' if scores[d.id] is None else scores[d.id]}" for d in qn.dimensions]
    return "Netzdiagramm Ihrer Werte (0–100): " + ", ".join(parts) + "."
