"""Whole conversations against the real assistant (trained model + action server) over REST.

These complement the Rasa test stories in tests/stories/: the stories check the dialogue
policy's predictions, these check what a user actually gets back, including the custom actions.
"""

from __future__ import annotations

import uuid

import pytest
import requests

from dteam.study import typology
from tests.support.stack import RasaStack

TYPE_NAMES = ("Bedächtige", "Optimierer", "Serviceorientierte", "Community Manager")


class Chat:
    def __init__(self, stack: RasaStack) -> None:
        self.stack = stack
        self.sender = "test-" + uuid.uuid4().hex[:12]

    def send(self, message: str) -> list[dict]:
        response = requests.post(
            f"{self.stack.url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        return response.json()

    def text(self, message: str) -> str:
        return "\n".join(reply.get("text", "") for reply in self.send(message))

    def slots(self) -> dict:
        tracker = requests.get(f"{self.stack.url}/conversations/{self.sender}/tracker", timeout=30).json()
        return tracker["slots"]

    def active_loop(self) -> str:
        tracker = requests.get(f"{self.stack.url}/conversations/{self.sender}/tracker", timeout=30).json()
        return (tracker.get("active_loop") or {}).get("name") or ""


def _button_payloads(replies: list[dict]) -> dict[str, str]:
    return {b["title"]: b["payload"] for reply in replies for b in reply.get("buttons", []) or []}


@pytest.fixture
def chat(rasa_stack: RasaStack) -> Chat:
    return Chat(rasa_stack)


def test_greeting_offers_the_three_main_options(chat: Chat) -> None:
    replies = chat.send("Hallo")
    assert "D-Team-Assistent" in replies[0]["text"]
    assert {"Selbsttest starten", "Frage stellen", "Hilfe"} <= set(_button_payloads(replies))


def test_free_text_interview_gives_the_classified_type_with_chart(chat: Chat) -> None:
    first = chat.text("Welcher Kommunentyp sind wir?")
    assert "Frage 1 von 12" in first
    assert chat.slots()["requested_slot"] == "goals"

    assert "Frage 2 von 12" in chat.text("Vor allem Effizienz, dann Bürgernähe und Fördermittel")
    assert chat.slots()["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]
    answers = [
        "Wir sind eine Stadt",
        "ca. 45.000 Einwohner",
        "Die Strategie ist in Entwicklung",
        "Der CDO und die IT",
        "DMS und E-Payment",
        "ja, FIM kennen wir",
        "Prozessoptimierung",
        "Schulungen zu Fachverfahren",
        "Mängelmelder",
        "über Fördermittel",
    ]
    for answer in answers:
        assert "Frage" in chat.text(answer), answer
    replies = chat.send("freies WLAN")
    expected = typology.classify(["effizienz", "buergernaehe", "foerdermittel"]).type_name
    joined = "\n".join(r.get("text", "") for r in replies)
    assert expected in joined
    assert any(str(r.get("image", "")).startswith("data:image/png;base64,") for r in replies)
    assert "Quelle:" in joined
    slots = chat.slots()
    assert slots["municipality_type"] == "optimierer"
    assert slots["municipality_kind"] == "stadt"
    assert slots["data_use"] == ["prozessoptimierung"]
    assert chat.active_loop() == ""


def test_buttons_only_interview(chat: Chat) -> None:
    replies = chat.send("/start_interview")
    buttons = _button_payloads(replies)
    replies = chat.send(buttons["Bürgernähe"])
    buttons = _button_payloads(replies)
    assert "Bürgernähe" not in buttons  # a chosen goal is not offered again
    replies = chat.send(buttons["Effizienz"])
    buttons = _button_payloads(replies)
    assert "Fertig" in buttons
    replies = chat.send(buttons["Fertig"])
    assert chat.slots()["goals"] == ["buergernaehe", "effizienz"]
    for _ in range(30):  # 11 questions; multi-select ones take an option and then "Fertig"
        buttons = _button_payloads(replies)
        assert buttons, replies
        if "Fertig" in buttons:
            payload = buttons["Fertig"]
        else:
            payload = next(p for t, p in buttons.items() if t not in ("Zurück", "Ergebnis jetzt"))
        replies = chat.send(payload)
        if chat.active_loop() == "":
            break
    joined = "\n".join(r.get("text", "") for r in replies)
    assert "Serviceorientierte" in joined
    assert chat.slots()["municipality_type"] == "serviceorientierte"


def test_question_mid_interview_is_answered_and_the_interview_resumes(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Effizienz, Bürgernähe und Wirtschaft")
    assert chat.slots()["requested_slot"] == "municipality_kind"
    answer = chat.text("Was ist FIM?")
    assert "Quelle:" in answer
    assert "Frage 2 von 12" in answer
    assert chat.slots()["requested_slot"] == "municipality_kind"
    assert chat.active_loop() == "interview_form"


def test_a_question_about_the_own_result_mid_interview_says_when_it_comes(chat: Chat) -> None:
    # "Wie schneiden wir ab?" at the inhabitants question got "Bitte geben Sie die Einwohnerzahl … an".
    chat.send("/start_interview")
    chat.send("Effizienz, Bürgernähe und Wirtschaft")
    chat.send("Stadt")
    reply = chat.text("Wie schneiden wir ab?")
    assert "am Ende des Selbsttests" in reply and "Ergebnis jetzt" in reply
    assert "Frage 3 von 12" in reply and "Bitte geben Sie" not in reply
    assert chat.slots()["requested_slot"] == "inhabitants"
    assert chat.active_loop() == "interview_form"
    # The report asked for mid-interview got "nicht verstanden" the same way.
    reply = chat.text("Können Sie mir den Bericht per Mail schicken?")
    assert "nach Ihrem Ergebnis" in reply and "Frage 3 von 12" in reply and "nicht verstanden" not in reply
    assert chat.slots()["requested_slot"] == "inhabitants"


def test_correction_replaces_the_ranking(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Effizienz, dann Bürgernähe, dann Innovation")
    reply = chat.text("Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz")
    assert "Bürgernähe" in reply
    assert chat.slots()["goals"][:2] == ["buergernaehe", "effizienz"]
    result = chat.text("Ergebnis jetzt")
    assert "Serviceorientierte" in result


def test_skip_everything_still_gives_a_result(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Rechtliche Vorgaben umsetzen, Effizienz und Fördermittel")
    text = ""
    for _ in range(11):
        text = chat.text("überspringen")
    assert "Bedächtige" in text
    assert chat.slots()["strategy"] == "skipped"


def test_early_result(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Daseinsvorsorge, Wirtschaft und Attraktivität")
    chat.send("Gemeinde")
    text = chat.text("Ergebnis jetzt")
    assert "Community Manager" in text
    assert chat.slots()["municipality_type"] == "community_manager"
    assert chat.active_loop() == ""


def test_back_returns_to_the_previous_question(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Effizienz und Bürgernähe und Innovation")
    chat.send("Stadt")
    text = chat.text("zurück")
    assert "Frage 2 von 12" in text
    assert chat.slots()["municipality_kind"] is None


def test_restart_clears_the_conversation(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Effizienz und Bürgernähe und Innovation")
    text = chat.text("Neu starten")
    assert "zurückgesetzt" in text
    assert chat.slots()["goals"] is None
    assert chat.active_loop() == ""


def test_stop_ends_the_interview(chat: Chat) -> None:
    chat.send("/start_interview")
    text = chat.text("Abbrechen")
    assert "angehalten" in text and "Weitermachen" in text
    assert chat.active_loop() == ""


def test_invalid_answers_are_reasked_and_then_buttons_offered(chat: Chat) -> None:
    chat.send("/start_interview")
    chat.send("Effizienz, Bürgernähe, Innovation")
    first = chat.text("lila Elefanten")
    assert "Frage 2 von 12" in first
    second = chat.text("blubb blubb")
    assert "Schaltflächen" in second
    assert chat.slots()["requested_slot"] == "municipality_kind"


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "/session_start",
        "/restart",
        "a" * 10000,
        "😀😀😀",
        "<script>alert('x')</script>",
        "What is the weather like?",
        "qwfpgjluy;arstdhneio",
        "\x00\x01\x02",
        "DROP TABLE events;",
    ],
)
def test_bad_input_gets_a_german_reply(chat: Chat, message: str) -> None:
    replies = chat.send(message)
    assert replies, f"no reply to {message[:30]!r}"
    text = " ".join(r.get("text", "") for r in replies)
    assert any(word in text for word in ("Sie", "Ich", "ich")), text
    # The bot still works afterwards.
    assert chat.send("Hallo")


def test_very_long_message_is_read_in_part_and_the_user_is_told(chat: Chat) -> None:
    replies = chat.send("Was ist FIM? " + "bla " * 5000)
    assert "ersten 2.000 Zeichen" in replies[0]["text"]
    assert len(replies) >= 2


def test_malformed_requests_are_rejected_with_400(rasa_stack: RasaStack) -> None:
    url = f"{rasa_stack.url}/webhooks/rest/webhook"
    assert (
        requests.post(url, data="{kein json", headers={"Content-Type": "application/json"}).status_code == 400
    )
    assert requests.post(url, json=["liste"]).status_code == 400
    assert requests.post(url, json={"message": "ohne Absender"}).status_code == 400
    assert requests.post(url, json={"sender": "x", "message": {"a": 1}}).status_code == 400


def test_unreachable_action_server_gets_a_german_notice_and_recovers(rasa_stack: RasaStack) -> None:
    chat = Chat(rasa_stack)
    chat.send("/start_interview")
    chat.send("Effizienz, Bürgernähe, Innovation")
    rasa_stack.stop_actions()
    try:
        text = chat.text("Wir sind eine Gemeinde")
        assert text.count("nicht verfügbar") == 1, text
        # The interview waits at the same question; nothing answered so far is lost.
        assert chat.active_loop() == "interview_form"
        assert chat.slots()["requested_slot"] == "municipality_kind"
    finally:
        rasa_stack.restart_actions()
    assert "Frage 3 von 12" in chat.text("Wir sind eine Gemeinde")
    slots = chat.slots()
    assert slots["goals"] == ["effizienz", "buergernaehe", "innovation"]
    assert slots["municipality_kind"] == "gemeinde"


def test_payload_cannot_set_interview_slots(chat: Chat) -> None:
    chat.send('/inform{"goals": ["innovation"], "municipality_type": "optimierer"}')
    slots = chat.slots()
    assert slots["goals"] is None
    assert slots["municipality_type"] is None
    chat.send('/start_interview{"municipality_type": "optimierer"}')
    assert chat.slots()["municipality_type"] is None


def test_stopping_by_mistake_loses_nothing_weitermachen_goes_on_where_it_stopped(chat: Chat) -> None:
    chat.text("/start_interview")
    chat.text("Effizienz, Bürgernähe und Innovation")
    assert "Frage 3 von 12" in chat.text("Stadt")
    assert "Weitermachen" in _button_payloads(chat.send("Abbrechen"))
    resumed = chat.text("Ach nein, doch weitermachen")
    assert "an derselben Stelle weiter" in resumed and "Frage 3 von 12" in resumed
    assert chat.active_loop() == "interview_form"
    slots = chat.slots()
    assert (
        slots["goals"] == ["effizienz", "buergernaehe", "innovation"]
        and slots["municipality_kind"] == "stadt"
    )
