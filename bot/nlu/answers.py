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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from bot.nlu.answer_norm import bounded, folded, normalize_answer
from bot.nlu.text import fold, fuzzy_lookup

SCALES: dict[str, list[str]] = {
    "yes_no": ["yes", "no"],
    "yes_partly_no": ["yes", "partly", "no"],
    "frequency": ["never", "rarely", "regularly", "always"],
    "level": ["low", "basic", "good", "expert"],
}
DONT_KNOW = "dont_know"

_Y, _N, _P = "yes", "no", "partly"
_MAP: dict[str, dict[str, str]] = {
    "yes_no": dict(
        YES=_Y, YES_P=_Y, YES_STRONG=_Y, MAINLY_YES=_Y, NO=_N, NO_P=_N, NEVER=_N, NULL=_N,
        RATHER_NOT=_N, RATHER_YES=_Y, PARTLY=_Y, SOMETIMES=_Y, RARELY=_Y, HARDLY=_N, MOSTLY=_Y,
        MOST=_Y, REGULAR=_Y, NOT_ALWAYS=_Y, ALWAYS=_Y, ALL=_Y, NOT_ALL=_N, FEW=_Y, ONLY=_Y,
        HALF=_Y, LACK=_N, SCHED_ALWAYS=_Y, SCHED_REGULAR=_Y, SCHED_RARE=_Y, ALL_ANALOG=_N,
        NO_DIGITAL=_N, ALL_DIGITAL=_Y, NO_ANALOG=_Y, ANALOG=_N, RHETORIC_NO=_N, NOT_YET=_N,
        MIXED=_Y, IN_PROGRESS=_N, OUTDATED=_N, MOSTLY_DIGITAL=_Y, MOSTLY_ANALOG=_N,
        KEIN_THEMA=_N, NO_PROBLEMS=_Y, WORKS=_Y, PRODUCT=_Y, LOCAL=_N, NOT_GREAT=_N,
    ),
    "yes_partly_no": dict(
        YES=_Y, YES_P=_Y, YES_STRONG=_Y, MAINLY_YES=_Y, NO=_N, NO_P=_N, NEVER=_N, NULL=_N,
        RATHER_NOT=_N, RATHER_YES=_P, PARTLY=_P, SOMETIMES=_P, RARELY=_P, HARDLY=_P, MOSTLY=_P,
        MOST=_P, REGULAR=_Y, NOT_ALWAYS=_P, ALWAYS=_Y, ALL=_Y, NOT_ALL=_P, FEW=_P, ONLY=_P,
        HALF=_P, BASIC=_P, LACK=_N, SCHED_ALWAYS=_Y, SCHED_REGULAR=_Y, SCHED_RARE=_P,
        ALL_ANALOG=_N, NO_DIGITAL=_N, ALL_DIGITAL=_Y, NO_ANALOG=_Y, MOSTLY_ANALOG=_N,
        MOSTLY_DIGITAL=_P, ANALOG=_N, RHETORIC_NO=_N, NOT_YET=_N, OUTDATED=_P, IN_PROGRESS=_P,
        MIXED=_P, KEIN_THEMA=_N, NO_PROBLEMS=_Y, WORKS=_Y, PRODUCT=_Y, LOCAL=_N, NOT_GREAT=_N,
    ),
    "frequency": dict(
        NO="never", NO_P="never", NEVER="never", NULL="never", NOT_YET="never",
        RATHER_NOT="rarely", RATHER_YES="regularly", MAINLY_YES="regularly", PARTLY="rarely",
        SOMETIMES="rarely", RARELY="rarely", HARDLY="rarely", FEW="rarely", ONLY="rarely",
        MOSTLY="regularly", MOST="regularly", REGULAR="regularly", NOT_ALWAYS="regularly",
        HALF="regularly", ALWAYS="always", SCHED_ALWAYS="always", SCHED_REGULAR="regularly",
        SCHED_RARE="rarely", ALL_ANALOG="never", NO_DIGITAL="never", ALL_DIGITAL="always",
        NO_ANALOG="always", MOSTLY_ANALOG="rarely", MOSTLY_DIGITAL="regularly", ANALOG="never",
        RHETORIC_NO="never", IN_PROGRESS="regularly", MIXED="regularly", YES_STRONG="always",
        KEIN_THEMA="never",
    ),
    "level": dict(
        LOW="low", LACK="low", HARDLY="low", RATHER_NOT="low", NULL="low", BASIC="basic",
        PARTLY="basic", FEW="basic", MIXED="basic", GOOD="good", EXPERT="expert",
        NOT_EXPERT="good", NOT_LOW="basic", ANALOG="low", RHETORIC_NO="low", ONLY="low",
        NO_DIGITAL="low", NO_PROBLEMS="good", WORKS="good", NOT_GREAT="low",
    ),
}  # fmt: skip

# Within one clause the first concept of this order that the scale knows decides.
_RANK = (
    "MIXED", "NOT_ALWAYS", "RATHER_NOT", "RATHER_YES", "MAINLY_YES", "NOT_ALL", "HALF",
    "PARTLY", "FEW", "ONLY", "SOMETIMES", "HARDLY", "RARELY", "SCHED_RARE", "NEVER", "NOT_YET",
    "NO_DIGITAL", "ALL_ANALOG", "MOSTLY_ANALOG", "MOSTLY_DIGITAL", "NO_ANALOG", "ALL_DIGITAL",
    "SCHED_ALWAYS", "ALWAYS", "MOSTLY", "MOST", "SCHED_REGULAR", "REGULAR", "IN_PROGRESS",
    "OUTDATED", "NULL", "LACK", "YES_STRONG", "RHETORIC_NO", "EXPERT", "NOT_EXPERT", "GOOD",
    "NOT_LOW", "BASIC", "NOT_GREAT", "LOW", "LOCAL", "KEIN_THEMA", "NO_PROBLEMS", "WORKS",
    "PRODUCT", "ALL",
)  # fmt: skip
# How strongly a concept answers, per scale family (higher wins when clauses disagree).
STRONG, DEGREE, PARTICLE, STATEMENT, WEAK = 4, 3, 2, 1, 0
_NEGATABLE = frozenset(["YES", "WORKS", "ALL", "ALWAYS", "REGULAR", "GOOD", "EXPERT", "PRODUCT"])
_STRONG = frozenset(
    [
        "DK",
        "NOT_YET",
        "NEVER",
        "NULL",
        "NO_DIGITAL",
        "ALL_ANALOG",
        "RHETORIC_NO",
        "LACK",
        "YES_STRONG",
    ]
)
_YESNO_STATEMENTS = frozenset(
    [
        "ALWAYS",
        "ALL",
        "REGULAR",
        "SCHED_ALWAYS",
        "SCHED_REGULAR",
        "ALL_DIGITAL",
        "NO_ANALOG",
        "GOOD",
        "EXPERT",
        "LOW",
        "KEIN_THEMA",
        "NO_PROBLEMS",
        "WORKS",
        "PRODUCT",
        "LOCAL",
    ]
)
_POSITIVE = {
    "yes_no": {"yes": 1},
    "yes_partly_no": {"yes": 1, "partly": 0},
    "frequency": {"always": 1, "regularly": 1, "rarely": 0},
    "level": {"expert": 1, "good": 1, "basic": 0},
}
_ORDINAL = {
    "frequency": {"never": 0, "rarely": 1, "regularly": 2, "always": 3},
    "level": {"low": 0, "basic": 1, "good": 2, "expert": 3},
    "yes_partly_no": {"no": 0, "partly": 1, "yes": 2},
    "yes_no": {"no": 0, "yes": 1},
}

# ---- lexicon (ordinary German, folded when compiled) --------------------------------------------

_NUM = (
    r"(einmal|zweimal|dreimal|viermal|mehrmals|ein mal|ein paar mal|\d+ mal|\d+ bis \d+ mal"
    r"|zwei oder drei|zwei drei|eins|ein|eine|einen|zwei|drei|vier|\d+)"
)
_IN = r"(pro|die|im|in der|am|jede|jeden|jedes|je|in|alle|per)"
_DIGITAL = (
    r"digital\w*|elektronisch\w*|e mail\w*|mail\w*|email\w*|pdf\w*|online\w*|software\w*"
    r"|programm\w*|app|apps|\w*scan\w*|eingescannt|cloud|portal\w*|\w*formular\w*|whatsapp\w*"
    r"|instagram|insta|messenger|facebook|internet|netz|website|webseite|homepage|\w*shop\w*"
    r"|\w*tool\w*|lexoffice|sevdesk|datev|dms|e rechnung\w*|xrechnung|zugferd|computer|pc"
    r"|tablet|foto\w*|fotografier\w*|knips\w*|dropbox|drive|onedrive|papierlos\w*|edv"
    r"|buchhaltungssoftware|dokumentenmanagement\w*|kontaktformular|ticketsystem|chat\w*"
    r"|buchungstool|terminbuchung\w*|myhammer|amazon|shopify|stripe|handy|dm|dms|leads?"
)  # fmt: skip
_ANALOG = (
    r"papier(?!los)\w*|ordner\w*|leitz\w*|von hand|mit der hand|mit hand|per hand"
    r"|handschriftlich\w*"
    r"|hand geschrieben|vordruck\w*|rechnungsblock\w*|block|durchschlag\w*|schreibmaschine"
    r"|per post|postalisch\w*|mit der post|briefkasten|briefmarke\w*|ausgedruckt|ausdruck\w*"
    r"|abgeheftet|abheft\w*|heften|heft ich|zettel\w*|tafel|whiteboard|magnettafel|terminbuch"
    r"|kassenbuch|kartei\w*|telefon\w*(?! \d)|anrufen|rufen an|ruft an|anruf\w*|telefonier\w*"
    r"|personlich|vorbei|laufkundschaft|fax\w*|im kopf|analog\w*|old school|oldschool"
    r"|klassisch\w*|hard copy|auf dem block|mitte hand|manuell\w*|in word|mit word|per word"
    r"|textverarbeitung|mundpropaganda|reinkommen|kommen rein|steht im salon"
)  # fmt: skip
_ANALOG_NOUN = (
    r"papier\w*|ordner\w*|post|telefon|zettel\w*|block|fax|hand|handschriftlich|analog"
    r"|whiteboard|tafel|terminbuch|kassenbuch|kartei|aktenordner|leitz\w*"
)
_DIG_VERB = (
    r"\w*scann\w*|gescannt|eingescannt|knips\w*|fotografier\w*|digitalisier\w*|hochgeladen"
    r"|hochladen|lade ich \w+ hoch|durch den \w*scanner|abfotografier\w*|foto mit"
)
_Q_ALL = (
    r"alles|alle|komplett|vollstandig|ausschliesslich|ausnahmslos|nur noch|100 prozent"
    r"|jede|jeden|jedes|samtliche\w*|durchgangig|durchgehend|restlos|grundsatzlich"
)  # fmt: skip
_Q_MOST = (
    r"meistens|meist|meiste\w*|uberwiegend\w*|grosstenteils|grossteil|der grossteil|die meisten"
    r"|das meiste|fast alles|fast alle|mehrheit\w*|mehrzahl|fast immer|fast jede\w*"
    r"|im grossen und ganzen|hauptsachlich|vorwiegend|in der regel|im regelfall|viele"
)  # fmt: skip

