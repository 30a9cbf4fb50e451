"""The texts that answer questions after the result: an offering (what, cost, provider, how
to apply), a topic's score and the answers behind it, and how the overall score is made."""

from __future__ import annotations

from typing import List, Optional

from rasa_sdk import Tracker

from actions.common import answers_of
from actions.result import dimension_lines
from contract.catalogue import Offering
from contract.questionnaire import Questionnaire
from contract.scoring import answer_value


def offering_answer(offering: Offering, aspect: Optional[str]) -> str:
    title = f"„{offering.title}“"
    if aspect == "cost":
        return f"{offering.cost_title} für {title}: {offering.cost}"
    if aspect == "provider":
        return f"{title} bietet {offering.provider} an ({offering.kind_title})."
    if aspect == "apply":
        return (
            f"So kommen Sie zu {title}: Alle Schritte und die Kontaktwege des Anbieters "
            f"({offering.provider}) stehen auf {offering.url} – dort melden Sie sich an oder "
            "stellen den Antrag."
        )
    return (
        f"{title} ({offering.kind_title}, {offering.provider}): {offering.summary} "
        f"{offering.cost_title}: {offering.cost}. Mehr: {offering.url}"
    )


def dimension_answer(qn: Questionnaire, dimension_id: str, tracker: Tracker) -> str:
    maturity = tracker.get_slot("maturity") or {}
    score = (maturity.get("dimensions") or {}).get(dimension_id)
    dimension = qn.dimension(dimension_id)
    answers = answers_of(tracker, qn)
    rows = []
    for question in qn.questions_of(dimension_id):
        answer = answers.get(question.slot)
        value = answer_value(qn, question.scale, answer)
        rows.append((value if value is not None else 2, question, answer))
    rows.sort(key=lambda row: row[0])
    lines = [
        f"{dimension.title}: {score if score is not None else '–'} von 100. So kommt der Wert "
        "zustande (die Antworten, die ihn am meisten senken, zuerst):"
    ]
    for value, question, answer in rows:
        label = qn.answer_label(question.scale, answer) if answer else "—"
        note = " (zählt nicht)" if value == 2 else ""
        lines.append(f"• {question.short}: {label}{note}")
    lines.append(qn.dimension(dimension_id).gap["micro"])
    return "\n".join(lines)


def score_answer(qn: Questionnaire, tracker: Tracker) -> str:
    maturity = tracker.get_slot("maturity") or {}
    level = qn.level_for(maturity.get("overall"))
    bands = "; ".join(f"{lv.title} ab {lv.min}" for lv in sorted(qn.levels, key=lambda lv: lv.min))
    head = (
        f"Ihr Gesamtwert ist {maturity.get('overall')} von 100, Stufe „{level.title}“. "
        if level
        else "Für einen Gesamtwert fehlten Antworten. "
    )
    return (
        head + "Jede Antwort zählt zwischen 0 (nein/nie) und 100 (ja/immer); je Thema wird der "
        "Durchschnitt gebildet, „weiß nicht“ zählt nicht mit. Der Gesamtwert ist der Durchschnitt "
        f"der Themen. Die Stufen: {bands}."
    )


def result_again_answer(qn: Questionnaire, tracker: Tracker, offerings: List[Offering]) -> str:
    """The result once more, on request ("können Sie mir mein Ergebnis nochmal zeigen?",
    "nochmal die Angebote bitte"): the scores and the recommended offerings, nothing new."""
    maturity = tracker.get_slot("maturity") or {}
    level = qn.level_for(maturity.get("overall"))
    lines = [
        f"Ihr Ergebnis: {maturity.get('overall')} von 100 Punkten, Stufe „{level.title}“."
        if level
        else "Für einen Gesamtwert fehlten Antworten.",
        "",
        *dimension_lines(qn, maturity),
    ]
    if offerings:
        lines += ["", "Die empfohlenen Angebote:"]
        for number, offering in enumerate(offerings, start=1):
            lines.append(f"{number}. {offering.title}: {offering.url}")
    return "\n".join(lines)
