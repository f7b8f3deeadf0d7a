"""Issue 13, item 9: `scripts/purge.py` as cron runs it (another working directory, maybe nothing set)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STORE_VARIABLES = ("TRACKER_", "RESULTS_", "ENDPOINTS_FILE")


def run_purge_from(cwd: Path, **env_extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(STORE_VARIABLES)}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "purge.py")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nothing_configured_fails_loudly_and_creates_nothing(tmp_path):
    cron_cwd = tmp_path / "cron"
    cron_cwd.mkdir()
    completed = run_purge_from(
        cron_cwd,
        ENDPOINTS_FILE=str(tmp_path / "missing-endpoints.yml"),
        RESULTS_DB_URL=f"sqlite:///{tmp_path}/results.db",
        RESULTS_HASH_SECRET_FILE=str(tmp_path / "secret"),
    )
    assert completed.returncode == 1
    assert "Kein SQL-Tracker-Store gefunden" in completed.stderr
    assert "Es wurde nichts gelöscht" in completed.stderr
    # No empty results database and no new hash secret appear anywhere.
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["cron"]


def test_configured_sqlite_file_that_does_not_exist_is_reported_not_created(tmp_path):
    completed = run_purge_from(
        tmp_path,
        TRACKER_DB_URL="sqlite:///does/not/exist/tracker.db",
        RESULTS_DB_URL=f"sqlite:///{tmp_path}/results.db",
        RESULTS_HASH_SECRET_FILE=str(tmp_path / "secret"),
    )
    assert "Die Tracker-Datenbank" in completed.stderr and "gibt es nicht" in completed.stderr
    assert not (tmp_path / "results.db").exists() and not (tmp_path / "secret").exists()
    assert not (REPO / "does").exists()  # relative SQLite paths are anchored at the project root


def test_relative_endpoints_file_is_found_from_another_working_directory(tmp_path):
    """A relative ENDPOINTS_FILE and its relative SQLite path mean the project's, not the cwd's."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    build = REPO / "build"
    build.mkdir(exist_ok=True)
    name = f"purge-cron-{os.getpid()}-{time.time_ns()}"
    tracker_file = build / f"{name}.db"
    endpoints = build / f"{name}.yml"
    endpoints.write_text(f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "build/{name}.db"\n')
    try:
        store = SQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{tracker_file}")
        old = DialogueStateTracker.from_events(
            "alt", [UserUttered("Hallo", timestamp=time.time() - 90 * 86400)]
        )
        asyncio.run(store.save(old))
        store.engine.dispose()
        completed = run_purge_from(
            tmp_path,
            ENDPOINTS_FILE=f"build/{name}.yml",
            RESULTS_DB_URL=f"sqlite:///{tmp_path}/results.db",
            RESULTS_HASH_SECRET_FILE=str(tmp_path / "secret"),
        )
        assert completed.returncode == 0, completed.stderr
        assert "1 Ereignisse aus 1 Unterhaltungen gelöscht" in completed.stdout
        assert not (tmp_path / "results.db").exists() and not (tmp_path / "secret").exists()
    finally:
        tracker_file.unlink(missing_ok=True)
        endpoints.unlink(missing_ok=True)
