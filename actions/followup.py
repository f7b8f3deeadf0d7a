"""Rasa adapters for issue 12: return codes, then → now, target state, team mode, report link.

Thin: codes, comparison, target, team logic and texts live in dteam.followup, storage in
dteam.storage.codes. These classes read the tracker, call them and return messages and slot events.
The report is offered as text with the link plus a custom payload the channels understand:

    {"report": {"path": "/bericht/DT-XXXXX-XXXXX.pdf", "filename": "...pdf", "title": "..."}}

The web chat shows it as a download link, the Matrix bridge uploads the PDF as m.file, the Teams
connector sends it as an attachment (see bot/report_payload.py). REPORT_BASE_URL (public address of
the chat server) makes the link in the text absolute for channels other than the web chat.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from dteam.followup import codes as code_format
from dteam.followup import messages
from dteam.followup.compare import compare, comparison_text
from dteam.followup.measurement import Measurement
from dteam.followup.target import target_result, target_text
from dteam.followup.team import not_enough_members_text, team_result, team_text
from dteam.interview import goals as goal_parser
from dteam.storage.codes import CodeStore

logger = logging.getLogger(__name__)

REPORT_KEY = "report"
BUTTON_START = {"title": "Selbsttest starten", "payload": "/start_interview"}
BUTTON_TARGET = {"title": "Ziel in drei Jahren", "payload": "/set_target"}
BUTTON_TEAM = {"title": "Team anlegen", "payload": "/create_team"}
BUTTON_TEAM_RESULT = {"title": "Teamergebnis", "payload": "/show_team_result"}
BUTTON_REPORT = {"title": "Bericht (PDF)", "payload": "/request_report"}
BUTTON_CANCEL = {"title": "Abbrechen", "payload": "/stop_interview"}


def report_path(code: str) -> str:
    return f"/bericht/{code}.pdf"


def report_link(code: str) -> str:
    """Absolute link when REPORT_BASE_URL is set, else the chat server's path (web chat)."""
    return os.environ.get("REPORT_BASE_URL", "").rstrip("/") + report_path(code)


def report_payload(code: str, title: str) -> dict[str, Any]:
    return {REPORT_KEY: {"path": report_path(code), "filename": f"D-Team-{code}.pdf", "title": title}}


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _send_report(dispatcher: CollectingDispatcher, code: str, title: str) -> None:
    dispatcher.utter_message(text=f"{title}: {report_link(code)}")
    dispatcher.utter_message(json_message=report_payload(code, title))


def after_result(
    dispatcher: CollectingDispatcher, tracker: Tracker, goals: list[str], answers: dict[str, Any]
) -> list[EventType]:
    """Hook for actions/result.py: store the result under a new return code, show the code and,
    after an earlier code, then → now. Failures are logged only; the result itself stands."""
    previous_code = tracker.get_slot("previous_code")
    try:
        store = CodeStore()
        target = tracker.get_slot("target_goals") or ()
        measurement = Measurement.from_interview(goals, answers, target_goals=target)
        code = store.save_measurement(tracker.sender_id, measurement, previous_code)
        previous = store.load(previous_code) if previous_code else None
    except (SQLAlchemyError, RuntimeError, ValueError):
        logger.exception("Could not store the return code")
        return []
    if previous is not None:
        then_now = comparison_text(compare(previous.measurement, measurement), previous.code)
        dispatcher.utter_message(text=then_now)
    dispatcher.utter_message(json_message=report_payload(code, messages.REPORT_TITLE))
    text, buttons = messages.code_shown(code, report_link(code)), [BUTTON_REPORT, BUTTON_TARGET, BUTTON_TEAM]
    team_code = tracker.get_slot("team_code")
    if team_code:
        text += "\n" + messages.result_counts_for_team(team_code)
        buttons = [BUTTON_REPORT, BUTTON_TARGET, BUTTON_TEAM_RESULT]
    # Last, so that its buttons are the ones under the latest message.
    dispatcher.utter_message(text=text, buttons=buttons)
    return [SlotSet("return_code", code)]


class ActionHandleCode(Action):
    """A message with a DT- code (earlier result) or a TEAM- code (join that team)."""

    def name(self) -> str:
        return "action_handle_code"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        code = code_format.find_code(_text(tracker))
        if code is None:
            dispatcher.utter_message(text=messages.MALFORMED_CODE)
            return []
        try:
            if code.is_team:
                return self._join(dispatcher, tracker, code.value)
            return self._recall(dispatcher, code.value)
        except SQLAlchemyError:
            logger.exception("Code store unavailable")
            dispatcher.utter_message(text=messages.STORE_DOWN)
            return []

    @staticmethod
    def _recall(dispatcher: CollectingDispatcher, code: str) -> list[EventType]:
        stored = CodeStore().load(code)
        if stored is None:
            dispatcher.utter_message(text=messages.unknown_return_code(code), buttons=[BUTTON_START])
            return []
        dispatcher.utter_message(text=messages.recalled(stored.measurement), buttons=[BUTTON_START])
        return [SlotSet("previous_code", stored.code)]

    @staticmethod
    def _join(dispatcher: CollectingDispatcher, tracker: Tracker, team_code: str) -> list[EventType]:
        store = CodeStore()
        own_code = tracker.get_slot("return_code")
        joined = store.join_team(team_code, tracker.sender_id, own_code)
        if joined is None:
            dispatcher.utter_message(text=messages.unknown_team(team_code), buttons=[BUTTON_TEAM])
            return []
        status = store.team_status(joined)
        dispatcher.utter_message(
            text=messages.joined_team(joined, status.joined, status.finished, bool(own_code)),
            buttons=[BUTTON_TEAM_RESULT] if own_code else [BUTTON_START, BUTTON_TEAM_RESULT],
        )
        return [SlotSet("team_code", joined)]


