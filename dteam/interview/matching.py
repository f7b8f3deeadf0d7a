"""Text matching shared by the answer parsers (goals, practice questions)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

Label = TypeVar("Label")


def clause_spans(text: str, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of the non-empty clauses between the matches of `splitter`."""
    spans, start = [], 0
    for match in splitter.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [span for span in spans if span[1] > span[0]]


def longest_matches(
    text: str, patterns: Iterable[tuple[Label, Iterable[re.Pattern[str]]]]
) -> list[tuple[int, int, Label]]:
    """Non-overlapping matches of the labelled patterns in `text`, in text order.

    Longer matches win over shorter overlapping ones, so specific phrases ("Wirtschaftsförderung")
    beat generic stems ("förder…").
    """
    candidates = [
        (match.start(), match.end(), label)
        for label, compiled in patterns
        for pattern in compiled
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Label]] = []
    for start, end, label in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, label))
    return sorted(taken, key=lambda t: t[0])
