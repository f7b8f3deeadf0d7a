"""Sets the intent `give_code` for messages that contain a return or team code.

Codes are random strings: a classifier trained on a handful of examples cannot be relied on to see
"Hier mein Code: dt-7k3qf-m2x9a" as such, while a pattern can. Recognition (case, separators,
Crockford confusables, malformed codes) is dteam.followup.codes, the same function the actions use.
Intents for which a code is an argument (deleting by code, the team result of a team code) are
kept as the classifier predicted them.
"""

from __future__ import annotations

import re
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

from dteam.followup.codes import looks_like_code, without_codes
from dteam.routing import names_command

CODE_INTENT = "give_code"
KEEP_INTENTS = ("delete_my_data", "show_team_result", "request_report")


# "Ich möchte dem Team TEAM-… beitreten" names the team but asks to join it (give_code), not for its result.
_ASKS_FOR_TEAM_RESULT = re.compile(
    r"ergebnis|auswertung|schneid|\bsteh|\bzeig|überblick|gesamtbild|wie\s+(?:sieht|ist)", re.IGNORECASE
)


def _names(intent: str, rest: str) -> bool:
    """True when the message without its code still asks for `intent`'s command."""
    if intent == "show_team_result":
        return bool(_ASKS_FOR_TEAM_RESULT.search(rest))
    return names_command(intent, rest)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CodeIntentClassifier(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CodeIntentClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/") or not looks_like_code(text):
                continue
            predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            # "Meine Daten löschen DT-…" keeps its intent; a code alone is always give_code, and so is
            # "Unser Teamcode ist übrigens TEAM-…", which the classifier took for the team result: the
            # rest of the message must name the command itself (the code's "TEAM-" does not count).
            rest = without_codes(text)
            if predicted in KEEP_INTENTS and re.search(r"[^\W\d_]{3,}", rest) and _names(predicted, rest):
                continue
            message.set(
                INTENT, {INTENT_NAME_KEY: CODE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True
            )
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != CODE_INTENT
            ]
            message.set(
                INTENT_RANKING_KEY,
                [{INTENT_NAME_KEY: CODE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}, *ranking],
                add_to_output=True,
            )
        return messages
