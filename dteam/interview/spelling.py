"""Typo repair for free-text goal answers ("die Verwalung schnellr machen" -> "… verwaltung schneller …").

A word no German word list knows is replaced by the word of the goal vocabulary (the goal examples,
descriptions and labels) it is a slip of: same first letter, about the same length, nearly the same
letters, and no second candidate as close. Known words, short words and names with no close
vocabulary word stay as they are. Works on folded text (dteam.text.fold_umlauts), as the goal
parser does.

Pure module: no Rasa import.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

import yaml

from dteam.text import fold_umlauts, spacy_lookups_table

MIN_WORD_CHARS = 5  # shorter slips ("merh") are too often other words
MIN_RATIO = 0.85  # "vereien"/"vereine" 0.86, "verwalung"/"verwaltung" 0.95; "vereinen"/"vereine" is known
MAX_LENGTH_GAP = 2
AMBIGUITY_GAP = 0.03  # a second vocabulary word this close (and not a form of the same word): no repair
SAME_WORD_PREFIX = 4  # "vereinen"/"vereen" are forms of one word, "verweilen"/"verteilen" are not
MIN_WORD_LOGPROB = -16.5  # "Einzelhandel" -12.1, "Bauakten" -16.5; the typo "Inovation" -16.7
_WORD = re.compile(rf"[a-z]{{{MIN_WORD_CHARS},}}")
_EXAMPLES_FILE = Path(__file__).resolve().parent / "goal_examples.yml"


@lru_cache(maxsize=1)
def goal_vocabulary() -> frozenset[str]:
    """Folded words of at least MIN_WORD_CHARS letters the goal parser's own texts use, and the whole German
    words its patterns spell out ("prozesse" for "Prozese schneller"; not stems such as "touris")."""
    from .goals import _FUZZY_ANCHORS, _LEXICON, GOAL_DESCRIPTIONS, GOAL_LABELS

    examples = yaml.safe_load(_EXAMPLES_FILE.read_text(encoding="utf-8")).get("examples") or {}
    texts = [text for group in examples.values() for text in group]
    texts += list(GOAL_DESCRIPTIONS.values()) + list(GOAL_LABELS.values()) + list(_FUZZY_ANCHORS)
    own = set(_WORD.findall(fold_umlauts(" ".join(texts))))
    spelled = _WORD.findall(fold_umlauts(" ".join(p for patterns in _LEXICON.values() for p in patterns)))
    return frozenset(own | {word for word in spelled if word in _german_words()})


@lru_cache(maxsize=1)
def _by_first_letter() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for word in goal_vocabulary():
        groups.setdefault(word[0], []).append(word)
    return {letter: tuple(sorted(words)) for letter, words in groups.items()}


@lru_cache(maxsize=1)
def _german_words() -> frozenset[str]:
    """Every word form of spaCy's German lookup table (and its lemmas), folded like the goal parser."""
    try:
        lemmas: dict[str, str] = spacy_lookups_table("de_lemma_lookup")  # word form -> lemma
        frequencies: dict[str, float] = spacy_lookups_table("de_lexeme_prob")  # word -> log probability
    except OSError:
        return frozenset()  # without the word lists only the goal vocabulary counts as known
    words = {fold_umlauts(word) for pair in lemmas.items() for word in pair}
    # The frequency list has a million words, typos among them ("Inovation" -16.7): only common ones.
    words.update(fold_umlauts(word) for word, logprob in frequencies.items() if logprob > MIN_WORD_LOGPROB)
    return frozenset(words)


def _is_known(word: str) -> bool:
    return word in goal_vocabulary() or word in _german_words()


def _swapped_neighbours(word: str, candidate: str) -> bool:
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


@lru_cache(maxsize=8192)
def repaired_word(word: str) -> str:
    """The vocabulary word `word` (folded, lower case) is a slip of, else `word` itself."""
    if len(word) < MIN_WORD_CHARS or _is_known(word):
        return word
    scored = []
    for candidate in _by_first_letter().get(word[0], ()):
        if abs(len(candidate) - len(word)) > MAX_LENGTH_GAP:
            continue
        ratio = difflib.SequenceMatcher(None, word, candidate).ratio()
        if _swapped_neighbours(word, candidate):
            ratio = max(ratio, MIN_RATIO)  # "papeir"/"papier": one slip of the fingers, ratio 0.83
        if ratio >= MIN_RATIO:
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


def repaired(folded_text: str) -> str:
    """`folded_text` with each unknown word replaced by the vocabulary word it is a slip of."""
    return _WORD.sub(lambda match: repaired_word(match.group()), folded_text)


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
    _german_words()
    _by_first_letter()
    _function_words()
