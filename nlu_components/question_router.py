"""Routes questions that no command intent claims firmly to the knowledge base (issue 10, part 3).

Runs after the intent classifiers (DIET, FallbackClassifier, the code pattern) and only rewrites the
predicted intent; the decision is dteam.routing.route (pure, unit-tested). The original prediction
stays in the intent ranking, so `rasa shell nlu` and the tracker still show what DIET thought.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from dteam.interview import spelling
from dteam.routing import route


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class QuestionRouter(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> QuestionRouter:
        # The router reads goals in messages (dteam.routing); their typo repair loads German word
        # lists once (about 2 s), at model load rather than on a user's first message.
        spelling.warm_up()
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            predicted = message.get(INTENT) or {}
            name = predicted.get(INTENT_NAME_KEY)
            if not isinstance(text, str) or not name:
                continue
            routed = route(text, name, float(predicted.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
            if routed == name:
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            # Keep the classifier's confidence for the routed intent where it has one.
            confidence = next(
                (
                    float(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
                    for r in ranking
                    if r.get(INTENT_NAME_KEY) == routed
                ),
                0.0,
            )
            confidence = max(confidence, float(predicted.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
            message.set(
                INTENT, {INTENT_NAME_KEY: routed, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True
            )
            message.set(
                INTENT_RANKING_KEY,
                [
                    {INTENT_NAME_KEY: routed, PREDICTED_CONFIDENCE_KEY: confidence},
                    *[r for r in ranking if r.get(INTENT_NAME_KEY) != routed],
                ],
                add_to_output=True,
            )
        return messages
