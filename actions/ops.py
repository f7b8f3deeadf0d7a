"""Rasa adapters for "Statistik" and "Meine Daten löschen".

Thin: all logic lives in dteam.storage.results_store; these classes only read the tracker, call it and
turn the outcome into German messages and events.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from dteam.storage import results_store

logger = logging.getLogger(__name__)

# Rasa saves the tracker again after this action, so the deletion is repeated in the background:
# first pass soon after the turn is saved, last pass after the settle time to confirm nothing came back.
DEFAULT_FOLLOWUP_SECONDS = (15.0, results_store.DELETION_SETTLE_SECONDS + 15.0)

CLEAR_HISTORY_KEY = "clear_history"

MSG_STATS_UNAVAILABLE = (
    "Die Statistik ist gerade nicht verfügbar, weil der Ergebnisspeicher nicht "
    "erreichbar ist. Bitte versuchen Sie es später noch einmal."
)
MSG_DELETE_FAILED = (
    "Das Löschen hat leider nicht geklappt, weil der Datenspeicher gerade nicht "
    "erreichbar ist. Es ist nichts verloren gegangen, aber auch noch nichts gelöscht. "
    "Bitte versuchen Sie es in ein paar Minuten noch einmal oder wenden Sie sich an "
    "die Betreiber dieses Assistenten."
)


def followup_delays(env=os.environ) -> Sequence[float]:
    raw = env.get("TRACKER_DELETION_FOLLOWUP_SECONDS")
    if not raw:
        return DEFAULT_FOLLOWUP_SECONDS
    try:
        delays = tuple(float(part) for part in raw.split(",") if part.strip())
    except ValueError:
        logger.warning("TRACKER_DELETION_FOLLOWUP_SECONDS=%r is not a list of numbers", raw)
        return DEFAULT_FOLLOWUP_SECONDS
    return delays or DEFAULT_FOLLOWUP_SECONDS


def deletion_message(results_deleted: int, tracker_configured: bool) -> str:
    if results_deleted:
        result_part = "Ihr gespeichertes Ergebnis der Einschätzung ist gelöscht."
    else:
        result_part = "Zu dieser Unterhaltung war kein Ergebnis der Einschätzung gespeichert."
    if tracker_configured:
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
    )


class ActionShowStatistics(Action):
    def name(self) -> str:
        return "action_show_statistics"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            distributions = results_store.ResultsStore().type_distribution(by_kind=True)
        except SQLAlchemyError:
            logger.exception("Results store unavailable for statistics")
            dispatcher.utter_message(text=MSG_STATS_UNAVAILABLE)
            return []
        text = results_store.format_statistics(distributions, results_store.min_group_size())
        dispatcher.utter_message(text=text)
        return []


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_delete_my_data"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        conversation_id = tracker.sender_id
        tracker_url: str | None = results_store.tracker_db_url()
        try:
            store = results_store.ResultsStore()
            results_deleted, _ = results_store.delete_conversation_data(store, conversation_id, tracker_url)
        except SQLAlchemyError:
            logger.exception("Deleting the data of a conversation failed")
            dispatcher.utter_message(text=MSG_DELETE_FAILED)
            return []
        if tracker_url:
            results_store.schedule_followup_deletions(store, tracker_url, conversation_id, followup_delays())
        # Channels that keep their own copy (the web chat's localStorage) clear it on this marker.
        dispatcher.utter_message(
            text=deletion_message(results_deleted, bool(tracker_url)), json_message={CLEAR_HISTORY_KEY: True}
        )
        # Nothing of the deleted conversation may live on in the slots or a running interview.
        return [AllSlotsReset(), ActiveLoop(None)]
