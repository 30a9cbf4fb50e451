"""Part answers: hedged yeses, a yes for one named part, positive and negative parts.

"Im Grunde ja, wobei ...", "Die Touren ja, aber der Dienstplan hängt am Brett", "Geld ja,
Zeit nicht": such answers are "partly" (or a middle level), not a plain yes.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.nlu.answer_norm import folded
from bot.nlu.answers.clause_words import _PARTICLE_WORDS
from bot.nlu.answers.clauses import Clause
from bot.nlu.answers.result import _Read
from bot.nlu.answers.scales import DONT_KNOW, PARTICLE, STATEMENT, _merge, _polarity

_PARTIAL = frozenset(
    "PARTLY SOMETIMES RARELY FEW ONLY HALF MIXED NOT_ALWAYS MOSTLY MOST RATHER_YES".split()  # noqa: SIM905
)

_TOPIC_START = frozenset(
    ["die", "der", "den", "dem", "fur", "bei", "beim", "am", "im", "auf", "aufm", "in", "an",
     "mit", "unsere", "unser", "unseren", "unserem", "meine", "mein", "meinen", "meinem"]
)  # fmt: skip
_NOT_TOPIC = frozenset(
    ["naturlich", "eigentlich", "grundsatzlich", "definitiv", "absolut", "sicher", "klar",
     "selbstverstandlich", "generell", "prinzipiell", "aktuell", "momentan", "derzeit", "bisher",
     "bislang", "inzwischen", "mittlerweile", "ehrlich", "tatsachlich", "leider", "wohl",
     "vermutlich", "hoffentlich", "also", "jedenfalls", "durchaus", "sowieso", "immerhin"]
)  # fmt: skip
_TOPIC_NOT = frozenset(["auch", "ebenfalls", "genauso", "gleichfalls", "sowieso", "uberall"])
_TOPIC_PRONOUN = frozenset(["uns", "mir", "mich", "ihm", "ihr", "ihnen", "euch", "dir", "allen"])
# "die sind auch aktuell": a demonstrative pronoun before its verb, not a new noun phrase
_TOPIC_VERB = frozenset(
    ["sind", "ist", "war", "waren", "werden", "wird", "haben", "hat", "hatten", "laufen", "lauft",
     "machen", "macht", "kriegen", "kriegt", "bekommen", "bekommt", "konnen", "kann", "gehen",
     "geht", "nutzen", "nutzt", "auch", "ja", "schon", "nicht", "wir", "ich"]
)  # fmt: skip
_TOPIC_MORE = re.compile(folded(r"(der rest|alles andere|die anderen|sonst|ansonsten|den rest)\b"))


def _hedged_yes(clauses: list[Clause]) -> bool:
    """ "Im Grunde ja, wobei ...", "grundsätzlich schon, nur dieses Jahr ...": a hedged yes
    (``MAINLY_YES``) that the owner goes on to qualify is a part answer, even when the
    qualification itself carries no answer word."""
    if len(clauses) < 2 or "MAINLY_YES" not in clauses[0].concepts:
        return False
    return any(c.role in ("contrast", "concessive") for c in clauses[1:])


def _topic_yes(clauses: list[Clause]) -> bool:
    """ "Die Touren ja, aber der Dienstplan hängt am Brett", "für die Lizenzen ja, für
    Weiterbildung dagegen nur anlassbezogen": a yes given for one named part (a noun phrase
    before the particle) with another part named after it is a part answer. Not when the
    later part is included ("die Rechner ja, die Handys auch")."""
    first = clauses[0].words if clauses else []
    if len(clauses) < 2 or not 2 <= len(first) <= 6 or first[-1] not in ("ja", "schon"):
        return False
    if len(first) == 2 and first[0] not in _TOPIC_START:
        # a bare noun ("Virenschutz ja, aber Updates ..."): only with a contrast after it that
        # says something itself
        if first[0] in _PARTICLE_WORDS or first[0] in _NOT_TOPIC or len(first[0]) < 5:
            return False
        return any(c.role == "contrast" and c.concepts for c in clauses[1:])
    if first[0] not in _TOPIC_START or first[1] in ("ja", "schon") or first[1] in _TOPIC_PRONOUN:
        return False
    later = [c for c in clauses[1:] if c.role not in ("relative", "reason", "question")]
    if any(_TOPIC_NOT & set(c.words) for c in later):
        return False
    return any(
        c.role == "contrast"
        or _TOPIC_MORE.match(c.text)
        or (c.words[0] in _TOPIC_START and len(c.words) >= 3 and c.words[1] not in _TOPIC_VERB)
        for c in later
    )


_TOPIC_HEADS = frozenset(["fur", "bei", "beim", "im", "in", "auf", "mit"])


def _partial(scale: str, pool: list[_Read]) -> Optional[tuple[str, Optional[str], float]]:
    """ "Geld ja, Zeit nicht", "grundsätzlich schon, nur bei den Handys nicht": a part answer.

    A positive and a negative reading in a main and a contrast clause, or in two short
    parallel clauses, make a yes/partly/no answer "partly" and a level answer a middle one.
    """
    if scale not in ("yes_partly_no", "level"):
        return None
    answers = [
        r for r in pool
        if r.strength >= STATEMENT and r.answer != DONT_KNOW and r.concept != "ALL"
    ]  # fmt: skip
    positive = [r for r in answers if _polarity(scale, r.answer) > 0]
    negative = [r for r in answers if _polarity(scale, r.answer) < 0]
    if not positive or not negative:
        return None
    roles = {r.clause.role for r in positive} | {r.clause.role for r in negative}
    contrasted = "contrast" in roles and bool({"main", "verdict", "concessive"} & roles)
    parallel = any(
        abs(p.index - n.index) <= 2
        and max(p.strength, n.strength) >= PARTICLE
        and (
            (len(p.clause.words) <= 6 and len(n.clause.words) <= 6)
            or (p.clause.words[0] == n.clause.words[0] and p.clause.words[0] in _TOPIC_HEADS)
        )
        for p in positive
        for n in negative
    )
    if not (contrasted or parallel):
        return None
    if scale == "yes_partly_no":
        first = min(positive + negative, key=lambda r: r.index)
        return "partly", first.answer, 0.72 if contrasted else 0.68
    restricted = [r for r in positive + negative if r.clause.words[0] in ("nur", "lediglich")]
    if restricted and len(restricted) < len(positive + negative):
        main = min((r for r in positive + negative if r not in restricted), key=lambda r: r.index)
        return main.answer, restricted[0].answer, 0.66
    merged, second = _merge(scale, [positive[0].answer, negative[0].answer])
    return merged, second, 0.66
