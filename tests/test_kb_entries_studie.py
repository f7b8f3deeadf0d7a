"""Checks the curated KB entries written from the study (knowledge/entries/studie/).

Validates the front matter against knowledge/entries/README.md, that every type x topic pair has
exactly one entry, that every definition the study supports is present, and that every figure in an
answer body really occurs in the study table(s) its citation names (knowledge/study/*.csv).
"""

import csv
import re
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTRIES_ROOT = REPO_ROOT / "knowledge" / "entries"
STUDY_ENTRIES = ENTRIES_ROOT / "studie"
STUDY_TABLES = REPO_ROOT / "knowledge" / "study"
# Only used if present (it never ships): guards the "own words" rule.
SOURCE_TEXT = Path("/work/shared/sources/studie-digitale-kommune-eine-typfrage.txt")

TYPE_IDS = ("bedaechtige", "optimierer", "serviceorientierte", "community_manager")
TOPIC_KEYS = (
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
)
DEFINED_TERMS = (
    "ozg",
    "fim",
    "basiskomponenten",
    "hvb",
    "cio",
    "cdo",
    "zentrale-steuerungsunterstuetzung",
    "civic-tech",
    "dritte-orte",
    "digitale-daseinsvorsorge",
    "open-data",
    "maengelmelder",
    "buergerhaushalt",
    "lorawan",
    "clusteranalyse",
    "digitalisierungsstrategie",
)
# Questions cover each fact of an entry in staff wording; the cap keeps lists readable.
MAX_QUESTIONS = 14
REQUIRED_FIELDS = ("id", "title", "source", "citation", "speaker", "questions", "keywords")
ID_PATTERN = re.compile(r"^studie(-[a-z0-9]+)+$")
# A decimal figure in German format (29,2 or 0,52), or an integer with thousands dots (18.824).
DECIMAL_FIGURE = re.compile(r"(?<![\d,.])(\d+,\d+)(?![\d,])")
THOUSANDS_FIGURE = re.compile(r"(?<![\d,.])(\d{1,3}(?:\.\d{3})+)(?![\d,])")
CITED_TABLES = re.compile(r"Tabellen? ([\d ,und]+)")
COPY_WINDOW = 8  # words in a row shared with the source text count as a copied passage


def split_front_matter(text: str):
    """Return (front matter dict, body) of an entry file; raise ValueError if malformed."""
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.DOTALL)
    if not match:
        raise ValueError("missing YAML front matter delimited by '---' lines")
    meta = yaml.safe_load(match.group(1))
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, match.group(2)


