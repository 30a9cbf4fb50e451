"""`make run` with no environment set is closed (issue 9): the Rasa HTTP API needs the token
generated into var/secrets/RASA_TOKEN, CORS answers only the demo page's origins, and the logs
hold no message text (and rotate). Checked against scripts/run_all.sh in both profiles."""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path

import httpx
import pytest
import yaml

from tests.scaled.stack import ROOT, port_open, still_running

FOREIGN = "http://evil.example"


@pytest.fixture(params=["default", "scaled"])
def stack(request, stacks):
    return stacks[request.param]


def test_token_is_generated_into_a_private_file(stack):
    token_file = stack.var_dir / "secrets" / "RASA_TOKEN"
    mode = stat.S_IMODE(os.stat(token_file).st_mode)
    assert mode == 0o600, oct(mode)
    assert len(stack.token) >= 32
    output = stack.log.read_text(encoding="utf-8")
    assert str(token_file) in output  # run_all.sh says where the token is
    assert stack.token not in output  # ... but does not print it


def test_http_api_refuses_requests_without_the_token(stack):
    for url in stack.rasa_urls:
        tracker = f"{url}/conversations/someone/tracker"
        assert httpx.get(tracker, timeout=30).status_code in (401, 403)
        assert httpx.get(tracker, params={"token": "wrong"}, timeout=30).status_code in (401, 403)
        assert httpx.get(tracker, params={"token": stack.token}, timeout=30).status_code == 200
        model = httpx.put(f"{url}/model", json={"model_file": "x"}, timeout=30)
        assert model.status_code in (401, 403)


def test_cors_answers_only_known_origins(stack):
    own = f"http://127.0.0.1:{stack.ports['API_PORT']}"
    for url in stack.rasa_urls + [stack.public_url]:
        webhook = f"{url}/webhooks/rest/webhook"
        for origin, allowed in ((FOREIGN, False), (own, True)):
            preflight = httpx.options(
                webhook,
                headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
                timeout=30,
            )
            header = preflight.headers.get("access-control-allow-origin")
            if allowed:
                assert header == origin, (url, preflight.headers)
            else:
                assert header is None, (url, header)
        reply = httpx.post(
            webhook,
            json={"sender": f"cors-{uuid.uuid4().hex}", "message": "Hallo"},
            headers={"Origin": FOREIGN},
            timeout=60,
        )
        assert reply.status_code == 200
        assert "access-control-allow-origin" not in reply.headers
        assert reply.headers.get("access-control-allow-origin") != "*"


def test_logs_hold_no_message_text(stack):
    marker = f"Quokka{uuid.uuid4().hex[:10]}"
    sender = f"logs-{uuid.uuid4().hex}"
    for text in ("Hallo", f"ja gerne, {marker}", f"Wir sind 8 Leute, {marker}", marker):
        reply = httpx.post(
            f"{stack.public_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        assert reply.status_code == 200
    log_dir = stack.var_dir / "log"
    files = [p for p in log_dir.rglob("*") if p.is_file()]
    assert any(p.name.startswith("rasa") and p.suffix == ".log" for p in files)
    for path in files:
        assert marker not in path.read_text(encoding="utf-8", errors="replace"), path


def test_logging_configs_rotate_by_size_and_never_debug():
    for path in sorted((ROOT / "config" / "logging").glob("*.yml")):
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        handlers = config["handlers"]
        assert handlers, path
        for handler in handlers.values():
            assert handler["class"] == "logging.handlers.RotatingFileHandler", path
            assert 0 < handler["maxBytes"] <= 50 * 2**20 and 1 <= handler["backupCount"] <= 5
            assert handler["level"] in ("INFO", "WARNING")
        levels = [config["root"]["level"]] + [v["level"] for v in config["loggers"].values()]
        assert set(levels) <= {"INFO", "WARNING", "ERROR"}, path


def test_scaled_nginx_does_not_expose_the_http_api(scaled_stack):
    url = scaled_stack.public_url
    tracker = httpx.get(
        f"{url}/conversations/x/tracker", params={"token": scaled_stack.token}, timeout=30
    )
    assert tracker.status_code == 404  # routed to the API, which has no such path
    assert httpx.get(f"{url}/", timeout=30).status_code == 200  # demo page through nginx
    assert httpx.get(f"{url}/webhooks/rest/", timeout=30).status_code == 200


def test_scaled_profile_uses_redis_locks_and_postgresql(scaled_stack):
    run_dir = Path(scaled_stack.var_dir) / "run"
    nginx = (run_dir / "nginx.conf").read_text(encoding="utf-8")
    for port in scaled_stack.ports["RASA_PORTS"]:
        assert f"server 127.0.0.1:{port}" in nginx
    assert "ip_hash" in nginx
    endpoints = yaml.safe_load((ROOT / "config" / "scaled" / "endpoints.yml").read_text())
    assert endpoints["lock_store"]["type"] == "redis"
    assert endpoints["tracker_store"]["dialect"] == "postgresql"


def ports_of(stack) -> list:
    ports = []
    for value in stack.ports.values():
        ports += value if isinstance(value, list) else [value]
    return ports


def test_zz_ctrl_c_stops_every_process(default_stack):
    """Last test of the default stack: Ctrl-C (SIGINT) ends every process it started."""
    pids = default_stack.pids()
    assert len(pids) >= 4
    default_stack.stop()
    assert not still_running(pids)
    assert not [port for port in ports_of(default_stack) if port_open(port)]
