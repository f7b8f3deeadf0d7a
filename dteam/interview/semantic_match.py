"""Semantic matching of goal and practice answers the rules do not understand.

Used where the rule parsers (goals.analyse, practices.parse_answer) found nothing: a whole answer, or
(match_goal_part) a part of a goal answer that states a wish in words the rules do not know while
other parts named goals (goals.answer_parts). All texts are e5 vectors ('query: ', short text to
short text).
- Practice answers: the nearest option sentence of dteam.interview.descriptions by cosine.
- Goal clauses: a logistic-regression classifier over the vectors, trained when the matcher starts
  on the goal sentences of descriptions.py plus the clause examples of goal_examples.yml, with a
  class "none" for clauses that state no goal (background, filler). Nearest-sentence cosine could
  not tell goals apart on paraphrases (half right on unseen dev answers); the classifier weighs the
  dimensions that separate the goals instead of the whole vector.
A clear winner is taken; a plausible but unsure one is put to the user once as a question ("Ich
ordne „…" als … ein – stimmt das?"); below that nothing is matched. Without the encoder (fallback)
every function returns no match. Pure module (numpy, scikit-learn, PyYAML).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from dteam.interview.descriptions import OPTION_SENTENCES, goal_sentences
from dteam.interview.goals import GOAL_IDS, GOAL_LABELS, MAX_GOALS
from dteam.semantic import VectorCache, get_encoder
from dteam.semantic.vectors import QUERY
from dteam.text import join_german

# Tuned on the dev files bench/data/dev/goal_answers.yml and practice_answers.yml only
# (bench/tune_interview_semantic.py).
SURE_SCORE = 0.88
SURE_MARGIN = 0.02
UNSURE_SCORE = 0.86
# Goal classifier: class probabilities, not cosines (same tuning script).
GOAL_SURE_PROBABILITY = 0.70
# An answer in which nothing else matched: its likeliest goal from this probability is asked once
# ("… – stimmt das?") instead of "Darin habe ich kein Ziel erkannt".
GOAL_ASK_PROBABILITY = 0.45
GOAL_GUESS_MIN_COSINE = 0.835  # nearest goal sentence; nonsense and weather talk stay below (dev: 0.80-0.83)
GOAL_CLASSIFIER_C = 30.0  # weak regularisation: ~550 examples of 384 dimensions
# A clause is "no goal" only when that class is clearly most likely; as an ordinary competitor it
# drew too many real goals (dev: 64 % instead of 79 % right on whole one-goal answers).
NO_GOAL_PROBABILITY = 0.70
# An answer the current question does not take but another question's options fit closely and
# clearly better: said so instead of a bare "nicht zuordnen" (dev: no right answer comes near).
OTHER_QUESTION_SCORE = 0.875
OTHER_QUESTION_MARGIN = 0.03
MIN_OTHER_QUESTION_WORDS = 3
GOAL_EXAMPLES_FILE = Path(__file__).with_name("goal_examples.yml")
NO_GOAL = "none"
GOAL_CLASSIFIER = "goal_classifier"  # table key next to "goals" (the goal sentences' cosines)
MAX_QUOTE_CHARS = 60
MAX_ALTERNATIVES = 2  # next likeliest goals offered beside an unsure one (dev: the right one in 7 of 9)
_CLAUSES = re.compile(
    r"\s*(?:[,;.!?\n]+|\bund\b|\bsowie\b|\bdann\b|\bdanach\b|\bausserdem\b|\baußerdem\b)\s*", re.I
)


# A clause of only these words names no topic ("das wäre unser Ziel", "das ist uns wichtig"): skipped.
_TOPICLESS = frozenset(
    "das dies es ist wäre war wären sind sein unser unsere uns wir mir ich für ziel ziele wichtig "
    "wichtigste am geht um darum die der den dem ein eine auch noch mal halt so also ja na eben "
    "eigentlich vor allem sehr ganz besonders hauptsache "
    # greetings, keyboard tests and filler ("hallo hallo test test") name no topic either
    "hallo hi hey moin servus guten tag morgen abend test tests testing probe bla blabla blub hm hmm "
    "äh ähm öhm ok okay "
    # lead-ins to the clause that says the wish ("Wir müssen deshalb schauen, dass …"): "müssen" alone
    # read as the legal-requirements goal
    "muss müssen soll sollen sollte sollten will wollen möchte möchten würde würden deshalb daher "
    "schauen sehen gucken achten aufpassen sorgen hoffe hoffen wünsche wünschen glaube denke finde "
    "meine jetzt endlich einfach dringend unbedingt dass damit als sehe trotzdem eher digitalisierung "
    "aufhören ändern nicht weitergehen "
    # hedges before the answer ("Schwer zu sagen, ehrlich. Vielleicht am ehesten, dass …")
    "schwer zu sagen gute frage keine ahnung weiß weiss ehrlich gesagt vielleicht ehesten spontan puh tja "
    "mhm".split()
)


_SENTENCES = re.compile(r"[.!?]\s+\S")


@dataclass(frozen=True)
class Match:
    value: str  # goal id or option value
    score: float
    margin: float  # to the best other value
    sure: bool
    text: str  # the (part of the) answer that matched
    # Goals only: the classifier's next likeliest goals, offered beside an unsure match ("Eher …").
    alternatives: tuple[str, ...] = ()


class _Table:
    """Sentence vectors of every option of one group (goals or one question)."""

    def __init__(self, encoder, cache: VectorCache, sentences: dict[str, tuple[str, ...]]):
        self.values: list[str] = []
        texts: list[str] = []
        for value, options in sentences.items():
            for sentence in options:
                self.values.append(value)
                texts.append(sentence)
        self.vectors = cache.encode(encoder, texts, QUERY)
        self.order = list(sentences)

    def best(self, query_vector: np.ndarray) -> tuple[str, float, float]:
        scores = self.vectors @ query_vector
        per_value = {v: -1.0 for v in self.order}
        for value, score in zip(self.values, scores, strict=True):
            per_value[value] = max(per_value[value], float(score))
        ranked = sorted(per_value.items(), key=lambda item: -item[1])
        second = ranked[1][1] if len(ranked) > 1 else -1.0
        return ranked[0][0], ranked[0][1], ranked[0][1] - second


def goal_training_examples(path: Path = GOAL_EXAMPLES_FILE) -> tuple[list[str], list[str]]:
    """(texts, labels): every goal sentence of descriptions.py and the examples file's clauses."""
    texts: list[str] = []
    labels: list[str] = []
    for goal in GOAL_IDS:
        for sentence in goal_sentences(goal):
            texts.append(sentence)
            labels.append(goal)
    examples = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("examples") or {}
    for label, clauses in examples.items():
        if label not in GOAL_IDS and label != NO_GOAL:
            raise ValueError(f"{path}: unknown goal {label!r}")
        for clause in clauses or []:
            texts.append(str(clause))
            labels.append(label)
    return texts, labels