def load_entries():
    entries = {}
    for path in sorted(STUDY_ENTRIES.glob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        entries[path] = (meta, body)
    return entries


ENTRIES = load_entries()


def table_values() -> dict:
    """Map table number -> set of its numeric cell values, read from the study CSVs."""
    index = yaml.safe_load((STUDY_TABLES / "tables.yml").read_text(encoding="utf-8"))
    values = {}
    for table in index["tables"]:
        cells = set()
        with open(STUDY_TABLES / table["file"], encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for key, cell in row.items():
                    if key in ("row_id", "label") or cell in (None, ""):
                        continue
                    cells.add(round(float(cell), 2))
        values[int(table["number"])] = cells
    return values


def cited_table_numbers(citation: str) -> set:
    numbers = set()
    for group in CITED_TABLES.findall(citation):
        numbers.update(int(n) for n in re.findall(r"\d+", group))
    return numbers


def figures_in(body: str) -> list:
    decimals = [(raw, round(float(raw.replace(",", ".")), 2)) for raw in DECIMAL_FIGURE.findall(body)]
    thousands = [(raw, float(raw.replace(".", ""))) for raw in THOUSANDS_FIGURE.findall(body)]
    return decimals + thousands


def test_entry_count_and_coverage():
    assert len(ENTRIES) >= 100
    ids = {meta["id"] for meta, _ in ENTRIES.values()}
    for term in DEFINED_TERMS:
        assert f"studie-begriff-{term}" in ids, f"missing definition entry for {term}"


def test_every_type_topic_pair_has_exactly_one_entry():
    pairs = {}
    for path, (meta, _) in ENTRIES.items():
        types = meta.get("types") or []
        if len(types) == 1 and meta.get("topic"):
            pairs.setdefault((types[0], meta["topic"]), []).append(path.name)
    for type_id in TYPE_IDS:
        for topic in TOPIC_KEYS:
            found = pairs.get((type_id, topic), [])
            assert len(found) == 1, f"{type_id} x {topic}: {found or 'no entry'}"
            slug = type_id.replace("_", "-")
            assert found[0] == f"studie-{slug}-{topic}.md"


@pytest.mark.parametrize("path", list(ENTRIES), ids=lambda p: p.name)
def test_entry_is_well_formed(path: Path):
    meta, body = ENTRIES[path]
    missing = [f for f in REQUIRED_FIELDS if f not in meta]
    assert not missing, f"missing fields {missing}"
    assert ID_PATTERN.match(meta["id"]) and meta["id"] == path.stem
    assert meta["source"] == "studie"
    assert meta["speaker"] == ""
    assert meta["citation"].startswith("Studie *Digitale Kommune: Eine Typfrage?*")
    assert isinstance(meta["title"], str) and meta["title"].strip()

    questions = meta["questions"]
    assert isinstance(questions, list) and 2 <= len(questions) <= MAX_QUESTIONS
    assert all(isinstance(q, str) and q.strip() for q in questions)
    assert len(set(questions)) == len(questions)
    assert isinstance(meta["keywords"], list) and meta["keywords"]

    types = meta.get("types") or []
    assert set(types) <= set(TYPE_IDS), f"unknown types {types}"
    if "topic" in meta:
        assert meta["topic"] in TOPIC_KEYS

    text = body.strip()
    assert text and len(text) < 1500, "answer body empty or too long for a chat reply"
    short = meta.get("short")
    assert isinstance(short, str) and short.strip(), "missing short form (short:)"
    for name, answer in (("body", text), ("short", short)):
        assert "Quelle:" not in answer, f"the bot appends the citation; no source line in the {name}"
        assert not re.search(r"\d\.\d+ ?%", answer), f"use the German decimal comma ({name})"
        assert not re.search(r"\b(du|dich|dir|dein\w*)\b", answer, flags=re.IGNORECASE), (
            f"formal Sie ({name})"
        )
        assert "Kommumentyp" not in answer, f"typo from the source text ({name})"


def test_related_ids_point_to_existing_entries():
    known_ids = {p.stem for p in ENTRIES_ROOT.glob("*/*.md")}
    for path, (meta, _) in ENTRIES.items():
        dangling = [r for r in (meta.get("related") or []) if r not in known_ids]
        assert not dangling, f"{path.name}: unknown related ids {dangling}"
        assert meta["id"] not in (meta.get("related") or []), f"{path.name} relates to itself"


def test_every_figure_occurs_in_the_cited_tables():
    tables = table_values()
    all_values = set().union(*tables.values())
    problems = []
    for path, (meta, body) in ENTRIES.items():
        cited = cited_table_numbers(meta["citation"])
        allowed = set().union(*(tables[n] for n in cited)) if cited else all_values
        for raw, value in figures_in(body) + figures_in(meta.get("short") or ""):
            if value not in allowed:
                problems.append(f"{path.name}: {raw} not in table(s) {sorted(cited) or 'any'}")
    assert not problems, "\n".join(problems)


def test_figure_check_catches_a_wrong_number():
    tables = table_values()
    # Table 10: FIM is known by 29,2 % overall; 29,3 must not pass as a table value.
    assert round(29.2, 2) in tables[10]
    assert round(29.3, 2) not in tables[10]
    assert cited_table_numbers("Kap. 4.1 und 4.2, Tabellen 4, 5 und 6") == {4, 5, 6}
    assert [raw for raw, _ in figures_in("3,82 von 10, 18.824 Einwohner:innen, 2019")] == ["3,82", "18.824"]


def _words(text: str) -> list:
    return re.findall(r"\w+", text.lower())


@pytest.mark.skipif(not SOURCE_TEXT.exists(), reason="source document not available here")
def test_bodies_are_written_in_own_words():
    source_words = _words(SOURCE_TEXT.read_text(encoding="utf-8"))
    source_windows = {
        tuple(source_words[i : i + COPY_WINDOW]) for i in range(len(source_words) - COPY_WINDOW + 1)
    }
    copied = []
    for path, (meta, body) in ENTRIES.items():
        words = _words(body) + ["\n"] + _words(meta.get("short") or "")  # no window spans both
        for i in range(len(words) - COPY_WINDOW + 1):
            window = tuple(words[i : i + COPY_WINDOW])
            # Runs of figures and table labels are data, which may carry over.
            if window in source_windows and not any(w.isdigit() for w in window):
                copied.append(f"{path.name}: {' '.join(window)}")
                break
    assert not copied, "passages taken over from the study:\n" + "\n".join(copied)


def test_split_front_matter_rejects_malformed_text():
    with pytest.raises(ValueError):
        split_front_matter("no front matter here")
    with pytest.raises(ValueError):
        split_front_matter("---\n- just a list\n---\nbody")
