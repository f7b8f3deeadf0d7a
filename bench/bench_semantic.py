"""Encoder figures of the semantic layer: CPU check, load time, query latency, entry encoding time.

One thread, as in the bot. The entry encoding is done without the cache (what a first `make kb`
costs); the query latency uses the knowledge questions' texts (dev split only) as realistic input.

Usage: .venv/bin/python bench/bench_semantic.py [--queries 60] [--skip-entries]
"""

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cases import load  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--skip-entries", action="store_true")
    args = parser.parse_args()

    from dteam.semantic import MODEL_ID, cpu_supports_encoder, get_encoder, semantic_requested

    print(f"model: {MODEL_ID}")
    print(f"CPU has AVX2 and FMA: {cpu_supports_encoder()}; DTEAM_SEMANTIC on: {semantic_requested()}")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    encoder = get_encoder()
    if encoder is None:
        print("encoder not available: lexical fallback")
        return 1
    print(f"load: {1000 * (time.perf_counter() - started):.0f} ms")

    texts = [q["q"] for q in load("kb_questions.yml", "questions", ("dev",))][: args.queries]
    encoder.query("Aufwärmen")
    timings = []
    for text in texts:
        started = time.perf_counter()
        encoder.query(text)
        timings.append(1000 * (time.perf_counter() - started))
    p50, p95 = np.percentile(timings, [50, 95])
    print(f"query ({len(texts)} questions, one at a time): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"max RSS with the encoder: {rss / 1024:.0f} MB (before loading it: {rss_before / 1024:.0f} MB)")

    if not args.skip_entries:
        from dteam.kb import build_knowledge_base
        from dteam.kb.semantic import _texts

        kb = build_knowledge_base()
        passages, questions, _ = _texts(kb.entries)
        started, cpu = time.perf_counter(), time.process_time()
        encoder.passage(passages)
        encoder.query(questions)
        print(
            f"entries: {len(passages)} passages + {len(questions)} curated questions encoded (no cache) in "
            f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
