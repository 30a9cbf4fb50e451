"""Tests for bot.nlu.understanding.read_answer: the one decision (sure / unsure / none).

The decision logic is tested with hand-made model predictions (``decide``), so these tests do
not depend on what the trained model happens to learn; the end-to-end checks with the real,
cached model are in ``test_understanding_end_to_end.py``.
"""

from bot.nlu.answer_model import NONE as NOT_AN_ANSWER
from bot.nlu.answer_model import Prediction
from bot.nlu.answers import SCALES, RuleReading, rule_reading
from bot.nlu.understanding import (
    DEFAULT,
    NONE,
    SURE,
    UNSURE,
    Reading,
    Thresholds,
    decide,
    read_answer,
)
from tests.unit.understanding_helpers import FREQ, LEVEL, YN, YPN


def prediction(scale, **probabilities):
    """A model prediction over the scale's ids; the rest of the mass is spread evenly."""
    labels = SCALES[scale] + ["dont_know", NOT_AN_ANSWER]
    rest = [label for label in labels if label not in probabilities]
    left = max(0.0, 1.0 - sum(probabilities.values()))
    probs = {label: left / len(rest) for label in rest} if rest else {}
    probs.update(probabilities)
    return Prediction(probs)


# ---- the decision with hand-made predictions --------------------------------------------------


def test_sure_when_model_and_rules_agree_confidently():
    rules = rule_reading("Ja, haben wir.", YPN)
    reading = decide(rules, prediction(YPN, yes=0.96, partly=0.02))
    assert reading == Reading(SURE, "yes", ("yes",), 0.96, "both")


def test_sure_when_the_model_alone_is_very_confident():
    rules = RuleReading(None, no_signal=True)
    reading = decide(rules, prediction(FREQ, rarely=0.97))
    assert reading.status == SURE and reading.answer == "rarely"


def test_unsure_offers_the_two_likeliest_best_first():
    rules = rule_reading("Wir haben da was, aber ob das reicht ...", YPN)
    reading = decide(rules, prediction(YPN, partly=0.55, yes=0.35, no=0.05))
    assert reading.status == UNSURE
    assert reading.options == ("partly", "yes")
    assert reading.answer == "partly"


def test_unsure_when_agreement_is_below_the_threshold():
    rules = RuleReading("yes", confidence=0.9, no_signal=False)
    below = DEFAULT.agree - 0.01
    reading = decide(rules, prediction(YPN, yes=below, partly=0.98 - below))
    assert reading.status == UNSURE and reading.options[0] == "yes"


def test_agreement_threshold_per_scale():
    # level: model and sure rules agreeing at 0.7 store; yes_partly_no at 0.7 asks
    rules = RuleReading("good", confidence=0.9, no_signal=False)
    reading = decide(rules, prediction(LEVEL, good=0.7, basic=0.2))
    assert reading.status == SURE and reading.answer == "good"
    rules = RuleReading("yes", confidence=0.9, no_signal=False)
    assert decide(rules, prediction(YPN, yes=0.7, partly=0.25)).status == UNSURE
    # yes_no: 0.85 stores only when the rules are sure
    assert decide(rules, prediction(YN, yes=0.85, no=0.1)).status == SURE
    weak = RuleReading("yes", confidence=0.7, no_signal=False)
    assert decide(weak, prediction(YN, yes=0.85, no=0.1)).status == UNSURE
    assert DEFAULT.agree_for("yes_partly_no", 0.9) == DEFAULT.agree
    assert DEFAULT.agree_for(None, 0.9) == DEFAULT.agree


def test_partly_read_by_both_is_stored_a_little_earlier():
    rules = RuleReading("partly", second="yes", confidence=0.72, no_signal=False)
    assert decide(rules, prediction(YPN, partly=0.93, yes=0.05)).status == SURE
    assert decide(rules, prediction(YPN, partly=0.88, yes=0.1)).status == UNSURE


def test_two_rule_readings_are_stored_only_when_the_model_is_sure_of_one():
    rules = rule_reading("Geld ja, Zeit nein.", YPN)
    assert rules.how == "contradiction"
    assert decide(rules, prediction(YPN, partly=0.99)) == Reading(
        SURE, "partly", ("partly",), 0.99, "both"
    )
    assert decide(rules, prediction(YPN, partly=0.8, yes=0.15)).status == UNSURE
    assert decide(rules, None).status == UNSURE


def test_a_confident_rule_reading_is_offered_when_the_model_disagrees():
    rules = RuleReading("no", confidence=0.9, no_signal=False)
    reading = decide(rules, prediction(YPN, yes=0.6, partly=0.3, no=0.05))
    assert reading.status == UNSURE and reading.options == ("yes", "no")


def test_none_when_the_model_says_not_an_answer():
    rules = RuleReading(None, no_signal=True)
    reading = decide(rules, prediction(YN, none=0.8))
    assert reading.status == NONE and reading.answer is None