class _GoalClassifier:
    """Goal of one clause (or "none"): logistic regression over e5 vectors.

    best() returns the goal with its probability among the goals alone (the "none" share taken
    out), or "none" when that share is at least NO_GOAL_PROBABILITY, and all goals likeliest first.
    """

    def __init__(self, encoder, cache: VectorCache):
        from sklearn.linear_model import LogisticRegression

        texts, labels = goal_training_examples()
        vectors = cache.encode(encoder, texts, QUERY)
        # lbfgs on a fixed data set is deterministic: the same answer gets the same goal every start.
        self.model = LogisticRegression(C=GOAL_CLASSIFIER_C, max_iter=5000).fit(vectors, labels)
        classes = [str(c) for c in self.model.classes_]
        self.no_goal = classes.index(NO_GOAL) if NO_GOAL in classes else None
        self.goal_columns = [i for i, c in enumerate(classes) if c != NO_GOAL]
        self.goals = [classes[i] for i in self.goal_columns]

    def best(self, query_vector: np.ndarray) -> tuple[str, float, float, list[str]]:
        probabilities = self.model.predict_proba(query_vector.reshape(1, -1))[0]
        if self.no_goal is not None and probabilities[self.no_goal] >= NO_GOAL_PROBABILITY:
            return NO_GOAL, float(probabilities[self.no_goal]), 0.0, []
        goals = probabilities[self.goal_columns] / probabilities[self.goal_columns].sum()
        order = np.argsort(-goals)
        first, second = order[:2]
        ranking = [self.goals[i] for i in order]
        return self.goals[first], float(goals[first]), float(goals[first] - goals[second]), ranking

    def probabilities(self, query_vector: np.ndarray) -> dict[str, float]:
        """Each goal's probability (the "none" share included, so small values mean "no goal")."""
        probabilities = self.model.predict_proba(query_vector.reshape(1, -1))[0]
        return {self.goals[i]: float(probabilities[column]) for i, column in enumerate(self.goal_columns)}


