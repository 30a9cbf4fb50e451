"""Load benchmark (`make bench-load`): the default single-process setup and the scaled profile,
side by side, driven with complete German interviews over the REST channel.

Each setup is started by scripts/run_all.sh on free ports with a fresh data directory (a running
`make run` is not disturbed) and measured in four phases:

1. one conversation at a time (p50/p95 per answer),
2. back-to-back: N conversations without think time (turns/s),
3. M simultaneous conversations with a think time between an owner's messages (p50/p95/p99),
4. resident memory: the largest sum over all the setup's processes seen during phases 2 and 3.

The driver (tests/scaled/driver.py) answers whatever the bot asks (buttons, consent, profile
questions) and counts interviews that reach the score, were cut by the end of a phase, or did not
finish (error or more than 80 turns).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_load_phases import Result, measure  # noqa: E402

from tests.scaled import baseline  # noqa: E402
from tests.scaled.stack import RunAll  # noqa: E402


def run_setup(name: str, profile: str, args: argparse.Namespace, base: Path) -> Optional[Result]:
    extra = {}
    if profile == "scaled":
        extra = {
            "ACTION_SERVERS": str(args.action_servers),
            "API_WORKERS": str(args.api_workers),
        }
    if name == "baseline":
        try:
            stack = baseline.stack(baseline.prepare(args.baseline), base / name)
        except RuntimeError as error:
            print(f"  baseline not measured: {error}", file=sys.stderr)
            return None
    else:
        stack = RunAll(profile, base / name, scale=args.scale, extra_env=extra)
    print(f"Starting the {name} setup ({stack.root.name}/scripts/run_all.sh) ...", flush=True)
    started = time.monotonic()
    try:
        stack.start(timeout=900)
    except RuntimeError as error:
        print(f"  {name} did not start: {error}", file=sys.stderr)
        return None
    try:
        start_seconds = time.monotonic() - started
        result = asyncio.run(measure(stack, name, args))
        result.start_seconds = start_seconds
        return result
    finally:
        print(f"  [{name}] stopping ...", flush=True)
        stack.stop()


def table(results: List[Result], args: argparse.Namespace) -> str:
    rows = [
        ("Start to ready (s)", lambda r: f"{r.start_seconds:.0f}"),
        (
            "1 conversation: p50 / p95 per answer (ms)",
            lambda r: f"{r.single.ms(50)} / {r.single.ms(95)}",
        ),
        (f"{args.b2b} back-to-back: throughput (turns/s)", lambda r: f"{r.b2b.throughput:.1f}"),
        (f"{args.b2b} back-to-back: p50 / p95 (ms)", lambda r: f"{r.b2b.ms(50)} / {r.b2b.ms(95)}"),
        (
            f"{args.think} × {args.think_time:g} s think: p50 / p95 / p99 (ms)",
            lambda r: f"{r.think.ms(50)} / {r.think.ms(95)} / {r.think.ms(99)}",
        ),
        (
            f"{args.think} × {args.think_time:g} s think: turns/s",
            lambda r: f"{r.think.throughput:.1f}",
        ),
        ("Errors (b2b + think)", lambda r: f"{r.b2b.errors + r.think.errors}"),
        (
            "Interviews finished / cut by phase end / not finished",
            lambda r: (
                f"{r.single.finished + r.b2b.finished + r.think.finished} / "
                f"{r.b2b.cut + r.think.cut} / "
                f"{r.single.unfinished + r.b2b.unfinished + r.think.unfinished}"
            ),
        ),
        ("Resident memory, sum of RSS (MB)", lambda r: f"{r.rss_kb / 1024:.0f}"),
        ("  (sum of PSS, shared pages counted once) (MB)", lambda r: f"{r.pss_kb / 1024:.0f}"),
        ("  processes", lambda r: f"{r.processes}"),
    ]
    width = max(len(label) for label, _ in rows) + 2
    cols = [f"{r.name}" for r in results]
    lines = ["Measure".ljust(width) + "".join(c.rjust(24) for c in cols)]
    lines.append("-" * len(lines[0]))
    for label, value in rows:
        lines.append(label.ljust(width) + "".join(value(r).rjust(24) for r in results))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--setups",
        default="baseline,default,scaled",
        help="baseline = the single process of commit --baseline, started by its own scripts",
    )
    parser.add_argument(
        "--baseline",
        default=os.environ.get("BASELINE") or baseline.ISSUE_12_MAIN,
        help="commit measured as the baseline (default: main when issue 12 was filed)",
    )
    parser.add_argument("--scale", type=int, default=int(os.environ.get("SCALE") or 2))
    parser.add_argument(
        "--action-servers", type=int, default=int(os.environ.get("ACTION_SERVERS") or 2)
    )
    parser.add_argument("--api-workers", type=int, default=int(os.environ.get("API_WORKERS") or 2))
    parser.add_argument("--single", type=int, default=3, help="interviews one at a time")
    parser.add_argument("--b2b", type=int, default=20, help="back-to-back conversations")
    parser.add_argument("--b2b-seconds", type=float, default=60)
    parser.add_argument("--think", type=int, default=50, help="simultaneous conversations")
    parser.add_argument("--think-time", type=float, default=2.0)
    parser.add_argument("--think-seconds", type=float, default=90)
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    args = parser.parse_args()

    load_before = os.getloadavg()
    (ROOT / "var").mkdir(exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="bench-load-", dir=ROOT / "var"))
    base.chmod(0o755)  # the postgres and redis users keep their data below it
    results: List[Result] = []
    try:
        for name in [s.strip() for s in args.setups.split(",") if s.strip()]:
            profile = "scaled" if name.startswith("scaled") else "default"
            label = f"scaled (N={args.scale})" if profile == "scaled" else "default (1 process)"
            if name == "baseline":
                label = f"{args.baseline[:7]} (1 process)"
            result = run_setup(name, profile, args, base)
            if result:
                result.name = label
                results.append(result)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if not results:
        return 1
    cores = os.cpu_count()
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print()
    print(
        f"Machine: {cores} cores, {memory_gb:.0f} GB RAM; load average before the run "
        f"{load_before[0]:.1f} / {load_before[1]:.1f} / {load_before[2]:.1f} (1/5/15 min; other "
        "jobs on the machine skew the numbers)."
    )
    if any("scaled" in r.name for r in results):
        print(
            f"Scaled profile: {args.scale} Rasa instances, {args.action_servers} action servers, "
            f"{args.api_workers} API workers, nginx, PostgreSQL, Redis; traffic through nginx."
        )
    print()
    print(table(results, args))
    for result in results:
        detail = result.b2b.error_detail or result.think.error_detail
        if detail:
            print(f"First error ({result.name}): {detail}")
    scaled = [r for r in results if "scaled" in r.name]
    default = [r for r in results if "default" in r.name]
    singles = [r for r in results if "scaled" not in r.name and r.b2b.throughput]
    if scaled:
        print()
        for single_process in singles:
            ratio = scaled[0].b2b.throughput / single_process.b2b.throughput
            target = (
                " (issue 12: ≥ 3× main when it was filed)" if single_process not in default else ""
            )
            print(f"Back-to-back throughput, scaled / {single_process.name}: {ratio:.2f}×{target}")
    if scaled:
        print(
            f"Scaled p95 at {args.think} × {args.think_time:g} s: {scaled[0].think.ms(95)} ms "
            "(target ≤ 300 ms)"
        )
    if default:
        print(
            f"Single process, one conversation: p95 {default[0].single.ms(95)} ms (target ≤ 100 ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
