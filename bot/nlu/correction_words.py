"""The words of correction language: explicit correction phrases (:data:`CORRECTION`), the
words that name a profile slot (:data:`SLOT_WORDS`) and the patterns that carry a new value
("nicht 15, sondern 50", "die Mitarbeiterzahl auf 35 ändern"). Used by
:mod:`bot.nlu.corrections`, which decides with them.
"""

from __future__ import annotations

import re

from bot.nlu.text import normalized

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
    r"|(wir sind|sind wir|wir sitzen|sitzen wir) (\w+ ){0,2}eigentlich|eigentlich (sind|sitzen)"
    r" wir|(es sind|sind es|wir sind|sind wir|sind) doch"
    r"|nicht (der |die |dem |den |das )?\w+( ?,)? sondern"
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
    r"|(\d+|" + _NUMBER_WORDS + r")( ,)? (und )?(nicht|nich|net|not|statt|anstatt|instead of)"
    r" (auf |of )?"
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
    r"|(mittlerweile|inzwischen|zwischenzeitlich) (\w+ ){0,6}(zu (zweit|dritt|viert|funft|sechst"
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
    r"|(mitarbeiterzahl|headcount|beschaftigtenzahl) (,|ist|is|=|liegt bei|betragt) \w+"
    # dev16: "Standort Leichlingen", "und ort wülfrath", "sind jetzt in Wülfrath", "Wir sitzen in
    # Monheim.", "6 mit mir.", "mach ma hilden wech", "schreib ma ratingen", "wieso steht da haan"
    r"|(^|(?<=, ))(und |un )?(standort|firmensitz|sitz|ort) \w+( \w+)?$"
    r"|(^|\b)sind (jetzt|nun|inzwischen) in|(^|(?<=, ))(wir sitzen|sitzen wir) in \w+( \w+)?$"
    r"|(^|(?<=, ))(\d+|" + _NUMBER_WORDS + r") (mit mir|inkl\w* mir|with me)$"
    r"|(mach|mache) (ma |mal )?\w+ (weg|wech)|\w+ (konnen sie )?streichen|schreibe? (ma|mal) \w+"
    r"|(wieso|warum) steht da|korrijier\w*|bin (\w+ )?(nicht|nich) (mehr )?(allein|alleine)"
    r"|(nicht|nich) \w+ (dat|das) (is|ist) "
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
    r"|jetzt |doch |nur |inzwischen |ubrigens )*(\d+|" + _NUMBER_WORDS + r")( leute| leut| personen"
    r"| mann| mit mir)?"
    r"$|(^|(?<=, ))(jetzt |nun |inzwischen |wir sind |sind )?zu (zweit|dritt|viert|funft|sechst"
    r"|siebt"
    r"|acht)$"
    r"|bevor ich\w* (es |s )?vergesse|eher (\w+ ){1,2}als (\w+ )?(handel|handwerk|gastronomie"
    r"|dienstleistung|produktion|bau|gesundheit|it|logistik|transport|sonstiges)"
    r"|(\d+|" + _NUMBER_WORDS + r") (leut\w*|mitarbeiter\w*|personen|mann|people) ,? (nicht|nich"
    r"|net|not) (\d+|" + _NUMBER_WORDS + r")"
    # dev17: "eigentlich Heiligenhaus", "inzwischen zu neunt", "passt auch die Branche nicht",
    # "die Branche auf Gesundheit und Pflege ändern", "eher dem Bereich Produktion zuzuordnen",
    # "die Einordnung als Gastronomie zutreffender", "weil wir eigentlich ein Restaurant sind",
    # "eigentlich sin wa eher produktion", "we're more Produktion", "Wülfrath not Wuppertal"
    r"|^(aber |ne |nee |na )?eigentlich( \w+){1,4}$"
    r"|(^|(?<=, ))(\w+ )?(jetzt |nun |inzwischen |mittlerweile |eigentlich |wir sind |sind "
    r"|sin wa |wir sin )*zu (neunt|zehnt|elft|zwolft)$"
    r"|(passt|stimmt|trifft) (auch |aber |leider |ubrigens |dann )?(die|der|das) (branche"
    r"|einordnung|zahl|ort|angabe\w*|mitarbeiterzahl) (\w+ )?(nicht|nich|net)"
    r"|(branche|einordnung) (\w+ |, ){0,6}(passt|stimmt|trifft) (\w+ ){0,2}(nicht|nich|net)"
    r"|(branche|ort|sitz|zahl|mitarbeiterzahl|einordnung) auf (\w+ ){1,4}(andern|abandern"
    r"|setzen|umstellen|korrigieren)"
    r"|(eher|weniger|besser|zutreffender|treffender|richtiger) (\w+ ){0,6}(zuzuordnen"
    r"|einzuordnen|zuordnen|einordnen)"
    r"|(einordnung|zuordnung) als \w+ (\w+ )?(zutreffender|treffender|richtiger|passender)"
    r"|bisher (angegeben|eingetragen|genannt|hinterlegt)\w*|bisherige (einordnung|angabe|branche)"
    r"|\b(wir|mer|wa) eigentlich (ein|eine|n|ne) (\w+ ){1,2}(sind|sin|san)"
    r"|eigentlich (sind|sin|san|sitzen) (wir|wa|mer)"
    r"|(we re|we are|were) (more|rather|actually|really) (a |an )?\w+"
    r"|^\w+( \w+)? (not|nicht|nich) \w+$"
    # dev18: "Mir fällt gerade auf, dass ich Erkrath gesagt habe, …"
    r"|fallt (mir )?(gerade|eben|grad|jetzt) auf|(gesagt|angegeben|geschrieben|eingetragen)"
    r" (habe|hab|hatte)\b(?! ich (doch|ja) schon)|versehentlich"
    # dev19/dev20: "Ort bitte: Erkrath", "tragen Sie als Branche Transport ein", "trag ma gastro
    # ein", "als Sitz Ratingen zu erfassen", "Handwerk durch Produktion zu ersetzen", "die
    # Beschäftigtenzahl auf 2 zu reduzieren", "mach ma die mitarbeiter auf vierzehn", "Ich möchte
    # ändern die Zahl", "die Stadt ist Langenfeld", "Handwerk gedrückt", "wat hab ich da
    # geschrieben", "jetz nur noch drei", "Jetzt wir sind 16", "13 seit ostern nich mehr 11",
    # "Azubis vergessen, also 14", "I wrote 5 but", "Bitte IT, nicht Sonstige"
    r"|(branche|ort|stadt|sitz|zahl|mitarbeiter\w*) bitte( ,)? \w+"
    r"|trag\w* (sie |ma |mal |bitte |doch )*(\w+ ){0,2}(als |bei |unter )?(branche|ort|stadt|sitz"
    r"|standort|mitarbeiter\w*|zahl) (\w+ ){0,4}ein\b"
    r"|trag\w* (sie |ma |mal |bitte |doch )+\w+( \w+)? ein\b"
    r"|(als|unter) (sitz|ort|standort|branche) (\w+ ){0,4}(zu )?(erfassen|eintragen|fuhren"
    r"|notieren)"
    r"|durch (\w+ ){1,3}(zu )?ersetz\w*|ersetz\w* (sie )?(\w+ ){0,3}durch\b"
    r"|(zahl|mitarbeiter\w*|beschaftigt\w*|branche\w*|ort|stadt|sitz) (\w+ ){0,5}(zu )?(reduzier"
    r"|erhoh|verringer|senk|anheb|andern|abandern|anpassen|umstellen|korrigieren)\w*"
    r"|mach\w* (ma |mal |bitte |sie )?(die |den |das |der )?(mitarbeiter\w*|zahl|branche|ort|stadt"
    r"|sitz) auf\b"
    r"|(andern|abandern|korrigieren) (die|den|das|der) (zahl|branche|ort|stadt|mitarbeiter\w*|sitz)"
    r"|(^|(?<=, ))(moment |also |nein |nee |ne )?(die |der |unser |unsere )?(ort|stadt|sitz"
    r"|standort|branche) (ist|is|sind) \w+"
    r"|(hab|habe) (\w+ ){0,3}gedruckt\b|(was|wat) (hab|habe) (ich|isch) (da |hier |vorhin |denn )*"
    r"(geschrieben|eingegeben|angegeben|eingetragen|gesagt)\b"
    r"|(jetzt|jetz|nun|inzwischen|mittlerweile) (\w+ )?nur (noch )?(\d+|" + _NUMBER_WORDS + r")\b"
    r"|(^|(?<=, ))(jetzt|jetz|nun) (wir sind|sind wir|wir sin|sin wir|sind|sin) (\d+|"
    + _NUMBER_WORDS
    + r")\b"
    r"|(\d+|"
    + _NUMBER_WORDS
    + r") (\w+ ){0,3}(nicht|nich|net|not) mehr (\d+|"
    + _NUMBER_WORDS
    + r")\b"
    r"|^(die |den |der )?\w+ vergessen\b"
    r"|\b(i|we) (wrote|typed|said|put|entered|picked|clicked) (\w+ ){0,2}but\b"
    r"|^bitte (\w+ )?(it|handel|handwerk|gastronomie|gastro|bau|logistik|produktion"
    r"|dienstleistung|gesundheit|pflege)\b"
    r")\b"
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
        r"|location|plz|postleitzahl|moved|umgezogen|umzug|ortes)\b"
    ),
}


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
    # "wir sin jetz 13 seit ostern nich mehr 11"
    re.compile(
        rf"\b(\d{{1,4}}|{_NUMBER_WORDS}) (?:\w+ ){{0,3}}?(?:nicht|nich|net|not) mehr "
        rf"(\d{{1,4}}|{_NUMBER_WORDS})\b"
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
    rf"|\balso {_NUM} (?:sind wir|sin wa)\b|\balso {_NUM}$"
    rf"|\bmit (?:denen|ihnen|them) (?:sind es|sind wir|sin wa|are we) {_NUM}\b"
    rf"|\b(?:mitarbeiter\w*|headcount|beschaftigtenzahl) (?:bitte|ist|is|sind|betragt|liegt bei) "
    rf"(\d{{1,4}}|{_NUMBER_WORDS})\b"
    rf"|\bbitte {_NUM} (?:schreiben|eintragen|nehmen)\b"
    rf"|\bauf {_NUM} (?:\w+ )?(?:andern|abandern|korrigieren|setzen|anpassen|erhohen|reduzieren"
    rf"|erhoht|gestiegen|gesunken|reduziert|verringert|gewachsen|berichtigen|korrigieren"
    rf"|aktualisieren|stellen)\b|\b(?:andern|korrigieren|setzen|erhohen|reduzieren) (?:sie )?"
    rf"(?:bitte )?auf {_NUM}\b|\b(?:change|update|set) (?:\w+ ){{0,3}}to {_NUM}\b"
)


