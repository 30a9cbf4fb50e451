"""Redaction of personal data (bot/privacy/redact.py): what owners really write to the bot."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Tuple

import pytest

from bot.nlu.profile import read_profile
from bot.privacy.redact import KINDS, Redaction, iban_valid, phone_plausible, redact

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev"

# (message, redacted message, kinds) - kinds in canonical order (KINDS).
POSITIVE: Tuple[Tuple[str, str, Tuple[str, ...]], ...] = (
    # --- e-mail addresses
    ("meine Mail: thomas.becker@malerei-becker.de", "meine Mail: [E-MAIL]", ("E-MAIL",)),
    ("Schreiben Sie an info@friseur-hilden.de", "Schreiben Sie an [E-MAIL]", ("E-MAIL",)),
    ("Kontakt: j.meier+digital@gmx.net.", "Kontakt: [E-MAIL].", ("E-MAIL",)),
    ("ANNA.SCHMIDT@WEB.DE ist meine Adresse", "[E-MAIL] ist meine Adresse", ("E-MAIL",)),
    ("mail an buero@bäckerei-müller.de bitte", "mail an [E-MAIL] bitte", ("E-MAIL",)),
    ("erreichbar per sandra (at) example.org", "erreichbar per [E-MAIL]", ("E-MAIL",)),
    ("x_y-z@sub.domain.co.uk", "[E-MAIL]", ("E-MAIL",)),
    ("(kontakt@example.com)", "([E-MAIL])", ("E-MAIL",)),
    ("Mail:info@elektro-lintorf.de", "Mail:[E-MAIL]", ("E-MAIL",)),
    ("max.mustermann@example.org, 0211 5551234", "[E-MAIL], [TELEFON]", ("E-MAIL", "TELEFON")),
    # --- phone numbers, German formats
    ("Tel. 0211 1234567", "Tel. [TELEFON]", ("TELEFON",)),
    ("0211/123 45-67", "[TELEFON]", ("TELEFON",)),
    ("Rufen Sie mich an: 0211-1234567", "Rufen Sie mich an: [TELEFON]", ("TELEFON",)),
    ("meine Handynummer ist 0171-1234567", "meine Handynummer ist [TELEFON]", ("TELEFON",)),
    ("0171 123 45 67", "[TELEFON]", ("TELEFON",)),
    ("01711234567", "[TELEFON]", ("TELEFON",)),
    ("(0211) 86 24 13", "[TELEFON]", ("TELEFON",)),
    ("Büro 02103 / 2890-0", "Büro [TELEFON]", ("TELEFON",)),
    ("030 1234567 ist Berlin", "[TELEFON] ist Berlin", ("TELEFON",)),
    (
        "Festnetz 02173 9876543, mobil 0152 22334455",
        "Festnetz [TELEFON], mobil [TELEFON]",
        ("TELEFON",),
    ),  # fmt: skip
    ("ruf an unter 0162/9876543!", "ruf an unter [TELEFON]!", ("TELEFON",)),
    ("02104 – 123456", "[TELEFON]", ("TELEFON",)),
    ("Telefon: 5551234", "Telefon: [TELEFON]", ("TELEFON",)),
    ("erreichbar unter 98 76 54", "erreichbar unter [TELEFON]", ("TELEFON",)),
    ("Fax 0211 1234568", "Fax [TELEFON]", ("TELEFON",)),
    ("0800 1234567 ist kostenlos", "[TELEFON] ist kostenlos", ("TELEFON",)),
    # --- phone numbers, international formats
    ("+49 (0)211 1234567", "[TELEFON]", ("TELEFON",)),
    ("+49 211 1234567", "[TELEFON]", ("TELEFON",)),
    ("+49-171-1234567", "[TELEFON]", ("TELEFON",)),
    ("+491711234567", "[TELEFON]", ("TELEFON",)),
    ("0049 211 1234567", "[TELEFON]", ("TELEFON",)),
    ("00491711234567", "[TELEFON]", ("TELEFON",)),
    ("+90 532 123 45 67", "[TELEFON]", ("TELEFON",)),
    ("meine türkische Nummer +90 (532) 1234567", "meine türkische Nummer [TELEFON]", ("TELEFON",)),
    ("+48 601 234 567", "[TELEFON]", ("TELEFON",)),
    ("+7 916 123-45-67", "[TELEFON]", ("TELEFON",)),
    ("+39 06 12345678", "[TELEFON]", ("TELEFON",)),
    ("+31 20 123 4567", "[TELEFON]", ("TELEFON",)),
    ("WhatsApp +49 157 12345678 geht auch", "WhatsApp [TELEFON] geht auch", ("TELEFON",)),
    # --- IBANs
    ("DE89 3704 0044 0532 0130 00", "[IBAN]", ("IBAN",)),
    ("IBAN DE89370400440532013000", "IBAN [IBAN]", ("IBAN",)),
    ("de89 3704 0044 0532 0130 00 bitte", "[IBAN] bitte", ("IBAN",)),
    ("Konto: DE02 1203 0000 0000 2020 51.", "Konto: [IBAN].", ("IBAN",)),
    ("AT61 1904 3002 3457 3201", "[IBAN]", ("IBAN",)),
    ("NL91ABNA0417164300", "[IBAN]", ("IBAN",)),
    ("TR33 0006 1005 1978 6457 8413 26", "[IBAN]", ("IBAN",)),
    ("GB82 WEST 1234 5698 7654 32", "[IBAN]", ("IBAN",)),
    ("FR14 2004 1010 0505 0001 3M02 606", "[IBAN]", ("IBAN",)),
    ("PL61 1090 1014 0000 0712 1981 2874", "[IBAN]", ("IBAN",)),
    ("CH93 0076 2011 6238 5295 7", "[IBAN]", ("IBAN",)),
    ("DE12 3456 7890 1234 5678 90 (Tippfehler)", "[IBAN] (Tippfehler)", ("IBAN",)),
    # --- street addresses
    ("Hauptstraße 12", "[ADRESSE]", ("ADRESSE",)),
    ("Wir sitzen in der Kölner Str. 5a", "Wir sitzen in der [ADRESSE]", ("ADRESSE",)),
    ("Am Markt 3", "[ADRESSE]", ("ADRESSE",)),
    ("Büro: Mittelstraße 7, Hilden", "Büro: [ADRESSE], Hilden", ("ADRESSE",)),
    ("Graf-Adolf-Straße 12-14", "[ADRESSE]", ("ADRESSE",)),
    ("Königsallee 92a", "[ADRESSE]", ("ADRESSE",)),
    ("Alte Landstraße 4", "[ADRESSE]", ("ADRESSE",)),
    ("Berliner Allee 5, 2. Etage", "[ADRESSE], 2. Etage", ("ADRESSE",)),
    ("An der Kirche 5", "[ADRESSE]", ("ADRESSE",)),
    ("wir sind am Rathaus 2 in Velbert", "wir sind [ADRESSE] in Velbert", ("ADRESSE",)),
    ("Hofstr 8", "[ADRESSE]", ("ADRESSE",)),
    ("Lindenweg 17 b", "[ADRESSE]", ("ADRESSE",)),
    ("Hochdahler Markt 1", "[ADRESSE]", ("ADRESSE",)),
    ("Auf dem Berg 7", "[ADRESSE]", ("ADRESSE",)),
    ("Theodor-Heuss-Ring 4", "[ADRESSE]", ("ADRESSE",)),
    ("Rheinuferpromenade 3", "[ADRESSE]", ("ADRESSE",)),
    ("Friedrich-Ebert-Str. 133", "[ADRESSE]", ("ADRESSE",)),
    ("Zum Kreuz 1", "[ADRESSE]", ("ADRESSE",)),
    ("Benrather Schloßallee 100", "[ADRESSE]", ("ADRESSE",)),
    ("Im Hof 3 in Erkrath", "[ADRESSE] in Erkrath", ("ADRESSE",)),
    # --- postal codes (the town stays)
    ("40721 Hilden", "[PLZ] Hilden", ("PLZ",)),
    ("Hauptstraße 12, 40721 Hilden", "[ADRESSE], [PLZ] Hilden", ("ADRESSE", "PLZ")),
    ("wir sind in 40764 Langenfeld", "wir sind in [PLZ] Langenfeld", ("PLZ",)),
    ("PLZ 42489", "PLZ [PLZ]", ("PLZ",)),
    ("D-40878 Ratingen", "[PLZ] Ratingen", ("PLZ",)),
    ("40597 Düsseldorf-Benrath", "[PLZ] Düsseldorf-Benrath", ("PLZ",)),
    ("Postleitzahl: 42781", "Postleitzahl: [PLZ]", ("PLZ",)),
    ("Am Markt 3, 42551 Velbert", "[ADRESSE], [PLZ] Velbert", ("ADRESSE", "PLZ")),
    ("Lindenweg 17, 12345 Musterstadt", "[ADRESSE], [PLZ] Musterstadt", ("ADRESSE", "PLZ")),
    # --- URLs
    ("https://www.malerei-becker.de/kontakt", "[URL]", ("URL",)),
    ("Unsere Seite: www.friseur-anna.de.", "Unsere Seite: [URL].", ("URL",)),
    ("schaut mal auf becker-bau.de", "schaut mal auf [URL]", ("URL",)),
    ("http://example.org/?id=42", "[URL]", ("URL",)),
    ("(siehe https://instagram.com/baeckerei_schulz)", "(siehe [URL])", ("URL",)),
    ("Shop: elektro-schmitz.shop/produkte", "Shop: [URL]", ("URL",)),
    ("meine Seite heißt Schmitz-Haustechnik.de", "meine Seite heißt [URL]", ("URL",)),
    ("facebook.com/malerbetriebkoch", "[URL]", ("URL",)),
    # --- names introduced as names
    ("ich bin Thomas", "ich bin [NAME]", ("NAME",)),
    ("Ich bin der Jürgen Meier", "Ich bin der [NAME]", ("NAME",)),
    ("Hallo, ich bin Sandra Wagner aus Hilden", "Hallo, ich bin [NAME] aus Hilden", ("NAME",)),
    ("ich bin ayşe", "ich bin [NAME]", ("NAME",)),
    ("ich bin thomas becker", "ich bin [NAME]", ("NAME",)),
    ("Ich bin Kalle Schmitz", "Ich bin [NAME]", ("NAME",)),
    (
        "Ich bin Zlatko, Inhaber eines Malerbetriebs",
        "Ich bin [NAME], Inhaber eines Malerbetriebs",
        ("NAME",),
    ),  # fmt: skip
    ("ich bin's, Thomas", "ich bin's, [NAME]", ("NAME",)),
    ("Ich bin Mehmet Yılmaz, Friseur", "Ich bin [NAME], Friseur", ("NAME",)),
    ("Ich bin Anna-Lena Schmidt-Weber", "Ich bin [NAME]", ("NAME",)),
    ("ich bin Jürgen von der Heide", "ich bin [NAME]", ("NAME",)),
    ("mein Name ist Becker", "mein Name ist [NAME]", ("NAME",)),
    ("Mein Name ist Thomas Becker.", "Mein Name ist [NAME].", ("NAME",)),
    ("mein Name ist Becker, Thomas", "mein Name ist [NAME]", ("NAME",)),
    (
        "Mein vollständiger Name lautet Olga Petrowa",
        "Mein vollständiger Name lautet [NAME]",
        ("NAME",),
    ),  # fmt: skip
    ("Name: Katarzyna Nowak", "Name: [NAME]", ("NAME",)),
    ("hier spricht Thomas Becker", "hier spricht [NAME]", ("NAME",)),
    ("Hier spricht der Chef, Frau Weber", "Hier spricht der Chef, Frau [NAME]", ("NAME",)),
    ("ich heiße Mustafa", "ich heiße [NAME]", ("NAME",)),
    ("Ich heisse Zlatko", "Ich heisse [NAME]", ("NAME",)),
    ("ich heiße zlatko", "ich heiße [NAME]", ("NAME",)),
    ("hier ist Petra", "hier ist [NAME]", ("NAME",)),
    ("Schneider hier", "[NAME] hier", ("NAME",)),
    (
        "Hallo, Thomas Becker hier. Wir sind 12 Leute",
        "Hallo, [NAME] hier. Wir sind 12 Leute",
        ("NAME",),
    ),  # fmt: skip
    (
        "Moin, Kowalski hier von der Tischlerei",
        "Moin, [NAME] hier von der Tischlerei",
        ("NAME",),
    ),  # fmt: skip
    (
        "Frau Schulz macht bei uns die Buchhaltung",
        "Frau [NAME] macht bei uns die Buchhaltung",
        ("NAME",),
    ),  # fmt: skip
    ("Herr Becker ist der Inhaber", "Herr [NAME] ist der Inhaber", ("NAME",)),
    ("Bitte an Herrn Dr. Meier", "Bitte an Herrn Dr. [NAME]", ("NAME",)),
    ("meine Frau Petra hilft im Büro", "meine Frau [NAME] hilft im Büro", ("NAME",)),
    ("Ansprechpartnerin ist Frau Özdemir", "Ansprechpartnerin ist Frau [NAME]", ("NAME",)),
    ("Ansprechpartner: Lukas Nowak", "Ansprechpartner: [NAME]", ("NAME",)),
    ("nennen Sie mich Kalle", "nennen Sie mich [NAME]", ("NAME",)),
    # --- greetings signed with a name
    ("LG Sandra", "LG [NAME]", ("NAME",)),
    ("Viele Grüße, Thomas Becker", "Viele Grüße, [NAME]", ("NAME",)),
    ("MfG P. Becker", "MfG [NAME]", ("NAME",)),
    ("Gruß Ayşe", "Gruß [NAME]", ("NAME",)),
    ("Danke!\nBeste Grüße\nMarkus", "Danke!\nBeste Grüße\n[NAME]", ("NAME",)),
    ("Mit freundlichen Grüßen\nJelena Petrović", "Mit freundlichen Grüßen\n[NAME]", ("NAME",)),
    ("Passt so. VG Frank", "Passt so. VG [NAME]", ("NAME",)),
    ("Liebe Grüße, Ihre Sabine", "Liebe Grüße, Ihre [NAME]", ("NAME",)),
    ("Schöne Grüße aus Haan, Wolfgang", "Schöne Grüße aus Haan, [NAME]", ("NAME",)),
    ("Danke und Gruß\nK. Schmitz", "Danke und Gruß\n[NAME]", ("NAME",)),
    ("Herzliche Grüße\nDr. Yusuf Kaya", "Herzliche Grüße\nDr. [NAME]", ("NAME",)),
    ("Danke, Thomas", "Danke, [NAME]", ("NAME",)),
    ("Ciao, Giulia", "Ciao, [NAME]", ("NAME",)),
    ("mfg kowalski", "mfg [NAME]", ("NAME",)),
    # --- everything at once
    (
        "Ich bin Max Mustermann, max.mustermann@example.org, Telefon 0211 5551234",
        "Ich bin [NAME], [E-MAIL], Telefon [TELEFON]",
        ("E-MAIL", "TELEFON", "NAME"),
    ),
    (
        "Hallo, hier spricht Jürgen Meier von Meier Bau, Hauptstr. 5, 40699 Erkrath, "
        "Tel 0211 9876543, Mail j.meier@meier-bau.de, www.meier-bau.de",
        "Hallo, hier spricht [NAME] von Meier Bau, [ADRESSE], [PLZ] Erkrath, "
        "Tel [TELEFON], Mail [E-MAIL], [URL]",
        ("E-MAIL", "TELEFON", "ADRESSE", "PLZ", "URL", "NAME"),
    ),
    (
        "Überweisung an DE89 3704 0044 0532 0130 00, Gruß Thomas",
        "Überweisung an [IBAN], Gruß [NAME]",
        ("IBAN", "NAME"),
    ),
)

# Realistic owner messages that must come back unchanged.
UNCHANGED: Tuple[str, ...] = (
    # staff, years, dates, times, prices, percentages
    "12 Leute",
    "wir sind zu fünft",
    "Wir sind 9 Mitarbeiter und 2 Azubis",
    "ca. 25 Beschäftigte, davon 10 in Teilzeit",
    "seit 2019",
    "Gegründet 1987, seit 2019 in zweiter Generation",
    "am 12.03.2024 hatten wir einen Termin",
    "bis 31.12.2025",
    "Termin am 01/02/2024",
    "um 8 Uhr",
    "von 7:30 bis 16:00 Uhr geöffnet",
    "24/7 erreichbar",
    "500 Euro im Monat",
    "Budget so 10.000 €",
    "ungefähr 100 000 Euro Umsatz",
    "etwa 1.500.000 EUR Jahresumsatz",
    "so 80 %",
    "zu 50 Prozent",
    "die 08/15-Lösung reicht uns",
    "0,5 Stellen für IT",
    "Version 2.4.1",
    "Wir haben 12000 Kunden",
    "über 50000 Besucher im Jahr",
    "Lizenz für 15 Nutzer",
    "3-4 mal im Jahr",
    "ein bis zwei Stunden pro Woche",
    "Q3 2024",
    "KW 12",
    # products and standards
    "Microsoft 365",
    "Windows 11 auf allen Rechnern",
    "wir nutzen Office 365 und Teams",
    "DIN SPEC 27076",
    "nach DIN SPEC 27076 geprüft",
    "ISO 27001 haben wir nicht",
    "DATEV",
    "DATEV Unternehmen online",
    "Google Workspace",
    "Lexware Office und sevDesk",
    "Fritzbox 7590",
    "iPhone 15",
    "SAP Business One",
    "Shopify und WordPress",
    "Wir nutzen ChatGPT",
    "Sophos Firewall, Backup auf NAS",
    # towns and Ortsteile
    "Hilden",
    "Langenfeld-Richrath",
    "Düsseldorf-Benrath",
    "Malerbetrieb in Hilden, 9 Leute",
    "in Ratingen Lintorf",
    "Hochdahl",
    "Monheim am Rhein",
    "Wülfrath",
    "aus Velbert-Neviges",
    "Kreis Mettmann",
    # trades
    "Malerbetrieb",
    "Friseursalon",
    "Wir sind ein Friseursalon mit 4 Angestellten",
    "Elektrobetrieb mit 15 Leuten",
    "Bäckerei mit drei Filialen",
    "Dachdeckerei in Haan",
    "Steuerkanzlei",
    "Kfz-Werkstatt",
    # "ich bin …" + no name
    "ich bin Malermeister",
    "ich bin Inhaber",
    "ich bin mir nicht sicher",
    "ich bin selbstständig",
    "ich bin Elektrikerin",
    "ich bin 55",
    "ich bin allein",
    "ich bin's",
    "ich bin gerade unterwegs",
    "ich bin Bäcker in Hilden",
    "Ich bin Inhaber eines Malerbetriebs",
    "Ich bin Geschäftsführerin",
    "ich bin der Chef",
    "ich bin die Inhaberin",
    "Ich bin Selbstständig",
    "ich bin der Meinung, dass das reicht",
    "ich bin Ende 50",
    "Ich bin Friseurmeisterin in Mettmann",
    "ich bin Steuerberater",
    "ich bin neu hier",
    "Ich bin Neu hier",
    "ich bin gespannt",
    "ich bin da eher skeptisch",
    "ich bin IT-Verantwortlicher",
    "ich bin Kunde bei der Telekom",
    "Ich bin kein IT-Experte",
    "ich bin Einzelunternehmer",
    "ich bin Handwerksmeister",
    "ich bin seit 20 Jahren dabei",
    "ich bin Online Händler",
    "Ich bin es leid",
    "ich bin es nicht gewohnt",
    "hier ist alles noch auf Papier",
    "Hier ist Schluss",
    # greetings without names, Frau/Herr as nouns, hier
    "Viele Grüße aus Langenfeld",
    "LG aus Hilden",
    "Grüße an das Team",
    "Danke schön",
    "Danke Schön",
    "Danke, das war hilfreich",
    "Vielen Dank!",
    "Gruß",
    "meine Frau macht die Buchhaltung",
    "Herr im Haus bin ich",
    "Wir hier in Hilden machen das so",
    "Niemand hier kennt sich aus",
    "Alles hier läuft über Papier",
    "LG Monitore haben wir",
    # streets-like but no address
    "Am Montag um 8 Uhr",
    "Im Jahr 2019 haben wir umgestellt",
    "Auf Platz 1 bei Google",
    "Im Team 5 Leute",
    "am Ende 3 Angebote",
    "Arbeitsplatz 5 hat keinen PC",
    "Am Anfang 2 Mitarbeiter",
    "Im Hof 3 Autos",
    "Seit Januar 2023",
    "Monitoring 24/7",
    "im Schnitt 40 Stunden",
    "Zum Glück 2 Backups",
    # URL-like but no URL
    "z.B. Rechnungen",
    "u.a. Excel",
    "bzw. Word",
    "d.h. wir drucken alles",
    "usw.",
    "rechnung.pdf",
    "DIGITAL.SICHER.NRW kenne ich",
    # everyday answers in the interview
    "ja",
    "nein",
    "weiß nicht",
    "teilweise",
    "eher selten",
    "ja klar, machen wir",
    "ganz gut eigentlich",
    "Was speichern Sie über mich?",
    "Warum ist das wichtig?",
    "neu starten",
    "Bitte löschen Sie meine Daten",
    "Ich möchte mit jemandem sprechen",
    "ach nein, es sind 15 Beschäftigte",
    "Wir haben eine Website, aber keinen Shop",
    "Passwörter stehen auf Zetteln",
    "Backup macht Thomas' Sohn",  # a name, but not introduced as one: not redacted
    "unsere Kunden zahlen per PayPal",
    "Rechnungen schreiben wir mit Word",
    '/answer{"choice":"yes"}',
    "/affirm",
)


@pytest.mark.parametrize(("message", "expected", "kinds"), POSITIVE)
def test_personal_data_is_replaced(message: str, expected: str, kinds: Tuple[str, ...]) -> None:
    result = redact(message)
    assert result == Redaction(expected, kinds)


@pytest.mark.parametrize("message", UNCHANGED)
def test_owner_messages_stay_unchanged(message: str) -> None:
    assert redact(message) == Redaction(message, ())


def test_enough_cases() -> None:
    assert len(POSITIVE) >= 120 and len(UNCHANGED) >= 120
    assert {kind for _, _, kinds in POSITIVE for kind in kinds} == set(KINDS)


@pytest.mark.parametrize(("message", "expected", "kinds"), POSITIVE)
def test_redaction_is_idempotent(message: str, expected: str, kinds: Tuple[str, ...]) -> None:
    """The tracker store runs redact() again on redacted text: nothing changes then."""
    assert redact(expected) == Redaction(expected, ())


def test_empty_and_odd_input() -> None:
    assert redact("") == Redaction("", ())
    assert redact(None) == Redaction("", ())  # type: ignore[arg-type]
    assert not redact("   ").changed
    assert redact("thomas@example.org").changed


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("DE89370400440532013000", True),
        ("DE89 3704 0044 0532 0130 00", True),
        ("DE88370400440532013000", False),
        ("GB82WEST12345698765432", True),
        ("XX89370400440532013000", False),
        ("DE8937040044053201300", False),
    ],
)
def test_iban_checksum(iban: str, valid: bool) -> None:
    assert iban_valid(iban) is valid


@pytest.mark.parametrize(
    ("number", "plausible"),
    [
        ("0211 1234567", True),
        ("+49 (0)211 1234567", True),
        ("01/02/2024", False),
        ("08/15", False),
        ("+49 211", False),
        ("0211", False),
        ("012345", False),
    ],
)
def test_phone_plausibility(number: str, plausible: bool) -> None:
    assert phone_plausible(number) is plausible


def test_huge_inputs_complete() -> None:
    """Bounded patterns: long and adversarial messages are handled quickly (no timing assert
    on the exact number, just that it completes and scales)."""
    rng = random.Random(7)
    pieces = [
        "ich bin ", "Thomas ", "0", "1", "2", " ", "-", "/", "+49 ", "DE89 ", "Straße ", "12 ",
        "40721 ", "Hilden ", "@", ".", "de ", "www.", "LG ", "\n", "Frau ", "Am ", "Markt ", "a",
    ]  # fmt: skip
    samples = [
        "".join(rng.choice(pieces) for _ in range(2500))[:10_000],
        "0 " * 5000,
        "a" * 10_000,
        "ich bin " * 1250,
        "Straße 1 " * 1100,
        "+" + "1 " * 4999,
        "x@" * 5000,
        "Wir sind 12 Leute in Hilden und nutzen Microsoft 365. " * 180,
    ]
    for sample in samples:
        started = time.perf_counter()
        result = redact(sample)
        assert isinstance(result.text, str)
        assert time.perf_counter() - started < 5  # generous: catastrophic backtracking takes ages


def test_redaction_never_spoils_a_profile_reading() -> None:
    """On the owners' profile messages of the development corpus, every staff count, sector and
    town the parser reads correctly is still read correctly after redaction."""
    records = [
        json.loads(line)
        for path in sorted(CORPUS.glob("profile_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        pytest.skip("no profile corpus")
    spoiled, changed = [], 0
    for record in records:
        text = record["text"]
        redacted = redact(text).text
        if redacted == text:
            continue
        changed += 1
        before = read_profile(text, record.get("asked")).values
        after = read_profile(redacted, record.get("asked")).values
        for key, wanted in record["expected"].items():
            if wanted is not None and before.get(key) == wanted and after.get(key) != wanted:
                spoiled.append((text, key, wanted, after.get(key)))
    assert not spoiled
    assert changed < len(records) * 0.05  # only the few messages with personal data change
