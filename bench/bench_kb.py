"""Knowledge retrieval benchmark: hit@1/hit@3, honest no-answer, false refusals, latency, build time.

Usage: .venv/bin/python bench/bench_kb.py [--dev FILE ...] [--repeats 5] [--show-failures]
(--dev defaults to tests/data/kb_dev.yml and tests/data/kb_heldout.yml)
"""

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dev",
        type=Path,
        nargs="+",
        default=[REPO / "tests" / "data" / "kb_dev.yml", REPO / "tests" / "data" / "kb_heldout.yml"],
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per question (median is kept)")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    cpu_started = time.process_time()
    from dteam.kb import build_knowledge_base  # includes the spaCy import, as in a fresh process
    from dteam.kb.evaluation import evaluate, load_dev_set

    kb = build_knowledge_base()
    kb.answer("Was ist FIM?")  # loads the lemma table: part of a cold start
    cold = time.perf_counter() - started
    cold_cpu = time.process_time() - cpu_started
    started = time.perf_counter()
    cpu_started = time.process_time()
    kb = build_knowledge_base()
    warm = time.perf_counter() - started
    warm_cpu = time.process_time() - cpu_started

    items = load_dev_set(*args.dev)
    report = evaluate(kb, items, repeats=args.repeats)
    print(f"entries indexed:              {len(kb)}")
    # Wall time depends on how busy the machine is; CPU time of this process is steadier.
    print(f"index build (cold, incl. imports): {cold:.2f} s wall, {cold_cpu:.2f} s CPU")
    print(f"index build (warm):           {warm:.2f} s wall, {warm_cpu:.2f} s CPU")
    for label, held_out in (("all", None), ("tuning", False), ("held-out", True)):
        f = report.figures(held_out)
        print(
            f"[{label:8s}] answerable={f['answerable']:3d} unanswerable={f['unanswerable']:3d} "
            f"hit@1={f['hit@1']:.1%} hit@3={f['hit@3']:.1%} "
            f"honest_no_answer={f['honest_no_answer']:.1%} false_refusal={f['false_refusal']:.1%}"
        )
    f = report.figures()
    print(f"retrieval latency ms: p50={f['p50_ms']:.2f} p95={f['p95_ms']:.2f} p99={f['p99_ms']:.2f}")
    if args.show_failures:
        for o in report.failures():
            print(
                f"  MISS {o.item.question!r}: expected {o.item.expected or 'no answer'}, "
                f"got {o.answered_id}, top3 {o.top3}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
