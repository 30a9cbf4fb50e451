"""The read-back before the score: a compact summary and changes by tap or by sentence."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Tuple

from actions.asking import stored_answer_label
from actions.common import PROFILE_SLOTS, button
from bot.nlu.text import fold_all, normalized
from bot.nlu.understanding import read_answer
from contract.questionnaire import Questionnaire

_ORDINALS = {
    "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5, "sechste": 6, "siebte": 7,
    "siebente": 7, "achte": 8, "neunte": 9, "zehnte": 10, "elfte": 11, "zwolfte": 12,
    "dreizehnte": 13, "vierzehnte": 14, "funfzehnte": 15, "sechzehnte": 16, "siebzehnte": 17,
    "achtzehnte": 18,
}  # fmt: skip
_NUMBER = re.compile(r"\b(?:frage|nr|nummer|punkt)\s*(\d{1,2})\b|^\s*(\d{1,2})\s*(?:andern)?\s*$")
_CONFIRM = re.compile(
    r"\b(passt|stimmt|korrekt|richtig|alles (gut|ok|okay|klar|richtig)|ergebnis|auswert\w*"
    r"|bestatig\w*|fertig|ja|jo|jap|yes|ok|okay|genau|sieht (alles |so )?(gut|richtig"
    r"|korrekt) aus)\b"
)
# "weiter" confirms only alone ("ja, weiter zum Ergebnis"); "mach morgen weiter", "so, jetzt
# gehts weiter" (back from a pause) and "doch weiter machen" are no confirmation of the summary
_GO_ON = re.compile(
    r"^((ja|jo|ok|okay|gut|dann|also|bitte|gerne|gern) )*weiter( bitte| gehts| geht s| zum ergebnis"
    r"| zur auswertung| zum auswerten)?$"
)
_CHANGE_WORD = re.compile(r"\b(ander\w*|korrigier\w*|falsch|stimmt nicht|nicht richtig)\b")
_CONTRAST = re.compile(r"\b(aber|nur|ausser|bis auf|allerdings|jedoch)\b")
_NAMED_NUMBER = re.compile(r"\b(?:frage|nr|nummer|punkt)\s*(\d{1,2})\b")
# "bei 12 eher regelmäßig", "3: nein"; not "2 mal im Jahr", "12 Leute", "70 %"
_LEADING_NUMBER = re.compile(
    r"^(?:(?:bei|zu|in|an|und)\s+)?(\d{1,2})(?!\s*(?:mal|x|%|prozent|stunden?|tage?n?|wochen?"
    r"|monate?n?|jahre?n?|leute|personen|mitarbeiter\w*|euro|eur|uhr)\b)\b"
)


def summary_message(
    questionnaire: Questionnaire,
    values: Mapping[str, Any],
    changed: Optional[List[str]] = None,
) -> Dict[str, Any]:
    """One line per question grouped by topic, and buttons to confirm or change any answer."""
    changed = changed or []
    profile = " · ".join(
        stored_answer_label(questionnaire, slot, values.get(slot)) for slot in PROFILE_SLOTS
    )
    lines = ["Bitte prüfen Sie Ihre Antworten, bevor ich auswerte:", f"Ihr Betrieb: {profile}"]
    number = 0
    for dimension in questionnaire.dimensions:
        lines.append(f"{dimension.title}:")
        for question in questionnaire.questions_of(dimension.id):
            number = questionnaire.question_slots.index(question.slot) + 1
            label = stored_answer_label(questionnaire, question.slot, values.get(question.slot))
            mark = " (geändert)" if question.slot in changed else ""
            lines.append(f"  {number}. {question.short}: {label}{mark}")
    for slot in questionnaire.closing_slots:
        label = stored_answer_label(questionnaire, slot, values.get(slot))
        lines.append(f"{questionnaire.short_title(slot)}: {label}")
    lines.append(
        "Stimmt alles? Dann zeige ich Ihr Ergebnis. Zum Ändern tippen Sie auf eine Frage oder "
        "schreiben z. B. „Frage 7 ändern“ oder „bei Datensicherung eher selten“."
    )
    buttons = [button("Alles richtig – Ergebnis zeigen", "affirm")]
    for index, question in enumerate(questionnaire.questions, start=1):
        buttons.append(
            button(f"{index}. {question.short} ändern", "change", {"question": question.slot})
        )
    for slot in questionnaire.closing_slots:
        title = f"{questionnaire.short_title(slot)} ändern"
        buttons.append(button(title, "change", {"question": slot}))
    buttons.append(button("Angaben zum Betrieb ändern", "change", {"question": "employees"}))
    return {"text": "\n".join(lines), "buttons": buttons}


# "nee, da stimmt was nicht", "das passt so nicht", "fast alles richtig", "weiß nicht, ob das
# alles stimmt", "Bevor ich bestätige: was wird gespeichert?": no confirmation (black-box chats;
# a wrong confirmation cannot be undone, a missed one costs one more message)
_NOT_CONFIRMED = re.compile(
    r"\b(nicht|nich|net|nit|nee|ne|no|nope|not|noe|kein\w*|fast|bevor|moment|warte\w*|halt"
    r"|zweifel\w*|unsicher|almost|nearly|mostly|except|spater|morgen|nachher|weg|pause"
    r"|feierabend|abbrech\w*|aufhor\w*|ob|sekunde|telefon\w*|uberleg\w*|ruhe|durchles\w*"
    r"|nochmal|frag\w* (noch|erst|mal)|kompagnon|partner\w*|wait|later)\b"
)
# what a message that confirms the summary may consist of, when it is short ("ja", "passt",
# "ok danke", "alles gut 👍")
_CONFIRM_WORDS = frozenset(
    {
        *("ja", "jo", "jap", "jep", "yes", "ok", "okay", "passt", "stimmt", "korrekt"),
        *("richtig", "genau", "alles", "gut", "klar", "so", "weiter", "bitte", "danke", "top"),
        *("super", "prima", "perfekt", "fertig", "bestatigt", "jawohl", "yep", "correct", "right"),
    }
)
# a confirmation phrase in a longer message ("Ja, passt alles, auch die Website", "Nunmehr wären
# sämtliche Angaben zutreffend; ich bitte um die Auswertung", "now it's correct, show me the
# results"); a bare "ok"/"ja" at the start of a longer message is none ("ok, muss grad mal kurz
# ans Telefon", "ja, sekunde": sixth black-box round)
_CONFIRM_PHRASE = re.compile(
    r"\b(passt (alles|so|soweit)|stimmt (alles|so|soweit)|alles (stimmt|passt|richtig|korrekt|gut"
    r"|ok|okay|klar|zutreffend)|(ist|sind|ware|waren) (\w+ ){0,2}(richtig|korrekt|zutreffend)( so)?"
    r"|sieht (alles |so )?(gut|richtig|korrekt) aus"
    r"|(zum|zur|die|das|mein|meinem) (ergebnis|auswertung)"
    r"|ergebnis (bitte|zeigen|anzeigen|sehen)|auswert\w*|bestatig\w*|all (good|correct)"
    r"|looks good|s correct|is correct|show me the result\w*|results please)\b"
)


_NOTHING_TO_CHANGE = re.compile(
    r"\b(kein\w* (anderung\w*|fehler\w*|einwand\w*)|nichts (zu andern|falsch|auszusetzen))\b"
)


def doubts(text: str) -> bool:
    """A negation, a hedge or a question: the owner does not (yet) confirm the summary
    ("kein Änderungsbedarf", "nichts zu ändern" confirm)."""
    norm = _NOTHING_TO_CHANGE.sub(" ", normalized(text))
    return "?" in text or bool(_NOT_CONFIRMED.search(norm))


def confirms(text: str) -> bool:
    norm = _NOTHING_TO_CHANGE.sub(" ", normalized(text))
    words = norm.split()
    only = 0 < len(words) <= 4 and all(w in _CONFIRM_WORDS for w in words)
    nothing = _NOTHING_TO_CHANGE.search(normalized(text)) and len(words) <= 6
    confirming = only or nothing or _CONFIRM_PHRASE.search(norm) or _GO_ON.match(norm.strip())
    return bool(confirming) and not _CHANGE_WORD.search(norm) and not doubts(text)


_PLEASE_TAKE = re.compile(
    r"\b(nehmen|machen|setzen|schreiben|tragen|nimm|mach|setz|schreib) (sie |se )?"
    r"(doch |bitte |da |mal |ma |einfach )*",
    re.IGNORECASE,
)


_RIGHT = re.compile(r"\b(passt|stimmt|korrekt|richtig|alles (gut|ok|okay|klar|richtig))\b")


_KEEP = re.compile(
    r"^\W*((ja|jo|nee|ne|nein|ach|achso|also|doch|ok|okay|gut)\W+)*(doch\W+)?(das |der |die |es )?"
    r"(bleibt|bleibt so|bleibt gleich|wie vorher|wie bisher|unverandert|gleich|stimmt|passt|same"
    r"|no change|unchanged|keep|so lassen|lassen (sie|wir) (es |das )?so|lass (es |das )?so"
    r"|war (doch )?richtig|doch nicht|wie es war)\b(?! nicht| nich\b| net\b)"
    # anywhere in the message: "Ach nee, das war schon richtig so, lassen Sie es wie es war",
    # "Hab's mir überlegt, bleibt wie es ist", "Lassen Sie es wie vorher" (seventh round)
    r"|\b(lass\w* (sie |wir )?(es |das )?(so|wie (es war|es ist|vorher|bisher|gehabt))"
    r"|bleibt (so|wie (es war|es ist|vorher|bisher|gehabt)|beim alten|unverandert)"
    r"|war (doch |schon |eigentlich |ja )*richtig( so)?)\b"
)


def keeps_value(text: str) -> bool:
    """ "bleibt wie vorher", "stimmt", "unverändert": the value asked again stays as it was."""
    return bool(_KEEP.search(normalized(text)))


def confirms_first(text: str) -> bool:
    """The message opens with its confirmation ("Ja, passt alles, auch die Website") or calls
    a value right ("Website ist richtig so"); a "ja" inside a sentence that names a question
    ("das Budget: Jo! …", "… lieber nie, das ist ja Pflicht") is no confirmation."""
    norm = _NOTHING_TO_CHANGE.sub(" ", normalized(text)).strip()
    confirming = bool(_CONFIRM.match(norm) or _GO_ON.match(norm) or _RIGHT.search(norm))
    return confirming and not _CHANGE_WORD.search(norm) and not doubts(text)


def plain_confirmation(text: str) -> bool:
    """Confirms without a contrast ("passt, nur bei Phishing ja" asks for a change)."""
    return confirms(text) and not _CONTRAST.search(normalized(text))


def names_word(padded: str, word: str) -> bool:
    """A question's keyword in a text padded with spaces: the whole word, or (6+ letters) the
    start of a compound ("Datensicherungen")."""
    return f" {word} " in padded or (len(word) >= 6 and f" {word}" in padded)


def referenced_slot(questionnaire: Questionnaire, text: str) -> Optional[str]:
    """The question a change request names: by number, ordinal, short title or keyword."""
    norm = normalized(text)
    match = _NUMBER.search(norm)
    number = None
    leading = _LEADING_NUMBER.match(norm)  # "bei 13 eher selten", "13: selten"
    if match:
        number = int(match.group(1) or match.group(2))
    elif leading:
        number = int(leading.group(1))
    else:
        number = next((n for word, n in _ORDINALS.items() if f" {word} " in f" {norm} "), None)
    if number and 1 <= number <= len(questionnaire.questions):
        return questionnaire.question_slots[number - 1]
    padded = f" {norm} "
    best: Tuple[int, Optional[str]] = (0, None)
    for question in questionnaire.questions:
        for word in fold_all([question.short, *question.keywords]):
            found = names_word(padded, word)
            if found and len(word) > best[0]:
                best = (len(word), question.slot)
    if best[1]:
        return best[1]
    for slot, words in (
        ("employees", ("beschaftigte", "mitarbeiter", "leute", "grosse")),
        ("sector", ("branche",)),
        ("municipality", ("ort", "stadt", "standort")),
    ):
        if any(f" {w} " in padded for w in words):
            return slot
    return None


_SAID = re.compile(r"\b(bejaht|bejahen|bejahe|verneint|verneinen|verneine)\b")
_REJECTING = r"(?:nicht|statt|anstatt|anstelle von|anstelle|kein|keine|nicht mehr)"


def _without_rejected(questionnaire: Questionnaire, scale: str, text: str) -> str:
    """The text without the answers it rejects: "Weiterbildung eigentlich nie statt selten",
    "das entspricht „Gut“, nicht „Grundkenntnisse“", "hatte ich bejaht, nicht verneint"."""
    norm = original = normalized(text)
    labels = [
        normalized(questionnaire.answer_label(scale, a)) for a in questionnaire.answer_ids(scale)
    ]
    labels += ["verneint", "bejaht"]
    for label in sorted(set(filter(None, labels)), key=len, reverse=True):
        norm = re.sub(rf"\b{_REJECTING} {re.escape(label)}\b", " ", norm)
    return text if norm == original else norm


_COPULA = re.compile(r"^((ist|sind|war|ware|wird|bitte|dann|doch|also|auf|zu|mit) )+")


def _after_reference(norm: str, question: Any, number: int) -> str:
    """The words after the last mention of the question (its number or a keyword)."""
    end = max((m.end() for m in _NUMBER.finditer(norm)), default=-1)
    for pattern in (_NAMED_NUMBER, _LEADING_NUMBER):
        end = max([end] + [m.end() for m in pattern.finditer(norm) if int(m.group(1)) == number])
    for word in fold_all([question.short, *question.keywords]):
        at = f" {norm} ".rfind(f" {word}")
        if at >= 0:
            end = max(end, at + len(word))
    return norm[end:].strip() if end >= 0 else ""


def change_request(questionnaire: Questionnaire, text: str) -> Tuple[Optional[str], Optional[str]]:
    """``(slot, new answer)`` of a change request such as "bei Datensicherung eher selten";
    the answer is None when only the question was named ("Frage 7 ändern")."""
    slot = referenced_slot(questionnaire, text)
    return slot, new_answer(questionnaire, slot, text)


def new_answer(questionnaire: Questionnaire, slot: Optional[str], text: str) -> Optional[str]:
    """The answer a change request gives for ``slot``, or None."""
    question = questionnaire.question(slot)
    if question is None:
        return None
    # what follows the question's name is the new answer: "Nein, das war falsch. Bei Frage 13
    # ist es: weiß ich nicht.", "bei der Weiterbildung doch eher nie"
    number = questionnaire.question_slots.index(question.slot) + 1
    text = _without_rejected(questionnaire, question.scale, text)
    said = _SAID.search(normalized(text))
    if said and ("yes" if said.group(1).startswith("bejah") else "no") in questionnaire.answer_ids(
        question.scale
    ):
        return "yes" if said.group(1).startswith("bejah") else "no"  # "hatte ich bejaht"
    tail = _after_reference(normalized(text), question, number)
    tail = _COPULA.sub("", tail)  # "Frage 3 ist ja", "bei 13 bitte auf selten"
    if tail:
        after = read_answer(tail, question.scale, slot)
        if after.sure:
            return after.answer
    reading = read_answer(text, question.scale, slot)
    if reading.sure:
        return reading.answer
    # "Das mit der Weiterbildung, da nehmen Sie doch lieber nie, …, das ist ja Pflicht": the
    # clauses read one by one; they must agree
    plain = _PLEASE_TAKE.sub(" ", text)  # "nehmen Sie lieber nie" -> "lieber nie"
    clauses = [c for c in re.split(r"[,;.!?:]+", plain) if c.strip()]
    found = set()
    for clause in clauses if len(clauses) > 1 else []:
        part = read_answer(clause, question.scale, slot)
        if part.sure and part.answer != "dont_know":
            found.add(part.answer)
    return found.pop() if len(found) == 1 else None
