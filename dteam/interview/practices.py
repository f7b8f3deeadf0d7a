"""Interview practice questions: texts, button options and free-text answer parsing (German).

Pure module. Slot ids and values follow the project contract; each option knows the study table
row it is compared with (None where the study has no figures by type, e.g. E-Payment).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from dteam.interview.goals import MAX_INPUT_CHARS, word_anchored
from dteam.interview.matching import clause_spans, longest_matches
from dteam.text import fold_umlauts, format_number, join_german

SKIPPED = "skipped"


@dataclass(frozen=True)
class Option:
    value: str
    title: str  # short German button title
    patterns: tuple[str, ...]  # regexes in normal spelling (folded like the input)
    table_row: str | None = None  # row id in the question's study table
    phrase: str = ""  # German noun phrase for texts; defaults to the title

    @property
    def label(self) -> str:
        return self.phrase or self.title


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]
    multi: bool
    table: int | None = None
    topic: str = ""  # short German topic name for summaries

    def option(self, value: str) -> Option:
        for option in self.options:
            if option.value == value:
                return option
        raise KeyError(f"Option {value!r} gibt es bei Frage {self.id!r} nicht")

    def buttons(self) -> list[dict[str, str]]:
        buttons = [{"title": o.title, "value": o.value} for o in self.options]
        if self.multi:
            buttons.append({"title": "Keine davon", "value": "keine"})
        buttons.append({"title": "Weiß nicht / überspringen", "value": SKIPPED})
        return buttons


@dataclass(frozen=True)
class ParseResult:
    ok: bool
    value: Any = None  # slot value; "skipped" when skipped; [] for "none" in multi questions
    message: str = ""  # German hint if not ok

    @property
    def skipped(self) -> bool:
        return self.ok and self.value == SKIPPED


def _o(value, title, *patterns, row=None, phrase=""):
    return Option(value, title, tuple(patterns), row if row is not None else None, phrase)


QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in [
        Question(
            "municipality_kind",
            "Ist Ihre Kommune eine Gemeinde, eine Stadt oder ein Kreis?",
            (
                _o(
                    "gemeinde",
                    "Gemeinde",
                    r"\w*gemeinde\w*",
                    r"\bmarkt\b",
                    r"\bmarktgemeinde\w*",
                    r"\bdorf\b",
                    r"\bamt\b",
                    r"\bortsgemeinde\w*",
                ),
                _o(
                    "stadt",
                    "Stadt",
                    r"\w*stadt\b",
                    r"\bstädt\w*",
                    r"\bkreisfreie\w*\s+stadt",
                    r"\bkreisstadt\b",
                    r"\bgroße\w*\s+kreisstadt",
                    r"\bmetropole\b",
                    r"\bstadtverwaltung\b",
                    r"\bstadtstaat\b",
                ),
                _o(
                    "kreis",
                    "Kreis",
                    r"\w*kreis\b",
                    r"\bkreis\w*",
                    r"\blandkreis\w*",
                    r"\bkreisverwaltung\b",
                    r"\bregion\s+hannover\b",
                    r"\bstädteregion\b",
                    r"\blandratsamt\b",
                ),
            ),
            multi=False,
            topic="Art der Kommune",
        ),
        Question(
            "inhabitants",
            "Wie viele Einwohner:innen hat Ihre Kommune ungefähr? (z. B. „ca. 12.000“)",
            (),
            multi=False,
            topic="Einwohnerzahl",
        ),
        Question(
            "strategy",
            "Hat Ihre Kommune eine Digitalisierungsstrategie?",
            (
                _o(
                    "vorhanden",
                    "Ja, vorhanden",
                    r"\bja\b",
                    r"\bvorhanden\b",
                    r"\bhaben\s+wir\b",
                    r"\bgibt\s+es\b",
                    r"\bbeschlossen\b",
                    r"\bverabschiedet\b",
                    r"\bexistiert\b",
                    r"\bliegt\s+vor\b",
                    r"\bhaben\s+(?:doch\s+|schon\s+|bereits\s+|auch\s+)?(?:eine|so\s+eine|sie)\b",
                    # "Wir haben ein Papier vom Gemeinderat"
                    r"\bwir\s+haben\s+(?:doch\s+|schon\s+|bereits\s+)?(?:ein|eine|so\s+ein\w*)\s+"
                    r"(?:papier|konzept|strategie\w*|beschluss|leitbild|dokument)\b",
                    row="strategie_vorhanden",
                    phrase="eine Digitalisierungsstrategie",
                ),
                _o(
                    "in_entwicklung",
                    "In Entwicklung",
                    r"\bin\s+(?:der\s+)?(?:arbeit|entwicklung|planung|erarbeitung|vorbereitung|abstimmung)\b",
                    r"\bwird\s+(?:gerade\s+)?(?:erarbeitet|entwickelt|erstellt|geschrieben)\b",
                    r"\bentsteht\b",
                    r"\bgeplant\b",
                    r"\barbeiten\s+(?:gerade\s+)?daran\b",
                    r"\bim\s+aufbau\b",
                    r"\bentwurf\b",
                    r"\bin\s+entstehung\b",
                    r"\bkommt\s+bald\b",
                    r"\bschreiben\s+(?:gerade\s+|noch\s+)?(?:an|daran)\b",
                    r"\b(?:noch|gerade)\s+dran\b",
                    r"\b(?:fangen|starten)\b.*\b(?:an|damit|demnächst)\b",
                    r"\bentwicklung\b",
                    # "Wir haben eine, die ist nur nicht beschlossen": written, not yet adopted.
                    r"\b(?:noch\s+)?nicht\s+(?:\w+\s+)?(?:beschlossen|verabschiedet|fertig\w*|abgeschlossen|freigegeben)\b",
                    row="strategie_in_entwicklung",
                    phrase="eine Strategie in Entwicklung",
                ),
                _o(
                    "keine",
                    "Nein",
                    r"\bnein\b",
                    r"\bkeine\w*\b",
                    r"\bnicht\b",
                    r"\bnö\b",
                    r"\bfehlt\b",
                    r"\bfehlanzeige\b",
                    r"^\W*(?:nichts|nix|null|keins|nee)\W*$",  # "nichts" alone: no strategy
                    phrase="keine Digitalisierungsstrategie",
                ),
            ),
            multi=False,
            table=5,
            topic="Digitalisierungsstrategie",
        ),
        Question(
            "responsibility",
            "Wer ist bei Ihnen für die Digitalisierung der Verwaltung verantwortlich? Mehrfachnennung "
            "möglich.",
            (
                _o(
                    "hvb",
                    "Bürgermeister:in / Landrat:in",
                    r"\bhvb\b",
                    r"\w*bürgermeister\w*",
                    r"\blandr[aä]t\w*",
                    r"\bverwaltungs(?:spitze|leitung|chef\w*|vorstand)\b",
                    r"\bchefsache\b",
                    r"\bchef\w*\b",
                    r"\bhauptverwaltungsbeamt\w*",
                    r"\bspitze\b",
                    row="hvb",
                    phrase="die Verwaltungsspitze (HVB)",
                ),
                _o(
                    "cio",
                    "CIO",
                    r"\bcio\b",
                    r"\bchief\s+information\w*",
                    r"\bit\s?dezernent\w*",
                    row="cio",
                    phrase="ein:e CIO",
                ),
                _o(
                    "cdo",
                    "CDO / Digitalisierungsbeauftragte:r",
                    r"\bcdo\b",
                    r"\bchief\s+digital\w*",
                    r"\bdigital\w*\s?(?:beauftragt|verantwortlich|lotse|lots|koordinat|manager|referent|stabsstelle)\w*",
                    r"\bstabsstelle\s+digital\w*",
                    row="cdo",
                    phrase="ein:e CDO",
                ),
                _o(
                    "fachbereich_it",
                    "Fachbereich IT",
                    r"\bit\b",
                    r"\bedv\b",
                    r"\bit\s?(?:abteilung|amt|bereich|referat|team|leit\w*)\b",
                    r"\binformationstechnik\b",
                    r"\bfachbereich\s+it\b",
                    r"\bit\s?dienstleister\w*",
                    row="fachbereich_it",
                    phrase="der Fachbereich IT",
                ),
                _o(
                    "fachbereich_organisation",
                    "Fachbereich Organisation",
                    r"\w*organisation\w*",
                    r"\borga\b",
                    r"\bhauptamt\b",
                    r"\bhauptamts\w*",
                    r"\bzentrale\w*\s+dienst\w*",
                    r"\bpersonal\s+und\s+organisation\b",
                    row="fachbereich_organisation",
                    phrase="der Fachbereich Organisation",
                ),
                _o(
                    "steuerungsunterstuetzung",
                    "Zentrale Steuerungsunterstützung",
                    r"\w*steuerungsunterstützung\w*",
                    r"\bstabsstelle\w*",
                    r"\bverwaltungssteuerung\b",
                    r"\bstrategische\w*\s+steuerung\b",
                    r"\bzentrale\w*\s+steuerung\w*",
                    row="steuerungsunterstuetzung",
                    phrase="die zentrale Steuerungsunterstützung",
                ),
                _o(
                    "fachdezernate",
                    "Fachdezernate / Fachämter",
                    r"\bfach\s?(?:dezernat|ämt|amt|bereich|abteilung)\w*",
                    r"\bdezernat\w*",
                    r"\bjede\w*\s+(?:amt|bereich|abteilung)\w*",
                    # A named specialist office ("macht bei uns der Kämmerer nebenher", "das Bauamt");
                    # the Hauptamt is Organisation.
                    r"\bkämmer\w*",
                    r"\bstadtkasse\b|\bgemeindekasse\b",
                    r"\bfinanz\w*\s?(?:abteilung|verwaltung|bereich|amt|dezernat)\w*",
                    r"\b(?:bau|tiefbau|hochbau|ordnungs|bürger|sozial|jugend|schul|standes|einwohnermelde|"
                    r"melde|umwelt|kultur|liegenschafts|grundbuch)ämter\b",
                    r"\b(?:bau|tiefbau|hochbau|ordnungs|bürger|sozial|jugend|schul|standes|einwohnermelde|"
                    r"melde|umwelt|kultur|liegenschafts)amt\w*",
                    row="fachdezernate",
                    phrase="die Fachdezernate",
                ),
            ),
            multi=True,
            table=7,
            topic="Verantwortung für die Verwaltungsdigitalisierung",
        ),
        Question(
            "egov_components",
            "Welche E-Government-Basiskomponenten setzen Sie ein? Mehrfachnennung möglich.",
            (
                _o(
                    "chatbots",
                    "Chatbot",
                    r"\w*chat\s?bot\w*",
                    r"\bbots?\b",
                    r"\bvirtuelle\w*\s+assistent\w*",
                    row="chatbots",
                    phrase="einen Chatbot",
                ),
                _o(
                    "mobile_apps",
                    "Mobile App",
                    r"\bapps?\b",
                    r"\w+\s?apps?\b",
                    r"\bmobile\w*\s+anwendung\w*",
                    r"\bsmartphone\w*",
                    r"\bmobile\w*\s+app\w*",
                    row="mobile_apps",
                    phrase="eine mobile App",
                ),
                _o(
                    "dms",
                    "DMS / E-Akte",
                    r"\bdms\b",
                    r"\bdokumenten\s?management\w*",
                    r"\be\s?akte\w*",
                    r"\belektronische\w*\s+akte\w*",
                    r"\becms?\b",
                    row="dms",
                    phrase="ein Dokumentenmanagementsystem (DMS)",
                ),
                _o("de_mail", "De-Mail", r"\bde\s?mail\w*", row="de_mail", phrase="De-Mail"),
                _o(
                    "formularserver",
                    "Formularserver",
                    r"\w*formular\w*",
                    r"\bworkflow\w*",
                    phrase="einen Formularserver",
                ),
                _o(
                    "e_payment",
                    "E-Payment",
                    r"\be\s?payment\w*",
                    r"\w*bezahl\w*",
                    r"\bpay\s?pal\b",
                    r"\bepaybl\w*",
                    r"\bonline\s?zahl\w*",
                    r"\bzahlungs\w*",
                    phrase="E-Payment",
                ),
                _o(
                    "servicekonto",
                    "Servicekonto",
                    r"\w*konto\b",
                    r"\w*konten\b",
                    r"\bbund\s?id\b",
                    r"\bnutzerkonto\w*",
                    phrase="ein Servicekonto",
                ),
                _o(
                    "eid",
                    "eID / Online-Ausweis",
                    r"\be\s?id\b",
                    r"\bonline\s?ausweis\w*",
                    r"\bpersonalausweis\w*",
                    r"\bausweisfunktion\w*",
                    r"\bnpa\b",
                    phrase="die eID-Funktion",
                ),
                _o(
                    "verwaltungspostfach",
                    "Verwaltungspostfach",
                    r"\w*postfach\w*",
                    r"\w*postfächer\w*",
                    phrase="ein Verwaltungspostfach",
                ),
                _o(
                    "suchfunktion",
                    "Suchfunktion",
                    r"\w*such\w*",
                    r"\w*finder\b",
                    r"\bleistungsfinder\w*",
                    r"\bzuständigkeitsfinder\w*",
                    phrase="eine Suchfunktion für Verwaltungsleistungen",
                ),
            ),
            multi=True,
            table=9,
            topic="E-Government-Basiskomponenten",
        ),
        Question(
            "fim_known",
            "Kennen Sie das Föderale Informationsmanagement (FIM)?",
            (
                _o(
                    "ja",
                    "Ja",
                    r"\bja\b",
                    r"\bbekannt\b",
                    r"\bkenne\w*\b",
                    r"\bschon\s+gehört\b",
                    r"\bnatürlich\b",
                    r"\bklar\b",
                    r"\bnutzen\s+wir\b",
                    r"\bsetzen\s+wir\b",
                    r"\bjawohl\b",
                    r"\bjep\b",
                    r"\bjo\b",
                    row="fim_bekannt",
                    phrase="FIM ist bekannt",
                ),
                _o(
                    "nein",
                    "Nein",
                    r"\bnein\b",
                    r"\bnö\b",
                    r"\bnee\b",
                    r"\bnie\b",
                    r"\bunbekannt\b",
                    r"\bnicht\s+bekannt\b",
                    r"\bkenne\w*\s+(?:\w+\s+)?nicht\b",
                    r"\bnoch\s+nie\b",
                    r"\bsagt\s+mir\s+nichts\b",
                    r"\bwas\s+ist\s+das\b",
                    r"\bnicht\b",
                    phrase="FIM ist nicht bekannt",
                ),
            ),
            multi=False,
            table=10,
            topic="Föderales Informationsmanagement (FIM)",
        ),
        Question(
            "data_use",
            "Wofür nutzen Sie Verwaltungsdaten systematisch? Mehrfachnennung möglich.",
            (
                _o(
                    "bestandsaufnahme",
                    "Bestandsaufnahme der Daten",
                    r"\bbestandsaufnahme\w*",
                    r"\bdaten\s?(?:inventar|katalog|bestand|landkarte)\w*",
                    r"\büberblick\b",
                    r"\bübersicht\b",
                    r"\binventar\w*",
                    row="bestandsaufnahme",
                    phrase="eine systematische Bestandsaufnahme der Daten",
                ),
                _o(
                    "personaleinsatzplanung",
                    "Personaleinsatzplanung",
                    r"\bpersonal\w*",
                    r"\bdienstplan\w*",
                    r"\bschichtplan\w*",
                    r"\beinsatzplanung\w*",
                    row="personaleinsatzplanung",
                    phrase="Daten zur Personaleinsatzplanung",
                ),
                _o(
                    "prozessoptimierung",
                    "Prozessoptimierung",
                    r"\w*prozess\w*",
                    r"\w*optimier\w*",
                    r"\bkennzahl\w*",
                    r"\bcontrolling\b",
                    r"\babläuf\w*",
                    row="prozessoptimierung",
                    phrase="Daten zur Prozessoptimierung",
                ),
                _o(
                    "automatisierung",
                    "Automatisierung",
                    r"\w*automati\w*",
                    r"\brpa\b",
                    r"\bki\b",
                    r"\bkünstliche\w*\s+intelligenz\b",
                    r"\balgorithm\w*",
                    row="automatisierung",
                    phrase="Daten zur Automatisierung",
                ),
                _o(
                    "open_data",
                    "Open Data",
                    r"\bopen\s?data\b",
                    r"\boffene\w*\s+daten\b",
                    r"\bdatenportal\w*",
                    r"\bopen\s+government\s+data\b",
                    row="open_data",
                    phrase="Open Data",
                ),
            ),
            multi=True,
            table=11,
            topic="Datennutzung",
        ),
        Question(
            "training",
            "Zu welchen Themen bieten Sie Ihren Mitarbeitenden Fortbildungen an? Mehrfachnennung möglich.",
            (
                _o(
                    "fachverfahren",
                    "Fachverfahren und Anwendungen",
                    r"\w*fachverfahren\w*",
                    r"\bfachanwendung\w*",
                    r"\banwendung\w*",
                    r"\bsoftware\w*",
                    r"\bprogramm\w*",
                    r"\boffice\b",
                    r"\bit\s?schulung\w*",
                    row="fachverfahren_angeboten",
                    phrase="Fortbildungen zu Fachverfahren und Anwendungen",
                ),
                _o(
                    "technologische_trends",
                    "Technologische Trends",
                    r"\w*trend\w*",
                    r"\btechnolog\w*",
                    r"\bki\b",
                    r"\bkünstliche\w*\s+intelligenz\b",
                    r"\binnovation\w*",
                    row="technologische_trends_angeboten",
                    phrase="Fortbildungen zu technologischen Trends",
                ),
                _o(
                    "arbeitsweisen",
                    "Arbeitsweisen und Methoden",
                    r"\barbeitsweise\w*",
                    r"\bmethode\w*",
                    r"\bagil\w*",
                    r"\bscrum\b",
                    r"\bdesign\s?thinking\b",
                    r"\bprojektmanagement\w*",
                    r"\bkanban\b",
                    row="arbeitsweisen_angeboten",
                    phrase="Fortbildungen zu Arbeitsweisen und Methoden",
                ),
                _o(
                    "arbeitsorganisation",
                    "Digitale Arbeitsorganisation",
                    r"\w*arbeitsorganisation\w*",
                    r"\bhome\s?office\b",
                    r"\bmobile\w*\s+arbeit\w*",
                    r"\bzusammenarbeit\b",
                    r"\bkollaboration\w*",
                    r"\bvideo\s?konferenz\w*",
                    r"\bselbstorganisation\w*",
                    row="arbeitsorganisation_angeboten",
                    phrase="Fortbildungen zur digitalen Arbeitsorganisation",
                ),
                _o(
                    "fuehrungskraefte",
                    "Führung in der Digitalisierung",
                    r"\bführung\w*",
                    r"\bleadership\b",
                    r"\bleitungskräfte\w*",
                    r"\bvorgesetzt\w*",
                    row="fuehrungskraefte_angeboten",
                    phrase="Fortbildungen für Führungskräfte",
                ),
            ),
            multi=True,
            table=12,
            topic="Fortbildungen",
        ),
        Question(
            "participation",
            "Welche digitalen Beteiligungsformen bieten Sie an? Mehrfachnennung möglich.",
            (
                _o(
                    "buergerhaushalt",
                    "Bürgerhaushalt",
                    r"\w*haushalt\w*",
                    row="buergerhaushalt",
                    phrase="einen Online-Bürgerhaushalt",
                ),
                _o(
                    "befragungen",
                    "Online-Befragungen",
                    r"\w*befragung\w*",
                    r"\w*umfrage\w*",
                    r"\bsurvey\w*",
                    row="befragungen",
                    phrase="Online-Befragungen",
                ),
                _o(
                    "maengelmelder",
                    "Mängelmelder",
                    r"\w*mängel\w*",
                    r"\w*melder\b",
                    r"\bmeldeplattform\w*",
                    r"\bschaden\w*\s?mel\w*",
                    r"\bsag\s?s\s+uns\b",
                    row="maengelmelder",
                    phrase="einen Online-Mängelmelder",
                ),
                _o(
                    "planungsverfahren",
                    "Beteiligung an Planungsverfahren",
                    r"\w*planung\w*",
                    r"\bbebauungsplan\w*",
                    r"\bplanverfahren\w*",
                    row="planungsverfahren",
                    phrase="Online-Beteiligung an Planungsverfahren",
                ),
                _o(
                    "sprechstunden",
                    "Online-Bürgersprechstunde",
                    r"\w*sprechstunde\w*",
                    row="sprechstunden",
                    phrase="Online-Bürgersprechstunden",
                ),
                _o(
                    "civic_tech",
                    "Civic Tech",
                    r"\bcivic\s?tech\w*",
                    r"\bhackathon\w*",
                    r"\bcode\s+for\b",
                    r"\bok\s?lab\w*",
                    row="civic_tech",
                    phrase="Civic Tech",
                ),
            ),
            multi=True,
            table=16,
            topic="Digitale Beteiligung",
        ),
        Question(
            "fibre",
            "Wie engagiert sich Ihre Kommune beim Glasfaserausbau? Mehrfachnennung möglich.",
            (
                _o(
                    "eigenregie",
                    "In Eigenregie",
                    r"\beigen\w*",
                    r"\bselbst\b",
                    r"\beigenbetrieb\w*",
                    row="eigenregie",
                    phrase="Ausbau in Eigenregie",
                ),
                _o(
                    "lokale_akteure",
                    "Mit lokalen Akteuren",
                    r"\blokal\w*",
                    r"\börtlich\w*",
                    r"\bstadtwerk\w*",
                    r"\bgemeindewerk\w*",
                    r"\benergieversorger\w*",
                    r"\bgenossenschaft\w*",
                    row="lokale_akteure",
                    phrase="Ausbau mit lokalen Akteuren",
                ),
                _o(
                    "gebietskoerperschaften",
                    "Mit anderen Kommunen",
                    r"\bgebietskörperschaft\w*",
                    r"\bzweckverband\w*",
                    r"\binterkommunal\w*",
                    r"\bnachbar\w*",
                    r"\bandere\w*\s+(?:kommune|gemeinde|städte|stadt|kreis)\w*",
                    r"\b(?:land)?kreis\w*",
                    r"\bkommunen\b",
                    r"\bgemeinden\b",
                    row="gebietskoerperschaften",
                    phrase="Zusammenarbeit mit anderen Gebietskörperschaften",
                ),
                _o(
                    "foerdermittel",
                    "Mit Fördermitteln",
                    r"\w*förder\w*",
                    r"\bzuschu\w*",
                    r"\b(?:graue|weiße)\w*\s+flecken\b",
                    row="foerdermittel",
                    phrase="Ausbau mit Fördermitteln",
                ),
            ),
            multi=True,
            table=13,
            topic="Glasfaserausbau",
        ),
        Question(
            "community_support",
            "Wie unterstützen Sie die Digitalisierung in der örtlichen Gemeinschaft? Mehrfachnennung "
            "möglich.",
            (
                _o(
                    "lokale_wirtschaft",
                    "Lokale Wirtschaft",
                    r"\bwirtschaft\w*",
                    r"\w*handel\b",
                    r"\bunternehme[nr]\w*",
                    r"\bbetriebe\w*",
                    r"\bgewerbe\w*",
                    r"\bmarktplatz\w*",
                    r"\bhandwerk\w*",
                    row="lokale_wirtschaft",
                    phrase="die Digitalisierung der lokalen Wirtschaft",
                ),
                _o(
                    "startups",
                    "Start-up-Förderung",
                    r"\bstart\s?ups?\b",
                    r"\bgründ\w*",
                    r"\binkubator\w*",
                    r"\bco\s?working\w*",
                    r"\baccelerator\w*",
                    r"\bhub\w*",
                    row="startups",
                    phrase="Start-up-Förderung",
                ),
                _o(
                    "wlan",
                    "Freies WLAN / LoRaWAN",
                    r"\bw\s?lan\w*",
                    r"\bwi\s?fi\b",
                    r"\bhotspot\w*",
                    r"\blora\w*",
                    r"\bfreifunk\w*",
                    row="wlan",
                    phrase="freies WLAN oder LoRaWAN",
                ),
                _o(
                    "ehrenamt",
                    "Digitales Ehrenamt",
                    r"\w*ehrenamt\w*",
                    r"\bverein\w*",
                    r"\bfreiwillig\w*",
                    r"\bengagement\w*",
                    row="ehrenamt",
                    phrase="die Digitalisierung des Ehrenamts",
                ),
            ),
            multi=True,
            table=14,
            topic="Unterstützung der örtlichen Gemeinschaft",
        ),
    ]
}

# Order in which the interview asks; context first, then the practices.
QUESTION_ORDER: tuple[str, ...] = (
    "municipality_kind",
    "inhabitants",
    "strategy",
    "responsibility",
    "egov_components",
    "fim_known",
    "data_use",
    "training",
    "participation",
    "fibre",
    "community_support",
)
PRACTICE_IDS: tuple[str, ...] = QUESTION_ORDER[2:]

KIND_NAMES = {"gemeinde": "Gemeinde", "stadt": "Stadt", "kreis": "Kreis"}
# Column in Table 2 / row in Table 3 for each kind.
KIND_TABLE2_ROW = {"gemeinde": "gemeinden", "stadt": "staedte", "kreis": "kreise"}
KIND_TABLE3_ROW = {"gemeinde": "staedte_und_gemeinden", "stadt": "staedte_und_gemeinden", "kreis": "kreise"}

# The one size-band scheme (texts, stored results, statistics): a band cannot single out one
# municipality of a given kind as easily as an exact figure. (id, lower bound inclusive, label)
SIZE_BANDS: tuple[tuple[str, int, str], ...] = (
    ("unter_10000", 0, "unter 10.000"),
    ("10000_bis_49999", 10_000, "10.000 bis 49.999"),
    ("50000_bis_99999", 50_000, "50.000 bis 99.999"),
    ("100000_bis_499999", 100_000, "100.000 bis 499.999"),
    ("ab_500000", 500_000, "500.000 und mehr"),
)
MAX_INHABITANTS = 4_000_000  # more than Berlin has; larger numbers are typos

_SKIP = re.compile(
    fold_umlauts(
        r"\b(?:weiß\s+(?:ich\s+)?nicht|weiss\s+(?:ich\s+)?nicht|keine\s+ahnung|überspring\w*|skip\w*|"
        r"später|keine\s+angabe\w*|k\s?\.?\s?a\b|möchte\s+ich\s+nicht|will\s+ich\s+nicht|nicht\s+sicher|"
        r"unsicher|kann\s+ich\s+nicht\s+sagen|weiter\b|nächste\s+frage|egal|pass\b)"
    )
)
_NONE = re.compile(
    fold_umlauts(
        # Fillers before the "none" ("Eigentlich gar nicht", "Ehrlich gesagt, nichts davon"), and the
        # question's topic said back first ("Daten? Eher nicht, wir haben ja kaum welche").
        r"^\s*(?:[a-zäöüß-]{3,30}(?:\s+[a-zäöüß-]{3,30})?\s*[?:]\s*)?"
        r"(?:(?:eigentlich|ehrlich(?:\s+gesagt)?|also|hm+|äh+m?|naja|tja|momentan|aktuell|derzeit|zurzeit|"
        r"bisher|bei\s+uns|ich\s+fürchte)[\s,.]+)*"
        r"(?:nein|nö|nee|keine\w*|keins|nichts(?:\s+davon)?|gar\s+nicht\w*|bisher\s+nicht\w*|überhaupt\s+nicht\w*|"
        r"so\s+gut\s+wie\s+(?:gar\s+)?nicht\w*|nicht\s+wirklich|eher\s+(?:nicht|nichts|keine\w*)|"
        r"noch\s+nicht\w*|null|nix|leider\s+(?:nein|nicht\w*|keine\w*)|wir\s+haben\s+(?:noch\s+)?(?:keine|nichts))\b"
    )
)
# "Die Stadt hält sich da raus", "Machen wir nicht selbst": none of the options, said anywhere in the answer
# (checked only when no option is named).
_NONE_ANYWHERE = re.compile(
    fold_umlauts(
        r"\b(?:(?:halten?\s+(?:uns|sich)|hält\s+sich)\s+(?:(?:da|dabei|komplett|ganz|völlig)\s+)*raus|"
        r"machen\s+wir\s+(?:gar\s+)?(?:nicht|nichts)(?:\s+selbst)?|tun\s+wir\s+(?:gar\s+)?nichts|"
        r"passiert\s+(?:bei\s+uns\s+)?(?:gar\s+)?nichts|fehlanzeige)\b"
    )
)
# Answers that name a use outside the options: statistics and reports only ("Nur Statistiken für den
# Haushalt") are no systematic use the study asked about (its conclusion: data can do more than reporting).
_NONE_OF_THE_OPTIONS = {
    "data_use": re.compile(
        fold_umlauts(
            r"\b(?:nur|lediglich|bloß|ausschließlich|höchstens)\s+(?:\w+\s+){0,2}"
            r"(?:statistik|bericht|berichtspflicht|kennzahl|meldung|auswertung)\w*"
        )
    )
}
# "alle" / "sämtliche" = every option; not "für alle" (everyone) or "alle Beschäftigten" (people).
_ALL = re.compile(
    fold_umlauts(
        r"(?<!\bfür\s)(?<!\ban\s)(?<!\bmit\s)\b(?:alle(?:s)?|sämtliche)\b"
        r"(?!\s+(?:bürger|menschen|einwohner|mitarbeit|beschäftigt|kolleg|leute|personal|angestellt|azubi))"
    )
)
_EXCEPT = re.compile(fold_umlauts(r"\b(?:außer|ausser|bis\s+auf|ohne|abgesehen\s+von)\b"))
_NEGATED_CLAUSE = re.compile(
    fold_umlauts(r"\b(?:nicht|kein\w*|nein|nie|geplant|planen|in\s+planung|demnächst|bald|künftig)\b")
)
_CLAUSE_SPLIT = re.compile(fold_umlauts(r"[,;.!?\n]+|\s(?:aber|sondern|jedoch|dafür)\s"))
# A cue right after a place preposition names where another option is ("Hotspots am Marktplatz", "eine
# Stabsstelle beim Bürgermeister"), not an option of its own – unless nothing else is named in its part
# of the clause ("im Hauptamt und beim Bürgermeister" names both).
_PLACE_BEFORE = re.compile(fold_umlauts(r"\b(?:am|beim|auf\s+dem|vor\s+dem|neben\s+dem)\s+$"))
_PART_SPLIT = re.compile(r"\b(?:und|sowie|oder)\b")


def _normalise(text: str) -> str:
    text = fold_umlauts(str(text)[:MAX_INPUT_CHARS])
    text = re.sub(r"[-_/–—+&*\"'„“”«»]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_COMPILED: dict[str, list[tuple[Option, list[re.Pattern[str]]]]] = {
    qid: [(o, [re.compile(word_anchored(fold_umlauts(p))) for p in o.patterns]) for o in q.options]
    for qid, q in QUESTIONS.items()
}


def _matches(question_id: str, text: str) -> list[tuple[int, int, Option]]:
    return longest_matches(text, _COMPILED[question_id])


def option_help(question: Question) -> str:
    """ "Bitte wählen Sie aus: …" with the question's options (also after a hint of the flow)."""
    titles = [o.title for o in question.options]
    extra = (
        " Sie können auch „keine“ oder „weiß nicht“ antworten."
        if question.multi
        else " Sie können auch „weiß nicht“ antworten."
    )
    return "Bitte wählen Sie aus: " + ", ".join(titles) + "." + extra


