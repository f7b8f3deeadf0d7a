"""How the features beyond the result work, for questions about them ("Wie funktioniert der
Teammodus?", "Was steht im Bericht?", "Wofür ist der Rückkehrcode?").

The general help only lists what the assistant can do; a question that names one feature gets that
feature explained, with the button that uses it. The study's D-Team idea is a knowledge question
("Was ist das D-Team?"), not the team mode: a topic needs words that only the assistant's features
carry.
"""

from __future__ import annotations

import re

from dteam.followup.target import TARGET_QUESTION
from dteam.followup.team import MIN_TEAM_MEMBERS

TEAM = "team"
REPORT = "report"
RETURN_CODE = "return_code"
TARGET = "target"

# "mehrere Kolleg:innen", "mit meinen Kollegen zusammen", "als Team": taking part together.
_TOGETHER = (
    r"(?:mehrere\w*|andere\w*|weitere\w*|alle\w*)\s+(?:\w+\s+)?(?:kolleg\w*|leute|personen|beschäftigte\w*|"
    r"mitarbeite\w*|mitglieder|ämter|abteilungen)"
    r"|\bmit\s+(?:meine\w*|unsere\w*|den|de[rn])\s+(?:\w+\s+)?(?:kolleg\w*|team\w*|abteilung\w*)"
    r"|\b(?:gemeinsam|zusammen|als\s+team|im\s+team|als\s+gruppe)\b"
)
# "Wie war das nochmal mit dem Bericht?": how a feature works, named after "mit dem …".
_HOW_ABOUT = (
    r"\bwie\s+(?:war|ist|geht|läuft|funktioniert|klappt)\s+das\s+(?:\w+\s+){0,2}mit\s+(?:dem|der|den)\s+"
)
_COLLEAGUES = r"(?:mein\w*|unser\w*)\s+(?:\w+\s+)?(?:kolleg\w*|mitarbeite\w*)"
# "Was bringt mir der Code?", "Wozu nützt uns der Teammodus?": what a feature is good for
_WHAT_FOR = r"\b(?:was|wozu|wofür)\s+(?:bringt|bringen|nützt|nutzt|hilft|soll)\b[^.!?]{0,60}?\b"
_PRINTED = r"pdf|bericht\w*|ausdruck\w*|ausdrucken|ausgedruckt|drucken"
_OWN_OR_COUNCIL = (
    r"mein\w*|unser\w*|ergebnis\w*|selbsttest\w*|rat|gemeinderat|stadtrat|kreistag|bürgermeister\w*|leitung"
)
# "Kann ich das meinem Bürgermeister irgendwie zeigen?": the result for those who decide – but not "Wie
# zeige ich dem Rat, dass Digitalisierung wichtig ist?" (a question on persuading) nor a question on
# what a type does ("Wie präsentieren Community Manager das dem Stadtrat?").
_SHOW = (
    r"stell\w*(?=.*\bvor\b)|zeig\w*|vorzeig\w*|vorleg\w*|vorstell\w*|präsentier\w*|weiterleit\w*|"
    r"weitergeb\w*|schick\w*|mail\w*"
)
_DECIDERS = (
    r"rat|gemeinderat|stadtrat|kreistag|ausschuss|bürgermeister\w*|landrat|landrätin|verwaltungsleitung|"
    r"leitung|chef\w*|vorgesetzt\w*|amtsleit\w*|dezernent\w*|fraktion\w*"
)
_SHOW_THE_RESULT = (
    r"^(?!.*\b(?:dass|überzeug\w*|wichtig\w*|community|optimierer\w*|bedächtig\w*|serviceorientiert\w*)\b)(?=.*\b(?:das|es|ergebnis\w*|auswertung\w*|resultat\w*)\b)"
    r"(?=.*\b(?:" + _SHOW + r")\b).*\b(?:" + _DECIDERS + r")\b"
)
_TOPICS = {
    TEAM: re.compile(
        r"\bteam-?(?:modus|code\w*|funktion\w*|ergebnis\w*|auswertung\w*|mitglied\w*)\b"
        r"|" + _HOW_ABOUT + r"team\w*|" + _WHAT_FOR + r"team\w*"
        r"|\bteam\w*\s+(?:anleg\w*|erstell\w*|gründ\w*|beitret\w*)|\b(?:anleg\w*|erstell\w*|gründ\w*|"
        r"beitret\w*|beitritt|trete|treten|tritt)\b.*\bteam\b|\bteam\b.*\b(?:beitret\w*|beitritt)"
        r"|(?:" + _TOGETHER + r").*\b(?:mitmach\w*|teilnehm\w*|selbsttest\w*|test|ausfüll\w*)\b"
        r"|\b(?:mitmach\w*|teilnehm\w*|selbsttest\w*|test|ausfüll\w*)\b.*(?:" + _TOGETHER + r")"
        # "Wie können meine Kollegen mitmachen?", "Wie lade ich meine Kolleg:innen ein?" – but not
        # "Wie motiviere ich meine Kollegen zum Mitmachen?" (a question on change management).
        r"|^(?=.*\b(?:wie|können|kann|dürfen|darf|könnten)\b)"
        r"(?!.*\b(?:motivier\w*|überzeug\w*|begeister\w*|bring\w*|gewinn\w*|mitnehm\w*|beteilig\w*)\b)"
        r".*\b" + _COLLEAGUES + r"\b.*\b(?:mitmach\w*|teilnehm\w*|dazu(?:hol|komm)\w*|ins\s+team|einlad\w*)\b"
        r"|\blade\s+(?:ich|wir)\s+" + _COLLEAGUES + r"\s+ein\b",
        re.IGNORECASE,
    ),
    REPORT: re.compile(
        r"\b(?:" + _PRINTED + r")\b.*\b(?:" + _OWN_OR_COUNCIL + r")\b"
        r"|\b(?:" + _OWN_OR_COUNCIL + r")\b.*\b(?:" + _PRINTED + r")\b"
        r"|\b(?:bekomm\w*|erhalt\w*|krieg\w*)\s+(?:ich|wir)\b.*\b(?:pdf|bericht|ausdruck)\b"
        r"|" + _HOW_ABOUT + r"(?:pdf|bericht)\b|" + _WHAT_FOR + r"(?:pdf|bericht)\b"
        r"|" + _SHOW_THE_RESULT,
        re.IGNORECASE,
    ),
    RETURN_CODE: re.compile(
        r"\brückkehr-?code\w*|\bcode\b.*\b(?:wofür|wozu|wiederkomm\w*|später|nächste\w*|verloren|vergessen|"
        r"verlegt|weg|finde\w*\s+(?:ihn\s+)?nicht)\b"
        r"|\b(?:wofür|wozu)\b.*\bcode\b|" + _HOW_ABOUT + r"(?:rückkehr-?)?code\b|" + _WHAT_FOR + r"code\b"
        r"|\b(?:mein\w*|unser\w*)\s+(?:alte\w*|früher\w*|letzte\w*|vorig\w*)\s+(?:ergebnis\w*|test\w*|selbsttest\w*)"
        # "Was hat sich denn verändert?" after a recalled code: the comparison comes with the repeated test.
        r"|^\W*(?:und\s+)?was\s+hat\s+sich\s+(?:(?:denn|seitdem|seither|bei\s+uns|jetzt|inzwischen|so|"
        r"eigentlich)\s+)*(?:verändert|getan|geändert)\W*$",
        re.IGNORECASE,
    ),
    TARGET: re.compile(
        r"\bziel-?zustand\w*|\bsoll-?(?:zustand|profil|typ)\w*|\bist\s*(?:/|und|-)\s*soll\b"
        r"|\bziel\s+in\s+drei\s+jahren\b",
        re.IGNORECASE,
    ),
}
# A question that names a source is about the sources ("Was steht im Bericht der Studie zu FIM?").
_NAMES_A_SOURCE = re.compile(
    r"studie|thesen|papier|podcast|axians|öfit|kgst|presse|autor\w*|befragt\w*|umfrage", re.IGNORECASE
)
# Checked in this order: "Steht der Zielzustand im Bericht?" is about the target.
_ORDER = (TARGET, RETURN_CODE, TEAM, REPORT)

