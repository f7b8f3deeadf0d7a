"""What each goal and answer option means, in several plain sentences (our own words).

The semantic matcher (dteam.interview.semantic_match) compares free-text answers the rules do not
understand with these sentences. They describe the option as staff would put it, not the study's
wording; the one-line GOAL_DESCRIPTIONS in goals.py are included as well. Pure module.
"""

from __future__ import annotations

from dteam.interview.goals import GOAL_DESCRIPTIONS

GOAL_SENTENCES: dict[str, tuple[str, ...]] = {
    "rechtliche_vorgaben": (
        "Wir setzen um, was Gesetze und Verordnungen von Bund und Land verlangen.",
        "Pflichtaufgaben erfüllen, die uns von oben vorgeschrieben werden.",
        "Fristen aus dem Onlinezugangsgesetz einhalten.",
        "Sauber nach Recht arbeiten, damit die Aufsicht und die Gerichte nichts zu beanstanden haben.",
        "Die E-Rechnung oder den Datenschutz einführen, weil es Pflicht ist.",
        "Keine gesetzliche Frist reißen und keinen Ärger mit der Aufsicht bekommen.",
    ),
    "foerdermittel": (
        "Geld aus Förderprogrammen von Land, Bund oder EU bekommen.",
        "Zuschüsse einwerben, weil wir es allein nicht bezahlen können.",
        "Finanzielle Unterstützung von außen für unsere Projekte.",
        "Das Ministerium oder der Kreis bezahlt einen Teil, den Rest tragen wir.",
        "Keinen Förderaufruf verpassen und jede Fördermöglichkeit nutzen.",
    ),
    "effizienz": (
        "Die Arbeit in der Verwaltung geht schneller und mit weniger Aufwand.",
        "Vorgänge werden zügiger bearbeitet, weniger Papier und weniger Routinearbeit.",
        "Personal entlasten und Zeit sparen.",
        "Im Amt weniger von Hand machen, damit die Arbeit nicht liegen bleibt.",
        "Elektronische Akten und ein Dokumentenmanagement einführen, damit niemand mehr im Archiv sucht.",
    ),
    "leistungsangebot": (
        "Bürgerinnen und Bürger können Anträge online stellen, ohne ins Amt zu kommen.",
        "Mehr Dienstleistungen der Verwaltung digital anbieten.",
        "Behördengänge von zu Hause aus erledigen.",
        "Urkunden und Bescheinigungen mit dem Handy bestellen, ohne aufs Amt zu müssen.",
        "Ein Bürgerportal mit Online-Anträgen und Terminen, die man im Internet bucht.",
    ),
    "buergernaehe": (
        "Die Verwaltung ist offen, freundlich und nah bei den Menschen.",
        "Den Einwohnern zuhören und transparent arbeiten.",
        "Guter Service und kurze Wege für die Menschen im Ort.",
        "Die Einwohner informieren, was das Rathaus plant, und sie ernst nehmen.",
        "Die Einwohner online mitreden lassen und die Unterlagen des Gemeinderats öffentlich machen.",
    ),
    "attraktivitaet": (
        "Der Ort wird ein attraktiver Platz zum Wohnen und Leben.",
        "Junge Familien und Fachkräfte sollen herziehen und bleiben.",
        "Das Image und der Ruf der Gemeinde sollen besser werden.",
        "Gäste und Besucher kommen gern in unseren Ort.",
        "Fachkräfte und Familien für unseren Ort gewinnen und herlocken.",
    ),
    "daseinsvorsorge": (
        "Versorgung der Menschen sichern: Gesundheit, Mobilität, Schulen und Betreuung.",
        "Ärzte, Busverbindungen und Kitas auch auf dem Land erreichbar halten.",
        "Infrastruktur wie schnelles Internet für alle ausbauen.",
        "Wasser, Strom, Arzt, Apotheke und Unterricht funktionieren auch im kleinsten Dorf.",
        "Schulen und Kitas mit Tablets und WLAN ausstatten, Glasfaser in jeden Ortsteil.",
    ),
    "wirtschaft": (
        "Unternehmen, Handwerk und Geschäfte vor Ort stärken.",
        "Arbeitsplätze und Gewerbe in der Region halten.",
        "Gründer und den Einzelhandel unterstützen.",
        "Kaufleute und Betriebe sollen sich ansiedeln und Gewerbesteuer zahlen.",
        "Ein Online-Marktplatz oder eine Gründerberatung für die Betriebe am Ort.",
    ),
    "zivilgesellschaft": (
        "Vereine und Ehrenamtliche bei ihrer Arbeit unterstützen.",
        "Freiwilliges Engagement und Nachbarschaftshilfe fördern.",
        "Bürgerschaftliches Engagement mit digitalen Mitteln stärken.",
        "Menschen, die unbezahlt helfen, etwa beim Dorffest, in der Tafel oder bei der Feuerwehr.",
        "Nachbarn, die gern helfen, mit Älteren zusammenbringen, die Hilfe beim Einkaufen brauchen.",
        "Eine Dorf-App oder Börse, über die Vereine und Freiwillige sich absprechen.",
    ),
    "innovation": (
        "Neue Technik ausprobieren und Vorreiter sein.",
        "Moderne Ideen wie Smart City testen.",
        "Experimentieren und Neues wagen.",
        "Etwas machen, was es anderswo noch nicht gibt, etwa Geräte, die selbst Daten messen.",
        "Einen Chatbot, künstliche Intelligenz oder Sensoren testen.",
    ),
}

