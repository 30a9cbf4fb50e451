"""Word lists for clauses: split words, clause roles, particles and modal contexts.

Words are folded (no umlauts, ß -> ss). The role sets name the first word that makes a
clause a contrast, concession, condition, reason, verdict ...; the particle sets decide
when "ja", "doch", "schon" are an answer and when they are modal.
"""

# Answer particles that only count at a clause edge (elsewhere "ja", "doch", "schon" are modal).
_EDGE_PARTICLES = frozenset(
    ["ja", "doch", "klar", "genau", "richtig", "sicher", "sicherlich", "schon"]
)
_MODAL_BEFORE = frozenset(
    [
        "ist",
        "sind",
        "war",
        "waren",
        "hat",
        "haben",
        "habe",
        "hab",
        "finde",
        "finden",
        "weiss",
        "kann",
        "konnen",
        "muss",
        "mussen",
        "macht",
        "mache",
        "machen",
        "geht",
        "gibt",
        "sagt",
        "sage",
        "denke",
        "glaube",
        "meine",
        "wissen",
        "ware",
        "waren",
        "sei",
        "es",
        "das",
        "man",
        "wir",
        "ich",
        "sie",
        "er",
        "die",
        "der",
        "den",
        "dem",
        "wie",
        "was",
        "so",
        "auch",
        "eh",
    ]
)

# Clause roles from their first word (folded).
_CONTRAST = frozenset(
    [
        "aber",
        "jedoch",
        "allerdings",
        "nur",
        "ausser",
        "sonst",
        "ansonsten",
        "hingegen",
        "dagegen",
        "wahrend",
        "trotzdem",
        "dennoch",
        "sondern",
        "bloss",
        "lediglich",
        "bis",
    ]
)
_CONCESSIVE = frozenset(["obwohl", "obgleich", "obschon", "wenngleich", "wobei", "zwar"])
_CONDITION = frozenset(["wenn", "falls", "sofern", "solange", "sobald"])
_REASON = frozenset(["weil", "denn"])
_EMBEDDED = frozenset(["ob"])
_KNOWING = frozenset(
    {
        "sagen", "sage", "sagt", "wissen", "weiss", "weis", "beurteilen", "einschatzen",
        "erklaren", "fragen", "gefragt", "verstehen", "gesehen", "nachgeschaut", "geklart",
    }
)  # fmt: skip
_VERDICT = frozenset(
    [
        "also",
        "daher",
        "deshalb",
        "deswegen",
        "sodass",
        "insgesamt",
        "fazit",
        "kurzum",
        "sprich",
        "somit",
        "folglich",
        "zusammengenommen",
        "demnach",
    ]
)
_SPLIT_WORDS = (_CONTRAST - {"nur", "lediglich", "bloss", "bis"}) | _CONCESSIVE | _VERDICT | _REASON
_SPLIT_WORDS |= {"seitdem", "ob", "bis"}
_NO_MID_SPLIT = frozenset(
    ["zwar", "jedoch", "allerdings", "hingegen", "dagegen", "wiederum", "trotzdem", "dennoch"]
)
_PARTICLE_WORDS = frozenset(
    ["ja", "nein", "schon", "nicht", "doch", "teilweise", "klar", "jein", "eher", "nie", "immer"]
)
_LEAD_WORDS = frozenset(["ja", "nein", "doch", "jein", "klar", "genau"])
_DETERMINERS = frozenset(
    [
        "unser",
        "unsere",
        "dieser",
        "diese",
        "dieses",
        "wir",
        "die",
        "der",
        "das",
        "es",
        "ich",
        "sie",
        "mir",
        "man",
        "er",
        "ein",
        "eine",
    ]
)
_RELATIVE = frozenset(
    [
        "den",
        "dem",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "wo",
        "womit",
        "worin",
    ]
)
_ARTICLE_RELATIVE = frozenset(["der", "die", "das"])
_SUBJECTS = frozenset(["ich", "wir", "er", "sie", "man", "jeder", "keiner", "du", "ihr", "es"])
_SUBORDINATE = frozenset(
    ["concessive", "reported", "reason", "relative", "embedded", "question", "condition"]
)
_MID_CONTRAST = frozenset(["hingegen", "jedoch", "allerdings", "dagegen", "wiederum", "aber"])
