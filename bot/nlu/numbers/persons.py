"""Single persons in a list ("meine Frau", "ein Azubi", "Herr Becker") and the owner ("ich")."""

from __future__ import annotations

from bot.nlu.numbers.context import _AREA_PREPOSITIONS
from bot.nlu.numbers.lexicon import (
    _ADJ_OK,
    _CONTRACTORS,
    _COUPLES,
    _DETERMINERS,
    _FUNCTION,
    _INDEFINITE,
    _JOIN,
    _KIN,
    _KIN_SINGULAR,
    _LIST_ADVERBS,
    _LIST_EDGE,
    _MEMBER_BEFORE,
    _OWNER,
    _SINGULAR_DET,
    _fold_set,
    _is_staff_word,
)
from bot.nlu.numbers.phrases import _ACCUSATIVE, _EXTERNAL, _HIRED, _TALK_STEMS
from bot.nlu.numbers.records import Mention
from bot.nlu.numbers.scanning import Tok
from bot.nlu.numbers.words import word_number

_OWNER_AT_WORK = _fold_set(
    "sitz sitze mach mache koordinier koordiniere kummer kummere fahr fahre leite fuhre "
    "manage arbeite schaff schaffe"
)


_AT_WORK = _AREA_PREPOSITIONS | _fold_set("fur")


def _member_position(low: list[str], j: int) -> bool:
    """Token ``j`` starts a member of a list ("…, meine Frau", "und ein Azubi", "mit mir")."""
    k = j - 1
    while k >= 0 and low[k] in _LIST_ADVERBS:
        k -= 1
    return k < 0 or low[k] in _MEMBER_BEFORE or low[k] in (".", "!", "?")


def _member_follows(low: list[str], k: int, with_ok: bool = False) -> bool:
    """A join word and another member come after token ``k`` ("ich und zwei …"; with
    ``with_ok`` also "ich mit meiner Frau …")."""
    if k + 2 >= len(low) or low[k + 1] not in (_JOIN | {"mit"} if with_ok else _JOIN):
        return False
    nxt = low[k + 2]
    return (
        nxt in _DETERMINERS
        or nxt in _OWNER
        or nxt[0].isdecimal()
        or word_number(nxt) is not None
        or _is_staff_word(nxt) is not None
        or nxt in _LIST_ADVERBS
    )


def _named(toks: list[Tok], k: int) -> bool:
    """ "Frau Krüger", "Herr Becker": a title and a name (not "Frau Doktor", not a noun)."""
    if k + 1 >= len(toks) or not toks[k].capital:
        return False
    name = toks[k + 1]
    return (
        name.capital
        and name.low.isalpha()
        and _is_staff_word(name.low) is None
        and name.low not in _FUNCTION
        and name.low not in ("doktor", "dr", "professor", "prof")
    )


