"""Staff counts from owners' own words (bot.nlu.numbers.read_staff), one group per failure kind.

Examples are written for these tests (not taken from the corpus). ``lenient`` is the reading
for an answer to "Wie viele Beschäftigte …?"; strict is for every other message.
"""

import pytest

from bot.nlu.numbers import mask, read_staff


def count(text, lenient=True):
    reading = read_staff(text, lenient=lenient)
    return reading.count if reading else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, meine Frau und drei Gesellen", 5),
        ("2 Meister, 4 Gesellen, 1 Azubi und ich", 8),
        ("Meine Schwester, zwei Verkäuferinnen und ich", 4),
        ("drei Monteure plus mich", 4),
        ("9 Angestellte und ich", 10),
        ("Sechs Vollzeitkräfte, zwei Teilzeitkräfte und eine Auszubildende.", 9),
        ("Vier Festangestellte, dazu kommen zwei Minijobber.", 6),
        ("Vollzeit 4, Teilzeit 2", 6),
        ("Wir sind eine GbR mit zwei Partnern und einer Angestellten.", 3),
        ("wir sind 3 Geschwister und haben 5 Angestellte", 8),
        ("Drei Teams à vier Leute", 12),
        ("Es gibt nur meinen Bruder und mich.", 2),
        ("Ich und mein Vater.", 2),
        ("Mein Sohn hilft mit, sonst nur ich.", 2),
        ("Ich arbeite mit einer Angestellten.", 2),
        ("Friseursalon, ich und zwei Kolleginnen", 3),
    ],
)
def test_compositions_and_sums(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Büro zwei, draußen acht. Also zehn insgesamt.", 10),
        ("Sieben Gesellen, zwei Azubis, meine Frau im Büro – macht zehn.", 10),
        ("Mit mir und meinem Bruder sind es fünf.", 5),
        ("Ich hab 2 Leute, mit mir 3.", 3),
        ("Wie viele wir sind? 23.", 23),
        ("Wir sind 7 und suchen noch 3 Leute.", 7),
        ("Wir waren früher 30, heute nur noch 18.", 18),
        ("Letztes Jahr waren wir noch 12, jetzt sind wir 9.", 9),
        ("Mit den Aushilfen sind es 20, ohne 14.", 20),
        ("Wir sind fünfzehn Leute, davon vier in Teilzeit.", 15),
        ("Bei uns arbeiten zwölf Personen, mich eingerechnet.", 12),
        ("Wir sind zu acht.", 8),
        ("zu zweit, mein Mann und ich", 2),
        ("Also, 5 Leute im Laden und 2 im Lager", 7),  # a leading "also" concludes nothing
        ("Wir sind vier Leute und ich, also fünf", 5),
    ],
)
def test_totals_win_over_their_parts(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so zwischen 20 und 25", 22),
        ("12 bis 14 Leute", 13),
        ("zwei, drei Aushilfen und ich", 3),
        ("knapp ein Dutzend", 12),
        ("eineinhalb Dutzend", 18),
        ("anderthalb Dutzend Leute", 18),
        ("ungefähr vierzig", 40),
        ("mehr als 50", 50),
        ("ca. 45", 45),
        ("45?", 45),
        ("zwanzich", 20),
        ("sechszehn", 16),
        ("Fümf", 5),
        ("einundvierzig Köpfe", 41),
        ("unter 10", None),
        ("35 Leute im Sommer, im Winter 25.", None),  # the owner has to choose
    ],
)
def test_number_words_ranges_and_approximations(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich bin Einzelunternehmerin.", 1),
        ("Ich arbeite alleine.", 1),
        ("Keine Angestellten, nur ich.", 1),
        ("Wir haben neun Angestellte.", 9),
        ("Wir beschäftigen 35 Menschen.", 35),
        ("Wir betreuen 250 Patienten mit 14 Pflegekräften.", 14),
        ("Wir haben 3 Azubis.", None),  # a sub-group alone is no total
        # the owner included in other words, or on top with the verb first
        ("Im Team sind wir 12, ich bin da als Inhaberin auch mit dabei.", 12),
        ("Sieben Leute arbeiten hier, ich auch dabei", 7),
        ("Seit zwei Jahren leite ich den Betrieb mit fünf Gesellen.", 6),
        ("nur ich un meine olle", 2),
        ("2 co-founders und 1 Werkstudentin", 3),
        ("Wir sind zwei Co-Gründer und eine Werkstudentin.", 3),
    ],
)
def test_the_owner_is_counted_once(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ruf mich an: 0211 / 123 456 78",
        "Meine Nummer: +49 (0) 2104 123456",
        "0049 211 1234567",
        "Handy 0151-2345678",
        "Unsere PLZ ist 42781.",
        "Wir sitzen in der Hauptstraße 45.",
        "Gründung 1987",
        "Wir machen 2 Mio. Umsatz",
        "Stundensatz 65 €",
        "Geöffnet Di–Sa 10–18 Uhr",
        "Wir haben 40 Stammkunden und 3 Lieferwagen.",
        "Am 12. Mai haben wir Betriebsfeier.",
        "Unser Umsatz stieg um 15 %.",
        "Wir haben 6 Zimmer und 2 Ferienwohnungen.",
        "Kundennummer 77-4512",
        "Postfach 12 03 44",
        "Termin am 5.11. um 14:30",
        "Wir fahren mit 3 Transportern.",
        "Wir sind 24/7 erreichbar",
        "Seit 1996, Tel 0211/556677",
        "[TELEFON]",
        "[PLZ] [ADRESSE]",
        "Ich bin 45.",
        "Rund 1000 im Monat",
        "60 pro Tag",
    ],
)
def test_never_from_phone_numbers_codes_dates_prices_or_things(text):
    assert count(text) is None
    assert count(text, lenient=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rufen Sie unter [TELEFON] an, wir sind 8 Leute.", 8),
        ("[NAME], [ADRESSE], [PLZ] Hilden – 5 Mitarbeiter", 5),
        ("Mail an [E-MAIL], Team: 3", 3),
        ("Tel. 02129 123456, wir sind elf", 11),
        ("Hausnummer 12, dritter Stock, wir sind vier.", 4),
        ("Wir sind 2019 gegründet worden und haben 11 Mitarbeiter.", 11),
        ("Seit 2010 am Start, momentan 6 Mann.", 6),
    ],
)
def test_the_count_next_to_placeholders_and_traps(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malerbetrieb in Hilden, 9 Leute", 9),
        ("Tischlerei mit 6 Mitarbeitern", 6),
        ("12", None),  # a bare number only when the staff question was asked
        ("Wir sind ein Hotel in Ratingen mit 30 Zimmern.", None),
        ("Meine Frau ist Ärztin, ich mache die Abrechnung.", None),
        ("Ich spreche mit meinem Steuerberater darüber", None),
        ("bitte verbinden Sie mich mit einem Mitarbeiter", None),
        ("Ich mache seit 15 Jahren Webdesign.", None),
        ("Kfz-Werkstatt, Düsseldorfer Str. 7, 40699 Erkrath", None),
    ],
)
def test_strict_reading_needs_staff_language(text, expected):
    assert count(text, lenient=False) == expected