def parse_answer(question_id: str, text: Any) -> ParseResult:
    """Parse a free-text (or button) answer for one question into its slot value."""
    if question_id not in QUESTIONS:
        raise KeyError(f"Unbekannte Frage {question_id!r}")
    question = QUESTIONS[question_id]
    if isinstance(text, (list, tuple)):
        text = ", ".join(str(t) for t in text)
    raw = "" if text is None else str(text)
    if not raw.strip():
        return ParseResult(
            False,
            message="Ich habe keine Antwort erhalten. "
            + (option_help(question) if question.options else QUESTIONS["inhabitants"].text),
        )
    norm = _normalise(raw)
    if question_id == "inhabitants":
        return _parse_inhabitants_answer(norm)
    # Button payloads: exact option values, also comma-separated for multi-select.
    values = [v.strip() for v in re.split(r"[,\s]+", raw.strip()) if v.strip()]
    known = {o.value for o in question.options}
    if values and all(v in known for v in values) and (question.multi or len(values) == 1):
        return ParseResult(True, list(dict.fromkeys(values)) if question.multi else values[0])
    if raw.strip() == SKIPPED:
        return ParseResult(True, SKIPPED)
    if question.multi:
        return _parse_multi(question, norm)
    return _parse_single(question, norm)


def _parse_single(question: Question, norm: str) -> ParseResult:
    if _SKIP.search(norm):
        return ParseResult(True, SKIPPED)  # before matching: "weiß nicht" is no "nein"
    matches = _matches(question.id, norm)
    if question.id == "strategy":
        # "noch nicht, aber in Arbeit": development beats a plain no, and a no beats a "ja" – unless the no
        # only comes after the "ja", behind an "aber" ("Wir haben ein Papier, aber keiner hält sich dran").
        found = {m[2].value for m in matches}
        if _STRATEGY_EXISTS_BUT.search(norm) and "in_entwicklung" not in found:
            first_yes = min((m[0] for m in matches if m[2].value == "vorhanden"), default=None)
            but = _BUT.search(norm, first_yes or 0) if first_yes is not None else None
            if but and all(m[0] > but.start() for m in matches if m[2].value == "keine"):
                return ParseResult(True, "vorhanden")
        for value in ("in_entwicklung", "keine", "vorhanden"):
            if value in found:
                return ParseResult(True, value)
    if question.id == "fim_known":
        found = {m[2].value for m in matches}
        if "nein" in found:
            return ParseResult(True, "nein")
    if matches:
        found = list(dict.fromkeys(m[2].value for m in matches))
        if len(found) == 1 or question.id != "municipality_kind":
            return ParseResult(True, found[0])
        return ParseResult(False, message="Bitte nennen Sie nur eine Art: Gemeinde, Stadt oder Kreis.")
    if _SKIP.search(norm):
        return ParseResult(True, SKIPPED)
    return ParseResult(False, message="Das habe ich leider nicht verstanden. " + option_help(question))


