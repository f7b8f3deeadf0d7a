"""Rasa adapters for the interview result, later goal corrections and parts of the result.

Thin: classification, texts, chart, the choice of a part and storing are decided in
dteam.result.service (on dteam/result/steps.py, dteam/study/typology.py, dteam.followup.service).
These classes read slots and the latest message, call it and send the reply.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import (
    active_loop_name,
    latest_entity,
    latest_intent,
    latest_text,
    send_reply,
    slot_values,
)
from dteam.result import service

RESULT_PART_ENTITY = "result_part"


def result_state(tracker: Tracker) -> dict:
    return slot_values(tracker, service.RESULT_STATE_SLOTS)


class ActionShowResult(Action):
    def name(self) -> str:
        return "action_show_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        return send_reply(dispatcher, service.show_result(tracker.sender_id, result_state(tracker)))


class ActionCorrectGoals(Action):
    """ "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz" after the result: re-classify."""

    def name(self) -> str:
        return "action_correct_goals"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.correct_goals(tracker.sender_id, result_state(tracker), latest_text(tracker))
        return send_reply(dispatcher, answer)


class ActionResultPart(Action):
    """A part of the result on request, follow-ups about one's own result, and what-if questions."""

    def name(self) -> str:
        return "action_result_part"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        answer = service.result_part(
            result_state(tracker),
            intent=latest_intent(tracker),
            text=latest_text(tracker),
            named_part=latest_entity(tracker, RESULT_PART_ENTITY),
            active_loop=active_loop_name(tracker),
        )
        return send_reply(dispatcher, answer)
