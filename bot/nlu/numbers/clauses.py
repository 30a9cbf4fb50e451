"""Clauses and sentences of a token list, and the time of each clause.

:func:`_clauses` numbers clauses and sentences; :func:`_clause_times` marks each clause as
"now", "past", "gone" (leaving or future), "if" or "sometimes": only counts in the present
count ("früher waren wir 25", "wir suchen noch zwei Leute" do not).
"""

from __future__ import annotations

from bot.nlu.numbers.lexicon import _DETERMINERS, _LIST_ADVERBS, _OWNER, _is_staff_word
from bot.nlu.numbers.phrases import _COUNTING, _LEAVING, _OCCASIONAL, _PAST, _PRESENT, _VERB_FIRST
from bot.nlu.numbers.scanning import Tok
from bot.nlu.numbers.words import word_number


def _clauses(toks: list[Tok]) -> tuple[list[int], list[int]]:
    """Clause id and sentence id per token."""
    ids, sentences, cid, sid = [], [], 0, 0
    for k, tok in enumerate(toks):
        word = tok.low
        if word in (".", "!", "?", ";", "–", "—", "…", ":") or (
            word == "-" and k and toks[k - 1].end < tok.start
        ):
            ids.append(cid)
            sentences.append(sid)
            cid += 1
            sid += 1 if word in (".", "!", "?", "…") else 0
            continue
        if word in (",", "aber", "doch", "jedoch", "sondern", "but", "weil", "seit") and k:
            prev = toks[k - 1]
            particle = (
                word in ("aber", "doch", "jedoch")
                and prev.low.isalpha()
                and word_number(prev.low) is None
                and not prev.capital
            )  # "wir suchen aber dringend noch zwei": a particle, the same clause
            cid += 0 if prev.low == "," or particle else 1
        elif word in ("und", "un", "and") and k + 1 < len(toks) and not _member_start(toks, k + 1):
            cid += 1  # "wir sind 7 und suchen noch 3": a new verb, a new clause
        ids.append(cid)
        sentences.append(sid)
    return ids, sentences


def _member_start(toks: list[Tok], k: int) -> bool:
    word = toks[k].low
    return (
        word[0].isdecimal()
        or word in _DETERMINERS
        or word in _OWNER
        or word in _LIST_ADVERBS
        or word_number(word) is not None
        or _is_staff_word(word) is not None
        or word in ("zwar", "auch", "noch", "dazu", "zwei", "drei")
    )


def _hedged(toks: list[Tok], k: int) -> bool:
    """ "dürften", and "wären" next to an expletive "es", fold to the past "durften", "waren"
    but hedge the present: "Mich eingerechnet wären es 24", "es dürften gegenwärtig 31 sein".
    Not "wir wären gerne 10" (a wish) or "er behauptet, wir wären fünf" (reported speech)."""
    word = toks[k].text.lower()
    if word in ("dürften", "dürfte"):
        return True
    near = {toks[j].low for j in (k - 1, k + 1) if 0 <= j < len(toks)}
    after = {toks[j].low for j in (k + 1, k + 2) if j < len(toks)}
    if word in ("hätten", "hätte", "wären", "wäre") and after & _PRESENT:
        return True  # "Wir hätten derzeit 42 Mitarbeitende", "wären derzeit zwei"
    later = {toks[j].low for j in range(k + 1, min(len(toks), k + 7))}
    earlier = {toks[j].low for j in range(max(0, k - 2), k)}
    if word in ("wären", "wäre") and (later | earlier) & _EMPLOYED:
        return True  # "neben mir wären drei … beschäftigt", "Fest angestellt wären vier"
    if word in ("wären", "wäre", "kämen", "käme", "hätten", "hätte") and after & _SUMMING:
        return True  # "… wären wir demnach sieben", "damit kämen wir auf vier Personen"
    return word in ("wären", "wäre") and "es" in near


# A hedged sum after "wären wir" / "kämen wir": "demnach", "also", "insgesamt", "auf"
_EMPLOYED = frozenset({"beschaftigt", "tatig", "angestellt"})
_SUMMING = frozenset({"demnach", "somit", "mithin", "also", "insgesamt", "zusammen", "auf", "zu"})


def _clause_times(toks: list[Tok], ids: list[int], sentences: list[int]) -> dict[int, str]:
    words: dict[int, set[str]] = {}
    sentence_of: dict[int, int] = {}
    first: dict[int, str] = {}
    for k, (tok, cid, sid) in enumerate(zip(toks, ids, sentences, strict=True)):
        words.setdefault(cid, set()).add("konjunktiv" if _hedged(toks, k) else tok.low)
        if cid not in first and tok.low[0].isalnum():
            first[cid] = tok.low
        sentence_of[cid] = sid
    times: dict[int, str] = {}
    previous: tuple[int, str, set[str]] | None = None
    for cid in sorted(words):
        found = words[cid]
        if found & _LEAVING:
            time = "gone"
        elif found & _OCCASIONAL or {"hin", "wieder"} <= found or {"ab", "und", "zu"} <= found:
            time = "sometimes"
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[1] == "if"
            and first.get(cid) in _VERB_FIRST
        ):
            time = "if"  # "wenn alles gut läuft, sind wir Ende des Jahres 12"
        elif first.get(cid) in ("ohne", "without") and "konjunktiv" in found:
            time = "if"  # "…, elf Personen; ohne diese kämen wir auf acht": hypothetical
        elif found & _PRESENT:
            time = "now"
        elif found & _PAST or {"mal", "hatte"} <= found:
            time = "past"
        elif {"wenn", "falls", "if", "sofern"} & found and not any(
            w.startswith(_COUNTING) for w in found
        ):
            time = "if"  # not "wenn ich die Azubis mitzähle, …": who counts, not a future
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[2] & _PAST
            and previous[2] <= _PAST | {","}
        ):
            time = "past"  # "Früher, 20 Leute"
        elif (
            previous
            and previous[0] == sentence_of[cid]
            and previous[1] == "gone"
            and first.get(cid) in ("dann", "then")
        ):
            time = "gone"  # "ab März kommen zwei dazu, dann sind wir 9"
        else:
            time = "now"
        times[cid] = time
        previous = (sentence_of[cid], time, found)
    return times


def _now_norm(toks: list[Tok]) -> str:
    """The folded words of the present-time clauses only."""
    ids, sentences = _clauses(toks)
    times = _clause_times(toks, ids, sentences)
    return " ".join(
        t.low for t, c in zip(toks, ids, strict=True) if times[c] == "now" and t.low != "-"
    )
