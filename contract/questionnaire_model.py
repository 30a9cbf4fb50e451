"""The questionnaire's model (``data/questionnaire.yml``): answers, dimensions, questions, levels.

Plain frozen dataclasses; :mod:`contract.questionnaire_validation` builds them from the YAML file
and :mod:`contract.questionnaire` re-exports everything here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Dict, List, Mapping, Optional, Tuple

DONT_KNOW = "dont_know"


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
    gap: Mapping[str, str]


@dataclass(frozen=True)
class Question:
    slot: str
    short: str
    dimension: str
    scale: str
    weight: Fraction
    text: str
    explanation: str
    keywords: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    region: Optional[str] = None


@dataclass(frozen=True)
class ProfileQuestion:
    slot: str
    short: str
    text: str
    explanation: str
    options: Tuple[Option, ...]

    def option_label(self, option_id: Optional[str]) -> str:
        return next((o.label for o in self.options if o.id == option_id), option_id or "")

    @property
    def option_ids(self) -> Tuple[str, ...]:
        return tuple(o.id for o in self.options)


@dataclass(frozen=True)
class Level:
    id: str
    min: int
    title: str


@dataclass(frozen=True)
class SizeClass:
    id: str
    min: int
    title: str
    size: str  # "micro" or "small": which gap text of a dimension applies


@dataclass(frozen=True)
class Questionnaire:
    scales: Mapping[str, Tuple[Answer, ...]]
    dont_know_label: str
    levels: Tuple[Level, ...]
    size_classes: Tuple[SizeClass, ...]
    profile: Tuple[ProfileQuestion, ...]
    dimensions: Tuple[Dimension, ...]
    questions: Tuple[Question, ...]
    closing: Tuple[ProfileQuestion, ...]
    weak_below: int = 50
    strong_from: int = 60
    done_from: int = 90
    _by_slot: Dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    # ---- slots in interview order ------------------------------------------------------------

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

    # ---- lookups -----------------------------------------------------------------------------

    def question(self, slot: Optional[str]) -> Optional[Question]:
        return next((q for q in self.questions if q.slot == slot), None)

    def profile_question(self, slot: Optional[str]) -> Optional[ProfileQuestion]:
        """A non-scored question: a profile or a closing question."""
        return next((p for p in self.profile + self.closing if p.slot == slot), None)

    def short_title(self, slot: str) -> str:
        """The German short title of any question slot (read-back, dashboard)."""
        item = self.question(slot) or self.profile_question(slot)
        return item.short if item else slot

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    @property
    def dimension_ids(self) -> Tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)

    @property
    def dimension_titles(self) -> Dict[str, str]:
        return {d.id: d.title for d in self.dimensions}

    def questions_of(self, dimension_id: str) -> List[Question]:
        return [q for q in self.questions if q.dimension == dimension_id]

    def answer_ids(self, scale: str) -> List[str]:
        return [a.id for a in self.scales[scale]] + [DONT_KNOW]

    def answer_label(self, scale: str, answer_id: Optional[str]) -> str:
        if answer_id == DONT_KNOW:
            return self.dont_know_label
        return next((a.label for a in self.scales[scale] if a.id == answer_id), "")

    # ---- code lists --------------------------------------------------------------------------

    def option_ids(self, slot: str) -> Tuple[str, ...]:
        question = self.profile_question(slot)
        return question.option_ids if question else ()

    @property
    def sectors(self) -> Tuple[str, ...]:
        return self.option_ids("sector")

    @property
    def municipalities(self) -> Tuple[str, ...]:
        return self.option_ids("municipality")

    def region_of(self, municipality: Optional[str]) -> Optional[str]:
        question = self.profile_question("municipality")
        option = next((o for o in question.options if o.id == municipality), None)
        return option.region if option else None

    @property
    def level_ids(self) -> Tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def level_for(self, overall: Optional[int]) -> Optional[Level]:
        if overall is None:
            return None
        matching = [lv for lv in self.levels if overall >= lv.min]
        return max(matching, key=lambda lv: lv.min) if matching else None

    @property
    def size_class_ids(self) -> Tuple[str, ...]:
        return tuple(s.id for s in self.size_classes)

    def size_class_for(self, employees: Optional[float]) -> Optional[SizeClass]:
        if employees is None:
            return None
        matching = [s for s in self.size_classes if employees >= s.min]
        return max(matching, key=lambda s: s.min) if matching else self.size_classes[0]
