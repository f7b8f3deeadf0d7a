"""'Which type does X most/least?' answered from the study's tables (knowledge/study, Tabellen 4–16).

The curated entries describe each type × topic in words; a comparison across the four types for one
practice ("Bei welcher Gruppe ist die E-Akte am weitesten verbreitet?") is a row of a table. The row
is found lexically – the question's content words (and their synonyms) against the row label – and
only when one row is clearly best, so an ambiguous question gets no table line. With the semantic
layer on, the row must also be among the e5-closest rows (E5_MAX_RANK), which keeps a single shared
word ("Externe") from choosing a row about something else. Pure module: no Rasa import; the caller
passes its lemmatiser, synonym expansion and question vectors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dteam.semantic import get_encoder
from dteam.semantic.vectors import PASSAGE, VectorCache
from dteam.study.data import TOTAL_COLUMN, TYPE_DATIVE, TYPE_IDS, get_table, table_infos
from dteam.text import format_number, join_german

from .text import fold

# Tables 1–3 (cluster centres, shares and inhabitants by kind) are answered by curated entries.
FIRST_PRACTICE_TABLE = 4
# The lexically chosen row must be among this many e5-closest of the ~86 rows (dev: right rows at
# ranks 1–11 – "E-Akte" finds "DMS" only through the synonyms –, a row chosen by one shared word at 42).
E5_MAX_RANK = 15
# One type's figure ("Wie viele der Bedächtigen …?") stands as the answer's own line, so its row must
# be among the three e5-closest ("Haushalte" in a broadband question matched "Bürgerhaushalte", 7th of
# 86 in meaning), and without the encoder there is none: label words alone pick wrong rows through the
# synonyms ("Mitarbeitende" -> "Personal" -> "Personaleinsatzplanung").
TYPE_FIGURE_MAX_RANK = 3
# All municipalities' figure is added under an answer that lacks it, with no type named to narrow the
# question: its row must be the e5-closest of all ("Umfrage" in a question on the study's survey matched
# "Online-Befragungen" through the synonyms, 2nd in meaning).
TOTAL_FIGURE_MAX_RANK = 1
# Rows that tie by their label words: the e5-closest of them decides if it is among this many closest of
# all rows ("Sicherheit in der Digitalstrategie": the row "Sicherheit", not "Bedeutung IT-Strategie").
TIE_MAX_RANK = 3
TIE_MIN_MARGIN = 0.02  # and this much closer than every other tied row (0.032 there; 0.003 is a coin toss)

_WHICH_TYPE = re.compile(
    r"\b(?:welche[rmsn]?|wer)\b(?:\s+\w+){0,3}?\s+(?:gruppe|gruppen|typ|typen|kommunentyp\w*|cluster)\b"
    r"|\bwelche[rmsn]?\s+(?:der|von\s+den)\s+vier\b"
    # "Welche Kommunen halten sich beim Glasfaser am häufigsten raus?": a superlative over the types
    r"|\bwelche\s+(?:kommunen|verwaltungen)\b(?=.*\bam\s+\w+sten\b)"
    r"|^\s*wer\b"
)
_MOST = re.compile(
    r"\b(?:die|den)\s+meisten\b(?!\s+(?:kommunen|gemeinden|staedte|kreise|verwaltungen|befragten)\b)"
    r"|\bam\s+(?:meisten|haeufigsten|starksten|staerksten|weitesten|ehesten|hoechsten|hochsten|"
    r"groessten|grossten|besten|intensivsten|aktivsten|oeftesten|oftesten|verbreitetsten)\b"
)
_LEAST = re.compile(
    r"\bam\s+(?:seltensten|wenigsten|niedrigsten|geringsten|kleinsten|schwaechsten|schwachsten)\b"
)
# Words of the question frame, not of the asked practice (folded lemmas and their beginnings).
_FRAME = re.compile(
    r"^(?:gruppe|typ|kommun|gemeinde|stadt|staedt|kreis|verwaltung|rathaus|studie|befragt|untersuchung|"
    r"welch|meist|haeufig|selten|wenig|weit|hoch|hoech|stark|staerk|eher|setzen|nutzen|geben|gibt|haben|"
    r"vier|cluster|verbreit|digital|bereich|thema|machen|werden|bieten|holen)"
    # whole words only: "sich" must not take "Sicherheit", "tun" not "Tunnel"
    r"|^(?:tun|sein|sich)$"
)
# Synonyms of the question's frame ("Typ" -> "Kommunentypen", "Gemeindetyp") say nothing about a row.
_FRAME_VARIANT = re.compile(r"typ|kommun|gemeinde")
MIN_TERM_CHARS = 5  # shorter words only match exactly


# "Kein Glasfaserengagement", "Keine systematische Datennutzung": the stop word "kein" is the row's point, so
# such rows carry a term of their own that a question asking about doing nothing names ("halten sich …
# komplett raus", "machen gar nichts", "bleiben außen vor").
NONE_TERM = "<keine>"
_NONE_LABEL = re.compile(r"^\s*keine?\b", re.IGNORECASE)
_ASKS_NONE = re.compile(
    r"\b(?:kein\w*|nichts|nix|gar nicht|ueberhaupt nicht|(?:komplett|ganz|voellig) raus|raushalt\w*|"
    r"heraushalt\w*|aussen vor|verzicht\w*)\b"
)


def _none_term(label: str) -> frozenset[str]:
    return frozenset({NONE_TERM}) if _NONE_LABEL.match(label) else frozenset()


def _match(asked: str, known: str) -> bool:
    """Same word, or one compound contains the other ("Personaleinsatz" in "Personaleinsatzplanung")."""
    if asked == known:
        return True
    return min(len(asked), len(known)) >= MIN_TERM_CHARS and (asked in known or known in asked)


def _fit(asked: frozenset[str], row: _Row) -> tuple[int, bool, float]:
    """How well a row fits: words of its label the question names (words that only name the table's
    topic – "Glasfaserausbau" for Tabelle 13 – do not count for a row), whether the question names the
    table's topic too, and the share of the label it names. A label that only restates its table's
    title ("Bekanntheit FIM" in Tabelle 10) is matched by the title's words."""
    topic = {word for word in asked if any(_match(word, known) for known in row.title_terms)}
    practice = asked - topic if row.terms - row.title_terms else asked
    hits = sum(any(_match(word, known) for word in practice) for known in row.terms)
    return hits, bool(topic), hits / max(1, len(row.terms))


