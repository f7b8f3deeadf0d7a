"""Team mode (D-Team workshop): the combined picture of several colleagues' self-tests.

Shown only from MIN_TEAM_MEMBERS finished members on, so that no single member's answers can be
read off the result. The combined type is the nearest Table 1 centre of the members' mean rank
points (the study scored goals the same way before its cluster analysis).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from dteam.followup.measurement import Measurement
from dteam.followup.target import Lesson, lessons_from
from dteam.interview.goals import GOAL_LABELS
from dteam.result.content import DATIVE, fmt, source
from dteam.study.data import GOAL_IDS, TYPE_IDS, TYPE_NAMES
from dteam.study.typology import nearest_centre, rank_points

MIN_TEAM_MEMBERS = 3
MAX_GOALS_LISTED = 2
# Rank points run 0-3; a standard deviation above 1 means the members rate the goal clearly differently.
MAX_AGREEMENT_SPREAD = 1.0


@dataclass(frozen=True)
class GoalSpread:
    goal: str
    mean: float  # mean rank points (0-3)
    spread: float  # population standard deviation of the members' rank points

    @property
    def label(self) -> str:
        return GOAL_LABELS[self.goal]


@dataclass(frozen=True)
class TeamResult:
    members: int
    type_id: str
    distances: dict[str, float]
    mean_points: dict[str, float]
    type_counts: dict[str, int]  # members' own types, Table 1 column order
    agreement: tuple[GoalSpread, ...]  # goals the team agrees on most (all rate them alike and high)
    disagreement: tuple[GoalSpread, ...]  # goals the members rate most differently
    lessons: tuple[Lesson, ...]

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type_id]


def team_result(measurements: Sequence[Measurement]) -> TeamResult | None:
    """None while fewer than MIN_TEAM_MEMBERS finished self-tests belong to the team."""
    if len(measurements) < MIN_TEAM_MEMBERS:
        return None
    points = [rank_points(list(m.goals)) for m in measurements]
    spreads = [
        GoalSpread(
            goal, statistics.fmean(p[goal] for p in points), statistics.pstdev(p[goal] for p in points)
        )
        for goal in GOAL_IDS
    ]
    mean_points = {s.goal: s.mean for s in spreads}
    type_id, distances = nearest_centre(mean_points)
    counts = {t: sum(1 for m in measurements if m.type_id == t) for t in TYPE_IDS}
    # Agreement only counts on goals that matter to the team (mean >= 1 rank point).
    agreement = sorted(
        (s for s in spreads if s.mean >= 1.0 and s.spread <= MAX_AGREEMENT_SPREAD),
        key=lambda s: (s.spread, -s.mean),
    )[:MAX_GOALS_LISTED]
    disagreement = sorted(
        (s for s in spreads if s.spread > 0 and s not in agreement), key=lambda s: (-s.spread, -s.mean)
    )
    # The D-Team idea: learn from the perspectives missing in the team; with all four types present,
    # from the types that lead on the team's shared goals.
    missing = [t for t in TYPE_IDS if counts[t] == 0 and t != type_id]
    lessons = lessons_from(missing) if missing else lessons_from([t for t in TYPE_IDS if t != type_id])
    return TeamResult(
        members=len(measurements),
        type_id=type_id,
        distances=distances,
        mean_points=mean_points,
        type_counts=counts,
        agreement=tuple(agreement),
        disagreement=tuple(disagreement[:MAX_GOALS_LISTED]),
        lessons=tuple(lessons),
    )


def not_enough_members_text(finished: int, joined: int) -> str:
    missing = MIN_TEAM_MEMBERS - finished
    return (
        f"Im Team sind {joined} Mitglied{'er' if joined != 1 else ''}, davon "
        f"{finished} mit abgeschlossenem Selbsttest. Das Teamergebnis zeige ich erst ab "
        f"{MIN_TEAM_MEMBERS} abgeschlossenen Selbsttests, damit niemandes Antworten erkennbar sind – "
        f"es fehl{'t' if missing == 1 else 'en'} noch {missing}."
    )


def team_text(result: TeamResult, joined: int | None = None) -> str:
    """German team result; `joined` = all members, also those without a finished self-test."""
    of_all = f" (von {joined} im Team)" if joined and joined > result.members else ""
    lines = [
        "**Teamergebnis**",
        f"{result.members} Mitglieder{of_all} haben den Selbsttest abgeschlossen. Zusammen ähnelt Ihr Team "
        f"am meisten dem Typ **{result.type_name}** (nächstes Typzentrum der mittleren Rangpunkte, Abstand "
        f"{fmt(result.distances[result.type_id], 2)}).",
        "Verteilung der einzelnen Ergebnisse: "
        + ", ".join(f"{TYPE_NAMES[t]} {n}" for t, n in result.type_counts.items() if n)
        + ".",
    ]
    if result.agreement:
        lines.append(
            "Am einigsten sind Sie sich bei: "
            + ", ".join(f"{s.label} (im Mittel {fmt(s.mean)} von 3 Rangpunkten)" for s in result.agreement)
            + "."
        )
    if result.disagreement:
        lines.append(
            "Am unterschiedlichsten sehen Sie: "
            + ", ".join(f"{s.label} (Streuung {fmt(s.spread, 2)})" for s in result.disagreement)
            + " – ein guter Einstieg für das Gespräch im Team."
        )
    if result.lessons:
        lines.append("Was Ihr Team lernen kann:")
        lines.extend(
            f"• {lesson.topic} – von {DATIVE[lesson.type_id]}: {lesson.text}" for lesson in result.lessons
        )
    tables = sorted({1} | {t for lesson in result.lessons for t in lesson.tables})
    chapters = sorted(
        {c.strip() for lesson in result.lessons for c in lesson.chapter.split(",") if c.strip()}
    )
    lines.append(source(tables, chapters))
    return "\n".join(lines)
