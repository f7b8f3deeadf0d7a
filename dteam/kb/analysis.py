"""Query analysis: domain synonyms, type and topic detection, conversation context.

Pure module: no Rasa import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .aspects import names_a_state
from .entries import TYPE_IDS, TYPE_NAMES
from .text import Lemmatizer, fold, split_sentences

_ENDINGS = r"(?:n|s|en|es|e|er|ern|in|innen)?"


def _variant_pattern(variant_folded: str) -> str:
    # Hyphens, colons and spaces are interchangeable ("Community-Manager", "Bürger:innen").
    parts = [re.escape(part) for part in re.split(r"[\s\-:/]+", variant_folded) if part]
    return r"[\s\-:/]*".join(parts)


# A type described by its defining goal, as staff who do not know the type names ask: "die Kommunen,
# die vor allem auf Effizienz aus sind", "Gemeinden, die sich um die Gemeinschaft kümmern". Only
# filler words may stand between the relative pronoun and the goal word ("Kommunen, die Daten nutzen,
# arbeiten effizienter" names no type).
_DESCRIBED_GOALS = {
    "optimierer": ("effizien",),
    "serviceorientierte": ("buergernaeh", "service", "buergerservice", "buergerfreundlich"),
    "community_manager": ("gemeinschaft", "gemeinwesen", "daseinsvorsorge"),
    # "die vor allem Pflichtvorgaben und Fördergeld im Blick haben", "die sich an gesetzlichen Pflichten
    # orientieren"
    "bedaechtige": ("vorgabe", "rechtlich", "pflicht", "gesetz", "foerder"),
}
_QUALIFIER = (
    r"(?:vor allem|besonders|hauptsaechlich|vorrangig|in erster linie|primaer|stark|eher|am meisten|ganz)"
)
_PREPOSITION = r"(?:auf|um|an|nach)"
_GOAL_WORD = (
    r"(?P<goal>(?:" + "|".join(stem for stems in _DESCRIBED_GOALS.values() for stem in stems) + r")\w*)"
)
# A qualifier or a preposition must lead to the goal ("die vor allem Effizienz …", "die auf Effizienz
# setzen"), or "denen" ("denen Bürgernähe wichtig ist"): "Kommunen, die rechtliche Vorgaben umsetzen
# müssen" are all municipalities.
_TYPE_DESCRIPTION = re.compile(
    # also with the clause's verb between ("bei den Kommunen abgucken, denen es um Effizienz geht")
    r"\b(?:kommunen|gemeinden|staedte|verwaltungen|rathaeuser|kreise|typen)(?:\s+\w+\s*,|\s*,)?\s+"
    # "Kommunen, denen es vor allem um Effizienz geht"
    r"(?:(?:die|denen)\s+(?:sich\s+|es\s+)?"
    r"(?:" + _QUALIFIER + r"\s+(?:" + _PREPOSITION + r"\s+)?|" + _PREPOSITION + r"\s+)"
    r"|denen\s+)(?:(?:die|den|das|der|ihre|ihr)\s+)?(?:oertlich\w*\s+|gesetzlich\w*\s+)?"
    + _GOAL_WORD
    # "Kommunen, die die örtliche Gemeinschaft in den Mittelpunkt stellen"
    + r"|\b(?:kommunen|gemeinden|staedte|verwaltungen)\s*,?\s+die\s+(?:die|den|das)\s+(?:\w+\s+)?"
    + _GOAL_WORD.replace("(?P<goal>", "(?P<goal_focus>")
    + r"\s+(?:\w+\s+){0,2}(?:in\s+den\s+mittelpunkt|ins\s+zentrum|in\s+den\s+fokus|im\s+blick|"
    r"in\s+den\s+vordergrund)"
)

# A goal word joined to "-orientiert", "-getrieben" or "ausgerichtet" names the type too ("die
# bürgerservice-orientierten Verwaltungen", "die auf Gemeinschaft und Daseinsvorsorge ausgerichteten
# Kommunen", "… oder die effizienzgetriebenen?") – as a municipality, not as a process ("effizienzorientierte
# Prozesse"): a municipal noun, a conjunction or the phrase's end follows.
_ORIENTED_TYPE = re.compile(
    r"\b(?:auf\s+(?:die\s+|den\s+|das\s+)?)?" + _GOAL_WORD + r"(?:\s+und\s+\w+)?[\s-]*"
    r"(?:orientiert|getrieben|fokussiert|ausgerichtet)\w*"
    r"(?=\s*(?:[?.,;:!)]|\s[–-]\s|$)|\s+(?:kommunen|gemeinden|staedte|verwaltungen|rathaeuser|kreise|typen?|"
    r"oder|und|als|bei|im|haben|sind)\b)"
)

# Staff describe a type in many more words than the stems above ("die Kommunen, denen es vor allem um
# schlanke Abläufe geht"): a relative clause that says what municipalities mainly want is read by the
# interview's goal parser and placed by the study's classifier. Without a qualifier a clause describes
# no type ("Kommunen, die eine Strategie haben").
# On folded text (detect_types) and on the question as written (name_described_types).
_DESCRIBED_CLAUSE = re.compile(
    r"\b(?:kommunen|gemeinden|st(?:ae|ä)dten?|verwaltungen|rath(?:ae|ä)usern?|(?:land)?kreisen?)\b"
    r"(?:\s+[\w.-]+){0,3}?(?P<comma>\s*,?\s+)(?=(?:die|denen)\b)"
    # "den Typ, der vor allem auf Effizienz setzt"
    r"|\b(?:kommunen)?typs?\b(?P<comma_type>\s*,\s+)(?=der\b)",
    re.IGNORECASE,
)
# "besonders" as a degree word ("besonders viele Dienste") is no goal.
_MAINLY = re.compile(
    r"\b(?:vor allem|hauptsaechlich|in erster linie|vorrangig|primaer|ueberwiegend|insbesondere|"
    r"schwerpunktmaessig|allen voran|am meisten|am wichtigsten|am herzen|wert (?:auf|darauf)|"
    r"(?:im|in den) (?:mittelpunkt|fokus|vordergrund)|"
    r"besonders(?! (?:viel|wenig|oft|haeufig|selten|gut|schlecht|weit|schnell|gross|klein|stark)))\b"
    # "denen Bürgernähe wichtig ist", "denen es um schlanke Abläufe geht"
    r"|^denen\b.*\b(?:wichtig|um\b.*\bgeh[te]n?)\b"
)
# The clause ends with the sentence, a colon, semicolon or dash, or at a comma after its verb where a
# main clause starts ("…, die vor allem X wollen, haben …"); an enumeration goes on ("Versorgung, lokale
# Wirtschaft").
_CLAUSE_END = re.compile(
    r"[?!:;]|\s[–-]\s|\.(?:\s|$)"
    r"|(?<=en|rn|ln|nd|ht|st|at|nt),\s+(?=(?:\w+(?:en|n)|wie|was|wo|wer|wann|warum|wieso|weshalb|"
    r"welche\w*|ob|dass|weil|wenn|ist|hat|wird|gibt|stimmt|"
    # "…, denen es vor allem um schlanke Abläufe geht, mehr als 40 Prozent …": a figure resumes the question
    r"mehr|weniger|etwa|rund|ueber|über|mindestens|fast|knapp|auch|eher|"
    # "…, denen es vor allem um schlanke Abläufe geht, öfter eine Strategie als …": a comparison resumes it
    r"oefter|öfter|haeufiger|häufiger|seltener|besser|schlechter|staerker|stärker|"
    # "Werten die Kommunen, die vor allem Vorschriften umsetzen wollen, ihre Daten aus?": the object resumes
    # ("ihren", "einen" end like a verb and are read above)
    r"ihre|ihrer|ihr|eine|einer|ein|tatsaechlich|tatsächlich|wirklich|eigentlich|ueberhaupt|"
    r"überhaupt|systematisch|oft|schon|bereits)\b)"
)


def _described_clauses(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Each "Kommunen, die/denen …" with the end of its relative clause."""
    for match in _DESCRIBED_CLAUSE.finditer(text):
        end = _CLAUSE_END.search(text, match.end())
        yield match, end.start() if end else len(text)


