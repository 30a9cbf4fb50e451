"""Several profile values in one message get one combined confirmation (issue 8, part 5).

The real validation action on real rasa_sdk Trackers: a correction of sector and town (or staff
count and town) in one message is asked once ("Habe ich Sie richtig verstanden: Branche „…“,
Ort „…“?"); yes applies every value, no keeps every known one; nothing is stored before.
"""

from __future__ import annotations

import pytest

from actions.asking import stored_answer_label
from actions.forms import ValidateInterviewForm
from tests.unit.action_helpers import QN, Dialogue, FakeApi, answered, finished

FORM = ValidateInterviewForm()
PROFILE_SLOTS = ("employees", "sector", "municipality")


@pytest.fixture(autouse=True)
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    return FakeApi().install(monkeypatch)


def untouched(outcome) -> bool:
    return not any(outcome.sets(slot) for slot in PROFILE_SLOTS)


COMBINED = [
    (
        "Korrektur: wir sind eigentlich ein Handelsbetrieb und sitzen in Haan",
        {"sector": "handel", "municipality": "haan"},
    ),
    (
        "Bitte ändern – Branche: Gastronomie, Ort: Mettmann",
        {"sector": "gastronomie", "municipality": "mettmann"},
    ),
    (
        "Hab mich vorhin vertan: wir sind 14 Leute und der Sitz ist Velbert",
        {"employees": 14, "municipality": "velbert"},
    ),
]


@pytest.mark.parametrize("text, values", COMBINED)
def test_several_corrections_in_one_message_are_confirmed_together(text, values):
    dialogue = Dialogue(FORM, answered("tools_cloud"), "tools_cloud")
    proposal = dialogue.say(text)
    assert untouched(proposal)
    assert proposal.slot("pending") == {"type": "profile", "values": values}
    items = ", ".join(
        (
            f"„{_label(slot, value)}“"
            if slot == "employees"
            else f"{QN.short_title(slot)} „{_label(slot, value)}“"
        )
        for slot, value in values.items()
    )
    assert proposal.texts == [f"Habe ich Sie richtig verstanden: {items}?"]
    assert proposal.payloads == ["/affirm", "/deny"]
    assert proposal.requested == "tools_cloud"
    assert not proposal.sets("tools_cloud")

    applied = dialogue.say("ja")
    for slot, value in values.items():
        assert applied.slot(slot) == value
        assert slot in applied.slot("changed")
    assert applied.slot("pending") is None
    assert applied.texts[0].startswith("Danke, geändert:")
    assert all(_label(slot, value) in applied.texts[0] for slot, value in values.items())
    assert applied.requested == "tools_cloud"
    assert QN.question("tools_cloud").text in applied.texts[-1]


def _label(slot, value):
    return stored_answer_label(QN, slot, value)


@pytest.mark.parametrize("text, values", COMBINED)
def test_no_to_a_combined_confirmation_keeps_every_known_value(text, values):
    dialogue = Dialogue(FORM, answered("tools_cloud"), "tools_cloud")
    before = {slot: dialogue.slots[slot] for slot in PROFILE_SLOTS}
    dialogue.say(text)
    kept = dialogue.say("nein")
    assert untouched(kept)
    assert {slot: dialogue.slots[slot] for slot in PROFILE_SLOTS} == before
    assert kept.texts[0].startswith("Gut, ich lasse es bei")
    assert kept.requested == "tools_cloud"


def test_the_yes_button_applies_a_combined_confirmation():
    dialogue = Dialogue(FORM, answered("security_backup"), "security_backup")
    dialogue.say("Moment, zwei Sachen stimmen nicht: Branche ist Bau, und wir sitzen in Erkrath.")
    applied = dialogue.say("/affirm")
    assert applied.slot("sector") == "bau"
    assert applied.slot("municipality") == "erkrath"


def test_a_combined_correction_in_the_read_back_is_confirmed_before_it_counts():
    dialogue = Dialogue(FORM, finished(), "answers_confirmed")
    proposal = dialogue.say("Passt, nur: Branche bitte auf Handel ändern und Ort ist Monheim")
    assert untouched(proposal)
    assert proposal.slot("pending") == {
        "type": "profile",
        "values": {"sector": "handel", "municipality": "monheim"},
    }
    assert not proposal.sets("answers_confirmed")
    applied = dialogue.say("ja")
    assert applied.slot("sector") == "handel"
    assert applied.slot("municipality") == "monheim"
    assert applied.requested == "answers_confirmed"
    assert any(t.startswith("Bitte prüfen Sie Ihre Antworten") for t in applied.texts)