_UNIT_WORDS = {"percent": " %", "scale_0_3": " (Skala 0–3)", "scale_0_4": " (Skala 0–4)"}


# "Wie viele der Bedächtigen …?", "Wie bekannt ist FIM bei …?", "Machen die Optimierer …?": one type's
# figure of a practice. Yes/no questions start with a finite verb (no w-word).
_FIGURE_QUESTION = re.compile(
    r"\b(?:wie\s?viele|wie viel|welche[rn]? anteil|wie oft|wie haeufig|wie verbreitet|wie bekannt|wie stark|"
    r"prozent|anteil)\b"
    r"|^\W*(?:machen|nutzen|setzen|haben|bieten|sorgen|kennen|foerdern|unterstuetzen|betreiben|"
    r"beteiligen|binden|schulen|bilden|engagieren|holen|gibt|gibts|werten|stellen)\b"
)


# "Wie viele Kommunen haben einen CDO?": the share of all municipalities.
_TOTAL_QUESTION = re.compile(
    r"\b(?:wie\s?viele|wie viel prozent|welche[rn]? anteil|wie verbreitet|wie haeufig|wie oft)\b"
)


def is_figure_question(folded_question: str) -> bool:
    """Asks how many of one type do something, or whether they do it."""
    return bool(_FIGURE_QUESTION.search(folded_question))


# "Wer macht das häufiger, Optimierer oder Serviceorientierte?": two named types compared
_COMPARATIVE = re.compile(
    r"\b(?:haeufiger|oefter|eher|mehr|staerker|weiter|besser|seltener|weniger|hoeher|niedriger|"
    r"verbreiteter|aktiver)\b"
)


def is_pair_comparison(folded_question: str, types: Sequence[str]) -> bool:
    """Asks which of two named types does something more ("…, Optimierer oder Serviceorientierte?")."""
    return len(types) == 2 and bool(_COMPARATIVE.search(folded_question))


