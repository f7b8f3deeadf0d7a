"""Rasa adapters for the self-assessment interview.

The form `interview_form` asks for the goals first, then the context and practice questions of
dteam/interview/practices.py. All parsing lives in the pure modules (dteam/interview/goals.py,
dteam/interview/practices.py); this module only moves values between the tracker and those modules:

- `validate_interview_form` reads the latest user message for the requested slot: button
  payloads (`/inform{"answer": "<value>"}`), free text, or navigation (überspringen, zurück,
  Ergebnis jetzt, Korrektur). Messages that are no answer (a question, "Hilfe", ...) are left
  to the rules, which answer them and then resume the form.
- `action_ask_<slot>` shows one question with its progress ("Frage 3 von 12") and buttons.
- `action_show_result` classifies the goals and sends the result (see actions/result.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from dteam.interview import goals as goal_parser
from dteam.interview import practices

FORM_NAME = "interview_form"
GOAL_SLOT = "goals"
INTERVIEW_SLOTS: list[str] = [GOAL_SLOT, *practices.QUESTION_ORDER]
# Helper slots that only live while the interview runs.
STATE_SLOTS = ("goals_draft", "goals_asked_more", "answer_draft", "interview_failures")

# Intents that are no answer to the current question: the rules answer them, then the form resumes.
INTERRUPTING_INTENTS = {
    "ask_question",
    "help",
    "bot_challenge",
    "greet",
    "thank",
    "goodbye",
    "show_examples",
    "stop_interview",
    "restart",
    "restart_conversation",
    "start_interview",
    "show_statistics",
    "delete_my_data",
}
QUESTION_START = re.compile(
    r"^\s*(was|wie|wer|wo|wann|warum|wieso|weshalb|welche\w*|erklär\w*|erläuter\w*|kannst|können|gibt)\b",
    re.IGNORECASE,
)
MAX_FAILURES_BEFORE_BUTTONS = 2

FINISH_VALUE = "fertig"
NONE_VALUE = "keine"


def answer_payload(value: str) -> str:
    """Button payload that carries an answer value past the NLU (no slot is set directly)."""
    return "/inform" + json.dumps({"answer": value}, ensure_ascii=False)


def _latest_answer_entity(tracker: Tracker) -> str | None:
    for entity in tracker.latest_message.get("entities", []) or []:
        if entity.get("entity") == "answer" and entity.get("value") is not None:
            return str(entity["value"])
    return None


def _latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def _looks_like_question(text: str) -> bool:
    return text.strip().endswith("?") or bool(QUESTION_START.match(text))


def next_question(tracker: Tracker) -> str | None:
    """The first unanswered question in interview order, or None when all are answered."""
    return next((slot for slot in INTERVIEW_SLOTS if tracker.get_slot(slot) is None), None)


class ValidateInterviewForm(FormValidationAction):
    """Extracts and validates the answer to the requested question (see module docstring)."""

    def name(self) -> str:
        return "validate_interview_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        events: list[EventType] = []
        if requested in INTERVIEW_SLOTS and tracker.latest_message:
            events = self._handle_answer(requested, dispatcher, tracker)
        tracker.add_slots(events)
        # Name the next question explicitly (None ends the form), in the order of INTERVIEW_SLOTS.
        events.append(SlotSet("requested_slot", next_question(tracker)))
        return events

    # --- one user turn -------------------------------------------------------------------------

    def _handle_answer(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        intent = _latest_intent(tracker)
        text = (tracker.latest_message.get("text") or "").strip()
        button_value = _latest_answer_entity(tracker)
        if text.startswith("/") and button_value is None:
            text = ""  # an intent payload carries no answer text

        if intent == "go_back" and button_value is None:
            return self._go_back(slot, dispatcher, tracker)
        if intent == "result_now" and button_value is None:
            return self._result_now(dispatcher, tracker)
        if intent == "correct_goals" and slot != GOAL_SLOT and button_value is None:
            return self._correct_goals_midway(text, dispatcher, tracker)
        if slot == GOAL_SLOT:
            return self._answer_goals(text, intent, button_value, dispatcher, tracker)
        return self._answer_practice(slot, text, intent, button_value, dispatcher, tracker)

    def _is_interruption(self, intent: str, text: str) -> bool:
        if intent == "ask_question":
            return _looks_like_question(text)
        return intent in INTERRUPTING_INTENTS

    def _invalid(
        self, slot: str, hint: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        failures = int(tracker.get_slot("interview_failures") or 0) + 1
        if failures >= MAX_FAILURES_BEFORE_BUTTONS:
            hint = (hint + " " if hint else "") + (
                "Am einfachsten wählen Sie eine der Schaltflächen unten – oder »Überspringen«."
                if slot != GOAL_SLOT
                else "Am einfachsten wählen Sie Ihre Ziele mit den Schaltflächen unten, eins nach dem "
                "anderen, "
                "und dann »Fertig«."
            )
        dispatcher.utter_message(text=hint)
        return [SlotSet(slot, None), SlotSet("interview_failures", float(failures))]

    @staticmethod
    def _answered(slot: str, value: Any) -> list[EventType]:
        return [SlotSet(slot, value), SlotSet("interview_failures", 0.0), SlotSet("answer_draft", None)]

    # --- navigation ----------------------------------------------------------------------------

    def _go_back(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        index = INTERVIEW_SLOTS.index(slot)
        events: list[EventType] = [SlotSet("interview_failures", 0.0), SlotSet("answer_draft", None)]
        if index == 0:
            dispatcher.utter_message(text="Das ist schon die erste Frage – weiter zurück geht es nicht.")
            return events + [SlotSet(slot, None)]
        previous = INTERVIEW_SLOTS[index - 1]
        if previous == GOAL_SLOT:
            events += [SlotSet("goals_draft", None), SlotSet("goals_asked_more", None)]
        dispatcher.utter_message(text="Gut, zurück zur vorigen Frage.")
        return events + [SlotSet(previous, None)]

    def _result_now(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        goals = tracker.get_slot(GOAL_SLOT) or tracker.get_slot("goals_draft")
        if not goals:
            dispatcher.utter_message(
                text="Für ein Ergebnis brauche ich mindestens Ihr wichtigstes Digitalisierungsziel. "
                "Welches Ziel steht bei Ihnen an erster Stelle?"
            )
            return [SlotSet("interview_failures", 0.0)]
        events: list[EventType] = [SlotSet(GOAL_SLOT, list(goals))]
        for slot in practices.QUESTION_ORDER:
            if tracker.get_slot(slot) is None:
                events.append(SlotSet(slot, practices.SKIPPED))
        return events + [SlotSet("interview_failures", 0.0), SlotSet("answer_draft", None)]

    def _correct_goals_midway(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        current = tracker.get_slot(GOAL_SLOT) or []
        corrected = goal_parser.apply_correction(current, text)
        if not corrected or corrected == current:
            dispatcher.utter_message(
                text="Ich habe in Ihrer Korrektur keine Ziele erkannt. Beispiel: »Korrektur: am "
                "wichtigsten ist "
                "Bürgernähe, dann Effizienz«."
            )
            return [SlotSet("interview_failures", 0.0)]
        dispatcher.utter_message(text="Verstanden, Ihre Ziele lauten jetzt: " + _goal_list(corrected) + ".")
        return [SlotSet(GOAL_SLOT, corrected), SlotSet("interview_failures", 0.0)]

    # --- goals ---------------------------------------------------------------------------------

    def _answer_goals(
        self,
        text: str,
        intent: str,
        button_value: str | None,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> list[EventType]:
        draft: list[str] = list(tracker.get_slot("goals_draft") or [])

        if button_value is not None:
            if button_value in goal_parser.GOAL_IDS:
                if button_value not in draft:
                    draft.append(button_value)
                if len(draft) >= goal_parser.MAX_GOALS:
                    return self._goals_done(draft)
                return [SlotSet("goals_draft", draft), SlotSet("interview_failures", 0.0)]
            if button_value == FINISH_VALUE:
                return self._finish_goals(draft, dispatcher, tracker)
            return self._invalid(GOAL_SLOT, "Diese Auswahl kenne ich nicht.", dispatcher, tracker)

        if intent == "finish_goals" or goal_parser.is_no_more_goals(text):
            return self._finish_goals(draft, dispatcher, tracker)

        if goal_parser.is_correction(text):
            found = goal_parser.apply_correction(draft, text)
            if found:
                return self._goals_with_follow_up(found, True, tracker)

        if intent == "ask_question" and _looks_like_question(text):
            return []  # a question, e.g. "Was bedeutet Daseinsvorsorge?": answer it first
        found = goal_parser.extract_goals(text)
        if found:
            merged = draft + [goal for goal in found if goal not in draft]
            return self._goals_with_follow_up(merged[: goal_parser.MAX_GOALS], False, tracker)
        if self._is_interruption(intent, text):
            return []
        if intent == "skip":
            hint = (
                "Ohne Ziele kann ich Ihre Kommune leider nicht einordnen – diese eine Frage brauche ich. "
                "Welches Ziel ist Ihnen am wichtigsten?"
            )
        else:
            hint = (
                "Darin habe ich kein Digitalisierungsziel erkannt. Zum Beispiel: »Vor allem Effizienz, dann "
                "Bürgernähe und Fördermittel« oder »Wir müssen das OZG umsetzen«."
            )
        return self._invalid(GOAL_SLOT, hint, dispatcher, tracker)

    def _goals_with_follow_up(self, ranked: list[str], replace: bool, tracker: Tracker) -> list[EventType]:
        asked_more = bool(tracker.get_slot("goals_asked_more"))
        if len(ranked) >= goal_parser.MAX_GOALS or (asked_more and not replace):
            return self._goals_done(ranked)
        # Fewer than three goals: ask once for more (action_ask_goals shows the draft).
        return [
            SlotSet("goals_draft", ranked),
            SlotSet("goals_asked_more", True),
            SlotSet("interview_failures", 0.0),
        ]

    def _finish_goals(
        self, draft: list[str], dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        if draft:
            return self._goals_done(draft)
        return self._invalid(
            GOAL_SLOT, "Bitte nennen Sie mindestens ein Ziel, bevor wir weitermachen.", dispatcher, tracker
        )

    @staticmethod
    def _goals_done(ranked: list[str]) -> list[EventType]:
        return [
            SlotSet(GOAL_SLOT, list(ranked[: goal_parser.MAX_GOALS])),
            SlotSet("goals_draft", None),
            SlotSet("interview_failures", 0.0),
        ]

    # --- context and practice questions ----------------------------------------------------------

    def _answer_practice(
        self,
        slot: str,
        text: str,
        intent: str,
        button_value: str | None,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> list[EventType]:
        question = practices.QUESTIONS[slot]
        draft: list[str] = list(tracker.get_slot("answer_draft") or [])

        if button_value is not None:
            if button_value == practices.SKIPPED:
                return self._answered(slot, practices.SKIPPED)
            if question.multi:
                if button_value == FINISH_VALUE:
                    return self._answered(slot, draft)
                if button_value == NONE_VALUE:
                    return self._answered(slot, [])
                if button_value in {o.value for o in question.options}:
                    if button_value not in draft:
                        draft.append(button_value)
                    if len(draft) == len(question.options):
                        return self._answered(slot, draft)
                    return [SlotSet("answer_draft", draft), SlotSet("interview_failures", 0.0)]
            parsed = practices.parse_answer(slot, button_value)
            if parsed.ok:
                return self._answered(slot, parsed.value)
            return self._invalid(slot, parsed.message, dispatcher, tracker)

        if intent == "skip":
            return self._answered(slot, practices.SKIPPED)
        if question.multi and draft and (intent == "finish_goals" or goal_parser.is_no_more_goals(text)):
            return self._answered(slot, draft)
        if intent == "ask_question" and _looks_like_question(text):
            return []
        parsed = practices.parse_answer(slot, text)
        if parsed.ok:
            value = parsed.value
            if question.multi and isinstance(value, list) and draft:
                value = draft + [v for v in value if v not in draft]
            return self._answered(slot, value)
        if self._is_interruption(intent, text):
            return []
        return self._invalid(slot, parsed.message, dispatcher, tracker)


def _goal_list(goal_ids: list[str]) -> str:
    return ", ".join(f"{i}. {goal_parser.goal_label(g)}" for i, g in enumerate(goal_ids, start=1))


# --- questions ----------------------------------------------------------------------------------

NAVIGATION_HINT = "Überspringen mit »weiß nicht«, zurück mit »zurück«, beenden mit »Abbrechen«."


class AskQuestion(Action):
    """Asks one interview question; subclasses fix the slot (Rasa calls action_ask_<slot>)."""

    slot: str = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        number = INTERVIEW_SLOTS.index(self.slot) + 1
        progress = f"Frage {number} von {len(INTERVIEW_SLOTS)}"
        if self.slot == GOAL_SLOT:
            text, buttons = self._goal_question(tracker)
        else:
            text, buttons = self._practice_question(tracker)
        if number > 1:
            buttons.append({"title": "Zurück", "payload": "/go_back"})
        if tracker.get_slot(GOAL_SLOT) or tracker.get_slot("goals_draft"):
            buttons.append({"title": "Ergebnis jetzt", "payload": "/result_now"})
        dispatcher.utter_message(text=f"{progress}: {text}\n({NAVIGATION_HINT})", buttons=buttons)
        return []

    def _goal_question(self, tracker: Tracker) -> tuple:
        draft = list(tracker.get_slot("goals_draft") or [])
        buttons = [
            {"title": b["title"], "payload": answer_payload(b["value"])}
            for b in goal_parser.goal_buttons(exclude=draft)
        ]
        if draft:
            text = (
                f"Bisher habe ich: {_goal_list(draft)}. Gibt es ein weiteres wichtiges Ziel? "
                "Wenn nicht, antworten Sie »Fertig«."
            )
            buttons.append({"title": "Fertig", "payload": answer_payload(FINISH_VALUE)})
        else:
            text = (
                "Welche Digitalisierungsziele sind für Ihre Kommune am wichtigsten? Nennen Sie bis zu drei, "
                "das wichtigste zuerst – in eigenen Worten (z. B. »Vor allem Effizienz, dann Bürgernähe«) "
                "oder per Schaltfläche, eins nach dem anderen."
            )
        return text, buttons

    def _practice_question(self, tracker: Tracker) -> tuple:
        question = practices.QUESTIONS[self.slot]
        draft = list(tracker.get_slot("answer_draft") or [])
        buttons = [
            {"title": b["title"], "payload": answer_payload(b["value"])}
            for b in question.buttons()
            if b["value"] not in draft
        ]
        text = question.text
        if question.multi and draft:
            chosen = ", ".join(question.option(v).title for v in draft)
            text += f" Bisher gewählt: {chosen}. Weitere wählen oder »Fertig«."
            buttons.insert(0, {"title": "Fertig", "payload": answer_payload(FINISH_VALUE)})
        return text, buttons


def _make_ask_action(slot: str) -> type:
    class_name = "Ask" + "".join(part.capitalize() for part in slot.split("_"))
    return type(class_name, (AskQuestion,), {"slot": slot})


# One action_ask_<slot> class per question; rasa-sdk registers every Action subclass it finds.
ASK_ACTIONS = {slot: _make_ask_action(slot) for slot in INTERVIEW_SLOTS}


class ActionStartInterview(Action):
    """Clears earlier answers and explains the interview before the form asks the first question."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        dispatcher.utter_message(
            text=f"Gern! Zuerst frage ich nach Ihren wichtigsten Digitalisierungszielen, danach folgen "
            f"{len(INTERVIEW_SLOTS) - 1} kurze Fragen zu Ihrer Kommune und ihrer Praxis (etwa fünf Minuten). "
            "Jede Frage außer der ersten können Sie überspringen; mit »Ergebnis jetzt« werte ich sofort aus."
        )
        events: list[EventType] = [SlotSet(slot, None) for slot in INTERVIEW_SLOTS]
        events += [SlotSet(slot, 0.0 if slot == "interview_failures" else None) for slot in STATE_SLOTS]
        return events
