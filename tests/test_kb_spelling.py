"""Typos in knowledge questions (dteam.spelling.Speller on the entries' words, KnowledgeBase._spelled)."""

import pytest

from dteam.kb import build_knowledge_base
from dteam.kb.retrieval import KIND_ANSWER, KIND_NO_ANSWER
from dteam.spelling import Speller, edits


@pytest.fixture(scope="module")
def kb():
    return build_knowledge_base()


@pytest.mark.parametrize(
    "word, other, expected",
    [("stuide", "studie", 1), ("stutgart", "stuttgart", 1), ("komunen", "kommunen", 1), ("abcd", "abcd", 0)],
)
def test_edits_count_slips_a_swap_of_neighbours_as_one(word, other, expected):
    assert edits(word, other) == expected


def test_a_speller_with_an_edit_limit_leaves_a_compound_with_the_same_first_part_alone():
    vocabulary = ["digitalisierungsbezug", "stuttgart"]
    assert Speller(vocabulary).repaired_word("digitalisierungsbudget") == "digitalisierungsbezug"
    limited = Speller(vocabulary, max_edits=1)
    assert limited.repaired_word("digitalisierungsbudget") == "digitalisierungsbudget"
    assert limited.repaired_word("stutgart") == "stuttgart"


@pytest.mark.parametrize(
    "question, fact",
    [
        # before: refused, the typo read as a word the sources do not know / as an unknown place
        ("Was meint die Stuide mit „Dritten Orten“?", "Begegnung"),
        ("Wieviele Mitarbeitende leitet der CDO in Stutgart?", "400"),
        # "ß" for "ss": folded it is a known word, the entries' spelling is used
        ("ozg wann beschloßen und bis wann hätte mans umsetzen müssen", "2017"),
    ],
)
def test_a_typo_does_not_turn_a_covered_question_into_an_unknown_one(kb, question, fact):
    answer = kb.answer(question)
    assert answer.kind == KIND_ANSWER and fact in answer.text


def test_words_the_entries_do_not_know_stay_as_written(kb):
    assert kb._spelled("Was kostet ein Lotse in Salzach?") == "Was kostet ein Lotse in Salzach?"
    question = "Wie hoch ist das jährliche Digitalisierungsbudget der Community Manager?"
    assert kb._spelled(question) == question
    assert kb.answer(question).kind == KIND_NO_ANSWER
