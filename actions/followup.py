"""Rasa adapters for issue 12: return codes, then → now, target state, team mode, report link.

Thin: what to say, which buttons and slots follow, and storage (with its failures) are decided in
dteam.followup.service. These classes read the tracker, call it, send the reply and return its
slot updates as events.
"""

from __future__ import annotations

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import latest_intent, latest_text, send_reply, slot_values
from dteam.followup import service


class ActionHandleCode(Action):
    """A message with a DT- code (earlier result) or a TEAM- code (join that team)."""

    def name(self) -> str:
        return "action_handle_code"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.handle_code(tracker.sender_id, latest_text(tracker), tracker.get_slot("return_code"))
        return send_reply(dispatcher, answer)


class ActionHelp(Action):
    """The help: a question about one feature ("Wie funktioniert der Teammodus?") gets that feature
    explained, anything else the general overview (dteam.followup.guide.GENERAL_HELP)."""

    def name(self) -> str:
        return "action_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        reply = service.feature_help(
            latest_text(tracker), tracker.get_slot(service.RETURN_CODE_SLOT), tracker.get_slot("team_code")
        )
        return send_reply(dispatcher, reply or service.general_help())


class ActionCreateTeam(Action):
    def name(self) -> str:
        return "action_create_team"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        return send_reply(dispatcher, service.create_team(tracker.sender_id, tracker.get_slot("return_code")))


class ActionShowTeamResult(Action):
    def name(self) -> str:
        return "action_show_team_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.team_result_reply(latest_text(tracker), tracker.get_slot("team_code"))
        return send_reply(dispatcher, answer)


class ActionSendReport(Action):
    def name(self) -> str:
        return "action_send_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        return send_reply(
            dispatcher, service.report_reply(latest_text(tracker), tracker.get_slot("return_code"))
        )


class ActionAskTargetGoals(Action):
    def name(self) -> str:
        return "action_ask_target_goals"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        return send_reply(dispatcher, service.ask_target())


class ValidateTargetForm(FormValidationAction):
    def name(self) -> str:
        return "validate_target_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.validate_target(
            tracker.get_slot(service.REQUESTED_SLOT), latest_text(tracker), latest_intent(tracker)
        )
        return send_reply(dispatcher, answer)


class ActionShowTarget(Action):
    def name(self) -> str:
        return "action_show_target"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.show_target(
            tracker.get_slot(service.TARGET_SLOT),
            tracker.get_slot("municipality_type"),
            tracker.get_slot("return_code"),
        )
        return send_reply(dispatcher, answer)


def delete_by_code(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "Meine Daten löschen DT-…/TEAM-…": only that code's data. None when the message has no code."""
    answer = service.delete_by_code(
        tracker.sender_id, latest_text(tracker), slot_values(tracker, service.CODE_SLOTS)
    )
    return None if answer is None else send_reply(dispatcher, answer)