class ActionCreateTeam(Action):
    def name(self) -> str:
        return "action_create_team"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        own_code = tracker.get_slot("return_code")
        try:
            store = CodeStore()
            team_code = store.create_team(tracker.sender_id)
            if own_code:
                store.join_team(team_code, tracker.sender_id, own_code)
        except (SQLAlchemyError, RuntimeError):
            logger.exception("Could not create a team")
            dispatcher.utter_message(text=messages.STORE_DOWN)
            return []
        dispatcher.utter_message(
            text=messages.team_created(team_code),
            buttons=[BUTTON_TEAM_RESULT] if own_code else [BUTTON_START, BUTTON_TEAM_RESULT],
        )
        return [SlotSet("team_code", team_code)]


class ActionShowTeamResult(Action):
    def name(self) -> str:
        return "action_show_team_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        given = code_format.find_code(_text(tracker), code_format.TEAM_KIND)
        team_code = given.value if given else tracker.get_slot("team_code")
        if not team_code:
            dispatcher.utter_message(text=messages.NO_TEAM, buttons=[BUTTON_TEAM])
            return []
        try:
            status = CodeStore().team_status(team_code)
        except SQLAlchemyError:
            logger.exception("Code store unavailable")
            dispatcher.utter_message(text=messages.STORE_DOWN)
            return []
        if status is None:
            dispatcher.utter_message(text=messages.unknown_team(team_code), buttons=[BUTTON_TEAM])
            return []
        result = team_result(status.measurements)
        if result is None:
            dispatcher.utter_message(text=not_enough_members_text(status.finished, status.joined))
            return []
        dispatcher.utter_message(text=team_text(result, status.joined))
        _send_report(dispatcher, status.code, messages.TEAM_REPORT_TITLE)
        return []


class ActionSendReport(Action):
    def name(self) -> str:
        return "action_send_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        given = code_format.find_code(_text(tracker), code_format.RETURN_KIND)
        code = given.value if given else tracker.get_slot("return_code")
        if not code:
            dispatcher.utter_message(text=messages.NO_REPORT_YET, buttons=[BUTTON_START])
            return []
        _send_report(dispatcher, code, messages.REPORT_TITLE)
        return []


class ActionAskTargetGoals(Action):
    def name(self) -> str:
        return "action_ask_target_goals"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        dispatcher.utter_message(text=messages.ASK_TARGET, buttons=[BUTTON_CANCEL])
        return []


class ValidateTargetForm(FormValidationAction):
    """Reads the target goals from free text (same parser as the interview's goal question)."""

    def name(self) -> str:
        return "validate_target_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        ask_again = [SlotSet("target_goals", None), SlotSet("requested_slot", "target_goals")]
        if tracker.get_slot("requested_slot") != "target_goals":
            return ask_again  # activation: the triggering message is no answer yet
        text = _text(tracker)
        goals = [] if text.startswith("/") else goal_parser.extract_goals(text)
        if not goals:
            dispatcher.utter_message(text=messages.NO_TARGET_GOALS)
            return ask_again
        return [SlotSet("target_goals", goals[:3]), SlotSet("requested_slot", None)]


class ActionShowTarget(Action):
    def name(self) -> str:
        return "action_show_target"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        goals = list(tracker.get_slot("target_goals") or [])
        if not goals:
            return []
        dispatcher.utter_message(
            text=target_text(target_result(goals, tracker.get_slot("municipality_type")))
        )
        code = tracker.get_slot("return_code")
        if code:
            try:
                CodeStore().set_target(code, goals)
            except SQLAlchemyError:
                logger.exception("Could not store the target goals")
            else:
                dispatcher.utter_message(text=messages.TARGET_STORED, buttons=[BUTTON_REPORT])
        return []


def delete_by_code(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "Meine Daten löschen DT-…/TEAM-…": only that code's data. None when the message has no code."""
    code = code_format.find_code(_text(tracker))
    if code is None:
        return None
    try:
        deletion = CodeStore().delete_code(code.value, tracker.sender_id)
    except SQLAlchemyError:
        logger.exception("Deleting by code failed")
        dispatcher.utter_message(text=messages.STORE_DOWN)
        return []
    deleted = bool(deletion.memberships if code.is_team else deletion.codes)
    dispatcher.utter_message(text=messages.code_deleted(code.value, deleted, code.is_team))
    # Slots must not point at data that is gone.
    slots = ("team_code",) if code.is_team else ("return_code", "previous_code")
    return [SlotSet(slot, None) for slot in slots if tracker.get_slot(slot) == code.value]