def test_masking_keeps_offsets():
    text = "Tel. 0211 300 400, PLZ 40219, 9 Leute"
    masked = mask(text)
    assert len(masked) == len(text)
    assert "0211" not in masked and "40219" not in masked and masked.endswith("9 Leute")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, zwei Bäcker und drei Verkäuferinnen", 6),
        ("ich, zwei Rezeptionistinnen und drei Köche", 6),
        ("Zwei Transporter, ein Anhänger, vier Leute.", 4),
        ("Wir haben 20 Patienten und 4 Leute", 4),
        ("ich und zwei Aquaristinnen", None),  # unknown person word: ask again, do not guess
    ],
)
def test_trades_and_unknown_person_words(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner said to come on top of a stated total
        ("Außer mir arbeiten hier noch vier Leute.", 5),
        ("Mit mir arbeiten noch drei Kollegen in der Werkstatt.", 4),
        ("Wir haben elf Angestellte, dazu komme ich selbst.", 12),
        ("Zwölf Beschäftigte, hinzu kommt noch meine Person.", 13),
        # ... but not twice: the owner already joined to the total
        ("vier Leute und ich", 5),
        # the owner and one named person in dialect
        ("nur ich un der jupp", 2),
        ("nur isch und de kleine, der lernt noch", 2),
        ("nur ich und der Hund", 1),
        # English staff words: "my" before one person, "working student", C-level titles
        ("me and my cofounder", 2),
        ("2 devs + 1 working student + me", 4),
        ("our CTO, 3 engineers and me", 5),
    ],
)
def test_owner_on_top_dialect_pairs_and_english_roles(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    "text",
    ["schwankt, mal 4 mal 12", "mal 2, mal 9, je nach Auftrag", "das schwankt stark: 5 bis 20"],
)
def test_a_fluctuating_count_is_not_stored_from_bare_numbers(text):
    assert count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a list is no total: "mit mir" or "20 Fahrer un …" start a list
        ("zwölf Monteure un drei im Lager mit mir", 15),
        ("acht Gesellen und zwei im Büro, mich eingerechnet", 10),
        ("Mit mir sind es 16", 16),
        ("mit mir, 16", 16),
    ],
)
def test_a_part_of_a_list_is_no_total(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedged present in the Konjunktiv ("wären", "dürften" fold to the past tense)
        ("Mit den Aushilfen wären es ungefähr 14 Leute.", 14),
        ("Es dürften derzeit 22 Beschäftigte sein, mich eingeschlossen.", 22),
        # a wish or reported speech is no count
        ("Wir wären gern 8, sind aber nur 5.", 5),
        ("Vier Leute, auch wenn es immer heißt, wir wären sechs.", 4),
        ("Früher waren wir 20 Leute.", None),
        # spoken number words with a final -e
        ("zwölfe mit mir", 12),
        ("mir sin viere", 4),
        ("ellef Leut", 11),
    ],
)
def test_a_hedged_konjunktiv_is_the_present(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "meine Person" is the owner: included, or on top
        ("Rund zwölf Beschäftigte, einschließlich meiner Person.", 12),
        ("Neun Angestellte zuzüglich meiner Person.", 10),
        ("Insgesamt acht Leute zuzüglich meiner Person.", 9),
        ("Etwa 30, Aushilfen sind darin enthalten, ebenso meine Person.", 30),
        ("Auf der Lohnliste stehen sieben, und ich komm noch dazu.", 8),
        # a total, then who they are
        ("Wir sind zu viert, ich und drei Gesellen.", 4),
        ("wir sind 2, ich und mein Bruder", 2),
        # "just me + 1", and a vague "irgendwas über 30" is no count
        ("just me + 1 freelancer dev", None),
        ("just me + 1 employee", 2),
        ("keine Ahnung, irgendwas über dreißig", None),
    ],
)
def test_my_person_totals_with_members_and_vague_counts(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich, meine Frau und Tochter", 3),
        ("mein sohn und tochter und ich", 3),
    ],
)
def test_one_determiner_for_two_kin(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "sure"),
    [
        # "beide" refers back to the two just named
        ("Ich mache die Fahrschule mit meinem Bruder, wir sind beide Inhaber, dazu drei "
         "Fahrlehrer und eine Dame fürs Büro", 6, False),
        ("Meine Frau und ich, wir sind beide Meister, und zwei Azubis", 4, False),
        ("ich, meine Frau, unsere beiden Töchter", 4, True),
        # a bare total, then its parts
        ("wir sind, wie sagt man, drei, ich und zwei Mitarbeiterinnen", 3, True),
        # the owner's own conclusion against the parts: confirmed first
        ("me + 1 freelancer (doesn't count I guess) → so 1", 1, False),
        ("basically 4 ppl plus me, so 5", 5, True),
        # an addition without a base, a list going on with "and a …"
        ("inzwischen haben wir noch zwei Schneiderinnen angestellt", 2, False),
        ("me, 1 designer, 2 devs and a part-time PM", 4, False),
        # the owner as an item of the list, a total including a group or the owner
        ("Ich als Meister, zwei Gesellen und ein Azubi", 4, True),
        ("is ne kleine bude ich die chefin un drei mädels im laden", 4, True),
        ("40 incl. the 3 founders", 40, False),
        ("15 people incl. part-timers and me", 15, False),
        # a compound's head decides, a couple of owners, the boss counted in, the sum given
        ("Wir haben 12 Lkw und drei Lkw-Fahrer", 3, False),
        ("Wir führen als Apothekerehepaar mit vier Angestellten die Apotheke", 6, False),
        ("Vierzehn Beschäftigte, den Chef mitgezählt.", 14, True),
        ("Neben mir wären das neun Leute, also insgesamt zehn.", 10, True),
        # the owner counted in, the predecessor's staff is the past
        ("neun mann un ich bin da schon bei", 9, True),
        ("Rund 20, meine eigene Person eingerechnet.", 20, True),
        ("Mein Vorgänger hatte drei Leute, ich hab auf sechs Angestellte aufgestockt.", 6, False),
        ("Wir beschäftigen, mich als Inhaber eingerechnet, neun Personen.", 9, False),
        ("Die Belegschaft umfasst – Inhaberin eingeschlossen – 18 Köpfe.", 18, False),
        ("Wir wären, meine Frau und mich mitgerechnet, fünf Personen.", 5, False),
        ("9 (incl. both founders)", 9, False),
        ("Wir haben 3 Festangestellte, 2 Minijobber und mich.", 6, True),
    ],
)  # fmt: skip
def test_references_conclusions_and_open_lists(text, expected, sure):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, sure)


