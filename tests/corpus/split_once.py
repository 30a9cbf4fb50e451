"""Splits the raw corpus ONCE into a development half and a held-out half (already done).

Kept for the record of how the split was made: stratified by question (or profile kind) and
expected value, shuffled with a fixed seed, alternating halves. The held-out half is never used
for tuning or training; only `make bench` reads it. Running this again rewrites nothing unless
--force is given.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261127


def split(name: str, group_key) -> None:
    lines = (HERE / "raw" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    groups = defaultdict(list)
    for item in items:
        groups[group_key(item)].append(item)
    rng = random.Random(SEED)
    halves = {"dev": [], "heldout": []}
    flip = 0
    for key in sorted(groups, key=str):
        members = groups[key]
        rng.shuffle(members)
        for member in members:
            halves["dev" if flip % 2 == 0 else "heldout"].append(member)
            flip += 1
    for half, members in halves.items():
        members.sort(key=lambda m: m["id"])
        out = HERE / half / f"{name}.jsonl"
        out.parent.mkdir(exist_ok=True)
        out.write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in members), encoding="utf-8"
        )
        print(f"{out.relative_to(HERE)}: {len(members)}")


def main() -> int:
    if (HERE / "heldout").exists() and "--force" not in sys.argv:
        print("already split (use --force to redo)")
        return 0
    split("answers_a", lambda m: (m["slot"], m["expected"]))
    split("answers_b", lambda m: (m["slot"], m["expected"]))
    split("profile_c", lambda m: (m["kind"], m["asked"] in ("employees", "sector", "municipality")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
