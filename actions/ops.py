"""Rasa adapters for "Statistik" and "Meine Daten löschen": tracker <-> dteam.storage."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import followup
from actions.tracker_io import actions_of_last_turn, latest_text
from dteam.routing import asks_for_others_data
from dteam.storage import privacy, statistics

logger = logging.getLogger(__name__)

# Channels that keep their own copy (the web chat's localStorage) clear it on this marker.
CLEAR_HISTORY_KEY = "clear_history"


class ActionShowStatistics(Action):
    def name(self) -> str:
        return "action_show_statistics"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=statistics.statistics_text())
        return []


class ActionPrivacyInfo(Action):
    """ "Werden meine Daten gespeichert?": what is stored and for how long – never a deletion."""

    def name(self) -> str:
        return "action_privacy_info"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Short first; asked again right after ("Mehr zum Datenschutz"), the details.
        if asks_for_others_data(latest_text(tracker)):
            dispatcher.utter_message(
                text=privacy.OTHERS_NOT_SHOWN + " " + privacy.privacy_notice(),
                buttons=[BUTTON_PRIVACY_MORE, BUTTON_DELETE],
            )
        elif self.name() in actions_of_last_turn(tracker):
            dispatcher.utter_message(text=privacy.privacy_details(), buttons=[BUTTON_DELETE])
        else:
            dispatcher.utter_message(
                text=privacy.privacy_notice(), buttons=[BUTTON_PRIVACY_MORE, BUTTON_DELETE]
            )
        return []


BUTTON_DELETE = {"title": "Meine Daten löschen", "payload": "/delete_my_data"}
# A question, not an intent payload: the router sends it to privacy_info like a typed one.
BUTTON_PRIVACY_MORE = {"title": "Mehr zum Datenschutz", "payload": "Was speichern Sie genau über mich?"}


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_delete_my_data"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # With a return or team code, only that code's data goes (issue 12).
        by_code = followup.delete_by_code(dispatcher, tracker)
        if by_code is not None:
            return [*by_code, ActiveLoop(None)]  # the rules expect every deletion to end a running form
        try:
            outcome = privacy.forget_conversation(tracker.sender_id)
        except privacy.StorageUnavailable:
            logger.exception("Deleting the data of a conversation failed")
            dispatcher.utter_message(text=privacy.MSG_DELETE_FAILED)
            return []
        dispatcher.utter_message(
            text=privacy.deletion_message(outcome), json_message={CLEAR_HISTORY_KEY: True}
        )
        # Nothing of the deleted conversation may live on in the slots or a running interview.
        return [AllSlotsReset(), ActiveLoop(None)]
