"""Results store on real databases: a SQLite file and a throwaway PostgreSQL database."""

from __future__ import annotations

import csv
import datetime as dt
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from dteam.paths import PROJECT_ROOT
from dteam.storage import database, results, schema, settings, statistics
from tests.support.postgres import throwaway_databases

REPO = Path(__file__).resolve().parent.parent
SECRET = b"test-secret"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/sub/results.db"  # sub/ does not exist yet: the store creates it
        database.forget_engines()
    else:
        with throwaway_databases(1) as (url,):
            yield url


@pytest.fixture
def store(db_url):
    return results.ResultsStore(db_url, secret=SECRET)


def _save(store, conversation_id, type_id="optimierer", kind="stadt", **extra):
    values = dict(
        goals=["effizienz", "leistungsangebot"],
        municipality_type=type_id,
        distances={
            "bedaechtige": 2.9,
            "optimierer": 0.4,
            "serviceorientierte": 2.1,
            "community_manager": 2.6,
        },
        municipality_kind=kind,
        inhabitants=23_500,
    )
    values.update(extra)
    return store.save_result(conversation_id, **values)


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def test_schema_is_created_by_alembic_at_head(store):
    inspector = sa.inspect(store.engine)
    assert {"assessment_results", "pending_tracker_deletions", "alembic_version"} <= set(
        inspector.get_table_names()
    )
    with store.engine.connect() as connection:
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    assert version == _head_revision()
    # A second store on the same URL (another process start) finds the schema at head and works.
    database.forget_engines()
    again = results.ResultsStore(store.url, secret=SECRET)
    assert again.count_results() == 0


def test_saved_result_holds_only_structured_values(store):
    conversation_id = "matrix:@anna.schmidt:rathaus.example"
    _save(
        store,
        conversation_id,
        is_mixed=True,
        practices={
            "strategy": "in_entwicklung",
            "training": ["fuehrungskraefte", "Wir schulen alle Mitarbeitenden von Frau Schmidt"],
            "fim_known": "vielleicht",  # not an allowed code: dropped
            "fibre": "skipped",
            "participation": [],
            "notes": "Bürgermeister Müller findet das gut",  # unknown slot: dropped
        },
    )
    rows = store.results_for_conversation(conversation_id)
    assert len(rows) == 1
    row = rows[0]
    assert row["municipality_type"] == "optimierer"
    assert row["is_mixed"] is True
    assert row["goals"] == ["effizienz", "leistungsangebot"]
    assert row["distances"]["optimierer"] == pytest.approx(0.4)
    assert row["municipality_kind"] == "stadt"
    assert row["size_band"] == "10000_bis_49999"
    assert row["practices"] == {
        "strategy": "in_entwicklung",
        "training": ["fuehrungskraefte"],
        "fibre": "skipped",
        "participation": [],
    }
    assert row["completed_on"] == dt.datetime.now(dt.timezone.utc).date()
    assert row["conversation_hash"] == settings.conversation_hash(conversation_id, SECRET)
    # Nothing in the whole table mentions the conversation id, the person or the free text.
    with store.engine.connect() as connection:
        dump = " ".join(
            str(value)
            for record in connection.execute(sa.select(schema.assessment_results))
            for value in record
        )
    for secret_text in ("anna", "schmidt", "rathaus", "Müller", "Frau", "vielleicht", "23500", "23_500"):
        assert secret_text.lower() not in dump.lower()


def test_invalid_results_are_refused(store):
    with pytest.raises(results.InvalidResult):
        _save(store, "c1", type_id="visionaere")
    with pytest.raises(results.InvalidResult):
        _save(store, "c1", goals=["effizienz", "weltfrieden"])
    with pytest.raises(results.InvalidResult):
        _save(store, "c1", goals=[])
    assert store.count_results() == 0


