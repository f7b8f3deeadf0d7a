"""Rasa adapters for the interview result and later goal corrections.

Classification, texts and chart come from the pure modules (dteam/study/typology.py,
dteam/result/content.py, dteam/result/chart.py); the anonymous result is stored via
dteam.storage.results. If storing fails, the user still gets the result.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from dteam.interview import goals as goal_parser
from dteam.interview import practices
from dteam.result import chart
from dteam.result import content as profile
from dteam.storage import results

logger = logging.getLogger(__name__)

FOLLOW_UP_BUTTONS = [
    {
        "title": "Was können wir von den anderen lernen?",
        "payload": "Was können wir von den anderen Typen lernen?",
    },
    {"title": "Mehr über unseren Typ", "payload": "Was zeichnet unseren Typ aus?"},
    {"title": "Statistik", "payload": "/show_statistics"},
    {"title": "Test wiederholen", "payload": "/start_interview"},
]
NO_RESULT_YET = (
    "Es gibt noch kein Ergebnis: Dafür brauche ich mindestens Ihr wichtigstes Digitalisierungsziel. "
    "Möchten Sie den Selbsttest starten?"
)


def _answers(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in practices.QUESTION_ORDER}


def send_result(dispatcher: CollectingDispatcher, tracker: Tracker, goals: list[str]) -> list[EventType]:
    """Classifies `goals`, sends the result messages and chart, stores it; returns slot events."""
    answers = _answers(tracker)
    content = profile.build_result(goals, answers)
    messages = content.messages()
    dispatcher.utter_message(text=messages[0])
    try:
        dispatcher.utter_message(
            text="Ihr Zielprofil im Vergleich mit den vier Typzentren (Tabelle 1):",
            image=chart.result_chart_data_url(goals),
        )
    except Exception:  # the chart is a bonus; never lose the result over it
        logger.exception("Result chart could not be drawn")
    for message in messages[1:-1]:
        dispatcher.utter_message(text=message)
    dispatcher.utter_message(text=messages[-1], buttons=FOLLOW_UP_BUTTONS)

    typology = content.typology
    try:
        inhabitants = answers.get("inhabitants")
        results.ResultsStore().save_result(
            conversation_id=tracker.sender_id,
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
    return [SlotSet("goals", list(goals)), SlotSet("municipality_type", typology.type_id)]


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
