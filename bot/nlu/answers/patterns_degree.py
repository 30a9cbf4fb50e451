"""Concept patterns, part 4: yes/no idioms, hedges and degrees.

"auf jeden Fall", "eher nicht", "nicht immer", "im Grunde ja", "fast nie", "teils
teils": the negated and hedged forms are consumed before the plain words they contain.
"""

_DEGREE_PATTERNS: list[tuple[str, str]] = [
    # --- yes / no idioms
    ("YES_P", r"kein problem|keine sorge|unbedingt|auf jeden fall|na klar|ja klar|aber sicher"
              r"|sicher doch"
              r"|klar doch|selbstverstandlich|naturlich|logisch|logo|klaro|definitiv|absolut"
              r"|ja,? alle"),
    ("NO_P", r"auf keinen fall|keineswegs|mitnichten|fehlanzeige|negativ|leider nein|eher nein"),
    # --- degrees
    ("NOT_ALWAYS", r"nicht immer|nicht jedes mal|nicht durchgehend|nicht standig|nicht durchgangig"
                   r"|nicht ganz|nicht komplett|nicht vollstandig|nicht 100 prozent|nicht uberall"
                   r"|nicht ausnahmslos|nicht luckenlos|nicht auf alles|nicht fur alles"),
    ("NOT_ALWAYS", r"so richtig (\w+ ){1,6}(nicht|kein\w*)"),
    ("NOT_ALL", r"nicht alle|nicht jeder|nicht jede|nicht alles|nicht bei allen|nicht in allen"
                r"|nicht fur alle"),
    ("NO", r"immer noch nicht|noch immer nicht|immer noch kein\w*|noch immer kein\w*"
           r"|nach wie vor (nicht|kein\w*)"),
    ("SOMETIMES", r"immer mal wieder|immer wieder mal|ab und zu mal|manchmal ja,? manchmal nicht"
                  r"|manchmal (\w+ ){1,4}, manchmal|mal (\w+ ){1,3}, mal (\w+ ){0,2}(nicht|papier"
                  r"|so)"),
    ("MOSTLY", r"immer wieder"),
    ("MAINLY_YES", r"im grundsatz ja|grundsatzlich (ja|schon)|im wesentlichen ja"
                   r"|grundsatzlich bejahen|im grunde (genommen )?(ja|schon)|im prinzip (ja|schon)"
                   r"|im regelfall ja"),
    ("RATHER_YES", r"eher ja|eher schon|schon eher|ich denke (schon|ja)|ich glaube (schon|ja)"
                   r"|wohl ja"
                   r"|tendenziell"),
    ("HARDLY", r"fast nie|so gut wie nie|kaum mal|kaum was|ganz wenig|sehr selten|nur ganz selten"
               r"|so alle jubeljahre|alle jubeljahre|selten ist noch ubertrieben|wenn uberhaupt"
               r"|ganz vereinzelt|fast keiner|fast keine|wenn (es|et) hochkommt|wenns hochkommt"
               r"|wennet hochkommt"),
    ("RARELY", r"nicht oft|nicht so oft|nicht haufig|nicht viel|nicht so viel|nicht regelmassig"
               r"|unregelmassig|selten\w*|gelegentlich|hin und wieder|ab und an|ab und zu"
               r"|sporadisch"
               r"|vereinzelt|ausnahmsweise|einzelfall\w*|anlassbezogen|bei bedarf"
               r"|wenn (es|mir) (mir )?einfallt|allenfalls|die ausnahme|eher die ausnahme"
               r"|eine handvoll|kommt (mal )?vor"
               r"|eher wenig|nur wenig|ein paar mal|nicht so der|wenn was neues"
               r"|nur wenn (\w+ ){0,3}neu"
               r"|in uberschaubarem umfang|auf (ausdrucklichen )?wunsch|wenn (der|ein) kunde"
               r"|nur wenn \w+ (das )?verlangt"),
    ("PARTLY", r"ein wenig|ein bisschen|ein paar sachen|ein paar dinge|teils teils|teils,? teils"
               r"|ja und nein|ja und nee|ja & nein|sowohl als auch"
               r"|ja und kein(?= [,.;:!?-]|$| tbh| ehrlich)"  # "yes and no" after normalising
               r"|halb halb|so halb|halbwegs|in etwa die waage|die waage|mehr oder weniger"
               r"|in gewissem umfang|in gewisser (hinsicht|weise)|mit einschrankungen"
               r"|eingeschrankt\w*"
               r"|in ansatzen|ansatzweise|luft nach oben|so eine sache(?! (, )?die)"
               r"|noch (\w+ )?offen"
               r"|nicht schriftlich"
               r"|so grob|grob ja|erste (uberlegungen|schritte|ansatze|ideen)|in den anfangen"),
    ("RATHER_NOT", r"eher nicht|eher nein|eher weniger|eher kaum|ich glaube nicht|ich denke nicht"
                   r"|glaube? ich nicht"
                   r"|wohl nicht|nicht wirklich|nicht so richtig|lieber nicht|bezweif\w*|zweifel\w*"
                   r"|fraglich"),
]  # fmt: skip
