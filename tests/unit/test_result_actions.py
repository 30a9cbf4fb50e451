"""``action_complete_assessment``: the result is computed once, after the read-back."""

from __future__ import annotations

import json
import re
from typing import Any, Dict

import pytest

from actions.result import ActionCompleteAssessment, strengths_and_gaps
from contract.codes import CHANNELS
from contract.questionnaire import load_needs
from contract.scoring import compute_maturity
from tests.unit.action_helpers import (
    ANSWERS,
    QN,
    SENDER,
    FakeApi,
    catalogue_ids,
    finished,
    make_tracker,
    run,
)

COMPLETE = ActionCompleteAssessment()
RECORD_FIELDS = {
    "size_class",
    "sector",
    "municipality",
    "channel",
    "scores",
    "overall",
    "needs",
    "recommended",
}


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def complete(channel: str = "rest", **slots: Any):
    values = finished(answers_confirmed=True, **slots)
    return run(COMPLETE, make_tracker("/affirm", values, form=None, channel=channel))


def scores_in(text: str) -> Dict[str, Any]:
    """Overall score and the score per dimension as the result text states them."""
    head = re.search(r"Ihr digitaler Reifegrad: (\d+) von 100 Punkten, Stufe „([^“]+)“", text)
    found: Dict[str, Any] = {
        "overall": int(head.group(1)) if head else None,
        "level": head.group(2) if head else None,
    }
    for dimension in QN.dimensions:
        match = re.search(rf"• {re.escape(dimension.title)}: (\d+|keine Angabe)", text)
        assert match, dimension.title
        found[dimension.id] = int(match.group(1)) if match.group(1).isdigit() else None
    return found


# ---- computed once -----------------------------------------------------------------------


def test_the_score_is_computed_with_the_contract_formula_and_stored(api):
    outcome = complete()
    expected = compute_maturity(QN, ANSWERS)
    assert outcome.slot("maturity") == expected
    assert outcome.slot("stage") == "result"
    assert outcome.slot("recommendations") == catalogue_ids()
    assert len(api.calls["recommend"]) == 1
    assert len(api.calls["log_assessment"]) == 1


def test_recommend_gets_profile_scores_answers_and_the_closing_wish(api):
    complete(support_need="e_rechnung")
    (call,) = api.calls["recommend"]
    assert call["employees"] == 9
    assert call["sector"] == "handwerk" and call["municipality"] == "hilden"
    assert call["scores"] == compute_maturity(QN, ANSWERS)["dimensions"]
    assert call["need"] == "e_rechnung"
    assert call["answers"] == ANSWERS


def test_without_a_closing_wish_no_need_is_sent(api):
    complete(support_need="none")
    assert api.calls["recommend"][0]["need"] is None


@pytest.mark.parametrize("channel", ["rest", "socketio", "telegram"])
def test_the_record_holds_only_coded_fields(api, channel):
    complete(channel=channel, support_need="ki")
    (record,) = api.calls["log_assessment"]
    maturity = compute_maturity(QN, ANSWERS)
    assert set(record) == RECORD_FIELDS | {"recheck_hash"}
    assert re.fullmatch(r"[0-9a-f]{64}", record["recheck_hash"])  # only the code's HMAC
    assert record["size_class"] == "1-9"
    assert record["sector"] == "handwerk" and record["municipality"] == "hilden"
    assert record["channel"] in CHANNELS and record["channel"] == channel
    assert record["scores"] == maturity["dimensions"]
    assert record["overall"] == maturity["overall"]
    assert set(record["needs"]) <= set(load_needs().codes) and "ki" in record["needs"]
    assert record["recommended"] == catalogue_ids()
    dumped = json.dumps(
        {k: v for k, v in record.items() if k != "recheck_hash"}, ensure_ascii=False
    )
    assert SENDER not in dumped
    assert "Hallo" not in dumped and "affirm" not in dumped  # no text of the conversation
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|\d{9,}", dumped)  # no time


def test_nothing_happens_without_a_confirmed_read_back(api):
    slots = finished(answers_confirmed=None)
    outcome = run(COMPLETE, make_tracker("ja", slots, form=None))
    assert outcome.events == [] and outcome.messages == []
    assert api.calls["recommend"] == [] and api.calls["log_assessment"] == []
    assert api.posted == []


def test_a_second_call_does_not_score_again(api):
    first = complete()
    slots = {**finished(answers_confirmed=True), **first.slots}
    outcome = run(COMPLETE, make_tracker("ja", slots, form=None))
    assert outcome.events == [] and outcome.messages == []
    assert len(api.calls["recommend"]) == 1 and len(api.calls["log_assessment"]) == 1


def test_a_stopped_interview_gets_no_result(api):
    slots = {"consent": True, **{s: None for s in QN.question_slots}}
    outcome = run(COMPLETE, make_tracker("ja", slots, form=None))
    assert outcome.events == [] and outcome.messages == []
    assert api.calls["log_assessment"] == []


# ---- the result text ---------------------------------------------------------------------

HIGH = {q.slot: QN.answer_ids(q.scale)[0] for q in QN.questions}
LOW = {q.slot: QN.answer_ids(q.scale)[-2] for q in QN.questions}
NO_SECURITY = {**ANSWERS, **{q.slot: "dont_know" for q in QN.questions_of("security")}}
ALL_DONT_KNOW = {slot: "dont_know" for slot in QN.question_slots}


