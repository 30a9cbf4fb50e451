"""Starts the real action server, API and Rasa server for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

ROOT = Path(__file__).resolve().parents[2]
BOT_VENV = ROOT / ".venv-bot"
API_VENV = ROOT / ".venv-api"
MODEL = ROOT / "models" / "digitalcheck.tar.gz"
TOKEN = "e2e-secret-token"
SERVICE_TOKEN = "e2e-service-token"
STAFF_TOKEN = "e2e-staff-token"


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=1).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not up after {timeout}s:\n{log.read_text()[-3000:]}")


@dataclass
class Stack:
    workdir: Path
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    with_api: bool = True
    model: Path = MODEL
    # Optional extras (browser and Telegram tests): more environment variables for every
    # process and more arguments for `rasa run` (e.g. ["--cors", "*"]).
    extra_env: Dict[str, str] = field(default_factory=dict)
    rasa_args: List[str] = field(default_factory=list)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def env(self) -> Dict[str, str]:
        env = dict(os.environ)
        env.update(
            TF_CPP_MIN_LOG_LEVEL="2",
            SQLALCHEMY_SILENCE_UBER_WARNING="1",
            RASA_TELEMETRY_ENABLED="false",
            TQDM_DISABLE="1",
            SANIC_HOST="127.0.0.1",
            PYTHONPATH=str(ROOT),
            API_URL=self.api_url,
            API_TIMEOUT="2",
            DATABASE_URL=f"sqlite:///{self.workdir / 'api.db'}",
            STAFF_TOKEN=STAFF_TOKEN,
            SERVICE_TOKEN=SERVICE_TOKEN,
            # Generated secrets (channel keys, ...) stay inside this stack's folder.
            SECRETS_DIR=str(self.workdir / "secrets"),
        )
        env.update(self.extra_env)
        return env

    def _start(self, name: str, cmd: List[str]) -> subprocess.Popen:
        log = self.workdir / f"{name}.log"
        process = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env(), stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        self.processes[name] = process
        return process

    def start_actions(self) -> None:
        cmd = [str(BOT_VENV / "bin" / "python"), "-m", "rasa_sdk", "--actions", "actions"]
        process = self._start("actions", cmd + ["-p", str(self.actions_port)])
        url = f"http://127.0.0.1:{self.actions_port}/health"
        wait_until_up(url, 60, process, self.workdir / "actions.log")

    def start_api(self) -> None:
        if not (API_VENV / "bin" / "uvicorn").exists() or not (ROOT / "api" / "main.py").exists():
            self.with_api = False
            return
        cmd = [str(API_VENV / "bin" / "uvicorn"), "api.main:app", "--host", "127.0.0.1"]
        process = self._start("api", cmd + ["--port", str(self.api_port)])
        wait_until_up(f"{self.api_url}/health", 60, process, self.workdir / "api.log")

    def stop_api(self) -> None:
        self._stop("api")

    def start_rasa(self) -> None:
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{self.actions_port}/webhook"\n'
            "tracker_store:\n  type: bot.privacy.tracker_store.PrivacySQLTrackerStore\n"
            "  dialect: sqlite\n"
            f'  db: "{self.workdir / "tracker.db"}"\n'
        )
        cmd = [
            str(BOT_VENV / "bin" / "rasa"), "run", "--enable-api", "-i", "127.0.0.1",
            "-p", str(self.rasa_port), "--model", str(self.model), "--endpoints", str(endpoints),
            "--credentials", str(ROOT / "credentials.yml"), "--auth-token", TOKEN,
        ]  # fmt: skip
        process = self._start("rasa", cmd + self.rasa_args)
        wait_until_up(self.rasa_url, 300, process, self.workdir / "rasa.log")

    def start_all(self) -> None:
        """API (when installed), action server, then Rasa; stops what started on failure."""
        try:
            self.start_api()
            self.start_actions()
            self.start_rasa()
        except BaseException:
            self.stop()
            raise

    def restart_rasa(self) -> None:
        """Stops and starts the Rasa server (same tracker store, same port)."""
        self._stop("rasa")
        self.start_rasa()

    def _stop(self, name: str) -> None:
        process: Optional[subprocess.Popen] = self.processes.pop(name, None)
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def stop(self) -> None:
        for name in list(self.processes):
            self._stop(name)
