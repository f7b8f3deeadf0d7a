"""Knowledge base: curated entries + ingested user documents, German-aware retrieval.

Pure package (no Rasa import). Typical use:

    from actions.kb import get_knowledge_base
    answer = get_knowledge_base().answer("Was ist FIM?", previous_topic=None, previous_type=None, own_type=None)
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Optional

from . import config
from .analysis import Synonyms
from .entries import KBEntry, load_entries
from .retrieval import (
    KIND_ANSWER,
    KIND_EMPTY,
    KIND_NEEDS_OWN_TYPE,
    KIND_NO_ANSWER,
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
    "build_knowledge_base",
    "get_knowledge_base",
    "reset_knowledge_base",
]

_lock = threading.Lock()
_cached: Optional[KnowledgeBase] = None


def build_knowledge_base(
    entries_dir: Optional[Path] = None,
    synonyms_file: Optional[Path] = None,
    chunks_file: Optional[Path] = None,
) -> KnowledgeBase:
    """Load curated entries and document chunks and build a fresh index."""
    from .ingest import read_chunks  # imported here so `python -m actions.kb.ingest` runs cleanly
    skipped: list = []
    entries = load_entries(entries_dir or config.entries_dir(), skipped)
    chunks = read_chunks(chunks_file or config.chunks_file())
    synonyms = Synonyms.load(synonyms_file or config.synonyms_file())
    if skipped:
        logger.warning("%d knowledge entries could not be loaded", len(skipped))
    return KnowledgeBase(entries + chunks, synonyms)


def get_knowledge_base() -> KnowledgeBase:
    """The process-wide knowledge base, built lazily on first use."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                _cached = build_knowledge_base()
    return _cached


def reset_knowledge_base() -> None:
    """Forget the cached index (e.g. after `make kb`)."""
    global _cached
    with _lock:
        _cached = None
