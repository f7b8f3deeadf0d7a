"""The result as a conversation: a short first message, every further part on request, and
follow-ups about one's own result ("Warum sind wir …?", "Was bedeutet das für uns?", "Was sollten
wir als Nächstes tun?", "Und wenn Effizienz wichtiger wäre?"). Pure module.

The parts are built from the sections of dteam/result/content.py, so the long result
("Alles auf einmal") and the parts always say the same thing. Channels get choices as
(part id, German title) pairs; the Rasa adapter turns them into buttons.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dteam.interview import goals as goal_parser
from dteam.interview.goals import GOAL_LABELS
from dteam.result.content import (
    DATIVE,
    GENITIVE,
    HALLMARK_MIN_CENTRE,
    PLURAL,
    RANK_WORDS,
    ResultContent,
    build_result,
    fmt,
    goal_leader,
    source,
)
from dteam.study.data import GOAL_IDS, TYPE_NAMES, get_table, type_profile
from dteam.study.typology import MAX_GOALS, TypologyResult, classify

PART_WHY = "why"
PART_COMPARE = "compare"
PART_COMPARE_ALL = "compare_all"
PART_LEARN = "learn"  # = "Was sollten wir als Nächstes tun?"
PART_MEANING = "meaning"
PART_ASK = "ask"
PART_ALL = "all"
PARTS = (PART_WHY, PART_COMPARE, PART_COMPARE_ALL, PART_LEARN, PART_MEANING, PART_ASK, PART_ALL)

TITLES = {
    PART_WHY: "Warum dieser Typ?",
    PART_COMPARE: "Vergleich mit anderen Kommunen",
    PART_COMPARE_ALL: "Alle Vergleiche",
    PART_LEARN: "Was können wir lernen?",
    PART_MEANING: "Was bedeutet das für uns?",
    PART_ASK: "Frage stellen",
    PART_ALL: "Alles auf einmal",
}
# The choices under the first message, in this order.
FIRST_CHOICES = (PART_WHY, PART_COMPARE, PART_LEARN, PART_ASK, PART_ALL)
COMPARE_SHORT_LINES = 4  # the rest comes with "Alle Vergleiche"
DATA_YEAR_NOTE = "Die Zahlen stammen aus der Befragung von Anfang 2019; manches hat sich seitdem verändert."
NEXT_PROMPT = "Was möchten Sie als Nächstes wissen?"
NO_RESULT = (
    "Dafür brauche ich Ihr Ergebnis aus dem Selbsttest – den haben Sie in diesem Gespräch noch nicht "
    "abgeschlossen. Er dauert etwa fünf Minuten. Möchten Sie ihn jetzt machen?"
)
WHAT_IF_UNCLEAR = (
    "Welche Ziele meinen Sie? Nennen Sie sie bitte in der gewünschten Reihenfolge, zum Beispiel: "
    "»Und wenn Effizienz wichtiger wäre als Bürgernähe?«"
)


@dataclass
class Step:
    """One answer of the bot: one or more texts, optionally the chart, then choices."""

    texts: list[str]
    choices: list[str] = field(default_factory=list)  # part ids, shown as buttons after the last text
    chart_goals: list[str] | None = None  # attach the result chart for these goals after texts[0]
    chart_text: str = ""  # what the chart shows, in words (for screen readers and text channels)

    def choice_buttons(self) -> list[tuple[str, str]]:
        return [(part, TITLES[part]) for part in self.choices]


@lru_cache(maxsize=1024)
def _classify_cached(goals: tuple[str, ...]) -> TypologyResult:
    # Only 820 rankings exist; each is classified once per process.
    return classify(goals)


def classify_goals(goals: Sequence[str]) -> TypologyResult:
    return _classify_cached(tuple(goals))


def _clean_goals(goals: Sequence[str]) -> list[str]:
    return [str(g).strip().lower() for g in goals if g and str(g).strip()]


def _goal_list(goals: Sequence[str]) -> str:
    return ", ".join(f"{i}. {GOAL_LABELS[g]}" for i, g in enumerate(goals, 1))


def reason_sentence(result: TypologyResult, goals: Sequence[str]) -> str:
    """One sentence: why the nearest type, from the user's own most important goal."""
    top = goals[0]
    leader, centre = goal_leader(top)
    label = GOAL_LABELS[top]
    if centre < HALLMARK_MIN_CENTRE:
        # "Innovation" first: no type puts it first, so the whole profile decides.
        return (
            f"Ihr Zielprofil liegt dem Typzentrum {GENITIVE[result.type_id]} am nächsten; Ihr wichtigstes "
            f"Ziel „{label}“ steht bei keinem Typ im Mittelpunkt."
        )
    if leader == result.type_id:
        return (
            f"Ihr wichtigstes Ziel „{label}“ ist das Kennzeichen {GENITIVE[leader]}, und Ihr Zielprofil "
            f"liegt deren Typzentrum am nächsten."
        )
    return (
        f"Ihre Ziele zusammen liegen dem Typzentrum {GENITIVE[result.type_id]} am nächsten, auch wenn Ihr "
        f"wichtigstes Ziel „{label}“ für sich genommen eher zu {DATIVE[leader]} passt."
    )


