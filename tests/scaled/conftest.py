"""Session fixtures: `scripts/run_all.sh` in the default and in the scaled profile (2 Rasa
instances, nginx, Redis, PostgreSQL), started side by side on free ports with fresh data
directories below var/, stopped like Ctrl-C at the end."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Dict

import pytest

from tests.scaled.stack import ROOT, RunAll

MODEL = ROOT / "models" / "digitalcheck.tar.gz"


@pytest.fixture(scope="session")
def stacks() -> Dict[str, RunAll]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    (ROOT / "var").mkdir(exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="test-scaled-", dir=ROOT / "var"))
    base.chmod(0o755)  # the postgres and redis users keep their data below it
    running = {
        "default": RunAll("default", base / "default"),
        "scaled": RunAll("scaled", base / "scaled", scale=2),
    }
    errors = []

    def start(stack: RunAll) -> None:
        try:
            stack.start(timeout=600)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=start, args=(s,)) for s in running.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        if errors:
            pytest.fail(f"run_all.sh did not start: {errors[0]}")
        yield running
    finally:
        for stack in running.values():
            stack.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def default_stack(stacks) -> RunAll:
    return stacks["default"]


@pytest.fixture(scope="session")
def scaled_stack(stacks) -> RunAll:
    return stacks["scaled"]
