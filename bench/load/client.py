"""A black-box chat client for the bot's REST channel (aiohttp), used by the ops tests and benchmarks.

It only knows the conversation contract: "/start_interview" starts the interview, questions carry
"Frage N von 12", answers can be free text, button payloads, "überspringen" or "Fertig", and the result
names the type as "dem Typ **<Name>**" together with an image (data URL).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import aiohttp

TYPE_NAMES = {
    "bedaechtige": "Bedächtige",
    "optimierer": "Optimierer",
    "serviceorientierte": "Serviceorientierte",
    "community_manager": "Community Manager",
}
TYPE_IDS_BY_NAME = {name: type_id for type_id, name in TYPE_NAMES.items()}
QUESTION_PATTERN = re.compile(r"Frage (\d+) von (\d+)")
RESULT_PATTERN = re.compile(r"dem Typ \*\*(.+?)\*\*")
SKIP_TEXT = "überspringen"
FINISH_TEXT = "Fertig"

# Free-text answers to questions 2-12 (order of dteam/interview/practices.QUESTION_ORDER) and the slot values
# they must produce; tests use the values to check that nothing was lost.
FREE_TEXT_ANSWERS: dict[int, tuple] = {
    2: ("municipality_kind", "Wir sind eine Gemeinde", "gemeinde"),
    3: ("inhabitants", "etwa 12.000 Einwohner", 12000),
    4: ("strategy", "Ja, wir haben eine Digitalisierungsstrategie", "vorhanden"),
    5: ("responsibility", "Der CIO und die Organisationsabteilung", ["cio", "fachbereich_organisation"]),
    6: ("egov_components", "Wir haben ein Servicekonto und E-Payment", ["e_payment", "servicekonto"]),
    7: ("fim_known", "Nein, kenne ich nicht", "nein"),
    8: ("data_use", "Für die Prozessoptimierung", ["prozessoptimierung"]),
    9: ("training", "Schulungen zu Fachverfahren", ["fachverfahren"]),
    10: ("participation", "Bürgerhaushalt und Befragungen", ["buergerhaushalt", "befragungen"]),
    11: ("fibre", "in Eigenregie", ["eigenregie"]),
    12: ("community_support", "WLAN und Ehrenamt", ["wlan", "ehrenamt"]),
}


class BotError(Exception):
    """The server answered with an HTTP error or an unreadable body."""


@dataclass
class Turn:
    message: str
    latency: float
    replies: list[dict]
    kind: str  # "interview" | "knowledge" | "other"
    base_url: str = ""


@dataclass
class InterviewOutcome:
    turns: list[Turn] = field(default_factory=list)
    type_name: str | None = None
    has_image: bool = False
    questions_seen: list[int] = field(default_factory=list)

    @property
    def type_id(self) -> str | None:
        return TYPE_IDS_BY_NAME.get(self.type_name or "")


async def send(
    session: aiohttp.ClientSession,
    base_url: str,
    sender: str,
    message: str,
    kind: str = "other",
    timeout: float = 120.0,
) -> Turn:
    start = time.perf_counter()
    async with session.post(
        f"{base_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=aiohttp.ClientTimeout(total=timeout),
    ) as response:
        body = await response.text()
        latency = time.perf_counter() - start
        if response.status != 200:
            raise BotError(f"HTTP {response.status} for {message!r}: {body[:300]}")
    try:
        replies = json.loads(body)
    except ValueError as error:
        raise BotError(f"no JSON for {message!r}: {body[:300]}") from error
    if not isinstance(replies, list):
        raise BotError(f"reply is no list for {message!r}: {body[:300]}")
    return Turn(message, latency, replies, kind, base_url)


def texts(replies: Sequence[dict]) -> list[str]:
    return [r.get("text") or "" for r in replies]


def last_question_number(replies: Sequence[dict]) -> int | None:
    number = None
    for text in texts(replies):
        for match in QUESTION_PATTERN.finditer(text):
            number = int(match.group(1))
    return number


def buttons(replies: Sequence[dict]) -> list[dict]:
    found: list[dict] = []
    for reply in replies:
        found.extend(reply.get("buttons") or [])
    return found


def result_type_name(replies: Sequence[dict]) -> str | None:
    for text in texts(replies):
        match = RESULT_PATTERN.search(text)
        if match:
            return match.group(1)
    return None


def _answer_button(replies: Sequence[dict], choice: int) -> str | None:
    """Payload of an answer button (not skip/finish/navigation), the `choice`-th one modulo the count."""
    options = [
        b["payload"]
        for b in buttons(replies)
        if b.get("payload", "").startswith("/inform")
        and '"skipped"' not in b["payload"]
        and '"fertig"' not in b["payload"]
        and '"keine"' not in b["payload"]
    ]
    return options[choice % len(options)] if options else None


async def run_interview(
    session: aiohttp.ClientSession,
    url_for_turn: Callable[[int], str],
    sender: str,
    goals_text: str,
    mode: str = "free_text",
    stop_after_question: int | None = None,
    max_turns: int = 45,
) -> InterviewOutcome:
    """Runs the interview. mode: "free_text" (FREE_TEXT_ANSWERS), "buttons", "skip" or "mixed".

    With `stop_after_question` it returns once that question has been asked (to continue later
    with `continue_interview`)."""
    outcome = InterviewOutcome()
    turn = await send(session, url_for_turn(0), sender, "/start_interview", "interview")
    outcome.turns.append(turn)
    return await continue_interview(
        session, url_for_turn, sender, goals_text, mode, outcome, stop_after_question, max_turns
    )


async def continue_interview(
    session: aiohttp.ClientSession,
    url_for_turn: Callable[[int], str],
    sender: str,
    goals_text: str,
    mode: str,
    outcome: InterviewOutcome,
    stop_after_question: int | None = None,
    max_turns: int = 45,
) -> InterviewOutcome:
    last_question: int | None = None  # the question the previous answer was sent to
    repeats = 0
    while len(outcome.turns) < max_turns:
        replies = outcome.turns[-1].replies
        name = result_type_name(replies)
        if name:
            outcome.type_name = name
            outcome.has_image = any(
                str(r.get("image", "")).startswith("data:image/png;base64,") for r in replies
            )
            return outcome
        number = last_question_number(replies)
        if number is None:
            number = last_question
        if number is None:
            raise BotError(f"no question and no result after {outcome.turns[-1].message!r}: {texts(replies)}")
        if number not in outcome.questions_seen:
            outcome.questions_seen.append(number)
        if stop_after_question is not None and number >= stop_after_question:
            return outcome
        repeats = repeats + 1 if number == last_question else 0
        last_question = number
        message = _next_answer(number, replies, goals_text, mode, repeats, len(outcome.turns))
        turn = await send(session, url_for_turn(len(outcome.turns)), sender, message, "interview")
        outcome.turns.append(turn)
    raise BotError(f"interview not finished after {max_turns} turns:\n{transcript(outcome.turns[:8])}")


def transcript(turns: Sequence[Turn], chars: int = 160) -> str:
    """Short readable log of turns for error messages."""
    lines = []
    for turn in turns:
        lines.append(f"> {turn.message[:chars]}" + (f"  [{turn.base_url}]" if turn.base_url else ""))
        lines.extend(f"< {text[:chars]!r}" for text in texts(turn.replies))
    return "\n".join(lines)


def _next_answer(
    number: int, replies: Sequence[dict], goals_text: str, mode: str, repeats: int, turn_index: int
) -> str:
    if number == 1:
        # The goals question repeats once to ask for more goals when fewer than three were found.
        return goals_text if repeats == 0 else FINISH_TEXT
    if repeats >= 1:
        # A multi-choice question shows the draft again: finish it; a second repeat means the
        # answer was not understood, so skip rather than loop.
        finish = [b["payload"] for b in buttons(replies) if '"fertig"' in b.get("payload", "")]
        if repeats == 1 and finish:
            return finish[0]
        return SKIP_TEXT
    if mode == "skip":
        return SKIP_TEXT
    if mode == "buttons":
        return _answer_button(replies, turn_index) or SKIP_TEXT
    if mode == "mixed" and turn_index % 2:
        return _answer_button(replies, turn_index) or SKIP_TEXT
    return FREE_TEXT_ANSWERS.get(number, (None, SKIP_TEXT))[1]
