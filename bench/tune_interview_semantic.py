"""Tune the semantic goal/practice matcher on the DEV split only (held-out answers are never loaded).

For every dev answer the rules get wrong or empty, shows what the matcher would do (sure match,
question to confirm, nothing) and counts, per threshold setting, how often a sure match is right,
how often it is wrong (a silent mistake), and how often the confirmation question names the
right option. Goals: the classifier's sure threshold (below it the goal sentences' cosines decide);
practice: option-sentence cosines.

Usage: .venv/bin/python bench/tune_interview_semantic.py [--show]
"""

import argparse
import itertools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cases import load  # noqa: E402


def _dev(name, first=None):
    return [a for a in load(name, "answers", ("dev",))[:first] if "text" in a]


def _score(cases, sure_at, unsure_at):
    """right - 2*wrong + (asked right - asked wrong)/2 over (expected, matches, text), with the counts."""
    right = wrong = asked_right = asked_wrong = 0
    for expected, matches, _text in cases:
        kept = [m for m in matches if m.score >= unsure_at]
        if not kept:
            continue
        values = [m.value for m in kept]
        if all(sure_at(m) for m in kept):
            right, wrong = (right + 1, wrong) if values == expected else (right, wrong + 1)
        elif values == expected:
            asked_right += 1
        else:
            asked_wrong += 1
    total = right - 2 * wrong + 0.5 * asked_right - 0.5 * asked_wrong
    return total, right, wrong, asked_right, asked_wrong


def _print_best(rows, header):
    rows.sort(key=lambda r: -r[0])
    print(header + " | sure right, sure wrong, asked right, asked wrong")
    for total, setting, right, wrong, asked_right, asked_wrong in rows[:8]:
        print(f"{setting} | {right} {wrong} {asked_right} {asked_wrong}  (score {total:.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument(
        "--first", type=int, help="only the first N dev goal answers (keep a new batch unseen)"
    )
    args = parser.parse_args()

    from dteam.interview import semantic_match as sm
    from dteam.interview.goals import extract_goals
    from dteam.interview.practices import parse_answer

    if not sm.warm_up():
        print("Semantische Schicht nicht verfügbar")
        return 1
    goal_answers = [item for item in _dev("goal_answers.yml", args.first) if not extract_goals(item["text"])]
    practice = []  # (expected values, matches, text)
    for item in _dev("practice_answers.yml"):
        if item["question"] not in sm.OPTION_SENTENCES:
            continue
        if not parse_answer(item["question"], item["text"]).ok:
            expected = item["value"] if isinstance(item["value"], list) else [item["value"]]
            match = sm.match_practice(item["question"], item["text"])
            practice.append((expected, [match] if match else [], item["text"]))
    print(f"dev answers the rules leave empty: goals {len(goal_answers)}, practice {len(practice)}")
    rows = []
    for probability in [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]:
        # The classifier takes a goal at this probability; below it the goal sentences' cosines decide
        # with their own thresholds (sure, or asked once).
        sm.GOAL_SURE_PROBABILITY = probability
        goals = [(list(a["goals"]), sm.match_goals(a["text"]), a["text"]) for a in goal_answers]
        total, *counts = _score(goals, lambda m: m.sure, 0.0)
        rows.append((total, f"goal classifier sure at {probability:.2f}", *counts))
        if args.show:
            for expected, matches, text in goals:
                shown = [(m.value, round(m.score, 3), m.sure) for m in matches]
                print(f"  {probability:.2f} {text!r}: want {expected}, got {shown}")
    _print_best(rows, "goal classifier threshold")
    rows = []
    grid = itertools.product([0.86, 0.88, 0.90, 0.92], [0.0, 0.01, 0.02, 0.03], [0.82, 0.84, 0.86])
    for sure, margin, unsure in grid:
        if unsure <= sure:
            rule = lambda m, s=sure, g=margin: m.score >= s and m.margin >= g  # noqa: E731
            total, *counts = _score(practice, rule, unsure)
            rows.append((total, f"practice sure {sure:.2f} margin {margin:.2f} unsure {unsure:.2f}", *counts))
    _print_best(rows, "practice cosine thresholds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
