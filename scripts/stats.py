"""Prints the type distribution of the stored assessments next to the study's Table 2 (`make stats`).

Usage: python scripts/stats.py [--min-group N] [--no-kinds]
Reads RESULTS_DB_URL (default sqlite:///data_store/results.db).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dteam.storage import results, statistics


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Statistik der abgeschlossenen Einschätzungen")
    parser.add_argument(
        "--min-group",
        type=int,
        default=1,
        help="kleinste Gruppe, deren Verteilung gezeigt wird (Chat: STATS_MIN_GROUP_SIZE)",
    )
    parser.add_argument("--no-kinds", action="store_true", help="ohne Aufschlüsselung nach Art der Kommune")
    args = parser.parse_args(argv)
    store = results.ResultsStore()
    distributions = store.type_distribution(by_kind=not args.no_kinds)
    print(f"Ergebnisspeicher: {store.engine.url.render_as_string(hide_password=True)}")
    print(statistics.format_statistics(distributions, max(1, args.min_group)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
