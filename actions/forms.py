"""Validation of the interview form: one ``validate_<slot>`` per slot.

The validation action reads every message of the interview once: a button payload or free text
is turned into an answer (sure → stored; torn between two readings → one short confirmation;
no signal → a question, chit-chat or a wish is answered, or the options are shown), the profile
changes only when the owner changes it, and the next question is asked in the same round trip.
The validators for the 18 questions are generated from ``data/questionnaire.yml``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import interjections, pending, profile_confirm, recheck, side_requests
from actions.ahead import answer_ahead
from actions.asking import AGAIN, ASK, CHANGE, RESUME
from actions.common import (
    FORM_NAME,
    PROFILE_SLOTS,
    Turn,
    just_activated,
    turn_of,
    wants_erasure,
)
from actions.consent import INTRO_SLOT
from actions.interview_state import PREVIOUS_PROFILE, SILENT, FormState
from actions.privacy import pii_notice_events
from actions.profile_reading import (
    noted_label,
    plain_answer,
    profile_decision,
    read_intro,
    valid_profile_value,
)
from actions.readback import ReadBackValidators
from actions.review import (
    keeps_value,
)
from bot.nlu.correction_words import names_profile
from bot.nlu.corrections import denies_known, names_known, only_outdated
from bot.nlu.intents import detect, only_quits
from bot.nlu.profile import read_profile
from bot.nlu.understanding import read_answer
from contract.codes import Event
from contract.questionnaire import Question, load_questionnaire

Mode = Optional[str]
# Button intents that are wishes, not answers, while a question is open.
_BUTTON_WISHES = {
    "human_handoff": "ansprechpartner",
    "ask_privacy": "datenschutz",
    "restart": "neu starten",
}


class ValidateInterviewForm(ReadBackValidators, FormValidationAction):
    """Validates the profile, the answers, the closing wish and the read-back."""

    def name(self) -> str:
        return f"validate_{FORM_NAME}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        qn = load_questionnaire()
        turn = turn_of(tracker)
        if wants_erasure(turn) and not just_activated(tracker, FORM_NAME):
            return []  # no slot event: Rasa's form rejects the turn, the erase rule runs
        state = FormState.of(qn, tracker, dispatcher)
        state.events += pii_notice_events(tracker, dispatcher, turn.redacted)
        if just_activated(tracker, FORM_NAME):
            # Activation: nothing to validate yet; ask the first open question (after confirming
            # a profile pre-filled from an earlier check).
            prefill = recheck.prefill_question(recheck.state_of(tracker), state.values)
            if prefill is not None and state.values.get("employees") is None:
                state.set_pending({"type": "prefill"})
                dispatcher.utter_message(**prefill)
                return state.finish(SILENT)
            resumed = any(state.values.get(s) is not None for s in qn.question_slots)
            intro = tracker.get_slot(INTRO_SLOT)
            if intro:
                state.set(INTRO_SLOT, None)
            if intro and not resumed and all(state.values.get(s) is None for s in PROFILE_SLOTS):
                return state.finish(read_intro(state, intro))
            return state.finish(RESUME if resumed else ASK)
        if turn.recheck:
            for event in await recheck.handle_code(tracker, dispatcher, turn):
                state.set(event["name"], event["value"])
            return state.finish(AGAIN)
        return state.finish(self.handle(turn, state))

    def handle(self, turn: Turn, state: FormState) -> Mode:
        if state.pending:
            outcome, mode = pending.resolve(state, turn)
            if outcome != pending.CONTINUE:
                return mode
        slot = state.requested
        validator: Optional[Callable[..., Mode]] = getattr(self, f"validate_{slot}", None)
        if validator is None:
            return ASK
        return validator(turn, state)

    # ---- profile ------------------------------------------------------------------------

    def _profile(self, turn: Turn, state: FormState, slot: str) -> Mode:
        if state.values.get(slot) is not None:
            return self._profile_again(turn, state, slot)
        earlier = (state.values.get(PREVIOUS_PROFILE) or {}).get(slot)
        if earlier is not None and not turn.is_button and keeps_value(turn.text):
            state.store(slot, earlier)  # "bleibt wie vorher" after "Angaben zum Betrieb ändern"
            return ASK
        stored, proposed = profile_decision(state, turn, slot)
        noted = []
        for key, value in stored.items():
            state.store(key, value)
            if key != slot or len(stored) > 1 or not plain_answer(turn):
                noted.append(noted_label(state, key))
        if noted:
            state.say(f"Danke, notiert: {', '.join(noted)}.")
        if proposed:
            return profile_confirm.confirm(state, proposed, turn.text, slot)
        if stored:
            return ASK
        return interjections.handle(state, turn, slot)

    def _profile_again(self, turn: Turn, state: FormState, slot: str) -> Mode:
        """The owner asked to correct a known profile value: the new one is confirmed."""
        if turn.payload_intent == "inform":
            value = turn.payload.get(slot)
        elif turn.is_button:
            value = None
        else:
            value = read_profile(turn.text, slot).values.get(slot)
        if value is None or not valid_profile_value(state, slot, value):
            return interjections.handle(state, turn, slot)
        if value == state.values.get(slot):
            state.say(f"Gut, es bleibt bei „{state.label(slot)}“.")
            return ASK
        return profile_confirm.confirm(state, {slot: value}, turn.text, slot)

    def validate_employees(self, turn: Turn, state: FormState) -> Mode:
        return self._profile(turn, state, "employees")

    def validate_sector(self, turn: Turn, state: FormState) -> Mode:
        return self._profile(turn, state, "sector")

    def validate_municipality(self, turn: Turn, state: FormState) -> Mode:
        return self._profile(turn, state, "municipality")

    # ---- the scored questions ------------------------------------------------------------

    def validate_question(self, question: Question, turn: Turn, state: FormState) -> Mode:
        """A button or free text → an answer id of the question's scale (or a confirmation)."""
        slot, scale = question.slot, question.scale
        valid = state.qn.answer_ids(scale)
        if turn.payload_intent == "answer":
            if turn.payload.get("choice") in valid:
                state.store(slot, turn.payload["choice"])
                return ASK
            return interjections.not_understood(state, turn, slot)
        if turn.payload_intent in ("affirm", "deny") and "yes" in valid:  # not frequency/level
            state.store(slot, "yes" if turn.payload_intent == "affirm" else "no")
            return ASK
        if turn.is_button and turn.payload_intent != "inform":
            wish = _BUTTON_WISHES.get(turn.payload_intent or "")
            if wish:
                return interjections.handle(state, Turn(wish, None, 0.0, None), slot)
            return ASK
        kept = (state.values.get(PREVIOUS_PROFILE) or {}).get(slot)
        if kept in valid and not turn.is_button and keeps_value(turn.text):
            state.store(slot, kept)  # asked again, and "passt doch so wie es war"
            state.say(f"Gut, es bleibt bei „{state.label(slot)}“.")
            return ASK
        earlier = side_requests.earlier_change(state, turn, question)
        if earlier is not None:
            _, proposed = profile_decision(state, turn, slot)
            if proposed:  # "Bei der Cloud hab ich mich vertan, …. Und wir sind 36, nicht 35"
                return profile_confirm.confirm(state, proposed, turn.text, slot)
            return earlier
        _, proposed = profile_decision(state, turn, slot)
        if proposed:
            side_requests.answer_beside_profile(state, turn, question)
            return profile_confirm.confirm(state, proposed, turn.text, slot)
        if not turn.is_button:
            reading = read_profile(turn.text, slot)
            # "Die Branche stimmt nicht", "Nein, wir sind keine Handwerker": an explicit
            # correction request is never ignored (nor read as the answer); the profile question
            # comes again (a new value is confirmed before it counts)
            targets = set(reading.targets) if reading.correction else set()
            targets = {s for s in targets if names_profile(turn.text, s)}
            known = {s: state.values.get(s) for s in PROFILE_SLOTS}
            if reading.correction and not targets and not only_outdated(turn.text):
                targets = {s for s, v in known.items() if names_known(turn.text, s, v)}
            if not targets:  # "Nein, Friseur ist doch kein Handwerk"
                targets = {s for s, v in known.items() if denies_known(turn.text, s, v)}
            if targets:
                state.ask_slot = next(s for s in PROFILE_SLOTS if s in targets)
                return CHANGE
        if turn.is_button:
            return ASK
        if only_quits(turn.text):  # "ich will nicht mehr": a wish, no "Nein"
            return interjections.handle(state, turn, slot)
        reading = read_answer(turn.text, scale, slot)
        wish = detect(turn.text) in interjections.CONFIRMATIONS
        if reading.sure and reading.source == "model" and wish:
            # "Ich ziehe meine Einwilligung zurück": no answer word, a wish the patterns are
            # sure of; the model's guess at an answer is no answer
            return interjections.handle(state, turn, slot)
        if reading.sure:
            state.store(slot, reading.answer)
            if detect(turn.text) in interjections.CONFIRMATIONS:
                # "Nein, und ich will jetzt abbrechen": the answer counts, and the wish is
                # asked about (nothing destructive without a confirmation)
                return interjections.handle(state, turn, slot)
            if answer_ahead(state, turn, question):  # "… und wer kümmert sich um IT: das bin
                return SILENT  # ich selber": the next question's answer, offered for one tap
            return ASK
        if (
            reading.status == "unsure"
            and reading.options
            and detect(turn.text) in (None, "explain")
        ):
            # only a guess, and the message is a request the patterns are sure of ("neu
            # starten", "Ich ziehe meine Einwilligung zurück", a callback with a phone number):
            # the request is answered, not guessed at
            return self._confirm(state, question, list(reading.options))
        side_requests.answer_before_wish(state, turn, question)
        return interjections.handle(state, turn, slot)

    def _confirm(self, state: FormState, question: Question, options: List[str]) -> Mode:
        labels = [state.qn.answer_label(question.scale, o) for o in options]
        text = f"Habe ich Sie richtig verstanden: eher „{labels[0]}“"
        text += f" oder eher „{labels[1]}“?" if len(labels) > 1 else "?"
        buttons = [
            {"title": label, "payload": f'/answer{{"choice":"{option}"}}'}
            for label, option in zip(labels, options, strict=False)
        ]
        state.set_pending({"type": "answer", "slot": question.slot, "options": options})
        state.say(text, buttons=buttons)
        state.emit(Event.CONFIRMATION, question.slot)
        return SILENT


def _question_validator(question: Question) -> Callable[..., Mode]:
    def validate(self: ValidateInterviewForm, turn: Turn, state: FormState) -> Mode:
        return self.validate_question(question, turn, state)

    validate.__name__ = f"validate_{question.slot}"
    validate.__doc__ = f"Validates the answer to '{question.slot}' ({question.scale})."
    return validate


for _question in load_questionnaire().questions:
    setattr(ValidateInterviewForm, f"validate_{_question.slot}", _question_validator(_question))
