"""The end of the interview form: the closing wish and the read-back of all answers, where the
owner confirms or changes an answer by tap or by sentence (a mixin of
:class:`actions.forms.ValidateInterviewForm`)."""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from actions import interjections, pending, profile_confirm, side_requests
from actions.asking import ASK, CHANGE
from actions.common import PROFILE_SLOTS, REVIEW_SLOT, Turn
from actions.interview_state import PREVIOUS_PROFILE, FormState
from actions.profile_reading import profile_decision
from actions.review import (
    change_request,
    confirms,
    confirms_first,
    doubts,
    plain_confirmation,
)
from actions.review_changes import change_requests
from bot.nlu.needs import parse_need
from bot.nlu.profile import read_profile
from bot.nlu.text import normalized
from contract.questionnaire import NO_NEED

Mode = Optional[str]
_WISH_TALK = re.compile(
    r"\b(hilfe|unterstutzung\w*|wunsch\w*|wunsche\w*|brauche|brauchen|brauchte\w*"
    r"|ware gut|war gut|hatte gern\w*)\b"
)
# a yes read from a message longer than this is no confirmation of the summary
CONFIRM_WORDS = 4
_NAMES_WISH = re.compile(r"\b(unterstutzungswunsch\w*|wunsch|unterstutzung)\b")
# "das passt so nicht", "fast alles richtig", "nicht alles richtig": asks what to change
_NEGATED_SUMMARY = re.compile(
    r"\b(stimmt|passt|richtig|korrekt)\b.*\b(nicht|nich|net)\b|\b(nicht|nich|fast|nee|ne)\b"
    r".*\b(stimmt|passt|richtig|korrekt|alles)\b"
    # "da ist was falsch", "fast", "nicht ganz" (fourth black-box round)
    r"|\b(falsch|fehler\w*|nicht ganz|fast)\b",
    re.IGNORECASE,
)


