"""Rasa adapters for the interview result and later goal corrections.

Classification, texts and chart come from the pure modules (dteam/study/typology.py,
dteam/result/content.py, dteam/result/chart.py); the anonymous result is stored via
dteam.storage.results. If storing fails, the user still gets the result.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import followup
from dteam.interview import goals as goal_parser
from dteam.interview import practices
from dteam.result import chart, steps
from dteam.storage import results

logger = logging.getLogger(__name__)

NO_RESULT_YET = (
    "Es gibt noch kein Ergebnis: Dafür brauche ich mindestens Ihr wichtigstes Digitalisierungsziel. "
    "Möchten Sie den Selbsttest starten?"
)


def _answers(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in practices.QUESTION_ORDER}


def choice_button(part: str, title: str) -> dict[str, str]:
    if part == steps.PART_ASK:
        return {"title": title, "payload": "/show_examples"}
    return {"title": title, "payload": f'/result_part{{"result_part":"{part}"}}'}


def send_step(dispatcher: CollectingDispatcher, step: steps.Step) -> None:
    """Texts in order, the chart after the first one, the choices as buttons under the last."""
    texts = list(step.texts)
    if step.chart_goals:
        try:
            image = chart.result_chart_data_url(step.chart_goals)
        except Exception:  # the chart is a bonus; never lose the result over it
            logger.exception("Result chart could not be drawn")
        else:
            dispatcher.utter_message(text=texts.pop(0), image=image)
            # The chart in words: for screen readers and channels that show no images.
            texts = [step.chart_text + "\n\n" + texts[0], *texts[1:]] if texts else [step.chart_text]
    buttons = [choice_button(part, title) for part, title in step.choice_buttons()]
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        dispatcher.utter_message(text=text, buttons=buttons if last and buttons else None)


def send_result(dispatcher: CollectingDispatcher, tracker: Tracker, goals: list[str]) -> list[EventType]:
    """Classifies `goals`, sends the result messages and chart, stores it; returns slot events."""
    answers = _answers(tracker)
    # Short first: type, motto, reason and chart; every other part on request (send_step).
    send_step(dispatcher, steps.first_step(goals))

    typology = steps.classify_goals(goals)
    inhabitants = answers.get("inhabitants")
    conversation_id = tracker.sender_id

    def store() -> None:
        try:
            results.ResultsStore().save_result(
                conversation_id=conversation_id,
                goals=goals,
                municipality_type=typology.type_id,
                distances=typology.distances,
                is_mixed=typology.is_mixed,
                municipality_kind=_answered(answers.get("municipality_kind")),
                inhabitants=_answered(inhabitants) if isinstance(_answered(inhabitants), int) else None,
                practices={k: v for k, v in answers.items() if k not in ("municipality_kind", "inhabitants")},
            )
        except Exception:  # statistics must not cost the user the result
            logger.exception("Could not store the anonymous result")

    # The anonymous statistics row is written while Rasa sends the reply (a database commit costs
    # ~20 ms): the result turn must not cost much more than any other turn.
    asyncio.get_running_loop().run_in_executor(None, store)
    # Return code, then -> now and team link (issue 12) come after the result.
    followup_events = followup.after_result(dispatcher, tracker, list(goals), answers)
    return [SlotSet("goals", list(goals)), SlotSet("municipality_type", typology.type_id), *followup_events]


def _answered(value: Any) -> Any:
    return None if value == practices.SKIPPED else value


class ActionShowResult(Action):
    def name(self) -> str:
        return "action_show_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        goals = tracker.get_slot("goals")
        if not goals:
            dispatcher.utter_message(
                text=NO_RESULT_YET, buttons=[{"title": "Selbsttest starten", "payload": "/start_interview"}]
            )
            return []
        return send_result(dispatcher, tracker, list(goals))


class ActionCorrectGoals(Action):
    """ "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz" after the result: re-classify."""

    def name(self) -> str:
        return "action_correct_goals"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        current = list(tracker.get_slot("goals") or [])
        text = tracker.latest_message.get("text") or ""
        if not current:
            # Nothing to correct yet; goals come only from the interview, never from a payload.
            dispatcher.utter_message(
                text=NO_RESULT_YET, buttons=[{"title": "Selbsttest starten", "payload": "/start_interview"}]
            )
            return []
        corrected = [] if text.startswith("/") else goal_parser.apply_correction(current, text)
        if not corrected or corrected == current:
            dispatcher.utter_message(
                text="In Ihrer Korrektur habe ich keine geänderten Ziele erkannt. Beispiel: »Korrektur: am "
                "wichtigsten ist Bürgernähe, dann Effizienz«."
            )
            return []
        labels = ", ".join(f"{i}. {goal_parser.goal_label(g)}" for i, g in enumerate(corrected, 1))
        dispatcher.utter_message(text=f"Verstanden, ich werte mit diesen Zielen neu aus: {labels}.")
        return send_result(dispatcher, tracker, corrected)


OWN_RESULT_PARTS = {
    "own_result_why": steps.PART_WHY,
    "own_result_meaning": steps.PART_MEANING,
    "own_result_next": steps.PART_LEARN,
}
TEXT_RESULT_AT_END = (
    "Ihr Ergebnis zeige ich Ihnen am Ende des Selbsttests – danach kann ich es Ihnen Schritt für Schritt "
    "erklären. Jetzt geht es mit der Frage weiter."
)


class ActionResultPart(Action):
    """A part of the result on request, follow-ups about one's own result, and what-if questions."""

    def name(self) -> str:
        return "action_result_part"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        text = "" if (message.get("text") or "").startswith("/") else message.get("text") or ""
        if (tracker.active_loop or {}).get("name") == "interview_form":
            dispatcher.utter_message(text=TEXT_RESULT_AT_END)
            return []
        goals = list(tracker.get_slot("goals") or [])
        if not goals:
            dispatcher.utter_message(
                text=steps.NO_RESULT, buttons=[{"title": "Selbsttest starten", "payload": "/start_interview"}]
            )
            return []
        if intent == "own_result_what_if":
            send_step(dispatcher, steps.what_if_step(goals, text))
            return []
        named = [e.get("value") for e in message.get("entities") or [] if e.get("entity") == "result_part"]
        if named and named[-1] in steps.PARTS:
            part = named[-1]
        else:
            part = OWN_RESULT_PARTS.get(intent) or steps.part_from_text(text)
        asked_type = steps.named_type(text) if part == steps.PART_WHY else None
        send_step(dispatcher, steps.part_step(part, goals, _answers(tracker), asked_type=asked_type))
        return []
