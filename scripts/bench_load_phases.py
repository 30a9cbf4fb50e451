"""The measured phases of `make bench-load` (scripts/bench_load.py) against one started setup:
one conversation at a time, back-to-back, with think time, and the memory sampled meanwhile."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scaled.driver import Interview, percentile  # noqa: E402
from tests.scaled.stack import RunAll  # noqa: E402


@dataclass
class Phase:
    latencies: List[float] = field(default_factory=list)
    turns: int = 0
    errors: int = 0
    finished: int = 0
    cut: int = 0
    unfinished: int = 0
    seconds: float = 0.0
    error_detail: str = ""

    def add(self, interview: Interview) -> None:
        self.latencies += [t.latency for t in interview.turns if t.ok]
        self.turns += sum(1 for t in interview.turns if t.ok)
        self.errors += interview.errors
        if interview.error_detail and not self.error_detail:
            self.error_detail = interview.error_detail
        if interview.finished:
            self.finished += 1
        elif interview.cut:
            self.cut += 1
        else:
            self.unfinished += 1

    def ms(self, q: float) -> str:
        value = percentile(self.latencies, q)
        return "–" if value != value else f"{value * 1000:.0f}"

    @property
    def throughput(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0


@dataclass
class Result:
    name: str
    start_seconds: float = 0.0
    single: Phase = field(default_factory=Phase)
    b2b: Phase = field(default_factory=Phase)
    think: Phase = field(default_factory=Phase)
    rss_kb: int = 0
    pss_kb: int = 0
    processes: int = 0


def client() -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    return httpx.AsyncClient(timeout=httpx.Timeout(120.0), limits=limits)


async def sample_memory(stack: RunAll, result: Result, stop: asyncio.Event) -> None:
    while not stop.is_set():
        # PSS only for a new maximum: reading smaps_rollup of every process every 2 s cost the
        # driver (on the same cores as the services) ~10 % of its CPU
        memory = await asyncio.to_thread(stack.memory_kb, result.rss_kb)
        if memory["rss"] > result.rss_kb:
            result.rss_kb, result.pss_kb = memory["rss"], memory["pss"]
            result.processes = memory["processes"]
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=2)


async def single(url: str, count: int, tag: str) -> Phase:
    phase = Phase()
    started = time.monotonic()
    async with client() as http:
        for index in range(count):
            interview = Interview(sender=f"{tag}-single-{index}", targets=[url], seed=index)
            await interview.run(http)
            phase.add(interview)
    phase.seconds = time.monotonic() - started
    return phase


async def loop_interviews(
    url: str, workers: int, seconds: float, think: float, tag: str, stagger: float = 0.0
) -> Phase:
    """``workers`` owners, each starting a new interview when one ends, until ``seconds``."""
    phase = Phase()
    deadline = time.monotonic() + seconds

    async def worker(index: int, http: httpx.AsyncClient) -> None:
        if stagger:
            await asyncio.sleep(stagger * index / workers)
        round_ = 0
        while time.monotonic() < deadline:
            interview = Interview(
                sender=f"{tag}-{index}-{round_}",
                targets=[url],
                seed=index * 1000 + round_,
                think_time=think,
                deadline=deadline,
            )
            await interview.run(http)
            phase.add(interview)
            round_ += 1

    started = time.monotonic()
    async with client() as http:
        await asyncio.gather(*(worker(i, http) for i in range(workers)))
    phase.seconds = time.monotonic() - started
    return phase


async def measure(stack: RunAll, name: str, args: argparse.Namespace) -> Result:
    result = Result(name)
    url = stack.public_url
    tag = f"bench-{name}-{os.getpid()}"
    # Warm-up (not measured): the first turns of a fresh process build TensorFlow graphs.
    await single(url, 1, f"{tag}-warm")
    print(f"  [{name}] one conversation at a time ...", flush=True)
    result.single = await single(url, args.single, tag)
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(stack, result, stop))
    print(
        f"  [{name}] {args.b2b} back-to-back conversations for {args.b2b_seconds:.0f} s ...",
        flush=True,
    )
    result.b2b = await loop_interviews(url, args.b2b, args.b2b_seconds, 0.0, f"{tag}-b2b")
    print(
        f"  [{name}] {args.think} conversations, {args.think_time:g} s think time, "
        f"{args.think_seconds:.0f} s ...",
        flush=True,
    )
    result.think = await loop_interviews(
        url, args.think, args.think_seconds, args.think_time, f"{tag}-think", args.think_time
    )
    stop.set()
    await sampler
    return result
