"""Whether the owner is included in a count or comes on top.

"mit mir 16", "mich eingerechnet" include the owner; "ich und zwei Mitarbeiter", "mich nicht
mitgezählt", "ich arbeite mit einer Angestellten" add the owner; "ich habe N Angestellte"
only implies it (such a count is asked, see :func:`_owner_implied`).
"""

from __future__ import annotations

import re

from bot.nlu.numbers.lexicon import _is_staff_word
from bot.nlu.numbers.phrases import _FILLER, _TALK_STEMS
from bot.nlu.numbers.records import Mention

_OWNER_IN = re.compile(
    r"\b((inkl|inklusive|einschliesslich|incl|including|samt|mit) (mir|mich|me|chef|chefin"
    r"|inhaber|inhaberin|de chefin|der chefin|dem chef)(?! (arbeiten|arbeitet|schaffen))"
    r"|(mich|mir|me|myself|ich) (selbst )?(als (\w+ )?\w+ )?(eingerechnet|mitgerechnet|mitgezahlt"
    r"|mitjezahlt"
    r"|inklusive"
    r"|inbegriffen|included|eingeschlossen|mit eingerechnet|mit gezahlt)"
    r"|ich bin (\w+ ){0,3}(mit )?(dabei|drauf|drin|mitgezahlt|eingerechnet)"
    r"|bin ich (\w+ ){0,2}(mit )?(dabei|drauf|drin)|ich (selbst )?als \w+ (bin|ist|zahle)"
    r"|(der|die) \w+ bin ich|selbst (bin|zahle) ich|mich (schon |auch )?mit(gezahlt|gerechnet)"
    r"|ich bin (da |auch |schon )*(mit )?(drauf|dabei|drin)"
    # "ich auch dabei", "ich selbst steh da als Geschäftsführer schon mit drin"
    r"|(ich|isch|mich) (selbst |selber )?(\w+ ){0,5}(auch |schon |da )+(mit )?(dabei|drin|drauf)"
    r"|mit (dem |der |de )?(chef|chefin|inhaber\w*) (sind|sinn|sin|san)"
    r"|(einschliesslich|inklusive|inkl|samt|unter einbeziehung|mit) meiner (person|wenigkeit)"
    r"|(enthalten|inbegriffen|eingeschlossen|eingerechnet)\w*( \w+)?( ,)? (ebenso|wie auch|auch)"
    r" meine person"
    r"|(ich|isch) bin (da |schon |auch |ja |mit )+bei\b"  # "elf mann un ich bin da schon bei"
    # "7 leute mit dem azubi un mir", "3 Personen, mich auch"
    r"|\bmit ((dem|der|de|den|meinem|meiner|meinen|unserem|unserer|unseren) )?"
    r"(?!(\d+|ein|eine|einem|einer|einen|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn)\b)"
    r"(\w+ ){1,2}(und|un|&|plus) (mir|mich)\b"
    r"|(?<=, )(mich|mir) auch\b"
    r"|meine (eigene )?person (ist )?(bereits |schon |auch |ebenfalls )*(enthalten|inbegriffen"
    r"|eingeschlossen|eingerechnet|mitgezahlt)"
    # "mich als Inhaber eingerechnet", "Inhaberin eingeschlossen", "Geschäftsführung
    # eingeschlossen", "incl. (both|us 2) founders"
    r"|(mich|mir|me|meine person|meiner person|meine wenigkeit|inhaber\w*|geschaftsfuhrung"
    r"|geschaftsfuhrer\w*|founders?|grunder\w*)"
    r"( als \w+)? (eingerechnet|mitgerechnet|mitgezahlt|eingeschlossen|inklusive|inbegriffen"
    r"|included)"
    r"|(inkl|incl|inklusive|including|einschliesslich) (der |the |both |us |beider |unserer |our )?"
    r"(\d+ |zwei |two |beiden )?(co )?(founders|grunder\w*|inhaber\w*|geschaftsfuhr\w*)"
    # "Zwanzig Beschäftigte, die Chefin mitgezählt"
    r"|(der|die|den|dem|de|da) (chef|chefin|inhaber|inhaberin|geschaftsfuhrer\w*|boss) (schon "
    r"|auch |bereits |mit )?(mitgezahlt|gezahlt|eingerechnet|mitgerechnet|eingeschlossen"
    r"|inklusive|inbegriffen|included)"
    # "24 people incl. part-timers and me"
    r"|(inkl|inklusive|einschliesslich|incl|including) (\S+ ){1,5}(und|and|&) (mir|mich|me))\b"
)
# The owner said to come on top of a stated total ("Neben mir arbeiten noch sechs Leute",
# "mit mir arbeiten noch zwei Kolleginnen", "19 Beschäftigte, hinzu käme noch meine Person").
_ON_TOP = (
    r"\b(neben|ausser|besides|abgesehen von) (mir|mich|me)\b"
    r"|\bmit mir (arbeiten|arbeitet|schaffen) noch\b"
    r"|\b(hinzu|dazu) (kommt|kame|kommen|komme) (noch )?(meine person|meine wenigkeit|ich)\b"
    r"|\b(dazu|hinzu|obendrauf) komme? ich( selbst| selber)?\b"
    r"|\bich (komme?|kame|zahle) (ja )?(noch |selbst |selber |dann )*(dazu|hinzu|obendrauf|extra)\b"
    r"|\b(ich|isch)( als)?( (chef|chefin|inhaber|inhaberin|boss|meister|meisterin))? (dazu"
    r"|obendrauf)(?= [,.;:!?]|$)"  # "25 Mitarbeiterinnen, ich Chefin dazu"
    # "ich selbst als Gesellschafter-Geschäftsführer käme noch hinzu"
    r"|\bich (selbst |selber )?(als (\w+ ){1,3})?(kame|komme|komm) (noch )?(hinzu|dazu)\b"
    r"|\b(zuzuglich|zzgl|plus) (meiner|meine) (person|wenigkeit)\b"
    # "zwölf Mitarbeiter zuzüglich mir selbst"
    r"|\b(zuzuglich|zzgl) (mir|mich)( selbst| selber)?\b"
    # "meine Person wäre noch hinzuzurechnen"
    r"|\b(meine person|meine wenigkeit|ich selbst|mich selbst|mich)( (ware|waren|ist|bin))?"
    r"( (noch|auch|zusatzlich|naturlich))* (hinzuzurechnen|dazuzurechnen|hinzuzuzahlen"
    r"|dazuzuzahlen|zu addieren)\b"
)
_OWNER_ON_TOP = re.compile(_ON_TOP)
_ORDINALS = {
    "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5, "sechste": 6, "siebte": 7, "achte": 8,
    "neunte": 9, "zehnte": 10, "elfte": 11, "zwolfte": 12,
}  # fmt: skip
_UNITS = ("ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun")
_TENS = {"zwanzigste": 20, "dreissigste": 30, "vierzigste": 40, "funfzigste": 50}
_TEENS = "dreizehnte vierzehnte funfzehnte sechzehnte siebzehnte achtzehnte neunzehnte"
_ORDINALS.update({w: 13 + i for i, w in enumerate(_TEENS.split())})
_ORDINALS.update(_TENS)
_ORDINALS.update(
    {f"{u}und{t}": n + i + 1 for t, n in _TENS.items() if n < 50 for i, u in enumerate(_UNITS)}
)
_ORDINALS.update({f"{n}": n for n in range(2, 51)})  # "ich bin der 20." (the dot is dropped)
_I_AM_NTH = re.compile(
    r"\bich bin (selbst |selber )?(der|die) ("
    + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r")\b"
)