def headline_text(result: TypologyResult, goals: Sequence[str]) -> str:
    profile = type_profile(result.type_id)
    lines = [
        f"Ihre Kommune ähnelt am meisten dem Typ **{TYPE_NAMES[result.type_id]}** – „{profile['motto']}“",
        reason_sentence(result, goals),
    ]
    if result.is_mixed:
        lines.append(
            f"Fast genauso nah liegen Sie bei {DATIVE[result.runner_up]}: Sie sind eine Mischform "
            f"aus {TYPE_NAMES[result.type_id]} und {TYPE_NAMES[result.runner_up]}."
        )
    lines.append(source([1]))
    return "\n".join(lines)


def chart_description(goals: Sequence[str]) -> str:
    """The chart in words: what it shows and what the user should read from it."""
    goals = _clean_goals(goals)
    result = classify_goals(goals)
    ranked = sorted((g for g in GOAL_IDS if result.points[g]), key=lambda g: -result.points[g])
    points = ", ".join(f"{GOAL_LABELS[g]} {result.points[g]}" for g in ranked)
    ranking = result.ranking()
    nearest = ranking[0]
    others = ", ".join(f"{DATIVE[t]} ({fmt(result.distances[t], 2)})" for t in ranking[1:])
    return (
        f"Das Diagramm zeigt Ihre Rangpunkte als graue Balken ({points}; 3 = wichtigstes Ziel) und die "
        f"Zielprofile der vier Typen als Linien (Tabelle 1). Am nächsten liegt Ihr Profil "
        f"{DATIVE[nearest]} (Abstand {fmt(result.distances[nearest], 2)}), danach {others}."
    )


def first_step(goals: Sequence[str]) -> Step:
    goals = _clean_goals(goals)
    result = classify_goals(goals)
    return Step(
        texts=[headline_text(result, goals), NEXT_PROMPT],
        choices=list(FIRST_CHOICES),
        chart_goals=list(goals),
        chart_text=chart_description(goals),
    )


def _remaining(*shown: str) -> list[str]:
    return [p for p in (PART_WHY, PART_COMPARE, PART_LEARN, PART_ASK) if p not in shown]


def _text(content: ResultContent, section_id: str) -> str:
    section = content.section(section_id)
    return section.text() if section else ""


def why_text(content: ResultContent, asked_type: str | None = None, claimed_goals: Sequence[str] = ()) -> str:
    """Reasons from the user's own goals; corrects a wrong assumption about the type first.

    `claimed_goals`: goals the question claims for the municipality ("Wir sind doch eher
    bürgerorientiert") that are not among its ranked goals – said so, with how to add them.
    """
    other_type = asked_type if asked_type and asked_type != content.type_id else None
    intro = ""
    if other_type:
        intro = (
            f"Nach Ihren Zielen ähnelt Ihre Kommune am meisten {DATIVE[content.type_id]}, nicht "
            f"{DATIVE[other_type]}. "
        )
    section = content.section("why")
    lines = list(section.lines)
    head = intro + f"Darum passt Ihre Kommune am besten zu {DATIVE[content.type_id]}:"
    unnamed = [g for g in claimed_goals if not content.typology.points.get(g)]
    if other_type:
        lines.append(_asked_type_line(content, other_type))
    elif unnamed:
        label = GOAL_LABELS[unnamed[0]]
        lines.append(
            f"„{label}“ haben Sie nicht unter Ihren wichtigsten Zielen genannt. " + _add_goal_hint(unnamed[0])
        )
    return "\n".join([head, *lines, section.source])


