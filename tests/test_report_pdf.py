"""Report PDFs (reportlab): pages, German content read back with pdftotext, no personal data."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from dteam.followup.measurement import Measurement
from dteam.followup.team import team_result
from dteam.report.pdf import result_report, team_report
from dteam.report.service import report_for_code
from dteam.storage import database
from dteam.storage.codes import CodeStore
from dteam.study.data import TYPE_NAMES

FULL_ANSWERS = {
    "municipality_kind": "stadt",
    "inhabitants": 45_000,
    "strategy": "in_entwicklung",
    "responsibility": ["cio"],
    "egov_components": ["dms", "e_payment"],
    "fim_known": "nein",
    "data_use": ["prozessoptimierung"],
    "training": ["fachverfahren"],
    "participation": ["maengelmelder"],
    "fibre": ["foerdermittel"],
    "community_support": ["wlan"],
}


def pdf_text(data: bytes) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is part of the machine set-up"
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_result_report_has_type_motto_reasons_comparisons_sources_date_and_code() -> None:
    m = Measurement.from_interview(["effizienz", "leistungsangebot"], FULL_ANSWERS, dt.date(2026, 11, 30))
    data = result_report("DT-7K3QF-M2X9A", m)
    assert data.startswith(b"%PDF-")
    assert 2 <= pages(data) <= 4
    text = pdf_text(data)
    for expected in (
        TYPE_NAMES[m.type_id],
        "DT-7K3QF-M2X9A",
        "30.11.2026",
        "Warum dieser Typ?",
        "Ihre Verwaltung im Vergleich",
        "Von den anderen Typen lernen",
        "Quellen",
        "Tabelle 1",
        "Bürgernähe" if "buergernaehe" in m.goals else "Effizienz",
    ):
        assert expected in text, expected
    # same input, same bytes (no timestamps or random ids)
    assert result_report("DT-7K3QF-M2X9A", m) == data


def test_repeat_report_contains_then_now_and_target() -> None:
    then = Measurement.from_interview(["effizienz", "leistungsangebot"], FULL_ANSWERS, dt.date(2025, 11, 3))
    now = Measurement.from_interview(
        ["buergernaehe", "effizienz"], {"strategy": "vorhanden"}, dt.date(2026, 11, 30), ["innovation"]
    )
    text = pdf_text(result_report("DT-AAAAA-BBBBB", now, ("DT-CCCCC-DDDDD", then)))
    assert "damals → heute" in text and "03.11.2025" in text and "DT-CCCCC-DDDDD" in text
    assert "Zielzustand in drei Jahren" in text


def test_team_report_shows_counts_and_means_only() -> None:
    members = [
        Measurement.from_interview(goals, {}, dt.date(2026, 11, 30))
        for goals in (["effizienz"], ["buergernaehe", "effizienz"], ["rechtliche_vorgaben"])
    ]
    result = team_result(members)
    data = team_report("TEAM-AAAAA-BBBBB", result, dt.date(2026, 11, 30))
    text = pdf_text(data)
    assert "TEAM-AAAAA-BBBBB" in text and result.type_name in text and "3 abgeschlossenen" in text
    assert 1 <= pages(data) <= 4


@pytest.fixture
def store(tmp_path):
    yield CodeStore(f"sqlite:///{tmp_path}/codes.db", secret=b"s")
    database.forget_engines()


def test_service_finds_reports_by_code_only(store) -> None:
    code = store.save_measurement("conv-secret-id", Measurement.from_interview(["effizienz"], FULL_ANSWERS))
    data = report_for_code(code.lower(), store)
    assert data is not None and code in pdf_text(data)
    assert "conv-secret-id" not in pdf_text(data) and b"conv-secret-id" not in data
    assert report_for_code("DT-00000-00000", store) is None
    assert report_for_code("nonsense", store) is None
    team = store.create_team("a")
    for member in ("a", "b"):
        store.join_team(team, member)
        store.save_measurement(member, Measurement.from_interview(["effizienz"], {}))
    assert report_for_code(team, store) is None  # two finished members: no team summary yet
    store.join_team(team, "c")
    store.save_measurement("c", Measurement.from_interview(["buergernaehe"], {}))
    assert team in pdf_text(report_for_code(team, store))


def test_longest_report_stays_within_four_pages() -> None:
    from dteam.interview import practices

    every = {
        q: [o.value for o in practices.QUESTIONS[q].options] if practices.QUESTIONS[q].multi else "vorhanden"
        for q in practices.PRACTICE_IDS
    }
    every["fim_known"] = "ja"
    nothing = {q: [] for q in practices.PRACTICE_IDS if practices.QUESTIONS[q].multi}
    nothing.update(strategy="keine", fim_known="nein")
    then = Measurement.from_interview(
        ["rechtliche_vorgaben", "foerdermittel", "effizienz"], nothing, dt.date(2025, 1, 1)
    )
    now = Measurement.from_interview(
        ["attraktivitaet", "leistungsangebot", "innovation"],
        {**every, "municipality_kind": "kreis"},
        dt.date(2026, 1, 1),
        ["innovation", "wirtschaft", "zivilgesellschaft"],
    )
    data = result_report("DT-AAAAA-BBBBB", now, ("DT-CCCCC-DDDDD", then))
    assert 2 <= pages(data) <= 4