# "Ist es richtig, dass die Bedächtigen FIM am besten kennen?": a premise to check, about the extremes
_PREMISE = re.compile(
    r"^\W*(?:stimmt es|stimmt das|ist es richtig|ist es wahr|trifft es zu|kann es sein)\b"
    # "… Stimmt das so?", "…, oder?"
    r"|\b(?:stimmt das|oder nicht|richtig)(?:\s+(?:so|denn|eigentlich|wirklich|auch))?\W*$|,\s*oder\W*$"
)


def is_comparison_question(folded_question: str, types: Sequence[str] = ()) -> bool:
    """Asks which of the four types does something most or least ("Welche Gruppe … am häufigsten?"), or
    whether a named type does ("Stimmt es, dass die Optimierer am meisten …?")."""
    extreme = bool(_MOST.search(folded_question) or _LEAST.search(folded_question))
    asks_which = bool(_WHICH_TYPE.search(folded_question))
    return extreme and (asks_which or (len(types) == 1 and bool(_PREMISE.search(folded_question))))


@dataclass(frozen=True)
class RowAnswer:
    table: int
    chapter: str
    row_id: str
    text: str  # German sentence with the table number, the row label and the extreme values
    figure: str = ""  # a one-type answer's figure ("54,4 %"): an answer that has it needs no line
    also: tuple[tuple[int, str], ...] = ()  # (table, chapter) of the same row in further tables

    @property
    def citation(self) -> str:
        study = "Quelle: Studie *Digitale Kommune: Eine Typfrage?*"
        if not self.also:
            return f"{study}, Kap. {self.chapter}, Tabelle {self.table}"
        chapters = " und ".join(dict.fromkeys([self.chapter, *(chapter for _, chapter in self.also)]))
        tables = " und ".join(str(table) for table in [self.table, *(table for table, _ in self.also)])
        return f"{study}, Kap. {chapters}, Tabellen {tables}"


@dataclass(frozen=True)
class _Row:
    table: int
    chapter: str
    unit: str
    row_id: str
    label: str
    values: dict[str, float]
    terms: frozenset[str]
    title_terms: frozenset[str]