def test_none_for_a_question_back_even_if_the_model_is_sure():
    rules = rule_reading("Was meinen Sie mit regelmäßig?", FREQ)
    assert rules.blocked
    reading = decide(rules, prediction(FREQ, regularly=0.99))
    assert reading.status == NONE


def test_not_sure_while_not_an_answer_is_still_likely():
    rules = RuleReading("yes", confidence=0.9, no_signal=False)
    reading = decide(rules, prediction(YN, yes=0.62, none=0.35))
    assert reading.status != SURE


def test_weak_signal_without_rule_hit_is_a_reask():
    rules = RuleReading(None, no_signal=True)
    reading = decide(rules, prediction(LEVEL, low=0.2, basic=0.2, good=0.05, expert=0.05))
    assert reading.status == NONE


def test_rules_only_without_a_model():
    assert decide(rule_reading("nein", YN), None).status == SURE
    mixed = decide(rule_reading("Die meisten schon, bei der Aushilfe keine Ahnung.", YN), None)
    assert mixed.status == UNSURE and len(mixed.options) == 2
    assert decide(rule_reading("Wie wird das Wetter?", YN), None).status == NONE


def test_button_payloads_are_always_sure():
    reading = decide(rule_reading('/answer{"choice":"partly"}', YPN), None)
    assert reading == Reading(SURE, "partly", ("partly",), 1.0, "button")


def test_thresholds_are_ordered():
    assert 0.5 <= DEFAULT.agree <= DEFAULT.sure < 1.0
    assert Thresholds().pair <= 1.0


# ---- rules and model as two readers --------------------------------------------------------------


def test_a_leading_answer_word_outweighs_the_models_not_an_answer():
    # "Ja" and then a question: an answer with a question, not a question instead of an answer
    rules = rule_reading("Ja, aber wie lange dauert der Rest noch?", YN)
    assert rules.how == "lead" and rules.answer == "yes"
    model = Prediction({"yes": 0.04, "no": 0.0005, "dont_know": 0.0005, NOT_AN_ANSWER: 0.959})
    reading = decide(rules, model)
    assert reading.status == SURE and reading.answer == "yes"


def test_the_model_alone_against_another_rule_reading_is_confirmed_not_stored():
    rules = RuleReading("yes", confidence=0.9, how="clauses")
    below = DEFAULT.against - 0.02
    reading = decide(rules, prediction(YPN, partly=below, yes=0.99 - below))
    assert reading.status == UNSURE
    assert set(reading.options) == {"partly", "yes"}
    very = decide(rules, prediction(YPN, partly=DEFAULT.against + 0.01, yes=0.004))
    assert very.status == SURE and very.answer == "partly"


def test_a_moderately_sure_rule_reading_does_not_raise_the_bar_above_sure():
    weak = RuleReading("yes", confidence=0.6, how="clauses")
    assert decide(weak, prediction(YPN, partly=0.97, yes=0.02)).answer == "partly"
    assert decide(weak, prediction(YPN, partly=0.97, yes=0.02)).status == SURE
    assert decide(weak, prediction(YPN, partly=0.8, yes=0.18)).status == UNSURE
    assert DEFAULT.against_weak <= DEFAULT.against <= DEFAULT.against_torn
    # torn rules (two readings of their own): the model alone decides only when very sure
    torn = RuleReading("partly", second="dont_know", conflict=True, confidence=0.72, how="x")
    assert decide(torn, prediction(YPN, dont_know=0.93, partly=0.06)).status == UNSURE
    assert decide(torn, prediction(YPN, dont_know=0.98, partly=0.01)).status == SURE


def test_without_a_rule_answer_a_low_model_favourite_is_no_confirmation():
    rules = RuleReading(None, concepts=("main:YES",))
    assert decide(rules, prediction(FREQ, rarely=0.37, always=0.32)).status == NONE
    clear = decide(rules, prediction(FREQ, rarely=0.7, always=0.15))
    assert clear.status == UNSURE and clear.options[0] == "rarely"


def test_json_without_an_answer_word_is_no_answer():
    reading = read_answer('{"intent": "affirm", "value": true}', YPN)
    assert reading.status == NONE


def test_an_answer_with_a_question_in_it_is_confirmed_not_reasked():
    # the rules read "always"; the model took the message for a question back
    text = "Sicherung? Na klar, jede Nacht automatisch, wieso?"
    rules = RuleReading("always", confidence=0.9, no_signal=False, how="clauses")
    reading = decide(rules, prediction(FREQ, always=0.12, regularly=0.02, none=0.86), None, text)
    assert reading.status == UNSURE and reading.options[0] == "always"
    # never stored at once, however sure the renormalised model is
    reading = decide(rules, prediction(FREQ, always=0.14, none=0.86), None, text)
    assert reading.status == UNSURE
    # without a question mark the model's "not an answer" stands
    plain = "Na klar, jede Nacht automatisch."
    assert decide(rules, prediction(FREQ, always=0.12, none=0.86), None, plain).status == NONE
