"""Typo repair against a vocabulary: a word no German word list knows becomes the vocabulary word it is a
slip of ("Verwalung" -> "verwaltung", "Stuide" -> "studie", "Stutgart" -> "stuttgart").

A slip: same first letter, about the same length, nearly the same letters (or two neighbours swapped),
and no second candidate as close. Known words, short words and names with no close vocabulary word stay
as they are. Works on folded words (dteam.text.fold_umlauts). Used for goal answers
(dteam.interview.spelling) and knowledge questions (dteam.kb.retrieval). Pure module.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache

from dteam.text import fold_umlauts, spacy_lookups_table

MIN_WORD_CHARS = 5  # shorter slips ("merh") are too often other words
MIN_RATIO = 0.85  # "vereien"/"vereine" 0.86, "verwalung"/"verwaltung" 0.95; "vereinen"/"vereine" is known
MAX_LENGTH_GAP = 2
AMBIGUITY_GAP = 0.03  # a second vocabulary word this close (and not a form of the same word): no repair
SAME_WORD_PREFIX = 4  # "vereinen"/"vereen" are forms of one word, "verweilen"/"verteilen" are not
MIN_WORD_LOGPROB = -16.5  # "Einzelhandel" -12.1, "Bauakten" -16.5; the typo "Inovation" -16.7
WORD = re.compile(rf"[a-z]{{{MIN_WORD_CHARS},}}")


@lru_cache(maxsize=1)
def german_words() -> frozenset[str]:
    """Every word form of spaCy's German lookup table (and its lemmas), folded like the parsers."""
    try:
        lemmas: dict[str, str] = spacy_lookups_table("de_lemma_lookup")  # word form -> lemma
        frequencies: dict[str, float] = spacy_lookups_table("de_lexeme_prob")  # word -> log probability
    except OSError:
        return frozenset()  # without the word lists only the vocabulary counts as known
    words = {fold_umlauts(word) for pair in lemmas.items() for word in pair}
    # The frequency list has a million words, typos among them ("Inovation" -16.7): only common ones.
    words.update(fold_umlauts(word) for word, logprob in frequencies.items() if logprob > MIN_WORD_LOGPROB)
    return frozenset(words)


def swapped_neighbours(word: str, candidate: str) -> bool:
    """True if `word` is `candidate` with two neighbouring letters swapped."""
    if len(word) != len(candidate):
        return False
    differ = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and word[differ[0]] == candidate[differ[1]]
        and word[differ[1]] == candidate[differ[0]]
    )


def edits(word: str, other: str) -> int:
    """Letters inserted, deleted, replaced or swapped with a neighbour to turn `word` into `other`."""
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, letter in enumerate(word, 1):
        current = [i]
        for j, other_letter in enumerate(other, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other_letter))
            if i > 1 and j > 1 and letter == other[j - 2] and word[i - 2] == other_letter:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


class Speller:
    """Repairs folded words against `vocabulary` (folded words of at least MIN_WORD_CHARS letters).

    `max_edits`: at most this many slips per word (see `edits`); the letter ratio alone lets a long
    compound pass for another with the same first part ("digitalisierungsbudget"/"…bezug").
    """

    def __init__(self, vocabulary: Iterable[str], max_edits: int | None = None):
        self.vocabulary = frozenset(vocabulary)
        self.max_edits = max_edits
        groups: dict[str, list[str]] = {}
        for word in self.vocabulary:
            groups.setdefault(word[0], []).append(word)
        self._by_first_letter = {letter: tuple(sorted(words)) for letter, words in groups.items()}
        self.repaired_word = lru_cache(maxsize=8192)(self._repaired_word)

    def is_known(self, word: str) -> bool:
        return word in self.vocabulary or word in german_words()

    def _repaired_word(self, word: str) -> str:
        """The vocabulary word `word` (folded, lower case) is a slip of, else `word` itself."""
        if len(word) < MIN_WORD_CHARS or self.is_known(word):
            return word
        scored = []
        for candidate in self._by_first_letter.get(word[0], ()):
            if abs(len(candidate) - len(word)) > MAX_LENGTH_GAP:
                continue
            ratio = difflib.SequenceMatcher(None, word, candidate).ratio()
            if swapped_neighbours(word, candidate):
                ratio = max(ratio, MIN_RATIO)  # "papeir"/"papier": one slip of the fingers, ratio 0.83
            if ratio >= MIN_RATIO and (self.max_edits is None or edits(word, candidate) <= self.max_edits):
                scored.append((ratio, candidate))
        if not scored:
            return word
        scored.sort(reverse=True)
        best_ratio, best = scored[0]
        rivals = [
            c
            for r, c in scored[1:]
            if best_ratio - r < AMBIGUITY_GAP and c[:SAME_WORD_PREFIX] != best[:SAME_WORD_PREFIX]
        ]
        if rivals or word.startswith(best) or best.startswith(word):
            return word  # ambiguous, or only another ending of a word ("Bauakten"/"Bauakte"): no slip
        return best

    def repaired(self, folded_text: str) -> str:
        """`folded_text` with each unknown word replaced by the vocabulary word it is a slip of."""
        return WORD.sub(lambda match: self.repaired_word(match.group()), folded_text)
