"""Evaluation of retrieval on a dev set (tests/data/kb_dev.yml, kb_heldout.yml): hit rates, honesty, latency.

Used by bench/bench_kb.py and tests/test_kb_dev_set.py. Pure module: no Rasa import.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from .retrieval import KIND_ANSWER, KnowledgeBase


@dataclass
class DevQuestion:
    question: str
    expected: list[str]
    previous_topic: str | None = None
    previous_type: str | None = None
    own_type: str | None = None
    held_out: bool = False

    @property
    def answerable(self) -> bool:
        return bool(self.expected)


@dataclass
class Outcome:
    item: DevQuestion
    answered_id: str | None
    top3: list[str]
    milliseconds: float

    @property
    def hit1(self) -> bool:
        return self.answered_id in self.item.expected

    @property
    def hit3(self) -> bool:
        return any(entry_id in self.item.expected for entry_id in self.top3)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _subset(self, answerable: bool, held_out: bool | None = None) -> list[Outcome]:
        return [
            o
            for o in self.outcomes
            if o.item.answerable == answerable and (held_out is None or o.item.held_out == held_out)
        ]

    def figures(self, held_out: bool | None = None) -> dict[str, float]:
        answerable = self._subset(True, held_out)
        unanswerable = self._subset(False, held_out)
        latencies = np.array([o.milliseconds for o in self.outcomes]) if self.outcomes else np.zeros(1)
        return {
            "answerable": len(answerable),
            "unanswerable": len(unanswerable),
            "hit@1": _rate(sum(o.hit1 for o in answerable), len(answerable)),
            "hit@3": _rate(sum(o.hit3 for o in answerable), len(answerable)),
            "honest_no_answer": _rate(sum(o.answered_id is None for o in unanswerable), len(unanswerable)),
            "false_refusal": _rate(sum(o.answered_id is None for o in answerable), len(answerable)),
            "p50_ms": float(np.percentile(latencies, 50)),
            "p95_ms": float(np.percentile(latencies, 95)),
            "p99_ms": float(np.percentile(latencies, 99)),
        }

    def failures(self) -> list[Outcome]:
        return [
            o
            for o in self.outcomes
            if (o.item.answerable and not o.hit1) or (not o.item.answerable and o.answered_id is not None)
        ]


def _rate(count: int, total: int) -> float:
    return count / total if total else 1.0


def load_dev_set(*paths: Path) -> list[DevQuestion]:
    """The questions of one or more files (dev and held-out are kept in separate files)."""
    return [question for path in paths for question in _load_one(path)]


def _load_one(path: Path) -> list[DevQuestion]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        DevQuestion(
            question=str(item["q"]),
            expected=[str(e) for e in item.get("expected") or []],
            previous_topic=item.get("previous_topic"),
            previous_type=item.get("previous_type"),
            own_type=item.get("own_type"),
            held_out=bool(item.get("held_out", False)),
        )
        for item in data.get("questions", [])
    ]


def evaluate(kb: KnowledgeBase, items: list[DevQuestion], repeats: int = 1) -> Report:
    report = Report()
    for item in items:
        timings = []
        for _ in range(max(repeats, 1)):
            started = time.perf_counter()
            answer = kb.answer(item.question, item.previous_topic, item.previous_type, item.own_type)
            timings.append((time.perf_counter() - started) * 1000)
        answered = answer.entry_id if answer.kind == KIND_ANSWER else None
        top3 = ([answered] if answered else []) + [c for c in answer.candidates if c != answered]
        report.outcomes.append(Outcome(item, answered, top3[:3], float(np.median(timings))))
    return report