def test_unsure_readings_of_two_empty_slots_are_confirmed_together():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    proposal = dialogue.say("So 10 bis 12 Leute, Sanitär und Heizung halt, in Hilden")
    assert not proposal.sets("employees")
    pending = proposal.slot("pending")
    assert pending["type"] == "profile"
    values = pending.get("values") or {pending["slot"]: pending["value"]}
    assert values.get("employees") == 11
    applied = dialogue.say("ja")
    for slot, value in values.items():
        assert applied.slot(slot) == value
    assert applied.texts[0].startswith("Danke, notiert:")
    assert not applied.sets("changed")


# ---- a staff count read two ways ("ich habe 4 Leute": 4, or 5 with the owner) ---------------


def test_i_have_n_staff_offers_both_readings():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    proposal = dialogue.say("Ich bin 56 und hab 4 Leute")
    assert not proposal.sets("employees")
    assert proposal.slot("pending") == {
        "type": "profile",
        "slot": "employees",
        "value": 4,
        "options": [4, 5],
    }
    assert "„4 Beschäftigte“" in proposal.texts[0] and "„5 Beschäftigte“" in proposal.texts[0]
    assert proposal.payloads == ["/affirm", '/inform{"employees":5}', "/deny"]


def test_yes_takes_the_count_as_written():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    dialogue.say("Ich bin 56 und hab 4 Leute")
    stored = dialogue.say("ja")
    assert stored.slot("employees") == 4
    assert stored.requested == "sector"


def test_the_other_button_takes_the_count_with_the_owner():
    dialogue = Dialogue(FORM, {"consent": True}, "employees")
    dialogue.say("Ich bin 56 und hab 4 Leute")
    stored = dialogue.say('/inform{"employees":5}')
    assert stored.slot("employees") == 5
    assert stored.slot("pending") is None
    assert stored.requested == "sector"


def test_the_other_button_at_a_correction_changes_the_known_count():
    dialogue = Dialogue(FORM, answered("tools_cloud"), "tools_cloud")
    proposal = dialogue.say("Korrektur zur Mitarbeiterzahl: ich habe 11 Angestellte")
    assert proposal.slot("pending")["options"] == [11, 12]
    applied = dialogue.say('/inform{"employees":12}')
    assert applied.slot("employees") == 12
    assert "employees" in applied.slot("changed")
    assert applied.requested == "tools_cloud"


def test_a_requested_change_of_the_staff_count_offers_both_readings():
    dialogue = Dialogue(FORM, answered("tools_cloud"), "tools_cloud")
    dialogue.say("Die Mitarbeiterzahl stimmt nicht")
    assert dialogue.requested == "employees"
    proposal = dialogue.say("ich habe 7 Angestellte")
    assert proposal.slot("pending")["options"] == [7, 8]
    applied = dialogue.say("ja")
    assert applied.slot("employees") == 7
    assert applied.requested == "tools_cloud"


# ---- a trade between two sectors ("Hörakustik": Handwerk or Gesundheit) -------------------


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Hörgeräteakustik", "handwerk", "gesundheit"),
        ("Wir sind eine Gebäudereinigung", "handwerk", "dienstleistung"),
        ("Tanzschule", "dienstleistung", "sonstiges"),
    ],
)
def test_a_trade_between_two_sectors_offers_both(text, first, second):
    dialogue = Dialogue(FORM, {"consent": True, "employees": 6}, "sector")
    proposal = dialogue.say(text)
    assert not proposal.sets("sector")
    assert proposal.slot("pending") == {
        "type": "profile",
        "slot": "sector",
        "value": first,
        "options": [first, second],
    }
    assert proposal.texts == [
        f"Habe ich Sie richtig verstanden: „{_label('sector', first)}“ "
        f"oder „{_label('sector', second)}“?"
    ]
    assert proposal.payloads == ["/affirm", f'/inform{{"sector":"{second}"}}', "/deny"]
    chosen = dialogue.say(f'/inform{{"sector":"{second}"}}')
    assert chosen.slot("sector") == second
    assert chosen.slot("pending") is None
    assert chosen.requested == "municipality"


def test_the_category_the_owner_names_decides_a_trade_between_two_sectors():
    dialogue = Dialogue(FORM, {"consent": True, "employees": 6}, "sector")
    stored = dialogue.say("Hörakustik, also eher Gesundheit")
    assert stored.slot("sector") == "gesundheit"
    assert stored.requested == "municipality"