def _described_clause_type(clause: str) -> str | None:
    """The type whose goals the clause names, if the parsed goals plausibly belong to one type."""
    if not _MAINLY.search(clause):
        return None
    return _type_of_goals(clause)


@lru_cache(maxsize=256)
def _type_of_goals(clause: str) -> str | None:
    # Imported here: the goal parser compiles many patterns, and only such clauses need it.
    from dteam.interview.goals import extract_goals
    from dteam.study.typology import characteristic_goals, classify

    goals = extract_goals(clause)  # folds by itself
    if not goals:
        return None
    result = classify(goals)
    # A lone "Fördermittel" lies nearest to the Community Managers, whose own goals it is not among; "vor
    # allem für Wirtschaft vor Ort und Ehrenamt" leads with goals that set the Community Managers apart.
    if result.is_mixed or goals[0] not in characteristic_goals(result.type_id):
        return None
    return result.type_id


def name_described_types(question: str, synonyms: Synonyms) -> str:
    """The question with a type described only by its goals named instead ("die Kommunen, denen es vor
    allem um schlanke Abläufe geht" -> "die Kommunen vom Typ Optimierer"): the clause's goal words would
    otherwise pull retrieval towards the entries on those goals. Each described type is named ("…, denen
    es vor allem um schlanke Abläufe geht, öfter … als die Kommunen, denen Bürgernähe am wichtigsten ist?"
    compares two)."""
    named: list[tuple[int, int, str, bool]] = []
    for match, end in _described_clauses(question):
        if named and match.start() < named[-1][1]:
            continue  # inside the clause just named
        clause = fold(question[match.end() : end])
        if _TYPE_DESCRIPTION.search(fold(question[match.start() : end])) or any(
            pattern.search(clause) for pattern in synonyms.types.values()
        ):
            continue  # named or described by the stems: retrieval already reads it
        key = _described_clause_type(clause)
        if key:
            after_type = match.group("comma") is None  # "den Typ, der …" -> "den Typ Optimierer"
            named.append((match.start("comma_type" if after_type else "comma"), end, key, after_type))
    for start, end, key, after_type in reversed(named):
        name = TYPE_NAMES[key] if after_type else f"vom Typ {TYPE_NAMES[key]}"
        question = f"{question[:start]} {name}{question[end:]}"
    return question


