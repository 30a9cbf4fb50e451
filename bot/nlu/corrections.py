"""Explicit correction language in a message and the new profile value it states.

"Korrektur: …", "hab mich vertan", "X, nicht Y", "sieben nich fünf", "Branche → Bau": whether a
message corrects the profile (:func:`is_correction`), which slots it names
(:func:`correction_targets`) and the new value it states for a known one (:func:`corrected`).
Used by :func:`bot.nlu.profile.decide_profile`; a corrected value is always confirmed first.
"""

from __future__ import annotations

import re
from typing import Any, FrozenSet, Optional

from bot.nlu.numbers import (
    find_numbers,
    looks_like_code,
    plausible_counts,
    read_staff,
    word_number,
)
from bot.nlu.places import best_municipality, names_municipality, ranked_municipalities
from bot.nlu.sectors import find_sectors, identity_frame, ranked_sectors
from bot.nlu.sectors.reading import _CATEGORY_WORDS
from bot.nlu.text import clean, normalized, tokenize

_NUMBER_WORDS = (
    "eins|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|dreizehn|vierzehn"
    "|funfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreissig|vierzig|funfzig"
)
# "falsche Mail", "falsche Bescheidenheit": a false thing, not a wrong profile value
_NOT_WRONG = (
    "(mail|mails|e mail|nachricht|rechnung|rechnungen|bescheidenheit|link|links|seite|absender"
    "|anrufe?|anrufer|paketdienst|microsoft|support|hotline|techniker|polizist\\w*|bank|sms"
    "|nummer|nummern|paket|pakete|gewinnspiel|adressen|herum|rum|leitweg\\w*|id|ausgefullt)"
)
# Explicit correction language, on folded text (umlauts folded: "ändern" -> "andern").
_CORRECTION = re.compile(
    r"\b(korrektur\w*|korrigier\w*|richtigstellung|richtig stellen|berichtig\w*|vertan"
    r"|verschrieben|vertippt|verklickt|verzahlt|verwechselt"
    r"|falsch(?!(e|en|er|es)? " + _NOT_WRONG + r"\b)\w*"
    r"|stimm(t|en) (so |da |das |hier |aber |leider |ubrigens |eigentlich |doch |gar )?"
    r"(nicht|nich|net|ned|nit)"
    r"|stimm(t|en) auch (nicht|nich|net|ned|nit)(?! ganz)"  # hedge: "das stimmt auch nicht ganz"
    r"|(war|ist|is) (quatsch|verkehrt|murks)|unzutreffend|prazisier\w*|richtigzustellen"
    r"|^(abandern|andern|anderung|anpassen)|(abandern|andern|anpassen) (sie|bitte|:)"
    r"|(bitte|branche|ort|sitz|standort|zahl|mitarbeiterzahl|angabe\w*|profil) (\w+ ){0,3}"
    r"(abandern|andern|anpassen)|anderung (bei|beim|der|des|zu|zur|zum|:)"
    r"|bitte (so )?(eintragen|korrigieren|anpassen|aktualisieren)|(an)?statt(?! ,| \.|$)"
    r"|instead of"
    r"|noch ?mal zu (meinem|meinen|unserem|den) (profil|angaben)|zur richtigstellung"
    r"|noch ?ma (zu|zur|zum) (die |den |der |dem )?(leute|branche|ort|zahl|mitarbeiter\w*)"
    r"|(ach|oh|ah|ahh|nee|ne|na) (, )?(ja (, )?)?(\w+ ){0,4}eigentlich|sorry|sorri|entschuldigung"
    r"|(hab|habe) (\w+ ){0,3}vergessen|(typed|wrote|entered|put|said) (\w+ ){0,3}(earlier|before)"
    r"|fix (my|the|our) (profile|\w+)"
    r"|noch ?mals? (zu|zur|zum) (der |dem |den )?(branche|ort|sitz|standort|mitarbeiter\w*"
    r"|anzahl|zahl|grosse|profil|angabe\w*)|(alles )?noch ?mal neu"
    r"|(treffender|passender|zutreffender|richtiger)e? (branche|ort|zahl)|passt besser"
    r"|(mir ist|ist mir) (\w+ ){0,4}aufgefallen|vergessen (habe|hab|hatte)|fehler von mir"
    r"|mein fehler|(zwei|ein|einen|kleinen) fehler|(ich )?hatte (\w+ ){0,5}(gesagt|angegeben"
    r"|geschrieben|eingetragen|vergessen|gezahlt|mitgezahlt|gerechnet|mitgerechnet|genannt)"
    r"|wrong|mistake|correction|actually|change (it|that|the)"
    r"|(wir sind|sind wir|wir sitzen|sitzen wir) (aber |doch )?eigentlich|eigentlich (sind|sitzen)"
    r" wir|(es sind|sind es|wir sind|sind wir|sind) doch"
    r"|nicht (der |die |dem |den |das )?\w+,? sondern"
    r"|(ach|oh) (nein|ne|nee|mist)|nein,? (es sind|wir sind|wir sitzen)"
    r"|(nicht|nich|not|nit) (in |im |auf |bei )?\w+( (liegt|liegen|ist|sind|sitzt|sitzen))?( ,)?"
    r" (sondern|but)|verwirrung|nachtrag"
    r"|erganzung zu|should be|(zu hoch|zu niedrig|zu tief) gegriffen"
    r"|(vorherige|vorige|obige) angabe|gesacht|korrekt (ist|sind|ware|waren|waere)"
    r"|(vorhin|vorher|eben|zuvor|gerade|before) (\w+ ){0,6}(gesagt|genannt|angegeben|geschrieben"
    r"|geklickt|eingegeben|eingetragen|vergessen)|(hab|habe) ich (\w+ ){0,3}vergessen"
    r"|vergessen zu (sagen|erwahnen)|(ich )?meinte (ich )?|gemeint"
    r"|(bitte|lieber|besser) (\w+ ){0,6}(setzen|umstellen|andern|korrigieren|eintragen|anpassen"
    r"|schreiben|nehmen)"
    r"|(hab|habe) (\w+ ){0,3}(angeklickt|geklickt|angetippt|getippt|gewahlt|ausgewahlt)"
    r"|^(update|nachtrag|korrektur|anderung|anmerkung)\b"
    # "sieben nich fünf", "24, nicht auf 42", "15 not 51", "acht statt sechs"
    r"|(\d+|" + _NUMBER_WORDS + r")( ,)? (nicht|nich|net|not|statt|anstatt|instead of) (auf |of )?"
    r"(\d+|" + _NUMBER_WORDS + r")"
    r"|korrekterweise|richtig (ist|sind|waren|ware|waere)|richtich (is|ist)"
    r"|(muss|musste|mussten) es (\w+ )?heissen|(wir sin|sin wir|wir sinn|sinn wir) doch"
    r"|typo|oops|my bad|i said|(pls|please|plz) (fix|change)|quick fix|forgot"
    r"|richtigstell\w*|auffallt|umgezogen|auf \w+ zu (abandern|andern|korrigieren)"
    r"|mach\w* (\w+ )?aus (dem|der|den|unserem|unserer) "
    r"|(oh|ah|ach) wait|anders als (\w+ ){0,2}(angegeben|gesagt|genannt)|update (\w+ ){0,3}to"
    r"|change (city|town|sector|industry|branch|team|headcount|employees|location|my|our)"
    r"|(nein|ne|nee|na|no|nope) (nee |nein )?,? (wir|mir|mer|we) (sind|sin|sinn|re|are) (in|en)"
    r"|(wir sind|sind wir|we re|we are|were) (\w+ ){0,2}(inzwischen|mittlerweile|now)|we moved"
    r"|(inzwischen|mittlerweile) (sind wir|nur noch)|ups|hoppla|bevor ich (es |s )?vergesse"
    r"|(mittlerweile|inzwischen|zwischenzeitlich) (\w+ ){0,3}(zu (zweit|dritt|viert|funft|sechst"
    r"|siebt|acht)|erhoht|gewachsen|gestiegen|gesunken)|verlegt|klarstell\w*|revidier\w*"
    r"|missverstanden|uberholt|veraltet|nicht mehr aktuell|(eingangs|zuvor|vorhin)"
    r" (genannt|angegeben)\w*|(das|dat) mit (\w+ ){1,2}(kannste|kannst du) vergessen"
    r"|warte (mal )?,? ?(nee|na|ne)"
    r"|stell\w* (\w+ ){0,2}auf|(bin ich|ich bin|ich) nicht (allein|alleine)|von vorhin|von vorher"
    r"|(ich sehe|ich merke|ich seh) (\w+ )?gerade|ich vergessen"
    r"|(headcount|zahl|number) (is|ist) off"
    r"|(headcount|team|profile|profil) update|(pls|please|plz|bitte) update"
    r"|(branche|ort|zahl|sitz|mitarbeiterzahl|angabe\w*) (\w+ ){0,2}(passt|stimmt) (\w+ )?"
    r"(nicht|nich|net)|(mitarbeiter\w*|branche|ort|sitz|zahl) (\w+ ){0,3}(ist|sind|war) ubrigens"
    r"|(\d+|" + _NUMBER_WORDS + r") ,? (nee|nein|ne|quatsch) ,? (\d+|" + _NUMBER_WORDS + r")"
    r"|(hab|habe) (\w+ ){0,3}gesagt \w+( ,)? aber"
    r"|fix (pls|please|plz)|(habe|hab) (\w+ ){0,3}gesagt( ,)? (aber|doch)"
    r"|^,? ?(branche|sektor|sector|industry|standort|firmensitz)\b"
    r"|^,? ?(mitarbeiter|mitarbeiterzahl|beschaftigte|headcount|ort|stadt)( ,| :)? \w+"
    r"|(branche|ort|sitz|mitarbeiter\w*) eigentlich"
    # corrections buried in a long answer (dev15)
    r"|stimm(t|en) (die |der |das )?(branche|zahl|ort|adresse|stadt|mitarbeiterzahl"
    r"|angabe\w*) (\w+ )?(nicht|nich|net)|richtig ?gestellt"
    r"|(konnen|konnten|wurden) sie (\w+ ){0,4}(setzen|andern|eintragen|korrigieren|umstellen)"
    r"|(wir|ich) (sind|bin) (\w+ ){0,3}nach \w+ (gezogen|umgezogen)|moved to"
    r"|(ach |und |un )(wir sind|wir sin|mir sin|sin wa) (\d+|" + _NUMBER_WORDS + r")\b"
    r"|(was|wat) ich noch sagen wollt\w*|(wir sind|sind wir|wir sitzen|sitzen wir) (jetzt|nun"
    r"|inzwischen|mittlerweile) in|(stadt|ort|branche) (nicht|nich|not) \w+"
    r"|(update|fix) (on|to|for) (my|our) profile|durcheinander ?(gekommen|gebracht)|praziser"
    r"|(hab|habe) (\w+ ){0,6}(mitgezahlt|mitgerechnet|vergessen)"
    r"|(mitarbeiterzahl|headcount|beschaftigtenzahl) (,|ist|is|=|liegt bei) \w+"
    r"|(branche|ort|zahl|mitarbeiter\w*) bitte \w+|erganzend zu bemerken"
    r"|(angabe|angaben) (\w+ ){0,3}erganz\w*|(tiny|quick|small) fix|undercounted|overcounted"
    r"|(sie haben|bei ihnen) (\w+ ){0,3}stehen|not just me anymore|nicht mehr allein"
    r"|(geschaft|laden|firma|betrieb|praxis|buro|werkstatt|sitz) (ist|is) (jetzt|nun|inzwischen"
    r"|seit \w+) in|(doch|aber) nur (\d+|" + _NUMBER_WORDS + r") (leute|leut|personen|mann"
    r"|mitarbeiter\w*)|hatte (\w+ ){0,4}(mitzahlen|mitrechnen|angeben|sagen) sollen"
    # the slot named with its new value ("Ja. Ort: Leverkusen", "branche: IT", "Sitz ist Wülfrath")
    r"|(^|(?<=, ))(ort|stadt|sitz|firmensitz|standort|branche|zahl|anzahl|mitarbeiterzahl"
    r"|headcount|location|sector|industry) (,|ist|is|=) \w+"
    # a short statement of the staff count ("nein. wir sind 13.", "Sind jetzt 6.", "jetzt zu dritt")
    r"|(^|(?<=, ))(ja |nein |nee |jo |aber )?(wir sind|wir sin|mir sin|sind|sin wa|sin) (aber "
    r"|jetzt |doch |nur |inzwischen )*(\d+|" + _NUMBER_WORDS + r")( leute| leut| personen| mann)?"
    r"$|(^|(?<=, ))(jetzt |nun |inzwischen |wir sind )?zu (zweit|dritt|viert|funft|sechst|siebt"
    r"|acht)$"
    r"|bevor ich\w* (es |s )?vergesse|eher (\w+ ){1,2}als (\w+ )?(handel|handwerk|gastronomie"
    r"|dienstleistung|produktion|bau|gesundheit|it|logistik|transport|sonstiges)"
    r"|(\d+|" + _NUMBER_WORDS + r") (leut\w*|mitarbeiter\w*|personen|mann|people) ,? (nicht|nich"
    r"|net|not) (\d+|" + _NUMBER_WORDS + r"))\b"
)