class TypeComparison:
    def __init__(
        self,
        terms: Callable[[str], set[str]],
        query_vector: Callable[[str], np.ndarray | None] = lambda _: None,
        cache_file: Path | None = None,
    ):
        self._terms = terms
        self._query_vector = query_vector
        self._cache_file = cache_file
        self._rows: list[_Row] | None = None
        self._vectors: np.ndarray | None = None

    def _content(self, text: str) -> frozenset[str]:
        return frozenset(term for term in self._terms(text) if not _FRAME.match(term))

    def rows(self) -> list[_Row]:
        if self._rows is None:
            rows = []
            for number, info in sorted(table_infos().items()):
                if number < FIRST_PRACTICE_TABLE:
                    continue
                table = get_table(number)
                title_terms = self._content(info.title)
                for row in table.rows.values():
                    if not all(type_id in row.values for type_id in TYPE_IDS):
                        continue
                    rows.append(
                        _Row(
                            number,
                            info.chapter,
                            info.unit_of(row.row_id),
                            row.row_id,
                            row.label,
                            dict(row.values),
                            self._content(row.label) | _none_term(row.label),
                            title_terms,
                        )
                    )
            self._rows = rows
        return self._rows

    def row_vectors(self) -> np.ndarray | None:
        """e5 passage vectors of "label (table title)" per row, cached on disk; None on the lexical path."""
        encoder = get_encoder()
        if encoder is None:
            return None
        if self._vectors is None:
            titles = table_infos()
            cache = VectorCache(self._cache_file)
            texts = [f"{row.label} ({titles[row.table].title})" for row in self.rows()]
            self._vectors = cache.encode(encoder, texts, PASSAGE)
            cache.save()
        return self._vectors

    def _row_cosines(self, question: str) -> np.ndarray | None:
        """e5 cosine of the question with every row; None without the encoder (lexical path)."""
        vectors = self.row_vectors()
        query = self._query_vector(question) if vectors is not None else None
        return None if query is None else vectors @ query

    def _closest_in_meaning(self, cosines: np.ndarray | None, indices: list[int]) -> list[int]:
        """Of rows tied by their words, those with the label e5 puts first among all rows' top
        TIE_MAX_RANK, clearly (TIE_MIN_MARGIN) closer than the other tied ones; [] without the encoder or
        when none is."""
        if cosines is None:
            return []
        closest = max(indices, key=lambda index: cosines[index])
        if int((cosines > cosines[closest]).sum()) >= TIE_MAX_RANK:
            return []
        label = self.rows()[closest].label
        others = [cosines[index] for index in indices if self.rows()[index].label != label]
        if others and cosines[closest] - max(others) < TIE_MIN_MARGIN:
            return []  # not clearly closer than the other tied rows
        return [index for index in indices if self.rows()[index].label == label]

    @staticmethod
    def _close_in_meaning(cosines: np.ndarray | None, index: int, max_rank: int, needs_encoder: bool) -> bool:
        if cosines is None:
            return not needs_encoder  # lexical path
        return int((cosines > cosines[index]).sum()) < max_rank

    def answer(
        self, question: str, synonyms: Sequence[str] = (), types: Sequence[str] = ()
    ) -> RowAnswer | None:
        """The table row a comparison question asks about, as a German sentence; None if unclear.

        `synonyms`: of the concepts the question names ("E-Akte" -> DMS); `types`: the types it names –
        two of them with a comparative word get both figures."""
        folded = fold(question)
        if is_pair_comparison(folded, types):
            return self._pair(question, synonyms, types)
        if not is_comparison_question(folded, types):
            return None
        rows = self._rows_for(question, synonyms)
        if not rows:
            return None
        least = bool(_LEAST.search(folded))
        return _rows_answer(rows, [_sentence(row, least, with_title=len(rows) > 1) for row in rows])

    def _pair(self, question: str, synonyms: Sequence[str], types: Sequence[str]) -> RowAnswer | None:
        """ "Laut Tabelle 11 … – „Personaleinsatzplanung“: bei den Optimierern 47,8 %, bei den
        Serviceorientierten 46,1 %; alle Kommunen: 38,1 %." – the higher first."""
        rows = self._rows_for(question, synonyms, TYPE_FIGURE_MAX_RANK, needs_encoder=True)
        if not rows:
            return None
        texts = []
        for row in rows:
            ordered = sorted(types, key=lambda type_id: -row.values[type_id])
            figures = ", ".join(f"bei {TYPE_DATIVE[t]} {_value(row, t)}" for t in ordered)
            texts.append(_table_sentence(row, figures, with_title=len(rows) > 1))
        return _rows_answer(rows, texts)

    def type_figure(self, question: str, type_id: str, synonyms: Sequence[str] = ()) -> RowAnswer | None:
        """One type's figure for the practice a question asks about ("Wie viele der Bedächtigen bieten
        freies WLAN?" -> 54,4 %, all municipalities 64,1 %), as a German sentence; None if unclear."""
        if type_id not in TYPE_IDS or not is_figure_question(fold(question)):
            return None
        row = self._row(question, synonyms, TYPE_FIGURE_MAX_RANK, needs_encoder=True)
        if row is None:
            return None
        figure = _value(row, type_id)
        text = _table_sentence(row, f"bei {TYPE_DATIVE[type_id]} {figure}")
        return RowAnswer(row.table, row.chapter, row.row_id, text, figure)

    def total_figure(self, question: str, synonyms: Sequence[str] = ()) -> RowAnswer | None:
        """All municipalities' figure for the practice a question asks about ("Wie viele Kommunen haben
        einen CDO?" -> 15,4 %, highest at the Optimierer), as a German sentence; None if unclear. Held
        to the same closeness in meaning as one type's figure, and without the encoder there is none."""
        if not _TOTAL_QUESTION.search(fold(question)):
            return None
        rows = [
            row
            for row in self._rows_for(question, synonyms, TOTAL_FIGURE_MAX_RANK, needs_encoder=True)
            if TOTAL_COLUMN in row.values
        ]
        if not rows:
            return None
        texts = []
        for row in rows:
            highest = _extreme(row, max(row.values[type_id] for type_id in TYPE_IDS), "höchsten")
            texts.append(_table_sentence(row, highest, with_title=len(rows) > 1))
        return _rows_answer(rows, texts, _value(rows[0], TOTAL_COLUMN))

    def _row(
        self, question: str, synonyms: Sequence[str], max_rank: int = E5_MAX_RANK, needs_encoder: bool = False
    ) -> _Row | None:
        """The one row that fits the question best by its label words, if it is also close in meaning."""
        rows = self._rows_for(question, synonyms, max_rank, needs_encoder)
        return rows[0] if len(rows) == 1 else None

    def _rows_for(
        self, question: str, synonyms: Sequence[str], max_rank: int = E5_MAX_RANK, needs_encoder: bool = False
    ) -> list[_Row]:
        """The row that fits the question best by its label words, if it is also close in meaning – or
        the same row of several tables ("CDO" for the administration, Tabelle 7, and for the local
        community, Tabelle 8), which fit equally well; [] when different rows tie (no guess)."""
        expanded = " ".join(variant for variant in synonyms if not _FRAME_VARIANT.search(variant))
        asked = self._content(f"{question} {expanded}")
        if _ASKS_NONE.search(fold(question)):
            asked |= {NONE_TERM}
        scored = sorted((_fit(asked, row), index) for index, row in enumerate(self.rows()))[::-1]
        if not scored or scored[0][0][0] == 0:
            return []
        best = [index for fit, index in scored if fit == scored[0][0]]
        rows = [self.rows()[index] for index in sorted(best)]
        cosines = self._row_cosines(question)
        if len({row.label for row in rows}) > 1:
            # Different rows fit equally well by their words ("Sicherheit" and "Bedeutung IT-Strategie" for
            # "Sicherheit in der Digitalstrategie"): the one clearly closest in meaning, else no guess.
            best = self._closest_in_meaning(cosines, best)
            rows = [self.rows()[index] for index in sorted(best)]
            if not rows:
                return []
        if not any(self._close_in_meaning(cosines, index, max_rank, needs_encoder) for index in best):
            return []
        return rows


