"""A recording fake of the API and the real offering catalogue (see
:mod:`tests.unit.action_helpers`).

:class:`FakeApi` replaces every function of ``actions.api_client`` and records the calls, so no
test ever reaches a running API.
"""

from __future__ import annotations

import copy
import functools
from typing import Any, Dict, List, Optional

import pytest

from actions import api_client
from contract.catalogue import Catalogue, load_catalogue


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The real offering catalogue (read once: loading validates the whole file)."""
    return load_catalogue()


def offering_dict(offering_id: str, reason: str = "") -> Dict[str, Any]:
    """An offering as the API's recommendation endpoint returns it (from the real catalogue)."""
    offering = catalogue().get(offering_id)
    assert offering is not None, offering_id
    return {
        "id": offering.id,
        "title": offering.title,
        "provider": offering.provider,
        "kind": offering.kind,
        "summary": offering.summary,
        "cost": offering.cost,
        "url": offering.url,
        "reason": reason,
    }


def catalogue_ids(count: int = 3) -> List[str]:
    return [o.id for o in catalogue().offerings if o.status == "open"][:count]


class FakeApi:
    """Stands in for ``actions.api_client``: records every call, never opens a connection."""

    def __init__(self) -> None:
        self.calls: Dict[str, List[Dict[str, Any]]] = {
            name: [] for name in ("recommend", "log_assessment", "benchmark", "erase_events")
        }
        self.posted: List[Dict[str, Any]] = []
        self.offerings: Optional[List[Dict[str, Any]]] = [
            offering_dict(i, "Passt zu Ihren Antworten.") for i in catalogue_ids()
        ]
        self.peer: Optional[Dict[str, Any]] = None
        self.erase_ok = True
        self.up = True

    def down(self) -> FakeApi:
        """The API is unreachable: every call answers like api_client does then (None)."""
        self.up = False
        self.offerings = None
        self.erase_ok = False
        return self

    async def recommend(
        self,
        employees: int,
        sector: str,
        municipality: str,
        scores: Dict[str, Optional[int]],
        need: Optional[str] = None,
        answers: Optional[Dict[str, Any]] = None,
        limit: int = 3,
    ) -> Optional[List[Dict[str, Any]]]:
        self.calls["recommend"].append(
            {
                "employees": employees,
                "sector": sector,
                "municipality": municipality,
                "scores": scores,
                "need": need,
                "answers": answers,
                "limit": limit,
            }
        )
        return copy.deepcopy(self.offerings)

    async def log_assessment(self, record: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        self.calls["log_assessment"].append(copy.deepcopy(record))
        return {"id": 1} if self.up else None

    async def benchmark(
        self, size_class: Optional[str], sector: Optional[str]
    ) -> Optional[Dict[str, Any]]:
        self.calls["benchmark"].append({"size_class": size_class, "sector": sector})
        return copy.deepcopy(self.peer) if self.up else None

    async def erase_events(self, key: str) -> bool:
        self.calls["erase_events"].append({"key": key})
        return self.erase_ok

    def post_event(self, event: Dict[str, Any]) -> None:
        self.posted.append(dict(event))

    # ---- reading the funnel ---------------------------------------------------------------

    @property
    def funnel(self) -> List[str]:
        return [e["event"] for e in self.posted]

    def funnel_of(self, kind: str) -> List[Dict[str, Any]]:
        return [e for e in self.posted if e["event"] == kind]

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FakeApi:
        for name in ("recommend", "log_assessment", "benchmark", "erase_events", "post_event"):
            monkeypatch.setattr(api_client, name, getattr(self, name))
        return self
