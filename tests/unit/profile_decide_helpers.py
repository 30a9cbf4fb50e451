"""Shared pieces of the profile-decision tests (``test_profile_decide_*.py``): the known
profiles the scored questions run with, and the rows of the decision table in
``test_profile_decide_table.py`` for messages during scored questions (kept here so that
module stays short)."""

FULL = {"employees": 6, "sector": "handwerk", "municipality": "hilden"}
F3 = {"employees": 5, "sector": "gastronomie", "municipality": "haan"}

SCORED_QUESTION_CASES = [
    # passing mentions during scored questions: nothing changes
    ("Ja, das hat uns ein Systemhaus aus Ratingen eingerichtet.", "tools_cloud", FULL, {}, {}),
    ("Nein, aber der Bäcker nebenan hat so was.", "online_website", FULL, {}, {}),
    (
        "Teilweise, unsere 12 Laptops haben Updates, die 3 alten PCs nicht.",
        "security_updates",
        FULL,
        {},
        {},
    ),
    (
        "Ja, unser Steuerbüro in Düsseldorf bekommt alles digital.",
        "processes_paperless",
        FULL,
        {},
        {},
    ),
    (
        "Nein, wir sind halt ein Handwerksbetrieb mit 6 Leuten, da lohnt sich das nicht.",
        "strategy_budget",
        FULL,
        {},
        {},
    ),
    ("Ruf mich an unter 02103 123456, dann erklär ich's.", "skills_level", FULL, {}, {}),
    ("Wir sind nicht in der Cloud, unsere Kunden in Ratingen schon.", "tools_cloud", FULL, {}, {}),
    (
        "Ja. Meine Schwester hat ein Café in Erkrath, die macht das auch so.",
        "online_listings",
        FULL,
        {},
        {},
    ),
    ("Seit 2019 nutzen wir das, für ca. 30 € im Monat.", "tools_cloud", FULL, {}, {}),
    # corrections during scored questions: proposed, never stored
    (
        "Korrektur: wir sitzen in Haan, nicht in Hilden.",
        "tools_cloud",
        FULL,
        {},
        {"municipality": "haan"},
    ),
    (
        "Ach, ich hab mich vertan: wir sind acht, nicht sechs.",
        "tools_cloud",
        FULL,
        {},
        {"employees": 8},
    ),
    ("Bitte die Branche auf Bau ändern.", "tools_cloud", FULL, {}, {"sector": "bau"}),
    (
        "Wir sind eigentlich eher ein Handelsbetrieb, wir verkaufen Werkzeug.",
        "tools_cloud",
        FULL,
        {},
        {"sector": "handel"},
    ),
    (
        "Ich muss was korrigieren: Unser Firmensitz ist Langenfeld.",
        "tools_cloud",
        FULL,
        {},
        {"municipality": "langenfeld"},
    ),
    ("Mitarbeiterzahl bitte auf 9 ändern", "tools_cloud", FULL, {}, {"employees": 9}),
    (
        "Sorry, falsche Stadt – Mettmann ist richtig.",
        "tools_cloud",
        FULL,
        {},
        {"municipality": "mettmann"},
    ),
    (
        "Oh, das war falsch mit dem Handwerk – wir sind eine Spedition.",
        "tools_cloud",
        FULL,
        {},
        {"sector": "logistik"},
    ),
    ("Hab mich verzählt, wir sind zu siebt.", "tools_cloud", FULL, {}, {"employees": 7}),
    (
        "Nein, das stimmt nicht, unser Kunde sitzt in Ratingen, wir in Hilden.",
        "tools_cloud",
        FULL,
        {},
        {},
    ),
    # correction of another slot while the profile is asked
    (
        "Moment, die Branche war falsch: wir sind Gastronomie. Ort ist Haan.",
        "municipality",
        {"employees": 4, "sector": "handel"},
        {"municipality": "haan"},
        {"sector": "gastronomie"},
    ),
]


def assert_decision(text, asked, current, stored, proposed):
    """The values a table row expects, read exactly; of those for empty slots, the table's
    ``stored`` is the most that may be stored at once. Whether a value is stated plainly enough
    to be stored without a confirmation is :func:`bot.nlu.profile._plain`'s business (tested
    in ``test_profile_decide_plain.py``): it only ever moves a value from stored to proposed."""
    from bot.nlu.profile import decide_profile

    got_stored, got_proposed = decide_profile(text, asked, current)
    assert {**got_stored, **got_proposed} == {**stored, **proposed}
    assert set(got_stored) <= set(stored)
    assert set(proposed) <= set(got_proposed)


def as_read(decision):
    """The values of a ``(stored, proposed)`` decision, stored at once or confirmed first."""
    stored, proposed = decision[:2]
    return {**proposed, **stored}
