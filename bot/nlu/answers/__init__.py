"""Free-text answers -> answer ids of a questionnaire scale, by rules that know when they are sure.

Pipeline (all pure Python, a few hundred microseconds per message):

1. **Normalise** (:mod:`bot.nlu.answer_norm`): fold, emojis to tokens, dialect and English to
   standard German, punctuation kept as clause boundaries.
2. **Concepts**: an ordered list of patterns is scanned; each match is *consumed* (blanked) so
   "nicht immer" is not also "immer", "sehr gut" not also "gut", "keine Ahnung davon" not also
   "keine Ahnung".  A concept is scale-independent (``NOT_ALWAYS``, ``DK``, ``LOW`` ...) and is
   mapped per scale (``_MAP``).
3. **Clauses**: the message is split at punctuation and at conjunctions; each clause gets a
   role from its first word and its markers:

   * ``contrast`` (aber, nur, jedoch, allerdings, außer, bis auf ...) - qualifies the main
     statement: "grundsätzlich schon, nur bei den Handys noch nicht" -> partly;
   * ``concessive`` (obwohl, wobei, wenngleich, auch wenn, zwar) - weak: "Ja, wobei die
     Umsetzung hakt" stays yes;
   * ``plan`` (wollen nächstes Jahr, steht auf der Liste, in Planung, beabsichtigen) and
     ``past`` (früher, damals, hatten mal) - say nothing about today: their positive words are
     ignored ("Noch gar nicht, aber wir wollen nächstes Jahr komplett umstellen" -> never);
   * ``verdict`` (also, daher, insgesamt, "würde ich sagen", "sodass ich die Frage verneine") -
     the owner's own conclusion, which wins;
   * ``question`` - a sentence that asks back; it carries no answer ("Zählt ein Freund, der ab
     und zu hilft, als Dienstleister?" -> no answer), except a leading answer ("Ja, wieso?").

4. **Decision**: a leading answer particle ("nein, das Geld geht immer zuerst in die
   Werkstatt") decides unless a contrast clause qualifies it; otherwise clause readings are
   merged per scale (a yes and a no part -> partly; a good and a weak group -> basic ...).
   The reading reports how sure it is (:class:`RuleReading`): ``confidence`` is high only for a
   single, unopposed signal; merged, weak or conflicting signals lower it and name the
   runner-up, so :mod:`bot.nlu.understanding` can ask instead of storing.

Frequency answers are also read as *shares*: a quantifier (alles, meistens, ein paar, 80 %,
zwei Drittel, die Hälfte, keine) combined with what it is about - the digital side (Mail, PDF,
online, Software, scannen) or the analogue side (Papier, Ordner, von Hand, Telefon) - so
"meistens Ordner" is rarely and "kein Papier mehr" is always; and as *schedules* ("jeden
Freitag", "einmal im Quartal" -> regularly, "einmal im Jahr" -> rarely, "jede Nacht" -> always).

Modules (the rule reader is split by topic; this package re-exports its public names):

* :mod:`~bot.nlu.answers.scales` - the scales, the concept -> answer map, strengths, merging;
* :mod:`~bot.nlu.answers.vocabulary` and the ``patterns_*`` modules - the ordered concept
  patterns (meta talk, don't know, level, degrees and hedges, schedules and shares, generic
  words); :mod:`~bot.nlu.answers.concepts` compiles and scans them;
* :mod:`~bot.nlu.answers.clause_words`, :mod:`~bot.nlu.answers.clause_patterns` and
  :mod:`~bot.nlu.answers.clauses` - splitting into clauses and their roles;
* :mod:`~bot.nlu.answers.clause_reading` - one clause's answer and strength;
* :mod:`~bot.nlu.answers.negation`, :mod:`~bot.nlu.answers.leads`,
  :mod:`~bot.nlu.answers.hedges` - the uncovered rest, leading answers, part answers;
* :mod:`~bot.nlu.answers.combine` - one reading from the clause readings;
* :mod:`~bot.nlu.answers.reader` - :func:`rule_reading` and :func:`parse_answer`.
"""

from bot.nlu.answers.clauses import Clause
from bot.nlu.answers.reader import parse_answer, rule_reading
from bot.nlu.answers.result import RuleReading
from bot.nlu.answers.scales import (
    DEGREE,
    DONT_KNOW,
    PARTICLE,
    SCALES,
    STATEMENT,
    STRONG,
    WEAK,
)

__all__ = [
    "DEGREE",
    "DONT_KNOW",
    "PARTICLE",
    "SCALES",
    "STATEMENT",
    "STRONG",
    "WEAK",
    "Clause",
    "RuleReading",
    "parse_answer",
    "rule_reading",
]
