"""German chat texts of the follow-up features (codes, team, target, report)."""

from __future__ import annotations

from dteam.followup.measurement import Measurement, german_date
from dteam.followup.target import TARGET_QUESTION
from dteam.followup.team import MIN_TEAM_MEMBERS
from dteam.study.data import TYPE_DATIVE, TYPE_NAMES

STORE_DOWN = (
    "Der Speicher für Rückkehr- und Teamcodes ist gerade nicht erreichbar. Bitte versuchen Sie es in "
    "ein paar Minuten noch einmal."
)
MALFORMED_CODE = (
    "Das sieht nach einem Code aus, ist aber unvollständig. Ein Rückkehrcode hat die Form "
    "DT-XXXXX-XXXXX, ein Teamcode TEAM-XXXXX-XXXXX (jeweils zweimal fünf Zeichen)."
)
NO_TEAM = (
    "Sie gehören in diesem Gespräch noch zu keinem Team. Legen Sie eines an oder schreiben Sie mir "
    "den Teamcode (TEAM-XXXXX-XXXXX), den Sie bekommen haben."
)
NO_REPORT_YET = (
    "Einen Bericht gibt es nach dem Selbsttest – oder mit Ihrem Rückkehrcode (»Bericht DT-XXXXX-XXXXX«)."
)
ASK_TARGET = (
    f"{TARGET_QUESTION} Nennen Sie bis zu drei, das wichtigste zuerst – z. B. »Bürgernähe, dann Innovation«."
)
NO_TARGET_GOALS = (
    "Darin habe ich kein Digitalisierungsziel erkannt. Beispiel: »Bürgernähe, dann Innovation und "
    "Wirtschaft«. Mit »Abbrechen« geht es ohne Zielzustand weiter."
)


def target_from_type(type_id: str) -> str:
    """ "In drei Jahren wollen wir eher Community Manager sein": the type's strongest goals as the target."""
    return (
        f"Als Zielzustand nehme ich die drei Ziele, die {TYPE_DATIVE[type_id]} am wichtigsten sind "
        "(Tabelle 1). Andere Ziele können Sie mit »Ziel in drei Jahren« neu festlegen."
    )


TARGET_STORED = "Der Zielzustand steht jetzt auch in Ihrem Bericht."
REPORT_TITLE = "Ihr Bericht zum Selbsttest (PDF, für Rat oder Verwaltungsleitung)"
TEAM_REPORT_TITLE = "Teamzusammenfassung zum Ausdrucken (PDF)"


def code_shown(code: str, link: str) -> str:
    return (
        f"Ihr Rückkehrcode: **{code}** – notieren Sie ihn. Wenn Sie ihn beim nächsten Selbsttest (etwa in "
        "einem Jahr) nennen, zeige ich Ihnen, was sich seitdem verändert hat; er ist auch der Schlüssel zu "
        f"Ihrem Bericht als PDF: {link}"
    )


def recalled(measurement: Measurement) -> str:
    mixed = " (als Mischform)" if measurement.is_mixed else ""
    return (
        f"Gefunden: Der Selbsttest vom {german_date(measurement.completed_on)} ergab den Typ "
        f"**{TYPE_NAMES[measurement.type_id]}**{mixed}. Wenn Sie den Selbsttest jetzt wiederholen, "
        "vergleiche ich am Ende damals und heute: Typ, Ziele und Praxis."
    )


def unknown_return_code(code: str) -> str:
    return (
        f"Den Rückkehrcode {code} kenne ich nicht. Bitte prüfen Sie die Schreibweise. Codes, deren Daten "
        "gelöscht wurden (auf Wunsch oder nach Ablauf der Aufbewahrungsfrist), gibt es nicht mehr."
    )


def unknown_team(code: str) -> str:
    return (
        f"Das Team {code} kenne ich nicht. Bitte prüfen Sie die Schreibweise oder legen Sie mit "
        "»Team anlegen« ein neues Team an."
    )


def joined_team(code: str, joined: int, finished: int, own_test_done: bool) -> str:
    next_step = (
        "Ihr Ergebnis zählt bereits für das Team."
        if own_test_done
        else "Machen Sie jetzt den Selbsttest – Ihr Ergebnis zählt dann für das Team."
    )
    return (
        f"Sie gehören jetzt zum Team {code} ({joined} Mitglied{'er' if joined != 1 else ''}, {finished} mit "
        f"abgeschlossenem Selbsttest). {next_step} Das Teamergebnis gibt es ab {MIN_TEAM_MEMBERS} "
        "abgeschlossenen Selbsttests."
    )


def team_created(code: str) -> str:
    return (
        f"Ihr Teamcode: **{code}**. Geben Sie ihn an die Kolleginnen und Kollegen weiter: Wer ihn mir "
        "schreibt (vor oder nach dem eigenen Selbsttest), gehört zum Team. Sie selbst sind schon dabei. "
        f"Ab {MIN_TEAM_MEMBERS} abgeschlossenen Selbsttests zeigt »Teamergebnis« das gemeinsame Bild. "
        "Nur dieser Code verbindet die Mitglieder – Namen speichere ich nicht."
    )


def result_counts_for_team(code: str) -> str:
    return f"Ihr Ergebnis zählt jetzt für das Team {code}."


def unknown_team_short(code: str) -> str:
    return f"Das Team {code} kenne ich nicht."


def code_deleted(code: str, deleted: bool, is_team: bool) -> str:
    if is_team:
        if deleted:
            return f"Erledigt: Sie gehören nicht mehr zum Team {code}; Ihr Ergebnis zählt dort nicht mehr."
        return f"Zum Team {code} gehörte diese Unterhaltung nicht – es war nichts zu löschen."
    if deleted:
        return (
            f"Erledigt: Das Ergebnis zum Rückkehrcode {code} ist gelöscht, samt Teamzugehörigkeit. Der "
            "Code funktioniert nicht mehr. Ihr übriges Gespräch bleibt; »Meine Daten löschen« ohne Code "
            "löscht alles."
        )
    return f"Zum Rückkehrcode {code} ist nichts gespeichert – es war nichts zu löschen."
