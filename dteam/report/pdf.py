"""Printable reports (reportlab): the result of one self-test and the summary of a team.

For a council meeting or the leadership: 2-4 A4 pages, German, no personal data (what is printed
comes from the stored snapshot behind the code: goal ids, type, answer codes, kind of
municipality). Fonts are the DejaVu fonts shipped with matplotlib, so every character of the texts
(„“ → •) prints and pdftotext reads it back. Output is deterministic for the same input
(invariant mode, fixed creation date = measurement date).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dteam.followup.compare import compare, comparison_text
from dteam.followup.measurement import Measurement, german_date
from dteam.followup.target import target_result, target_text
from dteam.followup.team import TeamResult, team_text
from dteam.interview.goals import GOAL_LABELS
from dteam.result import chart
from dteam.result.content import build_result
from dteam.study.data import STUDY_CITATION, TYPE_IDS, TYPE_NAMES, type_profile

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ACCENT = colors.HexColor("#1f4e79")
PRODUCT = "D-Team-Assistent"

rl_config.invariant = 1  # no random document id / timestamps: same input, same bytes


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    font_dir = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(font_dir / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_dir / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, alignment=TA_LEFT, spaceAfter=3)
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10, textColor=colors.HexColor("#444444")
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=9, textColor=ACCENT
        ),
        "body": base,
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=10, bulletIndent=0),
        "source": ParagraphStyle(
            "source", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#555555")
        ),
        "motto": ParagraphStyle(
            "motto", parent=base, fontSize=11, leading=15, textColor=colors.HexColor("#333333")
        ),
    }


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _markup(text: str) -> str:
    """Chat text (with **bold**) as safe reportlab paragraph markup."""
    return _BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False))


def _text_block(text: str, styles: dict[str, ParagraphStyle], skip_heading: bool = True) -> list:
    """A chat message as paragraphs: "• " lines become bullets, "Quelle:" lines small print."""
    flow = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if skip_heading and _BOLD.fullmatch(line):
            continue  # the section heading is printed separately
        if line.startswith("•"):
            flow.append(Paragraph(_markup(line.lstrip("• ").strip()), styles["bullet"], bulletText="•"))
        elif line.startswith("Quelle:"):
            flow.append(Paragraph(_markup(line), styles["source"]))
        else:
            flow.append(Paragraph(_markup(line), styles["body"]))
    return flow


def _footer(code: str, day: dt.date):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(2 * cm, 1.2 * cm, f"{PRODUCT} · Code {code} · Stand {german_date(day)}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Seite {doc.page}")
        canvas.restoreState()

    return draw


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        title=title,
        author=PRODUCT,
        subject="Selbsttest Kommunentypen",
        creator=PRODUCT,
    )


def _goal_table(goals: Sequence[str], styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Rang", "Digitalisierungsziel"]] + [[str(i), GOAL_LABELS[g]] for i, g in enumerate(goals, 1)]
    table = Table(rows, colWidths=[2 * cm, 12 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    return table


def _sources(extra: Iterable[str] = ()) -> list[str]:
    return [
        f"{STUDY_CITATION}: Clusterzentren (Tabelle 1), Typanteile (Tabelle 2), Vergleichswerte "
        "(Tabellen 5–16), Typbeschreibungen (Kapitel 3–7, Steckbriefe).",
        *extra,
        "Die Einordnung ist eine Selbsteinschätzung mit dem D-Team-Assistenten, keine Erhebung der Studie.",
    ]


def result_report(
    code: str,
    measurement: Measurement,
    previous: tuple[str, Measurement] | None = None,
) -> bytes:
    """PDF of one self-test; `previous` = (code, measurement) of the earlier test it was compared with."""
    styles = _styles()
    answers = dict(measurement.answers)
    if measurement.municipality_kind:
        answers["municipality_kind"] = measurement.municipality_kind
    content = build_result(list(measurement.goals), answers)
    profile = type_profile(measurement.type_id)
    name = TYPE_NAMES[measurement.type_id]
    story: list = [
        Paragraph("Bericht zum Selbsttest Kommunentypen", styles["title"]),
        Paragraph(
            f"Erstellt mit dem {PRODUCT} am {german_date(measurement.completed_on)} · Rückkehrcode {code}",
            styles["subtitle"],
        ),
        Spacer(1, 6),
        Paragraph(f"Ergebnis: <b>{html.escape(name)}</b>", styles["h2"]),
        Paragraph(f"„{html.escape(str(profile['motto']).strip())}“", styles["motto"]),
    ]
    if measurement.is_mixed:
        story.append(
            Paragraph(
                f"Mischform: Das Profil liegt fast genauso nah beim Typ {TYPE_NAMES[content.runner_up]}.",
                styles["body"],
            )
        )
    story += [
        Paragraph("Die wichtigsten Digitalisierungsziele", styles["h2"]),
        _goal_table(measurement.goals, styles),
    ]
    sources: list[str] = []
    for section in content.sections:
        if section.id == "headline":
            continue
        block = [Paragraph(_markup(section.title), styles["h2"])] if section.title else []
        block += _text_block("\n".join(section.lines), styles)
        story.append(KeepTogether(block[:3]))
        story += block[3:]
        if section.source:
            sources.append(section.source.removeprefix("Quelle: "))
        if section.id == "why":
            png = chart.render_png(list(measurement.goals))
            story += [Spacer(1, 4), Image(io.BytesIO(png), width=16 * cm, height=9 * cm)]
    if previous is not None:
        previous_code, earlier = previous
        story.append(Paragraph("Wiederholungsmessung: damals → heute", styles["h2"]))
        story += _text_block(comparison_text(compare(earlier, measurement), previous_code), styles)
    if measurement.target_goals:
        story.append(Paragraph("Zielzustand in drei Jahren", styles["h2"]))
        target = target_result(list(measurement.target_goals), measurement.type_id)
        story += _text_block(target_text(target), styles)
    story.append(Paragraph("Quellen", styles["h2"]))
    story += [Paragraph(_markup(s), styles["source"]) for s in dict.fromkeys(_sources(sources))]
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Dieser Bericht enthält keine personenbezogenen Daten. Mit dem Rückkehrcode lässt sich der "
            "Selbsttest später wiederholen und vergleichen; »Meine Daten löschen " + code + "« löscht ihn.",
            styles["source"],
        )
    )
    buffer = io.BytesIO()
    doc = _document(buffer, f"Bericht zum Selbsttest – {name}")
    footer = _footer(code, measurement.completed_on)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def team_report(code: str, result: TeamResult, day: dt.date | None = None) -> bytes:
    """Printable team summary for a D-Team workshop (only counts and means, nobody's answers)."""
    styles = _styles()
    day = day or dt.datetime.now(dt.timezone.utc).date()
    story: list = [
        Paragraph("D-Team: Zusammenfassung für das Team", styles["title"]),
        Paragraph(f"Erstellt mit dem {PRODUCT} am {german_date(day)} · Teamcode {code}", styles["subtitle"]),
        Paragraph(f"Gemeinsamer Typ: <b>{html.escape(result.type_name)}</b>", styles["h2"]),
        Paragraph(f"„{html.escape(str(type_profile(result.type_id)['motto']).strip())}“", styles["motto"]),
    ]
    story += _text_block(team_text(result), styles)
    rows = [["Typ", "Mitglieder", "Abstand des Teamprofils"]] + [
        [TYPE_NAMES[t], str(result.type_counts[t]), f"{result.distances[t]:.2f}".replace(".", ",")]
        for t in TYPE_IDS
    ]
    table = Table(rows, colWidths=[6 * cm, 3 * cm, 5 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    story += [Paragraph("Verteilung im Team", styles["h2"]), table]
    story.append(Paragraph("Quellen", styles["h2"]))
    story += [Paragraph(_markup(s), styles["source"]) for s in _sources()]
    story.append(
        Paragraph(
            f"Gezeigt werden nur Anzahlen und Mittelwerte von {result.members} abgeschlossenen Selbsttests; "
            "einzelne Antworten und Namen enthält die Zusammenfassung nicht.",
            styles["source"],
        )
    )
    buffer = io.BytesIO()
    doc = _document(buffer, f"D-Team-Zusammenfassung – {result.type_name}")
    footer = _footer(code, day)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
