"""Typo repair for free-text goal answers ("die Verwalung schnellr machen" -> "… verwaltung schneller …").

A word no German word list knows is replaced by the word of the goal vocabulary (the goal examples,
descriptions and labels) it is a slip of (dteam.spelling.Speller). Also joins compounds split in two.
Works on folded text (dteam.text.fold_umlauts), as the goal parser does.

Pure module: no Rasa import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from dteam.spelling import WORD, Speller, german_words, swapped_neighbours
from dteam.text import fold_umlauts

_EXAMPLES_FILE = Path(__file__).resolve().parent / "goal_examples.yml"


# Words of the goal patterns the German word lists lack, so the speller would "repair" them ("nahbar" to
# "nachbar", a neighbour – another goal).
_MISSING_FROM_WORD_LISTS = frozenset({"nahbar", "nahbare", "nahbarer", "nahbaren"})


@lru_cache(maxsize=1)
def goal_vocabulary() -> frozenset[str]:
    """Folded words of at least MIN_WORD_CHARS letters the goal parser's own texts use, and the whole German
    words its patterns spell out ("prozesse" for "Prozese schneller"; not stems such as "touris")."""
    from .goals import _FUZZY_ANCHORS, _LEXICON, GOAL_DESCRIPTIONS, GOAL_LABELS

    examples = yaml.safe_load(_EXAMPLES_FILE.read_text(encoding="utf-8")).get("examples") or {}
    texts = [text for group in examples.values() for text in group]
    texts += list(GOAL_DESCRIPTIONS.values()) + list(GOAL_LABELS.values()) + list(_FUZZY_ANCHORS)
    own = set(WORD.findall(fold_umlauts(" ".join(texts))))
    spelled = WORD.findall(fold_umlauts(" ".join(p for patterns in _LEXICON.values() for p in patterns)))
    vocabulary = own | {word for word in spelled if word in german_words()} | _MISSING_FROM_WORD_LISTS
    # The examples keep typos on purpose ("anträge … onlien stellen"): such a word is a slip of a word
    # of the vocabulary, not a word to repair other slips to.
    return frozenset(vocabulary - _slips_of_known_words(vocabulary))


def _slips_of_known_words(words: set[str]) -> set[str]:
    """Words no German word list knows that are a known word with two neighbouring letters swapped."""
    known_by_shape: dict[tuple[int, str], list[str]] = {}
    for word in words:
        if word in german_words():
            known_by_shape.setdefault((len(word), word[0]), []).append(word)
    return {
        word
        for word in words
        if word not in german_words()
        and any(swapped_neighbours(word, known) for known in known_by_shape.get((len(word), word[0]), ()))
    }


@lru_cache(maxsize=1)
def _speller() -> Speller:
    return Speller(goal_vocabulary())


def repaired_word(word: str) -> str:
    """The goal-vocabulary word `word` (folded, lower case) is a slip of, else `word` itself."""
    return _speller().repaired_word(word)


def repaired(folded_text: str) -> str:
    """`folded_text` with each unknown word replaced by the goal-vocabulary word it is a slip of."""
    return _speller().repaired(folded_text)


MIN_PART_CHARS = 3
MIN_COMPOUND_CHARS = 6
_TOKEN = re.compile(r"[a-z]+|[^a-z]+")


# Nouns spaCy's stop word list carries that end compounds ("förder mittel", "daten schutz recht").
_COMPOUND_HEADS_IN_STOP_WORDS = frozenset({"mittel", "recht"})


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(fold_umlauts(word) for word in STOP_WORDS) - _COMPOUND_HEADS_IN_STOP_WORDS


def _joins(first: str, second: str) -> bool:
    return (
        len(first) >= MIN_PART_CHARS
        and len(second) >= MIN_PART_CHARS
        and len(first) + len(second) >= MIN_COMPOUND_CHARS
        # two verbs ("stehen bleiben", "liegen lassen") stay apart: the goal patterns read them so
        and not (first.endswith("en") and second.endswith("en"))
        and first not in _function_words()
        and second not in _function_words()
        # The goal vocabulary only: the general word lists also know verb phrases written as one word
        # ("liegenbleiben", "ernstgenommen"), which the goal patterns expect as two.
        and first + second in goal_vocabulary()
    )


def joined_compounds(folded_text: str) -> str:
    """Compounds that speech-to-text splits in two ("das breit band", "die glas faser", "sitzungs
    unterlagen") joined again when the goal vocabulary knows the joined word; function words never join
    ("so viel", "zu wenig" stay)."""
    tokens = _TOKEN.findall(folded_text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = token[0].isalpha() and i + 2 < len(tokens) and tokens[i + 1] == " "
        if pair and _joins(token, tokens[i + 2]):
            out.append(token + tokens[i + 2])
            i += 3
            continue
        out.append(token)
        i += 1
    return "".join(out)


def warm_up() -> None:
    """Load the word lists and the vocabulary once (the action server does so at start)."""
    german_words()
    _speller()
    _function_words()
