"""Nearest-centroid classification of a municipality into one of the four study types.

The user's ranked goals become rank points (3 / 2 / 1 for the 1st / 2nd / 3rd goal, 0 for the
rest), which is how the study scored its survey answers before the cluster analysis. The vector is
compared with the cluster centres of Table 1 by Euclidean distance; the nearest centre wins.

Mischform: when the runner-up centre is almost as near as the winner, the result is flagged as a
mixed form. "Almost" is a relative margin: (d_runner_up - d_nearest) / d_runner_up < MIXED_MARGIN.
With 5 % about 15 % of all 820 possible goal rankings count as mixed, mostly profiles whose first
goal is not a key goal of any type (e.g. Attraktivität, then Leistungsangebot).

Exact ties (possible: e.g. Attraktivität + Leistungsangebot is equally near to Serviceorientierte
and Community Manager) are broken by the column order of Table 1, and are always a Mischform.

CLI (contract):
    python -m dteam.study.typology G1 [G2 [G3]]        -> JSON {"type": ..., "distances": {...}}
    python -m dteam.study.typology --csv FILE|-         -> CSV with type, distance_<type>, error columns
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from dteam.study.data import GOAL_IDS, TYPE_IDS, TYPE_NAMES, cluster_centres

RANK_POINTS = (3, 2, 1)
MAX_GOALS = len(RANK_POINTS)
MIXED_MARGIN = 0.05
# Beyond this distance even the nearest centre is far away. A ranking led by one of the four
# dominant goals (Rechtliche Vorgaben, Effizienz, Bürgernähe, Daseinsvorsorge) is never farther than
# 2.72 from its nearest centre; rankings led by other goals lie 2.2-4.6 away.
WEAK_FIT_DISTANCE = 3.5
# A goal sets a type apart when it weights it above all other types and at least this much (Table 1):
# the Community Managers' 0.10 for civil society counts, their 0.08 for innovation (Bedächtige 0.07) not.
MIN_CHARACTERISTIC_WEIGHT = 0.1
_TIE_EPSILON = 1e-9

CSV_GOAL_COLUMNS = ("goal_1", "goal_2", "goal_3")


@dataclass(frozen=True)
class TypologyResult:
    type_id: str
    distances: dict[str, float]  # type id -> Euclidean distance, in Table 1 column order
    runner_up: str
    is_mixed: bool
    relative_gap: float  # (d_runner_up - d_nearest) / d_runner_up
    weak_fit: bool
    points: dict[str, int]  # goal id -> rank points of the user

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type_id]

    @property
    def runner_up_name(self) -> str:
        return TYPE_NAMES[self.runner_up]

    def ranking(self) -> list[str]:
        """Type ids from nearest to farthest (ties by Table 1 column order)."""
        return _order_types(self.distances)


def validate_goals(goals: Sequence[str]) -> list[str]:
    """Return the cleaned goal list or raise ValueError with a German message."""
    if goals is None:
        raise ValueError("Bitte nennen Sie mindestens ein Digitalisierungsziel.")
    if isinstance(goals, str):
        goals = [goals]
    cleaned = [str(goal).strip().lower() for goal in goals if goal is not None and str(goal).strip()]
    if not cleaned:
        raise ValueError("Bitte nennen Sie mindestens ein Digitalisierungsziel.")
    if len(cleaned) > MAX_GOALS:
        raise ValueError(
            f"Bitte nennen Sie höchstens {MAX_GOALS} Ziele – Sie haben {len(cleaned)} angegeben."
        )
    unknown = [goal for goal in cleaned if goal not in GOAL_IDS]
    if unknown:
        raise ValueError(
            "Unbekanntes Ziel: " + ", ".join(unknown) + ". Erlaubt sind: " + ", ".join(GOAL_IDS) + "."
        )
    repeated = sorted({goal for goal in cleaned if cleaned.count(goal) > 1})
    if repeated:
        raise ValueError("Jedes Ziel darf nur einmal vorkommen: " + ", ".join(repeated) + " ist doppelt.")
    return cleaned


def rank_points(goals: Sequence[str]) -> dict[str, int]:
    cleaned = validate_goals(goals)
    points = {goal: 0 for goal in GOAL_IDS}
    for goal, value in zip(cleaned, RANK_POINTS, strict=False):
        points[goal] = value
    return points


def _order_types(distances: dict[str, float]) -> list[str]:
    position = {type_id: i for i, type_id in enumerate(TYPE_IDS)}
    # Rounding makes float noise count as a tie, which the Table 1 order then resolves.
    return sorted(distances, key=lambda t: (round(distances[t] / _TIE_EPSILON), position[t]))


def type_goals(type_id: str) -> list[str]:
    """The type's most weighted goals in order (its cluster centre, Table 1): a target "wie die
    Community Manager" as goals. Each type's own list classifies as that type."""
    centre = cluster_centres()[type_id]
    ranked = sorted(range(len(GOAL_IDS)), key=lambda index: -centre[index])
    return [GOAL_IDS[index] for index in ranked[:MAX_GOALS]]