_PATTERNS_RAW: list[tuple[str, str]] = [
    # --- questions back, interruptions, meta talk: no answer in them
    ("CONFUSED",
     r"was (meinen|meinst|meint) (sie|du|ihr)|wie (meinen|meinst) (sie|du)|meinen sie (mit|damit)"
     r"|was (ist|sind|bedeutet|bedeuten|heisst) (denn |genau |eigentlich )?"
     r"(ein|eine|einen|der|die|das|mit|unter|hier|so|so ein|denn|genau|ein zweiter)\b"
     r"|was (heisst|heißt) (hier|denn|das)|versteh\w* (ich )?(nicht|kein)|ich nicht verstehe"
     r"|nicht verstanden|wie bitte|erklaren sie|erklar (mal|das|mir)|erklarung|(\w+ )?erklaren\?"
     r"|wiederholen|noch (mal|einmal) (die frage|fragen|stellen)"
     r"|nochmal fragen|was war (noch mal|nochmal) die frage|die frage (bitte )?(noch|nochmal)"
     r"|(eine|kurze|kleine) (frage|ruckfrage|vorfrage)|ruckfrage|vorfrage"
     r"|bevor ich (das )?(antworte|beantworte)"
     r"|(vorab|zunachst|erst mal|erstmal) fragen|darf ich (fragen|zunachst|vorab)|gestatten sie"
     r"|^(ha|hah|hae)\b|einen moment|moment bitte|kurz unterbrechen|gleich zuruck|weitermachen"
     r"|spater weiter|wie lange? (dauert|noch)|was bringt (mir|uns|das)|warum (fragen|wollen) sie"
     r"|wozu die frage|was hat (das|es) mit|worum geht|was (genau )?(wollt|wollen) (ihr|sie) wissen"
     r"|was zahlt (denn |alles )?(als|zu)|(zahlt|zahlen|gilt|gelten) (das|es|ein|eine|auch|dazu"
     r"|denn|notion|icloud|whatsapp)\b"
     r"|wie wird das wetter|ich dachte,? (das|es) geht um|nur wissen,? ob|gibt es (dafur "
     r"|da )?(eine )?forderung"
     r"|link zu|mehr machen,? die|(ich )?(kenne|kennen) (ich )?(das |es )?nicht|ich nicht kenne"
     r"|nie gehort"
     r"|^moment\b|gleich wieder da|bin (gleich|kurz) (wieder )?(zuruck|da|weg)|muss kurz weg"
     r"|was soll (das|dies) (hier|eigentlich|alles|ganze)|was soll der (quatsch|mist|unsinn)"
     r"|rufen sie (mich )?(\w+ ){0,3}(an|zuruck)|zuruckrufen|ruckruf|(erreichen|anrufen) sie mich"
     r"|meine (telefon|handy)?nummer (ist|lautet)|meine (e mail|mail) ?adresse (ist|lautet)"
     r"|mit (einem|einer) (ansprechpartner\w*|menschen|person) sprechen|echten menschen"
     r"|sind sie ein (bot|roboter|mensch)|bist du ein (bot|roboter|mensch)|wie viele fragen"
     r"|was speichern sie|ich heisse"
     r"|was (das|es|dies) (bedeuten|heissen|soll)\w*|was (sie|du|ihr) (meinen|meinst|meint)"),
    # --- rhetorical refusal ("wat soll ich da groß planen")
    ("RHETORIC_NO",
     r"(was|warum|wieso|wozu|wo|wie|wofur) soll(te|ten|en|st)? (ich|man|wir|das|da|denn)\b"
     r"|wovon denn|wofur denn|^wozu( denn)?( \?| \.| xhmm| xoops)*$|wozu brauch\w*"
     r"|wer braucht (das|sowas|so was)|(sehe|seh) (ich )?keinen grund"),
    # --- "ohne X würden wir nicht ..." / "geht nicht ohne": a double negation is a yes
    ("YES_STRONG",
     r"(geht|gehts|ginge|lauft|laufen|arbeiten) (es )?(bei uns )?(gar |ja )?nicht (mehr )?ohne"
     r"|ohne (\w+ ){1,3}(wurde|wurden|konnte|konnten|ware|waren|ginge) (\w+ ){0,5}(nicht|verruckt"
     r"|aufgeschmissen)"
     r"|ware (es )?(ja )?(fatal|peinlich|schlimm),? wenn"
     r"|kein thema mehr,? seit|nicht mehr wegzudenken"
     r"|fallt (da )?(fast )?keiner mehr (drauf )?rein"),
    # --- "mir wäre nicht bekannt, dass ..." / "nicht dass ich wüsste": no, not don't-know
    ("NEVER", r"(mir )?(ware|ist) (mir )?nicht bekannt,? dass|nicht dass ich (wusste|wuste)"
              r"|steht (\w+ )?(nur |bloss )?(rum|herum)|verstaubt|ungenutzt"),
    ("NOT_GREAT", r"nicht so (doll|toll|dolle|prickelnd|berauschend|der hit|der hammer)"
                  r"|nicht (gerade )?berauschend"
                  r"|nicht das gelbe vom ei|eher mau"),
    ("NO", r"sicher ist (was|etwas|watt) anderes"
           r"|uberall (das )?(gleiche|selbe|dasselbe)|dasselbe passwort|(das )?gleiche passwort"
           r"|ein passwort fur alles"
           r"|(sehen|sehe) (wir|ich) (\w+ ){0,8}ab(?= [,.;:!?-]|$)|verzicht\w*|nicht (ein)?geplant"
           r"|ungeplant"),
    # --- lack of knowledge as a state (level low / no), before don't-know
    ("LACK",
     r"keine? ahnung (von|vom|davon|vonnem|von dem|mit)\b|null ahnung|null durchblick"
     r"|kein(en)? durchblick|blick\w* (\w+ ){0,3}(nicht |keiner )?durch"
     r"|(haben|hat) (\w+ ){0,3}keine? ahnung\b(?! ,? ?(ob|wie|was|wann|wer|wo))"
     r"|keine kenntnisse|kaum kenntnisse|wenig kenntnisse|kaum ahnung|wenig ahnung"
     r"|keiner (kann|weiss) (hier )?(was|bescheid)|kann (hier )?keiner (was|etwas)"
     r"|kraut und ruben|chaos|chaotisch|durcheinander|wildwuchs"
     r"|nicht (mal|einmal),? wie man|keiner (traut|kennt|blickt)\w*|steht (der ganze laden"
     r"|alles) still"),
    # --- don't know (also when phrased with a negation)
    ("DK",
     r"(weiss|weis) (ich|er|sie) (das |es |leider |ehrlich gesagt |ehrlich |auch |so "
     r"|wirklich )*(nicht|kein)"
     r"|(ich )?(weiss|weis) (leider |ehrlich gesagt |ehrlich |wirklich |auch )*(nicht|nich)"
     r"|(ich )?nicht (weiss|wissen)|ich nicht sicher|wusste ich nicht|weiss ,? (aber )?ich nicht"
     r"|keine? ahnung|keinen plan|kein plan(?= [,.?]|$| von| ob| wie| was| xshrug)"
     r"|keinen (schimmer|blassen|peil|dunst)|kein(en)? (uberblick|einblick)"
     r"|(kann|konnte|vermag) ich (ihnen |dir |das |es |hier |da |dazu |leider |ehrlich gesagt "
     r"|ehrlich |wirklich "
     r"|beim besten willen |so |jetzt |nicht |gar )*(nicht|schlecht|kaum|schwer) (so )?(genau )?"
     r"(sagen|beantworten|beurteilen|einschatzen|abschatzen|beziffern|abschliessend|zuverlassig"
     r"|genau|prufen)"
     r"|kann (ich )?(\w+ ){0,2}(nicht|nich) sagen|(kann|konnen) (ich )?(nicht|nich) sagen"
     r"|(ich )?kann nicht sagen|nicht (zu )?(beurteilen"
     r"|einschatzen)"
     r"|schwer (zu )?(sagen|einzuschatzen|abzuschatzen)|schlecht (zu )?(sagen|einschatzen)"
     r"|(mir |ich )?(da )?(nicht|nich) (so )?sicher|(bin|ich) (mir )?(da )?(etwas "
     r"|ein bisschen )?unsicher"
     r"|^unsicher$|^unklar$|ist mir unklar|keine angabe|uberfragt"
     r"|(musste|muss|muss ich|mussen) (ich |erst |mal |im buro |meine\w* \w+ |unsere\w* \w+ "
     r"|den \w+ |die \w+ |ihn |sie )*"
     r"(nach|fragen|nachfragen|nachschauen|nachsehen|nachgucken|klaren|checken|prufen)\b"
     r"|musstest (du|de) (\w+ ){0,3}fragen|(fragen sie|fragst du) (den|die) falsche|nicht bekannt"
     r"|unbekannt"
     r"|entzieht sich|keine (belastbare|verlassliche|genaue|fundierte|zuverlassige)\w* (aussage"
     r"|auskunft|angabe|zahlen|einschatzung)"
     r"|(einschatzung|angabe|aussage) (ist )?(mir )?(hier |hierzu )?(leider )?nicht moglich"
     r"|(da )?musste ich passen|ich passe|enthalten|wer weiss|gute frage|dont_know|keine idee"
     r"|nie (so genau )?(nachgeschaut|geguckt|gepruft|uberpruft|getestet|ausgewertet|verfolgt"
     r"|drauf geachtet|probiert|ausprobiert)"
     r"|nie darauf geachtet|noch nie (drauf )?geachtet|nicht im kopf|keine statistik"
     r"|nie (\w+ ){0,2}gedanken gemacht|nie (\w+ ){0,2}(druber|daruber) nachgedacht"
     r"|(kann|konnte|vermag|lasst sich|lassen sich) (\w+ ){0,6}(nicht|kaum) "
     r"(?!(so )?(pauschal|generell|allgemein|einheitlich))(\w+ ){0,2}(zu )?"
     r"(sagen|beantworten|beurteilen|einschatzen|abschatzen)\b"
     r"|nicht drum gekummert|noch nicht (drum|darum) gekummert|in die kopfe|xshrug$"),
    ("NOT_YET", r"stand heute nein|bis heute (nicht|keine?\w*|nichts)|noch keine?\w*|noch nicht\w*"
                r"|noch nichts|bislang (nicht|keine?\w*|nichts)|bisher (nicht|keine?\w*|nichts)"
                r"|derzeit (nicht|keine?\w*)|noch gar nicht|noch gar nichts|in planung"
                r"|gegenwartig (\w+ )?(nicht|keine?\w*)"
                r"|zum gegenwartigen zeitpunkt (\w+ ){0,3}(nicht|keine?\w*|mehrfach)"),
    # --- level phrases (before plain good / bad)
    ("KEIN_THEMA", r"(alles )?kein thema"),
    ("NO_PROBLEMS", r"keine probleme|kein stress|keine beschwerden|ohne probleme"
                    r"|kein problem damit"),
    ("WORKS", r"klappt|klappen|funktioniert|funktionieren"),
    ("MIXED", r"gemischt|heterogen|durchwachsen|mal so,? mal so|kommt (drauf|darauf) an|je nach"
              r"|manche gut,? manche|die (jungen|jungeren|azubis) (\w+ |, ){0,5}(die )?(alten"
              r"|alteren|meister)"),
    ("GOOD", r"nicht schlecht|gar nicht schlecht|nicht (die )?schlechtesten|nicht von gestern"),
    ("NOT_EXPERT",
     r"(keine|nicht|kein) (\w+ )?(profis?|experten?|expertenniveau|profi niveau|vorreiter|it firma)"
     r"|(profis?|experten?|vorreiter|bundesliga|profi niveau) (sind |spielen )?(wir )?(aber "
     r"|sicher |allerdings |naturlich )?(nicht|kein\w*)"
     r"|nicht auf (experten|profi)\w*|nicht mit einer it firma|nicht super"),
    ("NOT_LOW", r"keiner (ist )?(hier )?(total |ganz )?verloren|nicht die schlechtesten"),
    ("LOW",
     r"nicht gut|nicht so toll|schlecht\w*|schwach\w*|schwachpunkt|anfanger\w*|einsteiger"
     r"|blutige\w*"
     r"|laie\w*|gering\w*|mangelhaft|ungenugend|mies|mau|katastroph\w*|desast\w*|steinzeit"
     r"|mittelalter|unterirdisch|ahnungslos|hoffnungslos|digitalmuffel\w*|technikmuffel\w*"
     r"|nicht (gerade )?die hellsten"
     r"|uberfordert|unterentwickelt|nachholbedarf|nachzugler|fast nichts|sehr wenig|ganz am anfang"
     r"|am anfang|an allen ecken|note (5|6|funf|sechs)|nicht (so )?(der )?computermensch"
     r"|nichts am hut"
     r"|fur(s)? grobe|vergessen|gerade (mal|so)|und das wars|das sagt (eigentlich |wohl )?alles"
     r"|tun sich schwer|schwer\w*|schwierig\w*|kampfen|hilfe|allein nicht klar|nicht klar"
     r"|nicht (klarkommen|zurechtkommen|zurecht)"
     r"|nicht (konnen|kann) computer"
     r"|(eine|so eine|glatte) (vier|funf|sechs)(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|(vier|funf) (plus|minus)"
     r"|\b[0-3] von (10|zehn)\b"
     r"|bescheiden|unzureichend\w*|defizit\w*|duster|ruckstandig\w*|nicht auf der hohe"
     r"|(sind|ist|hinken|hangen|liegen) (\w+ ){0,2}(hinterher|zuruck)\b|hinterherhinken"),
    ("EXPERT",
     r"sehr gut\w*|super gut|richtig gut|echt gut|sehr fit|richtig fit|profi\w*|expert\w*"
     r"|exzellent|hervorragend|ausgezeichnet|bestens|perfekt|spitze|top|sehr hoch"
     r"|ausgesprochen hoch"
     r"|sehr stark|oberliga|bundesliga|champions league|informatiker\w*|informatik|entwickler"
     r"|nerds?|cracks?|macht uns (so schnell )?keiner was vor"
     r"|it team|it service"
     r"|zertifiz\w*|professionell\w*|note (1|eins)|hospitieren|ziemlich weit vorne"
     r"|it unternehmen anfangen"
     r"|eigene tools|selbst entwickeln|entwickeln (\w+ )*selbst|so gut,? dass"
     r"|(eine|so eine|glatte) eins(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|eins (plus|minus)|\b(9|10) von (10|zehn)\b"),
    ("BASIC",
     r"nicht so gut|nicht besonders( gut)?|nicht sonderlich( gut)?|geht so|mittel\w*"
     r"|durchschnitt\w*|einigermassen|ausreichend|so lala|solala|grundlegend\w*|grundkenntnis\w*"
     r"|grundkentnis\w*|grundlagen|basis\w*|basics|ausbaufahig|passabel|befriedigend|kreisklasse"
     r"|rudimentar\w*|hausgebrauch|luft nach oben"
     r"|weder fisch noch fleisch|das notigste|normal\w*|note (3|4|drei|vier)|so zwischen|mittelfeld"
     r"|anwenderkenntnis\w*|massig|nicht mehr,? nicht weniger|okay|wir kommen (durch|zurecht)"
     r"|kommen (durch|zurecht)|standardsachen|ein bisschen was|bisschen was"
     r"|(eine|so eine|glatte|solide) drei(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|drei (plus|minus)|\b[4-6] von (10|zehn)\b"
     r"|(fur den alltag|furs notigste) (reicht|genugt)|(reicht|genugt) (\w+ ){0,2}fur den alltag"),
    ("GOOD",
     r"ganz gut|recht gut|ziemlich gut|gut\w*|solide|fortgeschritten\w*|kompetent|versiert|fit"
     r"|souveran\w*|alte hasen|routiniert|firm\b"
     r"|prima|ordentlich|sattelfest|sicher im umgang|kommen (alle )?(gut |super )?klar|eine zwei"
     r"|note (2|zwei)|oberen bereich|gut aufgestellt|keine probleme|keine beschwerden"
     r"|kriegen (das )?(gut )?hin|konnen (das)( schon)?|lernen schnell|beeindruckt|kein stress"
     r"|zwei (plus|minus)|\b[78] von (10|zehn)\b"
     r"|(kann|konnen) sich sehen lassen|geubt"),
    # --- yes / no idioms
    ("YES_P", r"kein problem|keine sorge|unbedingt|auf jeden fall|na klar|ja klar|aber sicher"
              r"|sicher doch"
              r"|klar doch|selbstverstandlich|naturlich|logisch|logo|klaro|definitiv|absolut"
              r"|ja,? alle"),
    ("NO_P", r"auf keinen fall|keineswegs|mitnichten|fehlanzeige|negativ|leider nein|eher nein"),
    # --- degrees
    ("NOT_ALWAYS", r"nicht immer|nicht jedes mal|nicht durchgehend|nicht standig|nicht durchgangig"
                   r"|nicht ganz|nicht komplett|nicht vollstandig|nicht 100 prozent|nicht uberall"
                   r"|nicht ausnahmslos|nicht luckenlos|nicht auf alles|nicht fur alles"),
    ("NOT_ALWAYS", r"so richtig (\w+ ){1,6}(nicht|kein\w*)"),
    ("NOT_ALL", r"nicht alle|nicht jeder|nicht jede|nicht alles|nicht bei allen|nicht in allen"
                r"|nicht fur alle"),
    ("NO", r"immer noch nicht|noch immer nicht|immer noch kein\w*|noch immer kein\w*"
           r"|nach wie vor (nicht|kein\w*)"),
    ("SOMETIMES", r"immer mal wieder|immer wieder mal|ab und zu mal|manchmal ja,? manchmal nicht"
                  r"|manchmal (\w+ ){1,4}, manchmal|mal (\w+ ){1,3}, mal (\w+ ){0,2}(nicht|papier"
                  r"|so)"),
    ("MOSTLY", r"immer wieder"),
    ("MAINLY_YES", r"im grundsatz ja|grundsatzlich (ja|schon)|im wesentlichen ja"
                   r"|grundsatzlich bejahen|im grunde (genommen )?(ja|schon)|im prinzip (ja|schon)"
                   r"|im regelfall ja"),
    ("RATHER_YES", r"eher ja|eher schon|schon eher|ich denke (schon|ja)|ich glaube (schon|ja)"
                   r"|wohl ja"
                   r"|tendenziell"),
    ("HARDLY", r"fast nie|so gut wie nie|kaum mal|kaum was|ganz wenig|sehr selten|nur ganz selten"
               r"|so alle jubeljahre|alle jubeljahre|selten ist noch ubertrieben|wenn uberhaupt"
               r"|ganz vereinzelt|fast keiner|fast keine|wenn (es|et) hochkommt|wenns hochkommt"
               r"|wennet hochkommt"),
    ("RARELY", r"nicht oft|nicht so oft|nicht haufig|nicht viel|nicht so viel|nicht regelmassig"
               r"|unregelmassig|selten\w*|gelegentlich|hin und wieder|ab und an|ab und zu"
               r"|sporadisch"
               r"|vereinzelt|ausnahmsweise|einzelfall\w*|anlassbezogen|bei bedarf"
               r"|wenn (es|mir) (mir )?einfallt|allenfalls|die ausnahme|eher die ausnahme"
               r"|eine handvoll|kommt (mal )?vor"
               r"|eher wenig|nur wenig|ein paar mal|nicht so der|wenn was neues"
               r"|nur wenn (\w+ ){0,3}neu"
               r"|in uberschaubarem umfang|auf (ausdrucklichen )?wunsch|wenn (der|ein) kunde"
               r"|nur wenn \w+ (das )?verlangt"),
    ("PARTLY", r"ein wenig|ein bisschen|ein paar sachen|ein paar dinge|teils teils|teils,? teils"
               r"|halb halb|so halb|halbwegs|in etwa die waage|die waage|mehr oder weniger"
               r"|in gewissem umfang|in gewisser (hinsicht|weise)|mit einschrankungen"
               r"|eingeschrankt\w*"
               r"|in ansatzen|ansatzweise|luft nach oben|so eine sache(?! (, )?die)"
               r"|noch (\w+ )?offen"
               r"|nicht schriftlich"
               r"|so grob|grob ja|erste (uberlegungen|schritte|ansatze|ideen)|in den anfangen"),
    ("RATHER_NOT", r"eher nicht|eher nein|eher weniger|eher kaum|ich glaube nicht|ich denke nicht"
                   r"|glaube? ich nicht"
                   r"|wohl nicht|nicht wirklich|nicht so richtig|lieber nicht|bezweif\w*|zweifel\w*"
                   r"|fraglich"),
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
    ("MOSTLY_ANALOG", rf"({_Q_MOST}) (\w+ ){{0,3}}({_ANALOG})|({_ANALOG}) ?,? ({_Q_MOST})"),
    ("MOSTLY_DIGITAL", rf"({_Q_MOST}) (\w+ ){{0,5}}({_DIGITAL})|({_DIGITAL}) (\w+ )?({_Q_MOST})"),
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
    # --- generic degrees
    ("REGULAR", r"regelmass\w*"),
    ("MOSTLY", r"immer (ofter|haufiger|mehr)"),  # "immer öfter": increasingly, not always
    ("MOSTLY", r"oft|ofter\w*|haufig\w*"),
    ("MOSTLY", r"meistens|meist|in der regel|im regelfall|normalerweise|uberwiegend\w*"
               r"|grosstenteils"
               r"|zum grossten teil|weitgehend|fast immer|fast alle|fast alles|das meiste"
               r"|die meisten"
               r"|der grossteil|grossteil|mehrheit\w*|mehrzahl|im grossen und ganzen"
               r"|im wesentlichen"
               r"|tendenziell|viele"),
    ("ALWAYS", r"immer|jedes ?mal|durchgehend|durchgangig|stets|grundsatzlich|ausnahmslos"
               r"|ohne ausnahme|komplett|vollstandig|vollumfanglich|ausschliesslich|nur noch"
               r"|jede einzelne|jeder einzelne|immer aktuell|fester bestandteil|gehort zum"),
    ("PARTLY", r"teilweise|teilwei\w*|teils|zum teil|in teilen|bedingt|bisschen|jein|naja|na ja"
               r"|manche\w*|einige\w*|punktuell|stellenweise|geht so|mittel\w*"),
    ("FEW", r"ein paar|einzelne\w*|wenige|nur (ich|bei mir|fur mich|der chef|das buro|im buro|buro"
            r"|die azubis|ich und)"),
    ("ONLY", r"^nur (?!noch|wenn|wir|ich)\w+|nur (fur|bei|in|auf|im|beim) (\w+ ){0,2}\w+"
             r"|(kann|konnen|macht|geht|lauft|gilt|haben wir|hamwa) nur (\w+ ){0,2}\w+(?= [,.;:!?-]"
             r"|$)"
             r"|nur \w+(?= [,.;:!?-]|$)|lediglich (\w+ ){0,3}\w+"),
    ("HARDLY", r"kaum|wenig|nicht viel|nicht so viel"),
    ("NULL", r"null|zero"),
    ("NEVER", r"noch nie|nie|niemals|nie und nimmer|nirgends|nirgendwo"),
    ("LOCAL", r"lokal\w*|local|(bleibt|bleiben|liegt|liegen) (\w+ ){0,3}(bei uns|im haus|im buro"
              r"|auf dem (server|rechner|pc|nas|laptop)|auf der festplatte|im keller)"),
    ("PRODUCT", r"m365|microsoft 365|office 365|google workspace|workspace|nextcloud|sharepoint"
                r"|teams"
                r"|onedrive|icloud|datev|lexoffice|sevdesk|debitoor|erp|crm|handwerkersoftware"
                r"|branchensoftware"
                r"|bitwarden|keepass|1password|passwortmanager|vpn|intune|veeam|authenticator|2fa"
                r"|mfa"),
    ("YES", r"\w+gestutzt|\w+basiert|bin ich (das|selbst)|das bin ich|ich bin (das|es)\b"
            r"|(mache|mach|kummere) ich (mich )?(\w+ )?selbst|ich selbst"),
    ("ANALOG", _ANALOG),
    ("DIGITAL", _DIGITAL),
    ("ALL", r"alle|jeder|jede|alles|uberall|samtliche\w*"),
    ("NO", r"nicht|nichts|kein\w*|niemand|weder|fehlt|fehlen|verneinen|verneint"
           r"|brauch\w* (ich|wir|man) nicht|nicht notig|nicht erforderlich|abgeschaltet|gekundigt"
           r"|lass mal|leider|xnein|eingeschlafen|aufgegeben|im sande verlaufen|nicht mehr genutzt"
           r"|dagegen entschieden|gegen die nutzung|weggeklickt|wegklick\w*"
           r"|drucke? (\w+ )?weg|klick\w* (\w+ ){0,3}weg|zu kompliziert|zu umstandlich"
           r"|zu unsicher"),
    ("YES", r"trifft zu|zutreffend|zu bejahen|bejahen|bejaht|mit ja|ist der fall|dies ist der fall"
            r"|haben wir|hab ich|habe ich|machen wir|nutzen wir|tun wir|gibt es|vorhanden"
            r"|im einsatz"
            r"|ist bei uns so|^so ist es|(?<=, )so ist es|^(ja )?(das )?ist so(?= [,.;:!?]|$)|check"
            r"|positiv|passt|sichergestellt|standard|erledigt"
            r"|eingerichtet|gepflegt|drin|aktiv|funktioniert|klappt|lauft|geht gut|geht schon|geht"
            r"|wir (nutzen|haben|machen|setzen|verwenden|benutzen|arbeiten|tun)|(setzen|verwenden"
            r"|benutzen|arbeiten) wir"
            r"|lauft bei uns|im griff|kummert sich|kummern sich|kummere mich"
            r"|macht (das|dat)(?= [,.;:!?]|$)|mach ich(?= [,.;:!?]|$)"
            r"|machen (wir )?das(?= [,.;:!?]|$)"
            r"|wissen (die|sie|alle|bescheid|das)|weiss bescheid|wissen se|kennen (das|sich)"
            r"|bekannt|xja|genutzt|betreut"
            r"|eingeplant|festgelegt|beschlossen|verschieden|unterschiedlich|geschult|gelernt|geubt"
            r"|erklart"
            r"|(ich|wir|man|alle|jeder) (kann|konnen)|kommt (jeder|man) ran|sind (wir )?drin"
            r"|gemacht"
            r"|gibt (es )?eine?n?\b|\w*gestutzt|von (zu hause|unterwegs|uberall|daheim)|(muss"
            r"|brauche) (ich )?(mich )?um nichts (\w+ )?kummern|installiert|eingespielt|verwaltet"
            r"|aktualisiert|gepatcht"),
    ("YES_P", r"ja|doch|klar|genau|richtig|stimmt|korrekt|sicher|sicherlich|sowieso|durchaus"
              r"|freilich"
              r"|gewiss|jawohl|schon"),
    ("NO_P", r"nein"),
]  # fmt: skip


