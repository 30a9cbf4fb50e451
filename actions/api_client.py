"""The only place where the action server talks to the Digitalcheck API.

Every call has a short timeout and returns ``None`` when the API is unreachable or answers
with an error, so that the conversation can go on without it.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional

import requests

from actions.settings import settings

logger = logging.getLogger(__name__)
# Funnel events are sent in the background so that a slow API never delays an answer.
_background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="funnel-events")


def _request(method: str, path: str, **kwargs: Any) -> Optional[Any]:
    url = f"{settings.api_url}{path}"
    try:
        response = requests.request(method, url, timeout=settings.api_timeout, **kwargs)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("API call %s %s failed: %s", method, path, error)
        return None


def recommend(
    employees: int, sector: str, municipality: str, scores: Dict[str, Optional[int]], limit: int = 3
) -> Optional[List[Dict[str, Any]]]:
    """Top offerings for the profile and dimension scores, or None if the API is down."""
    body = {
        "profile": {"employees": employees, "sector": sector, "municipality": municipality},
        "scores": scores,
        "limit": limit,
    }
    result = _request("POST", "/api/recommendations", json=body)
    if not isinstance(result, dict) or not isinstance(result.get("recommendations"), list):
        return None
    return result["recommendations"]


def log_assessment(record: Dict[str, Any]) -> Optional[str]:
    """Stores the anonymised needs record; returns its random id, or None on failure."""
    result = _request("POST", "/api/assessments", json=record)
    return result.get("id") if isinstance(result, dict) else None


def benchmark(size_class: Optional[str], sector: Optional[str]) -> Optional[Dict[str, Any]]:
    """Mean scores of comparable firms (only when at least five exist), or None."""
    params = {k: v for k, v in (("size_class", size_class), ("sector", sector)) if v}
    result = _request("GET", "/api/benchmark", params=params)
    if isinstance(result, dict) and result.get("available"):
        return result
    return None


def post_event(event: Dict[str, Any]) -> None:
    """Sends one anonymised funnel event without waiting for the answer."""
    _background.submit(_request, "POST", "/api/events", json=event)
