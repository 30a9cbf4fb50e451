"""Word lists for :mod:`bot.privacy.redact`, written for this bot (all compared case-folded).

``FIRST_NAMES``   common first names of people living in Düsseldorf and the Kreis Mettmann:
                  German, Turkish, Arabic, Polish, Russian/Ukrainian, Italian, Greek, Balkan,
                  Spanish/Portuguese, English and a few others. A name in this list after
                  "ich bin …"/"hier ist …" is redacted; other words there need more evidence.
``AMBIGUOUS``     first names that are also ordinary words: only taken when capitalised.
``NOT_NAMES``     words that are never (part of) a name after an introduction: function words,
                  roles and professions, adjectives, the bot's domain nouns, products, towns.
``ROLE_SUFFIXES`` word endings of professions and roles ("Malermeister", "Elektrikerin").
"""

from __future__ import annotations

from typing import FrozenSet, Tuple


def _words(text: str) -> FrozenSet[str]:
    return frozenset(split_words(text))


def split_words(text: str) -> Tuple[str, ...]:
    """The whitespace-separated words of ``text``, case-folded."""
    return tuple(word.casefold() for word in text.split())


FIRST_NAMES = _words(
    """
    Aaron Achim Adam Adrian Albert Alexander Alexandra Alfred Ali Alina Alexa Almut Amelie Andrea
    Andreas Andrej Angela Angelika Anja Anke Anna Anna-Lena Annalena Anne Annegret Annette Anni
    Annika Anton Antje Arne Arnd Arno Astrid Axel Barbara Bärbel Beate Ben Benedikt Benjamin Bernd
    Bernhard Berit Bettina Bianca Birgit Björn Bodo Brigitte Bruno Burkhard Carina Carla Carmen
    Carolin Caroline Carsten Charlotte Christa Christian Christiane Christina Christine Christoph
    Christopher Claudia Clemens Conny Constanze Cornelia Dagmar Daniel Daniela Dennis Detlef Dieter
    Dietmar Dirk Doris Dominik Dorothea Dorothee Edith Egon Elena Elias Elisabeth Elke Ella Emil
    Emilia Emily Emma Erik Erika Erwin Esther Eva Fabian Felix Finn Florian Frank Franz Franziska
    Frauke Friedrich Frieda Fritz Gabi Gabriele Georg Gerd Gerda Gerhard Gert Gisela Gregor Gudrun
    Günter Günther Gustav Hanna Hannah Hannelore Hans Hans-Jürgen Hans-Peter Harald Hartmut Heike
    Heinz Helga Helmut Hendrik Henning Henrik Herbert Hermann Hildegard Holger Horst Hubert Ilse
    Ina Ines Inga Inge Ingo Ingrid Iris Isabel Isabell Isabella Jakob Jan Jana Janina Jannik Jens
    Jessica Joachim Jochen Johann Johanna Johannes Jonas Jonathan Jörg Josef Julia Julian Juliane
    Jürgen Justus Jutta Kai Karin Karl Karl-Heinz Karla Karsten Katharina Kathrin Katja Katrin
    Kerstin Kevin Kim Klaus Konrad Konstantin Kristina Kurt Lara Lars Laura Lea Lena Leni Leon
    Leonie Lisa Lothar Louisa Luca Lucas Ludwig Luisa Luise Lukas Lutz Maik Maike Malte Manfred
    Manuel Manuela Marc Marcel Marco Marcus Margarete Margit Maria Marie Marina Mario Marion Marius
    Markus Marlene Martha Martin Martina Mathias Matthias Max Maximilian Meike Melanie Michael
    Michaela Mila Mirko Mia Monika Moritz Nadine Nadja Nele Nicole Niklas Nico Nicolas Nils Nina
    Nora Norbert Olaf Oliver Ole Pascal Patrick Patricia Paul Paula Peter Petra Philipp Pia Rainer
    Ralf Ralph Regina Reinhard Renate Rene René Robert Roland Rolf Ronja Rüdiger Ruth Sabine
    Sabrina Sandra Sara Sarah Sascha Sebastian Silke Simon Simone Sina Sophia Sophie Stefan Stefanie
    Steffen Stephan Stephanie Susanne Svenja Sven Swen Sybille Sylvia Tanja Tatjana Thea Theo
    Thomas Thorsten Tilo Tim Timo Tina Tobias Torsten Udo Ulf Ulla Ulrich Ulrike Ursula Ute Uwe
    Valentin Vanessa Vera Verena Viktoria Volker Walter Waltraud Werner Wilhelm Willi Wolfgang
    Yvonne Zoe
    Ahmet Ahmed Ayhan Ayla Aylin Ayşe Ayse Bahar Banu Baran Berk Berkay Burak Büşra Can Canan Cem
    Cemal Cengiz Deniz Derya Ebru Ece Elif Emel Emine Emre Engin Erdal Erkan Esra Fatma Fatih Ferhat
    Filiz Gül Gülay Gülşen Gulsen Hakan Hasan Hatice Hülya Hüseyin Ilknur İlknur Kemal Kübra Leyla
    Mehmet Mehmed Melek Meltem Merve Metin Murat Mustafa Necla Nesrin Nur Onur Orhan Osman Özlem
    Ozlem Recep Sedat Selin Selim Serkan Sevgi Sibel Songül Tülay Tuncay Ümit Umut Yasemin Yusuf
    Yılmaz Zeynep Şükrü Ömer Oemer
    Abdul Abdullah Ahmad Aisha Aischa Amina Amir Amira Anas Fatima Hamza Hanan Hassan Hussein
    Ibrahim Jamal Jamila Karim Khaled Khalid Layla Mahmoud Mariam Maryam Mohamed Mohammed Mohammad
    Muhammad Nabil Nadia Omar Rania Rashid Salma Samir Samira Tarek Walid Yasmin Yousef Youssef
    Zainab Zaid
    Agnieszka Aleksandra Andrzej Anita Bartosz Beata Dariusz Dorota Ewa Grzegorz Jacek Jakub Janusz
    Joanna Kasia Katarzyna Krzysztof Łukasz Lukasz Magdalena Małgorzata Malgorzata Marek Mariusz
    Marta Michał Michal Monika Paweł Pawel Piotr Renata Tomasz Wojciech Zbigniew Zofia
    Alexej Alexei Aljona Anastasia Andrei Anatoli Boris Dmitri Dmitrij Galina Igor Irina Iwan
    Jelena Jewgeni Ljudmila Ludmila Maxim Natalia Natalja Nikolai Oksana Olga Oleg Pavel Sergej
    Sergei Svetlana Swetlana Tatiana Valentina Viktor Vitali Vladimir Wladimir Yuri Juri Ekaterina
    Jekaterina Olena Oleksandr Taras Bogdan Dmytro
    Alessandro Alessia Andrea Angelo Antonio Chiara Daniele Davide Elisa Enzo Federica Federico
    Francesca Francesco Gianni Giorgio Giovanni Giulia Giuseppe Giuliana Lorenzo Luigi Marcello
    Massimo Matteo Paolo Pietro Roberto Salvatore Sergio Silvia Stefano Valentina Vincenzo
    Dimitrios Georgios Eleni Konstantinos Nikos Panagiotis Vasilis Sofia Katerina Ioannis
    Dragan Goran Ivana Ivan Jelena Milan Mirela Nikola Zoran Emina Amela Edin Elvis Mirza
    Alejandro Carlos Diego Fernando Javier Jorge José Jose Juan Luis Manuel Miguel Pablo Pedro Rosa
    Ana Joao João Rui Sofía Lucía Lucia Ines Marta
    David Emily George James Jennifer Jessica John Kate Lisa Mark Michelle Olivia Ryan Sam Sean
    Steve Tom William Will
    Anh Minh Linh Thanh Duc Hoa Wei Li Yan Jun Priya Raj Ravi Arjun Anil Sunil
    Bernadette Bernard Dana Denise Denis Diana Dustin Eric Fiona Gina Greta Hanno Hauke Heiner
    Helena Henrike Ida Imke Jasmin Jasper Jule Jens-Peter Joschka Justin Kay Lennart Liam Lina Lotta
    Luka Mats Merle Milena Mika Nadia Neele Noah Paulina Philip Pit Rebecca Rebekka Robin Ronald
    Sabina Samuel Selina Sonja Tabea Tamara Theresa Tessa Till Tom Torben Ulli Vincent Wiebke Xenia
    Yannick Yara Lia Ayleen Mehmet-Ali Luka Leandro Gino Enrico
    """
)

