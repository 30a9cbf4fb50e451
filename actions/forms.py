"""Validation of the interview form: one ``validate_<slot>`` per slot.

Profile slots (``employees``, ``sector``, ``municipality``) may be filled several at once and
corrected at any time; question slots are filled from buttons (``/answer{"choice": ...}``) or
from free text, which the deterministic German answer parser maps to the scale's answer ids.
The validators for the questions are generated from ``data/questionnaire.yml``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import funnel
from actions.common import (
    FORM_NAME,
    PROFILE_ENTITIES,
    latest_confidence,
    latest_entity_types,
    latest_intent,
    latest_text,
    previous_slot_value,
)
from actions.followup import recommend_for
from bot.intents import PROFILE_INTENTS
from bot.nlu.answers import parse_answer
from bot.nlu.needs import parse_need
from bot.nlu.numbers import parse_employee_count
from bot.nlu.places import parse_municipality
from bot.nlu.sectors import parse_sector
from contract.questionnaire import DONT_KNOW, Question, Questionnaire, load_questionnaire
from contract.scoring import compute_maturity

MAX_EMPLOYEES = 100_000
INTENT_HINT_CONFIDENCE = 0.8
Validator = Callable[..., Dict[str, Any]]


def _failure(tracker: Tracker, slot: str) -> Dict[str, Any]:
    """Rejects the requested slot's value, counts the failed attempt and logs the re-ask."""
    attempts = int(tracker.get_slot("failed_attempts") or 0) + 1
    key, _ = funnel.key_events(tracker)
    funnel.emit(tracker, "reask", question=slot, key=key)
    if latest_intent(tracker) == "nlu_fallback":
        funnel.emit(tracker, "fallback", key=key)
    return {slot: None, "failed_attempts": attempts, funnel.KEY_SLOT: key}


def _chit_chat(tracker: Tracker, dispatcher: Optional[CollectingDispatcher], slot: str) -> Any:
    """Out-of-scope text that is no answer either: a short reply, and the question comes again
    without counting as a failed attempt. Returns None when the message is not chit-chat."""
    if latest_intent(tracker) != "out_of_scope":
        return None
    if dispatcher is not None:
        dispatcher.utter_message(response="utter_out_of_scope")
    return {slot: None}


def _is_profile_correction(tracker: Tracker, exclude: Optional[str] = None) -> bool:
    """The user gave profile data instead of an answer (e.g. "es sind doch 15 Beschäftigte")."""
    entities = set(PROFILE_ENTITIES) - {exclude}
    return latest_intent(tracker) in PROFILE_INTENTS and bool(
        latest_entity_types(tracker) & entities
    )


