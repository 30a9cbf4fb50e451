from __future__ import annotations

from fastapi import APIRouter, Query

from api.services.catalogue import Offering, get_catalogue

router = APIRouter(prefix="/api", tags=["offerings"])


@router.get("/offerings", response_model=list[Offering])
def list_offerings(include_closed: bool = Query(default=False)) -> list[Offering]:
    """The catalogue in file order; closed offerings only with `include_closed=true`."""
    return [o for o in get_catalogue().offerings if include_closed or o.status != "closed"]