_SLOT_WORDS = {
    "employees": re.compile(
        r"\b(mitarbeiter\w*|ma ?zahl|ma|beschaftigt\w*|angestellt\w*|leute|personen|kopfe"
        r"|team\w*|belegschaft|personal\w*|anzahl|staff|employees|people|headcount|verzahlt"
        r"|mitarbeitende\w*|festangestellt\w*|minijob\w*|teilzeit\w*|zahl|grosse|betriebsgrosse"
        r"|firmengrosse|luck|lueck)\b"
    ),
    "sector": re.compile(
        r"\b(branche\w*|sektor|bereich|gewerbe|geschaftsfeld|industry|sector|was wir machen|branch"
        r"|category|kategorie)\b"
    ),
    "municipality": re.compile(
        r"\b(ort|ortsangabe|orts|stadt|gemeinde|sitz|firmensitz|standort|adresse|town|city"
        r"|location|plz|postleitzahl|moved|umgezogen|umzug)\b"
    ),
}


def _with_commas(text: str) -> str:
    """Folded words; a "," where the text has a comma, colon, dash or sentence end."""
    text = clean(text)
    out: list[str] = []
    end = 0
    for token in tokenize(text):
        if out and any(c in text[end : token.start] for c in ",;:.!?–-()"):
            out.append(",")
        out.append(token.norm)
        end = token.end
    return " ".join(out)


