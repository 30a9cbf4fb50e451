"""How the interview asks: progress, question text, buttons and the re-ask after a miss.

The form's validation action sends the next question itself (there are no ``action_ask_*``
actions), so an ordinary answer costs one round trip to the action server.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    CONSENT_FORM,
    REVIEW_SLOT,
    answer_buttons,
    before_the_check,
    option_buttons,
)
from actions.settings import settings
from contract.questionnaire import Questionnaire, load_questionnaire

ASK, AGAIN, RETRY, HINT, CHANGE, RESUME = "ask", "again", "retry", "hint", "change", "resume"
NOT_UNDERSTOOD = "Entschuldigung, das habe ich nicht sicher verstanden."


def progress_label(questionnaire: Questionnaire, slot: str) -> Optional[str]:
    slots = questionnaire.question_slots
    if slot not in slots:
        return None
    return f"Frage {slots.index(slot) + 1} von {len(slots)}"


def _quoted_list(labels: List[str]) -> str:
    quoted = [f"„{label}“" for label in labels]
    return ", ".join(quoted[:-1]) + f" oder {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def buttons_for(questionnaire: Questionnaire, slot: str) -> List[Dict[str, str]]:
    question = questionnaire.question(slot)
    if question is not None:
        return answer_buttons(questionnaire, question.scale)
    return option_buttons(questionnaire, slot)


def _question_text(questionnaire: Questionnaire, slot: str, with_topic: bool) -> str:
    question = questionnaire.question(slot)
    if question is None:
        return questionnaire.profile_question(slot).text
    header = progress_label(questionnaire, slot)
    if with_topic:
        header += f" · Thema: {questionnaire.dimension(question.dimension).title}"
    return f"{header}\n{question.text}"


def _retry_text(
    questionnaire: Questionnaire, slot: str, buttons: List[Dict[str, str]], attempt: int = 1
) -> str:
    """A re-ask that says what was not understood and what can be answered (no repeat); from
    the second failed attempt on, the question itself again and the way out ("Weiß nicht")."""
    question = questionnaire.question(slot)
    if attempt >= settings.max_failed_attempts and question is not None:
        return (
            "Ich verstehe Ihre Antwort leider noch nicht. Am einfachsten tippen Sie auf eine der "
            "Antworten unten; wenn keine passt oder Sie es nicht genau wissen, wählen Sie "
            f"„Weiß nicht“ – dann geht es mit der nächsten Frage weiter.\n"
            f"{progress_label(questionnaire, slot)}: {question.text}"
        )
    if slot == "employees" and attempt >= settings.max_failed_attempts:
        return (
            "Ich habe noch keine Zahl erkannt. Schreiben Sie bitte einfach eine Zahl, zum Beispiel "
            "„5“ – eine Schätzung genügt, Sie selbst zählen mit."
        )
    if slot == "employees":
        return (
            f"{NOT_UNDERSTOOD} Wie viele Menschen arbeiten in Ihrem Betrieb, Sie selbst "
            "eingeschlossen? Eine ungefähre Zahl genügt, zum Beispiel „8“ oder „zwölf Leute“."
        )
    title = questionnaire.short_title(slot)
    labels = [b["title"] for b in buttons]
    if slot in ("sector", "municipality"):
        example = (
            "„Friseursalon“ oder „Metzgerei“" if slot == "sector" else "„Hilden“ oder „Benrath“"
        )
        return (
            f"{NOT_UNDERSTOOD} Zur Frage „{title}“: Bitte wählen Sie eine Schaltfläche oder "
            f"schreiben Sie es in eigenen Worten (z. B. {example})."
        )
    return (
        f"{NOT_UNDERSTOOD} Zur Frage „{title}“ ({progress_label(questionnaire, slot) or ''}) "
        f"können Sie mit {_quoted_list(labels)} antworten – oder fragen Sie „Warum?“."
    ).replace(" ()", "")


def ask_messages(
    questionnaire: Questionnaire,
    slot: str,
    mode: str = ASK,
    previous_answer: Optional[str] = None,
    attempt: int = 1,
) -> List[Dict[str, Any]]:
    """The message(s) asking for ``slot`` in the given mode."""
    buttons = buttons_for(questionnaire, slot)
    question = questionnaire.question(slot)
    if mode in (RETRY, HINT):
        return [{"text": _retry_text(questionnaire, slot, buttons, attempt), "buttons": buttons}]
    first_of_topic = True
    if question is not None:
        index = questionnaire.question_slots.index(slot)
        previous = questionnaire.questions[index - 1] if index else None
        first_of_topic = previous is None or previous.dimension != question.dimension
    text = _question_text(questionnaire, slot, with_topic=first_of_topic or mode != ASK)
    if mode == AGAIN:
        text = "Zurück zur Frage – " + text
    elif mode == RESUME:
        text = "Willkommen zurück! Wir machen dort weiter, wo Sie aufgehört haben.\n" + text
    elif mode == CHANGE and previous_answer:
        text = f"{text}\n(Bisher: {previous_answer})"
    message: Dict[str, Any] = {"text": text}
    if buttons:
        message["buttons"] = buttons
    return [message]


def stored_answer_label(questionnaire: Questionnaire, slot: str, value: Any) -> str:
    """The stored answer of any interview slot in words."""
    if value is None:
        return "—"
    question = questionnaire.question(slot)
    if question is not None:
        return questionnaire.answer_label(question.scale, value) or str(value)
    if slot == "employees":
        return "1 Person (Sie selbst)" if value == 1 else f"{value} Beschäftigte"
    profile = questionnaire.profile_question(slot)
    if profile is not None:
        return profile.option_label(value)
    if slot == REVIEW_SLOT:
        return "bestätigt" if value else "—"
    return str(value)


class ActionExplain(Action):
    """Explains the check outside the interview (inside, the form explains the open question)."""

    def name(self) -> str:
        return "action_explain"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        total = len(load_questionnaire().question_slots)
        dispatcher.utter_message(
            text=(
                f"Gern erkläre ich es: Im Digitalcheck beantworten Sie {total} kurze Fragen zu "
                "sechs Themen – von IT-Sicherheit bis Online-Präsenz. Daraus ergibt sich, wo Ihr "
                "Betrieb digital steht und welche Beratungs-, Förder- und "
                "Weiterbildungsangebote in der Region zu Ihnen passen. Schreiben Sie „Check "
                "starten“, um zu beginnen."
            )
        )
        return []


def progress_text(questionnaire: Questionnaire, slot: Optional[str]) -> str:
    total = len(questionnaire.question_slots)
    if slot in questionnaire.question_slots:
        done = questionnaire.question_slots.index(slot)
        minutes = max(1, (total - done) // 3)
        return (
            f"Sie haben {done} von {total} Fragen beantwortet; noch {total - done}, das dauert "
            f"etwa {minutes} {'Minute' if minutes == 1 else 'Minuten'}."
        )
    if slot in questionnaire.profile_slots:
        return f"Wir sind noch bei den Angaben zu Ihrem Betrieb; danach folgen {total} Fragen."
    if slot in questionnaire.closing_slots or slot == REVIEW_SLOT:
        return "Alle Fragen sind beantwortet – gleich sehen Sie Ihr Ergebnis."
    return f"Der Digitalcheck hat {total} kurze Fragen und dauert etwa zehn Minuten."


class ActionShowProgress(Action):
    """Answers "Wie viele Fragen noch?" outside the interview."""

    def name(self) -> str:
        return "action_show_progress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text=progress_text(load_questionnaire(), None))
        if before_the_check(tracker):
            # "Wie lange dauert das?", "Friseursalon in Hilden mit 4 Leuten – wie lange dauert
            # das?" as the first message: answered, then the check is offered (with the privacy
            # notice) and the profile kept
            return [FollowupAction(CONSENT_FORM)]
        return []
