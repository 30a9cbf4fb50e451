"""Building blocks of the concept patterns (ordinary German, folded when compiled).

Counts and periods for schedules, the digital and the analogue side of a task, digitising
verbs and the quantifiers (all, most) that the share patterns combine with a side.
"""

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