def owner_ordinal(norm: str) -> int | None:
    """ "drei Angestellte, ich bin der vierte": the owner's place in the count, or None."""
    match = _I_AM_NTH.search(norm)
    return _ORDINALS[match.group(3)] if match else None  # fmt: skip


# "Sieben Mitarbeiter, ich nicht zählen" (not "den würde ich nicht mitzählen")
_LEARNER_NOT_COUNTED = (
    r"(^|, |: |\. )(ich|isch|mich) (selbst )?(nicht|ned|net) (mit ?)?(zahlen|rechnen)\b"
)
# "ich selbst bin in den Vollzeitkräften nicht enthalten"
_NOT_CONTAINED = (
    r"\b(ich|mich) (selbst |selber )?(bin )?(\w+ ){0,4}(nicht|ned|net|not) (enthalten|inbegriffen"
    r"|mit drin|drin|included)\b"
)
_OWNER_EXTRA = re.compile(
    _NOT_CONTAINED
    + r"|\b(neben|ausser|zuzuglich|ohne|excluding|besides|abgesehen von) (mir|mich|me)\b"
    r"(?! (auf|zu|festleg))"
    r"|\b(mich|ich) (selbst )?(bin )?(da |dabei |hier )?(nicht|ned|net|not)"
    r" (mit ?|dabei |mit dabei )?(gezahlt"
    r"|eingerechnet|gerechnet|counted|included|mitgezahlt|mitgerechnet|vergessen|forget)"
    r"|"
    + _LEARNER_NOT_COUNTED
    + r"|\bbei mir (arbeiten|sind|gibt|schaffen|noch)|(^|, |: )(inhaber\w*|chef\w*) (plus|\+|und) "
    r"|(plus|\+) (der |die |den )?(chef|chefin|inhaber|inhaberin)\b"
    # "und ich bin jeden Abend selbst da", "ich mache die Geschäftsführung"
    r"|\bich (bin|steh|stehe) (\w+ ){0,3}(selbst|selber) (noch )?(da|mit)\b"
    r"|\bich (mache|mach|ubernehme) (die |den |das )?(geschaftsfuhrung|leitung)\b"
    r"|\b(und|un) (ich|isch) (bin|als) (der |die )?(chef|chefin|inhaber|inhaberin)\b"
    r"|\bsonst (nur )?(ich|isch|mich)\b"
    # "vier Mitarbeiter plus ich Chef", "und ich bin ja auch jeden Tag selbst da"
    r"|(plus|\+|zuzuglich) (ich|isch|mich|me)\b"
    r"|\bich bin (ja |auch |noch |jeden tag |taglich |immer |selbst |selber )+da\b"
    r"|\b(plus|und|un|\+|sowie|dazu) (meine )?wenigkeit\b|\bmit mir (arbeiten|arbeitet|schaffen)\b"
    r"|\b(plus|und|sowie|dazu) meine person\b"
    r"|\bbin (ich )?(selbst |selber )?(der|die) \w+(te|ster)\b"  # "… und bin selbst der achte"
    # the owner as an item of the list: "Ich als Meister, drei Gesellen, …", "ich die chefin un
    # zwei mädels"
    r"|\b(ich|isch) (selbst )?(als|die|der|de|da) (\w+ )?(chef\w*|inhaber\w*|meister\w*"
    r"|geschaftsfuhr\w*|grunder\w*|owner|founder) ?(,|und|un|\+|plus|&)"
    r"|" + _ON_TOP
)
# "Ich bin 45 und habe 3 Mitarbeiter": the owner may or may not be among them (ask)
_I_AND_HAVE = re.compile(
    r"\b(ich|isch)\b[^.!?]{0,50} (und|,) (habe|hab|beschaftige) "
    # "Ich führe ein Hotel in Mettmann mit acht Angestellten": 8, or 9 with the owner?
    r"|\b(ich|isch) (fuhre|leite|betreibe)\b[^.!?]{0,40} mit \w+ (angestellt|mitarbeit|beschaftigt"
    r"|leute|leuten|kraft|krafte|kraften)"
    # "Ich habe eine Physiotherapiepraxis in Haan mit drei Angestellten" (not "… insgesamt")
    r"|\b(ich|isch) (habe|hab|besitze) (eine|einen|ein|ne|nen|n) [^.!?,]{0,40} mit \w+"
    r" (angestellt|mitarbeit|beschaftigt|leute|leuten|kraft|krafte|kraften)\w*\b(?! insgesamt)"
    # "Seit 1998 selbstständig, aktuell mit fünf Angestellten"
    r"|\bselbststandig\b[^.!?]{0,30} mit \w+ (angestellt|mitarbeit|beschaftigt"
    r"|leute|leuten|kraft|krafte|kraften)"
)
_OWNER_WITH = re.compile(
    r"\b(ich|isch)\b[^.!?]{0,30}\bmit (meine\w*|mein|einer|einem|unsere\w*|de|dem|der)\b"
    r"|\b(arbeite|schaffe|mache|mach|fuhre|betreibe|leite) (ich|isch) ((sie|ihn|es|das|den \w+"
    r"|die \w+|das \w+) )?(jetzt |heute |inzwischen )?(zusammen )?mit (\d+|zwei|drei|vier|funf"
    r"|sechs|sieben|acht|neun|zehn|elf|zwolf) (\w+ )?(kolleg\w*|mitarbeiter\w*|leuten"
    r"|angestellten|gesellen|beschaftigten|leut)\b"
    r"|\b(ich|isch)\b[^.!?]{0,40}\b(arbeite|arbeit|schaffe|mache|mach|fuhre|betreibe)"
    r" (\w+ )?(zusammen )?mit (\d+|zwei|drei"
    r"|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf) (\w+ )?(kolleg\w*|mitarbeiter\w*|leuten"
    r"|angestellten|gesellen|beschaftigten|leut)\b"
)
_OWNER_EXCLUDED = re.compile(
    _NOT_CONTAINED
    + r"|\b(ohne (mich|mir|me)|(mich|ich) (selbst )?(bin )?(da |dabei |hier )?(nicht|ned|net|not)"
    r" (mit ?|dabei |mit dabei )?(gezahlt"
    r"|eingerechnet|gerechnet|counted|included|mitgezahlt|mitgerechnet|vergessen|forget))\b"
    r"|" + _LEARNER_NOT_COUNTED
)
_I_HAVE = re.compile(
    r"(^|[,;:] )(und )?(habe|hab|beschaftige)\b|\b(ich|isch|i) (habe|hab|beschaftige|have|employ)\b"
    r"|\b(habe|hab|beschaftige) (ich|isch)\b"
)


