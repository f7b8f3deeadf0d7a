"""Return codes, then → now, target question and team mode through the real assistant (REST).

Real Rasa server + action server (shared stack, tests/conftest.py) and the real results store.
"""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from dteam.followup import codes as code_format
from tests.support.stack import RasaStack

SHOWN_CODE = re.compile(r"Ihr Rückkehrcode: \*\*(DT-[0-9A-Z]{5}-[0-9A-Z]{5})\*\*")
TEAM_CODE = re.compile(r"\bTEAM-[0-9A-Z]{5}-[0-9A-Z]{5}\b")


class Chat:
    def __init__(self, stack: RasaStack) -> None:
        self.stack = stack
        self.sender = "followup-" + uuid.uuid4().hex[:12]

    def send(self, message: str) -> list[dict]:
        response = requests.post(
            f"{self.stack.url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            timeout=120,
        )
        assert response.status_code == 200, response.text
        return response.json()

    def text(self, message: str) -> str:
        return "\n".join(reply.get("text", "") for reply in self.send(message))

    def slots(self) -> dict:
        return requests.get(f"{self.stack.url}/conversations/{self.sender}/tracker", timeout=30).json()[
            "slots"
        ]


@pytest.fixture
def new_chat(rasa_stack: RasaStack):
    return lambda: Chat(rasa_stack)


def finish_self_test(chat: Chat, goals_text: str) -> list[dict]:
    """Goals, two practice answers, then the result right away; returns the result turn."""
    assert "Frage 1" in chat.text("Selbsttest starten")
    chat.send(goals_text)
    if chat.slots().get("requested_slot") == "goals":
        chat.send("Fertig")
    chat.send("Wir sind eine Stadt")
    chat.send("etwa 20.000 Einwohner")
    chat.send("Die Strategie ist in Entwicklung")
    return chat.send("Ergebnis jetzt")


def code_from(replies: list[dict]) -> str:
    joined = "\n".join(r.get("text", "") for r in replies)
    match = SHOWN_CODE.search(joined)
    assert match, joined
    return match.group(1)


def test_result_shows_the_return_code_with_its_purpose_and_report_link(new_chat) -> None:
    chat = new_chat()
    replies = finish_self_test(chat, "Effizienz, dann Leistungsangebot")
    code = code_from(replies)
    joined = "\n".join(r.get("text", "") for r in replies)
    assert "Rückkehrcode" in joined and "verändert" in joined
    assert chat.slots()["return_code"] == code
    reports = [
        r["custom"]["report"]
        for r in replies
        if isinstance(r.get("custom"), dict) and "report" in r["custom"]
    ]
    assert reports and reports[0]["path"] == f"/bericht/{code}.pdf"


def test_code_is_recognised_in_a_new_conversation_and_repeat_ends_with_then_now(new_chat) -> None:
    first = new_chat()
    code = code_from(finish_self_test(first, "Effizienz, dann Leistungsangebot"))

    second = new_chat()
    sentence = f"Hallo, unser Rückkehrcode vom letzten Jahr ist {code.lower().replace('-', ' ')}."
    answer = second.text(sentence)
    assert "Optimierer" in answer and "Gefunden" in answer
    assert second.slots()["previous_code"] == code

    replies = finish_self_test(second, "Bürgernähe, dann Attraktivität")
    joined = "\n".join(r.get("text", "") for r in replies)
    assert "Damals → heute" in joined
    assert "Optimierer" in joined and "Serviceorientierte" in joined
    assert "Bürgernähe ist neu dabei (Platz 1)" in joined
    assert code_from(replies) != code
    assert joined.index("Damals → heute") < joined.index("Ihr Rückkehrcode:")


def test_yes_after_a_recalled_code_starts_the_repeat_test(new_chat) -> None:
    code = code_from(finish_self_test(new_chat(), "Effizienz, dann Leistungsangebot"))
    second = new_chat()
    assert "Gefunden" in second.text(f"Mein Code ist {code}")
    assert "Frage 1 von 12" in second.text("Ja, gerne nochmal")
    assert second.slots()["previous_code"] == code


@pytest.mark.parametrize("message", ["DT-00000-00000", "Mein Code ist dt-zzzzz-zzzzz", "TEAM-00000-00000"])
def test_unknown_codes_get_a_clear_german_reply(new_chat, message: str) -> None:
    answer = new_chat().text(message)
    assert "kenne ich nicht" in answer


def test_malformed_code_is_explained(new_chat) -> None:
    assert "DT-XXXXX-XXXXX" in new_chat().text("Mein Code ist DT-12345")


def test_target_question_gives_the_target_type_and_lessons(new_chat) -> None:
    chat = new_chat()
    finish_self_test(chat, "Effizienz, dann Leistungsangebot")
    question = chat.text("/set_target")
    assert "Welche Ziele sollen in drei Jahren am wichtigsten sein?" in question
    assert "kein Digitalisierungsziel" in chat.text("Keine Ahnung, schwierig")
    answer = chat.text("Bürgernähe, dann Attraktivität")
    assert "Serviceorientierte" in answer and "Optimierer" in answer
    assert "Lernen Sie von den Typen" in answer
    assert chat.slots()["target_goals"] == ["buergernaehe", "attraktivitaet"]


