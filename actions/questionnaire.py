"""Loads ``data/questionnaire.yml``, the single source of truth for the interview."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from actions.settings import settings

DONT_KNOW = "dont_know"
# Intents with which profile data (staff, sector, town) may be given or corrected at any time.
PROFILE_INTENTS = ("inform", "greet", "start_check", "deny")
SIZE_SMALL_LIMIT = 10
OFFER_LIMIT = 50


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    value: Fraction


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    weight: Fraction
    strength: str
    gap: Dict[str, str]


@dataclass(frozen=True)
class Question:
    slot: str
    dimension: str
    scale: str
    weight: Fraction
    text: str
    explanation: str


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class ProfileQuestion:
    slot: str
    text: str
    explanation: str
    options: List[Option]

    def option_label(self, option_id: str) -> str:
        return next((o.label for o in self.options if o.id == option_id), option_id)


@dataclass(frozen=True)
class Level:
    id: str
    min: int
    title: str


@dataclass(frozen=True)
class Questionnaire:
    scales: Dict[str, List[Answer]]
    dont_know_label: str
    levels: List[Level]
    profile: List[ProfileQuestion]
    dimensions: List[Dimension]
    questions: List[Question]
    closing: List[ProfileQuestion]
    weak_below: int = 50

    @property
    def question_slots(self) -> List[str]:
        return [q.slot for q in self.questions]

    @property
    def profile_slots(self) -> List[str]:
        return [p.slot for p in self.profile]

    @property
    def closing_slots(self) -> List[str]:
        return [c.slot for c in self.closing]

    @property
    def required_slots(self) -> List[str]:
        return self.profile_slots + self.question_slots + self.closing_slots

    def question(self, slot: str) -> Optional[Question]:
        return next((q for q in self.questions if q.slot == slot), None)

    def profile_question(self, slot: str) -> Optional[ProfileQuestion]:
        """A non-scored question with options: the profile or the closing questions."""
        return next((p for p in self.profile + self.closing if p.slot == slot), None)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def answer_ids(self, scale: str) -> List[str]:
        return [a.id for a in self.scales[scale]] + [DONT_KNOW]

    def answer_label(self, scale: str, answer_id: str) -> str:
        if answer_id == DONT_KNOW:
            return self.dont_know_label
        return next(a.label for a in self.scales[scale] if a.id == answer_id)

    def level_for(self, overall: Optional[int]) -> Optional[Level]:
        if overall is None:
            return None
        matching = [lv for lv in self.levels if overall >= lv.min]
        return max(matching, key=lambda lv: lv.min)


def _fraction(value: object) -> Fraction:
    return Fraction(str(value))


def _options(item: dict, needs: Optional[dict]) -> List[Option]:
    if item.get("options_from") == "needs":
        if needs is None:
            raise ValueError(f"questionnaire: {item['slot']} needs data/needs.yml")
        options = [Option(n["code"], n["title"]) for n in needs["needs"] if not n.get("dimension")]
    else:
        options = [Option(str(o["id"]), o["label"]) for o in item.get("options", [])]
    if item.get("none_option"):
        options.append(Option(item["none_option"]["id"], item["none_option"]["label"]))
    return options


def _option_questions(items: List[dict], needs: Optional[dict]) -> List[ProfileQuestion]:
    return [
        ProfileQuestion(p["slot"], p["text"], p["explanation"], _options(p, needs)) for p in items
    ]


def parse_questionnaire(raw: dict, needs: Optional[dict] = None) -> Questionnaire:
    """Builds and checks a questionnaire from the parsed YAML documents."""
    scales = {
        name: [Answer(str(a["id"]), a["label"], _fraction(a["value"])) for a in answers]
        for name, answers in raw["scales"].items()
    }
    dimensions = [
        Dimension(d["id"], d["title"], _fraction(d.get("weight", 1)), d["strength"], d["gap"])
        for d in raw["dimensions"]
    ]
    questions = [
        Question(
            q["slot"],
            q["dimension"],
            q["scale"],
            _fraction(q.get("weight", 1)),
            q["text"],
            q["explanation"],
        )
        for q in raw["questions"]
    ]
    profile = _option_questions(raw["profile"], needs)
    closing = _option_questions(raw.get("closing", []), needs)
    levels = [Level(lv["id"], int(lv["min"]), lv["title"]) for lv in raw["levels"]]
    questionnaire = Questionnaire(
        scales,
        raw["dont_know"]["label"],
        levels,
        profile,
        dimensions,
        questions,
        closing,
        int(raw.get("weak_below", 50)),
    )
    _check(questionnaire)
    return questionnaire


def _check(qn: Questionnaire) -> None:
    dimension_ids = {d.id for d in qn.dimensions}
    slots = qn.required_slots
    if len(slots) != len(set(slots)):
        raise ValueError("questionnaire: duplicate slot names")
    for q in qn.questions:
        if q.dimension not in dimension_ids:
            raise ValueError(f"questionnaire: {q.slot} has unknown dimension {q.dimension}")
        if q.scale not in qn.scales:
            raise ValueError(f"questionnaire: {q.slot} has unknown scale {q.scale}")
        if q.weight <= 0:
            raise ValueError(f"questionnaire: {q.slot} needs a positive weight")
    for d in qn.dimensions:
        if not {"micro", "small"} <= set(d.gap):
            raise ValueError(f"questionnaire: dimension {d.id} needs gap texts micro and small")
    if not any(lv.min == 0 for lv in qn.levels):
        raise ValueError("questionnaire: one level must start at 0")


@functools.cache
def load_questionnaire(path: Optional[str] = None) -> Questionnaire:
    file = Path(path) if path else settings.questionnaire_file
    with open(file, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    needs = None
    if settings.needs_file.exists():
        with open(settings.needs_file, encoding="utf-8") as handle:
            needs = yaml.safe_load(handle)
    return parse_questionnaire(raw, needs)