_DENIED = re.compile(
    r"((^|, |\b(is|ist|sin|sind) (\w+ ){1,2}|\bwere (\w+ ){0,2})"
    r"((ubrigens|ubrijens|also|ach|na|ne|nee|ja|nein) )?"
    r"(nicht|nich|net|nit|not)"
    r"|\b(wir|mer|mir|das|dat|es|et|firma|betrieb|laden|sitz|ich|isch|we"
    r"|standort|branche|geschaft) (sind|ist|is|sin|sinn|sitzen|bin|re|are) (aber |doch |gar |ja )?"
    r"(kein\w*|nicht|nich|net|nit|not)) (in |im |en |mehr |more |in the )?(?P<value>\w+)"
)


def _denies_a_value(folded: str) -> bool:
    """A sector, town or staff count denied: "nicht Haan, Hilden!", "dat is keine gastro",
    "wir sind nicht in Haan", "wir sind kein Café" (not "nicht gut", "wir sind keine
    Computerfreaks", "das ist kein Problem")."""
    for match in _DENIED.finditer(folded):
        rest = " ".join(folded[match.start("value") :].split()[:2])
        if find_sectors(rest) or ranked_municipalities(rest) or plausible_counts(rest):
            return True
    return False


def is_correction(text: str) -> bool:
    """Explicit correction language ("Korrektur: …", "hab mich vertan", "X, nicht Y")."""
    if not isinstance(text, str) or looks_like_code(text):
        return False
    folded = _with_commas(text)
    return bool(_CORRECTION.search(folded)) or _denies_a_value(folded)


