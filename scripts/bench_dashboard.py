"""Dashboard benchmark: every aggregate over 100 000 assessments and 1 000 000 funnel events.

  .venv-api/bin/python scripts/bench_dashboard.py                     # SQLite temp file
  DATABASE_URL=postgresql://... .venv-api/bin/python scripts/bench_dashboard.py
Options: --assessments, --events, --runs, --no-seed (reuse the data already loaded).
Target: every aggregate <= 300 ms (p95) on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench-dashboard.db"

from sqlalchemy import text  # noqa: E402

from api.core.db import SessionLocal, engine  # noqa: E402
from api.core.migrate import upgrade_head  # noqa: E402
from api.services.catalogue import get_catalogue  # noqa: E402
from api.services.dashboard import assess, funnel_stats, gaps, rechecks  # noqa: E402
from api.services.dashboard.build import build_dashboard  # noqa: E402
from api.services.guard import PAIRS, Guard, guard_for, load_cube  # noqa: E402
from api.services.period import DashboardFilters, month_label  # noqa: E402

TARGET_MS = 300


def aggregates(f: DashboardFilters) -> dict:
    catalogue = get_catalogue()
    titles = catalogue.need_titles

    def guard_of(db):
        return Guard(load_cube(db), f.period)

    def gaps_cold(db):
        gaps._cache.clear()  # noqa: SLF001 - measure loading the cubes and building the guards
        return gaps.gap_tables(db, f, guard_of(db), True, catalogue)

    return {
        "events: overview counts": lambda db: funnel_stats.event_counts(db, f),
        "events: median duration": lambda db: funnel_stats.median_duration(db, f),
        "events: funnel per question": lambda db: funnel_stats.funnel_table(db, f, 1000),
        "events: re-asks": lambda db: funnel_stats.reask_table(db, f),
        "events: trend per month": lambda db: funnel_stats.monthly_events(db, f),
        "suppression cube + check": lambda db: guard_of(db).safe(f.profile),
        "maturity distribution": lambda db: assess.maturity(db, f),
        "by size class (+checks)": lambda db: assess.breakdown(db, f, guard_of(db), "size_class"),
        "by sector (+checks)": lambda db: assess.breakdown(db, f, guard_of(db), "sector"),
        "by municipality (+checks)": lambda db: assess.breakdown(
            db, f, guard_of(db), "municipality"
        ),
        "top needs": lambda db: assess.top_needs(db, f, titles),
        "recommended offerings": lambda db: assess.offerings(db, f, {}),
        "assessments: trend per month": lambda db: assess.monthly(db, f, guard_of(db)),
        "gaps: cold (28 cubes + guards)": gaps_cold,
        "gaps: cached guards": lambda db: gaps.gap_tables(
            db, f, guard_for(db, f.period), True, catalogue
        ),
        "re-checks: pair cube + check": lambda db: Guard(load_cube(db, None, PAIRS), f.period).safe(
            f.profile
        ),
        "re-checks: change + offerings": lambda db: (
            rechecks.change_table(db, f, True),
            rechecks.offerings_table(db, f, catalogue, True),
        ),
        "whole dashboard (all of the above)": lambda db: build_dashboard(db, f),
    }


def measure(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs + 1):
        with SessionLocal() as db:
            start = time.perf_counter()
            fn(db)
            times.append((time.perf_counter() - start) * 1000)
    times = sorted(times[1:])  # first run warms caches
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assessments", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-seed", action="store_true")
    args = parser.parse_args()
    import random

    import dashboard_seed

    dialect = engine.dialect.name
    upgrade_head()
    if not args.no_seed:
        start = time.perf_counter()
        dashboard_seed.clear(engine)
        rng = random.Random(5)
        dashboard_seed.seed_assessments(engine, args.assessments, 24, rng)
        events = dashboard_seed.seed_events(engine, args.events, 24, rng)
        print(f"seeded {args.assessments} assessments, {events} events on {dialect} "
              f"in {time.perf_counter() - start:.0f} s")  # fmt: skip
    if dialect == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    with SessionLocal() as db:
        months = sorted({k[0] for k in load_cube(db)})
    recent = month_label(months[-6])
    scenarios = {
        "no filter": DashboardFilters(),
        f"sector=handwerk, from {recent}": DashboardFilters(sector="handwerk", month_from=recent),
    }
    worst = 0.0
    for name, f in scenarios.items():
        print(f"\n{dialect}, {name} ({args.runs} runs)\n{'aggregate':38} p50 ms   p95 ms")
        for label, fn in aggregates(f).items():
            p50, p95 = measure(fn, args.runs)
            if not label.startswith("whole"):
                worst = max(worst, p95)
            print(f"{label:38} {p50:7.1f}  {p95:7.1f}")
    print(f"\nslowest single aggregate p95: {worst:.1f} ms (target {TARGET_MS} ms on PostgreSQL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
