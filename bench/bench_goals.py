"""Benchmark for dteam.interview.goals.extract_goals on tests/data/goals_dev.yml and goals_heldout.yml.

Prints exact-ranking accuracy for the dev and the held-out section, the dev failures, and latency.
Held-out failures stay hidden (whoever tunes must not see them) unless --show-heldout-failures is given.
Run: .venv/bin/python bench/bench_goals.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dteam.interview.goals import extract_goals  # noqa: E402


def evaluate(cases):
    failures = []
    for case in cases:
        got = extract_goals(case["text"])
        if got != list(case["goals"]):
            failures.append((case["text"], list(case["goals"]), got))
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-heldout-failures", action="store_true", help="only for the final report")
    args = parser.parse_args()
    data = {
        **yaml.safe_load((REPO / "tests" / "data" / "goals_dev.yml").read_text(encoding="utf-8")),
        **yaml.safe_load((REPO / "tests" / "data" / "goals_heldout.yml").read_text(encoding="utf-8")),
    }
    for section in ("dev", "heldout"):
        cases = data[section]
        failures = evaluate(cases)
        accuracy = 1 - len(failures) / len(cases)
        print(f"{section}: exact-ranking accuracy {accuracy:.3f} ({len(cases) - len(failures)}/{len(cases)})")
        if section == "dev" or args.show_heldout_failures:
            for text, expected, got in failures:
                print(f"  FAIL {text!r}: expected {expected}, got {got}")
    texts = [c["text"] for c in data["dev"] + data["heldout"]]
    extract_goals(texts[0])  # warm-up (regex compile happens at import already)
    timings = []
    for _ in range(5):
        for text in texts:
            start = time.perf_counter()
            extract_goals(text)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(
        f"latency per answer: median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms, max {timings[-1]:.2f} ms "
        f"({len(timings)} calls)"
    )
    long_text = "Effizienz und Bürgernähe sind uns wichtig, aber auch vieles andere. " * 200
    start = time.perf_counter()
    extract_goals(long_text)
    print(f"latency for a {len(long_text)}-character answer: {(time.perf_counter() - start) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