def correction_targets(text: str) -> FrozenSet[str]:
    """Profile slots named in a correction ("die Branche stimmt nicht", "MA-Zahl ändern")."""
    norm = normalized(text)
    if not is_correction(text):
        return frozenset()
    return frozenset(slot for slot, words in _SLOT_WORDS.items() if words.search(norm))


def _names_known(text: str, slot: str, known: Any) -> bool:
    """The message names the value being corrected ("nicht Haan", "das mit der Gastronomie",
    "dat mit de zwei Leute"): the correction is about this slot."""
    if slot == "employees":
        return any(value == known for _, _, value in find_numbers(text))
    if slot == "sector":
        return any(match.value == known for match in find_sectors(text))
    return names_municipality(text, known)


_NUM = r"(\d{1,4}|[a-z]+)"
_REPLACEMENTS = (
    re.compile(rf"\bnicht {_NUM} sondern {_NUM}\b"),  # new value second
    re.compile(rf"\b{_NUM} (?:statt|anstatt|anstelle von) {_NUM}\b"),  # new value first
    re.compile(rf"\b{_NUM} (?:und )?(?:nicht|nich|net|not) (?:auf |of )?{_NUM}\b"),
    re.compile(rf"\b{_NUM} (?:now |jetzt )?instead of {_NUM}\b"),
    re.compile(rf"\b(?:not|nich|net) {_NUM} (?:sondern|but) {_NUM}\b"),  # new value second
    # "fünf leut nich drei", "12 now, not 9"
    re.compile(
        rf"\b{_NUM} (?:leut\w*|mitarbeiter\w*|personen|mann|people|now|jetzt) ?,? ?"
        rf"(?:nicht|nich|net|not) {_NUM}\b"
    ),
)
_NEW_SECOND = (0, 4)
# "die Mitarbeiterzahl auf 35 ändern", "bitte auf 12 korrigieren", "change it to 9"
_TO_VALUE = re.compile(
    # "korrekt wären vier", "inzwischen wären es zehn", "die korrekte Zahl dreizehn", "14 people
    # now", "bitte 8 schreiben"
    rf"\b(?:korrekt\w*|richtig\w*|tatsachlich|aktuell|inzwischen|mittlerweile|jetzt|now) "
    rf"(?:\w+ ){{0,3}}?(?:ist|sind|sin|waren|ware|es|are|zahl) (?:es |wir )?{_NUM}\b"
    rf"|\b{_NUM} (?:people|leute|mitarbeiter\w*|personen|ppl) (?:now|jetzt|inzwischen)\b"
    # "das wären dann zwölf", "also fünf sind wir", "also sind wir elf"
    rf"|\b(?:also|dann|das) (?:\w+ ){{0,2}}?(?:waren|ware|sind|sin) (?:es |wir |dann |wa )*{_NUM}\b"
    rf"|\balso {_NUM} (?:sind wir|sin wa)\b"
    rf"|\bbitte {_NUM} (?:schreiben|eintragen|nehmen)\b"
    rf"|\bauf {_NUM} (?:\w+ )?(?:andern|abandern|korrigieren|setzen|anpassen|erhohen|reduzieren"
    rf"|erhoht|gestiegen|gesunken|reduziert|verringert|gewachsen"
    rf"|aktualisieren|stellen)\b|\b(?:andern|korrigieren|setzen|erhohen|reduzieren) (?:sie )?"
    rf"(?:bitte )?auf {_NUM}\b|\b(?:change|update|set) (?:\w+ ){{0,3}}to {_NUM}\b"
)