def _spaced_commas(pattern: str) -> str:
    """Commas are tokens of their own in the normalised text: "a,? b" must match "a , b"."""
    return (
        pattern.replace(" ?,? ", " (?:, )?").replace(" ,? ", " (?:, )?").replace(",? ", "(?: ,)? ")
    )


_COMPILED = [
    (c, re.compile(rf"(?<![\w])(?:{_spaced_commas(folded(p))})(?![\w])")) for c, p in _PATTERNS_RAW
]
# Answer particles that only count at a clause edge (elsewhere "ja", "doch", "schon" are modal).
_EDGE_PARTICLES = frozenset(
    ["ja", "doch", "klar", "genau", "richtig", "sicher", "sicherlich", "schon"]
)
_MODAL_BEFORE = frozenset(
    [
        "ist",
        "sind",
        "war",
        "waren",
        "hat",
        "haben",
        "habe",
        "hab",
        "finde",
        "finden",
        "weiss",
        "kann",
        "konnen",
        "muss",
        "mussen",
        "macht",
        "mache",
        "machen",
        "geht",
        "gibt",
        "sagt",
        "sage",
        "denke",
        "glaube",
        "meine",
        "wissen",
        "ware",
        "waren",
        "sei",
        "es",
        "das",
        "man",
        "wir",
        "ich",
        "sie",
        "er",
        "die",
        "der",
        "den",
        "dem",
        "wie",
        "was",
        "so",
        "auch",
        "eh",
    ]
)