@pytest.mark.parametrize(
    "answers",
    [ANSWERS, HIGH, LOW, NO_SECURITY, ALL_DONT_KNOW],
    ids=["mixed", "high", "low", "no-security", "all-dont-know"],
)
def test_the_result_text_states_the_numbers_of_compute_maturity(answers):
    expected = compute_maturity(QN, answers)
    outcome = complete(**answers)
    stated = scores_in(outcome.texts[0])
    assert stated["overall"] == expected["overall"]
    if expected["overall"] is None:
        assert "fehlen leider Antworten" in outcome.texts[0]
    level = QN.level_for(expected["overall"])
    assert stated["level"] == (level.title if level else None)
    for dimension_id, score in expected["dimensions"].items():
        assert stated[dimension_id] == score
    assert outcome.slot("maturity") == expected


def test_the_chart_text_and_strengths_use_the_same_numbers():
    outcome = complete()
    dimensions = compute_maturity(QN, ANSWERS)["dimensions"]
    chart = next(m for m in outcome.messages if m.get("image"))
    for dimension in QN.dimensions:
        assert f"{dimension.title} {dimensions[dimension.id]}" in chart["text"]
    assert "/api/charts/radar.png?a=" in chart["image"]
    details = next(t for t in outcome.texts if t.startswith("Ihre Stärken"))
    for title, number in re.findall(r"• ([^(]+) \((\d+)\)", details):
        dimension = next(d for d in QN.dimensions if d.title == title.strip())
        assert int(number) == dimensions[dimension.id]


def test_the_result_shows_the_offerings_the_print_link_and_follow_up_buttons():
    outcome = complete()
    offers = next(t for t in outcome.texts if t.startswith("Diese Angebote passen"))
    for number in range(1, len(catalogue_ids()) + 1):
        assert f"\n{number}. " in offers
    prints = [b for b in outcome.buttons if b.get("title") == "Ergebnis drucken"]
    assert prints and prints[0]["url"].startswith("http") and "/result?a=" in prints[0]["url"]
    assert f'/ask_result{{"offering":"{catalogue_ids()[0]}"}}' in outcome.payloads
    assert '/ask_result{"topic":"score"}' in outcome.payloads


def test_the_peer_benchmark_is_shown_when_the_api_publishes_one(api):
    api.peer = {
        "available": True,
        "overall": 47.6,
        "count_band": "5–9",
        "dimensions": {d: 50 for d in QN.dimension_ids},
    }
    outcome = complete()
    assert any("etwa 48 von 100 (aus 5–9 Checks)" in t for t in outcome.texts)
    chart = next(m for m in outcome.messages if m.get("image"))
    assert "peer_security=50" in chart["image"]
    assert api.calls["benchmark"][0] == {"size_class": "1-9", "sector": "handwerk"}


def test_large_firms_are_told_the_offerings_target_smaller_ones():
    outcome = complete(employees=120)
    assert any(t.startswith("Hinweis: Ihr Betrieb hat mehr als 50") for t in outcome.texts)
    assert not any(t.startswith("Hinweis") for t in complete(employees=12).texts)


def test_no_matching_offering_is_said_plainly(api):
    api.offerings = []
    outcome = complete()
    assert "kein passendes Angebot" in outcome.text
    assert outcome.slot("recommendations") == []


# ---- without the API ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "town, organisation",
    [
        ("hilden", "Wirtschaftsförderung Kreis Mettmann"),
        ("duesseldorf", "Wirtschaftsförderung der Landeshauptstadt Düsseldorf"),
    ],
)
def test_api_down_shows_the_score_and_the_region_s_contact(api, town, organisation):
    api.down()
    outcome = complete(municipality=town)
    expected = compute_maturity(QN, ANSWERS)
    assert scores_in(outcome.texts[0])["overall"] == expected["overall"]
    assert outcome.slot("maturity") == expected
    assert outcome.slot("recommendations") == []
    contact = next(t for t in outcome.texts if "Ihr Kontakt" in t)
    assert "nicht abrufen" in contact and f"Ihr Kontakt: {organisation}" in contact
    assert not any(m.get("image") for m in outcome.messages)  # no chart without the API
    assert not [b for b in outcome.buttons if b.get("title") == "Ergebnis drucken"]
    assert len(api.calls["log_assessment"]) == 1  # tried once, its failure is no crash


def test_weak_topics_are_no_strengths_and_a_full_score_needs_no_next_step():
    """Black-box chats: "Ihre Stärken … Strategie (33): Sie haben Digitalisierung verankert"
    and "nächster Schritt … IT-Sicherheit (100)"."""
    ids = [d.id for d in QN.dimensions]
    low = {"overall": 20, "dimensions": {k: 20 + i for i, k in enumerate(ids)}}
    text = strengths_and_gaps(QN, low, 5) or ""
    assert "Ihre Stärken" not in text and "nächste Schritt" in text
    high = {"overall": 95, "dimensions": {k: 100 - i for i, k in enumerate(ids)}}
    text = strengths_and_gaps(QN, high, 5) or ""
    assert "Ihre Stärken" in text and "nächste Schritt" not in text
    for _, score in re.findall(r"• ([^(]+) \((\d+)\)", text):
        assert int(score) >= QN.strong_from


def test_a_wish_no_offering_serves_is_named():
    from actions.followup import recommendation_messages

    offering = {
        "title": "T",
        "provider": "P",
        "summary": "S.",
        "cost": "kostenlos",
        "url": "https://x.example",
    }
    tracker = make_tracker("ja", {"support_need": "website_marketing"}, form=None)
    text = recommendation_messages([{**offering, "matches_need": False}], tracker)[0]["text"]
    assert "Zu Ihrem Wunsch „Website und Online-Marketing“ habe ich derzeit kein passendes" in text
    text = recommendation_messages([{**offering, "matches_need": True}], tracker)[0]["text"]
    assert "Zu Ihrem Wunsch" not in text
