"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
corrections of the profile during scored questions are proposed (confirmed first), never
stored.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from bot.nlu.profile import correction_targets, decide_profile, is_correction, read_profile
from tests.unit.profile_decide_helpers import F3


@pytest.mark.parametrize(
    ("text", "correction", "targets"),
    [
        ("Korrektur: Branche = IT", True, {"sector"}),
        ("bitte den Ort ändern", True, {"municipality"}),
        ("MA-Zahl korrigieren", True, {"employees"}),
        ("hab mich vertan", True, set()),
        ("wir sind eigentlich Maler", True, set()),
        ("Ja, eigentlich schon", False, set()),
        ("Für andere nicht", False, set()),
    ],
)
def test_correction_language(text, correction, targets):
    assert is_correction(text) is correction
    assert correction_targets(text) == targets


def test_a_correction_without_a_new_value_names_its_slot():
    reading = read_profile("Die Branche stimmt nicht.", None)
    assert reading.correction and reading.targets == {"sector"} and reading.values == {}


CORRECTIONS = [
    ("Können Sie bitte die Mitarbeiterzahl auf 12 korrigieren?", {"employees": 12}),
    ("Ach, eine Sache noch: wir sind in Hilden, nicht in Haan.", {"municipality": "hilden"}),
    ("Update: Wir sind jetzt 9 Leute.", {"employees": 9}),
    ("Die Mitarbeiterzahl stimmt so nicht mehr, wir sind jetzt 11.", {"employees": 11}),
    ("Falsch verstanden: nicht Haan, Hilden!", {"municipality": "hilden"}),
    ("Ich meinte Velbert, nicht Haan.", {"municipality": "velbert"}),
    ("Wir sind doch kein Café, sondern eine Bäckerei!", {"sector": "handwerk"}),
    ("Branche bitte auf Handel setzen.", {"sector": "handel"}),
    ("Nachtrag: mit Aushilfen sind wir 12.", {"employees": 12}),
    ("Kleine Änderung bei den Mitarbeitern: 15.", {"employees": 15}),
    ("Oh, nicht 5 sondern 7 Leute.", {"employees": 7}),
    ("Korrigiere: Sitz ist Mettmann", {"municipality": "mettmann"}),
    ("Das mit Haan stimmt nicht, wir sind in Erkrath-Hochdahl.", {"municipality": "erkrath"}),
    ("Sorry, hab Gastro angeklickt, wir sind aber ein Kiosk.", {"sector": "handel"}),
    ("ne warte, sin ja acht leute, nich fünf", {"employees": 8}),
    # the known value named and contrasted, the slot word first, English and dialect
    ("Hab vorhin fünf gesagt, aber richtig sind sechs... nee, sieben.", {"employees": 7}),
    ("wir sin doch zwölf nich fünf", {"employees": 12}),
    ("Korrekterweise müssten es 6 Beschäftigte sein, nicht 5.", {"employees": 6}),
    ("sorry typo, it's 8 not 5", {"employees": 8}),
    ("so 10 now instead of 5", {"employees": 10}),
    ("Branche: Handel", {"sector": "handel"}),
    ("Ändern: Monheim", {"municipality": "monheim"}),
    ("ey dat war verkehrt, Ratingen is richtich", {"municipality": "ratingen"}),
    ("oops my bad: 7 people, Mettmann 🙈", {"employees": 7, "municipality": "mettmann"}),
    ("dat war falsch, mit mir sinnet neun", {"employees": 9}),
    # a sorry, an "ach, eigentlich", a formal or a dialect aside, an English "earlier"
    ("Mitarbeiterzahl: 11, sorry", {"employees": 11}),
    ("ach, eigentlich 8 Leute", {"employees": 8}),
    ("Das mit den 5 stimmt übrigens nicht, es sind 6.", {"employees": 6}),
    ("Meine Angabe zur Betriebsgröße war unzutreffend: wir wären sieben.", {"employees": 7}),
    ("nochma zu die leute, dat sin zehn", {"employees": 10}),
    ("ach nä wir sin sechs hab den jupp vergessen", {"employees": 6}),
    ("ach ja un die branche is eigentlich handel", {"sector": "handel"}),
    ("wait, I typed 5 earlier – it's 9 incl. me", {"employees": 9}),
    ("also fix my profile pls: 4 ppl, city Hilden", {"employees": 4, "municipality": "hilden"}),
    ("correction: sector should be services", {"sector": "dienstleistung"}),
    # no correction language, or the number is no staff count: nothing
    ("Eigentlich nutzen nur 2 von 5 Leuten das Tool.", {}),
    ("Das Passwort ist nicht gut, 1234 überall, ich weiß.", {}),
    ("Bei einem Kunden in Velbert hat mal jemand auf eine falsche Rechnung geklickt.", {}),
    ("Wir sind inzwischen 9 Leute.", {"employees": 9}),  # a change the owner states: asked
    ("Ja, nicht alle Rechner haben das.", {}),
    ("Das Update läuft automatisch bei uns in Hilden.", {}),
    ("Ich meinte ja, wir nutzen die Cloud.", {}),
    ("Sorry, das weiß ich gerade nicht.", {}),
    ("nicht gut. meine Mitarbeiterin kann auch nicht, ich auch nicht", {}),
    ("not everyone tbh, one of them forwarded a scam to the team", {}),
    ("Bei uns alle machen Kasse am Tablet, das ist kein Problem, aber das macht mein Bruder.", {}),
    ("Computer nur ich, nicht mit Computer die anderen, zwei Leute", {}),
    ("Eine Schulung fände allenfalls statt, wenn 3 Leute neu anfangen.", {}),
    ("nä dat is keine gastro dat is en kiosk", {"sector": "handel"}),
    ("Mer sin nit in Haan, mer sin en Monheim!", {"municipality": "monheim"}),
    ("Übrigens sitzen wir nicht in Haan, sondern in Hilden.", {"municipality": "hilden"}),
    ("jo backup machen wa, ach un wir sin sieben nich fünf", {"employees": 7}),
    ("btw sector should be IT, not Gastro 🙏", {"sector": "it_medien"}),
    ("Meine vorherige Angabe war zu hoch gegriffen; tatsächlich sind es 4.", {"employees": 4}),
    ("Ich hab den 2 Verkäuferinnen gezeigt, wie so eine falsche Mail aussieht.", {}),
    ("Wir sind keine Computerfreaks, aber die 3 Leute im Büro sind fit.", {}),
    ("Wir sind nicht die Schlechtesten, wie die meisten Betriebe hier in Velbert.", {}),
    ("Das plane ich in Excel, daran wird sich bei uns 4 Leuten nichts ändern.", {}),
    ("Ach, eigentlich nutzen wir das jeden Tag.", {}),
    # the new value after "auf … ändern", the slot named, the category named, dialect denials
    (
        "Bitte die Mitarbeiterzahl auf 12 korrigieren, zwei Neue sind dazugekommen.",
        {"employees": 12},
    ),
    (
        "Ich muss etwas richtigstellen: Unser Sitz ist Velbert, in Haan ist nur das Lager.",
        {"municipality": "velbert"},
    ),
    ("Wir sind letztes Jahr von Hilden nach Monheim umgezogen.", {"municipality": "monheim"}),
    ("übrigens nich hilden, langenfeld is dat", {"municipality": "langenfeld"}),
    ("mach ma aus dem handwerk bau, wir machen nur rohbau", {"sector": "bau"}),
    ("Hab vergessen: wir sind ein Pflegedienst, nicht Gastronomie.", {"sector": "gesundheit"}),
    ("we're more of a shop than a craft business tbh, pls change to Handel", {"sector": "handel"}),
    (
        "Bitte Ort ändern, der Betrieb ist in Erkrath, nur ich wohne in Hilden.",
        {"municipality": "erkrath"},
    ),
    # a changed firm stated with a word of change; terse and formal corrections (dev17 kinds)
    ("Seit dem Frühjahr sind wir 8.", {"employees": 8}),
    ("mittlerweile sin wa zu zwölft", {"employees": 12}),
    ("Nutzen wir nicht, und wir sind übrigens nur noch drei.", {"employees": 3}),
    ("eigentlich Hilden", {"municipality": "hilden"}),
    ("eigentlich Logistik", {"sector": "logistik"}),
    ("Hilden, nicht Haan", {"municipality": "hilden"}),
    (
        "Backup machen wir nicht, und da passt auch die Branche nicht, wir sind ein Kiosk.",
        {"sector": "handel"},
    ),
    ("Könnten Sie die Branche auf Gesundheit und Pflege ändern?", {"sector": "gesundheit"}),
    (
        "Wir wären eher dem Handel zuzuordnen als der Gastronomie, wir verkaufen nur Kaffeebohnen.",
        {"sector": "handel"},
    ),
    ("weil wir eigentlich ein Bauunternehmen sind, kein Imbiss", {"sector": "bau"}),
    (
        "Mir fällt gerade auf, dass ich Haan gesagt habe, wir sitzen aber in Hilden.",
        {"municipality": "hilden"},
    ),
    (
        "Die Zahl der Beschäftigten wäre mit 7 anzugeben; die genannten 5 waren versehentlich "
        "zu niedrig.",
        {"employees": 7},
    ),
]