# First names that are ordinary German words too: taken only when capitalised.
AMBIGUOUS = _words(
    """Frank Mark Will Rosa Max Kurt Gert Ernst Ina Kai Kim Nur Can Gül Li Sam Ana Kay Ida Lia
    Emil Paul Till Pit Ole Ella Anni Tom Jan"""
)

# Professions, roles and the like ("ich bin Inhaber", "ich bin Malermeister").
ROLES = _words(
    """
    Inhaber Inhaberin Chef Chefin Boss Geschäftsführer Geschäftsführerin GF CEO Gründer Gründerin
    Mitgründer Mitgründerin Gesellschafter Gesellschafterin Teilhaber Teilhaberin Partner Partnerin
    Prokurist Prokuristin Vorstand Leiter Leiterin Meister Meisterin Geselle Gesellin Azubi Lehrling
    Auszubildender Auszubildende Angestellter Angestellte Mitarbeiter Mitarbeiterin Aushilfe
    Selbstständig Selbständig Selbstständiger Selbständiger Selbstständige Selbständige
    Freiberufler Freiberuflerin Freelancer Unternehmer Unternehmerin Einzelunternehmer
    Einzelunternehmerin Solo-Selbstständiger Soloselbstständig Kleinunternehmer Existenzgründer
    Rentner Rentnerin Pensionär Student Studentin Praktikant Praktikantin Werkstudent Trainee
    Handwerker Handwerkerin Maler Malerin Lackierer Lackiererin Elektriker Elektrikerin Tischler
    Tischlerin Schreiner Schreinerin Dachdecker Dachdeckerin Installateur Installateurin Klempner
    Sanitär Heizungsbauer Maurer Maurerin Zimmerer Zimmermann Fliesenleger Glaser Schlosser
    Schlosserin Mechaniker Mechanikerin Mechatroniker Kfz-Mechaniker Kfz-Meister Techniker
    Technikerin Bäcker Bäckerin Metzger Metzgerin Fleischer Fleischerin Konditor Konditorin Koch
    Köchin Wirt Wirtin Gastronom Gastronomin Kellner Kellnerin Friseur Friseurin Frisör Frisörin
    Friseuse Kosmetiker Kosmetikerin Optiker Optikerin Hörakustiker Goldschmied Goldschmiedin
    Fotograf Fotografin Grafiker Grafikerin Designer Designerin Architekt Architektin Ingenieur
    Ingenieurin Informatiker Informatikerin Programmierer Programmiererin Entwickler Entwicklerin
    Admin Administrator Administratorin ITler Berater Beraterin Steuerberater Steuerberaterin
    Buchhalter Buchhalterin Anwalt Anwältin Rechtsanwalt Rechtsanwältin Notar Notarin Arzt Ärztin
    Zahnarzt Zahnärztin Tierarzt Tierärztin Apotheker Apothekerin Physiotherapeut
    Physiotherapeutin Therapeut Therapeutin Heilpraktiker Heilpraktikerin Pfleger Pflegerin
    Erzieher Erzieherin Lehrer Lehrerin Trainer Trainerin Coach Händler Händlerin Einzelhändler
    Kaufmann Kauffrau Verkäufer Verkäuferin Makler Maklerin Immobilienmakler Versicherungsmakler
    Gärtner Gärtnerin Florist Floristin Landwirt Landwirtin Winzer Spediteur Fahrer Fahrerin
    Taxifahrer Kurier Logistiker Hausmeister Reinigungskraft Sekretär Sekretärin Assistent
    Assistentin Bürokraft Büroleiter Büroleiterin Sachbearbeiter Sachbearbeiterin Verwalter
    Verwalterin Vertreter Vertreterin Vertriebler Verantwortlicher Verantwortliche Zuständiger
    Zuständige Ansprechpartner Ansprechpartnerin Beauftragter Beauftragte Datenschutzbeauftragter
    Kunde Kundin Nutzer Nutzerin Mensch Mann Frau Herr Dame Vater Mutter Sohn Tochter Ehemann
    Ehefrau Opa Oma Anfänger Anfängerin Laie Profi Experte Expertin Fan Neuling Quereinsteiger
    Familienbetrieb Betrieb Unternehmen Firma Team
    """
)