class ValidateInterviewForm(FormValidationAction):
    """Validates the profile and the questionnaire answers of ``interview_form``."""

    def name(self) -> str:
        return f"validate_{FORM_NAME}"

    @property
    def questionnaire(self) -> Questionnaire:
        return load_questionnaire()

    # ---- profile -------------------------------------------------------------------------

    def _profile_value(
        self,
        slot: str,
        parsed: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        shown: str,
    ) -> Dict[str, Any]:
        requested = tracker.get_slot("requested_slot") == slot
        if parsed is None:
            if requested and _is_profile_correction(tracker, exclude=slot):
                # e.g. "ach nein, es sind 15 Beschäftigte" while the sector is asked: the
                # other slot is corrected and this question simply comes again.
                return {slot: None}
            if requested:
                return _chit_chat(tracker, dispatcher, slot) or _failure(tracker, slot)
            # Not asked for and not understood: keep what we had.
            return {slot: previous_slot_value(tracker, slot)}
        previous = previous_slot_value(tracker, slot)
        if previous is not None and previous != parsed:
            dispatcher.utter_message(text=f"Danke, ich habe das korrigiert: {shown}.")
        elif not requested and previous is None:
            dispatcher.utter_message(text=f"Danke, notiert: {shown}.")
        result: Dict[str, Any] = {slot: parsed}
        if requested:
            result["failed_attempts"] = 0
        return result

    def validate_employees(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        count: Optional[int] = None
        if isinstance(slot_value, (int, float)) and not isinstance(slot_value, bool):
            count = int(slot_value) if slot_value == int(slot_value) else None
        elif slot_value is not None:
            count = parse_employee_count(str(slot_value))
        if count is not None and not 1 <= count <= MAX_EMPLOYEES:
            count = None
        shown = "1 Person (Sie selbst)" if count == 1 else f"{count} Beschäftigte"
        return self._profile_value("employees", count, dispatcher, tracker, shown)

    def _validate_option(
        self,
        slot: str,
        parser: Callable[[str], Optional[str]],
        noun: str,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> Dict[str, Any]:
        """A profile slot with fixed options: an option id (button) or free text."""
        profile_question = self.questionnaire.profile_question(slot)
        valid = {o.id for o in profile_question.options}
        parsed = slot_value if slot_value in valid else None
        if parsed is None and slot_value is not None:
            parsed = parser(str(slot_value))
        parsed = parsed if parsed in valid else None
        shown = f"{noun} {profile_question.option_label(parsed or '')}"
        return self._profile_value(slot, parsed, dispatcher, tracker, shown)

    def validate_sector(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        return self._validate_option(
            "sector", parse_sector, "Branche", slot_value, dispatcher, tracker
        )

    def validate_municipality(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        return self._validate_option(
            "municipality", parse_municipality, "Ort", slot_value, dispatcher, tracker
        )

    def validate_support_need(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        """The closing question: one need topic (or "none") from buttons or free text."""
        slot = "support_need"
        if tracker.get_slot("requested_slot") != slot:
            return {slot: previous_slot_value(tracker, slot)}
        valid = [o.id for o in self.questionnaire.profile_question(slot).options]
        if "choice" in latest_entity_types(tracker):
            need = slot_value if slot_value in valid else None
        elif _is_profile_correction(tracker):
            return {slot: None}
        else:
            need = parse_need(str(slot_value or latest_text(tracker)), valid)
            if need is None and latest_intent(tracker) in ("deny", "dont_know"):
                need = "none"
        if need not in valid:
            # The question is optional: anything else counts as "no particular topic".
            return _chit_chat(tracker, dispatcher, slot) or {slot: "none", "failed_attempts": 0}
        return {slot: need, "failed_attempts": 0}

    # ---- questions -----------------------------------------------------------------------

    def validate_question(
        self,
        question: Question,
        slot_value: Any,
        tracker: Tracker,
        dispatcher: Optional[CollectingDispatcher] = None,
    ) -> Dict[str, Any]:
        """Maps a button choice or free text to one of the question's answer ids."""
        slot = question.slot
        if tracker.get_slot("requested_slot") != slot:
            # Only the requested question can be answered; keep an earlier answer unchanged.
            return {slot: previous_slot_value(tracker, slot)}
        valid = self.questionnaire.answer_ids(question.scale)
        intent = latest_intent(tracker)
        if "choice" in latest_entity_types(tracker):
            # A button (or a typed payload): only a valid answer id of this scale counts.
            answer = slot_value if slot_value in valid else None
        elif _is_profile_correction(tracker):
            # The message corrected the profile; the profile validators confirm it and the
            # form asks this question again.
            return {slot: None}
        else:
            text = str(slot_value) if slot_value is not None else latest_text(tracker)
            answer = parse_answer(text, question.scale)
            if answer is None and latest_confidence(tracker) >= INTENT_HINT_CONFIDENCE:
                # Nothing in the words themselves: a confident affirm/deny/dont_know decides.
                answer = parse_answer(text, question.scale, intent)
        if answer not in valid:
            return _chit_chat(tracker, dispatcher, slot) or _failure(tracker, slot)
        result: Dict[str, Any] = {slot: answer, "failed_attempts": 0}
        if slot == self.questionnaire.question_slots[-1]:
            # The scored interview is complete: the score and the matching offerings are
            # known from here on, before the optional closing question.
            result.update(self._assessment(tracker, slot, answer))
        return result

    def _assessment(self, tracker: Tracker, slot: str, answer: str) -> Dict[str, Any]:
        questionnaire = self.questionnaire
        answers = {s: tracker.get_slot(s) for s in questionnaire.question_slots}
        answers[slot] = answer
        maturity = compute_maturity(questionnaire, answers)
        offerings = recommend_for(tracker, maturity)
        return {"maturity": maturity, "recommendations": [o["id"] for o in offerings or []]}


def _question_validator(question: Question) -> Validator:
    def validate(
        self: ValidateInterviewForm,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        return self.validate_question(question, slot_value, tracker, dispatcher)

    validate.__name__ = f"validate_{question.slot}"
    validate.__doc__ = f"Validates the answer to '{question.slot}' ({question.scale})."
    return validate


for _question in load_questionnaire().questions:
    setattr(ValidateInterviewForm, f"validate_{_question.slot}", _question_validator(_question))

__all__ = ["ValidateInterviewForm", "DONT_KNOW"]
