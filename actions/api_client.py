"""The only place where the action server talks to the Digitalcheck API.

Async (httpx) with one shared connection pool and short timeouts, so a slow API never stalls the
other conversations. Every call returns ``None`` when the API is unreachable or answers with an
error, so the conversation can go on without it. Writes carry the service token.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import sys
from typing import Any, Dict, List, Optional, Set

import httpx

from actions.settings import settings

# httpcore looks for the optional ``sniffio`` package with ``import sniffio`` on every request;
# when it is not installed (as here) each failed import searches sys.path again: measured ~0.6 ms
# of CPU per request. A ``None`` entry makes that import fail at once; the outcome is the same
# (httpcore then assumes asyncio, which this code runs on).
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

logger = logging.getLogger(__name__)
_client: Optional[httpx.AsyncClient] = None
_client_loop: Optional[asyncio.AbstractEventLoop] = None
# Background sends (funnel events): kept referenced until done.
_pending: Set[asyncio.Task[Any]] = set()
# Funnel events wait here up to FUNNEL_BATCH_SECONDS and go to the API together (one request
# and one commit instead of one each: measured ~15 ms of CPU per turn over the action server and
# the API). Events of one event loop only; the order of the events is kept.
FUNNEL_BATCH_SECONDS = 0.25
MAX_BATCH = 500  # the API's limit per request
_queue: List[Dict[str, Any]] = []
_queue_loop: Optional[asyncio.AbstractEventLoop] = None


def _get_client() -> httpx.AsyncClient:
    """One client per event loop (connection reuse); recreated if the loop changed (tests)."""
    global _client, _client_loop
    loop = asyncio.get_running_loop()
    if _client is None or _client_loop is not loop or _client.is_closed:
        _client = httpx.AsyncClient(
            base_url=settings.api_url,
            timeout=httpx.Timeout(settings.api_timeout, connect=min(1.0, settings.api_timeout)),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
        )
        _client_loop = loop
    return _client


def _auth() -> Dict[str, str]:
    return {"Authorization": f"Bearer {settings.service_token}"}


async def _request(method: str, path: str, write: bool = False, **kwargs: Any) -> Optional[Any]:
    try:
        headers = _auth() if write else {}
        response = await _get_client().request(method, path, headers=headers, **kwargs)
        response.raise_for_status()
        return response.json()
    except (httpx.HTTPError, ValueError) as error:
        logger.warning("API call %s %s failed: %s", method, path, type(error).__name__)
        return None


async def recommend(
    employees: int,
    sector: str,
    municipality: str,
    scores: Dict[str, Optional[int]],
    need: Optional[str] = None,
    answers: Optional[Dict[str, Any]] = None,
    limit: int = 3,
) -> Optional[List[Dict[str, Any]]]:
    """Top offerings for the profile, scores and the named need, or None if the API is down."""
    body: Dict[str, Any] = {
        "profile": {"employees": employees, "sector": sector, "municipality": municipality},
        "scores": scores,
        "limit": limit,
    }
    if need:
        body["need"] = need
    if answers:
        body["answers"] = {k: v for k, v in answers.items() if v is not None}
    result = await _request("POST", "/api/recommendations", json=body)
    if not isinstance(result, dict) or not isinstance(result.get("recommendations"), list):
        return None
    return result["recommendations"]


async def log_assessment(record: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """Stores the anonymised needs record; returns the API's answer, or None on failure."""
    result = await _request("POST", "/api/assessments", write=True, json=record)
    return result if isinstance(result, dict) else None


async def benchmark(size_class: Optional[str], sector: Optional[str]) -> Optional[Dict[str, Any]]:
    """Scores of comparable firms (only when the API publishes them), or None."""
    params = {k: v for k, v in (("size_class", size_class), ("sector", sector)) if v}
    result = await _request("GET", "/api/benchmark", params=params)
    if isinstance(result, dict) and result.get("available"):
        return result
    return None


async def lookup_recheck(code_hash: str) -> Optional[Dict[str, Any]]:
    """The earlier assessment for a re-check code's hash: ``{"found": ...}``, ``{"limited":
    True}`` when the API refuses more failed lookups for now, or None when it is down."""
    try:
        response = await _get_client().post(
            "/api/rechecks/lookup", json={"hash": code_hash}, headers=_auth()
        )
        if response.status_code == 429:
            return {"found": False, "limited": True}
        response.raise_for_status()
        result = response.json()
    except (httpx.HTTPError, ValueError) as error:
        logger.warning("API call POST /api/rechecks/lookup failed: %s", type(error).__name__)
        return None
    return result if isinstance(result, dict) else None


async def erase_events(key: str) -> bool:
    """Deletes the funnel events of one conversation (erasure on request). Its events still
    waiting to be sent are dropped, and sends already under way are awaited first, so none of
    them can arrive after the deletion."""
    global _queue
    _queue = [event for event in _queue if event.get("key") != key]
    loop = asyncio.get_running_loop()
    running = [t for t in _pending if t.get_loop() is loop and t is not asyncio.current_task()]
    if running:
        await asyncio.wait(running, timeout=settings.api_timeout + 1.0)
    result = await _request("DELETE", f"/api/events/{key}", write=True)
    return result is not None


async def _send_queued() -> None:
    global _queue
    await asyncio.sleep(FUNNEL_BATCH_SECONDS)
    events, _queue = _queue, []
    for start in range(0, len(events), MAX_BATCH):
        batch = events[start : start + MAX_BATCH]
        await _request("POST", "/api/events/batch", write=True, json={"events": batch})


def post_event(event: Dict[str, Any]) -> None:
    """Queues one anonymised funnel event for the API (never delays an answer): whatever is
    queued goes in one request after FUNNEL_BATCH_SECONDS."""
    global _queue, _queue_loop
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # no loop (a synchronous caller): nothing to send with
        return
    if _queue_loop is not loop:  # a new loop (tests): what was queued for the old one is gone
        _queue, _queue_loop = [], loop
    _queue.append(event)
    if len(_queue) > 1:
        return  # a send is already scheduled and takes this event too
    task = loop.create_task(_send_queued())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def flush() -> None:
    """Waits until every queued funnel event has been sent (tests, shutdown)."""
    loop = asyncio.get_running_loop()
    while running := [task for task in _pending if task.get_loop() is loop]:
        await asyncio.wait(running)
