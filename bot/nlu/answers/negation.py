"""Negation beyond single words: the uncovered rest, the analogue side and "ja nein".

"Der Rest" / "alles andere" in a contrast clause without its own polarity means the rest
is not covered; the analogue side with "noch" or a medium word ("über Zettel") is a real
negative; "ja nein" side by side is a contradiction.
"""

from __future__ import annotations

from bot.nlu.answers.clause_patterns import _REST
from bot.nlu.answers.clauses import Clause
from bot.nlu.answers.concepts import _NOT_ANSWERS


def _rest_is_negative(clause: Clause, concepts: list[str]) -> list[str]:
    """ "Der Rest", "alles andere" without own polarity: the rest is not covered ("mails ja,
    der Rest liegt im Büro"); the analogue side with "noch" is a real negative."""
    polar = [c for c in concepts if c not in _NOT_ANSWERS and c != "ALL"]
    rest = _REST.match(clause.text) or _REST.match(clause.text.split(" ", 1)[-1])
    exception = clause.words[:1] in (["ausser"], ["bis"]) or clause.text.startswith("abgesehen")
    if clause.role == "contrast" and (rest or exception) and not polar:
        return concepts + ["NO"]
    doing = [c for c in polar if c not in ("YES", "WORKS")]
    if "ANALOG" in concepts and "DIGITAL" not in concepts and "noch" in clause.words and not doing:
        # "Angebote mach ich noch mit der Hand": still analogue is a real negative
        return [c for c in concepts if c not in ("YES", "WORKS")] + ["NO"]
    medium = any(w in _MEDIUM for w in clause.words)
    if "ANALOG" in concepts and "DIGITAL" not in concepts and medium and not doing:
        # "läuft bei uns über Zettel und Telefon": the "läuft" says how, the medium is analogue
        return [c for c in concepts if c not in ("YES", "WORKS")] + ["NO"]
    return concepts


_MEDIUM = frozenset(["uber", "per", "via", "mit", "auf"])


def _contradiction(clauses: list[Clause]) -> bool:
    """ "ja nein", "ja, nein, also ...": yes and no particles side by side."""
    head = [w for c in clauses[:2] for w in c.words][:5]
    return "ja" in head and "nein" in head and len(head) <= 4
