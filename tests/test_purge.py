"""`scripts/purge.py` against Rasa's real SQLTrackerStore on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from dteam.storage import database, privacy, results
from tests.support.postgres import throwaway_databases

REPO = Path(__file__).resolve().parent.parent
DAY = 86400.0


@pytest.fixture(params=["sqlite", "postgresql"])
def urls(request, tmp_path):
    """(tracker store URL, results store URL) on the same kind of database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/tracker.db", f"sqlite:///{tmp_path}/results.db"
        database.forget_engines()
    else:
        with throwaway_databases(2) as (tracker_url, results_url):
            yield tracker_url, results_url


def _rasa_store(url):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    return SQLTrackerStore(domain=Domain.empty(), host=url)


def _conversation(sender_id, start, text="Wir wollen effizienter werden"):
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [
        ActionExecuted("action_session_start", timestamp=start),
        SessionStarted(timestamp=start + 0.1),
        ActionExecuted("action_listen", timestamp=start + 0.2),
        UserUttered(text, {"name": "start_interview", "confidence": 0.9}, timestamp=start + 1),
        BotUttered("Gern. Was ist Ihnen am wichtigsten?", timestamp=start + 2),
        ActionExecuted("action_listen", timestamp=start + 3),
    ]
    return DialogueStateTracker.from_events(sender_id, events)


def _save_trackers(url, trackers):
    store = _rasa_store(url)
    for tracker in trackers:
        asyncio.run(store.save(tracker))
    store.engine.dispose()


def _run_purge(env_extra, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "RESULTS_"))}
    env.update({"RESULTS_HASH_SECRET": "purge-test", **env_extra})
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "purge.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def _sender_counts(url):
    engine = sa.create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")).all()
    engine.dispose()
    return dict(rows)


def test_purge_deletes_old_trackers_and_keeps_recent_ones(urls):
    tracker_url, results_url = urls
    now = time.time()
    _save_trackers(
        tracker_url,
        [
            _conversation("old-user", now - 45 * DAY),
            _conversation("recent-user", now - 2 * DAY),
        ],
    )
    # A long-running conversation (e.g. a Matrix room): an old session and a recent one.
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered

    long_running = _conversation("room-user", now - 40 * DAY)
    for event in (
        ActionExecuted("action_session_start", timestamp=now - 1 * DAY),
        SessionStarted(timestamp=now - 1 * DAY + 0.1),
        UserUttered("Statistik", {"name": "show_statistics", "confidence": 1.0}, timestamp=now - 1 * DAY + 1),
    ):
        long_running.update(event)
    _save_trackers(tracker_url, [long_running])
    assert _sender_counts(tracker_url) == {"old-user": 6, "recent-user": 6, "room-user": 9}

    output = _run_purge(
        {"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url, "TRACKER_RETENTION_DAYS": "30"}
    )
    assert "12 Ereignisse aus 2 Unterhaltungen gelöscht" in output
    assert _sender_counts(tracker_url) == {"recent-user": 6, "room-user": 3}

    # Rasa still loads what is left, and the purged conversation simply starts afresh.
    store = _rasa_store(tracker_url)
    recent = asyncio.run(store.retrieve("recent-user"))
    assert recent.latest_message.text == "Wir wollen effizienter werden"
    room = asyncio.run(store.retrieve("room-user"))
    assert room.latest_message.text == "Statistik"
    assert asyncio.run(store.retrieve("old-user")) is None
    store.engine.dispose()

    # A shorter retention given on the command line wins over the environment.
    output = _run_purge(
        {"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url, "TRACKER_RETENTION_DAYS": "30"},
        "--tracker-days",
        "1.5",
    )
    assert _sender_counts(tracker_url) == {"room-user": 3}


def test_purge_handles_results_retention_and_unlinking(urls):
    tracker_url, results_url = urls
    store = results.ResultsStore(results_url, secret=b"purge-test")
    today = dt.datetime.now(dt.timezone.utc)
    for name, age in (("ancient", 400), ("month-old", 40), ("fresh", 1)):
        store.save_result(
            name,
            ["buergernaehe"],
            "serviceorientierte",
            {},
            municipality_kind="gemeinde",
            completed_at=today - dt.timedelta(days=age),
        )
    database.forget_engines()

    # Default: results are kept for the statistics, only their conversation link expires.
    output = _run_purge({"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url})
    assert "bei 2 die Verknüpfung zur Unterhaltung entfernt" in output
    store = results.ResultsStore(results_url, secret=b"purge-test")
    assert store.count_results() == 3
    assert store.results_for_conversation("month-old") == []
    assert len(store.results_for_conversation("fresh")) == 1
    database.forget_engines()

    output = _run_purge(
        {"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url, "RESULTS_RETENTION_DAYS": "365"}
    )
    assert "Ergebnisse älter als 365 Tage: 1 gelöscht" in output
    store = results.ResultsStore(results_url, secret=b"purge-test")
    assert store.count_results() == 2


def test_purge_finishes_pending_deletion_requests(urls):
    tracker_url, results_url = urls
    now = time.time()
    _save_trackers(
        tracker_url, [_conversation("leaving-user", now - 120), _conversation("staying-user", now - 120)]
    )
    store = results.ResultsStore(results_url, secret=b"purge-test")
    # As if the action server had died between the request and its follow-up deletion.
    privacy.request_tracker_deletion(store, "leaving-user", requested_at=now - 90)
    database.forget_engines()

    output = _run_purge({"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url})
    assert "Offene Löschaufträge: 6 Ereignisse gelöscht, 1 Aufträge noch offen" in output
    assert _sender_counts(tracker_url) == {"staying-user": 6}
    # The next run finds nothing more to delete and closes the request.
    output = _run_purge({"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url})
    assert "Offene Löschaufträge: 0 Ereignisse gelöscht, 0 Aufträge noch offen" in output


def test_purge_without_tracker_store_or_with_bad_setting(tmp_path):
    results_url = f"sqlite:///{tmp_path}/results.db"
    # Without a tracker store: exit 1 with a German message (tests/test_purge_cron.py covers it in full).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "RESULTS_"))}
    env.update(RESULTS_DB_URL=results_url, ENDPOINTS_FILE=str(tmp_path / "none.yml"))
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "purge.py")], env=env, capture_output=True, text=True
    )
    assert completed.returncode == 1 and "Kein SQL-Tracker-Store gefunden" in completed.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "RESULTS_"))}
    env.update(RESULTS_DB_URL=results_url, TRACKER_RETENTION_DAYS="-3")
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "purge.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert completed.returncode == 2
    assert "Ungültige Einstellung" in completed.stderr
