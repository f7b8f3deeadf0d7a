"""Ingest user documents (Markdown, text, PDF) into knowledge-base chunks.

Run via `make kb` or `python -m dteam.kb.ingest [--documents DIR] [--output FILE]`.
The folder defaults to env KB_DOCUMENTS_DIR or knowledge/documents/; chunks are written as JSON lines
to knowledge/index/documents.jsonl and loaded next to the curated entries at run time.
Pure module: no Rasa import.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .entries import KBEntry
from .text import fold

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".pdf": "pdf"}
CHUNK_CHARS = 700
MIN_CHUNK_CHARS = 40
PROGRESS_MIN_PAGES = 5


@dataclass
class IngestReport:
    files_read: list[str] = field(default_factory=list)
    files_failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, German reason)
    files_ignored: list[str] = field(default_factory=list)
    chunks: int = 0


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "dokument"


def split_into_chunks(text: str, max_chars: int = CHUNK_CHARS) -> list[str]:
    """Paragraph-aware chunks of at most about max_chars; long paragraphs split at sentences."""
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    pieces: list[str] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if len(paragraph) <= max_chars:
            pieces.append(paragraph)
            continue
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        current = ""
        for sentence in sentences:
            while len(sentence) > max_chars:  # a "sentence" without full stops (lists, tables)
                cut = sentence.rfind(" ", 0, max_chars)
                cut = cut if cut > max_chars // 2 else max_chars
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(sentence[:cut].strip())
                sentence = sentence[cut:].strip()
            if current and len(current) + 1 + len(sentence) > max_chars:
                pieces.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            pieces.append(current)
    chunks: list[str] = []
    for piece in pieces:
        # Merge short neighbours (headings, one-liners) so chunks carry enough context.
        if (
            chunks
            and (len(chunks[-1]) < MIN_CHUNK_CHARS * 3 or len(piece) < MIN_CHUNK_CHARS)
            and len(chunks[-1]) + len(piece) + 1 <= max_chars
        ):
            chunks[-1] = f"{chunks[-1]} {piece}"
        else:
            chunks.append(piece)
    return [chunk for chunk in chunks if len(chunk) >= MIN_CHUNK_CHARS or len(chunks) == 1]


def _read_text_file(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("unbekannte Zeichenkodierung")


def _pdf_pages(path: Path, progress: bool) -> Iterator[tuple[int, str]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as error:
                raise ValueError("die PDF-Datei ist verschlüsselt") from error
        pages = reader.pages
        page_count = len(pages)
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"die PDF-Datei ist beschädigt oder kein PDF ({error})") from error
    iterator = range(page_count)
    if progress and page_count >= PROGRESS_MIN_PAGES:
        from tqdm import tqdm

        iterator = tqdm(iterator, desc=path.name, unit="S.", file=sys.stderr)
    for page_index in iterator:
        try:
            text = pages[page_index].extract_text() or ""
        except Exception as error:
            logger.warning("%s, S. %d: Seite nicht lesbar (%s)", path.name, page_index + 1, error)
            continue
        yield page_index + 1, text


def _markdown_sections(text: str) -> Iterator[tuple[str, str]]:
    """(heading, section text) pairs; text before the first heading has heading ''."""
    heading, lines = "", []
    for line in text.splitlines():
        match = re.match(r"^#{1,6}\s+(.*)", line)
        if match:
            if any(text.strip() for text in lines):
                yield heading, "\n".join(lines)
            heading, lines = match.group(1).strip(), []
        else:
            lines.append(line)
    if any(text.strip() for text in lines):
        yield heading, "\n".join(lines)


def document_chunks(path: Path, progress: bool = True) -> list[KBEntry]:
    """Chunks of one document; raises ValueError with a German reason if it cannot be read."""
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ValueError("Dateityp wird nicht unterstützt")
    name = path.name
    base_id = "dok-" + _slug(path.stem)
    chunks: list[KBEntry] = []

    def add(text: str, citation: str, title: str, id_part: str):
        for number, chunk in enumerate(split_into_chunks(text), start=1):
            chunks.append(
                KBEntry(
                    id=f"{base_id}-{id_part}-{number}",
                    title=title,
                    body=chunk,
                    source="dokument",
                    citation=citation,
                    keywords=[path.stem],
                    path=str(path),
                )
            )

    if kind == "pdf":
        for page, text in _pdf_pages(path, progress):
            if text.strip():
                add(text, f"Quelle: {name}, S. {page}", f"{path.stem}, S. {page}", f"s{page}")
    else:
        try:
            text = _read_text_file(path)
        except (OSError, ValueError) as error:
            raise ValueError(f"die Datei ist nicht lesbar ({error})") from error
        if kind == "markdown":
            for number, (heading, section) in enumerate(_markdown_sections(text), start=1):
                citation = f"Quelle: {name}" + (f", Abschnitt „{heading}“" if heading else "")
                title = heading or path.stem
                add(section, citation, title, f"a{number}")
        else:
            add(text, f"Quelle: {name}", path.stem, "t")
    if not chunks:
        raise ValueError("kein lesbarer Text gefunden (z. B. eingescanntes PDF ohne Textebene)")
    return chunks


def iter_document_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name.lower() != "readme.md" and not p.name.startswith(".")
    )


def ingest_folder(folder: Path, progress: bool = True) -> tuple[list[KBEntry], IngestReport]:
    report = IngestReport()
    all_chunks: list[KBEntry] = []
    for path in iter_document_files(folder):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            report.files_ignored.append(path.name)
            continue
        try:
            chunks = document_chunks(path, progress=progress)
        except ValueError as error:
            report.files_failed.append((path.name, str(error)))
            continue
        except Exception as error:
            report.files_failed.append((path.name, f"unerwarteter Fehler: {error}"))
            continue
        report.files_read.append(path.name)
        all_chunks.extend(chunks)
    report.chunks = len(all_chunks)
    return all_chunks, report


def write_chunks(chunks: Iterable[KBEntry], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_suffix(output.suffix + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    temporary.replace(output)  # atomic: a running bot never sees a half-written file


def read_chunks(path: Path) -> list[KBEntry]:
    chunks: list[KBEntry] = []
    if not path.is_file():
        return chunks
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            chunks.append(KBEntry(**json.loads(line)))
        except (TypeError, ValueError) as error:
            logger.warning("Skipping broken document chunk line: %s", error)
    return chunks


def main(argv: list[str] | None = None) -> int:
    from . import config

    parser = argparse.ArgumentParser(description="Dokumente für die Wissensbasis einlesen (make kb).")
    parser.add_argument(
        "--documents", type=Path, default=config.documents_dir(), help="Ordner mit Dokumenten"
    )
    parser.add_argument("--output", type=Path, default=config.chunks_file(), help="Ausgabedatei (JSON lines)")
    parser.add_argument("--no-progress", action="store_true", help="keinen Fortschrittsbalken zeigen")
    parser.add_argument("--no-index", action="store_true", help="nur Dokumente einlesen, keinen Index bauen")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    chunks, report = ingest_folder(args.documents, progress=not args.no_progress)
    write_chunks(chunks, args.output)
    print(f"Dokumentenordner: {args.documents}")
    for name in report.files_read:
        print(f"  eingelesen: {name}")
    for name, reason in report.files_failed:
        print(f"  NICHT eingelesen: {name} – {reason}")
    for name in report.files_ignored:
        print(f"  übersprungen (Dateityp nicht unterstützt): {name}")
    print(
        f"{len(report.files_read)} Datei(en) eingelesen, {len(report.files_failed)} fehlerhaft, "
        f"{report.chunks} Abschnitte -> {args.output} ({time.perf_counter() - started:.1f} s)"
    )
    if not args.no_index:
        from . import build_knowledge_base, save_prebuilt_index

        started = time.perf_counter()
        kb = build_knowledge_base(chunks_file=args.output)
        if args.output == config.chunks_file():
            from dteam.semantic import encode_on_every_core

            from .semantic import attach_vectors

            encode_on_every_core()  # an offline build: the servers' one-thread rule is for answering users

            started_vectors = time.perf_counter()
            if attach_vectors(kb, encode=True):
                print(
                    f"e5-Vektoren: {len(kb.semantic.entry_ids)} Einträge, "
                    f"{len(kb.semantic.questions)} Fragen, {len(kb.semantic.sentences)} Sätze in "
                    f"{time.perf_counter() - started_vectors:.1f} s "
                    f"-> {config.vector_cache_file()}"
                )
                from dteam.interview.semantic_match import warm_up

                warm_up()  # option sentences of the interview, cached next to the entry vectors
                kb.comparison.row_vectors()  # the study's table rows, for "Welche Gruppe … am meisten?"
            else:
                print("e5-Vektoren: semantische Schicht aus (lexikalischer Weg)")
            target = save_prebuilt_index(kb)
            print(f"Index gebaut: {len(kb)} Einträge in {time.perf_counter() - started:.1f} s -> {target}")
        else:
            print(f"Index geprüft: {len(kb)} Einträge in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
