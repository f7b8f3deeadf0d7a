"""Free-text extraction and ranking of digitalisation goals from German answers.

Pure module (stdlib only). Pipeline:
1. normalise: lower case, umlauts and their ASCII spellings folded to the base vowel
   (ä/ae -> a, ö/oe -> o, ü/ue -> u, ß -> ss), hyphens/underscores -> spaces. Patterns below are
   written in normal spelling and go through the same folding, so they match either spelling.
2. split into clauses at punctuation and at words like "aber", "sondern", "dann".
3. find goal mentions per clause: regex patterns (synonyms, paraphrases, stems that also match
   inflected forms and compounds), then fuzzy matching of the remaining words for typos.
4. drop negated mentions ("nicht so wichtig", "kein Thema", "Fördermittel nein", "statt X").
5. rank: explicit ranks ("1.", "zweitens", "an erster Stelle", "am wichtigsten", "vor allem",
   "zuletzt") first, the rest by order of mention; comparisons ("X ist wichtiger als Y",
   "Y ist weniger wichtig als X", "eher X als Y") reorder pairs. Dedup, max 3.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dteam.interview.matching import clause_spans, longest_matches
from dteam.study.data import GOAL_IDS
from dteam.study.typology import MAX_GOALS
from dteam.text import fold_pattern, fold_umlauts

from .spelling import joined_compounds, repaired

__all__ = ["GOAL_IDS", "MAX_GOALS"]  # re-exported for callers that only know the parser
# The rank of "zuletzt", "als Letztes": after every goal named (_merge_ranks puts it in the last place).
LAST_PLACE = 99
MAX_INPUT_CHARS = 1000  # parsers see at most this much: no answer needs more, and it bounds latency

# Short labels for buttons.
GOAL_LABELS: dict[str, str] = {
    "rechtliche_vorgaben": "Rechtliche Vorgaben",
    "foerdermittel": "Fördermittel",
    "effizienz": "Effizienz",
    "leistungsangebot": "Leistungsangebot",
    "buergernaehe": "Bürgernähe",
    "attraktivitaet": "Attraktivität",
    "daseinsvorsorge": "Daseinsvorsorge",
    "wirtschaft": "Wirtschaft",
    "zivilgesellschaft": "Zivilgesellschaft",
    "innovation": "Innovation",
}

# One line each, in our own words.
GOAL_DESCRIPTIONS: dict[str, str] = {
    "rechtliche_vorgaben": "Gesetzliche Pflichten wie das Onlinezugangsgesetz (OZG) oder die E-Rechnung "
    "umsetzen.",
    "foerdermittel": "Förderprogramme und Zuschüsse von EU, Bund und Land für Digitalisierungsvorhaben "
    "nutzen.",
    "effizienz": "Abläufe in der Verwaltung schneller, schlanker und wirksamer machen.",
    "leistungsangebot": "Mehr Verwaltungsleistungen digital und online anbieten.",
    "buergernaehe": "Eine bürgernahe, offene und serviceorientierte Verwaltung stärken.",
    "attraktivitaet": "Die Kommune als Wohn-, Arbeits- und Lebensort attraktiver machen.",
    "daseinsvorsorge": "Die kommunale Daseinsvorsorge (z. B. Mobilität, Bildung, Gesundheit, "
    "Infrastruktur) digital weiterentwickeln.",
    "wirtschaft": "Die örtliche Wirtschaft, Handel und Gründungen mit Digitalisierung unterstützen.",
    "zivilgesellschaft": "Ehrenamt, Vereine und bürgerschaftliches Engagement digital stärken.",
    "innovation": "Neue Technologien und Ideen erproben, etwa im Sinne von Smart City oder Smart Region.",
}

_W = r"\w*"  # rest of a word (inflection, compound tail)
_GAP = r"(?:\w+\s+){0,3}"  # up to three words in between

# Regex patterns per goal, in normal German spelling (folded before compiling). Longer matches win
# over shorter overlapping ones, so specific phrases ("Wirtschaftsförderung") beat generic stems.
# "drucken E-Mails aus, stempeln sie ab und scannen sie wieder ein", "ausgedruckt, unterschrieben und dreimal
# abgestempelt": a paper loop inside the administration – an efficiency cue and the problem it removes
# (printing alone may be the scene)
_PAPER_LOOP = r"\babgestempelt|\bstempeln\s+(?:\w+\s+){0,2}ab\b|\bwieder\s+eingescannt"
# "dass eine Akte nicht eine Woche lang von Schreibtisch zu Schreibtisch wandert", "nicht mehr Akten durch die
# Gegend schleppen": paper files carried through the house
_FILES_CARRIED = (
    r"\bvon\s+schreibtisch\s+zu\s+schreibtisch\b|"
    r"\b(?:akten|ordner|mappen|umlaufmappen)\s+(?:\w+\s+){0,4}?"
    r"(?:schleppen|schleppt|tragen|trägt|herumtragen|wander\w*)\b"
)

# "Offenheit gegenüber neuen Technologien": openness towards the new is innovation, not openness to citizens
_TOWARDS_THE_NEW = r"(?:gegenüber|für)\s+(?:\w+\s+)?(?:technologie|technik|ideen|innovation|neue)"

_LEXICON: dict[str, list[str]] = {
    "rechtliche_vorgaben": [
        r"\b(?:landes|bundes|eu)vorgabe\w*",  # "weil das Landesvorgabe ist"
        r"\bonlinezugang\w*\s+(?:nach|gemäß|laut)\s+(?:dem\s+)?ozg\b",  # "Onlinezugang nach OZG umsetzen"
        # "die Fristen für die Online-Anträge laufen uns davon": the duty's deadline, not more services
        r"\bfristen?\s+(?:für|bei)\s+(?:die\s+|den\s+)?online\s*\w*antr\w*",
        # "die gesetzlich verlangten Onlinedienste fristgerecht schaffen": the duty, not more services
        r"\bgesetzlich\s+(?:vorgeschrieben|verlangt|gefordert|verpflichtend|geschuldet)\w*\s+(?:\w+\s+)?"
        r"(?:online|digital)\w*",
        # "ab nächstem Jahr müssen wir die (Rechnungen) auch noch elektronisch annehmen können": the e-invoice
        # duty
        r"\b(?:müssen|muss)\s+(?:\w+\s+){0,5}elektronisch\s+(?:annehmen|empfangen|entgegennehmen|verarbeiten|"
        r"akzeptieren)\b",
        r"\bvorgeschrieben\w*",
        # "das oh zett geh umsetzen": the OZG as voice input spells it
        r"\boh?\s+zett\s+geh?\b",
        # "Datenschutzvorgaben einhalten", "die Vorgaben erfüllen"
        r"\b\w+vorgaben\b",
        r"\bvorgaben\s+(?:\w+\s+)?(?:einhalt|erfüll|umsetz|beacht)\w*",
        # "das, was Bund und Land uns sowieso vorschreiben"
        r"\b(?:bund|land|länder|eu|gesetzgeber)\s+(?:\w+\s+){0,4}(?:vorschreib|vorgeb|vorgibt|verlang)\w*",
        r"\baufdrück\w*",
        r"\bauferleg\w*",
        r"\bwas\s+(?:uns\s+)?(?:berlin|brüssel|der\s+bund|das\s+land|die\s+eu|der\s+gesetzgeber)\s+(?:uns\s+)?"
        r"(?:\w+\s+){0,3}(?:vorgibt|vorschreibt|aufträgt|aufgibt|verlangt|geschrieben|schreibt)\b",
        r"\bweil\s+wir\s+(?:es\s+)?müssen\b",
        r"\bwas\s+(?:\w+\s+){0,4}verlang\w*",
        r"\bbis\s+zur\s+frist\b",
        r"rechtlich\w*\s+(?:vorgab|rahmen|anforderung|pflicht|sauber|korrekt|sicher)" + _W,
        r"\brechtlich\w*",
        r"\brechtskonform\w*",
        r"\brechtssicher\w*",
        # not a directive from the own leadership ("Die Verwaltungsspitze hat als Vorgabe gemacht: …")
        r"(?<!als\s)\bvorgab\w*(?!\s+(?:der|des|vom|von)\s+(?:verwaltungsspitze|spitze|chef\w*|leitung|"
        r"bürgermeister\w*|landrat|landrätin|amtsleitung|hausleitung)\b)",
        # not "gesetzt" ("Er hat sich durchgesetzt", "Prioritäten gesetzt", "umgesetzt")
        r"\bgesetz(?!t)\w*",
        r"\w+gesetz(?!t)\w*",
        r"\bgsetz(?!t)\w*",  # "was mir vom Gsetz her müsset"
        r"\bozg\b",
        r"\begovg\b",
        r"\b(?<!in\sder\s)pflicht\w*",  # not "sehen uns in der Pflicht" (a responsibility)
        r"\b(?!verpflicht)\w+pflicht\w*",  # "Meldepflicht", "Nachweispflichten" ("verpflichtet": below)
        # not "Als Bürgermeister bin ich vor allem den Menschen hier verpflichtet" (a duty to people)
        r"(?<!menschen\s)(?<!bürgern\s)(?<!einwohnern\s)(?<!hier\s)(?<!leuten\s)\bverpflicht\w*",
        r"\bvorschrift\w*",
        r"\be\s?rechnung\w*",
        # "bei den elektronischen Rechnungen noch nicht gesetzeskonform"
        r"\belektronische\w*\s+rechnung\w*",
        r"\bx\s?rechnung\w*",
        r"\bcompliance\b",
        r"\bregistermodernisierung\w*",
        r"\bauflagen\b",
        r"\bumsetzungsfrist\w*",
        # "Rechnungseingang zu 100 % elektronisch bis zur Landesfrist"
        r"\b(?:bis\s+zur\s+)?(?:landes|bundes|eu)frist\w*",
        r"\brechnungseingang\s+(?:\w+\s+){0,4}elektronisch\w*",
        # "Eingangsrechnungen müssen wir elektronisch annehmen können"
        r"\b(?:eingangs)?rechnungen\s+(?:\w+\s+){0,3}(?:elektronisch|digital)\s+(?:\w+\s+){0,2}"
        r"(?:annehm|annahm|empfang|entgegennehm|verarbeit)\w*",
        r"\bstichtag\w*",
        r"\b(?:gesetzliche\w*\s+)?fristen\b",
        r"\bdsgvo\b",
        # "Datenschutz einhalten", "DSGVO-konforme Prozesse" (a longer match than "Prozesse")
        r"\bdatenschutz\w*",
        r"\b\w*konform\w*\s+(?:\w+\s+)?(?:prozess|abläuf|verfahren)\w*",
        r"\bvor\s+gericht\b",
        r"\bgerichtsfest\w*",
        r"\brechtmäßig\w*",
        r"\brecht\s+und\s+(?:gesetz|ordnung)\b",
        r"\b(?:bund|land|länder|eu|brüssel|berlin|gesetzgeber|ministerium|aufsicht|staat)\s+(?:\w+\s+){0,3}"
        r"(?:zwingen|zwingt)\b",
        r"\b(?:gezwungen|zwingen|zwingt)\s+(?:\w+\s+){0,3}(?:bund|land|eu|gesetzgeber|gesetz)\w*",
        r"\bfrist(?:en)?\s+(?:\w+\s+){0,3}(?:einhalt|halt|wahr|schaff|verpass|versäum|reiß|riss)\w*",
        r"\bfristgerecht\w*",
        r"\b(?:kommunal|rechts|fach)aufsicht\w*",
        r"\bbeanstand\w*",
    ],
    "foerdermittel": [
        r"\bförderprog\w*",  # "Förderprogs abgreifen"
        # "der Antrag für den Digitalfonds des Landes": an application for funds (no online service)
        r"\b(?:den\s+)?antr(?:ag|äge)\s+(?:für|auf|beim|an)\s+(?:den|das|dem)\s+\w*fonds\w*(?:\s+(?:des|der)\s+\w+)?",
        # "das mit dem Geld streichen, das macht die Kämmerei": the funding named before, pointed back at
        r"\b(?:das|die\s+sache|der\s+punkt)\s+mit\s+dem\s+geld\b",
        # "Kohle vom Land holen"; "… muss jemand anders mitbezahlen – Land, Bund, egal wer"
        # also Rhenish "Jeld vom Land"
        r"\b(?:kohle|knete|geld|jeld|kohlen)\s+(?:vom|von\s+der|aus|aus\s+dem)\s+(?:land|bund|eu|brüssel|kreis|freistaat)\b",
        r"\b(?:jemand\s+anders|ein\s+dritter|dritte)\s+(?:\w+\s+){0,4}(?:mit)?(?:bezahl|finanzier|übernimm)\w*",
        # "Das Land gibt Geld für Digitalisierung, das wollen wir mitnehmen": the money offered, taken up
        r"\b(?:land|bund|eu|freistaat)\s+(?:gibt|zahlt|verteilt|schüttet)\s+(?:\w+\s+){0,3}geld\s+(?:für|aus)\b",
        # EU structural funds by name: "EFRE-Mittel", "die Mittel aus den EU-Strukturfonds ausschöpfen"
        r"\befre\b|\besf\+?\b|\b[\w-]*strukturfonds\w*|\bleader[\s-]?(?:region|programm|mittel|förder)\w*",
        r"\b(?:mittel|gelder)\s+(?:\w+\s+){0,4}ausschöpf\w*",
        # "Kein Förderprogramm darf an uns vorbeigehen" (two negations: every programme)
        r"\bkein\w*\s+(?:förder|zuschuss|fördertopf)\w*\s+(?:\w+\s+){0,2}(?:darf|soll|sollte)\s+(?:\w+\s+){0,3}"
        r"(?:vorbeigeh|verloren\s+geh|liegen\s+bleib|verfall)\w*",
        # "das ganze Förderkram", "Förderkohle sichern"
        r"\bförder(?:kram|zeug|geschichte\w*|sache\w*|thema|themen|töpfe|topf|kohle|knete)\b",
        r"\bfunding\b",
        # "jemand, der die Förderdatenbank nach passenden Programmen durchforstet"
        r"\bförder(?:datenbank|recherche|scout|lotse)\w*",
        # "Grants von EU und Bund akquirieren"
        r"\bgrants?\b",
        r"\btöpfe\b",
        # "mit Mitteln aus dem Digitalpakt", "die Digitalpakt-Mittel abrufen" (the federal programme's money)
        r"\bdigitalpakt\w*\s+mittel\w*|\bmittel\w*\s+(?:aus\s+dem|des)\s+digitalpakt\w*",
        r"\b(?:eu|bundes|landes)\s?töpf\w*",  # "Geld aus den EU-Töpfen"
        r"\banzapf\w*",
        r"\bbrüssel\b",
        r"\bfinanzspritze\w*",
        r"\bprogramm\w*\s+(?:vom|von|des|aus)\s+(?:dem\s+)?(?:bund|land|eu)\w*",
        r"\bgeld\s+(?:aus|von)\s+[\w-]*programm\w*",
        # "einen Antrag beim Digitalprogramm des Landes, um beides bezahlt zu kriegen"
        r"\bantr(?:a|ä)g\w*\s+(?:beim|bei\s+dem|im|für\s+das|ins)\s+(?:\w+\s+)?[\w-]*programm\w*",
        r"\bum\s+(?:das|es|beides|alles|den\s+rest)\s+(?:\w+\s+)?bezahlt\s+zu\s+(?:kriegen|bekommen)\b",
        r"\binterreg\w*",
        r"\bförder(?:mittel|geld|programm|projekt|antr[aä]g|topf|töpfe|kulisse|aufruf|quote|bescheid|möglichkeit|gelder|geber|fähig|summe)\w*",
        # "Förderung vom Bund mitnehmen", "Förderung aus dem Landesprogramm abrufen"
        r"\bförderung(?:en)?\s+(?:\w+\s+){0,3}?(?:erhalten|bekommen|kriegen|beantragen|einwerben|abrufen|akquirieren|"
        r"nutzen|holen|abholen|mitnehmen|abgreifen|einstreichen|sichern)",
        r"\b(?:erhalten|bekommen|kriegen|beantragen|einwerben|abrufen|akquirieren|holen|mitnehmen|abgreifen)\w*\s+"
        r"(?:\w+\s+)?förderung",
        r"\bzuwendung\w*",
        r"\bförderung(?:en)?(?=\s*(?:$|[,.;:!?]|(?:und|oder|sowie)\b))",
        # "Ohne Förderung passiert hier gar nichts"
        r"\bohne\s+(?:\w+\s+)?förderung\w*(?=\s+(?:passiert|geht|läuft|klappt|wird)\b)",
        # "Dafür müssen wir unbedingt an Förderung kommen", "an Zuschüsse rankommen"
        r"\ban\s+(?:die\s+)?(?:förderung\w*|zuschüsse|fördergeld\w*)\s+(?:\w+\s+)?(?:kommen|rankommen|rankommt|kommt)\b",
        # "die Modellprojekt-Förderung des Bundes", "Förderung vom Land" (not the Wirtschaftsförderung)
        r"\b(?!wirtschafts)[\w-]*förderung(?:en)?\s+(?:des|vom|von|der)\s+(?:bundes|bund|landes|land|eu|freistaat\w*)\b",
        r"\b(?:kofinanzier|mitfinanzier)\w*",
        r"\b(?:teil|anteil)\s+der\s+kosten\b",
        r"\bgeld\w*\s+von\s+außen\b",
        r"\bgeld\s+(?:\w+\s+){0,2}von\s+außen\b",
        r"\bvon\s+außen\s+(?:kriegen|kriegt|bekommen|bekommt|holen|holt|einwerben|reinholen|einsammeln)\b",
        r"\b(?:das\s+land|der\s+bund|die\s+eu|der\s+freistaat)\s+(?:\w+\s+){0,4}?(?:bezahl|zahl|finanzier|übernimm|übernehm)\w*",
        r"\b(?:bezahl|zahl|finanzier|übernehm|übernimm)\w*\s+(?:\w+\s+){0,5}?(?:das\s+land|der\s+bund|die\s+eu|der\s+freistaat)\b",
        r"\bzuschu(?:ss|ß|ss)\w*",
        r"\bzuschüss\w*",
        r"\bdrittmittel\w*",
        r"\b(?:eu|landes|bundes)\s?(?:mittel|förderung|geld|programm)\w*",
        # "dass andere mitzahlen", "uns das vom Land mitbezahlen lassen"
        r"\bmit(?:be)?zahl\w*",
        # "das Geld dafür vom Land abholen"
        r"\bgeld(?:er)?\s+(?:(?:dafür|hierfür|dazu|auch|noch|wieder)\s+){0,2}(?:vom|von|aus)\s+(?:dem\s+|der\s+)?"
        r"(?:bund|land|eu|freistaat|staat|ministerium)\w*",
        r"\bgeld(?:er)?\s+(?:\w+\s+)?von\s+oben\b",  # "das mit dem Geld von oben, egal wofür"
        # "das Geld für die Umsetzung holen wir uns beim Land"
        r"\bgeld(?:er)?\s+(?:\w+\s+){0,4}?(?:holen|hole|holt|besorgen|kriegen|bekommen)\s+(?:wir\s+)?(?:uns\s+)?"
        r"(?:beim|bei\s+der|vom|von\s+der)\s+(?:bund|land|eu|freistaat|kreis|landkreis)\b",
        # "beim Bund liegen Gelder bereit, die wir nie beantragen"
        r"\b(?:beim|bei\s+der|vom)\s+(?:bund|land|eu|freistaat)\s+(?:\w+\s+){0,2}?geld(?:er)?\b",
        r"\bgeld(?:er)?\b(?:\s+\w+){0,6}?\s+(?:beantrag|abruf|abgerufen|abzurufen)\w*",
        r"\b\w+zuschu(?:ss|ß)\w*|\b\w+zuschüss\w*",  # "Bundeszuschuss", "Landeszuschüsse"
        r"\bgefördert\s+werden\b",
        r"\bfinanzielle\w*\s+(?:mittel|unterstützung|förderung)",
    ],
    "effizienz": [
        # "intern drucken wir E-Mails aus, um sie abzuheften": paper-bound office work
        r"\b(?:e\s?mails?|mails)\s+(?:\w+\s+){0,2}?(?:aus(?:zu)?druck\w*|ausgedruckt)\b",
        r"\bdruck\w*\s+(?:\w+\s+)?(?:e\s?mails?|mails)\s+(?:\w+\s+){0,2}?aus\b",
        r"\b(?:abheft\w*|abzuheften)\b",
        _FILES_CARRIED,
        # "Aber zuerst muss das mit der Handarbeit anders werden"
        r"\bhandarbeit\w*",
        # "die Vorgänge hinter dem Portal komplett elektronisch abwickeln": the back end, not the portal
        r"\b(?:vorgänge|prozesse|abläufe|bearbeitung|sachbearbeitung)\s+hinter\s+(?:dem|den)\s+(?:portal|online)\w*"
        r"(?:\s+(?:\w+\s+){0,2}(?:elektronisch|digital)\s+(?:abwickeln|bearbeiten|laufen\s+lassen))?",
        # "dass die Verwaltung nicht zusammenbricht, wenn nächstes Jahr drei Leute in Rente gehen": keeping
        # the administration working with fewer hands
        r"\b(?:verwaltung|rathaus|amt|laden)\s+(?:\w+\s+){0,2}nicht\s+(?:\w+\s+)?zusammenbr\w*",
        r"\b(?:verwaltung|rathaus)\s+(?:\w+\s+){0,3}(?:arbeitsfähig|handlungsfähig)\w*",
        # "Vorher muss der Laden intern laufen": the own organisation (not a shop)
        r"\b(?:der|den|unser\w*)\s+läden\s+intern\b",
        rf"(?:{_PAPER_LOOP})\b",
        # "die Post digital verteilt statt per Hand", "weniger Hin- und Hermailen"
        r"\bpost\s+(?:\w+\s+){0,2}digital\s+(?:verteil|weiterleit|zustell)\w*",
        # not "in der Klausur ging es ziemlich hin und her" (a debate)
        r"(?<!\bging\s)(?<!\bging\ses\s)(?<!\bziemlich\s)\bhin\s+und\s+her\w*",
        # "damit im Bürgerbüro nicht dauernd das Telefon klingelt": staff kept from their work
        r"\b(?:telefon|hotline)\w*\s+(?:\w+\s+){0,2}(?:klingelt|klingeln|bimmelt|steht\s+nicht\s+still)\b",
        # the incoming mail distributed digitally ("Eingangspost digital verteilen")
        r"\b(?:eingangspost|posteingang\w*)\b",
        # "Rechnungseingang automatisieren" (not the e-invoice the law requires)
        r"\brechnungseingang\w*\s+(?:\w+\s+){0,2}(?:automatisier|digitalisier|beschleunig)\w*",
        # "damit die Kolleg:innen wieder Luft haben", "Unsere Mitarbeiter*innen sind am Limit"
        r"\b(?:kolleg|mitarbeit|personal|beschäftigt|belegschaft|sachbearbeit)\w*\s+(?:\w+\s+){0,3}"
        r"(?:wieder\s+|mehr\s+)+luft\b",
        r"\b(?:kolleg|mitarbeit|personal|beschäftigt|belegschaft|sachbearbeit)\w*\s+(?:\w+\s+){0,2}"
        r"(?:sind|ist)\s+(?:\w+\s+)?am\s+limit\b",
        r"\be\s?akt\b",  # "E-Akt" (typed short)
        r"\bverwaltungsabl(?:ä|ae)uf\w*",  # "der Rest Verwaltungsabläufe"
        # "Ein Bauantrag liegt bei uns 11 Wochen … Das wollen wir drastisch verkürzen."
        r"\b(?:das|dies\w*)\s+(?:\w+\s+){0,3}(?:verkürz|beschleunig)\w*",
        r"\bpersonalentlastung\w*",
        # "auch wenn die Hälfte der Belegschaft in Rente geht": work done with fewer people
        r"\b(?:belegschaft|kolleg\w*|beschäftigt\w*|mitarbeit\w*)\s+(?:\w+\s+)?"
        r"in\s+(?:rente|pension|ruhestand)\b",
        # "weil Daten drei Mal abgetippt werden": typing the same data again
        r"\b(?:doppelt|mehrfach|zweimal|dreimal|(?:zwei|drei|x)[\s-]mal)\s+(?:\w+\s+)?"
        r"(?:abgetippt|abtipp\w*|erfasst|eingegeben|eingetippt)\b",
        # "wir tippen alles dreimal ab"
        r"\btipp\w*\s+(?:\w+\s+){0,3}(?:doppelt|mehrfach|zweimal|dreimal|x\s+mal)\s+ab\b",
        # "Hauptsache, das Fax stirbt endlich"
        # (not "wir diskutieren noch, ob wir das Faxgerät abschaffen": being behind, told)
        r"\b(?:fax|faxe|faxgerät\w*)\s+(?:\w+\s+){0,2}(?:stirbt|sterben|verschwind\w*|ausrangier\w*)",
        r"\b(?:das|dem)\s+interne\b",  # "weniger Papier intern, nein, das Interne ist wichtiger"
        # "Verwaltung beschleunigen", "die Verfahren beschleunigen"
        r"\b(?:verwaltung|verfahren|abläuf|ablauf|prozess|bearbeitung|genehmigung|antragsbearbeitung)\w*\s+"
        r"(?:\w+\s+){0,2}beschleunig\w*",
        r"\bbeschleunig\w*\s+(?:\w+\s+){0,3}(?:verwaltung|verfahren|abläuf|prozess|bearbeitung|genehmigung)\w*",
        # not "mit moderner Technik": the means of another goal ("als Arbeitgeber mit moderner Technik")
        r"(?<!\bmit\s)\b(?:bessere|moderne|vernünftige|gute)\w*\s+(?:werkzeuge|arbeitsmittel|tools|software|technik)\b",
        # "solide Verwaltung, die funktioniert"
        r"\b(?:verwaltung|rathaus|abläufe|prozesse)\w*,?\s+(?:die|das|der)\s+(?:\w+\s+)?funktionier\w*",
        r"\b(?:funktionierende|solide|stabile|zuverlässige)\w*\s+(?:verwaltung|abläufe|prozesse)\b",
        # "Die Arbeit muss trotzdem zu schaffen sein", "dass die Kollegen nicht in Arbeit untergehen"
        r"\barbeit\s+(?:\w+\s+){0,3}(?:zu\s+)?(?:schaffen|bewältigen)\b",
        # "intern wird noch alles ausgedruckt und abgeheftet"
        r"\b(?:ausgedruckt|ausdrucken|abgeheftet|abheften)\s+(?:und|oder)\s+(?:abgeheftet|abheften|abgelegt|"
        r"ablegen|ausgedruckt|ausdrucken|eingescannt|einscannen)\b",
        # "dass die Arbeit im Amt leichter wird"
        r"\barbeit\s+(?:im|in\s+der|der)\s+(?:amt|rathaus|verwaltung|behörde|kämmerei|bürgerbüro)\w*\s+"
        r"(?:\w+\s+)?(?:leichter|einfacher|schneller)\b",
        r"\b(?:in|unter)\s+(?:der\s+)?arbeit\s+untergeh\w*",
        r"\b(?:nicht\s+mehr\s+)?(?:\w+\s+)?liegen\s+bleib\w*",
        # "interne Bearbeitung entrümpeln", "die Abläufe ausmisten"
        r"\b(?:verwaltung|verfahren|abläuf|ablauf|prozess|bearbeitung|vorgäng|formular)\w*\s+(?:\w+\s+){0,2}"
        r"(?:entrümpel|ausmist|verschlank|entschlack|straff)\w*",
        r"\b(?:entrümpel|ausmist|verschlank|entschlack)\w*\s+(?:\w+\s+){0,3}"
        r"(?:verwaltung|verfahren|abläuf|prozess|bearbeitung|vorgäng)\w*",
        r"\bflott\w*",
        r"\bsitzungsdienst\w*",
        # "dass die Verwaltung im Alltag mitkommt, Akten digital"
        r"\bakten\s+digital\w*",
        r"\bverwaltung\s+(?:\w+\s+){0,4}mitkomm\w*",
        # "akten digitalisieren wir haben keller voller ordner", "die ehe akte muss kommen" (dictated E-Akte)
        r"\b\w*akten\s+(?:\w+\s+)?digitalisier\w*",
        r"\b(?:keller|schränke|regale|räume)\s+voll(?:er)?\s+(?:mit\s+)?(?:\w+\s+)?(?:ordner|akten|papier)\w*",
        r"\behe\s?akte\b",
        # "die digitale Bauakte", "digitale Personalakte": a file of one office kept digitally
        r"\bdigital\w*\s+(?:bau|personal|schüler|gewerbe)akte\w*",
        # "wenn wir frei werdende Stellen nicht nachbesetzen müssen", "die Personalkosten"
        r"\bstellen\s+(?:\w+\s+){0,3}?(?:nicht|nie|kaum)\s+(?:mehr\s+)?(?:nach)?besetz\w*",
        r"\bpersonalkosten\w*",
        # "intern Luft schaffen, das Personal geht auf dem Zahnfleisch"
        r"\bintern\w*\s+(?:\w+\s+)?luft\b",
        r"\bauf\s+dem\s+zahnfleisch\b",
        # "Tempo intern", "dass d'Verwaltung net so lahm isch"
        r"\btempo\s+(?:intern|im\s+(?:haus|rathaus|amt)|in\s+der\s+verwaltung)\b",
        # "eher 70 zu 30 für die Bearbeitung im Rathaus": the administration's processing named as such
        r"\bbearbeitung\s+(?:im\s+(?:haus|rathaus|amt)|in\s+der\s+verwaltung|intern)\b",
        r"\b(?:intern|im\s+haus)\s+(?:mehr\s+)?tempo\b",
        r"\b(?:verwaltung|rathaus|amt|ämter|behörde|abläufe|prozesse|bearbeitung)\w*\s+(?:\w+\s+){0,3}"
        r"(?:lahm|träge|schwerfällig|umständlich)\w*",
        r"\bpaperless\b",
        r"\bworkload\b",  # "workload runter fürs team"
        r"\bunderstaffed\b",
        r"\befficiency\b",
        r"\b(?:was|die)\s+arbeit\s+spar\w*",  # "Alles, was Arbeit spart"
        r"\baktenberg\w*",
        # "im Haus Geld sparen – weniger Porto, weniger Überstunden"
        r"\bgeld\s+(?:zu\s+)?sparen\b",
        r"\büberstunden\b",
        r"\bzügig\w*",
        r"\btempo\s+(?:\w+\s+){0,3}bearbeitung\w*",  # "Tempo in der internen Bearbeitung"
        r"\broutine\w*",
        r"\bweniger\s+aufwand\w*",
        # "dass unsere Leute weniger Zeit mit Suchen und Abstimmen verbringen"
        r"\bweniger\s+zeit\s+(?:mit|für)\s+(?:\w+\s+){0,4}?(?:verbring\w*|such\w*|abstimm\w*|papier\w*|ablage)",
        r"\bmit\s+weniger\s+(?:leuten|personal|mitarbeitend\w*|beschäftigt\w*|händen|köpfen|stellen)",
        r"\bmit\s+(?:dem|unserem|vorhandene\w*|bestehende\w*)\s+(?:\w+\s+)?personal\b",
        r"\bdokumentenmanagement\w*",
        r"\bdms\b",
        r"\w{3,}akten\b",
        r"\barchiv\w*",
        # "dass nicht mehr stundenlang im Archiv nach alten Bauakten gesucht wird" (a problem: _PROBLEM_CUES)
        r"\b(?:im\s+archiv|in\s+(?:den|der)\s+\w*(?:akten|ordner)\w*|nach\s+(?:\w+\s+)?\w*(?:akten|unterlagen))\s+"
        r"(?:\w+\s+){0,3}?(?:gesucht|suchen|sucht|wühl\w*|blätter\w*)",
        r"\bdoppelt\w*\s+(?:und\s+\w+\s+)?erfass\w*",
        # "damit die Fachämter nicht jedes Mal das Rad neu erfinden und alles doppelt pflegen"
        r"\bdoppelt\w*\s+(?:\w+\s+)?(?:pflegen|pflegt|gepflegt)\b",
        r"\brad\s+(?:\w+\s+)?neu\s+(?:erfind|erfunden)\w*|\berfinde\w*\s+(?:\w+\s+)?das\s+rad\s+(?:\w+\s+)?neu\b",
        r"\bstandardisier\w*",
        # "bei uns dauert ne Baugenehmigung ewig"
        r"\b(?:dauert|dauern|dauerte|dauerten)\s+(?:\w+\s+){0,3}?ewig\b",
        r"\bhinterher\s?komm\w*",
        r"\bleerlauf\w*",
        r"\b(?:ab|ein)(?:zu)?tipp\w*",  # "aufhören, jeden Antrag doppelt abzutippen"
        # "Die Rechnungen kommen per Post und werden abgetippt – das soll automatisch laufen"
        r"\b(?:abgetippt|eingetippt)\b",
        r"\bautomatisch\s+(?:\w+\s+)?(?:laufen|läuft|gehen|geht|passieren|verarbeitet|ablaufen|erledigt)\b",
        # Waiting for a decision is processing time: "nicht mehr ewig auf einen Bescheid warten".
        r"\bauf\s+(?:\w+\s+)?(?:bescheid|genehmigung|entscheidung|rückmeldung|baugenehmigung)\w*\s+(?:\w+\s+)?wart\w*",
        # Papers circulating inside the house: "Rechnungen wandern drei Wochen durchs Haus".
        r"\bdurchs\s+haus\b",
        r"\bzwischen\s+den\s+(?:ämtern|abteilungen|fachbereichen|referaten|büros|dienststellen)\b",
        r"\bintern\w*\s+(?:\w+\s+){0,4}spar\w*",
        r"\bin\s+akten\b",
        r"\bschneller\w*\s+(?:bescheid|werden)\w*",
        # "Bauanträge schneller durchkriegen" (not "schneller durchs Netz")
        r"\bschneller\s+(?:raus|fertig|durch(?!s\b)\w*)\b",
        # "dass die Verwaltung intern schneller wird" (not "dass das Internet schneller wird")
        r"\b(?:intern|(?:verwaltung|rathaus|amt|ämter|behörde|bearbeitung|abläufe|prozesse|vorgänge)\w*)\s+"
        r"(?:\w+\s+){0,2}schneller\b",
        # "…, ohne dass wir noch mehr Leute einstellen": the same work with the same staff.
        r"\bohne\s+(?:dass\s+wir\s+)?(?:\w+\s+){0,3}(?:leute|personal|stellen|mitarbeit\w*)\s+(?:einstell\w*|einzustellen)",
        r"\w*effizien\w*",
        r"\w*effektiv\w*",
        r"\bwirtschaftlich\w*",
        r"\bwirksam\w*",
        # not "den Betrieben helfen, schneller an Arbeitskräfte zu kommen"
        r"schnell\w*\s+"
        + _GAP
        + r"(?:arbeit(?!skr|smarkt|splatz|splätz)|bearbeit|erledig|entscheid|werden)\w*",
        # "dass die Sachbearbeitung nicht mehr mit Papierakten arbeiten muss" (a problem: _PROBLEM_CUES)
        r"\bnicht\s+mehr\s+mit\s+(?:\w+\s+)?(?:papier|akten|ordner|zettel)\w*",
        r"\bschnell\w*\s+(?:prozess|abl[aä]uf|verfahren)\w*",
        r"\w*bearbeitungszeit\w*",
        r"\w*durchlaufzeit\w*",
        r"\w*prozess\w*",
        r"\w*optimier\w*",
        r"\w*automatisier\w*",
        r"\bmedienbr[uü]ch\w*",
        # "nicht mehr mit Laufmappen arbeiten"; "nicht jeder Fall dreimal erfasst wird"
        r"\w*laufmappe\w*",
        r"\b(?:doppelt|dreifach|mehrfach|zweimal|dreimal|x-mal)\s+(?:\w+\s+){0,2}(?:erfass|eingeb|eingegeb|eintipp)\w*",
        r"\bdoppel(?:erfassung|eingabe)\w*",
        # not a document ("Koalitionspapier", "Strategiepapier")
        r"\b(?!(?:koalitions|strategie|positions|eckpunkte|thesen|grundsatz|diskussions)papier)\w*papier\w*"
        # nor "Der Kreistag hat ein Papier verabschiedet"
        r"(?!\s+(?:verabschiedet|beschlossen|erarbeitet|vorgelegt|veröffentlicht)\b)",
        # not the speaker's notes ("Stichpunkte von meinem Zettel:")
        r"\b(?<!meinem\s)(?<!unserem\s)(?<!meinen\s)zettel\w*(?!\s*:)",
        r"\be\s?akte\w*",
        # "Nur die elektronische Akte, sonst nichts"
        r"\belektronische\w*\s+akte\w*",
        r"\bdigitale\w*\s+akte\w*",
        r"\bworkflow\w*",
        r"\w*kosten\w*\s+(?:\S+\s+){0,5}(?:sparen|senken|reduzieren|runter|drücken)\b",
        r"\bkostensenk\w*",
        r"\beinspar\w*",
        r"\bentlast\w*",
        r"\bschlank\w*",
        r"\babl[aä]uf(?!en\b|t\b)\w*",  # not the verb: "bevor die Antragsfristen ablaufen"
        r"\bb[uü]rokratie\w*",
        r"\bfachkräftemangel\w*",
        r"\bpersonalmangel\w*",
        r"\bproduktiv\w*",
        r"\bleistungsfähig\w*",
        r"\bdoppelarbeit\w*",
        r"\bzeit\s+sparen\b",
        r"\bsachbearbeitung\w*",
        # "dass die Anträge durchgängig digital bearbeitet werden": the processing inside the house
        r"\b(?:durchgängig\s+|komplett\s+|medienbruchfrei\s+)?(?:digital|elektronisch)\w*\s+"
        r"(?:bearbeitet|bearbeiten|weiterbearbeitet)\b",
        r"\bfixer\b",
        r"\bvon\s+hand\b",
        r"\bhändisch\w*",
        r"\bmanuell\w*",
        r"\w*stapel\w*",
        r"\bvereinfach\w*",
        r"\bschnell\w*\s+(?:geh|läuft|laufen)\w*",
        r"\b(?:geht|gehen|läuft|laufen)\s+(?:\w+\s+)?schnell\w*",
        r"\barbeit\s+(?:\w+\s+)?(?:abnehm|abnimmt)\w*",
        r"\b(?:zweimal|dreimal|mehrfach|x\s?mal)\s+(?:\w+\s+){0,2}anfass\w*",
        r"\bpersonal\w*\s+(?:ist\s+)?knapp\w*",
        # Short-staffed: "zu wenig Personal", "kein Personal" (not "kaum Leute für die Vereine")
        r"\b(?:zu\s+wenig|nicht\s+genug)\s+(?:\w+\s+)?(?:personal|leute|mitarbeit\w*|fachkräfte|stellen)\b",
        r"\bkein\w*\s+(?:\w+\s+)?personal\b",
    ],
    "leistungsangebot": [
        # "Ausbau der Online-Verfügbarkeit von Verwaltungsleistungen"
        r"\bonline\s?verfügbar\w*",
        # "wenn Brautpaare ihren Trautermin selbst online buchen könnten"
        r"\b\w*termin\w*\s+(?:\w+\s+){0,2}online\s+buch\w*",
        # "digital first bei den Bürgerservices", "Digital by Default": services online as the rule
        r"\b(?:digital|online|mobile)\s+(?:first|by\s+default)\b"
        r"(?:\s+(?:bei|für|in)\s+(?:den\s+|der\s+|unseren\s+|unserem\s+)?(?:bürger)?(?:service|dienst)\w*)?",
        # "dass man für einen Anwohnerparkausweis einen halben Tag Urlaub nehmen muss": a trip to the office
        r"\b(?:tag|vormittag|nachmittag|stunden?)\s+urlaub\s+(?:nehmen|opfern)\b",
        r"\bonlin\s+(?:antr|dienst|termin|servic)\w*",  # "onlin anträge": the typo of a short word
        # "dass die Leute seltener persönlich vorbeikommen müssen"
        r"\b(?:seltener|weniger\s+oft|nicht\s+mehr\s+ständig)\s+(?:\w+\s+)?(?:vorbeikommen|vorbei\s+kommen|"
        r"ins\s+rathaus|aufs\s+amt|ins\s+amt)\b",
        # "Und dann gheat des Bürgerservice g'scheit online"
        r"\bbürgerservice\w*\s+(?:\w+\s+){0,3}online\b",
        # "Dass die Bürger ihre Anliegen online loswerden können"
        r"\b(?:anliegen|angelegenheiten)\s+(?:\w+\s+){0,2}(?:online|digital|übers?\s+(?:netz|internet))\s+"
        r"(?:loswerden|erledigen|einreichen|melden|vorbringen)\b",
        r"\be[\s-]?payment\b",  # "XRechnung, DSGVO, ePayment"
        r"\be[\s-]antr(?:ä|a)g\w*",  # "E-Anträge"
        # "das Online-Dings für die Bürger", "das Bürgerbüro-Online-Zeug"
        r"\bonline[\s-]*(?:dings\w*|zeug\w*|kram\w*|geschichte\w*)",
        # the citizens' account for online services ("das Servicekonto für die Bürger")
        r"\bservicekonto\w*",
        # "sollen ned mehr fürn Wohngeldantrag vorbeikommen müssen", "geht doch alles online",
        # "die sie genauso gut digital bekommen könnten"
        r"\b(?:nicht|ned|net|nimmer|nich)\s+mehr\s+(?:\w+\s+){0,4}(?:vorbeikomm|vorbeischau|herkomm|antanz)\w*",
        r"\b(?:geht|gehen|läuft|laufen)\s+(?:doch\s+|ja\s+|auch\s+)?(?:alles\s+)?online\b",
        # "Anträge stellen, Termine buchen, Gebühren zahlen – alles online"
        # (a clause of its own after the list)
        r"^\W*(?:und\s+)?alles\s+(?:komplett\s+|bequem\s+)?online\W*$",
        r"\b(?:genauso\s+gut|ebenso\s+gut|auch|einfach)\s+(?:online|digital)\s+(?:bekommen|kriegen|erhalten)\b",
        # "Schulanmeldung online", "Kita-Anmeldung online": an application made online
        r"\b\w*(?:anmeldung|ummeldung|abmeldung|antrag|anträge|antrage|buchung|bestellung|zulassung|formular)\w*\s+"
        # "Kita-Anmeldung und Ummeldung online"
        r"(?:(?:und|oder|sowie)\s+\w*(?:meldung|antrag|anträge|antrage|buchung|bestellung|formular|stelle|steuer)\w*\s+)?"
        r"(?:(?:endlich|komplett|vollständig|ganz|durchgängig|auch)\s+){0,2}online\b",
        # "die wichtigsten Anträge direkt auf der Website online stellbar"
        r"\b(?:anträge|antrag|formulare|leistungen)\s+(?:\w+\s+){0,5}(?:online|digital)\s+"
        r"(?:stellbar|einreichbar|verfügbar|ausfüllbar|abrufbar|möglich|machbar|erreichbar)\b",
        # "Hundesteuer, Wohnsitzanmeldung und Bauantrag sollen online gehen"
        r"\b(?:sollen|soll|müssen|muss)\s+(?:\w+\s+)?online\s+gehen\b",
        # "Und drittens soll die Anmeldung zur Ganztagsbetreuung endlich online gehen."
        r"\b(?:anmeldung|antr[aä]g|beantragung|buchung|bestellung)\w*\s+(?:\w+\s+){0,4}online\s+gehen\b",
        r"\bdigitale\w*\s+(?:rathaus|bürgeramt|bürgerbüro|bürgerservice)\b",
        # "die Bereitstellung eines Bürgerkontos zur Online-Beantragung", "digitale Self-Services für
        # Antragsteller", "Wohnsitz ummelden, Gewerbe anmelden" (a service, not the economy)
        r"\bonline[\s-]*beantragung\w*",
        r"\bself[\s-]*services?\b",
        r"\bgewerbe\s*(?:an|ab|um)\s*(?:melden|meldung\w*)\b",
        # "Mehr Bürgerservices online", "digitale Bürgerdienste": services offered, not closeness
        r"\b(?:digitale\w*|online)[\s-]+bürger(?:services|dienste?n?|leistungen)\b",
        r"\bbürger(?:services|dienste|leistungen)\s+(?:\w+\s+)?(?:online|digital\w*|im\s+netz)\b",
        r"\bper\s+mausklick\b",
        r"\b(?:im|übers|über\s+das)\s+(?:internet|netz)\b",
        # not "dass man dort gut leben und von zuhause arbeiten kann" (working from home)
        r"\bvon\s+zu\s?hause\b(?!\s+(?:aus\s+)?(?:arbeit|gearbeitet|lern))",
        # "Anträge von daheim stellen", "das soll von daheim aus gehen" (not pupils learning from home)
        r"\bvon\s+daheim\s+(?:aus\s+)?(?:\w+\s+){0,2}(?:stell|erledig|beantrag|mach|geh|bestell|buch)\w*",
        r"\bvom\s+sofa\b",
        r"\bnicht\s+mehr\s+ins\s+rathaus\b",
        # "… beantragen können, ohne einmal ins Rathaus zu kommen"
        r"\bohne\s+(?:\w+\s+){0,2}(?:ins|aufs|zum)\s+(?:rathaus|amt|bürgerbüro|bürgeramt)\s+(?:zu\s+)?(?:komm|geh|fahr|muss)\w*",
        # "für jede Kleinigkeit ins Rathaus kommen, online geht bei uns fast gar nichts"
        r"\bfür\s+jede\w*\s+(?:kleinigkeit|unterschrift|bescheinigung|formular)\s+(?:\w+\s+)?ins\s+rathaus\b",
        # "dass man für jede Meldebescheinigung persönlich ins Rathaus kommen muss"
        r"\bfür\s+(?:jede\w*|\w*bescheinigung\w*)\s+(?:\w+\s+){0,3}(?:persönlich|extra|selbst)\s+"
        r"(?:ins|aufs|zum)\s+(?:rathaus|amt|bürgerbüro)\b",
        r"\bonline\s+geht\s+(?:\w+\s+){0,4}?(?:nichts|nix|wenig)\b",
        r"\brund\s+um\s+die\s+uhr\b",
        r"\bmehr\s+online\b",
        # "Dienstleistungen ins Netz bringen"
        r"\b\w*(?:leistungen|dienste|anträge|formulare)\s+(?:\w+\s+){0,2}?ins\s+(?:netz|internet)\s+(?:zu\s+)?(?:bring|stell)\w*",
        # not "Das wollen wir digital und schneller abwickeln": the administration's own processing
        # "den Kita-Platz per Internet beantragen"
        r"\b(?:online|digital|elektronisch|(?:per|übers|über\s+das|im|via)\s+internet)\s+(?!fit\b)"
        r"(?!(?:was|etwas|irgendwas)\s+machen\b)"
        # not "die Kitas und Schulen digital auf Stand bringen": their equipment
        r"(?!auf\s+(?:den\s+)?(?:neuesten\s+|aktuellen\s+)?stand\b)"
        r"(?!(?:und\s+)?(?:schneller|zügiger|effizienter)\s)"
        # not "die Händler online sichtbarer machen": being found online, not a service
        r"(?!(?:sichtbar|präsent|auffindbar|bekannt)\w*\s+machen\b)(?:\w+\s+){0,4}?(?:machen|erledigen|beantragen|stellen|anmelden|abmelden|ummelden|"
        r"bezahlen|zahlen|ausfüllen|einreichen|abwickeln|aussuchen|hochladen|bringen|anbieten|bewerben|"
        # ... and their participles: "online beantragt werden"
        r"erledigt|beantragt|gestellt|angemeldet|abgemeldet|umgemeldet|bezahlt|gezahlt|ausgefüllt|eingereicht|gebracht|angeboten|"
        r"abgewickelt|hochgeladen|beantragbar|erledigbar|beworben|hinkriegen|hinbekommen|hinkriegt|hinbekommt)\b",
        r"\b(?:mit\s+dem|per|übers|vom|am)\s+(?:handy|smartphone|app|computer|pc|laptop|tablet)\s+(?:aus\s+)?(?:\w+\s+){0,2}"
        r"(?:erledig|beantrag|anmeld|ummeld|abmeld|bezahl|ausfüll|einreich|auslös|hochlad|anforder)\w*",
        # "Wenn die das per Handy machen könnten, …" (the verb right after the device: not "per Handy Fotos
        # machen")
        r"\b(?:mit\s+dem|per|übers)\s+(?:handy|smartphone|tablet)\s+(?:von\s+zu\s*hause\s+|aus\s+)?machen\b",
        # "Meldebescheinigung per Handy", "Urkunden übers Smartphone"
        r"\b(?:urkunde|bescheinigung|ausweis|führungszeugnis|meldebescheinigung|anmeldung|ummeldung)\w*\s+"
        r"(?:per|übers|mit\s+dem)\s+(?:handy|smartphone)\b",
        # "ohne sich einen halben Tag freizunehmen": a service used without a visit in office hours.
        # "dass man sich ummelden kann, ohne einen Termin bei uns am Schalter zu brauchen"
        r"\bohne\s+(?:\w+\s+){0,5}(?:am|an\s+den|zum|vor\s+dem)\s+schalter\b",
        r"\b(?:ohne|nicht\s+mehr|nimmer|niemand|keiner)\s+(?:\w+\s+){0,5}frei(?:zu)?nehm\w*",
        r"\bvom\s+küchentisch\b",
        # "Urkunden sollen die Leute online bestellen können" (not goods from the village shop)
        r"\b(?:urkunde|bescheinigung|ausweis|auszüg|auszug|nachweis|führungszeugnis)\w*\s+(?:\w+\s+){0,4}"
        r"(?:online|digital)\s+bestell\w*",
        r"\b(?:unterlagen|dokumente|nachweise|belege|formulare)\s+(?:\w+\s+){0,3}hochlad\w*",
        r"\bbehördeng[aä]ng\w*",
        r"\bamtsg[aä]ng\w*",
        r"\blauferei\w*",
        r"\brennerei\w*",
        # "dass die Bürger weniger Wege haben": services that spare the trip
        r"\b(?:weniger|kürzere|kaum\s+noch)\s+(?:\w+\s+)?wege\b",
        r"\bwege?\s+(?:\w+\s+){0,2}(?:sparen|ersparen|erspart|spart)\b",
        # The citizens' time, not the staff's: "damit die Leute Zeit sparen"
        r"\b(?:leute|bürger\w*|einwohner\w*|menschen|antragsteller\w*)\s+(?:\w+\s+){0,2}zeit\s+(?:sparen|ersparen|spart)\b",
        # Also in dialect: "nich mehr wegen jeden Kroom int Amt", "ni wächen jedm Dreck ins Rathaus".
        # "niemand mehr fürs Ummelden oder den Anwohnerparkausweis ins Rathaus"
        r"\b(?:nicht?|ni|ned|net|nit|nimmer|nemme|nie|kein\w*|niemand\w*|weniger|seltener|kaum\s+noch)\s+"
        r"(?:\w+\s+){0,7}(?:aufs|ins|int|uffs|ufs|zum|auf\s+das|in\s+das)\s+(?:amt|rathaus|rathuus|bürgerbüro|bürgeramt)\b",
        r"\b(?:nicht?|nimmer|nie)\s+(?:\w+\s+){0,5}vorbei\s?(?:komm|schau)\w*",
        # "dass sie für jeden Antrag ins Rathaus kommen müssen": that trip is the problem
        r"(?<!nicht\s)(?<!nich\s)(?<!ned\s)(?<!net\s)(?<!nie\s)\bfür\s+jede\w*\s+(?:\w+\s+){0,5}?"
        r"(?:ins|aufs|zum|in\s+das|auf\s+das)\s+"
        r"(?:amt|rathaus|bürgerbüro|bürgeramt)\s+(?:komm|geh|fahr|lauf|renn|müss|muss)\w*",
        # "… und wir nur vormittags offen haben": opening hours the online service does away with
        r"\bnur\s+(?:\w+\s+)?(?:vormittags|morgens|werktags|zu\s+den\s+öffnungszeiten)\s+(?:offen|geöffnet|auf)\b",
        # "weil man für jeden Parkausweis persönlich vorbeikommen muss": that trip is the problem
        r"\bfür\s+jede\w*\s+(?:\w+\s+){0,5}?(?:persönlich|extra|selbst)\s+vorbei\s?(?:komm|schau)\w*",
        # "… beantragen, ohne dass die Eltern beim Standesamt antanzen müssen", "Sperrmüll anmelden statt am
        # Schalter eine Nummer ziehen", "ohne dass man bei uns vorstellig wird": the errand without the trip
        r"\b(?:ohne|statt|anstatt)\s+(?:dass\s+)?(?:\w+\s+){0,8}?(?:beim|im|ins|aufs|zum|am|auf\s+dem)\s+"
        r"(?:\w*amt|rathaus|bürgerbüro|bürgeramt|schalter)\b(?:\s+\w+){0,4}?\s+"
        r"(?:antanz|vorstellig|erschein|vorbei|hin|komm|geh|fahr|müss|muss|schlange|anstell|wart|nummer|zieh)\w*",
        r"\bohne\s+(?:dass\s+)?(?:\w+\s+){0,6}?vorstellig\b",
        r"\b(?:bürger|service|online|verwaltungs|antrags|anmelde|termin)?portal\w*",
        r"\bonline\s?\w+portal\w*",  # "ein zentrales Online-Anmeldeportal für Eltern"
        r"\bonline\s?termin\w*",
        r"\bonline\s?(?:urkunde|antr[aä]g|formular|dienst|leistung|service)\w*",
        # "Online-Kfz-Zulassung", "Online-Ummeldung", "Online-Gewerbeanmeldung": an errand done online
        r"\bonline\s?(?:\w+\s?)?(?:zulassung|anmeldung|ummeldung|abmeldung|beantragung)\w*",
        r"\btermin\s?(?:vergabe|buchung|reservierung)\w*",
        r"\bformular\w*\s+(?:\w+\s+){0,5}(?:homepage|website|webseite|internetseite|internet)\b",
        # "keinen Termin im Bürgerbüro über die Homepage buchen kann"
        r"\btermin\w*\s+(?:\w+\s+){0,5}(?:homepage|website|webseite|internetseite|internet|online)\b",
        # "die Anträge gehen nur auf Papier am Schalter": the citizens' applications, not internal paperwork
        r"\b(?:anträge|antrag|formulare)\s+(?:\w+\s+){0,4}(?:auf\s+papier|am\s+schalter)(?:\s+am\s+schalter)?\b",
        r"\w*leistungsangebot\w*",
        r"\bserviceangebot\w*",
        r"\bgewerbe(?:an|ab|um)meldung\w*",
        r"\bonline\s?bürgerservice\w*",  # "Online-Bürgerservice mit Bezahlfunktion"
        r"\bbürgerservice\w*\s+online\b",  # "60 Prozent Bürgerservice online (Terminbuchung, …)"
        r"\bdienstleistungsangebot\w*",
        r"\bonline\s?(?:angebot|dienst|leistung|service|antr[aä]g|verfahren|zugang)\w*",
        r"\b(?:digital|elektronisch)\w*\s+(?:verwaltungs)?(?:angebot|dienst|leistung|service|antr[aä]g)\w*",
        r"\b(?:leistung|dienst|service|angebot|antr[aä]g|verwaltungsleistung|behördengäng)\w*\s+"
        + _GAP
        + r"(?:online|digital)\w*(?!\s+(?:bearbeit|verarbeit|weiterbearbeit)\w*)",
        r"\bangebot\w*\s+(?:\w+\s+){0,4}(?:ausweit|ausbau|ausbauen|erweiter|erhöh|vergrößer)\w*",
        r"\b(?:mehr|neue|zusätzliche|weitere)\s+(?:\w+\s+)?(?:angebot|leistung|dienst|service)\w*",
        # not "dass man dort gut leben und von zuhause arbeiten kann" (working from home)
        r"\bvon\s+zu\s?hause\b(?!\s+(?:aus\s+)?(?:arbeit|gearbeitet|lern))",
        r"\brund\s+um\s+die\s+uhr\b",
        r"\b24\s?/?\s?7\b",  # "Rathaus 24/7" (the slash is a space after normalise)
        # "mehrsprachige Online-Formulare": online forms (their languages are a property of them)
        r"\bmehrsprachig\w*\s+(?:online\w*\s+)?(?:formular|antr[aä]g|dienst|leistung|portal)\w*",
        r"\be\s?government\s?(?:angebot|dienst|leistung|service)\w*",
    ],
    "buergernaehe": [
        r"\bnachlesen\s+(?:können|kann|könnte\w*)\b",  # "… soll er das irgendwo nachlesen können"
        # "dass sich die Leute gehört fühlen und Feedback geben können", "Citizen Experience"
        r"\b(?:gehört|ernst\s+genommen)\s+fühlen\b|\bfeedback\s+geben\b|\bcitizen\s+experience\b",
        # "Die Leute sollen erfahren, woran sie bei uns sind", "… nicht wissen, wie weit ihr Antrag ist"
        r"\bworan\s+(?:sie|man)\s+(?:bei\s+uns\s+|mit\s+\w+\s+)?(?:sind|ist)\b|\bwie\s+weit\s+(?:ihr|sein|der|mein)\s+antrag\b",
        # "dass man das Rathaus auch abends noch erreicht"
        r"\b(?:das\s+rathaus|die\s+verwaltung|das\s+amt|die\s+ämter|die\s+behörde)\s+(?:\w+\s+){0,3}erreich\w*",
        # "Die Leute rufen an, weil sie nicht wissen, wer überhaupt zuständig ist"
        r"\bwer\s+(?:hier\s+|überhaupt\s+|eigentlich\s+|denn\s+|bei\s+uns\s+)?(?:für\s+\w+\s+)?zuständig\s+(?:ist|sind)\b",
        # "die Ratsunterlagen offen ins Netz"
        r"\b\w*(?:rats|sitzungs)unterlagen\s+(?:\w+\s+)?(?:offen|öffentlich|online)\w*(?:\s+(?:im|ins)\s+(?:netz|internet))?",
        # "dass die Eltern frühzeitig von uns erfahren, was los ist"; "dass man sich um sie kümmert"
        r"\b(?:frühzeitig|rechtzeitig|zeitnah)\s+von\s+uns\s+(?:erfahren|informiert|hören)\w*",
        r"\b(?:man|wir|die\s+verwaltung|das\s+rathaus|jemand)\s+sich\s+um\s+(?:sie|die\s+leute|die\s+menschen|"
        r"die\s+bürger\w*)\s+kümmert\b",
        # "dass die Verwaltung für die Bürger nahbar und transparent wird" (not "Nachbarn" with a typo)
        r"\bnahbar\w*",
        # "mehr Nähe zu den Bürgern" (not "barrierefrei": the sets read that as a legal duty)
        r"\bnähe\s+zu\s+(?:den\s+|unseren\s+)?(?:bürger\w*|einwohner\w*|menschen|leuten)\b",
        # "die Einwohner besser auf dem Laufenden halten und auch mal fragen, was sie denken"
        r"\b(?:einwohner\w*|bürger\w*|leute|menschen)\s+(?:\w+\s+){0,3}auf\s+dem\s+laufenden\s+halten\b",
        r"\bfragen,?\s+was\s+(?:sie|die\s+leute|die\s+bürger\w*|die\s+einwohner\w*)\s+(?:denken|meinen|wollen)\b",
        r"\bbürgerinfo\w*",
        # "dass Information auf Website ist einfach und in mehr Sprachen": information people understand
        r"\bin\s+(?:mehr|mehreren|vielen|anderen|verschiedenen)\s+sprachen\b",
        r"\bmehrsprachig\w*",
        r"\bleichte(?:r|n)?\s+sprache\b",
        # "die Sitzungsunterlagen des Gemeinderats öffentlich im Internet bereitstellen": transparency (the
        # internet is where, not an online service)
        # also Saxon "de Ratsunterlachen solln offen im Netz stehn"
        r"\b\w*unterla(?:g|ch)en\s+(?:\w+\s+){0,3}(?:öffentlich|einsehbar|für\s+alle|offen)\w*"
        r"(?:\s+(?:im|ins|übers|über\s+das)\s+(?:internet|netz)(?:\s+\w*stell\w*)?)?",
        # the council's papers open to all: transparency (also "Ratsinfos online stellen": not a service)
        r"\bratsinfo\w*(?:\s+(?:\w+\s+){0,3}?(?:online|ins\s+netz|im\s+netz|ins\s+internet)(?:\s+\w*stell\w*)?)?",
        # "Beschlüsse offen im Netz", "die Beschlüsse öffentlich ins Internet"
        r"\bbeschlüsse\s+(?:\w+\s+){0,2}?(?:offen|öffentlich|einsehbar)\w*(?:\s+(?:im|ins)\s+(?:netz|internet))?",
        r"\boffene\w*\s+ratsarbeit\b",
        # "die Ratsdokumente öffentlich machen", "Sitzungsprotokolle online stellen"
        r"\b(?:\w*rats|sitzungs|kreistags)(?:dokument|vorlage|protokoll|beschlüss)\w*\s+(?:\w+\s+){0,3}"
        r"(?:öffentlich|einsehbar|für\s+alle|online|ins\s+netz|im\s+netz)\w*",
        r"\bris\s+(?:\w+\s+)?öffentlich\w*",  # "RIS öffentlich" (the council information system)
        # "Livestream der Ratssitzungen", "die Gemeinderatssitzungen live übertragen"
        r"\blivestream\w*\s+(?:\w+\s+){0,2}(?:\w*rats?|\w*ratssitzung\w*|kreistag\w*|sitzung\w*)\b",
        r"\b\w*(?:rats|kreistags)sitzung\w*\s+(?:\w+\s+){0,2}(?:live|streamen|gestreamt|übertrag\w*)",
        # "bessere Informationen für die Bürger"
        r"\b(?:information\w*|infos?)\s+(?:\w+\s+){0,2}(?:für|an)\s+(?:die\s+)?(?:bürger|einwohner|menschen|leute)\w*",
        # "dass die Gemeinde erklärt, wofür sie das Geld ausgibt", "was mit ihrem Geld passiert"
        r"\b(?:wofür|was)\s+(?:mit\s+)?(?:\w+\s+){0,2}(?:geld\w*|steuergeld\w*|haushalt\w*)\s+(?:\w+\s+){0,2}"
        r"(?:ausgib|ausgegeben|passiert|verwendet|ausgeben)\w*",
        # "mehr Offenheit, also Ratsunterlagen für alle einsehbar"
        # not "Offenheit gegenüber neuen Technologien" (innovation)
        rf"\boffenheit\b(?!\s+{_TOWARDS_THE_NEW})",
        # "Schluss mit Hinterzimmerpolitik, wir wollen mit offenen Karten spielen": transparency
        r"\bmit\s+offenen\s+karten\b",
        r"\bhinterzimmer\w*",
        r"\beinsehbar\w*",
        # "Open Data: … offen für alle, damit die Stadtgesellschaft nachvollziehen kann, was wir tun"
        r"\bopen\s?data\b|\boffene\w*\s+daten\b",
        r"\binformieren\s+und\s+beteiligen\b|\bbeteiligen\s+und\s+informieren\b",
        r"\b(?:stadtgesellschaft|öffentlichkeit|bürgerschaft)\s+(?:\w+\s+){0,2}nachvollzieh\w*",
        # "dass die Leute mitkriegen, was der Gemeinderat beschließt": what the council decides, made known
        r"\b(?:mitkrieg|mitbekomm|erfahr|nachles|nachvollzieh)\w*,?\s+(?:was|wie|warum|wofür)\s+(?:\w+\s+){0,3}"
        r"(?:gemeinderat|stadtrat|rat|kreistag|verwaltung|rathaus|ausschuss)\w*\s+(?:\w+\s+)?"
        r"(?:beschließt|beschlossen|entscheidet|entschieden|plant|macht|vorhat|tut)\b",
        # the same after a comma, which splits the clause: "…, was der Stadtrat beschlossen hat"
        r"^\W*(?:was|wie|warum|wofür)\s+(?:der|die|das|unser\w*)\s+(?:gemeinderat|stadtrat|rat|kreistag|ausschuss)\w*\s+"
        r"(?:\w+\s+)?(?:beschließt|beschlossen|entscheidet|entschieden)\b",
        # "…, dass die Leute wissen, was im Rathaus läuft", "…, was im Gemeinderat beschlossen wird"
        r"^\W*(?:was|wie|warum|wofür)\s+(?:im|in\s+der|in\s+den)\s+(?:gemeinderat|stadtrat|rat|kreistag|ausschuss|"
        r"rathaus|verwaltung)\w*\s+(?:\w+\s+)?(?:beschließt|beschlossen|entscheidet|entschieden|läuft|passiert|"
        r"geplant|ansteht)\b",
        # "dass unsere Leute im Rathaus guten Service bekommen"
        r"\bguten?\s+service\b",
        # "Unsere Sitzungsunterlagen kann kein Bürger einsehen" (a problem: the papers should be open)
        r"\b\w*(?:unterlagen|beschlüsse|protokolle|vorlagen)\s+(?:\w+\s+){0,4}einsehen\b",
        r"\bmehr\s+zeit\s+für\s+(?:die\s+)?(?:bürger\w*|menschen|leute|einwohner\w*|anliegen)",
        # "dass die Bürger schneller eine Antwort auf ihre Anfragen bekommen", "Rückmeldung auf ihr Anliegen"
        r"\b(?:antwort|rückmeldung)\w*\s+auf\s+(?:ihre|seine|ihr|sein|die|das|jede)\s+(?:\w+\s+)?"
        r"(?:anfrage|anliegen|frage|mail|e-mail|nachricht|beschwerde)\w*",
        # "dass die Leute eine Antwort kriegen, wenn sie uns schreiben" (also Berlin "Antwort kriejen")
        r"\b(?:leute|bürger\w*|menschen|einwohner\w*)\s+(?:\w+\s+){0,3}(?:eine\s+|ne\s+)?antwort\w*\s+"
        r"(?:krieg|kriej|bekomm|erhalt)\w*",
        # "Die Bürger sollen uns besser erreichen können"
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+(?:\w+\s+){0,3}(?:besser|leichter|einfacher)\s+erreichen\b",
        # "dass die Menschen uns auch abends erreichen können", "die Leute erreichen uns kaum"
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+(?:\w+\s+)?uns\s+(?:\w+\s+){0,5}?erreichen\b",
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+erreichen\s+uns\b",
        r"\bnäher\s+an\s+(?:die|den)\s+(?:leute|menschen|bürger\w*|einwohner\w*)",
        r"\baugenhöhe\b",
        r"\bwie\s+(?:\w+\s+){1,5}behandelt\s+werden\b",
        # Council meetings streamed: "Die Gemeinderatssitzung im Livestream"
        r"\b\w*sitzung\w*\s+(?:\w+\s+){0,3}(?:live\s?stream|übertrag)\w*",
        r"\b(?:bürgermeister\w*|landrat|landrätin|rathaus|verwaltung)\s+(?:\w+\s+){0,4}(?:video|online)[\s-]?"
        r"sprechstunde\w*",
        r"\bansprechbar\w*",
        # "die Leute erleben das Rathaus als Behörde von oben herab", "das Verhältnis zu den Bürgern"
        r"\bvon\s+oben\s+herab\b",
        r"\bverhältnis\s+zu\s+(?:den\s+|unseren\s+)?(?:bürger\w*|einwohner\w*|menschen|leuten)",
        r"\bbescheide?\s+(?:\w+\s+){0,2}(?:un)?verständlich\w*|\bverständlich\w*\s+bescheid\w*",
        # "eine offene, zugewandte Verwaltung"
        r"\b(?:bürger|menschen)?zugewandt\w*",
        # "Hotline, bei der auch mal jemand abnimmt", "Sprechzeiten auch abends"
        r"\b(?:jemand|einer|wer)\s+(?:\w+\s+){0,2}(?:abnimmt|abhebt|rangeht|ans\s+telefon\s+geht)\b",
        r"\b(?:sprech|öffnungs)zeit\w*\s+(?:\w+\s+){0,2}(?:abends|samstags|am\s+samstag|länger|am\s+abend|"
        r"nach\s+feierabend)\b",
        r"\bfür\s+sie\s+da\b",
        r"\bzuhören\b",
        r"\bgut\s+aufgehoben\b",
        r"\bnicht\s+mehr\s+warten\b",
        r"\bwarterei\w*",
        r"\b(?:schäden|probleme)\s+(?:\w+\s+){0,6}melden\b",
        r"\bbürger\s?nah\w*",
        r"\bbürgernäh\w*",
        r"\bbürger\s?(?:service|freundlich|orientier|dialog|beteiligung|zentrier)\w*",
        # The citizens' office as the place something is for ("Fürs Bürgerbüro brauchen wir …") is no goal.
        # "vor dem Bürgerbüro Schlange stehen", "zum Bürgerbüro": the place, not a goal
        r"\b(?<!fürs\s)(?<!im\s)(?<!ins\s)(?<!beim\s)(?<!vom\s)(?<!dem\s)(?<!zum\s)(?<!am\s)(?<!ans\s)"
        r"bürger\s?(?:büro|amt)\w*",
        r"\b(?:kunden|nutzer|service)\s?(?:orientier|freundlich|zentrier)\w*",
        r"\bservicequalität\w*",
        r"\bkein\w*\s+(?:\w+\s+)?wartezeit\w*",
        r"\bwartezeit\w*",
        r"\boffen\w*\s+(?:und\s+\w+\s+)?verwaltung\w*",
        r"\boffener\b",
        r"\btranspar\w*",
        r"\bopen\s+government\b",
        r"\bbeteiligung\w*",
        r"\bbürgerhaushalt\w*",
        r"\böffentlichkeitsbeteiligung\w*",
        # "Erhöhung der Nachvollziehbarkeit des Verwaltungshandelns"
        r"\bnachvollziehbar\w*",
        r"\bpartizipation\w*",
        r"\bmängelmelder\w*",
        # "Die Bürger erfahren von Baustellen erst, wenn sie davorstehen" (a problem: _PROBLEM_CUES)
        r"\b(?:bürger\w*|leute|einwohner\w*|menschen)\s+erfahren\s+(?:\w+\s+){0,5}?erst\b",
        # "dass die Leute Schlaglöcher und kaputte Laternen online melden können"
        r"\b(?:schlagl[oö]ch|laterne|mängel|schäden|schaden|müll)\w*[\s,]+(?:\w+[\s,]+){0,6}melden\b",
        r"\b(?:missst[aä]nd|ärgernis)\w*\s+(?:\w+\s+){0,3}melden\b",
        r"\berreichbar\w*",
        # "Ratsbeschlüsse öffentlich, Umfragen online"
        r"\b\w*(?:beschlüsse|sitzungen|protokolle)\s+(?:\w+\s+)?öffentlich\w*",
        r"\bonline[\s-]*umfrage\w*|\bumfragen?\s+online\b",
        # "Die Bürger sollen einfacher an uns rankommen"
        r"\ban\s+(?:uns|die\s+verwaltung|das\s+rathaus|die\s+ämter)\s+(?:\w+\s+)?ran\s?(?:komm|kämen)\w*",
        # "die Bürger besser informieren, was wir hier machen"
        # "Also zweitens: informieren, bevor's losgeht." (the clause is only the verb)
        r"^\W*(?:(?:besser|rechtzeitig|frühzeitig|früher|offen|transparent|mehr|gut)\s+)?informieren\b(?!\s+\w+\s+(?:wir|ich)\b)",
        # "die Bürger über alles gut informieren"
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+(?:\w+\s+){0,4}(?:informier|aufklär)\w*",
        # "die Leute wissen nie, wann sie im Rathaus jemanden antreffen"
        r"\b(?:jemanden|jemand|wen|einen)\s+(?:\w+\s+){0,2}antreff\w*",
        # not the speaker's own ("dann wär ich zufrieden", "dann waar i zfriedn")
        r"(?<!\bich\s)(?<!\bi\s)(?<!\bwir\s)(?<!\bwär\s)(?<!\bwäre\s)(?<!\bwären\s)\b(?:bürger)?zufrieden\w*",
        r"\bnah\w*\s+(?:an|bei)\s+den\s+(?:bürger|menschen|einwohner)\w*",
        r"\bernst\s+genommen\b",
        r"\b(?:gut|besser)\s+(?:betreut|beraten|behandelt)\b",
        r"\bfreundlich\w*",
        r"\boffen\w*\s+(?:ohr|kommuni|informier|reden|sprechen)\w*",
        # not "da bin ich die falsche Ansprechpartnerin"
        r"(?<!falsche\s)(?<!falscher\s)\bansprechpartner\w*",
        # not "Wahrung der Mitbestimmungsrechte" (the staff council's co-determination)
        # "Mitwirkung der Einwohnerschaft an Planungsverfahren"
        r"\b(?:mitred|mitzured|mitsprache|mitbestimm(?!ungsrecht)|mitentscheid|mitwirk(?!ungspflicht))\w*",
        r"\bmitschwätz\w*",  # Swabian "mitreden": "dass d'Leit online mitschwätza könnet"
        r"\b(?:die\s+)?(?:bürger\w*|leute|menschen|einwohner\w*)\s+(?:\w+\s+){0,2}mit(?:zu)?nehm\w*",
        r"\bmitnehmen\s+der\s+(?:bürger\w*|leute|menschen|einwohner\w*)",  # "das Mitnehmen der Leute"
        r"\ban\s+(?:\w+\s+){0,2}(?:entscheidung|planung)\w*\s+(?:\w+\s+)?beteilig\w*",
        # "Jugendliche sollen über die Gestaltung des Dorfplatzes online abstimmen"
        r"\büber\s+(?:\w+\s+){0,5}(?:online\s+|digital\s+|mit\s+)?abstimm\w*",
        # "die Bürger einbinden", "eine Verwaltung, die die Leute einbindet", "Einwohner beteiligen"
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+(?:\w+\s+){0,5}"
        r"(?:beteilig|einbind|einbezieh|einbeziehen)\w*",
        r"\b(?:beteilig|einbind|einbezieh)\w*\s+(?:\w+\s+){0,2}(?:bürger\w*|leute|menschen|einwohner\w*)",
        # "die Leute bei Entscheidungen der Verwaltung mitnehmen"
        r"\b(?:bürger\w*|leute|menschen|einwohner\w*)\s+bei\s+(?:\w+\s+){0,3}(?:mitnehm|mitzunehm)\w*",
    ],
    "attraktivitaet": [
        # "Ois, wos mit'm Fremdnverkehr z'doa hod", "der Ruf als moderne Stadt"
        r"\bfremde?nverkehr\w*",
        r"\b(?:der|den|unser\w*|einen|guten)\s+ruf\s+(?:als|der|unserer|des)\b",
        # "erst der Ort als Urlaubsziel, dann die Betriebe"
        r"\b(?:ort|stadt|gemeinde|region|dorf)\s+als\s+(?:urlaubs|ferien|reise|ausflugs)\w*",
        # "uns als Ausflugsziel besser vermarkten"
        r"\bals\s+(?:urlaubs|ferien|reise|ausflugs)ziel\w*\s+(?:\w+\s+){0,2}vermarkt\w*",
        # "dass die Stadt für Fachkräfte ein Ort ist, wo man gern hinzieht"
        r"\bwo\s+man\s+(?:\w+\s+)?gerne?\s+(?:hin)?(?:zieht|ziehen|wohnt|wohnen|lebt|leben|bleibt|bleiben)\b",
        # "dass wir als schöner Ort wahrgenommen werden, auch von Auswärtigen"
        r"\bals\s+(?:schöne\w*|attraktive\w*|lebenswerte\w*|moderne\w*)\s+(?:ort|stadt|gemeinde|kommune|standort)\s+"
        r"(?:\w+\s+){0,2}wahrgenommen\b",
        # "wir wollen als moderner Ort gelten": the place's image
        r"\bals\s+(?:schöne\w*|attraktive\w*|lebenswerte\w*|moderne\w*|junge\w*|familienfreundliche\w*)\s+"
        r"(?:ort|stadt|gemeinde|kommune|standort|dorf|wohnort)\s+(?:\w+\s+){0,2}(?:gelten|gilt|dastehen|bekannt)\b",
        # "moderner rüberkommen, damit die Leute gern hier wohnen": the town's image and a place to live
        r"\bmoderner\s+(?:rüberkomm|wirk|dasteh|auftret|erschein)\w*",
        r"\b(?:gern|gerne)\s+(?:hier\s+|bei\s+uns\s+)?(?:wohn|leb)\w*",
        # "Wir verlieren jedes Jahr Azubis an die Industrie": losing staff to other employers
        r"\bverlier\w*\s+(?:\w+\s+){0,4}an\s+(?:die\s+)?(?:industrie|privatwirtschaft|wirtschaft|unternehmen|firmen)\w*",
        r"\b(?:nicht\s+)?wegzieh\w*",
        # "Die Hälfte der Abiturienten zieht weg", "ziehen die jungen Leute weg"
        r"\bzieh\w*\s+(?:\w+\s+){0,3}weg\b",
        # "Uns laufen die jungen Leute weg" (not "die Kosten laufen uns weg")
        r"\b(?:lauf\w*|läuft|rennen|brechen)\s+(?:uns\s+)?(?:die\s+)?(?:jung\w*|jugend\w*|familien|fachkräfte|"
        r"einwohner\w*|azubis|schulabgänger\w*|abiturient\w*)\s+(?:\w+\s+){0,2}weg\b",
        r"\bdamit\s+(?:sie|die\s+leute|junge\w*)\s+(?:hier\s+)?bleiben\b",
        # "dass … die jungen Leute bleiben"
        r"\bjunge\w*\s+(?:leute?|leut|menschen|familien)\s+(?:\w+\s+){0,2}bleiben\b",
        # "dass junge Leute nach dem Studium zurückkommen"
        r"\bjunge\w*\s+(?:leute?|leut|menschen|familien)\s+(?:\w+\s+){0,4}(?:zurückkomm|zurückkehr|wiederkomm)\w*",
        # "wie die Stadt dasteht": its image
        r"\bwie\s+(?:die|unsere)\s+(?:stadt|gemeinde|kommune|region)\s+dasteht\b",
        # "Jugend im Ort halten", "die Jungen halten"
        r"\b(?:jugend\w*|jungen|junge\s+leute|jungen\s+leute)\s+(?:\w+\s+){0,3}halten\b",
        r"\bgerne?\s+(?:wohnt|wohnen|lebt|leben|zieh\w*)\b",
        # "zeigen, dass man bei uns gut leben und arbeiten kann"
        r"\b(?:bei\s+uns|hier)\s+gut\s+(?:leben|wohnen)(?:\s+(?:und|&)\s+arbeiten)?\b",
        r"\bneubürger\w*",
        r"\bemployer\s+branding\b",
        # "damit junge Talente hier wohnen wollen"
        r"\bhier\s+(?:wohnen|leben)\s+(?:wollen|möchten|will|möchte)\b",
        # "damit die Pendler hier wohnen bleiben"
        r"\b(?:hier|im\s+ort|bei\s+uns|im\s+dorf)\s+(?:wohnen|leben)\s+bleib\w*",
        # An employer people want to work for: "als Arbeitgeber moderner rüberkommen", "Azubis finden".
        r"\bals\s+arbeitgeber\w*(?:\s+(?:\w+\s+){0,2}(?:moderner|attraktiver|interessanter|besser)\b)?",
        r"\barbeitgeber(?:marke|image|attraktivität)\w*",
        # not "dass die Vereine Nachwuchs fürs Ehrenamt finden" (volunteers)
        r"\b(?:azubis?|auszubildende\w*|nachwuchs\w*(?!\s+(?:fürs|für\s+das|im)\s+ehrenamt)|bewerber\w*|fachkräfte)"
        r"\s+(?:\w+\s+){0,3}"
        r"(?:finden|gewinnen|bekommen|kriegen|anwerben|halten|holen|herholen|locken|anlocken)\b",
        # "Wir wollen unsere Stellen wieder besetzt bekommen", "bewirbt sich bei uns keiner mehr"
        r"\bstellen\s+(?:(?!nicht\b|nie\b|kaum\b)\w+\s+){0,2}(?:besetz|nachbesetz)\w*",
        r"\bbewirbt\s+sich\b",
        # not "Glasfaser fürs Homeoffice" (what the broadband is for)
        r"\b(?:recruiting|personalgewinnung|(?<!fürs\s)(?<!für\sdas\s)(?:homeoffice|home\s+office))\b",
        r"\b(?:modern|attraktiv|mobil|flexib)\w*\s+arbeitsplätze\w*",
        r"\bansehen\b",
        r"\binteressanter\b",
        # "dass wir als Region für Fachkräfte und Urlauber interessant bleiben"
        r"\bfür\s+(?:\w+\s+){0,4}?(?:fachkräfte|urlauber|touristen|gäste|familien|junge\w*|neubürger|zuzügler|"
        r"einwohner\w*|menschen|leute)\s+(?:\w+\s+){0,2}interessant\w*",
        # "dass der Ort wieder interessant wird für junge Leute", "… für Familien eine gute Adresse werden"
        r"\b(?:interessant\w*|(?:gute|erste)\s+adresse)\s+(?:\w+\s+){0,2}?für\s+(?:\w+\s+){0,3}?"
        r"(?:fachkräfte|urlauber|touristen|gäste|familien|junge\w*|neubürger|zuzügler)\b",
        r"\bfür\s+(?:\w+\s+){0,4}?(?:fachkräfte|urlauber|touristen|familien|junge\w*|neubürger|zuzügler)\s+"
        r"(?:\w+\s+){0,3}?(?:eine\s+)?(?:gute|erste)\s+adresse\b",
        r"\bortsbild\w*",
        r"\w*attraktiv\w*",
        r"\bstandortmarketing\w*",
        r"\bstandortqualität\w*",
        # tourism: "Aufenthaltsqualität, Destinationsmanagement, Gästelenkung"
        r"\baufenthaltsqualität\w*",
        r"\bdestinationsmanagement\w*",
        r"\b(?:gäste|besucher)lenkung\w*",
        # "als moderner Arbeitgeber dastehen": an employer people want to work for, not new technology
        r"\b(?:moderne|attraktive|gute|interessante|beliebte)\w*\s+arbeitgeber\w*",
        # not the "Stadtmarketingverein" (volunteers)
        r"\b(?:stadt|gemeinde|regional)?marketing(?!verein)\w*",
        r"\blebensqualität\w*",
        r"\blebenswert\w*",
        # "Ortskern lebenswerter machen": the place to live in, not its shops
        r"\b(?:ortskern|ortsmitte|innenstadt|stadtkern)\w*\s+(?:\w+\s+){0,2}(?:lebenswert|schöner)\w*",
        r"\bimage\w*",
        r"\bzuzug\w*",
        r"\bzuzügler\w*",
        r"\bjunge\w*\s+familien\b",
        # "junge Leute, die nach der Ausbildung hierbleiben" (the clause after the comma; not firms staying)
        r"\b(?:nach|mit)\s+(?:der|dem|ihrer|ihrem)\s+(?:ausbildung|studium|schule|abschluss|abitur|lehre)\s+"
        r"(?:\w+\s+){0,2}(?:hier\s?bleib|dableib)\w*",
        # not the trade ("Tourismuswirtschaft", "Tourismusbetriebe"): the economy
        r"\btouris\w*(?<!wirtschaft)(?<!betrieb)(?<!betriebe)(?<!branche)(?<!gewerbe)",
        r"\burlauber\w*",  # guests, not the staff's own leave ("Urlaubsanträge")
        r"\bwohnort\w*",
        r"\blebensort\w*",
        r"\baußenwirkung\w*",
        # not "die Händler bei der digitalen Sichtbarkeit unterstützen": help for others, in what respect
        r"(?<!\bbei\sder\s)(?<!\bbei\sihrer\s)(?<!\bbei\sder\sdigitalen\s)(?<!\bbei\sihrer\sdigitalen\s)"
        # not "die Sichtbarkeit des örtlichen Handels": whose visibility is that goal's
        r"\bsichtbarkeit\w*(?!\s+(?:des|der|unserer|unseres|von)\s+(?:\w+\s+)?(?:\w*handel|geschäfte|läden|"
        r"betriebe|händler|firmen|unternehmen|vereine|gastronomie|gastgeber)\w*)",
        r"\banziehend\w*",
        # not a count ("im Sommer 15.000 Gäste"): a description of the place
        r"(?<!\d\s)\bbesucher\w*",
        r"(?<!\d\s)\b\w*gäste\b",  # "Übernachtungsgäste", "Tagesgäste"
        r"\bübernachtung\w*",
        r"\b\w*ausflügler\w*",  # "Tagesausflügler"
        # "Dass Wanderer und Radfahrer bei uns Station machen und wiederkommen"
        r"\b(?:wanderer|radfahrer|radler|urlauber|camper|pilger)\w*\s+(?:\w+\s+){0,6}?"
        r"(?:station\s+mach|wiederkomm|halt\s+mach|übernacht|einkehr|vorbeikomm|kommen)\w*",
        r"\bruf\b",
        r"\b(?:jung\w*|jugend\w*|leute|familien|menschen|einwohner\w*|bürger\w*|fachkräfte)\s+(?:\w+\s+){0,3}"
        r"(?:abwander|abhau)\w*",
        # "für Familien, die überlegen, hierherzuziehen"
        r"\bhierher\s?(?:zu)?zieh\w*",
        # "wer überlegt herzuziehen"
        r"\bherzuzieh\w*",
        r"\babwanderung\w*",
        # "dass sich neue Familien für uns entscheiden", "… mit ihren Familien zu uns zu ziehen"
        r"\b(?:familien|fachkräfte|zuzügler|leute|menschen|junge\w*|pflegekräfte|ingenieur\w*)\s+(?:\w+\s+){0,4}?"
        # "damit Fachkräfte zuziehen"
        r"(?:für\s+uns\s+entscheid\w*|zu\s+uns\s+(?:zu\s+)?(?:zieh|hol|lock)\w*|herzieh\w*|hierher\s?zieh\w*|hierbleib\w*|"
        r"zuzieh\w*|"
        # "dass mehr Fachkräfte und Familien in unsere Stadt ziehen", "… in die Stadt zu holen"
        r"(?:in|nach)\s+(?:unsere\w*|die|den|das)\s+(?:stadt|gemeinde|region|ort|dorf|kommune)\s+(?:zu\s+)?"
        r"(?:zieh|hol|lock)\w*)",
        r"\b(?:fachkräfte|familien|zuzügler|neubürger|einwohner|leute|menschen|junge)\w*\s+(?:\w+\s+){0,2}"
        r"(?:anlock|anzulock|anzieh|anzuzieh|herlock|herzulock|herhol|herzuhol|ansiedel|ansiedl|niederlass)\w*",
        # "die Stadt als modernen Ort zum Leben wahrnehmen"
        r"\b(?:ort|stadt|gemeinde|dorf|region)\s+zum\s+(?:leben|wohnen)\b",
    ],
    "daseinsvorsorge": [
        r"\b(?:kaum|schlechte\w*|keinen)\s+(?:handy)?empfang\b",  # "Im Oberdorf hat man kaum Empfang"
        r"\b(?:mobilfunk|funk|netz)abdeckung\w*",  # "eine lückenlose Netzabdeckung"
        r"\bschnell\w*\s+inet\b",  # "schnelles inet fuer die doerfer"
        # "ein Digital Health Hub für die Dörfer"
        r"\b(?:digital\s+)?health\b",
        # "damit die Feuerwehr bei Starkregen früher gewarnt wird": protection against floods and disasters
        r"\b(?:starkregen|hochwasser|überschwemmung|katastrophenschutz|bevölkerungsschutz)\w*",
        r"\bfrühwarn\w*",
        # warning the population and civil protection ("Warn-App", "Sirenen", "digitaler Katastrophenschutz")
        r"\bwarn[\s-]?(?:app|system|dienst)\w*",
        # "schimpfen alle übers lahme Internet", "das Internet in den Weilern ist eine Katastrophe"
        r"\b(?:lahm\w*|langsam\w*)\s+(?:internet|netz)\b",
        r"\binternet\s+(?:\w+\s+){0,5}?(?:ist|is)\s+(?:eine?\s+|a\s+)?(?:katastroph\w*|lahm|langsam|schlecht)\b",
        # "digitale Warnung der Bevölkerung bei Unwetter", "die Einwohner vor Hochwasser warnen"
        r"\b(?:warnung|warnen|alarmierung)\s+(?:\w+\s+){0,2}?(?:bevölkerung|einwohner\w*|bürger\w*)\b",
        r"\b(?:bevölkerung|einwohner\w*|bürger\w*)\s+(?:\w+\s+){0,4}?warnen\b",
        r"\b(?:unwetter|bevölkerungs|hochwasser)warn\w*",
        r"\bsirene\w*",
        r"\b(?:katastrophen|bevölkerungs|hochwasser)schutz\w*",
        r"\bftt[hbcx]\b",  # fibre to the home/building/curb
        # "Smart Mobility (On-Demand-Shuttle, Sharing)": getting around, not a technology trial
        r"\bsmart\w*\s+mobilit\w*",
        # "WLAN und Tablets für die Schulen, weil die Kinder sonst abgehängt werden": education, not the
        # municipality falling behind in technology
        r"\b(?:kinder|schüler\w*|schulkinder|jugendliche\w*)\s+(?:\w+\s+){0,2}abgehängt\w*",
        r"\btelemedizin\w*",
        r"\b(?:wasser|strom|gas|wärme)zähler\w*",  # "die Wasserzähler per Funk ablesen"
        r"\bleitstelle\w*",
        r"\b(?:katastrophen|bevölkerungs|zivil)schutz\w*",
        r"\bgemeindeschwester\w*",
        # Getting to the doctor's or the shop without a car: "Ältere ohne Führerschein …"
        r"\bohne\s+(?:\w+\s+)?(?:führerschein|auto)\b",
        r"\b(?:zum|zur|in\s+den)\s+(?:supermarkt|praxis|arztpraxis|laden|dorfladen)\b",
        r"\b(?:haus)?arzt\b",
        r"\b(?:klinik\w*|krankenh(?:aus|äuser)\w*|rettungsdienst\w*|notarzt\w*|notaufnahme\w*)",
        r"\b(?:feuerwehr|brandschutz)?alarmierung\w*",
        r"\bfeuerwehr(?:einsatz|technik|fahrzeug)\w*",
        r"\bfeuerwehr\w*\s+(?:\w+\s+){0,3}alarmier\w*",  # "die Feuerwehr noch per Fax alarmiert"
        # the brigade's equipment and operations: "die Feuerwehr digital ausstatten", "… eine digitale
        # Einsatzplanung", "die digitale Alarmierung der Freiwilligen Feuerwehr"
        r"\bfeuerwehr\w*\s+(?:\w+\s+){0,3}(?:ausstatt|ausgestattet|einsatzplan|ausrüst|ausgerüstet)\w*",
        r"\b(?:alarmierung|ausstattung|einsatzplanung)\s+(?:der|unserer)\s+(?:freiwilligen\s+)?feuerwehr\w*",
        r"\bärzt\w*",
        r"\b(?:ruf)?bus(?:se|verbindung\w*|linie\w*|takt\w*|haltestelle\w*|fahrpl[aä]n\w*)?\b",
        r"\bkinderbetreuung\w*",
        r"\babwasser\w*",
        r"\b(?:wasserwerk|kläranlage|klärwerk|trinkwasser|wasserversorgung)\w*",
        # "digitale Netzüberwachung, Rohrbrüche früher erkennen": the utility's network
        r"\brohr(?:bruch|brüche|netz)\w*|\b(?:leitungs|wasser|strom)netz\w*|\bnetzüberwachung\w*",
        r"\b(?:abfall|wasser|kreislauf|energie|forst)wirtschaft\w*",
        r"\b(?<!wilder\s)(?<!wilden\s)müll\w*",  # "wilder Müll" is reported to the Ordnungsamt
        r"\bschnelle\w*\s+(?:internet|netz)\b",
        # "Internet aufm Land", "Netz auf dem Dorf"
        r"\b(?:internet|netz|breitband|empfang|mobilfunk|handynetz)\s+(?:auf\s+dem|aufm|auf\'m|im)\s+"
        r"(?:land|dorf|ländlichen\s+raum)\b",
        r"\b(?:internet|netz|breitband|wlan)\w*\s+(?:\w+\s+){0,2}schneller\b",
        # "Das Internet in den Außenbereichen ist so langsam, dass …": a lack to remedy
        r"\b(?:internet|netz|breitband|wlan|empfang)\w*\s+(?:\w+\s+){0,4}(?:ist|sind|bleibt)\s+(?:\w+\s+)?"
        r"(?:langsam|lahm|schwach|miserabel|katastrophal|grottig|unterirdisch)\w*",
        r"\bdaseinsvorsorge\w*",
        r"\bgrundversorgung\w*",
        r"\w*versorgung\w*",
        r"\bmobilität\w*",
        r"\böpnv\b",
        # "die Busanbindung ins Umland verbessern"
        r"\b\w*bus(?:anbindung|verbindung|linie|netz|verkehr|fahrplan|takt)\w*",
        r"\b\w*sammeltaxi\w*|\bcar\s?sharing\w*|\bmitfahr(?:bank|bänke|gelegenheit|zentrale)\w*",
        # "Die Oma soll mit ihrer Praxis per Video sprechen": a doctor's practice by video
        r"\bpraxis\s+(?:\w+\s+){0,2}per\s+video\b|\bper\s+video\s+(?:\w+\s+){0,3}(?:praxis|arzt|ärztin)\b",
        r"\bnahverkehr\w*",
        r"\bgesundheit\w*",
        r"\bpflege(?!n\b)\w*",  # not the verb: "Daten pflegen", "alles doppelt pflegen"
        # "die Seniorenbetreuung digital unterstützen", "Altenbetreuung", "Tagespflege"
        r"\b(?:senioren|alten|kinder|ganztags|nachmittags)betreuung\w*",
        # "Die Senioren sollen mit digitaler Hilfe länger zu Hause wohnen können": care for the elderly
        r"\b(?:senior\w*|ältere\w*\s+(?:menschen|leute)|alte\w*\s+(?:menschen|leute))\s+(?:\w+\s+){0,8}?"
        r"(?:länger|selbstständig|selbständig)\s+(?:\w+\s+){0,2}(?:zu\s+hause|daheim|in\s+ihr\w*\s+\w+)\s+"
        r"(?:wohnen|leben|bleiben)\b",
        r"\bbildung\w*",
        # Schools are the municipality's to equip; universities ("Hochschule") are not.
        # not "Schulnoten für die Wichtigkeit", "über die Schulter schauen"
        # nor training staff: "die Leute zu schulen", "geschult"
        r"(?<!\bzu\s)\b(?!hoch|geschul)\w*schul(?!d|ung|note|ter|te\b)\w*",  # nor "Frau Schulte"
        r"\bkita\w*",
        r"\bbreitband\w*",
        r"\bglasfaser\w*",
        r"\bfeuerwehr\w*\s+(?:wird|werden)\s+(?:\w+\s+){0,5}?alarmiert\b",  # "… per Telefonkette alarmiert"
        # "ein Alarmierungssystem mit Einsatzplaner für die Feuerwehr": the brigade's equipment
        r"\b(?:alarmierung|einsatzplan|einsatztechnik|einsatzfahrzeug|ausrüstung|ausstattung)\w*\s+(?:\w+\s+){0,4}?"
        r"(?:für\s+(?:die|unsere|unser)|der|unserer)\s+(?:freiwillige\w*\s+)?feuerwehr\w*",
        r"\binternet\s?anbindung\w*",
        r"\binfrastruktur\w*",
        # not "80 % der Energie", "unsere ganze Energie": effort, not the energy supply
        r"\b(?<!der\s)(?<!unsere\s)(?<!unserer\s)(?<!ganze\s)energie\w*",
        r"\bstadtwerk\w*",
        r"\bgleichwertig\w*\s+lebensverhält\w*",
        r"\bdoktor\w*",
        r"\bapothek\w*",
        r"\bohne\s+(?:eigenes\s+)?auto\b",
        r"\bfahrgelegenheit\w*",
        r"\bmitfahr\w*",
        r"\bkindergärt\w*",
        r"\bkindergart\w*",
        r"\bstrom\b",
        r"\b(?:trink)?wasser\b",
        r"\bunterricht\w*",
        r"\bversorgt\b",
    ],
    "wirtschaft": [
        r"\bwirtschaftlich\s+(?:ge)?stärk\w*",  # "dass unsere Läden wirtschaftlich gestärkt werden"
        # "mit den Betrieben in der Region enger zusammenarbeiten, damit offene Stellen besetzt werden": the
        # firms' vacancies, not the administration's own
        r"\bmit\s+(?:den\s+|unseren\s+)?(?:betrieb|unternehm|firm|arbeitgeber)\w*\s+(?:\w+\s+){0,4}"
        r"zusammen\s*(?:arbeit|tun)\w*",
        # "ein gemeinsames Schaufenster im Netz" for the shops
        r"\b(?:digital\w*|virtuell\w*|gemeinsam\w*)\s+schaufenster\w*|\bschaufenster\s+im\s+(?:netz|internet)\b",
        # "dass unsere Gastwirte und Handwerker nicht ganz abgehängt werden": the businesses, not the
        # municipality falling behind in technology
        r"\b(?:betriebe|firmen|händler\w*|handwerk\w*|gastwirt\w*|wirte|unternehm\w*|geschäfte|gewerbe\w*)\s+"
        r"(?:\w+\s+){0,3}abgehängt\w*",
        # not the running business of the own administration ("wenn der Laden im Rathaus weiterläuft")
        # not "den eigenen Laden auf Vordermann bringen" (the own organisation)
        r"(?<!\bder\s)(?<!\beigenen\s)\bläden\b(?!\s+(?:\w+\s+)?(?:auf\s+vordermann|zusammen\w*|am\s+laufen))",
        r"\bder\s+läden\b(?!\s+(?:\w+\s+){0,2}(?:läuft|laufen|weiterläuft|am\s+laufen|intern)\b)",
        r"\bwirten?\b",  # "die Wirte und Vermieter sollen online buchbar sein"
        r"\brestaurants?\b",
        r"\bkneipen?\b",
        r"\b\w*lädchen\b",  # "dat Lädchen im Ort", "das Dorflädchen"
        r"\bwif(?:ö|oe|o)\b",  # "Wirtschaftsförderung" as staff abbreviate it
        r"\bbäcker\w*",
        r"\bmetzger\w*",
        r"\bjobs?\b",
        r"\b\w*händler\w*",  # "Einzelhändler", "Fachhändler"
        r"\bgastgeber\w*",
        r"\btourismus(?:betrieb|branche|gewerbe)\w*",
        r"\bgastronom\w*|\bgastro\b",  # "Gastro und Tourismus stärken"
        r"\bgastwirt\w*",
        r"\binvestor\w*",
        r"\bleerstand\w*",
        r"\bort(?:s)?(?:kern|mitte)\w*",
        r"\bwirtschaft(?!lich)\w*",
        # Not the utilities' trades ("Abfallwirtschaft", "Wasserwirtschaft"): those are Daseinsvorsorge.
        r"\b(?!(?:abfall|abwasser|wasser|forst|kreislauf|energie|haushalts|finanz|miss|vettern|zettel|papier)wirtschaft)"
        r"\w+wirtschaft\b",
        r"\bunternehme[nr]\w*",
        r"\bbetriebe\b",
        r"\bgewerbe(?!amt\b|ämter\b)\w*",  # "Anträge fürs Gewerbeamt": an office, not the economy
        r"\w*handel\b",
        r"\b(?:einzel)?handels\b",  # "die Sichtbarkeit des örtlichen Handels"
        r"\beinzelhandel\w*",
        # "dass die Innenstadt nicht ausblutet": the problem word carries the goal (_PROBLEM_CUES)
        r"\b(?:innenstadt|ortskern|ortsmitte|stadtkern)\w*\s+(?:\w+\s+){0,2}(?:ausblut|verödet|verödung)\w*",
        r"\bhofladen\w*",  # also "Hofläden" (folded)
        r"\bdirektvermarkt\w*",
        r"\bdorfläden\b",
        r"\bdorfladen\w*",  # the shop itself; "zum Dorfladen kommen" is getting there (daseinsvorsorge)
        r"\bhandwerk\w*",
        r"\bmittelstand\w*",
        # Jobs in town, not a modern workplace for staff ("ohne moderne Arbeitsplätze bewirbt sich keiner")
        r"\b(?<!moderne\s)(?<!modernen\s)(?<!attraktive\s)(?<!mobile\s)(?<!flexible\s)arbeitsplätze\w*",
        r"\w*ansiedl\w*",  # "Firmenansiedlung"
        r"\bstart\s?ups?\b",
        r"\bgründer\w*",
        r"\b(?:eigene|neue)\w*\s+firma\s+(?:auf|gründ)\w*",
        r"\bwinzer\w*",
        r"\b(?:umsätze|umsatz|aufträge)\b",
        r"\bfirmen\b",
        r"\bindustrie\w*",
        r"\binnenstadt\w*",
        r"\bkauf(?:leute|mann|frau|männ)\w*",
        r"\b(?:fach|einzelhandels|lebensmittel)?geschäfte\b",
        r"\bwochenmärkt\w*|\bwochenmarkt\w*",
        r"\bgeschäfts(?:leben|leute|welt|inhaber)\w*",
        r"\bfußgängerzone\w*",
        r"\b(?:neue|weitere|mehr|große|größere|örtliche)\w*\s+arbeitgeber\w*",
    ],
    "zivilgesellschaft": [
        # "Unsere Vereine finden keinen mehr, der den Vorstand macht" (a problem: _PROBLEM_CUES)
        r"\b(?:vereine?|verein\w*|ehrenamt\w*)\s+finden\s+(?:keinen|keine|niemand\w*|kaum)\b",
        # "weniger Papierkram für die Vorstände": the clubs' paperwork, not the administration's
        r"\b(?:papierkram|bürokratie|formularkram|verwaltungs(?:kram|aufwand))\s+(?:für|der|bei)\s+(?:die|den)\s+"
        r"(?:vorstände\w*|vereinsvorstände\w*|ehrenamtlich\w*|kassenwart\w*|übungsleiter\w*)",
        r"\bin\s+ihrer\s+freizeit\b",
        # The brigade's people are volunteers; its alarms and its work beside the ambulance service are
        # public services (daseinsvorsorge).
        r"(?<!alarmierung\sder\s)\bfeuerwehr(?!alarm|einsatz|technik|fahrzeug)\w*"
        r"(?!\s+(?:und|&|,)\s+(?:der\s+|den\s+|die\s+|da\s+)?(?:rettungsdienst|wasserversorgung|"
        r"katastrophenschutz|leitstelle))(?!\s+(?:\w+\s+){0,3}alarmier)",
        r"\bsport(?:club|verein)\w*",
        # "beim Heimatverein und beim Trachtenverein machen immer weniger mit"
        r"\b(?:heimat|trachten|musik|schützen|karnevals?|gesang|turn|kultur|wander|fußball|tennis|obst|garten"
        r"|bauern|landfrauen|krieger|kirchbau|dorf)verein\w*",
        r"\bnachbarn\b",
        r"\bgemeinschaftsleben\w*",
        r"\bjugendarbeit\w*",
        r"\bzivilgesellschaft\w*",
        r"\bstadtgesellschaft\w*",
        r"\bdorfgemeinschaft(?!s?haus)\w*",  # not the village hall ("im Dorfgemeinschaftshaus")
        r"\w*ehrenamt\w*",
        r"\bverein(?!fach|bar|zel|heit|ig)\w*",
        r"\w*engagement\w*",
        r"\bbürgerschaftlich\w*",
        r"\binitiative\w*",
        r"\bnachbarschaft\w*",
        r"\bfreiwillig\w*",
        r"\bgemeinwohl\w*",
        r"\bcivic\s?tech\b",
        r"\bzusammenhalt\w*",
        r"\bmiteinander\b",
        r"\b(?:dorf|stadt|vereins|sommer|gemeinde|straßen)fest\w*",
        r"\bkleiderkammer\w*",
        r"\btafel\b",
        r"\b(?:flüchtlings|geflüchteten|senioren|nachbarschafts|kirchen)hilfe\w*",
        r"\bhelfer\w*",
        r"\bgegenseitig\w*",
        r"\b(?:ohne|nicht)\s+(?:dafür\s+)?bezahlt\b",
        r"\bunentgeltlich\w*",
        r"\bohne\s+(?:lohn|bezahlung|vergütung|entgelt)\b",
        r"\beiner\s+dem\s+anderen\b",
        r"\bunbezahlt\w*",
        r"\bsich\s+(?:\w+\s+){0,5}einsetzen\b(?!\s+lass)",
    ],
    "innovation": [
        # "Etablierung einer Kultur der Offenheit gegenüber neuen Technologien"
        rf"\boffenheit\s+{_TOWARDS_THE_NEW}\w*",
        r"\btest(?:region|feld|gebiet|kommune|raum|projekt|lauf|betrieb)\w*",
        # "mit einem digitalen Zwilling der Innenstadt" (the town centre is what it models)
        r"\bdigital\w*\s+zwilling\w*(?:\s+(?:der|des|vom|von\s+der|für\s+die|für\s+den)\s+\w+)?",
        r"\b(?:für|fuer)\s+(?:was|etwas)\s+neues\b",
        # "nicht den Anschluss verlieren", "nicht abgehängt werden"
        r"\banschluss\s+(?:\w+\s+)?verlier\w*",
        r"\babgehängt\w*",
        r"\bneues\s+ausprobier\w*",
        r"\b(?:was|etwas)\s+neues\s+(?:zu\s+)?(?:aus)?(?:probier|versuch|wag|test)\w*",
        r"\bneuland\b",
        # "die Ersten im Landkreis sein, nicht immer die Nachzügler"; "nicht im letzten Jahrhundert".
        r"\bnicht\s+(?:\w+\s+){0,2}nachzügler\w*",
        r"\b(?:die|als)\s+erste[nr]?\s+(?:im|in\s+der|unter\s+den)\b",
        r"\b(?:letzten|vorigen|vergangenen)\s+jahrhundert\b",
        r"\bmutig\w*",
        r"\bneue\w*\s+techni\w*",
        # not an image ("moderner rüberkommen, damit die Leute gern hier wohnen": attractiveness)
        # nor "moderner und anziehender wirkt"
        r"\bmoderner\b(?!\s+(?:(?:und|oder|sowie)\s+\w+\s+)?(?:rüberkomm|wirk|dasteh|auftret|erschein)\w*)"
        r"(?!\s+(?:ort|wohnort|dorf)\b)",
        r"\bdrohne\w*",
        r"\bvorzeige\w*",
        r"\bdinge\s+(?:\w+\s+){0,2}test\w*",
        r"\bneue\w*\s+ideen\b",
        r"\w*innovat\w*",
        r"\bsmart\w*\s?(?:city|region|village|country)\b",
        r"\bsmart\w*",
        r"\bneue\w*\s+technolog\w*",
        r"\bzukunftstechnolog\w*",
        r"\bki\b",
        # "PoC für LLM-basierte Assistenz im Posteingang"
        r"\bllms?\b",
        r"\bpoc\b",
        r"\bproof\s+of\s+concept\b",
        r"\bkünstlich\w*\s+intelligenz\w*",
        r"\bpilot\w*",
        r"\bexperiment\w*",
        r"\b(?:ausprobier|auszuprobier)\w*",
        r"\bvorreiter\w*",
        r"\bvorne?\s+(?:mit\s+)?dabei\b",
        r"\bpionier\w*",
        r"\bmodell(?:kommune|projekt|region)\w*",
        r"\b(?:real|digital|innovations)labor\w*",
        r"\binternet\s+der\s+dinge\b",
        r"\biot\b",
        r"\b\w*sensor\w*",  # "Füllstandssensoren in den Streusalzsilos", "Parksensoren"
        # "erstmal als Versuch, ob das überhaupt was bringt": a trial
        r"\b(?:erst\s?mal|erst\s?einmal|zunächst|vorerst)\s+(?:\w+\s+)?als\s+(?:versuch|test\w*|pilot\w*|experiment)\b",
        r"\bblockchain\w*",
        r"\bchat\s?bot\w*",
        r"\bneues\s+wagen\b",
        r"\b(?:was|etwas|mehr)\s+wagen\b",
        r"\b(?:was|etwas|dinge|sachen)\s+(?:es\s+)?(?:\w+\s+){0,5}noch\s+(?:nicht|keiner|niemand|nirgends|nirgendwo)\s+"
        r"(?:\w+\s+){0,2}(?:gibt|macht|gemacht|probiert)\b",
        r"\w*(?:laterne|ampel|beleuchtung|mülleimer|container|parkpl[aä]tz|heizung|gebäude)\w*\s+(?:\w+\s+){0,3}"
        r"(?:selbst|selber|automatisch)\s+(?:merk|erkenn|mess|schalt|steuer|regel)\w*",
        r"\bintelligent\w*\s+(?:\w+\s+)?(?:laterne|ampel|beleuchtung|mülleimer|stromnetz|verkehrssteuerung)\w*",
    ],
}

# Words that are close enough to these (typos) count as the goal. Only long words, to avoid
# look-alikes such as "Vorhaben" for "Vorgaben".
_FUZZY_ANCHORS: dict[str, str] = {
    "effizienz": "effizienz",
    "effektivität": "effizienz",
    "bürgernähe": "buergernaehe",
    "bürgerfreundlich": "buergernaehe",
    "fördermittel": "foerdermittel",
    "fördergelder": "foerdermittel",
    "attraktivität": "attraktivitaet",
    "daseinsvorsorge": "daseinsvorsorge",
    "zivilgesellschaft": "zivilgesellschaft",
    "innovation": "innovation",
    "innovationen": "innovation",
    "wirtschaft": "wirtschaft",
    "leistungsangebot": "leistungsangebot",
    "onlinezugangsgesetz": "rechtliche_vorgaben",
    "transparenz": "buergernaehe",
    "lebensqualität": "attraktivitaet",
    "ehrenamt": "zivilgesellschaft",
    "glasfaser": "daseinsvorsorge",
    "breitband": "daseinsvorsorge",
    "bürgerservice": "buergernaehe",
    "bürgerbeteiligung": "buergernaehe",
    "tourismus": "attraktivitaet",
    "einzelhandel": "wirtschaft",  # "einzelhandl stärken"
    "wirtschaftsförderung": "wirtschaft",
    "onlinedienste": "leistungsangebot",
    "attraktiv": "attraktivitaet",
}
# Cues that name a goal only when nothing else in their part of a clause does: a property or a place that
# usually describes what another goal is about ("Der Arzt soll erreichbar bleiben" is about care, not
# about the town hall; "Termine im Bürgerbüro" names where, not why). They must also match a _LEXICON
# pattern; this list only weakens them.
_WEAK_CUES: list[str] = [
    # "nicht den Anschluss verlieren" is Innovation alone, but "beim Förderprogramm …" is about the funds
    r"\banschluss\s+(?:\w+\s+)?verlier\w*",
    r"\berreichbar\w*",
    r"\bbürger\s?(?:büro|amt)\w*",
    r"\boffener\b",
    r"\bbesucher\w*",
    r"\bgäste\b",
    r"\burlauber\w*",
    r"\bansprechpartner\w*",
    r"\bschnell\w*\s+(?:geh|läuft|laufen)\w*",
    r"\b(?:geht|gehen|läuft|laufen)\s+(?:\w+\s+)?schnell\w*",
    # where, not what: "Aufträge übers Internet bekommen" is about the businesses
    r"\b(?:im|übers|über\s+das)\s+(?:internet|netz)\b",
]
# Cues that name a problem a goal removes (paper, waiting, manual work, people moving away). Taking
# them away is the goal itself: a plain negation or a removal verb ("kein Papier mehr", "nicht mehr von
# Hand", "Bürokratie streichen") does not negate them; only a dismissal ("ist uns egal") does. They
# must also match a _LEXICON pattern (searched inside the matched span).
_PROBLEM_CUES: list[str] = [
    r"\bhin\s+und\s+her",
    _PAPER_LOOP,
    # "dass wir nicht mehr alles ausdrucken und abheften", "Akten durch die Gegend schleppen"
    r"\b(?:abheft|abzuheft|abgeheftet|ausdruck|ausgedruckt)",
    _FILES_CARRIED,
    r"\b(?:telefon|hotline)\w*\s+(?:\w+\s+){0,2}(?:klingel|bimmel)",
    r"\banschluss\s+(?:\w+\s+)?verlier",
    r"\babgehängt",
    r"papier",
    r"zettel",
    r"b[uü]rokratie",
    r"\bvon\s+hand\b",
    r"\bhändisch",
    r"\bmanuell",
    r"stapel",
    r"laufmappe",
    r"\b(?:doppelt|dreifach|mehrfach|zweimal|dreimal|x-mal)\s+(?:\w+\s+){0,2}(?:erfass|eingeb|eingegeb|eintipp)",
    r"\bmedienbr[uü]ch",
    r"\bdoppelarbeit",
    r"\bdoppel(?:erfassung|eingabe)",  # "keine Doppelerfassung mehr im Haus"
    r"\bhandarbeit",
    r"\bleerlauf",
    r"\bleerstand",
    r"\bausblut",  # "dass die Innenstadt nicht ausblutet"
    r"\bfinden\s+(?:keinen|keine|niemand|kaum)",
    r"\berfahren\s+(?:\w+\s+){0,5}?erst\b",
    r"wartezeit",
    r"\bwarterei",
    r"\bauf\s+(?:\w+\s+)?(?:bescheid|genehmigung|entscheidung|rückmeldung|baugenehmigung)\w*\s+(?:\w+\s+)?wart",
    r"\bbehördeng[aä]ng",
    r"\bamtsg[aä]ng",
    r"\blauferei",
    r"\brennerei",
    r"\b(?:ab|ein)(?:zu)?tipp",
    r"\bdurchs\s+haus\b",
    r"\bzwischen\s+den\s+(?:ämtern|abteilungen|fachbereichen|referaten|büros|dienststellen)\b",
    r"nachzügler",
    r"\bjahrhundert\b",
    r"\bwegzieh",
    r"\bzieh\w*\s+(?:\w+\s+)?weg\b",
    r"\babwander",
    r"\bliegen\s+bleib",
    r"\b(?:gesucht|suchen|sucht|wühl\w*|blätter\w*)$",
    r"\bdoppelt\w*\s+(?:\w+\s+)?(?:pflegen|pflegt|gepflegt)\b",
    r"\brad\s+(?:\w+\s+)?neu\s+(?:erfind|erfunden)|\berfinde\w*\s+(?:\w+\s+)?das\s+rad",
    r"\b(?:dauert|dauern|dauerte|dauerten)\s+(?:\w+\s+){0,3}?ewig\b",
]
# Cues that name people or organisations (who), not what should happen. Next to another goal's cue in
# the same part of a clause they name whom that goal serves, so they rank after it ("dass
# Gewerbetreibende ihre Anträge online stellen können": the online offer first, then the economy).
_GROUP_CUES: list[str] = [
    r"\bgewerbetreibend\w*",
    r"\b\w*händler\w*",
    r"\bgastgeber\w*",
    r"\bgastronom\w*|\bgastro\b",
    r"\bgastwirt\w*",
    r"\bunternehmer\w*",
    r"\bgründer\w*",
    r"\bfirmen\b",
    r"\bbetriebe\b",
    r"\bvereine\b",
    r"\bneubürger\w*",
    r"\bzuzügler\w*",
    r"\bjunge\w*\s+familien\b",
    r"\bkauf(?:leute|mann|frau|männ)\w*",
    r"\bgeschäftsleute\b",
    r"\b(?:neue|weitere|mehr|große|größere|örtliche)\w*\s+arbeitgeber\w*",
]
# Parts of a clause joined by these name separate goals; a group cue only serves a goal in its own part.
_PART_SPLIT = re.compile(r"\b(?:und|sowie|oder)\b")
# "X, damit Y" / "X, um Y zu …" / "X, sodass Y": Y is the aim, X the means; the aim ranks first.
_PURPOSE = re.compile(r",\s*(?:damit|sodass|so\s+dass|um\b(?=[^.!?;]*(?:\bzu\b|\w+zu\w+en\b)))")
# Not the point of a number ("40.000 Studierende").
# (not after a title or an abbreviation within a sentence: "Landrat Dr. Krämer will …", "bzw.", "ca.")
_NO_SENTENCE_END_AFTER = (
    r"(?<!\bdr)(?<!\bprof)(?<!\bbzw)(?<!\bca)(?<!\bggf)(?<!\bevtl)(?<!\bvgl)(?<!\bhr)(?<!\bfr)(?<!\bu)"
)
_SENTENCE_END = re.compile(rf"{_NO_SENTENCE_END_AFTER}(?:(?<!\d)\.|\.(?!\d))|[!?;]")
_FUZZY_MIN_RATIO = 0.86  # "Efizienz", "Daseinsvorsoge" pass; "Bürgerinnen" vs "Bürgernähe" (0.8) does not
_FUZZY_MIN_LEN = 6
# A whole word as long as its anchor (±1), same first letter: "Effizens", "Effizent", "innovativ" pass;
# "Informationen" vs "Innovationen" (0.80) does not. Checked on 6,462 words of the sources and data.
_FUZZY_MIN_RATIO_WHOLE_WORD = 0.82

# Destinations in a ranking edit ("… gehört nach vorne", "an die zweite Stelle", "als drittes"). A goal
# given one at a later question corrects the goals (names_a_place, read by the interview flow).
_PLACE_MARKERS: list[tuple[int, str]] = [
    (
        1,
        # not "ganz vorne mit dabei sein" (among the pioneers: Innovation)
        r"\b(?:an (?:die )?(?:erste|oberste) stelle|an die spitze|nach vorne?|"
        # not "von unten nach oben gelesen" (the list reversed: _SWAP)
        r"ganz vorne?(?!\s+(?:mit\s+)?dabei)|(?<!unten )nach oben|"
        r"auf (?:platz|rang) (?:1|eins)|an oberster stelle|vorne? steh\w*|oben steh\w*|"
        r"bleibt\s+(?:ganz\s+)?(?:oben|vorne?)|als erstes|als ersten? (?:punkt|ziel|sache|thema))\b"
        # "Nehmen Sie beides, Innovation vorne." – not "von vorne"
        r"|(?<!von\s)\bvorne?(?=\s*(?:[.,;!]|$))",
    ),
    (
        2,
        r"\b(?:an (?:die )?zweite stelle|auf (?:platz|rang) (?:2|zwei)|in der mitte|dazwischen|als zweites|"
        r"auf zwei|als zweiten? (?:punkt|ziel|sache|thema))\b",
    ),
    (
        3,
        r"\b(?:an (?:die )?(?:dritte|letzte) stelle|auf (?:platz|rang) (?:3|drei)|nach hinten|ans ende|"
        r"ganz hinten|hinten ?an|hinten ?dran|an unterster stelle|an unterster|ganz unten|an letzter stelle|"
        r"als drittes|auf drei|als dritten? (?:punkt|ziel|sache|thema))\b",
    ),
]

_NOT_A_RANK_WORD_BEFORE = (
    r"(?<!priorität\s)(?<!prio\s)(?<!platz\s)(?<!nummer\s)(?<!punkt\s)(?<!nr\s)(?<!ziel\s)"
)
_RANK_MARKERS: list[tuple[int, str]] = [
    # a list's item number – not the end of "(Priorität 1)."
    (1, rf"(?:(?<=\s)|^){_NOT_A_RANK_WORD_BEFORE}1\s?[.):]"),
    (2, rf"(?:(?<=\s)|^){_NOT_A_RANK_WORD_BEFORE}2\s?[.):]"),
    (3, rf"(?:(?<=\s)|^){_NOT_A_RANK_WORD_BEFORE}3\s?[.):]"),
    (1, r"\b(?:platz|prio|priorität|nummer|nr|punkt|ziel)\s?\.?\s?(?:1|eins)\b"),
    (2, r"\b(?:platz|prio|priorität|nummer|nr|punkt|ziel)\s?\.?\s?(?:2|zwei)\b"),
    (3, r"\b(?:platz|prio|priorität|nummer|nr|punkt|ziel)\s?\.?\s?(?:3|drei)\b"),
    (
        1,
        # not "Zuerst dachte ich an die Pflichten" (the first thought, not the first place)
        r"\b(?:erstens|(?:zuerst|zunächst)(?!\s+(?:dachte|hatte|habe|hab|wollte|meinte|fiel)\b)|zuallererst|"
        r"als allererstes|allererst\w*|hauptsache|an erster stelle|am liebsten|"
        # "am wichtgsten" comes back from the spelling correction as "am wichtigste"
        r"am wichtigsten?|am allerwichtigsten?|das allerwichtigste|"
        r"das wichtigste|wichtigstes|hauptsächlich|in erster linie|vor allem|allen voran|vorrangig|"
        r"oberste\w* priorität|höchste\w* priorität|top priorität|top prio|oberste\w* prio|höchste\w* prio|"
        r"primär|ganz oben|an der spitze|"
        r"hauptziel\w*|oberstes ziel|im vordergrund|"
        # "Transparenz und Bürgerbeteiligung stehen bei uns über allem anderen"
        r"(?:steht|stehen|geht|gehen)\s+(?:\w+\s+){0,2}?über\s+alle(?:m|s)(?:\s+andere\w*)?|"
        # "halbe-halbe, mit leichtem Übergewicht bei den Pilotprojekten"
        r"übergewicht (?:bei|für|auf)|"
        # "WLAN und Endgeräte, das hat für mich absolute Priorität"
        r"absolute\w* (?:priorität|prio|vorrang))\b",
    ),
    # Problems ranked by urgency: "Am schlimmsten ist der Bus", "… – das brennt am meisten", "Das ist mit
    # Abstand das größte Thema"
    (
        1,
        r"\b(?:am schlimmsten|am dringendsten|brennt am meisten|am meisten brennt|"
        r"(?:das|unser) größte\w* (?:problem|thema|sorge|baustelle))\b",
    ),
    (
        2,
        r"\b(?:das zweite (?:große\w* )?(?:problem|thema)|etwas weniger dringend|weniger dringend|"
        r"kleiner\s*,\s*aber)\b",
    ),
    (3, r"\b(?:am wenigsten dringend|das dritte (?:große\w* )?(?:problem|thema))\b"),
    # "Das Erste ist, dass …. Das Zweite: … Und das Dritte sind …": an enumeration by ordinal nouns
    (1, r"^\W*(?:und\s+)?das\s+erste\s*(?:(?:ist|wäre)\s*)?$"),
    (2, r"^\W*(?:und\s+)?das\s+zweite\s*(?:(?:ist|wäre)\s*)?$"),
    (
        3,
        r"^\W*(?:und\s+)?das\s+dritte\s*(?:(?:ist|sind|wäre)\s*)?$|^\W*(?:und\s+)?das\s+dritte\s+(?:ist|sind)\b",
    ),
    # "…, und schneller arbeiten, das ist sogar wichtiger": the goal just named (a marker after it)
    # "…, aber dass die Sachbearbeitung schneller wird, ist uns deutlich wichtiger": the clause before it
    (
        1,
        # "… – das ist sogar das wichtigere Ziel"
        r"\b(?:das|dies)\s+ist\s+(?:\w+\s+){0,2}(?:wichtiger\b(?!\s+als\b)|das\s+wichtigere\b(?:\s+ziel\b)?(?!\s+als\b))"
        r"|(?:(?<=,)|^)\s*(?:ist|wäre)\s+(?:uns|mir)\s+(?:\w+\s+){0,2}wichtiger\W*$",
    ),
    # "Erst die Wirtschaft, dann …" – but not "erst dann", "erst an zweiter Stelle", "erst in zwei Jahren".
    (
        1,
        # nor "und erst danach …" cut before "danach" (nothing follows "erst" in its clause)
        # nor "…, und dann erst das mit dem Wohnort" (only then: later)
        r"(?<!dann\s)(?<!danach\s)\berst(?:\s+(?:mal|einmal))?\b(?!\W*$)(?!\s+(?:dann|danach|wenn|recht|als|seit|später|nachdem|an|ab|in|im|nach|"
        # "Innovation kommt erst ganz zum Schluss"
        r"kürzlich|jetzt|zum|zur|wieder|durch|bei|beim|mit|ganz\s+(?:zum|am|zuletzt|hinten|unten))\b)",
    ),
    *_PLACE_MARKERS,
    (2, r"\b(?:zweitens|an zweiter stelle|an zweiter|zweitwichtigst\w*|an zweiter position)\b"),
    # management English: "Second priority: Standortmarketing"
    (1, r"\b(?:first|top)\s+priority\b"),
    (2, r"\bsecond\s+priority\b"),
    (3, r"\bthird\s+priority\b"),
    # "vorrangig die Gesetze, nachrangig Fördergelder": after the goals ranked before it
    (3, r"\b(?:nachrangig|zweitrangig|nachgeordnet)\b(?=\s+\w)"),
    # "Am unwichtigsten von den dreien ist der Tourismus, etwas wichtiger …": the last of those named
    (3, r"\bam\s+(?:unwichtigsten|wenigsten\s+wichtig)\s+(?:von|unter)\s+(?:den|allen|unseren|diesen)\b"),
    # "Nachrangig: das Image der Stadt. Wichtiger: Transparenz …": labels standing alone before their goal
    (3, r"^\W*(?:nachrangig|zweitrangig|nachgeordnet)\W*$"),
    (1, r"^\W*wichtiger\W*$"),
    (3, r"\b(?:drittens|an dritter stelle|an dritter|drittwichtigst\w*)\b"),
    # Shares instead of places: "Der Großteil soll in die Entlastung der Sachbearbeitung gehen", "der
    # Löwenanteil geht in digitale Antragsstrecken", "Zu drei Vierteln ist das die Verwaltung selbst"
    (
        1,
        r"\b(?:der|den|zum)\s+(?:großteil|löwenanteil|größten\s+teil)\b|\bzu\s+drei\s+vierteln\b|"
        r"\b(?:großteils|überwiegend)\b",
    ),
    # "Ein kleiner Teil, sagen wir 20 %, ist Fördergelder mitnehmen", "die Unternehmen vielleicht 10 Prozent"
    (
        LAST_PLACE,
        r"\bein(?:en)?\s+klein(?:en|er|eren)?\s+teil\b|"
        # (not a figure: "Nur 12 % der Jugendlichen wollen hierbleiben")
        r"\b(?:nur|vielleicht|höchstens|maximal)\s+(?:[1-9]|1\d|2\d)\s*(?:%|prozent)"
        r"(?!\s+(?:der|des|die|von|aller|unserer|unsere[rn]?|im|in)\b)",
    ),
    # "… dann erst die Verwaltung intern schneller und zuletzt Fördermittel": the last of all named, also
    # of four (third only when three are named)
    (LAST_PLACE, r"\b(?:zuletzt|zum schluss|ganz zum schluss|als letztes|am ende)\b"),
    # "Ein bisschen auch Tourismus, aber an erster Stelle …", "Nebenbei vielleicht noch was für die Vereine",
    # "Wenn Zeit bleibt, würde ich gern mal eine KI testen": a side wish, after the others
    # (not "die IT macht ein Kollege nebenbei": only a clause that opens with it)
    (
        LAST_PLACE,
        r"\b(?:ein bisschen auch|ein wenig auch|wenn (?:noch )?zeit bleibt)\b"
        r"|^\W*(?:und\s+)?(?:nebenbei|nebenher)\b",
    ),
]

_CLAUSE_SPLIT = re.compile(
    r"[,;:.!?\n()>]+|\s(?:aber|sondern|jedoch|dann|danach|anschließend|außerdem|zudem|wobei|während)\s"
    # not "…, das kommt bei uns aber an letzter Stelle": the place belongs to what the clause points at
    r"(?<!\saber\s(?=(?:erst\s+)?(?:an\s+(?:erster|zweiter|dritter|letzter)\s+stelle|als\s+(?:erstes|zweites|drittes|letztes)|"
    r"zum\s+schluss)\b))"
)
# Plain negations and removal verbs; on a _PROBLEM_CUES word they state the goal instead of negating it.
# Removal verbs around their object: "lass X weg", "nehmen Sie X raus".
_AROUND_THE_OBJECT = r"lass\w*\s+(?:\w+\s+){0,3}weg|nehm\w*\s+(?:\w+\s+){0,3}(?:raus|zurück)"
_PLAIN_NEGATION_WORDS = (
    r"nicht|nich|net|ned|nit|kein\w*|nein|nö(?=\s*(?:[,.;:!?–-]|$))|nee|nie|niemals|nimmer|weder|streich\w*|gestrichen|weglassen|weg\s+lassen|rausnehmen|"
    rf"raus\s+nehmen|wieder\s+raus|raus\s+damit|entfern\w*|{_AROUND_THE_OBJECT}|"
    # "Das mit den Sensoren lassen wir, dafür ist kein Geld da"
    r"lassen\s+wir(?=\s*(?:[,.;!–-]|$))|"
    r"war\s+(?:quatsch|falsch|ein\s+versehen|ein\s+fehler)|"
    r"(?:weg|raus)(?=\s*(?:[,.;!]|$))|(?:haben|hätten)\s+wir\s+(?:\w+\s+){0,2}genug|"
    # "Ach, vergessen Sie das mit der Effizienz"
    r"vergessen\s+sie|vergiss"
)
_PLAIN_NEGATION = re.compile(rf"\b(?:{_PLAIN_NEGATION_WORDS})\b")
# "…, aber ein Ziel ist das nicht": a clause that takes back what it points at (normalised text)
_NOT_A_GOAL_BACK = r"ziel\s+(?:ist|sind)\s+(?:das|es|dies)\s+(?:\w+\s+){0,2}?nicht"
# Judgements that put a goal aside ("Smart City ist für uns Luxus"), in a clause or after it.
_DISMISSIVE_JUDGEMENTS = (
    r"unrealistisch|utopisch|illusorisch|zukunftsmusik|luxus|schaufenster\w+|fürs\s+schaufenster|spielerei\w*|"
    # "die Fördermittel sind ja nur Mittel zum Zweck": a means, not a goal
    r"(?:nur|bloß|lediglich)\s+(?:ein\s+)?mittel\s+zum\s+zweck|"
    # "Innovation, Wirtschaft – alles zu groß für uns", "Innovation ist zu hoch gegriffen"
    r"zu\s+(?:groß|hoch\s+gegriffen|ambitioniert|teuer\s+für\s+uns)|überdimensioniert|nicht\s+zu\s+stemmen|"
    # "Bürgernähe ist schön und gut, aber das haben wir sowieso"
    r"schön\s+und\s+gut|"
    # "KI-Experimente wie im Landkreis nebenan, das ist nix für uns"
    r"(?:nix|nichts)\s+für\s+uns(?=\s*(?:[,.;:!–-]|$))|"
    # "Mit Image oder Tourismus hat das bei uns nichts zu tun."
    r"(?:hat|haben)\s+(?:das|es|dies)\s+(?:\w+\s+){0,3}?(?:nichts|nix)\s+zu\s+tun|"
    # "Gewerbe vielleicht auch, aber dafür sind wir als Dorf eh zu klein"
    r"(?:dafür|dazu)\s+sind\s+wir\s+(?:\w+\s+){0,4}zu\s+klein\b"
)
# After a plain negation these words make it a dismissal ("nicht so wichtig", "kein Thema").
_DISMISSAL_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:so\s+|besonders\s+|sehr\s+|ganz\s+|wirklich\s+|mehr\s+|unbedingt\s+)?"
    # "… – nicht so unser Ding"
    r"(?:(?:unser|mein)\s+)?"
    r"(?:wichtig|relevant|dringend|vorrangig|nötig|notwendig|thema|priorität|rolle|\w*ziel|entscheidend|aufgabe|"
    r"fokus|schwerpunkt|ding|baustelle)"
)
# The plain words first: at one position the first alternative that matches wins.
# Someone else does it ("Daseinsvorsorge machen bei uns die Stadtwerke", "den Breitbandausbau macht der
# Kreis") or it needs no help ("die Vereine kommen allein klar"): not the administration's goal.
_NOT_OURS = (
    r"(?:macht|machen|übernimmt|übernehmen|erledigt|erledigen|betreibt|betreiben)\s+(?:bei\s+uns\s+(?:schon\s+)?"
    r"(?:die|der|das)\b|(?:\w+\s+)?(?:die|der|das)\s+(?:\w+\s+)?(?:stadtwerke\w*|kreis|landkreis|land|bund|"
    r"zweckverband|\w*gesellschaft|\w*verband|nachbargemeinde|verbandsgemeinde|ihk|\w*kammer)\b)|"
    r"(?:kommen|kommt)\s+(?:\w+\s+)?(?:gut\s+)?(?:allein|alleine|selbst|selber)\s+klar|"
    # "…, aber das hat der Kreis übernommen"
    r"(?:hat|haben)\s+(?:(?:jetzt|ja|inzwischen|schon)\s+)?(?:die|der|das)\s+(?:\w+\s+)?(?:stadtwerke\w*|kreis|landkreis|"
    r"land|bund|zweckverband|\w*gesellschaft|\w*verband|nachbargemeinde|verbandsgemeinde)\s+übernommen|"
    # "Um Ehrenamt und Vereine kümmern sich andere"
    r"kümmer\w*\s+sich\s+(?:schon\s+|bereits\s+|ja\s+)?(?:andere|der\s+(?:land)?kreis|das\s+land|der\s+bund|"
    r"die\s+stadtwerke)\b|"
    # "der Zuzug kommt dann von allein", "das macht die Wirtschaftsförderung vom Kreis"
    # "der Tourismus läuft bei uns eh von allein", "der gute Ruf kommt von selbst"
    r"(?:kommen|kommt|ergibt|ergeben|läuft|laufen)\s+(?:\w+\s+){0,3}von\s+(?:allein|alleine|selbst)|"
    r"(?:macht|machen)\s+(?:die|der|das)\s+\w+\s+(?:vom|von\s+der|beim)\s+(?:kreis|landkreis|land|bund)\b|"
    r"(?:machen|macht)\s+(?:ihr|sein)\s+eigenes\s+ding|misch\w*\s+(?:\w+\s+){0,3}nicht\s+ein|"
    # "das ist das Ziel vom Stadtmarketing" – not "das Ziel der Verwaltung"
    r"(?:ist|sind)\s+(?:eher\s+|eigentlich\s+)?(?:das\s+|die\s+)?(?:ziel|sache|aufgabe|job|baustelle)\s+"
    r"(?:vom|von\s+der|von\s+den|des|der)(?=\s+(?!(?:verwaltung|kommune|gemeinde|stadt|rathaus|uns)\b)\w)"
)
_OF_THE_NAMED = r"(?!\s+(?:von|unter)\s+(?:den|allen|unseren|diesen|denen)\b)"
# "egal" that dismisses – not the interjection "Egal, nehmen Sie die auch mit rein", nor "egal für was"
# (whatever for), nor "ganz egal, was passiert" / "egal wann" (regardless)
_EGAL = r"egal(?!\s*,\s*\w)(?!\s+(?:für|wofür|wozu|woher|wie|was|wann|wo|ob|welche\w*)\b)"
_NEGATION = re.compile(
    # not "Am unwichtigsten von den dreien ist der Tourismus" (the last of three, still chosen)
    rf"\b(?:{_PLAIN_NEGATION_WORDS}|{_NOT_OURS}|unwichtig\w*{_OF_THE_NAMED}|{_EGAL}|irrelevant|nebensach\w*|"
    r"nebensächlich\w*|"
    rf"{_DISMISSIVE_JUDGEMENTS}|(?:ist|sind)\s+sache\s+(?:vom|von|des|der)\b|"
    # "Vergessen Sie das mit den neuen Sachen"
    r"vergessen\s+sie\s+(?:bitte\s+)?(?:das|den\s+punkt|die\s+sache)\s+mit\b|"
    # "Das Pflichtprogramm machen wir sowieso.", "Förderanträge schreiben bringt uns nichts"
    r"(?:machen|erledigen|tun)\s+wir\s+(?:\w+\s+)?(?:eh|sowieso|ohnehin)\b|"
    r"(?:bringt|bringen)\s+(?:uns|mir|einem)\s+(?:\w+\s+)?(?:nichts|nix|wenig)\b|"
    # "der KI-Versuch ist damit für dieses Jahr vom Tisch"
    r"(?:ist|sind|wäre|wären)\s+(?:\w+\s+){0,4}vom\s+tisch\b|"
    # "Smart City und KI-Gedöns können mir gestohlen bleiben", "Tourismus ist uns schnuppe"
    r"(?:kann|können|könnt)\s+(?:mir|uns)\s+(?:\w+\s+)?gestohlen\s+bleiben|"
    r"(?:ist|sind)\s+(?:mir|uns)\s+(?:\w+\s+)?(?:schnuppe|wurscht|wurst|schnurz\w*)\b|"
    # "KI-Experimente lassen wir mal schön bleiben"
    r"lassen\s+wir\s+(?:(?:mal|lieber|schön|erstmal|jetzt|auch|einfach|besser)\s+)*(?:bleiben|sein)\b|"
    # "Pilotprojekte und Technikspielereien überlassen wir den Großstädten"
    r"überlassen\s+wir\s+(?:(?:mal|lieber|gern|gerne|getrost|ruhig)\s+)*(?:den|der|anderen)(?:\s+\w+)?\b|"
    # "… hatten wir mal probiert, da hat kein Mensch mitgemacht, das lassen wir."
    r"(?:das|die|den|es)\s+lassen\s+wir(?=\s*(?:[,.;!]|$))|"
    # "Die Vereine regeln ihre Sachen selbst", "um den Einzelhandel müssen sich die Händler selbst kümmern"
    r"(?:regeln|organisieren)\s+(?:ihre\s+sachen|das|alles)\s+(?:\w+\s+)?selbst\b|"
    r"(?:müssen|sollen|können)\s+sich\b(?=(?:\s+\w+){0,3}\s+selbst\s+kümmern\b)|"
    # "Mit Image-Kampagnen hat Digitalisierung bei uns nichts zu tun"
    r"(?:hat|haben)\s+(?:\w+\s+){0,4}nichts\s+zu\s+tun\b|"
    r"zweitrangig\w*|nachrangig\w*|weniger\s+wichtig|spiel(?:t|en)\s+(?:\w+\s+){0,3}keine\s+rolle|kein\s+thema|"
    # "…, aber ein Ziel ist das nicht", "konkret verfolgen wir das nicht"
    rf"(?:ein\s+)?{_NOT_A_GOAL_BACK}|"
    r"verfolg\w*\s+wir\s+(?:das|es|dies|sie|ihn)?\s*(?:\w+\s+){0,2}?nicht|"
    # "die Beantragung von Fördermitteln ist hierbei von untergeordneter Bedeutung"
    r"von\s+(?:untergeordnet|nachrangig|geringer?)\w*\s+bedeutung|"
    # "Um Gewerbe geht es uns dabei weniger"
    # not "Mir geht es zuerst um weniger Zettelwirtschaft" (less paperwork is the wish)
    r"geht\s+(?:es|s)\s+(?:(?!um\b)\w+\s+){0,2}weniger|"
    # "Es geht uns weniger um neue Online-Anträge als um …"
    r"geht\s+(?:es\s+)?(?:uns|mir)\s+(?:\w+\s+)?weniger(?=\s+um\b))\b"
)
# "Ich würde nicht sagen, dass Neues ausprobieren unwichtig ist": a double negation across the comma, the
# goal stands (searched in the whole text: the comma splits the clauses).
_DOUBLE_NEGATION = re.compile(
    r"\bnicht\s+(?:sagen|behaupten)\w*,?\s+dass\s+(?:\w+\s+){1,5}?"
    r"(?:unwichtig|egal|nebensächlich|zweitrangig|nachrangig|nachgeordnet)\w*"
)
_NEGATION_EXCEPTIONS = re.compile(
    r"\bnicht\s+(?:nur|zuletzt|ohne|weniger|vergessen|zu\s+vergessen|unwichtig|egal|unerheblich)\b"
    # "die Pflichten aus dem OZG sind nicht verhandelbar": a must, said emphatically
    r"|\bnicht\s+(?:verhandelbar|optional|wegzudenken|zu\s+umgehen)\b"
    # "Zuschüsse wären auch nicht schlecht": an understatement of a wish
    r"|\bnicht\s+(?:so\s+)?(?:schlecht|verkehrt|übel|falsch)\b"
    # "Außerdem haben mehrere Ortsteile noch kein schnelles Internet": a lack, the goal
    r"|\b(?:haben|hat|gibt\s+es)\s+(?:\w+\s+){0,3}noch\s+(?:immer\s+)?kein\w*"
    # "Solange kein Zuschuss kommt, passiert nichts": what must come; "Der Antrag muss bis März raus": a
    # deadline, no removal
    r"|\bsolange\s+(?:\w+\s+)?kein\w*\b|\bbis\s+(?:\w+\s+){1,2}raus\b"
    # "die Schulen haben kein WLAN", "es gibt kein schnelles Internet": a lack to remedy, the goal
    r"|\b(?:haben|hat|gibt\s+es|gibts)\s+(?:noch\s+|immer\s+noch\s+|oft\s+)?kein\w*\s+(?:\w+\s+)?"
    r"(?:wlan|internet|glasfaser\w*|breitband\w*|netz|empfang|mobilfunk\w*|arzt|hausarzt|ärzt\w*)\b"
    # "…, aber nicht ganz so wichtig wie die Online-Dienste": a comparison (_COMPARE_BACKWARD)
    r"|\bnicht\s+(?:ganz\s+)?so\s+(?:wichtig|dringend)\s+wie\b"
    # "dass wir als Arbeitgeber nicht völlig von gestern wirken": not being behind is the goal
    r"|\bnicht\s+(?:\w+\s+)?(?:von\s+gestern|altmodisch|verstaubt|angestaubt|rückständig|abgehängt)"
    # "bei uns fährt abends kein Bus mehr": a lack to remedy
    r"|\b(?:fährt|fahren|fuhr|hält|halten)\s+(?:\w+\s+){0,2}kein\w*\s+(?:\w+\s+)?(?:bus\w*|zug|züge|bahn\w*)\b"
    # "dass der Bus nie kommt, wenn sie ihn brauchen": a lack to remedy
    r"|\b(?:bus\w*|zug|züge|bahn\w*)\s+(?:\w+\s+){0,2}(?:nie|nicht|kaum)\s+(?:kommt|kommen|fährt|fahren|hält)\b"
    # "dass man keinen Termin über die Homepage buchen kann": what one cannot do is the wish
    r"|\bkein\w*\s+(?:\w+\s+){0,6}?(?:buchen|beantragen|erledigen|bestellen|abrufen|bezahlen|einreichen|"
    r"anmelden|ummelden|abmelden)\s+(?:kann|können|konnte|lässt|lassen)\b"
    # "dass die Vereine endlich nicht mehr mit Excel-Listen arbeiten müssen": relief from a burden is the wish
    r"|\bnicht\s+(?:mehr|länger)\s+(?:\w+\s+){1,6}?(?:müssen|muss|müssten|müsste)(?=\s*(?:[,.;!]|$))"
    # "die Sachbearbeitung soll nicht mehr stundenlang Listen abgleichen": relief from a burden is the wish
    # (not "nicht mehr ständig neue Technik ausprobieren": a way of working, no lost time)
    r"|\bnicht\s+(?:mehr|länger)\s+(?:so\s+)?(?:stundenlang|tagelang|wochenlang|monatelang|ewig|händisch|"
    r"von\s+hand|doppelt)\b"
    # "wenn unsere Vereine nicht alles mit Zettel und Telefonkette organisieren müssten und …"
    r"|\bnicht\s+(?:alles|immer|ständig|jedes\s+mal|dauernd)\s+(?:\w+\s+){1,6}?(?:müssen|müssten|müsste)"
    r"(?=\s*(?:[,.;!]|$|und\b))"
)
# A negation of decline or of missing out states a goal ("dass das Vereinsleben nicht einschläft", "dass
# wir bei Förderaufrufen nicht zu spät dran sind"): it does not negate the goal in its clause.
_DECLINE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,5}?(?:zu\s+spät|verpass\w*|einschläf\w*|einschlaf\w*|(?:aus|weg)?stirbt|(?:aus|weg)?sterb\w*|"
    r"verschwind\w*|schließ\w*|zumach\w*|zugemacht|weggeh\w*|weggeht|abgehängt|verloren|verlier\w*|kaputt\w*|"
    r"untergeh\w*|pleite|verödet|veröd\w*|hinterher\w*|abgeh\w*|ärger|stehen\s+bleib\w*|stehenbleib\w*|verschlaf\w*|"
    r"reißen|reißt|gerissen|liegen(?:\s+(?:lass\w*|bleib\w*))?|liegenlass\w*|ungenutzt|verfall\w*|verfällt|"
    r"leer\s+aus(?:geh\w*|ging\w*|gegangen)|"
    # "dass die ärztliche Versorgung nicht wegbricht", "dass die Jugend nicht abhaut"
    r"wegbr(?:icht|echen|ach)|wegfall\w*|wegfällt|zusammenbr\w*|abhau\w*|abwander\w*|ausblut\w*|dichtmach\w*|"
    # "dass die Gewerbetreibenden in der Innenstadt nicht eingehen"
    r"eingeh\w*|eingehn)\b"
)
# A goal-free clause that dismisses what the clause before it named ("Von Tourismus reden alle, aber das
# ist bei uns kein Thema", "Innovation? Auch nicht vorrangig.", "… , die lassen wir weg").
_DISMISSAL_WORDS = re.compile(
    # "Glasfaser ausbauen …, aber das ist bei uns eigentlich durch"
    r"\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:durch|abgeschlossen)\s*$|"
    # "Aber KI-Experimente wie im Landkreis nebenan, nee danke, das ist nix für uns."
    r"^\W*(?:nee|nein|ne|nö)\s*,?\s*danke\W*$|"
    # "Beteiligungsportale hatten wir schon zweimal, hat keiner genutzt, also eher nicht."
    r"^\W*(?:also\s+|dann\s+|und\s+)?(?:eher|lieber|besser)\s+(?:nicht|weniger|nein)\W*$|"
    # "Andere Kommunen jagen jedem Förderprogramm hinterher, das machen wir bewusst nicht mehr"
    # "… war ein Flop, das machen wir nicht nochmal"
    r"^\W*(?:und\s+)?(?:das|dies)\s+(?:machen|tun)\s+wir\s+(?:\w+\s+){0,2}nicht"
    r"(?:\s+(?:mehr|nochmal|noch\s+(?:ein)?mal|wieder))?\W*$|"
    # "…, aber ein Ziel ist das nicht.", "…, konkret verfolgen wir das nicht."
    rf"^\W*(?:(?:aber|und|also|doch)\s+)?(?:ein\s+)?{_NOT_A_GOAL_BACK}\W*$|"
    r"^\W*(?:(?:aber|und|also|konkret)\s+)*verfolg\w*\s+wir\s+(?:das|es|dies|sie|ihn)\s+(?:\w+\s+){0,2}?nicht\W*$|"
    rf"\b(?:{_EGAL}|unwichtig\w*|irrelevant|nebensächlich\w*|nebensache|zweitrangig\w*|nachrangig\w*|"
    r"erledigt|"
    rf"{_DISMISSIVE_JUDGEMENTS}|abgehakt|spiel(?:t|en)\s+(?:\w+\s+){{0,3}}keine\s+rolle)\b"
)
# "Eine Beteiligung an Smart-City-Vorhaben wurde geprüft und verworfen": the clause's own goals are dismissed
# (only those: "Glasfaser und ein Chatbot, den haben wir verworfen" keeps the Glasfaser)
_DISMISSED_IN_CLAUSE = (
    r"\b(?:wurde|wurden|ist|sind)\s+(?:\w+\s+){0,2}?(?:geprüft\s+und\s+)?"
    r"(?:verworfen|abgelehnt|abgesagt|gekippt)\b"
    # "Online-Termine vertagt", "wird zurückgestellt": not wanted now
    r"|\b(?:vertagt|zurückgestellt|auf\s+eis\s+gelegt)\b"
    # "die Anträge kommen erst nächstes Jahr dran": later, not now
    r"|\b(?:kommt|kommen)\s+(?:\w+\s+)?erst\s+(?:nächstes|übernächstes|im\s+nächsten)\s+jahr\s+(?:dran|an\s+die\s+reihe)\b"
    # "Nummer 3 wäre das Glasfasernetz gewesen": it would have been, it is not
    r"|\bwäre\w*\s+(?:\w+\s+){1,4}gewesen\b"
)
_MEANS_NOT_GOAL = (
    r"\bkein\s+(?:eigenes\s+|echtes\s+)?ziel\b|\b(?:nur|bloß|lediglich)\s+(?:das|ein)\s+mittel\b"
    # "KI ist für uns nur ein Werkzeug", "…, aber das ist kein Selbstzweck"
    r"|\b(?:nur|bloß|lediglich)\s+(?:das|ein)\s+(?:werkzeug|hilfsmittel|instrument|tool|vehikel)\b"
    r"|\bkein\s+selbstzweck\b"
)
_REJECTION = re.compile(
    rf"\b(?:{_NOT_OURS})\b|"
    r"\b(?:interessier|brauch|reiz|juck|woll|kümmer)\w*\s+(?:\w+\s+){0,2}(?:nicht|nich|kaum|nix|nichts)\b"
    # not "brauchen nicht nur/mehr X" – but "das brauchen wir nicht mehr" at the end
    r"(?!\s+nur\b)(?!\s+mehr\s+\w)(?!\s+(?!mehr\b)\w+(?:\s+\w+)+)"
    # "Online-Bürgerbeteiligung hatten wir schon, hat keiner genutzt, das lassen wir."
    r"|\b(?:das|die|den)\s+lassen\s+wir(?:\s+(?:sein|bleiben|mal|lieber|jetzt))*\W*$"
    # "… als irgendwelche Vereinsplattformen – die will hier eh keiner."
    r"|^\W*(?:das|die|den|der)\s+(?:will|braucht|nutzt|nützt)\s+(?:hier\s+|bei\s+uns\s+)?(?:eh\s+|sowieso\s+|"
    r"ohnehin\s+|doch\s+)?(?:keiner|niemand|kein\s+mensch)\b"
    # "Die Vereine wünschen sich eine App, aber das sehen wir nicht als unsere Aufgabe."
    r"|\b(?:sehen|sehe)\s+(?:wir|ich)\s+(?:\w+\s+)?nicht\s+als\s+(?:unsere|meine|kommunale)\s+aufgabe\b"
    r"|\b(?:ist|sind)\s+nicht\s+(?:unsere|meine)\s+aufgabe\b"
    # "Den Mängelmelder haben wir schon seit 2021, der fällt raus."
    r"|^\W*(?:und\s+)?(?:der|die|das|den)\s+(?:fällt|fallen|fliegt|fliegen|kann|können|muss|soll)\s+"
    r"(?:\w+\s+)?raus\W*$"
    # "Glasfaser ist seit letztem Jahr fertig, also raus"
    r"|^\W*(?:also|dann|und|deshalb|daher)?\s*(?:bitte\s+)?(?:raus|weg)(?:\s+damit)?(?:\s+bitte)?\W*$"
    # "Wenn es dafür Geld gibt, schön, aber darum geht es uns nicht"
    r"|\b(?:darum|dabei|da)\s+geht\s+(?:es|s)\s+(?:uns|mir)\s+(?:\w+\s+)?nicht\W*$"
    r"|\b(?:streich\w*|weglassen|weg\s+lassen|lass\w*\s+(?:\w+\s+){0,3}(?:weg|raus)|rausnehm\w*|raus\s+nehmen|"
    r"nehm\w*\s+(?:\w+\s+){0,3}(?:raus|zurück))\b"
    # "…, die würde ich nicht mehr als Ziel nennen", "das würde ich hier nicht nennen"
    r"|\bnicht\s+(?:mehr\s+)?(?:\w+\s+){0,3}(?:nennen|zählen|angeben|aufführen|aufzählen)\b"
    # "Ehrenamt find ich gut, aber das gehört nicht zu Digitalisierung"
    r"|\bgehör\w*\s+(?:\w+\s+){0,3}nicht\s+(?:\w+\s+)?(?:zu|zur|zum|dazu|hierher)\b"
    # "der Zuzug kommt dann von allein" (split at "dann")
    r"|^\W*von\s+(?:allein|alleine|selbst)\W*$"
    # "…, das brauch ich nicht als Ziel", "…, das machen wir sowieso": no goal of the answer
    r"|\bnicht\s+als\s+(?:eigenes\s+|echtes\s+|extra\s+)?ziel\b"
    # "…, das ist aber kein Ziel an sich", "der Zuschuss ist aber nur das Mittel": a means, not a goal
    rf"|{_MEANS_NOT_GOAL}"
    r"|\b(?:machen|holen|tun|erledigen|kriegen|bekommen)\s+wir\s+(?:\w+\s+)?(?:eh|sowieso|ohnehin)\b"
)
_MORE_OF_THE_SAME = re.compile(
    r"\bals\s+(?:um\s+)?noch\s+(?:ein|eine|einen)\s+|\b(?:die|das|der|den)\s+(?:hundertste|tausendste|x-te|zigste)\w*\s+"
)
# A negation that is a removal verb around its object (it wraps the goal it strikes).
_WRAPS_A_GOAL = re.compile(_AROUND_THE_OBJECT)
# After "X auch": a lower rank, not a dismissal ("Innovation auch, aber nachrangig").
_LOWER_RANK = re.compile(
    # "…, finanziert über Förderprogramme – das Geld ist aber zweitrangig": the goal's own word may follow
    r"^\W*(?:aber\s+)?(?:(?:das|dies|die|es|der)\s+(?:\w+\s+)?(?:ist|sind|wäre|wären|kommt|kommen)\s+)?"
    r"(?:(?:klar|eher|erst|deutlich|eindeutig|schon|natürlich|dann|ganz|sehr|weit|aber|allerdings|doch|"
    # "Ein Bürgerportal steht auch drin, aber ausdrücklich nachrangig."
    r"ausdr(?:ü|u)cklich|explizit|bewusst)\s+)*"
    r"(?:nachrangig\w*|zweitrangig\w*|nachgeordnet\w*|weniger\s+(?:wichtig|dringend|eilig)|"
    # "Die Online-Dienste sind auch wichtig, aber nicht so dringend wie das."
    r"nicht\s+(?:ganz\s+)?so\s+(?:wichtig|dringend|eilig|drangend)(?:\s+wie\s+(?:das|dies|die|der|es)(?:\s+\w+)?)?|"
    r"nicht\s+vorrangig|mit\s+abstand)\W*$"
)
# "… , alles andere ist nicht so wichtig" dismisses the rest, not the clause before.
_OTHER_THINGS = re.compile(r"\b(?:alles\s+andere|rest|sonst\w*|andere\w*|übrige\w*)\b")
# The answer to a topic put as a question ("Online-Anträge? …") that leaves it out: done already, or
# another's wish the speaker does not share.
_ANSWERED_AWAY = re.compile(
    r"\W*(?:(?:haben|hat|gibt\s+es|gibt\s+s|läuft|laufen)\s+(?:wir\s+|man\s+)?(?:schon|bereits|längst)\b|"
    r"(?:will|wollen|möchte|möchten|wünscht|wünschen)\s+(?:der|die|das|unser\w*|mein\w*)\s+\w+\s*,?\s*"
    r"(?:ich|wir)\s+(?:aber\s+)?nicht\b)"
)
_STILL_WANTED = re.compile(r"\b(?:aber|mehr|weiter\w*|ausbauen|erweitern|noch\s+nicht)\b")


def _still_wanted(norm: str, start: int) -> bool:
    """ "Haben wir schon einige, aber es sollen mehr werden": the rest of the sentence still wants it."""
    end = _SENTENCE_END.search(norm, start)
    return bool(_STILL_WANTED.search(norm, start, end.start() if end else len(norm)))


_BARE_NO = re.compile(
    r"^\s*(?:auch\s+)?(?:nee|nein|nö|ne|nope|eher\s+nicht|nicht\s+wirklich|bloß\s+nicht|"
    # "Förderprogramme? Nein. Image? Auch nicht."
    r"(?<=auch\s)nicht|gar\s+nicht|überhaupt\s+nicht|"
    r"auf\s+keinen\s+fall|bitte\s+nicht)\s*$"
)
# Technology named as the helper, not as a goal ("da muss die Technik helfen", "die Software soll das lösen").
_MEANS_ONLY = re.compile(
    r"\b(?:technik|digitalisierung|software|computer|programme?|tools?|it|ki|maschinen?)\s+(?:\w+\s+){0,3}"
    r"(?:helfen|unterstützen|übernehmen|lösen|richten|ran)\b"
)
# A pronoun pointing back at the clause before ("…, deshalb kommt das zuerst").
_BACK_PRONOUN = re.compile(
    # not the article of "das Wichtigste für uns ist, dass …" (a lead-in to the part after it)
    r"\b(?:das|dies|dieses|diese)\b(?!\s+(?:aller)?(?:wichtigste|dringendste|erste)\b)"
    # "…, die gehören an die erste Stelle": a relative "die/der" only right before its verb
    r"|\b(?:die|der)\b(?=\s+(?:\w+\s+)?(?:gehör\w*|kommt|kommen|steht|stehen|soll\w*|muss|müssen|ist|sind)\b)"
)
# A sentence that states what the speaker wants (not only describes the municipality).
# A problem told is what should change: "wir lassen das Geld jedes Jahr liegen", "die Schulen haben kein
# WLAN", "uns fehlt ein Hausarzt"; a complaint told is what should end: "Die Eltern meckern, dass …"
_PROBLEM_TOLD = (
    r"lassen\s+(?:\w+\s+){0,4}liegen|liegen\s+lassen|(?:haben|hat|gibt\s+es|gibts)\s+(?:\w+\s+){0,2}kein\w*|"
    r"fehlt|fehlen|zugemacht|dichtgemacht|leer|leerstand\w*|stirbt|aussterb\w*|wegzieh\w*|ziehen\s+weg|ewig|"
    r"meckern|meckert|beschwer\w*|klagen|klagt|schimpf\w*|nörgel\w*"
)
# "Das Gesundheitsamt ist unser Sorgenkind", "Was wirklich drückt, ist das OZG, da hängen wir hinterher": what
# presses is what the answer wants dealt with, no background (no goal cue of its own: "Wir hängen digital
# hinterher" alone names no goal to look for)
_PRESSING = (
    r"\b(?:sorgenkind\w*|was\s+(?:\w+\s+)?drückt|(?:hängen|hängt|hinken|hinkt)\s+(?:\w+\s+){0,3}?hinterher"
    # "Die Fristen nach dem OZG haben wir gerissen, und die Aufsicht sitzt uns im Nacken"
    r"|(?:sitzt|sitzen)\s+uns\s+(?:\w+\s+)?im\s+nacken|brennt\s+(?:uns\s+)?unter\s+den\s+nägeln"
    r"|(?:frist|termin)\w*\s+(?:\w+\s+){0,8}?gerissen)\b"
)
_GOAL_CUE = re.compile(
    r"\b(?:ziel\w*|wollen|will|möchte\w*|wünsch\w*|wunsch|soll\w*|wichtig\w*|zählt|geht\s+(?:es|s)|geht\s+um|"
    r"brauch\w*|lieber|priorität\w*|prio|prios|anliegen|schwerpunkt\w*|fokus|wäre|wären|würde\w*|muss|müssen|"
    r"vorrang\w*|hauptsache|ändern|deswegen|deshalb|daher|darum|was\s+fehlt|"
    # "Was mich umtreibt, ist eigentlich, dass …", "Am Herzen liegt uns, dass …"
    # (not "Online-Anträge sind nett, aber nicht das, was uns umtreibt")
    r"(?<!nicht\sdas,\s)(?<!nicht\sdas\s)was\s+(?:mich|uns)\s+(?:\w+\s+)?(?:umtreibt|beschäftigt|bewegt)|"
    r"(?<!nicht\s)am\s+herzen|"
    # "Wir planen Pegelsensoren an Bächen, damit …": a plan
    r"(?:wir|ich)\s+planen|"
    # "Für dieses Jahr steht die Umstellung auf die E-Akte an": it is due
    r"steh(?:t|en)\s+(?:\w+\s+){1,6}an(?=\s*[,.;!?])|"
    # "Jede Schule ans Glasfasernetz bis 2028, das ist gesetzt."
    r"(?:ist|sind)\s+(?:\w+\s+)?gesetzt|steht\s+fest|beschlossene\s+sache|fest\s+eingeplant|"
    # "Der Kreistag hat ein Reallabor beschlossen, in dem wir …": a decision to carry out
    r"(?:hat|haben)\s+(?:\w+\s+){1,5}beschlossen|"
    # "Trotzdem ist der Wille da, neue Technologien auszuprobieren"
    r"wille|willen|willens|"
    # the passive of a wish: "Gewünscht wird eine bessere Vernetzung …", "Angestrebt wird …"
    r"gewünscht|angestrebt|beabsichtigt|"
    # a plan: "Ansonsten schauen wir, welche Förderprogramme wir anzapfen können", "Danach kümmern wir
    # uns um …"
    r"schauen\s+wir|wir\s+schauen|kümmern\s+wir\s+uns|"
    # an obligation told is the goal of meeting it: "Der digitale Bauantrag ist für uns Pflicht, das Land
    # schreibt es vor"
    r"pflicht|vorgeschrieben|schreib\w*\s+(?:\w+\s+){0,3}vor|"
    # "Hm, eher dass die Älteren noch zum Arzt kommen": a hedged wish
    r"(?:eher|vor\s+allem|am\s+ehesten|hauptsächlich)\s+dass|"
    # "In der Nachbarstadt gibt's so eine App für die Vereine – sowas hätten wir gern"
    r"hätte\w*\s+(?:wir|ich)\s+(?:\w+\s+){0,2}gerne?|"
    # "Im Kreistag gibt es eine Mehrheit dafür, …, und das sehe ich genauso": another's wish taken up
    r"(?:sehe|sehen)\s+(?:ich|wir)\s+(?:das\s+|es\s+)?(?:genauso|ganz\s+genauso|auch\s+so|ebenso)|"
    r"(?:stimme|stimmen)\s+(?:ich|wir)\s+(?:\w+\s+){0,2}zu|" + _PROBLEM_TOLD + r")\b"
)
_DESCRIBES = re.compile(
    fold_pattern(
        r"\b(?:ich|wir|ihr|er|es|man|ist|sind|hat|haben|hatte\w*|gibt|war|waren|wird|werden|liegt|liegen|"
        r"sitzt|sitzen|läuft|laufen|fehlt|fehlen|kommt|kommen|geht|gehen|steht|stehen|leben|lebt|wohnen|wohnt|"
        # an anecdote: "Gestern kam eine ältere Dame extra mit dem Bus ins Rathaus, …"
        r"kam|kamen|stand|standen|wollte|wollten|musste|mussten|fragte|fragten|rief|brachte)\b"
    )
)
_CONTEXT_MIN_WORDS = 6
# A wish that points back at the goals before it ("Die wollen wir digital besser einbinden").
# Not "Das muss doch anders gehen." after an anecdote: that says the situation must change.
_WISHED_BY_NEXT = re.compile(
    r"\s*(?:und\s+)?(?:die|diese|das|dies|sie|denen|den|dem)\s+(?:\w+\s+)?"
    # "Gab es so einen Punkt Bürgernähe? Den nehm ich."
    r"(?:wollen|will|möchten|möchte|sollen|soll|müssen|muss|wünschen|nehm\w*|wähl\w*)\b"
    r"(?!\s+(?:(?:doch|auch|echt|wirklich|einfach)\s+)*(?:anders|besser|einfacher|schneller)\s+(?:gehen|laufen)\b)"
)
# "Die Nachbargemeinde hat eine App für die Vereine. Das wäre bei uns auch super, und danach …": what another
# has, taken over as the speaker's wish (the next sentence may name more goals)
_ADOPTED_BY_NEXT = re.compile(
    r"\s*(?:und\s+)?(?:das|so\s+was|sowas|so\s+etwas|so\s+eine?n?)\s+(?:wäre|wär|hätten|bräuchten|brauchen|"
    r"wollen|möchten)\s+(?:\w+\s+){0,3}?(?:auch|ebenfalls)\b"
    # "Die Nachbarstadt hat 60 Online-Dienste, wir haben 4. Das wollen wir aufholen – …"
    r"|\s*(?:und\s+)?(?:das|da)\s+(?:wollen|möchten|müssen)\s+wir\s+(?:\w+\s+){0,2}?(?:aufholen|nachziehen|hin)\b"
)
# A next sentence that ranks this one's goals ("…, als Pilotkommune. Das ist sogar wichtiger als der Bus.") or
# names a later place ("Rufbus, Glasfaser, Telemedizin, weil wir keinen Arzt mehr haben. Und als Letztes …"):
# this sentence states goals, it is no description.
_RANKED_BY_NEXT = re.compile(
    r"\s*(?:(?:das|dies|dieses|es)\s+(?:ist|wäre)\s+(?:\w+\s+){0,3}?(?:wichtiger|dringender|vorrangig\w*)"
    r"|(?:und\s+)?(?:als\s+(?:zweit|dritt|letzt)\w*|zuletzt|zweitens|drittens|"
    r"an\s+(?:zweiter|dritter|letzter)))\b"
)
# A sentence that goes on with a ranking ("Zuerst X. Dann, dass die Sachbearbeitung zügiger wird.") states a
# goal; it is no description of the municipality.
_CONTINUES_RANKING = re.compile(
    r"\s*(?:und\s+)?(?:dann|danach|anschließend|außerdem|daneben|zudem|als\s+nächstes|zweitens|drittens|"
    r"an\s+zweiter|an\s+dritter)\b"
)
_FILLER_MAX_WORDS = 3  # a goal-free clause this short ("ganz wichtig") does not end the goal's reach
# "Das zweite ist eigentlich wichtiger", "das letzte gehört nach vorne" (normalised text)
# "Punkt 2 ist laut Bürgermeisterin wichtiger" points at an item of a list the same way
_PLACE_NAMED = (
    r"\b(?:(?:das|der|die)\s+(?=erst|zweit|dritt|letzt|mittler)|(?:punkt|nummer|nr)\s?\.?\s?(?=[123]\b|eins\b|zwei\b|"
    r"drei\b))(erste|zweite|dritte|letzte|mittlere|1|2|3|eins|zwei|drei)\w*\s+(?:ziel\s+)?"
)
# also with the verb last ("…, wobei das zweite eigentlich wichtiger ist")
_PLACE_MORE_IMPORTANT = (
    # "Das Zweite ist uns ehrlich gesagt wichtiger"
    r"(?:(?:ist|ware|wird)\s+(?:\w+\s+){0,3}(?:wichtiger|dringender)|(?:\w+\s+){0,2}(?:wichtiger|dringender)\s+"
    r"(?:ist|ware|wird)"
    # "Das Erste ist mit Abstand das Wichtigste"
    r"|(?:ist|ware)\s+(?:\w+\s+){0,3}(?:das\s+(?:aller)?wichtigste|am\s+(?:aller)?wichtigsten)"
    r"|(?:\w+\s+){0,2}(?:das\s+(?:aller)?wichtigste|am\s+(?:aller)?wichtigsten)\s+(?:ist|ware))"
)
_PLACE_AHEAD = re.compile(
    rf"{_PLACE_NAMED}"
    # "das letzte gehört nach vorne", "Das Letzte bitte nach vorne", "das dritte nach ganz vorne"
    rf"(?:{_PLACE_MORE_IMPORTANT}|(?:(?:gehort|kommt|muss|soll|bitte)\s+)?(?:\w+\s+){{0,2}}"
    # "Moment, das Zweite zuerst", "das Dritte nach oben"
    r"(?:nach\s+(?:ganz\s+)?(?:vorne?|oben)|zurst|an\s+die\s+spitze))\b"  # zurst: folded "zuerst"
    # "Wichtiger ist aber das Zweite."
    r"|\b(?:wichtiger|dringender)\s+(?:ist|ware)\s+(?:\w+\s+){0,3}(?:das|der|die)\s+(erste|zweite|dritte|letzte)\w*\b"
)
# "nee, doch nur die ersten zwei", "nur das erste"; "das letzte bitte streichen", "streichen Sie das dritte"
_PLACES_KEPT = re.compile(
    r"\bnur\s+(?:noch\s+)?(?:die\s+)?(?:ersten|obersten|vorderen|top)\s+(zwei|beiden|2)\b"
    r"|\bnur\s+(?:noch\s+)?(?:das\s+)?(erste|oberste)\b(?!\s+und)"
    # "Also eigentlich nur das Zweite."
    r"|\bnur\s+(?:noch\s+)?das\s+(zweite|dritte|letzte)\b(?!\s+und)"
)
_PLACE_STRUCK = re.compile(
    # "das dritte stimmt nicht, eher …", "das zweite passt nicht"
    rf"{_PLACE_NAMED}(?:\w+\s+){{0,2}}(?:streich\w*|raus|weg|weglassen|rausnehmen|entfernen|"
    r"(?:stimmt|passt)\s+(?:so\s+)?nicht|"
    # "das zweite ersetzen durch: neue Technologien erproben"
    r"(?:ersetz\w*|austausch\w*)(?=\s*(?:durch|gegen|mit)\b))\b"
    r"|\b(?:streich\w*|entfern\w*|nehm\w*\s+sie)\s+(?:sie\s+)?(?:bitte\s+)?(?:das|die|den)\s+"
    r"(erste|zweite|dritte|letzte)\w*\b(?!\s+\w+\s+(?:rein|dazu))"
    # "Nummer 3 raus, dafür Tourismus", "Platz zwei bitte streichen"
    r"|\b(?:nummer|nr|platz|punkt)\s?\.?\s?(1|2|3|eins|zwei|drei)\s+(?:bitte\s+)?"
    r"(?:streich\w*|raus|weg|weglassen|rausnehmen|entfernen)\b"
    # "Punkt (3) wurde vom Rat gestrichen" (the parentheses are gone after normalise)
    # "Priorität 2 wird gestrichen und ersetzt durch …"
    r"|\b(?:nummer|nr|platz|punkt|prioritat|prio)\s?\.?\s?(1|2|3|eins|zwei|drei)\s+(?:wurde|wird|ist|sind|wurden)\s+"
    r"(?:\w+\s+){0,3}?(?:gestrichen|rausgenommen|rausgeflogen|entfernt)\b"
    # "Die 3 bitte raus" (a digit: "die zwei raus" may mean both of them)
    r"|\b(?:die|den|das)\s+(1|2|3)\s+(?:bitte\s+)?(?:streich\w*|raus|weg|weglassen|rausnehmen|entfernen)\b"
)
_IN_ITS_PLACE = re.compile(r"\b(?:dafur|stattdessen|statt\s+dessen|sondern|lieber|doch\s+eher)\b")
# "das zweite ersetzen durch …": the new goal takes the struck one's place
_REPLACED_BY = re.compile(r"\s*(?:durch|gegen|mit)\b")
_POINTS_BEFORE = re.compile(
    r"^\s*(?:und\s+)?(?:das|die|der|dies\w*)\s+(?:\w+\s+){0,2}vor\s+(?:der|die|dem|den)\b"
)
_LOWER_RANK_AHEAD = re.compile(r"nachrangig\w*|zweitrangig\w*|nachgeordnet\w*")
# "Daneben auch die Sportclubs …": "auch" right before the goal (an article between)
_ALSO_BEFORE = re.compile(
    # "Vielleicht auch mal einen Chatbot ausprobieren, aber das ist zweitrangig."
    r"\bauch\s+(?:mal\s+)?(?:(?:die|der|das|den|dem|ein|eine|einen|einem|unsere\w*)\s+)?$"
    # "Danach Online-Dienste, aber das ist klar zweitrangig": the next goal, ranked low – not dismissed
    r"|^\W*(?:\w+\W+){0,2}(?:noch|ausserdem|zusatzlich|daneben|danach)\b"
)
_EXAMPLE = re.compile(
    # "…, Stichwort E-Rechnung und weniger Papier": the catchword is an example of the goal before it
    r"^\W*(?:zum\s+beispiel|z\s*b|beispielsweise|etwa|wie\s+etwa|stichworte?|"
    # "…, von der Ummeldung bis zur Gewerbeanzeige": the range of what the goal covers
    r"(?:von|vom)\s+(?:der\s+|dem\s+|den\s+)?\w+\s+bis\s+(?:zur|zum|zu|hin\s+zu))\b"
)
_PURPOSE_CLAUSE = re.compile(r"^\s*(?:damit|um|weil|sodass|so\s+dass)\b")
# "Die Außenwirkung, also wie die Bürger das Rathaus erleben, ist Sache des Hauptamts": an explanation of
# the goal just named keeps it in reach of what is said about it next.
_EXPLAINS = re.compile(
    r"^\s*(?:also|sprich|das\s+heißt|heißt|d\s+h|gemeint\s+ist|im\s+sinne|"
    # "Bürgerbeteiligung hatten wir probiert, da hat kein Mensch mitgemacht, das lassen wir": how it went
    r"da\s+(?:hat|haben|war|waren|kam|kamen|wollte|wollten))\b"
)
# "Solange kein Zuschuss kommt, passiert bei uns gar nichts – deshalb steht das ganz oben": what follows
# without the goal; a later rank word still reaches the goal.
_NOTHING_WITHOUT_IT = re.compile(
    r"^\s*(?:sonst\s+|dann\s+)?(?:passiert|geht|läuft|klappt|bewegt\s+sich|wird\s+das)\s+(?:\w+\s+){0,3}"
    r"(?:nichts|nix)\b"
)
_ALL_OF_THEM = re.compile(r"\b(?:alles|beides|beide|die\s+beiden|alle\s+(?:drei|beide|zwei))\b")
# The speaker introducing their role ("Ich bin Sachbearbeiterin im Bürgerbüro", "als Bürgermeisterin
# einer Tourismusgemeinde"): goal words in that part say who speaks, not what they want.
_ROLE = re.compile(
    r"^\s*(?:\w+\s+)?(?:ich\s+(?:bin|arbeite|leite|sitze)\b(?!\s+(?:für|dafür|gegen|der\s+meinung|"
    r"überzeugt|sicher|froh|stolz|mir))|als\s+(?:\w+\s+){0,3}?\w*(?:meister|leiter|vorsteher|kämmer|pfleger|"
    r"beauftragt|referent|sachbearbeiter|mitarbeiter|chef|dezernent|förderer)\w*\b"
    # "wir sind eine Tourismusgemeinde und leben von den Gästen": what the municipality is
    r"|wir\s+sind\s+(?:eine?|so\s+eine?)\s+\w*(?:gemeinde|stadt|kommune|dorf|kurort)\b"
    # "Schulverwaltung hier.": who writes
    r"|\w+\s+hier\s*$"
    # "Ich mache die Wirtschaftsförderung.": the speaker's job, a sentence of its own
    r"|ich\s+(?:mache|betreue|verantworte|mach)\s+(?:hier\s+|bei\s+uns\s+)?(?:die|den|das)\s+\w+\s*$"
    # "Die Stadt lebt vom Tourismus und von den kleinen Läden.": what the place lives on, its portrait
    r"|(?:die\s+|unsere\s+)?(?:stadt|gemeinde|region|insel|kommune|ort)\s+(?:lebt|leben)\s+(?:\w+\s+){0,2}?(?:vom|von)\s"
    r"[^,;]*$"
    # "Aus Sicht des Bürgerbüros: …": whose view, as a heading
    r"|aus\s+(?:der\s+)?sicht\s+(?:des|der|vom|von\s+der|unseres|unserer|meines|meiner)\s+(?:\w+\s+){0,2}?\w+\s*$"
    # "Bürgerbüro einer Mittelstadt in Ostfriesland: …": an office and where it is, as a heading
    r"|\w*(?:amt|büro|verwaltung|kämmerei|referat|dezernat|abteilung|stelle|fachbereich|leitung)\s+"
    r"(?:einer|eines|der|des)\s+(?:\w+\s+)?\w*(?:gemeinde|stadt|kommune|kreis\w*|dorf\w*|markt\w*)"
    r"(?:\s+(?:in|im|an\s+der|am)\s+\w+(?:\s+\w+)?)?\s*$)"
)
_VERB_THEN_SPEAKER = re.compile(r"\s\w+\s+(?:ich|wir)\b")
_INSTEAD = re.compile(r"\b(?:statt|anstatt|anstelle|an\s+stelle)\b")
_PREFERRED = re.compile(r"\b(?:lieber|eher|besser|vielmehr|sollten\s+wir|wollen\s+wir)\b")
_COMPARE_FORWARD = re.compile(
    r"\b(?:wichtiger|bedeutender|relevanter|vorrangiger|dringender|drängender|eher|lieber|mehr|stärker)\b"
    r".*?\b(als)\b"
    r"|\b(?:geht|kommt|steht|rangiert|vorrang|muss|soll|gehört|gehören)\w*\s+(?:\w+\s+){0,2}(vor)\b(?!\s+allem)"
    # "Das Terminbuchungstool bitte vor das DMS setzen"
    r"|\b(vor)\s+(?:das|die|den|dem)\s+(?:\w+\s+)?\w+\s+(?:setzen|stellen|ziehen|schieben|rücken|packen)\b"
)
# The clause goes on with the goal before as its subject: "Bürgernähe ist wichtig, aber nicht ganz so wichtig
# wie …", "Effizienz, aber weniger wichtig als …" (not "…, aber wichtiger als das ist X": X is the subject).
_OPENS_WITH_COMPARISON = re.compile(
    r"\W*(?:aber|jedoch|doch|wobei|und)?\s*(?:\w+\s+){0,2}?(?:nicht\s+(?:ganz\s+)?so\s+wichtig\s+wie|"
    r"weniger\s+wichtig\s+als)\b"
)
_COMPARE_BACKWARD = re.compile(
    r"\b(?:weniger\s+(?:wichtig|dringend|drängend)|unwichtiger|nachrangig\w*|nachgeordnet\w*|zweitrangig\w*|"
    r"nicht\s+(?:ganz\s+)?so\s+wichtig)\b"
    r".*?\b(als|wie|gegenüber)\b|\b(?:kommt|kommen|steht|stehen|rangiert)\s+(?:\w+\s+){0,2}(nach|hinter)\b"
    # "Neues ausprobieren – das kommt erst, wenn die Anträge online gehen": what must come first follows
    r"|\b(?:kommt|kommen)\s+(?:\w+\s+){0,2}?erst\s+(wenn|sobald|nachdem)\b"
    # "Fördermittel hinter Effizienz": a bare "hinter" between two goals
    r"|\b(hinter)\b"
)
# The message before gave someone else's view: "Das eben war die Meinung meines Kollegen. Ich selbst sehe das
# anders: …", "Meine eigene Sicht: …", "Sorry, das war die Antwort vom Stadtmarketing. Vergessen Sie das, …":
# the new message replaces it.
_DISOWNS_PREVIOUS = (
    r"\b(?:das|dies)\s+(?:eben|gerade|vorhin|oben)\s+war\s+(?:nur\s+)?(?:die|seine|ihre)\s+"
    r"(?:meinung|sicht|ansicht|einschätzung)\b|\bich\s+selbst\s+sehe\s+das\s+anders\b"
    r"|\bmeine\s+(?:eigene|persönliche)\w*\s+(?:sicht|meinung|einschätzung|ansicht)\b"
    r"|\bdas\s+war\s+(?:die|eine)\s+antwort\s+(?:vom|von|des|der|meines|meiner)\b"
    # not "vergessen Sie das mit der Effizienz": one goal struck
    r"|\bvergessen\s+sie\s+(?:das|die\s+(?:letzte|erste|vorige|vorherige)\w*\s+(?:antwort|nachricht))"
    r"(?=\s*[,.;:!–-]|\s*$)"
)
# "ne, alles zurück. Nur das OZG, sonst nichts": the ranking started again (a correction; restarts_the_list)
_RESTART_WORDS = r"\balles\s+(?:wieder\s+)?(?:zurück|auf\s+anfang|nochmal\s+neu)\b"
_CORRECTION = re.compile(
    r"\b(?:korrektur|korrigier\w*|ich meinte|meinte ich|gemeint war|nein,?\s+(?:lieber|eher|doch)|"
    # (reversals – "umgekehrt", "andersrum", "von unten nach oben", "Dreh das um" – come from _SWAP below)
    r"doch\s+(?:lieber|eher|nicht)|stattdessen|statt dessen|"
    r"andere\w* reihenfolge|reihenfolge|falsch|ändern|änderung|"
    r"nicht richtig|stimmt nicht|richtig ist|neu festlegen|von vorn\w*|streich\w*|weglassen|rausnehmen|"
    # "die Pflege lassen wir weg"
    r"lass\w*\s+(?:\w+\s+){0,2}weg|"
    r"wieder raus|raus damit|vertan|gehört\w*\s+(?:\w+\s+)?(?:nach vorne?|nach oben|an die \w+ stelle|"
    r"an die spitze|nach hinten)|(?:vorne?|oben)\s+steh\w*|ersetz\w*|austausch\w*|"
    r"ganz\s+nach\s+vorne?|nehm\w*\s+(?:\w+\s+){0,3}(?:raus|zurück)|(?:ver)?tausch\w*)\b"
    r"|\bstatt\b.*\blieber\b"
    # "ne, alles zurück. Nur das OZG, sonst nichts": the list started again
    rf"|{_RESTART_WORDS}"
    # "Vergessen Sie das mit der Pilotkommune", "Das mit dem Pilotprojekt brauchen wir doch nicht"
    r"|\bvergessen\s+sie\s+(?:bitte\s+)?(?:das|den|die)\b"
    r"|^\W*(?:das|die|den)\s+mit\s+(?:\w+\s+){1,4}(?:brauchen|lassen|machen)\s+wir\s+(?:doch\s+)?(?:nicht|weg|sein)\b"
    rf"|{_DISOWNS_PREVIOUS}"
    # "Nein warte, Innovation raus, Zivilgesellschaft rein"
    r"|^[^\w]*(?:(?:nein|nee|ne|ach)[^\w]+)?warte?\b|\braus\b.*\b(?:rein|hinein|dazu)\b"
    # "Innovation raus", "Fördermittel komplett raus."; "nur Bürgernähe und Attraktivität"
    r"|\braus(?=\s*[,.;!]|\s*$)|^[^\w]*(?:also\s+|doch\s+|bitte\s+|dann\s+)?nur\s+"
    rf"|{_PLACE_NAMED}{_PLACE_MORE_IMPORTANT}|{_PLACES_KEPT.pattern}|{_PLACE_STRUCK.pattern}"
)
# The conclusion of minutes ("Fazit:", "Ergebnis der Runde:", "Beschluss:"): a self-correction marker whose
# part after it is the ranking (_apply_self_correction).
_CONCLUSION_WORDS = (
    r"(?:(?:fazit|ergebniss?|beschluss)(?:\s+(?:der|des|vom)\s+\w+)?|"
    # "…, wir als VG müssen das OZG stemmen. Für Ihre Frage: erst OZG, dann die Vereine."
    r"(?:für|fur)\s+ihre\s+(?:frage|umfrage|zwecke)|unterm\s+strich)"
)
# Self-correction inside one answer: the part after the last marker edits the ranking said before it
# (edit_ranking: "…, ich meine Wirtschaft und Ehrenamt" replaces, "Korrektur: Fördermittel zuerst"
# moves one goal).
_SELF_CORRECTION = re.compile(
    # "Ach ja, und Wirtschaft" only adds; "im Moment" is a time, "Moment, …" an interruption.
    # "Ach, und das Ehrenamt" only adds, like "Ach ja, und …"
    r"\b(?:ich meine|ich meinte|meinte ich|korrektur|korrigier\w*|besser gesagt|nein|nee|"
    r"ach(?!\s+ja\b)(?!\s*,?\s*und\b)|"
    # "Innovation, Wirtschaft, also eigentlich nur Wirtschaft"
    r"(?<!sonst\s)(?:also\s+)?eigentlich(?=\s+nur\b)|also(?=\s+nur\b)|"
    r"quatsch|(?<!im\s)moment(?=\s*[,!:.])|"
    r"stimmt nicht|(?:ich\s+)?hab\w*\s+mich\s+vertan|wobei|pardon|sorry|"
    # "nein warte, …", not the split compound "die kassen warte und schriftführer"
    r"warte(?=\s*[,!:.;])|"
    # "… ich persönlich würde Bürgernähe nehmen. Schreiben Sie Bürgernähe.": the final choice
    r"(?:schreiben|nehmen|notieren|tragen)\s+sie|"
    # "Entweder Online-Anträge oder die Schulen – ich nehme die Schulen.", "Na gut, dann doch …"
    # (not "und ganz am Ende dann doch ein kleines KI-Pilotprojekt": after all, too)
    r"ich\s+nehm\w*|ich\s+bleib\w*\s+(?:bei|beim)|ich\s+entscheide\s+mich|(?:na\s+gut|naja|ok|okay)\s*,?\s+dann\s+doch|"
    r"oder\s+(?:eher|doch|lieber|besser)|lieber\s+doch|doch\s+lieber|"
    r"wenn\s+ich\s*(?:es|s)?\s+mir\s+(?:\w+\s+)?überlege|genau\s+genommen|bei\s+näherer\s+betrachtung)\b"
    # "Halt, umgekehrt" – not the filler in "und dann halt Glasfaser".
    r"|(?:^|(?<=[.!?,;]\s))halt\b(?=\s*[,!:.])"
    # "…, intern meine ich: …" clarifies; "Effizienz, meine ich, und Bürgernähe" only adds.
    r"|\bmeine ich\b(?!\s*,?\s*(?:und|sowie|oder|auch)\b)"
    # minutes: "Kämmerei: …; Bürgeramt: …. Fazit: …" – what the round concluded stands
    rf"|\b{_CONCLUSION_WORDS}(?=\s*:)"
)
# "Wobei, Bürgernähe ist eigentlich noch wichtiger." – more important than all goals named before it.
_MORE_IMPORTANT_ALONE = re.compile(
    # "… wobei die Innovation klar vorgeht" – not "Schritt für Schritt vorgehen"
    r"\bwichtiger\b(?!.*\bals\b)|\bvorgeht\b|\b(?:soll|sollte|muss)\s+(?:\w+\s+)?vorgehen\b|"
    r"\bgeht\s+(?:\w+\s+){0,2}vor\b|\bvorrang\b|\bhat\s+(?:\w+\s+)?vorrang|"
    # "Effizienz und Fördermittel auch, aber das Wichtigste ist, dass …"
    r"\b(?:das\s+)?wichtigste\s+(?:ist|ware|bleibt)\b|\bam\s+wichtigsten\s+(?:ist|ware)\b"
)
# After "aber": "Tourismus ja, aber der Einzelhandel mehr", "…, aber mehr noch die Vereine" – the clause's
# goal before the goals named so far (not "aber Papier brauchen wir nicht mehr").
_MORE_AFTER_BUT = re.compile(
    r"^(?:[^.!?]*\s)?(?:noch\s+|umso\s+|viel\s+)?(?<!nicht\s)(?<!immer\s)(?<!nie\s)mehr\W*$|^mehr\s+noch\b"
)
_ENDS_WITH_BUT = re.compile(r"\baber\W*$")
# A later message that adds one goal and says where it belongs by pointing back at it ("…, als
# Pilotkommune. Das ist sogar wichtiger als der Bus", "…, das ist eigentlich sogar das Wichtigste von
# allen"): before the goal compared with, or first. On the normalised text.
# "Ja, und eigentlich noch wichtiger als …": the words before the comparison that opens a message
# "Ja, und eigentlich …", "Ach, und noch …"
_LEAD_IN_TO_A_COMPARISON = r"^\W*(?:(?:ja|und|aber|ach|oh|ok|okay|also)\W+)*(?:\w+\s+){0,2}"
_ADDED_GOAL_AHEAD = re.compile(
    r"(?:\b(?:das|dies|es)\s+(?:ist|ware)\b(?:\W+\w+){0,7}?\W+"
    # "Ja, und eigentlich noch wichtiger als die Händler: dass wir …" (the added goal after the colon)
    r"|" + _LEAD_IN_TO_A_COMPARISON + r"(?=wichtiger\s+als\b[^:.!?]*:))"
    r"(?:(?:das\s+)?wichtigste|am\s+wichtigsten|(?P<than>wichtiger\s+als)\b)"
)
# On the normalised text (umlauts folded: "wäre" -> "ware").
# "…, aber noch wichtiger ist, dass …" standing alone: the next clause's goal goes before the others.
_LATTER_MORE_IMPORTANT = re.compile(
    r"\W*(?:und\s+)?(?:wobei\s+)?(?:(?:mir|uns)\s+)?(?:letzteres|letztere|letzterem|letzterer|das\s+letztere|"
    r"das\s+letzte)\s+(?:(?:ist|ware)\s+(?:\w+\s+){0,4}wichtiger|(?:\w+\s+){0,3}vorgeht|hat\s+(?:\w+\s+)?vorr?ang"
    # "wobei mir Letzteres ehrlich gesagt wichtiger ist"
    r"|(?:\w+\s+){0,3}wichtiger\s+(?:ist|ware)"
    # "Glasfaser und die Vereine: Letzteres zuerst.", "… aber Letzteres steht an erster Stelle" (folded:
    # "zurst")
    r"|(?:(?:kommt|steht|bitte)\s+)?(?:zurst|zunachst|vorne?|an\s+erster\s+stelle|ganz\s+oben)"
    # "wobei letzterer der Vorrang eingeräumt wird"
    r"|(?:\w+\s+)?vorrang\s+(?:\w+\s+)?(?:eingeraumt|gegeben)\w*)\b"
)
_NOT_WANTED_AHEAD = re.compile(
    r"^\W*(?:was|das)\s+(?:uns|mir)\s+(?:\w+\s+)?(?:nicht|kaum|am\s+wenigsten)\s+(?:so\s+)?wichtig\s+(?:ist|sind)\s*$"
    # "Was wir nicht wollen: …", "Nicht: noch ein Portal, das keiner nutzt."
    r"|^\W*was\s+wir\s+(?:\w+\s+)?(?:nicht|keinesfalls|auf\s+keinen\s+fall)\s+(?:wollen|brauchen|wunschen|mochten)\s*$"
    r"|^\W*nicht\s*$"
)
# "Bei uns geht es nicht darum, Personal einzusparen – …": what follows the comma is not wanted
_NOT_ABOUT_AHEAD = re.compile(
    r"^\W*(?:bei\s+uns\s+|uns\s+)?geht\s+es\s+(?:uns\s+)?(?:\w+\s+)?nicht\s+darum\s*$"
)
_BUT_INSTEAD = re.compile(r"\bsondern\b")
_MORE_IMPORTANT_AHEAD = re.compile(
    # "…, aber noch wichtiger ist, dass …"; "Wichtiger als das ist aber, dass …", "Wichtiger ist mir aber, …"
    r"(?:^\W*|\b(?:noch|viel|weit|deutlich)\s+)wichtiger\s+(?:als\s+(?:das|dies|alles|all\s+das)\s+)?"
    # "Noch wichtiger ist uns im Team aber, dass …": who finds it more important, in a few words
    r"(?:ist|sind|ware)(?:\s+(?:aber|jedoch|doch|mir|uns|allen|allerdings|eigentlich|hier|im\s+\w+|"
    r"in\s+der\s+\w+|bei\s+uns))*\s*$"
    # "…, und, wichtiger noch, die Barrierefreiheitsvorgaben einhalten"
    r"|\bwichtiger\s+noch\W*$"
    # "Als noch wichtiger wird allerdings eingestuft, dass …"
    r"|\b(?:als\s+)?(?:noch|viel|weit|deutlich)\s+wichtiger\s+(?:wird|werden)\s+(?:\w+\s+){0,2}"
    r"(?:eingestuft|angesehen|gesehen|bewertet|erachtet)\s*$"
    # "Wobei – ehrlich gesagt ist noch wichtiger, dass …"
    r"|\b(?:ist|ware)\s+(?:uns\s+|mir\s+|aber\s+|eigentlich\s+)*(?:noch|viel|weit|deutlich)\s+wichtiger\s*$"
    # "Ach, und eigentlich noch wichtiger: dass wir die OZG-Fristen schaffen"
    r"|^\W*(?:(?:ach|und|aber|ja|oh)\W+)*(?:eigentlich\s+|ehrlich\s+gesagt\s+)?(?:noch|viel|weit|deutlich)\s+"
    r"wichtiger\s*$"
)
_MORE_IMPORTANT_THAN_BEFORE_COLON = re.compile(_LEAD_IN_TO_A_COMPARISON + r"wichtiger\s+als\b")
_BEHIND_WHAT_FOLLOWS = re.compile(
    r"\b(?:kommt|kommen|steht|stehen|rangiert|rangieren|liegt|liegen)\s+(?:\w+\s+){0,3}(?:hinter|nach)\s+"
    r"(?:dem|das|den)\s*$"
)
# "…, und beides nach der Bürgernähe": the goal of this clause before all named so far.
_ALL_AFTER_IT = re.compile(
    r"^\W*(?:und\s+)?(?:beides|beide|die\s+beiden|alles|das\s+alles)\s+(?:\w+\s+)?(?:nach|hinter)\b"
)
_PREPOSITION_NEXT = re.compile(
    r"\s+(?:uber|bei|beim|mit|durch|in|im|von|vom|fur|auf|an|am|aus|nach|unter|zu|zum|zur)\b"
)
_ADVERB_MARKER = re.compile(r"vor\s+allem|hauptsachlich|in\s+erster\s+linie|vorrangig|primar")
_SPECIFIES = re.compile(r"^\s*(?:vor\s+allem|insbesondere|besonders|gerade|speziell|v\s*a)\b")
# "…, dann kommt die Daseinsvorsorge, Breitband vor allem": the same narrowing after the word
_SPECIFIES_AFTER = re.compile(r"\b(?:vor\s+allem|insbesondere|besonders)\W*$")
_IN_BETWEEN = re.compile(r"\bdazwischen\b")
_LESS_IMPORTANT = re.compile(
    r"\b(?:weniger\s+wichtig|nachrangig\w*|nachgeordnet\w*|zweitrangig\w*|unwichtiger)\b"
)
# "…, das ist für uns kein Ziel": a plain dismissal reaches back over goal-free clauses of its sentence.
_DISMISSES_ACROSS = re.compile(
    r"\bkein\w*\s+(?:ziel|thema)\b|\bnicht\s+(?:so\s+)?wichtig\b|\bbrauch\w*\s+wir\s+nicht\b|"
    # "Fördermittel nehmen wir halt mit, wenn's welche gibt, aber ein Ziel ist das nicht."
    rf"\b{_NOT_A_GOAL_BACK}\b"
)
# "Das ist sogar das Wichtigste." closing an answer: about the goal named last.
_RANKS_THE_LAST_GOAL = re.compile(
    r"^\W*(?:(?:und|also)\s+)?(?:das|dies|dieses)\s+(?:ist|ware|kommt|steht|gehort|hat)\b"
    # "Also das zuerst."
    r"|^\W*(?:(?:und|also)\s+)?(?:das|dies|dieses)\s+(?:bitte\s+)?(?:zue?rst|zuallere?rst|als\s+erstes)\W*$"
    # "Die Leitung misst der Erfüllung der Pflichten aus dem E-Government-Gesetz höchste Priorität bei.":
    # the marker's verb ends the sentence, so it ranks what was named before it
    r"|^\W*(?:\w+\s+){0,2}(?:hochste\w*|oberste\w*|absolute\w*|grosste\w*)\s+(?:prioritat|prio|vorrang)"
    r"\s+(?:bei|ein|zu)\W*$"
)
_THEN_FOLLOWS = re.compile(r"\W*(?:danach|dann|als\s+zweites|an\s+zweiter\s+stelle)\b")
# "…, aber vorher kommt Effizienz": before the goals named so far.
_BEFORE_THAT = re.compile(r"\b(?:vorher|davor|zuvor)\b")
_SWAP = re.compile(
    r"\b(?:umgekehrt\w*|anders\s?(?:rum|herum)|vertauscht|tauschen|vertauschen|tauscht|tausch|tausche|"
    r"reihenfolge\s+(?:\w+\s+)?(?:umdreh\w*|umkehr\w*|drehen)|von\s+unten\s+nach\s+oben|"
    # "Dreh das bitte um.", "Drehen Sie die beiden um", "die zwei umdrehen"
    r"dreh\w*\s+(?:sie\s+)?(?:das|die|es|beide|die\s+beiden|die\s+zwei|die\s+reihenfolge)\s+(?:\w+\s+)?um|"
    r"(?:das|die\s+beiden|die\s+zwei|beide)\s+(?:\w+\s+)?umdrehen)\b"
)
# "Tausch mal Platz eins und drei", "die erste und die dritte Stelle vertauschen": two places swapped.
_SWAP_WORD = re.compile(r"\b(?:ver)?tausch\w*")
_PLACE_WORD = r"(?:eins|1|erst\w*|zwei|2|zweit\w*|mittler\w*|drei|3|dritt\w*)"
_PLACE_PAIR = re.compile(
    rf"\b(?:(?:platz|stelle|position|nummer)\s+)?(?:die\s+|den\s+)?({_PLACE_WORD})(?:\s+(?:platz|stelle|position))?"
    rf"\s+(?:und|mit|gegen)\s+(?:(?:platz|stelle|position|nummer)\s+|die\s+|den\s+)?({_PLACE_WORD})\b"
)

# also "Tausch die beiden." (two goals named)
_FIRST_TWO = re.compile(
    r"\b(?:die\s+)?(?:ersten|obersten|beiden\s+ersten)(?:\s+(?:beiden|zwei|2))?\b|\bdie\s+beiden\W*$"
)


def names_a_place(text: str) -> bool:
    """True if the text gives something a place in the ranking ("an die erste Stelle", "ans Ende", "als
    drittes")."""
    norm = normalise(text)
    return any(pattern.search(norm) for pattern in _COMPILED_PLACES)


def edits_places(text: str) -> bool:
    """True for a correction that names places, not goals: "Tausch Platz eins und drei", "nur die ersten
    zwei", "das letzte streichen"."""
    return _edits_places(normalise(text))


def _edits_places(norm: str) -> bool:
    return _swapped_places(norm) is not None or bool(
        _PLACES_KEPT.search(norm) or _PLACE_STRUCK.search(norm) or _PLACE_AHEAD.search(norm)
    )


_RESTART = re.compile(fold_pattern(_RESTART_WORDS))


def restarts_the_list(text: str) -> bool:
    """True for a message that starts the ranking again ("ne, alles zurück. Nur das OZG")."""
    return bool(_RESTART.search(normalise(text)))


def reverses_the_list(text: str) -> bool:
    """True for a message that reverses the ranking ("umgekehrt", "Dreh das bitte um")."""
    return bool(_SWAP.search(normalise(text)))


def leads_with_place_edit(text: str) -> bool:
    """True if the message opens with a correction that names places ("Punkt 2 streichen, das macht der
    Landkreis schon."): what follows is its reason, no answer of its own."""
    norm = normalise(text)
    first = _SENTENCE_END.search(norm)
    head = norm[: first.start() if first else len(norm)].split(",")[0]
    return _edits_places(head)


def _with_places_swapped(ranking: Sequence[str], places: tuple[int, int] | None) -> list[str] | None:
    """`ranking` with the two places of "Tausch Platz eins und drei" swapped, or None if it lacks one."""
    if not places or max(places) >= len(ranking):
        return None
    result = list(ranking)
    result[places[0]], result[places[1]] = result[places[1]], result[places[0]]
    return result


def _place_index(word: str, length: int) -> int:
    """0-based place of "erste/zweite/dritte" (or "1"/"zwei"); "letzte" is the last of `length`."""
    places = {
        "erst": 0,
        "zweit": 1,
        "mittl": 1,
        "dritt": 2,
        "1": 0,
        "eins": 0,
        "2": 1,
        "zwei": 1,
        "3": 2,
        "drei": 2,
    }
    return places.get(word[:5].rstrip("e"), length - 1)


def _sentence_start(norm: str, position: int) -> int:
    """Where the sentence holding `position` begins (after the last ".", "!" or "?" before it)."""
    return max(norm.rfind(mark, 0, position) for mark in ".!?") + 1


_AT_SENTENCE_END = re.compile(r"\s*(?:[.!?]|$)")


def _ends_its_sentence(norm: str, position: int) -> bool:
    """Whether only spaces stand between `position` and the end of its sentence (or of the text)."""
    return bool(_AT_SENTENCE_END.match(norm, position))


def _sentence_end(norm: str, position: int) -> int:
    """Where the sentence holding `position` ends (after its ".", "!", "?" or ";"; else the text's end)."""
    return next((m.end() for m in _SENTENCE_END.finditer(norm, position)), len(norm))


def _sentence_spans(norm: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `norm` that is not blank (_SENTENCE_END: ".", "!", "?", ";")."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(norm)), len(norm)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if norm[a:b].strip()]


def keeps_only_places(text: str) -> bool:
    """Whether `text` keeps only some places of the ranking just named ("Eigentlich nur das erste.")."""
    return bool(_PLACES_KEPT.search(normalise(text)))


def _ranking_by_places(norm: str, ranking: Sequence[str]) -> list[str] | None:
    """`ranking` after "nur die ersten zwei" (kept) or "das letzte streichen" (struck), else None."""
    kept = _PLACES_KEPT.search(norm)
    if kept and kept.group(3):
        place = _place_index(kept.group(3), len(ranking))
        return [ranking[place]] if 0 <= place < len(ranking) else None
    if kept:
        return list(ranking[: 1 if kept.group(2) else 2])
    struck = _PLACE_STRUCK.search(norm)
    return _without_struck_place(ranking, struck, norm) if struck else None


def _without_struck_place(
    ranking: Sequence[str], struck: re.Match[str], norm: str, new: Sequence[str] = ()
) -> list[str] | None:
    """`ranking` without the place a _PLACE_STRUCK match names; `new` goals take that place when "dafür"
    follows the strike, else they follow. None if the ranking has no such place."""
    place = _place_index(next(g for g in struck.groups() if g), len(ranking))
    if not 0 <= place < len(ranking):
        return None
    result = [g for i, g in enumerate(ranking) if i != place]
    in_its_place = _IN_ITS_PLACE.search(norm, struck.end()) or _REPLACED_BY.match(norm, struck.end())
    at = place if in_its_place else len(result)
    result[at:at] = new
    return result


def _swapped_places(norm: str) -> tuple[int, int] | None:
    """The two 0-based places of "Tausch Platz eins und drei", else None."""
    # "Tausch Platz zwei und drei", also "2 und 3 andersrum".
    swapped = _SWAP_WORD.search(norm) or _SWAP.search(norm)
    if swapped and _FIRST_TWO.search(norm):
        return (0, 1)  # "Tausch mal die ersten beiden"
    pair = _PLACE_PAIR.search(norm) if swapped else None
    if not pair:
        return None
    index = {"e": 0, "1": 0, "z": 1, "2": 1, "d": 2, "3": 2}
    first, second = (index[word[0]] for word in pair.groups())
    return (first, second) if first != second else None


_NO_MORE = re.compile(
    # not "Nee, ehrlich gesagt eher 70 zu 30 für die Bearbeitung": a "no" that goes on to correct the list
    r"^\s*(?:(?:nein|nee|ne|nö|no|nope)(?!\W+(?:\w+\W+){0,3}?(?:eher|lieber|doch|umgekehrt|andersrum|zuerst|"
    r"wichtiger|\d))|das\s+war\S*|das\s+war\s+(?:es|alles)|das\s+ist\s+alles|"
    r"das\s+reicht|reicht|genug|fertig|erledigt|passt(?:\s+so)?|mehr\s+nicht|sonst\s+nichts|"
    r"nichts\s+(?:mehr|weiter)|keine\s*(?:weiteren|mehr|anderen)?|keins|weiter|ok|okay|"
    r"(?:ich\s+habe\s+)?keine\s+weiteren(?:\s+ziele)?|(?:das\s+)?wars?|that'?s\s+it|done|fertig|"
    # "mehr fällt mir nicht ein", "mir fällt sonst nichts ein"
    r"(?:mehr|sonst\s+\w+|weiter\w*)\s+fällt\s+mir\s+(?:\w+\s+)?(?:nicht|nichts)\s+ein|"
    r"mir\s+fällt\s+(?:\w+\s+)?(?:nichts|keins?|kein\w*)\s+(?:\w+\s+)?ein)\b"
)


_STARS = re.compile(r"[★⭐]{1,5}")
_PARTICLE_BEFORE_NEGATION = re.compile(
    r"\b(wir|ich|man)\s+aber\s+(?=(?:\w+\s+)?(?:nicht|nich|kein\w*|nix|nichts)\b)", re.IGNORECASE
)
_DIALECT_WORDS = {
    "dat": "das",
    "wat": "was",
    "et": "es",
    "mer": "wir",
    "och": "auch",
    "em": "im",
    # Low German, Swabian, Bavarian, Saxon: "dat is uns am wichtigsten", "des isch Pflicht", "mia ham"
    "is": "ist",
    "isch": "ist",
    "mia": "wir",
    "ham": "haben",
    "hamma": "haben wir",
    "hebben": "haben",
    "ned": "nicht",
    "net": "nicht",
    "nimmer": "nicht mehr",
    "scho": "schon",
    # "Förderprogramm sin mir eher wurscht": indifference, like "egal"
    "wurscht": "egal",
    "schnuppe": "egal",
    "schnurz": "egal",
    # "ihre Sache vo dahoim erledige"
    "vo": "von",
    "dahoim": "daheim",
    "dahoam": "daheim",
    "dahaam": "daheim",
}
_DIALECT = re.compile(r"\b(?:" + "|".join(_DIALECT_WORDS) + r")\b")
_LETTER_CLOSING = re.compile(
    # "Gruß aus dem Stadtmarketing" on a line of its own, or after a closing word
    r"(?<=\n)\s*gru(?:ss|s)(?:en|e)?\b.*$|"
    # after the message's text, at a sentence's start
    r"(?<=[.!?\n,])\s*(?:mit\s+)?(?:freundlich\w*|best\w*|herzlich\w*|kollegial\w*|lieb\w*|viel\w*)\s+"
    r"gru(?:ss|s)(?:en|e)?\b.*$",
    re.DOTALL,
)


_TICKED_BOX = re.compile(r"\[\s*[x✓✔]\s*\]|[☑✅✔]", re.IGNORECASE)
_EMPTY_BOX_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:\[[ \t]*\]|☐)[^\n]*", re.MULTILINE)


_ONLINE_INSTEAD = re.compile(
    fold_pattern(
        r"(\b(?:müsste|müssten|muss|müssen|sollte|sollten|soll|kann|könnte|können)\s*,?\s+sondern\s+"
        r"(?:einfach\s+|bequem\s+|gleich\s+)?online)(?=\s*(?:[.!;]|$))"
    ),
    re.IGNORECASE,
)


_LIKE_IT_OR_NOT = re.compile(
    r",?\s*ob\s+(?:wir|man|ich|sie)\s+(?:es\s+|das\s+)?(?:wollen|will|mochten|wollten)\s+oder\s+nicht\b",
    re.IGNORECASE,
)
_STRUCK_MARKDOWN = re.compile(r"~~([^~\n]{1,200})~~")
_STRUCK_NOTE = re.compile(
    r"\(\s*(?=(?:gestrichen|entfallt|entfallen|raus|weg|gecancelt|verworfen)\b)", re.IGNORECASE
)


def normalise(text: str) -> str:
    # "die Verwalung schnellr machen": slips of the goal vocabulary's words are repaired first.
    text = repaired(joined_compounds(fold_umlauts(str(text)[:MAX_INPUT_CHARS])))
    # A checklist ("[x] OZG-Pflichten erfüllen", "[ ] Smart City"): only the ticked lines are chosen.
    if _TICKED_BOX.search(text):
        text = _EMPTY_BOX_LINE.sub("", text)
        text = _TICKED_BOX.sub(" ", text)
    # "Das wär meine Nr. 1.", "Note 3.": the number's dot ends the sentence; it makes no list item.
    text = re.sub(r"\b(nr|nummer|note|prio)\.?\s?([1-6])\.(?!\d)", r"\1 \2 ;", text, flags=re.IGNORECASE)
    # Numbered lists ("1. X 2. Y", "2) Y") become rank words, so that the dot does not split clauses.
    # Not a number with a thousands point ("2.300 Einwohner").
    text = re.sub(r"(?:(?<=\s)|^)([1-3])\s?[.)](?!\d)", r" platz \1 ", text)
    # "2️⃣ Telemedizin 1️⃣ interne Abläufe": keycap digits number the items
    text = re.sub(r"([1-3])\ufe0f?\u20e3", r" platz \1 ", text)
    # "… nicht mehr in der Warteschleife buchen müsste, sondern online.": the bare "online" after "sondern"
    # says that the thing before is to be done online (its clause is split off at "sondern")
    text = _ONLINE_INSTEAD.sub(r"\1 erledigen", text)
    # "(1) Mitwirkung …, (2) Programme …": a number in parentheses opens a list item too
    text = re.sub(r"(?:(?<=\s)|^)\(([1-3])\)", r" platz \1 ", text)
    # "~~Fördermittel~~" (struck through in Markdown), "Smart-Region-Pilot (gestrichen)": a struck item is no
    # goal; the parenthesis would split the note off the item it strikes.
    text = _STRUCK_MARKDOWN.sub(r"\1 gestrichen ", text)
    # "…, ob wir wollen oder nicht": says that it must be, its "nicht" negates nothing
    text = _LIKE_IT_OR_NOT.sub(" ", text)
    if _STRUCK_NOTE.search(text):
        # the note strikes its own item only: numbered items become clauses of their own
        text = re.sub(r"(?<![,;])\s+platz ([1-3]) ", r", platz \1 ", _STRUCK_NOTE.sub(" ", text))
    # A letter's closing and signature name no goal ("Mit freundlichen Grüßen" is no Bürgernähe).
    text = _LETTER_CLOSING.sub(" ", text)
    # "Bürgerbüro online: ★★★, Vereinsplattform: ★": stars are points
    text = _STARS.sub(lambda stars: f" {len(stars.group())} punkte ", text)
    # "Smart Village klingt schön, brauchen wir aber nicht": the particle "aber" would split the clause
    # from its negation.
    text = _PARTICLE_BEFORE_NEGATION.sub(r"\1 ", text)
    # An ellipsis ends a thought like three dots ("…, weil wir klamm sind … sagen wir Fördermittel vor
    # Transparenz": the reason ends there).
    text = text.replace("…", "...")
    # Lines of a list end like sentences: "X, damit Y" on one line is no purpose for the line before it.
    text = re.sub(r"[ \t]*\n\s*(?:[-•*][ \t]+)?(?=\S)", " ; ", text.strip())
    # Punctuation that voice input writes as a word ("… ein attraktiver Ort komma so Smart-City-Spielerei …")
    text = re.sub(r"\s+komma\b", " ,", text, flags=re.IGNORECASE)
    # A dash between spaces separates clauses like a comma ("Bürgernähe – das OZG lassen wir weg").
    text = re.sub(r"\s[–—-]+\s", " , ", text)
    # "… Nein, ich bleibe dabei: Zuschüsse zuerst": the "Nein" rejects the doubt, not a goal
    text = re.sub(r"\b(?:nein|nee)\W+(?=(?:ich|wir)\s+bleib\w*\s+(?:\w+\s+)?dabei\b)", "", text, flags=re.I)
    # "das kommt aber erst nach X", "das kommt erst, wenn X": the particle and the comma split no clause
    text = re.sub(r"\b(kommt|kommen|steht|stehen)\s+aber\s+", r"\1 ", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(kommt|kommen)\s+((?:\w+\s+)?)erst\s*,\s*(wenn|sobald|nachdem)\b",
        r"\1 \2erst \3",
        text,
        flags=re.I,
    )
    # Rhineland and Low German words ("dat is Pflicht, und dat kommt bei mir zuerst"): the rules read the
    # standard words; after a comma "dat" is the conjunction ("Dat Wichtigste is, dat de Lüüd weten …").
    text = _DIALECT.sub(
        lambda match: _DIALECT_WORDS[match.group()],
        re.sub(r",\s*dat\b(?!\s+(?:is|ist|war|wär|wird)\b)", ", dass", text),
    )
    # "…, das ist das wichtigste punkt und dass …" (dictated): the rank ends its clause, "und" opens the next
    text = re.sub(
        r"\b((?:das|dies)\s+ist\s+(?:\w+\s+)?(?:das\s+)?(?:aller)?wichtigste(?:\s+(?:punkt|ziel|thema))?)\s+und\b",
        r"\1 , und",
        text,
    )
    # "aber wichtiger noch ist, dass …": the order of "noch wichtiger ist"
    text = re.sub(r"\bwichtiger\s+noch\s+(ist|sind|wäre|ware)\b", r"noch wichtiger \1", text)
    # "a Testfeld …, des wär scho was": folded, "wär" reads as the past "war" (something done); it is a wish
    text = re.sub(r"\b(?:das|des|dies)\s+war\s+schon\s+(?:was|etwas)\b", "das ware toll", text)
    # "tourismus + dass die jungen nicht wegziehn": a plus joins two goals like "und"
    text = re.sub(r"\s\+\s", " und ", text)
    # "… ist nett, aber weniger wichtig, als dass …": the comparison goes on across its comma
    text = re.sub(r"\b(wichtig\w*|dringend\w*)\s*,\s*(als|wie)\b", r"\1 \2", text, flags=re.IGNORECASE)
    # "Tempo intern / Anträge online / Vereine": a slash between spaces separates list items like a comma
    text = re.sub(r"\s/\s", " , ", text)
    text = re.sub(r"[-_/–—+&*\"'„“”«»]", " ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def word_anchored(pattern: str) -> str:
    """Anchor a pattern that opens with a word wildcard at a word start.

    Unanchored, `\\w*effizien` is retried at every position of a long word, which costs quadratic
    time (a crafted 2,000-character answer took 0.4 s). The leftmost match of such a pattern starts
    at a word start anyway, so the anchor keeps what matches and makes the search linear.
    """
    return r"\b" + pattern if pattern.startswith((r"\w*", r"\w+")) else pattern


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(word_anchored(fold_pattern(pattern)))


_COMPILED_LEXICON: dict[str, list[re.Pattern[str]]] = {
    goal: [_compile(p) for p in patterns] for goal, patterns in _LEXICON.items()
}
_COMPILED_RANKS = [(rank, _compile(p)) for rank, p in _RANK_MARKERS]
_COMPILED_PLACES = [_compile(p) for _, p in _PLACE_MARKERS]
_COMPILED_WEAK = [_compile(p) for p in _WEAK_CUES]
_COMPILED_GROUP = [_compile(p) for p in _GROUP_CUES]
_COMPILED_PROBLEM = [_compile(p) for p in _PROBLEM_CUES]
_FOLDED_ANCHORS = {fold_umlauts(word): goal for word, goal in _FUZZY_ANCHORS.items()}
_CLAUSE_SPLIT = re.compile(fold_pattern(_CLAUSE_SPLIT.pattern))
_NEGATION = re.compile(fold_pattern(_NEGATION.pattern))
_PLAIN_NEGATION = re.compile(fold_pattern(_PLAIN_NEGATION.pattern))
_DISMISSAL_AFTER = re.compile(fold_pattern(_DISMISSAL_AFTER.pattern))
_NEGATION_EXCEPTIONS = re.compile(fold_pattern(_NEGATION_EXCEPTIONS.pattern))
_DOUBLE_NEGATION = re.compile(fold_pattern(_DOUBLE_NEGATION.pattern))
_INSTEAD = re.compile(fold_pattern(_INSTEAD.pattern))
_MORE_OF_THE_SAME = re.compile(fold_pattern(_MORE_OF_THE_SAME.pattern))
_DECLINE_AFTER = re.compile(fold_pattern(_DECLINE_AFTER.pattern))
_DISMISSAL_WORDS = re.compile(fold_pattern(_DISMISSAL_WORDS.pattern))
_REJECTION = re.compile(fold_pattern(_REJECTION.pattern))
_WRAPS_A_GOAL = re.compile(fold_pattern(_WRAPS_A_GOAL.pattern))
_OTHER_THINGS = re.compile(fold_pattern(_OTHER_THINGS.pattern))
_BARE_NO = re.compile(fold_pattern(_BARE_NO.pattern))
_ANSWERED_AWAY = re.compile(fold_pattern(_ANSWERED_AWAY.pattern))
_MEANS_ONLY = re.compile(fold_pattern(_MEANS_ONLY.pattern))
_EMPTY_WISH = re.compile(
    fold_pattern(
        # "…, da müssen wir was tun", "Das müssen wir drehen."
        r"^\W*(?:und\s+|also\s+)?(?:da|hier|dann|jetzt|das|dies|daran|dagegen)?\s*"
        r"(?:müssen|muss|sollten|sollte|wollen|will|möchten)\s+"
        r"(?:wir|man|ich)\s+(?:(?:was|etwas|dringend|endlich|unbedingt|jetzt|auch|mal|einfach)\s+)*"
        r"(?:tun|machen|ändern|unternehmen|ran|drehen|stoppen|aufhalten|umkehren|angehen|anpacken)\W*$"
        # "Da muss echt was passieren.", "Es muss sich was ändern."
        r"|^\W*(?:und\s+|also\s+)?(?:da|hier|es)\s+muss\s+(?:sich\s+)?"
        r"(?:(?:dringend|endlich|jetzt|einfach|echt|wirklich|unbedingt|mal|halt|einfach)\s+)*(?:was|etwas)\s+"
        r"(?:passieren|geschehen|getan\s+werden|tun|ändern|bewegen)\W*$"
    )
)
_BENEFICIARY = re.compile(
    fold_pattern(
        r"\b(?:bürger\w*|leute\w*|menschen|einwohner\w*|verein\w*|betrieb\w*|unternehm\w*|firmen|familien|"
        r"senior\w*|kinder\w*|schüler\w*|jugend\w*|ehrenamt\w*|händler\w*|gäste\w*)\b"
    )
)
_BACK_PRONOUN = re.compile(fold_pattern(_BACK_PRONOUN.pattern))
_GOAL_CUE = re.compile(fold_pattern(_GOAL_CUE.pattern))
_PROBLEM_TOLD_CUE = re.compile(fold_pattern(_PROBLEM_TOLD))
_PRESSING_RE = re.compile(fold_pattern(_PRESSING))
_CONTINUES_RANKING = re.compile(fold_pattern(_CONTINUES_RANKING.pattern))
_WISHED_BY_NEXT = re.compile(fold_pattern(_WISHED_BY_NEXT.pattern))
_ADOPTED_BY_NEXT = re.compile(fold_pattern(_ADOPTED_BY_NEXT.pattern))
_RANKED_BY_NEXT = re.compile(fold_pattern(_RANKED_BY_NEXT.pattern))
_EXPLAINS = re.compile(fold_pattern(_EXPLAINS.pattern))
_NOTHING_WITHOUT_IT = re.compile(fold_pattern(_NOTHING_WITHOUT_IT.pattern))
_ROLE = re.compile(fold_pattern(_ROLE.pattern))
_COMPARE_FORWARD = re.compile(fold_pattern(_COMPARE_FORWARD.pattern))
_COMPARE_BACKWARD = re.compile(fold_pattern(_COMPARE_BACKWARD.pattern))
_OPENS_WITH_COMPARISON = re.compile(fold_pattern(_OPENS_WITH_COMPARISON.pattern))
_SWAP = re.compile(fold_pattern(_SWAP.pattern))
# a reversal of the list is a correction too ("Halt, umgekehrt", "Dreh das bitte um.")
_CORRECTION = re.compile(fold_pattern(_CORRECTION.pattern) + "|" + _SWAP.pattern)
_DISOWNS_PREVIOUS_TEXT = re.compile(fold_pattern(_DISOWNS_PREVIOUS))
_SELF_CORRECTION = re.compile(fold_pattern(_SELF_CORRECTION.pattern))
_NO_MORE = re.compile(fold_pattern(_NO_MORE.pattern))


@dataclass
class Mention:
    goal: str
    start: int  # offset in the normalised text
    end: int
    rank: int | None = None
    negated: bool = False
    fuzzy: bool = False
    weak: bool = False  # a _WEAK_CUES word
    group: bool = False  # a _GROUP_CUES word (who, not what)
    problem: bool = False  # a _PROBLEM_CUES word (what the goal removes)
    context: bool = False  # background (the municipality, the speaker's role), not a goal
    echo: bool = False  # a word of a goal named before, alone in its clause (_echoed)


@dataclass
class GoalAnalysis:
    goals: list[str]  # ranked, deduplicated, max 3
    negated: list[str]  # goals only mentioned negatively
    mentions: list[Mention] = field(default_factory=list)
    all_goals: list[str] = field(default_factory=list)  # ranked, before the cut to 3
    # The answer itself rules its goal words out ("Wenn wir Geld hätten, …, haben wir aber nicht",
    # "… – eigentlich sind wir fertig"): no goal, and none to look for by meaning either.
    rules_out_goals: bool = False
    # goals only named as done ("OZG haben wir eigentlich schon durch"): a later message takes them out
    done: list[str] = field(default_factory=list)


def _find_mentions(clause: str, offset: int, dot_follows: bool = False) -> list[Mention]:
    taken = longest_matches(clause, _COMPILED_LEXICON.items())
    mentions = [
        Mention(
            goal,
            s + offset,
            e + offset,
            weak=any(p.fullmatch(clause, s, e) for p in _COMPILED_WEAK),
            group=any(p.fullmatch(clause, s, e) for p in _COMPILED_GROUP),
            problem=any(p.search(clause, s, e) for p in _COMPILED_PROBLEM),
        )
        for s, e, goal in taken
    ]
    for word in re.finditer(r"\w+", clause):
        if any(not (word.end() <= s or word.start() >= e) for s, e, _ in taken):
            continue
        goal = _fuzzy_goal(word.group()) or _abbreviated_goal(clause, word, dot_follows)
        if goal:
            mentions.append(Mention(goal, word.start() + offset, word.end() + offset, fuzzy=True))
    mentions.sort(key=lambda m: m.start)
    # A weak cue gives way to another goal's cue in its part of the clause.
    parts = clause_spans(clause, _PART_SPLIT)

    def part_of(mention: Mention) -> int:
        return next((i for i, (_, e) in enumerate(parts) if mention.start - offset < e), len(parts))

    def channel(mention: Mention) -> bool:
        # "im Netz", "übers Internet": where something happens; for guests or firms ("Gäste sollen uns im
        # Netz finden") or being seen there ("im Netz sichtbarer werden") it is no online service.
        return mention.weak and bool(_CHANNEL.fullmatch(clause, mention.start - offset, mention.end - offset))

    return [
        m
        for m in mentions
        if not (
            m.weak
            and any(
                o.goal != m.goal and (not o.weak or channel(m)) and part_of(o) == part_of(m) for o in mentions
            )
        )
        and not (
            channel(m)
            and (
                _SEEN_THERE.match(clause, m.end - offset)
                or _FOUND_THERE.search(clause[max(0, m.start - offset - 40) : m.start - offset])
            )
        )
    ]


_CHANNEL = re.compile(fold_pattern(r"(?:im|übers|über\s+das)\s+(?:internet|netz)"))
_SEEN_THERE = re.compile(
    fold_pattern(r"\s+(?:\w+\s+){0,2}(?:sichtbar|präsent|auffindbar|gefunden|zu\s+finden)\w*")
)

# "die Urlauber finden davon nix im Netz": being found there, before the channel
_FOUND_THERE = re.compile(
    fold_pattern(r"\b(?:finden|findet|sehen|sieht|entdecken|entdeckt)\s+(?:\w+\s+){0,3}$")
)


# Notes cut words short with a dot ("Bürgerbeteilig.", "Digitalisier."): completed with these endings.
_ABBREVIATION_MIN_LEN = 5
_WHOLE_WORDS = frozenset({"burger", "buerger", "forder", "ehren"})  # words, not cut-off goal words
_ABBREVIATION_ENDINGS = ("ung", "ungen", "en", "e", "heit", "keit", "ierung", "ion", "ität")


def _abbreviated_goal(clause: str, word: re.Match[str], dot_follows: bool) -> str | None:
    """The goal of a clause's last word if a dot follows it and it completes to a goal word."""
    if not dot_follows or clause[word.end() :].strip():
        return None
    if re.search(r"\bzu\s+$", clause[: word.start()]):
        return None  # "…, das zu pflegen.": an infinitive, no "Pflege…" cut off
    return _completed_goal(word.group())


@lru_cache(maxsize=4096)
def _completed_goal(word: str) -> str | None:
    if len(word) < _ABBREVIATION_MIN_LEN or word.isdigit() or word in _WHOLE_WORDS:
        return None
    if any(p.fullmatch(word) for patterns in _COMPILED_LEXICON.values() for p in patterns):
        # A whole lexicon word the lexicon left out in its context ("im Bürgerbüro" is a place, no
        # wish): completing it would bring it back.
        return None
    # Half of the word kept at least ("Effiz.", "Förderm."); "Bürger." is a word of its own.
    goals = {
        goal
        for anchor, goal in _FOLDED_ANCHORS.items()
        if anchor.startswith(word) and len(anchor) - len(word) >= 3 and len(word) >= 0.5 * len(anchor)
    }
    if len(goals) == 1:
        return goals.pop()
    for ending in _ABBREVIATION_ENDINGS:
        completed = word + ending
        for goal, patterns in _COMPILED_LEXICON.items():
            if any(p.fullmatch(completed) for p in patterns):
                return goal
    return None


@lru_cache(maxsize=4096)
def _fuzzy_goal(word: str) -> str | None:
    if len(word) < _FUZZY_MIN_LEN or word.isdigit():
        return None
    best, best_ratio = None, 0.0
    for anchor, goal in _FOLDED_ANCHORS.items():
        if (abs(len(anchor) - len(word)) > 2 and len(word) < len(anchor)) or not (
            word[0] == anchor[0] or word[-1] == anchor[-1] or anchor[:3] in word or anchor[-3:] in word
        ):
            continue  # cheap pre-filter: a typo rarely changes both ends of a word
        # Whole word, or the anchor at the start/end of a compound.
        pieces = {word}
        if len(word) > len(anchor):
            pieces.update(
                {word[: len(anchor)], word[-len(anchor) :], word[: len(anchor) - 1], word[-len(anchor) + 1 :]}
            )
        for piece in pieces:
            ratio = difflib.SequenceMatcher(None, piece, anchor).ratio()
            if (
                piece == word
                and ratio >= _FUZZY_MIN_RATIO_WHOLE_WORD
                and word[0] == anchor[0]
                and abs(len(word) - len(anchor)) <= 1
            ):
                # Two slips in a long word of the anchor's length ("Effizens") are still that word.
                ratio = max(ratio, _FUZZY_MIN_RATIO)
            if ratio > best_ratio:
                best, best_ratio = goal, ratio
    return best if best_ratio >= _FUZZY_MIN_RATIO else None


def _rank_markers(clause: str, offset: int, norm: str | None = None) -> list[tuple[int, int, int]]:
    """Rank markers in `clause`, which starts at `offset` of `norm` (given, look-behinds see the words
    before the clause: "…, und dann | erst das mit dem Wohnort" is no first place)."""
    if norm is None:
        norm, offset = clause, 0
    found = []
    # "Das Erste ist mit Abstand das Wichtigste": a place of the list is ranked (_apply_self_correction),
    # not the goal named last
    places = [(m.start(), m.end()) for m in _PLACE_AHEAD.finditer(norm)]
    for rank, pattern in _COMPILED_RANKS:
        for match in pattern.finditer(norm, offset, offset + len(clause)):
            if not any(a <= match.start() < b for a, b in places):
                found.append((match.start(), match.end(), rank))
    found.sort()
    # Overlapping markers ("ganz zum schluss" / "zum schluss"): keep the first/longest.
    kept: list[tuple[int, int, int]] = []
    for marker in found:
        if not kept or marker[0] >= kept[-1][1]:
            kept.append(marker)
    return kept


# "Wirtschaft zuerst und Fördermittel danach": a rank word right after a goal and before a list's "und" or
# comma is that goal's, not the next one's.
_LIST_GOES_ON = re.compile(r"\s*(?:,|und\b|sowie\b)")


def _postposed_to(start: int, end: int, mentions: list[Mention], norm: str) -> Mention | None:
    """The goal a rank marker at start:end follows directly ("Wirtschaft zuerst, …"), if the list goes on
    after it."""
    if not _LIST_GOES_ON.match(norm, end):
        return None
    return next((m for m in mentions if m.end <= start and not norm[m.end : start].strip()), None)


def _serves_next(norm: str, group: Mention, found: list[Mention]) -> bool:
    return any(
        not m.group
        and m.goal != group.goal
        and 0 <= m.start - group.end
        and len(norm[group.end : m.start].split()) <= 2
        for m in found
    )


def _nearest_rank(
    mention: Mention, markers: list[tuple[int, int, int]], mentions: list[Mention], norm: str
) -> int | None:
    """Rank of the nearest marker, if no other goal stands between the marker and this goal."""
    best, best_distance = None, None
    for start, end, rank in markers:
        owner = _postposed_to(start, end, mentions, norm)
        if owner is not None and owner is not mention:
            continue
        low, high = (end, mention.start) if end <= mention.start else (mention.end, start)
        # Whom a goal serves ("dass Unternehmen ihre Gewerbeanmeldung online …") does not stand between.
        if any(
            m is not mention and m.goal != mention.goal and not m.group and low <= m.start < high
            for m in mentions
        ):
            continue
        # A marker after the goal ("Effizienz zuerst") only counts if no goal follows the marker;
        # otherwise it introduces that goal ("..., und zuletzt Attraktivität").
        if start >= mention.end and owner is None and any(m.start >= end for m in mentions):
            continue
        if start >= mention.end and norm[end : end + 2].lstrip().startswith(":"):
            continue  # "Jugend halten / Prio 2: Breitband": a marker with a colon heads what follows it
        if end <= mention.start:
            distance = mention.start - end
        elif start >= mention.end:
            distance = (start - mention.end) * 1.5 + 1  # prefer a marker in front of the goal
        else:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = rank, distance
    return best


def _mark_more_of_the_same(clause: str, offset: int, mentions: list[Mention]) -> None:
    """ "… als noch ein Leuchtturmprojekt", "… wichtiger als die hundertste Online-Leistung": more of the
    same is not wanted – the goal right after it is struck, also inside a comparison."""
    for match in _MORE_OF_THE_SAME.finditer(clause):
        following = [m for m in mentions if m.start - offset >= match.end()]
        gap = clause[match.end() : following[0].start - offset] if following else ""
        # "als noch ein Leuchtturmprojekt mit Sensoren": the thing, then the goal word it is made of
        if following and len(gap.split()) <= 3 and not re.search(r"[,;:.]|\bund\b", gap):
            following[0].negated = True


# "und" starting a new part of a clause ("Sensoren und so sind kein Thema": "und so" is a filler, no new part)
_NEW_PART = re.compile(r"\bund\b(?!\s+so\b)")


def _apply_negation(
    clause: str,
    offset: int,
    mentions: list[Mention],
    double_negated: Sequence[tuple[int, int]] = (),
    offered_before: bool = False,
) -> None:
    """`double_negated`: spans of the whole text where two negations cancel out (_DOUBLE_NEGATION);
    `offered_before`: the sentence named an online service before this clause."""
    if not mentions:
        return
    if any(start < offset + len(clause) and offset < end for start, end in double_negated):
        return
    inside = [(m.start - offset, m.end - offset) for m in mentions]
    for match in _INSTEAD.finditer(clause):
        # "statt X (lieber) Y": only the goal right after "statt" is rejected.
        following = [m for m in mentions if m.start - offset >= match.end()]
        # "… vor Ort aufnehmen, statt Zettel zu schreiben": replacing a problem is the goal (not the
        # citizens' paper an online service replaces: "online anmelden statt mit Zettel im Rathaus")
        offered = offered_before or any(
            m.goal == "leistungsangebot" and m.start - offset < match.start() for m in mentions
        )
        # "Statt noch einer App lieber die Vereine unterstützen": the replaced thing names no goal, the
        # preferred one follows "lieber"
        preferred = following and _PREFERRED.search(clause, match.end(), following[0].start - offset)
        if following and not preferred and (offered or not following[0].problem):
            following[0].negated = True
    exceptions = [(m.start(), m.end()) for m in _NEGATION_EXCEPTIONS.finditer(clause)]
    # "Streich das zweite" strikes a place of the list, not the goal before it (_apply_self_correction)
    places = [(m.start(), m.end()) for m in _PLACE_STRUCK.finditer(clause)]
    for match in _NEGATION.finditer(clause):
        s, e = match.start(), match.end()
        if any(a <= s < b for a, b in places):
            continue
        if _REASON_BEFORE.search(clause, 0, s):
            continue  # "Telemedizin, weil wir keinen Arzt mehr haben": the lack is the reason, no rejection
        wrapped = [m for m, (a, b) in zip(mentions, inside, strict=True) if s <= a and b <= e]
        if wrapped and _WRAPS_A_GOAL.fullmatch(clause, s, e):
            # "lass die Bürgernähe weg", "nehmen Sie die Wirtschaft raus": the goal inside is struck (not
            # a problem word: "lass den Papierkram weg" wants it gone).
            for mention in wrapped:
                mention.negated = mention.negated or not mention.problem
            continue
        if any(not (e <= a or s >= b) for a, b in inside + exceptions) or (
            _DECLINE_AFTER.match(clause, e) and not _NOT_CHASED.search(clause)
        ):
            continue
        if _LOWER_RANK_AHEAD.fullmatch(clause, s, e) and any(m.start - offset > e for m in mentions):
            continue  # "…, nachrangig Fördergelder abgreifen": ranked last (a rank marker), not dismissed
        # Within "X und keine Y" only Y is negated; in "X und Y sind nicht wichtig" both are; in "X und
        # dass niemand warten muss" (no goal in the negation's part) none is.
        # ("Sensoren und so sind kein Thema": "und so" is a filler, no new part)
        part_start = max([m.end() for m in _NEW_PART.finditer(clause, 0, s)] or [0])
        later = [m for m in mentions if m.start - offset >= part_start and m.start - offset > e]
        in_part = [m for m in mentions if m.start - offset >= part_start]
        if later and part_start > 0:
            targets = later
        elif part_start > 0 and not in_part and clause[e:].strip():
            targets = []  # a negation ending the clause ("X und so was brauchen wir nicht") covers all
        else:
            targets = mentions
        # "damit nicht jede Verwaltung das Rad neu erfindet und alle mit weniger Aufwand arbeiten": a
        # negated statement of its own ends at "und"; the goal after it is not negated.
        targets = [
            m for m in targets if not _OWN_STATEMENT_BEFORE_UND.match(clause, e, max(e, m.start - offset))
        ]
        attached = [m for m in mentions if 0 <= s - (m.end - offset) <= 1]
        # "KI-Experimente lassen wir bleiben": the compound's first part is the same goal's mention
        attached += [
            m for m in mentions for a in list(attached) if m.goal == a.goal and 0 <= a.start - m.end <= 1
        ]
        # (not "Mit Image oder Tourismus hat das nichts zu tun": a verb phrase judges the whole list)
        if (
            attached
            and not _PLAIN_NEGATION.fullmatch(clause, s, e)
            and not clause.startswith(("hat ", "haben "), s)
        ):
            # "… und ganz am Ende über Smart-City-Spielereien": a judgement as the compound's tail
            # dismisses that goal only.
            targets = attached
        plain = bool(_PLAIN_NEGATION.fullmatch(clause, s, e)) and not _DISMISSAL_AFTER.match(clause, e)
        next_part = _NEW_PART.search(clause, e)
        if plain and next_part:
            # "Keine Papierumläufe mehr und die Ratsunterlagen offen ins Netz": the problem done away with is
            # one wish, what follows "und" another – the negation ends with its part
            part_end = next_part.start()
            if any(m.problem and e <= m.start - offset < part_end for m in mentions):
                targets = [m for m in targets if m.start - offset < part_end]
        contrast = _CONTRAST_AFTER.search(clause, e)
        if contrast:
            # "Es geht uns weniger um X als um Y", "nicht X sondern Y": what follows is the wish.
            targets = [m for m in targets if m.start - offset < contrast.start()]
        instead = _IN_ITS_PLACE.search(clause, e)
        if instead:
            # "Innovation streichen und dafür Bürgernähe ganz nach vorne": what comes in its place stays.
            targets = [m for m in targets if m.start - offset < instead.start()]
        wished = _WISHED_THING.match(clause) if plain else None
        for mention in targets:
            if mention.start - offset < s and _WITHOUT_BEFORE.search(clause, 0, mention.start - offset):
                continue  # "Ohne Zuschüsse können wir keine Maßnahme finanzieren": what is needed
            if (
                wished
                and mention.end - offset <= s
                and not _SUBJECT_PRONOUN.search(clause, wished.end(), mention.start - offset)
                and len(clause[e:].split()) >= 2
            ):
                continue  # "dass der Bus nicht mehr leer herumfährt": how the wished thing should be
            if mention.end - offset <= s and _WITHOUT.search(clause, mention.end - offset, s):
                continue  # "Glasfaser first, ohne Netz brauchen wir über den Rest nicht reden"
            if not (plain and mention.problem):
                mention.negated = True


# "X ist mir nicht ganz so wichtig, aber schon auch": a lower rank, not a dismissal (normalised text)
_NOT_SO_IMPORTANT = re.compile(r"\bnicht\s+(?:ganz\s+)?so\s+(?:wichtig|dringend)\b")
_BUT_STILL_AFTER = re.compile(
    r"\W*aber\s+(?:(?:schon|trotzdem|doch|immerhin|dennoch|durchaus)\s+)+(?:auch\b|wichtig\b|dabei\b)"
)


# "Fördergeldern laufen wir bewusst nicht hinterher": not chasing it – no falling behind ("hinterher")
_NOT_CHASED = re.compile(
    r"\b(?:laufen|lauft|rennen|rennt|jagen|jagt)\s+(?:\w+\s+){0,3}nicht\s+(?:\w+\s+)?hinterher\b"
    r"|\bnicht\s+(?:\w+\s+)?hinterher(?:lauf|renn|jag)\w*"
)
# "(und) dass der Bus …", "dass die Kinder in der Schule …": a wish whose subject is the thing named; a
# "nicht" later in it says how that thing should be, not that it is unwanted (normalised text)
_WISHED_THING = re.compile(r"^\W*(?:und\s+)?dass\s+(?:der|die|das|unsere?|alle)\s+")
_SUBJECT_PRONOUN = re.compile(r"\b(?:wir|ich|man|sie|er|es|uns|mir)\b")
_WITHOUT_BEFORE = re.compile(r"\bohne\s+(?:\w+\s+){0,2}$")
_WITHOUT = re.compile(r"\bohne\b")


# "Die Bürgerbeteiligung ist wichtig, | die steht aber hinter der E-Akte": the goal before is the subject
_POINTS_BACK_THEN_RANKS = re.compile(
    r"^\W*(?:und\s+)?(?:die|der|das|diese|dieses|sie|es)\s+(?:kommt|kommen|steht|stehen|rangiert)\b"
)


def _comparisons(
    clause: str, offset: int, mentions: list[Mention], earlier: list[Mention]
) -> list[tuple[str, str]]:
    """(higher, lower) goal pairs of a comparison in the clause; a clause that opens with it compares
    with the goals of the clause before (`earlier`): "Bürgernähe ist mir wichtig, aber nicht ganz so
    wichtig wie mehr Online-Dienste"."""
    pairs: list[tuple[str, str]] = []
    opens = _OPENS_WITH_COMPARISON.match(clause) or _POINTS_BACK_THEN_RANKS.match(clause)
    subject_before = [m.goal for m in earlier if not m.negated] if opens else []
    for regex, forward in ((_COMPARE_BACKWARD, False), (_COMPARE_FORWARD, True)):
        match = regex.search(clause)
        if not match:
            continue
        group = next(g for g in range(1, (match.lastindex or 0) + 1) if match.group(g))
        pivot = match.start(group) + offset
        left = [m.goal for m in mentions if m.end <= pivot] or subject_before
        right = [m.goal for m in mentions if m.start >= pivot]
        for a in left:
            for b in right:
                if a != b:
                    pairs.append((a, b) if forward else (b, a))
        if pairs:
            return pairs
    return pairs


def analyse(text: str) -> GoalAnalysis:
    """Full analysis: ranked goals, negated goals and the raw mentions."""
    if not text or not str(text).strip():
        return GoalAnalysis([], [])
    norm = normalise(text)
    mentions: list[Mention] = []
    before: list[tuple[str, str]] = []  # (higher, lower) from comparisons
    carried: list[tuple[int, int, int]] = []
    done: list[Mention] = []  # in a clause that says it is done already ("Glasfaser haben wir schon")
    previous: list[Mention] = []  # the mentions of the clause just before
    previous_end = 0
    ahead_carried = False
    unwanted_until = -1  # the goals up to here follow "Was uns nicht wichtig ist:"
    double_negated = [(m.start(), m.end()) for m in _DOUBLE_NEGATION.finditer(norm)]
    last_found: list[Mention] = []
    for start, end in clause_spans(norm, _CLAUSE_SPLIT):
        clause = norm[start:end]
        found = _find_mentions(clause, start, norm.startswith(".", end)) or _echoed(
            norm, clause, start, mentions
        )
        _take_up_earlier(norm, found, mentions)
        markers = _rank_markers(clause, start, norm)
        for mention in found:
            if mention.start < unwanted_until:
                mention.negated = True
        if not found:
            struck = _STRIKES_THE_THING.match(clause)
            named_there = _mentions_near_word(norm, mentions, struck.group(1), start) if struck else []
            if named_there:
                # "…, mehr Service am Telefon und die Hofläden im Netz. Das mit dem Telefon kannst du
                # rausnehmen.": only the goal named with that word is struck.
                for mention in named_there:
                    mention.negated = True
                previous = []
                continue
            first = _RANKS_THE_THING.match(clause)
            thing = (first.group(1) or first.group(2)) if first else ""
            named_first = _mentions_near_word(norm, mentions, thing, start) if first else []
            if named_first and len({m.goal for m in named_first}) == 1:
                # "Transparenz, dass die Betriebe am Ort bleiben, und die Schulen. Am wichtigsten ist das mit
                # den Betrieben.": the goal named with that word goes first (not the one named last).
                chosen = named_first[0].goal
                before.extend((chosen, m.goal) for m in mentions if m.goal != chosen and not m.negated)
                previous = []
                continue
            if _LATTER_MORE_IMPORTANT.match(norm, start) and last_found:
                # "Schulanmeldung online, und die IT an den Schulen ordentlich betreiben. Letzteres ist
                # wichtiger.": the goal named last goes before the others.
                latter = last_found[-1].goal
                before.extend((latter, m.goal) for m in mentions if m.goal != latter and not m.negated)
                continue
            if _MORE_IMPORTANT_AHEAD.search(clause) and not _ends_its_sentence(norm, end):
                # "…, aber noch wichtiger ist, dass wir die Pflichten erfüllen": about the next clause (at
                # the sentence's end, "…, aber dass es schneller geht, ist uns deutlich wichtiger", about
                # the clause before).
                ahead_carried = True
                continue
            if (_NOT_WANTED_AHEAD.search(clause) and norm.startswith(":", end)) or (
                _NOT_ABOUT_AHEAD.search(clause) and norm.startswith(",", end)
            ):
                # "Was uns nicht wichtig ist: E-Rechnung und OZG – das machen wir, weil wir müssen."
                # (up to the sentence's end or a "sondern" that names what is wanted instead)
                ends = [
                    m.start()
                    for m in (_SENTENCE_END.search(norm, end + 1), _BUT_INSTEAD.search(norm, end))
                    if m
                ]
                unwanted_until = min(ends) if ends else len(norm)
                continue
            # A goal-free clause can be about the clause before: dismiss it or rank it.
            if (
                not previous
                and last_found
                and _sentence_start(norm, start) <= last_found[0].start
                and _DISMISSES_ACROSS.search(clause)
            ):
                # "Der Kämmerer wollte die Fördermittel nach vorne stellen, das sehen wir anderen aber nicht
                # so, das ist für uns kein Ziel": across goal-free clauses of the same sentence
                previous = last_found
            negated_before = any(m.negated for m in previous)
            if previous and _refers_back(norm, clause, start, end, previous_end, previous, markers):
                if not negated_before and all(m.negated for m in previous) and not _TAKEN_BACK.match(clause):
                    # "Bürgernähe, Innovation und so weiter … spielen bei uns keine Rolle": the dismissal
                    # covers the whole list the clause before ends.
                    _negate_list_before(norm, mentions, previous[0])
                if any(m.negated for m in previous) and _ALL_OF_THEM.search(clause):
                    # "Innovation, Wirtschaft – alles zu groß für uns": every goal of the sentence.
                    sentence_start = _sentence_start(norm, start)
                    for mention in mentions:
                        if mention.start >= sentence_start:
                            mention.negated = True
                previous = []
                continue
            # "… Da stimme ich ihr zu, das ist unser Hauptziel.", "… ehrlich sein, auch wenn's mal hakt – das
            # steht ganz oben.": the end of a sentence, also after a lead-in or an aside
            closes_a_sentence = norm[end:].lstrip()[:1] in (".", "!", "?")
            if (
                markers
                and last_found
                and _RANKS_THE_LAST_GOAL.match(clause)
                # "Das wäre mir am wichtigsten, danach, dass …": the next goal follows
                and (not norm[end:].strip(" .!?") or closes_a_sentence or _THEN_FOLLOWS.match(norm, end))
            ):
                # "Und dass das Land das bezahlt, sonst wird das nichts. Das ist sogar das Wichtigste.":
                # the answer's closing sentence ranks the goal named last, across the clauses between;
                # so does a sentence of its own in the middle ("… macht zu. Das ist das größte Thema. …").
                for mention in last_found:
                    if mention.rank is None:
                        mention.rank = markers[0][2]
                continue
            # A marker standing alone ("Am wichtigsten:") applies to the next clause with goals – unless a
            # wish the rules do not know comes first and takes it ("Das Wichtigste: Die Senioren sollen
            # länger zu Hause wohnen können. Danach …": left to the semantic matcher).
            if not markers and carried and len(clause.split()) > _FILLER_MAX_WORDS and _is_open_wish(clause):
                carried = []
            # "Die Digitalisierung lief bisher vor allem über den IT-Dienstleister, …": an adverb in a
            # statement of its own, with more words after it, is no rank for the next goal clause.
            markers = [
                m
                for m in markers
                if not (
                    _ADVERB_MARKER.fullmatch(norm, m[0], m[1])
                    and (len(norm[m[1] : end].split()) > 3 or _PREPOSITION_NEXT.match(norm, m[1]))
                )
            ]
            carried = markers or carried
            if (
                (markers or len(clause.split()) > _FILLER_MAX_WORDS)
                and not _PURPOSE_CLAUSE.match(clause)
                and not _EXPLAINS.match(clause)
                and not _NOTHING_WITHOUT_IT.match(clause)
                and not _WISHED_BY_NEXT.match(clause)  # "Die wollen wir einbinden, das ist Ziel eins"
            ):
                # "ganz wichtig" between a goal and its rank word keeps the goal in reach, and so does its
                # purpose ("…attraktiver werden, damit junge Leute bleiben, das ist das Wichtigste")
                previous = []
            continue
        if (
            markers
            and previous
            and (_SPECIFIES.match(clause) or _SPECIFIES_AFTER.search(clause))
            and {m.goal for m in found} == {m.goal for m in previous}
        ):
            # "Dann Wirtschaft fördern, vor allem unsere Handwerksbetriebe": "vor allem" narrows the goal
            # just named, it does not rank it first.
            markers = []
        if previous and _EXAMPLE.match(clause) and len({m.goal for m in previous if not m.group}) == 1:
            # "Einfach mal was Neues ausprobieren, zum Beispiel Sensoren an Mülleimern": the example shows
            # the goal just named; what it is about (waste collection) is no goal of its own.
            shown = next(m.goal for m in previous if not m.group)
            for mention in found:
                if mention.goal != shown:
                    mention.context = True
        markers = markers or carried
        last_found = found
        carried = []
        _mark_application_objects(norm, found, previous)
        _mark_service_audience(norm, found)
        _mark_offers_to_businesses(norm, found)
        _mark_guests_served(norm, found)
        _mark_trial_objects(norm, found)
        _mark_trial_sites(norm, found)
        _mark_tools_of_other_goals(norm, found)
        _mark_programme_purpose(norm, found)
        _mark_means_only(norm, found)
        _mark_volunteer_burden(norm, clause, found, markers)
        if _ALREADY_DONE.search(clause):
            done.extend(found)
        if previous and len({m.goal for m in found}) == 1 and _POINTS_BEFORE.match(clause):
            # "Ach, und das Ehrenamt, aber das eigentlich vor der Wirtschaft": the goal just named goes
            # before the one this clause names.
            before.extend((m.goal, found[0].goal) for m in previous if m.goal != found[0].goal)
        earlier = previous
        previous, previous_end = found, end
        _mark_more_of_the_same(clause, start, found)
        struck_here = {m.goal for m in found if m.negated}
        pairs = [pair for pair in _comparisons(clause, start, found, earlier) if pair[1] not in struck_here]
        ahead = (
            ahead_carried
            or _MORE_IMPORTANT_ALONE.search(clause)
            or (_MORE_AFTER_BUT.search(clause) and _ENDS_WITH_BUT.search(norm, max(0, start - 8), start))
            or _BEFORE_THAT.search(clause)
            or _ALL_AFTER_IT.match(clause)
        )
        # "Die Pflichten aus dem OZG kommen knapp hinter dem, was uns antreibt: …": the goal of the next
        # goal clause goes before the goals named so far.
        # "Ja, und eigentlich noch wichtiger als die Händler: dass wir für Familien interessant werden."
        ahead_carried = bool(_BEHIND_WHAT_FOLLOWS.search(clause)) or bool(
            _MORE_IMPORTANT_THAN_BEFORE_COLON.search(clause) and norm.startswith(":", end)
        )
        if not pairs and len({m.goal for m in found}) == 1 and ahead:
            earlier = [m.goal for m in mentions if not m.negated and m.goal != found[0].goal]
            pairs = [(found[0].goal, goal) for goal in earlier]
        elif not pairs and len({m.goal for m in found}) == 1 and _COMES_LATER.search(clause):
            # "Tourismus und Image der Stadt. Die Mobilität kommt aber erst danach.": behind those named
            earlier = [m.goal for m in mentions if not m.negated and m.goal != found[0].goal]
            pairs = [(goal, found[0].goal) for goal in earlier]
        if pairs:
            before.extend(pairs)
        else:
            # for a "statt" clause: was an online service named earlier in the sentence?
            offered = False
            if _INSTEAD.search(clause):
                sentence_start = _sentence_start(norm, start)
                offered = any(m.goal == "leistungsangebot" and sentence_start <= m.start for m in mentions)
            _apply_negation(clause, start, found, double_negated, offered)
            if len(found) > 1 and all(m.negated for m in found):
                _negate_bare_list_start(norm, start, mentions, found[0])
        less_but_still = _NOT_SO_IMPORTANT.search(clause) and _BUT_STILL_AFTER.match(norm, end)
        for mention in found:
            # A group right before the goal that serves it ("Unternehmen ihre Gewerbeanmeldung online")
            # takes no rank of its own: the goal does.
            ranks_itself = not (mention.group and _serves_next(norm, mention, found))
            mention.rank = _nearest_rank(mention, markers, found, norm) if markers and ranks_itself else None
            if less_but_still and mention.negated:
                # "Der Einzelhandel ist mir nicht ganz so wichtig, aber schon auch.": chosen, at the end
                mention.negated, mention.rank = False, MAX_GOALS
        mentions.extend(found)

    _keep_struck_in_sentence(norm, mentions)
    _second_place_before_the_last(norm, mentions)
    _mark_subject_matter(norm, mentions)
    _mark_summed_up(norm, mentions)
    _mark_left_behind_subject(norm, mentions)
    _mark_done_anyway(norm, mentions)
    _mark_form_the_service_replaces(norm, mentions)
    _mark_another_groups_need(norm, mentions)
    _keep_demoted_before_first(norm, mentions)
    retracted = _retracted(norm, mentions)
    done.extend(m for m in _done_as_a_list(norm, mentions) if m not in done)
    # Wishes the answer rules out ("Wenn wir Geld hätten, …, haben wir aber nicht"): found once, read three
    # times below (the pattern is the slowest here on a long dictated answer).
    ruled_out_wishes = list(_COUNTERFACTUAL.finditer(norm))
    if done and (
        any(not m.negated and m not in done for m in mentions)
        or _NEXT_FOCUS.search(norm, max(m.end for m in done))
        or _NOTHING_LEFT.search(norm, max(m.end for m in done))
        # "Wenn wir Geld hätten, würden wir vieles machen, haben wir aber nicht. Glasfaser haben wir schon."
        or ruled_out_wishes
    ):
        # "Glasfaser haben wir schon, jetzt geht es um Bürgernähe": what is done is background (also
        # when the next focus is said in words the rules do not know: left to the semantic matcher).
        for mention in done:
            mention.context = True
    kept = [m for m in mentions if not m.negated and m.goal not in retracted]
    _mark_context(norm, kept)
    _mark_firms_vacancies(norm, kept)
    _mark_personal_view(norm, kept)
    _mark_other_body(norm, kept)
    _mark_overruled_views(norm, kept)
    _mark_what_only_counts(norm, kept)
    _mark_technology_as_means(norm, kept)
    _mark_rhetorical_dismissal(norm, kept)
    _mark_brigade_equipment(norm, kept)
    _mark_reasons(norm, kept)
    _mark_weak_headings(norm, kept)
    _mark_weak_before_purpose(norm, kept)
    _mark_printed_online_offer(norm, kept)
    _mark_sender(norm, kept)
    _mark_type_self(norm, kept)
    _mark_past_focus(norm, kept)
    _mark_done_by_reference(norm, kept)
    _mark_struck_if_need_be(norm, kept)
    _mark_counterfactual(ruled_out_wishes, kept)
    _mark_what_others_do(norm, kept)
    _mark_not_either(norm, mentions)
    _mark_means_named_again(norm, mentions, kept)
    _mark_ai_as_tool(norm, kept)
    _mark_conditional_funding(norm, kept)
    _mark_less_rather(norm, kept)
    _rank_not_only_but_above_all(norm, kept)
    _mark_conceded(norm, kept)
    _mark_deliberated(norm, kept)
    _mark_category_questions(norm, kept)
    _mark_defined_words(norm, kept)
    _mark_means_clauses(norm, kept)
    _mark_volunteer_burden_across(norm, kept)
    positive = [m for m in mentions if not m.negated and not m.context and m.goal not in retracted]
    order: list[str] = []
    best_rank: dict[str, int | None] = {}
    for mention in positive:
        if mention.goal not in order:
            order.append(mention.goal)
            best_rank[mention.goal] = mention.rank
        elif mention.rank is not None:
            current = best_rank[mention.goal]
            best_rank[mention.goal] = mention.rank if current is None else min(current, mention.rank)
    _later_rank_wins(positive, best_rank)
    ranked = _merge_ranks(order, best_rank)
    if (
        not before
        and not any(best_rank.values())
        and not _PLACE_AHEAD.search(_after_mentions(norm, mentions))
    ):
        # No explicit order: aims before means, and a goal before the people it serves. (Not when the
        # answer's end ranks its places: "Mehr Anträge online, damit … Das Zweite ist mir wichtiger" counts
        # the goals as named.)
        before = _purpose_pairs(norm, positive) + _group_pairs(norm, positive)
    ranked = _apply_comparisons(ranked, before + _chosen_between(norm, positive))
    ranked = _apply_self_correction(norm, mentions, ranked)
    ranked = _by_weights(norm, positive, ranked)
    ranked = _apply_summary(norm, mentions, ranked)
    ranked = _apply_only_these(norm, ranked)
    ranked = _apply_referenced_order(norm, mentions, ranked)
    ranked = _apply_ascending_list(norm, mentions, ranked)
    negated = [m.goal for m in mentions if m.negated and m.goal not in ranked]
    if len(ranked) == 2 and len(negated) == 1 and _IN_BETWEEN.search(norm) and _LESS_IMPORTANT.search(norm):
        # "Weniger wichtig sind uns Fördermittel, am wichtigsten die Daseinsvorsorge, dazwischen die
        # Effizienz": "dazwischen" puts the less important goal below, not out.
        ranked, negated = ranked + negated, []
    rules_out = not ranked and bool(
        ruled_out_wishes
        or _NOTHING_LEFT.search(norm)
        or _OWN_GOALS_OPEN.search(norm)
        or _ASK_SOMEONE_ELSE.search(norm)
    )
    only_done = [m.goal for m in done if m.context and m.goal not in ranked]
    return GoalAnalysis(
        goals=ranked[:MAX_GOALS],
        negated=list(dict.fromkeys(negated)),
        mentions=mentions,
        all_goals=ranked,
        rules_out_goals=rules_out,
        done=list(dict.fromkeys(only_done)),
    )


# "…, danach dann die Fachkräfte": a clause that is only a word of a goal named before ("Fachkräfte in die
# Region holen") names that goal again.
# "…: die Termine zuerst, dann erst die Glasfaser" – the word with its rank word after it
# ("Online-Terminvergabe" named before).
_ECHO = re.compile(
    fold_pattern(
        r"^\W*(?:(?:und|dann|danach|noch|erst|die|der|das|den|dem|mit|unsere?)\s+)*(\w{6,})"
        r"(?:\s+(?:zuerst|zunächst|vorne?|vorneweg|zuletzt))?\W*$"
    )
)
# "…, die Bürger besser informieren. Das Informieren ist wichtiger.": the word taken up with a judgement
_ECHO_JUDGED = re.compile(
    fold_pattern(r"^\W*(?:und\s+)?(?:das|die|der)\s+(\w{6,})\s+(?:ist|sind)\s+(?:\w+\s+){0,2}wichtiger\W*$")
)
# Inflection endings left off a word before it is looked for as the first part of a compound named before
# ("Termine" -> "Terminvergabe").
_ECHO_ENDINGS = ("en", "e", "n", "s")
_ECHO_MIN_STEM = 6


def _echoed(norm: str, clause: str, offset: int, earlier: list[Mention]) -> list[Mention]:
    echo = _ECHO.match(clause) or _ECHO_JUDGED.match(clause)
    if not echo:
        return []
    word = echo.group(1)
    named = _latest_naming(norm, word, earlier)
    if named is None:
        return []
    start = offset + echo.start(1)
    return [Mention(named.goal, start, start + len(word), echo=True)]


def _latest_naming(
    norm: str, word: str, earlier: list[Mention], other_than: str | None = None
) -> Mention | None:
    """The latest earlier mention, not negated, whose words include `word` (and whose goal is not
    `other_than`)."""
    return next(
        (
            m
            for m in reversed(earlier)
            if not m.negated and m.goal != other_than and _names_word(norm[m.start : m.end].split(), word)
        ),
        None,
    )


def _names_word(words: list[str], word: str) -> bool:
    """`word` is one of `words`, or (inflection left off) the first part of one of them."""
    if word in words:
        return True
    stems = [word[: -len(e)] for e in _ECHO_ENDINGS if word.endswith(e)] + [word]
    return any(
        len(stem) >= _ECHO_MIN_STEM and w.startswith(stem) and len(w) > len(stem)
        for stem in stems
        for w in words
    )


# "mitreden können, wenn's um den neuen Spielplatz oder die Ortsmitte geht": what the goal before is about.
# "…, wenn es um X geht"; "die OZG-Frist läuft, da hängen wir bei den Gesundheitsleistungen hinterher": which
# services the goal before is about
# "ein Chatbot, der Fragen zu Öffnungszeiten, Müllabfuhr und Zuständigkeiten beantwortet": what it answers
_SUBJECT_MATTER = re.compile(
    r"\bwenn\s*(?:s|es)?\s+um\s+[^.!?]*?\bgeht\b|\bbei\s+den\s+\w+leistungen\b"
    r"|\bfragen\s+(?:zu|zur|zum|uber|nach)\s+[^.!?]*?\bbeantwort\w*"
)


# "Open-Data-Portal, Ratsinfosystem öffentlich, Livestream aus dem Gemeinderat – also Transparenz.": the goal
# after "also"/"sprich" at the sentence's end sums up the things listed before it (normalised text)
_SUMS_UP = re.compile(r"[,:]\s*(?:also|sprich|kurz\s+gesagt|kurzum|mit\s+einem\s+wort)\s*:?\s+")


def _mark_summed_up(norm: str, mentions: list[Mention]) -> None:
    for summary in _SUMS_UP.finditer(norm):
        after = [m for m in mentions if m.start >= summary.end() and not m.negated]
        if not after or len(norm[summary.end() : after[0].start].split()) > 2:
            continue
        goal = after[0].goal
        ends = _SENTENCE_END.search(norm, after[0].end)
        sentence_end = ends.start() if ends else len(norm)
        if any(m.goal != goal for m in after if m.start < sentence_end):
            continue  # "…, also Transparenz und Bürgerbeteiligung …": no single goal sums it up
        if norm[max(m.end for m in after if m.start < sentence_end) : sentence_end].strip(" ,"):
            continue  # "Fördermittel und OZG, also OZG natürlich zuerst": a ranking, no summary
        sentence_start = _sentence_start(norm, summary.start())
        for mention in mentions:
            if sentence_start <= mention.start < summary.start() and mention.goal != goal:
                mention.context = True


def _mark_subject_matter(norm: str, mentions: list[Mention]) -> None:
    for matter in _SUBJECT_MATTER.finditer(norm):
        sentence_start = _sentence_start(norm, matter.start())
        inside = _in_span(mentions, matter)
        before = [m for m in mentions if sentence_start <= m.start < matter.start() and not m.negated]
        for mention in inside:
            if before and all(m.goal != mention.goal for m in before):
                mention.context = True


# A clause saying its subject is done already ("Glasfaser haben wir schon", "Die E-Akte läuft bereits",
# "Das OZG ist durch"): background when the answer names other goals.
_ALREADY_DONE = re.compile(
    fold_pattern(
        r"\b(?:haben|hat)\s+(?:wir|man)\s+(?:\w+\s+)?(?:schon|bereits|längst)\b(?!\s+(?:lange\s+)?(?:vor|im\s+blick))"
        # not "Die Fristen haben wir schon zweimal gerissen": failed, not done
        r"(?![^.!?,;]*\b(?:gerissen|verpasst|versäumt|verschlafen|überschritten)\b)"
        # "Wir haben schon Glasfaser bis in jedes Haus" – not "wir haben schon immer …", "schon lange vor"
        r"|\b(?:wir|man)\s+(?:haben|hat)\s+(?:ja\s+|doch\s+)?(?:schon|bereits|längst)\b(?!\s+(?:immer|lange|im\s+blick|vor)\b)"
        # "Glasfaser ist seit letztem Jahr fertig"
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:schon\s+|bereits\s+|längst\s+)?(?:fertig|durch|erledigt|abgeschlossen|umgesetzt|"
        r"abgehakt)\b"
        # "Die Einführung der elektronischen Akte … wurde bereits abgeschlossen"
        r"|\b(?:wurde|wurden)\s+(?:\w+\s+){0,2}(?:schon|bereits|längst)\s+(?:abgeschlossen|umgesetzt|eingeführt|erledigt)\b"
        # "Das Geld aus dem Förderprogramm dafür ist schon bewilligt."
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:schon|bereits|längst)\s+(?:bewilligt|genehmigt|zugesagt)\b"
        # "OZG ist bei uns übrigens schon durch, …" (not "ist für uns durch Corona wichtiger geworden")
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:schon|bereits|längst)\s+(?:fertig|durch|erledigt|abgeschlossen|umgesetzt|"
        r"abgehakt)(?=\s*(?:[,.;!]|$))|\b(?:läuft|laufen|steht|stehen)\s+(?:\w+\s+)?(?:schon|bereits|längst)\b"
        # "Glasfaser liegt übrigens schon überall", "Breitband gibt's hier seit letztem Jahr"
        r"|\b(?:liegt|liegen|gibt(?:\s+(?:s|es))?)\s+(?:\w+\s+){0,3}(?:schon|bereits|längst|seit)\b"
        # "OZG haben wir weitgehend durch, die Online-Anträge laufen" (not "haben wir durch die Förderung …")
        r"|\b(?:haben|hat)\s+(?:wir|man)\s+(?:\w+\s+){0,2}(?:durch|hinter\s+uns)(?=\s*(?:[,.;!]|$))"
        # "Bürgerportal haben wir seit Jahren", "DMS läuft seit 2019", "E-Akte steht, DMS läuft …"
        r"|\b(?:haben|hat)\s+(?:wir|man)\s+seit\b|\b(?:läuft|laufen|steht|stehen)\s+(?:\w+\s+)?seit\b"
        # "Das DMS ist im Bauamt eingeführt und funktioniert", "Wir haben vor zwei Jahren ein Bürgerportal
        # eingeführt", "rund 40 Leistungen sind online", "einen Mängelmelder, der gut läuft"
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:eingeführt|eingerichtet|freigeschaltet|umgestellt)\b"
        r"(?!\s+(?:werden|worden\s+sein))"
        r"|\b(?:haben|hat)\s+(?:wir|man)\s+vor\s+(?:\w+\s+){1,5}(?:eingeführt|eingerichtet|freigeschaltet|umgestellt)\b"
        r"|\b\d+\s+(?:\w+\s+)?(?:sind|laufen)\s+(?:schon\s+|bereits\s+)?online\b"
        r"|\b(?:der|die|das)\s+(?:\w+\s+)?gut\s+(?:läuft|funktioniert)\b"
        r"|\b(?:zurzeit|derzeit|inzwischen|mittlerweile)\s+haben\s+wir\s+(?:einen|eine|ein)\b"
        # "die Buchung läuft über die Tourist-Info online – das passt"
        r"|\b(?:läuft|laufen)\s+(?!(?:\w+\s+){0,5}?(?:nicht|kaum|nie)\b)(?:\w+\s+){0,5}online\b"
        r"|^\W*(?:die\s+|der\s+|das\s+|unser\w*\s+)?\w+(?:\s+\w+)?\s+(?:steht|läuft|stehen|laufen)\W*$"
        # "das OZG-Paket vom Land läuft" (not "… muss automatisch laufen", "… alles schneller läuft")
        r"|^\W*(?:die|der|das|unser\w*)\s+(?!(?:\w+\s+){0,3}?(?:muss|müssen|soll|sollen|sollte|sollten|"
        r"schneller|besser|automatisch|digital|online)\b)\w+(?:\s+\w+){1,3}\s+(?:steht|läuft)\W*$"
        # "Glasfaser ist seit 2022 komplett verlegt"
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,2}(?:schon|bereits|komplett|vollständig|flächendeckend|überall)\s+"
        r"(?:verlegt|ausgebaut|installiert)\b"
        # "Glasfaser ist übrigens seit letztem Jahr überall verlegt"
        r"|\b(?:ist|sind)\s+(?:\w+\s+){0,2}seit\s+(?:\w+\s+){0,3}?(?:schon\s+|bereits\s+)?(?:komplett\s+|"
        r"vollständig\s+|flächendeckend\s+|überall\s+)?(?:verlegt|ausgebaut|installiert|eingeführt|umgesetzt)\b"
        # "Wir haben das Bürgerportal schon, die E-Akte läuft seit 2022"
        r"|\b(?:wir|man)\s+(?:haben|hat)\s+(?:\w+\s+){1,3}(?:schon|bereits|längst)(?=\s*(?:[,.;!]|$))"
        # "Die XRechnung-Pflicht haben wir letztes Jahr erledigt" (not "haben wir noch nicht umgesetzt")
        r"|\b(?:haben|hat)\s+(?:wir|man)\s+(?:(?!nicht\b|nie\b|kaum\b|noch\b)\w+\s+){0,3}(?:erledigt|abgeschlossen|"
        r"umgesetzt|abgehakt)(?=\s*(?:[,.;!]|$))"
        # a state that is fine: "wirtschaftlich geht es uns eigentlich gut, die Gewerbesteuer sprudelt"
        r"|\bgeht\s+(?:es|s)\s+uns\s+(?:(?:eigentlich|ganz|recht|sehr|richtig|wirklich|noch)\s+)*(?:gut|prima|bestens)\b"
        r"(?!\s+(?:voran|weiter))|\b(?:sprudelt|sprudeln)\b"
        # "die digitale Bauakte hat das Bauamt schon"
        r"|\bhat\s+(?:das|der|die)\s+\w+\s+(?:schon|bereits|längst)\b"
        # spoken "haben wir": "bürgerportal ham wir schon seit 2022", "Glasfaser hamma scho"
        r"|\b(?:ham|hamm)\s+wir\s+(?:\w+\s+)?(?:schon|scho|bereits|längst|seit)\b"
        r"|\bhamma\s+(?:\w+\s+)?(?:schon|scho|bereits|längst|seit)\b"
    )
)

# "…, jetzt geht es um …", "nun wollen wir …": the next focus after what is done
_NEXT_FOCUS = re.compile(
    fold_pattern(
        r"\b(?:jetzt|nun|als\s+nächstes|künftig|ab\s+jetzt)\b.*\b(?:geht|soll\w*|woll\w*|muss|müssen)\b"
    )
)


# What one applies for online ("die Kita-Anmeldung am Handy ausfüllen", "Straßenfeste online beantragen")
# is the object of the online service, not a goal of its own.
# not "Schul-IT", "Schul-WLAN": the school's equipment is the goal itself
_APPLICATION_OBJECT = re.compile(
    r"(?:kita|kindergart|krippe|schul|\w*fest\b|\w*feste\b)\w*\b(?!\s+(?:it|wlan|tablets?|ausstattung|netz)\b)"
    # "Schulen digital ausstatten und mehr Anträge online": the schools themselves are equipped
    r"(?!\s+(?:\w+\s+){0,2}?(?:ausstatt|ausgestatt|ausrust|ausgerust|anbind|angebund)\w*)"
)
_OBJECT_GOALS = frozenset({"daseinsvorsorge", "zivilgesellschaft"})
_APPLICATION_NOUN = re.compile(r"\s?(?:anmeldung|antrag|antrage|gebuhr|beitrag|beitrage|platz\s+beantrag)\w*")


# Paperwork and burden of volunteers ("Übungsleiter verbringen die halbe Nacht mit Papierkram für ihren
# Verein") is the civil-society goal, not the administration's efficiency, unless the clause also
# names the administration.
# also with its lead ("nicht mehr mit Zettellisten", "weniger Papierkram")
_BURDEN = re.compile(
    r"(?:(?:nicht\s+mehr|weniger|kein\w*|ohne)\s+(?:mit\s+)?(?:\w+\s+)?)?\w*(?:papier|burokratie|entlast|aufwand|zettel)\w*"
    r"|arbeit\s+(?:\w+\s+)?abn\w*"
)
_ADMINISTRATION = re.compile(
    r"\b(?:verwaltung|rathaus|amt|amter|intern\w*|kolleg\w*|mitarbeit\w*|behorde\w*)\b"
)


# "…? Nee, warte, ich glaub, noch davor kommt …": what follows goes before the goal just asked about
_GOES_BEFORE = re.compile(
    r"[\s,]*(?:(?:warte\w*|moment|halt|ich\s+glaub\w*|glaub\w*\s+ich|eigentlich)[\s,]*)*(?:\w+\s+)?"
    r"(?:noch\s+)?(?:davor|vorher)\b"
)
# A negation a few words into a reason clause describes the problem behind a goal
_REASON_BEFORE = re.compile(r"(?:\b(?:weil|denn)|(?:^|[,;]\s*)da)\s+(?:\w+\s+){0,3}$")
_CONTRAST_AFTER = re.compile(r"\b(?:als\s+um|sondern)\b")
# Three or more goal-free words, then "und": a statement of its own ends there
_OWN_STATEMENT_BEFORE_UND = re.compile(r"\s*(?:\w+\s+){3,}und\b")
# not ";": "Glasfaser und Förderung; Tourismus – spielt keine Rolle" dismisses the tourism only
_LIST_GAP = re.compile(r"[\s,/]*(?:und|oder|sowie)?[\s,/]*")


def _negate_list_before(norm: str, mentions: list[Mention], first: Mention) -> None:
    """Negate the goals listed right before `first` ("Bürgernähe, Innovation …"): each separated from
    the next only by a comma or "und"/"oder"."""
    following = first
    for mention in sorted((m for m in mentions if m.end <= first.start), key=lambda m: -m.start):
        if not _LIST_GAP.fullmatch(norm, mention.end, following.start):
            return
        mention.negated = True
        following = mention


# "Dass die Bürger besser informiert sind, ist zweitrangig, und ganz am Ende noch weniger Papier": second
# place in a ranking that goes on, not a dismissal
_SECOND_RANK_AFTER = re.compile(r"\W+(?:\w+\W+){0,2}?(?:ist|sind|ware|waren)\s+(?:\w+\s+)?zweitrangig\b")


def _second_place_before_the_last(norm: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        second = mention.negated and _SECOND_RANK_AFTER.match(norm, mention.end)
        if second and any(
            not o.negated and o.rank is not None and o.rank >= MAX_GOALS and o.start > second.end()
            for o in mentions
        ):
            mention.negated, mention.rank = False, 2


def _negate_bare_list_start(norm: str, start: int, mentions: list[Mention], first: Mention) -> None:
    """ "Mit Drohnen, KI und sonstigen Vorzeigeprojekten brauchen Sie uns nicht kommen": the clause split cut
    the list's first item off; it is dismissed with the rest (a list itself) when it opens the sentence as a
    bare item (at most a preposition before it), not "Wir wollen Bürgernähe, Innovation brauchen wir nicht"
    nor "Effizienz, Innovation – Innovation streichen"."""
    sentence_start = _sentence_start(norm, start)
    listed = [m for m in mentions if sentence_start <= m.start and m.end <= start]
    if listed and len(norm[sentence_start : listed[0].start].split()) <= 1:
        _negate_list_before(norm, mentions, first)


_PLACED_ANEW = re.compile(r"\b(?:erst|zurst|zuerst|zunachst)\b[^.!?]*\b(?:dann|danach)\s*$")


def _keep_struck_in_sentence(norm: str, mentions: list[Mention]) -> None:
    """A goal struck in a sentence stays struck there: "Rechtliche Vorgaben nicht, die sind eh Pflicht",
    "Bei uns geht es nicht um Wirtschaft, wir haben kaum Gewerbe" explain the strike, they name nothing."""
    for struck in [m for m in mentions if m.negated]:
        ends = [norm.find(mark, struck.end) for mark in ".!?"]
        sentence_end = min([e for e in ends if e >= 0], default=len(norm))
        for mention in mentions:
            later_in_sentence = struck.end <= mention.start < sentence_end
            # not "Termine online, nee streich das – erst E-Akte, dann Termine online": placed anew
            placed_anew = _PLACED_ANEW.search(norm, struck.end, mention.start)
            if mention.goal == struck.goal and later_in_sentence and mention.rank is None and not placed_anew:
                mention.negated = True


# "dass die Ehrenamtlichen, die bei uns alles tragen, vom Papierkram runterkommen": the relative clause
# between the volunteers and their paperwork
_RELATIVE_CLAUSE_BETWEEN = re.compile(
    r"\s*,\s*(?:die|der|das|deren|denen|welche)\s+[^,.;:!?]{0,60},\s*(?:\w+\s+){0,2}"
)


_VOLUNTEERS_GO_ON = re.compile(r"[^,.;:!?]{0,40},\s*(?:die|sie)\s+[^.;:!?]{0,80}")


def _names_a_burden(norm: str, mention: Mention) -> bool:
    """An Effizienz mention that only names paperwork or a burden ("Papierkram", "entlasten")."""
    return mention.goal == "effizienz" and bool(_BURDEN.fullmatch(norm[mention.start : mention.end].strip()))


def _mark_volunteer_burden_across(norm: str, mentions: list[Mention]) -> None:
    for burden in mentions:
        if not _names_a_burden(norm, burden):
            continue
        if any(
            m.goal == "zivilgesellschaft"
            and (
                _RELATIVE_CLAUSE_BETWEEN.fullmatch(norm, m.end, burden.start)
                # "Die Vereine brauchen Hilfe, die finden kaum noch Vorstände und machen alles mit Zettel"
                or (
                    _VOLUNTEERS_GO_ON.fullmatch(norm, m.end, burden.start)
                    and not _ADMINISTRATION.search(norm, m.end, burden.start)
                )
            )
            for m in mentions
        ):
            burden.context = True


def _mark_volunteer_burden(
    norm: str, clause: str, found: list[Mention], markers: Sequence[tuple[int, int, int]] = ()
) -> None:
    volunteers = [m for m in found if m.goal == "zivilgesellschaft" and not m.context]
    if not volunteers or _ADMINISTRATION.search(clause):
        return

    def same_item(one: Mention, other: Mention) -> bool:
        # "1) weniger Zettelwirtschaft 2) … 3) Plattform fürs Ehrenamt": a numbered item of its own is
        # the administration's paper, not the clubs'.
        low, high = sorted((one.start, other.start))
        return not any(low < marker[0] < high for marker in markers)

    for mention in found:
        if _names_a_burden(norm, mention) and any(same_item(mention, volunteer) for volunteer in volunteers):
            mention.context = True


# "digitale Anträge für Bürger und Unternehmen": the pair names who the online offer serves, not the
# economy as a goal of its own.
_SERVICE_AUDIENCE = re.compile(
    r"\bburger\w*\s+(?:und|sowie|&|als\s+auch|wie\s+auch)\s+(?:die\s+)?"
    r"(?:unternehm\w*|firmen|betriebe|wirtschaft|gewerbe\w*)"
    r"|\b(?:unternehm\w*|firmen|betriebe|gewerbe\w*)\s+(?:und|sowie|&|als\s+auch|wie\s+auch)\s+(?:die\s+)?burger\w*"
    # "Gäste und Einwohner sollen Dienstleistungen online erledigen können": visitors as users, no tourism
    r"|\b(?:burger\w*|einwohner\w*)\s+(?:und|sowie|&|als\s+auch|wie\s+auch)\s+(?:die\s+)?"
    r"(?:gaste|gasten|touristen|urlauber\w*|besucher\w*)\b"
    r"|\b(?:gaste|gasten|touristen|urlauber\w*|besucher\w*)\s+(?:und|sowie|&|als\s+auch|wie\s+auch)\s+(?:die\s+)?"
    r"(?:burger\w*|einwohner\w*)"
)


_FIRMS = re.compile(r"unternehm\w*|firmen|betriebe|gewerbetreibend\w*|handwerker\w*")
_THEIR_OWN = re.compile(
    r"\b(?:soll|sollen|konnen|kann|wollen)\s+(?:\w+\s+)?ihre\s+"
    r"(?:waren|produkte|zimmer|sachen|angebote|dienstleistungen|speisen|weine|erzeugnisse)\b"
)
_FOR_WHOM = re.compile(r"\s+fur\s+(?:die\s+|unsere\s+|alle\s+|ortsansassige\s+|lokale\s+)?")


_FIRMS_VACANCIES = re.compile(r"\s*,\s*(?:damit|sodass|um)\s+(?:\w+\s+){0,2}stellen\b")


def _mark_firms_vacancies(norm: str, found: list[Mention]) -> None:
    """ "mit den Betrieben zusammenarbeiten, damit offene Stellen besetzt werden": the firms' vacancies,
    not the administration's own as an employer."""
    for first, second in zip(found, found[1:], strict=False):
        if first.goal == "wirtschaft" and second.goal == "attraktivitaet":
            if _FIRMS_VACANCIES.fullmatch(norm, first.end, second.start + len("stellen")):
                second.context = True


def _mark_service_audience(norm: str, found: list[Mention]) -> None:
    if not any(m.goal == "leistungsangebot" and not m.context for m in found):
        return
    for pair in _SERVICE_AUDIENCE.finditer(norm):
        for mention in found:
            in_pair = pair.start() <= mention.start < pair.end()
            if in_pair and mention.goal in ("wirtschaft", "attraktivitaet"):
                mention.context = True
    for first, second in zip(found, found[1:], strict=False):
        if first.goal == "wirtschaft" and second.goal == "leistungsangebot":
            # "dass Unternehmen ihre Gewerbeanmeldung online erledigen können": the firms use the online
            # offer – whom it serves: after it, not first
            if (
                _FIRMS.fullmatch(norm[first.start : first.end].strip())
                and len(norm[first.end : second.start].split()) <= 2
            ):
                first.group = True
            # "Die Händler sollen ihre Waren über eine Online-Plattform anbieten": the firms' own sales
            if _THEIR_OWN.search(norm, first.end, second.start):
                second.context = True
        elif first.goal == "attraktivitaet" and first.group and second.goal == "leistungsangebot":
            # "damit die vielen Neubürger nicht alle ins Rathaus kommen müssen": newcomers as the users
            first.context = True
        elif first.goal == "leistungsangebot" and _names_whom_it_serves(
            norm, first, second, "wirtschaft", _FIRMS
        ):
            # "die Ausweitung des Online-Antragsangebots für Gewerbetreibende": whom the offer is for
            second.context = True


def _names_whom_it_serves(
    norm: str, service: Mention, audience: Mention, goal: str, words: re.Pattern
) -> bool:
    """The `audience` mention right after "für" the `service` names whom it serves ("… für Gewerbetreibende",
    "Telemedizin für Kurgäste"): a mention of `goal` whose words are only `words`."""
    return (
        audience.goal == goal
        and bool(words.fullmatch(norm[audience.start : audience.end].strip()))
        and bool(_FOR_WHOM.fullmatch(norm, service.end, audience.start))
    )


# "Telemedizin für Kurgäste", "Online-Anträge für Touristen": the guests a service is for, not tourism as a
# goal of its own (folded text)
_GUESTS = re.compile(r"\w*gaste|touristen|urlauber\w*|besucher\w*")
_SERVICE_GOALS = frozenset({"daseinsvorsorge", "leistungsangebot", "buergernaehe"})


def _mark_guests_served(norm: str, found: list[Mention]) -> None:
    for first, second in zip(found, found[1:], strict=False):
        if (
            first.goal in _SERVICE_GOALS
            and not first.context
            and _names_whom_it_serves(norm, first, second, "attraktivitaet", _GUESTS)
        ):
            second.context = True


# "moderne Technik ausprobieren": what is tried out is the object of the trial, not better tools for the
# administration.
_TRIAL = re.compile(r"(?:ausprobier|auszuprobier|test|erprob|pilot)\w*")


# Goals whose word can head a compound naming the tool that serves them ("Gewerbeflächen-Portal")
# ("ein Open-Data-Portal": the portal serves openness)
_TOOL_SERVES = frozenset(
    {"wirtschaft", "zivilgesellschaft", "attraktivitaet", "daseinsvorsorge", "buergernaehe"}
)
_TOOL_NOUN = re.compile(r"(?:portal|app|plattform|website|webseite|homepage)\w*")
# "ein Gästeportal", "die Vereinsplattform": the compound's first part names whom the tool serves
_FOR_GROUP_COMPOUND = re.compile(
    r"(?:gaste|gast|touristen|urlauber|vereins|ehrenamts|handler)(?:portal|plattform|app)"
)


# "die Mittel aus dem Landesprogramm für digitale Modellkommunen": what a funding programme is named for
_PROGRAMME_FOR = re.compile(r"programm\w*\s+(?:fur|zur|zum)\s+(?:\w+\s+){0,2}$")


def _mark_programme_purpose(norm: str, found: list[Mention]) -> None:
    for index, mention in enumerate(found):
        if (
            mention.goal != "foerdermittel"
            and any(m.goal == "foerdermittel" for m in found[:index])
            and _PROGRAMME_FOR.search(norm, max(0, mention.start - 60), mention.start)
        ):
            mention.context = True


# "ein Welcome-Portal für Zuzügler": the portal serves the goal after it
_FOR_WHOM = re.compile(r"\s+fur\s+(?:\w+\s+)?$")


def _mark_tools_of_other_goals(norm: str, found: list[Mention]) -> None:
    """ "ein Gewerbeflächen-Portal für Firmen", "die Ehrenamts-App": the portal or app serves the goal named
    in the compound's first part – or after "für" ("ein Welcome-Portal für Zuzügler"); it is no goal of online
    services of its own."""
    if any(m.goal in _TOOL_SERVES and not m.context for m in found):
        for mention in found:
            compound = _FOR_GROUP_COMPOUND.fullmatch(norm, mention.start, mention.end)
            if mention.goal == "leistungsangebot" and compound:
                mention.context = True
    for mention, following in zip(found, found[1:], strict=False):
        if (
            mention.goal == "leistungsangebot"
            and following.goal in _TOOL_SERVES
            and _TOOL_NOUN.search(norm, mention.start, mention.end)
            and _FOR_WHOM.fullmatch(norm, mention.end, following.start)
        ):
            mention.context = True
        if (
            mention.goal in _TOOL_SERVES
            and following.goal == "leistungsangebot"
            # the hyphen is a space in the normalised text
            and following.start == mention.end + 1
            and _TOOL_NOUN.fullmatch(norm, following.start, following.end)
        ):
            following.context = True


def _mark_trial_objects(norm: str, found: list[Mention]) -> None:
    for mention, following in zip(found, found[1:], strict=False):
        if (
            mention.goal == "effizienz"
            and following.goal == "innovation"
            and 0 <= following.start - mention.end <= 2
            and _TRIAL.match(norm, following.start)
        ):
            mention.context = True


# "KI im Bürgerservice ausprobieren", "Sensoren beim Bauhof": where the new technology is tried is no goal;
# "die Freiwillige Feuerwehr digital alarmieren": "Freiwillige" is the brigade's name, no volunteering goal.
# "Sensoren in Schulen und Turnhallen ausprobieren": the schools are where, not a goal of their own.
_TRIAL_SITE = re.compile(r"\s+(?:im|in|in\s+der|in\s+den|beim|bei\s+der)\s+")
_TRIAL_SITE_GOALS = frozenset({"buergernaehe", "effizienz", "leistungsangebot", "daseinsvorsorge"})
_TRIAL_CARRIER = re.compile(r"\s+(?:an\s+den|an\s+der|an\s+dem|am|auf\s+den|auf\s+dem)\s+")


def _mark_trial_sites(norm: str, found: list[Mention]) -> None:
    for mention, following in zip(found, found[1:], strict=False):
        between = norm[mention.end : following.start]
        # "Sensoren an den Mülleimern im Park", "Sensoren am Wertstoffhof": what carries the technology
        tried_there = (following.goal in _TRIAL_SITE_GOALS and _TRIAL_SITE.fullmatch(between)) or (
            following.goal != "innovation" and _TRIAL_CARRIER.fullmatch(between)
        )
        if mention.goal == "innovation" and tried_there:
            following.context = True
        if (
            mention.goal == "zivilgesellschaft"
            and following.goal == "daseinsvorsorge"
            and norm.startswith("freiwillig", mention.start)
            and not between.strip()
        ):
            mention.context = True


# "…, machen wir die Pilotprojekte nur, weil es dafür Geld gibt": the goal is the reason, not the thing.
_ONLY_BECAUSE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:nur|bloß|bloss)\s*,?\s*(?:weil|wegen|da\s+es)\b")


# "Eingangspost digital verteilen und mit KI vorsortieren, damit die Kolleg:innen wieder Luft haben": AI named
# as the tool of another goal's work is no goal of trying out new technology (a pilot or a test in the same
# sentence is: "Pilotprojekte mit KI").
_WITH_THE_TOOL = re.compile(r"\b(?:mit|per|durch|via|mithilfe\s+von|mit\s+hilfe\s+von)\s+$")
_AI_WORDS = frozenset({"ki", "kunstliche intelligenz", "kunstlicher intelligenz"})


# "Chatbot auf der Homepage, der die Standardfragen beantwortet, damit im Bürgerbüro nicht dauernd das
# Telefon klingelt": the bot named with what it is for
_PURPOSE_START = re.compile(r",\s*(?:damit|um)\b")
_PURPOSE_AFTER = re.compile(r"[^.!?]*?" + _PURPOSE_START.pattern)


def _example_of_the_goal_before(norm: str, mention: Mention, kept: list[Mention]) -> bool:
    """ "Die Bürger sollen uns besser erreichen (Chatbot, Rückrufservice)": the bot in brackets right after
    another goal is an example of how to reach it."""
    opening = norm.rfind("(", 0, mention.start)
    if opening < 0 or ")" in norm[opening : mention.start] or norm.find(")", mention.end) < 0:
        return False
    return any(m.goal != "innovation" and m.end <= opening and opening - m.end <= 3 for m in kept)


def _mark_ai_as_tool(norm: str, kept: list[Mention]) -> None:
    for mention in kept:
        word = norm[mention.start : mention.end]
        if mention.goal != "innovation" or not (word in _AI_WORDS or word.startswith("chatbot")):
            continue
        purpose = _PURPOSE_AFTER.match(norm, mention.end)
        if _example_of_the_goal_before(norm, mention, kept):
            mention.context = True
            continue
        if not (_WITH_THE_TOOL.search(norm, max(0, mention.start - 20), mention.start) or purpose):
            continue
        start, end = next((a, b) for a, b in _sentence_spans(norm) if a <= mention.start < b)
        in_sentence = [m for m in kept if start <= m.start < end and not m.context]
        if any(m.goal == "innovation" and m is not mention for m in in_sentence):
            continue  # "ein Pilotprojekt mit KI"
        if any(m.goal != "innovation" for m in in_sentence):
            mention.context = True


def _mark_means_only(norm: str, found: list[Mention]) -> None:
    for mention in found:
        if _ONLY_BECAUSE.match(norm, mention.end):
            mention.context = True


# "den Händlern eine gemeinsame Online-Plattform anbieten", "ein Gründerzentrum mit digitalen Angeboten für
# Start-ups": an offer to the businesses named in the same clause serves the local economy, it is no online
# service of the administration ("Online-Dienste für Unternehmen, etwa die Gewerbeanmeldung" still is).
_OFFER_WORD = re.compile(r"\w*(?:plattform|angebot|marktplatz)\w*")


def _mark_offers_to_businesses(norm: str, found: list[Mention]) -> None:
    if not any(m.goal == "wirtschaft" and not m.context and not m.negated for m in found):
        return
    for mention in found:
        if mention.goal == "leistungsangebot" and _OFFER_WORD.search(norm, mention.start, mention.end):
            mention.context = True


def _mark_application_objects(norm: str, found: list[Mention], previous: Sequence[Mention] = ()) -> None:
    """ "Kita-Anmeldung online": the application, not the Kita. Also as an example after the online
    services named in the clause before ("die Anträge online stellbar – Kita-Anmeldung, Sperrmüll")."""
    offered_here = any(m.goal == "leistungsangebot" for m in found)
    offered_before = any(m.goal == "leistungsangebot" for m in previous)
    if not (offered_here or offered_before):
        return
    for mention in found:
        if mention.goal in _OBJECT_GOALS and _APPLICATION_OBJECT.match(norm, mention.start):
            if offered_here or _APPLICATION_NOUN.match(norm, mention.end):
                mention.context = True


# "Bund, Land, EU egal", "von wem ist egal": the giver does not matter – no dismissal of the goal before.
_ANY_SOURCE_WILL_DO = re.compile(
    fold_pattern(
        r"^\W*(?:(?:von\s+|vom\s+|aus\s+)?(?:bund|land|länder|eu|europa|kreis|landkreis|wem|woher|wo)\W+"
        r"(?:(?:oder|und|u)\W+)?){1,4}(?:(?:ist|sind)\s+)?(?:uns\s+|mir\s+)?(?:völlig\s+|ganz\s+)?egal\b"
        # "… muss jemand anders mitbezahlen – Land, Bund, egal wer"
        r"|^\W*egal\s+(?:wer|von\s+wem|woher|welche\w*)\W*$"
    )
)
# "Und Fördermittel, die aber ganz nach vorne": only a relative pronoun between the goal and its place.
_RELATIVE_PRONOUN_GAP = re.compile(r"\W*(?:die|der|das|diese|dieses)\W+(?:aber|jedoch|bitte|dann)?\W*")
# "Glasfaser ist lückenhaft – daran soll die Digitalisierung in erster Linie was ändern"
_POINTING_ADVERB = re.compile(r"\b(?:daran|darum|darauf)\b")
# A verb that asks for a place in the ranking ("gehört", "kommt", "rückt"), right before a clause split.
_WANTS_A_PLACE = re.compile(
    r"\b(?:gehort|gehoren|kommt|kommen|steht|stehen|ruckt|rucken|rutscht|muss|soll)\W+(?:\w+\W+)?$"
)


# "Erst hätte ich gesagt KI-Pilotprojekte, aber doch nicht – lieber …": the goal before is taken back
# (one goal only; "nee, doch nicht, nur Effizienz" is a self-correction of the list)
_TAKEN_BACK = re.compile(r"^\W*(?:(?:aber|ach|oder)\W+)*(?:doch|lieber|besser)\s+nicht\W*$")


_LOW_RANK_IN_BRACKETS = re.compile(r"\W*(?:eher\s+|nur\s+)?(?:nebensache|nice\s+to\s+have|nebenbei)\W*")


def _refers_back(
    norm: str,
    clause: str,
    start: int,
    end: int,
    previous_end: int,
    previous: list[Mention],
    markers: list[tuple[int, int, int]],
) -> bool:
    """Apply a goal-free clause to the goals of the clause just before it; True if it did.

    "…, aber das ist bei uns kein Thema" / "Innovation? Nee." / "…, die lassen wir weg" dismiss them;
    "…, deshalb kommt das zuerst" / "…, das ist das Wichtigste" rank them.
    """
    if _CLOSING_REMARK.match(clause):
        return True  # "Mehr brauchen wir erstmal nicht." ends the list, it dismisses nothing
    in_brackets = norm[:start].rstrip().endswith("(")
    if in_brackets and _LOW_RANK_IN_BRACKETS.fullmatch(clause):
        return True  # "Vereine unterstützen (Nebensache)": a low rank in brackets, no dismissal
    if _PLACE_STRUCK.search(clause):
        return True  # "Streich das zweite" strikes a place of the list (_apply_self_correction)
    if re.fullmatch(r"\W*egal\W*", clause) and re.match(r"\s*,\s*\w", norm[end:]):
        return True  # "Egal, nehmen Sie die auch mit rein": an interjection, no dismissal
    if _ANY_SOURCE_WILL_DO.match(clause):
        return True  # "Zuschüsse mitnehmen, Bund, Land, EU egal": whose money does not matter, the goal does
    if _LOWER_RANK.match(clause) and re.match(r"\s*:", norm[end:]):
        return True  # "… Einzelhandel. Nachrangig: …" heads the goals after it, it dismisses none before
    after_question = "?" in norm[previous_end:start]
    between = norm[previous[-1].end : start + len(clause)] if previous else ""
    sentence_start = _sentence_start(norm, previous[0].start) if previous else 0
    also = re.search(r"\bauch\b", between) or (
        # "Daneben auch die Sportclubs …", "Vielleicht noch, dass wir für Zuzügler interessanter werden"
        previous and _ALSO_BEFORE.search(norm[sentence_start : previous[0].start])
    )
    # "…, finanziert über Förderprogramme – das Geld ist aber zweitrangig" weighs it like "auch" (but not
    # "ach nein, das OZG ist eher zweitrangig", nor a bare "Innovation, aber nachrangig").
    sentence = norm[sentence_start : start + len(clause)]
    weighed = _IS_BUT.search(between) and not re.search(r"\b(?:nein|nee|ne|doch\s+nicht)\b", sentence)
    if (also or weighed) and re.search(r"\baber\b", between) and _LOWER_RANK.match(clause):
        # "Innovation auch, aber nachrangig": chosen, at the end – not dismissed.
        for mention in previous:
            if mention.rank is None:
                mention.rank = MAX_GOALS
        return True
    if after_question and _BARE_NO.match(clause) and _GOES_BEFORE.match(norm, end):
        # "Firmen ins Gewerbegebiet holen? Nee, warte, noch davor kommt, dass …": reordered, not dismissed
        for mention in previous:
            if mention.rank is None:
                mention.rank = 2
        return True
    if not _OTHER_THINGS.search(clause):
        strong = (
            bool(_DISMISSAL_WORDS.search(clause))
            or bool(_TAKEN_BACK.match(clause) and len({m.goal for m in previous}) == 1)
            or any(_DISMISSAL_AFTER.match(clause, n.end()) for n in _NEGATION.finditer(clause))
            # "Online-Anträge? Haben wir schon über 80 Stück. Bürgerbeteiligung? Will der Rat, ich nicht."
            or bool(after_question and _ANSWERED_AWAY.match(norm, start) and not _still_wanted(norm, start))
        )
        if strong or _REJECTION.search(clause) or (after_question and _BARE_NO.match(clause)):
            for mention in previous:
                # Taking a problem away is the goal ("Papierkram, den lassen wir weg"); only a plain
                # dismissal ("ist uns egal") drops it.
                if strong or not mention.problem:
                    mention.negated = True
            return True
    if markers and not norm[end : end + 2].lstrip().startswith(":"):
        in_marker = [(s - start, e - start) for s, e, _ in markers]
        pronouns = [
            p for p in _BACK_PRONOUN.finditer(clause) if not any(a <= p.start() < b for a, b in in_marker)
        ] + list(_POINTING_ADVERB.finditer(clause))
        # one goal, also named twice ("KI-Pilotprojekte, und die bitte ganz nach vorne")
        one_goal = len({m.goal for m in previous}) == 1
        closing = one_goal and not norm[end:].strip(" .!?")
        # "Die Innovation gehört aber eigentlich ganz nach vorne": the clause split cut the verb from
        # its destination.
        # Not across a sentence end: "… und der Rufbus per Handy kommt. Und als Zweites, dass …".
        destination = (
            previous
            and not re.search(r"[.!?]", norm[previous[-1].end : start])
            and (
                _WANTS_A_PLACE.search(norm, previous[-1].end, start)
                or _RELATIVE_PRONOUN_GAP.fullmatch(norm, previous[-1].end, start)
            )
        )
        # "Und Vereine, aber erst als zweites": the clause is only the place of the goal before it.
        only_a_place = (
            one_goal
            and _ONLY_A_PLACE.fullmatch(clause)
            # not "…, und als Drittes, mit Abstand, die Attraktivität": that one introduces the next goal
            and _ends_its_sentence(norm, end)
        )
        # "Ratsunterlagen öffentlich (Priorität 1).": a rank in brackets right after the goals
        # (normalising may have dropped the closing bracket: "(prioritat platz 1 .")
        rank_in_brackets = in_brackets and len(clause.split()) <= _FILLER_MAX_WORDS
        if pronouns or closing or destination or only_a_place or rank_in_brackets:
            # "…, deshalb kommt das zuerst"; "Und Fördermittel, eigentlich sogar das Wichtigste" (the
            # answer's last words rank its one goal).
            for mention in previous:
                if mention.rank is None:
                    mention.rank = markers[0][2]
            return True
    return False


# "Die Mobilität kommt aber erst danach", "… steht bei uns erst dahinter" (normalised text)
_COMES_LATER = re.compile(
    r"\b(?:kommt|kommen|steht|stehen|rangiert)\s+(?:\w+\s+){0,3}?erst\s+(?:danach|dahinter|hinterher|spater)\b"
)
_IS_BUT = re.compile(r"\b(?:ist|sind|ware|waren)\s+(?:aber|allerdings)\b")
_ONLY_A_PLACE = re.compile(
    r"\W*(?:aber|allerdings|jedoch|und\s+zwar|und|also|deshalb|darum|daher)?\s*"
    # "…, dass man mehr online beantragen kann, wäre am wichtigsten."
    r"(?:(?:ist|ware|sind|waren|kommt|kommen|steht|stehen)\s+(?:mir|uns|bei\s+uns|fur\s+uns)?\s*)?"
    r"(?:erst|dann|bitte|eher|eigentlich|schon|sogar)?\s*"
    r"(?:als\s+(?:erstes|zweites|drittes|letztes)|an\s+(?:erster|zweiter|dritter|letzter)\s+stelle|"
    r"auf\s+(?:platz|rang)\s+\w+|am\s+(?:aller)?wichtigsten|das\s+(?:aller)?wichtigste|"
    # "…, das ist Pflicht, also zuerst." (normalised: "zurst")
    r"zurst|zunachst)\W*"
)


def _only_reranks(later: list[Mention], found: list[Mention]) -> bool:
    return bool(later) and {m.goal for m in later} <= {m.goal for m in found}


# also a threat: "Glasfaser bis in die Ortsteile – sonst wandern uns die Betriebe ab" (not "sonst noch X")
_REASON_AFTER = re.compile(
    r",\s*(?:weil|denn)\b"
    r"|,\s*(?:denn\s+)?sonst\s+(?=(?:\w+\s+){0,2}(?:wander|zieh|geh|verlier|bleib|brich|brech|sterb|droh|"
    r"verpass|hang|schliess|verschwind|ver(?:o|oe)d)\w*)"
)
# The main clause's verb and subject after a reason (folded text): "…, wollen wir …", "… – deshalb kümmern
# wir …"
_MAIN_CLAUSE_VERB = (
    r"(?:wollen|mochten|mussen|werden|sollen|sollten|brauchen|planen|machen|kummern|setzen|konzentrieren)"
    r"\s+wir\b"
)
# "…, weil die Frist läuft, und sonst …": the list goes on after the reason
# (also the next item of a plan: "…, weil die Pflicht kommt, langfristig ein Portal …")
_REASON_ENDS = re.compile(
    r",\s*(?:und|sowie|ausserdem|dann|danach|langfristig|mittelfristig|kurzfristig|spater|auf\s+lange\s+sicht)\b"
    # "…, weil das Netz so schlecht ist, wollen wir den Glasfaserausbau vorantreiben": the main clause resumes
    rf"|(?=,\s*{_MAIN_CLAUSE_VERB})"
)
# "Da uns die jungen Familien wegziehen, …, wollen wir …", "Weil der Tourismus von allein läuft, kümmern wir
# uns lieber um …": a reason that opens the sentence, before its main clause
_REASON_FIRST = re.compile(r"\W*(?:da|weil|zumal|nachdem|seit|seitdem)\b")
# (also "Seit unser Wirtschaftsförderer in Rente ist, macht das keiner – deshalb konzentrieren wir uns …")
_MAIN_CLAUSE_AFTER_REASON = re.compile(
    rf"(?:,|\s[–-])\s*(?:(?:deshalb|darum|daher|deswegen)\s+)?{_MAIN_CLAUSE_VERB}"
)


def _purpose_start(norm: str, start: int, end: int) -> int:
    found = _PURPOSE_START.search(norm, start, end)
    return found.start() if found else end


def _reason_start(norm: str, start: int, end: int) -> int:
    """Where a reason clause (", weil …", ", denn …") begins in norm[start:end], else `end`."""
    found = _REASON_AFTER.search(norm, start, end)
    return found.start() if found else end


def _mark_reasons(norm: str, mentions: list[Mention]) -> None:
    """ "Mehr Leistungen online, weil … der Bürgerbus nur zweimal am Tag fährt": what the reason after a
    goal names is no goal of its own (unless ranked)."""
    for a, b in _sentence_spans(norm):
        main = _MAIN_CLAUSE_AFTER_REASON.search(norm, a, b) if _REASON_FIRST.match(norm, a) else None
        if main and any(main.end() <= m.start < b and not m.context for m in mentions):
            for mention in mentions:
                if a <= mention.start < main.start() and mention.rank is None:
                    mention.context = True
        reason = _reason_start(norm, a, b)
        if reason == b or not any(a <= m.start < reason and not m.context for m in mentions):
            continue
        goes_on = _REASON_ENDS.search(norm, reason + 1, b)
        reason_end = goes_on.start() if goes_on else b
        for mention in mentions:
            # a legal deadline given as the reason is a duty of its own ("…, weil die gesetzlichen Fristen
            # laufen")
            if (
                reason <= mention.start < reason_end
                and mention.rank is None
                and mention.goal != "rechtliche_vorgaben"
            ):
                mention.context = True


# "Gesundheitsamt, Kreisverwaltung.", "Smart-City-Büro, Großstadt.": who is writing, as the answer's opening
_SENDER = re.compile(
    fold_pattern(
        # words and commas only before the office word ("Hauptziel: Verwaltung beschleunigen." is no sender);
        # not "Ehrenamt"
        r"^\W*(?:\w+[ ,]+){0,3}?\w*(?:(?<!ehren)amt|ämter|büro|verwaltung|abteilung|stabsstelle|referat|"
        r"fachbereich|dezernat)\b(?:[ ,]+\w+){0,2}?\s*[.:]"
    )
)


# "Nach eurer Typologie wären wir wohl Innovatoren", "Realistisch sind wir noch Pflichterfüller": the type
# the writer sees the municipality as (a clause with both; searched per clause, which keeps it linear)
_WE_ARE_A = re.compile(fold_pattern(r"\b(?:wären\s+wir|sind\s+wir|wir\s+wären|wir\s+sind)\b"))
_TYPE_WORD = re.compile(
    fold_pattern(
        r"\b(?:typologie|typ|typen|kommunentyp\w*|pflichterfüller|innovatoren|optimierer|serviceorientierte\w*|"
        r"community\s+manager|bedächtige\w*|dienstleister|nachzügler)\b"
    )
)
_CLAUSE_END = re.compile(r"[,.;:!?]")


def _mark_type_self(norm: str, mentions: list[Mention]) -> None:
    start = 0
    for end in [m.start() for m in _CLAUSE_END.finditer(norm)] + [len(norm)]:
        if _WE_ARE_A.search(norm, start, end) and _TYPE_WORD.search(norm, start, end):
            for mention in mentions:
                if start <= mention.start < end:
                    mention.context = True
        start = end + 1


# "Früher ging es uns vor allem ums Fördergeld. Heute wollen wir …": the past focus is background, and
# so is what gave the first push ("Den Anstoß gab zwar die E-Rechnungspflicht, …").
_PAST_FOCUS = re.compile(
    fold_pattern(
        r"(?:^|[.!?;]\s*)(?:früher|damals|bisher|lange\s+zeit|in\s+der\s+vergangenheit|in\s+den\s+letzten\s+jahren|"
        # "Als wir 2019 angefangen haben, ging es uns darum, …"
        r"als\s+wir\s+(?:\w+\s+){0,3}(?:angefangen|begonnen)\s+haben|"
        # "Vor fünf Jahren hätte ich Fördermittel gesagt, …. Heute …"
        r"vor\s+(?:\w+\s+)?(?:jahren|jahrzehnten|zeiten|langer\s+zeit))\b[^.!?;]*?"
        r"\b(?:ging|gingen|war|waren|wollten|wollte|hatten|hatte|hätte|standen|stand|lag|lagen|drehte|gegolten|"
        r"galt)\b"
        r"|(\bden\s+anstoss\s+(?:dazu\s+|dafür\s+|zu\s+\w+\s+)?(?:gab|gaben|hat\s+\w+\s+gegeben)\b)"
    )
)
_NOW = re.compile(fold_pattern(r"\b(?:heute|jetzt|inzwischen|mittlerweile|nun|künftig|aktuell|seitdem)\b"))


# "Smart-City-Sensorik ist schick, aber lieber bringen wir erst mal die E-Rechnung ans Laufen": what is
# granted to be nice before "aber lieber/erst" is not wanted now (normalised text)
_CONCEDED = re.compile(
    fold_pattern(
        r"\b(?:ist|sind|wäre|wären|klingt|klingen)\s+(?:(?:ja|zwar|ganz|sicher|alles|auch)\s+)*"
        r"(?:schick|nett|toll|spannend|interessant|cool|fein|gut\s+und\s+schön)\s*,?\s*aber\s+"
        r"(?:\w+\s+){0,3}?(?:lieber|erst|zuerst|zunächst|vorher|wichtiger|dringender)\b"
    )
)


def _background_span(mentions: list[Mention], start: int, end: int, goals_after: int | None = None) -> None:
    """The mentions in [start, end) become background – only when the answer states a goal elsewhere: after
    `goals_after` if given, else anywhere outside the span."""
    if goals_after is not None:
        elsewhere = any(m.start >= goals_after and not m.context for m in mentions)
    else:
        elsewhere = any(not (start <= m.start < end) and not m.context for m in mentions)
    if elsewhere:
        for mention in mentions:
            if start <= mention.start < end:
                mention.context = True


def _mark_conceded(norm: str, mentions: list[Mention]) -> None:
    for conceded in _CONCEDED.finditer(norm):
        _background_span(mentions, _sentence_start(norm, conceded.start()), conceded.start(), conceded.end())


# "Fördertöpfen hinterherlaufen oder eigene Prioritäten setzen? Ich sage: …": the options of a question the
# writer then answers are not yet the choice; the answer after it names what is wanted (normalised text).
_ALTERNATIVE_QUESTION = re.compile(r"[^.!?;]*\boder\b[^.!?;]*\?")
_BOTH_OPTIONS = re.compile(fold_pattern(r"\b(?:beides|beide|sowohl|alles\s+davon)\b"))


# "Fällt KI unter Innovation, …?", "Was ist mit Smart City, ist das ein eigener Punkt?": a question about
# what an option covers names no choice – unless the next words take it ("Ja? Dann das zuerst.")
_CATEGORY_QUESTION = re.compile(
    fold_pattern(
        r"(?:^|(?<=[.!?]\s))(?:(?:und|also|ach|ähm)\s+)?(?:fällt|fallen|zählt|zählen|gehört|gehören|"
        # "Meinen Sie so was wie Glasfaser oder Onlineanträge?": examples asked back
        r"meinen\s+sie|meinst\s+du|meint\s+ihr|"
        r"was\s+ist\s+(?:eigentlich\s+)?mit)\b[^.!?]*\?"
    )
)
_DONT_KNOW_AFTER = re.compile(
    fold_pattern(
        r"\s*(?:(?:das|dann)\s+)?(?:weiß\s+ich\s+(?:\w+\s+){0,3}?nicht|keine\s+ahnung|kann\s+ich\s+nicht\s+sagen)\b"
    )
)
_TAKEN_AFTER_QUESTION = re.compile(
    fold_pattern(r"\s*(?:(?:ja|gut|ok|falls\s+ja|wenn\s+ja)\W+)?(?:dann|das|den|die|dies\w*)\b")
)


# "Bürgerfreundlich heißt bei uns: Ummeldung und Hundesteuer online": the vague word is defined by the goals
# after the colon; it names none of its own
_DEFINES_A_WORD = re.compile(
    fold_pattern(
        r"(?:^|(?<=[.!?]\s))(?:\w+\s+){1,2}(?:heißt|bedeutet)\s+(?:für\s+(?:uns|mich)|bei\s+uns)\s*"
        r"(?:(?:konkret|vor\s+allem|also)\s*)?:"
        # "Smart Village ist das Stichwort: eine digitale Dorfplattform …"
        r"|(?:^|(?<=[.!?]\s))(?:\w+\s+){1,2}ist\s+(?:(?:bei\s+uns|für\s+uns)\s+)?(?:das|unser)\s+"
        r"(?:stichwort|schlagwort|motto|leitbild)\s*:"
        # "Smart City natürlich, also bei uns konkret Parkleitsystem und Echtzeitdaten für den Bus": the
        # catchword opening the sentence is spelled out by the goals after "konkret"
        r"|(?:^|(?<=[.!?]\s))(?:\w+\s+){0,2}\w+\W{0,3}\s+(?:natürlich\W{0,3}\s+|klar\W{0,3}\s+)?"
        r"also\s+(?:bei\s+uns\s+|für\s+uns\s+)?konkret\b"
    )
)


def _mark_defined_words(norm: str, kept: list[Mention]) -> None:
    for defined in _DEFINES_A_WORD.finditer(norm):
        sentence_end = _sentence_end(norm, defined.end())
        if any(defined.end() <= m.start < sentence_end and not m.context for m in kept):
            for mention in _between(kept, defined.start(), defined.end()):
                mention.context = True


def _mark_category_questions(norm: str, kept: list[Mention]) -> None:
    for question in _CATEGORY_QUESTION.finditer(norm):
        if _TAKEN_AFTER_QUESTION.match(norm, question.end()) or _WISHED_BY_NEXT.match(norm, question.end()):
            continue
        if _DONT_KNOW_AFTER.match(norm, question.end()):
            # "Meinen Sie so was wie Glasfaser? Weiß ich ehrlich gesagt nicht, …": no choice at all
            for mention in _between(kept, question.start(), question.end()):
                mention.context = True
            continue
        _background_span(kept, question.start(), question.end(), question.end())


def _mark_deliberated(norm: str, mentions: list[Mention]) -> None:
    for question in _ALTERNATIVE_QUESTION.finditer(norm):
        asked = [m.goal for m in _in_span(mentions, question)]
        # "So ein Punkt Bürgernähe oder Bürgerorientierung? Den nehm ich.": two names of one goal
        one_goal_named_twice = len(asked) > 1 and len(set(asked)) == 1
        if not one_goal_named_twice and not _BOTH_OPTIONS.search(norm, question.end()):
            _background_span(mentions, question.start(), question.end(), question.end())


# "…, das ist abgehakt.", "Das betrachten wir als erledigt.", "…, und der ist jetzt durch": a pronoun says
# that what was just told is done (normalised text)
_DONE_BY_REFERENCE = re.compile(
    fold_pattern(
        r"\b(?:das|dies|der|die|er|sie|es)\s+(?:(?:ist|sind|war|waren)\s+(?:(?!nicht|kaum|nie|noch)\w+\s+){0,4}?"
        r"|(?:betrachten|sehen)\s+wir\s+(?:\w+\s+)?als\s+|gilt\s+(?:\w+\s+)?als\s+)"
        # "Das ist aber seit letztem Monat live"
        r"(?:abgehakt|erledigt|abgeschlossen|durch|fertig|umgesetzt|geschafft|vorbei|vergangenheit|geschichte|live|"
        r"in\s+betrieb)\b"
        # "Für die Schulen haben wir den Zuschuss schon bewilligt bekommen, das läuft."
        r"|\b(?:das|der|die|es)\s+(?:läuft|steht)(?:\s+(?:schon|bereits|ja))?(?=\s*(?:[,.;!]|$))"
        # "Korrektur: Das haben wir mit dem Serviceportal eigentlich schon ganz gut abgedeckt."
        r"|\b(?:das|dies|den|die|es)\s+(?:haben|hätten|hatten)\s+wir\s+(?:(?!nicht|kaum|nie|noch)\w+\s+){0,6}?"
        # ("Das haben wir schon immer so gemacht" is the habit, not a thing done)
        r"(?:schon|bereits)\s+(?!immer\b)(?:\w+\s+){0,3}?(?:abgedeckt|erledigt|umgesetzt|gelöst|geschafft|eingeführt|im\s+griff|"
        # "Wobei – das haben wir letztes Jahr schon gemacht."
        r"gemacht|getestet|ausprobiert|erprobt)\b"
    )
)
# What may stand before the pointing word of a sentence that points back ("Korrektur: Das haben wir …").
_LEAD_IN = re.compile(
    fold_pattern(r"\W*(?:(?:korrektur|ach|also|nee|nein|moment|halt|wobei|aber|oh|ach\s+so)\W*)*")
)


def _mark_done_by_reference(norm: str, mentions: list[Mention]) -> None:
    for done in _DONE_BY_REFERENCE.finditer(norm):
        start = _sentence_start(norm, done.start())
        if _LEAD_IN.fullmatch(norm, start, done.start()):
            # "Das betrachten wir als erledigt." on its own points at the sentence before
            start = _sentence_start(norm, max(start - 1, 0))
        # also what the sentence itself names as the means ("Das haben wir mit dem Serviceportal schon …")
        _background_span(mentions, start, done.end(), done.end())


# "Wenn ich eins streichen müsste, dann das Ausprobieren neuer Technik", "…, wären das die Website und das
# KI-Projekt": what the rest of the sentence names is what would go (normalised text)
_STRUCK_IF_NEED_BE = re.compile(
    fold_pattern(
        r"\bwenn\s+(?:ich|wir|man)\s+(?:\w+\s+){0,5}?(?:streichen|weglassen|rausnehmen|opfern|aufgeben)\s+"
        r"(?:müsste|müssten|sollte|sollten|würde|würden|könnte|könnten|dürfte)\b"
    )
)


# "Wenn das Geld da wäre, würden wir sofort ein Smart-Village-Projekt starten. Ist es aber nicht.": a wish
# for a world the next sentence rules out (normalised text)
_COUNTERFACTUAL = re.compile(
    fold_pattern(
        r"\bwenn\s+[^.!?]*?\b(?:wäre|wären|hätte|hätten)\b[^.!?]*?\b(?:würden|würde|könnten|hätten)\b[^.!?]*?(?:[.!?]+|,)"
        r"\s*(?:(?:ist|sind|haben|hat)\s+(?:es|wir|er|sie|das)\s+(?:\w+\s+)?aber\s+(?:leider\s+)?nicht\b|"
        r"(?:ist|sind)\s+(?:es|wir)\s+(?:leider\s+|halt\s+|nun\s+mal\s+)?(?:aber\s+)?nicht\b|"
        # "…, haben wir aber nicht." ("aber" is dropped by normalise)
        r"(?:haben|hat)\s+(?:es|wir|er|sie)\s+(?:leider\s+|halt\s+|nun\s+mal\s+)?(?:aber\s+)?nicht\s*(?:[.!?,;]|$))"
    )
)


def _between(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that begin in start..end of the normalised text."""
    return [mention for mention in mentions if start <= mention.start < end]


def _in_span(mentions: list[Mention], span: re.Match[str]) -> list[Mention]:
    return _between(mentions, span.start(), span.end())


def _mark_counterfactual(wishes: list[re.Match[str]], mentions: list[Mention]) -> None:
    # Background even when nothing else is named: a wish the answer itself rules out is no goal, and the
    # question is better asked again than answered with it.
    for wish in wishes:
        for mention in _in_span(mentions, wish):
            mention.context = True


# "Anders als der Kreis, der voll auf Smart City setzt, wollen wir …": what the other body does is no goal
_UNLIKE_OTHERS = re.compile(
    fold_pattern(
        r"\banders\s+als\s+(?:der|die|das|den|unser\w*)\s+\w+(?:\s+\w+)?\s*,\s*(?:der|die|das)\s+[^,.;:!?]*"
    )
)
# "Nicht die Technik ist unser Ziel, und auch nicht, irgendwelche Pilotprojekte vorzuzeigen.": the clause
# after "auch nicht," is negated too
_NOT_EITHER = re.compile(r"\bauch\s+nicht\s*,\s*[^,.;:!?]*")


def _mark_what_others_do(norm: str, mentions: list[Mention]) -> None:
    for others in _UNLIKE_OTHERS.finditer(norm):
        _background_span(mentions, others.start(), others.end())


def _mark_not_either(norm: str, mentions: list[Mention]) -> None:
    for negated in _NOT_EITHER.finditer(norm):
        for mention in _in_span(mentions, negated):
            mention.negated = True


# "… – eigentlich sind wir fertig": nothing is left to do, so what was told as done is no goal either
_NOTHING_LEFT = re.compile(
    fold_pattern(
        r"\b(?:eigentlich\s+|im\s+grunde\s+|soweit\s+)?sind\s+wir\s+(?:\w+\s+)?(?:fertig|durch)\b"
        r"|\b(?:neue|weitere)\s+ziele\s+(?:gibt\s+es|haben\s+wir)\s+(?:\w+\s+)?keine\b"
        # "Wir haben weder Personal noch Geld, da gibt's keine Ziele" (not "…, aber die Anträge sollen …")
        r"|\b(?:gibt(?:\s?s|\s+es)|haben\s+wir)\s+(?:eigentlich\s+|überhaupt\s+|halt\s+)?keine\s+ziele\b"
        r"(?![^.!?]*\b(?:aber|sondern|ausser|trotzdem)\b)"
    )
)
# "Online-Termine, E-Akte, Glasfaser – haben wir alles schon umgesetzt": every goal listed before is done
_DONE_LIST = re.compile(
    fold_pattern(
        r"\b(?:haben|hatten)\s+wir\s+(?:das\s+)?(?:alles|alle|beides)\s+(?:schon|bereits|längst)\b"
        r"|\b(?:alles|beides)\s+(?:schon|bereits|längst)\s+(?:umgesetzt|erledigt|eingeführt|geschafft|fertig|vorhanden)\b"
    )
)


def _done_as_a_list(norm: str, mentions: list[Mention]) -> list[Mention]:
    listed: list[Mention] = []
    for said in _DONE_LIST.finditer(norm):
        start = _sentence_start(norm, said.start())
        listed.extend(m for m in mentions if start <= m.start < said.start() and not m.negated)
    return listed


def _mark_struck_if_need_be(norm: str, mentions: list[Mention]) -> None:
    for struck in _STRUCK_IF_NEED_BE.finditer(norm):
        ends = _SENTENCE_END.search(norm, struck.end())
        _background_span(mentions, struck.end(), ends.start() if ends else len(norm))


_MEANS_NOT_GOAL_TEXT = re.compile(fold_pattern(_MEANS_NOT_GOAL))
_DISMISSED_CLAUSE_TEXT = re.compile(fold_pattern(f"{_MEANS_NOT_GOAL}|{_DISMISSED_IN_CLAUSE}"))
_CLAUSE_START_MARK = re.compile(r"[,;:.!?–\n]")
_PRONOUN_BEFORE_MEANS = re.compile(
    r"[,;:–-]\s*(?:das|dies|es)\s+(?:ist|wäre|ware|bleibt)\s+(?:(?:aber|doch|ja|natürlich|naturlich|allerdings)\s+)*$"
)


def _mark_means_named_again(norm: str, mentions: list[Mention], kept: list[Mention]) -> None:
    """What a clause dismisses ("das Experiment ist nur das Mittel", "… wurde geprüft und verworfen") is no
    goal; the goal it calls a means ("der Zuschuss ist aber nur das Mittel") is none anywhere before it
    either; "Fördermittel nehmen wir mit, wenn es welche gibt, das ist aber kein Ziel an sich": a pronoun
    calls the whole sentence before it so."""
    for dismissed in _DISMISSED_CLAUSE_TEXT.finditer(norm):
        # "das Experiment ist nur das Mittel": what the clause itself names
        marks = [m.end() for m in _CLAUSE_START_MARK.finditer(norm, 0, dismissed.start())]
        clause_start = marks[-1] if marks else 0
        for mention in kept:
            if clause_start <= mention.start < dismissed.start():
                mention.context = True
    for means in _MEANS_NOT_GOAL_TEXT.finditer(norm):
        start = _sentence_start(norm, means.start())
        called = {m.goal for m in mentions if m.negated and start <= m.start < means.end()}
        by_pronoun = not called and _PRONOUN_BEFORE_MEANS.search(norm, start, means.start())
        for mention in kept:
            # "Wir testen einen KI-Chatbot … Erreichbarkeit ist das Ziel, das Experiment ist nur das Mittel":
            # the goal called a means is none anywhere before it
            if mention.start < means.start() and (
                mention.goal in called or (by_pronoun and mention.start >= start)
            ):
                mention.context = True


# "Zuschüsse werden nur beantragt, falls das Land ein Programm auflegt", "fördergelder, aber nur wenns das
# land anbietet": funding on a condition is no goal (normalised text, after the funding mention)
_ONLY_IF_AFTER = re.compile(r"[^.!?]{0,60}?\bnur\b[^.!?]{0,25}?\b(?:wenn|wenns|falls|sofern)\b")
# "Förderung beantragen, wenn es passt", "Zuschüsse mitnehmen, falls sich was ergibt": taken when on offer,
# no goal of its own (not "…, wo es nur geht": wherever possible)
_WHEN_ON_OFFER_AFTER = re.compile(
    r"[^.!?,;]{0,40}?,?\s*(?:wenn|wenns|falls|sofern)\s+(?:es|sich|was|das|welche)\s+(?:\w+\s+){0,2}?"
    r"(?:passt|ergibt|anbietet|bietet|lohnt|gibt|da\s+ist)\b"
)
# "Sobald der Förderbescheid da ist, starten wir …": the funding is the condition of the goal after it
_AS_SOON_AS_BEFORE = re.compile(r"\b(?:sobald|wenn|falls|sofern)\s+(?:\w+\s+){0,2}$")
_IS_THERE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:da|bewilligt|genehmigt|eingegangen)\s+(?:ist|sind)\b"
    # "Falls wir Fördergelder bekommen, wollen wir das Bürgerbüro aufrüsten", "falls es Förderung gibt, …"
    # (not "…, wäre das gut": then the money itself is wished for)
    # "Wenn die Förderung vom Land durchkommt, wollen wir …", "wenn der Zuschuss bewilligt wird, …"
    r"|\s+(?:\w+\s+)?(?:bewilligt|genehmigt)\s+(?:wird|werden)\b"
    r"|\s+(?:\w+\s+)?(?:bekommen|bekommt|kriegen|kriegt|erhalten|erhalt|gibt|fliessen|fliesst|durchkommt|"
    r"durchkommen|durchgeht|durchgehen|klappt|klappen|kommt|kommen)\s*,"
    r"(?!\s*(?:das\s+)?(?:ware|waere|ist|wurde|waer|umso|um\s+so|desto|gern|gerne|prima|super|schon|toll)\b)"
)

# "Wenn das Land die Kosten übernimmt, machen wir … mit": the main clause after the condition says what we do
# (not "…, wäre das gut": then the money itself is wished for)
_WE_ACT_AFTER = re.compile(r"\s*,\s*(?:dann\s+)?\w+\s+(?:wir|man)\b")

# "weniger Tourismuswerbung, mehr Rufbus", "Weniger Prestigeprojekte wie smarte Laternen, eher dass …": what
# comes after "weniger" is wanted less than what follows (not a problem to reduce: "weniger Papier, mehr
# Service" wants both)
_LESS_RATHER = re.compile(
    r"(?:^|[.!?;:]\s*|\b(?:und|also|aber)\s+)weniger\s+(?!(?:wichtig|dringend|als|um)\b)"
    r"([^,;.!?]{1,80}?)\s*[,;]\s*(?:sondern\s+|dafur\s+)?(?:eher|mehr|lieber|dafur|sondern)\b"
)


# "Es geht uns weniger um neue Online-Anträge als um den guten Draht", "weniger das Jagen nach Fördertöpfen –
# davon halte ich nichts – als das, was …": the goal after "als" is wanted instead (not "lieber weniger
# Papier als mehr Personal", not "… und als Arbeitgeber attraktiv", not "weniger als bisher")
_LESS_THAN = re.compile(
    r"(?<!lieber\s)\bweniger\s+(?!(?:wichtig|dringend|als|um\s+zu)\b)([^.!?;:]{1,90}?)(?<!\bund)\s+als\s+"
    r"(?!(?:bisher|fruher|heute|vorher|jetzt|sonst|gedacht|erwartet|noch)\b)"
)


def _mark_less_rather(norm: str, kept: list[Mention]) -> None:
    for less in [*_LESS_RATHER.finditer(norm), *_LESS_THAN.finditer(norm)]:
        inside = [m for m in kept if less.start(1) <= m.start < less.end(1) and not m.problem]
        if inside and any(m.start >= less.end() for m in kept):
            for mention in inside:
                mention.context = True


def _mark_conditional_funding(norm: str, kept: list[Mention]) -> None:
    for mention in kept:
        if mention.goal == "foerdermittel" and (
            _ONLY_IF_AFTER.match(norm, mention.end)
            or _WHEN_ON_OFFER_AFTER.match(norm, mention.end)
            or (
                _AS_SOON_AS_BEFORE.search(norm, max(0, mention.start - 30), mention.start)
                and (_IS_THERE_AFTER.match(norm, mention.end) or _WE_ACT_AFTER.match(norm, mention.end))
            )
        ):
            mention.context = True


# "Es geht uns nicht nur darum, Anträge online anzubieten, sondern vor allem darum, dass …": what follows
# "sondern vor allem" comes first (normalised text)
_NOT_ONLY_BUT_ABOVE_ALL = re.compile(
    fold_pattern(
        r"\bnicht\s+nur\b[^.!?;]*?\bsondern\s+(?:auch\s+)?(?:vor\s+allem|in\s+erster\s+linie|hauptsächlich|"
        r"primär|insbesondere|besonders)\b"
    )
)


def _rank_not_only_but_above_all(norm: str, mentions: list[Mention]) -> None:
    for found in _NOT_ONLY_BUT_ABOVE_ALL.finditer(norm):
        after = [m for m in mentions if m.start >= found.end() and not m.context]
        if not after:
            continue
        for mention in mentions:
            if found.start() <= mention.start < found.end() and mention.rank == 1:
                mention.rank = None
        if after[0].rank is None:
            after[0].rank = 1


def _mark_past_focus(norm: str, mentions: list[Mention]) -> None:
    for past in _PAST_FOCUS.finditer(norm):
        # the push covers its clause ("…, aber die erfüllen wir schon"), the past its sentence
        ends = (_CLAUSE_END if past.group(1) else _SENTENCE_END).search(norm, past.end())
        end = ends.start() if ends else len(norm)
        if not past.group(1) and not _NOW.search(norm, past.end()):
            continue
        # only beside goals stated after it
        _background_span(mentions, past.start(), end, end)


# "… dass die Feuerwehr digital alarmiert wird – die Feuerwehr ist dabei sogar wichtiger": a word taken up
# again as the subject of a remark names the goal it was part of.
_REMARK_AFTER = re.compile(r"\s+(?:ist|sind|kommt|kommen|geht|gehen|hat|haben|wäre|ware)\b")


def _take_up_earlier(norm: str, found: list[Mention], earlier: list[Mention]) -> None:
    if len(found) != 1 or not earlier:
        return
    mention = found[0]
    word = norm[mention.start : mention.end].strip()
    if " " in word or not _REMARK_AFTER.match(norm, mention.end):
        return
    named = _latest_naming(norm, word, earlier, other_than=mention.goal)
    if named is not None:
        mention.goal = named.goal


# "Die Unterstützung für unsere Betriebe ist zweitrangig, zuerst müssen wir …", "KI – schön und gut, das kommt
# aber ganz am Ende. Vorher muss …": put behind what comes first, not dismissed (normalised text).
_DEMOTED_BEFORE_FIRST = re.compile(
    r"\b(?:ist|sind|kommt|kommen)\s+(?:(?:aber|eher|erst|dann|fur\s+uns|bei\s+uns)\s+)*"
    r"(?:zweitrangig|nachrangig|nachgeordnet|(?:ganz\s+)?am\s+ende|(?:ganz\s+)?zum\s+schluss|zuletzt)\b"
    r"[\s,;.:!–-]+(?:(?:und|aber|doch)\s+)?(?:zurst|zuallererst|zunachst|vorher|davor|vorrangig|erst\s+(?:mal|einmal)|erstmal)\b"
)


def _keep_demoted_before_first(norm: str, mentions: list[Mention]) -> None:
    for demoted in _DEMOTED_BEFORE_FIRST.finditer(norm):
        sentence_start = _sentence_start(norm, demoted.start())
        for mention in mentions:
            if not (mention.negated and sentence_start <= mention.start < demoted.start()):
                continue
            if _PLAIN_NEGATION.search(norm, mention.end, demoted.start()):
                continue  # "Innovation nicht, die kommt zuletzt" keeps its negation
            mention.negated = False
            mention.rank = MAX_GOALS


_LEFT_BEHIND = re.compile(r"abgeh[aä]ngt")
# "dass die Leute in den Ortsteilen nicht abgehängt sind": people or places left behind (normalised text)
_PEOPLE_LEFT_BEHIND = re.compile(
    r"\b(?:leute|menschen|burger\w*|einwohner\w*|ortsteil\w*|dorf|dorfer\w*|altere\w*|senior\w*|region)\b"
)


def _mark_left_behind_subject(norm: str, mentions: list[Mention]) -> None:
    """ "Die Schulen sind digital echt abgehängt": left behind is what the clause's subject (another goal's
    word before it) is – not the municipality's wish to try out new technology."""
    for start, end in clause_spans(norm, _CLAUSE_SPLIT):
        inside = [m for m in mentions if start <= m.start < end and not m.negated and not m.context]
        for mention in inside:
            if mention.goal == "innovation" and mention.problem and _LEFT_BEHIND.match(norm, mention.start):
                if any(
                    m.goal != "innovation" and not m.problem and m.start < mention.start for m in inside
                ) or _PEOPLE_LEFT_BEHIND.search(norm, start, mention.start):
                    mention.context = True


# "Wegen dem OZG müssen wir sowieso ran, klar. Unser eigentliches Ziel ist aber, dass …": a duty done anyway
# before the real goal is named is background (normalised text)
_REAL_GOAL = re.compile(r"\b(?:unser|mein)\s+eigentliche[sr]?\s+(?:ziel|anliegen)\b")
_ANYWAY = re.compile(r"\b(?:eh|sowieso|ohnehin)\b")


def _mark_done_anyway(norm: str, mentions: list[Mention]) -> None:
    real = _REAL_GOAL.search(norm)
    if not real:
        return
    for start, end in _sentence_spans(norm):
        if end <= real.start() and _ANYWAY.search(norm, start, end):
            for mention in mentions:
                if start <= mention.start < end:
                    mention.context = True


# "Das mit dem Telefon kannst du rausnehmen", "das mit den Vereinen bitte streichen": a thing named before,
# struck by one of its words (normalised text)
_STRIKES_THE_THING = re.compile(
    r"^\W*(?:und\s+|also\s+|ach\s+)?das\s+mit\s+(?:dem|der|den)\s+(\w{4,})\s+(?:\w+\s+){0,3}"
    r"(?:rausnehm\w*|raus\s+nehmen|streich\w*|weglassen|weg\s+lassen|raus|weg)\W*$"
)


# "Am wichtigsten ist das mit den Betrieben", "Das mit der Schule kommt zuerst": which of the things just
# named ranks first (normalised text)
_RANKS_THE_THING = re.compile(
    r"^\W*(?:und\s+|also\s+)?(?:(?:am\s+wichtigsten|das\s+wichtigste|ganz\s+oben|ganz\s+vorne|zuerst|vorrang)\s+"
    r"(?:ist|steht|hat|kommt|ware)\s+(?:\w+\s+)?das\s+mit\s+(?:dem|der|den)\s+(\w{4,})\W*$"
    r"|das\s+mit\s+(?:dem|der|den)\s+(\w{4,})\s+(?:ist|steht|kommt|hat)\s+(?:\w+\s+)?"
    r"(?:am\s+wichtigsten|das\s+wichtigste|ganz\s+oben|ganz\s+vorne|zuerst|an\s+erster\s+stelle|vorrang)\W*$)"
)


def _mentions_near_word(norm: str, mentions: list[Mention], word: str, before: int) -> list[Mention]:
    """The mentions in the part of an earlier clause (split at und/sowie/oder, _PART_SPLIT) that holds
    `word` (or a word starting with its stem)."""
    stem = re.compile(rf"\b{re.escape(word[:-1] if len(word) > 5 else word)}")
    found: list[Mention] = []
    for start, end in clause_spans(norm[:before], _CLAUSE_SPLIT):
        for part_start, part_end in clause_spans(norm[start:end], _PART_SPLIT):
            a, b = start + part_start, start + part_end
            if stem.search(norm[a:b]):
                found += [m for m in mentions if a <= m.start < b and not m.negated]
    return found


# "Gewerbeanmeldung komplett online erledigen können, ohne Papierformular": the citizens' paper form the
# online service replaces, not paper inside the administration ("intern keine Papierformulare mehr")
# (normalised text)
_CITIZENS_FORM = re.compile(r"(?:papier|antrags)?formular\w*|(?:papier)?vordruck\w*")


# "dass die Leute, die sich um den Kirchenchor kümmern, … Nachwuchs finden", "dass die Handwerker … Azubis
# finden", "Die Firmen im Gewerbegebiet sollen sagen: Hier sind wir gut aufgehoben": the need or feeling of
# a group another goal names, not the municipality's pull as an employer or its service (normalised text)
_GROUPS_NEED = re.compile(
    r"\b(?:azubis?|auszubildende|nachwuchs|bewerber|fachkrafte|mitglieder)\w*\s+(?:\w+\s+){0,3}"
    r"(?:finden|gewinnen|bekommen|kriegen)\b|\bgut\s+aufgehoben\b"
)
_GROUP_GOALS = ("wirtschaft", "zivilgesellschaft")
_OWN_SUBJECT = re.compile(r"\b(?:wir|uns|ich|unser\w*)\b")
_QUOTE_AFTER_SAYING = re.compile(r"\bsagen\s*:")
# "…, und zum Schluss, dass die Bürger sich gut aufgehoben fühlen": the next item of a list, its own subject
_NEXT_ITEM_OR_SUBJECT = re.compile(r",\s*(?:und|sowie)\b|\b(?:burger\w*|einwohner\w*|menschen)\b")


def _mark_another_groups_need(norm: str, mentions: list[Mention]) -> None:
    for start, end in _sentence_spans(norm):
        inside = [m for m in mentions if start <= m.start < end]
        for mention in inside:
            if mention.goal not in ("attraktivitaet", "buergernaehe") or not _GROUPS_NEED.search(
                norm, mention.start, mention.end
            ):
                continue
            owners = [
                m for m in inside if m.end <= mention.start and m.goal in _GROUP_GOALS and not m.negated
            ]
            between = norm[owners[-1].end : mention.start] if owners else ""
            # (the group's own words after "sagen:" may say "wir")
            if (
                owners
                and (not _OWN_SUBJECT.search(between) or _QUOTE_AFTER_SAYING.search(between))
                and not _NEXT_ITEM_OR_SUBJECT.search(between)
            ):
                mention.context = True


def _mark_form_the_service_replaces(norm: str, mentions: list[Mention]) -> None:
    for start, end in _sentence_spans(norm):
        inside = [m for m in mentions if start <= m.start < end]
        offered = [m for m in inside if m.goal == "leistungsangebot" and not m.negated]
        for mention in inside:
            if (
                mention.goal == "effizienz"
                and mention.problem
                and offered
                and offered[0].start < mention.start
                and _CITIZENS_FORM.fullmatch(norm, mention.start, mention.end)
                and _WITHOUT_BEFORE.search(norm, max(0, mention.start - 30), mention.start)
            ):
                mention.context = True


def _mark_sender(norm: str, mentions: list[Mention]) -> None:
    sender = _SENDER.match(norm)
    if sender:
        for mention in mentions:
            if mention.end <= sender.end():
                mention.context = True


# A list item's heading: "- Bürgerbüro: Termine online buchen" (normalised: ", burgerburo: termine …"):
# the start of the text or an item, at most two words, a colon.
_HEADING_BEFORE = re.compile(r"(?:^|[,;.!?\n])\s*(?:\w+\s+)?$")
_HEADING_COLON = re.compile(r"\s*:")
_ITEM_END = re.compile(r"[,;.!?\n]")


# ", mit …" to the sentence's end: the means of the goal before it ("… ein Ort, wo man gern hinzieht – mit
# Infos für Neubürger, Kita, Freizeit"; "die Bürger besser beteiligen, mit Stellungnahmen übers Internet")
_MEANS_START = re.compile(r"[,;:]\s*(?:und\s+)?mit\s+(?!(?:\w+\s+)?(?:abstand|blick|nachdruck)\b)")
# "…, mit ihren Familien zu uns zu ziehen": a clause with its own verb is no list of means
_OWN_VERB = re.compile(
    fold_pattern(
        r"\bzu\s+\w+en\b|\b(?:können|kann|soll|sollen|wird|werden|ist|sind|wollen|will|müssen|muss)\b"
    )
)


def _mark_means_clauses(norm: str, mentions: list[Mention]) -> None:
    for means in _MEANS_START.finditer(norm):
        sentence_end = _SENTENCE_END.search(norm, means.end())
        end = sentence_end.start() if sentence_end else len(norm)
        if _OWN_VERB.search(norm, means.end(), end):
            continue
        sentence_start = _sentence_start(norm, means.start())
        served = {
            m.goal for m in mentions if sentence_start <= m.start and m.end <= means.start() and not m.context
        }
        if not served:
            continue
        for mention in mentions:
            if means.end() <= mention.start < end and mention.goal not in served and mention.rank is None:
                mention.context = True


def _mark_weak_headings(norm: str, mentions: list[Mention]) -> None:
    """A weak cue as a list item's heading names where, when its item names another goal: "- Bürgerbüro:
    Termine online buchen statt Wartemarke ziehen" is about online services."""
    for mention in mentions:
        if not mention.weak or not _HEADING_COLON.match(norm, mention.end):
            continue
        if not _HEADING_BEFORE.search(norm, 0, mention.start):
            continue
        item_end = _ITEM_END.search(norm, mention.end)
        line_end = item_end.start() if item_end else len(norm)
        if any(
            o.goal != mention.goal and not o.weak and not o.context and mention.end < o.start < line_end
            for o in mentions
        ):
            mention.context = True


# "Kurort im Schwarzwald mit vielen Tagesgästen.", "Kleinstadt, 8.000 Einwohner, viele Pendler.": a
# verbless sentence that opens with the kind of place portrays the municipality, it lists no goals.
_PLACE_PORTRAIT = re.compile(
    r"\W*(?:(?:eine?|unsere?|ehemalige\w*|kleine\w*|grosse\w*|landliche\w*)\s+)*\w*"
    r"(?:gemeinde|stadt|kommune|kurort|dorf|landkreis|kreis|markt|flecken|insel|samtgemeinde)\b"
    r"(?:\s+(?:im|in|an|am|auf|bei|nahe|mit)\b|\s*,\s*(?:ca\.?\s+|rund\s+|etwa\s+)?\d)"
)
_BACKGROUND_HEADING = re.compile(
    r"(?:kurz\s+)?\b(?:zur\s+(?:lage|situation|ausgangslage)|(?:zum\s+)?hintergrund|ausgangslage|(?:kurz\s+)?zu\s+uns)\s*:"
)


# "Müsste ich mich zwischen X und Y entscheiden, nähme ich Y": the goal chosen after the choice goes first.
_CHOICE_BETWEEN = re.compile(
    r"\bzwischen\b[^.!?]{3,160}?\b(?:entscheiden|entscheide|wahlen|wahle|aussuchen)\w*"
    r"(?:\s+(?:musste|muss|sollte|soll|konnte|kann|durfte|darf))?\s*[,:]\s*(?:dann\s+)?"
    r"(?:nahme|nehme|nehm|wahle|wahlte|wurde|nahm|entscheide|nehmen|wahlen|nahmen)\s+(?:ich|wir)\b"
)


def _chosen_between(norm: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for choice in _CHOICE_BETWEEN.finditer(norm):
        end = (_SENTENCE_END.search(norm, choice.end()) or re.search(r"$", norm)).start()
        chosen = [m.goal for m in mentions if choice.end() <= m.start < end]
        offered = {m.goal for m in _in_span(mentions, choice)}
        if chosen:
            pairs += [(chosen[0], goal) for goal in offered if goal != chosen[0]]
    return pairs


# "Bei uns werden Online-Anträge ausgedruckt, abgestempelt und von Hand ins Fachverfahren getippt": the online
# offer exists; what happens to it inside is the problem (efficiency), not a wish for more online services
_PRINTED_AFTER = re.compile(
    r"\W*(?:(?:die|der|werden|wird)\s+)?(?:\w+\s+){0,3}?(?:ausgedruckt|gedruckt|abgestempelt|abgetippt|"
    r"eingescannt)\b"
)


def _mark_printed_online_offer(norm: str, mentions: list[Mention]) -> None:
    if not any(m.goal == "effizienz" and not m.context for m in mentions):
        return
    for mention in mentions:
        if mention.goal == "leistungsangebot" and _PRINTED_AFTER.match(norm, mention.end):
            mention.context = True


def _mark_weak_before_purpose(norm: str, mentions: list[Mention]) -> None:
    """ "…, wollen wir das Bürgerbüro digital aufrüsten, damit man Termine online bucht": a weak cue (the
    office) gives way to the goal its purpose clause right after it names."""
    spans = clause_spans(norm, _CLAUSE_SPLIT)
    for mention in mentions:
        if not mention.weak:
            continue
        index = next((i for i, (_, end) in enumerate(spans) if mention.start < end), None)
        if index is None or index + 1 >= len(spans):
            continue
        start, end = spans[index + 1]
        purpose_goals = {o.goal for o in mentions if not o.weak and not o.context and start <= o.start < end}
        if _PURPOSE_CLAUSE.match(norm[start:end]) and purpose_goals - {mention.goal}:
            mention.context = True


def _states_a_goal(norm: str, start: int, end: int) -> bool:
    """A goal cue in the sentence; under a background heading a problem told is part of the background
    ("Kurz zur Lage: …, und die Betriebe klagen, dass sie keine Leute finden. Unser Ziel ist deshalb …")."""
    cues = [
        cue.group()
        for cue in _GOAL_CUE.finditer(norm, start, end)
        # "wir haben Zuzug und kaum Leerstand": a problem said to be absent is no cue
        if not (
            _PROBLEM_TOLD_CUE.fullmatch(cue.group())
            and _ABSENT_BEFORE.search(norm, max(0, cue.start() - 8), cue.start())
        )
    ]
    if _BACKGROUND_HEADING.match(norm[start:end].strip()):
        cues = [cue for cue in cues if not _PROBLEM_TOLD_CUE.fullmatch(cue)]
    return bool(cues)


_ABSENT_BEFORE = re.compile(r"\b(?:kaum|kein\w*|wenig)\s+$")


_ADDS_TO_BEFORE = re.compile(r"\s*und\s+(?:\w+\s+){0,8}?auch\s+noch\b")


def _adopted_by_next(norm: str, sentence: tuple[int, int], within) -> bool:
    """ "Das wäre bei uns auch super, und danach …" takes over what another has as the speaker's wish – not
    "Sowas hätten wir auch gern mal ausprobiert": that clause names its own goal, what was described is its
    object."""
    start, end = sentence
    adopted = _ADOPTED_BY_NEXT.match(norm, start)
    if not adopted:
        return False
    comma = norm.find(",", adopted.end(), end)
    return not within(start, comma if comma >= 0 else end)


def _mark_context(norm: str, mentions: list[Mention]) -> None:
    """Mark background mentions, if the answer also names goals outright.

    - a longer sentence that only describes (no wish, no rank) before a sentence that states a goal:
      "Wir sind eine Gemeinde mit 4000 Einwohnern, die Verwaltung sitzt im alten Schulhaus. Das wollen
      wir ändern: Anträge im Netz.";
    - the part of a clause in which the speaker names their role: "Ich bin Sachbearbeiterin im
      Bürgerbüro und wünsche mir …".
    """
    sentences = _sentence_spans(norm)

    def within(a: int, b: int) -> list[Mention]:
        return _between(mentions, a, b)

    stating = [i for i, (a, b) in enumerate(sentences) if within(a, b) and _GOAL_CUE.search(norm, a, b)]
    # A sentence without a subject or finite verb ("Kitas und Grundschulen digital fit machen, Tablets,
    # Lernplattform usw.") is a list of goals, not a description of the municipality.
    # "Mehr Leistungen online anbieten, weil wir viele ältere Menschen haben": what describes comes after
    # "weil", the sentence itself starts with the goal.
    # "Digitales Gästeportal mit Wanderrouten, damit mehr Urlauber zu uns kommen.": nor after "damit"
    listing = {
        i
        for i, (a, b) in enumerate(sentences)
        if not _DESCRIBES.search(norm, a, min(_reason_start(norm, a, b), _purpose_start(norm, a, b)))
        and not _PLACE_PORTRAIT.match(norm, a)
    }
    for i, (a, b) in enumerate(sentences):
        found = within(a, b)
        if (
            found
            and stating
            and stating[-1] > i
            and len(norm[a:b].split()) >= _CONTEXT_MIN_WORDS
            and not _states_a_goal(norm, a, b)
            and not _PRESSING_RE.search(norm, a, b)
            and not _CONTINUES_RANKING.match(norm, a)
            # "… viel Ehrenamt – Feuerwehr, Sportvereine. Die wollen wir digital besser einbinden.": the
            # next sentence makes this one's goals its wish
            and not (
                i + 1 < len(sentences)
                and not within(*sentences[i + 1])
                and _WISHED_BY_NEXT.match(norm, sentences[i + 1][0])
            )
            and not (i + 1 < len(sentences) and _RANKED_BY_NEXT.match(norm, sentences[i + 1][0]))
            and not (i + 1 < len(sentences) and _adopted_by_next(norm, sentences[i + 1], within))
            # "Rechnungen werden eingescannt, ausgedruckt und wieder eingescannt. Und ab nächstem Jahr müssen
            # wir die auch noch elektronisch annehmen.": the next sentence adds to a problem told
            and not (
                i + 1 < len(sentences)
                and all(m.problem for m in found)
                and _ADDS_TO_BEFORE.match(norm, sentences[i + 1][0])
            )
            and i not in listing
            and all(m.rank is None for m in found)
            # "Als Kämmerin sehe ich das so: Fördermittel, …" – goals listed after a colon are stated; not
            # after a background heading ("Kurz zur Lage: Wir sind eine Universitätsstadt …").
            and not any(":" in _BACKGROUND_HEADING.sub(" ", norm[a : m.start]) for m in found)
            # "X und Y. Y ist uns eigentlich wichtiger.": the later sentence ranks this one's goals.
            and not _only_reranks(within(*sentences[stating[-1]]), found)
        ):
            for mention in found:
                mention.context = True
    for start, end in clause_spans(norm, _CLAUSE_SPLIT):
        role = _ROLE.match(norm[start:end])
        if not role:
            continue
        part_end = start + next((a for a, _ in clause_spans(norm[start:end], _PART_SPLIT)[1:]), end - start)
        # "Als Ortsvorsteher im Gewerbegebiet wünsche ich mir …": the role ends at the speaker's verb.
        verb = _VERB_THEN_SPEAKER.search(norm, start + role.end(), part_end)
        role_end = verb.start() if verb else part_end
        # A rank word after the speaker's verb belongs to what follows ("Als Wirtschaftsförderer bin ich
        # befangen, für mich wären Betriebe das Wichtigste"), not to the role.
        in_role = [m for m in mentions if start <= m.start and m.end <= role_end and (not m.rank or verb)]
        others = [m for m in mentions if m not in in_role and not m.context]
        if in_role and others:
            for mention in in_role:
                mention.context = True


# "ich persönlich fände eine E-Akte wichtiger. Aber für die Gemeinde zählt, was der Chef vorgibt: …": when
# the answer also gives the house's official line, the speaker's own wishes are no goals of the municipality.
_PERSONAL_VIEW = re.compile(
    fold_pattern(
        r"\b(?:ich\s+persönlich|mir\s+persönlich|persönlich\s+(?:hätte|würde|fände|fänd|wäre|finde)|"
        r"für\s+mich\s+(?:persönlich\s+)?(?:wär|wäre|wären|ist|sind|stünde|stünden)|"
        r"meine\s+(?:eigene|persönliche)\w*\s+(?:meinung|wunschliste|sicht|priorität\w*|liste)|"
        # "Aus meiner Sicht sollten wir …", "mein Favorit wäre …", "Mein Herzensthema wären …"
        r"aus\s+meiner\s+sicht|meiner\s+meinung\s+nach|wenn\s+es\s+nach\s+mir\s+ginge|"
        r"mein\w*\s+(?:persönliche\w*\s+)?(?:favorit\w*|herzensthema|herzensangelegenheit|lieblingsthema))\b"
    )
)
_OFFICIAL_LINE = re.compile(
    fold_pattern(
        r"\b(?:offiziell\w*|beschlossen|beschluss\w*|festgelegt|vorgibt|vorgegeben|zählt|gilt|linie|"
        r"maßgeblich|entschieden)\b"
    )
)


# "Aus meiner Sicht sollten wir KI ausprobieren, aber der Bürgermeister sagt …": the view ends at the "aber"
_VIEW_TURNS = re.compile(r"\b(?:aber|doch|jedoch)\s+(?:der|die|das|unser\w*|mein\w*)\b")


def _mark_personal_view(norm: str, mentions: list[Mention]) -> None:
    for personal in _PERSONAL_VIEW.finditer(norm):
        end = _sentence_end(norm, personal.end())
        turn = _VIEW_TURNS.search(norm, personal.end(), end)
        end = turn.start() if turn else end
        outside = norm[: personal.start()] + " " + norm[end:]
        if not _OFFICIAL_LINE.search(outside):
            continue
        inside = [m for m in mentions if personal.start() <= m.start < end]
        if inside and any(m not in inside and not m.context for m in mentions):
            for mention in inside:
                mention.context = True


# "In der Verbandsgemeinde kümmert man sich um E-Akte und OZG. Bei uns als Ortsgemeinde geht es um …": the
# goals of another body (the Verbandsgemeinde, the Amt, the Kreishaus, a Zweckverband) are not the answer
# when a later sentence turns to the speaker's own municipality.
_OTHER_BODY = re.compile(
    fold_pattern(
        r"\b(?:in|im|bei|beim|für|das|die|der|den)\s+(?:\w+\s+){0,3}?(?:verbandsgemeinde|samtgemeinde|amt|"
        r"kreishaus|landratsamt|kreisverwaltung|\w*zweckverband|nachbargemeinde|nachbarstadt)\b"
    )
)
_OWN_BODY = re.compile(
    fold_pattern(
        r"\b(?:bei\s+uns|wir\s+im|wir\s+in\s+der|wir\s+als|unsere?\s+eigenen?|meine\s+antwort\s+gilt|"
        r"spreche\s+für|für\s+uns\s+als)\b"
    )
)


# "Der Kämmerer meint, wir sollen uns nur um Zuschüsse kümmern. Sehe ich anders: …", "Der Gemeinderat fordert
# …, die Bürger wünschen sich … Wir als Verwaltung haben uns auf … festgelegt.": another's wish, then the
# answer's own decision – the wish is no goal unless it is taken up again. Not when the other has the last
# word.
_OTHERS_VIEW = re.compile(
    fold_pattern(
        r"^\W*(?:(?:aber|und|also)\s+)?(?:der|die|das|unser\w*|mein\w*|einige|manche|viele)\s+(?:\w+\s+)?"
        r"(?:bürgermeister\w*|kämmer\w*|gemeinderat|stadtrat|rat|ratsmitglied\w*|fraktion\w*|landrat|chef\w*|"
        r"kolleg\w*|amtsleit\w*|personalrat|bürger\w*|verwaltungsspitze|ausschuss|politik|kämmerei|it|"
        r"it\s+abteilung|bauamt|ordnungsamt|hauptamt|personalamt|wirtschaftsförderung|vereine|feuerwehr|"
        # "Der Kreis will unbedingt eine Smart Region", "Der Landkreis setzt voll auf Gewerbeansiedlung."
        r"kreis|landkreis|kreisverwaltung|nachbarstadt|nachbargemeinde|nachbarkommune)\s+"
        # "Mein Kollege von der Wirtschaftsförderung will …"
        r"(?:\w+\s+){0,3}?"
        r"(?:meint|meinen|fordert|fordern|will|wollen|wünscht|wünschen|möchte|möchten|findet|finden|sagt|sagen|"
        r"drängt|drängen|träumt|träumen|setzt\s+(?:\w+\s+)?auf|setzen\s+(?:\w+\s+)?auf|"
        # "Unser Landrat spricht dauernd von Smart Region"
        r"(?:spricht|sprechen|redet|reden|schwärmt|schwärmen)\s+(?:\w+\s+){0,2}?von)\b"
        # "Die Kollegin aus der Wirtschaftsförderung würde hier natürlich Wirtschaft schreiben."
        r"|^\W*(?:der|die|das|unser\w*|mein\w*)\s+(?:\w+\s+)?(?:bürgermeister\w*|kämmer\w*|landrat|chef\w*|"
        r"kolleg\w*|amtsleit\w*)\s+(?:\w+\s+){0,3}?(?:würde|würden)\s+(?:\w+\s+){1,4}?"
        r"(?:schreiben|sagen|nennen|ankreuzen|wählen|antworten)\b"
        # "Landrat Dr. Krämer will den ganzen Kreis zur Smart Region machen"
        r"|^\W*(?:landrat|landrätin|bürgermeister|bürgermeisterin|oberbürgermeister\w*|kämmerer|kämmerin)\s+"
        r"(?:\w+\.?\s+){1,3}?(?:will|möchte|fordert|träumt|drängt|setzt\s+(?:\w+\s+)?auf)\b"
        # "Wenn es nach dem Bürgermeister ginge, wären wir morgen Smart-City-Vorreiter."
        r"|^\W*wenn\s+es\s+nach\s+(?:dem|der|den|unserem|unserer|unseren|meinem|meiner)\s+(?:\w+\s+)?"
        r"(?:bürgermeister\w*|kämmer\w*|gemeinderat|stadtrat|rat|fraktion\w*|landrat|chef\w*|kolleg\w*|"
        r"amtsleit\w*|politik)\s+(?:\w+\s+)?(?:ginge|ging|geht|gehen\s+würde)\b"
    )
)
# "…, aber da bin ich anderer Meinung: …", "sehen wir nicht so": the speaker contradicts the view before.
_DISAGREES = (
    r"\b(?:(?:bin|sind)\s+(?:ich|wir)\s+(?:\w+\s+)?anderer\s+(?:meinung|ansicht)|"
    r"(?:sehe|sehen)\s+(?:ich|wir)\s+(?:\w+\s+){0,2}?(?:das\s+|es\s+)?(?:anders|nicht\s+so)\b|"
    # "Wir in der Gemeinde sehen das bodenständiger: …", "Wir als kleine Gemeinde teilen das nicht – …"
    r"(?:ich|wir)\s+(?:\w+\s+){0,4}?(?:sehe|sehen)\s+(?:das|es)\s+(?:\w+\s+)?(?:anders|bodenständiger|"
    r"nüchterner|pragmatischer|realistischer|gelassener)\b|"
    r"(?:ich|wir)\s+(?:\w+\s+){0,4}?(?:teile|teilen)\s+(?:das|diese\w*(?:\s+\w+)?)\s+(?:\w+\s+)?nicht\b|"
    # "Mein Kollege will einen digitalen Marktplatz, halte ich für Quatsch"
    r"(?:halte|halten|finde|finden)\s+(?:ich|wir)\s+(?:\w+\s+){0,2}?(?:für\s+)?"
    r"(?:quatsch|unsinn|blödsinn|übertrieben|überflüssig|rausgeschmissenes\s+geld|geldverschwendung)\b|"
    # "Unser Gemeinderat will unbedingt eine Smart-City-Strategie, ich halte davon ehrlich gesagt wenig."
    r"(?:ich|wir)\s+(?:halte|halten)\s+(?:davon|da\s+\w+|das)\s+(?:\w+\s+){0,3}?(?:wenig|nichts|nicht\s+viel)\b|"
    # "Ehrlich gesagt halten wir davon wenig"
    r"(?:halte|halten)\s+(?:ich|wir)\s+davon\s+(?:\w+\s+){0,3}?(?:wenig|nichts|nicht\s+viel)\b|"
    # "Der Landrat will vor allem Fördergelder einsammeln, das ist seine Sache."
    r"\bdas\s+ist\s+(?:\w+\s+)?(?:seine|ihre|deren|dessen)\s+sache\b|"
    # "Landrat Dr. Krämer will den ganzen Kreis zur Smart Region machen – das ist sein Thema, nicht unseres."
    r"\bdas\s+ist\s+(?:\w+\s+)?(?:sein|ihr|dessen|deren)\s+thema\b|"
    # "Unser Gemeinderat träumt von einer Tourismus-App, aber ehrlich, wir brauchen erstmal die Pflichten"
    r"\baber\s+(?:(?:ehrlich|ehrlich\s+gesagt|mal\s+ehrlich|realistisch|ganz\s+ehrlich)\s*,?\s*)?(?:ich|wir)\s+"
    r"(?:brauche|brauchen|will|wollen|möchte|möchten)\s+(?:\w+\s+)?(?:erst\s+mal|erstmal|erst\s+einmal|zuerst|"
    r"zunächst|lieber|eher|vor\s+allem|etwas\s+anderes|was\s+anderes)\b)"
)
# "weiß ich nicht, da müssen Sie den Bürgermeister fragen": the answer is someone else's to give; the
# person named is no wish to be read by meaning.
_ASK_SOMEONE_ELSE = re.compile(
    fold_pattern(
        r"\b(?:müssen|müssten|sollten|können|könnten)\s+sie\s+(?:\w+\s+){0,5}?fragen\b"
        r"|\bfragen\s+sie\s+(?:da\s+|lieber\s+|besser\s+|mal\s+)*(?:den|die|unser\w*|im|in\s+der|beim|bei\s+der)\b"
    )
)
# "Der Landkreis drängt auf Smart Region, aber was wir selbst wollen, haben wir noch nicht besprochen": the
# speaker's own goals are open, so the other's wish is no answer either.
_OWN_GOALS_OPEN = re.compile(
    fold_pattern(
        r"\b(?:was|welche\s+ziele)\s+wir\s+(?:selbst|selber|eigentlich|als\s+\w+)?\s*(?:wollen|möchten)\s*,?\s+"
        r"(?:(?:ist|haben\s+wir|hat\s+der\s+\w+|steht)\s+)(?:\w+\s+){0,4}?(?:noch\s+)?(?:gar\s+|überhaupt\s+)?"
        # (not "Was wir wollen, ist nicht Tourismus, sondern …")
        r"(?:(?:nicht|nie)\s+(?:\w+\s+)?(?:besprochen|entschieden|geklärt|festgelegt|diskutiert|klar|beschlossen)|"
        r"offen|unklar)\b"
    )
)
_DISAGREES_RE = re.compile(fold_pattern(_DISAGREES))
_OWN_DECISION = re.compile(
    fold_pattern(
        rf"{_DISAGREES}|"
        r"\b(?:sehe\s+das\s+anders|ich\s+(?:meine|finde|sage)\s*,|ich\s+antworte\s+hier|"
        # "Der Bürgermeister sagt immer Tourismus. Ich finde eher, dass …"; "meine Sicht sollte hier zählen"
        r"ich\s+(?:finde|meine|sehe)\s+(?:aber\s+|dagegen\s+)?eher\b|meine\s+sicht\s+(?:\w+\s+){0,2}?zählen\b|"
        r"meine\s+antwort|für\s+uns\s+zählt|wir\s+als\s+(?:verwaltung|gemeinde|stadt|kommune|rathaus)\b|"
        r"wir\s+haben\s+uns\s+(?:\w+\s+){0,6}(?:festgelegt|entschieden|geeinigt)|"
        # "Der Gemeinderat hat aber anders entschieden, und das ist unsere Linie: …"
        r"(?:hat|haben)\s+(?:aber\s+|jedoch\s+)?anders\s+entschieden|unsere\s+linie\b|"
        # "… aber der Gemeinderat hat das abgelehnt. Beschlossen ist: …"; "Für die Gemeinde als Ganzes sehe
        # ich es so: …"
        r"beschlossen\s+(?:ist|wurde|haben\s+wir)\b|(?:sehe|sehen)\s+(?:ich|wir)\s+(?:es|das)\s+so\b)"
    )
)
_OTHER_DECIDES = re.compile(
    fold_pattern(r"\b(?:das\s+letzte\s+wort|(?:er|sie)\s+entscheide\w*|seine\s+prio\w*|ihre\s+prio\w*)\b")
)


# "Pegelsensoren an Bächen, damit die Feuerwehr bei Starkregen gewarnt wird": a device named for the goal it
# serves is a means (a tool is no innovation), not trying out something new
_DEVICE = re.compile(r"\w*(?:sensor|drohne|kamera|roboter)\w*")


# "Ganz ehrlich: Wozu Sensoren und Smart-City-Spielereien, solange …?": a rhetorical question that dismisses
# what it names (not the relative "das, wozu uns Bund und Land zwingen")
_RHETORICAL_WOZU = re.compile(r"(?:^|[.!?:;])\s*wozu\b[^,.!?;]*")


def _mark_rhetorical_dismissal(norm: str, mentions: list[Mention]) -> None:
    for question in _RHETORICAL_WOZU.finditer(norm):
        for mention in _in_span(mentions, question):
            mention.negated = True


def _mark_technology_as_means(norm: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        if mention.goal != "innovation" or not _DEVICE.fullmatch(norm[mention.start : mention.end].strip()):
            continue
        sentence_end = next((m.start() for m in _SENTENCE_END.finditer(norm, mention.end)), len(norm))
        purpose = _PURPOSE.search(norm, mention.end, sentence_end)
        if purpose and any(
            m.goal != "innovation" and not m.context and purpose.end() <= m.start < sentence_end
            for m in mentions
        ):
            mention.context = True


def _overrules_a_view(norm: str, position: int) -> bool:
    """An own decision at `position` after a sentence that gives another's wish."""
    return bool(_OWN_DECISION.match(norm, position)) and any(
        _OTHERS_VIEW.match(norm, a) for a, _ in _sentence_spans(norm[:position])
    )


def leaves_own_goals_open(text: str) -> bool:
    """ "… aber was wir selbst wollen, haben wir im Rat noch nicht besprochen": no own goal decided yet."""
    return bool(_OWN_GOALS_OPEN.search(normalise(text)))


# "Wir machen beim Smart-Region-Modellprojekt mit, aber für mich zählt nur, dass die Busse öfter fahren": what
# the speaker takes part in is the setting, what alone counts is the goal (normalised text: "zahlt")
_ONLY_THIS_COUNTS = re.compile(
    r"\baber\s+(?:fur\s+(?:mich|uns)\s+|mir\s+|uns\s+)?(?:zahlt\s+|geht\s+(?:es|s)\s+(?:mir\s+|uns\s+)?|"
    r"kommt\s+es\s+(?:mir\s+|uns\s+)?)(?:(?:doch|eigentlich|wirklich)\s+)?(?:nur|einzig|allein)\b"
)


def _mark_what_only_counts(norm: str, mentions: list[Mention]) -> None:
    for a, b in _sentence_spans(norm):
        only = _ONLY_THIS_COUNTS.search(norm, a, b)
        if only and any(not m.negated for m in _between(mentions, only.end(), b)):
            for mention in _between(mentions, a, only.start()):
                mention.context = True


def _mark_overruled_views(norm: str, mentions: list[Mention]) -> None:
    if _OTHER_DECIDES.search(norm):
        return
    sentences = _sentence_spans(norm)
    for i, (a, b) in enumerate(sentences):
        if not _OTHERS_VIEW.match(norm, a):
            continue
        open_goals = _OWN_GOALS_OPEN.search(norm, a)
        if open_goals:
            # (also a goal word of the phrase itself: "… ist noch offen")
            for mention in _between(mentions, a, open_goals.end()):
                mention.context = True
            continue
        contradicted = _DISAGREES_RE.search(norm, a, b)
        if contradicted:
            # "Mein Kollege will alles für die Unternehmen, aber da bin ich anderer Meinung: für uns …"
            _mark_view_before(mentions, a, contradicted.start(), contradicted.end())
            continue
        decision = next((c for c, d in sentences[i + 1 :] if _OWN_DECISION.search(norm, c, d)), None)
        if decision is None or _OWN_DECISION.search(norm, a, b):
            continue
        _mark_view_before(mentions, a, b, decision)


def _mark_view_before(mentions: list[Mention], start: int, end: int, decision: int) -> None:
    """The mentions in start..end are another's view when the speaker's own goals follow `decision`."""
    inside = _between(mentions, start, end)
    if inside and any(m.start >= decision and not m.context for m in mentions):
        for mention in inside:
            mention.context = True


_TAKEN_OVER = re.compile(
    r"[,;]\s*(?:und\s+)?(?:das|so\s+was|sowas|so\s+etwas|so\s+eine?n?)\s+(?:wollen|möchten|brauchen|bräuchten|"
    r"hätten|wünschen)\s+wir\s+(?:\w+\s+)?(?:auch|ebenfalls)\b"
)
_TAKEN_OVER = re.compile(fold_pattern(_TAKEN_OVER.pattern))


def _mark_other_body(norm: str, mentions: list[Mention]) -> None:
    sentences = _sentence_spans(norm)
    for i, (a, b) in enumerate(sentences):
        other = _OTHER_BODY.search(norm, a, b)
        inside = _between(mentions, a, b)
        if (
            other
            and inside
            and other.start() < inside[0].start
            and not _OWN_BODY.search(norm, a, b)
            # "Die Nachbarstadt hat ein Online-Bürgerportal, das wollen wir auch.": taken over as a wish
            and not _TAKEN_OVER.search(norm, a, b)
            and any(_OWN_BODY.search(norm, c, d) for c, d in sentences[i + 1 :])
            and any(m.start >= b and not m.context for m in mentions)
        ):
            for mention in inside:
                mention.context = True


# "Feuerwehr: digitale Alarmierung", "die Feuerwehr braucht eine ordentliche digitale Alarmierung"
# also "damit die Feuerwehr bei Starkregen früher gewarnt wird" (the brigade as the one warned)
_EXPLAINED_BY = re.compile(
    r"\s*:\s*(?:\w+\s+){0,2}|\s+(?:braucht|benötigt|bekommt|kriegt)\s+(?:\w+\s+){0,3}|\s+(?:bei|vor)\s+(?:\w+\s+)?"
    # "damit die Feuerwehr und die Anwohner bei Starkregen rechtzeitig gewarnt werden"
    r"|\s+und\s+(?:die\s+)?\w+\s+(?:bei|vor)\s+(?:\w+\s+)?"
)


def _mark_brigade_equipment(norm: str, mentions: list[Mention]) -> None:
    """ "Vor allem die Feuerwehr: digitale Alarmierung und Einsatztechnik": the brigade explained by its
    equipment (after a colon or "braucht") is the public service, not volunteering."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for mention, following in zip(ordered, ordered[1:], strict=False):
        if (
            mention.goal == "zivilgesellschaft"
            and following.goal == "daseinsvorsorge"
            and norm.startswith(("feurwehr", "wehr"), mention.start)
            and _EXPLAINED_BY.fullmatch(norm, mention.end, following.start)
        ):
            mention.context = True
            following.rank = following.rank or mention.rank


def _named_with(norm: str, mention: Mention) -> str:
    """The word a mention was named with, by its first letters ("Ärztehaus", "Ärztehäuser" are one)."""
    return norm[mention.start : mention.end][:6]


def _retracted(norm: str, mentions: list[Mention]) -> set[str]:
    """Goals named and later taken back with the same word ("Tourismus. Streichen Sie den Tourismus.")."""
    taken_back: set[str] = set()
    for negated in (m for m in mentions if m.negated):
        word = _named_with(norm, negated)
        same = [m for m in mentions if m.goal == negated.goal and not m.negated]
        # (not a background word: "Sensoren in den Mülleimern … Die Mülleimer-Sensoren sind gestrichen")
        if any(
            m.end <= negated.start and not m.context and _named_with(norm, m) == word for m in same
        ) and not any(
            m.start > negated.start and not _SAYS_WHAT_IT_IS.search(norm, 0, m.start) for m in same
        ):
            taken_back.add(negated.goal)
    return taken_back


# "Streichen Sie die rechtlichen Vorgaben, das ist kein Ziel, das ist Pflicht": the later goal word says
# what the struck goal is, it does not name it again.
_SAYS_WHAT_IT_IS = re.compile(r"\b(?:das|es)\s+(?:ist|sind)\s+(?:\w+\s+){0,2}$")


_NEXT_LIST_ITEM = re.compile(r",\s*(?:und|sowie)\b")


def _purpose_pairs(norm: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(aim, means) for "X, damit Y" / "X, um Y zu …" within one sentence."""
    pairs: list[tuple[str, str]] = []
    first_of_sentence: dict[int, int] = {}  # sentence start -> where its first purpose begins
    for marker in _PURPOSE.finditer(norm):
        start = max([m.end() for m in _SENTENCE_END.finditer(norm, 0, marker.start())] or [0])
        end_match = _SENTENCE_END.search(norm, marker.end())
        end = end_match.start() if end_match else len(norm)
        # "…, damit junge Talente hier wohnen wollen, und Startups ansiedeln": ", und" ends the purpose
        next_item = _NEXT_LIST_ITEM.search(norm, marker.end(), end)
        end = next_item.start() if next_item else end
        # "Die Stadt nutzt die Digitalisierung, um … interessant zu bleiben, um … Einblicke zu geben":
        # purposes side by side serve what comes before the first of them, not one another
        means_end = first_of_sentence.setdefault(start, marker.start())
        # "Transparenz, und dass sich Leute zusammentun, um ein Straßenfest zu organisieren": the purpose
        # serves its own list item (after ", und"), not the goals before it
        item_start = max([m.end() for m in _NEXT_LIST_ITEM.finditer(norm, start, means_end)] or [start])
        means = [m.goal for m in mentions if item_start <= m.start and m.end <= means_end]
        aims = [m.goal for m in mentions if marker.start() <= m.start and m.end <= end]
        pairs += [(aim, mean) for aim in aims for mean in means if aim != mean and aim not in means]
    return pairs


def _group_pairs(norm: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(goal, group's goal) where a group cue shares a clause part with another goal's cue."""
    pairs: list[tuple[str, str]] = []
    for start, end in clause_spans(norm, _CLAUSE_SPLIT):
        for part_start, part_end in clause_spans(norm[start:end], _PART_SPLIT):
            part = [m for m in mentions if start + part_start <= m.start and m.end <= start + part_end]
            served = list(dict.fromkeys(m.goal for m in part if not m.group))
            for mention in part:
                if mention.group and mention.goal not in served:
                    pairs += [(goal, mention.goal) for goal in served]
    return pairs


# Weights beside goals (normalised text): shares ("60 % in die E-Akte"), points ("5 für Glasfaser",
# "Gewerbeansiedlung 3 Punkte"), grades ("– Note 1": lower is more important) and, after a declared scale
# ("Gewichtung von 1 bis 5", "10 Punkte verteilen"), bare numbers ("Fördergelder einwerben 3").
_WEIGHT = re.compile(
    r"(?<![\d.,])\b(?:(?P<share>\d{1,3})\s*(?:%|prozent\b)|(?P<points>\d{1,3})\s*(?:punkten?|punkte|pkt|p)\b"
    # "Note 3." is normalised to "note platz 3" (a number with a dot reads as a place)
    r"|note\s*(?:platz\s*)?(?P<grade>[1-6])\b|(?P<bare>\d{1,2})\b(?![.,]\d))"
)
# not "Drei Punkte, in dieser Reihenfolge: 1. …": a number of items to come
_SCALE_CUE = re.compile(
    # not "Punkt 1 – …, Punkt 2 – …" (numbered items)
    # "von 10 Punkten", "gewichtet"
    r"\b(?<!zwei\s)(?<!drei\s)(?<!vier\s)(?:punkten?(?!\s?\.?\s?\d)|punkte(?!\s?\.?\s?\d)|gewichtung|gewichte|"
    r"gewichtet|skala|schulnoten?|von\s+\d+\s+bis\s+\d+)\b"
)
# "1 = sehr wichtig", "Schulnoten": the smaller number is the more important goal
_LOWER_IS_MORE = re.compile(r"\b(?:schulnoten?|note\s*\d|1\s*(?:=|ist)\s*(?:sehr|am|ganz)\s+wichtig\w*)")
# "von 1 bis 5", "10 Punkte:", "1 = sehr wichtig": the scale itself, no weight of a goal
# "100 Punkte verteilen", "10 Punkte zu vergeben": the points to share out, no weight either
_SCALE_ITSELF = re.compile(r"\s*(?:bis\b|[:=]|(?:\w+\s+){0,2}(?:verteil\w*|vergeb\w*|zu\s+vergeben)\b)")
_SCALE_BOUND = re.compile(r"\b(?:von|bis)\s*$")
WEIGHTS_MAX_SUM = 105  # shares of one whole (rounded): more than that are targets
# characters between a weight and its goal ("60 % Effizienz", "Effizienz 60 %", "3 darauf, dass wir als
# Wohnort attraktiv sind")
WEIGHT_MAX_DISTANCE = 25


def _weights_found(norm: str) -> list[tuple[int, int, int, str]]:
    """(start, end, value, kind) of each weight; bare numbers only after a declared scale."""
    scale = _SCALE_CUE.search(norm)
    found = []
    for match in _WEIGHT.finditer(norm):
        kind = next(k for k in ("share", "points", "grade", "bare") if match.group(k))
        if kind == "bare" and not (scale and match.start() > scale.start()):
            continue
        if _SCALE_ITSELF.match(norm, match.end()) or _SCALE_BOUND.search(norm, 0, match.start()):
            continue
        found.append((match.start(), match.end(), int(match.group(kind)), kind))
    return found


def _by_weights(norm: str, positive: list[Mention], ranked: list[str]) -> list[str]:
    """ "10 % Innovation, 60 % Effizienz, 30 % Bürgernähe", "2 für Zuschüsse, 5 für Glasfaser",
    "Vereine – Note 2, Pflichten – Note 1": weighted goals ranked by their weight."""
    found = _weights_found(norm)
    mentions = sorted((m for m in positive if m.goal in ranked), key=lambda m: m.start)
    if len(found) < 2 or not mentions:
        return ranked
    # Weights stand before their goals ("5 für Glasfaser") or after them ("Glasfaser 5"), the same way
    # throughout an answer: the first weight says which.
    ahead = found[0][0] < mentions[0].start
    weights: dict[str, int] = {}
    for start, end, value, kind in found:
        if ahead:
            near = [m for m in mentions if 0 <= m.start - end <= WEIGHT_MAX_DISTANCE]
            # "80 % Entlastung, 20 % Fristen. Smart-City-Kram 0 %": a weight after the goal it weighs,
            # when none follows it
            before_it = [
                m for m in mentions if 0 <= start - m.end <= WEIGHT_MAX_DISTANCE and m.goal not in weights
            ]
            owner = near[0] if near else (before_it[-1] if before_it else None)
        else:
            near = [m for m in mentions if 0 <= start - m.end <= WEIGHT_MAX_DISTANCE * 3]
            owner = near[-1] if near else None
        if owner is not None:
            weights.setdefault(owner.goal, -value if kind == "grade" else value)
    if len(weights) < 2:
        return ranked
    if any(kind == "share" for *_, kind in found) and sum(weights.values()) > WEIGHTS_MAX_SUM:
        # "Online-Anträge auf 30 % steigern, 100 % der Grundschulen mit Glasfaser": targets, not weights
        return ranked
    if _LOWER_IS_MORE.search(norm) and not any(kind == "grade" for *_, kind in found):
        weights = {goal: -value for goal, value in weights.items()}
    weighted = sorted(weights, key=lambda goal: (-weights[goal], ranked.index(goal)))
    # "Smart City 0 %": a goal weighed nothing is not wanted
    return [goal for goal in weighted if weights[goal]] + [goal for goal in ranked if goal not in weights]


# "… ich meinte die Vereinsarbeit. Also Vereine und danach Fördergelder.": a closing sentence that sums up
# (normalised text: "heißt" is folded to "heisst")
_SUMMARY_START = re.compile(
    r"\W*(?:und\s+|ok\W*\s*)?(?:also|sprich|kurz\s+gesagt|zusammengefasst|kurzum|unterm\s+strich|"
    r"das\s+heisst)\b"
)


def _last_sentence_start(norm: str) -> int | None:
    """Where the last sentence of a longer answer begins; None for a single sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(norm.rstrip(" .!?;"))]
    return ends[-1] if ends else None


# "… eigentlich alles. Aber wenn ich mich festlegen muss, also kurz: Vereine und Schulen.", "Am Ende kam
# raus: erst …, dann …": what follows decides the answer
_CLOSING_SUMMARY = re.compile(
    r"\b(?:also\s+kurz|kurz\s+gesagt|zusammengefasst|kurzum|unterm\s+strich|alles\s+in\s+allem|kurz\s+und\s+knapp|"
    r"(?:mein|unser)\s+fazit|am\s+ende\s+kam\s+(?:raus|heraus))\b\W*"
)


def _apply_summary(norm: str, mentions: list[Mention], ranked: list[str]) -> list[str]:
    """A last sentence that sums the answer up with two goals or more gives their order; a closing summary
    after a colon ("also kurz: …") gives the goals themselves."""
    closing = list(_CLOSING_SUMMARY.finditer(norm))
    if closing and any(m.end <= closing[-1].start() for m in mentions):
        summed = analyse(norm[closing[-1].end() :]).goals
        if summed:
            return summed
    start = _last_sentence_start(norm)
    if start is None or not _SUMMARY_START.match(norm, start) or not any(m.start < start for m in mentions):
        return ranked
    summed = analyse(norm[start:]).goals
    if len(summed) < 2 or not set(summed) <= set(ranked):
        return ranked
    return summed + [goal for goal in ranked if goal not in summed]


# "Ich antworte für mich: nur Effizienz.", "Für uns nur: Pflegeangebote digital": exactly these goals
_ONLY_THESE = re.compile(
    r"(?:^|[.!?:]\s*|\bfur\s+(?:uns|mich)\s+)nur\s*:?\s+(?=\w)"
    # "… streichen Sie das mit den Sensoren. Bleibt: Schulen und ein Rufbus." – what is left is the answer
    r"|(?:^|[.!?])\s*(?:es\s+|(?:was\s+)?(?:ubrig\s+)?)?(?:bleibt|bleiben)(?:\s+ubrig)?\s*:\s*(?=\w)"
)


def _apply_only_these(norm: str, ranked: list[str]) -> list[str]:
    """The goals after a closing "nur …" (the last sentence) are the answer; the ones before were views
    or drafts ("der Bürgermeister würde Innovation sagen")."""
    start = _last_sentence_start(norm)
    last = norm[start or 0 :]
    only = list(_ONLY_THESE.finditer(last))
    # "Nur Effizienz" alone: the whole answer, nothing to narrow
    if not only or (start is None and only[-1].start() == 0):
        return ranked
    these = analyse(last[only[-1].end() :]).goals
    return these or ranked


# "… Am wichtigsten davon ist aber das Letzte, dann das Erste, zuletzt die Anträge"; "A) …, B) …, C) ….
# Reihenfolge bei uns: C vor A vor B": a later sentence orders the list by pointing at its items.
_ITEM_POINTER = re.compile(
    r"\b(?:das|der|die)\s+(erste|zweite|dritte|letzte)\b"
    r"(?=\s*(?:[,.;:!?]|$|(?:dann|und|vor|danach|zuletzt)\b))"
)
_ORDER_CUE = re.compile(r"\b(?:wichtigst\w*|zurst|erst|dann|danach|zuletzt|reihenfolge|vor)\b")
_ITEM_LABEL = re.compile(r"(?:^|[\s,;.])([a-d])\)")
# "…, wobei b) eigentlich wichtiger ist": an item's label named again to put it first
_LABEL_RAISED = re.compile(
    r"\s*(?:ist\s+|hat\s+)?(?:\w+\s+){0,2}?(?:wichtiger|am\s+wichtigsten|zuerst|vorrang\w*|nach\s+vorne)\b"
)
_LABEL_SEQUENCE = re.compile(r"\b([a-d])\s*(?:vor|,|dann|>)\s*([a-d])\b(?:\s*(?:vor|,|dann|>)\s*([a-d])\b)?")


# "Kurzfristig die E-Rechnung, mittelfristig …, langfristig … Wichtigkeit: erst das Kurzfristige, dann …": the
# parts named by their time horizon, ordered by pointing at it
_HORIZON = re.compile(r"\b(kurz|mittel|lang)fristig\b")
_HORIZON_POINTER = re.compile(r"\bdas\s+(kurz|mittel|lang)fristige\b")
_HORIZON_ORDER_CUE = re.compile(
    r"\b(?:wichtig\w*|zurst|erst|dann|danach|zuletzt|reihenfolge|vor|priorit\w*)\b"
)


def _ordered_by_horizon(norm: str, positive: list[Mention]) -> list[str]:
    """The goals in the order "das Kurzfristige …, dann das Mittelfristige …" gives, [] if none."""
    horizons = list(_HORIZON.finditer(norm))
    pointers = list(_HORIZON_POINTER.finditer(norm))
    if len(horizons) < 2 or not pointers or pointers[0].start() < horizons[-1].end():
        return []
    if not _HORIZON_ORDER_CUE.search(norm, _sentence_start(norm, pointers[0].start())):
        return []
    goal_of: dict[str, str] = {}
    for horizon, following in zip(horizons, [*horizons[1:], None], strict=True):
        end = following.start() if following else pointers[0].start()
        goal = next((m.goal for m in positive if horizon.end() <= m.start < end), None)
        if goal:
            goal_of.setdefault(horizon.group(1), goal)
    return [goal_of[p.group(1)] for p in pointers if p.group(1) in goal_of]


# "unsere Top 3, aufsteigend sortiert (das Wichtigste zuletzt): A, B, C": the list that follows counts
# upwards (normalised text)
_ASCENDING_LIST = re.compile(
    r"\baufsteigend\b|\b(?:das\s+)?wichtigste\s+(?:kommt\s+|steht\s+)?(?:zuletzt|(?:am|zum)\s+(?:schluss|ende))\b"
    r"|\bvom\s+(?:unwichtigsten|wenigsten\s+wichtigen)\s+zum\s+wichtigsten\b"
)


def _apply_ascending_list(norm: str, mentions: list[Mention], ranked: list[str]) -> list[str]:
    ascending = _ASCENDING_LIST.search(norm)
    if not ascending:
        return ranked
    listed = list(
        dict.fromkeys(
            m.goal for m in mentions if m.start >= ascending.end() and not m.negated and not m.context
        )
    )
    if not listed or any(goal not in ranked for goal in listed):
        return ranked
    # "Effizienz, Bürgernähe und das Wichtigste kommt zuletzt: Innovation": one goal after it goes first
    return [*reversed(listed), *(goal for goal in ranked if goal not in listed)]


def _apply_referenced_order(norm: str, mentions: list[Mention], ranked: list[str]) -> list[str]:
    positive = [m for m in mentions if not m.negated and not m.context]
    by_horizon = _ordered_by_horizon(norm, positive)
    if by_horizon:
        return list(dict.fromkeys(by_horizon + ranked))
    for a, b in reversed(_sentence_spans(norm)):
        pointers = list(_ITEM_POINTER.finditer(norm, a, b))
        if len(pointers) < 2 or not _ORDER_CUE.search(norm, a, b):
            continue
        items = list(dict.fromkeys(m.goal for m in positive if m.start < a))
        places = [_place_index(p.group(1), len(items)) for p in pointers]
        if len(items) < 2 or any(place >= len(items) for place in places):
            return ranked
        named_here = [m.goal for m in _between(positive, a, b)]
        return list(dict.fromkeys([items[place] for place in places] + named_here + ranked))
    labels = list(_ITEM_LABEL.finditer(norm))
    if len(labels) < 2:
        return ranked
    sequence = _LABEL_SEQUENCE.search(norm, labels[-1].end())
    goal_of: dict[str, str] = {}
    raised: str | None = None
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        end = following.start() if following else len(norm)
        goal = next((m.goal for m in positive if label.end() <= m.start < end), None)
        letter = label.group(1)
        if goal and letter not in goal_of:
            goal_of[letter] = goal
        elif letter in goal_of and _LABEL_RAISED.match(norm, label.end()):
            # "a) weniger Papier b) Anträge online, wobei b) eigentlich wichtiger ist"
            raised = goal_of[letter]
    if raised and not sequence:
        return list(dict.fromkeys([raised, *ranked]))
    if not sequence:
        return ranked
    order = [goal_of[letter] for letter in sequence.groups() if letter in goal_of]
    return list(dict.fromkeys(order + ranked)) if len(order) >= 2 else ranked


_CONCLUSION = re.compile(_CONCLUSION_WORDS)


def _after_mentions(norm: str, mentions: list[Mention]) -> str:
    """The answer's text after its last goal mention (all of it when there is none)."""
    return norm[max((m.end for m in mentions), default=len(norm)) :]


def _apply_self_correction(norm: str, mentions: list[Mention], ranked: list[str]) -> list[str]:
    """The part after the last self-correction marker edits the ranking of the part before it.

    "Wirtschaft und Tourismus, äh, ich meine Wirtschaft und Ehrenamt" replaces; "…, wobei die
    Attraktivität eigentlich ganz vorne stehen müsste" and "Halt, umgekehrt" only reorder (edit_ranking).
    """
    by_place = _struck_by_place(norm, mentions)
    if by_place is not None:
        return by_place
    markers = [
        m
        for m in _SELF_CORRECTION.finditer(norm)
        if any(x.start >= m.end() for x in mentions)
        and any(x.end <= m.start() for x in mentions)
        # "Nee, warte, noch davor kommt …" puts a goal first, the one before stays (_refers_back)
        and not _GOES_BEFORE.match(norm, m.end())
        # "Unser Bürgermeister meint, … Ich meine, …": the answer's own view against another's
        # (_mark_overruled_views), no correction of its own words
        and not _overrules_a_view(norm, m.start())
        # "…, halte ich für Quatsch": the speaker's judgement of another's wish, no "ach Quatsch"
        and not any(d.start() <= m.start() < d.end() for d in _DISAGREES_RE.finditer(norm))
    ]
    if not markers:
        replaced = _replacement(norm, mentions)
        if replaced and replaced[0] in ranked:
            # "Daseinsvorsorge, Fördermittel, Innovation. Die Innovation tausche ich gegen Attraktivität."
            return [replaced[1] if g == replaced[0] else g for g in ranked if g != replaced[1]]
        tail = _after_mentions(norm, mentions)
        if mentions and (
            _PLACE_AHEAD.search(tail) or _PLACE_STRUCK.search(tail) or _PLACES_KEPT.search(tail)
        ):
            # "Wirtschaft und Effizienz, wobei das zweite eigentlich wichtiger ist": places edited
            return edit_ranking(ranked, tail) or ranked
        swap = _SWAP.search(norm)
        if not swap:
            return ranked
        # A comparison in the swap word's sentence ("eher X als Y, nicht umgekehrt") is no edit.
        sentence = max(norm.rfind(mark, 0, swap.start()) for mark in ".!?;") + 1
        if _COMPARE_FORWARD.search(norm, sentence):
            return ranked
        if any(m.start >= swap.end() for m in mentions):
            if not any(m.end <= swap.start() for m in mentions):
                return ranked
            # "Erst Transparenz, dann Online-Dienste … andersrum, die Online-Dienste zuerst": reversed,
            # then edited by what follows.
            before = analyse(norm[: swap.end()])
            return edit_ranking(before.all_goals, norm[swap.end() :]) or ranked
        # "Effizienz zuerst, dann Fördermittel. Umgekehrt!" – no goal after the swap word: reversed;
        # "…, nee, 2 und 3 andersrum": those two places swapped.
        places = _swapped_places(norm[max((m.end for m in mentions), default=0) :])
        return _with_places_swapped(ranked, places) or list(reversed(ranked))
    marker = markers[-1]
    concluded = _CONCLUSION.fullmatch(marker.group()) and analyse(norm[marker.end() :])
    if concluded and concluded.all_goals and not _ALL_OF_THEM.search(norm, marker.end()):
        # "… Fazit: Pflicht zuerst, dann Entlastung des Personals; Online-Termine vertagt.": the round's
        # conclusion is the ranking ("Ergebnis: beides, aber …" edits the goals named before it).
        return concluded.all_goals
    # The marker word belongs to the part before: "Innovation? Nee." dismisses, it corrects nothing.
    before = analyse(norm[: marker.end()])
    edited = edit_ranking(before.all_goals, norm[marker.end() :], retracted_before=bool(before.negated))
    if edited is None:
        return ranked
    # "Effizienz – nein, streichen Sie das, eher Bürgernähe": a goal struck by pointing back at it stays
    # struck, unless it is named again after the marker.
    named_after = {m.goal for m in mentions if not m.negated and m.start >= marker.end()}
    struck = {m.goal for m in mentions if m.negated} - named_after
    edited = [goal for goal in edited if goal not in struck]
    if _DONE_BY_REFERENCE.search(norm, marker.end()):
        # "… online erledigen können. Korrektur: Das haben wir schon ganz gut abgedeckt. Wichtiger ist …":
        # a goal the correction says is done (all its mentions background) is no longer wanted.
        done = {m.goal for m in mentions} - {m.goal for m in mentions if not m.context}
        edited = [g for g in edited if g not in done]
    edited = _keep_other_parts(norm, mentions, marker.end(), before.all_goals, edited)
    # "Fachkräfte holen. Oder nein, erst die Pflichten aus dem OZG, danach dann die Fachkräfte": a goal
    # named again after the marker by one of its words (_echoed) stays, in the place it is named.
    after = sorted((m for m in mentions if not m.negated and m.start >= marker.end()), key=lambda m: m.start)
    for position, mention in enumerate(after):
        if mention.echo and mention.goal not in edited:
            earlier = [m.goal for m in after[:position] if m.goal in edited]
            place = max((edited.index(goal) + 1 for goal in earlier), default=0)
            edited.insert(place, mention.goal)
    return edited


def _struck_by_place(norm: str, mentions: list[Mention]) -> list[str] | None:
    """ "Gewerbe, Tourismus und die Verwaltung schneller machen. Streich das zweite, Tourismus haben wir
    kaum.": the place struck after the goals leaves the list before it; a reason after it may name the
    struck goal again, new goals follow (or take its place: "…, dafür Fördermittel"). None if no place
    of that list is struck."""
    struck = _PLACE_STRUCK.search(norm, min(m.end for m in mentions)) if mentions else None
    if not struck:
        return None
    before = analyse(norm[: struck.start()]).goals
    # goals named after the strike that were not in the list ("Tourismus haben wir kaum" names the struck one)
    later = [
        m.goal
        for m in sorted(mentions, key=lambda m: m.start)
        if m.start >= struck.end() and not m.negated and m.goal not in before
    ]
    result = _without_struck_place(before, struck, norm, list(dict.fromkeys(later)))
    return None if result is None else result[:MAX_GOALS]


def _keep_other_parts(
    norm: str, mentions: list[Mention], marker_end: int, before: list[str], edited: list[str]
) -> list[str]:
    """A goal named before the correction by several things keeps its place when the correction strikes
    one of them by the word it was named with ("Schulen digital, Ärztehaus mit Telemedizin … nee, das
    Ärztehaus streichen": the schools stay); not when it strikes the goal by its name or by another word,
    nor a part of one compound ("Smart-Region-Pilot …, den Pilot streichen")."""
    kept = list(edited)
    for goal in before:
        if goal in kept:
            continue
        struck = {
            _named_with(norm, m) for m in mentions if m.goal == goal and m.negated and m.start >= marker_end
        }
        earlier = [m for m in mentions if m.goal == goal and m.end <= marker_end and not m.negated]
        named_struck = [m for m in earlier if _named_with(norm, m) in struck]
        if not struck or normalise(GOAL_LABELS[goal])[:6] in struck or not named_struck:
            continue
        others = [
            m
            for m in earlier
            if _named_with(norm, m) not in struck
            and all(_LIST_BREAK.search(norm, min(m.end, n.end), max(m.start, n.start)) for n in named_struck)
        ]
        if others:
            placed = [g for g in before[: before.index(goal)] if g in kept]
            kept.insert(kept.index(placed[-1]) + 1 if placed else 0, goal)
    return kept[:MAX_GOALS]


_LIST_BREAK = re.compile(r"[,;.…]|\bund\b")


_LACK_AS_REASON = re.compile(
    r"\b(?:dafur|dazu|da)\s+(?:haben|hatten|fehlt|fehlen)\s+(?:wir|uns)\s+(?:\w+\s+)?(?:kein|keine|keinen|nicht)\b"
    r"|\b(?:weil|da)\s+(?:wir|uns)\s+(?:\w+\s+){0,2}(?:kein|keine|keinen)\b"
)
# "Wichtiger als das Erste ist noch, dass wir die OZG-Pflichten erfüllen": the new goal before that place
_MORE_THAN_PLACE = re.compile(r"\bwichtiger\s+als\s+(?:das|der|die)\s+(erste|zweite|dritte|letzte)\w*\b")
_BETWEEN_THE_FIRST_TWO = re.compile(
    r"\bzwischen\s+(?:die\s+|den\s+)?(?:beiden|(?:platz\s+)?(?:eins|1|erst\w*)\s+und\s+(?:zwei|2|zweit\w*))\b"
)


def edit_ranking(
    current: Sequence[str], text: str, retracted_before: bool = False, adding: bool = False
) -> list[str] | None:
    """The ranking after `text` edits `current`, or None if `text` names no goal and no reordering.

    - "nur X" (and what follows it): exactly those goals;
    - "umgekehrt"/"andersherum" without goals: reversed;
    - "X durch Y ersetzen" / "X gegen Y tauschen", or goals taken back and as many new ones named
      ("nicht Innovation, sondern Effizienz"): swapped in place; only taken back ("Fördermittel bitte
      wieder raus"): removed;
    - one goal with a destination ("Effizienz an die zweite Stelle", "die Daseinsvorsorge gehört nach
      vorne", "… ist eigentlich noch wichtiger") or only goals already ranked ("Effizienz vor
      Wirtschaft"): moved, the others keep their order;
    - otherwise (a new list) new goals replace the ranking, or follow it if the words before the edit
      took a goal back ("Bürgernähe und Innovation, nicht Innovation, ich meinte Effizienz"), say
      "noch"/"dazu", or `adding` (a later message to the goal question adds to the draft).
    """
    current = [g for g in current if g in GOAL_IDS]
    norm = normalise(text)
    analysis = analyse(text)
    named = analysis.all_goals
    if named and _DISOWNS_PREVIOUS_TEXT.search(norm):
        return list(named)
    removed = [g for g in analysis.negated if g in current]
    if adding:
        # "ok, OZG haben wir eigentlich schon durch. Bleibt die Förderung, und dazu die Bürgerbeteiligung."
        removed += [g for g in analysis.done if g in current and g not in removed]
    only = _ONLY.search(norm)
    if only:
        # "… Also nur Zivilgesellschaft, und dahinter noch die Daseinsvorsorge": exactly these.
        kept = [m.goal for m in analysis.mentions if m.start >= only.start() and m.goal in named]
        if kept:
            return list(dict.fromkeys(kept))
    ahead = _PLACE_AHEAD.search(norm)
    if ahead and current:
        # "Das zweite ist eigentlich wichtiger": that place goes first (then the rest of the edit).
        place = _place_index(ahead.group(1) or ahead.group(2), len(current))
        if place < len(current):
            current = [current[place]] + [g for i, g in enumerate(current) if i != place]
            if not named and not removed:
                return current
    if not named:
        if removed:
            return [g for g in current if g not in removed]
        by_places = _ranking_by_places(norm, current)
        if by_places is not None:
            return by_places
        swapped = _with_places_swapped(current, _swapped_places(norm))
        if swapped:
            return swapped
        if _SWAP.search(norm):
            return list(reversed(current))
        return None
    before_place = _MORE_THAN_PLACE.search(norm)
    new = [g for g in named if g not in current]
    if before_place and new and current:
        place = min(_place_index(before_place.group(1), len(current)), len(current) - 1)
        return (list(current[:place]) + new + list(current[place:]))[:MAX_GOALS]
    replaced = _replacement(norm, analysis.mentions)
    if replaced and replaced[0] in current and replaced[1] not in current:
        # "Attraktivität bitte durch Zivilgesellschaft ersetzen": the new goal takes the old one's place.
        return [replaced[1] if g == replaced[0] else g for g in current]
    destinations = {m.goal: m.rank for m in analysis.mentions if m.rank and not m.negated and m.goal in named}
    struck = _PLACE_STRUCK.search(norm)
    if struck and _LACK_AS_REASON.search(norm, struck.end()):
        # "Das Letzte kann weg, dafür haben wir kein Personal": the reason names no new goal.
        return _without_struck_place(current, struck, norm) or list(current)
    if struck and not set(named) & set(current):
        # "Nummer 3 raus, dafür Tourismus": the new goals take the struck place (or follow), unless placed
        result = _without_struck_place(current, struck, norm, [g for g in named if g not in destinations])
        if result is not None:
            for goal, rank in sorted(destinations.items(), key=lambda item: item[1]):
                result.insert(min(rank - 1, len(result)), goal)
            return result
    if removed and len(removed) == len(named) and not set(named) & set(current):
        result = list(current)
        for old, new in zip(removed, named, strict=True):
            result[result.index(old)] = new
        # "Innovation streichen und dafür Bürgernähe ganz nach vorne": in its place, unless placed
        for goal, rank in sorted(destinations.items(), key=lambda item: item[1]):
            result.remove(goal)
            result.insert(min(rank - 1, len(result)), goal)
        return result
    if len(current) == 2 and _SWAP.search(norm) and not removed and named == current[1:]:
        # "Erstens E-Rechnung, zweitens Online-Anträge. Nee, andersrum, die Online-Anträge drücken mehr.":
        # the goal named after the swap word is the reason for the new first place; the other stays.
        return [current[1], current[0]]
    if len(named) == 1 and _MORE_IMPORTANT_ALONE.search(norm):
        destinations[named[0]] = 1
    known = [g for g in named if g in current]
    if len(named) == 2 and len(known) == 2 and _SWAP.search(norm) and not removed:
        # "Innovation und Attraktivität bitte tauschen": those two change places, whatever order named.
        result = list(current)
        first, second = result.index(known[0]), result.index(known[1])
        result[first], result[second] = result[second], result[first]
        return result
    # "Ach, umgekehrt bitte, Wirtschaft zuerst. Und als drittes noch Breitband.": places for new goals too.
    if (destinations and (len(named) == 1 or (known and len(destinations) == len(named)))) or len(known) >= 2:
        result = [g for g in current if g not in removed] + [g for g in named if g not in current]
        # The goals named again take their places in the new order – those given a destination go there
        # instead, if only some are ("Bürgernähe ganz nach vorne, noch vor der Wirtschaft": Wirtschaft,
        # named as a reference, keeps its place).
        placed = [g for g in known if g in destinations]
        movable = [g for g in known if g not in destinations] if 0 < len(placed) < len(known) else known
        if len(movable) >= 2:
            places = sorted(result.index(g) for g in movable)
            for place, goal in zip(places, movable, strict=True):
                result[place] = goal
        for goal, rank in sorted(destinations.items(), key=lambda item: item[1]):
            result.remove(goal)
            result.insert(min(rank - 1, len(result)), goal)
        return result
    if retracted_before or adding or _ALSO.search(norm):
        result = [g for g in current if g not in removed] + [g for g in named if g not in current]
        added = [g for g in named if g not in current]
        if len(added) == 1 and len(current) >= 2 and _BETWEEN_THE_FIRST_TWO.search(norm):
            # "Ach, und zwischen die beiden gehört noch die E-Rechnung"
            return [current[0], added[0], *current[1:]][:MAX_GOALS]
        # "Ach, und das mit dem Personal: … Das ist eigentlich noch wichtiger als die Online-Dienste."
        ahead = _ADDED_GOAL_AHEAD.search(norm) if len(added) == 1 and not destinations else None
        if ahead:
            compared = [m.goal for m in analysis.mentions if m.start >= ahead.end() and m.goal in current]
            result.remove(added[0])
            result.insert(result.index(compared[0]) if ahead.group("than") and compared else 0, added[0])
            return result[:MAX_GOALS]
        # "Zusätzlich Fördermittel, und Bürgernähe auf Platz 1": new goals, one of them placed
        for goal, rank in sorted(destinations.items(), key=lambda item: item[1]):
            result.remove(goal)
            result.insert(min(rank - 1, len(result)), goal)
        return result
    return list(named)


def _later_rank_wins(positive: list[Mention], best_rank: dict[str, int | None]) -> None:
    """ "Vor allem transparenter werden, äh, eigentlich in erster Linie mehr Online-Angebote, Transparenz ist
    Platz zwei": a goal ranked again lower after another goal took its place keeps the later rank."""
    claims: dict[str, list[tuple[int, int]]] = {}
    for mention in positive:
        if mention.rank is not None:
            claims.setdefault(mention.goal, []).append((mention.start, mention.rank))
    for goal, own in claims.items():
        first_start, last_rank = own[0][0], own[-1][1]
        taken = any(
            other != goal and start > first_start and rank == best_rank[goal]
            for other, theirs in claims.items()
            for start, rank in theirs
        )
        if taken and last_rank != best_rank[goal]:
            best_rank[goal] = last_rank


def _merge_ranks(order: list[str], ranks: dict[str, int | None]) -> list[str]:
    slots: list[str | None] = [None] * len(order)
    explicit = sorted((g for g in order if ranks.get(g)), key=lambda g: (ranks[g], order.index(g)))
    for goal in explicit:
        target = min(ranks[goal] - 1, len(slots) - 1)
        free = [i for i in range(len(slots)) if slots[i] is None]
        index = next((i for i in free if i >= target), free[-1])
        slots[index] = goal
    # Ranks beyond the list ("2. Gewerbe ansiedeln, 3. Image" after a first item that names no goal) sent
    # the last one to the only free place, ahead of the one ranked before it: keep the ranks' order.
    taken = [i for i, slot in enumerate(slots) if slot is not None]
    for index, goal in zip(taken, explicit, strict=True):
        slots[index] = goal
    rest = iter(g for g in order if not ranks.get(g))
    return [slot if slot is not None else next(rest) for slot in slots]


def _apply_comparisons(ranked: list[str], pairs: list[tuple[str, str]]) -> list[str]:
    result = list(ranked)
    for _ in range(len(pairs) + 1):
        changed = False
        for higher, lower in pairs:
            if higher in result and lower in result and result.index(higher) > result.index(lower):
                result.remove(higher)
                result.insert(result.index(lower), higher)
                changed = True
        if not changed:
            break
    return result


# Not after an abbreviation: "… zur Sache der Bürgermeisterin bzw. des Bürgermeisters?" is one question.
_SENTENCE_PIECES = re.compile(
    r"(?<!\bbzw\.)(?<!\bca\.)(?<!\bggf\.)(?<!\bevtl\.)(?<!\bz\.b\.)(?<!\bd\.h\.)(?<!\bu\.a\.)"
    # nor after a single letter's period ("z. B.", "d. h.", "u. a.")
    r"(?<!\bnr\.)(?<!\bvgl\.)(?<!\b[A-Za-zÄÖÜäöü]\.)(?<=[.!?])\s+",
    re.IGNORECASE,
)
# "Ich nehme beides", "nehmen Sie die auch mit rein": the goals of the question before are meant.
_TAKES_THE_ASKED = re.compile(
    r"\b(?:beides|beide|die\s+auch|den\s+auch|das\s+auch|nehm\w*\s+(?:\w+\s+){0,2}(?:die|den|das|beide\w*))\b"
)


def question_sentences(text: str) -> str:
    """The sentences of `text` that end with a question mark, joined."""
    return " ".join(p for p in _SENTENCE_PIECES.split(str(text or "").strip()) if p.rstrip().endswith("?"))


# "Ich bin im Bürgerbüro und wir müssen festlegen, welche Online-Dienste zuerst kommen. Wonach hat man in
# Salach entschieden?": the asker's situation, then a question on what the sources say – context, no answer.
_ASKER_SITUATION = re.compile(
    fold_pattern(
        r"\b(?:ich\s+(?:bin|arbeite|sitze|frage\s+mich|soll|muss)|wir\s+(?:müssen|sollen|wollen|überlegen|"
        r"diskutieren|planen|sind\s+dabei)|bei\s+uns\s+(?:wird|diskutier\w*|überleg\w*)|"
        # "Wir fühlen uns mit dem OZG allein gelassen. Wo holt sich Salach Unterstützung?"
        r"(?:wir\s+fühlen\s+uns|ich\s+fühle\s+mich))\b"
    )
)
# What the asker read or heard somewhere, set before a question about it ("Ich hab gelesen, das OZG hätte
# bloß die Fassade aufgehübscht. Woher stammt dieses Bild?"): a claim to check, not the asker's goals.
_HEARSAY = re.compile(
    fold_pattern(
        r"\b(?:(?:ich\s+)?(?:hab|habe)\s+(?:\w+\s+){0,3}(?:gelesen|gehört|aufgeschnappt|mitbekommen)|"
        r"(?:ich\s+)?(?:las|hörte)\s+(?:\w+\s+){0,2}(?:neulich|kürzlich|mal|gestern)|"
        r"(?:kollege|kollegin|chef|chefin|jemand|einer|eine)\s+(?:\w+\s+){0,4}(?:meinte|sagte|behauptet\w*|erzählte)|"
        r"(?:es\s+heißt|angeblich|man\s+hört|soll\s+angeblich))\b"
    )
)
# Words that make a statement an answer to the goal question ("Effizienz ist uns wichtig", "vor allem …").
# Not _GOAL_CUE: its problem words ("haben keine Kapazität") are what a told situation is made of.
_ANSWER_SIGNAL = re.compile(
    fold_pattern(
        r"\b(?:wichtig\w*|ziel\w*|priorit\w*|zuerst|zunächst|dann|danach|schwerpunkt\w*|fokus|nehm\w*|wähl\w*|"
        r"will|wollen|möchte\w*|soll|sollen|sollte\w*|brauch\w*|wünsch\w*|hauptsache|erstens|zweitens|"
        r"geht\s+(?:es|s)\s+(?:uns\s+|mir\s+)?(?:vor\s+allem\s+)?(?:um|darum|drum))\b"
    )
)
ANSWER_MAX_WORDS = 4  # "Effizienz und Bürgernähe." beside a question is an answer without any signal word


# "Reicht das?", "Geht das so?": a question about the answer just given.
_ABOUT_THE_ANSWER = re.compile(r"^\W*(?:reicht|passt|geht|stimmt|klappt|ist)\s+(?:das|es)\b(?:\s+so)?\W*$")
# "Schneller werden und mehr online anbieten.": a list of wishes ends in an infinitive.
_ENDS_IN_INFINITIVE = re.compile(r"\w{3,}(?:en|ern|eln)\W*$")


def _answer_shaped(statement: str) -> bool:
    norm = normalise(statement)
    return (
        len(norm.split()) <= ANSWER_MAX_WORDS
        or bool(_ANSWER_SIGNAL.search(norm))
        or bool(_rank_markers(norm, 0))
        or (bool(_ENDS_IN_INFINITIVE.search(norm)) and not _FINITE_CONTEXT.search(norm))
    )


# A told situation ("Wir sind …", "bei uns wird …", "haben wir …") before a question, not a wish list.
_FINITE_CONTEXT = re.compile(
    fold_pattern(
        r"\b(?:wir|ich|sie|er|es|man)\s+(?:sind|bin|haben|habe|hat|ist|arbeiten|arbeite|machen|mache|nutzen|"
        r"überlegen|planen)\b|\b(?:ist|sind|wird|werden|hat|haben)\s+(?:wir|bei|unser\w*)\b"
    )
)


_NAMES_A_TYPE = re.compile(
    fold_pattern(
        r"\b(?:bedächtig\w*|optimierer\w*|serviceorientiert\w*|community\s*manager\w*|\w*typ(?:en)?)\b"
    )
)
_POINTS_BACK = re.compile(
    fold_pattern(
        r"\b(?:so\s+etwas|so\s+was|sowas|so\s+eine?[nrms]?|solch\w*|ähnlich\w*|das\s+auch|dies(?:e|es|er|en)?\s+(?:bild|modell|"
        r"ansatz|idee|vorgehen|weg|art|form))\b"
    )
)
# "Was ist das eigentlich?", "Was versteht man darunter?": what the thing named before is.
_ASKS_WHAT_IT_IS = re.compile(
    fold_pattern(
        r"^\W*(?:und\s+|aber\s+)?(?:was|wofür)\s+(?:ist|sind|heißt|bedeutet|meint|steht|soll)\s+(?:das|dies\w*|es)\b"
        r"(?:\s+(?:denn|eigentlich|genau|überhaupt|für|sein|konkret|bitte))*\W*$"
        r"|^\W*(?:und\s+)?was\s+(?:versteht|meint)\s+man\s+(?:darunter|damit)\W*$"
    )
)
_ASKS_THE_SOURCES = re.compile(
    fold_pattern(
        r"\b(?:studie|umfrage|befragung|befragten|podcast\w*|thesenpapier\w*|papiere\w*|autor\w*|laut|salach|"
        # places the sources tell about
        r"stuttgart\w*|n(?:ü|ue)rtingen\w*|wolfenb(?:ü|ue)ttel\w*|pattensen\w*|"
        r"weber|stolz|(?:meint|meinen|sagt|sagen|empfiehlt|empfehlen|rät|raten|hält|halten)\s+(?:\w+\s+){0,4}dazu|"
        r"(?:hat|haben)\s+(?:man|die|der)\s+(?:\w+\s+){0,4}(?:entschieden|gemacht|gelöst))\b"
    )
)


# A request for a figure ("fim bekanntheit bedächtige %", "wie viel Prozent der Kommunen …"): no goal answer
# asks for one.
_FIGURE_REQUEST = re.compile(
    fold_pattern(
        r"%|\b(?:prozent|anteil\w*|anzahl|gesamtzahl|median|bekanntheit|verbreitung|quote|wie\s+viel\w*|"
        # "cdo stelle kleine gemeinde gehalt entgeltgruppe", "… teamgroesse"
        r"gehalt\w*|entgeltgruppe\w*|besoldung\w*|teamgr(?:ö|oe)(?:ß|ss)e\w*|"
        # "ozg 2.0 inkrafttreten datum": a date asked for
        r"datum|zeitpunkt|jahreszahl)\b"
    )
)


def reads_as_a_query(text: str) -> bool:
    """A message that asks the sources rather than answers the goal question: it asks for a figure, names a
    type of the study or a source, and states no wish ("lunch & learn salach beteiligung prozent")."""
    norm = normalise(text)
    if _ANSWER_SIGNAL.search(norm):
        return False
    return bool(_FIGURE_REQUEST.search(norm) or _NAMES_A_TYPE.search(norm) or _ASKS_THE_SOURCES.search(norm))


def queries_rather_than_answers(text: str) -> bool:
    """Reads as a query for the sources and names at most one goal ("fim bekanntheit bedächtige %")."""
    return reads_as_a_query(text) and len(extract_goals(text)) <= 1


def asks_the_sources(text: str) -> bool:
    """The text names a source, a person or a place of the sources, or asks what they say ("Was meint der
    CDO dazu?", "laut Studie", "in Salach")."""
    return bool(_ASKS_THE_SOURCES.search(normalise(text)))


def goals_beside_question(text: str) -> list[str]:
    """The goals a message with a question in it names outside the question, plus the question's own
    goals when the rest takes them ("Ich nehme beides"); [] if it has no question or no such goals, or
    when the statements only set the scene for the closing question (_sets_the_scene)."""
    pieces = [p for p in _SENTENCE_PIECES.split(str(text or "")[:MAX_INPUT_CHARS].strip()) if p.strip()]
    while len(pieces) > 1 and WHY_ASKED.match(pieces[-1]):
        pieces.pop()  # "… chatbots? frage für unseren bürgerservice": why it is asked, no answer
    questions = [p for p in pieces if p.rstrip().endswith("?")]
    statements = [p for p in pieces if not p.rstrip().endswith("?")]
    if not questions or not statements:
        return []
    stated = " ".join(statements)
    context = normalise(stated)
    if _sets_the_scene(pieces[-1], statements, context):
        return []
    found = extract_goals(stated)
    if _TAKES_THE_ASKED.search(context):
        asked = [g for q in questions for g in analyse(q).all_goals]
        found = list(dict.fromkeys(found + asked))
    return found[:MAX_GOALS]


# "frage für unseren bürgerservice", "nur interessehalber" after a question: why it is asked, no answer.
WHY_ASKED = re.compile(
    r"^\W*(?:frage\s+(?:für|aus|von)|für\s+(?:unser|mein)\w*|interessehalber|nur\s+so|aus\s+neugier|danke|"
    r"(?:ich|wir)\s+(?:bin|sind|überleg\w*|frag\w*|arbeite\w*))\b",
    re.IGNORECASE,
)


_LIKE_US = re.compile(
    fold_pattern(
        r"\b(?:kommune|gemeinde|stadt|städte|kreis|verwaltung|landkreis)\w*\s+wie\s+(?:wir|uns|unsere\w*)\b"
    )
)


def _sets_the_scene(last: str, statements: list[str], context: str) -> bool:
    """Whether the statements (`context`: normalised) only lead up to the closing question `last`:
    - the asker's situation before a question on the sources;
    - hearsay ("Ich hab gelesen, …");
    - a question about the types or sources that points back at them ("Machen die Community Manager so
      etwas häufiger?");
    - what a thing named before is ("… und redet ständig von LoRaWAN. Was ist das eigentlich?");
    - a told situation with no answer in it ("Wir sind eine Gemeinde mit 4.000 Einwohnern und haben keine
      Kapazität für ein Strategiepapier. Müssen wir trotzdem eine schreiben?").
    """
    if not last.rstrip().endswith("?"):
        return False
    asked = normalise(last)
    on_the_sources = asks_the_sources(last)
    return bool(
        (on_the_sources and _ASKER_SITUATION.search(context))
        # "Wir sind eher eine vorsichtige Kommune, … Werten Kommunen wie wir ihre Daten aus?": the
        # statements say who "wie wir" is
        or _LIKE_US.search(asked)
        or _HEARSAY.search(context)
        or ((_NAMES_A_TYPE.search(asked) or on_the_sources) and _POINTS_BACK.search(asked))
        or bool(_ASKS_WHAT_IT_IS.match(asked))
        or not (_ABOUT_THE_ANSWER.match(asked) or any(_answer_shaped(statement) for statement in statements))
    )


# Words that make a sentence a wish even without a verb of wanting: a purpose ("damit …", "dass …"), a
# comparison with today ("weniger Papier", "schneller", "nicht mehr warten"). Normalised text.
_WISH_WITHOUT_CUE = re.compile(
    r"\b(?:damit|dass|weniger|mehr|besser\w*|schneller\w*|einfacher\w*|leichter\w*|flotter\w*|moderner\w*|"
    r"endlich|hoffentlich|gern|gerne)\b"
)
_MIN_WORDS_OF_A_REPORT = 8


def reads_as_a_report(text: str) -> bool:
    """A longer answer with no word of wanting, no purpose and no comparison: it reports how things are
    ("Die Software vom Rechenzentrum stürzt ständig ab, und der Support meldet sich nicht.") rather than
    naming a goal – what it resembles by meaning is asked about, not taken."""
    norm = normalise(text)
    return (
        len(norm.split()) >= _MIN_WORDS_OF_A_REPORT
        and not _GOAL_CUE.search(norm)
        and not _WISH_WITHOUT_CUE.search(norm)
    )


def extract_goals(text: str) -> list[str]:
    """Ranked goal ids (most important first, at most 3) found in German free text."""
    return analyse(text).goals


_NOT_MORE_IMPORTANT = re.compile(r"\b(?:nicht|kaum|keineswegs)\s+(?:\w+\s+)?wichtiger\b")


def said_to_matter_more(part: str) -> bool:
    """ "…, aber wichtiger ist uns, dass …": a part of an answer that says its wish matters more than the
    goals named before it (no comparison with "als" in it)."""
    lead_in = normalise(part).split(",")[0]  # "wichtiger ist uns, dass … als Dienstleister …": no "als" after
    return bool(_MORE_IMPORTANT_ALONE.search(lead_in)) and not _NOT_MORE_IMPORTANT.search(lead_in)


# "… ist für mich kein Ziel", "sind uns nicht wichtig", "ist egal": a goal put aside in so many words (not a
# lower rank such as "zweitrangig", not "keine Vorstände mehr": a lack) (normalised text)
_DISMISSED_IN_WORDS = re.compile(
    r"\b(?:kein\w*|nicht)\s+(?:\w+\s+)?(?:ziel|thema|prioritat)\b|"
    r"\bnicht\s+(?:so\s+|besonders\s+|sehr\s+|wirklich\s+)?(?:wichtig|relevant|dringend)\b|"
    r"\b(?:egal|unwichtig|irrelevant)\b"
)


def dismisses(part: str, goal: str) -> bool:
    """Whether `part` of an answer names `goal` only to put it aside in so many words ("Fördermittel sind
    ausdrücklich kein Ziel")."""
    # the cheap look first: most parts the matcher reads dismiss nothing
    return bool(_DISMISSED_IN_WORDS.search(normalise(part))) and goal in analyse(part).negated


def is_correction(text: str) -> bool:
    """True if the user corrects earlier goal answers ("Korrektur: ...", "ich meinte ...")."""
    if not text:
        return False
    return bool(_CORRECTION.search(normalise(text)))


# not "nicht nur X, sondern Y"; not "Fördermittel sind nur Mittel zum Zweck" (merely a means)
_ONLY = re.compile(
    # not "nur das Ausprobieren bitte ganz ans Ende" (a place edit)
    r"(?<!nicht )\bnur\s+(?!(?:ein\s+|das\s+)?(?:mittel|werkzeug|instrument|hilfsmittel)\b)"
    r"(?!(?:\w+\s+){1,4}?(?:ganz\s+)?(?:ans\s+ende|nach\s+(?:hinten|vorne?|oben|unten)|an\s+(?:die\s+)?"
    r"(?:erste|zweite|dritte|letzte)\s+stelle)\b)"
    r"(?:noch\s+)?(?:\w+\s+)?(?=\w)"
)
# "Dann noch Effizienz und Leistungsangebot": more goals, not a new list.
# "noch X", "X dazu"; "Nehmen Sie beides, Innovation vorne": the goals so far stay
_ALSO = re.compile(r"\b(?:noch|zusätzlich|dazu|beides|beide)\b")
_REPLACE = re.compile(r"\b(?:ersetz\w*|austausch\w*|tausch\w*)\b")
_REPLACE_BY = re.compile(r"\b(?:durch|gegen)\b")


def _replacement(norm: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """(old, new) for "X durch Y ersetzen" / "X gegen Y tauschen" / "X ersetzen durch Y", else None.

    `norm`: the normalised text the mentions' offsets refer to.
    """
    if not _REPLACE.search(norm):
        return None
    named = [m for m in mentions if not m.context and not m.negated]
    for first, second in zip(named, named[1:], strict=False):
        if first.goal != second.goal and _REPLACE_BY.search(norm, first.end, second.start):
            return first.goal, second.goal
    return None


def apply_correction(current: Sequence[str], text: str) -> list[str]:
    """New goal ranking after a correction in a later message (edit_ranking); unchanged if it names
    nothing to change."""
    current = [g for g in current if g in GOAL_IDS]
    edited = edit_ranking(current, text)
    return list(current) if edited is None else edited[:MAX_GOALS]


def add_goals(current: Sequence[str], text: str) -> list[str]:
    """The draft ranking after a further message to the goal question: new goals follow, a goal with a
    destination goes there ("Ach, und Fördermittel, die gehören an die erste Stelle"); a message that
    opens by saying "that" is done already takes the goal named last out ("KI im Posteingang testen." –
    "Wobei – das haben wir letztes Jahr schon gemacht. Dann lieber: …")."""
    norm = normalise(text)
    done = _DONE_BY_REFERENCE.match(norm, _LEAD_IN.match(norm).end())
    if done and current and not any(m.start < done.end() for m in analyse(text).mentions):
        current = list(current[:-1])
    edited = edit_ranking(current, text, adding=True)
    return list(current) if edited is None else edited


# "Effizienz und Bürgernähe, das war's": an answer that says itself that no goal follows.
_CLOSES_THE_LIST = re.compile(
    r"(?:,|\.|;|\bund\b)\s*(?:das\s+war\S*(?:\s+(?:s|es|alles|auch|schon))*|das\s+ist\s+alles|das\s+reicht|"
    r"mehr\s+(?:ziele\s+)?(?:nicht|haben\s+wir\s+nicht|gibt\s+es\s+nicht)|sonst\s+(?:nichts|keine\w*)|"
    r"nichts\s+(?:mehr|weiter)|keine\s+weiteren(?:\s+ziele)?|fertig)\W*$"
)


def closes_the_list(text: str) -> bool:
    """True when an answer that names goals ends by saying there are no more ("…, sonst nichts")."""
    return bool(text) and bool(_CLOSES_THE_LIST.search(normalise(text)))


def is_no_more_goals(text: str) -> bool:
    """True for answers like "nein", "das war's", "fertig", "keine weiteren" (and no goal named)."""
    if not text or not str(text).strip():
        return False
    norm = normalise(text)
    if len(norm) > 80 or extract_goals(text) or _SWAP.search(norm):  # "Nein, andersrum bitte" reorders
        return False
    if "?" in norm and _W_QUESTION.search(norm):
        return False  # "ok, und wie hat er die einfache Variante genannt?" asks, it does not end the list
    return bool(_NO_MORE.search(norm))


_W_QUESTION = re.compile(r"\b(?:wie|was|wer|wem|wen|wann|warum|wieso|weshalb|welche\w*|wo|wozu|wofur)\b")


def goal_label(goal_id: str) -> str:
    return GOAL_LABELS[goal_id]


def goal_buttons(exclude: Sequence[str] = ()) -> list[dict[str, str]]:
    """Buttons (title, payload value) for the goals not chosen yet, in Table 1 order."""
    return [{"title": GOAL_LABELS[g], "value": g} for g in GOAL_IDS if g not in exclude]


# --- wishes the rules do not understand ---------------------------------------------------------------

# Parts of an answer: sentences and clauses, and the parts of a clause joined by und/sowie/oder.
_ANSWER_PARTS = re.compile(
    # not "Wohngeld und so was online beantragen": examples of one thing; not the point of "40.000 Euro"
    # "ihr Wohngeld u. die Kita-Anmeldung online beantragen": the abbreviated "und" ends no sentence
    # not the gender colon of "Flüchtlingshelfer:innen"
    r"(?<=\d)\.(?!\d)|(?<!\d)(?<!\bu)\.|(?:[,;!?\n()]|:(?!in(?:nen)?\b))+|\s[–—-]+\s|\s(?:und(?!\s+(?:so\s*was|so\s+weiter|ähnliche\w*|dergleichen)\b)|sowie|oder|aber|"
    r"sondern|jedoch|dann|danach|anschließend|außerdem|zudem|"
    r"dazu|wobei|während)\s",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
# A part that states a wish ("dass die Leute nicht wegziehen", "die Leute sollen wissen, …").
# not a "dass" that reports what someone knew or said ("weil niemand wusste, dass es sie gibt")
_WISH = re.compile(
    r"(?<!wusste,\s)(?<!wussten,\s)(?<!weiss,\s)(?<!glaubte,\s)(?<!sagte,\s)(?<!merkte,\s)(?<!merkten,\s)"
    r"\b(?:dass|damit)\b"
)


@dataclass(frozen=True)
class AnswerPart:
    text: str  # a stretch of the original answer
    start: int  # its offset in the answer
    goals: tuple[str, ...]  # goals the rules name in it (not negated)
    open: bool  # names no goal, states a wish and dismisses nothing: for the semantic matcher


def answer_parts(text: str) -> list[AnswerPart]:
    """The answer cut into parts, in order; neighbouring goal-free parts of one sentence are joined.

    A goal-free part is `open` when it states a wish (dass/damit or a wish word such as wollen, soll,
    brauchen) and neither dismisses nor ranks the goals before it. Context and filler ("Wir sind ein
    kleines Dorf.", "mehr fällt mir nicht ein") and answers with a self-correction give no open part.
    """
    text = str(text or "")[:MAX_INPUT_CHARS]
    pieces = [(s, e) for s, e in clause_spans(text, _ANSWER_PARTS) if text[s:e].strip()]
    parts: list[AnswerPart] = []
    pending: tuple[int, int] | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            s, e = pending
            parts.append(AnswerPart(text[s:e].strip(), s, (), _is_open_wish(text[s:e])))
            pending = None

    dismissed_before = False  # the sentence so far named goals only to dismiss them
    for s, e in pieces:
        found = analyse(text[s:e])
        if found.mentions:
            flush()
            parts.append(AnswerPart(text[s:e].strip(), s, tuple(found.goals), False))
            dismissed_before = not found.goals
            continue
        if pending is not None and _SENTENCE_BREAK.search(text, pending[1], s):
            flush()
        if parts and _SENTENCE_BREAK.search(text, parts[-1].start + len(parts[-1].text), s):
            dismissed_before = False
        if dismissed_before:
            # "Auf Zuschüsse schielen wir bewusst nicht, wir finanzieren das aus eigenen Mitteln": the
            # reason for a dismissal, no wish of its own.
            parts.append(AnswerPart(text[s:e].strip(), s, (), False))
            continue
        pending = (pending[0] if pending else s, e)
    flush()
    if _SELF_CORRECTION.search(normalise(text)):
        parts = [AnswerPart(p.text, p.start, p.goals, False) for p in parts]
    following = [*parts[1:], None]
    preceding = [None, *parts[:-1]]
    return [
        AnswerPart(part.text, part.start, part.goals, False)
        if _only_completes(text, part, before, after)
        else part
        for part, before, after in zip(parts, preceding, following, strict=True)
    ]


def _only_completes(text: str, part: AnswerPart, before: AnswerPart | None, after: AnswerPart | None) -> bool:
    """Whether an open part only completes a goal part beside it in the same sentence:
    - a lead-in to the goal after it: "Mit der Digitalisierung wollen wir uns so aufstellen, | dass wir die
      DSGVO einhalten", "Unser Ziel ist, | die Unternehmen am Standort zu halten";
    - the rest of the clause before it, cut off at a comma: "Zwei Firmen überlegen gerade, | wegzuziehen".
    """
    if not part.open:
        return False
    norm = normalise(part.text)
    between = text[part.start + len(part.text) : after.start] if after is not None else ""
    if after is not None and after.goals and between.strip().startswith(":"):
        return True  # "Der Kreistagsbeschluss von 2023 nennt als Ziele: …": a lead-in to the list after it
    if after is not None and after.goals and _CUT_AT_UND.fullmatch(between) and _DASS_CUT.search(norm):
        # "Der Kreistag hat beschlossen, dass Sitzungsunterlagen | und Beschlüsse einsehbar sein sollen": the
        # "dass" clause goes on in the goal part after "und".
        return True
    if (
        after is not None
        and after.goals
        and not _SENTENCE_BREAK.search(text, part.start, after.start)
        # not a wish of its own beside the next one: "Dass die Kolleginnen nicht mehr suchen müssen, und
        # dass wir KI testen"
        and not _WISH.match(norm)
        and not _COORDINATION.search(text, part.start + len(part.text), after.start)
    ):
        if _WISH.match(normalise(after.text)) or _COPULA_LEAD_IN.search(norm):
            return True
    if before is not None and before.goals and not _SENTENCE_BREAK.search(text, before.start, part.start):
        return (
            bool(_ZU_INFINITIVE_START.match(norm))
            or bool(_GIVER_CONTINUES.match(norm))
            or bool(_DESCRIBES_BEFORE.match(norm) and not _OWN_WISH.search(norm))
            or bool(_RELATIVE_TO_BEFORE.match(norm))
        )
    return False


_CUT_AT_UND = re.compile(r"\s*und\s*")
# "Zuschüsse von Land | und Bund wollen wir mitnehmen": the givers' list goes on after the cut at "und"
_GIVER_CONTINUES = re.compile(
    r"^\W*(?:(?:dem|der|den|vom)\s+)?(?:bund|land|lander|eu|europa|kreis|freistaat)\b"
)
# "einen Rufbus, | den man per App bestellt, damit die Dörfer angebunden sind": a relative clause on the thing
# the goal part before it names
_RELATIVE_TO_BEFORE = re.compile(
    r"^\W*(?:(?:den|dem|deren|dessen|welche\w*)\s+\w+|(?:die|der|das)\s+(?:man|wir|ihr|jeder|jede|alle)\b)"
)
_DASS_CUT = re.compile(r"\bdass\s+\w+(?:\s+\w+)?\s*$")
# "unsere Vereine, dat is dat Herz vom Dorf, die brauchen Hilfe": what the goal before is and needs
_DESCRIBES_BEFORE = re.compile(
    fold_pattern(
        r"^\W*(?:das|dat|des|die|der|sie|er|es)\s+(?:ist|is|isch|sind|san|brauchen|braucht|haben|hat|halten|hält)\b"
        # "… die machen das in ihrer Freizeit, die wollen wir halten"
        r"|^\W*(?:die|den|das|diese|dies)\s+(?:wollen|möchten|müssen|sollen|will|möchte|muss|soll)\s+wir\b"
        # "Jeden Zuschuss, | den wir von Land oder Bund kriegen können, …": a relative clause on the goal
        r"|^\W*(?:den|die|das|der|dem|deren|dessen)\s+(?:wir|man|ich)\b"
    )
)
_OWN_WISH = re.compile(r"\b(?:dass|damit|ausserdem|auch\s+noch)\b")


_COORDINATION = re.compile(r"\b(?:und|sowie|oder)\b", re.IGNORECASE)
# "Unser Ziel ist", "Das Wichtigste wäre": the goal follows.
_COPULA_LEAD_IN = re.compile(
    r"\b(?:ist|sind|ware|waren|war|lautet|heisst)\W*$"
    # "Realistisch geht es jetzt nur darum, | die Papierakten zu digitalisieren"
    r"|\b(?:geht|ging)\s+(?:es|s)\s+(?:\w+\s+){0,4}?darum\W*$|\bkommt\s+es\s+(?:\w+\s+){0,4}?darauf\s+an\W*$"
    # "Wenn dann noch Zeit bleibt, wäre es schön, | wenn die Bürger online mitreden könnten"
    r"|\b(?:ware|wars|fande|finde)\s+(?:es|das|ich\s+es)\s+(?:\w+\s+)?(?:schon|gut|toll|prima|super|klasse|"
    r"wunschenswert|hilfreich|sinnvoll)\W*$"
)
# "wegzuziehen", "anzusiedeln", "zu halten": the infinitive of the clause before.
_ZU_INFINITIVE_START = re.compile(
    r"^\W*(?:(?:an|auf|aus|ab|bei|ein|mit|nach|vor|weg|zuruck|zusammen|her|hin|um|durch|fest|los|weiter|"
    r"heraus|herein|hinaus)zu\w+n|zu\s+\w+n)\b"
)


# "Fällt KI unter Innovation, auch wenn wir sie nur nutzen wollen, …?": a concession, no wish of its own
_CONCESSION = re.compile(r"^\W*(?:auch\s+wenn|selbst\s+wenn|obwohl|obgleich|wenngleich)\b")


_BOTH_BEFORE = re.compile(
    r"^\W*(?:(?:und|aber)\s+)?(?:beide|beides|die\s+beiden|alle\s+(?:zwei|drei|beide))\b"
)


# "Eigentlich beides gleich wichtig, aber wenn es sein muss, zuerst das Gesetz": weighing the goals named, no
# wish of its own (unless a "dass …" follows: "Gleich wichtig ist uns, dass …")
_WEIGHING = re.compile(
    r"\bgleich\s+wichtig|\bgleichwertig|\bgleichrangig|\bwenn\s+es\s+(?:denn\s+)?sein\s+muss\b"
)
_WISH_CLAUSE = re.compile(r"\b(?:dass|damit)\b")


# "Ganz ehrlich, das wurde bei uns nie richtig festgelegt": that nothing was decided, no wish
_NEVER_DECIDED = re.compile(
    r"\b(?:nie|nicht|noch\s+nicht|noch\s+nie|bisher\s+nicht)\s+(?:\w+\s+){0,2}"
    r"(?:festgelegt|festgeschrieben|beschlossen|definiert|entschieden|besprochen|geklart|formuliert)\b"
)


def _is_open_wish(part: str) -> bool:
    norm = normalise(part)
    if not (_WISH.search(norm) or _GOAL_CUE.search(norm)):
        return False
    if _NEVER_DECIDED.search(norm):
        return False
    if _WEIGHING.search(norm) and not _WISH_CLAUSE.search(norm):
        return False
    if _CONCESSION.match(norm):
        return False
    if _OTHER_THINGS.search(norm) or _DISMISSAL_WORDS.search(norm) or _REJECTION.search(norm):
        return False
    if _DISMISSES_ACROSS.search(norm):
        return False  # "wenn's welche gibt, aber ein Ziel ist das nicht": about the goal before
    if _EMPTY_WISH.match(norm):
        return False  # "…, da müssen wir was tun": says that something must happen, not what
    if _MEASURED_AGAINST.search(norm):
        return False  # "Daran muss sich alles messen lassen, auch die Digitalisierung": the goal before
    if _MEANS_ONLY.search(norm) and not _BENEFICIARY.search(norm):
        # "…, da muss die Technik helfen": the means to the goal before, no goal of its own (but "Die
        # Technik soll den Bürgern helfen" says whom it serves).
        return False
    if any(_DISMISSAL_AFTER.match(norm, n.end()) for n in _NEGATION.finditer(norm)):
        return False
    if _CLOSING_REMARK.match(norm):
        return False  # "Mehr würde ich nicht nennen."
    if _BOTH_BEFORE.match(norm):
        return False  # "Beide sollen digital unterstützt werden, …": the goals named before
    if _SERVES_THE_GOAL_BEFORE.search(norm) or _IF_I_MUST_CHOOSE.match(norm):
        # "Die Digitalisierung soll genau dazu beitragen."; "Wenn ich mich entscheiden muss, …"
        return False
    markers = _rank_markers(norm, 0)
    if markers and len(norm.split()) <= _LEAD_IN_MAX_WORDS:
        return False  # "Deshalb hat für uns oberste Priorität, …": a lead-in to the goal after it
    # "…, das kommt zuerst" and "…, da wollen wir als Erstes ran" rank the goal before it.
    return not (markers and (_BACK_PRONOUN.search(norm) or _THERE_WE_WANT.match(norm)))


# "Wasserversorgung …, und da wollen wir als Erstes digital ran": "da" points back at the goal named before.
_THERE_WE_WANT = re.compile(
    r"^\W*(?:und\s+)?da\s+(?:wollen|mochten|mussen|sollen|will|mochte|muss|soll|gehen|setzen)\s+wir\b"
)


# "Mehr würde ich nicht nennen.", "Mehr muss es für den Anfang gar nicht sein."
_CLOSING_REMARK = re.compile(r"^\W*(?:und\s+)?mehr\s+(?:\w+\s+){0,6}(?:nicht|keine\w*)\b")
_SERVES_THE_GOAL_BEFORE = re.compile(
    r"\b(?:dazu|dafur|dabei)\s+(?:\w+\s+)?(?:beitragen|beitragt|helfen|hilft|dienen|dient|fuhren|fuhrt)\b"
)
_IF_I_MUST_CHOOSE = re.compile(
    r"^\W*wenn\s+(?:ich|wir)\s+(?:mich\s+|uns\s+)?(?:entscheiden|wahlen|festlegen)\s+"
    r"(?:muss|mussen|musste|mussten|soll|sollen|sollte)\b"
)
# What everything is measured against, pointing back at the goal just named
_MEASURED_AGAINST = re.compile(r"\b(?:daran|danach)\s+(?:\w+\s+){0,6}(?:mess|orientier|ausricht|richt)\w*")
_LEAD_IN_MAX_WORDS = 6
