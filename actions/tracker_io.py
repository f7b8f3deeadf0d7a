"""Shared tracker <-> domain helpers for the adapters (no action is defined here)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from dteam.reply import Reply

ANSWER_ENTITY = "answer"


def latest_intent(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_entity(tracker: Tracker, entity_name: str) -> str | None:
    """Value of the last entity of that name in the latest message (e.g. a button's answer)."""
    values = [
        str(entity["value"])
        for entity in (tracker.latest_message or {}).get("entities") or []
        if entity.get("entity") == entity_name and entity.get("value") is not None
    ]
    return values[-1] if values else None


def _last_turn(tracker: Tracker) -> Iterator[dict[str, Any]]:
    """The assistant's events between the previous user message and the latest one, newest first."""
    seen_latest_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_latest_message:
                return
            seen_latest_message = True
        elif seen_latest_message:
            yield event


def actions_of_last_turn(tracker: Tracker) -> list[str]:
    """The assistant's actions between the previous user message and the latest one, newest first."""
    return [
        event.get("name")
        for event in _last_turn(tracker)
        if event.get("event") == "action" and event.get("name") != "action_listen"
    ]


def previous_bot_text(tracker: Tracker) -> str:
    """The assistant's last message before the latest user message ("" if none)."""
    return next(
        (event["text"] for event in _last_turn(tracker) if event.get("event") == "bot" and event.get("text")),
        "",
    )


def slot_values(tracker: Tracker, slots: Iterable[str]) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in slots}


def active_loop_name(tracker: Tracker) -> str | None:
    return (tracker.active_loop or {}).get("name")


def slot_events(updates: Mapping[str, Any]) -> list[EventType]:
    return [SlotSet(slot, value) for slot, value in updates.items()]


def send(dispatcher: CollectingDispatcher, messages: Iterable[Any]) -> None:
    """Sends domain messages (objects with `text` and `buttons`; dteam.reply.Message also carries
    an `image` and a custom payload, `json`)."""
    for message in messages:
        dispatcher.utter_message(
            text=message.text,
            buttons=list(message.buttons) or None,
            image=getattr(message, "image", None),
            json_message=getattr(message, "json", None),
        )


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    """Sends a domain reply, starts its background work off the event loop, returns its slot events."""
    send(dispatcher, reply.messages)
    if reply.background:
        loop = asyncio.get_running_loop()
        for task in reply.background:
            loop.run_in_executor(None, task)
    return slot_events(reply.slots)
