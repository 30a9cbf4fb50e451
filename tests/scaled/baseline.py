"""An earlier commit of this repository as a third setup of the load benchmark.

Issue 12 sets its throughput target against "today's main" when the issue was filed, measured
side by side. ``prepare(ref)`` exports that commit (``git archive``, no worktree bookkeeping) to
``var/baseline/<sha>/``, links this checkout's two virtual environments into it and trains its
model with its own ``scripts/train_if_changed.sh`` (minutes the first time; cached afterwards).
``stack(tree, var_dir)`` returns a ``RunAll`` that starts the commit's own ``scripts/run_all.sh``
on free ports with fresh data: its ``endpoints.yml`` named a fixed action-server port, so the
exported copy is pointed at the port chosen here, and its action server is told where its API
runs (``API_URL``), so no call waits on a wrong port.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.scaled.stack import ROOT, RunAll

# main when issue 12 was filed (the last commit before the issues 8-13 round)
ISSUE_12_MAIN = "c0fd9d7"


def resolve(ref: str) -> str:
    return subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def prepare(ref: str) -> Path:
    """The exported, trained commit ``ref``; raises ``RuntimeError`` when that fails."""
    try:
        sha = resolve(ref)
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"unknown commit {ref!r} (a shallow clone lacks history)") from error
    tree = ROOT / "var" / "baseline" / sha[:12]
    done = tree / ".exported"
    if not done.exists():
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        archive = subprocess.Popen(["git", "archive", sha], cwd=ROOT, stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, check=True)
        if archive.wait() != 0:
            raise RuntimeError(f"git archive {sha} failed")
        done.write_text(sha + "\n", encoding="utf-8")
    for venv in (".venv-bot", ".venv-api"):
        link = tree / venv
        if not link.exists():
            link.symlink_to(ROOT / venv)
    print(f"Baseline {sha[:12]}: training its model if needed (minutes the first time) ...")
    trained = subprocess.run(
        ["bash", "scripts/train_if_changed.sh"], cwd=tree, capture_output=True, text=True
    )
    if trained.returncode != 0:
        raise RuntimeError(f"training the baseline failed:\n{trained.stdout[-2000:]}")
    return tree


def stack(tree: Path, var_dir: Path) -> RunAll:
    """A ``RunAll`` for the exported commit, on free ports, with its data reset."""
    runner = RunAll("default", var_dir, root=tree)
    ports = runner.ports
    endpoints = tree / "endpoints.yml"
    text = endpoints.read_text(encoding="utf-8")
    endpoints.write_text(
        re.sub(
            r"http://127\.0\.0\.1:\d+/webhook",
            f"http://127.0.0.1:{ports['ACTIONS_PORT']}/webhook",
            text,
        ),
        encoding="utf-8",
    )
    runner.extra_env["API_URL"] = f"http://127.0.0.1:{ports['API_PORT']}"
    # its run_all.sh keeps conversations and the API database below its own var/
    for data in ("rasa", "api", "data"):
        shutil.rmtree(tree / "var" / data, ignore_errors=True)
    for database in (tree / "var").glob("*.db*"):
        database.unlink()
    return runner