_tables: dict[str, _Table | _GoalClassifier] = {}
_lock = threading.Lock()


def _cache_path():
    from dteam.kb import config

    return config.vector_cache_file().with_name("option_vectors.npz")


def _table(group: str) -> _Table | _GoalClassifier | None:
    encoder = get_encoder()
    if encoder is None:
        return None
    with _lock:
        if group not in _tables:
            cache = VectorCache(_cache_path())
            if group == GOAL_CLASSIFIER:
                _tables[group] = _GoalClassifier(encoder, cache)
            elif group == "goals":
                _tables[group] = _Table(encoder, cache, {goal: goal_sentences(goal) for goal in GOAL_IDS})
            else:
                _tables[group] = _Table(encoder, cache, OPTION_SENTENCES[group])
            cache.save()
        return _tables[group]


def warm_up() -> bool:
    """Encode all option sentences now (make kb, action-server start), not in the first interview."""
    if get_encoder() is None:
        return False
    for group in [GOAL_CLASSIFIER, "goals", *OPTION_SENTENCES]:
        _table(group)
    return True


@lru_cache(maxsize=256)
def _query_vector(text: str) -> np.ndarray:
    """The e5 vector of an answer or clause; match_goals may look at a clause twice."""
    return get_encoder().query(text)


def _match(group: str, text: str, guess_goal: bool = False) -> Match | None:
    table = _table(group)
    text = (text or "").strip()
    if table is None or not re.search(r"[A-Za-zÄÖÜäöüß]{3,}", text):
        return None
    vector = _query_vector(text)
    guess = None
    ranking: list[str] = []
    if group == "goals":
        goal, probability, goal_margin, ranking = _table(GOAL_CLASSIFIER).best(vector)
        if goal == NO_GOAL:
            return None
        if probability >= GOAL_SURE_PROBABILITY:
            return Match(goal, probability, goal_margin, True, text)
        if guess_goal and probability >= GOAL_ASK_PROBABILITY:
            guess = Match(goal, probability, goal_margin, False, text, _next_likeliest(ranking, goal))
    value, score, margin = table.best(vector)
    if score < UNSURE_SCORE:
        # The sentences see nothing close: ask about the classifier's likely goal, unless the text is
        # far from every goal ("Der Himmel ist blau").
        return guess if score >= GOAL_GUESS_MIN_COSINE else None
    sure = score >= SURE_SCORE and margin >= SURE_MARGIN
    return Match(value, score, margin, sure, text, () if sure else _next_likeliest(ranking, value))


def _next_likeliest(ranking: list[str], value: str) -> tuple[str, ...]:
    return tuple(goal for goal in ranking if goal != value)[:MAX_ALTERNATIVES]


def match_practice(question_id: str, text: str) -> Match | None:
    """Best option of a practice question for an answer the rules did not understand, or None."""
    if question_id not in OPTION_SENTENCES:
        return None
    return _match(question_id, text)


