"""How the interview asks, explains and reports progress.

One ``action_ask_<slot>`` per slot is generated from ``data/questionnaire.yml``: it shows the
progress ("Frage 5 von 18"), the question, and buttons for the answers plus "Weiß nicht".
After failed attempts it adds a hint listing the possible answers.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import answer_buttons, latest_intent, option_buttons
from actions.settings import settings
from contract.questionnaire import Questionnaire, load_questionnaire

NOT_UNDERSTOOD = "Entschuldigung, das habe ich nicht verstanden."
# After these the question simply comes again, without "nicht verstanden" or a hint.
INTERJECTIONS = frozenset(
    {"explain", "out_of_scope", "bot_challenge", "human_handoff", "ask_progress",
     "ask_privacy", "greet", "thank", "goodbye", "start_check", "inform"}
)  # fmt: skip


def progress_label(questionnaire: Questionnaire, slot: str) -> Optional[str]:
    slots = questionnaire.question_slots
    if slot not in slots:
        return None
    return f"Frage {slots.index(slot) + 1} von {len(slots)}"


def _hint(labels: List[str]) -> str:
    quoted = [f"„{label}“" for label in labels]
    options = ", ".join(quoted[:-1]) + f" oder {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    return (
        f"{NOT_UNDERSTOOD} Bitte wählen Sie eine der Schaltflächen oder antworten Sie mit "
        f"{options}."
    )


def ask_messages(
    questionnaire: Questionnaire, slot: str, failed_attempts: int
) -> List[Dict[str, Any]]:
    """The message(s) asking for ``slot``: progress, text and buttons, with a hint if needed."""
    question = questionnaire.question(slot)
    if question is not None:
        buttons = answer_buttons(questionnaire, question.scale)
        index = questionnaire.question_slots.index(slot)
        dimension = questionnaire.dimension(question.dimension)
        header = progress_label(questionnaire, slot)
        previous = questionnaire.questions[index - 1] if index else None
        if previous is None or previous.dimension != question.dimension:
            header += f" · Thema: {dimension.title}"
        text = f"{header}\n{question.text}"
    else:
        profile_question = questionnaire.profile_question(slot)
        buttons = option_buttons(questionnaire, slot)
        text = profile_question.text
    messages: List[Dict[str, Any]] = []
    if failed_attempts >= settings.max_failed_attempts and buttons:
        messages.append({"text": _hint([b["title"] for b in buttons])})
    elif failed_attempts >= 1:
        messages.append({"text": f"{NOT_UNDERSTOOD} Ich frage noch einmal:"})
    messages.append({"text": text, "buttons": buttons})
    return messages


class ActionAskSlot(Action):
    """Asks for one slot of the interview form (subclasses are generated per slot)."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The slot this action asks for."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        attempts = int(tracker.get_slot("failed_attempts") or 0)
        if latest_intent(tracker) in INTERJECTIONS:
            attempts = 0
        for message in ask_messages(load_questionnaire(), self.slot, attempts):
            dispatcher.utter_message(**message)
        return funnel.emit(tracker, "question_reached", question=self.slot)


def _ask_action(slot: str) -> type:
    class_name = "ActionAsk" + "".join(part.title() for part in slot.split("_"))
    return type(class_name, (ActionAskSlot,), {"slot": slot, "__module__": __name__})


ASK_ACTIONS = [_ask_action(slot) for slot in load_questionnaire().required_slots]


class ActionExplain(Action):
    """Explains why the open question matters; the form then asks it again."""

    def name(self) -> str:
        return "action_explain"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        questionnaire = load_questionnaire()
        slot = tracker.get_slot("requested_slot")
        item = questionnaire.question(slot) or questionnaire.profile_question(slot)
        if item is None:
            dispatcher.utter_message(
                text=(
                    "Gern erkläre ich es: Im Digitalcheck beantworten Sie kurze Fragen zu sechs "
                    "Themen – von IT-Sicherheit bis Online-Präsenz. Daraus ergibt sich, wo Ihr "
                    "Betrieb digital steht, und welche Beratungs-, Förder- und "
                    "Weiterbildungsangebote in der Region zu Ihnen passen."
                )
            )
            return []
        dispatcher.utter_message(text=f"Gern erkläre ich das: {item.explanation}")
        return []


class ActionShowProgress(Action):
    """Answers "Wie viele Fragen noch?"."""

    def name(self) -> str:
        return "action_show_progress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        questionnaire = load_questionnaire()
        slot = tracker.get_slot("requested_slot")
        total = len(questionnaire.question_slots)
        if slot in questionnaire.question_slots:
            done = questionnaire.question_slots.index(slot)
            text = (
                f"Sie haben {done} von {total} Fragen beantwortet; "
                f"noch {total - done} Fragen, das dauert etwa {max(1, (total - done) // 3)} "
                "Minuten."
            )
        elif slot in questionnaire.profile_slots:
            text = (
                f"Wir sind noch bei den Angaben zu Ihrem Betrieb; danach folgen {total} kurze "
                "Fragen."
            )
        else:
            text = f"Der Digitalcheck hat {total} kurze Fragen und dauert etwa zehn Minuten."
        dispatcher.utter_message(text=text)
        return []