_FUZZY = {
    "teilweise": "PARTLY", "regelmassig": "REGULAR", "manchmal": "SOMETIMES",
    "gelegentlich": "RARELY", "haufig": "REGULAR", "meistens": "MOSTLY", "niemals": "NEVER",
    "grundkenntnisse": "BASIC", "grundlegend": "BASIC", "durchgehend": "ALWAYS",
    "automatisch": "ALL_DIGITAL", "experten": "EXPERT", "anfanger": "LOW",
    "taglich": "SCHED_ALWAYS", "wochentlich": "SCHED_REGULAR", "monatlich": "SCHED_REGULAR",
    "naturlich": "YES_P", "selbstverstandlich": "YES_P", "uberwiegend": "MOSTLY",
    "mittelmassig": "BASIC", "ausreichend": "BASIC", "hervorragend": "EXPERT",
    "ungenugend": "LOW", "durchschnittlich": "BASIC", "vollstandig": "ALWAYS",
    "ausnahmslos": "ALWAYS", "sporadisch": "RARELY", "unregelmassig": "RARELY",
    "gelegendlich": "RARELY",
}  # fmt: skip
_FUZZY_BY_LETTER: dict[str, dict[str, str]] = {}
for _word, _concept in _FUZZY.items():
    _FUZZY_BY_LETTER.setdefault(_word[0], {})[_word] = _concept

