"""German text helpers shared by every part of the domain: number formats and spelling folds."""

from __future__ import annotations

_UMLAUT_FOLDS = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("ae", "a"), ("oe", "o"), ("ue", "u"))


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
