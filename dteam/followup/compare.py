"""Repeat measurement: what changed between an earlier self-test (then) and a new one (now)."""

from __future__ import annotations

from dataclasses import dataclass

from dteam.followup.measurement import Measurement, german_date
from dteam.interview import practices
from dteam.interview.goals import GOAL_LABELS
from dteam.result.content import DATIVE
from dteam.study.data import TYPE_NAMES


@dataclass(frozen=True)
class GoalMove:
    goal: str
    before: int | None  # rank then (1-3), None = not among the goals
    after: int | None

    @property
    def label(self) -> str:
        return GOAL_LABELS[self.goal]

    def text(self) -> str:
        if self.before is None:
            return f"{self.label} ist neu dabei (Platz {self.after})"
        if self.after is None:
            return f"{self.label} gehört nicht mehr zu den wichtigsten Zielen (vorher Platz {self.before})"
        direction = "aufgestiegen" if self.after < self.before else "abgerutscht"
        return f"{self.label} ist von Platz {self.before} auf Platz {self.after} {direction}"


@dataclass(frozen=True)
class PracticeChange:
    question_id: str
    before: object
    after: object
    added: tuple[str, ...] = ()  # multi-choice questions: codes chosen now but not then
    removed: tuple[str, ...] = ()

    def text(self) -> str:
        question = practices.QUESTIONS[self.question_id]
        topic = question.topic or question.id
        if not question.multi:
            return (
                f"{topic}: {practices.describe_value(self.question_id, self.before)} → "
                f"{practices.describe_value(self.question_id, self.after)}"
            )
        parts = []
        if self.added:
            parts.append("neu " + practices.describe_value(self.question_id, list(self.added)))
        if self.removed:
            parts.append("nicht mehr " + practices.describe_value(self.question_id, list(self.removed)))
        return f"{topic}: " + "; ".join(parts)


@dataclass(frozen=True)
class Comparison:
    before: Measurement
    after: Measurement
    goal_moves: tuple[GoalMove, ...]
    practice_changes: tuple[PracticeChange, ...]
    unchanged_practices: int  # questions answered both times with the same answer

    @property
    def type_changed(self) -> bool:
        return self.before.type_id != self.after.type_id


def compare(before: Measurement, after: Measurement) -> Comparison:
    moves = []
    for goal in list(after.goals) + [g for g in before.goals if g not in after.goals]:
        then, now = before.rank_of(goal), after.rank_of(goal)
        if then != now:
            moves.append(GoalMove(goal, then, now))
    changes, unchanged = [], 0
    for question_id in practices.PRACTICE_IDS:
        if not (before.answered(question_id) and after.answered(question_id)):
            continue  # a skipped answer says nothing about a change
        then, now = before.answers[question_id], after.answers[question_id]
        if practices.QUESTIONS[question_id].multi:
            added = tuple(code for code in now if code not in then)
            removed = tuple(code for code in then if code not in now)
            if added or removed:
                changes.append(PracticeChange(question_id, then, now, added, removed))
            else:
                unchanged += 1
        elif then != now:
            changes.append(PracticeChange(question_id, then, now))
        else:
            unchanged += 1
    return Comparison(before, after, tuple(moves), tuple(changes), unchanged)


def comparison_text(comparison: Comparison, code: str | None = None) -> str:
    """German chat message: type then → now, goals that moved, practices that changed."""
    before, after = comparison.before, comparison.after
    when = german_date(before.completed_on)
    lines = ["**Damals → heute**"]
    reference = f" (Rückkehrcode {code})" if code else ""
    if comparison.type_changed:
        lines.append(
            f"Am {when}{reference} ähnelte Ihre Kommune am meisten {DATIVE[before.type_id]}, heute "
            f"{DATIVE[after.type_id]}: Ihr Profil hat sich von {TYPE_NAMES[before.type_id]} zu "
            f"{TYPE_NAMES[after.type_id]} verschoben."
        )
    else:
        lines.append(
            f"Am {when}{reference} wie heute: Typ {TYPE_NAMES[after.type_id]}. "
            f"Abstand zum Typzentrum damals {_fmt(before.distances.get(before.type_id))}, heute "
            f"{_fmt(after.distances.get(after.type_id))}."
        )
    if comparison.goal_moves:
        lines.append("Ziele: " + "; ".join(move.text() for move in comparison.goal_moves) + ".")
    else:
        lines.append("Ziele: dieselben drei in derselben Reihenfolge.")
    if comparison.practice_changes:
        lines.append("Praxis:")
        lines.extend(f"• {change.text()}" for change in comparison.practice_changes)
        if comparison.unchanged_practices:
            n = comparison.unchanged_practices
            lines.append(f"Unverändert: {n} weitere Frage{'' if n == 1 else 'n'}.")
    elif comparison.unchanged_practices:
        lines.append(
            f"Praxis: bei allen {comparison.unchanged_practices} beide Male beantworteten Fragen unverändert."
        )
    else:
        lines.append("Praxis: Es gibt keine Frage, die beide Male beantwortet wurde.")
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}".replace(".", ",")
