"""Starts ``scripts/run_all.sh`` (default or scaled profile) on free ports with its own data
directory, and stops it again. Used by the load benchmark and the scaled tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[2]
READY_LINE = "Press Ctrl-C to stop."


def free_ports(count: int) -> List[int]:
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for sock in sockets:
            sock.close()


def port_open(port: int) -> bool:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def still_running(pids: List[int], wait: float = 10.0) -> List[int]:
    """The pids that are still alive (not zombies) after up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        alive = []
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
                    state = handle.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                alive.append(pid)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.5)


def _children() -> Dict[int, List[int]]:
    tree: Dict[int, List[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> List[int]:
    tree = _children()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, []))
    return found


def _status_kb(pid: int, field_name: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class RunAll:
    """One ``scripts/run_all.sh`` with ``profile`` in ``var_dir`` (fresh data, own ports)."""

    profile: str
    var_dir: Path
    scale: int = 2
    extra_env: Dict[str, str] = field(default_factory=dict)
    root: Path = ROOT  # the checkout whose run_all.sh runs (another one for a baseline)
    process: Optional[subprocess.Popen] = None
    ports: Dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.var_dir = Path(self.var_dir).resolve()
        free = iter(free_ports(16))
        self.ports = {"RASA_PORT": next(free), "ACTIONS_PORT": next(free), "API_PORT": next(free)}
        if self.profile == "scaled":
            self.ports.update(
                RASA_PORTS=[next(free) for _ in range(self.scale)],
                ACTION_SERVER_PORTS=[
                    next(free) for _ in range(int(self.extra_env.get("ACTION_SERVERS", "2")))
                ],  # fmt: skip
                PUBLIC_PORT=next(free),
                REDIS_PORT=next(free),
                PG_PORT=next(free),
            )

    @property
    def log(self) -> Path:
        return self.var_dir / "run_all.out"

    @property
    def rasa_urls(self) -> List[str]:
        ports = self.ports.get("RASA_PORTS") or [self.ports["RASA_PORT"]]
        return [f"http://127.0.0.1:{port}" for port in ports]

    @property
    def public_url(self) -> str:
        """Where owners' messages arrive: nginx (scaled) or the Rasa server (default)."""
        if self.profile == "scaled":
            return f"http://127.0.0.1:{self.ports['PUBLIC_PORT']}"
        return self.rasa_urls[0]

    @property
    def token(self) -> str:
        return (self.var_dir / "secrets" / "RASA_TOKEN").read_text(encoding="utf-8").strip()

    def env(self) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("RASA_TOKEN", "DATABASE_URL")}
        env.update(PROFILE=self.profile, VAR_DIR=str(self.var_dir), SCALE=str(self.scale))
        env.pop("ALLOWED_ORIGINS", None)
        for key, value in self.ports.items():
            env[key] = " ".join(map(str, value)) if isinstance(value, list) else str(value)
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 600) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["bash", str(self.root / "scripts" / "run_all.sh")],
            cwd=self.root,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # our own process group: stop() ends exactly what we started
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if READY_LINE in self.log.read_text(encoding="utf-8", errors="replace"):
                return
            if self.process.poll() is not None:
                break
            time.sleep(1)
        output = self.log.read_text(encoding="utf-8", errors="replace")
        self.stop()
        raise RuntimeError(f"run_all.sh ({self.profile}) did not come up:\n{output[-4000:]}")

    def pids(self) -> List[int]:
        if not self.process or self.process.poll() is not None:
            return []
        return descendants(self.process.pid)

    def memory_kb(self, pss_above_rss_kb: int = -1) -> Dict[str, int]:
        """Sum of resident memory (RSS) and of proportional set size (PSS) of all processes.

        PSS (``smaps_rollup``, costly for the kernel with large processes) is read only when
        the RSS sum exceeds ``pss_above_rss_kb``; otherwise it is reported as 0."""
        pids = self.pids()
        rss = sum(_status_kb(pid, "VmRSS") for pid in pids)
        pss = sum(_pss_kb(pid) for pid in pids) if rss > pss_above_rss_kb else 0
        return {"rss": rss, "pss": pss, "processes": len(pids)}

    def stop(self, timeout: float = 90) -> None:
        """Like Ctrl-C: run_all.sh stops its services in order; then its process group is gone."""
        if not self.process:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # what Ctrl-C sends
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # leftovers of our own group only
        self.process = None
        # Service directories outside var_dir (used when the postgres/redis users cannot reach
        # var_dir, e.g. below a private temporary directory).
        key = hashlib.md5(str(self.var_dir).encode()).hexdigest()[:8]
        for fallback in (
            f"/var/lib/postgresql/digitalcheck-{key}",
            f"/var/lib/redis/digitalcheck-{key}",
        ):
            shutil.rmtree(fallback, ignore_errors=True)
