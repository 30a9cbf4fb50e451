"""Writes the questionnaire-derived blocks of ``domain.yml``.

Usage: ``python -m bot.domain_gen`` rewrites the blocks; ``--check`` exits 1 when they are stale.
The blocks sit between ``# BEGIN GENERATED: <name>`` and ``# END GENERATED: <name>`` markers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Dict, List

from bot.intents import PROFILE_INTENTS
from contract.questionnaire import Questionnaire, load_questionnaire

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_FILE = ROOT / "domain.yml"
FORM = "interview_form"
PROFILE_ENTITIES = {"employees": "employees", "sector": "sector", "municipality": "municipality"}


def _condition(slot: str, indent: str) -> List[str]:
    return [
        f"{indent}conditions:",
        f"{indent}  - active_loop: {FORM}",
        f"{indent}    requested_slot: {slot}",
    ]


def _profile_slot(slot: str) -> List[str]:
    entity = PROFILE_ENTITIES[slot]
    ind = "        "
    lines = [
        f"  {slot}:",
        "    type: any",
        "    influence_conversation: false",
        "    mappings:",
        "      - type: from_entity",
        f"        entity: {entity}",
        f"        intent: [{', '.join(PROFILE_INTENTS)}]",
        "      - type: from_entity",
        f"        entity: {entity}",
        *_condition(slot, ind),
    ]
    if slot == "employees":
        lines += ["      - type: from_entity", "        entity: number", *_condition(slot, ind)]
    lines += ["      - type: from_text", *_condition(slot, ind)]
    return lines


def _question_slot(slot: str) -> List[str]:
    ind = "        "
    return [
        f"  {slot}:",
        "    type: text",
        "    influence_conversation: false",
        "    mappings:",
        "      - type: from_entity",
        "        entity: choice",
        *_condition(slot, ind),
        "      - type: from_text",
        *_condition(slot, ind),
    ]


def blocks(questionnaire: Questionnaire) -> Dict[str, List[str]]:
    slots: List[str] = []
    for slot in questionnaire.profile_slots:
        slots += _profile_slot(slot)
    for slot in questionnaire.question_slots + questionnaire.closing_slots:
        slots += _question_slot(slot)
    return {
        "slots": slots,
        "required_slots": [f"      - {s}" for s in questionnaire.required_slots],
        "actions": [f"  - action_ask_{s}" for s in questionnaire.required_slots],
    }


def render(domain_text: str, questionnaire: Questionnaire) -> str:
    for name, lines in blocks(questionnaire).items():
        pattern = re.compile(
            rf"(?P<begin>^[ \t]*# BEGIN GENERATED: {name}\n)(?P<body>.*?)"
            rf"(?P<end>^[ \t]*# END GENERATED: {name}$)",
            re.MULTILINE | re.DOTALL,
        )
        if not pattern.search(domain_text):
            raise ValueError(f"domain.yml lacks the generated block markers for {name!r}")
        body = "".join(line + "\n" for line in lines)
        domain_text = pattern.sub(
            lambda m, body=body: m.group("begin") + body + m.group("end"), domain_text
        )
    return domain_text


def main(argv: List[str]) -> int:
    current = DOMAIN_FILE.read_text(encoding="utf-8")
    wanted = render(current, load_questionnaire())
    if "--check" in argv:
        if current != wanted:
            print("domain.yml is out of date with data/questionnaire.yml: run `make domain`")
            return 1
        return 0
    if current != wanted:
        DOMAIN_FILE.write_text(wanted, encoding="utf-8")
        print("domain.yml updated from the questionnaire (data/questionnaire.yml).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