OPTION_SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "strategy": {
        "vorhanden": (
            "Ja, wir haben eine beschlossene Digitalisierungsstrategie.",
            "Es gibt bei uns ein fertiges Digitalkonzept.",
        ),
        "in_entwicklung": (
            "Wir arbeiten gerade an einer Strategie, sie ist noch nicht fertig.",
            "Die Strategie wird zurzeit erstellt und ist in Planung.",
        ),
        "keine": (
            "Nein, eine Digitalisierungsstrategie gibt es bei uns nicht.",
            "Haben wir leider nicht, nichts vorhanden.",
        ),
    },
    "responsibility": {
        "hvb": (
            "Der Bürgermeister oder die Landrätin kümmert sich selbst darum.",
            "Die Verwaltungsspitze ist zuständig.",
        ),
        "cio": ("Ein IT-Leiter als Chief Information Officer verantwortet das.",),
        "cdo": (
            "Wir haben eine Digitalisierungsbeauftragte oder einen Chief Digital Officer.",
            "Eine eigene Stelle für Digitalisierung ist zuständig.",
        ),
        "fachbereich_it": (
            "Die IT-Abteilung macht das.",
            "Unser EDV-Team ist dafür zuständig.",
        ),
        "fachbereich_organisation": (
            "Das Hauptamt beziehungsweise die Abteilung für Organisation ist zuständig.",
            "Der Leiter des Hauptamts kümmert sich darum.",
        ),
        "steuerungsunterstuetzung": (
            "Eine Stabsstelle zur Verwaltungssteuerung koordiniert das.",
            "Die zentrale Steuerung im Haus übernimmt das.",
        ),
        "fachdezernate": (
            "Jedes Fachamt kümmert sich selbst um seine Digitalisierung.",
            "Die einzelnen Fachbereiche und Dezernate sind jeweils zuständig.",
        ),
    },
    "egov_components": {
        "chatbots": ("Ein Chatbot beantwortet Fragen auf der Website.",),
        "mobile_apps": ("Wir haben eine App fürs Smartphone.",),
        "dms": ("Wir arbeiten mit elektronischen Akten und einem Dokumentenmanagementsystem.",),
        "de_mail": ("Wir nutzen De-Mail.",),
        "formularserver": ("Formulare kann man online ausfüllen und abschicken.",),
        "e_payment": ("Gebühren kann man online bezahlen.",),
        "servicekonto": ("Bürger haben ein Nutzerkonto für Verwaltungsleistungen.",),
        "eid": ("Man kann sich mit dem Personalausweis online ausweisen.",),
        "verwaltungspostfach": ("Es gibt ein digitales Postfach für Bescheide.",),
        "suchfunktion": ("Auf der Website kann man nach Leistungen der Verwaltung suchen.",),
    },
    "fim_known": {
        "ja": ("Ja, das Föderale Informationsmanagement kenne ich.", "Davon habe ich schon gehört."),
        "nein": ("Nein, das kenne ich nicht.", "Davon habe ich noch nie gehört, das ist mir unbekannt."),
    },
    "data_use": {
        "bestandsaufnahme": (
            "Wir haben erfasst, welche Daten in der Verwaltung vorhanden sind.",
            "Es gibt einen Überblick über unsere Datenbestände.",
        ),
        "personaleinsatzplanung": ("Daten helfen uns bei der Planung, wer wann arbeitet.",),
        "prozessoptimierung": ("Mit Auswertungen verbessern wir unsere Abläufe.",),
        "automatisierung": ("Daten steuern automatisch ablaufende Vorgänge.",),
        "open_data": ("Wir veröffentlichen Daten frei im Internet.",),
    },
    "training": {
        "fachverfahren": ("Schulungen zu unserer Software und den Fachprogrammen.",),
        "technologische_trends": ("Weiterbildung zu neuen Technologien wie künstlicher Intelligenz.",),
        "arbeitsweisen": ("Kurse zu agilen Methoden und neuen Arbeitsweisen.",),
        "arbeitsorganisation": ("Fortbildung zu digitaler Zusammenarbeit und mobilem Arbeiten.",),
        "fuehrungskraefte": ("Fortbildung für Führungskräfte zum digitalen Wandel.",),
    },
    "participation": {
        "buergerhaushalt": ("Die Einwohner reden online beim Haushalt mit.",),
        "befragungen": ("Wir machen Umfragen im Internet.",),
        "maengelmelder": ("Schäden wie Schlaglöcher kann man online melden.",),
        "planungsverfahren": ("Bürger können sich online an Bauplanungen beteiligen.",),
        "sprechstunden": ("Der Bürgermeister bietet Sprechstunden per Video an.",),
        "civic_tech": ("Wir arbeiten mit Tüftlern und Open-Source-Initiativen zusammen.",),
    },
    "fibre": {
        "eigenregie": ("Wir bauen das Glasfasernetz selbst aus.",),
        "lokale_akteure": ("Wir bauen zusammen mit Stadtwerken und örtlichen Firmen aus.",),
        "gebietskoerperschaften": (
            "Wir arbeiten beim Breitband mit Nachbarkommunen und dem Kreis zusammen.",
        ),
        "foerdermittel": ("Der Breitbandausbau wird mit Fördergeld bezahlt.",),
    },
    "community_support": {
        "lokale_wirtschaft": ("Wir helfen örtlichen Firmen und Händlern bei der Digitalisierung.",),
        "startups": ("Wir fördern Gründerinnen und junge Unternehmen.",),
        "wlan": ("Es gibt kostenloses Internet auf öffentlichen Plätzen.",),
        "ehrenamt": ("Wir unterstützen Vereine und Ehrenamtliche digital.",),
    },
}


def goal_sentences(goal_id: str) -> tuple[str, ...]:
    return (GOAL_DESCRIPTIONS[goal_id], *GOAL_SENTENCES[goal_id])