@pytest.mark.parametrize(("text", "proposed"), CORRECTIONS)
def test_explicit_corrections_are_never_ignored(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "stored", "proposed"),
    [
        # the new count of a replacement is proposed, the old one and a subset are not
        (
            "Wir sind nicht sechs, sondern 16 Leute. Sechs sind nur in der Werkstatt.",
            {},
            {"employees": 16},
        ),
        ("Korrektur: bitte 11 statt 3.", {}, {"employees": 11}),
        ("Es sind 7, nicht 3 – verschrieben.", {}, {"employees": 7}),
        # years and times are no counts
        ("Korrektur: gegründet 2011 statt 2013.", {}, {}),
        ("Ich meinte: Termine um 9 statt 10 Uhr.", {}, {}),
        ("Korrektur: bei Frage 7 statt 8 ändern", {}, {}),
    ],
)
def test_replacements_in_a_correction(text, stored, proposed):
    current = {"employees": 3, "sector": "handel", "municipality": "hilden"}
    assert decide_profile(text, "tools_cloud", current) == (stored, proposed)


def test_lieber_eintragen_is_a_correction():
    current = {"employees": 3, "sector": "handel", "municipality": "hilden"}
    text = "Als Branche lieber Gesundheit eintragen, wir sind eine Physiopraxis."
    assert decide_profile(text, "tools_cloud", current) == ({}, {"sector": "gesundheit"})


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("nä, wir sin in Velbert, nich in Haan", {"municipality": "velbert"}),
        ("we moved, we're in Mettmann now", {"municipality": "mettmann"}),
        ("pls update headcount to 8", {"employees": 8}),
        ("Anders als anfangs angegeben sind wir sieben und nicht fünf.", {"employees": 7}),
        ("Wir sind inzwischen zu sechst, ein Azubi ist dazugekommen.", {"employees": 6}),
        ("oh wait, we're 9 now", {"employees": 9}),
        ("ich bin nicht Gastronomie, ich bin Bäckerei", {"sector": "handwerk"}),
    ],
)
def test_corrections_in_dialect_english_and_second_language(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("Die zuvor genannte Zahl ist veraltet, inzwischen sind es neun.", {"employees": 9}),
        ("Mitarbeiter bitte 7 schreiben, neuer Azubi.", {"employees": 7}),
        ("übrigens sin wa sieben nich fünf", {"employees": 7}),
        ("Ich habe gesagt fünf aber wir sind sechs mit meine Schwester.", {"employees": 6}),
        ("dat is hilden nich haan", {"municipality": "hilden"}),
        ("Branche eigentlich Handel", {"sector": "handel"}),
        ("Unseren Firmensitz haben wir nach Ratingen verlegt.", {"municipality": "ratingen"}),
        ("btw headcount is off, we're 8 incl. me", {"employees": 8}),
    ],
)
def test_corrections_in_formal_german_dialect_and_english(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("Ort stimmt nicht: Hilden", {"municipality": "hilden"}),
        ("btw we're not a restaurant anymore, pure retail now → Handel", {"sector": "handel"}),
        ("Übrigens sind wir eher Handel als Gastronomie.", {"sector": "handel"}),
        ("ach un die firma is in hilden nich haan", {"municipality": "hilden"}),
        ("we're not a restaurant, we build hardware → production", {"sector": "produktion"}),
    ],
)
def test_corrections_with_a_colon_an_arrow_or_eher_als(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("nein. wir sind 8.", {"employees": 8}),
        ("Ja. Ort: Hilden.", {"municipality": "hilden"}),
        ("Sitz ist Mettmann.", {"municipality": "mettmann"}),
        ("Teilweise. Sind jetzt 4.", {"employees": 4}),
        ("Ja. Jetzt zu sechst!", {"employees": 6}),
    ],
)
def test_the_slot_named_with_a_new_value_or_a_short_staff_statement(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        (
            "Nein. Übrigens stimmt die Branche nicht: Wir sind eine Apotheke.",
            {"sector": "gesundheit"},
        ),
        ("Ja. Achso, wir sind übrigens nach Mettmann gezogen.", {"municipality": "mettmann"}),
        ("Und Branche bitte Handel, wir verkaufen nur.", {"sector": "handel"}),
        ("Die Branche passt, aber die Mitarbeiterzahl ist 9.", {"employees": 9}),
        ("die Azubis hatte ich vorhin nicht mitgezählt, das wären dann acht", {"employees": 8}),
        ("Können Sie das auf Handel setzen?", {"sector": "handel"}),
        ("Ja. Doch nur 4 Leute.", {"employees": 4}),
    ],
)
def test_corrections_buried_in_an_answer(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("headcount 5 → 8, two new devs 🎉", {"employees": 8}),
        ("Sind übrigens 7.", {"employees": 7}),
        ("nein. Standort Langenfeld.", {"municipality": "langenfeld"}),
        ("Ja. Wir sitzen in Hilden.", {"municipality": "hilden"}),
        ("ja. 7 mit mir.", {"employees": 7}),
        ("mach ma haan wech, wir sin in hilden", {"municipality": "hilden"}),
        ("Firma nicht Gastro, ist Spedition.", {"sector": "logistik"}),
        ("Ich möchte die Beschäftigtenzahl auf neun berichtigen.", {"employees": 9}),
    ],
)
def test_terse_and_arrow_corrections(text, proposed):
    assert decide_profile(text, "tools_cloud", F3) == ({}, proposed)
