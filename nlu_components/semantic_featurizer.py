"""Dense sentence features for DIET from the offline e5 encoder (dteam.semantic).

Plays the role de_core_news_md plays in config-spacy.yml, without a model download. One 384-dim
'query: ' vector per message as the sentence feature. Training looks vectors up in a content-hash
cache (build/semantic-cache/), so retraining encodes only new examples.

Same shape in every case, so a model always loads and predicts: without the encoder (CPU check
failed, DTEAM_SEMANTIC=0) the features are zeros. A model trained with zeros keeps getting zeros
even where the encoder is available: its weights for these inputs were never trained.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from dteam.paths import PROJECT_ROOT
from dteam.semantic import DIMENSION, MODEL_ID, VectorCache, get_encoder
from dteam.semantic.vectors import QUERY

logger = logging.getLogger(__name__)

STATE_FILE = "semantic_featurizer.json"


def _model_id_in_use() -> str | None:
    """The encoder's model id, or None on the fallback (its features are zeros)."""
    return MODEL_ID if get_encoder() is not None else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SemanticFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "cache_file": "build/semantic-cache/nlu_vectors.npz"}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        trained_model_id: str | None = None,
    ) -> None:
        super().__init__(execution_context.node_name, config)
        self._model_storage = model_storage
        self._resource = resource
        # Model id of the vectors the classifier was trained with; None = trained with zeros.
        self.trained_model_id = trained_model_id

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> SemanticFeaturizer:
        return cls(config, model_storage, resource, execution_context)

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs: Any) -> SemanticFeaturizer:
        trained_model_id = None
        try:
            with model_storage.read_from(resource) as model_dir:
                state = json.loads((Path(model_dir) / STATE_FILE).read_text(encoding="utf-8"))
                trained_model_id = state.get("model_id")
        except (ValueError, FileNotFoundError, OSError):
            logger.warning("SemanticFeaturizer state missing; its features stay zero")
        return cls(config, model_storage, resource, execution_context, trained_model_id)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        # Rasa's training cache keys on config and data only: without this, a training on the fallback
        # would reuse a featurizer trained with e5 vectors (and the classifier behind it), or back.
        return _model_id_in_use() or "fallback"

    def train(self, training_data: TrainingData) -> Resource:
        self.trained_model_id = _model_id_in_use()
        with self._model_storage.write_to(self._resource) as model_dir:
            (Path(model_dir) / STATE_FILE).write_text(
                json.dumps({"model_id": self.trained_model_id}), encoding="utf-8"
            )
        return self._resource

    def _encoder(self):
        if self.trained_model_id != MODEL_ID:
            return None
        return get_encoder()

    def _cache(self) -> VectorCache:
        path = Path(self._config["cache_file"])
        return VectorCache(path if path.is_absolute() else PROJECT_ROOT / path)

    def _vectors(self, texts: list[str], cache: VectorCache | None) -> np.ndarray:
        encoder = self._encoder()
        if encoder is None or not texts:
            return np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if cache is not None:
            return cache.encode(encoder, texts, QUERY)
        return encoder.query(texts)

    def _add(self, messages: list[Message], vectors: np.ndarray) -> None:
        for message, vector in zip(messages, vectors, strict=True):
            message.add_features(
                Features(vector.reshape(1, DIMENSION), FEATURE_TYPE_SENTENCE, TEXT, self._identifier)
            )

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        messages = [m for m in training_data.training_examples if m.get(TEXT)]
        cache = self._cache()
        self._add(messages, self._vectors([m.get(TEXT) for m in messages], cache))
        cache.save()
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        # Runs inside Rasa's message processing (about 30 ms per message on one thread).
        with_text = [m for m in messages if m.get(TEXT)]
        self._add(with_text, self._vectors([m.get(TEXT) for m in with_text], None))
        return messages
