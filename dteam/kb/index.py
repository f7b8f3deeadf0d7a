"""Retrieval index over knowledge entries: char n-gram TF-IDF + BM25 on lemmas + term coverage.

Pure module: no Rasa import.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi
from sklearn.feature_extraction.text import TfidfVectorizer

from .analysis import Synonyms
from .entries import KBEntry
from .text import Lemmatizer, common_words, content_terms, fold, unknown_word_weight

# Weights of the similarity signals; tuned on tests/data/kb_dev.yml (bench/bench_kb.py).
W_DOC = 0.10
W_QUESTION = 0.40
W_BM25 = 0.30
FRAMING_WORD_FACTOR = 0.50
NOUN_MIN_WEIGHT = 0.20
_MIN_FUZZY_LEN = 5


@dataclass
class TermInfo:
    terms: list[str]  # content lemmas + concept tokens
    folded: str  # folded surface text + concept tokens, for char n-grams
    surface: dict[str, str] = None  # lemma -> a folded surface form it came from


class KnowledgeIndex:
    """Index built once per process; query() returns per-entry signals."""

    def __init__(self, entries: Sequence[KBEntry], synonyms: Synonyms):
        self.entries = list(entries)
        self.synonyms = synonyms
        self.lemmatizer = Lemmatizer(synonyms.lemma_overrides)
        docs: list[TermInfo] = []
        question_texts: list[str] = []
        self.question_owner: list[int] = []
        for position, entry in enumerate(self.entries):
            title, questions, keywords, body = entry.search_fields()
            # Title, questions and keywords say what the entry answers: count them twice.
            head = "\n".join([title, questions, keywords])
            info = self.describe(head + "\n" + head + "\n" + body)
            docs.append(info)
            # Document chunks have no curated questions: their text stands in for them.
            own_questions = list(entry.questions) or ([entry.body] if entry.is_document_chunk else [])
            for question in [entry.title] + own_questions:
                question_texts.append(self.describe(question + "\n" + keywords).folded)
                self.question_owner.append(position)
        self.doc_terms = [set(info.terms) for info in docs]
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1, dtype=np.float32
        )
        if self.entries:
            self.doc_matrix = self.vectorizer.fit_transform([info.folded for info in docs]).tocsr()
            self.question_matrix = self.vectorizer.transform(question_texts).tocsr()
            # Query vectors are built by hand (same analyzer, sublinear tf, idf, l2): sklearn's
            # transform() validation costs more than the maths for one short query.
            self._analyzer = self.vectorizer.build_analyzer()
            self._feature_index = self.vectorizer.vocabulary_
            self._idf_weights = self.vectorizer.idf_.astype(np.float32)
            self.bm25 = BM25Okapi([info.terms or ["_leer_"] for info in docs])
        else:
            self.doc_matrix = self.question_matrix = None
            self.bm25 = None
        self.question_owner_array = np.array(self.question_owner, dtype=np.int32)
        self.vocabulary = set().union(*self.doc_terms) if self.doc_terms else set()
        self._trigram_index: dict[str, list[str]] = defaultdict(list)
        self._stems: dict[str, str] = {}
        self._sorted_vocabulary = sorted(t for t in self.vocabulary if not t.startswith(("syn_", "type_")))
        for term in sorted(self.vocabulary):
            if len(term) >= _MIN_FUZZY_LEN and not term.startswith(("syn_", "type_")):
                self._stems.setdefault(_stem(term), term)
                for gram in _trigrams(term):
                    self._trigram_index[gram].append(term)
        document_frequency: dict[str, int] = defaultdict(int)
        postings: dict[str, list[int]] = defaultdict(list)
        for position, terms in enumerate(self.doc_terms):
            for term in terms:
                document_frequency[term] += 1
                postings[term].append(position)
        self.postings = {term: np.array(p, dtype=np.int32) for term, p in postings.items()}
        count = max(len(self.entries), 1)
        self.idf = {t: math.log(1 + (count - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}
        self.unknown_idf = math.log(1 + (count + 0.5) / 0.5)
        self._fuzzy_cache: dict[str, list[tuple[str, float]]] = {}
        self._concept_cache: dict[str, list[str]] = {}
        common_words()  # load once at build time, not on the first question

    # --- text description -------------------------------------------------------------------
    def describe(self, text: str, keep_surface: bool = False) -> TermInfo:
        folded = fold(text)
        lemmas, surface = self.lemmatizer.lemmas_with_surface(text)
        concepts = self.synonyms.concepts(folded, " ".join(lemmas))
        terms = content_terms(lemmas) + concepts
        return TermInfo(
            terms=terms, folded=folded + " " + " ".join(concepts), surface=surface if keep_surface else None
        )

    def _word_weight(self, term: str, surface: dict[str, str], cased: bool) -> float:
        # The frequency list has inflected forms ("kennzeichnet"), the index has lemmas ("kennzeichnen").
        original = surface.get(term, term)
        weight = min(unknown_word_weight(form) for form in (term, fold(original)))
        if cased and not original[:1].isupper():
            # In properly cased German, what a question is about is named by nouns (Grundsteuer,
            # Personalausweis); lower-case verbs and adjectives mostly frame it ("kennzeichnet").
            weight *= FRAMING_WORD_FACTOR
        elif cased:
            weight = max(weight, NOUN_MIN_WEIGHT)
        return weight

    # --- fuzzy term mapping (typos, compounds) -----------------------------------------------
    def map_term(self, term: str) -> list[tuple[str, float]]:
        """Known vocabulary terms for a query term, each with a confidence factor (1 = exact)."""
        if term in self.vocabulary:
            return [(term, 1.0)]
        cached = self._fuzzy_cache.get(term)
        if cached is not None:
            return cached
        result: list[tuple[str, float]] = []
        if len(term) >= _MIN_FUZZY_LEN and not term.startswith(("syn_", "type_")):
            same_stem = self._stems.get(_stem(term))
            if same_stem is not None:
                result.append((same_stem, 0.9))  # "aufzeichnen" ~ "Aufzeichnungen"
            grams = _trigrams(term)
            counts: dict[str, int] = defaultdict(int)
            for gram in grams:
                for candidate in self._trigram_index.get(gram, ()):
                    counts[candidate] += 1
            best, best_sim = None, 0.0
            for candidate, shared in counts.items():
                sim = 2 * shared / (len(grams) + len(_trigrams(candidate)))
                if sim > best_sim:
                    best, best_sim = candidate, sim
            if best is not None and best_sim >= 0.72 and best != same_stem:
                result.append((best, 0.85))  # typo
            # German compounds: "Landkreisen" -> "kreis", "Digitalstrategie" -> "strategie".
            for cut in range(2, len(term) - _MIN_FUZZY_LEN + 1):
                head = term[cut:]
                target = head if head in self.vocabulary else self._stems.get(_stem(head))
                if target is not None and len(head) >= _MIN_FUZZY_LEN:
                    result.append((target, 0.6))
                    break
            # ... and the other way round: "aufbewahren" -> "Aufbewahrungsfrist".
            stem = _stem(term)
            if len(stem) >= 6:
                start = bisect.bisect_left(self._sorted_vocabulary, stem)
                if start < len(self._sorted_vocabulary) and self._sorted_vocabulary[start].startswith(stem):
                    candidate = self._sorted_vocabulary[start]
                    if candidate not in (t for t, _ in result):
                        result.append((candidate, 0.6))
        if len(self._fuzzy_cache) < 50_000:
            self._fuzzy_cache[term] = result
        return result

    def _concepts_of(self, term: str) -> list[str]:
        concepts = self._concept_cache.get(term)
        if concepts is None:
            concepts = self.synonyms.concepts(term)
            if len(self._concept_cache) < 50_000:
                self._concept_cache[term] = concepts
        return concepts

    def _concepts_formed_with(self, term: str, concepts: list[str]) -> list[str]:
        """The found concepts one of whose several-word variants has `term` as a word."""
        formed = []
        for concept in concepts:
            group = self.synonyms.groups.get(concept.removeprefix("syn_"))
            several_words = (re.split(r"[\s\-]+", v) for v in (group.variants if group else ()))
            if any(len(words) > 1 and term in words for words in several_words):
                formed.append(concept)
        return formed

    def _query_vector(self, folded: str) -> np.ndarray:
        counts: dict[int, int] = defaultdict(int)
        for gram in self._analyzer(folded):
            column = self._feature_index.get(gram)
            if column is not None:
                counts[column] += 1
        vector = np.zeros(len(self._idf_weights), dtype=np.float32)
        if counts:
            columns = np.fromiter(counts.keys(), dtype=np.int64)
            tf = np.fromiter(counts.values(), dtype=np.float32)
            values = (1.0 + np.log(tf)) * self._idf_weights[columns]
            vector[columns] = values / np.linalg.norm(values)
        return vector

    # --- query ---------------------------------------------------------------------------------
    def query(self, text: str) -> QuerySignals:
        info = self.describe(text, keep_surface=True)
        n = len(self.entries)
        # (vocabulary targets with confidence, weight) per distinct query term. A word that a
        # synonym group covers ("Digitalisierungsbeauftragter" -> syn_cdo) counts once, via its concept.
        mapped: list[tuple[list[tuple[str, float]], float]] = []
        # Everyday words ("helfen", "Straße") weigh less than rare ones ("Grundsteuer") whether or
        # not the knowledge base knows them: a rare word the best entry lacks points to a gap.
        # A concept inherits the weight of the everyday words that triggered it ("Umfrage").
        concept_weight: dict[str, float] = {}
        plain_terms = []
        # Only trust capitalisation when the writer uses it beyond the first letter.
        cased = any(ch.isupper() for ch in text[1:])
        found_concepts = [t for t in info.terms if t.startswith("syn_")]
        for term in dict.fromkeys(info.terms):
            if term.startswith(("syn_", "type_")):
                continue
            # "Chat-Assistenten": a word unknown to the entries counts via the several-word variant it formed.
            concepts = self._concepts_of(term) or (
                self._concepts_formed_with(term, found_concepts) if term not in self.vocabulary else []
            )
            if concepts:
                for concept in concepts:
                    concept_weight[concept] = max(
                        concept_weight.get(concept, 0.0), self._word_weight(term, info.surface, cased)
                    )
            else:
                plain_terms.append(term)
        for term in dict.fromkeys(info.terms):
            is_concept = term.startswith(("syn_", "type_"))
            if not is_concept and term not in plain_terms:
                continue
            targets = self.map_term(term)
            base = max((self.idf.get(t, self.unknown_idf) for t, _ in targets), default=self.unknown_idf)
            if is_concept:
                factor = 1.0 if term.startswith("type_") else concept_weight.get(term, 1.0)
            else:
                factor = self._word_weight(term, info.surface, cased)
            mapped.append((targets, base * factor))
        total_weight = sum(weight for _, weight in mapped)
        known_weight = sum(weight * max((c for _, c in targets), default=0.0) for targets, weight in mapped)
        known_fraction = known_weight / total_weight if total_weight else 0.0

        if n == 0:
            empty = np.zeros(0, dtype=np.float32)
            return QuerySignals(info, empty, empty, empty, empty, known_fraction, len(mapped))

        query_vector = self._query_vector(info.folded)
        doc_sim = self.doc_matrix @ query_vector
        question_sim_rows = self.question_matrix @ query_vector
        question_sim = np.zeros(n, dtype=np.float32)
        np.maximum.at(question_sim, self.question_owner_array, question_sim_rows)

        query_terms = list(dict.fromkeys(t for targets, _ in mapped for t, _ in targets))
        if query_terms:
            bm25 = np.asarray(self.bm25.get_scores(query_terms), dtype=np.float32)
            bound = sum(max(self.bm25.idf.get(t, 0.0), 0.0) for t in query_terms) * (self.bm25.k1 + 1)
            bm25_norm = np.clip(bm25 / bound, 0, 1) if bound > 0 else np.zeros(n, dtype=np.float32)
        else:
            bm25_norm = np.zeros(n, dtype=np.float32)

        coverage = np.zeros(n, dtype=np.float32)
        if total_weight:
            for targets, weight in mapped:
                best = np.zeros(n, dtype=np.float32)
                for target, confidence in targets:
                    positions = self.postings.get(target)
                    if positions is not None:
                        np.maximum.at(best, positions, confidence)
                coverage += weight * best
            coverage /= total_weight
        return QuerySignals(info, doc_sim, question_sim, bm25_norm, coverage, known_fraction, len(mapped))


@dataclass
class QuerySignals:
    info: TermInfo
    doc_sim: np.ndarray  # char n-gram cosine with the whole entry
    question_sim: np.ndarray  # best char n-gram cosine with the entry's title/questions
    bm25: np.ndarray  # BM25 on lemmas, divided by its upper bound for this query
    coverage: np.ndarray  # idf-weighted share of the query's words found in the entry
    known_fraction: float  # share of the query's words the knowledge base knows at all
    term_count: int

    def text_score(self) -> np.ndarray:
        # Coverage is no part of the score: it decides acceptance and honesty (retrieval.py).
        return W_DOC * self.doc_sim + W_QUESTION * self.question_sim + W_BM25 * self.bm25


_SUFFIXES = ("ungen", "ung", "heiten", "heit", "keiten", "keit", "ern", "en", "er", "es", "em", "e", "n", "s")


def _stem(term: str) -> str:
    """Crude German suffix stripping, only used to relate a query word to a vocabulary word."""
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def _trigrams(term: str) -> list[str]:
    padded = f"#{term}#"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]
