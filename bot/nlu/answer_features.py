"""What the answer model sees of a message: labels, the normalised text, structure tokens and the
rule parser's reading as features (used by :mod:`bot.nlu.answer_learner`).

* the normalised text (:func:`bot.nlu.answer_norm.normalize_answer`: folded, dialect and English
  mapped, emojis as tokens), for word and character n-grams;
* structure tokens (:func:`structure`): the words of a clause with a negation, of the last and
  of the first clause, and the words after a qualifier ("nur", "aber", "noch") marked as such;
* the rule parser's reading (:func:`rule_features`): its answer, confidence band, decision path
  and every ``role:CONCEPT`` hit, plus the scale and the message length.

Labels: every answer id of every scale plus ``dont_know`` and ``none`` (not an answer). All four
scales are ordered from "nothing" to "everything"; :func:`position` maps an answer id to its
place on that shared ladder (``no``/``never``/``low`` -> ``P0`` ... ``yes``/``always``/
``expert`` -> ``P3``, ``partly`` -> ``PM``), so a second classifier can learn "gar nicht",
"kaum", "voll und ganz" from the answers of all scales at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from bot.nlu.answer_norm import normalize_answer
from bot.nlu.answers import DONT_KNOW, SCALES, rule_reading

NONE = "none"
LABELS: Tuple[str, ...] = tuple(
    dict.fromkeys([a for answers in SCALES.values() for a in answers] + [DONT_KNOW, NONE])
)
SCALE_LABELS: Dict[str, Tuple[str, ...]] = {
    scale: tuple(answers) + (DONT_KNOW, NONE) for scale, answers in SCALES.items()
}
_LADDER = {
    "yes_no": {"no": "P0", "yes": "P3"},
    "yes_partly_no": {"no": "P0", "partly": "PM", "yes": "P3"},
    "frequency": {"never": "P0", "rarely": "P1", "regularly": "P2", "always": "P3"},
    "level": {"low": "P0", "basic": "P1", "good": "P2", "expert": "P3"},
}


def position(scale: str, label: str) -> str:
    """The place of ``label`` on the ladder shared by all scales (``dont_know``/``none`` stay)."""
    return _LADDER.get(scale, {}).get(label, label)


@dataclass(frozen=True)
class Example:
    text: str
    scale: str
    label: str
    slot: str = ""  # the question answered ("strategy_responsible"), "" when unknown


def slotted(normalised: str, slot: str | None) -> str:
    """The words of the normalised text tagged with the question they answer ("Mein Neffe."
    to "who looks after IT?" is a yes, "Wandkalender" to "digital planning?" a no): what a
    word means for one question. Empty when the question is not known."""
    if not slot:
        return ""
    return " ".join(f"{slot}|{w}" for w in normalised.split() if w[0].isalnum())


@dataclass(frozen=True)
class Prediction:
    """Calibrated probabilities over a scale's answer ids, ``dont_know`` and ``none``."""

    probabilities: Dict[str, float]

    @property
    def ranked(self) -> List[Tuple[str, float]]:
        return sorted(self.probabilities.items(), key=lambda item: -item[1])

    @property
    def top(self) -> str:
        return self.ranked[0][0]

    @property
    def top_probability(self) -> float:
        return self.ranked[0][1]

    @property
    def second(self) -> Optional[str]:
        ranked = self.ranked
        return ranked[1][0] if len(ranked) > 1 else None

    def probability(self, answer: str) -> float:
        return self.probabilities.get(answer, 0.0)

    def answers_ranked(self) -> List[Tuple[str, float]]:
        """The ranking without ``none``."""
        return [(a, p) for a, p in self.ranked if a != NONE]


def _band(confidence: float) -> str:
    if confidence >= 0.85:
        return "high"
    if confidence >= 0.65:
        return "mid"
    if confidence > 0:
        return "low"
    return "zero"


