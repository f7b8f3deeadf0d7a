"""Return codes and teams on real databases: a SQLite file and a throwaway PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from dteam.followup import codes as code_format
from dteam.followup.measurement import Measurement
from dteam.storage import database
from dteam.storage.codes import CodeStore
from tests.support.postgres import throwaway_databases

SECRET = b"test-secret"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/codes.db"
        database.forget_engines()
    else:
        with throwaway_databases(1) as (url,):
            yield url


@pytest.fixture
def store(db_url):
    return CodeStore(db_url, secret=SECRET)


def _measurement(goals=("effizienz", "leistungsangebot"), day=dt.date(2026, 11, 30), **answers):
    return Measurement.from_interview(list(goals), answers, day)


def test_migration_0002_creates_the_tables(store):
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"return_codes", "teams", "team_members", "assessment_results"} <= names


def test_saved_measurement_is_found_by_its_code_in_any_spelling(store):
    measurement = _measurement(strategy="vorhanden", egov_components=["dms"])
    code = store.save_measurement("conv-1", measurement)
    assert code_format.parse_code(code) == code
    loaded = store.load(code.lower().replace("-", " "))
    assert loaded is not None and loaded.code == code and loaded.measurement == measurement
    assert store.load("DT-ZZZZZ-ZZZZZ") is None
    assert store.load("DT-12") is None and store.load(None) is None


def test_stored_row_holds_no_conversation_id_or_free_text(store):
    code = store.save_measurement("sender-with-name-max.mustermann", _measurement(participation="Freitext?"))
    with store.engine.connect() as connection:
        row = connection.execute(sa.text("SELECT * FROM return_codes")).mappings().one()
    dumped = json.dumps({k: str(v) for k, v in row.items()})
    assert "mustermann" not in dumped and "Freitext" not in dumped
    assert row["code"] == code and len(row["conversation_hash"]) == 64


def test_repeat_keeps_the_previous_code_and_target_can_be_added(store):
    first = store.save_measurement("conv-1", _measurement())
    second = store.save_measurement("conv-2", _measurement(("buergernaehe",)), previous_code=first.lower())
    assert store.load(second).previous_code == first
    assert store.set_target(second, ["innovation", "wirtschaft"])
    assert store.load(second).measurement.target_goals == ("innovation", "wirtschaft")
    assert not store.set_target("DT-00000-00000", ["innovation"])


def test_a_corrected_result_keeps_the_conversations_code(store):
    first = store.save_measurement("conv-1", _measurement())
    corrected = store.save_measurement("conv-1", _measurement(("buergernaehe",)), current_code=first)
    assert corrected == first
    assert store.load(first).measurement.goals[0] == "buergernaehe"
    # Another conversation's code is never overwritten: it gets a code of its own.
    other = store.save_measurement("conv-2", _measurement(("innovation",)), current_code=first)
    assert other != first and store.load(first).measurement.goals[0] == "buergernaehe"
    # A code that does not exist (deleted) gives a new one.
    assert store.save_measurement("conv-1", _measurement(), current_code="DT-00000-00000") != first


def test_team_counts_only_finished_members_once_each(store):
    team = store.create_team("creator")
    assert code_format.parse_code(team, code_format.TEAM_KIND) == team
    status = store.team_status(team)
    assert (status.joined, status.finished) == (1, 0)
    # joined before the test: the result is linked when it is saved
    assert store.join_team(team.lower(), "member-a") == team
    store.save_measurement("member-a", _measurement())
    # joined after the test: the given return code is linked
    code_b = store.save_measurement("member-b", _measurement(("buergernaehe",)))
    store.join_team(team, "member-b", return_code=code_b)
    store.join_team(team, "member-b", return_code=code_b)  # twice counts once
    status = store.team_status(team)
    assert (status.joined, status.finished) == (3, 2)
    # a repeated self-test replaces the member's earlier one
    store.save_measurement("member-a", _measurement(("daseinsvorsorge",)))
    status = store.team_status(team)
    assert status.finished == 2
    assert sorted(m.goals[0] for m in status.measurements) == ["buergernaehe", "daseinsvorsorge"]
    assert store.teams_of("member-a") == [team]


def test_joining_an_unknown_team_fails(store):
    assert store.join_team("TEAM-AAAAA-AAAAA", "x") is None
    assert store.join_team("Quatsch", "x") is None
    assert store.team_status("TEAM-AAAAA-AAAAA") is None


def test_a_foreign_return_code_cannot_be_attached_to_a_team(store):
    team = store.create_team("creator")
    other = store.save_measurement("someone-else", _measurement())
    store.join_team(team, "intruder", return_code=other)
    assert store.team_status(team).finished == 0


def test_delete_by_code_removes_result_and_its_team_membership(store):
    team = store.create_team("member-a")
    code = store.save_measurement("member-a", _measurement())
    later = store.save_measurement("member-x", _measurement(), previous_code=code)
    assert store.team_status(team).finished == 1
    deletion = store.delete_code(f"Bitte löschen: {code}")
    assert (deletion.codes, deletion.memberships) == (1, 1)
    assert store.load(code) is None
    assert store.team_status(team).finished == 0
    assert store.load(later).previous_code is None  # nothing points at deleted data


def test_delete_by_team_code_leaves_only_that_team(store):
    team = store.create_team("member-a")
    store.join_team(team, "member-b")
    assert store.delete_code(team, "member-a").memberships == 1
    assert store.team_status(team).joined == 1
    assert store.delete_code(team).memberships == 0  # without a conversation nobody is removed


def test_delete_for_conversation_removes_its_codes_and_memberships(store):
    team = store.create_team("member-a")
    store.save_measurement("member-a", _measurement())
    store.save_measurement("member-a", _measurement())
    kept = store.save_measurement("member-b", _measurement())
    deletion = store.delete_for_conversation("member-a")
    assert deletion.codes == 2 and deletion.memberships >= 1
    assert store.team_status(team).joined == 0
    assert store.load(kept) is not None


def test_retention_unlinks_then_purges(store):
    old_day = dt.date(2026, 1, 1)
    old = store.save_measurement("conv-old", _measurement(day=old_day))
    new = store.save_measurement("conv-new", _measurement(day=dt.date(2026, 11, 29)))
    today = dt.date(2026, 11, 30)
    assert store.unlink_older_than(30, today=today) >= 1
    assert store.delete_for_conversation("conv-old").codes == 0  # link gone, code still there
    assert store.load(old) is not None
    deletion = store.purge_older_than(90, today=today)
    assert deletion.codes == 1
    assert store.load(old) is None and store.load(new) is not None
