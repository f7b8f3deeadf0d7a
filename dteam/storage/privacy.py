"""Data protection: "Meine Daten löschen" and retention.

Deleting a conversation removes its stored result and its tracker events. Rasa saves the tracker
again after the deleting action has run, so the tracker deletion is recorded as pending (by hash
only) and repeated until it sticks: by follow-up passes the caller schedules and by `make purge`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from dteam.channel_ids import channel_of
from dteam.followup.team import MIN_TEAM_MEMBERS
from dteam.storage import settings
from dteam.storage.codes import CodeStore
from dteam.storage.database import tracker_engine
from dteam.storage.results import ResultsStore
from dteam.storage.schema import pending_tracker_deletions, tracker_events
from dteam.storage.settings import DELETION_SETTLE_SECONDS
from dteam.storage.tracker_store import delete_tracker_events, tracker_table_exists

logger = logging.getLogger(__name__)

# Events up to this many seconds after the deletion request belong to the deletion turn itself
# (the bot's confirmation, action_listen) and go too.
DELETION_GRACE_SECONDS = 10.0


def request_tracker_deletion(
    store: ResultsStore, conversation_id: str, requested_at: float | None = None
) -> float:
    """Remembers that this conversation's tracker must go (only its hash is kept)."""
    requested_at = time.time() if requested_at is None else float(requested_at)
    key = store.hash_of(conversation_id)
    with store.engine.begin() as connection:
        connection.execute(
            pending_tracker_deletions.delete().where(pending_tracker_deletions.c.conversation_hash == key)
        )
        connection.execute(
            pending_tracker_deletions.insert().values(conversation_hash=key, requested_at=requested_at)
        )
    return requested_at


def pending_deletions(store: ResultsStore) -> dict[str, float]:
    with store.engine.connect() as connection:
        return {
            h: at
            for h, at in connection.execute(
                sa.select(
                    pending_tracker_deletions.c.conversation_hash, pending_tracker_deletions.c.requested_at
                )
            )
        }


def _finish_pending(store: ResultsStore, key: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            pending_tracker_deletions.delete().where(pending_tracker_deletions.c.conversation_hash == key)
        )


def run_pending_tracker_deletions(
    store: ResultsStore, tracker_url: str, now: float | None = None, known_sender_ids: Iterable[str] = ()
) -> int:
    """Deletes the tracker events of all conversations whose deletion is pending.

    Rasa saves the tracker again after the deleting action has run (and a turn that was in flight
    during a deletion re-saves its events too), so deletion is repeated here until it sticks.
    Sender ids are found by hashing the distinct sender ids of the tracker store, so no clear-text
    conversation id is ever kept for this. Returns the number of events deleted.
    """
    now = time.time() if now is None else now
    pending = pending_deletions(store)
    if not pending:
        return 0
    engine = tracker_engine(tracker_url)
    sender_ids = set(known_sender_ids)
    if tracker_table_exists(engine):
        with engine.connect() as connection:
            sender_ids.update(
                s for (s,) in connection.execute(sa.select(sa.distinct(tracker_events.c.sender_id)))
            )
    by_hash = {store.hash_of(s): s for s in sender_ids}
    deleted_total = 0
    for key, requested_at in pending.items():
        sender_id = by_hash.get(key)
        deleted = 0
        if sender_id is not None:
            deleted = delete_tracker_events(
                tracker_url, sender_id, up_to_timestamp=requested_at + DELETION_GRACE_SECONDS
            )
            deleted_total += deleted
        if deleted == 0 and now >= requested_at + DELETION_SETTLE_SECONDS:
            _finish_pending(store, key)
    return deleted_total


def delete_conversation_data(
    store: ResultsStore,
    conversation_id: str,
    tracker_url: str | None,
    requested_at: float | None = None,
) -> tuple[int, int]:
    """ "Meine Daten löschen": the conversation's results and (if configured) tracker events.

    Returns (results deleted, tracker events deleted now). The tracker deletion is also recorded as
    pending, to be repeated by `run_pending_tracker_deletions` after Rasa has saved the turn.
    """
    results_deleted = store.delete_for_conversation(conversation_id)
    events_deleted = 0
    if tracker_url:
        requested_at = request_tracker_deletion(store, conversation_id, requested_at)
        events_deleted = delete_tracker_events(tracker_url, conversation_id)
    return results_deleted, events_deleted


def schedule_followup_deletions(
    store: ResultsStore, tracker_url: str, conversation_id: str, delays: Sequence[float]
) -> threading.Thread:
    """Repeats the pending deletion in a background thread after the given delays (seconds)."""

    def repeat() -> None:
        started = time.monotonic()
        for delay in delays:
            time.sleep(max(0.0, started + delay - time.monotonic()))
            try:
                run_pending_tracker_deletions(store, tracker_url, known_sender_ids=[conversation_id])
            except Exception:
                logger.exception("Follow-up tracker deletion failed; `make purge` will retry it")

    thread = threading.Thread(target=repeat, name="tracker-deletion", daemon=True)
    thread.start()
    return thread


class StorageUnavailable(RuntimeError):
    """The results or tracker database cannot be reached; nothing was changed."""


@dataclass(frozen=True)
class DeletionOutcome:
    results_deleted: int
    tracker_configured: bool
    codes_deleted: int = 0  # return codes and team memberships of this conversation (issue 12)
    channel: str | None = None  # "matrix"/"teams": copies outside our stores stay (see deletion_message)


