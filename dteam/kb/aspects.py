"""Answer the asked aspect, or refuse (issue 10, part 4).

A question can name an aspect the sources do not cover although a neighbouring entry matches its
topic well: "Was kostet ein digitaler Lotse?" finds the definition of the Lotse, which says nothing
about cost. `uncovered_aspect(question, entry_text)` returns the first asked aspect that the chosen
entry does not cover; the knowledge base then gives the honest no-answer (and may offer the entry
as "Dazu habe ich: …") instead of the neighbour as if it were the answer.

Aspects: a cost/price/salary/budget (covered only by an amount of money), a federal state or a
foreign country (covered only if the entry names it), a named municipality (the entry must name it,
and for a figure question also carry the asked measure next to a number), a time after the sources
(years from 2024 on, "aktuell"/"inzwischen" status questions, the next episode), a duration.

Pure module: no Rasa import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from dteam.text import join_german

from .text import fold, split_sentences, stopwords

LATEST_SOURCE_YEAR = 2023  # the third theses paper (early 2023) is the newest source
STUDY_YEAR = 2020  # the typology study's publication (its survey ran in 2019)
# The study's entries are dated by it: survey from late 2018 to early 2019, published 2020.
STUDY_YEARS = ("2018", "2019", "2020")
_THE_STUDY = re.compile(r"\beine typfrage\b")


@dataclass(frozen=True)
class Aspect:
    # cost | state | place | organisation | subgroup | headcount | after_sources | newer_data | duration |
    # date | clock_time | frequency | use | sample_size | invited | population_share | unit | origin |
    # residence | topic | person | component | name | leader | moderator
    kind: str
    label: str = (
        ""  # German name of the state/place for the reply; the asked thing (folded) for name/duration
    )


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """Folded (ae/oe/ue/ss, lower case), hyphens and slashes as spaces, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[-‐–—/]", " ", fold(text or ""))).strip()


# --- cost -------------------------------------------------------------------------------------------
# "Wer bezahlt den CDO?": who pays asks for a cost too.
_WHO_PAYS_WORDS = r"wer (?:be)?zahlt|wer finanziert"
_ASKS_COST = re.compile(
    # not "kostet doch nur Zeit"
    r"\b(?:was kostet|was kosten|kostet(?! (?:\w+ ){0,2}(?:zeit|nerven|kraft|energie|muehe)\b)|wie teuer|"
    r"wie viel (?:geld|euro|kostet|kosten)|welche kosten|"
    # "Mit welcher Summe hat das Ministerium die Studie gefördert?"
    r"(?:mit welche[mnr]|welche[nr]?|wie hohe?[nr]?) (?:summe|betrag|geldbetrag|foerdersumme)|"
    # "Wer hat mehr Geld in die Digitalisierung gesteckt?"
    r"(?:mehr|weniger|wie viel) geld (?:\w+ ){0,4}(?:gesteckt|ausgegeben|investiert|reingesteckt)|"
    # "Mit welchen Ausgaben muss eine Stadt rechnen, wenn sie einen Mängelmelder einführt?"
    r"(?:mit welchen|welche|wie hohe?n?) ausgaben|ausgaben (?:fuer|von|pro)|"
    r"kosten (?:fuer|von|eine[rs]?|pro)|\w*kosten\b(?! \w+ (?:sparen|senken))|kostn\b|preis\w*|"
    # "Wie hoch ist das Gehalt eines CDO?", not "… reicht ein sicheres Gehalt noch?"
    # "Mit welchem Jahresgehalt muss eine Kleinstadt rechnen?" (not "aufgehalten")
    r"(?:wie hoch|wie viel|welche\w*|was)\W+(?:\w+\W+){0,3}\w*(?:gehalt(?:s|es|e)?|gehaelter)\b|"
    r"gehalt\w* (?:von|eines|einer|fuer)|"
    r"was verdien\w*|verdien\w* (?:man|ein\w*|die|der)|"
    # not "Participatory Budgeting" (the citizens' budget)
    r"besoldung\w*|\w*budget(?!ing)\w*|wie viel spart|spart man|euro|tagessa?tz\w*|stundensa?tz\w*|"
    r"honorar\w*|"
    # "Was muss eine Stadt für einen Mängelmelder im Jahr einplanen?" – not the time to plan in
    r"(?:was|wie viel)(?! (?:\w+ ){0,3}(?:zeit|stunden|tage|wochen|monate)\b) (?:[\w.,]+ ){0,16}"
    r"(?:einplanen|einkalkulieren|veranschlagen)|"
    # "Mit welchem Jahresbetrag muss eine Gemeinde rechnen?" – not the verb "beträgt"
    r"\w*(?:betrag|betrags|betraege|betraegen)|"
    rf"was verlang\w*|was nimmt|was berechn\w*|lizenzgebuehr\w*|gebuehr\w*|{_WHO_PAYS_WORDS}|"
    r"\w+gebuehr(?:en)?|"  # "Kursgebühren", "Teilnahmegebühr": the fee as a compound's head
    # "was zahlt man im Jahr für so einen Mängelmelder?"
    r"(?:be)?zahlt man|"
    # "Was zahlt eine Gemeinde dem IT-Dienstleister für so einen Prozess?" – not "Was zahlt sich aus?"
    r"was (?:be)?zahl(?:t|en|te|ten)\b(?! sich)|"
    # "Was bekommt ein Digitalisierungschef im Monat aufs Konto?"
    r"aufs konto|brutto|netto|(?:bekommt|kriegt|erhaelt) (?:\w+ ){0,8}(?:im|pro) (?:monat|jahr)|"
    # "Wie viel hat Salach für das Gutachten bezahlt?"
    # "wie viel haben die Community-Manager-Kommunen im Schnitt in den Glasfaserausbau investiert?"
    r"wie viel (?:\w+ ){0,12}(?:bezahlt|gezahlt|ausgegeben|investiert|gekostet)|"
    # "Wie viel geben Kommunen im Schnitt pro Jahr und Einwohner für Digitalisierung aus?" (not "wie viele")
    r"wie viel (?:geld )?(?:gibt|geben|gab|gaben) (?:[\w.,]+ ){0,12}aus\b|"
    # "Was hat die Gemeinde die neue Stelle im Jahr gekostet?", "…, was die Studie gekostet hat"
    r"was (?:hat|haben|hatte|hatten|wird|wuerde) (?:\w+ ){0,8}gekostet|"
    r"was (?:[\w„“\"]+ ){1,10}gekostet (?:hat|haben|hatte|hatten)\b|"
    # "Was ist günstiger: selbst betreiben oder beim Rechenzentrum einkaufen?"
    r"(?:guenstiger|billiger|teurer|kostenguenstiger|preiswerter)\b)\b"
)
_WHO_PAYS = re.compile(
    rf"\b(?:{_WHO_PAYS_WORDS})|\b(?:uebernimmt|uebernehmen|traegt|tragen)\b.*\bkosten\b"
    # "was zahlt Bayern dazu, wenn …": a contribution, answered by a share of the costs
    r"|\bwas (?:be)?zahl(?:t|en) (?:\w+ ){1,3}dazu\b"
    # "Wie viel von den Kosten übernimmt der Freistaat?", "… von den Kurskosten übernimmt …"
    r"|\b(?:anteil|teil|wie viel|wie viele prozent)\b (?:\w+ ){0,2}(?:der|den|von den) \w*kosten\b"
    # "Stimmt es, dass Bayern den Großteil der Kosten übernimmt, …?"
    r"|\b(?:grossteil|grossen teil|hauptteil|haelfte|mehrheit) (?:der|von den) \w*kosten (?:\w+ ){0,2}"
    r"(?:uebernimmt|uebernehmen|traegt|tragen|zahlt|zahlen|bezahlt|erstattet)\b"
    # "Wie viel Prozent der Kursgebühren übernimmt der Freistaat?"
    r"|\b(?:anteil|prozent)\b (?:\w+ ){0,2}(?:der|den|von den) \w*(?:kosten|gebuehr\w*)\b.*"
    r"\b(?:uebernimmt|uebernehmen|traegt|tragen|zahlt|zahlen|bezahlt|erstattet|foerdert)\b"
    # "Bayern bezuschusst doch den Lehrgang – waren das nicht 75 Prozent der Kosten?"
    r"|\b(?:bezuschusst|bezuschussen|subventioniert|foerdert|foerdern|uebernimmt|traegt)\b.*"
    r"\b(?:\d+|\w+) (?:prozent|%) der \w*kosten\b"
)
_COST_SHARE = re.compile(r"\d+\s*% der (?:\w+ )?kosten|\bkosten\w* (?:uebernimmt|traegt)\b")
# "Lizenzkosten", "Schulungskosten": the costed thing in a compound (not "Gesamtkosten", "Folgekosten").
_COSTED_THING = re.compile(r"\b([a-z]{4,}?)s?kosten\b")
# "Mit welchen Kosten muss man für die Einführung eines Dokumentenmanagementsystems rechnen?"
_COSTED_FOR = re.compile(
    r"\bkost\w*\b(?:\s+\S+){0,8}?\s+fuer\s+(?:(?:die|den|das)\s+(?:einfuehrung|anschaffung|beschaffung|"
    r"umstellung|aufbau|betrieb|umsetzung|entwicklung)\s+)?(?:eines|einer|einen|ein|eine|die|den|das|der|des)?\s*"
    r"(?!(?:eines|einer|einen|eine)\b)([a-z]{5,})"
)
_COST_FRAMES = frozenset({"gesamt", "folge", "neben", "zusatz", "extra", "mehr", "jahres", "durchschnitt"})
COSTED_WINDOW = 150  # characters around a sum in which the costed thing must stand
_HAS_MONEY = re.compile(
    r"\d[\d.,]*\s*(?:€|euro\b|eur\b|mio\.? (?:€|euro)|millionen euro|mrd)|€\s*\d"
    r"|\b\w*stellig\w* (?:euro)?betrag"  # "einen mittleren vierstelligen Betrag"
)

# --- federal states and other countries ---------------------------------------------------------------
_STATES: dict[str, str] = {
    "Baden-Württemberg": r"baden wuerttemberg\w*|\bbw\b|\bbawue\b",
    "Bayern": r"bayern|bayerisch\w*|freistaat bayern",
    "Berlin": r"berlin(?:er)?\b",
    "Brandenburg": r"brandenburg\w*",
    "Bremen": r"bremen|bremisch\w*|\bbremer\b",
    "Hamburg": r"hamburg\w*",
    "Hessen": r"hessen|hessisch\w*",
    "Mecklenburg-Vorpommern": r"mecklenburg\w*|vorpommern",
    "Niedersachsen": r"niedersachsen|niedersaechsisch\w*",
    "Nordrhein-Westfalen": r"nordrhein westfa\w*|\bnrw\b",
    "Rheinland-Pfalz": r"rheinland p(?:falz|flaz|halz)|rheinland pfaelzisch\w*|\brlp\b",
    "Saarland": r"saarland\w*|saarlaendisch\w*",
    "Sachsen": r"(?<!nieder)\bsachsen\b(?! anhalt)|(?<!nieder)\bsaechsisch\w*",
    "Sachsen-Anhalt": r"sachsen anhalt",
    "Schleswig-Holstein": r"schleswig holstein\w*",
    "Thüringen": r"thueringen|thueringisch\w*|thueringer\b",
    "Österreich": r"oesterreich\w*",
    "der Schweiz": r"\bschweiz\w*",
    "Dänemark": r"daenemark|daenisch\w*",
    "Estland": r"estland|estnisch\w*",
}
_STATE_PATTERNS = {label: re.compile(r"(?:" + pattern + r")") for label, pattern in _STATES.items()}
# "laut dem Forscher vom Berliner Kompetenzzentrum": where the quoted speaker works, not what is asked about
# "Die Digitalisierungsbeauftragte aus Niedersachsen, die in den Thesenpapieren zu Wort kommt – …": a person
# named by where they work
_SPEAKER_FROM = re.compile(
    r"\blaut (?:dem|der|den) (?:\w+ ){1,2}(?:vom|von der|von dem|aus dem|aus der|aus) $"
    r"|\b(?:die|der|den|dem) (?:\w+ )?\w*(?:beauftragte|leiter|leiterin|chef|chefin|forscher|forscherin|"
    r"frau|mann|kollegin|kollege|experte|expertin|referent|referentin|buergermeister|buergermeisterin|praktiker|"
    r"praktikerin|vertreter|vertreterin)n? (?:vom|von der|von dem|aus dem|aus der|aus) $"
)
SPEAKER_FROM_WINDOW = 60

# "Welche Bundesländer haben FIM schon verpflichtend eingeführt?": the states one by one, which only an entry
# that names states can give.
_ASKS_WHICH_STATES = re.compile(
    r"\b(?:welche[nrs]?|alle|wie viele|in welche[mn]|nenn\w* (?:mir )?(?:alle )?(?:die )?)\s?"
    r"(?:bundes)?laender(?:n)?\b"
    r"|\bin welche[mn] (?:bundes)?land\b"
    # "eine Aufschlüsselung der Typen nach Bundesländern": a figure per state
    r"|\b(?:nach|je|pro) (?:bundes)?laender(?:n)?\b|\b(?:je|pro) bundesland\b"
)
# "Wir sind eine Gemeinde in Brandenburg. Gibt es vom Land ein Förderprogramm …?": the asked sentence
# points back at the state the context named ("auf dem Land", the countryside, does not).
_THE_STATE = re.compile(
    r"\b(?:vom|beim|unserem|unser|das|des|dem)\s+land(?:es)?\b(?<!auf dem land)"
    r"|\blandes(?:regierung|programm\w*|foerder\w*|mittel)"
)
_GERMAN_STATES = [
    label for label in _STATES if label not in ("Österreich", "der Schweiz", "Dänemark", "Estland")
]
ANY_STATE_LABEL = "den einzelnen Bundesländern"
MIN_STATES_FOR_ANY_STATE = 2

# --- named municipalities --------------------------------------------------------------------------------
# Places the sources name; other places are caught after "Stadt", "Gemeinde", "Landkreis", ...
_KNOWN_PLACES = (
    "Salach",
    "Nürtingen",
    "Wolfenbüttel",
    "Bad Dürkheim",
    "Bad Kreuznach",
    "Wennigsen",
    "Höhr-Grenzhausen",
    "Betzdorf-Gebhardshain",
    "Darmstadt",
    "Konstanz",
    "Wesel",
    "Köln",
    "München",
    "Hamburg",
    "Frankfurt",
    "Stuttgart",
    "Düsseldorf",
    "Leipzig",
    "Dresden",
    "Hannover",
    "Nürnberg",
    "Göppingen",
    "Esslingen",
    # Large cities staff ask about although the sources do not name them (no common nouns: not Essen, Halle)
    "Freiburg",
    "Dortmund",
    "Bonn",
    "Münster",
    "Karlsruhe",
    "Mannheim",
    "Augsburg",
    "Wiesbaden",
    "Mainz",
    "Kiel",
    "Lübeck",
    "Rostock",
    "Magdeburg",
    "Erfurt",
    "Potsdam",
    "Bielefeld",
    "Bochum",
    "Wuppertal",
    "Aachen",
    "Braunschweig",
    "Chemnitz",
    "Kassel",
    "Saarbrücken",
    "Heidelberg",
    "Ulm",
    "Regensburg",
    "Würzburg",
    "Osnabrück",
    "Oldenburg",
    "Trier",
    "Jena",
    "Duisburg",
    "Koblenz",
    "Ingolstadt",
    "Paderborn",
    "Heilbronn",
    "Tübingen",
    "Ravensburg",  # named in the podcast (the OZG task force), asked in lower case too
    "Herne",
    "Bamberg",
    "Gelsenkirchen",
    "Ludwigsburg",
    "Reutlingen",
    "Bremerhaven",
    "Solingen",
    "Hildesheim",
    "Gütersloh",
    "Fulda",
    "Marburg",
    "Bayreuth",
    "Passau",
    "Landshut",
    "Rosenheim",
    "Schwerin",
    "Cottbus",
    "Zwickau",
    "Görlitz",
)


