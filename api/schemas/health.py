"""Health check."""

from __future__ import annotations

from typing import Literal

from api.schemas.base import Schema


class HealthOut(Schema):
    status: Literal["ok"]