_FIXED_AFTER = re.compile(r"^ ?(nee|nein|ne|quatsch|sorry|halt|oder) ")
_OTHER_NUMBERED = re.compile(
    r"\b(frage|fragen|question|punkt|nr|nummer|antwort|seite|schritt|stufe|note|uhr|euro)\b"
)


def _replacement(text: str, known: Any = None) -> Optional[int]:
    """The new number of "nicht X, sondern Y", "Y statt X" or "Y, nicht X", or None. Both
    must be plausible staff counts, or the old one is the ``known`` count ("sieben nich fünf")."""
    low = normalized(text)
    if _OTHER_NUMBERED.search(low):
        return None  # "Frage 7 statt 8": not the staff count
    plausible = {value for _, _, value in plausible_counts(text)}  # no years, times, prices
    for match in _TO_VALUE.finditer(low):
        if _FIXED_AFTER.search(low[match.end() :]):
            continue  # "richtig sind sechs … nee, sieben": the later number decides
        word = next(g for g in match.groups() if g)
        value = int(word) if word.isdigit() else word_number(word)
        if value in plausible or (value is not None and 1 <= value <= 250):
            return value
    for index, pattern in enumerate(_REPLACEMENTS):
        for match in pattern.finditer(low):
            new, old = (match.group(2), match.group(1)) if index in _NEW_SECOND else match.groups()
            values = [int(w) if w.isdigit() else word_number(w) for w in (new, old)]
            named = values[1] is not None and values[1] == known
            if values[0] in plausible and (values[1] in plausible or named):
                return values[0]
            if named and values[0] is not None and 1 <= values[0] <= 999:
                return values[0]
    return None


