"""Normalising an owner's free-text answer before the answer rules and the answer model read it.

The result is one string of folded tokens (see :func:`bot.nlu.text.fold`) separated by single
spaces, in which

* punctuation that separates clauses survives as its own token (``,`` ``.`` ``;`` ``:`` ``?``
  ``!`` ``-``), so patterns never match across a clause boundary and the clause analysis in
  :mod:`bot.nlu.answers` can split the message;
* emojis become word tokens (``xja`` for 👍/✅, ``xnein`` for 👎/❌/🙅, ``xshrug`` for 🤷,
  ``xoops`` for 🙈/😬/😅, ...);
* Rhenish/Ruhr colloquial forms and frequent English words become standard German
  ("hamwa nich" -> "haben wir nicht", "dat" -> "das", "nope" -> "nein", "daily" ->
  "taglich", "kinda" -> "teilweise");
* shares are spelled out ("50/50" -> "halb halb", "99 %" -> "99 prozent", "24/7" ->
  "rund um die uhr", "2x" -> "2 mal").

Lexicon entries are written in ordinary German and folded by :func:`folded` when they are
compiled, so "aktuell" in a pattern matches the folded "aktull" of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.text import clean, fold

_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüßéè]+")


def folded(pattern: str) -> str:
    """Fold the words of a regex pattern the way :func:`fold` folds text.

    Patterns must not use upper-case escapes (``\\S``, ``\\W``) nor put "ae", "oe" or "ue"
    inside a character class: folding would change them.
    """
    return _LETTERS.sub(lambda m: fold(m.group(0)), pattern)


# ---- emojis ------------------------------------------------------------------------------------

_EMOJI_GROUPS = {
    "xja": "👍✅✔☑💯👌🆗",
    "xnein": "👎❌🚫🙅⛔✖❎",
    "xshrug": "🤷",
    "xhmm": "🤔🧐",
    "xoops": "🙈😬😅😳🫣😓😰🤦",
    "xsad": "😕🙁☹😞😔😢😭😩",
    "xmeh": "😐🙃😑🫤",
    "xtop": "🔥💪🚀😎⭐🌟🙌😄😀😁😊🎉🥳❤💚😍🤩",
    "xdown": "📉",
    "xup": "📈",
    "xalways": "♾🔁",
}
_EMOJI = {char: token for token, chars in _EMOJI_GROUPS.items() for char in chars}
_EMOJI_TOKENS = frozenset(_EMOJI_GROUPS)
# Pictographs, dingbats, arrows and their modifiers (skin tones, ZWJ, variation selectors).
_OTHER_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff"
    "\ufe0e\ufe0f\u200d\u2640\u2642\u20e3]"
)


def _emoji_tokens(text: str) -> str:
    if text.isascii():
        return text
    out = []
    for char in text:
        token = _EMOJI.get(char)
        if token:
            out.append(f" {token} ")
        elif _OTHER_EMOJI.match(char):
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


# ---- shares, numbers and symbols (on the raw text) ----------------------------------------------

_RAW_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b50\s*[/:]\s*50\b|\bfifty[\s-]*fifty\b", re.I), " halb halb "),
    # English idioms of the IT founders' register
    (re.compile(r"\bof course\b|\bsure thing\b", re.I), " natürlich "),
    (re.compile(r"\b24\s*/\s*7\b"), " rund um die uhr "),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|prozent\b|pct\b|percent\b)", re.I), r" \1 prozent "),
    (re.compile(r"\b(\d+)\s*[-–]\s*(\d+)\s*[x×]\b", re.I), r" \1 bis \2 mal "),
    (re.compile(r"\b(\d+)\s*[x×]\b", re.I), r" \1 mal "),
    (re.compile(r"\b(\d+)\s*[-–]\s*(\d+)\b"), r" \1 bis \2 "),
    (re.compile(r"\bk\.\s?a\.?(?=\s|$|[,;!?])", re.I), " keine ahnung "),
    (re.compile(r"\bt\.\s?w\.?(?=\s|$|[,;!?])", re.I), " teilweise "),
    (re.compile(r"\bz\.\s?t\.?(?=\s|$|[,;!?])", re.I), " zum teil "),
    (re.compile(r"\bz\.\s?b\.", re.I), " zum beispiel "),
    (re.compile(r"\bca\.", re.I), " circa "),
    (re.compile(r"\bbzw\.", re.I), " beziehungsweise "),
    (re.compile(r"\bu\.\s?a\.", re.I), " unter anderem "),
    (re.compile(r"\bd\.\s?h\.", re.I), " das heisst "),
    (re.compile(r"…|\.{2,}"), " . "),
    (re.compile(r"\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s"), " - "),
    (re.compile(r"->|→|=>"), " , "),
    (re.compile(r"[+&]"), " und "),
    (re.compile(r"\b(\d+)\s*/\s*(\d+)\b"), r" \1 von \2 "),
]

_TOKEN = re.compile(r"[^\W_]+(?:['’`´][^\W_]+)?|[.,;:!?]|(?<= )-(?= )", re.UNICODE)

# ---- colloquial, dialect and English words (folded) --------------------------------------------

_WORDS: dict[str, str] = {
    # answer particles
    "jo": "ja", "joa": "ja", "jau": "ja", "jap": "ja", "jep": "ja", "jepp": "ja", "jup": "ja",
    "jop": "ja", "japp": "ja", "yes": "ja", "yep": "ja", "yup": "ja", "yeah": "ja", "yo": "ja",
    "jaa": "ja", "jaaa": "ja", "jawoll": "ja", "jawohl": "ja", "jaja": "ja",
    "yess": "ja", "jupp": "ja", "obviously": "natürlich", "definitely": "definitiv",
    "absolutely": "absolut", "certainly": "sicher",
    "nee": "nein", "neee": "nein", "nope": "nein", "nop": "nein", "nah": "nein",
    "nein'": "nein", "neeee": "nein", "nay": "nein",
    # negation
    "nich": "nicht", "nech": "nicht", "nit": "nicht", "net": "nicht", "nicht'": "nicht",
    "keen": "kein", "keene": "keine", "keenen": "keinen", "keener": "keiner",
    "nix": "nichts", "nüscht": "nichts", "garnich": "gar nicht", "garnicht": "gar nicht",
    "garnix": "gar nichts", "not": "nicht", "never": "nie", "none": "keine",
    "nothing": "nichts", "zero": "null", "nobody": "niemand", "noone": "niemand",
    # pronouns, articles, verbs
    "dat": "das", "det": "das", "wat": "was", "watt": "was", "is": "ist", "et": "es",
    "allet": "alles", "sowat": "so was", "son": "so ein", "sone": "so eine", "sonen": "so einen",
    "nen": "einen", "ner": "einer", "nem": "einem", "hamwa": "haben wir", "hammwa": "haben wir",
    "hamma": "haben wir", "hammer": "haben wir", "hamse": "haben sie", "ham": "haben",
    "hab": "habe", "gibbet": "gibt es", "gibbets": "gibt es", "gibts": "gibt es",
    "gibet": "gibt es", "gibs": "gibt es", "wa": "wir", "sin": "sind", "gezz": "jetzt",
    "getz": "jetzt", "jetz": "jetzt", "jetze": "jetzt", "ma": "mal", "wech": "weg", "nu": "nun",
    "selbs": "selbst", "aufm": "auf dem", "anne": "an der", "inne": "in die", "vonne": "von der",
    "vonnem": "von dem", "auffe": "auf die", "kopp": "kopf", "tach": "tag",
    "freitach": "freitag", "montach": "montag", "montachs": "montags", "wenich": "wenig",
    "regelmässich": "regelmäßig", "regelmäßich": "regelmäßig", "regelmassich": "regelmäßig",
    "mittelprächtich": "mittelprächtig", "richtich": "richtig", "fertich": "fertig",
    "gesacht": "gesagt", "sach": "sage", "sacht": "sagt", "kannste": "kannst du",
    "weisste": "weißt du", "weißte": "weißt du", "meinse": "meinst du", "meinste": "meinst du",
    "musse": "muss ich", "haste": "hast du", "biste": "bist du", "isset": "ist es",
    "gehts": "geht es", "klappts": "klappt es", "läufts": "läuft es", "kricht": "kriegt",
    "nur'n": "nur ein", "ok": "okay", "oke": "okay", "okey": "okay", "okee": "okay",
    "kp": "keine ahnung", "idk": "keine ahnung", "dunno": "keine ahnung", "ka": "keine ahnung",
    "weis": "weiß", "weiss": "weiß", "wees": "weiß", "weeß": "weiß", "wüsst": "wüsste",
    "imer": "immer", "imma": "immer", "imme": "immer", "nie'": "nie",
    # Berlin / Rhineland g -> j ("jeht so", "janz jut")
    "jeht": "geht", "jut": "gut", "janz": "ganz", "jar": "gar", "jenau": "genau",
    "jenuch": "genug", "jenug": "genug", "jemacht": "gemacht", "jibt": "gibt",
    "jibbet": "gibt es", "jeld": "geld", "jestern": "gestern", "jemeinsam": "gemeinsam",
    "bissl": "bisschen", "un": "und", "bissel": "bisschen", "bisken": "bisschen",
    "bissken": "bisschen",
    "teilwiese": "teilweise", "teilweiße": "teilweise", "manchma": "manchmal",
    "selden": "selten", "öfters": "öfter", "frühers": "früher", "omma": "oma",
    # English
    "always": "immer", "rarely": "selten", "seldom": "selten", "sometimes": "manchmal",
    "occasionally": "gelegentlich", "often": "oft", "frequently": "häufig",
    "mostly": "meistens", "usually": "normalerweise", "regularly": "regelmäßig",
    "daily": "täglich", "nightly": "nächtlich", "hourly": "stündlich", "weekly": "wöchentlich",
    "monthly": "monatlich", "quarterly": "quartalsweise", "yearly": "jährlich",
    "annually": "jährlich", "partly": "teilweise", "partially": "teilweise",
    "kinda": "teilweise", "somewhat": "teilweise", "half": "halb", "all": "alle",
    "everything": "alles", "everyone": "alle", "everybody": "alle", "every": "jeden",
    "each": "jeden", "fully": "komplett", "completely": "komplett", "totally": "komplett",
    "only": "nur", "maybe": "vielleicht", "perhaps": "vielleicht", "probably": "wahrscheinlich",
    "good": "gut", "great": "sehr gut", "excellent": "exzellent", "decent": "ordentlich",
    "solid": "solide", "low": "gering", "poor": "schwach", "bad": "schlecht", "basic": "basis",
    "basics": "grundlagen", "pros": "profis", "expert": "experte", "very": "sehr",
    "high": "hoch", "strong": "stark", "weak": "schwach", "advanced": "fortgeschritten",
    "beginner": "anfänger", "beginners": "anfänger",
    "experts": "experten", "outdated": "veraltet", "automated": "automatisch",
    "auto": "automatisch", "automatic": "automatisch", "paperless": "papierlos",
    "paper": "papier", "folder": "ordner", "folders": "ordner", "phone": "telefon",
    "calls": "anrufe", "emails": "mails", "done": "erledigt", "active": "aktiv", "enabled": "aktiv",
    "on": "an", "off": "aus", "really": "wirklich", "sure": "sicher", "clue": "ahnung",
    "idea": "ahnung", "mixed": "gemischt", "okayish": "einigermaßen", "meh": "mäßig",
    "overwhelmed": "überfordert", "struggle": "kämpfen", "struggeln": "kämpfen",
    "twice": "zweimal", "once": "einmal", "day": "tag", "week": "woche",
    "month": "monat", "year": "jahr", "friday": "freitag", "monday": "montag", "and": "und",
    "but": "aber", "except": "außer", "we": "wir", "have": "haben", "use": "nutzen",
    "lol": "", "tbh": "", "honestly": "ehrlich", "btw": "", "af": "", "haha": "", "hehe": "",
    "hmm": "", "hm": "", "ähm": "", "äh": "", "öhm": "", "puh": "", "tja": "",
}  # fmt: skip
_WORDS = {fold(k): " ".join(fold(w) for w in v.split()) for k, v in _WORDS.items()}
# Looked up before folding: words whose folded spelling is another word ("nö" -> "no").
_RAW_WORDS: dict[str, str] = {
    "nö": "nein", "noe": "nein", "nä": "nein", "nää": "nein", "näh": "nein", "nöö": "nein",
    "näää": "nein", "jö": "ja", "nö'": "nein",
}  # fmt: skip

# Multi-word rewrites on the folded, space-separated token string.
_PHRASES_RAW: list[tuple[str, str]] = [
    (r"^no(?= [,.;:!?]| xnein| xsad| xoops|$)", "nein"),
    (r"^ne(?= [,.;:!?]| du | das | wir | ich | danke | leider | nicht | xnein|$)", "nein"),
    (r"\bno\b", "kein"),
    (r"\bne\b", "eine"),
    (r"^was (weiß|weiss) ich\b", "keine ahnung"),
    (r"\b(nicht|kein) sicher\b(?! ist)", "nicht sicher"),
    (r"\bhard to say\b", "schwer zu sagen"),
    (r"\bdon t know\b|\bdont know\b|\bdo not know\b", "keine ahnung"),
    (r"\bnicht wirklich\b", "nicht wirklich"),
    (r"\bnicht at all\b|\bat all\b", "gar nicht"),
    (r"\bhardly ever\b", "fast nie"),
    (r"\bmost of the time\b", "meistens"),
    (r"\bmost (leads|kunden|anfragen|of them)\b", r"die meisten \1"),
    (r"\bso so\b|\bso-so\b", "so lala"),
    (r"\bup to date\b", "aktuell"),
    (r"\bnext level\b", "spitze"),
    (r"\bpretty gut\b", "ziemlich gut"),
    (r"\bmixed bag\b", "gemischt"),
    (r"\broom for improvement\b", "ausbaufahig"),
    (r"\bkein exceptions\b|\bwithout exception\b", "ausnahmslos"),
    (r"\bimmer an\b", "immer"),
    (r"\bthe time\b", ""),
    (r"\b(einmal|zweimal|dreimal|ein mal|zwei mal) a (jahr|monat|woche|tag)\b", r"\1 im \2"),
    (r"\ba (jahr|monat|woche|tag)\b", r"im \1"),
    (r"\bsame pw\b|\bsame password\b", "dasselbe passwort"),
    (r"\bnur da wo es forced ist\b", "nur teilweise"),
    (r"\bwurd sagen\b", "wurde sagen"),
    (r"\bnie nicht\b", "nie"),
    (r"\bnicht mehr\b", "nicht mehr"),
    (r"\bhaben wir wir\b", "haben wir"),
]  # fmt: skip
_PHRASES = [(re.compile(folded(p)), r) for p, r in _PHRASES_RAW]


HEAD, TAIL = 500, 300
"""Longer messages are read as their first 500 and last 300 characters: answers put the
signal at the start ("nein, ...") or in a final verdict ("..., also eher selten"); the
corpus' longest answer has under 400 characters. Keeps the worst case fast."""


