"""Correctness under concurrency (issue 12): several complete interviews at once through the
scaled profile (2 Rasa instances sharing the Redis lock store and the PostgreSQL tracker store,
nginx in front), each conversation's messages alternating between instance 1, instance 2 and
nginx. Afterwards every tracker must hold every answer exactly once, in order, and the score
must be the one the rubric gives for the answers sent."""

from __future__ import annotations

import asyncio
from typing import Dict, List

import httpx

from contract.questionnaire import load_questionnaire
from contract.scoring import compute_maturity
from tests.scaled.driver import SCORE, Interview
from tests.scaled.stack import RunAll, port_open, still_running

QN = load_questionnaire()
CONVERSATIONS = 8


async def run_interviews(stack: RunAll, count: int) -> List[Interview]:
    targets = stack.rasa_urls + [stack.public_url]
    interviews = []
    for index in range(count):
        rotation = index % len(targets)  # conversations start on different doors
        interviews.append(
            Interview(
                sender=f"concurrency-{index}-{stack.ports['PUBLIC_PORT']}",
                targets=targets[rotation:] + targets[:rotation],
                seed=4242 + index,
            )
        )
    limits = httpx.Limits(max_connections=50)
    async with httpx.AsyncClient(timeout=httpx.Timeout(180.0), limits=limits) as client:
        await asyncio.gather(*(interview.run(client) for interview in interviews))
    return interviews


def tracker(stack: RunAll, sender: str, index: int) -> Dict:
    url = stack.rasa_urls[index % len(stack.rasa_urls)]
    response = httpx.get(
        f"{url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=60
    )
    response.raise_for_status()
    return response.json()


def first_set_order(events: List[Dict], slots: List[str]) -> List[str]:
    order: List[str] = []
    for event in events:
        name = event.get("name")
        is_set = event.get("event") == "slot" and event.get("value") is not None
        if is_set and name in slots and name not in order:
            order.append(name)
    return order


def test_concurrent_interviews_across_instances_are_exact(scaled_stack):
    interviews = asyncio.run(run_interviews(scaled_stack, CONVERSATIONS))
    question_slots = [q.slot for q in QN.questions]
    used_targets = set()
    for index, interview in enumerate(interviews):
        name = interview.sender
        assert interview.errors == 0, f"{name}: {interview.error_detail}"
        assert interview.finished, f"{name} did not reach the score:\n{interview.last_text}"
        used_targets |= {turn.target for turn in interview.turns}

        # The answers the driver sent, by question slot (button payloads: unambiguous).
        expected = {
            question_slots[number - 1]: choice for number, choice in interview.answers.items()
        }
        assert set(expected) == set(question_slots), f"{name}: not every question was answered"

        assert interview.conversation_id, f"{name}: no recipient_id in the replies"
        state = tracker(scaled_stack, interview.conversation_id, index)
        events = state["events"]
        user_texts = [e.get("text") for e in events if e.get("event") == "user"]
        # Every message exactly once, in the order sent: none lost, duplicated or reordered.
        assert user_texts == interview.sent, name

        slots = state["slots"]
        for slot, choice in expected.items():
            assert slots.get(slot) == choice, (name, slot, slots.get(slot), choice)
        assert first_set_order(events, question_slots) == question_slots, name

        maturity = compute_maturity(QN, expected)
        assert slots.get("maturity") == maturity, (name, slots.get("maturity"), maturity)
        shown = SCORE.search(interview.final_text)
        assert shown and int(shown.group(1)) == maturity["overall"], interview.final_text
        level = {level.id: level for level in QN.levels}[maturity["level"]]
        assert level.title in interview.final_text, (name, level.title)

    # Both instances and nginx really served messages.
    assert used_targets == set(scaled_stack.rasa_urls + [scaled_stack.public_url])


def test_zz_ctrl_c_stops_the_whole_scaled_profile(scaled_stack):
    """Ctrl-C (SIGINT) ends nginx, the instances, the action servers, the API, Redis and
    PostgreSQL: no process and no listening port is left."""
    from tests.scaled.test_closed_by_default import ports_of

    pids = scaled_stack.pids()
    assert len(pids) >= 10
    scaled_stack.stop()
    assert not still_running(pids)
    assert not [port for port in ports_of(scaled_stack) if port_open(port)]
