"""Answers after the result: about a recommended offering (from the catalogue's own fields),
about a topic's score (which answers pulled it down), about the score's meaning, the printable
page and the contact. Anything else gets a short honest answer and the options."""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import answers_of, turn_of
from actions.contact import contact_message
from actions.followup import result_links
from actions.new_check import restart_reply
from actions.result import followup_buttons
from actions.result_answers import (
    dimension_answer,
    offering_answer,
    result_again_answer,
    score_answer,
)
from actions.review import referenced_slot
from bot.nlu.corrections import is_correction
from bot.nlu.intents import detect
from bot.nlu.profile import decide_profile
from bot.nlu.text import fold_all, normalized
from contract.catalogue import Catalogue, Offering, load_catalogue
from contract.questionnaire import Questionnaire, load_questionnaire

_ASPECTS = (
    ("cost", r"\b(kost\w*|preis\w*|gebuhr\w*|bezahl\w*|zahl\w*|kostenlos|gratis|gunstig|teuer"
             r"|euro|eur|forder\w* (gibt|bekomme))\b"),
    ("provider", r"\b(wer (bietet|macht|steckt|ist)|anbieter\w*|von wem|trager\w*|veranstalter)\b"),
    ("apply", r"\b(beantrag\w*|antrag\w*|anmeld\w*|bewerb\w*|wie (bekomme|komme|geht|mache"
              r"|kann)|mitmachen|teilnehm\w*|nachste schritt\w*|wo (melde|bekomme)"
              r"|kontaktier\w*|melde\w* (\w+ ){0,3}an)\b"),
    ("what", r"\b(was (ist|sind|heisst|bedeutet|genau|macht)|worum geht|erklar\w*"
             r"|mehr (zu|uber))\b"),
)  # fmt: skip
_ASPECT_RES = [(name, re.compile(pattern)) for name, pattern in _ASPECTS]
_ORDINAL = {"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3}
_NUMBER = re.compile(r"\b(?:angebot|nr|nummer|punkt)\s*(\d)\b|^\s*(\d)\s*$")
_SCORE = re.compile(
    r"\b(ergebnis|punkt\w*|reifegrad|stufe|level|score|bewertung|gesamt\w*"
    r"|(bedeutet|heisst) (die |eine )?\d+|gut oder schlecht)\b"
)
LAST_OFFERING = "last_offering"
# a question that points back to the offering just described ("Was kostet das?", "Wer bietet
# es an?", "Wie melde ich mich dafür an?")
_REFERS_BACK = re.compile(r"\b(das|es|dafur|dazu|der|die|den|dem|davon|daran|dabei|it|that)\b")
_PRINT = re.compile(r"\b(druck\w*|ausdruck\w*|pdf|speicher\w*|link|ergebnisseite|herunterlad\w*)\b")
_TOPIC_OFFERS = re.compile(
    r"\b(gibt es|habt ihr|haben sie|hatten sie|kennen sie|wo (finde|bekomme|gibt)|was (gibt"
    r"|fur)|angebot\w*|hilfe|unterstutzung|forder\w*|zuschuss\w*|beratung|schulung\w*|kurs\w*)\b"
)
_CORRECTION_AFTER = (
    "Ihr Ergebnis ist schon ausgewertet; einzelne Angaben ändere ich danach nicht mehr. Wenn "
    "etwas nicht stimmt, starten Sie bitte einen neuen Check mit den richtigen Angaben – mit "
    "„Neuen Check starten“. Das bisherige Ergebnis zählt dann nicht mehr."
)
_EACH_ASPECTS = ("cost", "apply", "provider")
_WITHDRAW_AFTER = (
    "Ihr Ergebnis ist bereits ohne Namen und ohne Gesprächsbezug gespeichert; es lässt sich Ihnen "
    "nicht mehr zuordnen und daher auch nicht mehr herauslösen. Dieses Gespräch kann ich löschen: "
    "Schreiben Sie dazu „Daten löschen“."
)
# "können Sie mir mein Ergebnis nochmal zeigen?", "nochmal die Angebote bitte, die drei"
_AGAIN = re.compile(r"\b(nochmal|noch mal|noch einmal|erneut|wieder|again)\b")
_WHOLE_RESULT = re.compile(
    r"\b(ergebnis\w*|auswertung|punkte|werte|angebote|empfehlungen|zusammenfassung|result)\b"
)
_CONTACT = re.compile(
    r"\b(kontakt\w*|ansprechpartner\w*|anruf\w*|telefon\w*|mensch|person|wer hilft|helfen kann"
    r"|(an|bei) wen|wen (kann|soll) ich|wende ich mich|zustandig\w*)\b"
)
_DIMENSION_WORDS = {
    "strategy": ["strategie", "organisation", "ziele", "planung", "budget"],
    "tools": ["werkzeuge", "ausstattung", "it ausstattung", "software", "cloud", "tools"],
    "processes": ["prozesse", "ablaufe", "rechnungen", "ablage", "papier"],
    "online": ["online", "website", "internet", "prasenz", "kundenkontakt", "sichtbarkeit"],
    "security": ["sicherheit", "it sicherheit", "datenschutz", "backup", "passworter", "security"],
    "skills": ["kompetenzen", "kenntnisse", "weiterbildung", "schulung", "skills", "wissen"],
}


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load_catalogue()


def _recommended(ids: List[str]) -> List[Offering]:
    """The recommended offerings, in the order they were shown."""
    return [o for o in (catalogue().get(i) for i in ids) if o is not None]


def aspect_of(norm: str) -> Optional[str]:
    return next((name for name, regex in _ASPECT_RES if regex.search(norm)), None)


@functools.lru_cache(maxsize=1)
def _generic_words() -> frozenset:
    """Title words that do not single out one offering (in several titles, or a topic word)."""
    counts: Dict[str, int] = {}
    for offering in catalogue().offerings:
        for word in set(" ".join(fold_all([offering.title])).split()):
            counts[word] = counts.get(word, 0) + 1
    topic = {w for words in _DIMENSION_WORDS.values() for p in words for w in p.split()}
    return frozenset({w for w, n in counts.items() if n > 1} | topic | _STOP)


_WHAT_IS = re.compile(r"\b(was (ist|sind|heisst|bedeutet|meinen sie mit)|wofur (ist|sind))\b")
_STOP = {"fur", "und", "der", "die", "das", "des", "mit", "im", "in", "zum", "zur", "von", "nach"}
_WHY = re.compile(
    r"\b(warum|wieso|weshalb|niedrig\w*|schlecht\w*|wenig\w*|gering\w*|hoch"
    r"|punkte|wert\w*|score|abgeschnitten)\b"
)


def offering_in(text: str, recommended: List[str]) -> Optional[Offering]:
    """The offering a question names: by number among the recommended, or by its title."""
    offerings = catalogue()
    norm = normalized(text)
    match = _NUMBER.search(norm)
    number = int(match.group(1) or match.group(2)) if match else None
    number = number or next((n for w, n in _ORDINAL.items() if f" {w} " in f" {norm} "), None)
    if number and 1 <= number <= len(recommended):
        return offerings.get(recommended[number - 1])
    candidates = [offerings.get(i) for i in recommended] + list(offerings.offerings)
    padded = f" {norm} "
    best = (0, None)
    for offering in candidates:
        if offering is None:
            continue
        generic = _generic_words()
        for phrase in fold_all([offering.title, offering.id.replace("_", " ")]):
            words = [w for w in phrase.split() if len(w) >= 3 and w not in generic]
            hits = sum(1 for w in words if f" {w}" in padded)
            if hits and hits > best[0]:
                best = (hits, offering)
    if best[1] is None:  # only common words: the recommended offering that shares most of them
        for offering_id in recommended:
            offering = offerings.get(offering_id)
            words = [w for w in " ".join(fold_all([offering.title])).split() if len(w) >= 4]
            hits = sum(1 for w in words if f" {w}" in padded) if offering else 0
            if hits >= 2 and hits > best[0]:
                best = (hits, offering)
    return best[1]


def dimension_in(norm: str) -> Optional[str]:
    padded = f" {norm} "
    for dimension, words in _DIMENSION_WORDS.items():
        if any(f" {w}" in padded for w in words):
            return dimension
    return None


def topic_offerings_answer(qn: Questionnaire, dimension_id: str, tracker: Tracker) -> str:
    """Open offerings for firms on a topic that the owner's firm may use (recommended first)."""
    employees = tracker.get_slot("employees") or 1
    sector, town = tracker.get_slot("sector"), tracker.get_slot("municipality")
    recommended = list(tracker.get_slot("recommendations") or [])
    fitting = [
        o
        for o in catalogue().offerings
        if dimension_id in o.dimensions
        and o.recommendable
        and o.for_firms
        and not o.on_wish_only
        and o.eligibility.allows(employees, sector, town, qn.region_of(town))
    ]
    fitting.sort(key=lambda o: o.id not in recommended)
    title = qn.dimension(dimension_id).title
    if not fitting:
        contact = contact_message(town)["text"]
        return (
            f"Zum Thema „{title}“ habe ich kein weiteres Angebot, das zu Ihrem Betrieb passt.\n"
            f"{contact}"
        )
    lines = [f"Zum Thema „{title}“ passen diese Angebote zu Ihrem Betrieb:"]
    for offering in fitting[:3]:
        by = "" if offering.provider.startswith(offering.title) else f" ({offering.provider})"
        lines.append(f"• {offering.title}{by}: {offering.url}")
    return "\n".join(lines)


def wants_correction(text: str, tracker: Tracker) -> bool:
    """Correction language, or a changed profile value ("wir sind eigentlich 30 Leute")."""
    current = {slot: tracker.get_slot(slot) for slot in ("employees", "sector", "municipality")}
    if decide_profile(text, None, current)[1]:
        return True
    # "warum steht da nix zu online marketing": a question about a topic of the result
    norm = normalized(text)
    asks = "?" in text or re.search(r"\b(warum|wieso|weshalb|wie kommt)\b", norm)
    about_topic = asks and dimension_in(norm)  # (no profile change: see above)
    return is_correction(text) and not about_topic


class ActionAnswerFollowup(Action):
    """Answers questions after the result."""

    def name(self) -> str:
        return "action_answer_followup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        qn = load_questionnaire()
        turn = turn_of(tracker)
        restart = restart_reply(tracker, dispatcher, turn)  # "Möchten Sie neu beginnen?" – "ja"
        if restart is not None:
            return restart
        recommended = list(tracker.get_slot("recommendations") or [])
        norm = normalized(turn.text)
        payload = turn.payload if turn.payload_intent == "ask_result" else {}
        message: Dict[str, Any] = {}
        offering = catalogue().get(str(payload.get("offering"))) if payload else None
        dimension = payload.get("dimension") or (None if payload else dimension_in(norm))
        if dimension and not payload and not _WHY.search(norm):
            dimension = None  # "Was kostet die Sicherheitsberatung?" is about an offering
        # "Gibt es auch was für die Website?": the offerings on a topic, not one by a title word
        topic = None if payload or dimension else dimension_in(norm)
        topic = topic if topic and _TOPIC_OFFERS.search(norm) else None
        if offering is None and not payload and dimension is None:
            offering = offering_in(turn.text, recommended)
            if topic and not _NUMBER.search(norm):
                offering = None
        last = catalogue().get(str(tracker.get_slot(LAST_OFFERING) or ""))
        back = last is not None and aspect_of(norm) and _REFERS_BACK.search(norm)
        back = back and not _SCORE.search(norm)
        if offering is None and not payload and not topic and back:
            offering = last  # "Mehr zu Angebot 1", then "Was kostet das?"
        if (
            offering is None
            and not payload
            and (turn.intent == "change" or wants_correction(turn.text, tracker))
        ):
            message["text"] = _CORRECTION_AFTER
        elif not payload and detect(turn.text) == "withdraw":
            message["text"] = _WITHDRAW_AFTER  # "Ich ziehe meine Einwilligung zurück"
        elif _AGAIN.search(norm) and _WHOLE_RESULT.search(norm) and not payload:
            shown = _recommended(recommended)
            message["text"] = result_again_answer(qn, tracker, shown)
        elif offering is not None:
            message["text"] = offering_answer(offering, aspect_of(norm))
        elif (
            aspect_of(norm) in _EACH_ASPECTS
            and recommended
            and not (topic or payload or _CONTACT.search(norm))
        ):
            # "Und wie melde ich mich da an?" with no offering named: for each recommended one
            shown = _recommended(recommended)
            message["text"] = "\n".join(
                f"{n}. {offering_answer(o, aspect_of(norm))}" for n, o in enumerate(shown, 1)
            )
        elif topic:
            message["text"] = topic_offerings_answer(qn, topic, tracker)
        elif dimension in qn.dimension_ids:
            message["text"] = dimension_answer(qn, dimension, tracker)
        elif payload.get("topic") == "score" or _SCORE.search(norm) and not _PRINT.search(norm):
            message["text"] = score_answer(qn, tracker)
        elif _PRINT.search(norm):
            links = result_links(qn, answers_of(tracker, qn), recommended, None)
            message = {
                "text": "Hier ist Ihre Ergebnisseite zum Drucken oder Speichern:",
                "buttons": [
                    {"title": "Ergebnis drucken", "url": links["print"], "type": "web_url"}
                ],
            }
        elif _CONTACT.search(norm):
            message = contact_message(tracker.get_slot("municipality"))
        elif _WHAT_IS.search(norm) and (asked := qn.question(referenced_slot(qn, turn.text))):
            message["text"] = f"{asked.short}: {asked.explanation}"  # "Was ist ein Virenschutz?"
        else:
            message["text"] = (
                "Dazu kann ich leider nichts Genaues sagen. Ich beantworte Fragen zu den "
                "empfohlenen Angeboten (was, Kosten, Anbieter, Anmeldung), zu Ihren Werten je "
                "Thema und zur Bedeutung des Ergebnisses – oder nenne Ihnen einen Ansprechpartner."
            )
        dispatcher.utter_message(**message)
        dispatcher.utter_message(
            text="Was möchten Sie noch wissen?", buttons=followup_buttons(recommended)
        )
        events = [SlotSet(LAST_OFFERING, offering.id)] if offering is not None else []
        return events + [SlotSet("pending", None)] * bool(tracker.get_slot("pending"))