def _add_goal_hint(goal: str) -> str:
    return (
        f"Gehört es dazu, ergänzen Sie es (z. B. »Korrektur: {GOAL_LABELS[goal]} als zweites Ziel«); das "
        "Ergebnis wird dann neu berechnet."
    )


def _centre(goal: str, type_id: str) -> float:
    """The type's cluster centre for the goal (Table 1)."""
    return get_table(1).row(goal).value(type_id)


def _asked_type_line(content: ResultContent, asked_type: str) -> str:
    """ "Warum nicht serviceorientiert?": the asked type's hallmark goal and whether the user named it."""
    hallmark = max(GOAL_IDS, key=lambda goal: _centre(goal, asked_type))
    label = GOAL_LABELS[hallmark]
    centre = fmt(_centre(hallmark, asked_type), 2)
    points = content.typology.points.get(hallmark, 0)
    if points:
        rank = RANK_WORDS[MAX_GOALS - points]
        return (
            f"Kennzeichen {GENITIVE[asked_type]} ist „{label}“ (Zentrum {centre} von 3) – Ihr {rank} Ziel; "
            f"Ihre übrigen Ziele ziehen stärker zu {DATIVE[content.type_id]}."
        )
    return (
        f"Kennzeichen {GENITIVE[asked_type]} ist „{label}“ (Zentrum {centre} von 3) – das haben Sie nicht "
        "unter Ihren wichtigsten Zielen genannt. " + _add_goal_hint(hallmark)
    )


def compare_text(content: ResultContent, complete: bool = False) -> tuple[str, bool]:
    """Comparison with the type and all respondents; short unless `complete`. (text, has more)."""
    lines, tables = [], []
    for section_id in ("compare_admin", "compare_community"):
        section = content.section(section_id)
        if section:
            lines.extend(section.lines)
            tables.extend(section.tables)
    context = content.section("context")
    if not lines and not context:
        return (
            "Für einen Vergleich fehlen mir Ihre Antworten zur Praxis – Sie haben die Fragen übersprungen.",
            False,
        )
    shown = lines if complete else lines[:COMPARE_SHORT_LINES]
    parts = []
    if context:
        parts.append("\n".join(context.lines))
        tables.extend(context.tables)
    if shown:
        parts.append(
            f"Ihre Antworten neben {DATIVE[content.type_id]} und allen Befragten:\n" + "\n".join(shown)
        )
    parts.append(DATA_YEAR_NOTE + "\n" + source(tables))
    return "\n\n".join(parts), len(shown) < len(lines)


def learn_text(content: ResultContent) -> str:
    section = content.section("learn")
    count = len(section.lines)
    intro = "Dort sind andere Typen weiter als Ihre Kommune – " + (
        "ein Schritt, den Sie angehen könnten:" if count == 1 else f"{count} Schritte für Sie:"
    )
    return "\n".join([intro, *section.lines, DATA_YEAR_NOTE, section.source])


# "Ist das gut oder schlecht?": the question judges the type, which the study does not.
_JUDGES = re.compile(r"\b(?:gut|schlecht|schlimm|besser|schlechter|positiv|negativ)\b", re.IGNORECASE)
NO_BETTER_TYPE = (
    "Gut oder schlecht ist kein Typ: Die Studie sieht die vier als „D-Team“, dessen Mitglieder "
    "verschiedene Stärken haben und voneinander lernen."
)


