"""German text normalisation for retrieval: tokenising, lemmatising, folding.

Uses spaCy's blank German pipeline (tokenizer) and the lookup lemma table from
spacy-lookups-data; no downloaded model. Pure module: no Rasa import.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from dteam.text import spacy_lookups_table

_FOLD_TABLE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
_nlp_lock = threading.Lock()
_nlp = None
_lemma_table = None

# Question words and fillers that carry no topic; spaCy's German stop list is added on load.
_EXTRA_STOPWORDS = {
    "gibt",
    "geben",
    "gib",
    "sagen",
    "sagt",
    "bitte",
    "eigentlich",
    "genau",
    # "wie viele Kommunen gibt es ungefähr": an estimate asked for is no topic
    "ungefaehr",
    "ungefahr",
    "circa",
    "zirka",
    "schaetzungsweise",
    "mal",
    "denn",
    "erklaeren",
    "erklaere",
    "erzaehlen",
    "wissen",
    "moechte",
    "moechten",
    "wuerde",
    "wuerden",
    "koennen",
    "koennt",
    "kann",
    "koennte",
    "konnen",
    "kannst",
    "sollen",
    "sollten",
    "muessen",
    "viel",
    "viele",
    "vielen",
    "welch",
    "welche",
    "welcher",
    "welches",
    "welchen",
    "was",
    "wie",
    "wer",
    "wo",
    "warum",
    "wieso",
    "weshalb",
    "wozu",
    "worum",
    "gehen",
    "geht",
    "bedeuten",
    "bedeutet",
    "heissen",
    "heisst",
    "stehen",
    "steht",
    "hallo",
    "frage",
    "fragen",
    "info",
    "infos",
    "information",
    "informationen",
    "mehr",
    "dazu",
    "daran",
    "darueber",
    "ueberhaupt",
    "stecken",
    "steckt",
    "hinter",
    "gemeint",
    "meinen",
    "meint",
    "verstehen",
    "versteht",
    "versteh",
    "schon",
    "laut",
    "bzgl",
    "bezueglich",
    "hinsichtlich",
    "abkuerzung",
    "begriff",
    "bedeutung",
    "stichwort",
    "thema",
    "themen",
    "genannt",
    "is",
    "iss",
    "wat",
    "gibts",
    "nen",
    "ne",
    "eig",
    "bzw",
    "usw",
    "ca",
    "jetzt",
    "nochmal",
    "kurz",
}


# An answer folds the same entry texts dozens of times (aspects, detail sentences, synonym groups).
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, umlauts to ae/oe/ue/ss, strip other accents: typo- and keyboard-tolerant."""
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)
    if text.isascii():
        return text  # nothing left to strip
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _load_nlp():
    global _nlp, _lemma_table
    with _nlp_lock:
        if _nlp is None:
            import spacy  # heavy import, done once per process

            nlp = spacy.blank("de")
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.initialize()
            _lemma_table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
            _nlp = nlp
    return _nlp


def text_lemma_table():
    """spaCy's German lookup lemma table (word form -> lemma); loads the pipeline once."""
    _load_nlp()
    return _lemma_table


# Also on folded (lower-case) text: the aspect checks split normalised entries.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# A dot after these ends no sentence: dates and ordinals ("20. Oktober"), abbreviations ("z. B. Köln").
_NO_SENTENCE_END = re.compile(
    r"(?:\b\d{1,2}|\b(?:[a-zA-Z]|bzw|ca|vgl|ggf|inkl|bspw|usw|sog|evtl|vs|Nr|Abb|Tab|Dr|Prof|Hrsg|Aufl|Mio|Mrd)"
    # chat shorthand: "lt. Studie", "insg.", "inzw.", "bzgl.", "Kommunalverw."
    r"|\b(?i:lt|insg|inzw|bzgl|zw|etc|mind|zzgl|allg|\w*verw))\.$"
)


def split_sentences(text: str) -> list[str]:
    """Sentences (and lines) of a text, stripped, without empty ones."""
    parts: list[str] = []
    start = 0
    text = text or ""
    for match in _SENTENCE_END.finditer(text):
        if "\n" in match.group() or not _NO_SENTENCE_END.search(text[start : match.start()]):
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset({fold(word) for word in STOP_WORDS} | _EXTRA_STOPWORDS)