# A variant ending in a pronoun takes no endings: "für uns" is not "für unser Quellenverzeichnis".
_PRONOUN_LAST = re.compile(r"(?:^|[\s\-:/])(?:uns|wir|mich|mir|ich)\s*$")


def _endings(variant_folded: str) -> str:
    return "" if _PRONOUN_LAST.search(variant_folded) else _ENDINGS


class _VariantPattern:
    """Regex over all variants of a group, with a cheap substring pre-check (index build speed)."""

    def __init__(self, variants: Sequence[str]):
        self.variants = tuple(v for v in variants if v.strip())  # folded forms, for synonym expansion
        patterns = sorted(
            {_variant_pattern(v) + _endings(v) for v in variants if v.strip()}, key=len, reverse=True
        )
        self.regex = re.compile(r"(?<![a-z0-9])(?:" + "|".join(patterns) + r")(?![a-z0-9])")
        self.prefixes = tuple({re.split(r"[\s\-:/]+", v.strip())[0][:4] for v in variants if v.strip()})

    def search(self, text: str):
        if not any(prefix in text for prefix in self.prefixes):
            return None
        return self.regex.search(text)


def _compile(variants: Sequence[str]) -> _VariantPattern | None:
    variants = [v for v in variants if v.strip()]
    return _VariantPattern(variants) if variants else None