# "Sollten wir lieber Community Manager werden?", "Wie werden wir Serviceorientierte?": wanting to become
# another type judges one's own too.
_BECOME = re.compile(
    r"\b(?:sollten|sollen|müssen|müssten|wollen|könnten|können|würden)\s+wir\s+(?:\w+[\s,]+){0,5}?werden\b"
    r"|\bwie\s+werden\s+wir\b|\b(?:wäre|ist)\s+es\s+besser\b",
    re.IGNORECASE,
)


def wants_another_type(text: str) -> bool:
    return named_type(text) is not None and bool(_BECOME.search(text or ""))


def judges_the_type(text: str) -> bool:
    return bool(_JUDGES.search(text or "")) or wants_another_type(text)


def meaning_text(content: ResultContent, judged: bool = False, asked_type: str | None = None) -> str:
    """What the type means for this municipality: its typical strengths and its first gap; asked
    whether that is good or bad (`judged`), first that no type is better than another – and, asked about
    becoming another type (`asked_type`), what that type is strong in."""
    profile = type_profile(content.type_id)
    strengths = profile.get("strengths", [])[:2]
    tables = sorted({t for s in strengths for t in s.get("tables", [])})
    lines = [NO_BETTER_TYPE] if judged else []
    if judged and asked_type in TYPE_NAMES and asked_type != content.type_id:
        other = type_profile(asked_type).get("strengths", [])[:1]
        if other:
            lines.append(
                f"Sie müssen nicht {TYPE_NAMES[asked_type]} werden, um von {DATIVE[asked_type]} zu lernen – "
                f"ihre typische Stärke: {other[0]['text']}"
            )
            tables = sorted(set(tables) | set(other[0].get("tables", [])))
    lines.append(
        f"Als Kommune vom Typ {TYPE_NAMES[content.type_id]} können Sie auf die typischen Stärken "
        f"{GENITIVE[content.type_id]} bauen:"
    )
    lines.extend(f"• {s['text']}" for s in strengths)
    learn = content.section("learn")
    if learn and learn.lines:
        first = learn.lines[0].lstrip("• ")
        lines.append(f"Am meisten gewinnen können Sie hier: {first}")
        tables = sorted(set(tables) | set(learn.tables))
    lines.append(source(tables, ["3", "7", "Steckbriefe"]))
    return "\n".join(lines)


def build_content(goals: Sequence[str], answers: Mapping[str, Any] | None) -> ResultContent:
    return build_result(_clean_goals(goals), answers or {})


def part_step(part: str, goals: Sequence[str], answers: Mapping[str, Any] | None, **kwargs) -> Step:
    """One part of the result on request. Unknown parts give the first step again."""
    content = build_content(goals, answers)
    if part == PART_WHY:
        why = why_text(content, kwargs.get("asked_type"), kwargs.get("claimed_goals", ()))
        return Step([why], _remaining(PART_WHY))
    if part in (PART_COMPARE, PART_COMPARE_ALL):
        text, has_more = compare_text(content, complete=part == PART_COMPARE_ALL)
        choices = ([PART_COMPARE_ALL] if has_more else []) + _remaining(PART_COMPARE)
        return Step([text], choices)
    if part == PART_LEARN:
        return Step([learn_text(content)], _remaining(PART_LEARN))
    if part == PART_MEANING:
        return Step(
            [meaning_text(content, kwargs.get("judged", False), kwargs.get("asked_type"))],
            [PART_LEARN, PART_COMPARE, PART_ASK],
        )
    if part == PART_ALL:
        return Step(content.messages(), _remaining())
    return first_step(goals)


_TYPED_PARTS = (  # a typed request for a part, checked in this order
    (PART_COMPARE_ALL, re.compile(r"\balle\s+vergleiche", re.I)),
    (PART_ALL, re.compile(r"\b(alles|ganze|gesamte|komplett\w*|ausführlich)\b", re.I)),
    (PART_COMPARE, re.compile(r"vergleich|schneiden|stehen\s+wir", re.I)),
    # "Und was machen die anderen Typen besser?"
    (PART_LEARN, re.compile(r"\blernen\b|\bbesser\s+machen\b|\bmachen\b.*\bbesser\b", re.I)),
)