def _name_pattern(name: str) -> re.Pattern:
    """A place or organisation name as whole words in normalised text, also in the genitive ("Stuttgarts")
    and as an adjective ("im Salacher Rathaus")."""
    return re.compile(r"\b" + re.escape(_norm(name)) + r"(?:s|er|ern|ers|erin\w*|erinnen)?\b")


_PLACE_PATTERNS = {place: _name_pattern(place) for place in _KNOWN_PLACES}
# Capitalised name after a municipality word, in the original spelling ("Landkreis Esslingen").
# Not after an indefinite word: "wenn eine Gemeinde Leute zur Ausbildung schickt" names no place.
_PLACE_AFTER_KIND = re.compile(
    r"(?<![Ee]ine\s)(?<![Ee]iner\s)(?<![Ee]inem\s)(?<![Jj]ede\s)(?<![Jj]eder\s)(?<![Jj]edem\s)(?<![Kk]eine\s)"
    r"\b(?:Stadt|Gemeinde|Landkreis|Kreis|Markt|Samtgemeinde|Verbandsgemeinde|Ortsgemeinde|VG|Amt|"
    r"(?:Stadt|Gemeinde|Kreis)verwaltung)\s+"
    r"((?:Bad\s+)?[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*)"
)
_NOT_A_PLACE = {"verwaltung", "gesellschaft", "kommune", "typ", "und", "oder", "der", "die", "das"}
# A name the question asks about without a municipality word: "Wie viele Einwohner hat Pattensen?",
# "Zu welchem Typ gehört eigentlich Nagold?". Only a capitalised word no German word list knows, in
# this frame (a verb before it, the end of the question or an adverb after it), counts as a place.
_NAME_IN_QUESTION = re.compile(
    # also opening the question ("Hat Pattensen eigentlich eine eigene Strategie?")
    # "Welchem Typ wurde Pattensen zugeordnet?", "Wie viele Basiskomponenten setzt Pattensen ein?"
    r"\b(?i:hat|haben|hatte|gehört|gehören|macht|nutzt|bietet|setzt|schafft|plant|wurde|wird)\s+"
    r"(?:eigentlich\s+|denn\s+)?"
    r"((?:Bad\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)"
    r"(?=\s*(?:[?.!]|$)|\s+(?:ein|um|zu|an)\s*[?.!]*\s*$"
    r"|\s+(?:schon|noch|eigentlich|inzwischen|mittlerweile|denn|bisher|aktuell|derzeit|"
    # "Wie viele OZG-Leistungen hatte Ravensburg zum Fristende online?"
    r"zurzeit|überhaupt|online|digital|laut|zum|zur|bis|im|am|seit|beim|bei|mit|für|in)\b)"
)
# "Wie hoch ist die Glasfaserversorgung in Pattensen?": a name after "in" that ends the question.
_IN_NAME_AT_END = re.compile(
    r"\b(?:in|aus)\s+((?:Bad\s+)?[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)\s*[?.!]*\s*$"
)
STATE_FIGURE_WINDOW = 150  # characters around a state's name in which its figure must stand
# "Wie viele waren das?" names no measure: verbs and pronouns are skipped (also by retrieval's detail line).
NO_MEASURE = r"(?:waren|war|sind|ist|gibt|gab|es|das|davon|denn|dort|da|hat|haben|hatte|hatten)"
_FIGURE_ASK = re.compile(
    # "Wie hoch ist dort die Glasfaserabdeckung?": an adverb before the measure
    r"\b(?:wie viele|wie viel|wie (?:hoch|gross) ist (?:(?:dort|da|denn|eigentlich|aktuell|derzeit) )?"
    r"(?:(?:laut|nach|gemaess) (?:den |der |dem )?\w+ )?"
    r"(?:die|das|der)|welche anzahl)\s+"
    # "Wie viele von den Komplett-Prozessen …": the measure after "von den", and the word after it (a
    # compound split at its hyphen: "komplett prozessen")
    # "wie viele aus der Belegschaft": the measure after "aus der" too
    rf"(?:prozent (?:der )?)?(?:(?:von|aus) (?:den |der |dem |diesen )?)?"
    rf"(?:{NO_MEASURE} )*(?!{NO_MEASURE}\b)([a-z]\w+)"
    rf"(?: (?!{NO_MEASURE}\b)([a-z]\w{{5,}}))?"
)

_NO_NOUN_AFTER_FIGURE = frozenset({"genau", "ungefaehr", "etwa", "circa", "insgesamt", "eigentlich"})

# "Stimmt es, dass Sachsen über 50 Digital-Lotsen hat?": a figure claimed for checking is asked like
# "wie viele"
_CLAIMED_FIGURE = re.compile(
    r"\b(?:stimmt es|ist es richtig|trifft es zu)\b[^?]*?\b"
    r"(?:ueber|rund|etwa|mehr als|fast|knapp|weniger als|ungefaehr|circa|ca)? ?"
    r"(?!(?:19|20)\d\d\b)\d[\d.,]* (?!prozent\b)([a-z]\w+)(?: ([a-z]\w{5,}))?"
)

# --- subgroups ----------------------------------------------------------------------------------------------
# "Wie viel Prozent der Landkreise kennen FIM?": a figure for the Kreise needs the Kreise next to a number
# in the entry, not the figure for all municipalities.
_KREISE = re.compile(r"\b(?:land)?kreis(?:e|en|es)?\b|\bkreis(?:verwaltung|frei|angehoerig)\w*")
# "bei Gemeinden unter 5.000 Einwohnern": a size class needs its own threshold in the entry.
_SIZE_CLASS = re.compile(
    r"\b(?:unter|ueber|mehr als|weniger als|bis(?: zu)?|ab|kleiner als|groesser als)\s+"
    r"(\d{1,3}(?:[.\s]?\d{3})*)\s*(?:einwohner\w*|ew\b)"
)
_ALL_KINDS = re.compile(
    r"\b(?:gemeinden|staedten?|kommunen)\b[^.?!]{0,30}\bkreisen?\b|\bkreisen?\b[^.?!]{0,30}\b(?:gemeinden|staedten?)\b"
)
# "Unterscheidet sich die Bekanntheit von FIM zwischen Kreisen, Städten und Gemeinden?": a breakdown by kind,
# which needs figures for the Kreise and for the Städte in the entry
_STAEDTE = re.compile(r"\bstaedte\w*|\bstadt\b")
_BY_KIND = re.compile(r"\b(?:unterschei\w*|unterschied\w*|vergleich\w*|zwischen|je nach|nach art)\b")
# "so ungefähr ein Fünftel": a share in words
_SHARE_ASK = re.compile(r"\b(?:prozent|anteil\w*|quote|haelfte|drittel|viertel|fuenftel|zehntel)\b")
_SHARE_OF = re.compile(r"\banteil\w*\s+(?:der|an|von|aller)\s+(?:den\s+)?([a-z]\w{3,})")

# --- basic components without figures -------------------------------------------------------------------
# Table 9 gives shares only for DMS, De-Mail, mobile apps and chatbots; the other components the study
# asked about are named without a figure ("Wie viele Kommunen haben E-Payment?", "Nutzen die Optimierer
# die eID häufiger als die Bedächtigen?"). Label (dative, for "Zahlen zu …") -> pattern on folded text.
_UNFIGURED_COMPONENTS: dict[str, re.Pattern[str]] = {
    "E-Payment": re.compile(r"\be ?payment\b|\bonline (?:be)?zahl\w*|\bbezahlfunktion\w*"),
    "Servicekonten": re.compile(r"\b(?:service|nutzer|buerger)kont\w*"),
    "der eID-Funktion": re.compile(r"\beid\b|\bonline ausweis\w*|\bausweisfunktion\w*|\bpersonalausweis\w*"),
    "Verwaltungspostfächern": re.compile(r"\b\w*postfa(?:ch|echer)\w*"),
    "Formularservern": re.compile(r"\bformularserver\w*"),
    # named in the study only as an example of a legal duty
    "der E-Rechnung": re.compile(r"\be ?rechnung\w*|\belektronisch\w* rechnung\w*|\bx ?rechnung\w*"),
}
_POINTS_TO_A_COMPONENT = re.compile(
    r"\bdiese[rsnm]?\s+(?:\w+\s+)?(?:basiskomponente|komponente|baustein|funktion)\w*"
)
_FIGURE_OR_COMPARISON = re.compile(
    r"\b(?:wie viele|wie viel|anteil\w*|prozent|quote|share|wie hoch|wie verbreitet|wie oft|wie haeufig|"
    r"haeufiger|oefter|seltener|mehr als|weniger als|am meisten|am haeufigsten|am wenigsten|am seltensten)\b"
)
# "Bausteine wie Bürgerkonto, Online-Bezahlen oder E-Akte": examples of what is counted, not the thing asked
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:wie(?! (?:viele?|hoch|oft|haeufig|verbreitet|gross|steht|sieht)\b)|etwa|beispielsweise|"
    r"zum beispiel|z b)\s+(?:\w+\W+){0,3}$"
    # "Bausteine wie E-Akte, Bezahlfunktion oder Servicekonto": the last of a list of examples
    r"|\b(?:wie|etwa|beispielsweise|zum beispiel|z b)\s+(?:\w+\s+){0,3}\w+,\s+(?:\w+\s+){0,3}(?:oder|und)\s+$"
)
# "– Bezahlfunktion, Bürgerkonto, E-Akte und so weiter. Wie viele davon …": a list that ends in "usw." is
# examples (a list: a comma in it; "E-Payment und so?" alone asks for E-Payment)
EXAMPLE_WINDOW = 60  # characters before a component in which "wie …," marks it as an example
_EXAMPLE_LIST_AFTER = re.compile(
    r"^[^.?!]{0,60}?,[^.?!]{0,60}?\b(?:und so weiter|usw|etc|und aehnliche\w*)\b"
)
_ASIDE = re.compile(r"\s[–—-]\s[^–—?]{3,80}?\s[–—-]\s|\([^()]{3,80}\)")
_PERCENT_AFTER = re.compile(r"^[^.;]{0,40}?\d+(?:,\d+)?\s*%")
_PERCENT_BEFORE = re.compile(r"\d+(?:,\d+)?\s*%[^.;]{0,40}$")
# A figure asked in keywords ("anteil community manager rheinland-pfalz", "bad dürkheim anzahl
# online-leistungen"); not "zahlen", which is mostly paying.
_COUNT_ASK = re.compile(r"\b(?:prozent(?:anteil\w*|satz\w*)?|anteil\w*|quote|anzahl)\b")


# "anzahl standardprozesse …": the counted thing after the keyword
_COUNTED_THING = re.compile(r"\banzahl (?:der |an |von )?([a-z]\w{4,})")
# "80 % der Kosten": a share of something else is no count of the asked measure
_COUNTED_UNITS = ("kommun", "gemeind", "staedt", "kreis", "landkreis", "verwaltung", "rathaeus", "behoerd")
_SHARE_OF_SOMETHING = re.compile(r"\b\d[\d,.]* ?(?:%|prozent) (?:der|des|aller) (\w+)")


def _state_figure_near(state: re.Pattern, text: str, measures: list[str]) -> bool:
    """A number near the state that may count the asked measure: "Wie viele Kommunen in Bayern …?" is not
    answered by "Bayern übernimmt 80 % der Kosten" – "Wie viel übernimmt Bayern?" is (the share is the
    amount asked)."""
    counted = next((m for m in measures[:3] if m.startswith(_COUNTED_UNITS)), None)
    return _number_near_name(state, text, counted)


def _number_near_name(pattern: re.Pattern, text: str, counted: str | None = None) -> bool:
    """A number within STATE_FIGURE_WINDOW of a match of `pattern` (a state, a place, Kreise); with `counted`
    (a measure like "kommunen"), a share of something else ("80 % der Kosten") is no such number."""

    def numbers_of(clause: str) -> str:
        if counted is None:
            return clause
        return _SHARE_OF_SOMETHING.sub(
            lambda m: m.group(0) if m.group(1).startswith(_measure_stem(counted)) else " ", clause
        )

    return any(
        _NUMBER.search(numbers_of(_clause_around(text, m.start(), m.end(), STATE_FIGURE_WINDOW)))
        for m in pattern.finditer(text)
    )


