"""German text normalisation for retrieval: tokenising, lemmatising, folding.

Uses spaCy's blank German pipeline (tokenizer) and the lookup lemma table from
spacy-lookups-data; no downloaded model. Pure module: no Rasa import.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Dict, List, Optional

_FOLD_TABLE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
_nlp_lock = threading.Lock()
_nlp = None
_lemma_table = None

# Question words and fillers that carry no topic; spaCy's German stop list is added on load.
_EXTRA_STOPWORDS = {
    "gibt", "geben", "gib", "sagen", "sagt", "bitte", "eigentlich", "genau", "mal", "denn",
    "erklaeren", "erklaere", "erzaehlen", "wissen", "moechte", "moechten", "wuerde", "wuerden",
    "koennen", "koennt", "kann", "koennte", "konnen", "kannst", "sollen", "sollten", "muessen",
    "viel", "viele", "vielen", "welch", "welche", "welcher", "welches", "welchen", "was", "wie",
    "wer", "wo", "warum", "wieso", "weshalb", "wozu", "worum", "gehen", "geht", "bedeuten",
    "bedeutet", "heissen", "heisst", "stehen", "steht", "hallo", "frage", "fragen", "info",
    "infos", "information", "informationen", "mehr", "dazu", "daran", "darueber", "ueberhaupt",
    "is", "iss", "wat", "gibts", "nen", "ne", "eig", "bzw", "usw", "ca", "jetzt", "nochmal", "kurz",
}


def fold(text: str) -> str:
    """Lower-case, umlauts to ae/oe/ue/ss, strip other accents: typo- and keyboard-tolerant."""
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)
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


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset({fold(word) for word in STOP_WORDS} | _EXTRA_STOPWORDS)


class Lemmatizer:
    """Token -> folded lemma, with project overrides for bad lookup entries (e.g. Daten -> Datum)."""

    def __init__(self, overrides: Optional[Dict[str, str]] = None):
        self.overrides = {fold(k): fold(v) for k, v in (overrides or {}).items()}
        self._cache: Dict[str, str] = {}

    def lemma(self, token: str) -> str:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        folded_token = fold(token)
        result = self.overrides.get(folded_token)
        if result is None:
            _load_nlp()
            # The lookup table is case-sensitive (nouns capitalised); users often type lower case.
            lemma = (
                _lemma_table.get(token)
                or _lemma_table.get(token.lower())
                or _lemma_table.get(token[:1].upper() + token[1:].lower())
                or token
            )
            result = fold(lemma)
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result

    def tokens(self, text: str) -> List[str]:
        """Surface tokens (spaCy tokenizer), hyphenated compounds split into parts too."""
        nlp = _load_nlp()
        out: List[str] = []
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

    def lemmas(self, text: str) -> List[str]:
        """Folded lemmas of all word tokens (keeps stop words; callers filter)."""
        result = []
        for token in self.tokens(text):
            lemma = self.lemma(token)
            result.extend(_WORD.findall(lemma))
        return result


def content_terms(lemmas: List[str]) -> List[str]:
    stop = stopwords()
    return [term for term in lemmas if term not in stop and (len(term) > 1 or term.isdigit())]