# Clause roles from their first word (folded).
_CONTRAST = frozenset(
    [
        "aber",
        "jedoch",
        "allerdings",
        "nur",
        "ausser",
        "sonst",
        "ansonsten",
        "hingegen",
        "dagegen",
        "wahrend",
        "trotzdem",
        "dennoch",
        "sondern",
        "bloss",
        "lediglich",
        "bis",
    ]
)
_CONCESSIVE = frozenset(["obwohl", "obgleich", "obschon", "wenngleich", "wobei", "zwar"])
_CONDITION = frozenset(["wenn", "falls", "sofern", "solange", "sobald"])
_REASON = frozenset(["weil", "denn"])
_EMBEDDED = frozenset(["ob"])
_KNOWING = frozenset(
    {
        "sagen", "sage", "sagt", "wissen", "weiss", "weis", "beurteilen", "einschatzen",
        "erklaren", "fragen", "gefragt", "verstehen", "gesehen", "nachgeschaut", "geklart",
    }
)  # fmt: skip
_VERDICT = frozenset(
    [
        "also",
        "daher",
        "deshalb",
        "deswegen",
        "sodass",
        "insgesamt",
        "fazit",
        "kurzum",
        "sprich",
        "somit",
        "folglich",
        "zusammengenommen",
        "demnach",
    ]
)
_SPLIT_WORDS = (_CONTRAST - {"nur", "lediglich", "bloss", "bis"}) | _CONCESSIVE | _VERDICT | _REASON
_SPLIT_WORDS |= {"seitdem", "ob", "bis"}
_NO_MID_SPLIT = frozenset(
    ["zwar", "jedoch", "allerdings", "hingegen", "dagegen", "wiederum", "trotzdem", "dennoch"]
)
_PARTICLE_WORDS = frozenset(
    ["ja", "nein", "schon", "nicht", "doch", "teilweise", "klar", "jein", "eher", "nie", "immer"]
)
_LEAD_WORDS = frozenset(["ja", "nein", "doch", "jein", "klar", "genau"])
_DETERMINERS = frozenset(
    [
        "unser",
        "unsere",
        "dieser",
        "diese",
        "dieses",
        "wir",
        "die",
        "der",
        "das",
        "es",
        "ich",
        "sie",
        "mir",
        "man",
        "er",
        "ein",
        "eine",
    ]
)
_PLAN = re.compile(
    folded(
        r"\b(wollen|wollten|will|mochten|sollen|soll|werden|wird) (\w+ ){0,6}"
        r"(umstellen|anschaffen|einfuhren|machen|kaufen|abschliessen|einrichten|nachholen"
        r"|umsteigen|starten|angehen|buchen|folgen|kommen|laufen|umgestellt|angeschafft|eingefuhrt"
        r"|ran"
        r"|digitalisieren|erarbeiten|einplanen|andern|abschaffen|aufsetzen|haben|umgesetzt)\b"
        r"|\b(geplant|in planung|vorgenommen|vornehmen|vorhaben|haben es vor|haben das vor"
        r"|beabsichtig\w*|in aussicht|auf der liste|auf der agenda|auf dem plan|to do|todo"
        r"|nachstes jahr|nachsten jahr|kommenden jahr|kommende jahr|kommenden geschaftsjahr"
        r"|bis weihnachten|bis zum sommer|bis ende|demnachst|bald|irgendwann|im fruhjahr kaufen"
        r"|in zukunft|zukunftig|wir suchen|auf der suche|beauftragt|in absehbarer zeit|vor mir her"
        r"|muss (ich |wir )?(da )?(mal|dringend) ran|will ich mal|sollte ich (mal|dringend)"
        r"|musste (ich )?dringend)\b"
    )
)
_PAST = re.compile(
    folded(
        r"\b(fruher|damals|ehemals|hatten (wir |ich )?(mal|einmal|auch mal)|hatte (ich |wir )?(mal"
        r"|einmal)"
        r"|war (mal|einmal|fruher)|gab es (mal|fruher)|vor (zehn|zwanzig|\d+|ein paar|einigen"
        r"|vielen) jahren"
        r"|als wir noch|in der vergangenheit|ursprunglich|anfangs|hatte ich gesagt"
        r"|hatte ich (\w+ )?gesagt)\b"
    )
)
_CURRENT = re.compile(
    folded(
        r"\b(jetzt|heute|inzwischen|mittlerweile|seitdem|seither|seit|derzeit|zurzeit|momentan"
        r"|im moment|stand heute|gegenwartig|bis heute|bislang|bisher|nach wie vor|immer noch"
        r"|noch immer|mehr)\b"
    )
)
_VERDICT_IN = re.compile(
    folded(
        r"\b(wurde|würde) (ich )?(uns |das |es |sie |mal |die frage )?(\w+ ){0,3}(sagen|meinen"
        r"|bezeichnen"
        r"|einstufen|verorten|bewerten|sprechen|schatzen|geben|beantworten|bejahen|verneinen)\b"
        r"|\b(ich )?(sag|sage) mal\b|\bich wurde sagen|\bunterm strich|\balles in allem"
        r"|\bim mittel\b|\bim schnitt\b|\bzusammengenommen|\bsodass ich|\bso dass ich|\bzu (bejahen"
        r"|verneinen)"
        r"|\bmuss ich (das |die frage )?(leider )?(verneinen|bejahen)|\bdas sagt (eigentlich "
        r"|wohl )?alles"
        r"|\bstand heute\b|\binsgesamt\b|\bim grossen und ganzen\b|\bim ernst\b"
        r"|\b(daher|somit|folglich|demnach)\b"
    )
)
_QUESTION_START = re.compile(
    folded(
        r"^(was|warum|wieso|weshalb|wozu|welche\w*|wer|wo|wann|wie|zahlt|zahlen|gilt|gelten"
        r"|meinen|meinst|meint|ist|sind|reicht|reichen|kann|konnen|muss|mussen|darf|soll|braucht"
        r"|brauche|brauchen|gibt|bekomme|bekommt|habt|hat|haben sie|wait|what|is|does|do|link"
        r"|phishing|cloud)\b"
    )
)
_QUESTION_VERB = re.compile(
    folded(
        r"^(was|warum|wieso|weshalb|wozu|wer|wo|wann|wie|welche\w*) (\w+ )?(ist|sind|heisst|meinst"
        r"|meinen|meint|soll|sollen|bedeutet|zahlt|gilt|war|bringt|hat|haben|kostet|genau|denn|lang"
        r"|das)\b"
    )
)
# An answer-like start: these concepts at the very start of a question sentence still count.
_LEAD_CONCEPTS = frozenset(
    [
        "YES_P",
        "NO_P",
        "PARTLY",
        "RARELY",
        "SOMETIMES",
        "NEVER",
        "ALWAYS",
        "MOSTLY",
        "REGULAR",
        "RATHER_YES",
        "RATHER_NOT",
        "DK",
        "NOT_YET",
        "HARDLY",
        "BASIC",
        "GOOD",
        "EXPERT",
        "LOW",
        "HALF",
    ]
)
_NOT_ANSWERS = frozenset(["DIGITAL", "ANALOG", "CONFUSED", "DIG_VERB"])


# ---- concepts ----------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _concepts(norm: str) -> tuple[tuple[str, int, int], ...]:
    """``(concept, start, end)`` hits in consumption order."""
    hits: list[tuple[str, int, int]] = []
    work = norm
    for concept, regex in _COMPILED:
        found = False
        for match in regex.finditer(work):
            if match.end() > match.start():
                hits.append((concept, match.start(), match.end()))
                found = True
        if found:
            work = regex.sub(lambda m: "_" * len(m.group(0)), work)
    if not any(c not in _NOT_ANSWERS for c, _, _ in hits):
        for word in norm.split():
            if len(word) < 6 or not word[0].isalpha():
                continue
            choices = _FUZZY_BY_LETTER.get(word[0])
            concept = fuzzy_lookup(word, choices, long_edits=2) if choices else None
            if concept:
                start = norm.find(word)
                hits.append((concept, start, start + len(word)))
    return tuple(hits)


def _payload(text: str, valid: list[str]) -> str | None:
    stripped = text.strip().strip("/")
    if stripped in valid:
        return stripped
    if text.startswith("/") and "{" in text:
        try:
            values = json.loads(text[text.index("{") :]).values()
        except (ValueError, AttributeError):
            return None
        return next((v for v in values if isinstance(v, str) and v in valid), None)
    return None


# ---- clauses -----------------------------------------------------------------------------------


@dataclass
class Clause:
    start: int
    end: int
    text: str
    intro: str
    sentence: int
    question: bool = False
    role: str = "main"
    concepts: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    first: Optional[str] = None  # the concept at the very start of the clause, if any
    words: list[str] = field(default_factory=list)
    plan: bool = False
    past: bool = False


_PUNCT = frozenset(",:-.?!;")


