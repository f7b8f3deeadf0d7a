"""Target state (Soll): the type the municipality's goals in three years point to, and what it can
learn from the types that are strong on those goals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dteam.interview.goals import GOAL_LABELS
from dteam.result.content import DATIVE, fmt, source
from dteam.study.data import TYPE_IDS, TYPE_NAMES, get_table, type_profile
from dteam.study.typology import TypologyResult, classify

TARGET_QUESTION = "Welche Ziele sollen in drei Jahren am wichtigsten sein?"
MAX_LESSONS = 3


@dataclass(frozen=True)
class Lesson:
    type_id: str  # the type to learn from
    topic: str
    text: str
    tables: tuple[int, ...]
    chapter: str


@dataclass(frozen=True)
class TargetResult:
    target_goals: tuple[str, ...]
    typology: TypologyResult
    current_type: str | None
    strong_types: tuple[str, ...]  # types leading on the target goals (Table 1), strongest first
    lessons: tuple[Lesson, ...]

    @property
    def type_id(self) -> str:
        return self.typology.type_id

    @property
    def changes_type(self) -> bool:
        return self.current_type is not None and self.current_type != self.type_id


def goal_leaders(goals: Sequence[str]) -> list[str]:
    """For each goal the type with the highest Table 1 centre value, in goal order, no repeats."""
    centres = get_table(1)
    leaders: list[str] = []
    for goal in goals:
        row = centres.row(goal)
        leader = max(TYPE_IDS, key=row.value)
        if leader not in leaders:
            leaders.append(leader)
    return leaders


def lessons_from(
    type_ids: Sequence[str], exclude: str | None = None, limit: int = MAX_LESSONS
) -> list[Lesson]:
    """What others can learn from each of these types (types.yml `others_learn`), round robin."""
    pools = [
        [
            Lesson(
                t,
                e["topic"],
                " ".join(str(e["text"]).split()),
                tuple(e.get("tables", [])),
                str(e.get("chapter", "")),
            )
            for e in type_profile(t).get("others_learn", [])
        ]
        for t in type_ids
        if t != exclude
    ]
    lessons: list[Lesson] = []
    while any(pools) and len(lessons) < limit:
        for pool in pools:
            if pool and len(lessons) < limit:
                lessons.append(pool.pop(0))
    return lessons


def target_result(target_goals: Sequence[str], current_type: str | None = None) -> TargetResult:
    """Raises ValueError (German message) for invalid goal lists, like the classifier."""
    typology = classify(list(target_goals))
    goals = tuple(g.strip().lower() for g in target_goals if str(g).strip())
    strong = [typology.type_id] + [t for t in goal_leaders(goals) if t != typology.type_id]
    # Learning from one's own type is no lesson; if the goals stay with the current type, the other
    # goal leaders (or the target type itself when only it remains) are still worth a look.
    lessons = lessons_from(strong, exclude=current_type) or lessons_from(strong)
    return TargetResult(goals, typology, current_type, tuple(strong), tuple(lessons))


def target_text(result: TargetResult) -> str:
    goals = ", ".join(f"{i}. {GOAL_LABELS[g]}" for i, g in enumerate(result.target_goals, 1))
    name = TYPE_NAMES[result.type_id]
    lines = ["**Ihr Ziel in drei Jahren**", f"Ziele: {goals}."]
    if result.changes_type:
        lines.append(
            f"Damit würde Ihre Kommune vom Typ {TYPE_NAMES[result.current_type]} zum Typ **{name}** wandern "
            f"(Abstand zum Zentrum {fmt(result.typology.distances[result.type_id], 2)})."
        )
    elif result.current_type:
        lines.append(
            f"Diese Ziele passen weiter zum Typ **{name}** – Sie wollen Ihr Profil schärfen, nicht wechseln."
        )
    else:
        lines.append(f"Diese Ziele passen am besten zum Typ **{name}**.")
    if result.lessons:
        lines.append("Lernen Sie von den Typen, die bei diesen Zielen stark sind:")
        lines.extend(
            f"• {lesson.topic} – von {DATIVE[lesson.type_id]}: {lesson.text}" for lesson in result.lessons
        )
    tables = sorted({1} | {t for lesson in result.lessons for t in lesson.tables})
    chapters = sorted(
        {c.strip() for lesson in result.lessons for c in lesson.chapter.split(",") if c.strip()}
    )
    lines.append(source(tables, chapters))
    return "\n".join(lines)
