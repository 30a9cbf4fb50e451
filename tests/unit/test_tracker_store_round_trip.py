"""PrivacySQLTrackerStore: a normal conversation round trips unchanged, as with the stock store.

Real DialogueStateTrackers saved and retrieved through the store on a real SQLite file and, with
TEST_DATABASE_URL_PG set, on PostgreSQL.
"""

from __future__ import annotations

import copy
import time

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet
from rasa.utils.endpoints import read_endpoint_config

from bot.privacy import tracker_store as ts
from tests.unit.retention_helpers import default_retention, round_event_clock, run  # noqa: F401 (autouse fixtures)
from tests.unit.tracker_store_helpers import (
    dicts,
    domain,
    interview_turns,
    play,
    session_start,
    user,
)

# --- a normal conversation is stored unchanged -------------------------------------------------


def test_normal_conversation_round_trips_unchanged(backend):
    store = backend.store()
    turns = interview_turns()
    tracker = run(play(store, "normal", turns))

    again = run(store.retrieve("normal"))
    assert dicts(again) == dicts(tracker)
    assert again.current_slot_values() == tracker.current_slot_values()
    assert again.current_slot_values()["sector"] == "handwerk"
    assert again.current_slot_values()["maturity"] == {"overall": 40, "dimensions": {"tools": None}}
    full = run(store.retrieve_full_tracker("normal"))
    assert dicts(full) == [event.as_dict() for events in turns for event in events]
    # like the stock store, retrieve starts at the latest SessionStarted
    assert dicts(full)[1:] == dicts(tracker)
    # a second store on the same database (a restart) sees the same
    assert dicts(run(backend.store().retrieve("normal"))) == dicts(tracker)


def test_second_session_is_retrieved_like_the_stock_store(backend):
    store = backend.store()
    run(play(store, "two-sessions", interview_turns(timestamp=time.time() - 3600)))
    turn = session_start() + [user("neu starten", "restart"), ActionExecuted("action_listen")]
    tracker = run(play(store, "two-sessions", [turn]))
    latest = run(store.retrieve("two-sessions"))
    assert [e["event"] for e in dicts(latest)][:2] == ["session_started", "action"]
    assert [e.text for e in latest.events if e.type_name == "user"] == ["neu starten"]
    assert dicts(latest)[-2:] == dicts(tracker)[-2:]
    assert len(dicts(run(store.retrieve_full_tracker("two-sessions")))) > len(dicts(latest))


def every_event_type():
    from datetime import datetime

    from rasa.shared.core import events as ev

    return session_start() + [
        user("Hallo", "greet", entities=[{"entity": "sector", "value": "handwerk"}]),
        ev.DefinePrevUserUtteredFeaturization(False),
        ev.EntitiesAdded([{"entity": "municipality", "value": "hilden"}]),
        BotUttered("Hallo!", {"buttons": None}, {"utter_action": "utter_greet"}),
        SlotSet("sector", "handwerk"),
        ev.Restarted(),
        ev.UserUtteranceReverted(),
        ev.AllSlotsReset(),
        ev.ReminderScheduled("remind", datetime(2027, 1, 1), name="r1", kill_on_user_message=False),
        ev.ReminderCancelled(name="r1"),
        ev.ActionReverted(),
        ev.StoryExported("story.yml"),
        ev.FollowupAction("interview_form"),
        ev.ConversationPaused(),
        ev.ConversationResumed(),
        ev.AgentUttered("agent", {"x": 1}),
        ev.ActiveLoop("interview_form"),
        ev.LegacyForm("interview_form"),
        ev.LoopInterrupted(True),
        ev.LegacyFormValidation(False),
        ev.ActionExecutionRejected("interview_form", "RulePolicy", 1.0),
        ActionExecuted("action_listen", "RulePolicy", 0.9, action_text=None),
        {"event": "topic", "topic": "legacy"},  # Rasa skips these; so do we
        {"no_event_key": True},
    ]


def test_event_deserialisation_matches_rasa():
    from rasa.shared.core.events import AlwaysEqualEventMixin, deserialise_events

    serialised = [e if isinstance(e, dict) else e.as_dict() for e in every_event_type()]
    ours = ts.deserialise_events(serialised)
    assert [type(e) for e in ours] == [type(e) for e in deserialise_events(serialised)]
    assert [e.as_dict() for e in ours] == [e.as_dict() for e in deserialise_events(serialised)]
    assert len(ours) == len(serialised) - 2

    class CustomEvent(AlwaysEqualEventMixin):  # an event class defined after the cache filled
        type_name = "digitalcheck_custom"

        def as_story_string(self) -> str:
            return self.type_name

    custom = CustomEvent(timestamp=1.0).as_dict()
    assert type(Event.from_parameters(custom)) is CustomEvent
    assert type(ts.deserialise_events([custom])[0]) is CustomEvent
    with pytest.raises(ValueError):
        ts.deserialise_events([{"event": "no_such_event"}])


def test_every_event_type_round_trips_as_with_the_stock_store(backend, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    stock = SQLTrackerStore(domain(), dialect="sqlite", db=str(tmp_path / "stock.db"))
    store = backend.store()
    # StoryExported is left out: applying it writes a story file
    events = [e for e in every_event_type() if isinstance(e, Event) and e.type_name != "export"]
    for target in (stock, store):
        run(play(target, "all-types", [copy.deepcopy(events)]))
    for method in ("retrieve", "retrieve_full_tracker"):
        ours = run(getattr(store, method)("all-types"))
        theirs = run(getattr(stock, method)("all-types"))
        assert dicts(ours) == dicts(theirs)
        assert ours.current_slot_values() == theirs.current_slot_values()
        assert ours.active_loop == theirs.active_loop
        assert ours.latest_message == theirs.latest_message
    stock.engine.dispose()


def test_created_from_endpoints_like_rasa_does(tmp_path, monkeypatch):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n"
        "  type: bot.privacy.tracker_store.PrivacySQLTrackerStore\n"
        "  dialect: sqlite\n"
        f'  db: "{tmp_path / "tracker.db"}"\n'
        "  purge_interval_seconds: 0\n"
    )
    store = TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"), domain())
    try:
        assert type(store) is ts.PrivacySQLTrackerStore  # async methods: no wrapper needed
        assert store.domain.slots
        assert (tmp_path / "tracker.db").exists()
    finally:
        store.close()