def test_unknown_kind_and_implausible_size_are_not_stored(store):
    _save(store, "c1", kind="bundesland", inhabitants=-5)
    row = store.results_for_conversation("c1")[0]
    assert row["municipality_kind"] is None
    assert row["size_band"] is None


def test_redoing_the_interview_keeps_only_the_latest_result(store):
    _save(store, "c1", type_id="optimierer")
    _save(store, "c1", type_id="serviceorientierte")
    rows = store.results_for_conversation("c1")
    assert [r["municipality_type"] for r in rows] == ["serviceorientierte"]
    assert store.count_results() == 1


def test_delete_for_conversation_removes_only_that_conversation(store):
    _save(store, "c1")
    _save(store, "c2")
    assert store.delete_for_conversation("c1") == 1
    assert store.results_for_conversation("c1") == []
    assert len(store.results_for_conversation("c2")) == 1
    assert store.delete_for_conversation("c1") == 0


def _table_2_from_csv():
    path = next((REPO / "knowledge" / "study").glob("table_02_*.csv"))
    with path.open(encoding="utf-8") as handle:
        return {row["row_id"]: row for row in csv.DictReader(handle)}


def test_type_distribution_counts_and_study_shares(store):
    for i in range(3):
        _save(store, f"g{i}", type_id="bedaechtige", kind="gemeinde")
    _save(store, "s1", type_id="serviceorientierte", kind="stadt", is_mixed=True)
    _save(store, "k1", type_id="optimierer", kind="kreis")
    _save(store, "x1", type_id="community_manager", kind=None)

    groups = {g.group: g for g in store.type_distribution(by_kind=True)}
    assert list(groups) == ["alle", "gemeinde", "stadt", "kreis"]
    everything = groups["alle"]
    assert everything.total == 6 and everything.mixed == 1
    counts = {s.type_id: s.count for s in everything.shares}
    assert counts == {"bedaechtige": 3, "optimierer": 1, "serviceorientierte": 1, "community_manager": 1}
    shares = {s.type_id: s.share_percent for s in everything.shares}
    assert shares["bedaechtige"] == pytest.approx(50.0)
    assert groups["gemeinde"].total == 3 and groups["stadt"].total == 1 and groups["kreis"].total == 1

    table_2 = _table_2_from_csv()
    for group, row_id in (
        ("alle", "alle"),
        ("gemeinde", "gemeinden"),
        ("stadt", "staedte"),
        ("kreis", "kreise"),
    ):
        for share in groups[group].shares:
            assert share.study_percent == pytest.approx(float(table_2[row_id][share.type_id]))

    only_all = store.type_distribution(by_kind=False)
    assert [g.group for g in only_all] == ["alle"]


def test_empty_store_distribution_has_no_shares(store):
    everything = store.type_distribution(by_kind=False)[0]
    assert everything.total == 0
    assert all(s.share_percent is None and s.count == 0 for s in everything.shares)


def test_purge_and_unlink_by_age(store):
    today = dt.date(2025, 6, 30)
    _save(store, "old", completed_at=dt.datetime(2025, 1, 10, 14, 30))
    _save(store, "middle", completed_at=dt.datetime(2025, 5, 20, 9, 0))
    _save(store, "new", completed_at=dt.datetime(2025, 6, 29, 23, 59))

    assert store.unlink_older_than(30, today=today) == 2
    assert store.results_for_conversation("old") == []  # no longer findable by conversation
    assert len(store.results_for_conversation("new")) == 1
    assert store.count_results() == 3  # still counted in the statistics
    assert store.delete_for_conversation("middle") == 0

    assert store.purge_older_than(90, today=today) == 1
    assert store.count_results() == 2
    assert store.type_distribution(by_kind=False)[0].total == 2


