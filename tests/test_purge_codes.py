"""`make purge` applies the results' retention to return codes, teams and memberships (issue 12)."""

from __future__ import annotations

import datetime as dt

from dteam.followup.measurement import Measurement
from dteam.storage import database
from dteam.storage.codes import CodeStore
from tests.test_purge import _run_purge, urls  # noqa: F401 (fixture)


def test_purge_unlinks_and_deletes_old_codes(urls):  # noqa: F811
    tracker_url, results_url = urls
    store = CodeStore(results_url, secret=b"purge-test")
    today = dt.datetime.now(dt.timezone.utc).date()
    codes = {
        name: store.save_measurement(
            name, Measurement.from_interview(["effizienz"], {}, today - dt.timedelta(days=age))
        )
        for name, age in (("ancient", 400), ("month-old", 40), ("fresh", 1))
    }
    database.forget_engines()

    output = _run_purge({"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url})
    assert "Rückkehrcodes/Teammitgliedschaften: bei 2 die Verknüpfung entfernt" in output
    store = CodeStore(results_url, secret=b"purge-test")
    assert store.delete_for_conversation("month-old").codes == 0  # link gone
    assert all(store.load(code) for code in codes.values())  # codes still work for the repeat
    database.forget_engines()

    output = _run_purge(
        {"TRACKER_DB_URL": tracker_url, "RESULTS_DB_URL": results_url, "RESULTS_RETENTION_DAYS": "365"}
    )
    assert "Rückkehrcodes älter als 365 Tage: 1 gelöscht" in output
    store = CodeStore(results_url, secret=b"purge-test")
    assert store.load(codes["ancient"]) is None
    assert store.load(codes["fresh"]) is not None
    database.forget_engines()