def forget_conversation(conversation_id: str, env: Mapping[str, str] = os.environ) -> DeletionOutcome:
    """ "Meine Daten löschen": deletes the stored result and the conversation's tracker events now,
    and repeats the tracker deletion in the background after Rasa has saved the turn."""
    tracker_url = settings.tracker_db_url(env)
    try:
        store = ResultsStore()
        results_deleted, _ = delete_conversation_data(store, conversation_id, tracker_url)
        codes = CodeStore(store.url, store.secret).delete_for_conversation(conversation_id)
    except SQLAlchemyError as error:
        raise StorageUnavailable(str(error)) from error
    if tracker_url:
        schedule_followup_deletions(store, tracker_url, conversation_id, settings.followup_delays(env))
    return DeletionOutcome(
        results_deleted=results_deleted,
        tracker_configured=bool(tracker_url),
        codes_deleted=codes.codes + codes.memberships,
        channel=channel_of(conversation_id),
    )


def deletion_message(outcome: DeletionOutcome) -> str:
    """German confirmation of what was deleted."""
    if outcome.results_deleted:
        result_part = "Ihr gespeichertes Ergebnis der Einschätzung ist gelöscht."
    else:
        result_part = "Zu dieser Unterhaltung war kein Ergebnis der Einschätzung gespeichert."
    if outcome.codes_deleted:
        result_part += (
            " Die Rückkehrcodes und Teammitgliedschaften aus dieser Unterhaltung sind ebenfalls gelöscht."
        )
    if outcome.tracker_configured:
        tracker_part = (
            "Den Verlauf dieser Unterhaltung habe ich ebenfalls gelöscht; die letzten "
            "Nachrichten einschließlich dieser Antwort werden wenige Sekunden später "
            "endgültig entfernt."
        )
    else:
        tracker_part = (
            "Der Verlauf dieser Unterhaltung wird hier nicht in einer Datenbank "
            "gespeichert und verfällt, wenn der Dienst neu startet."
        )
    return (
        f"Erledigt. {result_part} {tracker_part} Alle Angaben aus dieser Sitzung sind "
        "zurückgesetzt – wenn Sie weiterschreiben, beginnen wir von vorn."
    ) + CHANNEL_COPY_NOTICE.get(outcome.channel, "")


# What "Meine Daten löschen" cannot reach: the chat platform keeps its own copy of the messages.
CHANNEL_COPY_NOTICE = {
    "matrix": (
        "\n\nNicht gelöscht sind die Nachrichten in Ihrem Matrix-Raum und das dort hochgeladene "
        "Diagramm: Sie liegen auf dem Homeserver. Sie können sie im Raum selbst entfernen oder den "
        "Raum verlassen; für endgültiges Löschen wenden Sie sich an die Administration des Homeservers."
    ),
    "teams": (
        "\n\nNicht gelöscht ist der Chatverlauf in Microsoft Teams einschließlich des Diagramms: Er "
        "liegt in Microsoft 365 und unterliegt den Aufbewahrungsregeln Ihrer Organisation. Einzelne "
        "eigene Nachrichten können Sie in Teams löschen; alles Weitere regelt Ihre IT-Administration."
    ),
}


MSG_DELETE_FAILED = (
    "Das Löschen hat leider nicht geklappt, weil der Datenspeicher gerade nicht "
    "erreichbar ist. Es ist nichts verloren gegangen, aber auch noch nichts gelöscht. "
    "Bitte versuchen Sie es in ein paar Minuten noch einmal oder wenden Sie sich an "
    "die Betreiber dieses Assistenten."
)


def _days(value: float) -> str:
    return "1 Tag" if value == 1 else f"{value:g} Tage"


def privacy_notice(env: Mapping[str, str] = os.environ) -> str:
    """The core of what the assistant stores and for how long (the operator's retention settings).

    For "Werden meine Daten gespeichert?", "Ist das anonym?": the answer, not a deletion. The details
    (`privacy_details`) follow on request.
    """
    conversation = settings.retention_from_env(env)["tracker_retention_days"]
    return (
        "Gespeichert wird der Verlauf dieses Gesprächs – "
        + (f"höchstens {_days(conversation)}" if conversation is not None else "bis Sie ihn löschen")
        + " – und nach dem Selbsttest Ihr Ergebnis, ohne Namen und ohne Freitext. Mit »Meine Daten "
        "löschen« entfernen Sie beides sofort."
    )


OTHERS_NOT_SHOWN = (
    "Gespräche und Antworten anderer Personen zeige ich nicht – über diesen Chat kann niemand ein fremdes "
    "Gespräch lesen oder ändern, auch Ihres nicht. Was es gibt, ist die anonyme »Statistik« über alle "
    "abgeschlossenen Selbsttests."
)


def privacy_details(env: Mapping[str, str] = os.environ) -> str:
    """What the stored result holds, how long it stays linked, and who sees what."""
    link = settings.retention_from_env(env)["results_link_retention_days"]
    return (
        "Zum Ergebnis gehören Ziele, Typ, Art und Größenklasse der Kommune (keine genaue Einwohnerzahl) und "
        "die festen Antwortwerte. Mit dem Gespräch verknüpft ist es "
        + (f"{_days(link)} lang" if link is not None else "bis zur Löschung")
        + ", danach zählt es nur noch anonym in der Statistik. Die Statistik zeigt Verteilungen erst ab "
        f"{settings.min_group_size(env)} Ergebnissen, ein Teamergebnis erst ab {MIN_TEAM_MEMBERS} Tests; "
        "wer Ihren Rückkehrcode kennt, kann Ihren Bericht abrufen."
    )
