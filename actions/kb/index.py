"""Retrieval index over knowledge entries: char n-gram TF-IDF + BM25 on lemmas + term coverage.

Pure module: no Rasa import.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from rank_bm25 import BM25Okapi
from sklearn.feature_extraction.text import TfidfVectorizer

from .analysis import Synonyms
from .entries import KBEntry
from .text import Lemmatizer, content_terms, fold

# Weights of the three similarity signals; tuned on tests/data/kb_dev.yml (bench/bench_kb.py).
W_TFIDF = 0.40
W_BM25 = 0.20
W_COVERAGE = 0.40
_MIN_FUZZY_LEN = 5


@dataclass
class TermInfo:
    terms: List[str]          # content lemmas + concept tokens
    folded: str               # folded surface text + concept tokens, for char n-grams


class KnowledgeIndex:
    """Index built once per process; query() returns per-entry signals."""

    def __init__(self, entries: Sequence[KBEntry], synonyms: Synonyms):
        self.entries = list(entries)
        self.synonyms = synonyms
        self.lemmatizer = Lemmatizer(synonyms.lemma_overrides)
        docs: List[TermInfo] = []
        question_texts: List[str] = []
        self.question_owner: List[int] = []
        for position, entry in enumerate(self.entries):
            title, questions, keywords, body = entry.search_fields()
            # Title, questions and keywords say what the entry answers: count them twice.
            head = "\n".join([title, questions, keywords])
            info = self.describe(head + "\n" + head + "\n" + body)
            docs.append(info)
            for question in [entry.title] + list(entry.questions):
                question_texts.append(self.describe(question + "\n" + keywords).folded)
                self.question_owner.append(position)
        self.doc_terms = [set(info.terms) for info in docs]
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1, dtype=np.float32
        )
        if self.entries:
            self.doc_matrix = self.vectorizer.fit_transform([info.folded for info in docs])
            self.question_matrix = self.vectorizer.transform(question_texts)
            self.bm25 = BM25Okapi([info.terms or ["_leer_"] for info in docs])
        else:
            self.doc_matrix = self.question_matrix = None
            self.bm25 = None
        self.question_owner_array = np.array(self.question_owner, dtype=np.int32)
        self.vocabulary = set().union(*self.doc_terms) if self.doc_terms else set()
        self._trigram_index: Dict[str, List[str]] = defaultdict(list)
        self._stems: Dict[str, str] = {}
        for term in sorted(self.vocabulary):
            if len(term) >= _MIN_FUZZY_LEN and not term.startswith(("syn_", "type_")):
                self._stems.setdefault(_stem(term), term)
                for gram in _trigrams(term):
                    self._trigram_index[gram].append(term)
        document_frequency: Dict[str, int] = defaultdict(int)
        postings: Dict[str, List[int]] = defaultdict(list)
        for position, terms in enumerate(self.doc_terms):
            for term in terms:
                document_frequency[term] += 1
                postings[term].append(position)
        self.postings = {term: np.array(p, dtype=np.int32) for term, p in postings.items()}
        count = max(len(self.entries), 1)
        self.idf = {t: math.log(1 + (count - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}
        self.unknown_idf = math.log(1 + (count + 0.5) / 0.5)
        self._fuzzy_cache: Dict[str, Tuple[Optional[str], float]] = {}

    # --- text description -------------------------------------------------------------------
    def describe(self, text: str) -> TermInfo:
        folded = fold(text)
        lemmas = self.lemmatizer.lemmas(text)
        concepts = self.synonyms.concepts(folded, " ".join(lemmas))
        terms = content_terms(lemmas) + concepts
        return TermInfo(terms=terms, folded=folded + " " + " ".join(concepts))

    # --- fuzzy term mapping (typos, compounds) -----------------------------------------------
    def map_term(self, term: str) -> Tuple[Optional[str], float]:
        """Known vocabulary term for a query term, with a confidence factor (1 = exact)."""
        if term in self.vocabulary:
            return term, 1.0
        cached = self._fuzzy_cache.get(term)
        if cached is not None:
            return cached
        result: Tuple[Optional[str], float] = (None, 0.0)
        if len(term) >= _MIN_FUZZY_LEN and not term.startswith(("syn_", "type_")):
            same_stem = self._stems.get(_stem(term))
            grams = _trigrams(term)
            counts: Dict[str, int] = defaultdict(int)
            for gram in grams:
                for candidate in self._trigram_index.get(gram, ()):
                    counts[candidate] += 1
            best, best_sim = None, 0.0
            for candidate, shared in counts.items():
                sim = 2 * shared / (len(grams) + len(_trigrams(candidate)))
                if sim > best_sim:
                    best, best_sim = candidate, sim
            if same_stem is not None:
                result = (same_stem, 0.9)  # "aufzeichnen" ~ "Aufzeichnungen"
            elif best is not None and best_sim >= 0.72:
                result = (best, 0.85)
            else:
                # German compounds: "Digitalisierungsstrategie" -> head "strategie" (weaker evidence).
                for cut in range(1, len(term) - _MIN_FUZZY_LEN + 1):
                    head = term[cut:]
                    if head in self.vocabulary and len(head) >= 6:
                        result = (head, 0.6)
                        break
        if len(self._fuzzy_cache) < 50_000:
            self._fuzzy_cache[term] = result
        return result

    # --- query ---------------------------------------------------------------------------------
    def query(self, text: str) -> "QuerySignals":
        info = self.describe(text)
        n = len(self.entries)
        mapped: List[Tuple[str, float, float]] = []  # (vocab term, confidence, weight)
        seen = set()
        for term in info.terms:
            if term in seen:
                continue
            seen.add(term)
            target, confidence = self.map_term(term)
            weight = self.idf.get(target, self.unknown_idf) if target else self.unknown_idf
            mapped.append((target or term, confidence, weight))
        total_weight = sum(weight for _, _, weight in mapped)
        known_weight = sum(weight * conf for _, conf, weight in mapped)
        known_fraction = known_weight / total_weight if total_weight else 0.0

        if n == 0:
            empty = np.zeros(0, dtype=np.float32)
            return QuerySignals(info, empty, empty, empty, known_fraction, len(mapped))

        query_vector = self.vectorizer.transform([info.folded])
        doc_sim = (self.doc_matrix @ query_vector.T).toarray().ravel()
        question_sim_rows = (self.question_matrix @ query_vector.T).toarray().ravel()
        question_sim = np.zeros(n, dtype=np.float32)
        np.maximum.at(question_sim, self.question_owner_array, question_sim_rows)
        tfidf = 0.4 * doc_sim + 0.6 * question_sim

        query_terms = [target for target, conf, _ in mapped if conf > 0]
        if query_terms:
            bm25 = np.asarray(self.bm25.get_scores(query_terms), dtype=np.float32)
            bound = sum(max(self.bm25.idf.get(t, 0.0), 0.0) for t in query_terms) * (self.bm25.k1 + 1)
            bm25_norm = np.clip(bm25 / bound, 0, 1) if bound > 0 else np.zeros(n, dtype=np.float32)
        else:
            bm25_norm = np.zeros(n, dtype=np.float32)

        coverage = np.zeros(n, dtype=np.float32)
        if total_weight:
            for target, confidence, weight in mapped:
                positions = self.postings.get(target) if confidence > 0 else None
                if positions is not None:
                    coverage[positions] += weight * confidence
            coverage /= total_weight
        text_score = W_TFIDF * tfidf + W_BM25 * bm25_norm + W_COVERAGE * coverage
        return QuerySignals(info, text_score, tfidf, coverage, known_fraction, len(mapped))


@dataclass
class QuerySignals:
    info: TermInfo
    text_score: np.ndarray
    tfidf: np.ndarray
    coverage: np.ndarray
    known_fraction: float
    term_count: int


_SUFFIXES = ("ungen", "ung", "heiten", "heit", "keiten", "keit", "ern", "en", "er", "es", "em", "e", "n", "s")


def _stem(term: str) -> str:
    """Crude German suffix stripping, only used to relate a query word to a vocabulary word."""
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def _trigrams(term: str) -> List[str]:
    padded = f"#{term}#"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]
