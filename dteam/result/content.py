"""Result content: type, reasons, type profile, comparison of the answers with the study, and
personal "learn from the other types" suggestions. Pure module.

`build_result(...)` returns structured sections; `ResultContent.messages()` packs them into 2-5
chat messages. All figures come from knowledge/study/ (Tables 1-3, 5-16) and are cited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dteam.interview import practices
from dteam.interview.goals import GOAL_LABELS
from dteam.interview.practices import QUESTIONS, SKIPPED
from dteam.study.data import (
    STUDY_CITATION,
    TOTAL_COLUMN,
    TYPE_DATIVE,
    TYPE_IDS,
    TYPE_NAMES,
    get_table,
    type_profile,
)
from dteam.study.typology import TypologyResult, classify
from dteam.text import format_number

# "die Optimierer", "der Optimierer" (genitive), "den Optimierern" (dative, from dteam.study.data)
PLURAL = {
    "bedaechtige": "die Bedächtigen",
    "optimierer": "die Optimierer",
    "serviceorientierte": "die Serviceorientierten",
    "community_manager": "die Community Manager",
}
GENITIVE = {
    "bedaechtige": "der Bedächtigen",
    "optimierer": "der Optimierer",
    "serviceorientierte": "der Serviceorientierten",
    "community_manager": "der Community Manager",
}
DATIVE = TYPE_DATIVE
KIND_DATIVE = {"gemeinde": "Gemeinden", "stadt": "Städten", "kreis": "Kreisen"}
RANK_WORDS = ("wichtigstes", "zweitwichtigstes", "drittwichtigstes")
LEAD_FACTOR = 1.15  # a type "leads" in a practice when it is at least 15 % above all respondents
MAX_SUGGESTIONS = 3
MAX_LINES_PER_QUESTION = 3

# Options the study asked about that no longer exist: never suggested, marked in comparisons.
DISCONTINUED = {("egov_components", "de_mail"): "De-Mail wurde inzwischen eingestellt"}
# A concrete step per question; {label} is the option's German noun phrase (accusative-ready).
STEP_TEMPLATES = {
    "strategy": "Eine eigene Digitalisierungsstrategie erarbeiten",
    "responsibility": "Die Digitalisierung auch {label} zuordnen",
    "egov_components": "{label} einführen",
    "fim_known": "FIM kennenlernen und nutzen (Leistungsbeschreibungen, Formulare, Prozesse)",
    "data_use": "{label} nutzen",
    "training": "{label} anbieten",
    "participation": "{label} anbieten",
    "fibre": "Glasfaser: {label} prüfen",
    "community_support": "{label} fördern",
}
STEP_LABELS = {  # where the noun phrase does not fit the template as is
    ("responsibility", "fachbereich_it"): "dem Fachbereich IT",
    ("responsibility", "fachbereich_organisation"): "dem Fachbereich Organisation",
    ("responsibility", "hvb"): "der Verwaltungsspitze (HVB)",
    ("responsibility", "cio"): "einer/einem CIO",
    ("responsibility", "cdo"): "einer/einem CDO",
    ("responsibility", "steuerungsunterstuetzung"): "der zentralen Steuerungsunterstützung",
    ("responsibility", "fachdezernate"): "den Fachdezernaten",
    ("community_support", "startups"): "Start-ups",
}
# Varied closing sentences, one per suggestion.
STEP_CLOSERS = (
    "Fragen Sie eine Kommune dieses Typs nach ihren Erfahrungen.",
    "Deren Vorgehen nachzunutzen, spart Zeit.",
    "Ein Austausch mit Kommunen dieses Typs kann sich lohnen.",
)

ADMIN_QUESTIONS = ("strategy", "responsibility", "egov_components", "fim_known", "data_use", "training")
COMMUNITY_QUESTIONS = ("participation", "fibre", "community_support")


def fmt(value: float, decimals: int = 1) -> str:
    """German number with one decimal by default: 33,3 / 2,75."""
    return format_number(value, decimals)


def source(tables: Sequence[int] = (), chapters: Sequence[str] = ()) -> str:
    parts = []
    tables = sorted(set(tables))
    if tables:
        parts.append(("Tabelle " if len(tables) == 1 else "Tabellen ") + ", ".join(str(t) for t in tables))
    if chapters:
        parts.append(("Kapitel " if len(chapters) == 1 else "Kapitel ") + ", ".join(chapters))
    return "Quelle: " + STUDY_CITATION + (", " + "; ".join(parts) if parts else "")


@dataclass
class Section:
    id: str
    title: str
    lines: list[str]
    source: str = ""
    tables: list[int] = field(default_factory=list)

    def text(self) -> str:
        body = "\n".join(self.lines)
        head = f"**{self.title}**\n" if self.title else ""
        tail = f"\n{self.source}" if self.source else ""  # plain text: every channel shows it as is
        return head + body + tail


@dataclass
class ResultContent:
    type_id: str
    type_name: str
    is_mixed: bool
    runner_up: str
    typology: TypologyResult
    sections: list[Section]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def messages(self) -> list[str]:
        """2-5 chat messages: result+why, profile+context, comparison(s), suggestions."""
        groups = [
            ("headline", "why"),
            ("profile", "context"),
            ("compare_admin",),
            ("compare_community",),
            ("learn",),
        ]
        messages = []
        for group in groups:
            parts = [self.section(i).text() for i in group if self.section(i)]
            if parts:
                messages.append("\n\n".join(parts))
        # Two short comparison messages read better as one.
        if (
            len(messages) > 4
            and len(messages[2]) + len(messages[3]) < 900
            and self.section("compare_admin")
            and self.section("compare_community")
        ):
            messages[2:4] = [messages[2] + "\n\n" + messages[3]]
        return messages


def _is_answered(value: Any) -> bool:
    return value is not None and value != SKIPPED


def _value_text(table: int, row_id: str, column: str) -> str:
    info = get_table(table).info
    value = get_table(table).row(row_id).value(column)
    unit = info.unit_of(row_id)
    if unit == "percent":
        return f"{fmt(value)} %"
    if unit == "scale_0_3":
        return f"{fmt(value, 2)} (Skala 0–3)"
    if unit == "scale_0_4":
        return f"{fmt(value, 2)} (Skala 0–4)"
    return fmt(value, 2)


def _comparison_line(label: str, yours: str, table: int, row_id: str, type_id: str) -> str:
    return (
        f"• {label}: Sie {yours} — {PLURAL[type_id].split(' ', 1)[1]} "
        f"{_value_text(table, row_id, type_id)}, alle Befragten {_value_text(table, row_id, TOTAL_COLUMN)}"
    )


# A goal is "das Kennzeichen" of a type only where its centre is high: each type's defining goal lies at
# 2.5-2.9 of 3 in Table 1, every other centre at most 1.08. The study reads the centres relatively (the
# highest of a row is the goal's type, Kap. 3), so a low row still names the type that weighs it most.
HALLMARK_MIN_CENTRE = 1.5
# Below this, all types rarely rank the goal (Fördermittel at most 0.24, Innovation 0.08).
RARE_MAX_CENTRE = 0.5


def goal_leader(goal: str) -> tuple[str, float]:
    """The type whose centre (Table 1) weighs `goal` most, and that centre."""
    row = get_table(1).row(goal)
    leader = max(TYPE_IDS, key=lambda t: row.value(t))
    return leader, row.value(leader)


def _why_section(result: TypologyResult, goals: Sequence[str]) -> Section:
    lines = []
    for index, goal in enumerate(goals):
        leader, centre = goal_leader(goal)
        lead_value = fmt(centre, 2)
        ordinal = RANK_WORDS[index]
        label = GOAL_LABELS[goal]
        if centre < RARE_MAX_CENTRE:
            lines.append(
                f"• Ihr {ordinal} Ziel „{label}“ steht bei allen Typen selten vorn, relativ am häufigsten "
                f"bei {DATIVE[leader]} (Zentrum {lead_value} von 3)."
            )
        elif leader == result.type_id and centre < HALLMARK_MIN_CENTRE:
            lines.append(
                f"• Ihr {ordinal} Ziel „{label}“ wiegt bei {DATIVE[leader]} am meisten "
                f"(Zentrum {lead_value} von 3)."
            )
        elif leader == result.type_id:
            lines.append(
                f"• Ihr {ordinal} Ziel „{label}“ ist das Kennzeichen {GENITIVE[leader]} "
                f"(Zentrum {lead_value} von 3)."
            )
        else:
            own = fmt(get_table(1).row(goal).value(result.type_id), 2)
            lines.append(
                f"• Ihr {ordinal} Ziel „{label}“ zieht eher zu {DATIVE[leader]} "
                f"(Zentrum {lead_value}; {TYPE_NAMES[result.type_id]}: {own})."
            )
    ranking = result.ranking()
    lines.append(
        "Abstand Ihres Profils zu den Typzentren (kleiner = ähnlicher): "
        + " · ".join(f"{TYPE_NAMES[t]} {fmt(result.distances[t], 2)}" for t in ranking)
        + "."
    )
    if result.weak_fit:
        lines.append(
            "Ihre Ziele passen zu keinem Typ besonders deutlich – das Ergebnis ist daher eher eine Tendenz."
        )
    return Section("why", "Warum dieser Typ?", lines, source([1]), [1])


def _headline(result: TypologyResult) -> Section:
    profile = type_profile(result.type_id)
    name = TYPE_NAMES[result.type_id]
    lines = [f"Ihre Kommune ähnelt am meisten dem Typ **{name}** – „{profile['motto']}“"]
    if result.is_mixed:
        lines.append(
            f"Ihr Profil liegt aber fast genauso nah bei {DATIVE[result.runner_up]}: "
            f"Sie sind eine Mischform der Typen {name} und {TYPE_NAMES[result.runner_up]}. "
            "Solche Mischformen kommen auch in der Studie vor."
        )
    return Section("headline", "", lines)


def _profile_section(type_id: str) -> Section:
    profile = type_profile(type_id)
    lines = [profile["profile"].strip()]
    strengths = profile.get("strengths", [])[:2]
    if strengths:
        lines.append("Stärken: " + " ".join(s["text"] for s in strengths))
    tables = sorted({t for s in strengths for t in s.get("tables", [])})
    chapters = sorted(
        {"3"} | {c.strip() for s in strengths for c in str(s.get("chapter", "")).split(",") if c.strip()}
    )
    return Section(
        "profile", f"Der Typ {TYPE_NAMES[type_id]}", lines, source(tables, chapters + ["Steckbriefe"]), tables
    )


def _context_section(type_id: str, kind: str | None, inhabitants: int | None) -> Section | None:
    lines, tables = [], []
    if kind in practices.KIND_TABLE2_ROW:
        row = get_table(2).row(practices.KIND_TABLE2_ROW[kind])
        everyone = get_table(2).row("alle")
        lines.append(
            f"Unter den befragten {KIND_DATIVE[kind]} gehören {fmt(row.value(type_id))} % zu "
            f"{DATIVE[type_id]} (über alle Kommunen: {fmt(everyone.value(type_id))} %)."
        )
        tables.append(2)
        if _is_answered(inhabitants):
            row3 = get_table(3).row(practices.KIND_TABLE3_ROW[kind])
            median = int(row3.value(type_id))
            where = "Kreisen" if kind == "kreis" else "Städten und Gemeinden"
            lines.append(
                f"Typische Größe {GENITIVE[type_id]} unter {where}: rund {format_number(median)} "
                f"Einwohner:innen (gruppierter Median); Ihre Kommune: rund {format_number(inhabitants)}."
            )
            tables.append(3)
    elif _is_answered(inhabitants):
        band = practices.size_band(int(inhabitants))[1]
        lines.append(f"Ihre Größenklasse: {band} Einwohner:innen.")
    if not lines:
        return None
    return Section("context", "Einordnung nach Art und Größe", lines, source(tables), tables)


def _scale_line(title: str, yours: bool, table: int, row_id: str, type_id: str) -> str:
    # A yes/no answer and a 0-3 scale are not comparable: say both, but not as one comparison.
    high = 3 if get_table(table).info.unit_of(row_id) == "scale_0_3" else 4
    return (
        f"• {title}: bei Ihnen {'vorhanden' if yours else 'nicht vorhanden'}. Wie weit Kommunen das tun, "
        f"misst die Studie auf einer Skala von 0 bis {high}: {PLURAL[type_id].split(' ', 1)[1]} im Mittel "
        f"{fmt(get_table(table).row(row_id).value(type_id), 2)}, alle Befragten "
        f"{fmt(get_table(table).row(row_id).value(TOTAL_COLUMN), 2)}"
    )


def _compare_lines(question_id: str, value: Any, type_id: str) -> list[str]:
    question = QUESTIONS[question_id]
    table = question.table
    if question_id == "strategy":
        lines = [
            _comparison_line(
                "Digitalisierungsstrategie vorhanden",
                "ja" if value == "vorhanden" else "nein",
                table,
                "strategie_vorhanden",
                type_id,
            )
        ]
        if value == "in_entwicklung":
            lines.append(
                _comparison_line("Strategie in Entwicklung", "ja", table, "strategie_in_entwicklung", type_id)
            )
        return lines
    if question_id == "fim_known":
        return [_comparison_line("FIM bekannt", value, table, "fim_bekannt", type_id)]
    chosen = set(value)
    lines = []
    if question_id == "egov_components":
        lines.append(
            f"• Basiskomponenten im Einsatz: Sie {len(chosen)} von 10 — "
            f"{PLURAL[type_id].split(' ', 1)[1]} im Mittel "
            f"{fmt(get_table(9).row('anzahl_basiskomponenten').value(type_id), 2)}, alle Befragten "
            f"{fmt(get_table(9).row('anzahl_basiskomponenten').value(TOTAL_COLUMN), 2)}"
        )
    rows = [o for o in question.options if o.table_row]
    picked = [o for o in rows if o.value in chosen]
    # Options not chosen: only the ones the type uses most, to keep the message short.
    missing = sorted(
        (o for o in rows if o.value not in chosen),
        key=lambda o: -get_table(table).row(o.table_row).value(type_id),
    )
    for option in (picked[: MAX_LINES_PER_QUESTION - 1] + missing[:1])[:MAX_LINES_PER_QUESTION]:
        title = get_table(table).row(option.table_row).label if question_id == "data_use" else option.title
        if get_table(table).info.unit_of(option.table_row).startswith("scale"):
            lines.append(_scale_line(option.title, option.value in chosen, table, option.table_row, type_id))
            continue
        line = _comparison_line(
            title, "ja" if option.value in chosen else "nein", table, option.table_row, type_id
        )
        note = DISCONTINUED.get((question_id, option.value))
        lines.append(f"{line} ({note})" if note else line)
    return lines


def _comparison_section(
    section_id: str, title: str, question_ids: Sequence[str], answers: Mapping[str, Any], type_id: str
) -> Section | None:
    lines, tables = [], []
    for qid in question_ids:
        value = answers.get(qid)
        if not _is_answered(value):
            continue
        lines.extend(_compare_lines(qid, value, type_id))
        tables.append(QUESTIONS[qid].table)
    if not lines:
        return None
    return Section(section_id, title, lines, source(tables), tables)


@dataclass(frozen=True)
class Suggestion:
    question_id: str
    option: str
    leader: str
    leader_value: float
    total_value: float
    table: int
    text: str


def learn_suggestions(type_id: str, answers: Mapping[str, Any]) -> list[Suggestion]:
    """Gaps in the answers where another type is clearly ahead, strongest first (max 3)."""
    candidates: list[tuple[float, Suggestion]] = []
    for qid in practices.PRACTICE_IDS:
        value = answers.get(qid)
        if not _is_answered(value):
            continue
        question = QUESTIONS[qid]
        table = get_table(question.table)
        gaps: list[tuple[str, str]] = []  # (option value, row id)
        if qid == "strategy":
            if value != "vorhanden":
                gaps.append(("vorhanden", "strategie_vorhanden"))
        elif qid == "fim_known":
            if value == "nein":
                gaps.append(("ja", "fim_bekannt"))
        else:
            gaps = [
                (o.value, o.table_row)
                for o in question.options
                if o.table_row
                and o.value not in set(value)
                and table.info.unit_of(o.table_row) == "percent"
                and (qid, o.value) not in DISCONTINUED
            ]
        for option_value, row_id in gaps:
            row = table.row(row_id)
            others = [t for t in TYPE_IDS if t != type_id]
            leader = max(others, key=row.value)
            lead, total = row.value(leader), row.value(TOTAL_COLUMN)
            if lead < total * LEAD_FACTOR or lead <= row.value(type_id):
                continue
            label = STEP_LABELS.get((qid, option_value)) or question.option(option_value).label
            step = STEP_TEMPLATES[qid].format(label=label)
            # The closing sentence is chosen after sorting (see below); {closer} marks its place.
            text = (
                f"• {step[0].upper() + step[1:]} – bei {DATIVE[leader]} sind es {fmt(lead)} %, über alle "
                f"Befragten {fmt(total)} %. {{closer}} (Tabelle {question.table})"
            )
            candidates.append(
                (lead - total, Suggestion(qid, option_value, leader, lead, total, question.table, text))
            )
    candidates.sort(key=lambda c: -c[0])
    chosen: list[Suggestion] = []
    for _, suggestion in candidates:
        if any(s.question_id == suggestion.question_id for s in chosen):
            continue  # one suggestion per topic keeps the list varied
        chosen.append(suggestion)
        if len(chosen) == MAX_SUGGESTIONS:
            break
    return [
        replace(s, text=s.text.replace("{closer}", STEP_CLOSERS[i % len(STEP_CLOSERS)]))
        for i, s in enumerate(chosen)
    ]


def _learn_section(type_id: str, answers: Mapping[str, Any]) -> Section:
    suggestions = learn_suggestions(type_id, answers)
    lines = [s.text for s in suggestions]
    tables = [s.table for s in suggestions]
    chapters: list[str] = []
    if len(lines) < 2:
        # Too few personal gaps: add what the study says this type can learn (types.yml).
        for entry in type_profile(type_id).get("learn_from", []):
            if len(lines) >= 2:
                break
            lines.append(f"• {entry['topic']} – von {DATIVE[entry['type']]}: {entry['text'].strip()}")
            tables.extend(entry.get("tables", []))
            chapters.extend(c.strip() for c in str(entry.get("chapter", "")).split(",") if c.strip())
    return Section(
        "learn",
        "Von den anderen Typen lernen",
        lines,
        source(tables, sorted(set(chapters))),
        sorted(set(tables)),
    )


def build_result(
    goals: Sequence[str],
    answers: Mapping[str, Any] | None = None,
    municipality_kind: str | None = None,
    inhabitants: int | None = None,
) -> ResultContent:
    """Build the result sections. `answers` maps practice slot names to slot values."""
    answers = dict(answers or {})
    municipality_kind = municipality_kind or answers.get("municipality_kind")
    inhabitants = inhabitants if inhabitants is not None else answers.get("inhabitants")
    result = classify(goals)
    goals = [g.strip().lower() for g in goals if g and str(g).strip()]
    type_id = result.type_id
    sections = [_headline(result), _why_section(result, goals), _profile_section(type_id)]
    context = _context_section(
        type_id,
        municipality_kind if _is_answered(municipality_kind) else None,
        inhabitants if _is_answered(inhabitants) else None,
    )
    if context:
        sections.append(context)
    for section in (
        _comparison_section(
            "compare_admin", "Ihre Verwaltung im Vergleich", ADMIN_QUESTIONS, answers, type_id
        ),
        _comparison_section(
            "compare_community", "Örtliche Gemeinschaft im Vergleich", COMMUNITY_QUESTIONS, answers, type_id
        ),
    ):
        if section:
            sections.append(section)
    sections.append(_learn_section(type_id, answers))
    return ResultContent(
        type_id=type_id,
        type_name=TYPE_NAMES[type_id],
        is_mixed=result.is_mixed,
        runner_up=result.runner_up,
        typology=result,
        sections=sections,
    )
