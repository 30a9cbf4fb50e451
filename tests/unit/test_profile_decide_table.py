"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile): the
table of what a message stores at once while the profile is asked, what it only proposes
(confirmed first), and what it must not touch.

Examples are written for these tests (not taken from the corpus); the rows for messages during
scored questions are in profile_decide_helpers.py.
"""

import pytest

from tests.unit.profile_decide_helpers import SCORED_QUESTION_CASES, assert_decision

CASES = [
    # combined while the profile is asked
    (
        "Dachdeckerei in Velbert-Langenberg, wir sind elf",
        "employees",
        {},
        {"employees": 11, "sector": "handwerk", "municipality": "velbert"},
        {},
    ),
    (
        "Ich betreibe ein kleines Nagelstudio in Mettmann, nur ich.",
        "employees",
        {},
        {"employees": 1, "sector": "dienstleistung", "municipality": "mettmann"},
        {},
    ),
    (
        "Zahnarztpraxis, Ratingen-Lintorf, 9 Mitarbeiterinnen",
        "employees",
        {},
        {"employees": 9, "sector": "gesundheit", "municipality": "ratingen"},
        {},
    ),
    (
        "Wir sind ein Weinhandel aus Langenfeld, zu dritt.",
        "employees",
        {},
        {"employees": 3, "sector": "handel", "municipality": "langenfeld"},
        {},
    ),
    (
        "Spedition in Wülfrath, 40 Fahrer und 5 im Büro",
        "employees",
        {},
        {"employees": 45, "sector": "logistik", "municipality": "wuelfrath"},
        {},
    ),
    (
        "Eisdiele, Haan, 4 Leute im Sommer",
        "employees",
        {},
        {"employees": 4, "sector": "gastronomie", "municipality": "haan"},
        {},
    ),
    (
        "Unsere Druckerei sitzt in Heiligenhaus, 22 Leute.",
        "employees",
        {},
        {"employees": 22, "municipality": "heiligenhaus"},
        {"sector": "produktion"},  # the firm's noun without "wir sind": confirmed first
    ),
    (
        "Softwarefirma, Düsseldorf-Bilk, 14 Entwickler plus ich",
        "employees",
        {},
        {"employees": 15, "sector": "it_medien", "municipality": "duesseldorf"},
        {},
    ),
    # sector asked
    (
        "Wir reparieren Fahrräder und verkaufen E-Bikes.",
        "sector",
        {"employees": 3},
        {},
        {"sector": "handwerk"},  # repair or trade: close rivals, confirmed first
    ),
    (
        "Früher Gastronomie, heute eine Werbeagentur.",
        "sector",
        {"employees": 3},
        {"sector": "it_medien"},
        {},
    ),
    ("Wir sind ein Reisebüro.", "sector", {"employees": 3}, {"sector": "dienstleistung"}, {}),
    ("Bäckerei mit Café", "sector", {"employees": 3}, {"sector": "handwerk"}, {}),
    ("Hausarztpraxis", "sector", {"employees": 3}, {"sector": "gesundheit"}, {}),
    (
        "Wir bauen Einfamilienhäuser schlüsselfertig.",
        "sector",
        {"employees": 3},
        {"sector": "bau"},
        {},
    ),
    ("Kurierdienst für Apotheken", "sector", {"employees": 3}, {"sector": "logistik"}, {}),
    ("Steuerbüro", "sector", {"employees": 3}, {"sector": "dienstleistung"}, {}),
    ("Ich habe eine Tierarztpraxis.", "sector", {"employees": 3}, {"sector": "gesundheit"}, {}),
    ("Elektrikr", "sector", {"employees": 3}, {}, {"sector": "handwerk"}),  # a typo: confirm
    ("Landwirtschaft mit Hofladen", "sector", {"employees": 3}, {"sector": "sonstiges"}, {}),
    # town asked
    (
        "Wir sind in Hochdahl.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "erkrath"},
        {},
    ),
    (
        "Firmensitz Monheim, Lager in Leverkusen",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "monheim"},
        {},
    ),
    (
        "Ich wohne in Haan, die Firma ist aber in Solingen.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "andere"},
        {},
    ),
    (
        "Bis 2018 in Essen, seitdem in Velbert.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "velbert"},
        {},
    ),
    (
        "Kaiserswerth",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "duesseldorf"},
        {},
    ),
    (
        "Wir sind in Erkrath, unsere Kunden sitzen meistens in Düsseldorf.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "erkrath"},
        {},
    ),
    (
        "An der Ratinger Straße in Heiligenhaus",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "heiligenhaus"},
        {},
    ),
    (
        "Mettmann, aber wir arbeiten viel in Wuppertal",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "mettmann"},
        {},
    ),
    (
        "ganz woanders, in Bielefeld",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "andere"},
        {},
    ),
    *SCORED_QUESTION_CASES,
    # staff asked, traps with placeholders
    ("Erreichbar unter [TELEFON], wir sind zu viert.", "employees", {}, {"employees": 4}, {}),
    ("[NAME], [ADRESSE], [PLZ] Ratingen", "employees", {}, {"municipality": "ratingen"}, {}),
    ("Öffnungszeiten Mo–Fr 7–18 Uhr", "employees", {}, {}, {}),
    ("Seit 1996, Tel 0211/556677", "employees", {}, {}, {}),
    # owner on top, said in passing or in learner's German; departments without "in"
    (
        "Zwei Gesellen, ein Azubi, und ich bin ja auch noch da.",
        "employees",
        {},
        {"employees": 4},
        {},
    ),
    ("Neun Leute, ich nicht zählen", "employees", {}, {"employees": 10}, {}),
    ("drei Monteure plus ich", "employees", {}, {"employees": 4}, {}),
    (
        "Wir sind 6. Den Steuerberater würde ich nicht mitzählen.",
        "employees",
        {},
        {"employees": 6},
        {},
    ),
    ("2 leute theke und 3 küche, ich bin auch da", "employees", {}, {"employees": 6}, {}),
    ("Vier Gesellen und die Dame am Empfang", "employees", {}, {"employees": 5}, {}),
    ("mein bruder un ich un zwei stifte", "employees", {}, {"employees": 4}, {}),
    (
        "Ohne Inhaber 17 Beschäftigte, mit der Geschäftsleitung 19.",
        "employees",
        {},
        {},
        {"employees": 19},
    ),
    ("Mit mir, drei Verkäuferinnen und einem Azubi", "employees", {}, {"employees": 5}, {}),
    ("Wir sind mit mir 5, und alle in Vollzeit.", "employees", {}, {"employees": 5}, {}),
    (
        "Ich, zwei angestellte Fliesenleger und meine Frau",
        "employees",
        {},
        {"employees": 4},
        {"sector": "handwerk"},
    ),
    ("crew of 9 humans incl. me", "employees", {}, {"employees": 9}, {}),
    ("just the two of us (me + my co-founder)", "employees", {}, {"employees": 2}, {}),
    ("Wir sind neun, nee, zehn mit dem neuen Lehrling.", "employees", {}, {}, {"employees": 10}),
    ("zwölf – halt, dreizehn", "employees", {}, {}, {"employees": 13}),
    ("Vier Festangestellte, ich bin der fünfte.", "employees", {}, {"employees": 5}, {}),
    ("Wir sind zu viert, ich bin die vierte.", "employees", {}, {"employees": 4}, {}),
    ("Da müsste ich erst Rücksprache mit meiner Buchhalterin halten.", "employees", {}, {}, {}),
    (
        "Wir zählen uns zum Gesundheitsbereich, Optiker mit 3 Leuten",
        "employees",
        {},
        {"employees": 3, "sector": "gesundheit"},
        {},
    ),
    # sectors: the activity decides, not a comparison or a negated verb
    ("Wir entwickeln Apps für Fitnessstudios", "sector", {}, {"sector": "it_medien"}, {}),
    (
        "Sieht aus wie eine Werkstatt, aber wir vermieten nur Lagerplätze und kommissionieren",
        "sector",
        {},
        {"sector": "logistik"},
        {},
    ),
    ("Obstbaubetrieb mit Hofladen", "sector", {}, {"sector": "sonstiges"}, {}),
    ("B2B SaaS", "sector", {}, {"sector": "it_medien"}, {}),
    ("Einzelbetrieb, ohne weitere Mitarbeiter", "employees", {}, {"employees": 1}, {}),
    (
        "Wir fertigen Zahnräder, Ratingen, 14 Leute",
        "employees",
        {},
        {"employees": 14, "municipality": "ratingen"},
        {},
    ),
    (
        "Die Firma, eine Agentur mit Sitz in Haan, hat 6 Leute",
        "employees",
        {},
        {"employees": 6, "municipality": "haan"},
        {"sector": "it_medien"},
    ),
    (
        "Wir arbeiten mit einer Agentur in Hilden, sind 6 Leute",
        "employees",
        {},
        {"employees": 6},
        {},
    ),
    # towns: a seat word after the name, a court is not the seat, a street after a comma
    (
        "Wir sind in Haan gemeldet, arbeiten aber operativ meist in Solingen",
        "municipality",
        {},
        {"municipality": "haan"},
        {},
    ),
    (
        "Registergericht Düsseldorf, Firmensitz Monheim",
        "municipality",
        {},
        {"municipality": "monheim"},
        {},
    ),
    ("Ratingen, Bahnstraße", "municipality", {}, {"municipality": "ratingen"}, {}),
]


@pytest.mark.parametrize(("text", "asked", "current", "stored", "proposed"), CASES)
def test_decide_profile(text, asked, current, stored, proposed):
    assert_decision(text, asked, current, stored, proposed)