_TEXTS = {
    TEAM: (
        "Im Teammodus vergleichen Kolleg:innen einer Kommune ihre Sicht. »Team anlegen« gibt Ihnen "
        "einen Teamcode (TEAM-XXXXX-XXXXX); wer ihn mir schreibt und den Selbsttest macht, gehört zum "
        f"Team. Ab {MIN_TEAM_MEMBERS} abgeschlossenen Selbsttests zeigt »Teamergebnis« den gemeinsamen "
        "Typ, wo Sie sich einig sind und wo die Sichten auseinandergehen – dazu eine Zusammenfassung "
        "als PDF. Namen speichere ich nicht, und einzelne Antworten zeige ich niemandem."
    ),
    REPORT: (
        "Nach dem Selbsttest erstelle ich Ihnen einen Bericht als PDF für Rat oder Verwaltungsleitung: "
        "Typ und Begründung, Ihre Ziele, den Vergleich mit anderen Kommunen und was Sie von den anderen "
        "Typen lernen können – mit Wiederholungsmessung und Zielzustand, wenn es sie gibt. Schreiben "
        "Sie nach dem Test »Bericht«, später »Bericht DT-XXXXX-XXXXX« mit Ihrem Rückkehrcode."
    ),
    RETURN_CODE: (
        "Am Ende des Selbsttests bekommen Sie einen Rückkehrcode (DT-XXXXX-XXXXX). Schreiben Sie ihn "
        "mir beim nächsten Selbsttest, etwa in einem Jahr: Dann vergleiche ich damals und heute – Typ, "
        "Ziele und Praxis. Der Code öffnet auch Ihren Bericht als PDF. Notieren Sie ihn: Da ich keine "
        "Namen speichere, finde ich Ihr Ergebnis nur über den Code wieder."
    ),
    TARGET: (
        f"Nach dem Ergebnis fragt »Ziel in drei Jahren«: {TARGET_QUESTION} Diesen Zielzustand (Soll) "
        "ordne ich wie Ihr heutiges Profil (Ist) einem Typ zu und nenne, was Sie von den Typen lernen "
        "können, die bei diesen Zielen stark sind. Ist und Soll stehen danach auch in Ihrem Bericht."
    ),
}


