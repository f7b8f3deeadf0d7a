"""Retrieval quality on the dev set (tests/data/kb_dev.yml) against the real knowledge entries."""

from pathlib import Path

import pytest
import yaml

from dteam.kb import build_knowledge_base
from dteam.kb.entries import load_entries
from dteam.kb.evaluation import evaluate, load_dev_set

REPO = Path(__file__).resolve().parent.parent
DEV_SET = REPO / "tests" / "data" / "kb_dev.yml"
HELDOUT_SET = REPO / "tests" / "data" / "kb_heldout.yml"
ENTRIES = REPO / "knowledge" / "entries"


@pytest.fixture(scope="module")
def items():
    return load_dev_set(DEV_SET, HELDOUT_SET)


@pytest.fixture(scope="module")
def report(items):
    kb = build_knowledge_base(
        entries_dir=ENTRIES, chunks_file=REPO / "tests" / "fixtures" / "no-chunks.jsonl"
    )
    return evaluate(kb, items)


def test_dev_set_is_big_and_varied_enough(items):
    assert len(items) >= 100
    assert sum(not item.answerable for item in items) >= 20
    sources = {entry_id.split("-")[0] for item in items for entry_id in item.expected}
    assert sources >= {"studie", "thesen", "podcast09", "podcast22", "meldung"}
    assert any(item.held_out for item in items)


def test_every_expected_entry_exists(items):
    known = {entry.id for entry in load_entries(ENTRIES)}
    missing = sorted({e for item in items for e in item.expected} - known)
    assert not missing, f"dev set refers to entries that do not exist: {missing}"


def test_dev_questions_are_not_nlu_training_examples(items):
    nlu = yaml.safe_load((REPO / "data" / "nlu" / "knowledge.yml").read_text(encoding="utf-8"))
    examples = {
        line.strip()[2:].strip().lower()
        for block in nlu["nlu"]
        for line in block.get("examples", "").splitlines()
        if line.strip()
    }
    overlap = [item.question for item in items if item.question.lower() in examples]
    assert not overlap, overlap


def test_hit_at_1_and_honest_no_answer_reach_the_targets(report):
    figures = report.figures()
    failures = [(o.item.question, o.item.expected, o.answered_id) for o in report.failures()]
    assert figures["hit@1"] >= 0.9, failures
    assert figures["honest_no_answer"] >= 0.9, failures