_FIXED_AFTER = re.compile(r"^ ?(nee|nein|ne|quatsch|sorry|halt|oder) ")
_OTHER_NUMBERED = re.compile(
    r"\b(frage|fragen|question|punkt|nr|nummer|antwort|seite|schritt|stufe|note|uhr|euro)\b"
)


# Words that name the firm's own profile value in a question about something else: a
# "Teambesprechung" or "die Adresse ist veraltet" (in the Google profile) names none; nor does a
# question about what a question means (fourth black-box round)
_OWN_PROFILE = {
    "employees": re.compile(
        r"\b(mitarbeiter\w*|ma ?zahl|beschaftigt\w*|angestellt\w*|leute|personen|kopfe|team"
        r"|belegschaft|personal|anzahl|staff|employees|people|headcount|mitarbeitende\w*|zahl)\b"
    ),
    "sector": _SLOT_WORDS["sector"],
    "municipality": re.compile(
        r"\b(ort|ortsangabe|stadt|gemeinde|sitz|firmensitz|standort|town|city|location|plz"
        r"|postleitzahl|ortes)\b|\b(umgezogen|moved) (nach|to)\b"
    ),
}
_MEANING_QUESTION = re.compile(r"\b(was (genau )?(heisst|bedeutet|ist (hier )?gemeint)|gemeint\?)")


def names_profile(text: str, slot: str) -> bool:
    """The text names the firm's own ``slot`` strongly enough to ask it again."""
    norm = normalized(text)
    if "?" in text and _MEANING_QUESTION.search(normalized(text.replace("?", " ? "))):
        return False
    return bool(_OWN_PROFILE[slot].search(norm))
