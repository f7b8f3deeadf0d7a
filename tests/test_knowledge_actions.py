"""action_answer_question with JSON tracker fixtures and rasa_sdk's CollectingDispatcher."""

import asyncio
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import (
    BUTTON_START_INTERVIEW,
    TEXT_EMPTY_QUESTION,
    TEXT_OWN_TYPE_IN_INTERVIEW,
    TEXT_OWN_TYPE_UNKNOWN,
    ActionAnswerQuestion,
)
from dteam.kb import build_knowledge_base

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def action():
    kb = build_knowledge_base(
        entries_dir=FIXTURES / "kb_entries",
        synonyms_file=REPO / "knowledge" / "synonyms.yml",
        chunks_file=FIXTURES / "no-chunks.jsonl",
    )
    return ActionAnswerQuestion(knowledge_base=kb)


def load_tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


def run(action, fixture):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, load_tracker(fixture), domain={}))
    return dispatcher.messages, events


def test_name(action):
    assert action.name() == "action_answer_question"


def test_answers_with_text_source_line_and_buttons(action):
    messages, events = run(action, "tracker_knowledge_question.json")
    assert len(messages) == 1
    text = messages[0]["text"]
    assert "29,2 %" in text
    assert text.rstrip().endswith("Quelle: Studie *Digitale Kommune: Eine Typfrage?*, Kap. 5.2, Tabelle 10")
    assert messages[0]["buttons"][0]["payload"] == "Was bedeutet Föderales Informationsmanagement?"
    assert events == [SlotSet("kb_topic", "fim"), SlotSet("kb_type", None)]


def test_follow_up_changes_the_type_and_keeps_the_topic(action):
    messages, events = run(action, "tracker_knowledge_followup.json")
    assert "59,6 %" in messages[0]["text"]  # the Bedächtige data-use entry
    assert events == [SlotSet("kb_topic", "daten"), SlotSet("kb_type", "bedaechtige")]


def test_we_means_the_users_own_type(action):
    messages, events = run(action, "tracker_knowledge_own_type.json")
    assert "örtliche Gemeinschaft" in messages[0]["text"]
    assert SlotSet("kb_type", "community_manager") in events


def test_unknown_own_type_offers_the_interview(action):
    messages, events = run(action, "tracker_knowledge_own_type_unknown.json")
    assert messages[0]["text"] == TEXT_OWN_TYPE_UNKNOWN
    assert messages[0]["buttons"] == [BUTTON_START_INTERVIEW]
    assert events == [SlotSet("kb_topic", "lehren")]


def test_during_the_interview_no_second_interview_is_offered(action):
    messages, events = run(action, "tracker_knowledge_in_form.json")
    assert messages[0]["text"] == TEXT_OWN_TYPE_IN_INTERVIEW
    assert not messages[0]["buttons"]
    # Only knowledge slots: the form's own slots and requested_slot stay untouched.
    assert all(event["name"] in ("kb_topic", "kb_type") for event in events)


def test_out_of_scope_question_gets_the_honest_no_answer(action):
    messages, events = run(action, "tracker_knowledge_out_of_scope.json")
    assert messages == [
        {
            "text": None,
            "buttons": [],
            "elements": [],
            "custom": {},
            "template": "utter_kb_no_answer",
            "response": "utter_kb_no_answer",
            "image": None,
            "attachment": None,
        }
    ]
    assert events == []


def test_empty_question_gets_a_german_hint(action):
    messages, events = run(action, "tracker_knowledge_empty.json")
    assert messages[0]["text"] == TEXT_EMPTY_QUESTION
    assert events == []
