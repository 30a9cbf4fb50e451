"""Concept patterns, part 6: generic degrees, plain yes/no words and negation words.

Scanned last: what is left after the specific phrases were consumed ("immer", "oft",
"nicht", "kein", "haben wir", "ja", "nein").
"""

from __future__ import annotations

from bot.nlu.answers.vocabulary import _ANALOG, _DIGITAL

_GENERIC_PATTERNS: list[tuple[str, str]] = [
    # --- generic degrees
    ("REGULAR", r"regelmass\w*"),
    ("MOSTLY", r"immer (ofter|haufiger|mehr)"),  # "immer öfter": increasingly, not always
    ("MOSTLY", r"oft|ofter\w*|haufig\w*"),
    ("MOSTLY", r"meistens|meist|in der regel|im regelfall|normalerweise|uberwiegend\w*"
               r"|grosstenteils"
               r"|zum grossten teil|weitgehend|fast immer|fast alle|fast alles|das meiste"
               r"|die meisten"
               r"|der grossteil|grossteil|mehrheit\w*|mehrzahl|im grossen und ganzen"
               r"|im wesentlichen"
               r"|tendenziell|viele"),
    ("ALWAYS", r"immer|jedes ?mal|durchgehend|durchgangig|stets|grundsatzlich|ausnahmslos"
               r"|ohne ausnahme|komplett|vollstandig|vollumfanglich|ausschliesslich|nur noch"
               r"|jede einzelne|jeder einzelne|immer aktuell|fester bestandteil|gehort zum"),
    ("PARTLY", r"teilweise|teilwei\w*|teils|zum teil|in teilen|bedingt|bisschen|jein|naja|na ja"
               r"|manche\w*|einige\w*|punktuell|stellenweise|geht so|mittel\w*"),
    ("FEW", r"ein paar|einzelne\w*|wenige|nur (ich|bei mir|fur mich|der chef|das buro|im buro|buro"
            r"|die azubis|ich und)"),
    ("ONLY", r"^nur (?!noch|wenn|wir|ich)\w+|nur (fur|bei|in|auf|im|beim) (\w+ ){0,2}\w+"
             r"|(kann|konnen|macht|geht|lauft|gilt|haben wir|hamwa) nur (\w+ ){0,2}\w+(?= [,.;:!?-]"
             r"|$)"
             r"|nur \w+(?= [,.;:!?-]|$)|lediglich (\w+ ){0,3}\w+"),
    ("HARDLY", r"kaum|wenig|nicht viel|nicht so viel"),
    ("NULL", r"null|zero"),
    ("NEVER", r"noch nie|nie|niemals|nie und nimmer|nirgends|nirgendwo"),
    ("LOCAL", r"lokal\w*|local|(bleibt|bleiben|liegt|liegen) (\w+ ){0,3}(bei uns|im haus|im buro"
              r"|auf dem (server|rechner|pc|nas|laptop)|auf der festplatte|im keller)"),
    ("PRODUCT", r"m365|microsoft 365|office 365|google workspace|workspace|nextcloud|sharepoint"
                r"|teams"
                r"|onedrive|icloud|datev|lexoffice|sevdesk|debitoor|erp|crm|handwerkersoftware"
                r"|branchensoftware"
                r"|bitwarden|keepass|1password|passwortmanager|vpn|intune|veeam|authenticator|2fa"
                r"|mfa"),
    ("YES", r"\w+gestutzt|\w+basiert|bin ich (das|selbst)|das bin ich|ich bin (das|es)\b"
            r"|(mache|mach|kummere) ich (mich )?(\w+ )?selbst|ich selbst"),
    ("ANALOG", _ANALOG),
    ("DIGITAL", _DIGITAL),
    ("ALL", r"alle|jeder|jede|alles|uberall|samtliche\w*"),
    ("NO", r"nicht|nichts|kein\w*|niemand|weder|fehlt|fehlen|verneinen|verneint"
           r"|brauch\w* (ich|wir|man) nicht|nicht notig|nicht erforderlich|abgeschaltet|gekundigt"
           r"|lass mal|leider|xnein|eingeschlafen|aufgegeben|im sande verlaufen|nicht mehr genutzt"
           r"|dagegen entschieden|gegen die nutzung|weggeklickt|wegklick\w*"
           r"|drucke? (\w+ )?weg|klick\w* (\w+ ){0,3}weg|zu kompliziert|zu umstandlich"
           r"|zu unsicher"),
    ("YES", r"trifft zu|zutreffend|zu bejahen|bejahen|bejaht|mit ja|ist der fall|dies ist der fall"
            r"|haben wir|hab ich|habe ich|machen wir|nutzen wir|tun wir|gibt es|vorhanden"
            r"|im einsatz"
            r"|ist bei uns so|^so ist es|(?<=, )so ist es|^(ja )?(das )?ist so(?= [,.;:!?]|$)|check"
            r"|positiv|passt|sichergestellt|standard|erledigt"
            r"|eingerichtet|gepflegt|drin|aktiv|funktioniert|klappt|lauft|geht gut|geht schon|geht"
            r"|wir (nutzen|haben|machen|setzen|verwenden|benutzen|arbeiten|tun)|(setzen|verwenden"
            r"|benutzen|arbeiten) wir"
            r"|lauft bei uns|im griff|kummert sich|kummern sich|kummere mich"
            r"|macht (das|dat)(?= [,.;:!?]|$)|mach ich(?= [,.;:!?]|$)"
            r"|machen (wir )?das(?= [,.;:!?]|$)"
            r"|wissen (die|sie|alle|bescheid|das)|weiss bescheid|wissen se|kennen (das|sich)"
            r"|bekannt|xja|genutzt|betreut"
            r"|eingeplant|festgelegt|beschlossen|verschieden|unterschiedlich|geschult|gelernt|geubt"
            r"|erklart"
            r"|(ich|wir|man|alle|jeder) (kann|konnen)|kommt (jeder|man) ran|sind (wir )?drin"
            r"|gemacht"
            r"|gibt (es )?eine?n?\b|\w*gestutzt|von (zu hause|unterwegs|uberall|daheim)|(muss"
            r"|brauche) (ich )?(mich )?um nichts (\w+ )?kummern|installiert|eingespielt|verwaltet"
            r"|aktualisiert|gepatcht"),
    ("YES_P", r"ja|doch|klar|genau|richtig|stimmt|korrekt|sicher|sicherlich|sowieso|durchaus"
              r"|freilich"
              r"|gewiss|jawohl|schon"),
    ("NO_P", r"nein"),
]  # fmt: skip
