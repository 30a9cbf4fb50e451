"""Writes the questionnaire-derived blocks of ``domain.yml``.

Usage: ``python -m bot.domain_gen`` rewrites the blocks; ``--check`` exits 1 when they are stale.
The blocks sit between ``# BEGIN GENERATED: <name>`` and ``# END GENERATED: <name>`` markers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Dict, List

from contract.questionnaire import Questionnaire, load_questionnaire

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_FILE = ROOT / "domain.yml"
FORM = "interview_form"
# The read-back step after the last question: the owner confirms the answers before scoring.
REVIEW_SLOT = "answers_confirmed"


def _slot(slot: str, slot_type: str) -> List[str]:
    # Every interview slot is filled by the form's validation action (custom mapping): it reads
    # the message once, decides what it means and asks the next question in the same round trip.
    return [
        f"  {slot}:",
        f"    type: {slot_type}",
        "    influence_conversation: false",
        "    mappings:",
        "      - type: custom",
    ]


def blocks(questionnaire: Questionnaire) -> Dict[str, List[str]]:
    slots: List[str] = []
    for slot in questionnaire.profile_slots:
        slots += _slot(slot, "any")
    for slot in questionnaire.question_slots + questionnaire.closing_slots:
        slots += _slot(slot, "text")
    slots += _slot(REVIEW_SLOT, "any")
    required = questionnaire.required_slots + [REVIEW_SLOT]
    return {
        "slots": slots,
        "required_slots": [f"      - {s}" for s in required],
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
