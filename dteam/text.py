"""German text helpers shared by every part of the domain: number formats, spelling folds, word lists."""

from __future__ import annotations

import re
from collections.abc import Sequence


def spacy_lookups_table(name: str) -> dict:
    """One German table that spacy-lookups-data ships ("de_lexeme_prob", "de_lemma_lookup"); OSError if
    it is missing."""
    import gzip
    import json
    from pathlib import Path

    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return json.load(handle)


# How a dictated question opens: fillers, then "sag mal (ganz grob …)" ("ähm sag mal ganz grob wie viele …").
# Used by the router (is it a question?) and by retrieval (left out before matching).
DICTATION_FILLERS = r"(?:(?:ähm|äh|ehm|hm+|ja|na|also)[,.]?\s+)*"
DICTATION_SAY = r"(?:sag|sagen\s+sie)\s+mal(?:\s+(?:ganz\s+grob|grob|kurz|eben|schnell|bitte|ehrlich))*"

_UMLAUT_FOLDS = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("ae", "a"), ("oe", "o"), ("ue", "u"))


def join_german(parts: Sequence[str]) -> str:
    """ "A", "A und B", "A, B und C" ("" for none)."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " und " + parts[-1]


def format_number(value: float, decimals: int = 0) -> str:
    """German number format: 12.000 / 33,3 / 2,75 (thousands dot, decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(value: float, decimals: int = 1) -> str:
    """German percentage: 33,3 %."""
    return f"{format_number(value, decimals)} %"


def fold_umlauts(text: str) -> str:
    """Lower case; umlauts and their ASCII spellings folded to the base vowel (ä/ae -> a, ß -> ss).

    Used by the answer parsers so that "Bürgernähe", "Buergernaehe" and "Burgernahe" match alike.
    """
    text = text.lower()
    for source, target in _UMLAUT_FOLDS:
        text = text.replace(source, target)
    return text


def fold_pattern(pattern: str) -> str:
    """fold_umlauts for a regular expression: its escapes keep their case (r"\\W" must not become r"\\w")."""
    return "".join(
        part if part.startswith("\\") else fold_umlauts(part) for part in re.split(r"(\\.)", pattern)
    )


# Function words that mark a message as not German: a few per language staff may fall back to.
# Words that are German too ("was", "die", "will", "in", "am", "hat", "so") are left out.
_FOREIGN_WORDS = frozenset(
    # English
    "the is are what how can could you your i my me this that do does where who which please hello "
    "with and of to it be have has speak english why when there here an about would should "
    # French
    "le la les est que qui vous je bonjour merci pour avec une des et ce c'est êtes parlez français "
    # Spanish / Italian
    "el los las es qué hola gracias por para usted como está habla español buongiorno grazie sono "
    # Turkish / Polish
    "merhaba nasıl bir ve teşekkürler türkçe dzień dobry dziękuję".split()
)
_GERMAN_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer und oder ist sind war wie was wer wo warum "
    "wann welche welcher welches ich wir sie ihr uns unser unsere mir mich nicht kein keine mit für "
    "von zu zum zur bei auf aus im in an am auch noch schon bitte danke hallo gibt es kann können "
    "hat haben wird werden soll sollen muss müssen machen mache möchte gern gerne".split()
)
FOREIGN_MIN_WORDS = 2
FOREIGN_MIN_SHARE = 0.4


def looks_foreign(text: str) -> bool:
    """True for a message in another language ("Can you speak English?", "Bonjour, qui êtes-vous?").

    German messages with English terms ("Was machen die Community Manager?", "Open Data im Rathaus")
    keep German function words; a message needs more foreign than German ones.
    """
    words = [w.strip("'") for w in text.casefold().replace("’", "'").split()]
    words = ["".join(ch for ch in w if ch.isalpha() or ch == "'") for w in words]
    words = [w for w in words if w]
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    german = sum(w in _GERMAN_WORDS for w in words)
    return foreign >= FOREIGN_MIN_WORDS and foreign > german and foreign >= FOREIGN_MIN_SHARE * len(words)
