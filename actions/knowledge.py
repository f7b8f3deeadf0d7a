"""Rasa adapter for knowledge answers: tracker/slots <-> dteam.kb (the pure domain package)."""

from __future__ import annotations

import abc
import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import actions_of_last_turn, latest_text, previous_bot_text, send_reply
from dteam.followup import guide, service
from dteam.interview import flow
from dteam.kb import (
    KIND_ANSWER,
    KIND_EMPTY,
    KIND_NEEDS_OWN_TYPE,
    KIND_UNREADABLE,
    KnowledgeBase,
    get_knowledge_base,
)
from dteam.kb.aspects import nearest_button, refusal_text
from dteam.kb.retrieval import REFERS_BACK_MAX_WORDS
from dteam.routing import KNOWLEDGE_INTENT, looks_like_question

logger = logging.getLogger(__name__)

TEXT_EMPTY_QUESTION = (
    "Ich habe darin keine Frage erkannt. Bitte stellen Sie Ihre Frage in einem Satz, "
    "zum Beispiel: „Was ist FIM?“ oder „Was können wir von den Community Managern lernen?“"
)
TEXT_OWN_TYPE_UNKNOWN = (
    "Ihren Kommunentyp kenne ich noch nicht. Im kurzen Selbsttest ermittle ich ihn – "
    "danach kann ich Ihre Frage für Ihren Typ beantworten. Sie können auch direkt nach einem Typ fragen, "
    "etwa „Was können wir von den Optimierern lernen?“"
)
TEXT_OWN_TYPE_IN_INTERVIEW = (
    "Ihren Kommunentyp ermittle ich gerade im Selbsttest. Sobald das Ergebnis feststeht, "
    "kann ich die Frage für Ihren Typ beantworten."
)
BUTTON_START_INTERVIEW = {"title": "Selbsttest starten", "payload": "/start_interview"}
KB_ENTRY_SLOT = "kb_entry"  # id of the entry last shown; also the entity in the "Mehr dazu" payload
TEXT_NO_ANSWER_NEAREST = (
    "Genau dazu finde ich in meinen Quellen nichts Belastbares – und ich möchte nichts erfinden. "
    "Am nächsten kommt dieser Eintrag:"
)
TEXT_NOT_HELPFUL_WITH_OPTIONS = (
    "Das tut mir leid – dann habe ich Ihre Frage wohl nicht getroffen. Meinten Sie eine dieser Fragen? "
    "Sonst formulieren Sie sie gern mit anderen Worten; ein Stichwort aus den Quellen hilft mir oft."
)
TEXT_NOT_HELPFUL = (
    "Das tut mir leid. Sagen Sie mir gern, wobei ich helfen kann: Sie können eine Frage in Ihren eigenen "
    "Worten stellen, den Selbsttest machen oder in der Hilfe nachsehen, was ich kann."
)
BUTTONS_NOT_HELPFUL = [
    BUTTON_START_INTERVIEW,
    {"title": "Frage stellen", "payload": "/show_examples"},
    {"title": "Hilfe", "payload": "/help"},
]
# How many user messages back a complaint still refers to the last question ("Danke" in between).
COMPLAINT_LOOKBACK = 3
TEXT_NOTHING_MORE = (
    "Wozu möchten Sie mehr wissen? Stellen Sie bitte zuerst eine Frage, zum Beispiel „Was ist FIM?“"
)


def more_button(entry_id: str | None) -> dict[str, str]:
    """ "Mehr dazu" names its entry, so an older button still opens the right text."""
    return {"title": "Mehr dazu", "payload": f'/kb_more{{"{KB_ENTRY_SLOT}":"{entry_id}"}}'}


class KnowledgeAction(Action, abc.ABC):
    """An action that reads the knowledge base: a given one (tests), else the shared index. Abstract,
    so the action server does not register it."""

    @abc.abstractmethod
    def name(self) -> str: ...

    def __init__(self, knowledge_base: KnowledgeBase | None = None) -> None:
        # No work at import or construction time: `python -m actions.server` loads the index before
        # it opens its port; under plain `rasa run actions` the first question loads it.
        self._knowledge_base = knowledge_base

    async def knowledge_base(self) -> KnowledgeBase:
        """Off the event loop: the first call may build the index."""
        if self._knowledge_base is not None:
            return self._knowledge_base
        return await asyncio.get_running_loop().run_in_executor(None, get_knowledge_base)


