"""Loads the study tables from knowledge/study/ (CSV + tables.yml + types.yml), cached.

Pure module: no Rasa import. The folder can be overridden with the STUDY_DATA_DIR environment
variable (used by tests that want a scratch copy).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dteam.paths import PROJECT_ROOT

TYPE_IDS: tuple[str, ...] = ("bedaechtige", "optimierer", "serviceorientierte", "community_manager")
TYPE_NAMES: Mapping[str, str] = {
    "bedaechtige": "Bedächtige",
    "optimierer": "Optimierer",
    "serviceorientierte": "Serviceorientierte",
    "community_manager": "Community Manager",
}
# "bei den Optimierern", "zu den Community Managern"
TYPE_DATIVE: Mapping[str, str] = {
    "bedaechtige": "den Bedächtigen",
    "optimierer": "den Optimierern",
    "serviceorientierte": "den Serviceorientierten",
    "community_manager": "den Community Managern",
}
# Goal ids in the row order of Table 1; the classifier's vectors use this order.
GOAL_IDS: tuple[str, ...] = (
    "rechtliche_vorgaben",
    "foerdermittel",
    "effizienz",
    "leistungsangebot",
    "buergernaehe",
    "attraktivitaet",
    "daseinsvorsorge",
    "wirtschaft",
    "zivilgesellschaft",
    "innovation",
)
TOTAL_COLUMN = "gesamt"
STUDY_CITATION = "Studie »Digitale Kommune: Eine Typfrage?« (ÖFIT/KGSt 2020)"

_DEFAULT_DIR = PROJECT_ROOT / "knowledge" / "study"


def study_dir() -> Path:
    return Path(os.environ.get("STUDY_DATA_DIR", _DEFAULT_DIR))


@dataclass(frozen=True)
class TableInfo:
    number: int
    title: str
    chapter: str
    unit: str
    base: str
    file: str
    row_units: Mapping[str, str]

    def unit_of(self, row_id: str) -> str:
        return self.row_units.get(row_id, self.unit)


@dataclass(frozen=True)
class TableRow:
    row_id: str
    label: str
    values: Mapping[str, float]  # type id or "gesamt" (or kind column) -> value

    def value(self, column: str) -> float:
        try:
            return self.values[column]
        except KeyError:
            raise KeyError(f"Spalte {column!r} gibt es in Zeile {self.row_id!r} nicht") from None


@dataclass(frozen=True)
class StudyTable:
    info: TableInfo
    columns: tuple[str, ...]
    rows: Mapping[str, TableRow]  # insertion-ordered as in the CSV

    def row(self, row_id: str) -> TableRow:
        try:
            return self.rows[row_id]
        except KeyError:
            raise KeyError(f"Tabelle {self.info.number} hat keine Zeile {row_id!r}") from None


@lru_cache(maxsize=4)
def _tables_file(directory: str) -> dict:
    """knowledge/study/tables.yml, read once: the table index and the survey size."""
    with open(Path(directory) / "tables.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=4)
def _index(directory: str) -> dict[int, TableInfo]:
    index: dict[int, TableInfo] = {}
    for entry in _tables_file(directory)["tables"]:
        info = TableInfo(
            number=int(entry["number"]),
            title=str(entry["title"]),
            chapter=str(entry["chapter"]),
            unit=str(entry["unit"]),
            base=str(entry.get("base", "")).strip(),
            file=str(entry["file"]),
            row_units=dict(entry.get("row_units") or {}),
        )
        index[info.number] = info
    return index


def survey_size() -> tuple[int, int]:
    """(municipalities that answered, municipalities assigned to a type) of the study's survey."""
    survey = _tables_file(str(study_dir()))["survey"]
    return int(survey["respondents"]), int(survey["typed"])


def table_infos() -> dict[int, TableInfo]:
    """Every table of the index (tables.yml) by its number."""
    return dict(_index(str(study_dir())))


@lru_cache(maxsize=64)
def _table(directory: str, number: int) -> StudyTable:
    index = _index(directory)
    if number not in index:
        raise KeyError(f"Tabelle {number} ist nicht im Index tables.yml")
    info = index[number]
    with open(Path(directory) / info.file, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = tuple(c for c in (reader.fieldnames or []) if c not in ("row_id", "label"))
        rows: dict[str, TableRow] = {}
        for record in reader:
            values = {c: float(record[c]) for c in columns if record.get(c, "") != ""}
            rows[record["row_id"]] = TableRow(record["row_id"], record["label"], values)
    return StudyTable(info=info, columns=columns, rows=rows)


def get_table(number: int) -> StudyTable:
    return _table(str(study_dir()), int(number))


def get_row(number: int, row_id: str) -> TableRow:
    return get_table(number).row(row_id)


def cluster_centres() -> dict[str, tuple[float, ...]]:
    """Table 1 as {type id: vector over GOAL_IDS}."""
    table = get_table(1)
    missing = [goal for goal in GOAL_IDS if goal not in table.rows]
    if missing:
        raise ValueError(f"Tabelle 1 fehlen die Ziele {missing}")
    return {t: tuple(table.row(goal).value(t) for goal in GOAL_IDS) for t in TYPE_IDS}


@lru_cache(maxsize=4)
def _types(directory: str) -> dict[str, dict]:
    with open(Path(directory) / "types.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)["types"]


def type_profiles() -> dict[str, dict]:
    """types.yml content keyed by type id (treat as read-only)."""
    return _types(str(study_dir()))


def type_profile(type_id: str) -> dict:
    profiles = type_profiles()
    if type_id not in profiles:
        raise KeyError(f"Unbekannter Kommunentyp {type_id!r}")
    return profiles[type_id]


def type_name(type_id: str) -> str:
    return TYPE_NAMES[type_id]