class Lemmatizer:
    """Token -> folded lemma, with project overrides for bad lookup entries (e.g. Daten -> Datum)."""

    def __init__(self, overrides: dict[str, str] | None = None):
        self.overrides = {fold(k): fold(v) for k, v in (overrides or {}).items()}
        self._cache: dict[str, str] = {}

    def lemma(self, token: str) -> str:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        folded_token = fold(token)
        result = self.overrides.get(folded_token)
        if result is None:
            _load_nlp()
            # The lookup table is case-sensitive and mixes nouns and verb forms ("durchschnitt" is
            # also a form of "durchschneiden"): a capitalised word is a noun unless the table knows it.
            if token[:1].isupper():
                lemma = _lemma_table.get(token) or token
            else:
                lemma = _lemma_table.get(token[:1].upper() + token[1:]) or _lemma_table.get(token) or token
            result = fold(lemma)
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result

    def tokens(self, text: str) -> list[str]:
        """Surface tokens (spaCy tokenizer), hyphenated compounds split into parts too."""
        nlp = _load_nlp()
        out: list[str] = []
        for token in nlp.make_doc(text):
            if token.is_punct or token.is_space:
                continue
            raw = token.text.strip("-–/")
            if not raw:
                continue
            out.append(raw)
            if "-" in raw or "/" in raw:
                out.extend(part for part in re.split(r"[-/]", raw) if part)
        return out

    def lemmas(self, text: str) -> list[str]:
        """Folded lemmas of all word tokens (keeps stop words; callers filter)."""
        return self.lemmas_with_surface(text)[0]

    def lemmas_with_surface(self, text: str):
        """Folded lemmas, and for each lemma one folded surface form it came from."""
        result: list[str] = []
        surface: dict[str, str] = {}
        for token in self.tokens(text):
            for lemma in _WORD.findall(self.lemma(token)):
                result.append(lemma)
                surface.setdefault(lemma, token)
        return result, surface


def content_terms(lemmas: list[str]) -> list[str]:
    stop = stopwords()
    return [term for term in lemmas if term not in stop and (len(term) > 1 or term.isdigit())]


# Word frequencies from spacy-lookups-data (log probabilities). Words outside the knowledge base
# are weighted by how common they are: "stecken" or "Ansatz" in a question say little, while a rare
# word like "Grundsteuer" that no entry contains means the sources probably don't cover the question.
COMMON_WORD_MIN_LOGPROB = -12.0
_common_words: dict[str, float] | None = None
_common_lock = threading.Lock()


def _load_common_words() -> dict[str, float]:
    import json
    import os

    from . import config

    cache = config.common_words_cache()
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    common: dict[str, float] = {}
    try:
        frequencies = spacy_lookups_table("de_lexeme_prob")
    except OSError:
        return {}
    for word, logprob in frequencies.items():
        if logprob > COMMON_WORD_MIN_LOGPROB:
            key = fold(word)
            common[key] = max(logprob, common.get(key, -99.0))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(common), encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass  # read-only checkout: recompute next time
    return common


def common_words() -> dict[str, float]:
    global _common_words
    if _common_words is None:
        with _common_lock:
            if _common_words is None:
                _common_words = _load_common_words()
    return _common_words


def unknown_word_weight(term: str) -> float:
    """Weight factor (0.2–1) of a query word no entry contains: common words count less."""
    logprob = common_words().get(term)
    if logprob is None:
        return 1.0
    if logprob > -10.0:
        return 0.2
    if logprob > -11.0:
        return 0.4
    return 0.7


# A compound's last part must be this long to count ("Mülltonnen" -> "tonnen"), its first at least
# MIN_COMPOUND_HEAD: shorter splits would make almost any letter string a "compound".
MIN_COMPOUND_TAIL = 4
MIN_COMPOUND_HEAD = 3
_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,6}|[A-ZÄÖÜ][A-Za-z]{0,3}[A-Z]{1,3}")  # "OZG", "KGSt"


def _in_word_lists(word: str) -> bool:
    _load_nlp()
    folded = fold(word)
    return (
        folded in stopwords()
        or folded in common_words()
        or word in _lemma_table
        or word.lower() in _lemma_table
        or word[:1].upper() + word[1:].lower() in _lemma_table
    )


def is_known_word(word: str, vocabulary: frozenset[str] | set[str] = frozenset()) -> bool:
    """A German word (word lists of spacy-lookups-data), a word of `vocabulary` (folded), or a compound
    ending in a German word ("Bürgerhaushalt")."""
    if fold(word) in vocabulary or _ABBREVIATION.fullmatch(word) or _in_word_lists(word):
        return True
    lower = word.lower()
    return any(
        _in_word_lists(lower[start:])
        for start in range(MIN_COMPOUND_HEAD, len(lower) - MIN_COMPOUND_TAIL + 1)
    )


def reads_as_words(text: str, vocabulary: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether any word of `text` is a known word: "asdkjh qwe" or "blabla" is no question at all."""
    return any(is_known_word(word, vocabulary) for word in _LETTERS.findall(text or ""))
