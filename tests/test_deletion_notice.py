"""Issue 13, item 11: after "Meine Daten löschen" on Matrix or Teams the bot says what stays behind."""

from __future__ import annotations

import os

import pytest

from actions import ops as ops_actions
from dteam.storage import database
from tests.support.actions import run_action, tracker_state


@pytest.fixture
def local_stores(tmp_path, monkeypatch):
    for name in list(os.environ):
        if name.startswith(("TRACKER_", "RESULTS_")) or name == "ENDPOINTS_FILE":
            monkeypatch.delenv(name)
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path}/tracker.db")
    monkeypatch.setenv("RESULTS_DB_URL", f"sqlite:///{tmp_path}/results.db")
    monkeypatch.setenv("RESULTS_HASH_SECRET", "notice-test")
    monkeypatch.setenv("TRACKER_DELETION_FOLLOWUP_SECONDS", "0.1")
    yield
    database.forget_engines()


def delete_as(sender_id: str) -> str:
    state = tracker_state("ops/tracker_statistics.json")
    state["sender_id"] = sender_id
    outcome = run_action(ops_actions.ActionDeleteMyData(), state)
    return outcome.messages[0]["text"]


@pytest.mark.parametrize(
    "sender_id, stays_behind",
    [
        (
            "matrix-0123456789abcdef0123456789abcdef",
            "Nachrichten in Ihrem Matrix-Raum und das dort hochgeladene",
        ),
        (
            "teams-0123456789abcdef0123456789abcdef",
            "Chatverlauf in Microsoft Teams einschließlich des Diagramms",
        ),
    ],
)
def test_chat_platform_copies_are_named_as_not_deleted(local_stores, sender_id, stays_behind):
    text = delete_as(sender_id)
    assert text.startswith("Erledigt.")
    assert "Nicht gelöscht" in text and stays_behind in text


def test_web_chat_deletion_has_no_platform_notice(local_stores):
    text = delete_as("web-0123456789abcdef0123456789abcdef")
    assert text.startswith("Erledigt.") and "Nicht gelöscht" not in text
