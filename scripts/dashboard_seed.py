"""Generated dashboard data: anonymised assessments and funnel events (bulk insert).

Used by the dashboard benchmark and the browser test; never for real data. Run from the repo
root with the API venv (DATABASE_URL selects the database; migrations run first):
  .venv-api/bin/python scripts/dashboard_seed.py --assessments 2000 --events 50000
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from api.core.codes import DIMENSIONS, MUNICIPALITIES, QUESTION_IDS, SECTORS  # noqa: E402
from api.models import (  # noqa: E402
    Assessment,
    AssessmentNeed,
    AssessmentRecommendation,
    BenchmarkSnapshot,
    FunnelEvent,
)
from api.services.catalogue import get_catalogue  # noqa: E402

CHUNK = 20_000
SIZE_WEIGHTS = {"1-9": 70, "10-49": 25, "50+": 5}


def clear(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in (
            AssessmentRecommendation,
            AssessmentNeed,
            Assessment,
            FunnelEvent,
            BenchmarkSnapshot,
        ):
            conn.execute(delete(table))


def _flush(engine: Engine, table: type, rows: list[dict]) -> None:
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(table), rows)
        rows.clear()


def seed_assessments(
    engine: Engine, n: int, months: int, rng: random.Random, pairs: float = 0.08
) -> None:
    """n assessments over the last `months` closed months; a share `pairs` of them are
    re-assessments linked to an earlier one (scores a little higher, most in the dimensions of
    the offerings recommended then)."""
    catalogue = get_catalogue()
    offering_ids = [o.id for o in catalogue.offerings if o.status != "closed"]
    need_codes = list(catalogue.need_titles)
    # Closed months only (statistics about assessments end with the last complete month).
    last_day = date.today().replace(day=1) - timedelta(days=1)
    sizes = list(SIZE_WEIGHTS)
    # the month only (its first day), as the service stores it; oldest first (links point back)
    days = sorted(
        (last_day - timedelta(days=rng.randrange(months * 30))).replace(day=1) for _ in range(n)
    )
    earlier: list[dict] = []
    chosen: dict[str, list[str]] = {}
    rows: list[dict] = []
    needs: list[dict] = []
    recs: list[dict] = []
    boundary, current = 0, None  # earlier[:boundary] are of months before `day`
    for day in days:
        rid = str(uuid.uuid4())
        if day != current:
            boundary, current = len(earlier), day
        before = earlier[max(0, boundary - 2000) : boundary]
        previous = rng.choice(before) if before and rng.random() < pairs else None
        if previous is None:
            base = rng.randint(10, 90)
            scores = {
                f"score_{d}": max(0, min(100, base + rng.randint(-25, 25))) for d in DIMENSIONS
            }
            coded = {
                "size_class": rng.choices(sizes, weights=list(SIZE_WEIGHTS.values()))[0],
                "sector": rng.choice(SECTORS),
                "municipality": rng.choice(MUNICIPALITIES),
            }
        else:
            helped = {d for oid in chosen[previous["id"]] for d in catalogue.by_id[oid].dimensions}
            scores = {
                f"score_{d}": max(
                    0,
                    min(
                        100,
                        previous[f"score_{d}"]
                        + rng.randint(-5, 12)
                        + (rng.randint(5, 15) if d in helped else 0),
                    ),
                )
                for d in DIMENSIONS
            }
            coded = {k: previous[k] for k in ("size_class", "sector", "municipality")}
        coded["completed_on"] = day
        overall = round(sum(scores.values()) / len(scores))
        row = {"id": rid, "channel": "rest", "overall": overall, **coded, **scores}
        row["recheck_hash"] = uuid.uuid4().hex + uuid.uuid4().hex if rng.random() < 0.3 else None
        row["previous_id"] = previous["id"] if previous else None
        rows.append(row)
        earlier.append(row)
        for code in rng.sample(need_codes, rng.randint(1, 3)):
            needs.append({"assessment_id": rid, "code": code, **coded})
        chosen[rid] = rng.sample(offering_ids, 3)
        for pos, oid in enumerate(chosen[rid], start=1):
            recs.append({"assessment_id": rid, "offering_id": oid, "position": pos})
        if len(rows) >= CHUNK:
            _flush(engine, Assessment, rows)
            _flush(engine, AssessmentNeed, needs)
            _flush(engine, AssessmentRecommendation, recs)
    _flush(engine, Assessment, rows)
    _flush(engine, AssessmentNeed, needs)
    _flush(engine, AssessmentRecommendation, recs)


def _conversation(rng: random.Random, questions: tuple[str, ...]) -> list[tuple]:
    """(event, question, occurrences, duration) rows of one generated conversation."""
    rows: list[tuple] = [("started", "", 1, None)]
    if rng.random() < 0.05:
        return [*rows, ("consent_refused", "", 1, None)]
    rows.append(("consent_given", "", 1, None))
    stop = len(questions) if rng.random() < 0.6 else rng.randrange(len(questions))
    # one message often answers several profile questions: those are never asked
    skipped = {"sector", "municipality"} if rng.random() < 0.3 else set()
    for q in questions[:stop]:
        if q in skipped:
            continue
        rows.append(("question_reached", q, 1, None))
        if rng.random() < 0.04:
            rows.append(("reask", q, rng.randint(1, 3), None))
    if rng.random() < 0.15:
        rows.append(("fallback", "", rng.randint(1, 4), None))
    if rng.random() < 0.05:
        rows.append(("handoff", "", 1, None))
    if stop == len(questions):
        rows.append(("completed", "", 1, rng.randint(4, 25)))
    return rows


def seed_events(engine: Engine, n_rows: int, months: int, rng: random.Random) -> int:
    questions = QUESTION_IDS
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    rows: list[dict] = []
    written = 0
    while written + len(rows) < n_rows:
        key = uuid.uuid4().hex
        hour = now - timedelta(hours=rng.randrange(months * 30 * 24))
        conversation = _conversation(rng, questions)
        reached = [q for e, q, _, _ in conversation if e == "question_reached"]
        furthest = max(reached, key=questions.index) if reached else None
        for event, question, occurrences, duration in conversation:
            rows.append(
                {
                    "conv_key": key,
                    "event": event,
                    "question": question,
                    "hour": hour,
                    "channel": rng.choice(("rest", "socketio", "telegram")),
                    "duration_minutes": duration,
                    "occurrences": occurrences,
                    # the started row carries the furthest question, as the service keeps it
                    "furthest": furthest if event == "started" else None,
                }
            )
        if len(rows) >= CHUNK:
            written += len(rows)
            _flush(engine, FunnelEvent, rows)
    written += len(rows)
    _flush(engine, FunnelEvent, rows)
    return written


def refresh_snapshots() -> None:
    """The published peer-benchmark snapshots, as the service refreshes them after records."""
    from api.core.db import SessionLocal
    from api.services.benchmark import refresh_benchmark

    with SessionLocal() as db:
        refresh_benchmark(db)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assessments", type=int, default=2000)
    parser.add_argument("--events", type=int, default=50_000, help="about this many event rows")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="do not delete existing rows first")
    args = parser.parse_args()

    from api.core.db import engine
    from api.core.migrate import upgrade_head

    upgrade_head()
    if not args.keep:
        clear(engine)
    rng = random.Random(args.seed)
    seed_assessments(engine, args.assessments, args.months, rng)
    events = seed_events(engine, args.events, args.months, rng)
    refresh_snapshots()
    print(f"seeded {args.assessments} assessments and {events} funnel events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
