"""Rasa adapters for the self-assessment interview: tracker <-> dteam.interview.flow.

- `validate_interview_form` hands the latest user message to `flow.step` for the requested slot and
  turns the result into slot events and messages. Turns that are no answer (a question, "Hilfe", …)
  are left to the rules, which answer them and then resume the form.
- `action_ask_<slot>` shows one question (`flow.ask`).
- `action_start_interview` clears earlier answers and explains the interview (`flow.start`).
"""

from __future__ import annotations

import abc
import asyncio
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import (
    ANSWER_ENTITY,
    latest_entity,
    latest_intent,
    latest_text,
    send,
    slot_events,
    slot_values,
)
from dteam.interview import flow
from dteam.kb import get_knowledge_base
from dteam.kb.aspects import refusal_text
from dteam.result import chart

STATE_KEYS = (*flow.INTERVIEW_SLOTS, *flow.STATE_SLOTS, flow.REQUESTED_SLOT)
SIDE_NO_ANSWER = "Zu Ihrer Frage geben meine Quellen leider nichts her."


def interview_state(tracker: Tracker) -> dict[str, Any]:
    return slot_values(tracker, STATE_KEYS)


class ValidateInterviewForm(FormValidationAction):
    def name(self) -> str:
        return "validate_interview_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        turn = flow.Turn(
            intent=latest_intent(tracker),
            text=latest_text(tracker),
            button_value=latest_entity(tracker, ANSWER_ENTITY),
        )
        state = interview_state(tracker)
        if not tracker.latest_message:
            state[flow.REQUESTED_SLOT] = None  # nothing to validate: only name the next question
        # Parsing is CPU work on user text: keep the action server's event loop free.
        loop = asyncio.get_running_loop()
        updates, messages = await loop.run_in_executor(None, flow.step, state, turn)
        if updates.get(flow.GOAL_SLOT):
            chart.prerender(updates[flow.GOAL_SLOT])  # drawn in the background, ready for the result
        side = flow.side_question(turn.text) if state.get(flow.REQUESTED_SLOT) == flow.GOAL_SLOT else None
        if side and (updates.get(flow.GOAL_SLOT) or updates.get(flow.GOALS_DRAFT)):
            # An answer with a question in it: the goals are taken above, the question is answered too.
            answer = await loop.run_in_executor(None, get_knowledge_base().answer, side)
            if answer.found:
                dispatcher.utter_message(text=answer.message())
            else:
                dispatcher.utter_message(
                    text=refusal_text(answer.aspect) if answer.aspect else SIDE_NO_ANSWER
                )
        send(dispatcher, messages)
        return slot_events(updates)


class AskQuestion(Action, abc.ABC):
    """Asks one interview question; the concrete classes below fix the slot."""

    @property
    @abc.abstractmethod
    def slot(self) -> str:
        """The interview slot this action asks for (Rasa calls action_ask_<slot>)."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        send(dispatcher, [flow.ask(interview_state(tracker), self.slot)])
        return []


# One concrete action_ask_<slot> class per question; the abstract base is not registered.
ASK_ACTIONS = {
    slot: type("Ask" + "".join(part.capitalize() for part in slot.split("_")), (AskQuestion,), {"slot": slot})
    for slot in flow.INTERVIEW_SLOTS
}


class ActionStartInterview(Action):
    def name(self) -> str:
        return "action_start_interview"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        updates, messages = flow.start(
            answer_before_offer(tracker), latest_text(tracker), messages_before_start(tracker)
        )
        send(dispatcher, messages)
        return slot_events(updates)


class ActionResumeInterview(Action):
    """ "Weitermachen" after »Abbrechen«: the rule then hands over to the form, which asks the next
    open question."""

    def name(self) -> str:
        return "action_resume_interview"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        updates, messages = flow.resume(interview_state(tracker))
        send(dispatcher, messages)
        return slot_events(updates)


# The reply to an interview answer given while no test runs; it offers to start one.
NOT_IN_INTERVIEW_UTTERANCE = "utter_not_in_interview"


# How far back facts about the municipality are looked for: a greeting or a question or two.
MAX_MESSAGES_BEFORE_START = 5


def messages_before_start(tracker: Tracker) -> list[str]:
    """The user's messages before the one that started the test, newest first: back to the start of the
    conversation or of an earlier test run (whose answers a new start clears), at most
    MAX_MESSAGES_BEFORE_START."""
    texts: list[str] = []
    latest_skipped = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in ("session_started", "restart") or (
            kind == "active_loop" and event.get("name") == flow.INTERVIEW_FORM
        ):
            break
        if kind != "user":
            continue
        if not latest_skipped:
            latest_skipped = True  # the start message itself
            continue
        texts.append(event.get("text") or "")
        if len(texts) == MAX_MESSAGES_BEFORE_START:
            break
    return texts


def answer_before_offer(tracker: Tracker) -> str | None:
    """The user's message that got "Das klingt nach einer Antwort für den Selbsttest …", if that
    offer was the assistant's last reply before this start ("ja", "Selbsttest starten")."""
    users_seen = 0
    offered = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            users_seen += 1
            if users_seen == 2:
                return event.get("text") if offered else None
        elif kind == "action" and users_seen == 1 and event.get("name") == NOT_IN_INTERVIEW_UTTERANCE:
            offered = True
    return None
