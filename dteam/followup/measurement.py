"""One finished self-test as it is kept behind a return code: structured values only.

The snapshot holds what the comparison, the report and the team result need (goal ids, type,
distances, answer codes of the choice questions, kind and size band, optional target goals) and
nothing that could identify a person: no free text, no names, no channel ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dteam.interview import practices
from dteam.study.data import GOAL_IDS, TYPE_IDS
from dteam.study.typology import MAX_GOALS, classify

KIND_IDS = ("gemeinde", "stadt", "kreis")


def clean_goals(goals: Sequence[str] | None) -> tuple[str, ...]:
    """Known goal ids in the given order, without repeats, at most three."""
    cleaned: list[str] = []
    for goal in goals or ():
        goal = str(goal).strip().lower()
        if goal in GOAL_IDS and goal not in cleaned:
            cleaned.append(goal)
    return tuple(cleaned[:MAX_GOALS])


def clean_answers(answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Answer codes of the practice questions only; free text or unknown codes are dropped."""
    cleaned: dict[str, Any] = {}
    for question_id in practices.PRACTICE_IDS:
        value = (answers or {}).get(question_id)
        if value is None:
            continue
        question = practices.QUESTIONS[question_id]
        allowed = [option.value for option in question.options]
        if value == practices.SKIPPED:
            cleaned[question_id] = practices.SKIPPED
        elif question.multi and isinstance(value, (list, tuple)):
            cleaned[question_id] = [code for code in allowed if code in value]
        elif not question.multi and value in allowed:
            cleaned[question_id] = value
    return cleaned


def size_band_of(inhabitants: Any) -> str | None:
    if isinstance(inhabitants, bool) or not isinstance(inhabitants, int) or inhabitants <= 0:
        return None
    return practices.size_band(inhabitants)[0]


@dataclass(frozen=True)
class Measurement:
    goals: tuple[str, ...]
    type_id: str
    is_mixed: bool
    distances: Mapping[str, float]
    completed_on: dt.date
    answers: Mapping[str, Any] = field(default_factory=dict)  # practice id -> answer code(s)
    municipality_kind: str | None = None
    size_band: str | None = None  # id from practices.SIZE_BANDS
    target_goals: tuple[str, ...] = ()

    @classmethod
    def from_interview(
        cls,
        goals: Sequence[str],
        answers: Mapping[str, Any] | None = None,
        completed_on: dt.date | None = None,
        target_goals: Sequence[str] = (),
    ) -> Measurement:
        """Classifies the goals and keeps the structured answers of one finished interview."""
        answers = dict(answers or {})
        cleaned = clean_goals(goals)
        result = classify(list(cleaned))
        kind = answers.get("municipality_kind")
        return cls(
            goals=cleaned,
            type_id=result.type_id,
            is_mixed=result.is_mixed,
            distances={t: round(result.distances[t], 4) for t in TYPE_IDS},
            completed_on=completed_on or dt.datetime.now(dt.timezone.utc).date(),
            answers=clean_answers(answers),
            municipality_kind=kind if kind in KIND_IDS else None,
            size_band=size_band_of(answers.get("inhabitants")),
            target_goals=clean_goals(target_goals),
        )

    def with_target(self, target_goals: Sequence[str]) -> Measurement:
        return Measurement(**{**self.__dict__, "target_goals": clean_goals(target_goals)})

    def rank_of(self, goal: str) -> int | None:
        """1-based rank of a goal, None when it is not among the goals."""
        return self.goals.index(goal) + 1 if goal in self.goals else None

    def answered(self, question_id: str) -> bool:
        value = self.answers.get(question_id)
        return value is not None and value != practices.SKIPPED

    def to_json(self) -> dict[str, Any]:
        return {
            "goals": list(self.goals),
            "type": self.type_id,
            "is_mixed": self.is_mixed,
            "distances": dict(self.distances),
            "completed_on": self.completed_on.isoformat(),
            "answers": dict(self.answers),
            "municipality_kind": self.municipality_kind,
            "size_band": self.size_band,
            "target_goals": list(self.target_goals),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Measurement:
        type_id = data.get("type")
        if type_id not in TYPE_IDS:
            raise ValueError(f"unknown type {type_id!r} in stored measurement")
        goals = clean_goals(data.get("goals"))
        if not goals:
            raise ValueError("stored measurement without goals")
        return cls(
            goals=goals,
            type_id=type_id,
            is_mixed=bool(data.get("is_mixed")),
            distances={t: float(v) for t, v in (data.get("distances") or {}).items() if t in TYPE_IDS},
            completed_on=dt.date.fromisoformat(str(data["completed_on"])),
            answers=clean_answers(data.get("answers")),
            municipality_kind=data.get("municipality_kind")
            if data.get("municipality_kind") in KIND_IDS
            else None,
            size_band=data.get("size_band") if isinstance(data.get("size_band"), str) else None,
            target_goals=clean_goals(data.get("target_goals")),
        )


def german_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