def test_statistics_text_is_german_and_hides_small_groups(store):
    for i in range(5):
        _save(store, f"s{i}", type_id="serviceorientierte" if i < 4 else "optimierer", kind="stadt")
    _save(store, "k1", type_id="bedaechtige", kind="kreis")
    text = statistics.format_statistics(store.type_distribution(by_kind=True), min_group=5)
    assert "Alle Kommunen – 6 Einschätzungen:" in text
    assert "Serviceorientierte: 4 (66,7 %) – Studie 35,4 %" in text
    assert "Städte – 5 Einschätzungen:" in text
    assert "Serviceorientierte: 4 (80,0 %) – Studie 35,8 %" in text
    # One single Kreis: its type must not be derivable from the Kreise block.
    kreise_block = text.split("Kreise – 1 Einschätzung")[1].split("\n")[0]
    assert "Datenschutz" in kreise_block and "Bedächtige 13,6 %" in kreise_block
    assert "Bedächtige: 1" not in kreise_block
    assert "Tabelle 2" in text


def test_size_bands():
    assert results.stored_size_band(None) is None
    assert results.stored_size_band(True) is None
    assert results.stored_size_band("viele") is None
    assert results.stored_size_band(0) is None
    assert results.stored_size_band(1) == "unter_10000"
    assert results.stored_size_band(9_999) == "unter_10000"
    assert results.stored_size_band(10_000) == "10000_bis_49999"
    assert results.stored_size_band(99_999) == "50000_bis_99999"
    assert results.stored_size_band(135_000) == "100000_bis_499999"
    assert results.stored_size_band(3_600_000) == "ab_500000"


def test_hash_secret_is_generated_once_and_kept_private(tmp_path):
    secret_file = tmp_path / "keys" / "secret"
    env = {"RESULTS_HASH_SECRET_FILE": str(secret_file)}
    first = settings.hash_secret(env)
    assert len(first) == 64
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert settings.hash_secret(env) == first
    assert settings.hash_secret({**env, "RESULTS_HASH_SECRET": "from-env"}) == b"from-env"
    # Different secrets give unrelated hashes, so a leaked table cannot be matched without the key.
    assert settings.conversation_hash("c1", first) != settings.conversation_hash("c1", b"from-env")


def test_tracker_url_from_endpoints_file(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: ${DB_HOST}\n  port: 5432\n"
        "  db: tracker\n  username: rasa\n  password: ${DB_PASSWORD}\n",
        encoding="utf-8",
    )
    url = settings.tracker_db_url_from_endpoints(endpoints, {"DB_HOST": "db.internal", "DB_PASSWORD": "pw"})
    assert url == "postgresql://rasa:pw@db.internal:5432/tracker"
    endpoints.write_text(
        "tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: tracker.db\n", encoding="utf-8"
    )
    # a relative SQLite file is anchored at the project root, as Rasa (started there) creates it
    assert settings.tracker_db_url_from_endpoints(endpoints, {}) == f"sqlite:///{PROJECT_ROOT}/tracker.db"
    endpoints.write_text("tracker_store:\n  type: redis\n  url: localhost\n", encoding="utf-8")
    assert settings.tracker_db_url_from_endpoints(endpoints, {}) is None
    assert settings.tracker_db_url({"TRACKER_DB_URL": "sqlite:////tmp/x.db"}) == "sqlite:////tmp/x.db"
    assert settings.tracker_db_url({"ENDPOINTS_FILE": str(tmp_path / "missing.yml")}) is None


def test_retention_settings_from_env():
    assert settings.retention_from_env({}) == {
        "tracker_retention_days": 30.0,
        "results_retention_days": None,
        "results_link_retention_days": 30.0,
    }
    retention = settings.retention_from_env({"TRACKER_RETENTION_DAYS": "7", "RESULTS_RETENTION_DAYS": "365"})
    assert retention == {
        "tracker_retention_days": 7.0,
        "results_retention_days": 365.0,
        "results_link_retention_days": 7.0,
    }
    with pytest.raises(ValueError):
        settings.retention_from_env({"TRACKER_RETENTION_DAYS": "-1"})
