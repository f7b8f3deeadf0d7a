"""Return codes (DT-XXXXX-XXXXX) and team codes (TEAM-XXXXX-XXXXX): generation and recognition.

A code is ten random Crockford base32 characters (5 bits each, 50 bits in total) behind a fixed
prefix. It is the only thing that links two measurements or the members of a team, so it must be
unguessable (``secrets``) and easy to type back: recognition ignores case, accepts blanks or no
separator instead of hyphens and reads the Crockford confusables I/L as 1 and O as 0.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP_LENGTH = 5
GROUPS = 2
RANDOM_BITS = GROUP_LENGTH * GROUPS * 5  # 50

RETURN_PREFIX = "DT"
TEAM_PREFIX = "TEAM"
RETURN_KIND = "return"
TEAM_KIND = "team"
_KIND_BY_PREFIX = {RETURN_PREFIX: RETURN_KIND, TEAM_PREFIX: TEAM_KIND}

# Crockford decoding: lower case is upper case, I and L read as 1, O reads as 0.
_CONFUSABLES = str.maketrans({"I": "1", "L": "1", "O": "0"})
_SEPARATOR = r"[\s\-–—_.]?"
# Letters and digits only inside a group; U is not in the alphabet but is caught as "malformed".
_GROUP = r"([0-9A-Za-z]{5})"
_CODE_PATTERN = re.compile(
    rf"(?<![0-9A-Za-z])(DT|TEAM){_SEPARATOR}{_GROUP}{_SEPARATOR}{_GROUP}(?![0-9A-Za-z])", re.IGNORECASE
)
# A code as people type it: with a dash (or dot, underscore) or with a digit in it – not words that only
# happen to fill the groups ("im Team vorstellen", "Team besprechen").
_TYPED_AS_CODE = re.compile(r"[-–—_.]|\d")
# Something that starts like a code but is not one (too short, wrong letters): "DT-12345", "TEAM-ABC".
# Not the study's "D-Team" ("D-Team – was heißt das D?").
_CODE_LIKE = re.compile(r"(?<![0-9A-Za-z])(?<!\bD-)(DT|TEAM)\s?[-–—_]\s?[0-9A-Za-z]", re.IGNORECASE)


@dataclass(frozen=True)
class Code:
    kind: str  # RETURN_KIND or TEAM_KIND
    value: str  # canonical form, e.g. DT-7K3QF-M2X9A

    @property
    def is_team(self) -> bool:
        return self.kind == TEAM_KIND


def _random_groups() -> str:
    chars = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(GROUP_LENGTH * GROUPS))
    return "-".join(chars[i : i + GROUP_LENGTH] for i in range(0, len(chars), GROUP_LENGTH))


def new_return_code() -> str:
    return f"{RETURN_PREFIX}-{_random_groups()}"


def new_team_code() -> str:
    return f"{TEAM_PREFIX}-{_random_groups()}"


def _canonical_group(group: str) -> str | None:
    decoded = group.upper().translate(_CONFUSABLES)
    if all(char in CROCKFORD_ALPHABET for char in decoded):
        return decoded
    return None


def find_codes(text: object) -> list[Code]:
    """All well-formed codes in a message, in order, canonicalised and without repeats."""
    if not isinstance(text, str) or not text:
        return []
    found: list[Code] = []
    for match in _CODE_PATTERN.finditer(text[:5000]):
        prefix = match.group(1).upper()
        # A return code of letters only, typed with blanks ("dt kmnpq rstvw", one in 40 codes), counts
        # when it is the whole message; "Team teilt alles" stays a sentence.
        whole_return_code = prefix == RETURN_PREFIX and match.group(0) == text.strip().rstrip(".!?")
        if not _TYPED_AS_CODE.search(match.group(0)) and not whole_return_code:
            continue  # "die Reihe im Team vorstellen" reads as TEAM-V0RST-E11EN
        groups = [_canonical_group(match.group(2)), _canonical_group(match.group(3))]
        if None in groups:
            continue
        code = Code(_KIND_BY_PREFIX[prefix], f"{prefix}-{groups[0]}-{groups[1]}")
        if code not in found:
            found.append(code)
    return found


def find_code(text: object, kind: str | None = None) -> Code | None:
    """The first code (of the given kind, if any) in a message."""
    return next((c for c in find_codes(text) if kind is None or c.kind == kind), None)


def parse_code(value: object, kind: str | None = None) -> str | None:
    """Canonical code if `value` is exactly one code (surrounding blanks allowed), else None.

    Used where a code stands alone, e.g. in the report URL.
    """
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _CODE_PATTERN.fullmatch(value.strip())
    if not match:
        return None
    code = find_code(match.group(0), kind)
    return code.value if code else None


def without_codes(text: object) -> str:
    """The message with every well-formed code removed (what else the user wrote)."""
    if not isinstance(text, str):
        return ""
    return _CODE_PATTERN.sub(" ", text[:5000]).strip()


def looks_like_code(text: object) -> bool:
    """True for messages that contain something code-like, well-formed or not ("DT-1234")."""
    return isinstance(text, str) and bool(_CODE_LIKE.search(text[:5000]) or find_codes(text))
