"""Checks the curated KB entries from the theses papers, the two podcasts and the news item.

Validates each Markdown file's YAML front matter against the format in
knowledge/entries/README.md, so a malformed entry fails here rather than at index time.
"""

import re
from pathlib import Path

import pytest
import yaml

ENTRIES_ROOT = Path(__file__).resolve().parent.parent / "knowledge" / "entries"
CHECKED_SOURCES = ("thesen", "podcast09", "podcast22", "meldung")
ALL_SOURCES = ("studie",) + CHECKED_SOURCES
TYPE_IDS = {"bedaechtige", "optimierer", "serviceorientierte", "community_manager"}
TOPIC_KEYS = {
    "profil",
    "ziele",
    "strategie",
    "rollen",
    "egovernment",
    "fim",
    "daten",
    "personal",
    "infrastruktur",
    "gemeinschaft",
    "kompetenzen",
    "beteiligung",
    "lernen",
    "lehren",
}
# Questions cover each fact of an entry in staff wording; the cap keeps lists readable.
MAX_QUESTIONS = 14
REQUIRED_FIELDS = ("id", "title", "source", "citation", "speaker", "questions", "keywords")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Recognition errors from the transcripts that must never reach the knowledge base.
TRANSCRIPT_ERRORS = ("Titten", "Wenningsten", "Kommumentyp", "Zonengesetz", "Online-Zugungsgesetz")


def split_front_matter(text: str):
    """Return (front matter dict, body) of an entry file; raise ValueError if malformed."""
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.DOTALL)
    if not match:
        raise ValueError("missing YAML front matter delimited by '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise ValueError(f"front matter is not valid YAML: {error}") from error
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, match.group(2)


def entry_files(sources=CHECKED_SOURCES):
    return sorted(p for s in sources for p in (ENTRIES_ROOT / s).glob("*.md"))


ENTRY_FILES = entry_files()


def test_there_are_entries_in_every_checked_folder():
    for source in CHECKED_SOURCES:
        assert list((ENTRIES_ROOT / source).glob("*.md")), f"no entries in {source}/"
    assert len(ENTRY_FILES) >= 60


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_entry_is_well_formed(path: Path):
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))

    missing = [f for f in REQUIRED_FIELDS if f not in meta]
    assert not missing, f"missing fields {missing}"

    assert ID_PATTERN.match(meta["id"]), f"bad id {meta['id']!r}"
    assert meta["id"] == path.stem, "id must equal the file name"
    assert meta["source"] == path.parent.name, "source must equal the folder"
    assert meta["id"].startswith(meta["source"] + "-"), "id must start with its source"

    for field in ("title", "citation"):
        assert isinstance(meta[field], str) and meta[field].strip(), f"empty {field}"
    assert isinstance(meta["speaker"], str)

    questions = meta["questions"]
    assert isinstance(questions, list) and 2 <= len(questions) <= MAX_QUESTIONS
    assert all(isinstance(q, str) and q.strip() for q in questions)
    assert len(set(questions)) == len(questions), "duplicate questions"

    keywords = meta["keywords"]
    assert isinstance(keywords, list) and keywords
    assert all(isinstance(k, (str, int, float)) and str(k).strip() for k in keywords)

    types = meta.get("types") or []
    assert isinstance(types, list) and set(types) <= TYPE_IDS, f"unknown types {types}"
    if "topic" in meta:
        assert meta["topic"] in TOPIC_KEYS, f"unknown topic {meta['topic']!r}"
    # Type x topic look-ups belong to the study entries; these sources must not claim them.
    assert not (types and meta.get("topic")), "types and topic together are reserved for studie"
    related = meta.get("related") or []
    assert isinstance(related, list)

    assert body.strip(), "empty answer body"
    assert len(body.strip()) < 1500, "answer body too long for a chat reply"
    short = meta.get("short")
    assert isinstance(short, str) and short.strip(), "missing short form (short:)"
    for name, answer in (("body", body), ("short", short)):
        assert "Quelle:" not in answer, f"the bot appends the citation; no source line in the {name}"
        assert not re.search(r"\b(du|dich|dir|dein\w*)\b", answer, flags=re.IGNORECASE), (
            f"formal Sie ({name})"
        )
    for error in TRANSCRIPT_ERRORS:
        assert error not in body and error not in str(meta), f"transcript error {error!r}"


def test_ids_are_unique_across_all_folders():
    seen = {}
    for path in entry_files(ALL_SOURCES):
        try:
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # other folders are checked by their owners' tests
        entry_id = meta.get("id")
        assert entry_id not in seen, f"duplicate id {entry_id} in {path} and {seen[entry_id]}"
        seen[entry_id] = path


def test_related_ids_point_to_existing_entries():
    known_ids = {p.stem for p in entry_files(ALL_SOURCES)}
    for path in ENTRY_FILES:
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        dangling = [r for r in (meta.get("related") or []) if r not in known_ids]
        assert not dangling, f"{path.name}: unknown related ids {dangling}"


def test_split_front_matter_rejects_malformed_text():
    with pytest.raises(ValueError):
        split_front_matter("no front matter here")
    with pytest.raises(ValueError):
        split_front_matter("---\n- just a list\n---\nbody")
    with pytest.raises(ValueError):
        split_front_matter("---\ntitle: Studie: Eine Typfrage?\n---\nbody")
