"""bot/remote_actions.py against a real RemoteAction whose action server is not reachable."""

from __future__ import annotations

import asyncio
import socket

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import remote_actions

remote_actions.install()
DOMAIN = Domain.load("domain.yml")


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/webhook"


def _run(action_name: str, tracker: DialogueStateTracker):
    action = RemoteAction(action_name, EndpointConfig(url=_closed_port_url()))
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    return asyncio.run(action.run(CollectingOutputChannel(), nlg, tracker, DOMAIN))


def _tracker() -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(
        "outage", [ActionExecuted("action_listen"), UserUttered("Stadt")], slots=DOMAIN.slots
    )
    return tracker


def test_unreachable_action_server_gives_a_german_notice_instead_of_silence():
    events = _run("action_answer_question", _tracker())
    assert len(events) == 1 and isinstance(events[0], BotUttered)
    assert "nicht verfügbar" in events[0].text


def test_failed_form_validation_keeps_the_form_asking():
    events = _run("validate_interview_form", _tracker())
    assert SlotSet(remote_actions.UNAVAILABLE_SLOT, True) in events


def test_the_notice_is_sent_once_per_turn():
    tracker = _tracker()
    for event in _run("validate_interview_form", tracker):
        tracker.update(event)
    events = _run("action_ask_municipality_kind", tracker)
    assert not any(isinstance(e, BotUttered) for e in events)


def test_cached_response_validation_accepts_and_rejects_like_rasa():
    action = RemoteAction("action_x", None)
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": "no list"})
