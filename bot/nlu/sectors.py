"""Sector detection: free German text -> one of the ids in ``SECTORS``.

Vocabulary lives in ``data/lookup/sectors.yml`` (see its header for the entry kinds).
Tokens are lower-cased and umlaut-folded; hyphenated compounds are also tried joined
("Online-Shop" -> "onlineshop").  Conflicts are deterministic: the longest matching
entry wins ("Maschinenbau" -> produktion beats "Bau"; "Garten- und Landschaftsbau" ->
bau), a tie goes to the earlier position.  A person-type word right after a
third-party marker ("das macht unser Steuerberater") is not taken as the firm's own
sector.  Typos (one edit) are matched on 6+ letter tokens against a short list of
sector words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from bot.nlu.numbers import find_numbers, word_number
from bot.nlu.text import (
    Token,
    clean,
    fold_all,
    fuzzy_lookup,
    has_guard,
    load_yaml,
    tokenize,
)
from contract.questionnaire import load_questionnaire

SECTORS = list(load_questionnaire().option_ids("sector"))

PLAIN, GUARDED, ALONE = 0, 1, 2
_KINDS = {"stems": PLAIN, "prefixes": PLAIN, "suffixes": PLAIN, "words": PLAIN}


class SectorMatch(NamedTuple):
    """A sector found in a text, with the character span of the deciding word(s)."""

    value: str
    start: int
    end: int
    length: int


class _Vocab(NamedTuple):
    stem_re: re.Pattern[str] | None
    stems: dict[str, str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    words: dict[str, tuple[str, int]]
    phrase_re: re.Pattern[str] | None
    phrases: dict[str, str]
    ignore: tuple[str, ...]
    ignore_phrase_re: re.Pattern[str] | None
    markers: frozenset[str]
    person_suffixes: tuple[str, ...]
    fuzzy: dict[str, dict[str, str]]


def _alternation(words: list[str], template: str) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(template.format(body))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_yaml("sectors.yml")
    tables: dict[str, dict[str, str]] = {"stems": {}, "prefixes": {}, "suffixes": {}}
    words: dict[str, tuple[str, int]] = {}
    phrases: dict[str, str] = {}
    fuzzy: dict[str, dict[str, str]] = {}
    for value, entry in data["sectors"].items():
        if value not in SECTORS:
            raise ValueError(f"sectors.yml: unknown sector id {value!r}")
        for kind in ("stems", "prefixes", "suffixes"):
            for word in fold_all(entry.get(kind)):
                table = phrases if " " in word else tables[kind]
                if table.get(word, value) != value:
                    raise ValueError(f"sectors.yml: {word!r} is listed for two sectors")
                table[word] = value
        for kind, flag in (("words", PLAIN), ("guarded", GUARDED), ("alone", ALONE)):
            for word in fold_all(entry.get(kind)):
                key = word.replace(" ", "")
                if key in words and words[key][0] != value:
                    raise ValueError(f"sectors.yml: {word!r} is listed for two sectors")
                words[key] = (value, flag)
        for word in fold_all(entry.get("fuzzy")):
            fuzzy.setdefault(word[0], {})[word] = value
    return _Vocab(
        stem_re=_alternation(list(tables["stems"]), "(?=({}))"),
        stems=tables["stems"],
        prefixes=tables["prefixes"],
        suffixes=tables["suffixes"],
        words=words,
        phrase_re=_alternation(list(phrases), r"(?<![a-z0-9])({})"),
        phrases=phrases,
        ignore=tuple(fold_all(data.get("ignore"))),
        ignore_phrase_re=_alternation(fold_all(data.get("ignore_phrases")), r"\b({})\b"),
        markers=frozenset(fold_all(data.get("third_party_markers"))),
        person_suffixes=tuple(fold_all(data.get("person_suffixes"))),
        fuzzy=fuzzy,
    )


@lru_cache(maxsize=2048)
def _cleaned_tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    cleaned = clean(text)
    return cleaned, tuple(tokenize(cleaned))


@lru_cache(maxsize=16384)
def _ignored(word: str) -> bool:
    return any(bad in word for bad in _vocab().ignore)


@lru_cache(maxsize=16384)
def _token_matches(word: str) -> tuple[tuple[int, str, int], ...]:
    """Context-free matches of one folded token as ``(length, value, kind)``."""
    vocab = _vocab()
    if not word or _ignored(word):
        return ()
    found: list[tuple[int, str, int]] = []
    if vocab.stem_re is not None:
        for match in vocab.stem_re.finditer(word):
            stem = match.group(1)
            found.append((len(stem), vocab.stems[stem], PLAIN))
    found += [(len(p), v, PLAIN) for p, v in vocab.prefixes.items() if word.startswith(p)]
    found += [
        (len(s), v, PLAIN)
        for s, v in vocab.suffixes.items()
        if len(word) > len(s) and word.endswith(s)
    ]
    if word in vocab.words:
        value, kind = vocab.words[word]
        found.append((len(word), value, kind))
    return tuple(found)


def _with_compounds(text: str, tokens: list[Token]) -> list[tuple[int, Token]]:
    """Tokens (with their index) plus hyphen-joined compounds ("IT-Firma" -> "itfirma")."""
    out = list(enumerate(tokens))
    i = 0
    while i < len(tokens) - 1:
        j = i
        while j + 1 < len(tokens) and text[tokens[j].end : tokens[j + 1].start] == "-":
            j += 1
        if j > i:
            norm = "".join(t.norm for t in tokens[i : j + 1])
            out.append((j, Token(tokens[i].start, tokens[j].end, norm, norm)))
        i = j + 1
    return out


def _third_party(vocab: _Vocab, tokens: list[Token], index: int, word: str) -> bool:
    if not word.endswith(vocab.person_suffixes):
        return False
    prev = {t.norm for t in tokens[max(0, index - 2) : index]}
    return bool(prev & vocab.markers)


def _stated(tokens: list[Token], index: int) -> bool:
    """The word follows "Branche:", "also (eher)", "auf … ändern" ("Branche = IT")."""
    before = [t.norm for t in tokens[max(0, index - 3) : index]]
    return bool(before) and ("branche" in before or before[-1] in ("also", "eher"))


def _segment(text: str, tokens: list[Token], index: int) -> bool:
    """Token ``index`` is a list item of its own ("3 Leute, IT, Ratingen")."""
    before = text[tokens[index - 1].end : tokens[index].start] if index else ","
    after = text[tokens[index].end : tokens[index + 1].start] if index + 1 < len(tokens) else "."
    return any(c in before for c in ",;/") and any(c in after for c in ",;/.!")


_OWN_VERBS = frozenset(("habe", "hab", "haben", "betreibe", "betreiben", "fuhre", "fuhren"))


def _owned(tokens: list[Token], index: int) -> bool:
    """ "Ich habe Laden für Lebensmittel": a guarded word right after "ich habe" (no article)."""
    return (
        index >= 2
        and tokens[index - 1].norm in _OWN_VERBS
        and tokens[index - 2].norm in ("ich", "wir", "isch", "mer", "mir")
    )


def find_sectors(text: str) -> list[SectorMatch]:
    """All sector matches in ``text`` (unsorted); see :func:`best_sector`."""
    vocab = _vocab()
    text, cached = _cleaned_tokens(text)
    tokens = list(cached)
    found: list[SectorMatch] = []
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token.norm) + 1
    norm = " ".join(t.norm for t in tokens)
    masked: set[int] = set()
    if vocab.ignore_phrase_re is not None:
        for match in vocab.ignore_phrase_re.finditer(norm):
            masked.update(
                range(bisect_left(offsets, match.start()), bisect_left(offsets, match.end()))
            )
        norm = vocab.ignore_phrase_re.sub(lambda m: "#" * len(m.group(0)), norm)
    if vocab.phrase_re is not None:
        for match in vocab.phrase_re.finditer(norm):
            first = bisect_right(offsets, match.start()) - 1
            last = bisect_left(offsets, match.end()) - 1
            value = vocab.phrases[match.group(1)]
            if _third_party(vocab, tokens, first, tokens[last].norm):
                continue
            found.append(
                SectorMatch(value, tokens[first].start, tokens[last].end, len(match.group(1)))
            )
    seen: set[int] = set(masked)
    for index, token in _with_compounds(text, tokens):
        if index in masked:
            continue
        matches = _token_matches(token.norm)
        if matches or _ignored(token.norm):
            seen.add(index)
        for length, value, kind in matches:
            stated = _stated(tokens, index)
            if kind == GUARDED and not (
                has_guard(tokens, index) or stated or _owned(tokens, index)
            ):
                continue
            if (
                kind == ALONE
                and len(tokens) > 2
                and not stated
                and not _segment(text, tokens, index)
            ):
                continue
            if _third_party(vocab, tokens, index, token.norm):
                continue
            found.append(SectorMatch(value, token.start, token.end, length))
    if not found:
        for index, token in enumerate(tokens):
            if index not in seen and len(token.norm) >= 6 and token.norm.isalpha():
                choices = vocab.fuzzy.get(token.norm[0])
                value = fuzzy_lookup(token.norm, choices, long_edits=1) if choices else None
                if value:
                    found.append(SectorMatch(value, token.start, token.end, 0))
    return found


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(fold_all(words.split()))


_CATEGORY_WORDS = _fold_set(
    "handwerk handel gastronomie gastro dienstleistung dienstleistungen dienstleister "
    "produktion bau baubranche baugewerbe gesundheit gesundheitswesen it medien logistik "
    "sonstiges sonstige andere nirgends nirgendwo"
)
_GENERIC_WORDS = _fold_set("laden geschäft praxis lokal shop firma betrieb")
_CATEGORY_FRAME = _fold_set(
    "also eher branche zuordnen zuordnung ändern eintragen einordnen bereich sektor zähle "
    "zählen gehören"
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
_NEGATION = _fold_set("kein keine keinen keiner nicht nich not no")
_ASIDE = _fold_set("nebenbei nebenher zusätzlich nebenerwerb side")
_LEARNED = _fold_set("gelernter gelernte ausgebildeter ausgebildete")
_NEGATED_AFTER = _fold_set("kein keine keinen keiner nicht nichts nie")
_HAVE_VERBS = _fold_set("haben habe hab hat gibt gibts tun tue machen mache sind bin ist")


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


def _apposition_of_other(tokens: list[Token], text: str, match: SectorMatch, n: int) -> bool:
    """The match (after at most an article) follows a comma right after another person
    ("Mein Schwager, ein Dachdecker, …")."""
    first = next((i for i, t in enumerate(tokens) if t.start >= match.start), len(tokens))
    k = first - n - 1  # the last word before the match's clause
    if n > 1 or k < 0 or "," not in text[tokens[k].end : tokens[k + 1].start]:
        return False
    return tokens[k].norm in _OTHER_PEOPLE | _RELATIVES and tokens[k].norm != "wie"


_GENERIC_HEADS = (
    "praxis", "zentrum", "buro", "firma", "betrieb", "geschaft", "laden", "studio", "schule",
    "einrichtung", "agentur", "unternehmen", "spezialist", "spezialisten", "fachbetrieb",
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
    if _apposition_of_other(tokens, text, match, len(before)):
        return FOREIGN  # "Unser Nachbar, ein Friseur, …"
    if set(after[:5]) & _NEGATED_AFTER and set(after[:3]) & _HAVE_VERBS:
        return FOREIGN  # "ein Café haben wir nicht", "Verkaufen tun wir so gut wie nichts"
    if set(near[-2:]) & _CUSTOMER:
        at = max(i for i, w in enumerate(before) if w in _CUSTOMER and i >= len(before) - 2)
        head = before[at - 1] if at else ""
        if not head.endswith(_GENERIC_HEADS):
            return FOREIGN  # "Software für Arztpraxen"; not "Praxis für Logopädie"
    if set(before) & _OTHER_PEOPLE and (set(before) | set(after)) & _OWNING:
        return FOREIGN
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
    if word in _CATEGORY_WORDS or word.endswith("branche"):
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


@lru_cache(maxsize=1024)
def _ranked(text: str) -> tuple[tuple[int, SectorMatch], ...]:
    return tuple(_rank(text))


def ranked_sectors(text: str) -> list[tuple[int, SectorMatch]]:
    """Sector matches that may name the firm's own sector, best first, as ``(score, match)``
    (see :func:`_rank`)."""
    return list(_ranked(text)) if isinstance(text, str) else []


def _rank(text: str) -> list[tuple[int, SectorMatch]]:
    """Sector matches that may name the firm's own sector, best first, as ``(score, match)``:
    per word the longest entry; then the frame score (:func:`sector_score`), the length of the
    entry and the earlier position."""
    found = find_sectors(text)
    by_span: dict[int, SectorMatch] = {}
    for match in sorted(found, key=lambda m: (-m.length, m.start)):
        if not any(m.start < match.end and match.start < m.end for m in by_span.values()):
            by_span[match.start] = match
    matches = sorted(by_span.values(), key=lambda m: m.start)
    head = matches[0] if matches else None
    ranked = []
    concrete = {m.value for m in matches if _phrase_kind(text, m) is None}
    foreign_end = -1
    for match in matches:
        score = sector_score(text, match, head)
        if foreign_end >= 0 and _coordinated(text, foreign_end, match.start):
            score = FOREIGN  # "für Bäckereien und Metzgereien": the whole list
        if score <= FOREIGN:
            foreign_end = match.end
            continue
        foreign_end = -1
        kind = _phrase_kind(text, match)
        if kind == "rejects":
            score += 6  # "Nichts davon, wir betreiben eine Tierpension": none of the options
        elif kind == "vague" and concrete:
            score -= 4  # "jetzt mache ich was ganz anderes: eine Praxis für Physiotherapie"
        ranked.append((score + (1 if identity_frame(text, match) else 0), match))
    ranked.sort(key=lambda item: (item[0], -item[1].start), reverse=True)
    return ranked


def _coordinated(text: str, end: int, start: int) -> bool:
    """Only "und", "oder", "sowie" or commas lie between ``end`` and ``start``."""
    gap = fold_all(re.findall(r"\w+", clean(text)[end:start]))
    return all(w in ("und", "oder", "sowie", "or", "and") for w in gap)


_REJECTS = re.compile(
    r"^(nichts davon|keins davon|keine davon|passt nicht|passt nichts|nichts passt|passt keine"
    r"|passt nirgends|nirgends rein|passt nirgendwo|nirgendwo rein|keine der branchen"
    r"|andere branche|sonstige branche)$"
)
_VAGUE = re.compile(r"^(etwas|was) (ganz )?anderes$")


def _phrase_kind(text: str, match: SectorMatch) -> str | None:
    """ "rejects" for a rejection of all options ("passt nirgends"), "vague" for "etwas
    anderes", None for a concrete trade."""
    if match.value != "sonstiges":
        return None
    words = " ".join(fold_all([clean(text)[match.start : match.end]]))
    if _REJECTS.match(words):
        return "rejects"
    return "vague" if _VAGUE.match(words) else None


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


