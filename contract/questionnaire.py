"""The questionnaire and the need codes: models, loading and validation.

``data/questionnaire.yml`` and ``data/needs.yml`` are the single source of truth of the
interview. This module is the only place that reads them; every layer (``bot``, ``actions``,
``api``) asks :func:`load_questionnaire` and :func:`load_needs`.

Plain dataclasses on purpose: the package imports in the Rasa environment (pydantic 1.10) and in
the API environment (pydantic 2) alike.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from contract.paths import needs_file, questionnaire_file

DONT_KNOW = "dont_know"
NO_NEED = "none"
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


class ContractError(ValueError):
    """A data file of the contract is missing or invalid."""


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
class Need:
    code: str
    title: str
    dimension: Optional[str] = None


@dataclass(frozen=True)
class Needs:
    needs: Tuple[Need, ...]

    @property
    def codes(self) -> Tuple[str, ...]:
        return tuple(n.code for n in self.needs)

    @property
    def titles(self) -> Dict[str, str]:
        return {n.code: n.title for n in self.needs}

    @property
    def topics(self) -> Tuple[Need, ...]:
        """Needs an owner can name (those that are not a dimension)."""
        return tuple(n for n in self.needs if not n.dimension)

    def for_dimension(self, dimension_id: str) -> Optional[Need]:
        return next((n for n in self.needs if n.dimension == dimension_id), None)


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


# ---- parsing and validation ------------------------------------------------------------------


def _fraction(value: Any, where: str) -> Fraction:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError) as error:
        raise ContractError(f"{where}: not a number: {value!r}") from error


def _require(item: Mapping[str, Any], keys: Tuple[str, ...], where: str) -> None:
    if not isinstance(item, Mapping):
        raise ContractError(f"{where}: expected a mapping")
    missing = [key for key in keys if item.get(key) in (None, "")]
    if missing:
        raise ContractError(f"{where}: missing {', '.join(missing)}")


def _options(item: Mapping[str, Any], needs: Needs) -> Tuple[Option, ...]:
    if item.get("options_from") == "needs":
        options = [Option(n.code, n.title) for n in needs.topics]
    else:
        options = [
            Option(str(o["id"]), str(o["label"]), o.get("region")) for o in item.get("options", [])
        ]
    if item.get("none_option"):
        options.append(Option(str(item["none_option"]["id"]), item["none_option"]["label"]))
    return tuple(options)


def _option_questions(items: List[Any], needs: Needs, section: str) -> Tuple[ProfileQuestion, ...]:
    result = []
    for index, item in enumerate(items or []):
        _require(item, ("slot", "short", "text", "explanation"), f"{section}[{index}]")
        result.append(
            ProfileQuestion(
                str(item["slot"]),
                str(item["short"]),
                str(item["text"]),
                str(item["explanation"]),
                _options(item, needs),
            )
        )
    return tuple(result)


def parse_needs(raw: Any) -> Needs:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("needs"), list):
        raise ContractError("needs: expected a list under 'needs'")
    needs = []
    for index, item in enumerate(raw["needs"]):
        _require(item, ("code", "title"), f"needs[{index}]")
        code = str(item["code"])
        if not _CODE.match(code) or len(code) > 64:
            raise ContractError(f"needs[{index}]: invalid code {code!r}")
        if len(str(item["title"])) > 30:
            raise ContractError(f"needs[{index}]: title longer than 30 characters (a button)")
        needs.append(Need(code, str(item["title"]), item.get("dimension")))
    result = Needs(tuple(needs))
    if len(set(result.codes)) != len(result.codes):
        raise ContractError("needs: duplicate codes")
    if NO_NEED in result.codes:
        raise ContractError(f"needs: {NO_NEED!r} is reserved for 'no particular topic'")
    return result


def parse_questionnaire(raw: Any, needs: Needs) -> Questionnaire:
    """Builds and checks a questionnaire from the parsed YAML document."""
    if not isinstance(raw, Mapping):
        raise ContractError("questionnaire: expected a mapping at top level")
    for key in ("scales", "dont_know", "levels", "size_classes", "profile", "dimensions"):
        if key not in raw:
            raise ContractError(f"questionnaire: missing section {key!r}")
    scales = {
        str(name): tuple(
            Answer(str(a["id"]), str(a["label"]), _fraction(a["value"], f"scale {name}"))
            for a in answers
        )
        for name, answers in raw["scales"].items()
    }
    dimensions = []
    for index, d in enumerate(raw["dimensions"]):
        _require(d, ("id", "title", "strength", "gap"), f"dimensions[{index}]")
        weight = _fraction(d.get("weight", 1), f"dimension {d['id']}")
        dimensions.append(Dimension(str(d["id"]), d["title"], weight, d["strength"], d["gap"]))
    questions = []
    for index, q in enumerate(raw.get("questions") or []):
        keys = ("slot", "short", "dimension", "scale", "text", "explanation")
        _require(q, keys, f"questions[{index}]")
        questions.append(
            Question(
                str(q["slot"]),
                str(q["short"]),
                str(q["dimension"]),
                str(q["scale"]),
                _fraction(q.get("weight", 1), f"question {q['slot']}"),
                str(q["text"]),
                str(q["explanation"]),
                tuple(str(k) for k in q.get("keywords") or ()),
            )
        )
    questionnaire = Questionnaire(
        scales=scales,
        dont_know_label=str(raw["dont_know"]["label"]),
        levels=tuple(
            Level(str(lv["id"]), int(lv["min"]), str(lv["title"])) for lv in raw["levels"]
        ),
        size_classes=tuple(
            SizeClass(str(s["id"]), int(s["min"]), str(s["title"]), str(s["size"]))
            for s in raw["size_classes"]
        ),
        profile=_option_questions(raw["profile"], needs, "profile"),
        dimensions=tuple(dimensions),
        questions=tuple(questions),
        closing=_option_questions(raw.get("closing", []), needs, "closing"),
        weak_below=int(raw.get("weak_below", 50)),
    )
    check_questionnaire(questionnaire, needs)
    return questionnaire


def check_questionnaire(qn: Questionnaire, needs: Needs) -> None:
    """Raises :class:`ContractError` for anything the interview could not work with."""
    slots = qn.required_slots
    if len(slots) != len(set(slots)):
        raise ContractError("questionnaire: duplicate slot names")
    bad = [slot for slot in slots if not _CODE.match(slot)]
    if bad:
        raise ContractError(f"questionnaire: invalid slot names {bad}")
    if qn.profile_slots[:3] != ["employees", "sector", "municipality"]:
        raise ContractError("questionnaire: profile must ask employees, sector, municipality")
    dimension_ids = qn.dimension_ids
    if len(set(dimension_ids)) != len(dimension_ids):
        raise ContractError("questionnaire: duplicate dimension ids")
    for scale, answers in qn.scales.items():
        ids = [a.id for a in answers]
        if DONT_KNOW in ids or len(set(ids)) != len(ids):
            raise ContractError(f"questionnaire: scale {scale} has duplicate or reserved ids")
        if any(not 0 <= a.value <= 1 for a in answers):
            raise ContractError(f"questionnaire: scale {scale} values must lie in 0..1")
    for q in qn.questions:
        if q.dimension not in dimension_ids:
            raise ContractError(f"questionnaire: {q.slot} has unknown dimension {q.dimension}")
        if q.scale not in qn.scales:
            raise ContractError(f"questionnaire: {q.slot} has unknown scale {q.scale}")
        if q.weight <= 0:
            raise ContractError(f"questionnaire: {q.slot} needs a positive weight")
    for d in qn.dimensions:
        if d.weight <= 0:
            raise ContractError(f"questionnaire: dimension {d.id} needs a positive weight")
        if not {"micro", "small"} <= set(d.gap):
            raise ContractError(f"questionnaire: dimension {d.id} needs gap texts micro, small")
        if len(qn.questions_of(d.id)) < 1:
            raise ContractError(f"questionnaire: dimension {d.id} has no question")
        if needs.for_dimension(d.id) is None:
            raise ContractError(f"needs: no need code for dimension {d.id}")
    if not any(lv.min == 0 for lv in qn.levels):
        raise ContractError("questionnaire: one level must start at 0")
    if not qn.size_classes or min(s.min for s in qn.size_classes) != 1:
        raise ContractError("questionnaire: the first size class must start at 1")
    if any(s.size not in ("micro", "small") for s in qn.size_classes):
        raise ContractError("questionnaire: size class 'size' must be micro or small")
    for option in qn.profile_question("municipality").options:
        if option.region not in ("kreis_mettmann", "duesseldorf", "other"):
            raise ContractError(f"questionnaire: town {option.id} needs a region")
    for p in qn.profile + qn.closing:
        if p.slot != "employees" and not p.options:
            raise ContractError(f"questionnaire: {p.slot} has no options")
        if any(not _CODE.match(o.id) for o in p.options if o.id not in ("1-9", "10-49", "50+")):
            raise ContractError(f"questionnaire: {p.slot} has invalid option ids")


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as error:
        raise ContractError(f"cannot read {path}: {error}") from error
    except yaml.YAMLError as error:
        raise ContractError(f"{path}: invalid YAML: {error}") from error


@functools.lru_cache(maxsize=8)
def load_needs(path: Optional[str] = None) -> Needs:
    return parse_needs(_read_yaml(Path(path) if path else needs_file()))


@functools.lru_cache(maxsize=8)
def load_questionnaire(
    path: Optional[str] = None, needs_path: Optional[str] = None
) -> Questionnaire:
    """The validated questionnaire (cached; paths default to the environment's settings)."""
    raw = _read_yaml(Path(path) if path else questionnaire_file())
    return parse_questionnaire(raw, load_needs(needs_path))