@pytest.mark.parametrize(
    "text",
    [
        "Neun Leute, Werkstudenten zählen doch nicht mit, oder?",
        "me and 3 devs, does the intern count?",
        "Acht Festangestellte und dazu einige Minijobber",
        "15 Mitarbeiter plus ein paar Aushilfen",
        "3 devs, 1 PO and me",  # "1 PO": a list item not read
        "Wir sind fünf, und freitags hilft noch eine Studentin aus",
    ],
)
def test_what_the_reading_does_not_account_for_is_confirmed(text):
    reading = read_staff(text, lenient=True)
    assert reading is not None and not reading.sure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wie viele? Sieben, mich eingeschlossen.", 7),
        ("Drei Gesellen auf 450-Euro-Basis und ich", 4),
        ("Wir sind jetzt sechs, ab Herbst kommt vielleicht noch ein Azubi", 6),
    ],
)
def test_echoed_questions_prices_and_later_hires_stay_sure(text, expected):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vier Vollzeit, ein Minijob", 5),
        ("Wir haben sechs Leute angestellt, mit mir sind es sieben.", 7),
        ("so twelve-ish", 12),
        ("ich arbeite mit meinen drei Töchtern", 4),
    ],
)
def test_minijobs_the_total_with_the_owner_ish_and_dative_plurals(text, expected):
    assert read_staff(text, lenient=True).count == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zwei Filialen, in jeder arbeiten drei Verkäuferinnen, und ich", 7),
        ("3 Läden, in jedem 2 Aushilfen plus ich", 7),
    ],
)
def test_staff_per_branch_is_multiplied_and_confirmed(text, expected):
    reading = read_staff(text, lenient=True)
    assert (reading.count, reading.sure) == (expected, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir sind 6 mit dem Lehrling und mir", 6),
        ("Es arbeiten 4 Personen hier, mich auch.", 4),
    ],
)
def test_the_owner_named_inside_the_total(text, expected):
    assert read_staff(text, lenient=True).count == expected


