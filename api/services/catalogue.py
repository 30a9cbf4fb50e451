"""The offering catalogue as the service uses it: loaded once at start-up from the files named in
the settings (loading and validation live in :mod:`contract.catalogue`).

Check an edited file without starting the service (both commands do the same):

    .venv-api/bin/python -m api.services.catalogue [offerings.yml] [needs.yml]
    .venv-api/bin/python -m contract.catalogue [offerings.yml] [needs.yml]
"""

from __future__ import annotations

import sys
from pathlib import Path

from api.core.config import settings
from contract import catalogue as contract_catalogue
from contract.catalogue import Catalogue, CatalogueError, Offering, load_catalogue

_current: Catalogue | None = None


def get_catalogue() -> Catalogue:
    """The catalogue loaded at start-up (loaded on first use if the app has not started)."""
    global _current
    if _current is None:
        _current = load_catalogue(
            settings.OFFERINGS_FILE, settings.NEEDS_FILE, settings.QUESTIONNAIRE_FILE
        )
    return _current


def reload_catalogue() -> Catalogue:
    global _current
    _current = None
    return get_catalogue()


def main(argv: list[str]) -> int:
    offerings = argv[0] if argv else str(settings.OFFERINGS_FILE)
    needs = argv[1] if len(argv) > 1 else str(settings.NEEDS_FILE)
    return contract_catalogue.main([str(Path(offerings)), str(Path(needs))])


__all__ = ["Catalogue", "CatalogueError", "Offering", "get_catalogue", "reload_catalogue"]

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