def best_sector(text: str, strict: bool = False) -> SectorMatch | None:
    """The deciding match (see :func:`ranked_sectors`), or None.

    ``strict`` (the sector was not asked): only a match that says what the firm is
    (:func:`identity_frame`) counts.
    """
    for _, match in ranked_sectors(text):
        if not strict or identity_frame(text, match):
            return match
    return None


def parse_sector(text: str) -> str | None:
    """Map free text to a sector id (``SECTORS``) or None."""
    match = best_sector(text)
    return match.value if match else None


class SectorReading(NamedTuple):
    """The firm's sector read from a message, and whether it can be stored without asking."""

    value: str
    sure: bool
    match: SectorMatch


_GENERIC_FIRM_WORDS = _fold_set(
    "laden geschäft praxis lokal shop firma betrieb werkstatt büro studio salon agentur"
)
_GENERIC_HEAD_WORDS = ("geschaft", "laden", "shop", "betrieb", "firma", "handel")
MARGIN = 3  # a rival sector this close to the best one makes the reading unsure


def _counted(text: str, match: SectorMatch) -> bool:
    """The match is a counted thing the firm has ("15 LKW", "2 Filialen und 5 Transporter",
    "drei Friseurstühle"), not what the firm is."""
    before = clean(text)[: match.start].rstrip()
    if not before:
        return False
    return any(end == len(before) for _, end, _ in find_numbers(before))