def _clauses(norm: str) -> list[Clause]:
    """Split the normalised text into clauses with their introducing word and sentence."""
    tokens = norm.split(" ") if norm else []
    offsets = []
    pos = 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token) + 1
    clauses: list[Clause] = []
    state = {"start": 0, "intro": "", "sentence": 0}

    def close(end_pos: int, next_start: int, next_intro: str) -> None:
        text = norm[state["start"] : end_pos].strip(" ,:-.?!;")
        if text:
            start = state["start"] + norm[state["start"] : end_pos].find(text)
            clauses.append(Clause(start, end_pos, text, state["intro"], state["sentence"]))
        state["start"] = next_start
        state["intro"] = next_intro

    for i, token in enumerate(tokens):
        if token in (".", "!", "?", ";"):
            close(offsets[i], offsets[i] + len(token), "")
            if token == "?":
                for clause in clauses:
                    if clause.sentence == state["sentence"]:
                        clause.question = True
            state["sentence"] += 1
            continue
        if token in (",", ":", "-"):
            close(offsets[i], offsets[i] + len(token), "")
            continue
        previous = tokens[i - 1] if i else ""
        at_start = not norm[state["start"] : offsets[i]].strip(" ,:-.?!;")
        if (
            i == 1
            and previous in _LEAD_WORDS
            and token not in _PUNCT
            and token not in _LEAD_WORDS
            and token not in ("nicht", "so", "eher", "und", "aber", "schon", "auch", "das")
        ):
            close(offsets[i], offsets[i], "")  # "nein wir ...": the particle is a clause
        if token in ("wie", "was", "wann", "wo", "ob") and previous in _KNOWING:
            close(offsets[i], offsets[i], "ob")  # "schwer zu sagen, wie das läuft": embedded
            continue
        if token not in _SPLIT_WORDS:
            continue
        if at_start:
            state["intro"] = token
            continue
        if norm[state["start"] : offsets[i]].strip(" ,:-.?!;") in _CONTRAST:
            continue  # "aber ob ...", "aber wenn ...": one clause
        if token == "bis" and (i + 1 >= len(tokens) or tokens[i + 1] != "auf"):
            continue
        if token == "und" and previous in ("ab", "hin", "mal", "halb", "teils", "ach", "an"):
            continue
        if token == "nur" and previous in ("ich", "wir", "noch", "aber", "und", "sondern", "mir"):
            continue
        if token in ("also", "sodass", "insgesamt") and previous not in _PUNCT:
            continue
        if token in _NO_MID_SPLIT:
            continue
        if token in ("aber", "doch") and previous not in _PARTICLE_WORDS:
            continue
        close(offsets[i], offsets[i], token)
    close(len(norm), len(norm), "")
    for clause in clauses:
        clause.words = clause.text.split()
        if not clause.intro and clause.words and clause.words[0] in _SPLIT_WORDS:
            clause.intro = clause.words[0]
        if (
            not clause.intro
            and len(clause.words) > 2
            and clause.words[0] == "da"
            and clause.words[1] in _DETERMINERS
            and clause is not clauses[0]
        ):
            clause.intro = "weil"
    return clauses


_CONDITION_DEGREE = re.compile(
    folded(
        r"(nur )?wenn (uberhaupt|(es|mir) (\w+ )?einfallt|was neues|ein kunde|der kunde"
        r"|(es |et )?hochkommt)|wenns hochkommt|wennet hochkommt"
    )
)
_RELATIVE = frozenset(
    [
        "den",
        "dem",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "wo",
        "womit",
        "worin",
    ]
)
_ARTICLE_RELATIVE = frozenset(["der", "die", "das"])
_SUBJECTS = frozenset(["ich", "wir", "er", "sie", "man", "jeder", "keiner", "du", "ihr", "es"])


_REPORTING = re.compile(
    folded(
        r"\b(erzahlt|erzahlen|sagt|sagen|meint|meinen|behauptet|behaupten|heisst es|hiess es|dachte"
        r"|denken|glauben|predigt|hort man|liest man|hoffe|hoffen|furchte|wunsche)\b"
    )
)
_SUBORDINATE = frozenset(
    ["concessive", "reported", "reason", "relative", "embedded", "question", "condition"]
)
_COUNTERFACTUAL = re.compile(
    folded(r"^sonst (ware|hatte|wurde|waren|hatten|wurden)\b|^(ware|hatte) (ich|wir|es)\b")
)
_NOW = re.compile(folded(r"(jetzt|inzwischen|mittlerweile|heute|seitdem|seither)\b"))
_REST = re.compile(folded(r"(der rest|alles andere|die anderen|andere|sonst|ansonsten|den rest)\b"))
_MID_CONTRAST = frozenset(["hingegen", "jedoch", "allerdings", "dagegen", "wiederum", "aber"])
_NOT_PLANNED = re.compile(
    folded(
        r"\b(nicht (ein)?geplant|ungeplant|seit|seitdem|inzwischen|bereits"
        r"|schon (\w+ )?(umgestellt|eingefuhrt|beauftragt))\b"
    )
)


def _role(clause: Clause, index: int, count: int, previous: Optional[Clause] = None) -> str:
    """The clause's structural role; plan and past are flags set separately."""
    words = clause.words
    head = words[0] if words else ""
    intro = clause.intro or head
    text = clause.text
    if clause.question:
        return "question"
    if intro in _EMBEDDED or (head in _CONTRAST and len(words) > 1 and words[1] in _EMBEDDED):
        return "embedded"
    if intro in _REASON:
        return "reason"
    if head == "dass" and previous is not None and _REPORTING.search(previous.text):
        return "reported"
    if head == "dass" and previous is not None and previous.role in _SUBORDINATE:
        return previous.role
    if _COUNTERFACTUAL.search(text):
        return "reported"
    if index > 0 and (
        head in _RELATIVE
        or (head in _ARTICLE_RELATIVE and len(words) > 2 and words[1] in _SUBJECTS)
    ):
        return "contrast" if any(w in _MID_CONTRAST for w in words) else "relative"
    if _VERDICT_IN.search(text) or (intro in _VERDICT and (index >= count - 2 or len(words) <= 4)):
        return "verdict"
    if intro == "bis" and words[1:2] != ["auf"]:
        return "main"
    if intro in _CONTRAST or (head == "nur" and index > 0) or (index > 0 and _REST.match(text)):
        return "contrast"
    if index > 0 and any(w in _MID_CONTRAST for w in words):
        return "contrast"
    if intro in _CONCESSIVE or (intro in ("auch", "selbst") and "wenn" in words[:2]):
        return "concessive"
    if "zwar" in words:
        return "concessive"
    if intro in _CONDITION or (
        head in ("und", "oder", "aber") and words[1:2] and words[1] in _CONDITION
    ):
        return "condition" if not _CONDITION_DEGREE.match(text) else "main"
    return "main"


# ---- per-clause reading ------------------------------------------------------------------------


def _clause_concepts(clause: Clause) -> list[str]:
    """Clean a clause's concepts: modal particles, digitising verbs, shares in percent."""
    out: list[str] = []
    words = clause.words
    edge_positions = {0}
    if words:
        edge_positions.add(len(clause.text) - len(words[-1]))
    short = len(words) <= 3
    for concept, position in zip(clause.concepts, clause.positions, strict=True):
        if concept == "YES_P":
            word = clause.text[position:].split(" ", 1)[0]
            if word == "schon" and position not in edge_positions:
                before = clause.text[:position].split()
                if 1 <= len(before) <= 3 and before[-1] not in _MODAL_BEFORE - _SUBJECTS:
                    out.append(concept)
                continue
            if word in _EDGE_PARTICLES and position not in edge_positions and not short:
                continue
            if word in _EDGE_PARTICLES and position and position in edge_positions:
                before = clause.text[:position].split()
                if before and before[-1] in _MODAL_BEFORE and word != "schon":
                    continue
        out.append(concept)
    if "DIG_VERB" in out:
        swap = {"ALL_ANALOG": "ALL_DIGITAL", "MOSTLY_ANALOG": "MOSTLY_DIGITAL", "ANALOG": "DIGITAL"}
        out = [swap.get(c, c) for c in out]
    if not any(c.startswith("PCT_") for c in out):
        share = _ratio(clause.text)
        if share is not None:
            out.append(share)
    analog = "ANALOG" in out and "DIGITAL" not in out
    if analog and any(c in ("FEW", "ONLY", "HARDLY") for c in out):
        # "nur wenige in Ordnern", "lediglich Altbestände auf Papier": mostly digital
        out = ["MOSTLY_DIGITAL" if c in ("FEW", "ONLY", "HARDLY") else c for c in out]
        out = [c for c in out if c != "ANALOG"]
    shares = []
    for concept in out:
        if concept.startswith("PCT_"):
            kind = concept[4:]
            if analog:
                kind = {"ALL": "NONE", "NONE": "ALL", "MOST": "FEW", "FEW": "MOST"}[kind]
            concept = {
                "ALL": "ALL_DIGITAL", "MOST": "MOSTLY_DIGITAL", "FEW": "RARELY",
                "NONE": "NO_DIGITAL",
            }[kind]  # fmt: skip
        shares.append(concept)
    return shares


_RATIO = re.compile(r"\b(\d+) von (\d+)\b")
_RATIO_OF = re.compile(
    r"\bvon (?:rund |etwa |circa |ungefahr |knapp )?(\d+) (?:\w+ ){1,3}?"
    r"(?:vielleicht |etwa |rund |circa |ungefahr |nur |gerade mal )?(\d+)\b"
)


def _ratio(text: str) -> Optional[str]:
    """A share written as numbers: "7 von 10", "von rund 300 Rechnungen vielleicht 20"."""
    match = _RATIO.search(text)
    part = whole = 0
    if match:
        part, whole = int(match.group(1)), int(match.group(2))
    else:
        match = _RATIO_OF.search(text)
        if match:
            whole, part = int(match.group(1)), int(match.group(2))
    if not match or whole <= 0 or part > whole:
        return None
    share = part / whole
    if share >= 0.95:
        return "PCT_ALL"
    if share >= 0.5:
        return "PCT_MOST"
    return "PCT_FEW" if share > 0 else "PCT_NONE"


def _strength(scale: str, concept: str, clause: Clause) -> int:
    if concept in _STRONG:
        return STRONG
    if concept in ("RATHER_NOT", "RATHER_YES") and len(clause.words) > 4:
        return STATEMENT  # "das ist nicht wirklich professionell, aber ..." qualifies
    if concept in ("YES_P", "NO_P"):
        return PARTICLE
    if concept in ("YES", "NO", "ALL"):
        if concept == "NO" and len(clause.words) <= 4 and clause.words[-1] in ("nicht", "nein"):
            return PARTICLE
        return STATEMENT
    if concept == "ANALOG":
        return WEAK
    if scale in ("yes_no", "yes_partly_no") and concept in _YESNO_STATEMENTS:
        return STATEMENT
    return DEGREE


def _clause_answer(scale: str, concepts: list[str], clause: Clause) -> tuple[Optional[str], int]:
    """The clause's answer and its strength."""
    answer, strength, _ = _clause_reading(scale, concepts, clause)
    return answer, strength


