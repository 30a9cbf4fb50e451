"""Concept patterns, part 2: lack of knowledge, don't know and "not yet".

``LACK`` (no idea *of* something: a state, level low / no) comes before ``DK`` (the owner
cannot say), which also covers don't-know phrased with a negation; ``NOT_YET`` follows.
"""

_DONT_KNOW_PATTERNS: list[tuple[str, str]] = [
    # --- lack of knowledge as a state (level low / no), before don't-know
    ("LACK",
     r"keine? ahnung (von|vom|davon|vonnem|von dem|mit)\b|null ahnung|null durchblick"
     r"|kein(en)? durchblick|blick\w* (\w+ ){0,3}(nicht |keiner )?durch"
     r"|(haben|hat) (\w+ ){0,3}keine? ahnung\b(?! ,? ?(ob|wie|was|wann|wer|wo))"
     r"|keine kenntnisse|kaum kenntnisse|wenig kenntnisse|kaum ahnung|wenig ahnung"
     r"|keiner (kann|weiss) (hier )?(was|bescheid)|kann (hier )?keiner (was|etwas)"
     r"|kraut und ruben|chaos|chaotisch|durcheinander|wildwuchs"
     r"|nicht (mal|einmal),? wie man|keiner (traut|kennt|blickt)\w*|steht (der ganze laden"
     r"|alles) still"
     # "schon dreimal reingefallen", "fast drauf reingefallen", "fell for it"
     r"|(?<!keiner )(?<!niemand )(?<!nie )(?<!nicht )(?<!nie drauf )(?<!nicht drauf )"
     r"(?<!keiner drauf )(drauf |darauf )?(rein|herein)gefallen"
     r"|fallen ((?!nicht|nich|nie|keiner)\w+ ){0,2}(drauf |darauf )?(rein|herein)\b"
     r"|fell for"),
    # --- don't know (also when phrased with a negation)
    ("DK",
     r"(weiss|weis) (ich|er|sie) (das |es |leider |ehrlich gesagt |ehrlich |auch |so "
     r"|wirklich )*(nicht|kein)"
     r"|(ich )?(weiss|weis) (leider |ehrlich gesagt |ehrlich |wirklich |auch )*(nicht|nich)"
     r"|(ich )?nicht (weiss|wissen)|ich nicht sicher|wusste ich nicht|weiss ,? (aber )?ich nicht"
     r"|keine? ahnung|keinen plan|kein plan(?= [,.?]|$| von| ob| wie| was| xshrug)"
     r"|keinen (schimmer|blassen|peil|dunst)|kein(en)? (uberblick|einblick)"
     r"|(kann|konnte|vermag) ich (ihnen |dir |das |es |hier |da |dazu |leider |ehrlich gesagt "
     r"|ehrlich |wirklich "
     r"|beim besten willen |so |jetzt |nicht |gar )*(nicht|schlecht|kaum|schwer) (so )?(genau )?"
     r"(sagen|beantworten|beurteilen|einschatzen|abschatzen|beziffern|abschliessend|zuverlassig"
     r"|genau|prufen)"
     r"|kann (ich )?(\w+ ){0,2}(nicht|nich) sagen|(kann|konnen) (ich )?(nicht|nich) sagen"
     r"|(ich )?kann nicht sagen|nicht (zu )?(beurteilen"
     r"|einschatzen)"
     r"|schwer (zu )?(sagen|einzuschatzen|abzuschatzen)|schlecht (zu )?(sagen|einschatzen)"
     r"|(mir |ich )?(da )?(nicht|nich) (so )?sicher|(bin|ich) (mir )?(da )?(etwas "
     r"|ein bisschen )?unsicher"
     r"|^(unsicher|unklar|hoffentlich|fraglich)( [.!?…]+)?$|ist mir unklar|keine angabe|uberfragt"
     r"|(musste|muss|muss ich|mussen) (ich |erst |mal |im buro |meine\w* \w+ |unsere\w* \w+ "
     r"|den \w+ |die \w+ |ihn |sie )*"
     r"(nach|fragen|nachfragen|nachschauen|nachsehen|nachgucken|klaren|checken|prufen)\b"
     r"|musstest (du|de) (\w+ ){0,3}fragen|(fragen sie|fragst du) (den|die) falsche|nicht bekannt"
     r"|unbekannt"
     r"|entzieht sich|keine (belastbare|verlassliche|genaue|fundierte|zuverlassige)\w* (aussage"
     r"|auskunft|angabe|zahlen|einschatzung)"
     r"|(einschatzung|angabe|aussage) (ist )?(mir )?(hier |hierzu )?(leider )?nicht moglich"
     r"|(da )?musste ich passen|ich passe|enthalten|wer weiss|gute frage|dont_know|keine idee"
     r"|nie (so genau )?(nachgeschaut|geguckt|gepruft|uberpruft|getestet|ausgewertet|verfolgt"
     r"|drauf geachtet|probiert|ausprobiert)"
     r"|nie darauf geachtet|noch nie (drauf )?geachtet|nicht im kopf|keine statistik"
     r"|nie (\w+ ){0,2}gedanken gemacht|nie (\w+ ){0,2}(druber|daruber) nachgedacht"
     r"|(kann|konnte|vermag|lasst sich|lassen sich) (\w+ ){0,6}(nicht|kaum) "
     r"(?!(so )?(pauschal|generell|allgemein|einheitlich))(\w+ ){0,2}(zu )?"
     r"(sagen|beantworten|beurteilen|einschatzen|abschatzen)\b"
     r"|nicht drum gekummert|noch nicht (drum|darum) gekummert|in die kopfe|xshrug$"),
    ("NOT_YET", r"stand heute nein|bis heute (nicht|keine?\w*|nichts)|noch keine?\w*|noch nicht\w*"
                r"|noch nichts|bislang (nicht|keine?\w*|nichts)|bisher (nicht|keine?\w*|nichts)"
                r"|derzeit (nicht|keine?\w*)|noch gar nicht|noch gar nichts|in planung"
                r"|gegenwartig (\w+ )?(nicht|keine?\w*)"
                r"|zum gegenwartigen zeitpunkt (\w+ ){0,3}(nicht|keine?\w*|mehrfach)"),
]  # fmt: skip