def _person_mentions(
    toks: list[Tok], ids: list[int], times: dict[int, str], used: set[int]
) -> list[Mention]:
    """Single persons in a list ("meine Frau", "ein Azubi", "mein Bruder") and the owner."""
    low = [t.low for t in toks]
    # "… macht meine Steuerberaterin, aber die ist ja extern": the whole sentence
    sentence = [0]
    for w in low[:-1]:
        sentence.append(sentence[-1] + (w in (".", "!", "?")))
    outside = {sentence[k] for k, w in enumerate(low) if w in _EXTERNAL}
    external = {ids[k] for k in range(len(low)) if sentence[k] in outside}
    hired = {ids[k] for k, w in enumerate(low) if w in _HIRED}
    # "mit" joins people to the owner ("mach ich mit meiner Frau"), except when the owner
    # wants to talk to someone ("verbinden Sie mich mit einem Mitarbeiter")
    with_ok = not any(w.startswith(_TALK_STEMS) for w in low)
    out: list[Mention] = []
    for k, word in enumerate(low):
        if k in used or times.get(ids[k]) != "now" or ids[k] in external:
            continue
        if word == "einer" and k >= 2 and low[k - 1] == "meiner" and low[k - 2] in _JOIN:
            out.append(Mention(1, k - 1, k, "owner"))  # "zwei Aushilfen un meiner einer"
            continue
        if word in _OWNER:
            before = k - 1
            while before >= 0 and low[before] in _LIST_ADVERBS:
                before -= 1
            prev = low[before] if before >= 0 else ""
            nxt = low[k + 1] if k + 1 < len(low) else "."
            closes = not nxt[0].isalnum() or nxt in _JOIN or nxt in _LIST_ADVERBS
            closes = closes or nxt in ("im", "in", "am", "als", "bei", "vorne", "hinten")
            # "…, und ich sitz im Büro", "und ich mach die Buchhaltung": the owner at work
            closes = closes or prev in ("und", "un", "plus", "sowie") and nxt in _OWNER_AT_WORK
            # "8 Mitarbeiter plus ich Chef", "und ich selbst"
            closes = closes or nxt in (
                "chef", "chefin", "inhaber", "inhaberin", "selbst", "selber", "meister",
                "meisterin", "geschaftsfuhrer", "geschaftsfuhrerin",
            )  # fmt: skip
            listed = prev in _JOIN | {":", "mit", "-", "–", "•", "*"} and (prev != "," or k > 2)
            listed = listed and closes
            # "Mein Mann und ich führen das zusammen": coordinated with a person
            paired = (
                prev in ("und", "un", "&")
                and before >= 1
                and _is_staff_word(low[before - 1]) in ("kin", "role", "general")
            )
            # "ich zwei gesellen und ein lehrling": the owner opens an unpunctuated list
            opening = k == 0 and (nxt[:1].isdecimal() or word_number(nxt) is not None)
            opening = opening and k + 2 < len(low) and _is_staff_word(low[k + 2]) is not None
            if listed or paired or opening or _member_follows(low, k, with_ok):
                out.append(Mention(1, k, k, "owner"))
            continue
        couple = _COUPLES.get(word) or (2 if word.endswith("ehepaar") else None)
        if couple:
            j = k - 1 if k and low[k - 1] in _DETERMINERS else k
            follows = k + 1 < len(low) and low[k + 1] in _JOIN
            as_owners = k > 0 and low[k - 1] == "als"  # "wir betreiben als Zahnarztehepaar …"
            if j < k or _member_position(low, k) or follows or as_owners:
                out.append(Mention(couple, j, k, "person"))  # "meine Eltern", "Ehepaar"
            continue
        if word in ("frau", "herr", "herrn") and _named(toks, k):
            if set(low[max(0, k - 3) : k]) & _fold_set("von vom bei beim an für über mit"):
                continue  # "von der alten Frau Schmitz übernommen": not one of us
            listed = _member_position(low, k) or ids[k] in hired
            if listed or (k + 2 < len(low) and low[k + 2] in _JOIN):
                out.append(Mention(1, k, k + 1, "person"))  # "Herr Becker, Frau Yilmaz"
            continue
        kind = _is_staff_word(word)
        if kind is None or not toks[k].text[:1].isalpha():
            continue
        if _CONTRACTORS.match(word):
            continue
        if kind == "general" and word in _KIN:
            kind = "kin"  # "mein Mann"
        j, adjectives = k - 1, 0
        while (
            j >= 0
            and adjectives < 2
            and (low[j] in _ADJ_OK or (not toks[j].capital and low[j].endswith(("e", "en", "er"))))
        ):
            if low[j] in _DETERMINERS:
                break
            j, adjectives = j - 1, adjectives + 1
        if j < 0 or low[j] not in _DETERMINERS:
            if word in ("inhaber", "inhaberin", "chef", "chefin") and _member_position(low, k):
                out.append(Mention(1, k, k, "owner"))
            elif (
                j == k - 1
                and word in _KIN_SINGULAR
                and k >= 2
                and low[k - 1] in ("und", "un")
                and _is_staff_word(low[k - 2]) == "kin"
                and k >= 3
                and low[k - 3] in _DETERMINERS
            ):
                out.append(Mention(1, k, k, "person"))  # "meine Sohn und Tochter": one det, two
            elif (
                j == k - 1
                and word in _KIN_SINGULAR
                and toks[k].capital
                and (low[j] if j >= 0 else ",") in _LIST_EDGE
                and (low[k + 1] if k + 1 < len(low) else ".") in _LIST_EDGE
            ):
                out.append(Mention(1, k, k, "person"))  # "Vater, Mutter, ich und mein Bruder"
            continue
        det = low[j]
        if word == "person" and det in ("meine", "meiner", "meinen", "my"):
            out.append(Mention(1, j, k, "owner"))  # "zuzüglich meiner Person": the owner
            continue
        singular = (
            det in _SINGULAR_DET
            or (
                det in ("my", "our") and not word.endswith("s")  # "my cofounder", not "my devs"
            )
            or (
                (
                    word in _KIN_SINGULAR
                    or word.endswith(("in", "kraft", "hilfe", "ende", "dame", "frau"))
                )
                and not word.endswith(("innen", "leute", "krafte"))
            )
        )
        if not singular or word in ("leute", "personen", "kollegen", "menschen"):
            continue
        if j and low[j - 1] in ("an", "von", "bei", "fur", "uber", "vom", "beim", "zum", "nach"):
            continue
        definite = det not in _INDEFINITE
        position = _member_position(low, j) or (with_ok and j and low[j - 1] == "mit")
        follows = k + 1 < len(low) and low[k + 1] in ("und", "un", "+", ",", "sowie", "plus")
        if not follows and k + 1 < len(low) and low[k + 1] in _AT_WORK:
            # "Neben mir arbeiten noch meine Frau im Büro und drei Monteure"
            follows = any(w in ("und", "un", "sowie", "plus") for w in low[k + 2 : k + 5])
        if definite and not (j and low[j - 1] in _JOIN):
            continue
        if position or follows or ids[k] in hired and det in _ACCUSATIVE:
            out.append(Mention(1, j, k, "definite" if definite else "person"))
    return out