class ActionAnswerQuestion(KnowledgeAction):
    def name(self) -> str:
        return "action_answer_question"

    def _kb(self) -> KnowledgeBase:
        return self._knowledge_base or get_knowledge_base()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = latest_text(tracker)
        last_actions = actions_of_last_turn(tracker)
        feature = guide.follow_up_topic(
            question, last_actions[0] if last_actions else None, previous_bot_text(tracker)
        )
        if feature is not None:
            # Right after »Team anlegen«, "Was mache ich jetzt mit dem Code?" is about the team.
            return send_reply(
                dispatcher,
                service.topic_help(
                    feature,
                    tracker.get_slot(service.RETURN_CODE_SLOT),
                    tracker.get_slot("team_code"),
                    question=question,
                ),
            )
        previous_topic = tracker.get_slot("kb_topic")
        previous_type = tracker.get_slot("kb_type")
        own_type = tracker.get_slot("municipality_type")
        previous_entry = tracker.get_slot(KB_ENTRY_SLOT)
        loop = asyncio.get_running_loop()
        # Retrieval is CPU work (and the first call builds the index): keep the event loop free.
        answer = await loop.run_in_executor(
            None,
            lambda: self._kb().answer(question, previous_topic, previous_type, own_type, previous_entry),
        )
        logger.debug("KB answer kind=%s entry=%s score=%.3f", answer.kind, answer.entry_id, answer.score)

        if answer.kind == KIND_ANSWER:
            buttons = ([more_button(answer.entry_id)] if answer.has_more else []) + answer.buttons
            dispatcher.utter_message(text=answer.message(), buttons=buttons or None)
            return [
                SlotSet("kb_topic", answer.topic),
                SlotSet("kb_type", answer.type_id),
                SlotSet(KB_ENTRY_SLOT, answer.entry_id),
            ]
        if answer.kind == KIND_EMPTY:
            dispatcher.utter_message(text=TEXT_EMPTY_QUESTION)
            return []
        if answer.kind == KIND_UNREADABLE:
            # Not a question we failed to answer but text we could not read: say so, with the ways on.
            dispatcher.utter_message(response="utter_default")
            return []
        if answer.kind == KIND_NEEDS_OWN_TYPE:
            if (tracker.active_loop or {}).get("name") == flow.INTERVIEW_FORM:
                dispatcher.utter_message(text=TEXT_OWN_TYPE_IN_INTERVIEW)
            else:
                dispatcher.utter_message(text=TEXT_OWN_TYPE_UNKNOWN, buttons=[BUTTON_START_INTERVIEW])
            return [SlotSet("kb_topic", answer.topic)] if answer.topic else []
        if answer.aspect is not None:
            buttons = [nearest_button(answer.nearest_title)] if answer.nearest_title else None
            dispatcher.utter_message(text=refusal_text(answer.aspect), buttons=buttons)
            return []
        if answer.nearest_title:
            dispatcher.utter_message(
                text=TEXT_NO_ANSWER_NEAREST, buttons=[nearest_button(answer.nearest_title)]
            )
            return []
        dispatcher.utter_message(response="utter_kb_no_answer")
        return []


class ActionOutOfScope(KnowledgeAction):
    """A message the classifier puts outside the assistant's scope: the honest no-answer ("Wie wird das
    Wetter?"), or "nicht verstanden" when no word of it is a word ("asdkjh qwe")."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = latest_text(tracker)
        if (
            tracker.get_slot(KB_ENTRY_SLOT)
            and looks_like_question(text)
            and len(text.split()) <= REFERS_BACK_MAX_WORDS
        ):
            # "Was kostet das?" right after the FIM entry: the knowledge base says which aspect its sources
            # lack and offers the entry, instead of the general no-answer.
            return await ActionAnswerQuestion(self._knowledge_base).run(dispatcher, tracker, domain)
        knowledge_base = await self.knowledge_base()
        readable = await asyncio.get_running_loop().run_in_executor(None, knowledge_base.reads_as_words, text)
        dispatcher.utter_message(response="utter_kb_no_answer" if readable else "utter_default")
        return []


class ActionKnowledgeMore(KnowledgeAction):
    """ "Mehr dazu": the full text of the entry whose short form was shown."""

    def name(self) -> str:
        return "action_kb_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        entities = (tracker.latest_message or {}).get("entities") or []
        named = [e.get("value") for e in entities if e.get("entity") == KB_ENTRY_SLOT and e.get("value")]
        entry_id = named[-1] if named else tracker.get_slot(KB_ENTRY_SLOT)
        knowledge_base = await self.knowledge_base()
        answer = knowledge_base.more(str(entry_id)) if entry_id else None
        if answer is None:
            dispatcher.utter_message(text=TEXT_NOTHING_MORE)
            return []
        dispatcher.utter_message(text=answer.message(), buttons=answer.buttons or None)
        return [SlotSet(KB_ENTRY_SLOT, answer.entry_id)]


def last_question(tracker: Tracker, lookback: int = COMPLAINT_LOOKBACK) -> str | None:
    """The latest earlier user message that was answered as a knowledge question, if recent."""
    users = [e for e in tracker.events if e.get("event") == "user"][:-1]  # without the complaint
    for event in reversed(users[-lookback:]):
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent == KNOWLEDGE_INTENT and event.get("text"):
            return event["text"]
    return None


class ActionAnswerNotHelpful(KnowledgeAction):
    """ "Das war nicht meine Frage", "Die Antwort stimmt nicht", also "Du bist doof": an apology and,
    after a knowledge answer, the questions that ranked next for it. The entry is logged (not the
    user's text) so that operators see which answers miss."""

    def name(self) -> str:
        return "action_answer_not_helpful"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = last_question(tracker)
        shown = tracker.get_slot(KB_ENTRY_SLOT)
        options: list[str] = []
        if question:
            logger.info("Knowledge answer marked as not helpful: entry=%s", shown or "-")
            knowledge_base = await self.knowledge_base()
            options = await asyncio.get_running_loop().run_in_executor(
                None, knowledge_base.alternatives, question, shown
            )
        if options:
            buttons = [{"title": title, "payload": title} for title in options]
            dispatcher.utter_message(text=TEXT_NOT_HELPFUL_WITH_OPTIONS, buttons=buttons)
        else:
            dispatcher.utter_message(text=TEXT_NOT_HELPFUL, buttons=BUTTONS_NOT_HELPFUL)
        return []
