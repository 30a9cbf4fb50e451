"""The profile decision shared by the form and the benchmark (bot.nlu.profile.decide_profile):
staff, sector and town answers in various registers, traps and corrections.

Examples are written for these tests (not taken from the corpus).
"""

import pytest

from tests.unit.profile_decide_helpers import assert_decision

F2 = {"employees": 5, "sector": "gastronomie", "municipality": "ratingen"}


E = {}


REGISTERS = [
    # staff, various registers
    ("mir sin zu sechst, mit dem Chef", "employees", E, {"employees": 6}, {}),
    ("dat sin fünf Mann inklusiv mich", "employees", E, {"employees": 5}, {}),
    ("we are a team of seven incl. me", "employees", E, {"employees": 7}, {}),
    ("just 3 of us 🙂", "employees", E, {"employees": 3}, {}),
    ("me + 4 guys", "employees", E, {"employees": 5}, {}),
    ("Ich habe 3 Mitarbeiter und ich selbst arbeite auch.", "employees", E, {"employees": 4}, {}),
    ("In meine Firma arbeiten 6 Personen.", "employees", E, {"employees": 6}, {}),
    ("Wir sind 4 Personen mit mir.", "employees", E, {"employees": 4}, {}),
    (
        "Es sind ungefähr zwanzig bis fünfundzwanzig Leute, je nach Saison.",
        "employees",
        E,
        {},
        {"employees": 22},  # a range: its middle is confirmed first
    ),
    ("Vierzehn, aber zwei davon sind in Elternzeit.", "employees", E, {"employees": 14}, {}),
    ("Insgesamt elf – acht in Vollzeit, drei in Teilzeit.", "employees", E, {"employees": 11}, {}),
    (
        "Ich und meine Frau, plus drei Aushilfen am Wochenende.",
        "employees",
        E,
        {"employees": 5},
        {},
    ),
    ("Bei uns schaffen 9 Leut.", "employees", E, {"employees": 9}, {}),
    ("Gut zwei Dutzend.", "employees", E, {"employees": 24}, {}),
    ("Sechs. Also mit mir sieben.", "employees", E, {"employees": 7}, {}),
    ("Keine Ahnung genau, irgendwas zwischen 30 und 40.", "employees", E, {}, {"employees": 35}),
    ("Unser Team besteht aus 8 Leuten.", "employees", E, {"employees": 8}, {}),
    ("Wir sind ein Zweipersonenbetrieb.", "employees", E, {}, {}),
    (
        "Momentan nur meine Frau und ich, ab Januar kommt ein Azubi dazu.",
        "employees",
        E,
        {"employees": 2},
        {},
    ),
    ("Wir waren mal 20, jetzt sind es nur noch 12.", "employees", E, {"employees": 12}, {}),
    # traps with employees asked
    ("Unsere Nummer ist 02104 / 8 77 66", "employees", E, {}, {}),
    ("Wir haben 300 Kunden im Monat.", "employees", E, {}, {}),
    ("Wir fahren 15 LKW.", "employees", E, {}, {}),
    ("Wir haben 2 Filialen und 5 Transporter.", "employees", E, {}, {}),
    ("Die Halle ist 500 m² groß.", "employees", E, {}, {}),
    ("Wir sind seit 2005 im Geschäft.", "employees", E, {}, {}),
    ("Öffnungszeiten 8-20 Uhr", "employees", E, {}, {}),
    ("Mein Stundenlohn ist 60 Euro.", "employees", E, {}, {}),
    ("Wir machen 90% unseres Umsatzes online.", "employees", E, {}, {}),
    ("PLZ 40721", "employees", E, {}, {}),
    ("Wir haben 12 Mitarbeiter und 30 Fahrzeuge.", "employees", E, {"employees": 12}, {}),
    ("Unser Lager hat 3 Rampen und wir sind 10 Leute.", "employees", E, {"employees": 10}, {}),
    ("Am 1.4. fangen zwei Neue an, dann sind wir 9.", "employees", E, {}, {}),
    # sector asked
    ("Wir sind ein Sonnenstudio.", "sector", {"employees": 3}, {"sector": "dienstleistung"}, {}),
    ("Ich mache Hochzeitsfotografie.", "sector", {"employees": 1}, {"sector": "it_medien"}, {}),
    ("we run a small bakery 🥐", "sector", {"employees": 3}, {"sector": "handwerk"}, {}),
    (
        "Mein Mann ist Elektriker, ich hab einen Blumenladen.",
        "sector",
        {"employees": 2},
        {"sector": "handel"},
        {},
    ),
    ("Wir haben eine Gärtnerei.", "sector", {"employees": 4}, {"sector": "sonstiges"}, {}),
    ("Getränkelieferung an Gastronomie", "sector", {"employees": 4}, {"sector": "logistik"}, {}),
    (
        "Wir sind Zulieferer für die Autoindustrie, wir fräsen Teile.",
        "sector",
        {"employees": 40},
        {"sector": "produktion"},
        {},
    ),
    ("Steuerberatung", "sector", {"employees": 4}, {"sector": "dienstleistung"}, {}),
    # town asked
    (
        "In Ratingen, Ortsteil Hösel.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "ratingen"},
        {},
    ),
    (
        "Unsere Firma ist in Monheim, ich komme aus Köln.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "monheim"},
        {},
    ),
    (
        "Wir sind in D'dorf-Gerresheim.",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "duesseldorf"},
        {},
    ),
    (
        "nicht im Kreis, wir sind in Remscheid",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "andere"},
        {},
    ),
    (
        "Langenfeld, direkt an der Grenze zu Monheim",
        "municipality",
        {"employees": 3, "sector": "bau"},
        {"municipality": "langenfeld"},
        {},
    ),
    # passing during scored questions
    ("Ja, wir nutzen das, die Bäckerei nebenan auch.", "tools_cloud", F2, {}, {}),
    ("Nein, nur unser Kunde in Hilden hat sowas.", "tools_cloud", F2, {}, {}),
    ("Ja, alle 8 Rechner.", "security_updates", F2, {}, {}),
    ("Teilweise, drei von fünf Kollegen.", "skills_training", F2, {}, {}),
    ("Wir sind ja nur fünf Leute, da braucht man das nicht.", "strategy_goals", F2, {}, {}),
    ("Eigentlich nicht, wir sind zu klein.", "strategy_goals", F2, {}, {}),
    ("Hab ich falsch verstanden, was meinen Sie?", "tools_cloud", F2, {}, {}),
    ("Nein, das war falsch, ich meinte ja.", "tools_cloud", F2, {}, {}),
    # corrections
    (
        "Kleine Korrektur: wir sind nicht in Ratingen, sondern in Heiligenhaus.",
        "tools_cloud",
        F2,
        {},
        {"municipality": "heiligenhaus"},
    ),
    (
        "Ich hab mich bei der Mitarbeiterzahl vertan, es sind sieben.",
        "tools_cloud",
        F2,
        {},
        {"employees": 7},
    ),
    (
        "Bitte ändern: wir sind ein Hotel, keine Kneipe.",
        "tools_cloud",
        {"employees": 5, "sector": "sonstiges", "municipality": "ratingen"},
        {},
        {"sector": "gastronomie"},
    ),
    ("Sorry, wrong number, we're 9 not 5", "tools_cloud", F2, {}, {"employees": 9}),
    ("Die Stadt stimmt nicht, es ist Erkrath.", "tools_cloud", F2, {}, {"municipality": "erkrath"}),
]


@pytest.mark.parametrize(("text", "asked", "current", "stored", "proposed"), REGISTERS)
def test_registers_traps_and_corrections(text, asked, current, stored, proposed):
    assert_decision(text, asked, current, stored, proposed)
