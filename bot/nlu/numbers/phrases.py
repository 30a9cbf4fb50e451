"""Phrase cues of staff language: the words and patterns that say what a count means.

Solo and pair answers ("nur ich", "wir beide"), an explicit total ("also sieben", "mit mir
16"), "wir sind" / "wir haben", fillers, clause times (past, present, future, occasional),
subsets ("davon"), negators, seasonal alternatives and questions about the staff.
"""

from __future__ import annotations

import re

from bot.nlu.numbers.lexicon import _fold_set, _patterns

_SOLO = re.compile(
    r"\b(nur (ich|isch|mich|mir)( selbst| allein\w*)?\b|(ich|isch) (ganz |janz )?(allein|alleine)\b"
    r"|(bin|arbeite|mach|mache|machs|mach s|mache s|mach ich s|mach ich) (\w+ ){0,3}(allein|alleine"
    r"|solo)\b|ganz allein\w*|ein (mann|frau|personen) (betrieb|unternehmen|firma|show|laden)"
    r"|einmann\w*|einfrau\w*|one (man|woman|person) (show|band|business)|just me|only me"
    r"|\bsolo\b|einzelkampfer\w*|einzelunternehm\w*|einzelbetrieb\w*|solo ?selbst\w*|soloselbst\w*"
    r"|allein ?selbst\w*|keine (eigenen |festen )?(mitarbeit\w*|angestellt\w*|beschaftigt\w*"
    r"|personal|leute)\b|ohne (weitere\w* |eigene\w* )?(mitarbeit\w*|angestellt\w*|personal)\b"
    r"|nur meine wenigkeit|meine wenigkeit (allein\w*|und sonst niemand)"
    r"|(?<=, )(ganz |janz )?(allein|alleine)( [.!])?$"  # "kiosk in velbert, allein"
    # "ich hab n kosmetikstudio in haan allein"
    r"|\b(ich|isch) (hab|habe|mach|mache|betreibe|fuhre) (\w+ ){1,6}(allein|alleine)( [.!])?$)"
)
# A whole answer to "Wie viele …?" that is only the owner: "Einer. Ich.", "Ich selbst."
_SOLO_ANSWER = re.compile(
    r"^(nur )?(einer|eine|eins|one)?( ?(ich|me|myself)( selbst)?)?$"
    r"|^(ganz |janz )?(allein|alleine)$"
)
# "is nur mich un der kalle", "nur ich und de kleene": the owner and one named person
_OWNER_AND_ONE = (
    r"\bnur (ich|isch|mich|mir) (und|un|\+) (der|de|dä) (?!(hund|kater|computer|rechner"
    r"|laptop|pc|drucker|wagen|transporter|bus|lkw|kaffee|chef)\b)\w+( *[,.!;:]|$)"
)
_SOLO_NOT = re.compile(
    r"\b(nicht|kein|keine|nie) (mehr )?(allein|alleine|solo)\b"
    r"|\b(just|only|nur) (me|ich|mich) (\+|and|und|plus|&)"
    r" (\d+|one|a|an|ein|eine|einen|my|mein\w*)\b|" + _OWNER_AND_ONE
)
# "schwankt total, mal 3 mal 15": no count to store from a bare number
_FLUCTUATES = re.compile(r"\bschwank\w*|\bmal \S+ (und |oder )?mal \S+|\birgendwas (uber|unter)\b")
_PAIR = re.compile(
    r"\b(wir beide|nur wir zwei|wir zwei|us two|the two of us|zu zweien)\b|" + _OWNER_AND_ONE
)
_ZERO = re.compile(r"\b(0|null|keine) (mitarbeit\w*|angestellt\w*|beschaftigt\w*|leute|personal)")
_COMPLETE = re.compile(
    r"\b(keine weiteren|sonst keine\w*|sonst niemand|mehr nicht|mehr sinn?d? (et|es) nich\w*"
    r"|das wars|dat wars|that s it|that s all|nobody else|no one else|mehr gibt s nicht)\b"
)