_BUT = re.compile(r"\b(?:aber|nur|doch)\b")
# Words that say an existing strategy is not followed ("keiner hält sich dran", "wird nicht gelebt", "liegt
# in der Schublade"); "Ja, aber nicht für die Digitalisierung" has none of them and stays a no.
_STRATEGY_EXISTS_BUT = re.compile(
    r"\b(?:keiner|niemand|kaum\s+jemand|keine\s*sau)\b|\bnicht\s+(?:gelebt|umgesetzt|beachtet|genutzt|"
    r"angewendet|gelesen)\b|\bschublade\b"
)


def _only_a_place(clause: str, match: tuple[int, int, Option], matches: list) -> bool:
    """True for a cue after a place preposition next to another option's cue in its part."""
    if not _PLACE_BEFORE.search(clause, 0, match[0]):
        return False
    for start, end in clause_spans(clause, _PART_SPLIT):
        if start <= match[0] < end:
            return any(
                m is not match and start <= m[0] < end and not _PLACE_BEFORE.search(clause, 0, m[0])
                for m in matches
            )
    return False


def _parse_multi(question: Question, norm: str) -> ParseResult:
    all_values = [o.value for o in question.options]
    all_match = _ALL.search(norm)
    if all_match:
        except_match = _EXCEPT.search(norm, all_match.end())
        excluded = set()
        if except_match:
            excluded = {m[2].value for m in _matches(question.id, norm[except_match.end() :])}
        return ParseResult(True, [v for v in all_values if v not in excluded])
    chosen: list[str] = []
    for start, end in clause_spans(norm, _CLAUSE_SPLIT):
        clause = norm[start:end]
        matches = _matches(question.id, clause)
        if not matches:
            continue
        outside = clause
        for s, e, _ in reversed(matches):
            outside = outside[:s] + " " * (e - s) + outside[e:]
        if _NEGATED_CLAUSE.search(outside):
            continue  # "Chatbots nicht", "E-Payment ist geplant": not in use
        chosen.extend(m[2].value for m in matches if not _only_a_place(clause, m, matches))
    if chosen:
        return ParseResult(True, [v for v in all_values if v in chosen])
    if _SKIP.search(norm):
        return ParseResult(True, SKIPPED)
    outside = _NONE_OF_THE_OPTIONS.get(question.id)
    if _NONE.search(norm) or _NONE_ANYWHERE.search(norm) or (outside and outside.search(norm)):
        return ParseResult(True, [])
    return ParseResult(False, message="Das habe ich leider nicht zuordnen können. " + option_help(question))