def fits_other_question(question_id: str, text: str) -> str | None:
    """The practice question `text` clearly answers instead of `question_id`, or None.

    "Glasfaser baut bei uns die Telekom" at the question on training is an answer given early (or
    late): another question's options are close (≥ OTHER_QUESTION_SCORE) and much closer than this
    question's (by OTHER_QUESTION_MARGIN). Only for answers the current question did not take.
    """
    own = _table(question_id) if question_id in OPTION_SENTENCES else None
    text = (text or "").strip()
    # "Keine", "Gar nicht": short replies fit every yes/no question alike.
    if own is None or len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", text)) < MIN_OTHER_QUESTION_WORDS:
        return None
    vector = _query_vector(text)
    own_score = own.best(vector)[1]
    scores = {other: _table(other).best(vector)[1] for other in OPTION_SENTENCES if other != question_id}
    other = max(scores, key=scores.get, default=None)
    if other is None or scores[other] < OTHER_QUESTION_SCORE:
        return None
    return other if scores[other] - own_score >= OTHER_QUESTION_MARGIN else None


def match_goals(text: str) -> list[Match]:
    """Goals named in paraphrase, in order of mention (one per clause, at most MAX_GOALS)."""
    found: list[Match] = []
    clauses = [c for c in _CLAUSES.split(text or "") if c and len(c.split()) >= 2 and not _topicless(c)]
    if not clauses:
        clauses = [] if _topicless(text or "") else [text]
    for clause in clauses:
        match = _match("goals", clause)
        if match is not None and match.value not in {m.value for m in found}:
            found.append(match)
    if not found:
        # A clause alone can say too little ("statt 30 km zu fahren"): the whole answer is read too.
        whole = [text.strip()] if len(clauses) > 1 else []
        guesses = [m for m in (_match("goals", part, guess_goal=True) for part in clauses + whole) if m]
        return sorted(guesses, key=lambda m: -m.score)[:1]
    if any(m.sure for m in found) and _SENTENCES.search((text or "").strip()):
        # In an answer of several sentences the clearly matched clauses carry the goal; the unsure ones
        # are mostly background ("Wir sind eine Gemeinde mit sieben Ortsteilen."), not a goal to ask about.
        found = [m for m in found if m.sure]
    return found[:MAX_GOALS]


# Of the goals already chosen, the one a phrase means must be this many times likelier than the next.
CHOSEN_GOAL_RATIO = 2.0


def likeliest_chosen_goal(text: str, chosen: list[str]) -> str | None:
    """Which of the goals already chosen a short phrase means ("mitreden" of Effizienz and Bürgernähe:
    Bürgernähe), or None when it is unclear or the encoder is off. Choosing among two or three known
    goals needs far less certainty than naming one of ten."""
    classifier = _table(GOAL_CLASSIFIER) if len(chosen) >= 2 and (text or "").strip() else None
    if classifier is None:
        return None
    probabilities = classifier.probabilities(_query_vector(text))
    ranked = sorted(chosen, key=lambda goal: -probabilities.get(goal, 0.0))
    first, second = (probabilities.get(goal, 0.0) for goal in ranked[:2])
    return ranked[0] if first >= CHOSEN_GOAL_RATIO * second else None


def match_goal_part(text: str) -> Match | None:
    """The goal of one part of an answer in which the rules found other goals (goals.answer_parts).

    The part states a wish (an open part), so its likeliest goal is asked about when nothing is sure.
    """
    if len((text or "").split()) < 3 or _topicless(text or ""):
        return None
    return _match("goals", text, guess_goal=True)


def _topicless(text: str) -> bool:
    return set(re.findall(r"\w+", text.lower())) <= _TOPICLESS


def _quote(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= MAX_QUOTE_CHARS else text[: MAX_QUOTE_CHARS - 1].rstrip() + "…"


def confirmation_question(question_id: str, answer: str, values: list[str]) -> str:
    """German yes/no question for an unsure match, e.g. „…“ als Fachbereich Organisation."""
    labels = option_labels(question_id, values)
    if question_id == "goals":
        named = ("das Ziel " if len(labels) == 1 else "die Ziele ") + join_german(labels)
    else:
        named = join_german(labels)
    return f"Ich ordne „{_quote(answer)}“ als {named} ein – stimmt das?"


def option_labels(question_id: str, values: list[str]) -> list[str]:
    """German names of goals or of one practice question's options."""
    if question_id == "goals":
        return [GOAL_LABELS[v] for v in values]
    from dteam.interview.practices import QUESTIONS

    return [QUESTIONS[question_id].option(v).title for v in values]
