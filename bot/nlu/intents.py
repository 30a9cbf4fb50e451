"""High-precision patterns for what a message asks of the bot (not what it answers).

The learned intent model is good at the many ways of saying "yes" or "hello", but a canned reply
must never replace an answer, and a destructive step (erase, restart, stop) must never be taken
on a guess. These patterns decide first; the learned intent only counts for short messages and
with a calibrated confidence. Used by the NLU (:class:`IntentRules`, which overrides the
learned intent) and by the actions.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from bot.nlu.text import normalized

SHORT = 12  # words: greetings, thanks and goodbyes are only that in short messages

_RESET = r"(neu|nochmal|noch mal|von vorn\w*|anfang\w*|wiederhol\w*)"
_QUIT = (
    r"(ich )?((will|mag|kann|mochte|mocht) (jetzt |echt |einfach |wirklich |langsam "
    r"|eigentlich )*nicht mehr|(hab|habe|hab ich|habe ich) (echt |jetzt |einfach |wirklich "
    r"|langsam )*keine lust mehr|(hor|hore) (jetzt |hier |lieber |dann |einfach )*auf"
    r"|das (ist|wird) mir (alles |jetzt |echt )*zu (viel|lang\w*|blod|doof|kompliziert)"
    r"|(das )?bringt (doch |eh |ja |alles |mir )*(nix|nichts)( mehr)?"
    r"|tschuss|tschus|ciao|bye|auf wiedersehen"
    # leaving in everyday words and dialect (sixth black-box round)
    r"|adschus\w*|adjus|tschoo?|tschö|mach\w* (et|es) (jot|joot|jut|gut)"
    r"|(ich )?(mach|mache) (jetzt |erstmal |dann |fur heute )*feierabend"
    r"|(ich )?(hab|habe) (grad |gerade |jetzt |leider |echt )*keine zeit( mehr)?"
    r"|(ich )?muss (jetzt |leider |dann )*(los|weg)( (die |der )?\w+ ruft)?"
    r"|(ich |isch )?bin (dann |jetzt )*(ma |mal )?(weg|wech)( bis (morgen|morjen|spater|dann))?)"
)
_PURE_QUIT = (
    rf"^(also |ach |ne |nee |boah |puh |sorry |ehrlich gesagt )*{_QUIT}"
    rf"( (und |also |deshalb |darum )?{_QUIT})?$"
)
_PATTERNS: List[Tuple[str, str, bool]] = [
    # (kind, pattern on folded text, only in short messages)
    ("erase_data",
     r"\b(losch\w*|entfern\w*|vernicht\w*|vergessen sie)\b.{0,40}\b(daten|gesprach\w*|verlauf"
     r"|chat\w*|unterhaltung|infos?|informationen|protokoll|nachrichten|alles was ich)\b"
     r"|\b(daten|gesprach\w*|verlauf|chat\w*|unterhaltung|nachrichten|angaben|antworten"
     r"|ergebnis\w*)\b.{0,40}"
     r"\b(losch\w*|entfern\w*)\b|recht auf (loschung|vergessen\w*)|\bdatenloschung\b"
     r"|\b(will|mochte|mocht|bitte|soll)\b.{0,20}\balles\b.{0,15}\b(geloscht|entfernt)\b"
     r"|\b(losch\w*|entfern\w*) sie (bitte )?(alles|mich|das|es)\b"
     r"|\b(vergessen sie|vergiss|vergesst) (bitte )?(mich|uns|alles uber mich)\b"
     r"|\balles (uber mich |von mir )?(losch\w*|entfern\w*|vernicht\w*)\b"
     r"|^(meine |die |alle )?daten (weg|loschen|raus)\W*$"
     # the passive only as a request: "ich möchte, dass meine Daten gelöscht werden"
     r"|\b(mochte|will|bitte|wunsche|verlange|sollen|soll|konnen sie|konnten sie)\b.{0,40}"
     r"\b(meine|unsere|die|alle|das)\b.{0,20}\b(daten|gesprach\w*|verlauf|chat\w*|angaben"
     r"|nachrichten)\b.{0,30}\b(geloscht|entfernt)\b", False),
    ("restart",
     r"\b(neu (starten|anfangen|beginnen)|neustart\w*|von vorn\w*(?! bis)"
     # "alles neu machen", not "Ich will Kassensystem neu machen" (a plan of the firm)
     r"|(^|(?<=alles )|(?<=das )|(?<=bitte )|(?<=lieber )|(?<=check ))neu machen(?! (zu )?lass)"
     r"|nochmal neu|noch mal neu|zuruck auf (anfang|start|null)|reset|restart|zurucksetzen"
     r"|neu anfangen|fang\w* (wir )?(nochmal|noch mal|neu) an"
     r"|neu\w* (check|durchgang|test)( (bitte|starten|machen|beginnen))?$)\b", False),
    # a short pause ("Moment", "moment, Kunde kommt", "bin gleich wieder da"): the bot waits
    ("wait",
     r"^(moment\w*|augenblick\w*|sekunde|(einen?|1) (moment|augenblick|sekunde|minute|min)"
     r"|warte\w*|kurz warten|mom|momentchen|brb|sec|one sec|gleich wieder da)"
     r"( (mal|kurz|bitte|eben|noch|gerade|grad))*$"
     r"|\b(bin gleich (wieder )?(da|zuruck)|gleich wieder da|muss (mal )?kurz (weg|ran|raus"
     r"|telefonieren)|hab (gleich |grad |gerade )?(kundschaft|einen kunden|nen kunden))\b"
     r"|\b(kunde|kundschaft|telefon) (kommt|klingelt)( (gerade|grad|rein|eben))*$"
     # thinking aloud ("also", "hmm", "Moment, da muss ich kurz überlegen")
     r"|^(also|ahm|aehm|ahm|ah|hm+|mh+|naja|na ja|tja|puh|uff|gute frage)$"
     r"|^((ich )?(muss )?(mal )?kurz (telefonieren|weg|raus|ans telefon))( bitte)?$"
     r"|\b(muss|musste|lass|lassen sie) (\w+ ){0,2}(kurz |mal |erst |eben )*"
     r"(uberlegen|nachdenken)\b",
     True),
    ("resume",
     r"^(so |also |ok |okay |gut )*(weiter|weiter gehts|weiter geht s|es geht weiter"
     r"|machen wir weiter|weitermachen)$", True),
    ("withdraw",
     r"\b(widerruf\w*|(einwilligung|zustimmung|einverstandnis) (\w+ )?zuruck\w*"
     r"|(ziehe?|nehme?) (meine?n? )?(einwilligung|zustimmung|einverstandnis)"
     r"|nicht mehr einverstanden|will (doch )?nicht mehr mitmachen"
     r"|(hab|habe|habs) (es |s )?mir (\w+ )?anders uberlegt,? (\w+ ){0,3}(will|mochte)"
     r" (das |es )?doch nicht"
     r"|(will|mochte),? dass nichts (\w+ ){0,3}gespeichert"
     r"|(will|mochte) nicht,? dass (das|dies|es|das hier|alles) (\w+ ){0,2}gespeichert"
     r"|mochte (doch )?nicht mehr mitmachen"
     r"|(will|mochte|mocht) (\w+ ){0,2}(doch |lieber |jetzt |eigentlich )*(nicht|nicht mehr)"
     r" (mitmachen|teilnehmen|dabei sein)"
     r"|(will|mochte|mocht) (\w+ ){0,3}nicht,? dass (sie |ihr )?(meine|unsere|die|alle) (daten"
     r"|angaben|antworten)( \w+){0,2} (gespeichert|speichern|aufbewahrt)"
     r"|(?<!\bhat )(?<!\bhatte )(?<!\bhaben )(?<!\bhatten )keine lust mehr)\b", False),
    # a message that is only a wish to quit ("ich will nicht mehr", "ich hab keine Lust mehr",
    # "das ist mir zu viel, ich hör auf"): asked about as a pause, never read as an answer
    ("goodbye", _PURE_QUIT, False),
    # A pause keeps the answers ("Schluss für heute", "ich mache morgen weiter"): no stop.
    ("goodbye",
     r"\b(fur heute|(spater|morgen|nachher|ein andermal) weiter\w*"
     r"|weiter\w* (spater|morgen|nachher)|pause)\b", True),
    ("stop",
     r"^(stop+|stopp|abbrechen|abbruch|beenden|aufhoren|schluss|ende)\b"
     r"|\b(check|befragung|interview|fragebogen|umfrage) (abbrechen|beenden|stoppen)\b"
     r"|\b(ich )?(will|mochte|mocht) (ich )?((jetzt|hier|lieber|doch|gerne?|bitte) ){0,3}"
     r"(aufhoren|abbrechen|beenden)\b", False),
    ("callback",
     r"\b(ruckruf\w*|zuruckruf\w*|ruf\w* (sie |ihr )?(mich|uns) (bitte )?(zuruck|an)"
     r"|rufen sie (mich|uns)|anrufen|melden sie sich|call (me|us) back|call me|callback"
     r"|give (me|us) a (call|ring))\b|\[telefon\]", False),
    ("human_handoff",
     r"\b(mensch\w*|person|mitarbeiter\w*|ansprechpartner\w*|berater\w*|jemand\w*|kolleg\w*)\b"
     r".{0,30}\b(sprechen|reden|kontakt\w*|erreichen|telefonieren|schreiben)\b"
     r"|\b(sprechen|reden)\b.{0,20}\b(mensch\w*|person|jemand\w*)\b|\bansprechpartner\w*\b"
     r"|\bkontakt(daten|person|adresse|moglichkeit)\w*\b|\b(ihre|eine|einen) kontakt\b"
     r"|\bpersonlich\w* beratung\b", False),
    ("ask_privacy",
     r"\b(datenschutz\w*|dsgvo|was (speicher|wisse|mach|sammel)\w* (sie|ihr|du)"
     r"|meine daten|meinen daten|was passiert mit (meinen|den|unseren) (daten|angaben)"
     r"|wer (sieht|liest|bekommt) (das|meine|die)|speichern sie|wird (das|alles) gespeichert"
     r"|ist (das|es) anonym|(an|zu) dritte\w*|weitergegeben|weitergeben|verkauf\w* sie"
     r"|(patienten|kunden|mandanten|gesundheits)daten (\w+ ){0,2}(fragen|speichern|erfassen"
     r"|wollen|brauchen) sie|(fragen|speichern|erfassen) sie (\w+ ){0,3}(patienten|kunden"
     r"|mandanten|gesundheits)daten"
     r"|was (\w+ ){0,3}(wird|werden) (\w+ ){0,3}gespeichert"
     r"|wer (sieht|bekommt|liest) (\w+ ){0,2}(punkt\w*|werte|ergebnis\w*|antworten|angaben))\b",
     False),
    ("ask_progress",
     r"\b(wie (viele|viel) (fragen|noch)|wie lange (noch|daue?rt)|noch viele fragen|wie weit"
     r"|fortschritt|wann (bin ich|sind wir) (fertig|durch)|wieviele fragen|noch lange)\b", False),
    ("bot_challenge",
     r"\b(bist du|sind sie|ist das|bin ich mit) (ein|eine|einem|einer) (bot|roboter|ki|maschine"
     r"|computer|programm|chatbot|mensch)\b|\b(echter|echte|echten) mensch\w*\b"
     r"|\brede ich mit (einem|einer) \w+", False),
    ("explain",
     r"^(warum|wieso|weshalb|wozu|wofur)\b|\b(was (ist|sind|heisst|bedeutet|meinen sie)"
     r"|was ist (damit|das) gemeint|was genau|erklar\w*|versteh\w* (ich )?(die frage |das )?nicht"
     r"|wie ist das gemeint|keine ahnung was (sie|du) (meinen|meinst)"
     r"|wat (is|es|ist|heisst|bedeutet) (dat|das)|was soll (das|dat) (sein|heissen)"
     r"|what (does|dos|do) (that|this|it) mean|what is (a |an |that|this)\w*)\b", False),
    ("goodbye",
     r"^(tschus\w*|tschau|ciao|bye|auf wiedersehen|wiedersehen|bis (bald|spater|dann|morgen)"
     r"|ich muss (los|weg|jetzt los)|schonen (tag|abend)|gute nacht|adieu|machs gut"
     r"|mach es gut|ade|bis die tage)\b", True),
    # a pause announced in a longer message ("…, ich muss Schluss machen. Ich melde mich
    # heute Abend nochmal!"): the form asks before it pauses
    ("goodbye",
     r"\b(ich muss (jetzt |leider |gleich )?(schluss machen|aufhoren)|ich muss (mal |jetzt )?kurz"
     r" (weg|los)|(ich )?melde mich (\w+ ){0,3}(nochmal|noch mal|wieder|spater|nachher))\b",
     False),
    ("greet",
     r"^(hallo|hallochen|hi|hey|moin|guten (tag|morgen|abend)|servus|gruss gott|grue?zi|tach"
     r"|n abend|nabend|mahlzeit|gru(ss|e) dich)\b", True),
    ("thank", r"^(danke\w*|vielen dank|merci|thx|thanks|besten dank)\b", True),
    # back after a pause ("So, Feierabend, da bin ich wieder. Wo waren wir?")
    ("greet", r"\b(da bin ich wieder|bin (wieder|zuruck) da|wo waren wir)\b", False),
]  # fmt: skip
_COMPILED = [(kind, re.compile(pattern), short) for kind, pattern, short in _PATTERNS]
_RESET_RE = re.compile(rf"\b{_RESET}\b")
# "Wir löschen alte Daten regelmäßig": the owner describes the firm; no request to the bot.
_OWN_DELETING = re.compile(
    r"\b(wir|ich) (losch|entfern|vernicht)\w*|\b(loschen|entfernen|vernichten) wir\b"
    r"|\b(losche|entferne|vernichte) ich\b"
)

# Kinds the NLU may set as the message's intent (the others are decided by the actions).
NLU_INTENTS = {
    "erase_data": "erase_data",
    "restart": "restart",
    "callback": "human_handoff",
    "human_handoff": "human_handoff",
    "ask_privacy": "ask_privacy",
    "ask_progress": "ask_progress",
    "bot_challenge": "bot_challenge",
    "goodbye": "goodbye",
    "greet": "greet",
    "thank": "thank",
}


# A question or a wish: without one, a message that mentions a person, data protection or
# explaining describes the firm ("mit den Mitarbeitern sprechen wir das ab") and is no request.
# The same holds for a restart and a call-back: "Können wir von vorne anfangen?", "neu starten",
# "Rufen Sie mich zurück" are wishes; a laptop that "nervt mit Neustarts", a website "neu machen
# lassen" or customers who "anrufen" are the firm's story (seen in every corpus writer's text).
REQUEST_KINDS = frozenset({"human_handoff", "ask_privacy", "explain", "restart", "callback"})
_REQUEST = re.compile(
    r"^(warum|wieso|weshalb|wozu|wofur|was|wat|wie|wer|wo|welche\w*|kann|konnen|konnte|darf|gibt|ist"
    r"|sind|what|why|how)\b"
    r"|\b(mochte|mocht|will|wollte|wurde gern\w*|hatte gern\w*|gerne? (mit|einen|eine)|bitte"
    r"|kann ich|konnen sie|konnten sie|gibt es|brauche|ich suche|verbinden sie"
    r"|erklaren sie|erklar mir|verstehe? (ich )?(die frage |das )?nicht"
    r"|keine ahnung was (sie|du) (meinen|meinst|wollen|willst)"
    r"|fang\w* wir|lasst? uns|lassen sie uns|ich (fang|fange|starte|beginne)"
    r"|ruf\w* (sie |ihr )?(mich|uns)|rufen sie|melden sie sich)\b"
)
# For those two, a wish is in the first person or addressed to the bot ("wenn der Fahrer was
# wissen will, ruft er an" is no wish), or the phrase opens a clause as an imperative.
_WISH = re.compile(
    r"\b(ich|wir) (mochte\w*|will|wollen|wurde\w* gern\w*|hatte\w* gern\w*)\b|\bbitte\b"
    r"|^(konnen|konnten|kann|konnte) (sie|wir|ich|man)\b|\blasst? (uns|mich)\b"
    r"|\blassen sie uns\b|\bfang\w* wir\b|\bich (fang|fange|starte|beginne)\b"
)
_OPENING = {
    "restart": re.compile(
        r"^(bitte )?(alles )?(neu (starten|anfangen|beginnen)|neustart|von vorn\w*(?! bis)"
        r"|nochmal neu|noch mal neu|nochmal von vorn\w*|noch mal von vorn\w*"
        r"|zuruck auf (anfang|start|null)|reset|restart|zurucksetzen)\b"
    ),
    "callback": re.compile(
        r"^(bitte )?((rufen sie|ruf|ruft) (mich|uns)|melden sie sich|ruckruf|zuruckruf)\b"
    ),
}
_CLAUSE = re.compile(r"[^,.!?;:\n]+")
_JSON_LIKE = re.compile(r"^\s*[\[{]|\{\s*\"[^\"]*\"\s*:")


_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


def _is_request(text: str, norm: str, kind: str, regex: re.Pattern[str]) -> bool:
    """A keyword-only message ("Ansprechpartner", "Datenschutz"), or a sentence that carries the
    keyword and is a question or a wish. A question elsewhere in a message about the firm ("Backup
    machen wir freitags, Datenschutz ist uns wichtig. Wieso?") does not make the mention one."""
    if len(norm.split()) <= 3:
        return True
    wish = _WISH if kind in _OPENING else _REQUEST
    for sentence in _SENTENCE.findall(text):
        folded = normalized(sentence)
        if regex.search(folded) and ("?" in sentence or wish.search(folded)):
            return True
    opening = _OPENING.get(kind)
    if opening is not None:
        return any(opening.search(normalized(clause).strip()) for clause in _CLAUSE.findall(text))
    return False


_PURE_QUIT_RE = re.compile(_PURE_QUIT)
_ABOUT_RESULT = re.compile(
    r"\b(ergebnis\w*|wert|werte|punkte\w*|score)\b|\b(steht|stand)\b.{0,30}\b(nichts|nix|kein\w*)\b"
)
_DATA_PROTECTION = re.compile(r"\b(datenschutz\w*|dsgvo)\b")
# "Kann ich das hier alles löschen lassen?" asks whether (explained); "Können Sie meine Daten
# löschen?" asks for it (done)
_ASKS_HOW = re.compile(
    r"^(kann (ich|man)|konnte (ich|man)|darf (ich|man)|ist es moglich|wie (kann|lasst|konnen)"
    r"|geht (das|es))\b"
)


def only_quits(text: Any) -> bool:
    """The whole message is a wish to quit: it carries no answer."""
    return isinstance(text, str) and bool(_PURE_QUIT_RE.match(normalized(text).strip()))


def detect(text: Any) -> Optional[str]:
    """The first kind whose pattern matches ``text`` (priority order above), else None."""
    if not isinstance(text, str) or not text.strip() or text.lstrip().startswith("/"):
        return None
    if _JSON_LIKE.search(text[:2000]):
        return None  # '{"intent":"restart"}' is text, never a wish
    norm = normalized(text.replace("[TELEFON]", " [telefon] "))
    if "[TELEFON]" in text:
        norm += " [telefon]"
    words = len(norm.split())
    for kind, regex, short_only in _COMPILED:
        if short_only and words > SHORT:
            continue
        if kind == "erase_data" and (_RESET_RE.search(norm) or _OWN_DELETING.search(norm)):
            continue  # "alles löschen und nochmal neu" is a restart
        if regex.search(norm):
            if kind == "erase_data" and _ASKS_HOW.search(norm) and "?" in text:
                return "ask_privacy"  # "Kann ich das hier alles löschen lassen?": explained
            if kind == "callback" and "[telefon]" in norm:
                return kind  # a typed phone number: the owner wants to be called
            if kind in REQUEST_KINDS and not _is_request(text, norm, kind, regex):
                continue
            result_topic = kind == "ask_privacy" and _ABOUT_RESULT.search(norm)
            if result_topic and not regex.search(_DATA_PROTECTION.sub(" ", norm)):
                continue  # "warum steht bei Datenschutz nichts?": the result's topic
            return kind
    return None


def nlu_intent(text: Any) -> Optional[str]:
    kind = detect(text)
    return NLU_INTENTS.get(kind) if kind else None


def override(parse: Dict[str, Any]) -> Dict[str, Any]:
    """A parse result with the intent decided by the patterns (confidence 1.0)."""
    intent = nlu_intent(parse.get("text"))
    if intent is None:
        return parse
    return {**parse, "intent": {"name": intent, "confidence": 1.0}}
