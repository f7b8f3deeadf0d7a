"""Knowledge base: curated entries + ingested user documents, German-aware retrieval.

Pure package (no Rasa import). Typical use:

    from dteam.kb import get_knowledge_base
    answer = get_knowledge_base().answer(
        "Was ist FIM?", previous_topic=None, previous_type=None, own_type=None
    )
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
from pathlib import Path

from . import config
from .analysis import Synonyms
from .entries import KBEntry, load_entries
from .retrieval import (
    KIND_ANSWER,
    KIND_EMPTY,
    KIND_NEEDS_OWN_TYPE,
    KIND_NO_ANSWER,
    KIND_UNREADABLE,
    Answer,
    KnowledgeBase,
)

logger = logging.getLogger(__name__)

__all__ = [
    "Answer",
    "KBEntry",
    "KnowledgeBase",
    "KIND_ANSWER",
    "KIND_EMPTY",
    "KIND_NEEDS_OWN_TYPE",
    "KIND_NO_ANSWER",
    "KIND_UNREADABLE",
    "build_knowledge_base",
    "get_knowledge_base",
    "load_prebuilt_index",
    "save_prebuilt_index",
    "reset_knowledge_base",
]

_lock = threading.Lock()
_cached: KnowledgeBase | None = None


def build_knowledge_base(
    entries_dir: Path | None = None,
    synonyms_file: Path | None = None,
    chunks_file: Path | None = None,
) -> KnowledgeBase:
    """Load curated entries and document chunks and build a fresh index."""
    from .ingest import read_chunks  # imported here so `python -m dteam.kb.ingest` runs cleanly

    skipped: list = []
    entries = load_entries(entries_dir or config.entries_dir(), skipped)
    chunks = read_chunks(chunks_file or config.chunks_file())
    synonyms = Synonyms.load(synonyms_file or config.synonyms_file())
    if skipped:
        logger.warning("%d knowledge entries could not be loaded", len(skipped))
    return KnowledgeBase(entries + chunks, synonyms)


# Bump when the index structure changes, so an old prebuilt index file is not loaded.
# 4: KBEntry.short; 5: no title-only postings; 6: sentence vectors; 7: variants; 8: aspect texts;
# 9: sentences not split after dates and abbreviations; 10: nor before lower-case words;
# 11: own-type phrases without lemma forms; 12: entries with data from after the study; 13: the entry
# classifier; 14: the dev questions as neighbours; 15: phrases ending in a pronoun ("für uns") take no
# word endings
INDEX_FORMAT_VERSION = 15


def _fingerprint() -> str:
    """Hash of everything the index is built from: entries, synonyms, document chunks, format."""
    digest = hashlib.sha256(f"v{INDEX_FORMAT_VERSION}".encode())
    entries_root = config.entries_dir()
    paths = sorted(entries_root.rglob("*.md")) if entries_root.is_dir() else []
    for path in paths + [config.synonyms_file(), config.chunks_file()]:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def save_prebuilt_index(kb: KnowledgeBase, path: Path | None = None) -> Path:
    """Write the index for faster start-up (`make kb`); loaded only if the sources are unchanged."""
    path = path or config.index_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump({"fingerprint": _fingerprint(), "kb": kb}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)
    return path


def load_prebuilt_index(path: Path | None = None) -> KnowledgeBase | None:
    path = path or config.index_file()
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)  # our own file, written by save_prebuilt_index
    except FileNotFoundError:
        return None
    except Exception as error:
        logger.warning("Prebuilt KB index %s not usable (%s); rebuilding", path, error)
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != _fingerprint():
        logger.info("Prebuilt KB index %s is out of date; rebuilding", path)
        return None
    kb = data.get("kb")
    return kb if isinstance(kb, KnowledgeBase) else None


def get_knowledge_base() -> KnowledgeBase:
    """The process-wide knowledge base: the prebuilt index if current, else built on first use."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                kb = load_prebuilt_index() or build_knowledge_base()
                # Entry vectors come from make kb's cache only; without them the lexical path serves.
                from .semantic import attach_vectors

                attach_vectors(kb, encode=False)
                _cached = kb
    return _cached


def reset_knowledge_base() -> None:
    """Forget the cached index (e.g. after `make kb`)."""
    global _cached
    with _lock:
        _cached = None