_ACTIVITY = re.compile(
    r"\b(stellen \w+ (\w+ )?her|herstell\w*|produzier\w*|fertigen|reparier\w*|bauen|baun|baue"
    r"|montier\w*|installier\w*|entwickeln|programmier\w*|backen|kochen|pflegen|beraten"
    r"|planen|liefern|transportier\w*|reinigen|verkauf(e|en|t)|vertreib\w*|vermiet(e|en)"
    r"|betreu(e|en|n)|unterricht(e|en)|schulen|vermitteln)\b"
)
_STATED_FIRM = re.compile(
    r"\b(wir sind|sind wir|ich bin|bin ich|betreiben|betreibe|fuhren|fuhre)\b"
)


def _activities(text: str) -> set[str]:
    """The different activities a message names ("reparieren", "verkaufen"), by stem."""
    words = " ".join(fold_all(clean(text).split()))
    return {m.group(1)[:5] for m in _ACTIVITY.finditer(words)}


# Fitting, installing or laying things at the customer's is a trade (Handwerk), also when the
# firm sells what it fits ("Wir bauen Küchen ein und verkaufen sie auch").
_CRAFT = re.compile(
    r"\b(einbau\w*|(bauen|baue|baut|baun) (\w+ ){0,5}ein|montier\w*|montage|installier\w*"
    r"|verleg(e|en|t)|(fliesen|boden|parkett|laminat) (legen|leg|verlegen)|anbring\w*"
    r"|reparier\w*|(setzen|setze) (\w+ ){0,5}ein|aufbauen|aufstellen)\b"
)
_CRAFT_NEGATED = re.compile(r"^(\w+ ){0,3}(selbst |selber )?(nicht|nich|net|kein\w*|nie)\b")
_SELLING = _fold_set("verkaufen verkauft verkaufe verkauf vertreiben vertreibe vertreibt")
# "Wir stellen Schlösser und Beschläge her": the words between are products, not a trade.
_MAKING = re.compile(r"\b(stellen|stelle|stellt) ((\w+ ){1,8}?)her\b")


