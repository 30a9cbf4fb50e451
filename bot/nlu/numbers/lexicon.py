"""Word lists of staff language: who counts as staff, and the small words around them.

Staff nouns (general ones such as "Leute", roles such as "Geselle", kin such as "meine
Frau"), contractors and sub-groups, units, function words, harmless adjectives, determiners,
list words and the owner's own pronouns; :func:`_is_staff_word` classifies one folded token.
All lists are folded (see :func:`bot.nlu.text.fold`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.text import fold


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _patterns(items: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple(fold(w) for w in item) for item in items]


def _alternation(words: str) -> str:
    return "|".join(sorted({fold(w) for w in words.split()}, key=len, reverse=True))


_GENERAL = _fold_set(
    "leute leuten leutchen leut mitarbeiter mitarbeitern mitarbeiterin mitarbeiterinnen "
    "mitarbeitende mitarbeitenden beschäftigte beschäftigten angestellte angestellten personen "
    "köpfe köpfen koppe mann männer seelen kollegen kolleginnen ma mas arbeitnehmer "
    "arbeitnehmerinnen arbeitskräfte kräfte kräften staff people employees persons heads folks "
    "guys menschen teammitglieder mitstreiter personal ppl angestellter beschäftigter employee "
    "mitarbeitender festangestellter köppe person nasen humans leutz fte ftes headcount leude "
    "peeps ops"
)
# Person nouns (singular base forms); compounds ending in one of them count too
# ("Bürokraft", "Fahrlehrer", "Teilzeitkräfte").
_ROLE = re.compile(
    r"(?:"
    + _alternation(
        "bäcker konditor metzger fleischer glaser klempner optiker akustiker schmied schlosser "
        "steinmetz stuckateur parkettleger bodenleger schornsteinfeger schneider schuhmacher "
        "sattler raumausstatter polsterer gebäudereiniger masseur logopäde logopädin "
        "elektroniker bauer zerspaner dreher schweißer konstrukteur zeichner planer führer "
        "fachmann spüler barkeeper rezeptionist bearbeiter dozent makler vertriebler admin "
        "administrator texter journalist übersetzer dolmetscher trainee volontär leiter "
        "driver technician mechanic cook waiter waitress cleaner assistant consultant manager "
        "intern apprentice colleague coworker ceo cto coo cfo "
        "geselle gesell azubi auszubildende auszubildender lehrling praktikant werkstudent "
        "student schüler aushilfe aushilfskraft minijobber minijob teilzeit teilzeitler vollzeit "
        "vollzeitler festangestellte festangestellter fahrer monteur meister techniker "
        "mechaniker mechatroniker elektriker installateur maler lackierer maurer tischler "
        "schreiner zimmerer dachdecker fliesenleger gärtner verkäufer florist friseur frisör "
        "kosmetiker berater assistent assistenz sekretär buchhalter kraft kräfte arzt ärzte "
        "ärztin mfa zfa pfleger therapeut erzieher koch köche köchin kellner bedienung "
        "gesellschafter geschäftsführer inhaber partner chef jungs mädel mädchen dame herr "
        "lehrer trainer programmierer entwickler developer dev designer ingenieur architekt "
        "anwalt anwälte anwältin fachangestellte helfer arbeiter handwerker disponent lagerist "
        "boten botin kurier founder cofounder freelancer freiberufler springer vertreter "
        "artist barista tätowierer "
        "leiharbeiter subunternehmer bauleiter polier kaufleute kaufmann kauffrau redakteur "
        "grafiker fotograf steuerberater notar hebamme apotheker pta pka kassierer worker "
        "engineer nurse frau kollege kollegin kolleje gründer mitgründer gesellschafterin "
        "teilhaber dev devs jeselle jesell lehrjung lehrjunge stift rider "
        "editor therapist physio receptionist analyst marketer copywriter producer coach tutor "
        "instructor timer"
    )
    + r")(?:e|en|n|s|in|innen|nen|ne|er|ern|es)?$"
)
_KIN = _fold_set(
    "frau mann partner partnerin sohn söhne söhnen tochter töchter töchtern bruder brüder brüdern "
    "broder schwester "
    "schwestern vater papa mutter mama onkel tante cousin cousine cousins neffe nichte schwager "
    "schwägerin kumpel freund freundin kollege kollegin kolleje kompagnon geschäftspartner "
    "geschäftspartnerin mitinhaber mitinhaberin jung jungs ehefrau ehemann gattin gatte "
    "lebensgefährtin lebensgefährte schwiegersohn schwiegertochter opa oma nachbar nachbarin "
    "wife husband son daughter brother sister geschwister olle oller ollen vatter vadder mudder "
    "vati mutti"
)
# Plurals that fold to their singular ("Brüder" -> "bruder") stay: the determiner decides.
_KIN_ENDINGS = tuple(
    sorted(w for w in _KIN if len(w) >= 5 and w not in ("partner", "partnerin", "kollege"))
)
_COUPLES = {"ehepaar": 2, "eltern": 2, "grosseltern": 2, "schwiegereltern": 2, "zwillinge": 2}
_CONTRACTORS = re.compile(
    r"^(freelancer|freiberufler|subunternehm|leiharbeit|zeitarbeit|externe|dienstleister|honorar)"
)
_KIN_SINGULAR = _KIN - _fold_set(
    "söhne söhnen töchtern brüdern schwestern cousins jungs geschwister eltern"
)
_GENERAL_ROLE_ENDINGS = ("kraft", "krafte", "kraften", "arbeiter", "arbeitern", "arbeiterinnen")
_SUBSET_ROLES = re.compile(
    r"(azubi|auszubild|lehrling|praktikant|werkstudent|student|schuler|aushilf|minijob|teilzeit"
    r"|freelancer|freiberufler|leiharbeiter|subunternehm)"
)
_UNIT_WORDS = _fold_set(
    "std stunde stunden h min minute minuten sek jahr jahre jahren jahrzehnte monat monate "
    "monaten woche wochen tag tage tagen km m m² m2 qm quadratmeter kg t tonnen liter l mal x "
    "prozent euro eur generation generationen uhr years months hours minutes days weeks"
)
_FUNCTION = _fold_set(
    "und oder aber sowie plus mit ohne im in am an auf bei beim vom von zu zum zur für aus hier "
    "da dort drin drinnen draußen drauf dabei insgesamt zusammen inklusive inkl incl "
    "einschließlich also dann jetzt heute aktuell derzeit momentan zurzeit gerade noch nur "
    "ungefähr etwa ca circa so ja nein ne nee ok okay wenn weil denn als wie sind ist war "
    "waren bin sein es et wir ich mich mir uns alle alles davon darunter eher maximal max "
    "höchstens mindestens mind tendenz vielleicht glaube schätze denke mal mehr weniger gesamt "
    "total here of at with including me us we the and or but now currently today minus leider "
    "zumindest wohl sonst keiner niemand schon bereits immer gut knapp fast rund über unter "
    "richtig genau exakt tatsächlich eigentlich ehrlich gesagt würde sagen naja na hm hmm äh "
    "ähm öh ach mitgezählt eingerechnet mitgerechnet samstags sonntags wochenends vormittags "
    "nachmittags morgens abends festangestellt angestellt beschäftigt tätig stark köpfig statt "
    "anstatt dat is isset wat wa gell oder? und'n n sin sinn simmer mer ändern korrigieren "
    "setzen eintragen stellen angeben aktualisieren anpassen bitte danke gezählt not no yet "
    "too there right without excl since davon darunter halt eben rum herum drum gell ne "
    "wieder zurzeit atm rn hab habe hat haben hatte"
)
# The owner by role ("die Chefin", "dä Chef")
OWNER_WORDS = _fold_set("chef chefin inhaber inhaberin geschäftsführer geschäftsführerin")
_ADJ_OK = _fold_set(
    "feste neue weitere junge echte aktive eigene fleißige tolle motivierte erfahrene liebe "
    "nette ständige freie geringfügig geringfügige kaufmännische gewerbliche technische "
    "sozialversicherungspflichtige sozialversicherungspflichtig fest offiziell offizielle "
    "weibliche männliche ausgebildete "
    "gelernte ungelernte studentische interne vollzeitbeschäftigte teilzeitbeschäftigte aktiv "
    "regelmäßig full-time part-time fulltime parttime great amazing ersten erste zweiten "
    "working part full "
    "dritten neuen festen jungen lieben fleißigen"
)
_PER_UNIT = _fold_set("je jeweils pro à per each")
_JOIN = _fold_set("und un + plus , sowie & and dazu außerdem zuzüglich")
_ADD_MARKERS = _fold_set(
    "dazu plus + zusätzlich außerdem extra hinzu noch zuzüglich kommt kommen sowie"
)
_DETERMINERS = _fold_set(
    "mein meine meinem meiner meinen mingen minge min unser unsere unserem unseren unserer "
    "ein eine einen einem einer ne nen n der die den dem da de dä sein seine seiner seinem "
    "my our a an the ihr ihre ihrem ihrer ene en"
)
_INDEFINITE = _fold_set(
    "mein meine meinem meiner meinen mingen minge min unser unsere unserem unseren unserer "
    "ein eine einen einem einer ne nen n my our a an ene en"
)
_SINGULAR_DET = _fold_set(
    "mein meinem meiner meinen mingen min unser unserem unseren unserer ein eine einen einem "
    "einer ne nen n a an der dem da dä sein seinem seiner ene en"
)
_OWNER = _fold_set("ich mich mir isch me myself meinereiner meinereins")
_LIST_ADVERBS = _fold_set(
    "natürlich noch auch dann selbst halt samstags sonntags abends morgens vormittags "
    "nachmittags zusätzlich außerdem später seit letztem sommer wochenends aushilfsweise "
    "teilweise manchmal"
)
_MEMBER_BEFORE = _JOIN | _fold_set(": ( -")
_CLIENTS = (
    "patient", "klient", "mandant", "interessent", "abonnent", "konkurrent", "lieferant",
    "produzent", "teilnehmer", "kund", "gast", "gäst", "bewohner",
)  # fmt: skip
_NOT_PERSONS = _fold_set("bauherr bauherren bauherrin leitern prozent")
_PERSON_ENDINGS = (
    "innen", "erin", "eur", "eure", "euren", "ist", "isten", "istin", "ant", "anten", "antin",
    "ent", "enten", "entin", "ling", "linge", "lingen",
)  # fmt: skip


_LIST_EDGE = frozenset((",", "und", "un", "&", "+", ":", "(", ")", "-", "–", ".", "!", "?", ";"))


@lru_cache(maxsize=16384)
def _is_staff_word(word: str) -> str | None:
    """ "general", "kin", "role" or None for one folded token."""
    if word in _GENERAL or word.endswith(("leute", "mitarbeiter", "mitarbeiterinnen")):
        return "general"
    if word in _KIN or (len(word) > 8 and word.endswith(_KIN_ENDINGS)):
        return "kin"  # also "Zwillingsbruder", "Schwiegermutter"
    if len(word) >= 3 and word not in _ADJ_OK and word not in _NOT_PERSONS and _ROLE.search(word):
        return "role"
    return None