def characteristic_goals(type_id: str) -> list[str]:
    """The type's most weighted goals, then each goal this type weights more than every other type does
    (at least MIN_CHARACTERISTIC_WEIGHT): the Community Managers' local economy and civil society, which
    are not among their three biggest weights but set them apart (Table 1)."""
    centres = cluster_centres()
    own = centres[type_id]
    goals = type_goals(type_id)
    for index, goal in enumerate(GOAL_IDS):
        highest = all(own[index] > centre[index] for other, centre in centres.items() if other != type_id)
        if goal not in goals and highest and own[index] >= MIN_CHARACTERISTIC_WEIGHT:
            goals.append(goal)
    return goals


def classify(goals: Sequence[str]) -> TypologyResult:
    points = rank_points(goals)
    vector = [points[goal] for goal in GOAL_IDS]
    distances = {t: math.dist(vector, centre) for t, centre in cluster_centres().items()}
    distances = {t: distances[t] for t in TYPE_IDS}
    nearest, runner_up = _order_types(distances)[:2]
    d1, d2 = distances[nearest], distances[runner_up]
    gap = (d2 - d1) / d2 if d2 > 0 else 0.0
    return TypologyResult(
        type_id=nearest,
        distances=distances,
        runner_up=runner_up,
        is_mixed=gap < MIXED_MARGIN,
        relative_gap=gap,
        weak_fit=d1 > WEAK_FIT_DISTANCE,
        points=points,
    )


def nearest_centre(points: Mapping[str, float]) -> tuple[str, dict[str, float]]:
    """Nearest type and all distances for any point vector (e.g. a team's mean rank points).

    Goals missing from `points` count as 0; ties are broken by the Table 1 column order.
    """
    vector = [float(points.get(goal, 0.0)) for goal in GOAL_IDS]
    distances = {t: math.dist(vector, centre) for t, centre in cluster_centres().items()}
    distances = {t: distances[t] for t in TYPE_IDS}
    return _order_types(distances)[0], distances


# --- CLI -----------------------------------------------------------------------------------------


def classify_csv(source: TextIO, target: TextIO) -> int:
    """Classify each CSV row; bad rows get an `error` text and the batch goes on.

    Returns the number of rows with an error.
    """
    reader = csv.DictReader(source)
    header = list(reader.fieldnames or [])
    missing = [c for c in CSV_GOAL_COLUMNS[:1] if c not in header]
    if missing:
        raise ValueError("Die CSV-Datei braucht die Spalten goal_1, goal_2, goal_3 (goal_1 fehlt).")
    added = ["type"] + [f"distance_{t}" for t in TYPE_IDS] + ["error"]
    out_header = header + [c for c in added if c not in header]
    writer = csv.DictWriter(target, fieldnames=out_header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    errors = 0
    for record in reader:
        row = {k: (v if v is not None else "") for k, v in record.items() if k is not None}
        cells = [(row.get(c) or "").strip() for c in CSV_GOAL_COLUMNS]
        for column in added:
            row[column] = ""
        try:
            if any(cells[i] == "" and any(cells[i + 1 :]) for i in range(len(cells))):
                raise ValueError("Leere Zelle vor einem weiteren Ziel – die Rangfolge ist unklar.")
            result = classify([c for c in cells if c])
        except ValueError as exc:
            row["error"] = str(exc)
            errors += 1
        else:
            row["type"] = result.type_id
            for t in TYPE_IDS:
                row[f"distance_{t}"] = f"{result.distances[t]:.6f}"
        writer.writerow(row)
    return errors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dteam.study.typology",
        description="Ordnet eine Kommune nach ihren bis zu drei wichtigsten Digitalisierungszielen "
        "einem Kommunentyp zu (nächstes Clusterzentrum, Tabelle 1).",
    )
    parser.add_argument("goals", nargs="*", help="Ziel-IDs, wichtigstes zuerst: " + ", ".join(GOAL_IDS))
    parser.add_argument("--csv", dest="csv_file", help="CSV mit goal_1,goal_2,goal_3 ('-' = stdin)")
    args = parser.parse_args(argv)
    if args.csv_file is not None:
        if args.goals:
            parser.error("Bitte entweder Ziele oder --csv angeben, nicht beides.")
        try:
            if args.csv_file == "-":
                classify_csv(sys.stdin, sys.stdout)
            else:
                with open(args.csv_file, encoding="utf-8", newline="") as handle:
                    classify_csv(handle, sys.stdout)
        except (OSError, ValueError, csv.Error) as exc:
            print(f"Fehler: {exc}", file=sys.stderr)
            return 2
        return 0
    try:
        result = classify(args.goals)
    except ValueError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    print(
        json.dumps(
            {"type": result.type_id, "distances": {t: round(d, 6) for t, d in result.distances.items()}},
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
