"""After the result: ``action_answer_followup`` answers from the result and the catalogue; the
contact of the owner's region (handoff, callback requests) during and after the interview."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from actions import contact
from actions.after_result import ActionAnswerFollowup
from actions.conversation import ActionHumanHandoff
from actions.forms import ValidateInterviewForm
from actions.privacy import pii_notice
from actions.settings import Settings
from contract.scoring import compute_maturity
from tests.unit.action_helpers import (
    ANSWERS,
    PROFILE,
    QN,
    Dialogue,
    FakeApi,
    answered,
    catalogue,
    finished,
    make_tracker,
    run,
)

FOLLOWUP = ActionAnswerFollowup()
HANDOFF = ActionHumanHandoff()
RECOMMENDED = ["mittelstand_digital_handwerk", "cyberrisikocheck", "bildungsscheck_nrw"]
KREIS = "Ihr Kontakt: Wirtschaftsförderung Kreis Mettmann – Team Digitalisierung."
DUESSELDORF = "Ihr Kontakt: Wirtschaftsförderung der Landeshauptstadt Düsseldorf."


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def result_slots(**overrides):
    return finished(
        answers_confirmed=True,
        maturity=compute_maturity(QN, ANSWERS),
        recommendations=RECOMMENDED,
        stage="result",
        **overrides,
    )


def ask(text: str, **overrides):
    outcome = run(FOLLOWUP, make_tracker(text, result_slots(**overrides), form=None))
    assert outcome.events == []  # answers change nothing
    assert outcome.texts[-1] == "Was möchten Sie noch wissen?"
    assert '/ask_result{"topic":"score"}' in outcome.payloads
    return outcome


def offering(index: int):
    return catalogue().get(RECOMMENDED[index])


# ---- offerings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, index",
    [("Was kostet Angebot 2?", 1), ("Und was kostet das zweite?", 1), ("Kosten von Nr 3?", 2)],
)
def test_the_cost_of_an_offering_by_number(text, index):
    outcome = ask(text)
    assert outcome.texts[0] == f"Kosten für „{offering(index).title}“: {offering(index).cost}"


def test_who_provides_an_offering():
    outcome = ask("Wer bietet das erste Angebot an?")
    assert offering(0).provider in outcome.texts[0]
    assert offering(0).title in outcome.texts[0]


@pytest.mark.parametrize(
    "text", ["Wie beantrage ich Angebot 2?", "Wie melde ich mich für das zweite an?"]
)
def test_how_to_apply_gives_the_offering_s_url(text):
    outcome = ask(text)
    assert offering(1).url in outcome.texts[0]
    assert offering(1).title in outcome.texts[0]


def test_what_an_offering_is():
    outcome = ask("Was ist Angebot 3?")
    item = offering(2)
    assert item.summary in outcome.texts[0]
    assert item.cost in outcome.texts[0] and item.url in outcome.texts[0]


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("Was kostet der CyberRisikoCheck?", "cost"),
        ("Was heißt DIN SPEC?", "what"),
        ("Wie komme ich zum Mittelstand-Digital Zentrum Handwerk?", "apply"),
    ],
)
def test_an_offering_by_name(text, aspect):
    outcome = ask(text)
    item = catalogue().get("cyberrisikocheck" if "Handwerk" not in text else RECOMMENDED[0])
    field = {"cost": item.cost, "what": item.summary, "apply": item.url}[aspect]
    assert field in outcome.texts[0]
    assert item.title in outcome.texts[0]


def test_the_more_button_of_an_offering():
    outcome = ask('/ask_result{"offering":"cyberrisikocheck"}')
    assert catalogue().get("cyberrisikocheck").summary in outcome.texts[0]


def test_the_follow_up_buttons_name_each_recommended_offering():
    outcome = ask("Was kostet Angebot 1?")
    for offering_id in RECOMMENDED:
        assert f'/ask_result{{"offering":"{offering_id}"}}' in outcome.payloads
    assert "/human_handoff" in outcome.payloads and "/restart" in outcome.payloads


# ---- scores ------------------------------------------------------------------------------


def bullet_lines(text: str):
    return [line[2:] for line in text.splitlines() if line.startswith("• ")]


@pytest.mark.parametrize(
    "text", ["Warum ist IT-Sicherheit so niedrig?", '/ask_result{"dimension":"security"}']
)
def test_why_a_dimension_is_low_lists_its_answers_lowest_first(text):
    outcome = ask(text)
    score = compute_maturity(QN, ANSWERS)["dimensions"]["security"]
    assert outcome.texts[0].startswith(f"IT-Sicherheit und Datenschutz: {score} von 100")
    assert bullet_lines(outcome.texts[0]) == [
        "Datensicherung: Nie",
        "Passwörter und zweiter Faktor: Nein",
        "Updates und Virenschutz: Teilweise",
    ]


def test_answers_that_do_not_count_come_last():
    outcome = ask("Wieso sind die Kompetenzen so schlecht?")
    assert bullet_lines(outcome.texts[0]) == [
        "Phishing erkennen: Nein",
        "Digitale Kenntnisse im Team: Grundkenntnisse",
        "Weiterbildung: Weiß nicht (zählt nicht)",
    ]


def test_what_the_result_means():
    outcome = ask("Was bedeutet mein Ergebnis?")
    maturity = compute_maturity(QN, ANSWERS)
    assert f"Ihr Gesamtwert ist {maturity['overall']} von 100" in outcome.texts[0]
    assert f"Stufe „{QN.level_for(maturity['overall']).title}“" in outcome.texts[0]
    for level in QN.levels:
        assert f"{level.title} ab {level.min}" in outcome.texts[0]
    assert ask('/ask_result{"topic":"score"}').texts[0] == outcome.texts[0]


def test_the_printable_page():
    outcome = ask("Kann ich das Ergebnis ausdrucken?")
    (link,) = [b for b in outcome.buttons if b.get("title") == "Ergebnis drucken"]
    query = parse_qs(urlparse(link["url"]).query)
    assert urlparse(link["url"]).path == "/result"
    assert query["a"] == [",".join(ANSWERS[s] for s in QN.question_slots)]
    assert query["recommended"] == [",".join(RECOMMENDED)]


@pytest.mark.parametrize("text", ["Wie wird das Wetter morgen?", "Blumenkohl", "ok"])
def test_anything_else_gets_a_short_honest_answer_and_the_options(text):
    outcome = ask(text)
    assert outcome.texts[0].startswith("Dazu kann ich leider nichts Genaues sagen.")
    assert len(outcome.messages) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind übrigens eigentlich 30 Leute",
        "Der Ort stimmt nicht, wir sitzen in Heiligenhaus",
        "Bei Backup hab ich mich vertan, das ist eher selten",
        "Ich würde gern eine Antwort korrigieren",
    ],
)
def test_a_correction_after_the_result_is_answered_honestly_with_a_new_check(text):
    outcome = ask(text)
    assert "neuen Check" in outcome.texts[0], outcome.texts
    assert "/restart" in outcome.payloads


@pytest.mark.parametrize(
    "text, dimension",
    [
        ("Gibt es auch was für die Website?", "online"),
        ("Haben Sie Angebote zur IT-Sicherheit?", "security"),
        ("Wo bekomme ich Hilfe bei Schulungen fürs Team?", "skills"),
    ],
)
def test_offerings_on_a_topic_are_listed_when_the_firm_may_use_them(text, dimension):
    outcome = ask(text)
    title = QN.dimension(dimension).title
    assert outcome.texts[0].startswith(f"Zum Thema „{title}“"), outcome.texts
    cat = catalogue()
    region = QN.region_of(PROFILE["municipality"])
    listed = [o for o in cat.offerings if f"• {o.title}" in outcome.texts[0]]
    assert listed, outcome.texts[0]
    for offering in listed:
        assert dimension in offering.dimensions and offering.for_firms and offering.recommendable
        assert offering.eligibility.allows(
            PROFILE["employees"], PROFILE["sector"], PROFILE["municipality"], region
        )


# ---- contacts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "town, expected, website",
    [
        ("duesseldorf", DUESSELDORF, "https://www.duesseldorf.de/wirtschaft"),
        ("hilden", KREIS, "https://www.kreis-mettmann.de"),
        ("velbert", KREIS, "https://www.kreis-mettmann.de"),
        (None, KREIS, "https://www.kreis-mettmann.de"),
    ],
)
def test_the_handoff_names_the_contact_of_the_owner_s_region(api, town, expected, website):
    text = "Ich möchte mit einem Menschen sprechen"
    outcome = run(HANDOFF, make_tracker(text, {"municipality": town}, form=None))
    assert outcome.texts[0].startswith(expected)
    assert {"title": "Zur Website", "url": website, "type": "web_url"} in outcome.buttons
    assert "/start_check" in outcome.payloads  # and offers to continue the check
    assert api.funnel == ["handoff"]


def test_a_firm_elsewhere_gets_the_fallback_contact_with_its_note():
    outcome = run(HANDOFF, make_tracker("Ansprechpartner", {"municipality": "andere"}, form=None))
    assert "außerhalb von Düsseldorf" in outcome.texts[0]


def test_missing_contact_fields_are_said_to_be_missing_never_invented():
    outcome = run(HANDOFF, make_tracker("Ansprechpartner", {"municipality": "hilden"}, form=None))
    text = outcome.texts[0]
    assert "(E-Mail, Telefon, Erreichbar: noch nicht hinterlegt" in text
    assert "@" not in text and not re.search(r"\d{4,}", text)


def test_configured_fields_are_shown_and_only_the_rest_named_missing(tmp_path, monkeypatch):
    path = tmp_path / "contact.yml"
    path.write_text(
        "regions:\n"
        "  kreis_mettmann: {organisation: WF Kreis, email: digital@example.org}\n"
        "  duesseldorf: {organisation: WF Düsseldorf, phone: '0211 000', office_hours: Mo-Fr}\n"
        "  other: {organisation: WF Kreis}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(contact, "settings", Settings(contact_file=path))
    contact.load_contacts.cache_clear()
    try:
        kreis = contact.contact_message("hilden")["text"]
        assert "E-Mail: digital@example.org" in kreis
        assert "(Telefon, Erreichbar: noch nicht hinterlegt" in kreis
        duesseldorf = contact.contact_message("duesseldorf")["text"]
        assert "Telefon: 0211 000" in duesseldorf and "Erreichbar: Mo-Fr" in duesseldorf
        assert "(E-Mail: noch nicht hinterlegt" in duesseldorf
        assert "buttons" not in contact.contact_message("duesseldorf")  # no website configured
    finally:
        contact.load_contacts.cache_clear()


def test_a_callback_request_is_answered_honestly():
    tracker = make_tracker(
        "Rufen Sie mich bitte zurück unter [TELEFON]",
        {"municipality": "duesseldorf"},
        form=None,
        metadata={"redacted": ["TELEFON"]},
    )
    outcome = run(HANDOFF, tracker)
    text = outcome.texts[0]
    assert text.startswith("Einen Rückruf kann ich leider nicht vereinbaren.")
    assert "Telefonnummer speichere ich nicht" in text and "entfernt" in text
    assert DUESSELDORF in text
    assert pii_notice() not in outcome.texts  # the callback answer already says it
    assert not outcome.sets("employees")


def test_a_callback_request_during_the_interview_stores_no_answer():
    dialogue = Dialogue(ValidateInterviewForm(), {"consent": True}, "employees")
    outcome = dialogue.say(
        "Können Sie mich zurückrufen? [TELEFON]", metadata={"redacted": ["TELEFON"]}
    )
    assert not outcome.sets("employees")
    assert any(
        t.startswith("Einen Rückruf kann ich leider nicht vereinbaren.") for t in outcome.texts
    )
    assert any(KREIS in t for t in outcome.texts)
    assert outcome.requested == "employees"
    assert QN.profile_question("employees").text in outcome.texts[-1]


def test_asking_for_a_person_during_the_interview_gives_the_contact_and_continues(api):
    dialogue = Dialogue(
        ValidateInterviewForm(), answered("tools_cloud", municipality="duesseldorf"), "tools_cloud"
    )
    outcome = dialogue.say("Kann ich mit einem Menschen sprechen?")
    assert outcome.texts[0].startswith(DUESSELDORF)
    assert "weiter" in outcome.texts[1]
    assert QN.question("tools_cloud").text in outcome.texts[-1]
    assert not outcome.sets("tools_cloud")
    assert "handoff" in api.funnel


def test_the_contact_after_the_result_is_the_region_s():
    outcome = ask("Wie erreiche ich einen Ansprechpartner?", municipality="duesseldorf")
    assert outcome.texts[0].startswith(DUESSELDORF)
    handoff = run(HANDOFF, make_tracker("Ansprechpartner", result_slots(), form=None))
    assert "/start_check" not in handoff.payloads  # the check is done


def test_a_question_about_an_offering_that_the_model_took_for_a_handoff_is_answered():
    # The learned intent may read "Beratung" in an offering's title as a wish for a person.
    title = offering(1).title
    handoff = run(HANDOFF, make_tracker(f"Wer bietet {title} an?", result_slots(), form=None))
    assert offering(1).provider in handoff.texts[0]
    assert handoff.texts[-1] == "Was möchten Sie noch wissen?"
    # a real wish for a person after the result still gets the contact
    person = run(HANDOFF, make_tracker("Ich möchte mit einem Menschen sprechen", result_slots(),
                                       form=None))  # fmt: skip
    assert person.texts[0].startswith(KREIS)
