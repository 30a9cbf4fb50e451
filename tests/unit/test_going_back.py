"""Going back one question in plain words (sixth black-box round: "zurück", "die vorige Frage
nochmal" were not understood, and "Korrektur zur letzten Antwort: doch ja" filled the open
question instead of the one before)."""

from __future__ import annotations

import pytest

from tests.unit.action_helpers import FakeApi
from tests.unit.interview_helpers import at


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "zurück",
        "die vorige Frage nochmal bitte",
        "geh nochmal eine Frage zurück",
        "ich will meine letzte Antwort ändern",
        "einen Schritt zurück",
    ],
)
def test_back_asks_the_question_before_again(text):
    outcome = at("tools_cloud", strategy_budget="no").say(text)
    assert not outcome.sets("tools_cloud")
    assert outcome.requested == "strategy_budget"
    assert "(Bisher: Nein)" in outcome.texts[0]


@pytest.mark.parametrize(
    "text, answer",
    [
        ("oh, verklickt, das sollte Ja sein", "yes"),
        ("Korrektur zur letzten Antwort: doch ja, wir haben ein festes Budget", "yes"),
    ],
)
def test_back_with_an_answer_changes_the_question_before(text, answer):
    outcome = at("tools_cloud", strategy_budget="no").say(text)
    assert outcome.slot("strategy_budget") == answer
    assert not outcome.sets("tools_cloud")
    assert outcome.requested == "tools_cloud"


def test_zurueck_inside_an_answer_is_the_answer():
    outcome = at("tools_cloud", strategy_budget="no").say(
        "Ja, wir greifen für alles auf die Cloud zurück"
    )
    assert outcome.slot("tools_cloud") == "yes"
    assert not outcome.sets("strategy_budget")


@pytest.mark.parametrize("reply", ["ok?", "🤷", "hmm weiß nicht", "jein"])
def test_an_unclear_reply_to_a_restart_question_does_nothing(reply):
    dialogue = at("tools_cloud")
    asked = dialogue.say("ich will neu anfangen")
    assert asked.slot("pending") == {"type": "restart"}
    outcome = dialogue.say(reply)
    assert not outcome.sets("tools_cloud") and not outcome.sets("strategy_goals")
    assert outcome.texts[0].startswith("Bitte sagen Sie kurz Ja oder Nein.")


@pytest.mark.parametrize("reply", ["lass mal", "Nee, lass mal, ich mach weiter"])
def test_lass_mal_to_a_stop_question_goes_on(reply):
    dialogue = at("tools_cloud")
    dialogue.say("ich will nicht mehr")
    outcome = dialogue.say(reply)
    assert not outcome.sets("tools_cloud")
    assert outcome.requested == "tools_cloud"
    assert not any(t.startswith("Bis bald") for t in outcome.texts)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Isch bin dann ma wech, bis morjen", "goodbye"),
        ("Ich hab's mir anders überlegt, ich will das doch nicht", "withdraw"),
        ("Ich will, dass nichts von mir gespeichert bleibt", "withdraw"),
        ("Ich nehme mein Einverständnis zurück", "withdraw"),
        ("Daten weg!", "erase_data"),
        ("Bitte alles von mir vernichten", "erase_data"),
        # a question about erasure is explained, not carried out
        ("Kann ich das hier alles löschen lassen?", "ask_privacy"),
    ],
)
def test_leaving_withdrawal_and_erasure_in_owners_words(text, kind):
    from bot.nlu.intents import detect

    assert detect(text) == kind


@pytest.mark.parametrize(
    "text, slot, answer",
    [
        ("Bitte die Antwort zum Budget auf Teilweise ändern.", "strategy_budget", "partly"),
        ("oh wait, kurz back to the budget question … eher partly", "strategy_budget", "partly"),
        ("Und die Cloud-Dienste bitte auch auf teilweise", "tools_cloud", "partly"),
        ("Beim Zuständigen für die IT muss Nein stehen", "strategy_responsible", "no"),
        ("wart mal, nochmal zu dem cloud zeug … also doch nein", "tools_cloud", "no"),
    ],
)
def test_a_change_of_an_earlier_answer_in_own_words_changes_it(text, slot, answer):
    outcome = at("online_website").say(text)
    assert outcome.slot(slot) == answer
    assert not outcome.sets("online_website")
    assert outcome.requested == "online_website"


@pytest.mark.parametrize(
    "text", ["zurück", "Moment, die letzte Frage war falsch, die mit dem Phishing"]
)
def test_back_at_the_closing_wish_asks_the_last_question_again(text):
    from tests.unit.action_helpers import Dialogue, answered
    from tests.unit.interview_helpers import FORM

    outcome = Dialogue(FORM, answered(None), "support_need").say(text)
    assert not outcome.sets("support_need")
    assert outcome.requested == "skills_phishing"
    assert "(Bisher:" in outcome.texts[0]


def test_a_compound_s_first_part_is_no_sector():
    from bot.nlu.profile import decide_profile

    known = {"employees": 5, "sector": "gesundheit", "municipality": "haan"}
    assert decide_profile("Korrektur zum IT-Budget: eher teilweise", "online_website", known) == (
        {},
        {},
    )


def test_an_answer_for_a_later_question_by_number_is_not_this_one_s():
    outcome = at("tools_business_software").say("Frage 15 ist übrigens nein")
    assert not outcome.sets("tools_business_software")
    assert not outcome.sets("security_passwords")
    assert outcome.texts[0].startswith("Zu Frage 15 komme ich noch")
    assert outcome.requested == "tools_business_software"


def test_almost_at_a_profile_confirmation_takes_the_owner_s_value():
    from tests.unit.action_helpers import Dialogue
    from tests.unit.interview_helpers import FORM

    pending = {"type": "profile", "values": {"employees": 5, "sector": "handwerk"}}
    outcome = Dialogue(FORM, {"consent": True, "pending": pending}, "employees").say(
        "Fast – wir sind eher Dienstleistung als Handwerk, Rest stimmt"
    )
    assert outcome.slot("sector") == "dienstleistung" and outcome.slot("employees") == 5