def _norm_offsets(text: str) -> tuple[list[Token], str, list[int]]:
    tokens = list(_cleaned_tokens(text)[1])
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token.norm) + 1
    return tokens, " ".join(t.norm for t in tokens), offsets


def _crafts(text: str) -> bool:
    """The message says the firm fits, installs or lays things (not negated)."""
    _, norm, _ = _norm_offsets(text)
    for match in _CRAFT.finditer(norm):
        if not _CRAFT_NEGATED.match(norm[match.end() :].lstrip()):
            return True
    return False


_SERIAL = re.compile(
    r"\b(in serie|serienweise|in grossen stuckzahlen|stuckzahlen|serienfertig\w*)\b"
)
_WE_MAKE = re.compile(r"\b(wir stellen|stellen wir|wir fertigen|fertigen wir)\b")
_FERTIGEN = re.compile(r"\b(fertigen|fertige|fertigt)\b")


def _making_verb(text: str) -> SectorMatch | None:
    """ "Wir stellen Türbeschläge in Serie her", "Wir fertigen Federn in großen Stückzahlen":
    the firm makes products (no sector word named), as a span for the reading."""
    tokens, norm, offsets = _norm_offsets(text)
    made = _MAKING.search(norm) or (_FERTIGEN.search(norm) if _SERIAL.search(norm) else None)
    if made is None or _CRAFT.search(norm):
        return None
    first = bisect_left(offsets, made.start())
    last = min(bisect_left(offsets, made.end()) - 1, len(tokens) - 1)
    return SectorMatch("produktion", tokens[first].start, tokens[last].end, 0)


