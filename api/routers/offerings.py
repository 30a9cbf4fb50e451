from __future__ import annotations

from fastapi import APIRouter, Query

from api.schemas import OfferingOut
from api.services.catalogue import get_catalogue

router = APIRouter(prefix="/api", tags=["offerings"])


@router.get("/offerings", response_model=list[OfferingOut])
def list_offerings(include_closed: bool = Query(default=False)) -> list[OfferingOut]:
    """The catalogue in file order; closed offerings only with `include_closed=true`."""
    return [
        OfferingOut.model_validate(o)
        for o in get_catalogue().offerings
        if include_closed or o.status != "closed"
    ]
