"""domain.yml and the action code must agree with data/questionnaire.yml (single source)."""

import yaml

from actions.forms import ValidateInterviewForm
from actions.settings import ROOT
from bot.domain_gen import render
from contract.questionnaire import load_needs, load_questionnaire

QN = load_questionnaire()
DOMAIN_TEXT = (ROOT / "domain.yml").read_text(encoding="utf-8")
DOMAIN = yaml.safe_load(DOMAIN_TEXT)


def test_generated_domain_blocks_are_up_to_date():
    assert render(DOMAIN_TEXT, QN) == DOMAIN_TEXT, "run `make domain`"


def test_form_asks_profile_questions_closing_then_the_read_back():
    required = DOMAIN["forms"]["interview_form"]["required_slots"]
    assert required == QN.required_slots + ["answers_confirmed"]


def test_every_slot_has_a_validator_and_no_ask_action():
    # The validation action asks the next question itself (one round trip per answer).
    for slot in QN.required_slots + ["answers_confirmed"]:
        assert callable(getattr(ValidateInterviewForm, f"validate_{slot}", None)), slot
        assert f"action_ask_{slot}" not in DOMAIN["actions"]
        assert f"utter_ask_{slot}" not in DOMAIN.get("responses", {})


def test_contract_intents_are_in_the_domain():
    contract = {
        "greet",
        "goodbye",
        "affirm",
        "deny",
        "thank",
        "dont_know",
        "explain",
        "restart",
        "human_handoff",
        "bot_challenge",
        "out_of_scope",
    }
    assert contract <= set(DOMAIN["intents"])


def test_profile_options_match_the_contract():
    sector = [o.id for o in QN.profile_question("sector").options]
    town = [o.id for o in QN.profile_question("municipality").options]
    assert sector == [
        "handwerk",
        "handel",
        "gastronomie",
        "dienstleistung",
        "produktion",
        "bau",
        "gesundheit",
        "it_medien",
        "logistik",
        "sonstiges",
    ]
    assert town == [
        "erkrath",
        "haan",
        "heiligenhaus",
        "hilden",
        "langenfeld",
        "mettmann",
        "monheim",
        "ratingen",
        "velbert",
        "wuelfrath",
        "duesseldorf",
        "andere",
    ]


def test_parser_vocabularies_use_the_questionnaire_ids():
    from bot.nlu.places import MUNICIPALITIES
    from bot.nlu.sectors import SECTORS

    assert list(SECTORS) == [o.id for o in QN.profile_question("sector").options]
    assert list(MUNICIPALITIES) == [o.id for o in QN.profile_question("municipality").options]


def test_closing_question_offers_the_topic_needs_and_has_keywords_for_each():
    from bot.nlu.needs import keywords

    topics = [n.code for n in load_needs().topics]
    options = [o.id for o in QN.profile_question("support_need").options]
    assert options == topics + ["none"]
    assert set(keywords()) == set(options)
