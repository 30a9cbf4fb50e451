"""Regexes over a clause's text: plans, the past, verdicts, questions and reported speech.

A clause about a plan ("wollen nächstes Jahr umstellen") or the past ("früher") says
nothing about today; a verdict ("würde ich sagen", "insgesamt") is the owner's own
conclusion; question starts mark a sentence that asks back.
"""

from __future__ import annotations

import re

from bot.nlu.answer_norm import folded

_PLAN = re.compile(
    folded(
        r"\b(wollen|wollten|will|mochten|sollen|soll|werden|wird) (\w+ ){0,6}"
        r"(umstellen|anschaffen|einfuhren|machen|kaufen|abschliessen|einrichten|nachholen"
        r"|umsteigen|starten|angehen|buchen|folgen|kommen|laufen|umgestellt|angeschafft|eingefuhrt"
        r"|ran"
        r"|digitalisieren|erarbeiten|einplanen|andern|abschaffen|aufsetzen|haben|umgesetzt)\b"
        r"|\b(geplant|in planung|vorgenommen|vornehmen|vorhaben|haben es vor|haben das vor"
        r"|beabsichtig\w*|in aussicht|auf der liste|auf der agenda|auf dem plan|to do|todo"
        r"|nachstes jahr|nachsten jahr|kommenden jahr|kommende jahr|kommenden geschaftsjahr"
        r"|bis weihnachten|bis zum sommer|bis ende|demnachst|bald|irgendwann|im fruhjahr kaufen"
        r"|in zukunft|zukunftig|wir suchen|auf der suche|beauftragt|in absehbarer zeit|vor mir her"
        r"|muss (ich |wir )?(da )?(mal|dringend) ran|will ich mal|sollte ich (mal|dringend)"
        r"|musste (ich )?dringend)\b"
    )
)
_PAST = re.compile(
    folded(
        r"\b(fruher|damals|ehemals|hatten (wir |ich )?(mal|einmal|auch mal)|hatte (ich |wir )?(mal"
        r"|einmal)"
        r"|war (mal|einmal|fruher)|gab es (mal|fruher)|vor (zehn|zwanzig|\d+|ein paar|einigen"
        r"|vielen) jahren"
        r"|als wir noch|in der vergangenheit|ursprunglich|anfangs|hatte ich gesagt"
        r"|hatte ich (\w+ )?gesagt)\b"
    )
)
_CURRENT = re.compile(
    folded(
        r"\b(jetzt|heute|inzwischen|mittlerweile|seitdem|seither|seit|derzeit|zurzeit|momentan"
        r"|im moment|stand heute|gegenwartig|bis heute|bislang|bisher|nach wie vor|immer noch"
        r"|noch immer|mehr)\b"
    )
)
_VERDICT_IN = re.compile(
    folded(
        r"\b(wurde|würde) (ich )?(uns |das |es |sie |mal |die frage )?(\w+ ){0,3}(sagen|meinen"
        r"|bezeichnen"
        r"|einstufen|verorten|bewerten|sprechen|schatzen|geben|beantworten|bejahen|verneinen)\b"
        r"|\b(ich )?(sag|sage) mal\b|\bich wurde sagen|\bunterm strich|\balles in allem"
        r"|\bim mittel\b|\bim schnitt\b|\bzusammengenommen|\bsodass ich|\bso dass ich|\bzu (bejahen"
        r"|verneinen)"
        r"|\bmuss ich (das |die frage )?(leider )?(verneinen|bejahen)|\bdas sagt (eigentlich "
        r"|wohl )?alles"
        r"|\bstand heute\b|\binsgesamt\b|\bim grossen und ganzen\b|\bim ernst\b"
        r"|\b(daher|somit|folglich|demnach)\b"
    )
)
_QUESTION_START = re.compile(
    folded(
        r"^(was|warum|wieso|weshalb|wozu|welche\w*|wer|wo|wann|wie|zahlt|zahlen|gilt|gelten"
        r"|meinen|meinst|meint|ist|sind|reicht|reichen|kann|konnen|muss|mussen|darf|soll|braucht"
        r"|brauche|brauchen|gibt|bekomme|bekommt|habt|hat|haben sie|wait|what|is|does|do|link"
        r"|phishing|cloud)\b"
    )
)
_QUESTION_VERB = re.compile(
    folded(
        r"^(was|warum|wieso|weshalb|wozu|wer|wo|wann|wie|welche\w*) (\w+ )?(ist|sind|heisst|meinst"
        r"|meinen|meint|soll|sollen|bedeutet|zahlt|gilt|war|bringt|hat|haben|kostet|genau|denn|lang"
        r"|das)\b"
    )
)
_CONDITION_DEGREE = re.compile(
    folded(
        r"(nur )?wenn (uberhaupt|(es|mir) (\w+ )?einfallt|was neues|ein kunde|der kunde"
        r"|(es |et )?hochkommt)|wenns hochkommt|wennet hochkommt"
    )
)
_REPORTING = re.compile(
    folded(
        r"\b(erzahlt|erzahlen|sagt|sagen|meint|meinen|behauptet|behaupten|heisst es|hiess es|dachte"
        r"|denken|glauben|predigt|hort man|liest man|hoffe|hoffen|furchte|wunsche)\b"
    )
)
_COUNTERFACTUAL = re.compile(
    folded(r"^sonst (ware|hatte|wurde|waren|hatten|wurden)\b|^(ware|hatte) (ich|wir|es)\b")
)
_NOW = re.compile(folded(r"(jetzt|inzwischen|mittlerweile|heute|seitdem|seither)\b"))
_REST = re.compile(folded(r"(der rest|alles andere|die anderen|andere|sonst|ansonsten|den rest)\b"))
_NOT_PLANNED = re.compile(
    folded(
        r"\b(nicht (ein)?geplant|ungeplant|seit|seitdem|inzwischen|bereits"
        r"|schon (\w+ )?(umgestellt|eingefuhrt|beauftragt))\b"
    )
)
