"""The Rasa component around dteam.routing: rewrites the predicted intent, keeps the ranking."""

from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu_components.question_router import QuestionRouter


def parsed(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    name, confidence = ranking[0]
    message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence})
    message.set(INTENT_RANKING_KEY, [{INTENT_NAME_KEY: n, PREDICTED_CONFIDENCE_KEY: c} for n, c in ranking])
    return message


def test_type_question_predicted_as_start_goes_to_the_knowledge_base():
    message = parsed(
        "Welcher Kommunentyp ist der beste?", [("start_interview", 0.93), ("ask_question", 0.05)]
    )
    (routed,) = QuestionRouter().process([message])
    assert routed.get(INTENT)[INTENT_NAME_KEY] == "ask_question"
    ranking = routed.get(INTENT_RANKING_KEY)
    assert [r[INTENT_NAME_KEY] for r in ranking] == ["ask_question", "start_interview"]
    assert ranking[0][PREDICTED_CONFIDENCE_KEY] == 0.93  # the routed intent does not look unsure


def test_wish_to_take_the_test_and_payloads_are_left_alone():
    wish = parsed("Welcher Kommunentyp sind wir?", [("start_interview", 0.97), ("ask_question", 0.02)])
    payload = parsed('/inform{"answer": "effizienz"}', [("inform", 1.0)])
    answer = parsed("Effizienz und Bürgernähe", [("inform", 0.6), ("ask_question", 0.3)])
    for message, intent in ((wish, "start_interview"), (payload, "inform"), (answer, "inform")):
        (routed,) = QuestionRouter().process([message])
        assert routed.get(INTENT)[INTENT_NAME_KEY] == intent
