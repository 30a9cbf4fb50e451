"""Redaction of personal data (bot/privacy/redact.py): what owners really write to the bot and
what is replaced in it."""

from __future__ import annotations

from typing import Tuple

import pytest

from bot.privacy.redact import KINDS, Redaction, redact
from tests.unit.redact_helpers import THIRD_ROUND, UNCHANGED

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


@pytest.mark.parametrize(("message", "expected", "kinds"), POSITIVE + THIRD_ROUND)
def test_personal_data_is_replaced(message: str, expected: str, kinds: Tuple[str, ...]) -> None:
    result = redact(message)
    assert result == Redaction(expected, kinds)


def test_enough_cases() -> None:
    assert len(POSITIVE) >= 120 and len(UNCHANGED) >= 120
    assert {kind for _, _, kinds in POSITIVE + THIRD_ROUND for kind in kinds} == set(KINDS)


@pytest.mark.parametrize(("message", "expected", "kinds"), POSITIVE + THIRD_ROUND)
def test_redaction_is_idempotent(message: str, expected: str, kinds: Tuple[str, ...]) -> None:
    """The tracker store runs redact() again on redacted text: nothing changes then."""
    assert redact(expected) == Redaction(expected, ())
