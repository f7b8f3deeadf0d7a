"""Document ingestion (Markdown, text, PDF) into the knowledge base: chunks, citations, broken files."""

import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest
from matplotlib.backends.backend_pdf import PdfPages

from dteam.kb import KIND_ANSWER, KIND_NO_ANSWER, build_knowledge_base
from dteam.kb.ingest import (
    document_chunks,
    ingest_folder,
    read_chunks,
    split_into_chunks,
    write_chunks,
)

REPO = Path(__file__).resolve().parent.parent
SYNONYMS = REPO / "knowledge" / "synonyms.yml"

PAGE_TEXTS = [
    "Dienstanweisung Digitalisierung. Allgemeine Regeln fuer alle Beschaeftigten der Verwaltung.",
    "Elektronische Rechnungen werden ausschliesslich ueber das Rechnungseingangsportal angenommen.",
    "Die Aufbewahrungsfrist fuer elektronische Akten betraegt zehn Jahre nach Abschluss des Vorgangs.",
]


def make_pdf(path: Path, pages=PAGE_TEXTS) -> None:
    with matplotlib.rc_context({"pdf.fonttype": 42}):  # TrueType, so the text layer is extractable
        with PdfPages(path) as pdf:
            for text in pages:
                figure = plt.figure(figsize=(8.27, 11.69))
                figure.text(0.05, 0.9, text, fontsize=9)
                pdf.savefig(figure)
                plt.close(figure)


@pytest.fixture()
def documents(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    make_pdf(folder / "Dienstanweisung.pdf")
    (folder / "kaputt.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage without xref"
    )
    (folder / "Leitfaden.md").write_text(
        "# Leitfaden Videokonferenzen\n\nFür Videokonferenzen nutzen alle Ämter ausschließlich das "
        "städtische Konferenzsystem; private Zugänge sind nicht erlaubt.\n\n"
        "## Datenschutz\n\nAufzeichnungen von Videokonferenzen brauchen die Zustimmung aller "
        "Teilnehmenden.\n",
        encoding="utf-8",
    )
    (folder / "notiz.txt").write_bytes(
        "Die Telefonzentrale ist werktags von 8 bis 16 Uhr erreichbar; Rückrufe übernimmt das "
        "Bürgerbüro.".encode("cp1252")
    )
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n")
    (folder / "README.md").write_text("# Ordner\nHier Dokumente ablegen.", encoding="utf-8")
    return folder


def test_pdf_chunks_are_cited_by_file_and_page(documents):
    chunks = document_chunks(documents / "Dienstanweisung.pdf", progress=False)
    assert [c.citation for c in chunks] == [
        "Quelle: Dienstanweisung.pdf, S. 1",
        "Quelle: Dienstanweisung.pdf, S. 2",
        "Quelle: Dienstanweisung.pdf, S. 3",
    ]
    assert "Rechnungseingangsportal" in chunks[1].body
    assert all(c.source == "dokument" for c in chunks)
    assert len({c.id for c in chunks}) == 3


def test_folder_ingestion_keeps_going_after_a_broken_file(documents):
    chunks, report = ingest_folder(documents, progress=False)
    assert sorted(report.files_read) == ["Dienstanweisung.pdf", "Leitfaden.md", "notiz.txt"]
    assert [name for name, _ in report.files_failed] == ["kaputt.pdf"]
    assert "PDF" in report.files_failed[0][1]
    assert report.files_ignored == ["bild.png"]  # README.md is documentation, not content
    citations = {c.citation for c in chunks}
    assert "Quelle: Leitfaden.md, Abschnitt „Datenschutz“" in citations
    assert "Quelle: notiz.txt" in citations
    notiz = next(c for c in chunks if c.citation == "Quelle: notiz.txt")
    assert "Rückrufe" in notiz.body  # cp1252 file decoded correctly


def test_ingested_documents_are_answered_next_to_entries(documents, tmp_path):
    chunks, _ = ingest_folder(documents, progress=False)
    chunk_file = tmp_path / "index" / "documents.jsonl"
    write_chunks(chunks, chunk_file)
    assert len(read_chunks(chunk_file)) == len(chunks)
    kb = build_knowledge_base(
        entries_dir=REPO / "tests" / "fixtures" / "kb_entries", synonyms_file=SYNONYMS, chunks_file=chunk_file
    )
    answer = kb.answer("Wie lange muss man elektronische Akten aufbewahren?")
    assert answer.kind == KIND_ANSWER
    assert answer.citation == "Quelle: Dienstanweisung.pdf, S. 3"
    assert answer.speaker_hint == ""
    answer = kb.answer("Dürfen wir Videokonferenzen aufzeichnen?")
    assert answer.citation == "Quelle: Leitfaden.md, Abschnitt „Datenschutz“"
    # Curated entries still win their own questions.
    assert kb.answer("Was ist FIM?").entry_id == "fx-studie-begriff-fim"
    assert kb.answer("Wer ist Bundeskanzler?").kind == KIND_NO_ANSWER


def test_split_into_chunks_respects_the_size_limit():
    text = ("Ein Satz über Digitalisierung in der Verwaltung. " * 60) + "\n\n" + "x" * 2000
    chunks = split_into_chunks(text, max_chars=300)
    assert all(len(chunk) <= 300 for chunk in chunks)
    assert "".join(chunks).replace(" ", "").count("x") == 2000


def test_cli_reports_broken_file_and_writes_chunks(documents, tmp_path):
    output = tmp_path / "out.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dteam.kb.ingest",
            "--documents",
            str(documents),
            "--output",
            str(output),
            "--no-progress",
            "--no-index",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "NICHT eingelesen: kaputt.pdf" in result.stdout
    assert "3 Datei(en) eingelesen, 1 fehlerhaft" in result.stdout
    assert len(read_chunks(output)) >= 5


def test_missing_folder_gives_empty_result(tmp_path):
    chunks, report = ingest_folder(tmp_path / "gibt-es-nicht", progress=False)
    assert chunks == [] and report.files_read == []


def test_prebuilt_index_is_used_only_while_sources_are_unchanged(tmp_path, monkeypatch):
    import shutil

    from dteam.kb import load_prebuilt_index, save_prebuilt_index

    entries = tmp_path / "entries"
    shutil.copytree(REPO / "tests" / "fixtures" / "kb_entries", entries)
    monkeypatch.setenv("KB_ENTRIES_DIR", str(entries))
    monkeypatch.setenv("KB_CHUNKS_FILE", str(tmp_path / "documents.jsonl"))
    monkeypatch.setenv("KB_INDEX_FILE", str(tmp_path / "kb_index.pkl"))
    kb = build_knowledge_base()
    save_prebuilt_index(kb)
    loaded = load_prebuilt_index()
    assert loaded is not None and len(loaded) == len(kb)
    assert loaded.answer("Was ist FIM?").entry_id == "fx-studie-begriff-fim"
    # A changed entry makes the file stale: the caller rebuilds instead of answering from old text.
    lotse = entries / "thesen" / "fx-thesen-lotse.md"
    lotse.write_text(lotse.read_text(encoding="utf-8") + "\nErgänzung.\n", encoding="utf-8")
    assert load_prebuilt_index() is None
    (tmp_path / "kb_index.pkl").write_bytes(b"kaputt")
    assert load_prebuilt_index() is None
