"""Concept patterns, part 3: level phrases (how well the team masters something).

Scanned before the plain yes/no and degree words, so "nicht schlecht" is good, not a no.
"""

_LEVEL_PATTERNS: list[tuple[str, str]] = [
    # --- level phrases (before plain good / bad)
    ("KEIN_THEMA", r"(alles )?kein thema"),
    ("NO_PROBLEMS", r"keine probleme|kein stress|keine beschwerden|ohne probleme"
                    r"|kein problem damit"),
    ("WORKS", r"klappt|klappen|funktioniert|funktionieren"),
    ("MIXED", r"gemischt|heterogen|durchwachsen|mal so,? mal so|kommt (drauf|darauf) an|je nach"
              r"|manche gut,? manche|die (jungen|jungeren|azubis) (\w+ |, ){0,5}(die )?(alten"
              r"|alteren|meister)"),
    ("GOOD", r"nicht schlecht|gar nicht (so )?schlecht|nicht so schlecht|nicht (die )?schlechtesten"
             r"|nicht von gestern|uberdurchschnittlich\w*|above average|kaum probleme"),
    ("NOT_EXPERT",
     r"(keine|nicht|kein) (\w+ )?(profis?|experten?|expertenniveau|profi niveau|vorreiter|it firma"
     r"|freaks?|nerds?|cracks?)\b"
     r"|(profis?|experten?|vorreiter|bundesliga|profi niveau) (sind |spielen )?(wir )?(aber "
     r"|sicher |allerdings |naturlich )?(nicht|kein\w*)"
     r"|nicht auf (experten|profi)\w*|nicht mit einer it firma|nicht super"),
    ("NOT_LOW", r"keiner (ist )?(hier )?(total |ganz )?verloren|nicht die schlechtesten"),
    ("LOW",
     r"nicht gut|nicht so toll|schlecht\w*|schwach\w*|schwachpunkt|anfanger\w*|einsteiger"
     r"|blutige\w*"
     r"|laie\w*|gering\w*|mangelhaft|ungenugend|mies|mau|katastroph\w*|desast\w*|steinzeit"
     r"|kreidezeit|dinosaurier\w*|hapert|hapern|(im )?unteren bereich"
     r"|mittelalter|unterdurchschnittlich\w*|below average|durftig|oma ?niveau|omaniveau"
     r"|holzklasse|unterirdisch|ahnungslos"
     r"|hoffnungslos|digitalmuffel\w*|technikmuffel\w*"
     r"|nicht (gerade )?die hellsten"
     r"|uberfordert|unterentwickelt|nachholbedarf|nachzugler|fast nichts|sehr wenig|ganz am anfang"
     r"|am anfang|an allen ecken|note (5|6|funf|sechs)|nicht (so )?(der )?computermensch"
     r"|nichts am hut"
     r"|fur(s)? grobe|vergessen|gerade (mal|so)|und das wars|das sagt (eigentlich |wohl )?alles"
     r"|tun sich schwer|schwer\w*|schwierig\w*|kampfen|hilfe|allein nicht klar|nicht klar"
     r"|nicht (klarkommen|zurechtkommen|zurecht)"
     r"|nicht (konnen|kann) computer"
     r"|(eine|so eine|glatte) (vier|funf|sechs)(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|(vier|funf) (plus|minus)"
     r"|\b[0-3] von (10|zehn)\b"
     r"|bescheiden|unzureichend\w*|defizit\w*|duster|ruckstandig\w*|nicht auf der hohe"
     r"|(sind|ist|hinken|hangen|liegen) (\w+ ){0,2}(hinterher|zuruck)\b|hinterherhinken"
     r"|keine skills|wo ist das internet|(checkt|checken) (keiner|niemand|nix|nichts)"
     r"|(keiner|niemand) (\w+ ){0,3}(checkt|peilt|blickt durch)"),
    ("EXPERT",
     r"sehr gut\w*|super gut|richtig gut|echt gut|sehr fit|richtig fit|profi\w*|expert\w*"
     r"|exzellent|hervorragend|ausgezeichnet|bestens|perfekt|spitze|top|sehr hoch"
     r"|ausgesprochen hoch"
     r"|sehr stark|oberliga|bundesliga|champions league|informatiker\w*|informatik|entwickler"
     r"|nerds?|cracks?|macht uns (so schnell )?keiner was vor"
     r"|it team|it service"
     r"|zertifiz\w*|professionell\w*|note (1|eins)|hospitieren|ziemlich weit vorne"
     r"|it unternehmen anfangen"
     r"|eigene tools|selbst entwickeln|entwickeln (\w+ )*selbst|so gut,? dass"
     r"|(eine|so eine|glatte) eins(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|eins (plus|minus)|\b(9|10) von (10|zehn)\b"
     r"|erste sahne|\b1a\b|(technik|computer|it)?freaks?\b|technikfreak\w*|elite\w*"
     r"|tagliche\w* brot|wie (bei )?der nasa|wizards?\b|topfit|weit oben\b|ganz vorne\b"),
    ("BASIC",
     r"nicht so gut|nicht besonders( gut)?|nicht sonderlich( gut)?|geht so|mittel\w*"
     r"|durchschnitt\w*|einigermassen|ausreichend|so lala|solala|grundlegend\w*|grundkenntnis\w*"
     r"|grundkentnis\w*|grundlagen|basis\w*|basics|ausbaufahig|passabel|befriedigend|kreisklasse"
     r"|rudimentar\w*|hausgebrauch|luft nach oben"
     r"|weder fisch noch fleisch|das notigste|normal\w*|note (3|4|drei|vier)|so zwischen|mittelfeld"
     r"|anwenderkenntnis\w*|massig|nicht mehr,? nicht weniger|okay|wir kommen (durch|zurecht)"
     r"|kommen (durch|zurecht)|standardsachen|ein bisschen was|bisschen was"
     r"|(eine|so eine|glatte|solide) drei(?= [,.;:!?-]|$"
     r"| (plus|minus|mit|oder|bis|vielleicht|wurd\w*|sag\w*|ungefahr)\b)"
     r"|drei (plus|minus)|\b[4-6] von (10|zehn)\b"
     r"|(fur den alltag|furs notigste) (reicht|reichts|reicht s|genugt)"
     r"|(reicht|genugt) (\w+ ){0,2}fur den alltag|das notwendig(st)?e"
     r"|das (ubliche|normale)\b"),
    ("GOOD",
     r"ganz gut|recht gut|ziemlich gut|gut\w*|solide|fortgeschritten\w*|kompetent|versiert|fit"
     r"|lauft (\w+ )?rund|wie geschnitten\w* brot"
     r"|souveran\w*|alte hasen|routiniert|firm\b"
     r"|prima|ordentlich|sattelfest|sicher im umgang|kommen (alle )?(gut |super )?klar|eine zwei"
     r"|note (2|zwei)|oberen bereich|gut aufgestellt|keine probleme|keine beschwerden"
     r"|kriegen (das )?(gut )?hin|konnen (das)( schon)?|lernen schnell|beeindruckt|kein stress"
     r"|zwei (plus|minus)|\b[78] von (10|zehn)\b"
     r"|(kann|konnen) sich sehen lassen|geubt"),
]  # fmt: skip
