"""The result in steps, own-result follow-ups, what-if and "Mehr dazu" over the REST channel with the
real Rasa server and action server (issue 11)."""

from __future__ import annotations

import pytest

from dteam.kb.config import entries_dir
from dteam.kb.entries import load_entries
from dteam.result import steps
from tests.conversation.test_dialogues import Chat, _button_payloads
from tests.support.stack import RasaStack

CHOICES = ["Warum dieser Typ?", "Vergleich mit anderen Kommunen", "Was können wir lernen?", "Frage stellen"]
GOALS_TEXT = "Bürgernähe, dann Effizienz und Innovation"
PRACTICE_ANSWERS = [
    "Gemeinde",
    "rund 8.000",
    "Die Strategie ist in Entwicklung",
    "die IT",
    "DMS und De-Mail",
    "nein",
    "Open Data",
    "Fachverfahren",
    "Mängelmelder",
    "über Fördermittel",
    "freies WLAN",
]


@pytest.fixture
def chat(rasa_stack: RasaStack) -> Chat:
    return Chat(rasa_stack)


@pytest.fixture
def finished(chat: Chat) -> tuple[Chat, list[dict]]:
    """A whole interview in free text; returns the chat and the replies of the result turn."""
    chat.send("/start_interview")
    chat.send(GOALS_TEXT)
    replies: list[dict] = []
    for answer in PRACTICE_ANSWERS:
        replies = chat.send(answer)
    assert chat.slots()["municipality_type"] == "serviceorientierte", replies
    return chat, replies


def words(replies: list[dict]) -> int:
    return sum(len((r.get("text") or "").split()) for r in replies)


def joined(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def test_result_comes_in_steps(finished) -> None:
    chat, replies = finished
    text = joined(replies)
    assert "dem Typ **Serviceorientierte**" in text and "„Verwaltung für die Menschen" in text
    assert "wichtigstes Ziel „Bürgernähe“" in text and "Tabelle 1" in text
    images = [r for r in replies if str(r.get("image", "")).startswith("data:image/png;base64,")]
    assert len(images) == 1
    assert "Das Diagramm zeigt" in text
    choices = _button_payloads(replies)
    assert set(CHOICES + ["Alles auf einmal"]) <= set(choices)
    # No comparison or suggestion lines in the first answer: they come on request.
    assert "Ihre Antworten neben" not in text and "Von den anderen Typen lernen" not in text
    result_words = words([r for r in replies if "Rückkehrcode" not in (r.get("text") or "")])
    assert result_words < 160, result_words  # was about 600 words in eight messages


def test_each_choice_gives_its_part_with_source(finished) -> None:
    chat, replies = finished
    payloads = _button_payloads(replies)
    why = joined(chat.send(payloads["Warum dieser Typ?"]))
    assert "Darum passt Ihre Kommune am besten zu den Serviceorientierten" in why and "Tabelle 1" in why
    compare_replies = chat.send(payloads["Vergleich mit anderen Kommunen"])
    compare = joined(compare_replies)
    assert "Ihre Antworten neben den Serviceorientierten" in compare and "2019" in compare
    assert "Quelle: Studie" in compare
    complete = joined(chat.send(_button_payloads(compare_replies)["Alle Vergleiche"]))
    assert "De-Mail wurde inzwischen eingestellt" in complete
    assert not any("Sie ja" in line and "Skala" in line for line in complete.splitlines())
    learn = joined(chat.send(payloads["Was können wir lernen?"]))
    assert learn.count("(Tabelle ") >= 2 and "Quelle: Studie" in learn and "De-Mail" not in learn
    examples = chat.send(payloads["Frage stellen"])
    assert "Was ist FIM?" in _button_payloads(examples)


def test_all_at_once_keeps_the_whole_result(finished) -> None:
    chat, replies = finished
    everything = joined(chat.send(_button_payloads(replies)["Alles auf einmal"]))
    for title in ("Warum dieser Typ?", "Ihre Verwaltung im Vergleich", "Von den anderen Typen lernen"):
        assert title in everything


def test_own_result_follow_ups_use_the_own_answers(finished) -> None:
    chat, _ = finished
    why = chat.text("Warum sind wir Optimierer?")
    assert "am meisten den Serviceorientierten, nicht den Optimierern" in why
    meaning = chat.text("Was bedeutet das für uns?")
    assert "Als Kommune vom Typ Serviceorientierte" in meaning and "Quelle:" in meaning
    steps_text = chat.text("Was sollten wir als Nächstes tun?")
    assert steps_text.startswith("Dort sind andere Typen weiter") and steps_text.count("(Tabelle ") >= 2


def test_what_if(finished) -> None:
    chat, _ = finished
    answer = chat.text("Und wenn Effizienz wichtiger wäre als Bürgernähe?")
    assert "Mit der Rangfolge 1. Effizienz, 2. Bürgernähe, 3. Innovation" in answer
    assert "**Optimierer**" in answer and "bisher: Serviceorientierte" in answer
    assert chat.slots()["municipality_type"] == "serviceorientierte"  # only a what-if


@pytest.mark.parametrize(
    "question",
    ["Was sollten wir als Nächstes tun?", "Warum sind wir Optimierer?", "Was bedeutet das für uns?"],
)
def test_without_a_self_test_the_test_is_offered(chat: Chat, question: str) -> None:
    replies = chat.send(question)
    assert joined(replies) == steps.NO_RESULT
    assert _button_payloads(replies) == {"Selbsttest starten": "/start_interview"}


def test_knowledge_answer_is_short_and_more_on_request(chat: Chat) -> None:
    entries = {e.id: e for e in load_entries(entries_dir())}
    replies = chat.send("Was ist FIM?")
    text = joined(replies)
    entry = entries["studie-begriff-fim"]
    assert text.startswith(entry.short) and "Quelle: Studie" in text
    payloads = _button_payloads(replies)
    assert payloads["Mehr dazu"] == '/kb_more{"kb_entry":"studie-begriff-fim"}'
    assert len(payloads) >= 2  # related questions stay
    more = joined(chat.send(payloads["Mehr dazu"]))
    assert more.startswith(entry.body[:80]) and "Quelle: Studie" in more
    typed = joined(chat.send("Mehr dazu"))
    assert typed.startswith(entry.body[:80])
