"""The district's contact channel (config/contact.yml), shown on the demo and result pages."""

from __future__ import annotations

from functools import lru_cache

import yaml

from api.core.config import settings


@lru_cache(maxsize=1)
def contact() -> dict[str, str]:
    data = yaml.safe_load(settings.CONTACT_FILE.read_text(encoding="utf-8")) or {}
    return {key: str(value or "").strip() for key, value in data.items()}