def _lone_count(text: str, targets: FrozenSet[str]) -> Optional[int]:
    """ "dat war falsch, mit mir sinnet zwölf": a correction whose only number is a plausible
    staff count, naming no sector or town (or naming the staff count as the target)."""
    values = {value for _, _, value in plausible_counts(text)}
    low = normalized(text)
    if len(values) != 1 or _OTHER_NUMBERED.search(low) or not 1 <= min(values) <= 250:
        return None
    if "employees" in targets:
        return values.pop()
    if len(low.split()) <= 10 and not (find_sectors(text) or ranked_municipalities(text)):
        return values.pop()
    return None


_SHARE = re.compile(
    r"\b(von|of|aus|out of) (den |the |unseren |our )?(\d+|" + _NUMBER_WORDS + r")\b"
)


def _other_than_known(text: str, known: Any) -> Optional[int]:
    """A correction that names the known staff count and exactly one other plausible count
    ("Ich habe gesagt zehn, aber richtig ist elf"): the other one is the new count."""
    low = normalized(text)
    if _OTHER_NUMBERED.search(low) or _SHARE.search(low):
        return None  # "nur 2 von 6 Leuten": a share of the staff, not a new count
    values = {value for _, _, value in plausible_counts(text)}
    others = values - {known}
    if known in values and len(others) == 1:
        return others.pop()
    return None


def _category_word(text: str, match: Any) -> bool:
    """The match is a category's own name ("Handel", "Sonstiges"), not a trade."""
    return set(normalized(clean(text)[match.start : match.end]).split()) <= _CATEGORY_WORDS


def corrected(text: str, slot: str, known: Any, targets: FrozenSet[str]) -> Any:
    """The new value a correction states for ``slot`` (never the known one), or None."""
    if slot not in targets and _names_known(text, slot, known):
        targets = targets | {slot}
    if slot == "employees":
        replaced = _replacement(text, known)
        if replaced is None:
            replaced = _other_than_known(text, known)
        if replaced is None:
            replaced = _lone_count(text, targets)
        if replaced is not None and replaced != known:
            return replaced  # "nicht 15, sondern 50", "bitte 9 statt 6"
        staff = read_staff(text, lenient="employees" in targets)
        if staff is not None and staff.source == "solo" and targets - {"employees"}:
            return None  # "Bitte ändern Stadt, …, nur ich wohne in Düsseldorf": another slot
        return staff.count if staff is not None and staff.count != known else None
    if slot == "sector":
        for _, match in ranked_sectors(text):
            if match.value == known:
                continue
            if match.value == "sonstiges" and targets and "sector" not in targets:
                continue  # "aber was anderes: … die Zahl korrigieren": not the sector
            if "sector" in targets or identity_frame(text, match):
                return match.value
        found = [m for m in find_sectors(text) if m.value != known]
        others = {m.value for m in found}
        named = {m.value for m in found if _category_word(text, m)}
        short = (
            len(normalized(text).split()) <= 15
            and "?" not in text
            and not (plausible_counts(text) or ranked_municipalities(text))
        )
        if len(others) == 1 and ("sector" in targets or short) or len(named) == 1:
            # "wir sind Pflege, nicht Dienstleistung", "pls change to Handel"
            return (named or others).pop()
        return None
    ranked = ranked_municipalities(text)
    if not ranked and "municipality" in targets:
        named = best_municipality(text)  # "Ort stimmt nicht: Mettmann": the negation is the old
        return named.value if named is not None and named.value != known else None
    lone = len({match.value for _, match in ranked}) == 1 and len(normalized(text).split()) <= 8
    for score, match in ranked:
        if match.value == known:
            continue
        if "municipality" in targets or score >= 2 or (lone and score >= 0):
            return match.value  # "Ändern: Velbert", "fix pls: 4 people, logistics, Monheim"
        return None
    return None