def _clause_reading(
    scale: str, concepts: list[str], clause: Clause
) -> tuple[Optional[str], int, str]:
    """The clause's answer, its strength and the deciding concept."""
    if "DK" in concepts:
        return DONT_KNOW, STRONG, "DK"
    mapping = _MAP[scale]
    if scale == "level" and "NOT_EXPERT" in concepts:
        for concept in ("LOW", "BASIC", "PARTLY", "MIXED"):
            if concept in concepts:
                return mapping[concept], DEGREE, concept
        return "good", DEGREE, "NOT_EXPERT"
    if "NO" in concepts:
        concepts = [
            c for c in concepts
            if not (c in _NEGATABLE and _polarity(scale, mapping.get(c, "")) > 0)
        ]  # fmt: skip
    best: Optional[tuple[int, int, str]] = None
    for concept in set(concepts):
        if concept not in mapping:
            continue
        if concept == "ALL" and scale not in ("yes_no", "yes_partly_no"):
            continue
        if concept == "ANALOG" and "DIGITAL" in concepts:
            continue
        strength = _strength(scale, concept, clause)
        order = _RANK.index(concept) if concept in _RANK else len(_RANK)
        key = (strength, -order, concept)
        if best is None or key > best:
            best = key
    if best is None:
        return None, WEAK, ""
    return mapping[best[2]], best[0], best[2]


@dataclass(frozen=True)
class RuleReading:
    """What the rules found.

    ``answer`` is their decision (None when nothing was found or the message was blocked);
    ``second`` the runner-up reading; ``confidence`` how sure the rules are (1.0 for a button
    payload, about 0.9 for one unopposed signal, 0.5-0.75 for merged or qualified signals,
    lower for weak hints); ``conflict`` whether clause readings disagreed; ``blocked`` whether
    the message asks back or is meta talk; ``no_signal`` whether no answer concept was found.
    ``concepts`` lists ``role:CONCEPT`` hits (features for the learned model); ``how`` names
    the decision path.
    """

    answer: Optional[str]
    second: Optional[str] = None
    conflict: bool = False
    blocked: bool = False
    no_signal: bool = True
    confidence: float = 0.0
    concepts: tuple[str, ...] = ()
    how: str = ""


@dataclass
class _Read:
    clause: Clause
    answer: str
    strength: int
    index: int
    concept: str = ""


def _neighbour_merge(clauses: list[Clause]) -> None:
    """A clause with only a quantifier ("Papier, ausschließlich") borrows its neighbour's object."""
    for i, clause in enumerate(clauses):
        if i == 0:
            continue
        previous = clauses[i - 1]
        has_q = any(c in ("ALWAYS", "ALL", "MOSTLY", "MOST") for c in clause.concepts)
        has_obj = any(c in ("ANALOG", "DIGITAL") for c in clause.concepts)
        if has_q and not has_obj and previous.concepts == ["ANALOG"]:
            clause.concepts = ["ALL_ANALOG" if c in ("ALWAYS", "ALL") else "MOSTLY_ANALOG"
                               for c in clause.concepts]  # fmt: skip
            previous.concepts = []


def _polarity(scale: str, answer: str) -> int:
    """1 positive, 0 middle, -1 negative, -2 don't know."""
    if answer == DONT_KNOW:
        return -2
    if answer in _POSITIVE[scale]:
        return _POSITIVE[scale][answer]
    return -1


