"""Loading curated knowledge-base entries (Markdown with YAML front matter).

Pure module: no Rasa import. See knowledge/entries/README.md for the format.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dteam.study.data import TYPE_IDS, TYPE_NAMES

logger = logging.getLogger(__name__)

TYPE_DISPLAY = TYPE_NAMES  # the study's type names, defined once in dteam.study.data
SOURCES = ("studie", "thesen", "podcast09", "podcast22", "meldung", "dokument")
# The first reply shows the entry's short form; the body follows on "Mehr dazu".
SHORT_MAX_WORDS = 60

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is much faster when present
_FRONT_MATTER = re.compile(r"\A\s*---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.S)


@dataclass
class KBEntry:
    """One answerable unit: a curated entry or a chunk of a user document."""

    id: str
    title: str
    body: str
    source: str
    citation: str
    speaker: str = ""
    short: str = ""  # core answer in <= SHORT_MAX_WORDS words; empty for document chunks
    types: list[str] = field(default_factory=list)
    topic: str = ""
    questions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    path: str = ""

    @property
    def is_document_chunk(self) -> bool:
        return self.source == "dokument"

    @property
    def first_reply(self) -> str:
        """What the bot says first: the short form, or the body where there is none."""
        return self.short or self.body

    @property
    def has_more(self) -> bool:
        """True when the body adds something the first reply does not show."""
        return bool(self.short) and self.short != self.body

    def search_fields(self) -> tuple[str, str, str, str]:
        """(title, questions, keywords, body) as plain strings for indexing."""
        return (
            self.title,
            "\n".join(self.questions),
            ", ".join(self.keywords),
            self.body,
        )


class EntryFormatError(ValueError):
    pass


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value if item is not None and str(item).strip()]


def parse_entry(text: str, path: str = "") -> KBEntry:
    """Parse one entry file's text; raises EntryFormatError on a broken file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise EntryFormatError(f"{path}: keine YAML-Front-Matter gefunden")
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as error:
        raise EntryFormatError(f"{path}: YAML-Fehler: {error}") from error
    if not isinstance(meta, dict):
        raise EntryFormatError(f"{path}: Front-Matter ist kein Mapping")
    body = match.group(2).strip()
    missing = [key for key in ("id", "title", "source", "citation") if not meta.get(key)]
    if missing or not body:
        raise EntryFormatError(f"{path}: fehlende Felder {missing or ['body']}")
    types = [t for t in _as_list(meta.get("types")) if t in TYPE_IDS]
    return KBEntry(
        id=str(meta["id"]).strip(),
        title=str(meta["title"]).strip(),
        body=body,
        source=str(meta["source"]).strip(),
        citation=str(meta["citation"]).strip(),
        speaker=str(meta.get("speaker") or "").strip(),
        short=" ".join(str(meta.get("short") or "").split()),
        types=types,
        topic=str(meta.get("topic") or "").strip(),
        questions=_as_list(meta.get("questions")),
        keywords=_as_list(meta.get("keywords")),
        related=_as_list(meta.get("related")),
        path=path,
    )


def load_entries(root: Path, skipped: list | None = None) -> list[KBEntry]:
    """Load all entries below root (recursively, sorted by path).

    Broken files are logged and reported in `skipped` instead of stopping the load,
    so one bad entry from a content writer cannot take the whole knowledge base down.
    Duplicate ids keep the first file.
    """
    entries: list[KBEntry] = []
    seen = set()
    if not root.is_dir():
        return entries
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            entry = parse_entry(path.read_text(encoding="utf-8"), str(path))
        except (EntryFormatError, UnicodeDecodeError, OSError) as error:
            logger.warning("KB entry skipped: %s", error)
            if skipped is not None:
                skipped.append(str(error))
            continue
        if entry.id in seen:
            logger.warning("KB entry skipped: duplicate id %s in %s", entry.id, path)
            if skipped is not None:
                skipped.append(f"{path}: doppelte id {entry.id}")
            continue
        seen.add(entry.id)
        entries.append(entry)
    return entries


def entries_by_id(entries: Iterable[KBEntry]) -> dict:
    return {entry.id: entry for entry in entries}
