"""Paths of the knowledge base, overridable by environment variables. Pure module."""

from __future__ import annotations

import os
from pathlib import Path

from dteam.paths import PROJECT_ROOT as REPO_ROOT


def _path(env: str, default: str) -> Path:
    value = os.environ.get(env)
    path = Path(value) if value else Path(default)
    return path if path.is_absolute() else REPO_ROOT / path


def entries_dir() -> Path:
    return _path("KB_ENTRIES_DIR", "knowledge/entries")


def synonyms_file() -> Path:
    return _path("KB_SYNONYMS_FILE", "knowledge/synonyms.yml")


def uncovered_topics_file() -> Path:
    return _path("KB_UNCOVERED_TOPICS_FILE", "knowledge/uncovered_topics.yml")


def documents_dir() -> Path:
    return _path("KB_DOCUMENTS_DIR", "knowledge/documents")


def chunks_file() -> Path:
    return _path("KB_CHUNKS_FILE", "knowledge/index/documents.jsonl")


def common_words_cache() -> Path:
    return _path("KB_COMMON_WORDS_CACHE", "knowledge/index/common_words.json")


def index_file() -> Path:
    return _path("KB_INDEX_FILE", "knowledge/index/kb_index.pkl")


def vector_cache_file() -> Path:
    return _path("KB_VECTOR_CACHE", "knowledge/index/vectors.npz")


def classifier_file() -> Path:
    return _path("KB_CLASSIFIER_FILE", "knowledge/index/entry_classifier.npz")


def training_questions_file() -> Path:
    """Staff questions with the entries that answer them: the entry classifier's second training source.
    The dev split of the understanding benchmark; the held-out sets are never read for training."""
    return _path("KB_TRAINING_QUESTIONS", "bench/data/dev/kb_questions.yml")
