"""Typo repair for goal answers (dteam/interview/spelling.py) and the folds the parsers share."""

import re

import pytest

from dteam.interview.goals import extract_goals
from dteam.interview.spelling import repaired, repaired_word
from dteam.text import fold_pattern


@pytest.mark.parametrize(
    ("slip", "word"),
    [
        ("verwalung", "verwaltung"),
        ("schnellr", "schneller"),
        ("tourimus", "tourismus"),
        ("breitbandausbua", "breitbandausbau"),
        ("inovation", "innovation"),
        ("wirtschaftsforerung", "wirtschaftsforderung"),
        ("papeir", "papier"),  # two neighbouring letters swapped (ratio 0.83 alone)
        ("glasfaesr", "glasfaser"),
    ],
)
def test_a_slip_of_a_goal_vocabulary_word_is_repaired(slip, word):
    assert repaired_word(slip) == word


@pytest.mark.parametrize(
    "word",
    [
        "einzelhandel",  # a German word, though no goal example has it
        "digitalisieren",
        "bauakten",  # another ending of "Bauakte", not a slip
        "salach",  # a name with no vocabulary word near it
        "merh",  # too short to tell
    ],
)
def test_known_short_and_unrelated_words_stay(word):
    assert repaired_word(word) == word


def test_a_typo_answer_gets_its_goals():
    assert repaired("die verwalung schnellr machen") == "die verwaltung schneller machen"
    assert extract_goals("die Verwalung schnellr machen und merh online Antrage") == [
        "effizienz",
        "leistungsangebot",
    ]


def test_folding_a_pattern_keeps_its_escapes():
    folded = fold_pattern(r"\W*(?:Über|Maß)\S+\b")
    assert folded == r"\W*(?:uber|mass)\S+\b"
    # lower-cased, \W would have become \w and matched the word itself
    assert re.match(folded, "… uberall") and not re.match(folded, "xuberall")


def test_a_typo_kept_in_the_goal_examples_is_no_word_to_repair_to():
    # goal_examples.yml trains the matcher with "onlien"; it must not make the slip a known word
    assert repaired_word("onlien") == "online"
    assert extract_goals("also die buerger sollen ihre antraege onlien machen koennen") == [
        "leistungsangebot"
    ]