# Endings of roles and professions and of company words (compared case-folded).
ROLE_SUFFIXES = split_words(
    """meister meisterin macher macherin händler händlerin berater beraterin leiter leiterin
    führer führerin inhaber inhaberin arbeiter arbeiterin techniker technikerin ingenieur
    ingenieurin kaufmann kauffrau fachmann fachfrau angestellte angestellter betrieb betriebs
    firma unternehmen unternehmer unternehmerin geschäft gmbh handwerker handwerkerin
    iker ikerin erin loge login istin eur eurin antin entin ator atorin
    beauftragter beauftragte helfer helferin pfleger pflegerin fahrer fahrerin bauer bauerin
    bäcker bäckerin therapeut therapeutin arzt ärztin"""
)

# Function words, adjectives and adverbs that follow "ich bin …" (compared case-folded).
FUNCTION_WORDS = _words(
    """
    ich du er sie es wir ihr mir mich dir dich uns euch ihnen ihm ihn man mein meine meinen meiner
    dein deine sein seine unser unsere euer eure der die das den dem des ein eine einen einem
    einer eines kein keine keinen keiner nicht nichts nie noch schon auch nur sehr ganz gar so
    hier da dort jetzt gerade eben heute morgen gestern bald immer oft selten mal gern gerne
    und oder aber doch denn weil dass wenn als wie was wer wo wann warum wieso weshalb ob
    in im an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben zwischen
    ja nein okay ok hallo hi moin servus tschüss danke bitte guten tag morgen abend
    allein alleine selbst selber neu alt jung froh gespannt bereit fertig zufrieden unsicher
    sicher interessiert neugierig müde krank da weg unterwegs online offline zurück dabei fast
    eigentlich wirklich total echt leider zum beispiel etwa ca circa ungefähr knapp genau
    erst gleich wieder nochmal jemand niemand alle alles viele wenige einige beide
    angemeldet angestellt verheiratet geschieden selbstständig selbständig hauptberuflich
    nebenberuflich zuständig verantwortlich neugierig skeptisch überfordert gestresst
    """
)