# --- after the sources, durations -------------------------------------------------------------------------
_YEAR = re.compile(r"\b(20\d\d)\b")
_NOW = re.compile(
    r"\b(?:aktuell\w*|inzwischen|mittlerweile|derzeit\w*|zurzeit|momentan\w*|heutzutage|heute|jetzt|"
    r"gerade)\b"
)
_SPEAKER_NOW = re.compile(r"\b(?:wir|ich)\s+(?:\w+\s+){0,2}(?:gerade|zurzeit|derzeit|momentan|jetzt)\b")
_STATUS_ASK = re.compile(
    r"\b(?:wie viele|wie viel|wer ist|wie weit|in kraft|stand|gibt es)\b"
    # "ob das OZG 2.0 inzwischen im Bundestag durch ist": whether a law or plan has passed by now
    r"|\b(?:ob|ist|sind) (?:[\w.]+ ){0,8}(?:durch|beschlossen|verabschiedet)\b"
    # "Seit wann gilt das beschlossene OZG 2.0 und welche Fristen haben wir damit jetzt?"
    r"|\b(?:seit|ab) wann (?:gilt|gelten|greift|greifen)\b"
)
# "Macht er heute noch …?", "Gibt es die Taskforce immer noch?": whether something still holds now.
_STILL = re.compile(r"\b(?:(?:heute|jetzt|immer|aktuell) noch|noch immer|nach wie vor|weiterhin)\b")
_ASKS_WHY = re.compile(r"\b(?:warum|wieso|weshalb|woran liegt)\b")
# "Hat Salach die Veranstaltung inzwischen durchgeführt?": whether something has happened since.
_SINCE_THEN = re.compile(r"\b(?:inzwischen|inzw|mittlerweile|mittlerw|seitdem|seither)\b")
_CLAIM_OPENING = re.compile(r"\W*(?:stimmt es|ist es (?:richtig|wahr)|(?:ich )?(?:hab|habe) gehoert)\b")
_DONE_ASK = re.compile(r"\W*(?:hat|haben|hatte|hatten|ist|sind|wurde|wurden|gibt|gab|kam|kamen)\b")
# "ozg 2.0 – …", "E-Akte: …": a topic in keywords, then a dash or colon, then the question
_KEYWORD_TOPIC = re.compile(r"^[^–—:?]{1,40}?\s*(?:\s[–—-]|:)\s+")
# "seit 2023", "nach 2023": what happened from the newest source's year on.
_SINCE_YEAR = re.compile(r"\b(?:seit|nach|ab) (20\d\d)\b")
_ALWAYS_LATER = re.compile(
    r"\b(?:naechste\w* (?:folge|episode|studie|ausgabe)|nachfolgestudie\w*|"
    r"neueste\w* (?:studie|zahlen|stand)|neue\w* folge|"
    r"neue\w* (?:umfrage|befragung|erhebung|studie|auflage)|neuauflage\w*|"
    # "gab es eine Nachbefragung?", "Wie hat sich die Verteilung nach Corona verändert?"
    r"(?:nach|folge|wiederholungs)befragung\w*|"
    # "… seit der Corona-Pandemie verschoben haben"
    r"(?:nach|seit) (?:der |dem )?(?:corona\w*(?: pandemie)?|pandemie) (?:\w+ ){0,2}?"
    r"(?:veraendert|verschoben|entwickelt)|"
    # "ozg 2.0 wie ist das am ende im bundesrat ausgegangen" (not "Wovon ist die Studie ausgegangen?")
    r"(?:wie ist|am ende) (?:\w+ ){0,5}ausgegangen|"
    # "nach dem Ende der OZG-Frist" (end of 2022), "Was ist aus der Taskforce geworden?",
    # "am Ende tatsächlich"
    r"nach (?:dem ende |ablauf )?der (?:ozg )?frist|was ist (?:\w+ ){0,5}geworden|"
    # not "wie viele konnte man am Ende wirklich einem Typ zuordnen" (the study's own result)
    r"am ende (?:tatsaechlich|wirklich) (?:\w+ ){0,3}"
    r"(?:geschafft|erreicht|umgesetzt|online|eingefuehrt|geklappt|beschlossen|verabschiedet)|"
    # "Hat Salach die 180 Dienste bis Jahresende dann wirklich geschafft?": how it turned out
    r"(?:wirklich|tatsaechlich) (?:geschafft|erreicht|eingehalten|gehalten|freigeschaltet)|"
    # "Stolz hat rund 180 Online-Leistungen angepeilt. Hat Salach das am Ende geschafft?"
    r"(?:hat|haben) (?:\w+ ){0,3}?am ende (?:\w+ ){0,2}?(?:geschafft|erreicht|hingekriegt|geklappt)|"
    # "Hat Salach sein Ziel von rund 180 Leistungen bis zum Herbst am Ende erreicht?"
    r"(?:hat|haben) \w+ (?:sein|ihr)\w* ziel\w* (?:\w+ ){0,8}?(?:am ende|letztlich|schliesslich) "
    r"(?:\w+ ){0,2}?(?:geschafft|erreicht|hingekriegt)|"
    # "das OZG 2.0, das der Bundestag schließlich beschlossen hat": the law passed after the sources
    r"(?:schliesslich|endgueltig|letztlich) (?:\w+ ){0,2}?(?:beschlossen|verabschiedet)|"
    # "Wie viele Leute haben … dann tatsächlich teilgenommen?", "… am Ende tatsächlich angeschaut?": how
    # it turned out
    # not "… und dem, was die Verwaltung dann tatsächlich tut" (what is done, in general)
    r"dann (?:auch )?(?:tatsaechlich|wirklich)(?! (?:tut|tun|macht|machen|passiert|umsetzt|umsetzen)\b)|"
    # "Hat er später nochmal gesagt, ob sein Tipp aufgegangen ist?", "Haben sich die Anteile seitdem
    # verschoben?": what came after the source
    r"(?:spaeter|hinterher) (?:noch ?mal |nochmals |noch |dann |auch )?"
    r"(?:gesagt|erzaehlt|berichtet|bestaetigt|geaeussert)|"
    r"\baufgegangen\b|seitdem (?:\w+ ){0,2}(?:verschoben|veraendert|geaendert|entwickelt)|"
    # "hat salach den digitalen kick-off im dezember hingekriegt": whether a plan came off
    r"^\W*(?:hat|haben|hatte|hatten) (?:\w+ ){1,8}(?:hingekriegt|hinbekommen|geschafft)\W*$|"
    # "Wie kam es, dass Salach die 180 Online-Leistungen im Herbst dann doch nicht geschafft hat?": a
    # planned target's outcome
    r"doch nicht (?:\w+ ){0,2}(?:geschafft|erreicht|hingekriegt|hinbekommen|eingehalten|gehalten)|"
    r"am ende (?:tatsaechlich|wirklich) (?:\w+ ){0,2}"
    r"(?:teilgenommen|angeschaut|mitgemacht|gekommen|zugeschaut))\b"
)
# "Gibt es eine neuere Studie?", "aktuellere Zahlen als 2019?": later data than the study's, which the
# theses papers (2022/23) give on some subjects – a question for the sources' newest figures, not for
# events after them. "die neueste Studie" and "aktuelle Zahlen" stay after the sources.
_NEWER_THAN_STUDY = re.compile(
    r"\b(?:neuere\w*|aktuellere\w*|juengere\w*|neuer|aktueller) (?:\w+ ){0,2}?"
    r"(?:studie\w*|zahlen|daten|erhebung\w*|umfrage\w*|befragung\w*|ergebnisse\w*|untersuchung\w*)\b"
    r"|\b(?:neuer|aktueller|juenger) als\b"
)
_SOURCE_WORDS = r"(?:studie|thesenpapier\w*|podcast\w*|pressemitteilung|presseinfo\w*)"
_SAYING = r"(?:sagt|sagen|zaehlt|zaehlen|nennt|nennen|meint|schreibt|versteht|empfiehlt|zeigt|rechnet)"
_ASKS_A_SOURCE = re.compile(
    rf"\b(?:laut|in|nach) (?:der|den|dem) {_SOURCE_WORDS}|\blaut {_SOURCE_WORDS}\b"
    rf"|\b(?:die|der|das) {_SOURCE_WORDS} (?:\w+ )?{_SAYING}\b|\b{_SAYING} (?:die|der|das) {_SOURCE_WORDS}\b"
)
_ASKS_DURATION = re.compile(
    r"\bwie lange? (?:dauert|braucht|brauchen|dauern|dauerte|dauerten)\b"
    r"|\bwie viele (?:tage|wochen|monate|stunden)\b"
    # "Dauer einer einzelnen Mittagsschulung"
    r"|^\W*(?:die )?dauer (?:einer|eines|der|des)\b"
    # "Wie lange hat es vom Gutachten bis zur Besetzung gedauert?"
    r"|\bwie lange (?:hat|haben|hatte)\b(?:\s+\w+){0,12}?\s+(?:gedauert|gebraucht)\b"
)
# "An welchem Tag wurde die Folge veröffentlicht?": a day, which only an entry with a full date gives
_ASKS_DATE = re.compile(
    r"\b(?:an welchem (?:tag|datum)|welche[sm]? datum|(?:seit|bis|ab) wann genau|wann genau)\b"
)
_ASKS_PUBLICATION_DATE = re.compile(
    r"\b(?:meldung|pressemitteilung|presseinfo\w*|pressemeldung|veroeffentlich\w*|erschien\w*|herausgegeben)\b"
)
_HAS_DATE = re.compile(
    r"\b\d{1,2}\.\s*(?:januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"\d{1,2}\.)"
)


def _dates_the_asked_event(folded: str, text: str) -> bool:
    """A period in a sentence that shares a longer word stem with the question ("befragt" – "Befragung"): the
    OZG's review "Anfang 2023" does not date when the OZG 2.0 came into force."""
    stems = {word[:6] for word in re.findall(r"\w{6,}", folded) if word not in _NOT_AN_EVENT_WORD}
    return any(
        stems & {word[:6] for word in re.findall(r"\w{6,}", sentence)}
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if _HAS_PERIOD.search(sentence)
    )


_NOT_AN_EVENT_WORD = {"eigentlich", "nochmal", "wurden", "worden", "welchem", "welcher", "welches"}
# "Wann genau lief die Befragung?" is answered by a month or part of a year ("Ende 2018/Anfang 2019", "im
# ersten Quartal 2019"); "An welchem Tag …?" only by a day (_HAS_DATE).
_ASKS_DAY = re.compile(r"\b(?:an welchem (?:tag|datum)|welche[sm]? datum)\b")
_HAS_PERIOD = re.compile(
    r"\b(?:januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|ende|anfang|mitte|"
    r"fruehjahr|sommer|herbst|winter|quartal|halbjahr)\w*\s+(?:\w+\s+)?(?:19|20)\d\d\b"
)
# "Um wie viel Uhr lief die Websession?": a time of day, which only an entry with a clock time gives
_ASKS_CLOCK_TIME = re.compile(r"\b(?:um wie ?viel uhr|(?:zu )?welche[rn]? uhrzeit|wie spaet)\b")
_HAS_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*uhr\b")
# "Wie viele Kommunen setzen FIM schon in ihren Formularen ein?": a share of those who use something, which an
# entry that only says how many know it does not give (folded text)
_USE_WORDS = r"nutz\w*|einsetz\w*|eingesetzt|verwend\w*|anwend\w*|im einsatz"
_ASKS_USE = re.compile(rf"\b(?:setz\w* (?:\w+ ){{0,10}}?ein|{_USE_WORDS}|arbeit\w* (?:\w+ ){{0,3}}?mit)\b")
_STATES_AWARENESS = re.compile(r"\b(?:kenn\w*|bekannt\w*)\b")
_STATES_USE = re.compile(
    rf"\b(?:{_USE_WORDS}|setz\w* (?:\w+ ){{0,4}}?ein|"
    r"betrieb\w*|betreib\w*|bieten|biete\w*|anbiet\w*|angeboten|umgesetzt|umsetz\w*)\b"
)
# "In welchem Rhythmus trifft sich die OZG-Taskforce?": how often a group meets, which only an entry with a
# frequency gives ("alle zwei Wochen") – not "wie oft" for a share ("wie oft ist der CDO zuständig")
_ASKS_FREQUENCY = re.compile(
    r"\bin welche[mn] (?:rhythmus|abstaenden|abstand|turnus|intervall\w*)\b"
    r"|\bwie (?:oft|haeufig) (?:\w+ ){0,3}?(?:trifft sich|treffen sich|tagt|tagen|kommt \w+ zusammen|"
    r"kommen \w+ zusammen)\b"
)
_HAS_FREQUENCY = re.compile(
    r"\balle (?:\w+ )?(?:tage|wochen|monate|jahre)\b|\b(?:taeglich|woechentlich|monatlich|jaehrlich|"
    r"vierteljaehrlich|quartalsweise|halbjaehrlich)\b"
    r"|\b(?:einmal|zweimal|dreimal|\d+ ?mal) (?:im|pro|je|die) (?:woche|monat|jahr|quartal)\b"
)
# "Wie viele Kommunen haben an der Kommunalstudie 2022 teilgenommen?": how many took part, which only an
# absolute number of municipalities or respondents gives (a share of them does not say how many there were)
_BODIES = r"kommunen|gemeinden|staedte|verwaltungen|kreise|landkreise|rathaeuser"
_ASKS_SAMPLE_SIZE = re.compile(
    rf"\bwie ?viele (?:\w+ ){{0,2}}?(?:{_BODIES}|befragte\w*|teilnehm\w*)\b"
    r"(?=[^?!]*\b(?:teilgenommen|mitgemacht|geantwortet|befragt|teilnahmen|mitmachten)\b)"
)
_HAS_SAMPLE_SIZE = re.compile(
    rf"\b\d[\d.]*\s+(?:\w+\s+)?(?:{_BODIES}|befragte|teilnehm\w*|antworten|rueckmeldungen|frageboegen)"
)
# "Wie viele Kommunen wurden angeschrieben?": how many were asked, which the number who answered does not say
_INVITED = r"(?:angeschrieben|eingeladen|angefragt|kontaktiert|angesprochen)"
_ASKS_INVITED = re.compile(rf"\bwie ?viele\b(?=[^?!]*\b{_INVITED}\b)")
_HAS_INVITED = re.compile(rf"\d[\d.]*\s+(?:\w+\s+){{0,4}}{_INVITED}|{_INVITED}\w*\s+(?:\w+\s+){{0,4}}\d")
# "Wie viel Prozent der Bürger:innen nutzen Online-Anträge?", "Welcher Anteil der Einwohner nutzt den
# Mängelmelder?": a share of the people, which only an entry with a percentage of such people gives (the
# sources' shares are of municipalities, staff or components – "Online-Bürgerhaushalte 12,4 %" is none)
_CITIZENS = r"(?:buerger(?::?innen|n)?|einwohner(?::?innen|n)?|nutzer(?::?innen|n)?)"
# (not "Leute", who may be staff: "50 bis 60 % der Kolleg:innen" answers "Prozent der Leute im Rathaus")
_PEOPLE = rf"(?:{_CITIZENS}|bevoelkerung|haushalte?n?)(?![\w:])"
_ASKS_POPULATION_SHARE = re.compile(
    rf"\b(?:prozent|anteil\w*|quote)\s+(?:der|aller|an|von|unter)\s+(?:den\s+)?(?:\w+\s+)?{_PEOPLE}"
    # "wie viele Bürger nutzen …" – not "wie viele Leute machen da mit" (how many take part in a network)
    rf"|\bwie ?viele\s+(?:der\s+)?(?:\w+\s+)?{_CITIZENS}"
    r"\s+(?:\w+\s+){0,3}?(?:nutzen|verwenden|kennen|beteiligen|stellen|erledigen)\b"
)
_HAS_POPULATION_SHARE = re.compile(rf"\d+(?:,\d+)?\s*%\s+(?:der\s+|aller\s+)?(?:\w+\s+)?{_PEOPLE}")
# "Wie viele Kilometer Reichweite hat LoRaWAN?", "Mit wie vielen Wochenstunden ist der CDO angestellt?": a
# physical measure, which only an entry with a number in that unit gives (the sources give none)
_UNITS = (
    r"(?:kilometer\w*|km|meter|quadratmeter|qm|hektar|wochenstunden|megabit\w*|gigabit\w*|mbit|gbit|tonnen|"
    r"liter|kilowatt\w*|kwh)\b"
)
_ASKS_UNIT = re.compile(rf"\bwie ?viel\w*\s+(?:\w+\s+)?{_UNITS}")
_HAS_UNIT = re.compile(rf"\d[\d.,]*\s*{_UNITS}")
# "Wer hat FIM ursprünglich entwickelt?", "Auf wen geht die Idee „Einer für Alle“ zurück?": who first had
# or built it, which only an entry that says by whom something was developed, invented or started gives
_ASKS_ORIGIN = re.compile(
    r"\bauf wen (?:geht|gehen|ging)\b|\bwer hat (?:\w+ ){0,6}?(?:urspruenglich|erfunden|ausgedacht|erdacht)\b"
    r"|\bvon wem (?:stammt|kommt|kam|stammte) (?:\w+ ){0,2}?(?:idee|konzept|begriff|ansatz|prinzip)\b"
)
_HAS_ORIGIN = re.compile(
    r"\b(?:entwickelt|erfunden|erdacht|ausgedacht|initiiert|gegruendet|ins leben gerufen|angestossen)"
    r" (?:von|durch)\b"
    r"|\b(?:geht|gehen|ging) (?:\w+ ){0,4}?auf \w+(?: \w+){0,4}? zurueck\b|\bstammt (?:\w+ ){0,3}?von\b"
    # a forecast's origin is the study cited for it: "(zitiert wird PwC)", "zitierte Studien (PwC)"
    r"|\bzitiert (?:wird|werden|wurde|wurden) \w+"
    r"|\bzitierte\w* (?:studie|studien|prognose\w*|umfrage\w*) \(\w+"
)
# "Mike Weber würde gern in einer Community-Manager-Kommune leben – in welcher Stadt wohnt er tatsächlich?":
# where a person lives, which a wish to live somewhere does not say (folded text)
_ASKS_RESIDENCE = re.compile(
    r"\b(?:wo|in welche[mnr]? (?:stadt|gemeinde|ort|kommune|dorf|kreis|region)) (?:\w+ )?"
    r"(?:wohnt|lebt)\b(?! es\b)"
)
# "wenn der Weber sich aussuchen könnte, wo er wohnt": a wish in the same clause, not his home
_WISHED_HOME = re.compile(r"\b(?:koennte|wuerde|waere|haette|aussuchen|liebsten|gerne?)\b")
_RAW_CLAUSE_SPLIT = re.compile(r"[,;:–—]|\s-\s")
_HAS_RESIDENCE = re.compile(r"\b(?:wohnt|lebt|wohnhaft) (?:\w+ ){0,2}?in\b|\bwohnort\b")
# "Wer leitet die Digitalakademie BW?": the head of a named body, which only an entry that says who leads it
# can give (not "Wer kümmert sich um die Digitalisierung?", which the study's roles answer)
_ASKS_LEADER = re.compile(
    r"\bwer (?:leitet|fuehrt|koordiniert|steuert) (?:eigentlich |denn )?(?:die|den|das) (?:\w+ )?"
    r"(?:\w*akademie|\w*taskforce|task force|fitko|kgst|oefit|\w*verband|\w*gremium|arbeitsgruppe|"
    r"\w*initiative|\w*netzwerk|\w*programm)\b"
)
# "Wer hat die Websession moderiert?": needs an entry that names a moderator
_ASKS_MODERATOR = re.compile(
    r"\bwer (?:\S+ ){0,14}moderier\w*|\b(?:wer|name) (?:\S+ ){0,10}(?:als )?moderat(?:or|orin)\b"
)
_HAS_MODERATOR = re.compile(r"\bmoderi\w*|\bmoderat(?:or|orin|ion)\b")
_HAS_LEADER = re.compile(r"\b(?:leite[tn]|geleitet|leitung|leiter(?:in)?|vorsitz\w*|vorsitzend\w*)\b")
# Aspects the entry's own text covers when it has a match of the pattern (a clock time, a number of
# participants, a number of those asked, a share of the people, a physical measure, an originator, a head)
_COVERED_BY_PATTERN = {
    "leader": _HAS_LEADER,
    "moderator": _HAS_MODERATOR,
    "clock_time": _HAS_CLOCK_TIME,
    "frequency": _HAS_FREQUENCY,
    "sample_size": _HAS_SAMPLE_SIZE,
    "invited": _HAS_INVITED,
    "population_share": _HAS_POPULATION_SHARE,
    "unit": _HAS_UNIT,
    "origin": _HAS_ORIGIN,
    "residence": _HAS_RESIDENCE,
}
_AS_AUTHOR = re.compile(
    r"\b(?:laut|von|nach) (?:der |dem |den )?(?:kgst|oefit|fraunhofer|axians)\b"
    r"|\b(?:axians|infoma) ?(?:papier\w*|thesen\w*|reihe|heft\w*|kommunalstudie)"
    r"|\b(?:kgst|oefit)(?: (?:kgst|oefit|und|fraunhofer|fokus))* (?:befragung|studie|umfrage|erhebung|"
    # "bei der ÖFIT/KGSt-Typisierung"
    r"typisierung|typologie|einteilung|gutachten)"
    # "Axians rechnet ja mit einer riesigen Personalluecke …": the organisation as the one who estimates
    r"|\b(?:axians|kgst|oefit) (?:\w+ )?(?:rechnet|rechnen|erwartet|erwarten|schaetzt|schatzt|prognostiziert|"
    r"sagt|schreibt|meint|warnt|geht (?:\w+ )?von)\b"
)
# A length of time: a number or a quantity before the unit ("zwei Jahre", "einige Wochen") – not "in den
# Jahren" or "seit Jahren", which give no duration of the asked thing.
# "alle zwei Wochen" is how often, not how long
_DURATION_AMOUNT = (
    r"(?<!alle )\b(?:\d+|ein\w*|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|zwoelf|zwanzig|halb\w*|"
    r"mehrere\w*|einige\w*|wenige\w*|paar)\s*"
)
_DURATION_UNIT = r"(?:jahre?n?|monate?n?|wochen?|tage?n?|stunden?|minuten?)\b"
_HAS_DURATION = re.compile(_DURATION_AMOUNT + _DURATION_UNIT)
# "Ein Kollege meint, der Grundkurs dauert drei Monate, stimmt das?", "Stimmt es, dass die Runden eine
# Stunde dauern?", "Dauern die Schulungen zwei Stunden?": a duration claimed for checking (the amount is
# group 1 with the verb before it, group 2 with the verb after it)
_LASTS = r"(?:dauert|dauern|dauerte|dauerten|laeuft|laufen)"
_CLAIMS_DURATION = re.compile(
    rf"\b{_LASTS}\s+(?:[a-z]+\s+){{0,6}}?(?:(?:nur|etwa|rund|ungefaehr|knapp|gut|ganze)\s+)?"
    rf"({_DURATION_AMOUNT}(?:bis\s+{_DURATION_AMOUNT})?{_DURATION_UNIT})"
    rf"|({_DURATION_AMOUNT}(?:bis\s+{_DURATION_AMOUNT})?{_DURATION_UNIT})\s+(?:lang\s+)?{_LASTS}\b"
)