def part_from_text(text: str) -> str:
    """The part a typed request asks for ("Vergleich bitte"); "" means the overview again."""
    return next((part for part, pattern in _TYPED_PARTS if pattern.search(text or "")), "")


# --- what-if -------------------------------------------------------------------------------------


def what_if_goals(current: Sequence[str], text: str) -> list[str] | None:
    """The goal ranking a what-if question describes, starting from the user's own ranking.

    "Und wenn Effizienz wichtiger wäre als Bürgernähe?" swaps the two in place and keeps the rest;
    one new goal ("… wenn Daseinsvorsorge am wichtigsten wäre?") goes first; several new goals
    replace the ranking; "ohne X" drops X. None when the text names no goal.
    """
    current = [g for g in _clean_goals(current) if g in GOAL_IDS]
    analysis = goal_parser.analyse(text or "")
    named = analysis.goals
    if named and analysis.negated and len(analysis.negated) == len(named):
        return goal_parser.apply_correction(current, text)  # "X statt Y"
    if named:
        if all(g in current for g in named):
            if len(named) == 1:
                return named + [g for g in current if g != named[0]]
            slots = sorted(current.index(g) for g in named)  # reorder in place
            result = list(current)
            for position, goal in zip(slots, named, strict=True):
                result[position] = goal
            return result
        if len(named) == 1:
            return (named + [g for g in current if g != named[0]])[:MAX_GOALS]
        return list(named)[:MAX_GOALS]
    if analysis.negated:
        remaining = [g for g in current if g not in analysis.negated]
        return remaining or None
    return None


def what_if_step(current: Sequence[str], text: str) -> Step:
    current = _clean_goals(current)
    goals = what_if_goals(current, text)
    if not goals:
        return Step([WHAT_IF_UNCLEAR])
    now = classify_goals(current)
    then = classify_goals(goals)
    if goals == current:
        return Step(
            [
                f"Das entspricht Ihrer bisherigen Rangfolge ({_goal_list(goals)}): Ihre Kommune bleibt "
                f"beim Typ {TYPE_NAMES[now.type_id]}."
            ],
            [PART_WHY, PART_LEARN],
        )
    if then.type_id == now.type_id:
        verdict = f"bliebe Ihre Kommune beim Typ **{TYPE_NAMES[then.type_id]}**."
    else:
        verdict = (
            f"wäre Ihre Kommune dem Typ **{TYPE_NAMES[then.type_id]}** am nächsten "
            f"(bisher: {TYPE_NAMES[now.type_id]})."
        )
    lines = [
        f"Mit der Rangfolge {_goal_list(goals)} {verdict}",
        reason_sentence(then, goals),
        "Abstände zu den Typzentren (kleiner = ähnlicher): "
        + " · ".join(f"{TYPE_NAMES[t]} {fmt(then.distances[t], 2)}" for t in then.ranking())
        + ".",
        "Ihr Ergebnis bleibt dabei unverändert. Wollen Sie die Ziele wirklich ändern, schreiben Sie "
        "»Korrektur: …« mit der neuen Reihenfolge.",
        source([1]),
    ]
    return Step(["\n".join(lines)], [PART_WHY, PART_LEARN])


# --- which type a question names -----------------------------------------------------------------

_TYPE_PATTERNS = {
    "bedaechtige": re.compile(r"\bbed(?:ä|ae)chtig", re.I),
    "optimierer": re.compile(r"\boptimierer", re.I),
    "serviceorientierte": re.compile(r"\bservice\s?-?orientiert", re.I),
    "community_manager": re.compile(r"\bcommunity[\s-]?manager", re.I),
}


def named_type(text: str) -> str | None:
    """The type id a question names ("Warum sind wir Serviceorientierte?"), if exactly one."""
    found = [t for t, pattern in _TYPE_PATTERNS.items() if pattern.search(text or "")]
    return found[0] if len(found) == 1 else None


def without_type_names(text: str) -> str:
    """`text` without the types' names ("wie die Optimierer" names no goal of its own)."""
    for pattern in _TYPE_PATTERNS.values():
        text = pattern.sub(" ", text or "")
    return text


def plural_name(type_id: str) -> str:
    return PLURAL[type_id]
