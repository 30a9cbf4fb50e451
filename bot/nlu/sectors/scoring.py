"""How surely one sector match names the firm's own sector (:func:`sector_score`)."""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.numbers import word_number
from bot.nlu.sectors.matching import (
    SectorMatch,
    _cleaned_tokens,
    _fold_set,
)
from bot.nlu.text import (
    Token,
)

_CATEGORY_WORDS = _fold_set(
    "handwerk handel gastronomie gastro dienstleistung dienstleistungen dienstleister "
    "produktion bau baubranche baugewerbe gesundheit gesundheitswesen it medien logistik "
    "sonstiges sonstige andere nirgends nirgendwo gesundheitsbereich gesundheitssektor "
    "pflege other"
)
_GENERIC_WORDS = _fold_set("laden geschäft praxis lokal shop firma betrieb")
_CATEGORY_FRAME = _fold_set(
    "also eher branche zuordnen zuordnung ändern eintragen einordnen bereich sektor zähle "
    "zählen gehören entscheiden entscheide zum zur zuzuordnen zuzurechnen zurechnen "
    "zugeordnet zugerechnet einzuordnen eingeordnet sagen sage sag"
)
_CUSTOMER = _fold_set("für fuer an beliefern beliefere for")
_OTHER_PEOPLE = _fold_set(
    "kunde kunden kundin lieferant lieferanten bekannter bekannte bekannten freund freundin "
    "nachbar konkurrenz konkurrent dienstleister schwester bruder schwager cousin cousine "
    "onkel tante wie auftraggeber mandant mandanten klienten kundschaft zielgruppe abnehmer "
    "customer customers client clients"
)
_OWNING = _fold_set("hat haben hatte betreibt führt has runs owns arbeitet")
_RELATIVES = _fold_set(
    "mann frau vater mutter sohn tochter bruder schwester partner partnerin freund freundin "
    "schwager schwägerin onkel tante opa oma husband wife father mother son daughter"
)
_BEING = _fold_set("ist sind sein war waren is are")
_ARTICLES = _fold_set("ein eine einen einem einer der die das den dem")
_COMING = _fold_set("kommen kommt stammen stammt come comes")
_NEIGHBOUR = _fold_set("neben nebenan gegenüber nachbarschaft next door")
_RELATIVE_HAS = _fold_set("ist war arbeitet als is hat hatte betreibt führt has runs owns")
_PAST = _fold_set(
    "früher damals ursprünglich gelernt gearbeitet war waren angefangen komme kam vorher "
    "zuvor ehemals bisher used was"
)
_NOW = _fold_set(
    "heute jetzt seit seitdem inzwischen mittlerweile hauptsächlich vor allem nun aktuell "
    "eigentlich sondern aber now"
)
_NEGATION = _fold_set("kein keine keinen keiner nicht nich not no ohne without")
_ASIDE = _fold_set("nebenbei nebenher zusätzlich nebenerwerb side")
_LEARNED = _fold_set("gelernter gelernte ausgebildeter ausgebildete")
_NEGATED_AFTER = _fold_set("kein keine keinen keiner nicht nichts nie nich net")
_HAVE_VERBS = _fold_set(
    "haben habe hab hat gibt gibts tun tue machen mache sind bin ist hamwa hamma hammer"
)