# "Wie lange läuft das Programm noch weiter?": how long, in any words (for the answer's detail sentence)
_HOW_LONG = re.compile(r"\b(?:wie|fuer wie) lange\b|\bwie viele (?:jahre|monate|wochen|tage|stunden)\b")


def asks_how_long(question: str) -> bool:
    return bool(_HOW_LONG.search(_norm(question)))


# also "für zwei weitere Jahre" (for the detail sentence only: as the cover of a duration aspect, "weitere
# Jahre" of one programme would answer how long another one's course lasts)
_STATES_DURATION = re.compile(_DURATION_AMOUNT + r"(?:(?:weitere|volle|ganze)\w*\s+)?" + _DURATION_UNIT)


def states_duration(text: str) -> bool:
    """A length of time in the text ("für zwei weitere Jahre", "zwei bis drei Stunden")."""
    return bool(_STATES_DURATION.search(_norm(text)))


# "Wie lange dauert so eine Mittagsschulung?": the thing whose duration is asked (folded text)
_DURATION_SUBJECT = re.compile(
    r"\s+(?:(?:es|so|denn|dort|hier|jeweils|eigentlich|ungefaehr|etwa|eine?|einer|der|die|das|den|dem|"
    r"ihre?|seine?|diese\w*|solche\w*|im|in|bei|beim)\s+)*([a-z]{4,})"
)
_SUBJECT_PREFIX = 5  # "mittagsschulung" ~ "mittagsschulungen", not "einzelschulungen"
_SUBJECT_BEFORE, _SUBJECT_AFTER = 80, 40  # characters around a duration that can name what lasts


# Words before the thing that lasts: a place ("in Salach") or an adjective ("die vertiefenden …", "eine
# einzelne Einheit" – whose stem would find "Einzelschulungen")
_BEFORE_THE_SUBJECT = re.compile(
    r"\w{3,}(?:enden|ende|ischen|ische|lichen|liche|igen|ige)"
    r"|(?:einzeln|einzig|ganz|gesamt|typisch|ueblich|normal|erst|naechst|komplett|klein|gross|kurz|lang|neu|eigen)"
    r"(?:e|en|er|es|em)?"
)


_KNOWN_PLACE_WORDS = frozenset(_norm(place) for place in _KNOWN_PLACES)


def _duration_subject(folded: str, position: int) -> str:
    """The thing whose duration is asked after `position` ("wie lange dauern in Salach die vertiefenden
    Einzelschulungen" -> "einzelschulungen"), or ""."""
    for _ in range(4):
        subject = _DURATION_SUBJECT.match(folded, position)
        if not subject:
            return ""
        word = subject.group(1)
        if word not in _KNOWN_PLACE_WORDS and not _BEFORE_THE_SUBJECT.fullmatch(word):
            return word
        position = subject.end()
    return ""


def _claimed_duration_subject(folded: str, position: int) -> str:
    """The thing a claimed duration (its amount at `position`) is said of: the last word before it that is
    no verb of lasting, place, state or small word ("der Grundkurs Digitallotse in Bayern dauert drei
    Monate" -> "digitallotse"), or ""."""
    for word in reversed(re.findall(r"[a-z]+", folded[:position])[-6:]):
        if len(word) < 4 or re.fullmatch(_LASTS, word) or word in _KNOWN_PLACE_WORDS:
            continue
        if _BEFORE_THE_SUBJECT.fullmatch(word):
            continue
        if any(pattern.fullmatch(word) for pattern in _STATE_PATTERNS.values()):
            continue
        return word
    return ""


# The length of a process is said only by an entry on that process (_duration_of)
_PROCESS_NOUNS = frozenset(
    {"einfuehrung", "umsetzung", "umstellung", "entwicklung", "implementierung", "migration"}
)


def _duration_of(subject: str, entry: str) -> bool:
    """A duration in the entry that can be said of the asked thing: when the entry names the thing, one
    named shortly before or after it (else a neighbour's: "Einzelschulungen von zwei bis drei Stunden" is no
    length of the lunchtime format); when it names the thing in other words, any duration."""
    stem = subject[:_SUBJECT_PREFIX]
    if stem and stem not in entry and subject in _PROCESS_NOUNS:
        # "Wie lange dauert die Einführung eines DMS?": the length of a process the entry does not speak of
        return False
    if not stem or stem not in entry:
        return bool(_HAS_DURATION.search(entry))
    return any(
        stem in entry[max(0, m.start() - _SUBJECT_BEFORE) : m.end() + _SUBJECT_AFTER]
        for m in _HAS_DURATION.finditer(entry)
    )


# "Wie heißt die Beratungsfirma, die …?": the name of a firm or product, which only an entry that speaks of
# such a firm or product can give (folded text; the kind is the compound's last part)
_ASKS_THE_NAME = r"\bwie (?:heisst|hiess|lautet|nennt sich) "
_ASKS_A_NAME = re.compile(
    # "name vom beratungsbüro, das …": the name asked in keywords
    r"(?:" + _ASKS_THE_NAME + r"(?:der|die|das|den) |\bname (?:vom|von der|von dem|des|der) )(?:\w+ )?\w*?"
    r"(firma|unternehmen|dienstleister|anbieter|hersteller|agentur|buero|kanzlei|software|app|berater|"
    r"beraterin|gutachter|gutachterin)\b"
)
# "Welches Videokonferenztool nutzt Salach?", "Mit welchem Statistikprogramm wurde gerechnet?": which tool,
# named only by an entry that speaks of that tool (group 1: the tool word as asked)
_ASKS_WHICH_TOOL = re.compile(
    r"\bwelche[mnrs]?\s+(?:[a-z]+\s+)?([a-z]*?(?:tool|tools|software|programm|system|messenger|plattform|"
    r"verfahren))\b(?=.*\b(?:nutz|benutz|verwend|einsetz|setz\w*\s+(?:\w+\s+){0,4}ein\b|eingesetzt|"
    r"gerechnet|berechnet|arbeite|laeuft|laufen|macht|machen))"
)
_NAMED_PRODUCTS = ("software", "app")
# "Welche Fachverfahrenshersteller bieten schon eigene Online-Dienste an?": firms by name – an entry that
# only speaks of "den Herstellern" does not name one (label: no word of an entry, so a known organisation
# must stand there)
_ASKS_WHICH_FIRMS = re.compile(
    r"\bwelche[nr]?\s+(?:[a-z]+\s+)?[a-z]*?(?:firmen|unternehmen|dienstleister|hersteller|agenturen)\b"
)
_FIRM_NAMES = "namen der firmen"
# "Wie heißt der Bürgermeister von Salach?": a head of a municipality, whom only an entry that names the
# person in that role can give (the sources quote a CDO, not the mayor)
_HEAD_ROLE = re.compile(r"(?:ober)?buergermeister|landr(?:at|aetin)|kaemmer(?:er|in)|(?:haupt)?amtsleiter")
_ASKS_A_HEADS_NAME = re.compile(
    _ASKS_THE_NAME + rf"(?:eigentlich )?(?:der|die) (?:\w+ )?({_HEAD_ROLE.pattern})"
)
_HEAD_NAME_DISTANCE = 60  # characters between the role word and a quoted person's last name


def _named_places(question: str) -> list[str]:
    folded = _norm(question)
    places = [place for place, pattern in _PLACE_PATTERNS.items() if pattern.search(folded)]
    for match in _PLACE_AFTER_KIND.finditer(question or ""):
        name = match.group(1)
        if match.group(0).split()[0].endswith("verwaltung") and _is_german_word(name):
            continue  # "in der Stadtverwaltung Beschäftigte": a noun, no name
        if _norm(name) not in _NOT_A_PLACE and _is_new_place(name, places):
            places.append(name)
    for match in _IN_NAME_AT_END.finditer(question or ""):
        name = match.group(1)  # "… die Glasfaserversorgung in Pattensen?"
        if not _is_german_word(name) and _is_new_place(name, places):
            places.append(name)
    for match in _NAME_IN_QUESTION.finditer(question or ""):
        name = match.group(1)  # named without a municipality word: only a word no word list knows
        if not _is_german_word(name) and _is_new_place(name, places):
            places.append(name)
    return places


def _german_states_in(folded: str) -> list[str]:
    """The German federal states a normalised text names, in _STATES order."""
    return [label for label in _GERMAN_STATES if _STATE_PATTERNS[label].search(folded)]


def names_a_state(text: str) -> bool:
    """Whether the text names a German federal state ("in Rheinland-Pfalz", "RLP")."""
    folded = _norm(text)
    return any(pattern.search(folded) for pattern in _STATE_PATTERNS.values())


def _is_new_place(name: str, places: list[str]) -> bool:
    """Not yet found and not a state ("Land Sachsen" is a state, handled there)."""
    folded = _norm(name)
    if any(folded == _norm(place) for place in places):
        return False
    return not names_a_state(name)


def _is_german_word(word: str) -> bool:
    """A word of spaCy's German lemma table or word-frequency list (not a name like "Pattensen")."""
    from .text import common_words, text_lemma_table

    folded = fold(word)
    return (
        word in text_lemma_table()
        or folded in common_words()
        or _norm(word) in stopwords()
        or folded.startswith(_STUDY_WORDS)
    )


# The study's own names, not in a German word list: "Welche Schwächen haben Optimierer?"
_STUDY_WORDS = ("optimierer", "bedaechtig", "serviceorientiert", "community", "kommunentyp")


# Organisations the sources name: their own figures (staff, budget, members) are not in the sources
# unless an entry gives them, so a figure question about one needs an entry that has that figure.
_ORGANISATIONS = (
    "KGSt",
    "ÖFIT",
    "Fraunhofer",
    "FOKUS",
    "Axians",
    "Infoma",
    "Bitkom",
    "Städtetag",
    "Komm.ONE",  # the IT service provider of Baden-Württemberg's municipalities
)
_ORGANISATION_PATTERNS = {name: _name_pattern(name) for name in _ORGANISATIONS}


