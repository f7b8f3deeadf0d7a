"""No question lost to the wrong intent, and no neighbouring entry passed off as the answer (issue 10).

Over REST against the real stack: the issue's example messages reach the knowledge base (never the
self-test start or the assistant's statistics), uncovered aspects get the honest no-answer with the
nearest entry offered, and a question in the middle of the interview is answered before it resumes.
"""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.support.stack import RasaStack

STATISTICS_MARK = "Verteilung der Kommunentypen"


class Chat:
    def __init__(self, stack: RasaStack) -> None:
        self.url = stack.url
        self.sender = "routing-" + uuid.uuid4().hex[:12]

    def send(self, message: str) -> list[dict]:
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": message}, timeout=60
        )
        assert response.status_code == 200, response.text
        return response.json()

    def tracker(self) -> dict:
        return requests.get(f"{self.url}/conversations/{self.sender}/tracker", timeout=30).json()

    def intent(self) -> str:
        return self.tracker()["latest_message"]["intent"]["name"]


def text_of(replies: list[dict]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def buttons_of(replies: list[dict]) -> dict[str, str]:
    return {b["title"]: b["payload"] for reply in replies for b in reply.get("buttons") or []}


@pytest.fixture
def chat(rasa_stack: RasaStack) -> Chat:
    return Chat(rasa_stack)


@pytest.mark.parametrize(
    "question",
    [
        "Welcher Kommunentyp ist der beste?",
        "Wie viele Gemeinden in Sachsen haben mitgemacht?",
        "Was ist ein Bürgerhaushalt?",
        "Wie viele Mitarbeitende hat die Verwaltung in Salach?",
        "Was kostet ein digitaler Lotse?",
        "Wer hat die Studie geschrieben?",
        "Was hält Mike Weber vom OZG?",
        "Wie viele Kommunen haben an der Befragung teilgenommen?",
    ],
)
def test_questions_reach_the_knowledge_base(chat: Chat, question: str) -> None:
    text = text_of(chat.send(question))
    assert chat.intent() == "ask_question"
    assert "Frage 1 von" not in text, "a question must not start the self-test"
    assert STATISTICS_MARK not in text, "a survey question must not show the assistant's statistics"
    assert not (chat.tracker().get("active_loop") or {}).get("name")


@pytest.mark.parametrize(
    "question",
    [
        "Wie viele Mitarbeitende hat die Verwaltung in Salach?",
        "Wie viele Gemeinden in Sachsen haben mitgemacht?",
        "Was hat sich seit 2024 beim OZG geändert?",
    ],
)
def test_uncovered_aspects_get_the_honest_no_answer(chat: Chat, question: str) -> None:
    text = text_of(chat.send(question))
    assert "Quelle:" not in text
    assert "meine" in text and "Quellen" in text


def test_cost_question_is_refused_and_the_definition_offered(chat: Chat) -> None:
    replies = chat.send("Was kostet ein digitaler Lotse?")
    text = text_of(replies)
    assert "Quelle:" not in text and "Kosten" in text
    offered = [title for title in buttons_of(replies) if title.startswith("Dazu habe ich:")]
    assert offered and "Lotse" in offered[0]
    follow_up = text_of(chat.send(buttons_of(replies)[offered[0]]))
    assert "Quelle:" in follow_up and "Lotse" in follow_up


def test_explicit_wishes_keep_their_intents(chat: Chat) -> None:
    assert STATISTICS_MARK in text_of(chat.send("Zeig mir die Statistik"))
    assert "Frage 1 von 12" in text_of(chat.send("Welcher Kommunentyp sind wir?"))


def test_question_mid_interview_is_answered_and_the_interview_resumes(chat: Chat) -> None:
    assert "Frage 1 von 12" in text_of(chat.send("/start_interview"))
    text = text_of(chat.send("Was ist ein Bürgerhaushalt?"))
    assert "Quelle:" in text and "Bürgerhaushalt" in text
    assert "Antwort für den Selbsttest" not in text
    assert "Frage 1 von 12" in text
    assert chat.tracker()["active_loop"]["name"] == "interview_form"
    chat.send("Effizienz und Bürgernähe")
    slots = chat.tracker()["slots"]
    assert (slots.get("goals") or slots.get("goals_draft")) == ["effizienz", "buergernaehe"]


def test_a_question_about_the_team_mode_explains_it_and_the_studys_d_team_stays_knowledge(chat: Chat) -> None:
    replies = chat.send("Können mehrere Kolleg:innen aus unserer Verwaltung mitmachen?")
    assert "Teammodus" in text_of(replies) and "Team anlegen" in buttons_of(replies)
    assert chat.intent() == "help"
    text = text_of(chat.send("Was ist das D-Team?"))
    assert chat.intent() == "ask_question" and "Quelle:" in text


def test_a_feature_question_mid_interview_is_explained_and_the_interview_resumes(chat: Chat) -> None:
    assert "Frage 1 von 12" in text_of(chat.send("/start_interview"))
    text = text_of(chat.send("Wofür ist eigentlich der Rückkehrcode?"))
    assert "Rückkehrcode (DT-XXXXX-XXXXX)" in text and "Frage 1 von 12" in text
    assert chat.tracker()["active_loop"]["name"] == "interview_form"


def test_a_complaint_about_an_answer_offers_other_questions(chat: Chat) -> None:
    chat.send("Was ist FIM?")
    replies = chat.send("Das war nicht meine Frage")
    assert chat.intent() == "complain"
    assert "Das tut mir leid" in text_of(replies)
    offered = list(buttons_of(replies))
    assert offered and not any(title.startswith("Was ist FIM") for title in offered)


def test_a_complaint_mid_interview_is_answered_and_the_interview_resumes(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Was ist FIM?")
    replies = chat.send("Das war nicht meine Frage")  # was read as "no more goals"
    assert "Das tut mir leid" in text_of(replies) and "Frage 1 von 12" in text_of(replies)
    assert chat.tracker()["active_loop"]["name"] == "interview_form"
    assert "Bisher habe ich: 1. Effizienz" in text_of(chat.send("Effizienz"))


def test_privacy_and_more_mid_interview_are_answered_and_the_interview_resumes(chat: Chat) -> None:
    assert "Frage 1 von 12" in text_of(chat.send("/start_interview"))
    replies = chat.send("Ist das hier anonym?")
    assert "ohne Namen und ohne Freitext" in text_of(replies) and "Frage 1 von 12" in text_of(replies)
    details = text_of(chat.send(buttons_of(replies)["Mehr zum Datenschutz"]))
    assert "Größenklasse" in details and "Frage 1 von 12" in details
    answered = chat.send("Was ist FIM?")
    more = text_of(chat.send(buttons_of(answered)["Mehr dazu"]))
    assert "Quelle:" in more and "Frage 1 von 12" in more
    assert chat.tracker()["slots"].get("interview_failures") in (0, 0.0, None)