def _window(tokens: list[Token], text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Folded words of the clause before and after the character span ``start``..``end``."""
    first = next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens))
    last = max((i for i, t in enumerate(tokens) if t.end <= end), default=first)
    before: list[str] = []
    k = first - 1
    while k >= 0 and len(before) < 12:
        if any(c in text[tokens[k].end : tokens[k + 1].start] for c in ".!?;:,–"):
            break
        before.append(tokens[k].norm)
        if tokens[k].norm in ("aber", "sondern", "but"):
            break
        k -= 1
    after: list[str] = []
    k = last + 1
    while k < len(tokens) and len(after) < 8:
        if any(c in text[tokens[k - 1].end : tokens[k].start] for c in ".!?;:,–"):
            break
        after.append(tokens[k].norm)
        k += 1
    return before[::-1], after


FOREIGN = -100
_CHOOSING = _fold_set("entscheiden entscheide entschieden wähle wählen nehme nehmen")


def _is_category(word: str) -> bool:
    """The match is a category the questionnaire offers ("Handwerk", "IT und Medien",
    "Gesundheit und Pflege", "Baubranche"), not a trade."""
    words = word.split()
    return word.endswith("branche") or (
        bool(words) and all(w in _CATEGORY_WORDS or w == "und" for w in words)
    )


def _apposition_of_other(tokens: list[Token], text: str, match: SectorMatch, n: int) -> bool:
    """The match (after at most an article) follows a comma right after another person
    ("Mein Schwager, ein Dachdecker, …")."""
    first = next((i for i, t in enumerate(tokens) if t.start >= match.start), len(tokens))
    k = first - n - 1  # the last word before the match's clause
    if n > 1 or k < 0 or "," not in text[tokens[k].end : tokens[k + 1].start]:
        return False
    counted = k > 0 and (tokens[k - 1].norm.isdigit() or word_number(tokens[k - 1].norm))
    # not "zehn mann, rohbau": a count of people, not a person
    return tokens[k].norm in _OTHER_PEOPLE | _RELATIVES and tokens[k].norm != "wie" and not counted


_GENERIC_HEADS = (
    "praxis", "zentrum", "buro", "firma", "betrieb", "geschaft", "laden", "studio", "schule",
    "einrichtung", "agentur", "unternehmen", "spezialist", "spezialisten", "fachbetrieb",
    "agency", "studio", "company", "firm",
)  # fmt: skip


@lru_cache(maxsize=4096)
def sector_score(text: str, match: SectorMatch, first: SectorMatch | None = None) -> int:
    """How surely ``match`` names the firm's own sector: an explicit category ("also eher
    Handwerk", "Branche = IT") scores high; customers ("Software für Arztpraxen"), other
    people's firms, negations ("kein Handwerksbetrieb", "sind wir nicht mehr") are
    ``FOREIGN``; the past ("früher in der Gastro gearbeitet") and attributes after the head
    ("Pizzeria mit Lieferdienst") score low."""
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    before, after = _window(tokens, text, match.start, match.end)
    near = before[-3:]
    word = " ".join(t.norm for t in tokens if t.start >= match.start and t.end <= match.end)
    if set(near) & _NEGATION or after[:4] and "nicht" in after[:6] and "mehr" in after[:7]:
        return FOREIGN
    if "trotz" in before[-4:]:
        return FOREIGN  # "trotz der Nähe zum Gesundheitswesen … der IT zuzurechnen"
    if _apposition_of_other(tokens, text, match, len(before)):
        return FOREIGN  # "Unser Nachbar, ein Friseur, …"
    if word.endswith("en") and after[:1] and after[0] in _NEGATED_AFTER and after[1:2] != ["nur"]:
        return FOREIGN  # "wir produzieren nichts", not "produzieren nicht nur Möbel"
    if near[-2:-1] == ["wie"] and set(before[-5:]) & {"sieht", "aussieht", "aussehen", "aus"}:
        return FOREIGN  # "die Halle sieht aus wie eine Fabrik": a comparison
    if set(after[:5]) & _NEGATED_AFTER and set(after[:3]) & _HAVE_VERBS:
        return FOREIGN  # "ein Café haben wir nicht", "Verkaufen tun wir so gut wie nichts"
    chosen = _is_category(word) and set(before[-4:] + after[:3]) & _CHOOSING
    if near[-1:] == ["als"] and "eher" in before[:-2]:  # not "eher als Dienstleister"
        return FOREIGN  # "also eher Transport als Handel": the category turned down
    if set(near[-2:]) & _CUSTOMER and not chosen:  # not "ich entscheide mich für Gesundheit"
        at = max(i for i, w in enumerate(before) if w in _CUSTOMER and i >= len(before) - 2)
        head = before[at - 1] if at else ""
        if not head.endswith(_GENERIC_HEADS):
            return FOREIGN  # "Software für Arztpraxen"; not "Praxis für Logopädie"
    if set(before) & _OTHER_PEOPLE and (set(before) | set(after)) & _OWNING:
        return FOREIGN
    if set(before) & (_OTHER_PEOPLE - {"wie"}) and set(after[:1]) & _CATEGORY_FRAME:
        return FOREIGN  # "ein Teil unserer Mandanten dem Handwerk zuzurechnen wäre"
    if set(before) & (_OTHER_PEOPLE - {"wie"}) and set(before) & (_BEING | _COMING):
        return FOREIGN  # "Die meisten unserer Kunden sind Arztpraxen"
    if set(before) & _NEIGHBOUR or set(after[:2]) & _NEIGHBOUR:
        return FOREIGN  # "Neben uns ist eine Bäckerei", "die Friseurin nebenan"
    if len(near) >= 2 and near[-1] in ("einem", "einer", "der") and near[-2] == "bei":
        return FOREIGN  # "bei einem großen Autohändler gearbeitet"
    if len(near) >= 2 and near[-1] in _ARTICLES and near[-2] in ("uber", "via", "von"):
        return FOREIGN  # "über eine Zeitarbeitsfirma", "von einer Spedition beliefert"
    score = 0
    if set(before[:3]) & _RELATIVES and set(before) & _RELATIVE_HAS:
        score -= 5  # "Mein Mann ist Elektriker, ich hab einen Blumenladen"
    if _is_category(word):
        score += 2
        if set(before) & _CATEGORY_FRAME or set(after[:3]) & _CATEGORY_FRAME:
            score += 6
    if set(before) & _PAST or set(after[:4]) & _PAST or near[-1:] and near[-1] in _LEARNED:
        score -= 4  # the past, or the trade learned ("gelernter Dachdecker"), not the firm
    elif set(before) & _NOW:
        score += 2
    if before and before[-1] == "mit" and first is not None and first.start < match.start:
        score -= 2  # "Pizzeria mit Lieferdienst", "Kiosk mit Lotto"
    if "zwar" in before or "zwar" in after[:3]:
        score -= 2
    if set(before) & _ASIDE:
        score -= 2  # "Milchviehbetrieb, nebenbei ein kleiner Hofladen": a sideline
    if word in _GENERIC_WORDS:
        score -= 3 if after[:1] and after[0] in ("ist", "sind", "is", "heisst") else 1
    return score