# The general help: what the assistant does, the features after the result, the interview's controls.
GENERAL_HELP = "\n".join(
    [
        "So können Sie mit mir arbeiten:",
        (
            "• »Selbsttest starten«: In etwa fünf Minuten finden wir heraus, welchem Kommunentyp Ihre Kommune"
            " ähnelt (Bedächtige, Optimierer, Serviceorientierte oder Community Manager), und was Sie von den"
            " anderen Typen lernen können."
        ),
        (
            "• Fragen stellen, z. B. »Was ist FIM?« oder »Was können wir von den Community Managern lernen?« "
            "– ich antworte aus der Studie, den Axians-Thesenpapieren und zwei Podcast-Interviews und nenne "
            "die Quelle."
        ),
        (
            "• Nach dem Ergebnis: Bericht als PDF für Rat oder Verwaltungsleitung, Rückkehrcode für eine "
            "spätere Wiederholung, Zielzustand in drei Jahren (Ist/Soll) und Teammodus, in dem Kolleg:innen "
            "ihre Sicht vergleichen – fragen Sie z. B. »Wie funktioniert der Teammodus?«."
        ),
        (
            "• »Statistik« zeigt, wie sich bisherige Ergebnisse verteilen; »Meine Daten löschen« entfernt Ihr"
            " Gespräch."
        ),
        (
            "• Im Selbsttest: »weiß nicht« überspringt eine Frage, »zurück« führt zur vorigen, »Ergebnis "
            "jetzt« wertet sofort aus, »Abbrechen« beendet den Test; »Neu starten« beginnt von vorn. Eine "
            "kurze Pause ist kein Problem: Schreiben Sie einfach weiter, der Test geht an derselben Stelle "
            "weiter."
        ),
    ]
)