@pytest.mark.parametrize(
    "text", ["geöffnet 8 bis 18 Uhr, samstags bis 14", "next year hopefully 12 🤞"]
)
def test_opening_hours_and_hopes_are_no_staff_count(text):
    assert read_staff(text, lenient=True) is None


def test_the_owner_who_would_come_on_top():
    assert read_staff("Zwölf Beschäftigte, ich käme noch hinzu.", lenient=True).count == 13


def test_a_manager_with_n_staff_is_read_both_ways():
    reading = read_staff("Ich leite die Praxis mit fünf Mitarbeiterinnen.", lenient=True)
    assert (reading.count, reading.sure, reading.alternative) == (5, False, 6)


def test_the_boss_on_top_and_alone_beside_family():
    assert read_staff("30 Pflegekräfte, ich Chefin dazu.", lenient=True).count == 31
    assert read_staff("Wir sind 17, ich gehöre dazu.", lenient=True).count == 17
    reading = read_staff("Ich mache alles allein, nur meine Frau hilft im Büro.", lenient=True)
    assert not reading.sure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alleine", 1),
        ("Imbiss in Hilden, ganz allein", 1),
        ("dreiunzwanzich", 23),
        ("9 FTE", 9),
        ("zehn leutz, mich mitjezählt", 10),
    ],
)
def test_alone_dialect_numbers_and_full_time_equivalents(text, expected):
    assert read_staff(text, lenient=True).count == expected