def bounded(text: str) -> str:
    """``text`` cleaned and cut to its head and tail when it is long."""
    text = clean(text)
    if len(text) > HEAD + TAIL:
        text = f"{text[:HEAD]} . {text[-TAIL:]}"
    return text


@lru_cache(maxsize=4096)
def normalize_answer(text: str) -> str:
    """The folded, dialect- and English-normalised token string of an answer (see above)."""
    text = _emoji_tokens(bounded(text))[: 4 * (HEAD + TAIL)]
    for regex, replacement in _RAW_REWRITES:
        text = regex.sub(replacement, text)
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if not word[0].isalnum():
            norm = word
        else:
            norm = _RAW_WORDS.get(word.lower())
            if norm is None:
                norm = fold(word)
                norm = _WORDS.get(norm, norm)
        if norm and not (
            norm[0] == "x" and norm in _EMOJI_TOKENS and tokens and tokens[-1] == norm
        ):
            tokens.append(norm)  # a run of the same emoji counts once
    out = " ".join(tokens)
    for regex, replacement in _PHRASES:
        out = regex.sub(replacement, out)
    return " ".join(out.split())


def words_only(norm: str) -> str:
    """The normalised string without punctuation tokens."""
    return " ".join(t for t in norm.split() if t[0].isalnum())
