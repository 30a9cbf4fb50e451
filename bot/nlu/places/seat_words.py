"""The words that tell the firm's seat from other places named (see :mod:`bot.nlu.places.seat`):
seat words and verbs, other people and firms, home, branch, past and present, moves, nearness,
streets and greetings."""

from __future__ import annotations

from bot.nlu.places.matching import _fold_set

_SEAT = _fold_set(
    "sitz firmensitz hauptsitz geschäftssitz unternehmenssitz stammsitz adresse anschrift "
    "gemeldet angemeldet ansässig registriert eingetragen based located registered "
    "headquartered hq gehört betriebsstätte betriebssitz office"
)
_GREETING = _fold_set(
    "hallo hallöchen hi hey hello moin servus tach tag guten gruss grüsse grüße gruß viele "
    "liebe herzliche beste schöne schönen sonnige herzlichen besten greetings"
)
_SEAT_VERBS = _fold_set(
    "sitzen sitzt sitze liegt liegen befindet befinden ist sind sin sinn bin steht stehen "
    "arbeiten zuhause"
)
_OTHERS = _fold_set(
    "kunde kunden kundin kundschaft lieferant lieferanten lieferantin bekannter bekannte "
    "bekannten freund freundin freunde nachbar nachbarn konkurrenz konkurrent konkurrenten "
    "dienstleister agentur partnerbetrieb kumpel typ jemand jemanden mitbewerber hersteller "
    "großhändler zulieferer auftraggeber mandant mandanten patienten gäste customer customers "
    "supplier friend clients client lohnbüro lohnburo "
    # institutions named with their town ("Mitglied der Handwerkskammer Düsseldorf")
    "handwerkskammer kammer ihk innung kreishandwerkerschaft finanzamt arbeitsagentur "
    "jobcenter berufsschule"
)
# Relatives own places of their own only when the clause says so ("meine Schwester hat ein
# Hotel in Monheim"); "von meinem Vater in Heiligenhaus gegründet" is the firm's own story.
_RELATIVES = _fold_set(
    "schwester bruder schwager schwägerin cousin cousine mutter vater tante onkel sohn tochter "
    "neffe nichte kollege kollegin steuerberater steuerberaterin partner partnerin mann frau "
    "opa oma sister brother nephew niece"
)
_MY = _fold_set(
    "mein meine meinen meinem meiner unser unsere unseren unserem unserer my our einem einer"
)
_CLIENT_FIRMS = _fold_set("firma firmen betriebe betrieb company companies clients kunden")
_OWNING = _fold_set("hat haben hatte arbeitet arbeiten wohnt sitzt betreibt führt has runs owns")
_HIS = _fold_set("seinen seine seinem ihren ihre ihrem his her their")
_HOME = _fold_set(
    "wohne wohnen wohnt lebe leben lebt live lives living wohnort privat daheim gewohnt gelebt "
    "aufgewachsen geboren gebürtig"
)
_BRANCH = _fold_set(
    "lager lagerhalle filiale filialen zweigstelle niederlassung außenstelle baustelle "
    "baustellen zweigniederlassung warehouse branch"
)
_PAST = _fold_set("früher damals ursprünglich vorher zuvor ehemals waren war hatte hatten")
_FOUNDED = _fold_set(
    "angefangen gegründet gestartet begonnen eröffnet aufgemacht übernommen founded started"
)
_NOW = _fold_set(
    "seit seitdem jetzt heute inzwischen mittlerweile endlich nun aktuell derzeit momentan "
    "now since currently"
)
_MOVED = _fold_set("gezogen umgezogen verlegt gewechselt übergesiedelt moved relocated")
_NEAR = _fold_set(
    "grenze stadtgrenze nähe nahe nah richtung entfernt gegenüber neben umgebung bis umland near "
    "ecke eck vororte"
)
_ELSEWHERE = _fold_set(
    "fahren fahre fährt gearbeitet liefern beliefern unterwegs kommen denken dachte wären wäre "
    "arbeiten viel manchmal auch tour touren operativ"
)
_STREET_WORDS = _fold_set(
    "straße strasse str weg allee platz ring gasse chaussee damm landstraße ufer"
)
_OWN_NOUNS = _fold_set(
    "innenstadt stadtteil ortsteil norden süden osten westen zentrum altstadt stadtmitte "
    "gewerbegebiet industriegebiet gewerbepark raum stadtgebiet hafen firma betrieb "
    "unternehmen handwerksbetrieb familienbetrieb geschäft laden stadt ortskern"
)

# Words that name another firm, or our own in an apposition after an indefinite article
_FIRM_WORDS = _fold_set("hersteller agentur dienstleister großhändler zulieferer partnerbetrieb")
_INDEFINITE = _fold_set("ein eine einen einem einer ne n nen")
_NOT_OURS = _fold_set(
    "mit von vom bei beim für über die der den dem das eine einer einem ein externe externen "
    "externer unser unsere unseren unserem unserer wie andere anderen"
)

_OUR_FIRM = _fold_set("die das den der es sie firma betrieb unser unsere unseren geschäft laden")

_BUYING = _fold_set(
    "kaufen kaufe kauft einkaufen eingekauft gekauft beziehen beziehe bezieht bestellen "
    "bestelle bestellt buy buys bought order source sourced"
)
