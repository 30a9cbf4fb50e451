"""Benchmark the Digitalcheck API on loopback.

    .venv-api/bin/python scripts/bench_api.py                 # SQLite temp database
    DATABASE_URL=postgresql+psycopg://u:p@127.0.0.1:5432/d .venv-api/bin/python scripts/bench_api.py

1. starts uvicorn on a free port (migrations run on start);
2. POST /api/recommendations with 50 concurrent clients (httpx async), p50/p95;
3. bulk-inserts 100 000 generated assessment records (closed months) and times GET /api/stats
   and GET /api/benchmark (the benchmark's snapshots are refreshed once after the load).
WARNING: with DATABASE_URL set, the needs-log tables of that database are emptied first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, delete, insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.core.codes import DIMENSIONS, MUNICIPALITIES, SECTORS, SIZE_CLASSES  # noqa: E402
from api.models import (  # noqa: E402
    Assessment,
    AssessmentNeed,
    AssessmentRecommendation,
    BenchmarkSnapshot,
)

TOKEN = "bench-staff-token-0123456789"
SERVICE_TOKEN = "bench-service-token-0123456789"
NEED_CODES = [*DIMENSIONS, "foerdermittel", "e_rechnung", "ki", "cyberschutz", "datenschutz"]
OFFERING_IDS = ["cyberrisikocheck", "transferstelle_cybersicherheit", "bafa_unternehmensberatung"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def start_server(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "STAFF_TOKEN": TOKEN, "ENVIRONMENT": "local"}
    env["SERVICE_TOKEN"] = SERVICE_TOKEN
    cmd = [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit("API did not start")
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("API did not become healthy within 60 s")


def recommendation_body(rng: random.Random) -> dict:
    return {
        "profile": {
            "employees": rng.randint(1, 80),
            "sector": rng.choice(SECTORS),
            "municipality": rng.choice(MUNICIPALITIES),
        },
        "scores": {d: rng.choice([None, *range(0, 101, 5)]) for d in DIMENSIONS},
    }


async def bench_recommendations(base: str, clients: int, per_client: int, think_ms: float) -> dict:
    rng = random.Random(1)
    bodies = [recommendation_body(rng) for _ in range(200)]
    latencies: list[float] = []

    async def worker(offset: int) -> None:
        # One client (one keep-alive connection) per simulated user: a shared httpx pool
        # serialises on its lock and would measure the client, not the server.
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            (await client.post("/api/recommendations", json=bodies[offset])).raise_for_status()
            await ready.wait()
            for i in range(per_client):
                body = bodies[(offset * per_client + i) % len(bodies)]
                t0 = time.perf_counter()
                response = await client.post("/api/recommendations", json=body)
                latencies.append((time.perf_counter() - t0) * 1000)
                response.raise_for_status()
                if think_ms:
                    await asyncio.sleep(think_ms / 1000 * (0.5 + rng.random()))

    ready = asyncio.Event()
    tasks = [asyncio.create_task(worker(c)) for c in range(clients)]
    await asyncio.sleep(1.0)  # let every client connect and warm up
    t0 = time.perf_counter()
    ready.set()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - t0
    return {
        "n": len(latencies),
        "p50": pct(latencies, 0.5),
        "p95": pct(latencies, 0.95),
        "rps": len(latencies) / elapsed,
    }


def seed(url: str, n: int) -> float:
    rng = random.Random(2)
    engine = create_engine(url)
    start = date.today().replace(day=1) - timedelta(days=701)  # closed months only
    t0 = time.perf_counter()
    with engine.begin() as conn:
        for table in (AssessmentRecommendation, AssessmentNeed, Assessment, BenchmarkSnapshot):
            conn.execute(delete(table))
    for chunk_start in range(0, n, 10_000):
        rows, needs, recs = [], [], []
        for _ in range(min(10_000, n - chunk_start)):
            rid = str(uuid.uuid4())
            scores = {f"score_{d}": rng.choice([None, *range(0, 101)]) for d in DIMENSIONS}
            known = [v for v in scores.values() if v is not None]
            rows.append(
                {
                    "id": rid,
                    # the month only (its first day), as the service stores it
                    "completed_on": (start + timedelta(days=rng.randrange(700))).replace(day=1),
                    "size_class": rng.choices(SIZE_CLASSES, weights=(70, 25, 5))[0],
                    "sector": rng.choice(SECTORS),
                    "municipality": rng.choice(MUNICIPALITIES),
                    "channel": rng.choice(("rest", "socketio", "telegram")),
                    "overall": round(sum(known) / len(known)) if known else None,
                    **scores,
                }
            )
            coded = {
                k: rows[-1][k] for k in ("completed_on", "size_class", "sector", "municipality")
            }
            needs += [{"assessment_id": rid, "code": c, **coded} for c in rng.sample(NEED_CODES, 3)]
            recs += [
                {"assessment_id": rid, "offering_id": o, "position": p}
                for p, o in enumerate(OFFERING_IDS, 1)
            ]
        with engine.begin() as conn:
            conn.execute(insert(Assessment), rows)
            conn.execute(insert(AssessmentNeed), needs)
            conn.execute(insert(AssessmentRecommendation), recs)
    if engine.dialect.name == "sqlite":
        # A bulk load leaves a large write-ahead log behind; records that trickle in one by
        # one never do. Fold it into the database file, as a maintenance job would.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    if engine.dialect.name == "postgresql":
        # What autovacuum does after a bulk load: statistics and the visibility map
        # (index-only scans on the covering indexes).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("assessments", "assessment_needs", "assessment_recommendations"):
                conn.execute(text(f"VACUUM ANALYZE {table}"))
    from sqlalchemy.orm import Session

    from api.services.benchmark import refresh_benchmark

    with Session(engine) as db:  # what the service does after new records
        refresh_benchmark(db)
    engine.dispose()
    return time.perf_counter() - t0


def bench_get(base: str, path: str, params: dict, calls: int) -> dict:
    latencies = []
    with httpx.Client(base_url=base, timeout=30, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        c.get(path, params=params).raise_for_status()  # warm-up
        for _ in range(calls):
            t0 = time.perf_counter()
            c.get(path, params=params).raise_for_status()
            latencies.append((time.perf_counter() - t0) * 1000)
    return {"n": calls, "p50": pct(latencies, 0.5), "p95": pct(latencies, 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--per-client", type=int, default=40)
    parser.add_argument(
        "--think-ms",
        default="0,100,500",
        help="comma-separated pauses between a client's requests (0 = as fast as possible)",
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--stats-calls", type=int, default=20)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bench-api-")
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    backend = url.split(":", 1)[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(url, port)
    try:
        rows = []
        for think in (float(t) for t in args.think_ms.split(",")):
            rec = asyncio.run(bench_recommendations(base, args.clients, args.per_client, think))
            label = "no pause" if not think else f"~{think:.0f} ms pause"
            rows.append((f"POST /api/recommendations ({args.clients} clients, {label})", rec))
        seconds = seed(url, args.records)
        rows.append(
            ("GET /api/stats (no filter)", bench_get(base, "/api/stats", {}, args.stats_calls))
        )
        last = date.today().replace(day=1) - timedelta(days=1)
        first = (last - timedelta(days=200)).strftime("%Y-%m")
        filtered = {"sector": "handwerk", "month_from": first, "month_to": last.strftime("%Y-%m")}
        rows.append(
            (
                "GET /api/stats (sector + months)",
                bench_get(base, "/api/stats", filtered, args.stats_calls),
            )
        )
        bench_params = {"size_class": "1-9", "sector": "handel"}
        rows.append(
            (
                "GET /api/benchmark",
                bench_get(base, "/api/benchmark", bench_params, args.stats_calls),
            )
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        tmp.cleanup()

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nDigitalcheck API benchmark – database: {backend}, {os.cpu_count()} CPUs, loopback")
    print(f"load average at the end (1/5/15 min): {load} – other processes skew the numbers")
    print(f"seeded {args.records} assessment records in {seconds:.1f} s\n")
    print(f"{'endpoint':<56} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}")
    for name, r in rows:
        rps = f"{r['rps']:8.0f}" if "rps" in r else f"{'':>8}"
        print(f"{name:<56} {r['n']:>6} {r['p50']:>8.1f} {r['p95']:>8.1f} {rps}")


if __name__ == "__main__":
    main()