@dataclass
class Synonyms:
    """Compiled synonym file (knowledge/synonyms.yml)."""

    groups: dict[str, _VariantPattern]
    types: dict[str, _VariantPattern]
    own_type: _VariantPattern | None
    topics: dict[str, list[re.Pattern]]
    lemma_overrides: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        data = {}
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        overrides = {str(k): str(v) for k, v in (data.get("lemma_overrides") or {}).items()}
        lemmatizer = Lemmatizer(overrides)

        def forms(variants):
            # Both the folded surface form and its folded lemma form, so lemmatised text matches too.
            out = set()
            for variant in variants or []:
                variant = str(variant)
                out.add(fold(variant))
                out.add(" ".join(lemmatizer.lemmas(variant)))
            return [v for v in out if v.strip()]

        groups = {key: _compile(forms(v)) for key, v in (data.get("groups") or {}).items()}
        types = {key: _compile(forms(v)) for key, v in (data.get("types") or {}).items() if key in TYPE_IDS}
        # Questions are searched in their folded surface form, and lemma forms would be wrong here:
        # the lemma of "uns" is "sich", and "bei sich selbst" is not the user's own municipality.
        own = _compile([fold(str(phrase)) for phrase in data.get("own_type_phrases") or []])
        topics = {
            key: [
                re.compile(r"(?<![a-z0-9])" + re.escape(fold(str(trigger)).replace("-", " ")))
                for trigger in triggers or []
            ]
            for key, triggers in (data.get("topics") or {}).items()
        }
        return cls(
            groups={k: v for k, v in groups.items() if v is not None},
            types={k: v for k, v in types.items() if v is not None},
            own_type=own,
            topics=topics,
            lemma_overrides=overrides,
        )

    def concepts(self, *texts: str) -> list[str]:
        """Concept tokens (syn_<group>, type_<id>) found in any of the folded texts."""
        found = []
        for key, pattern in self.groups.items():
            if any(pattern.search(text) for text in texts):
                found.append("syn_" + key)
        for key, pattern in self.types.items():
            if any(pattern.search(text) for text in texts):
                found.append("type_" + key)
        return found

    def detect_types(self, folded_text: str) -> list[str]:
        hits = []
        for key, pattern in self.types.items():
            match = pattern.search(folded_text)
            if match:
                hits.append((match.start(), key))
        for match in [*_TYPE_DESCRIPTION.finditer(folded_text), *_ORIENTED_TYPE.finditer(folded_text)]:
            word = match.group("goal") or match.groupdict().get("goal_focus")
            key = next(key for key, stems in _DESCRIBED_GOALS.items() if word.startswith(stems))
            if key not in {known for _, known in hits}:
                hits.append((match.start(), key))
        for match, end in _described_clauses(folded_text):
            if any(match.start() <= position < end for position, _ in hits):
                continue  # the stems or a type name already tell this clause's type
            key = _described_clause_type(folded_text[match.end() : end])
            if key and key not in {known for _, known in hits}:
                hits.append((match.start(), key))
        return [key for _, key in sorted(hits)]

    def detect_topic(self, folded_text: str) -> str:
        best, best_hits = "", 0
        for topic, triggers in self.topics.items():
            hits = sum(1 for trigger in triggers if trigger.search(folded_text))
            if hits > best_hits:
                best, best_hits = topic, hits
        return best


