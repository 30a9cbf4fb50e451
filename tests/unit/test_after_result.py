"""After the result: ``action_answer_followup`` answers from the result and the catalogue
(offerings, scores, the printable page, corrections, topics). The contact of the owner's region
is in ``test_after_result_contacts.py``."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from contract.scoring import compute_maturity
from tests.unit.action_helpers import ANSWERS, PROFILE, QN, FakeApi, catalogue, make_tracker, run
from tests.unit.after_result_helpers import FOLLOWUP, RECOMMENDED, ask, offering, result_slots


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


# ---- offerings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, index",
    [("Was kostet Angebot 2?", 1), ("Und was kostet das zweite?", 1), ("Kosten von Nr 3?", 2)],
)
def test_the_cost_of_an_offering_by_number(text, index):
    outcome = ask(text)
    shown = offering(index)
    label = "Förderung" if shown.kind == "foerderung" else "Kosten"  # a grant's share is no cost
    assert outcome.texts[0] == f"{label} für „{shown.title}“: {shown.cost}"


def test_the_share_of_a_grant_is_called_funding_not_cost():
    grant = catalogue().get("mid_digitale_sicherheit")
    recommended = ["cyberrisikocheck", grant.id]
    outcome = run(
        FOLLOWUP,
        make_tracker(
            "Was kostet das zweite?", {**result_slots(), "recommendations": recommended}, form=None
        ),
    )
    assert outcome.texts[0] == f"Förderung für „{grant.title}“: {grant.cost}"


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
    for item in listed:
        assert dimension in item.dimensions and item.for_firms and item.recommendable
        assert item.eligibility.allows(
            PROFILE["employees"], PROFILE["sector"], PROFILE["municipality"], region
        )


def test_a_question_back_about_the_offering_just_described():
    """Black-box chats: "Mehr zu Angebot 1", then "Was kostet das?" was not understood."""
    first = ask(f'/ask_result{{"offering":"{RECOMMENDED[0]}"}}')
    assert first.slot("last_offering") == RECOMMENDED[0]
    outcome = ask("Was kostet das?", last_offering=RECOMMENDED[0])
    assert outcome.texts[0] == ask("Was kostet Angebot 1?").texts[0]


def test_what_a_score_means():
    assert "Gesamtwert" in ask("Was bedeutet 56? Ist das gut oder schlecht?").texts[0]