# --- inhabitants ---------------------------------------------------------------------------------

_UNIT = r"(tsd|tausend|k|mio|millionen|million|mill)"
_NUMBER = re.compile(r"(\d[\d.,\s]*\d|\d)\s*" + _UNIT + r"?\b\.?")
# "15 bis 20 Tausend", "15-20 Tsd." (the dash is a space after _normalise), "zwischen 15.000 und 20.000":
# a range, not one number ("15 20" is no thousands grouping: that takes three digits, "120 000").
# (Bounded digit runs: a message of 2.000 digits must not take quadratic time.)
_RANGE = re.compile(
    r"(\d[\d.,]{0,12})\s*" + _UNIT + r"?\s+(bis\s+|und\s+|zu\s+)?(\d[\d.,]{0,12})\s*" + _UNIT + r"?\b"
)
_PEOPLE_AFTER = re.compile(r"\s*(?:einwohner|buerger|menschen|leute|seelen|koepfe)", re.IGNORECASE)
_MULTIPLIERS = {
    "tsd": 1_000,
    "tausend": 1_000,
    "k": 1_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "millionen": 1_000_000,
    "mill": 1_000_000,
}


def parse_inhabitants(text: str) -> int | None:
    """ "ca. 12.000", "12 Tsd.", "12000 Einwohner", "rund 1,2 Mio." -> int; a range ("15 bis 20 Tausend")
    -> its middle; None if no number."""
    norm = _normalise(text)
    span = _RANGE.search(norm)
    if span:
        low_digits, low_unit, word, high_digits, high_unit = span.groups()
        grouping = not word and not low_unit and re.fullmatch(r"\d{3}", high_digits)
        if not grouping:
            low = _head_count(low_digits, low_unit or high_unit)
            high = _head_count(high_digits, high_unit)
            if low is not None and high is not None and low < high:
                return int(round((low + high) / 2))
    # "5 Ortsteile mit 12.000 Einwohnern": the number said to be inhabitants, else the first one.
    numbers = list(_NUMBER.finditer(norm))
    match = next((m for m in numbers if _PEOPLE_AFTER.match(norm, m.end())), numbers[0] if numbers else None)
    if not match:
        return None
    return _head_count(match.group(1), match.group(2))


