"""Numbers and staff counts in German free text.

Two layers:

1. **Numbers** (:func:`find_numbers`): digits and German number words (also dialect and common
   misspellings: "zwanzich", "fümf", "sechszehn"), "Dutzend" forms, "zu fünft", English
   numerals. Before anything is read, number-like things that are never counts are masked:
   phone numbers (German and international formats), postal codes, dates, times and opening
   hours, prices and amounts, percentages, decimals, house numbers after a street name, IDs
   after a label ("Postfach", "Kundennummer", "Steuernummer" …) and the placeholders that
   channels put in for personal data ("[TELEFON]", "[PLZ]", "[ADRESSE]" …).
2. **Staff counts** (:func:`read_staff`): only from staff language, in this order of trust:

   * an explicit total: "also sieben", "macht elf", "das sind dann neun", "Sieben
     insgesamt", "mit mir 16", "sagen wir sieben", "= 5", "Wie viele Leute? Sieben";
   * "wir sind 12", "zu fünft", "team of 4", "12 Leute" / "27 Mitarbeiter" (a general staff
     noun), with later additions ("Wir sind 6, samstags kommt noch eine Aushilfe dazu" = 7);
   * a composition, summed: "ich, meine Frau und drei Gesellen" = 5, "2 Meister, 4 Gesellen,
     1 Azubi und ich" = 8, "zwei Kolonnen zu je vier Mann" = 8;
   * "nur ich", "Ein-Mann-Betrieb" = 1, "wir beide" = 2;
   * only when the staff question was asked: a bare number ("12", "ca 6-8", "Hmm, 9? Nein,
     10").

Decisions (documented contract):

* Ranges ("10-12", "zwischen 8 und 10", "zehn, elf Leute", "zwei oder drei") count as their
  midpoint rounded down (10-12 -> 11, 35 bis 40 -> 37).
* "ein Dutzend" = 12, "zwei Dutzend" = 24, "ein halbes Dutzend" = 6, "anderthalb Dutzend" =
  18; "eine Handvoll" = 5; approximations ("ca.", "knapp", "fast", "um die") keep the number;
  "unter 10" / "weniger als 10" is no number.
* The count includes the owner: "nur ich" = 1, "ich und zwei Mitarbeiter" = 3, "14 Fahrer
  plus ich" = 15, "6 Festangestellte …, mich nicht mitgezählt" = 7, "zwölf Angestellte plus
  meine Wenigkeit" = 13; "inklusive mir", "mit mir", "ich bin da mit drauf" keep the number.
  "Wir haben 27 Mitarbeiter" = 27; a lone sub-group without the owner ("Wir haben 2
  Azubis") is no total. "Ich habe zwei Angestellte" (the owner neither included nor
  excluded) is read both ways: 2 as written, not sure, with 3 as ``alternative`` (the
  confirmation offers both).
* Ages are never counts: "ich bin 45", "mein Sohn ist 34", "Jahrgang 1975", "45 Jahre alt",
  "mit meinen 62 Jahren".
* Counts in past or future clauses ("früher waren wir 25", "wir suchen noch zwei Leute"),
  per-unit counts ("jeweils 3 Mann"), subsets ("davon 3 Azubis"), negated counts ("nicht
  16") and counts of other things (vehicles, customers, orders, rooms, years) never count.

The package, by topic:

* :mod:`~bot.nlu.numbers.masking` – number-like things that are never counts;
* :mod:`~bot.nlu.numbers.words` – German (and English) number words;
* :mod:`~bot.nlu.numbers.scanning` – tokens, numbers and ranges (:func:`find_numbers`);
* :mod:`~bot.nlu.numbers.lexicon`, :mod:`~bot.nlu.numbers.phrases` – word lists and phrase
  cues of staff language;
* :mod:`~bot.nlu.numbers.records` – :class:`Mention` and :class:`StaffReading`;
* :mod:`~bot.nlu.numbers.context`, :mod:`~bot.nlu.numbers.clauses` – what surrounds a number,
  clauses and their time;
* :mod:`~bot.nlu.numbers.mentions`, :mod:`~bot.nlu.numbers.persons` – the staff mentions of a
  message;
* :mod:`~bot.nlu.numbers.owner`, :mod:`~bot.nlu.numbers.decide`,
  :mod:`~bot.nlu.numbers.sureness`, :mod:`~bot.nlu.numbers.not_staff` – one count from the
  mentions, and whether it is sure;
* :mod:`~bot.nlu.numbers.staff` – the public entry points (:func:`read_staff` …).
"""

from __future__ import annotations

from bot.nlu.numbers.masking import MASK, mask
from bot.nlu.numbers.records import Mention, StaffReading
from bot.nlu.numbers.scanning import Num, Tok, find_numbers
from bot.nlu.numbers.staff import (
    MAX_COUNT,
    employee_count_in_context,
    employee_span,
    looks_like_code,
    parse_employee_count,
    plausible_counts,
    read_staff,
)
from bot.nlu.numbers.words import word_number

__all__ = [
    "MASK",
    "MAX_COUNT",
    "Mention",
    "Num",
    "StaffReading",
    "Tok",
    "employee_count_in_context",
    "employee_span",
    "find_numbers",
    "looks_like_code",
    "mask",
    "parse_employee_count",
    "plausible_counts",
    "read_staff",
    "word_number",
]