def _merge(scale: str, answers: list[str]) -> tuple[str, Optional[str]]:
    """Merge differing readings of different parts of the message: (answer, runner-up)."""
    distinct = list(dict.fromkeys(answers))
    if len(distinct) == 1:
        return distinct[0], None
    if DONT_KNOW in distinct:
        others = [a for a in distinct if a != DONT_KNOW]
        if scale == "yes_partly_no":
            return "partly", DONT_KNOW
        if scale == "yes_no" and "yes" in others:
            return "yes", DONT_KNOW
        return others[0], DONT_KNOW
    if scale == "yes_partly_no":
        return "partly", distinct[0] if distinct[0] != "partly" else distinct[1]
    if scale == "yes_no":
        return distinct[0], distinct[1]
    order = _ORDINAL[scale]
    inverse = {v: k for k, v in order.items()}
    values = [order[a] for a in distinct]
    if scale == "level":
        low, high = min(values), max(values)
        if high - low >= 2:
            merged = inverse[max(1, min(2, (low + high) // 2))]
        else:
            merged = inverse[low] if low >= 1 else inverse[high]
        second = distinct[0] if distinct[0] != merged else distinct[1]
        return merged, second
    # frequency: the first (main) reading decides, the other is the runner-up
    return distinct[0], distinct[1]


_PARTIAL = frozenset(
    "PARTLY SOMETIMES RARELY FEW ONLY HALF MIXED NOT_ALWAYS MOSTLY MOST RATHER_YES".split()  # noqa: SIM905
)


def _lead_particle(clauses: list[Clause], lead_index: Optional[int]) -> bool:
    """Whether the answer starts with a plain "ja"/"nein" ("ja, teilweise" is a yes)."""
    return lead_index is not None and clauses[lead_index].first in ("YES_P", "NO_P")


def _contradiction(clauses: list[Clause]) -> bool:
    """ "ja nein", "ja, nein, also ...": yes and no particles side by side."""
    head = [w for c in clauses[:2] for w in c.words][:5]
    return "ja" in head and "nein" in head and len(head) <= 4


def _analyse(text: str, scale: str) -> RuleReading:
    norm = normalize_answer(text)
    hits = _concepts(norm)
    clauses = _clauses(norm)
    for i, clause in enumerate(clauses):
        previous = clauses[i - 1] if i else None
        clause.role = _role(clause, i, len(clauses), previous)
        clause.plan = bool(_PLAN.search(clause.text)) and not _NOT_PLANNED.search(clause.text)
        clause.past = bool(_PAST.search(clause.text)) and not _CURRENT.search(clause.text)
        if (
            previous is not None
            and previous.role == "embedded"
            and previous.words[0] in _CONTRAST
            and clause.role == "main"
        ):
            clause.role = "contrast"
    carry = False
    for clause in clauses:
        if clause.role == "contrast" and len(clause.words) <= 3:
            carry = True
        elif carry and clause.role == "main":
            clause.role = "contrast"
        elif clause.role not in ("relative", "embedded", "reason"):
            carry = False
    for concept, start, _ in hits:
        for clause in clauses:
            if clause.start <= start < clause.end:
                clause.concepts.append(concept)
                clause.positions.append(start - clause.start)
                break
    for clause in clauses:
        if 0 in clause.positions:
            clause.first = clause.concepts[clause.positions.index(0)]
        clause.concepts = _clause_concepts(clause)
    _neighbour_merge(clauses)
    _propagate_verdicts(clauses)
    tags = tuple(f"{c.role}:{k}" for c in clauses for k in c.concepts)
    answer_concepts = [c for c, _, _ in hits if c not in _NOT_ANSWERS]
    lead_index = _lead(clauses)
    lead_dk = lead_index is not None and "DK" in clauses[lead_index].concepts
    confused = any(
        "CONFUSED" in c.concepts for c in clauses if c.role not in ("relative", "reason")
    )
    if confused and (lead_index is None or lead_dk):
        return RuleReading(None, blocked=True, no_signal=not answer_concepts, concepts=tags)
    readings: list[_Read] = []
    plan_only = False
    reasons: list[_Read] = []  # "..., weil sie allein nicht klarkommen": used when nothing else
    for i, clause in enumerate(clauses):
        concepts = clause.concepts
        if clause.role == "question":
            if not _answer_before_question(clauses, i):
                if "RHETORIC_NO" not in concepts:
                    continue
                concepts = ["RHETORIC_NO"]
        elif _QUESTION_VERB.match(clause.text) and not concepts:
            continue
        if clause.role in ("embedded", "reason", "relative", "reported"):
            if "DK" in concepts and clause.role == "reason":
                concepts = ["DK"]
            else:
                if clause.role == "reason":
                    answer, strength, concept = _clause_reading(scale, concepts, clause)
                    if answer:
                        reasons.append(_Read(clause, answer, min(strength, STATEMENT), i, concept))
                continue
        if clause.plan or clause.past:
            negative = [c for c in concepts if c in ("NO", "NO_P", "NOT_YET", "NEVER", "DK")]
            if clause.plan and not negative:
                plan_only = True
                continue
            if not clause.plan and not ({"NOT_YET", "DK"} & set(negative)):
                continue
            concepts = negative
        concepts = _rest_is_negative(clause, concepts)
        answer, strength, concept = _clause_reading(scale, concepts, clause)
        if answer:
            readings.append(_Read(clause, answer, strength, i, concept))
    if not readings and reasons:
        readings = reasons
    if plan_only and scale in ("yes_no", "yes_partly_no"):
        # around a plan, narrative affirmations ("Anbieter haben wir uns angeschaut") are weak
        readings = [
            r for r in readings
            if not (r.strength == STATEMENT and _polarity(scale, r.answer) > 0)
        ] or readings  # fmt: skip
    if not readings:
        if plan_only and scale != "level":
            answer = _MAP[scale].get("NOT_YET")
            return RuleReading(answer, None, False, False, False, 0.35, tags, "plan")
        has_question = any(c.role == "question" for c in clauses)
        blocked = has_question or bool(_QUESTION_VERB.match(norm))
        return RuleReading(None, blocked=blocked, no_signal=not answer_concepts, concepts=tags)
    reading = _combine(scale, clauses, readings, lead_index, tags)
    if (
        scale == "yes_no"
        and reading.answer in ("yes", "no")
        and len(readings) == 1
        and readings[0].concept in _PARTIAL
        and not _lead_particle(clauses, lead_index)
    ):
        # "teilweise", "manchmal", "die Hälfte" answer a yes/no question only halfway
        other = "no" if reading.answer == "yes" else "yes"
        return RuleReading(reading.answer, other, True, False, False, 0.5, tags, "partial")
    if scale == "yes_partly_no" and reading.answer == "yes" and _hedged_yes(clauses):
        return RuleReading("partly", "yes", True, False, False, 0.72, tags, "hedge")
    if scale == "yes_partly_no" and reading.answer == "yes" and _topic_yes(clauses):
        return RuleReading("partly", "yes", True, False, False, 0.72, tags, "topic")
    if _contradiction(clauses) and scale != "level":
        first = "partly" if scale == "yes_partly_no" else _MAP[scale]["NO_P"]
        second = _MAP[scale].get("YES_P") or "rarely"
        if scale == "yes_no":
            first, second = "yes", "no"
        return RuleReading(first, second, True, False, False, 0.3, tags, "contradiction")
    return reading


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


def _propagate_verdicts(clauses: list[Clause]) -> None:
    """An empty "würde ich sagen" clause makes its neighbour the verdict."""
    for i, clause in enumerate(clauses):
        if clause.role != "verdict" or any(c not in _NOT_ANSWERS for c in clause.concepts):
            continue
        if i == len(clauses) - 1 and i > 0:
            target = clauses[i - 1]
        elif i + 1 < len(clauses):
            target = clauses[i + 1]
        else:
            continue
        if target.role in ("main", "contrast"):
            target.role = "verdict"


def _answer_before_question(clauses: list[Clause], i: int) -> bool:
    """A question sentence counts only through a short answer at its start ("Ja, wieso?")."""
    clause = clauses[i]
    same = [c for c in clauses if c.sentence == clause.sentence]
    if clause is not same[0] or len(same) < 2 or len(clause.words) > 4:
        return False
    if _QUESTION_START.match(clause.text) or _QUESTION_VERB.match(clause.text):
        return False
    return clause.first in _LEAD_CONCEPTS


def _lead(clauses: list[Clause]) -> Optional[int]:
    """Index of the clause holding a leading answer ("nein, ...", "ja, ...", "jein"), if any."""
    for i, clause in enumerate(clauses[:3]):
        if clause.role == "question" and not _answer_before_question(clauses, i):
            continue
        if clause.first is None:
            if i == 0 and not clause.concepts:
                continue
            return None
        concept = clause.first
        if concept in ("YES_P", "NO_P", "DK", "NOT_YET", "PARTLY", "RATHER_NOT", "RATHER_YES") and (
            concept in ("DK", "NO_P", "NOT_YET") or len(clause.words) <= 3
        ):
            return i
        return None
    return None


def _combine(
    scale: str,
    clauses: list[Clause],
    readings: list[_Read],
    lead_index: Optional[int],
    tags: tuple[str, ...],
) -> RuleReading:
    distinct = list(dict.fromkeys(r.answer for r in readings))
    conflict = len(distinct) > 1
    short = len(clauses) <= 2

    def result(answer: str, second: Optional[str], confidence: float, how: str) -> RuleReading:
        if second == answer:
            second = None
        if second is None:
            others = [a for a in distinct if a != answer]
            second = others[0] if others else None
        return RuleReading(answer, second, conflict, False, False, confidence, tags, how)

    def disagree(base: str, pool: list[_Read]) -> list[_Read]:
        return [r for r in pool if r.answer != base]

    # 1. the owner's own verdict wins (unless a later contrast qualifies it)
    verdicts = [r for r in readings if r.clause.role == "verdict" and r.strength >= PARTICLE]
    if verdicts:
        verdict = verdicts[-1]
        later = [
            r for r in readings
            if r.index > verdict.index and r.clause.role == "contrast"
            and r.answer != verdict.answer
        ]  # fmt: skip
        if later:
            merged, second = _merge(scale, [verdict.answer, later[0].answer])
            return result(merged, second, 0.65, "verdict+contrast")
        against = [r for r in disagree(verdict.answer, readings) if r.strength >= verdict.strength]
        return result(verdict.answer, None, 0.72 if against else 0.88, "verdict")
    # 2. a leading answer, qualified only by contrast clauses
    lead = next((r for r in readings if lead_index is not None and r.index == lead_index), None)
    if lead is not None and not (scale == "frequency" and lead.answer not in ("never", DONT_KNOW)
                                 and lead.strength == PARTICLE):  # fmt: skip
        rest = [r for r in readings if r.index > lead.index]
        follow = next((r for r in rest if r.index == lead.index + 1), None)
        if (
            follow is not None
            and lead.strength == PARTICLE
            and follow.strength >= DEGREE
            and len(follow.clause.words) <= 4
            and _polarity(scale, lead.answer) >= 0
        ):
            return result(follow.answer, lead.answer, 0.85, "lead+degree")
        contrast = [r for r in rest if r.clause.role == "contrast" and r.answer != lead.answer]
        if lead.answer == DONT_KNOW and not contrast:
            return result(DONT_KNOW, None, 0.9 if short else 0.85, "lead")
        if contrast and scale == "yes_partly_no" and lead.answer == "yes":
            return result("partly", "yes", 0.7, "lead+contrast")
        if contrast and scale == "frequency":
            return result(lead.answer, contrast[0].answer, 0.7, "lead+contrast")
        against = [
            r
            for r in disagree(lead.answer, rest)
            if r.clause.role not in ("concessive", "condition") and r.strength >= PARTICLE
        ]
        if not against:
            return result(lead.answer, None, 0.93 if short else 0.88, "lead")
        return result(lead.answer, against[0].answer, 0.72, "lead")
    # 3. the strongest readings of the main, contrast and verdict clauses
    core = [r for r in readings if r.clause.role in ("main", "contrast", "verdict")]
    if scale == "frequency":
        never = [r for r in core if r.answer == "never" and r.strength >= DEGREE]
        rare = [r for r in core if r.answer == "rarely" and r.strength >= DEGREE]
        if never and rare and not any(r.answer in ("regularly", "always") for r in core):
            return result("rarely", "never", 0.7, "exception")
    pool = core or readings
    top = max(r.strength for r in pool)
    if top == WEAK:
        return result(pool[0].answer, None, 0.4, "weak")
    if not core and all(r.clause.role in ("condition", "concessive") for r in pool):
        # only a condition or a concession carries a signal ("wenn sie nicht weiterweiß")
        return result(pool[0].answer, None, 0.45, "weak")
    now = [
        r for r in pool
        if r.index > 0 and r.strength >= STATEMENT
        and (_NOW.match(r.clause.text) or _NOW.match(r.clause.text.split(" ", 1)[-1]))
        and r.clause.role in ("contrast", "main")
    ]  # fmt: skip
    if now and any(r.answer != now[-1].answer for r in pool if r.index < now[-1].index):
        return result(now[-1].answer, None, 0.72, "now")
    partial = _partial(
        scale,
        [r for r in readings if r.clause.role in ("main", "contrast", "verdict", "concessive")],
    )
    if partial is not None:
        return result(partial[0], partial[1], partial[2], "parts")
    best = [r for r in pool if r.strength == top]
    answers = list(dict.fromkeys(r.answer for r in best))
    weaker = [r for r in pool if r.strength < top and r.answer not in answers]
    contrast_roles = any(r.clause.role == "contrast" for r in best)
    if len(answers) == 1:
        answer = answers[0]
        # a don't-know next to a clear part-answer given first: partly / yes
        if answer == DONT_KNOW:
            positive = [
                r for r in readings
                if r.answer != DONT_KNOW and r.index < best[0].index
                and _polarity(scale, r.answer) >= 0
                and (r.strength >= PARTICLE or r.clause.role == "concessive")
            ]  # fmt: skip
            if positive and scale in ("yes_no", "yes_partly_no"):
                merged, second = _merge(scale, [positive[0].answer, DONT_KNOW])
                return result(merged, second, 0.72, "part+dk")
            return result(DONT_KNOW, None, 0.85 if not weaker else 0.75, "dk")
        contrary = [r for r in weaker if r.strength >= PARTICLE or r.clause.role == "contrast"]
        if top >= DEGREE:
            confidence = 0.9 if not contrary else 0.72
        elif top == PARTICLE:
            confidence = 0.88 if not contrary else 0.68
        else:  # statements only
            confidence = 0.8 if short else 0.66
            if contrary or weaker:
                confidence -= 0.1
        return result(answer, contrary[0].answer if contrary else None, confidence, "clauses")
    # several readings of the same strength disagree
    polarities = {_polarity(scale, a) for a in answers}
    parallel = all(len(r.clause.words) <= 7 for r in best)
    if scale == "level":
        refined = [r for r in best if r.clause.words and r.clause.words[0] == "eher"]
        if refined:
            return result(refined[-1].answer, None, 0.72, "refined")
    if top <= STATEMENT and not contrast_roles and not parallel and scale != "level":
        negative = [a for a in answers if _polarity(scale, a) < 0]
        if negative and scale in ("yes_no", "yes_partly_no"):
            positive = [a for a in answers if a not in negative]
            return result(negative[0], positive[0] if positive else None, 0.55, "negation wins")
    merged, second = _merge(scale, [r.answer for r in best])
    confidence = 0.66 if (contrast_roles or parallel) and len(polarities) > 1 else 0.55
    if scale == "yes_no":
        confidence = 0.5
    return result(merged, second, confidence, "merged")


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


@lru_cache(maxsize=4096)
def _rule_reading(text: str, scale: str) -> RuleReading:
    valid = SCALES[scale] + [DONT_KNOW]
    text = bounded(text)
    direct = _payload(text, valid)
    if direct:
        return RuleReading(direct, no_signal=False, confidence=1.0, how="payload")
    stripped = text.strip()
    if stripped.startswith("/") or stripped.strip("/") in _ALL_IDS:
        # a payload (or the id of a button) of another scale is no answer to this question
        return RuleReading(None, blocked=True, no_signal=True, how="foreign payload")
    return _analyse(text, scale)


_ALL_IDS = frozenset(a for answers in SCALES.values() for a in answers) | {DONT_KNOW}


def rule_reading(text: str, scale: str) -> RuleReading:
    """The rules' reading of ``text`` for ``scale``, with how sure they are."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    if not isinstance(text, str):
        text = ""
    return _rule_reading(text, scale)


def parse_answer(text: str, scale: str, intent: str | None = None) -> str | None:
    """Map an answer text to an answer id of ``scale`` (or ``dont_know``), else None.

    ``intent`` (the Rasa intent) is only a fallback when the text has no answer signal.
    """
    reading = rule_reading(text, scale)
    if reading.blocked:
        return None
    if reading.answer or not reading.no_signal:
        return reading.answer
    intent = fold(intent or "")
    if intent in ("dont_know", "unsure"):
        return DONT_KNOW
    if scale != "level" and intent in ("affirm", "deny"):
        key = "YES" if intent == "affirm" else "NO"
        return _MAP[scale].get(key)
    return None