def rule_features(text: str, scale: str) -> Dict[str, float]:
    """The rule parser's reading of ``text`` as sparse features."""
    reading = rule_reading(text, scale)
    feats: Dict[str, float] = {f"scale={scale}": 1.0}
    answer = reading.answer or ("blocked" if reading.blocked else "nothing")
    feats[f"rule={answer}"] = 1.0
    feats[f"rule={answer}|{_band(reading.confidence)}"] = 1.0
    feats[f"rule_conf={_band(reading.confidence)}"] = 1.0
    feats["rule_confidence"] = reading.confidence
    if reading.second:
        feats[f"rule2={reading.second}"] = 1.0
    if reading.how:
        feats[f"how={reading.how}"] = 1.0
    if reading.no_signal:
        feats["no_signal"] = 1.0
    for tag in reading.concepts:
        role, concept = tag.split(":", 1)
        feats[f"c={concept}"] = 1.0
        feats[f"rc={tag}"] = 1.0
    length = len(text[:2000].split())
    feats[
        f"len={'1' if length <= 1 else '2-3' if length <= 3 else '4-8' if length <= 8 else 'long'}"
    ] = 1.0
    if "?" in text:
        feats["qmark"] = 1.0
    return feats


# A redaction placeholder, with the self-introduction around a redacted name ("[NAME] hier",
# "Mein Name ist [NAME]", "hier spricht [NAME]"): no answer in it.
_PLACEHOLDER = re.compile(
    r"(\b(mein name ist|ich bin|ich heiße|ich heisse|hier ist|hier spricht|this is|i am|i'm)\s+)?"
    r"\[[A-Z][A-Z_]{1,20}\](\s+(hier|am apparat|here)\b)?",
    re.IGNORECASE,
)


def norm(text: str) -> str:
    """The normalised text; redaction placeholders ("[NAME]", "[EMAIL]") carry no answer and
    are dropped."""
    rest = _PLACEHOLDER.sub(" ", text)
    if rest != text:
        rest = rest.strip(" ,;:.-")  # "[NAME] hier, ja nutzen wir" reads as "ja nutzen wir"
    return normalize_answer(rest) or "_empty_"


_CLAUSE_BREAK = frozenset(",;:.?!-")
_NEGATORS = frozenset(
    ["nicht", "nich", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts",
     "nein", "ohne", "kaum", "niemand", "nirgends", "xnein"]
)  # fmt: skip
_TURNS = frozenset(
    ["aber", "jedoch", "allerdings", "nur", "ausser", "sonst", "ansonsten", "hingegen", "dagegen",
     "trotzdem", "dennoch", "sondern", "bloss", "lediglich", "obwohl", "wobei", "zwar", "also",
     "insgesamt", "eigentlich", "noch", "wenn", "falls", "weil", "ob", "bis"]
)  # fmt: skip


_PAST = frozenset(["fruher", "damals", "ehemals", "vorher", "anfangs", "ursprunglich", "einst"])
_NOW = frozenset(
    ["heute", "seit", "inzwischen", "mittlerweile", "seitdem", "seither", "jetzt", "nun", "aktuell",
     "derzeit", "momentan", "zurzeit", "neuerdings", "heutzutage", "mehr"]
)  # fmt: skip


def structure(normalised: str) -> str:
    """Tokens marking where the words of the normalised text stand: ``n_`` for a word in a
    clause with a negation (wherever the negation stands, "festgelegt haben wir nichts"),
    ``l_`` for a word of the last clause (which often carries the answer), ``f_`` for the
    first clause, ``t<word>_`` for the words after a qualifying word ("nur", "aber",
    "noch") in the same clause, up to three of them, and ``past_`` / ``now_`` for the words of
    a clause about the past ("früher regelmäßig") or about today ("seit Corona kaum noch"):
    when an owner contrasts then and now, today's clause is the answer."""
    clauses: List[List[str]] = [[]]
    for token in normalised.split():
        if token in _CLAUSE_BREAK:
            if clauses[-1]:
                clauses.append([])
        else:
            clauses[-1].append(token)
    clauses = [c for c in clauses if c] or [["_empty_"]]
    out: List[str] = [f"nclauses{min(len(clauses), 4)}"]
    for number, clause in enumerate(clauses):
        negated = any(w in _NEGATORS for w in clause)
        tense = "now_" if any(w in _NOW for w in clause) else ""
        tense = tense or ("past_" if any(w in _PAST for w in clause) else "")
        last = number == len(clauses) - 1
        first = number == 0
        turn = ""
        turn_left = 0
        for word in clause:
            if negated:
                out.append(f"n_{word}")
            if tense:
                out.append(f"{tense}{word}")
            if last and len(clauses) > 1:
                out.append(f"l_{word}")
            if first and len(clauses) > 1:
                out.append(f"f_{word}")
            if turn_left:
                out.append(f"t{turn}_{word}")
                turn_left -= 1
            if word in _TURNS:
                turn, turn_left = word, 3
    return " ".join(out)
