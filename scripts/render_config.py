"""Renders the run scripts' configuration files (stdlib only; PyYAML only for ``endpoints``).

    render_config.py template SRC DST KEY=VALUE ...
        Copies SRC to DST replacing every ``@KEY@``; fails if a placeholder is left over.
    render_config.py endpoints SRC DST ACTIONS_URL VAR_DIR
        The default profile's endpoints: SRC (endpoints.yml) with the action endpoint's URL set
        and a relative SQLite ``var/...`` path of the tracker store moved into VAR_DIR. Everything
        else (the tracker store's type, ``${ENV}`` references) is kept as it is.

Files are written with mode 0600: some hold passwords.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


def write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def render_template(source: Path, target: Path, pairs: list) -> None:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"render_config: expected KEY=VALUE, got {pair!r}")
        values[key] = value
    text = source.read_text(encoding="utf-8")
    missing = sorted({m for m in PLACEHOLDER.findall(text) if m not in values})
    if missing:
        raise SystemExit(f"render_config: {source}: no value for {', '.join(missing)}")
    write_private(target, PLACEHOLDER.sub(lambda m: values[m.group(1)], text))


def render_endpoints(source: Path, target: Path, actions_url: str, var_dir: str) -> None:
    import yaml

    config = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    config.setdefault("action_endpoint", {})["url"] = actions_url
    store = config.get("tracker_store") or {}
    db = store.get("db")
    if str(store.get("dialect", "")).lower() == "sqlite" and isinstance(db, str):
        if db.startswith("var/"):
            store["db"] = str(Path(var_dir) / db[len("var/") :])
        Path(store["db"]).parent.mkdir(parents=True, exist_ok=True)
    header = f"# Rendered by scripts/render_config.py from {source.name}; do not edit.\n"
    write_private(target, header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True))


def main(argv: list) -> int:
    if len(argv) >= 3 and argv[0] == "template":
        render_template(Path(argv[1]), Path(argv[2]), argv[3:])
        return 0
    if len(argv) == 5 and argv[0] == "endpoints":
        render_endpoints(Path(argv[1]), Path(argv[2]), argv[3], argv[4])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
