"""Retention housekeeping (`make purge`; run it daily, e.g. from cron or a Kubernetes CronJob).

1. Deletes tracker events older than TRACKER_RETENTION_DAYS (default 30) from Rasa's SQL tracker
   store (TRACKER_DB_URL, else the SQL tracker_store of the endpoints file).
2. Finishes pending "Meine Daten löschen" requests whose follow-up deletion did not complete.
3. Clears the conversation link of stored results older than RESULTS_LINK_RETENTION_DAYS (default:
   the tracker retention) and, if RESULTS_RETENTION_DAYS is set, deletes older results; return
   codes, teams and team memberships follow the same two periods.
A value of 0, "none" or "never" switches a step off.

Paths are anchored at the project root, so cron may run it from any directory. Without a tracker
store it fails with exit code 1 and a German message instead of silently purging nothing; a SQLite
file that does not exist is reported, never created, and no new hash secret is made.

Usage: python scripts/purge.py [--tracker-days N] [--results-days N] [--link-days N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dteam.storage import privacy, results, settings, tracker_store
from dteam.storage.codes import CodeStore


def _missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL if it does not exist (opening it would create an empty database)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def _fail(message: str) -> int:
    print(f"{message} Es wurde nichts gelöscht.", file=sys.stderr)
    return 1


def _days(value: str):
    return None if value.lower() in ("0", "none", "never") else float(value)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Alte Gesprächsverläufe und Ergebnisse löschen")
    parser.add_argument("--tracker-days", type=_days, help="überschreibt TRACKER_RETENTION_DAYS")
    parser.add_argument("--results-days", type=_days, help="überschreibt RESULTS_RETENTION_DAYS")
    parser.add_argument("--link-days", type=_days, help="überschreibt RESULTS_LINK_RETENTION_DAYS")
    args = parser.parse_args(argv)
    try:
        retention = settings.retention_from_env()
    except ValueError as error:
        print(f"Ungültige Einstellung: {error}", file=sys.stderr)
        return 2
    tracker_days = args.tracker_days if args.tracker_days is not None else retention["tracker_retention_days"]
    results_days = args.results_days if args.results_days is not None else retention["results_retention_days"]
    link_days = args.link_days if args.link_days is not None else retention["results_link_retention_days"]

    tracker_url = settings.tracker_db_url()
    if tracker_url is None:
        return _fail(
            "Kein SQL-Tracker-Store gefunden: Bitte TRACKER_DB_URL setzen oder mit ENDPOINTS_FILE auf die "
            "endpoints.yml des Rasa-Servers zeigen."
        )
    missing_tracker = _missing_sqlite_file(tracker_url)
    if missing_tracker is not None:
        # Opening it would create an empty database; say so where cron mails it to the operator.
        print(
            f"Warnung: Die Tracker-Datenbank {missing_tracker} gibt es nicht – stimmen TRACKER_DB_URL bzw. "
            "ENDPOINTS_FILE? Gesprächsverläufe übersprungen.",
            file=sys.stderr,
        )
    results_url = settings.results_db_url()
    missing_results = _missing_sqlite_file(results_url)
    if missing_results is not None:
        # No result was ever stored there; opening it would create an empty database.
        print(f"Ergebnis-Datenbank {missing_results} gibt es noch nicht – keine Ergebnisse zu bereinigen.")
        store = None
    else:
        store = results.ResultsStore(results_url)
    if store is not None and missing_tracker is None:
        pending = privacy.run_pending_tracker_deletions(store, tracker_url)
        print(
            f"Offene Löschaufträge: {pending} Ereignisse gelöscht, "
            f"{len(privacy.pending_deletions(store))} Aufträge noch offen."
        )
    if missing_tracker is not None:
        pass
    elif tracker_days is None:
        print("Gesprächsverläufe: keine Aufbewahrungsfrist gesetzt – nichts gelöscht.")
    else:
        purged = tracker_store.purge_trackers_older_than(tracker_url, tracker_days)
        print(
            f"Gesprächsverläufe älter als {tracker_days:g} Tage: {purged.events_deleted} Ereignisse "
            f"aus {purged.conversations_affected} Unterhaltungen gelöscht."
        )
    if store is None:
        return 0
    if link_days is not None:
        unlinked = store.unlink_older_than(int(link_days))
        print(
            f"Ergebnisse älter als {link_days:g} Tage: bei {unlinked} die Verknüpfung zur Unterhaltung "
            f"entfernt."
        )
        # Return codes and team memberships follow the results' retention (issue 12).
        codes_unlinked = CodeStore(store.url).unlink_older_than(int(link_days))
        print(f"Rückkehrcodes/Teammitgliedschaften: bei {codes_unlinked} die Verknüpfung entfernt.")
    if results_days is not None:
        deleted = store.purge_older_than(int(results_days))
        print(f"Ergebnisse älter als {results_days:g} Tage: {deleted} gelöscht.")
        codes_deleted = CodeStore(store.url).purge_older_than(int(results_days))
        print(
            f"Rückkehrcodes älter als {results_days:g} Tage: {codes_deleted.codes} gelöscht "
            f"(mit {codes_deleted.memberships} Teammitgliedschaften), ältere Teams ebenso."
        )
    else:
        print(
            "Ergebnisse: keine Löschfrist gesetzt (RESULTS_RETENTION_DAYS) – anonyme Ergebnisse bleiben "
            "für die Statistik."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