def _made_product(text: str, match: SectorMatch) -> bool:
    """``match`` lies between "stellen" and "her": a product the firm makes."""
    tokens, norm, offsets = _norm_offsets(text)
    for made in _MAKING.finditer(norm):
        first = bisect_left(offsets, made.start(2))
        last = bisect_left(offsets, made.end(2)) - 1
        inside = first <= last < len(tokens) and tokens[first].start <= match.start
        if inside and match.end <= tokens[last].end:
            return True
    return False


def read_sector(text: str, asked: bool) -> SectorReading | None:
    """The sector ``text`` states for the firm, or None; see :func:`_read_sector`. A product
    the firm makes ("Wir stellen Schlösser her") is production, and selling what the firm
    fits or installs is a trade; both only proposed (confirmed first)."""
    reading = _read_sector(text, asked)
    if reading is None:
        made = _making_verb(text) if asked or _WE_MAKE.search(_norm_offsets(text)[1]) else None
        return SectorReading("produktion", False, made) if made is not None else None
    top = reading.match
    word = " ".join(fold_all([clean(text)[top.start : top.end]]))
    if reading.value != "produktion" and _made_product(text, top):
        return SectorReading("produktion", False, top)
    if reading.value == "handel" and set(word.split()) & _SELLING and _crafts(text):
        return SectorReading("handwerk", False, top)
    return reading


