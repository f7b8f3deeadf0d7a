"""Return codes and teams (issue 12): what is kept behind a DT-/TEAM- code.

Pure module (SQLAlchemy, no Rasa). Schema: migrations/versions/0002_return_codes_and_teams.py.

* ``return_codes``: one row per finished self-test, keyed by its random return code, with the
  structured result snapshot (Measurement.to_json: goal ids, type, distances, answer codes, kind,
  size band, optional target goals) and the earlier code it was compared with. No free text, no
  channel ids. A keyed hash of the conversation id (as for results) allows "Meine Daten löschen"
  from the same conversation and is cleared after the link retention.
* ``teams`` and ``team_members``: a team is just its code; a membership links the team code with
  the member's conversation hash (one membership per conversation) and, once finished, with the
  member's return code. Nothing else links members to each other.

Referential clean-up is done here explicitly, because SQLite does not enforce foreign keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from dteam.followup import codes as code_format
from dteam.followup.measurement import Measurement
from dteam.storage import settings
from dteam.storage.database import engine_for

# Mirror of migration 0002; Alembic owns the schema.
metadata = sa.MetaData()
return_codes = sa.Table(
    "return_codes",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("conversation_hash", sa.String(64), nullable=True),
    sa.Column("measurement", sa.JSON, nullable=False),
    sa.Column("previous_code", sa.String(16), nullable=True),
)
teams = sa.Table(
    "teams",
    metadata,
    sa.Column("code", sa.String(20), primary_key=True),
    sa.Column("created_on", sa.Date, nullable=False),
)
team_members = sa.Table(
    "team_members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("team_code", sa.String(20), nullable=False),
    sa.Column("member_hash", sa.String(64), nullable=True),
    sa.Column("return_code", sa.String(16), nullable=True),
    sa.Column("joined_on", sa.Date, nullable=False),
)

_NEW_CODE_ATTEMPTS = 5  # 50 random bits: a collision is practically impossible, but never fatal


@dataclass(frozen=True)
class StoredMeasurement:
    code: str
    measurement: Measurement
    previous_code: str | None


@dataclass(frozen=True)
class TeamStatus:
    code: str
    created_on: dt.date
    joined: int  # memberships (with or without a finished self-test)
    measurements: tuple[Measurement, ...]  # the members' finished self-tests

    @property
    def finished(self) -> int:
        return len(self.measurements)


@dataclass(frozen=True)
class Deletion:
    codes: int = 0  # return codes deleted
    memberships: int = 0  # team memberships deleted


def _today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


class CodeStore:
    def __init__(self, url: str | None = None, secret: bytes | None = None):
        self.url = url or settings.results_db_url()
        self.engine = engine_for(self.url)
        self._secret = secret

    def hash_of(self, conversation_id: str) -> str:
        if self._secret is None:
            self._secret = settings.hash_secret()
        return settings.conversation_hash(conversation_id, self._secret)

    # --- return codes -------------------------------------------------------------------------

    def save_measurement(
        self,
        conversation_id: str,
        measurement: Measurement,
        previous_code: str | None = None,
        current_code: str | None = None,
    ) -> str:
        """Stores a finished self-test under a new return code, links it to the teams this
        conversation has joined, and returns the code.

        `current_code`: the code this conversation already got for its result. A corrected result
        ("Korrektur: Bürgernähe vor Effizienz" after the result) replaces that code's measurement, so
        the code the user noted shows the corrected result; a code of another conversation is never
        touched.
        """
        previous = code_format.parse_code(previous_code, code_format.RETURN_KIND) if previous_code else None
        member = self.hash_of(conversation_id)
        current = code_format.parse_code(current_code, code_format.RETURN_KIND) if current_code else None
        if current is not None:
            with self.engine.begin() as connection:
                updated = connection.execute(
                    return_codes.update()
                    .where(return_codes.c.code == current)
                    .where(return_codes.c.conversation_hash == member)
                    .values(
                        created_on=measurement.completed_on,
                        measurement=measurement.to_json(),
                        previous_code=previous,
                    )
                )
            if updated.rowcount:
                return current
        for _ in range(_NEW_CODE_ATTEMPTS):
            code = code_format.new_return_code()
            try:
                with self.engine.begin() as connection:
                    connection.execute(
                        return_codes.insert().values(
                            code=code,
                            created_on=measurement.completed_on,
                            conversation_hash=member,
                            measurement=measurement.to_json(),
                            previous_code=previous,
                        )
                    )
                    connection.execute(
                        team_members.update()
                        .where(team_members.c.member_hash == member)
                        .values(return_code=code)
                    )
                return code
            except sa.exc.IntegrityError:
                continue
        raise RuntimeError("could not draw an unused return code")

    def load(self, code: str | None) -> StoredMeasurement | None:
        canonical = code_format.parse_code(code, code_format.RETURN_KIND) if code else None
        if canonical is None:
            return None
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(return_codes).where(return_codes.c.code == canonical)).first()
        if row is None:
            return None
        return StoredMeasurement(row.code, Measurement.from_json(row.measurement), row.previous_code)

    def set_target(self, code: str, target_goals: Sequence[str]) -> bool:
        stored = self.load(code)
        if stored is None:
            return False
        updated = stored.measurement.with_target(target_goals)
        with self.engine.begin() as connection:
            connection.execute(
                return_codes.update()
                .where(return_codes.c.code == stored.code)
                .values(measurement=updated.to_json())
            )
        return True

    # --- teams ------------------------------------------------------------------------------------

    def create_team(self, conversation_id: str) -> str:
        """A new team code; the creator is its first member."""
        for _ in range(_NEW_CODE_ATTEMPTS):
            code = code_format.new_team_code()
            try:
                with self.engine.begin() as connection:
                    connection.execute(teams.insert().values(code=code, created_on=_today()))
            except sa.exc.IntegrityError:
                continue
            self.join_team(code, conversation_id)
            return code
        raise RuntimeError("could not draw an unused team code")

    def team_exists(self, team_code: str | None) -> bool:
        canonical = code_format.parse_code(team_code, code_format.TEAM_KIND) if team_code else None
        if canonical is None:
            return False
        with self.engine.connect() as connection:
            return (
                connection.execute(sa.select(teams.c.code).where(teams.c.code == canonical)).first()
                is not None
            )

    def join_team(self, team_code: str, conversation_id: str, return_code: str | None = None) -> str | None:
        """Adds this conversation to the team (once) and links its latest return code, if any.

        Returns the canonical team code, or None for an unknown team.
        """
        canonical = code_format.parse_code(team_code, code_format.TEAM_KIND)
        if canonical is None or not self.team_exists(canonical):
            return None
        member = self.hash_of(conversation_id)
        linked = self._latest_code_of(member, return_code)
        with self.engine.begin() as connection:
            existing = connection.execute(
                sa.select(team_members.c.id).where(
                    team_members.c.team_code == canonical, team_members.c.member_hash == member
                )
            ).first()
            if existing is None:
                connection.execute(
                    team_members.insert().values(
                        team_code=canonical, member_hash=member, return_code=linked, joined_on=_today()
                    )
                )
            elif linked is not None:
                connection.execute(
                    team_members.update().where(team_members.c.id == existing.id).values(return_code=linked)
                )
        return canonical

    def _latest_code_of(self, member: str, return_code: str | None) -> str | None:
        """The given return code if it belongs to this conversation, else its newest one."""
        with self.engine.connect() as connection:
            query = sa.select(return_codes.c.code).where(return_codes.c.conversation_hash == member)
            if return_code:
                query = query.where(return_codes.c.code == code_format.parse_code(return_code))
            else:
                query = query.order_by(return_codes.c.created_on.desc())
            row = connection.execute(query).first()
        return row.code if row else None

    def team_status(self, team_code: str | None) -> TeamStatus | None:
        canonical = code_format.parse_code(team_code, code_format.TEAM_KIND) if team_code else None
        if canonical is None:
            return None
        with self.engine.connect() as connection:
            team = connection.execute(sa.select(teams).where(teams.c.code == canonical)).first()
            if team is None:
                return None
            joined = connection.execute(
                sa.select(sa.func.count())
                .select_from(team_members)
                .where(team_members.c.team_code == canonical)
            ).scalar_one()
            rows = connection.execute(
                sa.select(return_codes.c.measurement)
                .select_from(
                    team_members.join(return_codes, team_members.c.return_code == return_codes.c.code)
                )
                .where(team_members.c.team_code == canonical)
            ).all()
        measurements = tuple(Measurement.from_json(row.measurement) for row in rows)
        return TeamStatus(canonical, team.created_on, int(joined), measurements)

    def teams_of(self, conversation_id: str) -> list[str]:
        with self.engine.connect() as connection:
            return [
                code
                for (code,) in connection.execute(
                    sa.select(team_members.c.team_code).where(
                        team_members.c.member_hash == self.hash_of(conversation_id)
                    )
                )
            ]

    # --- deletion and retention -------------------------------------------------------------------

    def delete_code(self, code: str, conversation_id: str | None = None) -> Deletion:
        """ "Meine Daten löschen DT-…": that code's result; "… TEAM-…": this conversation's membership."""
        found = code_format.find_code(code)
        if found is None:
            return Deletion()
        with self.engine.begin() as connection:
            if found.is_team:
                if conversation_id is None:
                    return Deletion()
                gone = connection.execute(
                    team_members.delete().where(
                        team_members.c.team_code == found.value,
                        team_members.c.member_hash == self.hash_of(conversation_id),
                    )
                ).rowcount
                return Deletion(memberships=int(gone or 0))
            return self._delete_codes(connection, [found.value])

    def delete_for_conversation(self, conversation_id: str) -> Deletion:
        """Everything this conversation left: its return codes and its team memberships."""
        member = self.hash_of(conversation_id)
        with self.engine.begin() as connection:
            owned = [
                code
                for (code,) in connection.execute(
                    sa.select(return_codes.c.code).where(return_codes.c.conversation_hash == member)
                )
            ]
            deletion = self._delete_codes(connection, owned)
            left = connection.execute(
                team_members.delete().where(team_members.c.member_hash == member)
            ).rowcount
        return Deletion(deletion.codes, deletion.memberships + int(left or 0))

    @staticmethod
    def _delete_codes(connection: sa.engine.Connection, code_list: Sequence[str]) -> Deletion:
        if not code_list:
            return Deletion()
        # A team must not keep counting a deleted result: the membership goes with it.
        memberships = connection.execute(
            team_members.delete().where(team_members.c.return_code.in_(code_list))
        )
        connection.execute(
            return_codes.update()
            .where(return_codes.c.previous_code.in_(code_list))
            .values(previous_code=None)
        )
        deleted = connection.execute(return_codes.delete().where(return_codes.c.code.in_(code_list)))
        return Deletion(int(deleted.rowcount or 0), int(memberships.rowcount or 0))

    def unlink_older_than(self, days: int, today: dt.date | None = None) -> int:
        """Clears the conversation hash of codes and memberships older than `days` days."""
        cutoff = (today or _today()) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            codes_unlinked = connection.execute(
                return_codes.update()
                .where(return_codes.c.created_on < cutoff, return_codes.c.conversation_hash.isnot(None))
                .values(conversation_hash=None)
            ).rowcount
            members_unlinked = connection.execute(
                team_members.update()
                .where(team_members.c.joined_on < cutoff, team_members.c.member_hash.isnot(None))
                .values(member_hash=None)
            ).rowcount
        return int(codes_unlinked or 0) + int(members_unlinked or 0)

    def purge_older_than(self, days: int, today: dt.date | None = None) -> Deletion:
        """Deletes codes (with their memberships) and teams created more than `days` days ago."""
        cutoff = (today or _today()) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            old = [
                code
                for (code,) in connection.execute(
                    sa.select(return_codes.c.code).where(return_codes.c.created_on < cutoff)
                )
            ]
            deletion = self._delete_codes(connection, old)
            old_teams = sa.select(teams.c.code).where(teams.c.created_on < cutoff)
            members = connection.execute(
                team_members.delete().where(team_members.c.team_code.in_(old_teams))
            ).rowcount
            connection.execute(teams.delete().where(teams.c.created_on < cutoff))
        return Deletion(deletion.codes, deletion.memberships + int(members or 0))
