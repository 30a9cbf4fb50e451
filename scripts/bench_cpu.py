"""CPU per turn, per process kind: starts ``scripts/run_all.sh`` (default or scaled profile) on
free ports with fresh data, drives complete German interviews over the REST channel and reads
every process's CPU time (``/proc/<pid>/stat``, user + system) before and after.

CPU time, unlike wall time, does not depend on what else runs on the machine, so this is the
number to compare between changes on a busy machine. Usage:

    .venv-bot/bin/python scripts/bench_cpu.py [--profile default|scaled] [--interviews 6]
        [--parallel 1] [--keep-running]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scaled.driver import Interview  # noqa: E402
from tests.scaled.stack import RunAll  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def kind_of(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            cmd = handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    if "rasa_sdk" in cmd:
        return "actions"
    if "rasa run" in cmd or "/rasa run" in cmd or cmd.split(" ")[1:2] == ["run"]:
        return "rasa"
    if "uvicorn" in cmd or "multiprocessing" in cmd:
        return "api"
    for name in ("postgres", "nginx", "redis"):
        if name in cmd:
            return name
    return "other"


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the process itself plus its waited-for children."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # fields[0] is the state (field 3); utime, stime, cutime, cstime are fields 14-17
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / TICK


def start_spies(py_spy: str, stack: RunAll) -> List[subprocess.Popen]:
    out = ROOT / "var" / "profile"
    out.mkdir(parents=True, exist_ok=True)
    spies = []
    for pid in stack.pids():
        kind = kind_of(pid)
        if kind in ("rasa", "actions", "api"):
            spies.append(
                subprocess.Popen(
                    [py_spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "250",
                     "--output", str(out / f"{kind}-{pid}.txt")],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )  # fmt: skip
    time.sleep(2)
    return spies


def snapshot(stack: RunAll) -> Dict[int, Tuple[str, float]]:
    return {pid: (kind_of(pid), cpu_seconds(pid)) for pid in stack.pids()}


def by_kind(
    before: Dict[int, Tuple[str, float]], after: Dict[int, Tuple[str, float]]
) -> Dict[str, float]:
    totals: Dict[str, float] = defaultdict(float)
    for pid, (kind, seconds) in after.items():
        totals[kind] += seconds - before.get(pid, (kind, 0.0))[1]
    return dict(totals)


async def drive(url: str, interviews: int, parallel: int, tag: str) -> Tuple[int, int, int]:
    turns = errors = finished = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(interviews):
        queue.put_nowait(index)

    async def worker(http: httpx.AsyncClient) -> None:
        nonlocal turns, errors, finished
        while not queue.empty():
            index = queue.get_nowait()
            interview = Interview(sender=f"{tag}-{index}", targets=[url], seed=index)
            await interview.run(http)
            turns += sum(1 for t in interview.turns if t.ok)
            errors += interview.errors
            finished += int(interview.finished)

    async with httpx.AsyncClient(timeout=120.0) as http:
        await asyncio.gather(*(worker(http) for _ in range(parallel)))
    return turns, errors, finished


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default="default", choices=["default", "scaled"])
    parser.add_argument("--scale", type=int, default=2)
    parser.add_argument("--interviews", type=int, default=6)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1, help="measure this many times")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for run_all.sh")
    parser.add_argument(
        "--py-spy",
        metavar="PY_SPY",
        help="path to a py-spy binary: records each Python service during the last round "
        "(collapsed stacks in var/profile/<kind>-<pid>.txt)",
    )
    args = parser.parse_args()

    (ROOT / "var").mkdir(exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="bench-cpu-", dir=ROOT / "var"))
    base.chmod(0o755)  # nginx's, PostgreSQL's and Redis's users keep their files below it
    extra = dict(item.split("=", 1) for item in args.env)
    stack = RunAll(args.profile, base / args.profile, scale=args.scale, extra_env=extra)
    print(f"Starting scripts/run_all.sh PROFILE={args.profile} ...", flush=True)
    try:
        stack.start(timeout=900)
        tag = f"cpu-{os.getpid()}"
        asyncio.run(drive(stack.public_url, 1, 1, f"{tag}-warm"))  # warm-up, not measured
        for round_ in range(args.rounds):
            spies = []
            if args.py_spy and round_ == args.rounds - 1:
                spies = start_spies(args.py_spy, stack)
            before = snapshot(stack)
            started = time.monotonic()
            turns, errors, finished = asyncio.run(
                drive(stack.public_url, args.interviews, args.parallel, f"{tag}-{round_}")
            )
            wall = time.monotonic() - started
            totals = by_kind(before, snapshot(stack))
            for spy in spies:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=60)
            total = sum(totals.values())
            print(
                f"\nRound {round_ + 1}: {turns} turns, {finished}/{args.interviews} interviews "
                f"finished, {errors} errors, {wall:.1f} s wall, load {os.getloadavg()[0]:.1f}"
            )
            print(f"{'process':<10} {'CPU s':>8} {'ms/turn':>8}")
            for kind, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
                print(f"{kind:<10} {seconds:8.2f} {seconds * 1000 / max(turns, 1):8.1f}")
            print(f"{'total':<10} {total:8.2f} {total * 1000 / max(turns, 1):8.1f}")
            print(
                f"CPU-bound ceiling on {os.cpu_count()} cores: "
                f"{os.cpu_count() * max(turns, 1) / max(total, 1e-9):.1f} turns/s"
            )
    finally:
        stack.stop()
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