# "von den Optimierern lernen", "von uns lernen", "von ihnen abschauen": the named party teaches – within
# one sentence ("… die Anmeldung von Veranstaltungen online gebaut. Wir würden das gern übernehmen").
_TAKE_OVER = r"(?P<who>[^.!?;]{0,90}?)\b(lernen|abschauen|abgucken|mitnehmen|uebernehmen)"
_LEARN_FROM = re.compile(r"\bvon\b" + _TAKE_OVER)
# "sich bei den Community Managern etwas abgucken": a type named after "bei" teaches, too.
_LEARN_AT = re.compile(r"\bbei\b" + _TAKE_OVER)
# "Von wem können Bedächtige lernen?": the named type is the learner, not the teacher.
_FROM_WHOM = re.compile(r"^\s*(wem|welche\w*)\b")
# "ein Mittagsformat zum Lernen": learning as a thing, not what one learns from whom.
_LEARN = re.compile(
    r"(?<!\bzum )(?<!\bbeim )"
    r"\b(lernen|lernt|abschauen|abgucken|verbessern|nachholbedarf|aufholen|schwaeche\w*)\b"
)
# "… lernen", "wo sollten wir besser werden", "wo haben sie Nachholbedarf": what a type learns is its
# lernen entry
_LEARN_VERB = re.compile(
    r"\b(?:lernen|lernt|abschauen|abgucken|mitnehmen|uebernehmen|besser werden|nachholbedarf|schwaeche\w*|"
    r"aufholen)\b"
)
_CLAUSE_FOLLOWS = re.compile(r"\s*,?\s*(?:die|denen)\b")
_OTHERS = re.compile(r"\b(andere[nrs]?|uebrigen|restlichen)\b")
_ONE_OTHER = re.compile(r"\b(?:einer|eines|einem)\s+ander")
# "Was machen die Optimierer besser, wo können wir uns was abgucken?": we learn, the named type teaches
# (unless the type is us: "Wir sind Optimierer – was können wir lernen?").
# "Was können andere Verwaltungen sich bei den Kommunen abgucken, denen es um Effizienz geht?": others learn.
_WE_LEARN = re.compile(
    r"\b(?:wir|man|andere\w*)\b(?:\s+\w+){0,5}?\s+(?:lernen|abschauen|abgucken|mitnehmen|uebernehmen)\b"
)
_WE_ARE = re.compile(r"\b(?:wir sind|sind wir|wir als|uns als)\b")
_WHICH_TYPE = re.compile(
    r"\b(?:welche[rsnm]?|bei welchem|wer von den)\s+(?:der\s+|von\s+den\s+)?(?:vier\s+)?"
    r"(?:typ|typen|kommunentyp\w*)\b"
)
_WE = re.compile(r"\b(wir|uns|unser\w*)\b")
_OWN_SIZE = re.compile(r"\b(?:unserer|dieser|ihrer|einer|solcher|vergleichbarer)\s+groess\w*")
# "Unser Landrat meint, …": a colleague's view reported, not a question about the own municipality.
_OUR_COLLEAGUE = re.compile(
    r"\bunser\w* (?:landrat|landraetin|buergermeister\w*|oberbuergermeister\w*|ob|chef\w*|kaemmer\w*|"
    r"\w*amtsleit\w*|dezernent\w*|kolleg\w*|gemeinderat|stadtrat|kreistag|it leit\w*|cdo|cio|"
    # "Unser Personalrat redet ständig vom Fachkräftemangel …"
    r"personalrat|betriebsrat|hauptamt)\b"
)
# "so wie wir", not "Gemeinden wie wir" (often of a size or kind: "kreisangehörige Gemeinden wie wir").
_LIKE_US = re.compile(r"\bso wie (?:wir|uns)\b")
# How the types are spread in a region ("verbreitet", "am häufigsten"), on folded text.
_ASKS_SPREAD = re.compile(
    r"\b(?:verbreitet\w*|haeufig\w*|am meisten|ueberwieg\w*|vorherrsch\w*|dominier\w*|verteil\w*)\b"
)
# Without a finished test, only questions about the own type or result need it first.
_TYPE_TOPICS = {"lernen", "lehren", "profil", "ziele"}
# Not the study's name ("Was soll die Typenstudie bei uns auslösen?", "Typfrage").
_ASKS_OWN_RESULT = re.compile(
    r"\b(?!\w*typ(?:en)?-?(?:studie|frage|ologie))(\w*typ\w*|ergebnis\w*|auswertung)\b"
)
_FOLLOW_UP = re.compile(
    r"^(und|und was|und wie|und bei|und die|und den|und der|was ist mit|wie ist es mit|wie sieht es "
    r"(bei|mit)|"
    r"wie steht es (bei|mit)|bei den|und fuer|und im vergleich|im vergleich|dasselbe|das gleiche|gleiche "
    r"frage)\b"
)


@dataclass
class QueryAnalysis:
    text: str
    folded: str
    types: list[str] = field(default_factory=list)
    topic: str = ""
    own_type_ref: bool = False
    follow_up: bool = False  # explicit continuation ("Und ...", "Was ist mit ...")
    elliptic: bool = False  # only a type name, nothing else
    # who learns from whom, read from the sentence ("von den Optimierern lernen"): a type's lernen/lehren
    # entry, which the entries' wording alone does not tell apart
    direction: bool = False


