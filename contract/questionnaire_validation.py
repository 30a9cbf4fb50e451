"""Building the questionnaire from its parsed YAML document and checking it.

:func:`parse_questionnaire` turns ``data/questionnaire.yml`` into a :class:`Questionnaire`;
:func:`check_questionnaire` raises :class:`ContractError` for anything the interview could not
work with. :mod:`contract.questionnaire` re-exports both.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, List, Mapping, Tuple

from contract.datafiles import _CODE, ContractError, _require
from contract.needs import Needs
from contract.questionnaire_model import (
    DONT_KNOW,
    Answer,
    Dimension,
    Level,
    Option,
    ProfileQuestion,
    Question,
    Questionnaire,
    SizeClass,
)


def _fraction(value: Any, where: str) -> Fraction:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError) as error:
        raise ContractError(f"{where}: not a number: {value!r}") from error


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
        strong_from=int(raw.get("strong_from", 60)),
        done_from=int(raw.get("done_from", 90)),
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