_STRONG_BEFORE = _patterns([
    ("also",), ("macht",), ("das", "sind"), ("dat", "sind"), ("das", "macht"), ("dat", "macht"),
    ("sind", "also"), ("sind", "dann"), ("sind", "wir", "also"), ("insgesamt",), ("gesamt",),
    ("zusammen",), ("total",), ("summa",), ("summe",), ("=",), ("sagen", "wir"),
    ("sagen", ":"), ("sag", "ich"), ("mit", "mir"), ("mit", "mich"), ("mit", "uns"),
    ("alles", "in", "allem"), ("unterm", "strich"), ("im", "ganzen"), ("ergibt",),
    ("sind", "das"), ("sind", "dat"), ("in", "total"), ("so", "gesehen"), ("macht", "dann"),
    ("sind", "es", "dann"), ("sind", "wir", "dann"), ("that", "makes"), ("makes",),
    ("nämlich",), ("sag", "mal"), ("sage", "mal"), ("sagen", "mal"), ("im", "schnitt"),
    ("im", "durchschnitt"), ("durchschnittlich",), ("im", "mittel"), ("on", "average"),
    # "dann kommen wir auf 11", "damit kämen wir auf vier", "wären wir demnach sieben"
    ("wir", "auf"), ("man", "auf"), ("ich", "auf"), ("wir", "dann", "auf"),
    ("man", "dann", "auf"), ("wir", "also", "auf"), ("demnach",), ("somit",), ("mithin",),
    ("folglich",),
])  # fmt: skip
_AGE_BEFORE = frozenset({("ich", "bin"), ("bin", "ich"), ("i", "am"), ("i", "m")})
_RATE_WORDS = _fold_set("im am pro je per a in the jeden jede")
_PERIODS = _fold_set(
    "monat jahr tag woche quartal saison schicht stunde month year day week quarter hour"
)
_INCLUSIVE_BEFORE = _patterns(
    [("mit", "mir"), ("mit", "mich"), ("mit", "uns"), ("=",), ("sagen", "wir"), ("insgesamt",)]
)
_WE_ARE = _patterns([
    ("wir", "sind"), ("sind", "wir"), ("es", "sind"), ("sind", "es"), ("sinds",), ("sind", "s"),
    ("wir", "sin"), ("sin", "wir"), ("wir", "sinn"), ("sinn", "wir"), ("sinn", "et"),
    ("sin", "et"), ("simmer",), ("sin", "mer"), ("sind", "et"), ("san", "mer"), ("wir", "san"),
    ("we", "re"), ("we", "are"), ("were",), ("we", "re", "actually"), ("we", "are", "actually"),
    ("we", "re", "now"), ("sind", "jetzt"), ("sind", "jetzt", "also"), ("sind", "inzwischen"),
    ("sind", "mittlerweile"), ("sind", "nun"), ("sind", "aktuell"), ("team", "of"),
    ("team", "von"), ("truppe", "von"),
    ("wir",), ("crew", "of"), ("staff", "of"), ("family", "of"), ("group", "of"),
    ("es", "mussten"), ("es", "durften"), ("sind", "wa"), ("sin", "wa"), ("wir", "waren"),
    ("mir", "sin"), ("mir", "sind"), ("wir", "sind", "bei"), ("sind", "wir", "bei"),
    ("wir", "liegen", "bei"), ("liegen", "wir", "bei"),
])  # fmt: skip
_HAVE = _WE_ARE + _patterns([
    ("arbeiten",), ("beschaftigen",), ("beschaftigt",), ("haben", "wir"), ("wir", "haben"),
    ("hat",), ("gibt", "es"), ("we", "have"), ("have",), ("zahlen", "wir"), ("arbeiten", "hier"),
    ("beschaftigen", "wir"), ("arbeiten", "bei", "uns"), ("bei", "uns", "arbeiten"),
])  # fmt: skip
_NOW_BEFORE = _patterns([
    ("aktuell",), ("derzeit",), ("momentan",), ("jetzt",), ("heute",), ("zurzeit",),
    ("mittlerweile",), ("inzwischen",), ("seitdem",), ("now",), ("currently",), ("today",),
])  # fmt: skip
_STRONG_AFTER = _patterns([
    ("insgesamt",), ("total",), ("in", "total"), ("gesamt",), ("zusammen",), ("mit", "mir"),
    ("mit", "mich"), ("inkl", "mir"), ("inklusive", "mir"), ("einschliesslich", "mir"),
    ("incl", "me"), ("including", "me"), ("mich", "eingerechnet"), ("mich", "mitgezahlt"),
    ("mich", "mitgerechnet"), ("mich", "inklusive"), ("ist", "also", "der"),
    ("ist", "der", "aktuelle"), ("mich", "eingeschlossen"), ("with", "me"),
    ("inklusive", "chef"), ("alles", "in", "allem"), ("die", "zwei"), ("die", "beiden"),
    ("inkl", "chef"), ("mit", "chef"), ("mit", "chefin"), ("mit", "inhaber"),
])  # fmt: skip
_FILLER = _fold_set(
    "ca circa zirka etwa ungefähr rund so um die knapp gut über mehr als fast beinahe genau "
    "exakt jetzt aktuell derzeit momentan zurzeit heute noch nur lediglich dann mittlerweile "
    "inzwischen immerhin bereits schon s es et eigentlich ja wohl vielleicht wahrscheinlich "
    "grob bestimmt sicher maximal höchstens mindestens glaube denke schätze würde sagen mal "
    "also insgesamt zusammen gerade tatsächlich around about approx approximately roughly ~ "
    "nearly almost like just only ganz schlappe stolze satte immer trotzdem übrigens "
    "aber alles aktuelle zahl stand wa doch wieder"
)
_SKIP_BEFORE = _FILLER | {".", ",", ":", "(", "~"}
_PAST = _fold_set(
    "früher damals ursprünglich anfangs vorher einst waren war hatte hatten gab angefangen "
    "gestartet begonnen gegründet ehemals zuvor bisher used were was had mussten konnten "
    "durften aufgemacht eröffnet gründete vorgänger vorgängerin vorbesitzer gehabt zwischendurch "
    "zwischenzeitlich zeitweise zeitweilig"
)
# Helpers who come now and then are no staff ("meine Schwester hilft manchmal aus")
_OCCASIONAL = _fold_set(
    "manchmal gelegentlich notfall bedarf ausnahmsweise sporadisch occasionally sometimes"
)
_COUNTING = (
    "mitzahl", "zahl", "mitrechn", "rechn", "dazurechn", "dazuzahl", "count",
    # "Sofern ich die Frage richtig verstehe, wären es 31": about the question, no future
    "versteh", "verstand", "gemeint", "understand",
)  # fmt: skip
_VERB_FIRST = _fold_set(
    "sind ist sin sinn haben hat hätten wären waren werden kommen kommt brauchen dann so"
)
_PRESENT = _fold_set(
    "heute jetzt aktuell derzeit momentan zurzeit inzwischen mittlerweile seitdem seither nun "
    "gegenwärtig "
    "gerade nowadays now currently today heutzutage moment"
)
_LEAVING = _fold_set(
    "suchen suche händeringend einstellen einzustellen planen plane geplant bald demnächst "
    "nächstes nächsten nächstem künftig zukünftig wollen möchten brauchen bräuchten hiring "
    "looking sollen sollten rente kündigt gekündigt verlässt verlassen ausgestiegen ab fangen "
    "fängt anfangen beginnt beginnen startet starten "
    "aufgehört weggegangen werden wäre wären hätten hätte würden gestorben verstorben "
    "ausgeschieden hopefully hoffentlich next"
)
_HIRED = _fold_set(
    "eingestellt dazugekommen hinzugekommen eingestiegen dazu angestellt neu kam kommt kommen "
    "habe hab haben beschäftige beschäftigen employ have"
)
_SUBSET_BEFORE = _fold_set(
    "davon darunter wovon worunter wobei denen inkl inklusive einschließlich incl including"
)
_SUBSET_AFTER = _patterns([
    ("of", "them"), ("davon",), ("darunter",), ("mitgezählt",), ("eingerechnet",),
    ("mitgerechnet",), ("inklusive",), ("included",),
])  # fmt: skip
_ALTERNATIVES = re.compile(
    r"\b(im|in der|zur|uber den|ausserhalb der|in|during) (sommer|winter|saison|hochsaison"
    r"|nebensaison|weihnachtszeit|spargelzeit|season|summer)\b"
)
_SELF_FIX = _fold_set(
    "nein ne nee nö nä halt korrektur sorry äh ähm quatsch doch eher besser oder meine meinte"
)
_NEGATORS = _fold_set("nicht nich net ned not kein keine statt anstatt instead")
_EXTERNAL = _fold_set("extern externe externer externen dienstleister")
_TALK_STEMS = (
    "sprech", "sprach", "red", "verbind", "telefon", "chat", "kontakt", "schreib", "erreich",
    "talk", "speak", "connect", "mensch", "frag", "besprech", "abstimm", "klar", "treff",
    "streit", "diskut", "telefonier", "mail", "rucksprach",
)  # fmt: skip
_ACCUSATIVE = _fold_set("ein eine einen meine meinen mein unsere unseren unser ne nen n a an")
_YEAR_BEFORE = _fold_set("im in seit ab bis von jahr anno since until jahre vor nach um")
_STAFF_QUESTION = re.compile(r"(leute|mitarbeit|beschaft|personal|people|staff|wir|sind|kopfe)")
