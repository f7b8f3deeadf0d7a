"""The anonymous results store: one row per completed assessment, structured values only.

Stored: goal ids, type, distances, Mischform flag, kind of municipality, size band (not the exact
number), practice answer codes and the day of completion. The conversation id is never stored; a
keyed hash (HMAC-SHA256) of it links a row to its conversation so that "Meine Daten löschen" works.
After RESULTS_LINK_RETENTION_DAYS the link is cleared (docs/data-protection.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import sqlalchemy as sa

from dteam.interview.practices import KIND_NAMES, MAX_INHABITANTS, QUESTIONS, SKIPPED, size_band
from dteam.storage import settings
from dteam.storage.database import engine_for
from dteam.storage.schema import assessment_results
from dteam.storage.statistics import KIND_GROUPS, GroupDistribution, group_distribution
from dteam.study import data as study_data
from dteam.study.typology import MAX_GOALS

# Practice questions whose answer codes are stored (the context questions kind and size are kept
# in their own columns).
PRACTICE_SLOTS: tuple[str, ...] = tuple(q for q in QUESTIONS if q not in ("municipality_kind", "inhabitants"))


class InvalidResult(ValueError):
    """A result that must not be stored (unknown type or goal ids)."""


def clean_practices(practices: Mapping[str, object] | None) -> dict[str, object]:
    """Keeps only known practice slots and known answer codes (never free text)."""
    cleaned: dict[str, object] = {}
    for slot, value in (practices or {}).items():
        if value is None or slot not in PRACTICE_SLOTS:
            continue
        question = QUESTIONS[slot]
        allowed = [option.value for option in question.options]
        if value == SKIPPED:
            cleaned[slot] = SKIPPED
        elif question.multi:
            if isinstance(value, (list, tuple)):
                cleaned[slot] = [code for code in allowed if code in value]
        elif value in allowed:
            cleaned[slot] = value
    return cleaned


def stored_size_band(inhabitants: object) -> str | None:
    """Band id for the store; None for unknown or implausible values."""
    if inhabitants is None or isinstance(inhabitants, bool):
        return None
    try:
        count = int(inhabitants)
    except (TypeError, ValueError):
        return None
    if count <= 0 or count > MAX_INHABITANTS:
        return None
    return size_band(count)[0]


def _rounded_day(moment: dt.datetime | None) -> dt.date:
    moment = moment or dt.datetime.now(dt.timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.date()


class ResultsStore:
    def __init__(self, url: str | None = None, secret: bytes | None = None):
        self.url = url or settings.results_db_url()
        self.engine = engine_for(self.url)
        self._secret = secret

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            self._secret = settings.hash_secret()
        return self._secret

    def hash_of(self, conversation_id: str) -> str:
        return settings.conversation_hash(conversation_id, self.secret)

    def save_result(
        self,
        conversation_id: str,
        goals: Sequence[str],
        municipality_type: str,
        distances: Mapping[str, float],
        is_mixed: bool = False,
        municipality_kind: str | None = None,
        inhabitants: int | None = None,
        practices: Mapping[str, object] | None = None,
        completed_at: dt.datetime | None = None,
    ) -> int:
        """Stores one completed assessment and returns its row id.

        A conversation keeps only its latest result, so redoing the interview does not count twice.
        """
        if municipality_type not in study_data.TYPE_IDS:
            raise InvalidResult(f"unknown municipality type {municipality_type!r}")
        unknown_goals = [g for g in goals if g not in study_data.GOAL_IDS]
        if unknown_goals or not goals:
            raise InvalidResult(f"goals must be 1-{MAX_GOALS} known goal ids, got {list(goals)!r}")
        clean_distances = {t: round(float(distances[t]), 4) for t in study_data.TYPE_IDS if t in distances}
        row = {
            "conversation_hash": self.hash_of(conversation_id),
            "completed_on": _rounded_day(completed_at),
            "municipality_type": municipality_type,
            "is_mixed": bool(is_mixed),
            "goals": list(dict.fromkeys(goals))[:MAX_GOALS],
            "distances": clean_distances,
            "municipality_kind": municipality_kind if municipality_kind in KIND_NAMES else None,
            "size_band": stored_size_band(inhabitants),
            "practices": clean_practices(practices),
        }
        with self.engine.begin() as connection:
            connection.execute(
                assessment_results.delete().where(
                    assessment_results.c.conversation_hash == row["conversation_hash"]
                )
            )
            inserted = connection.execute(assessment_results.insert().values(**row))
            return int(inserted.inserted_primary_key[0])

    def results_for_conversation(self, conversation_id: str) -> list[dict]:
        query = sa.select(assessment_results).where(
            assessment_results.c.conversation_hash == self.hash_of(conversation_id)
        )
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def count_results(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(assessment_results)).scalar_one()
            )

    def delete_for_conversation(self, conversation_id: str) -> int:
        """Deletes the stored results of one conversation; returns how many rows went."""
        with self.engine.begin() as connection:
            deleted = connection.execute(
                assessment_results.delete().where(
                    assessment_results.c.conversation_hash == self.hash_of(conversation_id)
                )
            )
            return int(deleted.rowcount or 0)

    def purge_older_than(self, days: int, today: dt.date | None = None) -> int:
        """Deletes results completed more than `days` days ago; returns the number deleted."""
        cutoff = (today or _rounded_day(None)) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            deleted = connection.execute(
                assessment_results.delete().where(assessment_results.c.completed_on < cutoff)
            )
            return int(deleted.rowcount or 0)

    def unlink_older_than(self, days: int, today: dt.date | None = None) -> int:
        """Clears the conversation hash of results older than `days` days (they stay in the stats)."""
        cutoff = (today or _rounded_day(None)) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            updated = connection.execute(
                assessment_results.update()
                .where(assessment_results.c.completed_on < cutoff)
                .where(assessment_results.c.conversation_hash.isnot(None))
                .values(conversation_hash=None)
            )
            return int(updated.rowcount or 0)

    def type_distribution(self, by_kind: bool = True) -> list[GroupDistribution]:
        """Counts and shares of the types among stored results next to Table 2 of the study.

        The first group is always "alle" (every result, also those without a kind); with
        `by_kind` one group per kind of municipality follows.
        """
        query = sa.select(
            assessment_results.c.municipality_kind,
            assessment_results.c.municipality_type,
            assessment_results.c.is_mixed,
            sa.func.count().label("n"),
        ).group_by(
            assessment_results.c.municipality_kind,
            assessment_results.c.municipality_type,
            assessment_results.c.is_mixed,
        )
        counts: dict[str, dict[str, int]] = {g: {t: 0 for t in study_data.TYPE_IDS} for g in KIND_GROUPS}
        mixed: dict[str, int] = {g: 0 for g in KIND_GROUPS}
        with self.engine.connect() as connection:
            for kind, type_id, is_mixed, n in connection.execute(query):
                if type_id not in study_data.TYPE_IDS:
                    continue
                groups = ["alle"] + ([kind] if kind in KIND_NAMES else [])
                for group in groups:
                    counts[group][type_id] += int(n)
                    if is_mixed:
                        mixed[group] += int(n)
        groups = ["alle"] + (list(KIND_NAMES) if by_kind else [])
        return [group_distribution(g, counts[g], mixed[g]) for g in groups]