def analyse(question: str, synonyms: Synonyms) -> QueryAnalysis:
    folded = fold(question)
    flat = re.sub(r"[\s\-:/]+", " ", folded).strip()
    types = synonyms.detect_types(folded)
    # "für eine Verwaltung unserer Größe": the asker's size, not the types' profile
    topic = synonyms.detect_topic(_OWN_SIZE.sub(" ", flat))
    own_ref = bool(synonyms.own_type and synonyms.own_type.search(folded))
    if not types and _LIKE_US.search(flat):
        # "Wie viele Kommunen sind so wie wir?": the own type (got the number of all municipalities).
        own_ref, topic = True, topic or "profil"

    learn_from = _LEARN_FROM.search(flat)
    if learn_from is None:
        learn_at = _LEARN_AT.search(flat)
        if learn_at and synonyms.detect_types(learn_at.group("who")):
            learn_from = learn_at
    if learn_from:
        who = learn_from.group("who")
        teacher_types = synonyms.detect_types(who)
        if not teacher_types and _CLAUSE_FOLLOWS.match(flat, learn_from.end()):
            # "von Kommunen lernen, die vor allem auf Effizienz setzen": the clause after the verb
            # describes who teaches.
            teacher_types = synonyms.detect_types(who + flat[learn_from.end() :])
        if (
            _FROM_WHOM.search(who)
            and not teacher_types
            and _WHICH_TYPE.search(flat)
            and _WE.search(who)
            and types
            and _WE_ARE.search(flat)
        ):
            # "Wir sind eher eine vorsichtige Gemeinde … Von welchem Typ können wir uns da etwas abschauen?":
            # what the type we are learns from the others.
            topic = "lernen"
        elif _FROM_WHOM.search(who) and not teacher_types and _WHICH_TYPE.search(flat) and _WE.search(who):
            # "Von welchem Kommunentyp können wir lernen, wie man Zuständigkeiten zuschneidet?": which type
            # teaches it – a question on the types, not on the asker's own.
            topic = "lehren"
            own_ref = False
        elif _FROM_WHOM.search(who):
            topic = "lernen"
        elif teacher_types or _WE.search(who):
            # "Was können wir von den Community Managern lernen?" -> what the CM teach others.
            topic = "lehren"
            if teacher_types:
                types = teacher_types
                own_ref = False
            else:
                own_ref = True
        elif _OTHERS.search(who) and not _ONE_OTHER.search(who):
            # not "von einer anderen Kommune übernehmen" (one municipality's process, no type's lesson)
            topic = "lernen"
        elif types and not _ONE_OTHER.search(who):
            # "Was könnten Community Manager von den vorsichtigeren Kommunen übernehmen?": the named type
            # learns from someone the type words do not name.
            topic = "lernen"
    elif _LEARN.search(flat) and topic not in ("personal", "kompetenzen"):
        we_learn_from_them = bool(types) and _WE_LEARN.search(flat) and not _WE_ARE.search(flat)
        topic = "lehren" if we_learn_from_them else "lernen"
    direction = topic in ("lernen", "lehren") and bool(_LEARN_VERB.search(flat))
    if types and own_ref and not learn_from:
        # An explicit type name beats "wir"/"uns" (e.g. "Sind wir Optimierer?").
        own_ref = False
    if (
        not types
        and not own_ref
        and topic in ("lernen", "lehren", "profil")
        and _WE.search(_OUR_COLLEAGUE.sub(" ", flat))
        # "Wir sind ein Landkreis: welcher der vier Typen ist unter den Kreisen am stärksten vertreten?"
        # asks which type, not about the asker's own.
        and not _WHICH_TYPE.search(flat)
    ):
        own_ref = True

    if own_ref and not types and names_a_state(question) and _ASKS_SPREAD.search(flat):
        # "Ich arbeite in einer Verbandsgemeinde in Rheinland-Pfalz. Welcher Typ ist bei uns verbreitet?":
        # "bei uns" is the state, and the question asks how the types are spread there.
        own_ref = False
    if own_ref and not types and _own_only_in_a_second_question(flat, synonyms):
        # "…, welcher Kommunentyp laut Podcast die OZG-Frist am ehesten einhält – und ob wir als Kreis das
        # schaffen": the first question asks which type; the asker's own comes only in the second one.
        own_ref = False
    if own_ref and not types and not _refers_to_own(_asked_sentence(question), synonyms):
        # "Unser Landkreis will Glasfaser ausbauen. Welcher Typ arbeitet dabei am häufigsten mit lokalen
        # Akteuren zusammen?": the own municipality only in the context, the question is about the types.
        own_ref = False

    words = flat.split()
    follow_up = bool(_FOLLOW_UP.search(flat))
    # "Optimierer?" alone continues the previous topic; "Was ist FIM?" is a new question.
    elliptic = len(words) <= 3 and bool(types) and not topic
    return QueryAnalysis(
        text=question,
        folded=folded,
        types=types,
        topic=topic,
        own_type_ref=own_ref,
        follow_up=follow_up,
        elliptic=elliptic,
        direction=direction,
    )