# Domain nouns, products and other capitalised words that are no names in this bot's chats.
DOMAIN_WORDS = _words(
    """
    Digitalcheck Check Bot Chatbot Assistent Frage Fragen Antwort Antworten Hilfe Info Infos
    Beratung Förderung Angebot Angebote Termin Kontakt Ergebnis Auswertung Datenschutz Daten
    Internet WLAN Computer Rechner PC PCs Laptop Laptops Notebook Tablet Tablets Handy Handys
    Smartphone Smartphones Telefon Drucker Server NAS Router Kasse Kassensystem Website Webseite
    Homepage Onlineshop Shop Software Cloud Backup Backups Firewall Virenschutz Antivirus Passwort
    Passwörter E-Mail Mail Mails Email Newsletter Social Media Buchhaltung Lohnbuchhaltung
    Steuer Steuern Rechnung Rechnungen Kunden Kundschaft Lieferanten Mitarbeiter Leute Personal
    Digitalisierung IT EDV Technik Office Microsoft Windows Apple Mac MacBook iPhone iPad Android
    Linux Google Workspace Gmail Outlook Excel Word PowerPoint Teams Zoom Skype Slack Dropbox
    OneDrive SharePoint DATEV Lexware Lexoffice sevDesk SAP WhatsApp Signal Instagram Facebook
    LinkedIn Xing TikTok YouTube Amazon eBay Etsy Shopify WordPress Wix Jimdo IONOS Strato
    Telekom Vodafone Fritzbox FRITZ!Box DIN SPEC ISO DSGVO KI ChatGPT Copilot Gemini
    Büro Laden Geschäft Werkstatt Praxis Kanzlei Salon Atelier Studio Restaurant Café Cafe
    Imbiss Bäckerei Metzgerei Apotheke Agentur Handel Handwerk Gastronomie Dienstleistung
    Produktion Bau Logistik Malerbetrieb Friseursalon Elektrobetrieb Schreinerei Tischlerei
    Dachdeckerei Gärtnerei Druckerei Pflegedienst Fahrschule Reisebüro Hotel Pension
    GmbH UG AG KG OHG GbR eK e.K. Co
    Euro EUR Prozent Jahr Jahre Jahren Monat Monate Woche Wochen Tag Tage Stunde Stunden Uhr
    Minuten Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende Januar
    Februar März April Mai Juni Juli August September Oktober November Dezember Frühjahr Sommer
    Herbst Winter Anfang Ende Mitte Moment Zeit Zukunft Vergangenheit Meinung Ansicht Sache
    Schluss Problem Probleme Thema Themen Sorge Sorgen Frau Herr Herrn Familie Kollege Kollegin
    Kollegen Ordnung Recht Hand Spaß Glück Gang Einsatz Stress Urlaub Feierabend
    Deutschland NRW Nordrhein-Westfalen Rheinland Kreis Mettmann Stadt Region Gewerbegebiet
    Innenstadt Zentrum Nähe Nord Süd Ost West Mitte Neu Alt Groß Klein
    """
)

