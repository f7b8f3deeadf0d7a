"""The NLU component that gives messages with a code the intent give_code (nlu_components/code_intent.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from nlu_components.code_intent import CodeIntentClassifier


def classify(text: str, predicted: str = "ask_question") -> str:
    message = Message(data={"text": text, "intent": {"name": predicted, "confidence": 0.6}})
    (result,) = CodeIntentClassifier().process([message])
    return result.get("intent")["name"]


@pytest.mark.parametrize(
    "text",
    ["DT-7K3QF-M2X9A", "Unser Code ist dt 7k3qf m2x9a.", "team 9k8j7 h6g5f", "Mein Code ist DT-1234"],
)
def test_messages_with_a_code_get_give_code(text: str) -> None:
    assert classify(text) == "give_code"


def test_a_code_alone_is_give_code_whatever_the_classifier_thought() -> None:
    assert classify("team 9k8j7 h6g5f", predicted="show_team_result") == "give_code"


@pytest.mark.parametrize(
    ("text", "predicted"),
    [
        ("Meine Daten löschen DT-7K3QF-M2X9A", "delete_my_data"),
        ("Teamergebnis für TEAM-9K8J7-H6G5F", "show_team_result"),
        ("Wie steht das Team TEAM-9K8J7-H6G5F?", "show_team_result"),
        ("Bericht DT-7K3QF-M2X9A", "request_report"),
    ],
)
def test_intents_that_take_a_code_as_argument_are_kept(text: str, predicted: str) -> None:
    assert classify(text, predicted) == predicted


def test_a_code_with_words_that_do_not_name_the_command_is_give_code() -> None:
    # After a retraining the classifier took this for the team result: the code's "TEAM-" is no
    # request for it, and during the interview the message then got "nicht verstanden".
    assert classify("Unser Teamcode ist übrigens TEAM-9K8J7-H6G5F", "show_team_result") == "give_code"
    assert classify("Hier mein Code DT-7K3QF-M2X9A", "request_report") == "give_code"
    assert classify("Ich möchte dem Team TEAM-9K8J7-H6G5F beitreten", "show_team_result") == "give_code"


def test_messages_without_code_and_payloads_are_untouched() -> None:
    assert classify("Was ist FIM?") == "ask_question"
    assert classify('/inform{"answer": "DT-7K3QF-M2X9A"}', predicted="inform") == "inform"
