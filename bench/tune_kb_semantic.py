"""Tune the fusion of the e5 retriever with the lexical one on the DEV questions only.

Dev = tests/data/kb_dev.yml without its `held_out: true` items + bench/data/dev/kb_questions.yml;
held-out questions are never used here. Prints the lexical baseline, the current settings and
the best grid points (entry hit@1 on answerable, honest no-answer on unanswerable).

Usage: .venv/bin/python bench/tune_kb_semantic.py [--top 10]
"""

import argparse
import itertools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cases import load  # noqa: E402


def dev_items():
    from dteam.kb.evaluation import DevQuestion, load_dev_set

    # Earlier versions of this script also scored kb_dev.yml's held-out items (fixed 2026-11-30).
    items = [i for i in load_dev_set(REPO / "tests" / "data" / "kb_dev.yml") if not i.held_out]
    for item in load("kb_questions.yml", "questions", ("dev",)):
        items.append(DevQuestion(question=str(item["q"]), expected=list(item.get("entries") or [])))
    return items


def score(kb, items):
    answerable = [i for i in items if i.expected]
    unanswerable = [i for i in items if not i.expected]
    hits = refusals = honest = 0
    for item in items:
        answer = kb.answer(item.question, item.previous_topic, item.previous_type, item.own_type)
        answered = answer.entry_id if answer.kind == "answer" else None
        if item.expected:
            hits += answered in item.expected
            refusals += answered is None
        else:
            honest += answered is None
    return hits / len(answerable), honest / len(unanswerable), refusals / len(answerable)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--no-grid", action="store_true", help="only the baseline and the current settings")
    args = parser.parse_args()

    from dteam.kb import build_knowledge_base, retrieval
    from dteam.kb.semantic import attach_vectors
    from dteam.semantic import get_encoder

    kb = build_knowledge_base()
    if not attach_vectors(kb, encode=True):
        print("Semantische Schicht nicht verfügbar")
        return 1
    encoder = get_encoder()
    memo = {}
    original_query = encoder.query

    def memo_query(text):  # each dev question is encoded once for the whole grid
        if text not in memo:
            memo[text] = original_query(text)
        return memo[text]

    encoder.query = memo_query
    lexical_memo = {}
    original_lexical = kb.index.query

    def memo_lexical(text):  # the lexical signals do not depend on the tuned settings either
        if text not in lexical_memo:
            lexical_memo[text] = original_lexical(text)
        return lexical_memo[text]

    kb.index.query = memo_lexical
    items = dev_items()
    print(f"dev questions: {len(items)} ({sum(bool(i.expected) for i in items)} answerable)")
    current = {
        name: getattr(retrieval, name)
        for name in (
            "W_SEMANTIC",
            "SEMANTIC_FLOOR",
            "SEMANTIC_ACCEPT",
            "SEMANTIC_MIN_COVERAGE",
            "SEMANTIC_MIN_KNOWN_FRACTION",
            "SEMANTIC_ACCEPT_KNOWN",
            "SEMANTIC_KNOWN_FRACTION_LOW_COSINE",
            "W_SENTENCE",
            "QUANTITY_MISMATCH_PENALTY",
        )
    }
    semantic, kb.semantic = kb.semantic, None
    print("lexical only:   hit@1={:.3f} honest={:.3f} false_refusal={:.3f}".format(*score(kb, items)))
    kb.semantic = semantic
    print("current {}: hit@1={:.3f} honest={:.3f} false_refusal={:.3f}".format(current, *score(kb, items)))
    if args.no_grid:
        return 0
    # Earlier grids settled W_SEMANTIC 3.0 / floor 0.80 (W 0-10, floor 0.75-0.88) and showed that a
    # cosine threshold alone cannot separate unanswerables; this one weighs the body-sentence signal
    # and the two-tier acceptance (high cosine, or a lower one with the question's words known).
    grid = {
        "W_SENTENCE": [0.0, 1.0, 2.0],
        "SEMANTIC_ACCEPT": [0.88, 0.89, 0.90, 0.91],
        "SEMANTIC_ACCEPT_KNOWN": [0.84, 0.85, 0.86, 0.87, 1.01],
        "SEMANTIC_KNOWN_FRACTION_LOW_COSINE": [0.6, 0.7, 0.8],
        "SEMANTIC_MIN_KNOWN_FRACTION": [0.25],
        "QUANTITY_MISMATCH_PENALTY": [0.2],
    }
    results = []
    for values in itertools.product(*grid.values()):
        setting = dict(zip(grid, values, strict=True))
        for name, value in setting.items():
            setattr(retrieval, name, value)
        hit, honest, refusal = score(kb, items)
        results.append((hit + honest - refusal, hit, honest, refusal, setting))
    for name, value in current.items():
        setattr(retrieval, name, value)
    results.sort(key=lambda r: -r[0])
    for total, hit, honest, refusal, setting in results[: args.top]:
        print(f"{total:.3f} hit@1={hit:.3f} honest={honest:.3f} false_refusal={refusal:.3f} {setting}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