# Towns and Ortsteile of the region and big German cities (data/lookup/places.yml has more).
TOWNS = _words(
    """
    Düsseldorf Duesseldorf Erkrath Haan Heiligenhaus Hilden Langenfeld Mettmann Monheim Ratingen
    Velbert Wülfrath Wuelfrath Hochdahl Unterfeldhaus Millrath Trills Sandheide Gruiten Meide
    Richrath Reusrath Immigrath Wiescheid Berghausen Metzkausen Neandertal Baumberg Lintorf Hösel
    Breitscheid Homberg Eggerscheidt Tiefenbroich Schwarzbach Langenberg Neviges Tönisheide
    Nierenhof Rohdenhaus Flandersbach Aprath Isenbügel Hetterscheidt Unterilp Oberilp Carlstadt
    Pempelfort Derendorf Golzheim Bilk Unterbilk Friedrichstadt Oberbilk Flingern Düsseltal
    Gerresheim Grafenberg Ludenberg Hubbelrath Knittkuhl Unterbach Vennhausen Eller Lierenfeld
    Wersten Holthausen Reisholz Benrath Urdenbach Hassels Itter Himmelgeist Garath Hellerhof
    Oberkassel Niederkassel Heerdt Lörick Hamm Volmerswerth Flehe Kaiserswerth Wittlaer Angermund
    Kalkum Lohausen Stockum Unterrath Rath Mörsenbroich Lichtenbroich Medienhafen Königsallee
    Altstadt Stadtmitte Wuppertal Solingen Remscheid Köln Koeln Duisburg Neuss Neuß Krefeld
    Mönchengladbach Leverkusen Mülheim Oberhausen Essen Bochum Dortmund Gelsenkirchen Bottrop
    Recklinghausen Herne Hattingen Sprockhövel Moers Meerbusch Kaarst Dormagen Grevenbroich
    Viersen Willich Bonn Aachen Münster Bielefeld Berlin Hamburg München Frankfurt Stuttgart
    Hannover Bremen Leipzig Dresden Nürnberg Hagen Siegen Leichlingen Burscheid Wermelskirchen
    """
)

NOT_NAMES = FUNCTION_WORDS | ROLES | DOMAIN_WORDS | TOWNS

# Nouns that, after "Am"/"An der"/"Im"/…, name a street ("Am Markt 3", "An der Kirche 5").
STREET_NOUNS = _words(
    """
    Markt Marktplatz Kirche Kirchplatz Bahnhof Rathaus Park Hof Berg Wald Bach Mühle Mühlenbach
    Feld Felde Garten Turm Brunnen Tor Graben Anger Hang Kamp Busch Heide Linde Linden Eichen
    Buchenhain Hain Deich Hafen Kanal Kreuz Kreuzweg Schloss Stadtpark Stadion Sportplatz
    Friedhof Weiher Teich See Ufer Hügel Steinbruch Steg Brücke Rhein Rheinufer Wall Acker Bruch
    Knapp Kothen Siepen Scheid Pfad Driesch Dorf Dorfplatz Anger Damm Deichtor Schlagbaum Pütt
    Gericht Kloster Galgen Plan Stein Steinweg Kamin Höhe Hohl Grund Kuhle Gut Wiese Wiesen
    """
)
