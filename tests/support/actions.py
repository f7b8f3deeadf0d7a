"""Helpers for action tests: JSON tracker fixtures from tests/fixtures/ run through an action with
rasa_sdk's CollectingDispatcher (the pattern of RasaHQ/financial-demo's tests/test_actions.py)."""

from __future__ import annotations

import asyncio
import inspect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"


def tracker_state(relative_path: str) -> dict[str, Any]:
    """The JSON state of a tracker fixture below tests/fixtures/ (".json" may be left out)."""
    path = FIXTURES_DIR / relative_path
    if path.suffix != ".json":
        path = path.with_name(path.name + ".json")
    return json.loads(path.read_text(encoding="utf-8"))


def load_tracker(fixture: str | dict[str, Any]) -> Tracker:
    return Tracker.from_dict(tracker_state(fixture) if isinstance(fixture, str) else fixture)


@dataclass
class ActionRun:
    messages: list[dict[str, Any]]
    events: list[dict[str, Any]]

    @property
    def slots(self) -> dict[str, Any]:
        return {e["name"]: e["value"] for e in self.events if e.get("event") == "slot"}


def run_action(action, fixture: str | dict[str, Any] | Tracker, domain: dict | None = None) -> ActionRun:
    """Runs a sync or async action on a tracker fixture and collects what it sends and returns."""
    tracker = fixture if isinstance(fixture, Tracker) else load_tracker(fixture)
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, domain or {})
    if inspect.isawaitable(events):
        events = asyncio.run(events)
    return ActionRun(dispatcher.messages, list(events))
