"""The API's code lists must match data/questionnaire.yml (the single source of the interview)."""

from pathlib import Path
from typing import get_args

import yaml

from api.core.vocab import DimensionId, Municipality, Sector

QUESTIONNAIRE = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "data" / "questionnaire.yml").read_text(encoding="utf-8")
)


def _options(slot: str) -> list[str]:
    item = next(p for p in QUESTIONNAIRE["profile"] if p["slot"] == slot)
    return [str(o["id"]) for o in item["options"]]


def test_vocabularies_match_the_questionnaire():
    assert list(get_args(Sector)) == _options("sector")
    assert list(get_args(Municipality)) == _options("municipality")
    assert list(get_args(DimensionId)) == [d["id"] for d in QUESTIONNAIRE["dimensions"]]
