"""Vector cache keyed by content hash: sha256(model id, kind, text) -> vector.

Encoding the knowledge base takes minutes on one thread; the cache makes `make kb` and training
re-encode only texts that changed, and lets a running process look vectors up without encoding.
Stored as one .npz (keys + float32 matrix), written atomically.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .encoder import DIMENSION, MODEL_ID, Encoder

logger = logging.getLogger(__name__)

QUERY = "query"
PASSAGE = "passage"


def text_key(text: str, kind: str, model_id: str = MODEL_ID) -> str:
    return hashlib.sha256(f"{model_id}\x00{kind}\x00{text}".encode("utf-8", "replace")).hexdigest()


class VectorCache:
    def __init__(self, path: Path | None):
        self.path = path
        self._vectors: dict[str, np.ndarray] = {}
        self._dirty = False
        self._lock = threading.Lock()
        if path is not None and path.is_file():
            try:
                with np.load(path, allow_pickle=False) as data:
                    keys, matrix = data["keys"], data["vectors"]
                if matrix.ndim == 2 and matrix.shape[1] == DIMENSION and len(keys) == len(matrix):
                    rows = matrix.astype(np.float32)
                    self._vectors = {str(k): row for k, row in zip(keys, rows, strict=True)}
            except Exception as error:  # a damaged cache is rebuilt, not fatal
                logger.warning("Vector cache %s not usable (%s); starting empty", path, error)

    def __len__(self) -> int:
        return len(self._vectors)

    def lookup(self, texts: Sequence[str], kind: str) -> np.ndarray | None:
        """Cached vectors for all texts, or None if any is missing (never encodes)."""
        rows = [self._vectors.get(text_key(text, kind)) for text in texts]
        if any(row is None for row in rows):
            return None
        return np.vstack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)

    def encode(self, encoder: Encoder, texts: Sequence[str], kind: str, batch: int = 32) -> np.ndarray:
        """Vectors for texts, encoding only those not cached yet."""
        keys = [text_key(text, kind) for text in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self._vectors))
        encode = encoder.query if kind == QUERY else encoder.passage
        for start in range(0, len(missing), batch):
            part = missing[start : start + batch]
            vectors = encode(part)
            with self._lock:
                for text, vector in zip(part, vectors, strict=True):
                    self._vectors[text_key(text, kind)] = vector
                self._dirty = True
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        return np.vstack([self._vectors[k] for k in keys])

    def save(self) -> None:
        if self.path is None or not self._dirty:
            return
        with self._lock:
            keys = np.array(list(self._vectors), dtype="U64")
            matrix = (
                np.vstack(list(self._vectors.values()))
                if self._vectors
                else np.zeros((0, DIMENSION), dtype=np.float32)
            )
            self._dirty = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.stem}.{os.getpid()}.tmp.npz")
        np.savez(temporary, keys=keys, vectors=matrix.astype(np.float32))
        temporary.replace(self.path)