def test_a_lowercase_family_member_in_the_list_is_confirmed():
    reading = read_staff("imbiss, ich, bruder, 2 aushilfen", lenient=True)
    assert not reading.sure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich un mein vatter, der is schon 71", 2),
        ("Drei Köche, vier im Service, und ich bin jeden Abend selbst da.", 8),
        ("mit 12 Fahrern und zwei Disponenten, ich mache die Geschäftsführung", 15),
    ],
)
def test_ages_after_an_adverb_and_the_owner_at_work(text, expected):
    assert read_staff(text, lenient=True).count == expected


def test_self_employed_with_n_staff_is_read_both_ways_and_ohne_mich_festlegen_is_no_exclusion():
    reading = read_staff("Seit 2005 selbstständig, mit drei Angestellten.", lenient=True)
    assert (reading.count, reading.sure, reading.alternative) == (3, False, 4)
    text = "Ohne mich festlegen zu wollen: rund 30."
    assert read_staff(text, lenient=True).count == 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dozen with a dialect article or none, the owner in dialect and with a title
        ("so n halbes Dutzend", 6),
        ("halbes Dutzend", 6),
        ("drei Vollzeit, eine Aushilfe un meiner einer", 5),
        ("sechs Monteure plus ich Chef", 7),
        # the one person is the owner
        ("Nur eine Person, ich selbst.", 1),
        # a formal "hätten derzeit" is the present; open positions are no staff
        ("Wir hätten aktuell 18 Beschäftigte, wobei drei weitere Stellen offen sind.", 18),
        # members named in the "mit …" phrase are part of the total after it
        ("heute sind wir mit den zwei Gesellen und dem Azubi neun Leute", 9),
        # parts named beside the owner and then their total
        ("Neben mir arbeiten drei Gesellen und ein Lehrling, somit insgesamt fünf Personen.", 5),
        # formal hedges, a condition about the question itself, English, a sum with "sowie"
        ("Falls ich Sie richtig verstanden habe, wären es mit mir 14 Personen.", 14),
        ("Abgesehen von mir wären derzeit drei Angestellte sowie ein Azubi tätig.", 5),
        ("about 30 headcount", 30),
        # a helper named as not counted; the owner inside "mit mir und …" before the total
        ("Ich und meine drei Gesellen, den Praktikanten im Sommer nicht mitgezählt.", 4),
        ("Heute sind wir mit mir und meinem Sohn sieben Leute.", 7),
        # dialect and chat words for people, ordinals from thirteen on
        ("jo neun leude", 9),
        ("two offices, 14 peeps", 14),
        ("inzwischen sind wir zu dreizehnt", 13),
        # the owner's own sum, hedged or not
        ("Mit den zwei Minijobbern kommen wir dann auf zwölf.", 12),
        ("Meine Schwester ist Teilhaberin; mit den drei Gesellen wären wir demnach fünf.", 5),
        ("Wenn ich die Aushilfen mitzählen darf, kämen wir auf insgesamt neun Personen.", 9),
        ("ich hab ne änderungsschneiderei in erkrath alleine", 1),
        ("Wir hätten insgesamt 23 Beschäftigte.", 23),
        ("Wir wären zu sechst, die Inhaberin eingerechnet.", 6),
        ("nail studio, 3 artists incl. me", 3),
        ("Neben mir wären derzeit zwei Gesellen sowie ein Lehrling beschäftigt.", 4),
        (
            "Also ich hab den Laden 2005 übernommen, er liegt in Haan, und heute sind wir mit "
            "mir und meinem Bruder sechs Leute.",
            6,
        ),
    ],
)
def test_dozens_dialect_owner_apposition_and_included_members(text, expected):
    assert count(text) == expected


def test_and_have_after_a_long_self_introduction_is_read_both_ways():
    reading = read_staff("Ich bin 61, Zahnarzt in Hilden, und habe sieben Mitarbeiterinnen.", True)
    assert (reading.count, reading.sure, reading.alternative) == (7, False, 8)


def test_i_have_a_firm_with_n_staff_is_read_both_ways_unless_the_total_is_said():
    reading = read_staff("Ich habe eine Zahnarztpraxis in Hilden mit vier Angestellten.", True)
    assert (reading.count, reading.sure, reading.alternative) == (4, False, 5)
    reading = read_staff("Ich habe eine Kanzlei mit sechs Beschäftigten insgesamt.", True)
    assert (reading.count, reading.sure) == (6, True)