_ALSO_ONE = re.compile(
    r"\b(ich|isch) (bin |selbst |bin selbst )?(auch|ebenfalls|selber auch) (ein |eine |als )?(\w+)"
)


def _owner_one_of(low: list[str]) -> bool:
    """ "Wir sind 5 Fahrer, ich auch Fahrer": the owner is one of the counted group."""
    match = _ALSO_ONE.search(" ".join(low))
    return bool(match) and _is_staff_word(match.group(5)) in ("role", "general")


_LIST_NEXT = re.compile(r" ?(,|und|un|&|\+) ")
_ANY_NUMBER = re.compile(
    r"\d|\b(eins|einer|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf)\b"
)


def _list_opening(norm: str, match: re.Match) -> bool:
    """ "mit mir, zwei Therapeutinnen und einer Dame": "mit mir" opens a list of members
    (the owner is one of them, added like the others), unlike "wir sind 5 mit mir"."""
    if not match.group(0).startswith("mit "):
        return False
    if _TOTAL_AFTER.search(norm, match.end()):
        return False  # "mit mir un de aushilfen sin dat 9": the total with the owner
    return bool(_LIST_NEXT.match(norm, match.end())) and not _ANY_NUMBER.search(
        norm[: match.start()]
    )


_TOTAL_AFTER = re.compile(r"\b(sind|sin|sinn|san|waren|wären|sinds) (wir|es|dat|das|et|mer)\b")