_SECOND_QUESTION_JOIN = re.compile(r"\b(?:und|aber|sowie) (?:ob|wie|was|wann|wer)\b")


def _own_only_in_a_second_question(flat: str, synonyms: Synonyms) -> bool:
    which_type = _WHICH_TYPE.search(flat)
    if not which_type:
        return False
    join = _SECOND_QUESTION_JOIN.search(flat, which_type.end())
    if not join:
        return False
    before = flat[: join.start()]
    own_before = synonyms.own_type and synonyms.own_type.search(before)
    return not (own_before or _WE.search(_OUR_COLLEAGUE.sub(" ", before)))


# "Wenn wir unsere Geodaten freigeben – welche Anwendungen baut die Bürgerschaft darauf?": a condition
# about the asker, then the question
_CONDITION_THEN_QUESTION = re.compile(r"^\s*(?:wenn|falls|sobald)\b[^–—?]{5,}?\s[–—]\s+([^–—]+\?)\s*$", re.I)


def _asked_sentence(question: str) -> str | None:
    """The closing question after context sentences ("Wir sind eine Kreisstadt. Sagt der Podcast …?") or
    after a condition and a dash, or None when the message has no context before its question."""
    condition = _CONDITION_THEN_QUESTION.match(question)
    if condition:
        return condition.group(1)
    sentences = split_sentences(question)
    if len(sentences) < 2 or not sentences[-1].rstrip().endswith("?") or sentences[-2].rstrip().endswith("?"):
        return None
    return sentences[-1]


def _refers_to_own(asked: str | None, synonyms: Synonyms) -> bool:
    """Whether the question sentence itself (None: the whole message) speaks of the own municipality."""
    if asked is None:
        return True
    folded = fold(asked)
    flat = re.sub(r"[\s\-:/]+", " ", folded).strip()
    return bool(
        (synonyms.own_type and synonyms.own_type.search(folded))
        or _WE.search(_OUR_COLLEAGUE.sub(" ", flat))
        or _LIKE_US.search(flat)
    )


@dataclass
class ResolvedQuery:
    analysis: QueryAnalysis
    types: list[str]
    topic: str
    topic_from_context: bool = False
    type_from_context: bool = False
    needs_own_type: bool = False


def resolve_context(
    analysis: QueryAnalysis,
    previous_topic: str | None = None,
    previous_type: str | None = None,
    own_type: str | None = None,
) -> ResolvedQuery:
    """Fill in what a follow-up question leaves out from the previous turn and the user's own type.

    "Und was können die Optimierer?" keeps the topic and changes the type; "unser Typ" means the
    user's own type (slot municipality_type) when it is known.
    """
    types = list(analysis.types)
    topic = analysis.topic
    topic_from_context = type_from_context = needs_own = False
    if analysis.own_type_ref and not types:
        if own_type in TYPE_IDS:
            types = [own_type]
            if not topic and _ASKS_OWN_RESULT.search(analysis.folded):
                topic = "profil"  # "Wie war nochmal mein Ergebnis?": the own type's profile
        elif topic in _TYPE_TOPICS or _ASKS_OWN_RESULT.search(analysis.folded):
            needs_own = True
        # else: "bei uns im Rathaus" in a general question – answered for all municipalities
    if (analysis.follow_up or analysis.elliptic) and not topic and previous_topic:
        topic, topic_from_context = previous_topic, True
    if analysis.follow_up and not types and not analysis.own_type_ref and previous_type in TYPE_IDS:
        types, type_from_context = [previous_type], True
    return ResolvedQuery(
        analysis=analysis,
        types=types,
        topic=topic,
        topic_from_context=topic_from_context,
        type_from_context=type_from_context,
        needs_own_type=needs_own,
    )


def split_terms(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9_]+", text))