def _head_count(digits: str, unit: str | None) -> int | None:
    """ "12.000" -> 12000, ("1,2", "mio") -> 1200000; None if it is no head count."""
    digits = re.sub(r"\s+(?=\d{3}\b)", ".", digits.strip())  # "120 000" -> "120.000"
    digits = re.sub(r"\s", "", digits)
    multiplier = _MULTIPLIERS.get(unit or "", 1)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits) and not (multiplier > 1 and "," in digits):
        number = float(re.sub(r"[.,]", "", digits))
    else:
        try:
            number = float(
                digits.replace(".", "").replace(",", ".")
                if digits.count(".") > 1
                else digits.replace(",", ".")
            )
        except ValueError:
            return None
    value = number * multiplier
    if not math.isfinite(value):
        return None  # hundreds of digits overflow a float: no head count either
    if multiplier == 1 and value != int(value):
        return None  # "12,5" without a unit is no head count
    return int(round(value))


def _parse_inhabitants_answer(norm: str) -> ParseResult:
    value = parse_inhabitants(norm)
    if value is None:
        if _SKIP.search(norm):
            return ParseResult(True, SKIPPED)
        return ParseResult(
            False,
            message="Bitte geben Sie die Einwohnerzahl als Zahl an, "
            "z. B. „ca. 12.000“, „12 Tsd.“ oder „1,2 Mio.“.",
        )
    if value < 1 or value > MAX_INHABITANTS:
        return ParseResult(
            False,
            message=f"{format_number(value)} Einwohner:innen kann ich nicht einordnen. "
            "Bitte geben Sie eine Zahl zwischen 1 und 4 Millionen an.",
        )
    return ParseResult(True, value)


def size_band(inhabitants: int) -> tuple[str, str]:
    """(band id, German label) for anonymous statistics."""
    current = SIZE_BANDS[0]
    for band in SIZE_BANDS:
        if inhabitants >= band[1]:
            current = band
    return current[0], current[2]


# --- describing values back ----------------------------------------------------------------------


def describe_value(question_id: str, value: Any) -> str:
    """German description of an answer, e.g. for a confirmation or summary."""
    question = QUESTIONS[question_id]
    if value is None:
        return "nicht gefragt"
    if value == SKIPPED:
        return "übersprungen"
    if question_id == "inhabitants":
        return f"rund {format_number(value)} Einwohner:innen"
    if question_id == "municipality_kind":
        return KIND_NAMES.get(value, str(value))
    if question.multi:
        if not value:
            return "keine"
        return join_german([question.option(v).title for v in value])
    return question.option(value).title


def question_buttons(question_id: str) -> list[dict[str, str]]:
    return QUESTIONS[question_id].buttons()