def _value(row: _Row, column: str) -> str:
    value = row.values[column]
    if row.unit == "percent":
        return format_number(value, 1) + _UNIT_WORDS["percent"]
    if row.unit in ("scale_0_3", "scale_0_4"):
        return format_number(value, 2)
    return format_number(value, 0 if float(value).is_integer() else 1)


def _extreme(row: _Row, value: float, word: str) -> str:
    """ "am höchsten bei den Optimierern (47,8 %)"; types sharing the value are all named ("je 0,0 %")."""
    types = [type_id for type_id in TYPE_IDS if row.values[type_id] == value]
    names = [TYPE_DATIVE[type_id] for type_id in types]
    who = join_german(names)
    each = "je " if len(types) > 1 else ""
    return f"am {word} bei {who} ({each}{_value(row, types[0])})"


def _table_sentence(row: _Row, figures: str, with_title: bool = False) -> str:
    """ "Laut Tabelle 14 der Studie – „Freies WLAN / LoRaWAN“: <figures>; alle Kommunen: 64,1 %."

    `with_title`: the table's title after its number, where the same row stands in several tables."""
    scale = _UNIT_WORDS.get(row.unit, "") if row.unit != "percent" else ""
    total = f"; alle Kommunen: {_value(row, TOTAL_COLUMN)}" if TOTAL_COLUMN in row.values else ""
    title = f" („{table_infos()[row.table].title}“)" if with_title else ""
    return f"Laut Tabelle {row.table}{title} der Studie – „{row.label}“{scale}: {figures}{total}."


def _rows_answer(rows: Sequence[_Row], sentences: Sequence[str], figure: str = "") -> RowAnswer:
    """One answer from the same row in one or more tables: the first table is cited first, the others
    as `also`."""
    first = rows[0]
    also = tuple((row.table, row.chapter) for row in rows[1:])
    return RowAnswer(first.table, first.chapter, first.row_id, " ".join(sentences), figure, also)


def _sentence(row: _Row, least: bool, with_title: bool = False) -> str:
    values = [row.values[type_id] for type_id in TYPE_IDS]
    highest = _extreme(row, max(values), "höchsten")
    lowest = _extreme(row, min(values), "niedrigsten")
    first, second = (lowest, highest) if least else (highest, lowest)
    return _table_sentence(row, f"{first}, {second}", with_title)