class ReadBackValidators:
    """``validate_support_need`` and ``validate_answers_confirmed`` of the interview form."""

    def validate_support_need(self, turn: Turn, state: FormState) -> Mode:
        """Optional: one need topic, or "none" for anything that is no topic."""
        slot = "support_need"
        valid = list(state.qn.option_ids(slot))
        if turn.payload_intent == "answer" and turn.payload.get("choice") in valid:
            state.store(slot, turn.payload["choice"])
            return ASK
        back = side_requests.back_from_closing(state, turn)
        if back is not None:  # "zurück", "die letzte Frage war falsch"
            return back
        need = None if turn.is_button else parse_need(turn.text, valid)
        if need in valid:
            state.store(slot, need)
            return ASK
        if interjections.kind_of(turn) is not None:
            return interjections.handle(state, turn, slot)
        state.store(slot, NO_NEED)
        return ASK

    def validate_answers_confirmed(self, turn: Turn, state: FormState) -> Mode:
        """The owner confirms the summary, or changes an answer by tap or by sentence."""
        if turn.payload_intent == "affirm":
            state.store(REVIEW_SLOT, True)
            return ASK
        if turn.payload_intent == "change":
            return self._start_change(state, str(turn.payload.get("question")))
        if turn.is_button:
            return ASK
        wish = self._wish_change(state, turn)
        if wish is not None:  # "Hilfe bei der Internetseite wär gut": the closing wish
            return wish
        several = change_requests(state.qn, turn.text)
        if several:  # "Frage 3 ist nein und bei 13 eher regelmäßig"
            return self._change_several(state, several)
        slot, answer = change_request(state.qn, turn.text)
        # "Ja, passt alles, auch die Website" confirms; "Das Budget: Jo! Wir planen jedes Jahr"
        # and "die Weiterbildung lieber nie, das ist ja Pflicht" name a question first: changes
        leading = confirms_first(turn.text)
        unchanged = answer in (None, state.values.get(slot)) or answer == "yes" and leading
        unchanged = unchanged and not profile_decision(state, turn, None)[1]
        short = turn.words <= CONFIRM_WORDS
        if plain_confirmation(turn.text) and unchanged and (leading or slot is None and short):
            # "Ja, passt alles, auch die Website": naming a topic while confirming changes nothing
            state.store(REVIEW_SLOT, True)
            return ASK
        if slot and answer is not None and answer == state.values.get(slot):
            state.say(f"Bei „{state.qn.short_title(slot)}“ steht bereits „{state.label(slot)}“.")
            return ASK
        if slot and answer is not None:
            state.change(slot, answer)
            return ASK
        _, changes = profile_decision(state, turn, None)
        if changes:  # a profile change counts only after the owner confirmed it
            return profile_confirm.confirm(state, changes, turn.text)
        if slot in PROFILE_SLOTS:
            return self._profile_named(state, turn, slot)
        if slot:
            return self._start_change(state, slot)
        decision = pending.yes_or_no(turn)
        if decision is True and (doubts(turn.text) or turn.words > CONFIRM_WORDS):
            # "Ja, aber was wird gespeichert?": the question first; the result is once only, so
            # a longer message read as yes ("bei der E-Mail-Frage mit dem Betrug ja") is none
            decision = None
        if confirms(turn.text) or decision is True:
            state.store(REVIEW_SLOT, True)
            return ASK
        wrong = _NEGATED_SUMMARY.search(turn.text) and (
            doubts(turn.text) or not confirms(turn.text)
        )
        if decision is False or wrong:
            state.say(
                "Welche Antwort möchten Sie ändern? Tippen Sie auf die Frage oder schreiben Sie "
                "z. B. „Frage 7 ändern“."
            )
            return ASK
        return interjections.handle(state, turn, REVIEW_SLOT)

    def _change_several(self, state: FormState, changes: List[Tuple[str, Optional[str]]]) -> Mode:
        """Every change with its new answer is made; the first question named without one
        is asked again, and the others are named for the next summary."""
        for slot, answer in changes:
            if answer is None or answer == state.values.get(slot):
                continue
            state.change(slot, answer)
        open_slots = [slot for slot, answer in changes if answer is None]
        if not open_slots:
            return ASK
        if len(open_slots) > 1:
            later = [str(state.qn.question_slots.index(slot) + 1) for slot in open_slots[1:]]
            word = "Frage" if len(later) == 1 else "Fragen"
            state.say(
                f"Danach zeige ich Ihnen die Übersicht wieder; dort können Sie auch "
                f"{word} {' und '.join(later)} ändern."
            )
        return self._start_change(state, open_slots[0])

    def _wish_change(self, state: FormState, turn: Turn) -> Mode:
        """A closing wish at the read-back ("Bei der Internetseite will ich Hilfe", "bei
        Unterstützung lieber Fördermittel") changes the wish, never a scored answer; naming the
        wish without a topic ("Unterstützungswunsch ändern") asks for it again."""
        norm = normalized(turn.text)
        if not _WISH_TALK.search(norm):
            return None
        slot = "support_need"
        need = parse_need(turn.text, list(state.qn.option_ids(slot)))
        if need in (None, NO_NEED) or need == state.values.get(slot):
            return self._start_change(state, slot) if _NAMES_WISH.search(norm) else None
        state.change(slot, need)
        return ASK

    def _profile_named(self, state: FormState, turn: Turn, slot: str) -> Mode:
        """A profile value named in a sentence ("wir sind übrigens 10 Leute plus 2 Aushilfen im
        Sommer"): a new value is confirmed first, the same one changes nothing, and without a
        value only that one is asked again, its old value kept for "bleibt" (the whole
        profile had been wiped: sixth black-box round)."""
        value = read_profile(turn.text, slot).values.get(slot)
        if value is not None and value == state.values.get(slot):
            state.say(f"Bei „{state.qn.short_title(slot)}“ steht bereits „{state.label(slot)}“.")
            return ASK
        if value is not None:
            return profile_confirm.confirm(state, {slot: value}, turn.text)
        state.reopen(slot)
        return CHANGE

    def _start_change(self, state: FormState, slot: str) -> Mode:
        if slot == "employees":
            state.set(PREVIOUS_PROFILE, {k: state.values.get(k) for k in PROFILE_SLOTS})
            for key in PROFILE_SLOTS:
                state.set(key, None)
            state.ask_slot = "employees"
            return CHANGE
        if state.qn.question(slot) is None and slot not in (
            *PROFILE_SLOTS,
            *state.qn.closing_slots,
        ):
            return ASK
        state.reopen(slot)
        return CHANGE