def _owner_flags(
    norm: str, low: list[str], mentions: list[Mention], implied: bool = True
) -> tuple[bool, bool]:
    """(owner explicitly included, owner to be added on top). ``implied``: also add the owner
    where only "ich habe N …" suggests it (see :func:`_owner_implied`)."""
    owner_in = any(not _list_opening(norm, m) for m in _OWNER_IN.finditer(norm))
    owner_in = owner_in or _owner_one_of(low)
    owner_in = owner_in and not _OWNER_EXCLUDED.search(norm)  # "ich bin nicht dabei gezählt"
    extra = bool(_OWNER_EXTRA.search(norm)) or any(m.kind == "owner" for m in mentions)
    talk = any(w.startswith(_TALK_STEMS) for w in low)
    if not talk and _OWNER_WITH.search(norm):
        extra = True  # "ich arbeite mit einer Angestellten", "mach ich mit meiner Frau"
    if implied:
        extra = extra or _implied_owner(norm, low, mentions)
    return owner_in, extra and not owner_in


def _implied_owner(norm: str, low: list[str], mentions: list[Mention]) -> bool:
    """Only "ich habe N Angestellte" / "ich bin 45 und habe …" says the owner is not counted."""
    if _I_AND_HAVE.search(norm):
        return True
    groups = [m for m in mentions if m.kind in ("group", "total", "person")]
    if groups:
        first = groups[0].first
        window = " ".join(w for w in low[max(0, first - 5) : first] if w not in _FILLER)
        return bool(_I_HAVE.search(window))
    return False


def _owner_implied(norm: str, low: list[str], mentions: list[Mention]) -> bool:
    """The owner is added on top only because of "ich habe N …": owners write that for the
    firm's total as well as for the staff besides themselves, so such a count is asked."""
    return _owner_flags(norm, low, mentions) != _owner_flags(norm, low, mentions, False)