def _read_sector(text: str, asked: bool) -> SectorReading | None:
    """The sector ``text`` states for the firm, or None (issue 8: be sure or ask).

    ``asked``: the sector question is open, so the best match counts; otherwise only a match
    that says what the firm is (:func:`identity_frame`) is sure, and a firm noun without such a
    frame ("Wir sind 8 Leute im Sanitär- und Heizungshandwerk") is only proposed. Not sure: a
    rival sector close to the best one ("gelernter Dachdecker, heute ein Bauunternehmen"), a
    typo match, a generic word alone ("Laden", "Werkstatt").
    """
    ranked = [(s, m) for s, m in ranked_sectors(text) if not _counted(text, m)]
    counted = len(ranked) < len(ranked_sectors(text))
    if not ranked:
        if asked and counted:  # "Wir haben 15 LKW": a guess worth asking
            score, top = ranked_sectors(text)[0]
            return SectorReading(top.value, False, top)
        return None
    framed = asked or any(identity_frame(text, m) for _, m in ranked)
    if asked:
        score, top = ranked[0]
    elif framed:
        score, top = next((s, m) for s, m in ranked if identity_frame(text, m))
    else:
        score, top = ranked[0]
        follows = fold_all(clean(text)[top.end :].split()[:1])
        owned = " ".join(fold_all([clean(text)[top.start : top.end]])) in _POSSESSIONS and not (
            set(follows) & _FIRM_HEADS  # "software company"
        )
        if score < 0 or owned:  # "eine Software für die Termine": a tool, not the trade
            return None
    rivals = [s for s, m in ranked if m.value != top.value]
    if counted and not identity_frame(text, top):
        rivals.append(score)  # things the firm counts point somewhere else as well
    word = " ".join(fold_all([clean(text)[top.start : top.end]]))
    joined = word.replace(" ", "")
    generic_head = any(
        joined.endswith(g) and top.length == len(g) and _vocab().suffixes.get(g) == top.value
        for g in _GENERIC_HEAD_WORDS
    )
    if generic_head and {v for _, v, _ in _token_matches(joined)} - {top.value}:
        rivals.append(score)  # "Malergeschäft": a trade before a generic shop word
    stated = _STATED_FIRM.search(" ".join(fold_all(clean(text)[: top.start].split()[-4:])))
    if len(_activities(text)) >= 2 and not stated:
        rivals.append(score)  # "Wir stellen Möbel her und verkaufen sie": which one?
    sure = (
        framed
        and (score >= 0 or not asked)  # not a past, a relative's or an attribute
        and top.length > 0  # not a typo match
        and not (rivals and max(rivals) > score - MARGIN)
        and (word not in _GENERIC_FIRM_WORDS or asked and len(ranked) == 1)
    )
    return SectorReading(top.value, sure, top)
