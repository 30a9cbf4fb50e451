"""Secrets without usable defaults: from the environment, else generated once per machine.

A secret that is not set in the environment is generated randomly on first use into
``var/secrets/<NAME>`` (directory 0700, file 0600: readable only by the owner of the service) and
read from there afterwards, so all processes of one installation share it. Nothing has a
published default. ``python -m contract.secrets NAME ...`` prints ``export NAME=...`` lines for
shell scripts.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from pathlib import Path
from typing import Optional

from contract.paths import secrets_dir

KNOWN = (
    "RASA_TOKEN",
    "STAFF_TOKEN",
    "SECRET_KEY",
    "SERVICE_TOKEN",
    "CHANNEL_SECRET",
    "RECHECK_SECRET",
)
MIN_LENGTH = 16


def _read(path: Path) -> Optional[str]:
    try:
        value = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value or None


def _new_token(nbytes: int) -> str:
    """A URL-safe random token that never starts with "-" (read as an option on a command line)."""
    while True:
        token = secrets.token_urlsafe(nbytes)
        if token[0].isalnum():
            return token


def get_secret(name: str, nbytes: int = 32, directory: Optional[Path] = None) -> str:
    """The secret ``name``: the environment's value, else the stored or a new random one."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    folder = directory or secrets_dir()
    path = folder / name
    stored = _read(path)
    if stored:
        return stored
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    token = _new_token(nbytes)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process was first: use its secret
        for _ in range(50):
            stored = _read(path)
            if stored:
                return stored
            time.sleep(0.02)
        raise RuntimeError(f"secret file {path} exists but is empty") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return token


def secret_file(name: str) -> Path:
    return secrets_dir() / name


def main(argv: list) -> int:
    names = argv or list(KNOWN)
    for name in names:
        if name not in KNOWN:
            print(f"unknown secret {name}", file=sys.stderr)
            return 2
        print(f"export {name}={get_secret(name)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
