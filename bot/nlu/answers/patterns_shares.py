"""Concept patterns, part 5: schedules and shares.

Schedules ("jeden Freitag", "einmal im Jahr", "jede Nacht") come before the shares, which
also use "jede"; shares are percentages, fractions and a quantifier combined with the
digital or the analogue side ("meistens Ordner" is rarely, "kein Papier mehr" always).
"""

from __future__ import annotations

from bot.nlu.answers.vocabulary import (
    _ANALOG,
    _ANALOG_NOUN,
    _DIG_VERB,
    _DIGITAL,
    _IN,
    _NUM,
    _Q_ALL,
    _Q_MOST,
)

_SHARE_PATTERNS: list[tuple[str, str]] = [
    # --- schedules (before the shares, which also use "jede")
    ("SCHED_ALWAYS", r"taglich|jeden (tag|morgen|abend)|jede nacht|jede stunde|stundlich|nachtlich"
                     r"|nachts"
                     r"|rund um die uhr|am gleichen tag|am selben tag|in dem gleichen tag"
                     r"|noch am selben tag"
                     r"|kontinuierlich|permanent|standig|laufend|fortlaufend|dauerthema|alltag"
                     r"|jeden werktag"
                     r"|synchronisiert|in echtzeit|jede freie minute|xalways"),
    ("SCHED_RARE", r"(einmal|ein mal|1 mal|eins) (im|pro|in|per|jedes) (jahr|halbjahr)|jahrlich\w*"
                   r"|halbjahrlich"
                   r"|(zweimal|zwei mal|2 mal|dreimal|drei mal|3 mal) (im|pro|in) (jahr|halbjahr)"
                   r"|alle (paar|zwei|drei) jahre"
                   r"|jedes jahr einmal|(zwei|drei|vier) ,? (drei|vier|funf) ?mal im jahr"
                   r"|letzte mal|zuletzt|vor (ein paar|einigen|zwei|drei) (monaten|jahren)|(im"
                   r"|pro) jahr(?! \d)"
                   r"|in grosseren abstanden|pro halbjahr|im halbjahr|(zweimal"
                   r"|zwei mal) in \w+ jahren"
                   r"|einzige\w*|letztes jahr (\w+ ){0,2}gemacht|letzten (herbst|sommer|winter"
                   r"|fruhling|fruhjahr|monat)"
                   r"|vielleicht (\w+ ){0,3}(im|pro|in|per) (monat|woche)"
                   r"|alle paar wochen (mal )?(einer|jemand|eine)"),
    ("SCHED_REGULAR",
     rf"{_NUM} ({_IN}) (woche|monat|quartal|wochen|monate)\b|(wochentlich|monatlich|quartalsweise"
     rf"|vierteljahrlich)\w*"
     r"|jeden (montag|dienstag|mittwoch|donnerstag|freitag|samstag|monat|ersten|letzten)\w*"
     r"|jede woche|jede zweite woche"
     r"|jedes quartal|jede (\w+ )?monat|jeden monat|(montags|dienstags|mittwochs|donnerstags"
     r"|freitags|samstags)"
     r"|alle (\w+ )?(tage|wochen|monate|14 tage|vierzehn tage)|alle paar wochen|vierzehntag\w*"
     r"|14 tagig\w*"
     r"|(pro|im|jede|jeden) (woche|monat|quartal)\b|turnus\w*|rhythmus|routine\w*|nach plan"
     r"|fester termin"
     r"|mehrmals pro quartal|every month"),
    # --- shares: percentages, fractions, quantifier x digital / analogue side
    ("PCT_ALL", r"(9[5-9]|100) prozent|zu 100"),
    ("PCT_MOST", r"([5-8][0-9]|9[0-4]) prozent|zwei drittel|drei viertel|(sechs|sieben|acht"
                 r"|neun) von zehn"
                 r"|mehr als (die )?halfte|mehr als halbe"),
    ("PCT_FEW", r"([1-4][0-9]|[1-9]) prozent|ein drittel|ein viertel|jede zehnte|(eins|eine|zwei"
                r"|drei) von zehn"
                r"|unter (zehn|10|20|zwanzig) prozent"),
    ("PCT_NONE", r"0 prozent|null prozent"),
    ("DIG_VERB", _DIG_VERB),
    ("NO_ANALOG", rf"(kein\w*|nicht mehr|nie) (\w+ ){{0,2}}({_ANALOG})(?! (ja|an))"
                  rf"|({_ANALOG}) (\w+ ){{0,3}}(keine?\w* mehr|nicht mehr|gibt es (da )?nicht mehr"
                  rf"|ist (komplett )?raus|kommt (bei uns )?in den schredder|abgeschafft)"
                  rf"|ohne ({_ANALOG})|({_ANALOG}) (kommt"
                  rf"|geht) (bei uns )?(nur )?(noch )?in die tonne|keinerlei ({_ANALOG})"),
    ("NO_DIGITAL", rf"({_DIGITAL}) (\w+ ){{0,3}}(nichts|nix|keine?s?|nicht|nie)\b(?! (mehr )?(ohne"
                   rf"|aus))"
                   rf"|(kein\w*|nichts|nie) (\w+ ){{0,2}}({_DIGITAL})(?! (mehr )?(ja|an))"
                   r"|nicht (digital|elektronisch|online)\w*|nicht uber (das )?(internet|netz)"),
    ("MOSTLY_ANALOG", rf"({_Q_MOST}) (\w+ ){{0,4}}({_ANALOG})|({_ANALOG}) ?,? ({_Q_MOST})"),
    # not "per mail meistens aber noch auf papier": "meistens" opens the next clause
    ("MOSTLY_DIGITAL", rf"({_Q_MOST}) (\w+ ){{0,5}}({_DIGITAL})|({_DIGITAL}) (\w+ )?({_Q_MOST})"
                       r"(?! (aber|doch|jedoch)\b)"),
    ("ALL_ANALOG", rf"({_Q_ALL}) (\w+ ){{0,5}}({_ANALOG})|({_ANALOG}) (\w+ ){{0,2}}({_Q_ALL}"
                   rf"|only)\b"
                   rf"|({_ANALOG}) ?,? (ausschliesslich|only)|(nur|only) ({_ANALOG_NOUN})|(immer"
                   rf"|stets) (\w+ ){{0,3}}({_ANALOG})"
                   rf"|noch (alles|alle) (\w+ ){{0,3}}({_ANALOG})"),
    ("ALL_DIGITAL", rf"({_Q_ALL}) (\w+ ){{0,7}}({_DIGITAL})|({_DIGITAL}) (\w+ ){{0,2}}(only"
                    rf"|{_Q_ALL})\b"
                    r"|(nur|only) (noch )?(online|digital|per mail|elektronisch)\b|papierlos\w*"
                    r"|vollautomatisch|automatisch"),
    ("HALF", r"die halfte|zur halfte|50 prozent|halb(?!ier)\w*(?! (jahr|stunde|tag|woche"
             r"|monat)\w*)"),
    ("IN_PROGRESS", r"gerade dabei|mitten in der umstellung|mittendrin|im umbau|im aufbau"
                    r"|fangen (gerade )?(damit )?an"
                    r"|in arbeit|lauft noch|in der umstellung|halb durch|teilweise umgestellt"
                    r"|auf dem weg|testen"),
    ("OUTDATED", r"veraltet\w*|outdated|alt|uralt|steinalt|nicht (mehr )?aktuell"
                 r"|nicht (mehr )?gepflegt|nicht mehr gepflegt"),
]  # fmt: skip
