"""Concept patterns, part 1: questions back, meta talk, rhetorical refusals and idioms.

Scanned first (see :mod:`bot.nlu.answers.concepts`): questions back and interruptions carry
no answer (``CONFUSED``); rhetorical refusals, double negations ("geht nicht ohne" is a
yes) and "not that I knew" idioms must be consumed before their words are read literally.
"""

_META_PATTERNS: list[tuple[str, str]] = [
    # --- questions back, interruptions, meta talk: no answer in them
    ("CONFUSED",
     r"was (meinen|meinst|meint) (sie|du|ihr)|wie (meinen|meinst) (sie|du)|meinen sie (mit|damit)"
     r"|was (ist|sind|bedeutet|bedeuten|heisst) (denn |genau |eigentlich )?"
     r"(ein|eine|einen|der|die|das|mit|unter|hier|so|so ein|denn|genau|ein zweiter)\b"
     r"|was (heisst|heißt) (hier|denn|das)|ich nicht verstehe"
     # "ich verstehe nicht viel davon" rates oneself; it asks nothing
     r"|versteh\w* (ich )?(nicht|kein)"
     r"(?! (viel|genug|davon|so viel|so richtig|so gut|mehr|alles)\b)"
     r"|nicht verstanden|wie bitte|erklaren sie|erklar (mal|das|mir)|erklarung|(\w+ )?erklaren\?"
     r"|wiederholen|noch (mal|einmal) (die frage|fragen|stellen)"
     r"|nochmal fragen|was war (noch mal|nochmal) die frage|die frage (bitte )?(noch|nochmal)"
     r"|(?<!ist )(?<!so )(eine|kurze|kleine) (frage|ruckfrage|vorfrage)|ruckfrage|vorfrage"
     r"|bevor ich (das )?(antworte|beantworte)"
     r"|(vorab|zunachst|erst mal|erstmal) fragen|darf ich (fragen|zunachst|vorab)|gestatten sie"
     r"|^(ha|hah|hae)\b|einen moment|moment bitte|kurz unterbrechen|gleich zuruck|weitermachen"
     r"|spater weiter|wie lange? (dauert|noch)|was bringt (mir|uns|das)|warum (fragen|wollen) sie"
     r"|wozu die frage|was hat (das|es) mit|worum geht|was (genau )?(wollt|wollen) (ihr|sie) wissen"
     r"|was zahlt (denn |alles )?(als|zu)|(zahlt|zahlen|gilt|gelten) (das|es|ein|eine|auch|dazu"
     r"|denn|notion|icloud|whatsapp)\b"
     r"|wie wird das wetter|ich dachte,? (das|es) geht um|nur wissen,? ob|gibt es (dafur "
     r"|da )?(eine )?forderung"
     r"|link zu|mehr machen,? die|ich nicht kenne"
     r"|(ich )?(kenne|kennen) (ich )?(das |es )?nicht(?! (so|gut|genug|viel|alle|jede)\b)"
     r"|nie gehort"
     r"|^moment\b|gleich wieder da|bin (gleich|kurz) (wieder )?(zuruck|da|weg)|muss kurz weg"
     r"|was soll (das|dies) (hier|eigentlich|alles|ganze)|was soll der (quatsch|mist|unsinn)"
     r"|rufen sie (mich )?(\w+ ){0,3}(an|zuruck)|zuruckrufen|ruckruf|(erreichen|anrufen) sie mich"
     r"|meine (telefon|handy)?nummer (ist|lautet)|meine (e mail|mail) ?adresse (ist|lautet)"
     r"|mit (einem|einer) (ansprechpartner\w*|menschen|person) sprechen|echten menschen"
     r"|sind sie ein (bot|roboter|mensch)|bist du ein (bot|roboter|mensch)|wie viele fragen"
     r"|was speichern sie|ich heisse"
     r"|was (das|es|dies) (bedeuten|heissen|soll)\w*|was (sie|du|ihr) (meinen|meinst|meint)"),
    # --- rhetorical refusal ("wat soll ich da groß planen")
    ("RHETORIC_NO",
     r"(was|warum|wieso|wozu|wo|wie|wofur) soll(te|ten|en|st)? (ich|man|wir|das|da|denn)\b"
     r"|wovon denn|wofur denn|^wozu( denn)?( \?| \.| xhmm| xoops)*$|wozu brauch\w*"
     r"|wer braucht (das|sowas|so was)|(sehe|seh) (ich )?keinen grund"),
    # --- "ohne X würden wir nicht ..." / "geht nicht ohne": a double negation is a yes
    ("YES_STRONG",
     r"(geht|gehts|ginge|lauft|laufen|arbeiten) (es )?(bei uns )?(gar |ja )?nicht (mehr )?ohne"
     r"|ohne (\w+ ){1,3}(wurde|wurden|konnte|konnten|ware|waren|ginge) (\w+ ){0,5}(nicht|verruckt"
     r"|aufgeschmissen)"
     r"|ware (es )?(ja )?(fatal|peinlich|schlimm),? wenn"
     r"|kein thema mehr,? seit|nicht mehr wegzudenken"
     r"|fallt (da )?(fast )?keiner mehr (drauf )?rein"),
    # --- "mir wäre nicht bekannt, dass ..." / "nicht dass ich wüsste": no, not don't-know
    ("NEVER", r"(mir )?(ware|ist) (mir )?nicht bekannt,? dass|nicht dass ich (wusste|wuste)"
              r"|steht (\w+ )?(nur |bloss )?(rum|herum)|verstaubt|ungenutzt"),
    ("NOT_GREAT", r"nicht so (doll|toll|dolle|prickelnd|berauschend|der hit|der hammer)"
                  r"|nicht (gerade )?berauschend"
                  r"|nicht das gelbe vom ei|eher mau"),
    ("NO", r"sicher ist (was|etwas|watt) anderes"
           r"|uberall (das )?(gleiche|selbe|dasselbe)|dasselbe passwort|(das )?gleiche passwort"
           r"|ein passwort fur alles"
           r"|(sehen|sehe) (wir|ich) (\w+ ){0,8}ab(?= [,.;:!?-]|$)|verzicht\w*|nicht (ein)?geplant"
           r"|ungeplant"),
]  # fmt: skip
