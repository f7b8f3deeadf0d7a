"""Tune the semantic goal/practice matcher on the DEV split only (held-out answers are never loaded).

For every dev answer the rules get wrong or empty, shows what the matcher would do (sure match,
question to confirm, nothing) and counts, per threshold setting, how often a sure match is right,
how often it is wrong (a silent mistake), and how often the confirmation question names the
right option.

Usage: .venv/bin/python bench/tune_interview_semantic.py [--show]
"""

import argparse
import itertools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cases import load  # noqa: E402


def _dev(name):
    return [a for a in load(name, "answers", ("dev",)) if "text" in a]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()

    from dteam.interview import semantic_match as sm
    from dteam.interview.goals import extract_goals
    from dteam.interview.practices import parse_answer

    if not sm.warm_up():
        print("Semantische Schicht nicht verfügbar")
        return 1
    cases = []  # (kind, expected values, matches)
    for item in _dev("goal_answers.yml"):
        if not extract_goals(item["text"]):
            cases.append(("goal", list(item["goals"]), sm.match_goals(item["text"]), item["text"]))
    for item in _dev("practice_answers.yml"):
        if item["question"] not in sm.OPTION_SENTENCES:
            continue
        if not parse_answer(item["question"], item["text"]).ok:
            expected = item["value"] if isinstance(item["value"], list) else [item["value"]]
            match = sm.match_practice(item["question"], item["text"])
            cases.append(("practice", expected, [match] if match else [], item["text"]))
    print(f"dev answers the rules leave empty: {len(cases)}")
    if args.show:
        for kind, expected, matches, text in cases:
            shown = [(m.value, round(m.score, 3), round(m.margin, 3)) for m in matches]
            print(f"  {kind:8s} {text!r}: want {expected}, got {shown}")
    grid = itertools.product([0.86, 0.88, 0.90, 0.92], [0.0, 0.01, 0.02, 0.03], [0.82, 0.84, 0.86])
    rows = []
    for sure, margin, unsure in grid:
        if unsure > sure:
            continue
        right = wrong = asked_right = asked_wrong = 0
        for _, expected, matches, _ in cases:
            kept = [m for m in matches if m.score >= unsure]
            if not kept:
                continue
            if all(m.score >= sure and m.margin >= margin for m in kept):
                if [m.value for m in kept] == expected:
                    right += 1
                else:
                    wrong += 1
            elif [m.value for m in kept] == expected:
                asked_right += 1
            else:
                asked_wrong += 1
        rows.append((right - 2 * wrong + 0.5 * asked_right - 0.5 * asked_wrong, sure, margin, unsure,
                     right, wrong, asked_right, asked_wrong))  # fmt: skip
    rows.sort(key=lambda r: -r[0])
    print("sure margin unsure | sure right, sure wrong, asked right, asked wrong")
    for row in rows[:10]:
        print(f"{row[1]:.2f} {row[2]:.2f} {row[3]:.2f} | {row[4]} {row[5]} {row[6]} {row[7]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