# --- people the sources do not quote ------------------------------------------------------------------------
# "Was sagt Bundes-CIO Markus Richter zu den Kommunentypen?": a first and last name right after a verb of
# saying (no article: a name, not a noun phrase), optionally behind a title or role.
_PERSON_ASKED = re.compile(
    r"\b(?:sagt|sagen|sagte|meint|meinen|meinte|hält|haelt|halten|denkt|findet|sieht|schreibt|fordert|"
    r"empfiehlt|empfahl)\s+(?:denn\s+|eigentlich\s+|überhaupt\s+|ueberhaupt\s+)?"
    r"(?:(?:Herr|Frau|Prof\.?|Professor(?:in)?|Dr\.|Minister(?:in)?|Staatssekretär(?:in)?|"
    r"[A-ZÄÖÜ][\w]*-[A-Z]\w*)\s+)*"
    r"([A-ZÄÖÜ][a-zäöüß]+)\s+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\b(?!-)"
)


@lru_cache(maxsize=1)
def _entries() -> tuple:
    """The knowledge entries, read once for the name checks below."""
    from . import config
    from .entries import load_entries

    return tuple(load_entries(config.entries_dir()))


@lru_cache(maxsize=1)
def _words_of_the_sources() -> frozenset[str]:
    """Every folded word of the knowledge entries (title, speaker, source line, short form, body)."""
    words: set[str] = set()
    for entry in _entries():
        for text in (entry.title, entry.speaker, entry.citation, entry.short, entry.body):
            words.update(_norm(text or "").split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _quoted_surnames() -> tuple[str, ...]:
    """Last names of the people the entries' speaker lines name ("Philipp Stolz (…)", "mit Felix Schmitt")."""
    names = {
        last
        for entry in _entries()
        for _, last in re.findall(r"\b([A-ZÄÖÜ][a-zäöüß]+) ([A-ZÄÖÜ][a-zäöüß]+)\b", entry.speaker or "")
    }
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def _quoted_people() -> tuple[str, ...]:
    """The quoted last names that name people, folded ("Gemeinde Salach" in a speaker line names a place)."""
    return tuple(
        folded
        for folded in map(_norm, _quoted_surnames())
        if not any(pattern.search(folded) for pattern in _PLACE_PATTERNS.values())
    )


_SURNAME_MIN_RATIO = 0.8  # "Stoltz"/"Stolz", "Webber"/"Weber", "Kün"/"Kühn" – not "Baer"/"Bender"


def _quoted_surname_like(last: str) -> str | None:
    """The quoted person's last name that `last` misspells, if any (same first letter)."""
    folded = _norm(last)
    close = [
        name
        for name in _quoted_surnames()
        if name[0] == last[0] and SequenceMatcher(None, folded, _norm(name)).ratio() >= _SURNAME_MIN_RATIO
    ]
    return close[0] if len(close) == 1 else None


def _people_asked(question: str) -> tuple[list[str], list[str]]:
    """Names asked about: those whose last name no entry contains, and those the sources quote (a last name
    misspelled by a letter or two counts as the quoted person's)."""
    unquoted: list[str] = []
    quoted: list[str] = []
    for first, last in _PERSON_ASKED.findall(question or ""):
        if _norm(last) in _words_of_the_sources():
            quoted.append(f"{first} {last}")
        elif (known := _quoted_surname_like(last)) is not None:
            quoted.append(f"{first} {known}")
        else:
            unquoted.append(f"{first} {last}")
    return unquoted, quoted


def _topics_file() -> list[dict]:
    import yaml

    from . import config

    try:
        data = yaml.safe_load(config.uncovered_topics_file().read_text(encoding="utf-8")) or {}
    except OSError:
        return []
    return data.get("topics") or []


def _either(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def uncovered_topics() -> dict[str, re.Pattern[str]]:
    """Topics no source covers (knowledge/uncovered_topics.yml): label -> pattern on folded text."""
    return {topic["label"]: _either(topic["patterns"]) for topic in _topics_file()}


@lru_cache(maxsize=1)
def topic_coverage() -> dict[str, re.Pattern[str]]:
    """label -> what an entry must name to answer a question on that topic: the topic's `covered_by`
    patterns where given ("Community Manager haben nichts mit Facebook zu tun" answers "… Social Media?"),
    else its own patterns."""
    return {
        topic["label"]: _either([*topic["patterns"], *(topic.get("covered_by") or [])])
        for topic in _topics_file()
    }


def has_later_data(text: str) -> bool:
    """Whether `text` gives a year after the study up to the newest source (the 2022 figures)."""
    return any(STUDY_YEAR < int(year) <= LATEST_SOURCE_YEAR for year in _YEAR.findall(text))


def asks_newer_than_study(question: str) -> bool:
    """ "Gibt es neuere Zahlen als die von 2019?": later data than the study's (not after the sources)."""
    return bool(_NEWER_THAN_STUDY.search(_norm(question)))


# Where the asker works: "ich bin Azubi in der Kita-Verwaltung", "im Personalrat diskutieren wir"
_SPEAKER_ROLE = re.compile(
    # "Bin im Personalrat: …": at the start of a sentence without its pronoun
    r"(?:\b(?:ich|wir)\s+|(?:^|[.!?:]\s*)\W*)(?:bin|sind|arbeite\w*|sitze\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:im|in der|in einer|in einem|beim|bei der|bei einem|als)\s+(?:\w+\s+)?\w+"
    r"|\b(?:im|in der|in unserem|in unserer|bei uns im|bei uns in der)\s+(?:\w+\s+)?\w+\s+"
    r"(?:diskutier|sprech|red|ueberleg|frag|streit|debattier)\w*\s+wir\b"
    # "Frage vom Personalrat: …", "Als Gleichstellungsbeauftragte schaue ich auf …"
    r"|(?:^|[.!?:]\s*)\W*(?:\w+\s+)?frage\s+(?:vom|von der|von dem|aus dem|aus der|von)\s+(?:\w+\s+)?\w+"
    # "Personalrat fragt: …", "Kämmerin will wissen: …" (without an article, before a colon)
    r"|(?:^|[.!?]\s*)\W*(?:(?:der|die|unser\w*|mein\w*)\s+)?\w+\s+"
    r"(?:fragt|fragen|will wissen|moechte wissen)\s*:"
    r"|(?:^|[.!?:]\s*)\W*als\s+(?:\w+\s+){1,4}?(?:frage|schaue|sehe|interessiert|moechte|will|muss|soll|habe|"
    r"bitte|wuerde|brauche|suche|wollte)\s+(?:ich|mich|mir|wir|uns)\b"
    # "der Personalrat hat mich gebeten herauszufinden, …", "Ein Ratsmitglied will wissen, …"
    r"|\b(?:der|die|das|unser\w*|ein\w*|mein\w*)\s+(?:\w+\s+)?\w+\s+(?:hat|haben)\s+mich\s+(?:\w+\s+)?"
    r"(?:gebeten|beauftragt)\b"
    r"|\b(?:der|die|das|unser\w*|ein\w*|mein\w*)\s+(?:\w+\s+)?\w+\s+(?:will|moechte|wollte|moechten|wollen)\s+"
    r"(?:\w+\s+)?wissen\b"
)
# Whom the asker must convince ("Ich muss dem Personalrat erklären, warum …"): an audience, no topic asked.
_ADDRESSEE = re.compile(
    r"\b(?:dem|den|der|unserem|unseren|unserer)\s+(?:\w+\s+)?\w+(?=\s+(?:\w+\s+){0,2}?(?:erklaer|vorstell|"
    r"praesentier|ueberzeug|vorleg|begruend|schmackhaft|verkauf|naeherbring|nahebring)\w*)"
)
# A question that points back at the sentence before it ("Wir sind in Bayern. Gibt es da …?").
_CONTEXT_POINTERS = r"da|dort|dazu|dafuer|darueber|davon|damit|daran|hier|wir|uns|unser\w*"
_POINTS_TO_CONTEXT = re.compile(rf"\b(?:{_CONTEXT_POINTERS}|solche\w*|so eine\w*)\b")
# For the topic asked: "so eine Rolle", "solcher Daten" name it in the question itself.
_POINTS_TO_CONTEXT_BARE = re.compile(rf"\b(?:{_CONTEXT_POINTERS})\b")
# A question about one of the study's types asks about that type, whatever it points back at ("Wir sind
# eine Gemeinde in Hessen … Ist das bei den Bedächtigen auch so üblich, gibt es da eine Zahl?").
_ASKS_ABOUT_A_TYPE = re.compile(
    r"\b(?:bedaechtig\w*|optimierer\w*|serviceorientiert\w*|community manager\w*)\b"
)


_NO_POINTER = re.compile(r"(?!)")  # for the question sentences alone, whatever they point back at
_SPEAKER_FRAME = re.compile(r"^\s*(?:ich|wir)\b[^:?]{0,160}:\s*(?=\S)", re.IGNORECASE)


def _asked_part(question: str, points_to_context: re.Pattern = _POINTS_TO_CONTEXT) -> str:
    """The question sentence(s) after context ("Ich sitze im Personalrat. Welcher Typ schult am meisten?"):
    a state, place or topic named only in the context is the asker's, not what is asked – unless the
    question points back at it."""
    sentences = split_sentences(question)
    framed = _SPEAKER_FRAME.match(question)
    if len(sentences) == 1 and framed and question.rstrip().endswith("?"):
        # "Ich bin Kämmerin und rechne gerade unsere IT-Betriebskosten durch: Welcher Anteil …?": the
        # speaker's task before the colon is context
        rest = question[framed.end() :]
        return question if points_to_context.search(_norm(rest)) else rest
    if len(sentences) < 2 or not sentences[-1].rstrip().endswith("?"):
        return question
    context = [s for s in sentences if not s.rstrip().endswith("?")]
    asked = " ".join(s for s in sentences if s.rstrip().endswith("?"))
    folded = _norm(asked)
    if not context or (points_to_context.search(folded) and not _ASKS_ABOUT_A_TYPE.search(folded)):
        return question
    return asked


# "… nur mit eigenem Namen und eigener Gebühr. Welche Stadt diente da als Beispiel?": the question sentence
# asks for a name; a fee in the story before it is no cost asked.
_ASKS_FOR_A_NAME = re.compile(
    r"^\W*(?:(?:und|also)\s+)?(?:welche[rs]?|wie hie(?:ss|ß)\w*|wer)\s+(?:\w+\s+)?"
    r"(?:stadt|gemeinde|kommune|landkreis|kreis|ort|person|name|firma|beispiel|war|ist|hat|diente|wurde)\b"
)


def _asks_a_name_only(question: str) -> bool:
    sentences = split_sentences(question)
    asked = [s for s in sentences if s.rstrip().endswith("?")]
    if len(sentences) < 2 or len(asked) != 1 or asked[0] == sentences[0]:
        return False
    return bool(_ASKS_FOR_A_NAME.match(_norm(asked[0]))) and not _ASKS_COST.search(_norm(asked[0]))


def asked_aspects(question: str) -> list[Aspect]:
    """Aspects the question asks about that need explicit support in an entry."""
    folded = _norm(question)
    asked_part = _asked_part(question)
    focus = _norm(asked_part)
    aspects: list[Aspect] = []
    if _ASKS_COST.search(focus) and not _asks_a_name_only(question):
        aspects.append(Aspect("cost"))
    # "Ich bin in einer Stadt in Baden-Württemberg … Wie ist Nürtingen da personell aufgestellt?": a question
    # that names its own place asks about that place, not about the state of the asker's context. (The
    # question sentences are part of `focus`, so only a focus that names a state needs this look.)
    state_focus = focus
    if any(pattern.search(focus) for pattern in _STATE_PATTERNS.values()):
        question_alone = _asked_part(question, _NO_POINTER)
        if question_alone != question and _named_places(question_alone):
            state_focus = _norm(question_alone)
    for label, pattern in _STATE_PATTERNS.items():
        if any(
            not _SPEAKER_FROM.search(state_focus, max(0, m.start() - SPEAKER_FROM_WINDOW), m.start())
            for m in pattern.finditer(state_focus)
        ):
            aspects.append(Aspect("state", label))
    if not any(a.kind == "state" for a in aspects) and _THE_STATE.search(focus):
        named = _german_states_in(folded)
        if named:
            aspects.append(Aspect("state", named[0]))
    if _ASKS_WHICH_STATES.search(focus) and not any(a.kind == "state" for a in aspects):
        aspects.append(Aspect("state", ANY_STATE_LABEL))
    for place in _named_places(asked_part):
        aspects.append(Aspect("place", place))
    if _FIGURE_ASK.search(folded):
        for name, pattern in _ORGANISATION_PATTERNS.items():
            # Not as the survey's author ("laut der KGSt/ÖFIT-Befragung").
            if pattern.search(folded) and not _AS_AUTHOR.search(folded):
                aspects.append(Aspect("organisation", name))
    later_year = any(int(y) > LATEST_SOURCE_YEAR for y in _YEAR.findall(folded)) or any(
        int(y) >= LATEST_SOURCE_YEAR for y in _SINCE_YEAR.findall(folded)
    )
    # "Wir überlegen gerade, ob …": the speaker's own present, not a question about today's facts.
    # "neuere Zahlen" asks for the newest figures the sources have (newer_data below), not for today's.
    newer = asks_newer_than_study(question)
    folded_later = _NEWER_THAN_STUDY.sub(" ", folded) if newer else folded
    unframed = _SPEAKER_NOW.sub(" ", folded_later)
    # "Gibt's neuere Zahlen als 2019, wie viele inzwischen eine Strategie haben?": "inzwischen" belongs to
    # the request for newer figures, which the sources may have (newer_data), not to today's state.
    now_status = not newer and any(
        _NOW.search(s) and _STATUS_ASK.search(s) for s in split_sentences(unframed)
    )
    # "ozg 2.0 – ist das inzw. beschlossen …?": a topic named in keywords before the question
    since_then = (
        not newer
        and _SINCE_THEN.search(folded)
        and (_DONE_ASK.match(folded) or _DONE_ASK.match(_norm(_KEYWORD_TOPIC.sub("", question, count=1))))
    )
    # "Stimmt es, dass Bad Dürkheim den Bewohnerparkausweis inzwischen komplett online ausstellt?": a claim
    # about where a named municipality stands by now
    since_then = since_then or (
        not newer
        and _CLAIM_OPENING.match(folded)
        and _SINCE_THEN.search(folded)
        and any(a.kind == "place" for a in aspects)
    )
    # "Was zählt die Studie heute noch dazu?" asks what a source says, not about today.
    # "Warum melden so viele ihren Hund immer noch am Schalter an?" asks for reasons, not for today's state.
    # "Bei uns kommen die Leute immer noch persönlich. Was sagt …?": the asker's own present in the context
    still = _STILL.search(focus) and not _ASKS_WHY.search(folded)
    about_now = (now_status or since_then or still) and not _ASKS_A_SOURCE.search(folded)
    if later_year or _ALWAYS_LATER.search(folded_later) or about_now:
        aspects.append(Aspect("after_sources"))
    if newer and not later_year:
        aspects.append(Aspect("newer_data"))
    if _ALL_KINDS.search(focus) and _BY_KIND.search(focus):
        aspects.append(Aspect("subgroup", "Kommunenarten"))
    if _FIGURE_ASK.search(focus) or _SHARE_ASK.search(focus):
        # Not "Gemeinden, Städte und Kreise" together: all kinds are no subgroup.
        if _KREISE.search(focus) and not _ALL_KINDS.search(focus):
            aspects.append(Aspect("subgroup", "Kreise"))
        size = _SIZE_CLASS.search(focus)
        if size:
            aspects.append(Aspect("subgroup", size.group(1)))
    if _FIGURE_OR_COMPARISON.search(focus):
        # "Wie viele Standardbausteine – Bezahlfunktion, E-Akte und so – haben …": an aside between dashes
        # or in brackets lists examples of what is asked, it asks for none of them
        # "… die Online-Ausweisfunktion einbinden. Wie viel Prozent nutzen diese Basiskomponente?": the
        # component named before and pointed back at
        named_before = _POINTS_TO_A_COMPONENT.search(focus)
        unaside = _norm(_ASIDE.sub(" ", question if named_before else asked_part))
        for label, pattern in _UNFIGURED_COMPONENTS.items():
            if any(
                not _EXAMPLE_BEFORE.search(unaside, max(0, m.start() - EXAMPLE_WINDOW), m.start())
                and not _EXAMPLE_LIST_AFTER.search(unaside[m.end() : m.end() + 80])
                for m in pattern.finditer(unaside)
            ):
                aspects.append(Aspect("component", label))
    if _FIGURE_ASK.search(focus) or _SHARE_ASK.search(focus):
        # "Wie viel Prozent werten ihre Daten für die Haushaltsplanung aus?": a share for a purpose the
        # entry does not name is a neighbouring figure (the study asked for the Personaleinsatzplanung).
        for purpose in _PURPOSE.finditer(asked_part):
            aspects.append(Aspect("purpose", purpose.group(1)))
    people = _FIGURE_ASK.search(focus)
    counted_elsewhere = any(a.kind in ("place", "organisation") for a in aspects)
    # "Auf wie viele teilnehmende Kommunen stützt sich …": the participle describes the municipalities
    counts_bodies = people and _BODIES_AFTER.match(focus, people.end(1))
    if people and _counts_people(people.group(1)) and not counted_elsewhere and not counts_bodies:
        # "Wie viele Leute haben an der Online-Vorstellung teilgenommen?": a head count needs people counted
        # in the entry (a place's or an organisation's own check asks for it there).
        aspects.append(Aspect("headcount"))
    for year in dict.fromkeys(_YEAR.findall(focus)):
        if int(year) <= LATEST_SOURCE_YEAR and not later_year and not newer:
            # "Stimmt es, dass Philipp Stolz seit 2018 CDO ist?": an entry without any year cannot say.
            aspects.append(Aspect("year", year))
    name = _ASKS_A_NAME.search(focus) or _ASKS_A_HEADS_NAME.search(focus)
    if name:
        aspects.append(Aspect("name", name.group(1)))
    elif tool := _ASKS_WHICH_TOOL.search(focus):
        aspects.append(Aspect("name", tool.group(1)))
    elif _ASKS_WHICH_FIRMS.search(focus):
        aspects.append(Aspect("name", _FIRM_NAMES))
    duration = _ASKS_DURATION.search(folded)
    if duration:
        # "wie lange dauert X": X lasts; "wie viele Wochen …" names no subject right after
        subject = _duration_subject(folded, duration.end()) if "dauer" in duration.group(0) else ""
        aspects.append(Aspect("duration", subject))
    elif claimed := _CLAIMS_DURATION.search(focus):
        amount_start = claimed.start(1) if claimed.group(1) else claimed.start(2)
        aspects.append(Aspect("duration", _claimed_duration_subject(focus, amount_start)))
    if _ASKS_DATE.search(folded):
        aspects.append(Aspect("date"))
    if _ASKS_CLOCK_TIME.search(folded):
        aspects.append(Aspect("clock_time"))
    if _ASKS_FREQUENCY.search(focus):
        aspects.append(Aspect("frequency"))
    if (_FIGURE_ASK.search(focus) or _SHARE_ASK.search(focus)) and _ASKS_USE.search(focus):
        aspects.append(Aspect("use"))
    if _ASKS_SAMPLE_SIZE.search(focus) and not any(a.kind in ("state", "place") for a in aspects):
        aspects.append(Aspect("sample_size"))
    if _ASKS_INVITED.search(focus):
        aspects.append(Aspect("invited"))
    if _ASKS_POPULATION_SHARE.search(focus):
        aspects.append(Aspect("population_share"))
    if _ASKS_UNIT.search(focus):
        aspects.append(Aspect("unit"))
    if _ASKS_ORIGIN.search(focus):
        aspects.append(Aspect("origin"))
    if _ASKS_LEADER.search(focus):
        aspects.append(Aspect("leader"))
    if _ASKS_MODERATOR.search(focus):
        aspects.append(Aspect("moderator"))
    if any(
        _ASKS_RESIDENCE.search(clause) and not _WISHED_HOME.search(clause)
        for clause in map(_norm, _RAW_CLAUSE_SPLIT.split(asked_part))
    ):
        aspects.append(Aspect("residence"))
    excepted = _EXCEPTED_NAMES.search(question)
    if excepted and _ASKS_FOR_NAMES.search(folded):
        # "Welche Kommunen außer Ravensburg und Nagold …?": others than those named are asked
        names = _NAMES.findall(re.sub(_NAME_SEPARATOR, ", ", excepted.group(1)))
        aspects.append(Aspect("others", join_german(names)))
    # "Ich bin Azubi in der Kita-Verwaltung und soll …": the asker's own place of work is no topic asked.
    # "Der Personalrat hält das für Luxus … In wie vielen Kommunen ist so eine Digitalchef-Rolle zuständig?":
    # "so eine Digitalchef-Rolle" names what is asked; a topic of the context is not asked.
    topic_focus = _norm(_asked_part(question, _POINTS_TO_CONTEXT_BARE))
    unroled = _ADDRESSEE.sub(" ", _SPEAKER_ROLE.sub(" ", topic_focus))
    for label, pattern in uncovered_topics().items():
        if pattern.search(unroled):
            aspects.append(Aspect("topic", label))
    unquoted, quoted = _people_asked(asked_part)
    aspects.extend(Aspect("person", person) for person in unquoted)
    # "Was hält Mike Weber vom Universalprozess?": a person the sources quote, asked about a topic – the
    # answer's entry must quote that person, not be the topic told by someone else.
    aspects.extend(Aspect("speaker", person) for person in quoted)
    return aspects


_PURPOSE = re.compile(
    r"\b(?:für|fuer|zur|zum)\s+(?:die\s+|den\s+|das\s+|ihre\s+|unsere\s+)?"
    r"(\w{3,}?(?:planung|steuerung|prognosen?|kontrolle|abrechnung))\b",
    re.IGNORECASE,
)
_PURPOSE_HEADS = ("planung", "steuerung", "prognose", "kontrolle", "abrechnung")
_WHO_FROM = re.compile(r"\bwer (?:\w+ ){0,3}?aus\b")
# "Der Herr aus Bad Dürkheim in den Thesenpapieren – würde der uns raten …": the place says who is meant.
_PERSON_FROM = re.compile(
    # "die Befragte aus Darmstadt": someone interviewed for the theses papers
    r"\b(?:der|die|den|dem) (?:\w+ )?(?:herr|herrn|frau|mann|typ|kollege|kollegin|person|befragte|befragten|"
    r"interviewte|interviewten|gespraechspartner\w*) aus $"
    # "Herr Stoltz aus Salach hatte doch ein Ziel …": the person by name
    r"|\b(?:herr|herrn|frau) [a-z]\w+ aus $"
)
# "Was hält der Digitalverantwortliche aus Salach davon …?": the digital lead of a place is the person the
# sources quote from there (a CDO, a Digitallotse), when no figure of the place is asked ("Wie viele Leute hat
# der CDO aus Salach?"). Not another role: "der Bürgermeister aus Bad Dürkheim" is not who is quoted.
_ROLE_FROM = re.compile(r"\b(?:der|die|den|dem) (?:\w+ )?(?:cdo|cio|digital\w*|\w*digitalisierung\w*) aus $")
# "Der Digitalisierungschef aus der kleinen Gemeinde in Baden-Württemberg …": the state locates the
# municipality someone comes from; it is no scope for the asked figure.
_MUNICIPALITY_IN = re.compile(
    r"\baus (?:der|einer|dem|unserer) (?:\w+ ){0,2}?(?:gemeinde|stadt|kommune|kreis) in $"
)


# "412 Gemeinden, Städte und Kreise": all who took part, listed by kind (no figure of the Kreise alone)
_ALL_KINDS_LISTED = re.compile(
    r"\b(?:gemeinden|kommunen)\s*,?\s+(?:und\s+)?staedte\s*,?\s+(?:und|sowie)\s+(?:land)?kreise\b"
)
_THE_LAND = re.compile(r"\b(?:das|des|vom|dem) land(?:es)?\b")
# "… die Zusammenarbeit vor Ort intakter als etwa in Nordrhein-Westfalen": an entry about one state that sets
# another against it covers what its speaker says of that one ("Warum klappt laut Weber die Zusammenarbeit in
# NRW schlechter?") – not a fact or figure of that state ("Welcher Typ ist in NRW am häufigsten?").
_REPORTED_VIEW = re.compile(r"\b(?:laut|sagt|sagte|meint|vermutet|behauptet|these|podcast|interview)\b")
_CONTRASTED_WITH = re.compile(
    r"\b(?:anders als|als etwa|im gegensatz zu|verglichen mit|im vergleich zu)(?: etwa)?(?: in| im)? $"
)
# "Wie viele von den durchdigitalisierten Landesprozessen in BW …?": what the state itself builds (not its
# money: "Landesmittel")
_THE_LANDS_OWN = re.compile(r"\blandes(?:prozess|portal|verfahren|dienst|leistung|loesung|plattform)\w*")
_THE_STATE_ITSELF = re.compile(r"\b(?:(?:das|dem|vom|des) land(?:es)?|hatte|hat|hatten|haben) $")
# "die kleine Gemeinde aus dem baden-württembergischen OZG-Gespräch": the state says where the municipality or
# the conversation is (an entry set there – its speaker line names the state – covers it), it is no scope.
_SETTING_AFTER_STATE = re.compile(
    r" (?:\w+ )?(?:ozg )?(?:gemeinde|stadt|kommune|gespraech\w*|podcast\w*|folge|interview\w*|episode|cdo)\b"
)


def _sets_the_scene(label: str, folded: str) -> bool:
    pattern = _STATE_PATTERNS[label]
    return any(_SETTING_AFTER_STATE.match(folded, m.end()) for m in pattern.finditer(folded)) or _locates(
        _MUNICIPALITY_IN, pattern, folded
    )


# "die Stadt Bad Dürkheim", "die Gemeinde Salach": the municipality itself is asked, not a person from it.
_THE_MUNICIPALITY_ITSELF = re.compile(
    r"\b(?:die|der|das|den|dem) (?:stadt|gemeinde|kommune|stadtverwaltung|gemeindeverwaltung|landkreis|kreis|"
    r"verbandsgemeinde|vg) $"
)


# "außer Ravensburg und Nagold", "außer Mike Weber" (original spelling: names are capitalised)
_NAME = r"[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)*"
_NAMES = re.compile(_NAME)
_NAME_SEPARATOR = r"(?:\s*,\s*|\s+und\s+|\s+oder\s+|\s+sowie\s+)"
_EXCEPTED_NAMES = re.compile(
    r"\b(?:[Aa]ußer|[Aa]usser|[Aa]bgesehen\s+von|[Bb]is\s+auf)\s+(?:(?:der|dem|den|die)\s+)?"
    r"(?:(?:Stadt|Gemeinde|Kommune|Kreis|Landkreis)\s+)?"
    rf"({_NAME}(?:{_NAME_SEPARATOR}{_NAME})*)"
)
_ASKS_FOR_NAMES = re.compile(r"\b(?:welche\w*|wer|wo|wie viele|noch)\b")
# "Ravensburg und Nagold", "Cara Kühn (Wolfenbüttel), Steffen Greiner (Nürtingen) und …"
_BRACKETED = r"(?:\s*\([^)]*\))?"
_NAME_LIST = re.compile(rf"{_NAME}{_BRACKETED}(?:{_NAME_SEPARATOR}{_NAME}{_BRACKETED})+")


def _names_others_beside(label: str, text: str) -> bool:
    """Whether the text lists a name beside the excepted ones ("Ravensburg, Nagold und Tübingen"), or does
    not name them at all (then it is about something else and this check says nothing)."""
    excepted = set(_NAMES.findall(label.replace(" und ", ", ")))
    naming = [s for s in split_sentences(text) if any(name in s for name in excepted)]
    if not naming:
        return True
    for sentence in naming:
        for names in _NAME_LIST.finditer(sentence):
            listed = set(_NAMES.findall(re.sub(r"\([^)]*\)", ",", names.group())))
            if listed & excepted and listed - excepted:
                return True
    return False


def _named_only_as_origin(place: re.Pattern, passage: str) -> bool:
    """Every mention of the place is a speaker's town in brackets: "Jonas Bender (Bad Dürkheim) mahnt …"."""
    found = list(place.finditer(passage))
    return bool(found) and all(
        passage[: m.start()].rstrip().endswith("(") and passage[m.end() :].lstrip().startswith(")")
        for m in found
    )


# "Welche Online-Dienste bietet …", "welche Projekte hat …": what a place offers, asked by its noun (folded)
_ASKS_WHAT_A_PLACE_HAS = re.compile(
    r"^\W*welche\w*\s+((?:\w+\s+){1,2}?)(?:bietet|bieten|hat|haben|nutzt|nutzen|betreibt|betreiben|plant|planen)\b"
)
PLACE_THING_WINDOW = 150  # characters around a place's name in which the asked thing must stand


def _thing_near_name(thing: str, name: re.Pattern, text: str) -> bool:
    """Whether a word of `thing` (by its first five letters) stands near `name` in the folded text."""
    stems = [word[:5] for word in thing.split() if len(word) >= 5]
    folded = _norm(text)
    return not stems or any(
        stem in folded[max(0, m.start() - PLACE_THING_WINDOW) : m.end() + PLACE_THING_WINDOW]
        for m in name.finditer(folded)
        for stem in stems
    )


def _locates(pattern: re.Pattern, name: re.Pattern, folded: str) -> bool:
    """Whether the asked name stands right after `pattern` in the folded question."""
    return any(pattern.search(folded[: match.start()]) for match in name.finditer(folded))


# "Wie viele Leute machen mit / sind dabei?" counts participants however the entry names them, with the
# number right before them ("50 bis 60 % der Kolleg:innen"). Only generic words and only for taking
# part: "Wie viele Leute arbeiten im Bauhof?" and "Wie viele Mitarbeitende hat Salach?" stay strict.
# "Wie viel Prozent der Belegschaft macht mit?": the staff counted as people too
_GENERIC_PEOPLE = (
    "leute",
    "team",  # "Wie groß ist das Team, das der CDO leitet?": its size is a head count
    "person",
    "mensch",
    "mitglied",
    "teilnehm",
    "belegsch",
    "beschaeft",
    "mitarb",
    "kolleg",
)
_TAKING_PART = ("mach", "nehm", "beteil")  # "wie groß ist da die Beteiligung": who takes part
_ASKS_PARTICIPANTS = re.compile(
    r"\b(?:mit|dabei|teil)\W*$|\b(?:teilnehm|mitmach|mitglied|beteilig)"
    # "Wie viel Prozent der Belegschaft gehen zu den Mittagsschulungen?"
    r"|\b(?:gehen|gehn|geht|kommen|kommt)\s+(?:\w+\s+){0,2}(?:zu|zum|zur|hin)\b|\bbesuch\w*"
    # "Wie viele Leute hat der CDO unter sich?": the staff someone leads or employs
    r"|\bunter sich\b|\b(?:fuehrt|leitet)\b"
)
_COUNTED_PEOPLE = re.compile(
    r"\d[\d.,]*\s*(?:%|prozent)?\s+(?:\w+\s+){0,2}(?:leute|person|mensch|mitarb|beschaeft|kolleg|teilnehm|mitglied)"
)


# Measures counted under other names (by their _measure_stem): "Wie viele Dienste …?" – "163 Leistungen".
_SAME_MEASURE = (("dienst", "leistu", "servic", "angebo"),)


def _counts_people(measure: str) -> bool:
    """ "leute", "personen", but also "fachleute", "expertinnen" (not "personal")."""
    return measure.startswith(_GENERIC_PEOPLE) or any(
        word in measure for word in ("leute", "expert", "menschen", "teilnehm")
    )


_BODIES_AFTER = re.compile(
    r"\s+(?:kommun|gemeind|staedt|stadt|kreis|landkreis|verwaltung|rathaeus|behoerd|aemter|organisation)"
)
_ABSOLUTE_PEOPLE = re.compile(r"\b\d[\d.,]*\s+(?:\w+\s+)?(?:leute|person|mensch|mitarb|beschaeft|kolleg)")
# "Wie viele Leute wohnen in Salach?": the people who live there are its residents
_LIVING_THERE = re.compile(r"\b(?:wohnen|wohnt|leben|lebt)\b")
_RESIDENTS = re.compile(r"\b\d[\d.,]*\s+(?:\w+\s+)?(?:einwohner|bewohner)")


# A figure in digits or in words ("zum Zeitpunkt des Gesprächs gab es erst etwa zwanzig")
_NUMBER = re.compile(
    # a year ("seit 2021") is no count
    r"\b(?!(?:19|20)\d\d\b)\d|\b(?:drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|zwanzig|dreissig|vierzig|fuenfzig|sechzig|"
    r"siebzig|achtzig|neunzig|hundert|tausend)\w*\b"
    # "eine halbe Stelle" (not "zwei": "alle zwei Wochen" is a rhythm)
    r"|\bhalbe?\b"
)


# Where one part of a list ends: "; " or the bold label of the next list item ("**Sachsen**: …")
_LIST_PART_MARKS = ("; ", " **")


def _clause_around(text: str, start: int, end: int, window: int) -> str:
    """Up to `window` characters around a match, within its part of a list (_LIST_PART_MARKS): "Bayern
    übernimmt 80 % …; Sachsen hat seit 2021 Lotsen" gives Sachsen no figure. A next sentence may still
    give it ("… in Rheinland-Pfalz … Dort sind es 21 %")."""
    left = max(text.rfind(mark, 0, start) for mark in _LIST_PART_MARKS)
    right_ends = [i for i in (text.find(mark, end) for mark in _LIST_PART_MARKS) if i >= 0]
    right = min(right_ends) if right_ends else len(text)
    return text[max(left + 1, start - window) : min(right, end + window)]


def _measure_words(folded: str, figure: re.Match[str]) -> list[str]:
    """The asked measure and the next words after "wie viele" ("dieser komplett durchdigitalisierten
    Premium-Prozesse": the thing counted may come after its adjectives)."""
    rest = folded[figure.start(1) :]
    for pattern in _STATE_PATTERNS.values():
        rest = pattern.sub(" ", rest)  # the state is no measure: the entry's title names it anyway
    following = re.findall(r"[a-z]\w{5,}", rest)[:5]
    return [m for m in figure.groups() if m] + following


_HEAD_MIN_START = 4  # a compound's first part has at least four letters ("verwaltungs|leistungen")
_HEAD_MIN_CHARS = 7  # and its head at least seven ("leistungen", "prozesse"), found at a word start
_HEAD_STEM = 6
_COMPOUND_MIN_CHARS = 14  # "verwaltungsleistungen", "onlinedienste" is none (13)
_ENDING_CHARS = 2  # the inflection a form may lack ("verwaltungsleistung|en")


def _measure_stem(measure: str) -> str:
    """The measure's beginning that its forms share ("einwohner" for "Einwohnerzahl", "leute")."""
    return measure[: max(4, min(6, len(measure)))]


def _figure_near(figure: re.Match[str], entry: str, question: str, whole_sentence: bool = False) -> bool:
    """`_measure_near_number` for the asked measure, or the word right after it when the entry lacks the
    measure's word ("komplett prozessen": the processes are counted)."""
    measure, after = figure.group(1), figure.group(2)
    if _measure_near_number(measure, entry, question, whole_sentence):
        return True
    return (
        bool(after)
        and _measure_stem(measure) not in entry
        and _measure_near_number(after, entry, question, whole_sentence)
    )


def _measure_near_number(measure: str, entry: str, question: str = "", whole_sentence: bool = False) -> bool:
    """`question`: the folded question, for "Wie viele Leute machen mit?"; `whole_sentence`: a number
    anywhere in the measure's sentence counts (an entry about the asked state: its figures are the
    state's)."""
    if (
        # "lunch and learn salach wie viele machen mit": the verb stands for the people who take part
        measure.startswith((*_GENERIC_PEOPLE, *_TAKING_PART))
        and _ASKS_PARTICIPANTS.search(question)
        and _COUNTED_PEOPLE.search(entry)
    ):
        return True
    if measure.startswith(_GENERIC_PEOPLE) and _LIVING_THERE.search(question) and _RESIDENTS.search(entry):
        return True
    if measure.startswith(_GENERIC_PEOPLE) and _ABSOLUTE_PEOPLE.search(entry):
        # "Wie viele Mitarbeiter hat der Stuttgarter CDO?" – "rund 400 Beschäftigte": people however named,
        # as a head count (a share of the staff does not say how many there are).
        return True
    stem = _measure_stem(measure)
    heads = (
        measure[i : i + _HEAD_STEM]
        for i in range(_HEAD_MIN_START, len(measure) - _HEAD_MIN_CHARS + 1)
        if re.search(rf"\b{re.escape(measure[i : i + _HEAD_STEM])}", entry)
    )
    if stem not in entry:
        # "Verwaltungsleistungen" for "Leistungen": the compound's head, when the entry has no word of the
        # whole compound
        stem = next(heads, stem)
    elif len(measure) >= _COMPOUND_MIN_CHARS and not re.search(
        rf"\b{re.escape(measure[:-_ENDING_CHARS])}", entry
    ):
        # "Wie viele Verwaltungsleistungen …?" – "eine Stelle für Verwaltungsdigitalisierung": another
        # compound of the same first part counts no services; the head must stand there
        stem = next(heads, None)
        if stem is None:
            return False
    stems = next((group for group in _SAME_MEASURE if stem in group), (stem,))
    for match in re.finditer("|".join(map(re.escape, stems)), entry):
        # or its sentence ("Solche Prozesse entwickelt das Land nur langsam – … gab es erst etwa zwanzig")
        sentence_start = entry.rfind(". ", 0, match.start()) + 1
        sentence_end = entry.find(". ", match.end())
        sentence_end = sentence_end if sentence_end >= 0 else len(entry)
        sentence = entry[sentence_start:sentence_end]
        # near it, within its sentence: "… Beschäftigte informiert. Online waren etwa 25 bis 26 Leistungen"
        # counts no staff
        window = entry[max(sentence_start, match.start() - 80) : min(sentence_end, match.end() + 80)]
        if _NUMBER.search(window) or (whole_sentence and _NUMBER.search(sentence)):
            return True
    return False


# Words that say nothing about what is asked of a place ("Welchen Typ hat die Stadt laut Studie?").
_PLACE_FRAME_WORDS = {
    "kreis",
    "kreises",
    "landkreis",
    "kommune",
    "kommunen",
    "stadt",
    "gemeinde",
    "studie",
    "eigentlich",
    "schon",
    "laut",
    "eigene",
    "eigenen",
}


def _place_entry_has_asked_word(label: str, question: str, entry: str) -> bool:
    """The entry names the place AND something asked about it (a word of the question besides the place).

    An entry that quotes someone from Bad Kreuznach does not say which type Bad Kreuznach is; an entry on
    Nürtingen's digital staff does not say which type Nürtingen is ("Typ" is too short a word for the
    general check).
    """
    if _ASKS_A_TYPE.search(question) and not _NAMES_A_TYPE.search(entry):
        return False
    return _entry_has_asked_word(question, entry, _PLACE_FRAME_WORDS | set(_norm(label).split()))


# "Welcher Typ ist Nürtingen?", "Zu welchem Typ gehört Salach?" – not "… über die Typen-Ergebnisse
# diskutiert"
_ASKS_A_TYPE = re.compile(
    r"\b(?:welche\w*|was fuer ein\w*|zu welche\w*) (?:\w+ )?"
    r"(?:typ|typs|typen|kommunentyp\w*|gruppe|kategorie)\b"
    r"|\b(?:typ|kommunentyp\w*) (?:ist|sind|hat|haben|von|der|des)\b"
)
# "… zum Typ Optimierer gehören?": a type's share asked as such
_ASKS_BY_TYPE = re.compile(
    r"\b(?:zum|vom|dem|den|als) typ\b|\btyp(?:en)? (?:der )?(?:optimierer|bedaechtig|serviceorient|community)"
)
# "Schreibt das Land … vor", "Ist das in Bayern Pflicht?", "Gibt es in Hessen ein Gesetz dazu?" (folded)
_ASKS_STATE_RULE = re.compile(
    r"\b(?:schreib\w*|schrieb\w*) (?:\w+ ){0,8}?vor\b|\bvorgeschrieben|\bverpflicht\w*|\bpflicht\b|"
    r"\b(?:gesetz|verordnung|erlass)\w*"
)
_STATE_RULE = re.compile(
    r"\bvorgeschrieben|\bvorschreib\w*|\bschreib\w* (?:\w+ ){0,8}?vor\b|\bverpflicht\w*|\bpflicht\w*|"
    r"\b\w*gesetz\w*|\bverordnung\w*|\berlass\w*|\bverbindlich\w*|\bvorgabe\w*|\bmuss\b|\bmuessen\b"
)
_NAMES_A_TYPE = re.compile(r"\b(?:bedaechtig\w*|optimierer\w*|serviceorientiert\w*|community manager\w*)")


# Words that only frame a question for later data ("Gibt es neuere Zahlen als die von 2019?").
_NEWER_FRAME_WORDS = {
    "neuere",
    "neueren",
    "neuer",
    "aktuellere",
    "aktuelleren",
    "aktueller",
    "juengere",
    "juengeren",
    "zahlen",
    "daten",
    "studie",
    "studien",
    "erhebung",
    "umfrage",
    "befragung",
    "ergebnisse",
    "untersuchung",
    "typfrage",
    "eigentlich",
    "schon",
}


_COUNT_SUFFIX = re.compile(r"(?<=\w{5})(?:anzahl|zahl|zahlen|quote|anteil)$")


def _entry_has_asked_word(question: str, entry: str, frame_words: set[str], min_length: int = 5) -> bool:
    """Whether `entry` has a word the normalised `question` asks about (besides `frame_words`), or
    the question asks about none."""
    words = {
        word
        for word in re.findall(rf"[a-z]{{{min_length},}}", question)
        if word not in frame_words and word not in stopwords()
    }
    asked = {word[: max(5, len(word) - 2)] for word in words}  # "kommunentyp" must not match "kommunen"
    # "Einwohnerzahl", "Teilnehmerzahl": the counted thing is what the entry names ("8.000 Einwohner").
    asked |= {_COUNT_SUFFIX.sub("", word) for word in words if _COUNT_SUFFIX.search(word)} - {""}
    # A short word ("CDO") as a word of its own, not inside another.
    # A long compound also counts by its last part as a word ("Digitalstelle" -> "Stelle", not "Steuerung"
    # for "Gewerbesteuer").
    tails = {word[-6:] for word in words if len(word) >= 11}
    return (
        not asked
        or any(re.search(rf"\b{stem}", entry) if len(stem) < 5 else stem in entry for stem in asked)
        or any(re.search(rf"\b{tail}\w{{0,2}}\b", entry) for tail in tails)
    )


def _says_since_then(entry: str) -> bool:
    """The entry reports a figure reached since something began ("inzwischen über 140 Personen")."""
    return any(
        re.search(r"\d", entry[max(0, m.start() - 60) : m.end() + 60]) for m in _SINCE_THEN.finditer(entry)
    )


def _covers(aspect: Aspect, question: str, entry: str, title: str = "", body: str = "") -> bool:
    """Whether the normalised `entry` text covers `aspect`; `body`: the normalised body alone, for
    checks that must not count the source line's numbers ("Folge 9")."""
    folded = _norm(question)
    if aspect.kind == "cost":
        costed = _COSTED_THING.search(folded) or _COSTED_FOR.search(folded)
        if costed and costed.group(1) not in _COST_FRAMES:
            # "Mit welchen Lizenzkosten …": a sum for a training course is no licence fee – the costed
            # thing must stand near the sum; "Wie viel von den Kurskosten übernimmt der Freistaat?": or
            # near a share of the costs.
            stem = costed.group(1)[: max(5, len(costed.group(1)) - 2)]
            sums = [*_HAS_MONEY.finditer(entry)]
            if _WHO_PAYS.search(folded):
                sums += [*_COST_SHARE.finditer(entry)]
            return any(
                stem in entry[max(0, m.start() - COSTED_WINDOW) : m.end() + COSTED_WINDOW] for m in sums
            )
        # "Wer zahlt die Ausbildung von Digitallotsen?": who pays is answered by a share of the costs too.
        return bool(_HAS_MONEY.search(entry) or (_WHO_PAYS.search(folded) and _COST_SHARE.search(entry)))
    if aspect.kind == "state" and aspect.label == ANY_STATE_LABEL:
        # The states one by one need an entry that compares states; one named in passing ("Fraunhofer
        # FOKUS in Berlin" in the study's imprint) answers no "Welche Bundesländer …?".
        return len(_german_states_in(body or entry)) >= MIN_STATES_FOR_ANY_STATE
    if aspect.kind == "state":
        # An entry about another state ("… in Rheinland-Pfalz?") only mentions the asked one in passing.
        # Not when the question names that state too ("… in Rheinland-Pfalz mehr als in NRW?").
        about_other = any(
            pattern.search(title) and not pattern.search(folded)
            for label, pattern in _STATE_PATTERNS.items()
            if label != aspect.label
        )
        if about_other and (
            _FIGURE_ASK.search(folded)
            or not _REPORTED_VIEW.search(folded)
            or not _locates(_CONTRASTED_WITH, _STATE_PATTERNS[aspect.label], body)
        ):
            return False
        if not _STATE_PATTERNS[aspect.label].search(entry):
            return False
        if _ASKS_STATE_RULE.search(folded) and not _STATE_RULE.search(body or entry):
            # "Schreibt Rheinland-Pfalz den Verbandsgemeinden eine Strategie vor?": the state's rule is
            # asked; an entry with a view about that state states none
            return False
        if _ASKS_BY_TYPE.search(folded) and not _NAMES_A_TYPE.search(entry):
            # "… rund 30 % der Kommunen in BW Optimierer?": an entry on BW's standard processes names no type
            return False
        if _locates(_MUNICIPALITY_IN, _STATE_PATTERNS[aspect.label], folded):
            return True
        figure = _FIGURE_ASK.search(folded) or _CLAIMED_FIGURE.search(folded)
        if figure:
            # "Wie viele Kommunen in Rheinland-Pfalz …?": a number near the state in the body (not the
            # source line's "Folge 9"); in an entry about that state, a number near the asked measure.
            text = body or entry
            if _STATE_PATTERNS[aspect.label].search(title) and _figure_near(figure, text, folded, True):
                return True
            if (
                _STATE_PATTERNS[aspect.label].search(title)
                and _NUMBER.search(text)
                and any(_measure_stem(m) in _norm(title) for m in _measure_words(folded, figure))
            ):
                # "Wie viele Standardprozesse gibt es in BW?": the entry is about the asked thing in that
                # state, so its figure is the answer.
                return True
            # "Wie viele … hatte das Land BW damals fertig?" – "… entwickelt das Land nur langsam – … gab es
            # erst etwa zwanzig": asked about the state itself (not "in BW"), "das Land" is that state again.
            state = _STATE_PATTERNS[aspect.label]
            # "Standardprozess in BW – wie viele … hatte das Land damals fertig?": named, then "das Land".
            return _state_figure_near(state, text, _measure_words(folded, figure)) or (
                (
                    _locates(_THE_STATE_ITSELF, state, folded)
                    or _THE_LAND.search(folded)
                    or _THE_LANDS_OWN.search(folded)
                )
                and _number_near_name(_THE_LAND, text)
            )
        if _COUNT_ASK.search(folded):
            share_of = _SHARE_OF.search(folded)
            if share_of and _measure_stem(share_of.group(1)) not in (body or entry):
                # "den Anteil der Vorsichtigen unter den bayerischen Gemeinden": Bayern's 80 % of a course
                # fee is no share of that group
                return False
            counted = _COUNTED_THING.search(folded)
            if (
                counted
                and _STATE_PATTERNS[aspect.label].search(title)
                and _measure_stem(counted.group(1)) in _norm(title)
                and _NUMBER.search(body or entry)
            ):
                # "anzahl standardprozesse bw": the entry is about the counted thing in that state
                return True
            # "anteil community manager rheinland-pfalz": a figure for the state, asked in keywords
            return _number_near_name(_STATE_PATTERNS[aspect.label], body or entry)
        return True
    if aspect.kind == "place":
        if not _name_pattern(aspect.label).search(entry):
            return False
        if _WHO_FROM.search(folded) or _locates(_PERSON_FROM, _name_pattern(aspect.label), folded):
            # "Wer aus Bad Kreuznach kommt zu Wort?": the passage naming the place names the person.
            return True
        figure = _FIGURE_ASK.search(folded)
        if (
            not figure
            and not _COUNT_ASK.search(folded)
            and _locates(_ROLE_FROM, _name_pattern(aspect.label), folded)
        ):
            return True
        if figure and figure.group(1) in _NO_NOUN_AFTER_FIGURE:
            # "… ne handvoll dienste online, wie viele genau?": the measure was named before; a figure
            # next to the place answers it
            return _number_near_name(_name_pattern(aspect.label), entry)
        # "Wie viel hat Salach …": the place is no measure.
        if figure and not _norm(aspect.label).startswith(figure.group(1)[:5]):
            return _figure_near(figure, entry, folded)
        if (
            not figure
            and _COUNT_ASK.search(folded)
            and not _number_near_name(_name_pattern(aspect.label), entry)
        ):
            return False  # "bad dürkheim anzahl online-leistungen": no figure next to the place
        return _place_entry_has_asked_word(aspect.label, folded, entry)
    if aspect.kind == "organisation":
        # The organisation, the asked measure and a number in one sentence of the entry.
        figure = _FIGURE_ASK.search(folded)
        name = _ORGANISATION_PATTERNS[aspect.label]
        stem = figure.group(1)[:6] if figure else ""
        return any(
            name.search(sentence) and stem in sentence and re.search(r"\d", sentence)
            for sentence in split_sentences(entry)
        )
    if aspect.kind == "after_sources":
        years = [y for y in _YEAR.findall(folded) if int(y) > LATEST_SOURCE_YEAR]
        figure = _FIGURE_ASK.search(folded)
        if not years and figure and _SINCE_THEN.search(folded) and _says_since_then(entry):
            # "Wie viele Leute machen inzwischen mit?" when the source itself says "inzwischen über 140
            # Personen": its figure as of its date answers it (the source line gives the date).
            return _measure_near_number(figure.group(1), entry, folded)
        # "bis 2030" in a forecast the sources make is covered when the entry has that year.
        # ("ich schreibe gerade an einer Vorlage": the speaker's own present asks for nothing current)
        return (
            bool(years) and all(y in entry for y in years) and not _NOW.search(_SPEAKER_NOW.sub(" ", folded))
        )
    if aspect.kind == "newer_data":
        # Later figures, and on the asked subject: the 2022 strategy figures do not answer "neuere
        # Zahlen zu den Kommunentypen?".
        return has_later_data(body or entry) and _entry_has_asked_word(
            folded, entry, _NEWER_FRAME_WORDS, min_length=3
        )
    if aspect.kind == "subgroup":
        if aspect.label == "Kommunenarten":
            # a figure for the Kreise and one for the Städte (Tabelle 2 style), not the kinds named once
            return _number_near_name(_KREISE, body or entry) and _number_near_name(_STAEDTE, body or entry)
        if aspect.label == "Kreise":
            # "412 Gemeinden, Städte und Kreise" counts them all, not the Kreise
            return _number_near_name(_KREISE, _ALL_KINDS_LISTED.sub(" ", body or entry))
        digits = re.sub(r"\D", "", aspect.label)
        # "5000", not inside "135000"
        return bool(
            re.search(rf"(?<!\d){digits}(?!\d)", re.sub(r"(?<=\d)[.\s](?=\d{3}\b)", "", body or entry))
        )
    if aspect.kind == "year":
        # An entry with another year answers with its own date ("… schon 2019 veröffentlicht?" – 2020).
        return bool(_YEAR.search(body or entry) or aspect.label in entry)
    if aspect.kind == "use":
        # only an entry that tells how many *know* something, and nothing of its use, misses it
        own = body or entry
        return not (_STATES_AWARENESS.search(own) and not _STATES_USE.search(own))
    if aspect.kind == "headcount":
        return bool(_COUNTED_PEOPLE.search(body or entry) or _ABSOLUTE_PEOPLE.search(body or entry))
    if aspect.kind == "duration":
        return _duration_of(aspect.label, entry)
    if aspect.kind == "name" and _HEAD_ROLE.fullmatch(aspect.label):
        own = body or entry
        roles = [role.start() for role in re.finditer(aspect.label, own)]
        people = [person.start() for name in _quoted_people() for person in re.finditer(re.escape(name), own)]
        return any(abs(role - person) <= _HEAD_NAME_DISTANCE for role in roles for person in people)
    if aspect.kind == "name":
        # the entry's own words, not the synonyms added to it ("Gutachten" also reads as "Beratungsfirma");
        # a firm is named by a known organisation too ("das Unternehmen hinter den Thesenpapieren": Axians)
        own = body or entry
        return aspect.label in own or (
            aspect.label not in _NAMED_PRODUCTS
            and not _ASKS_WHICH_TOOL.search(folded)
            and any(pattern.search(own) for pattern in _ORGANISATION_PATTERNS.values())
        )
    if aspect.kind == "date":
        # "Von welchem Datum ist die Meldung?": the source line's date ("Meldung … vom 20.10.2020") is the
        # publication's own
        publication = _ASKS_PUBLICATION_DATE.search(folded)
        own = entry if publication else (body or entry)
        return bool(
            _HAS_DATE.search(own) or (not _ASKS_DAY.search(folded) and _dates_the_asked_event(folded, own))
        )
    if aspect.kind in _COVERED_BY_PATTERN:
        return bool(_COVERED_BY_PATTERN[aspect.kind].search(body or entry))
    if aspect.kind == "topic":
        return bool(topic_coverage()[aspect.label].search(entry))
    if aspect.kind == "purpose":
        # the purpose's own part ("haushalt" of "Haushaltsplanung", "einsatz" of "Einsatzplanung")
        word = _norm(aspect.label)
        modifier = next((word[: -len(h)] for h in _PURPOSE_HEADS if h in word), word).rstrip("s")
        return modifier[:6] in (body or entry)
    if aspect.kind == "person":
        return False  # only asked for people no entry names (_people_asked)
    if aspect.kind == "speaker":
        return _norm(aspect.label.split()[-1]) in entry
    if aspect.kind == "component":
        # the component with a share right after or before it ("E-Payment 40,1 %", "40,1 % nutzen E-Payment")
        text = body or entry
        return any(
            _PERCENT_AFTER.match(text, m.end())
            or _PERCENT_BEFORE.search(text, max(0, m.start() - 60), m.start())
            for m in _UNFIGURED_COMPONENTS[aspect.label].finditer(text)
        )
    return True


def uncovered_aspect(
    question: str, entry_text: str, title: str = "", about: str | None = None, body: str | None = None
) -> Aspect | None:
    """The first aspect of `question` that `entry_text` (title, keywords, body) does not cover, else None.

    `title`: the entry's title; an entry whose title names another state does not cover the asked one.
    `about`: what the whole entry is about (title, source line, a single speaker); a place named there is the
    entry's subject, a place named only in the body (`body`, else `entry_text`) is covered by the
    sentences that name it.
    """
    entry = _norm(entry_text)
    folded_title = _norm(title)
    folded_about = None if about is None else _norm(about)
    folded_body = _norm(body or "")
    folded_question = _norm(question)
    asked = asked_aspects(question)
    # "stuttgart digitalchef teamgroesse im vergleich zu nuertingen": another asked place is the entry's
    # subject, and the body names this one beside it
    subjects = (
        {a.label for a in asked if a.kind == "place" and _name_pattern(a.label).search(folded_about)}
        if folded_about is not None
        else set()
    )
    for aspect in asked:
        place = _name_pattern(aspect.label) if aspect.kind == "place" else None
        if place and subjects - {aspect.label} and place.search(folded_body or entry):
            continue
        if aspect.kind == "others":
            if not _names_others_beside(aspect.label, body or entry_text):
                return aspect
            continue
        if place and folded_about is not None and not place.search(folded_about):
            # Named in passing ("Jonas Bender (Bad Dürkheim) betont …"): only those sentences count.
            sentences = (_norm(s) for s in split_sentences(entry_text if body is None else body))
            passages = [sentence for sentence in sentences if place.search(sentence)]
            if _locates(_THE_MUNICIPALITY_ITSELF, place, folded_question):
                # "Welche Online-Dienste bietet die Stadt Bad Dürkheim an?" – "Jonas Bender (Bad Dürkheim)
                # mahnt …": where a speaker comes from says nothing about that town's own services.
                passages = [passage for passage in passages if not _named_only_as_origin(place, passage)]
            offered = _ASKS_WHAT_A_PLACE_HAS.search(folded_question)
            if offered:
                # "Welche Online-Dienste bietet die Verbandsgemeinde Betzdorf-Gebhardshain an?" – "… nennt die
                # Verbandsgemeinde Betzdorf-Gebhardshain als Beispiel": a sentence naming the place in passing
                # answers only with the asked thing in it (an entry about the place answers as a whole)
                passages = [
                    passage for passage in passages if _thing_near_name(offered.group(1), place, passage)
                ]
            if not any(_covers(aspect, question, passage, folded_title) for passage in passages):
                return aspect
            continue
        if (
            aspect.kind == "state"
            and aspect.label in _STATE_PATTERNS
            and folded_about is not None
            and _STATE_PATTERNS[aspect.label].search(folded_about)
            and _sets_the_scene(aspect.label, folded_question)
        ):
            continue
        if aspect.kind == "year" and aspect.label in STUDY_YEARS and _THE_STUDY.search(folded_about or ""):
            # "Wie viele Kommunen hatten 2019 schon eine fertige Digitalstrategie?": the study's own year
            continue
        if not _covers(aspect, question, entry, folded_title, folded_body):
            return aspect
    return None


def _subgroup_name(label: str) -> str:
    if label == "Kommunenarten":
        return "Kreise, Städte und Gemeinden getrennt"
    return "die Kreise" if label == "Kreise" else f"diese Größenklasse ({label} Einwohner:innen)"


def refusal_text(aspect: Aspect) -> str:
    """The honest German no-answer for an uncovered aspect."""
    return f"Dazu geben meine Quellen nichts her – {_refusal_reason(aspect)}. Ich möchte nichts erfinden."


def part_refusal_text(aspect: Aspect, part: str) -> str:
    """The honest no-answer for one part of a two-part question whose other part was answered."""
    return f"Zu Ihrer Frage „{part}“ geben meine Quellen nichts her – {_refusal_reason(aspect)}."


def _refusal_reason(aspect: Aspect) -> str:
    said_by_the_person = f"was {aspect.label} dazu sagt, enthalten sie nicht"
    reasons = {
        "cost": "Kosten, Preise oder Gehälter nennen sie nicht",
        "state": f"zu {aspect.label} machen sie dazu keine Angaben",
        "place": f"solche Angaben zu {aspect.label} enthalten sie nicht",
        "organisation": f"solche Zahlen über {aspect.label} selbst enthalten sie nicht",
        "after_sources": f"sie reichen nur bis {LATEST_SOURCE_YEAR}; "
        "was seitdem geschehen ist, weiß ich nicht",
        "duration": "eine Dauer nennen sie dafür nicht",
        "name": "einen Namen nennen sie dafür nicht",
        "date": "ein genaues Datum nennen sie dafür nicht",
        "clock_time": "eine Uhrzeit nennen sie dafür nicht",
        "frequency": "wie oft das stattfindet, nennen sie nicht",
        "use": "wie viele das tatsächlich einsetzen, nennen sie nicht – nur, wie bekannt es ist",
        "sample_size": "wie viele daran teilgenommen haben, nennen sie nicht",
        "invited": "wie viele angefragt oder angeschrieben wurden, nennen sie nicht",
        "population_share": "Anteile der Bürger:innen nennen sie nicht; ihre Zahlen zählen, was Kommunen tun",
        "unit": "Maßangaben wie Kilometer, Bandbreiten oder Wochenstunden nennen sie nicht",
        "origin": "wer das ursprünglich entwickelt oder erdacht hat, nennen sie nicht",
        "leader": "wer das leitet, nennen sie nicht",
        "moderator": "wer das moderiert hat, nennen sie nicht",
        "residence": "wo jemand wohnt, sagen sie nicht",
        "others": f"außer {aspect.label} nennen sie dazu keine Namen",
        "headcount": "wie viele Personen das sind, nennen sie nicht",
        "year": f"zum Jahr {aspect.label} sagen sie dazu nichts",
        "subgroup": f"eigene Zahlen für {_subgroup_name(aspect.label)} enthalten sie dazu nicht",
        "newer_data": f"neuere Zahlen als die der Studie ({STUDY_YEAR}) enthalten sie dazu nicht",
        "topic": f"zu {aspect.label} enthalten sie nichts",
        "purpose": f"einen Anteil für die {aspect.label} nennen sie nicht",
        "person": said_by_the_person,
        "speaker": said_by_the_person,
        "component": f"Zahlen zu {aspect.label} nennen sie nicht; Anteile gibt die Studie nur für DMS, "
        "De-Mail, mobile Apps und Chatbots an",
    }
    return reasons.get(aspect.kind, "das decken sie nicht ab")


NEAREST_PREFIX = "Dazu habe ich: "


def nearest_button(title: str) -> dict[str, str]:
    """ "Dazu habe ich: …": the neighbouring entry's title, sent as the user's next question."""
    return {"title": f"{NEAREST_PREFIX}{title}", "payload": title}