def test_a_command_during_the_target_question_is_done_and_goals_in_the_start_count(new_chat) -> None:
    chat = new_chat()
    finish_self_test(chat, "Effizienz, dann Leistungsangebot")
    chat.text("/set_target")
    # "Team anlegen" was read as a target without goals until »Abbrechen«.
    team = chat.text("Team anlegen")
    assert "TEAM-" in team and "kein Digitalisierungsziel" not in team
    assert "Welche Ziele sollen in drei Jahren am wichtigsten sein?" in team  # then the question again
    fim = chat.text("Was ist FIM?")
    assert "Quelle:" in fim and "Welche Ziele sollen in drei Jahren" in fim
    assert "Lernen Sie von den Typen" in chat.text("Innovation")
    # Goals in the message that asks for the target are its answer, not asked for again.
    answer = chat.text("Wir wollen in drei Jahren eher Richtung Bürgernähe und Daseinsvorsorge")
    assert "Lernen Sie von den Typen" in answer
    assert chat.slots()["target_goals"] == ["buergernaehe", "daseinsvorsorge"]


def test_the_target_question_ends_with_its_own_button_and_takes_a_type(new_chat) -> None:
    chat = new_chat()
    finish_self_test(chat, "Effizienz, dann Leistungsangebot")
    chat.text("/set_target")
    # »Abbrechen«, the question's own button, got "kein Digitalisierungsziel erkannt" again and again.
    stopped = chat.text("Abbrechen")
    assert "ohne Zielzustand" in stopped and "kein Digitalisierungsziel" not in stopped
    assert chat.slots()["requested_slot"] is None
    # A type as the target: its three strongest goals.
    chat.text("/set_target")
    answer = chat.text("In drei Jahren wollen wir eher Community Manager sein")
    assert "den Community Managern am wichtigsten" in answer and "Lernen Sie von den Typen" in answer
    assert chat.slots()["target_goals"] == ["daseinsvorsorge", "effizienz", "buergernaehe"]
    # Deleting one's data during the question deletes (it was read as a failed answer).
    chat.text("/set_target")
    assert "Erledigt" in chat.text("Meine Daten löschen")


def test_team_of_three_gets_a_team_result_and_two_do_not(new_chat) -> None:
    lead = new_chat()
    created = lead.text("Team anlegen")
    team = TEAM_CODE.search(created).group(0)
    assert code_format.parse_code(team, code_format.TEAM_KIND) == team

    finish_self_test(lead, "Effizienz, dann Leistungsangebot")

    # joins before the own test
    second = new_chat()
    assert "gehören jetzt zum Team" in second.text(f"Ich möchte dem Team {team} beitreten")
    finish_self_test(second, "Bürgernähe, dann Effizienz")

    waiting = lead.text("Teamergebnis")
    assert "ab 3 abgeschlossenen" in waiting and "noch 1" in waiting

    # joins after the own test
    third = new_chat()
    finish_self_test(third, "Rechtliche Vorgaben, dann Fördermittel")
    assert "bereits für das Team" in third.text(team.lower())

    replies = lead.send("Teamergebnis")
    text = "\n".join(r.get("text", "") for r in replies)
    assert "3 Mitglieder" in text and "Zusammen ähnelt Ihr Team" in text
    assert "einigsten" in text or "unterschiedlichsten" in text
    assert any(
        isinstance(r.get("custom"), dict)
        and r["custom"].get("report", {}).get("path") == f"/bericht/{team}.pdf"
        for r in replies
    )


def test_delete_by_code_removes_that_result(new_chat) -> None:
    chat = new_chat()
    code = code_from(finish_self_test(chat, "Effizienz"))
    assert "ist gelöscht" in chat.text(f"Meine Daten löschen {code}")
    assert "kenne ich nicht" in new_chat().text(code)


def test_team_code_during_the_interview_joins_and_the_question_resumes(new_chat) -> None:
    lead = new_chat()
    team = TEAM_CODE.search(lead.text("Team anlegen")).group(0)
    member = new_chat()
    member.text("Selbsttest starten")
    member.send("Effizienz, dann Bürgernähe")
    if member.slots().get("requested_slot") == "goals":
        member.send("Fertig")
    asked = member.slots()["requested_slot"]
    answer = member.text(f"Unser Teamcode ist übrigens {team}")
    assert "gehören jetzt zum Team" in answer
    assert member.slots()["requested_slot"] == asked
    assert member.slots()["team_code"] == team


def test_after_an_early_result_the_rest_can_be_answered_under_the_same_code(new_chat) -> None:
    chat = new_chat()
    result = finish_self_test(chat, "Effizienz, dann Bürgernähe")
    code = code_from(result)
    offer = [m for m in result if "übersprungen" in (m.get("text") or "")]
    assert offer and offer[0]["buttons"][0]["payload"] == "/resume_interview"
    resumed = chat.text("Kann ich die restlichen Fragen noch beantworten?")
    assert "die 8 offenen Fragen" in resumed and "Frage 5 von 12" in resumed
    replies: list[dict] = []
    for _ in range(8):
        replies = chat.send("weiß nicht")
    again = "\n".join(r.get("text") or "" for r in replies)
    assert "Optimierer" in again
    # The result is stored again under the code shown first, not under a second one; a correction too.
    assert code_from(replies) == code
    corrected = chat.send("Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz")
    assert code_from(corrected) == code
