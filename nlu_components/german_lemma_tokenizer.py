"""Whitespace tokenizer that adds German lemmas from spaCy's lookup tables.

The spaCy models (de_core_news_*) cannot be downloaded on our machines, but the lookup
lemmatizer tables ship inside the `spacy-lookups-data` wheel. Setting `token.lemma` lets
Rasa's CountVectorsFeaturizer (use_lemma=True by default) treat "Kommunen", "Kommune" and
"kommunen" as one feature, which helps with German inflection.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message


@lru_cache(maxsize=1)
def german_lemma_table() -> Any:
    """spaCy's German lemma lookup table from spacy-lookups-data (loaded once per process)."""
    from spacy.lookups import load_lookups

    return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")


def lemmatize(word: str) -> str:
    """Lemma of a German word form; tries the form as written, capitalised and lower case."""
    table = german_lemma_table()
    for candidate in (word, word.capitalize(), word.lower()):
        lemma = table.get(candidate)
        if lemma:
            return str(lemma).lower()
    return word.lower()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class GermanLemmaTokenizer(WhitespaceTokenizer):
    """Splits on whitespace/punctuation like WhitespaceTokenizer and sets German lemmas."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GermanLemmaTokenizer:
        german_lemma_table()  # load the table at start-up, not on the first message
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.lemma = lemmatize(token.text)
        return tokens