_HOW_ABOUT_A_FEATURE = re.compile(
    _HOW_ABOUT + r"(?:pdf|bericht|(?:rückkehr-?)?code|team\w*|ziel\s+in\s+drei\s+jahren)\b", re.IGNORECASE
)


def asks_how_a_feature_works(message: str) -> bool:
    """ "Wie war das nochmal mit dem Bericht?": about the feature, whichever command the words resemble."""
    return bool(_HOW_ABOUT_A_FEATURE.search(message or "")) and not _NAMES_A_SOURCE.search(message or "")


# The feature the assistant has just used: a short question right after it is about that feature.
TOPIC_OF_ACTION = {
    "action_create_team": TEAM,
    "action_show_team_result": TEAM,
    "action_send_report": REPORT,
    "action_ask_target_goals": TARGET,
    "action_show_target": TARGET,
}
# "Was mache ich jetzt mit dem Code?", "Wie sehen meine Kollegen das Ergebnis?", "Kann ich später noch Leute
# hinzufügen?" right after »Team anlegen« got the sources' refusal or a podcast answer on change management.
_ABOUT_THE_FEATURE = re.compile(
    r"\b(?:code\w*|kolleg\w*|leute|mitglied\w*|mitmach\w*|einlad\w*|hinzufüg\w*|dazu(?:hol|nehm|füg)\w*|"
    r"weitergeb\w*|weiterleit\w*|teilen|ergebnis\w*|pdf|link|ausdruck\w*|ausdrucken|drucken|öffn\w*|"
    r"speicher\w*|herunterlad\w*|download\w*)\b",
    re.IGNORECASE,
)
FEATURE_FOLLOW_UP_MAX_WORDS = 14


def follow_up_topic(message: str, previous_action: str | None, previous_text: str = "") -> str | None:
    """The feature a short question right after using it (or after its help, `previous_text`) is about,
    else None."""
    topic = TOPIC_OF_ACTION.get(previous_action or "") or next(
        (topic for topic, text in _TEXTS.items() if previous_text and text in previous_text), None
    )
    text = message or ""
    if (
        topic is None
        or len(text.split()) > FEATURE_FOLLOW_UP_MAX_WORDS
        or _NAMES_A_SOURCE.search(text)
        or not _ABOUT_THE_FEATURE.search(text)
    ):
        return None
    return topic


# Right after »Team anlegen«: what a follow-up asks, answered first, before the team help (checked in order).
_TEAM_FOLLOW_UPS = (
    (
        re.compile(
            r"\b(?:später|hinzufüg\w*|dazu(?:hol|nehm|füg)\w*|noch\s+(?:\w+\s+)?(?:leute|kolleg\w*))", re.I
        ),
        "Ja – wer den Teamcode schreibt, gehört zum Team, auch später und auch nach dem eigenen Selbsttest.",
    ),
    (
        re.compile(r"\bergebnis\w*|\bsehen\b|\bauswertung\w*", re.I),
        f"Sobald {MIN_TEAM_MEMBERS} Mitglieder den Selbsttest abgeschlossen haben, schreibt jedes Mitglied "
        "»Teamergebnis« und sieht das gemeinsame Bild – einzelne Antworten sieht niemand.",
    ),
    (
        re.compile(r"\bcode\w*", re.I),
        "Geben Sie den Teamcode an Ihre Kolleg:innen weiter, etwa per Mail; wer ihn mir schreibt und den "
        "Selbsttest macht, gehört zum Team.",
    ),
)


def follow_up_text(topic: str, message: str) -> str:
    """The help for `topic`, opened by the answer to what the follow-up asks where one fits."""
    if topic == TEAM:
        first = next((text for pattern, text in _TEAM_FOLLOW_UPS if pattern.search(message or "")), "")
        if first:
            return f"{first}\n\n{_TEXTS[topic]}"
    return _TEXTS[topic]


def help_topic(message: str) -> str | None:
    """The feature a help question is about, or None for the general help."""
    text = message or ""
    if _NAMES_A_SOURCE.search(text):
        return None
    return next((topic for topic in _ORDER if _TOPICS[topic].search(text)), None)


def topic_text(topic: str) -> str:
    return _TEXTS[topic]
