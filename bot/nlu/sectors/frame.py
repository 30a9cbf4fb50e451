"""Whether a sector match says what the firm is (:func:`identity_frame`)."""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.numbers import word_number
from bot.nlu.sectors.matching import (
    SectorMatch,
    _cleaned_tokens,
    _fold_set,
)
from bot.nlu.sectors.scoring import _window, sector_score
from bot.nlu.text import (
    fold_all,
)

_GREETINGS = _fold_set(
    "hallo hallöchen hi hey moin servus tach tag guten abend morgen grüß gott zusammen also "
    "ja kurz zu uns wir ich und so hello ok okay na gut"
)
_IDENTITY_BEFORE = [
    tuple(fold_all(p.split()))
    for p in (
        "wir sind", "sind wir", "wir sin", "wir sinn", "ich bin", "bin ich", "ich habe", "ich hab",
        "hab ich", "habe ich", "wir haben", "haben wir", "wir betreiben", "ich betreibe",
        "betreiben wir", "betreibe ich", "ich führe", "wir führen", "firma ist", "betrieb ist",
        "unternehmen ist", "handelt sich um", "arbeite als", "we are", "we re", "i run", "we run",
        "i have", "we have", "firma", "branche", "als", "i m", "im a", "wir machen",
        "machen wir", "wir sind hier", "based",
    )
]  # fmt: skip
_DETS = _fold_set(
    "ein eine einen einem einer ne nen n 'ne 'nen meine meinen mein meinem unser unsere "
    "unseren unserem den die das der a an our my kleine kleinen kleiner kleines eigene eigenen "
    "eigener eigenes klassischer klassische klassisches gelernter gelernte selbstständiger "
    "selbstständige freie freier kleinen richtiger richtige richtiges echter echte echtes "
    "grosser grosse grosses mittelstandischer mittelstandische mittelstandisches "
    "familiengefuhrter familiengefuhrte familiengefuhrtes alteingesessener alteingesessene "
    "alteingesessenes"
)
_LEAD_FILLERS = _fold_set(
    "nur noch jetzt heute hauptsächlich vor allem eigentlich ja auch inzwischen mittlerweile "
    "seitdem seit ganz so quasi halt eher also"
)
_DEFINITE = _fold_set(
    "den die das der dem unser unsere unseren unserem unserer mein meine meinen meinem meiner"
)
_CLAUSE_START = _fold_set("sondern aber und also sowie but and")
_FOUNDING = _fold_set(
    "aufgemacht gegründet eröffnet übernommen betreibe betreiben betreibt führe führen "
    "gründete gründeten eröffnete started founded opened run runs"
)
_FIRM_VERBS = _fold_set(
    "produzieren produziert verkaufen verkauft vertreiben reparieren fertigen entwickeln "
    "transportieren fahren bauen liefern betreuen beraten pflegen herstellen stellen"
)


_HAVE = _fold_set("haben habe hab have has")
_FIRM_HEADS = _fold_set("company firm agency studio business house shop firma agentur")
_POSSESSIONS = _fold_set(
    "software app apps website webseite homepage kasse kassensystem server "
    "lager lagerhalle werkstatt büro lkw transporter fahrzeug fahrzeuge drucker computer it "
    "edv"
)


@lru_cache(maxsize=4096)
def identity_frame(text: str, match: SectorMatch) -> bool:
    """``match`` names what the firm is: at the start of the message or a sentence ("Kiosk in
    Düsseldorf, 2 Leute"), after "wir sind (ein)", "ich habe (einen)", "ich bin", or in a
    founding clause ("… habe eine Tischlerei aufgemacht"), or as an explicit category ("also
    eher Handwerk"). "Unser Laden hat 80 Quadratmeter" or "die Jungs in der Werkstatt" do not
    say what the firm is."""
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    first = next((i for i, t in enumerate(tokens) if t.start >= match.start), len(tokens))
    before, after = _window(tokens, text, match.start, match.end)
    k = len(before)
    while k > 0 and (before[k - 1] in _DETS or word_number(before[k - 1]) is not None):
        k -= 1  # "wir sind zwei Ergotherapeutinnen"
    article = k < len(before)
    definite = article and before[k] in _DEFINITE
    while k > 0 and before[k - 1] in _LEAD_FILLERS:
        k -= 1
    lead = before[:k]
    if (not lead or all(w in _GREETINGS for w in lead) and first < 12) and not definite:
        return True
    if lead and all(w in _CLAUSE_START for w in lead):
        return True
    stated = any(tuple(lead[-len(p) :]) == p for p in _IDENTITY_BEFORE if len(lead) >= len(p))
    word = " ".join(t.norm for t in tokens if t.start >= match.start and t.end <= match.end)
    if stated and set(lead[-2:]) & _HAVE and word in _POSSESSIONS:
        stated = False  # "haben wir eine Software", "ich hab ein Lager": owned, not the firm
    if stated and not definite:
        return True  # "wir sind eine Bäckerei", not "wir haben die Werkstatt im Keller"
    if article and set(after) & _FOUNDING and {"ich", "wir", "i", "we"} & set(before):
        return True  # "ich hab vor sechs Jahren eine Tischlerei aufgemacht"
    word = tokens[first].norm if first < len(tokens) else ""
    verb = first < len(tokens) and not tokens[first].text[:1].isupper()
    if lead[-1:] in (["wir"], ["we"]) and verb and word.startswith(tuple(_FIRM_VERBS)):
        return True  # "wir produzieren …", "wir verkaufen …"
    return sector_score(text, match) >= 8  # an explicit category statement
