"""Housekeeping on Rasa's SQL tracker store (table ``events``): delete one conversation's events,
count them, purge events older than the retention period. Rasa owns the table; we only read and delete."""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa

from dteam.storage.database import tracker_engine
from dteam.storage.schema import tracker_events


def tracker_table_exists(engine: sa.engine.Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def delete_tracker_events(url: str, sender_id: str, up_to_timestamp: float | None = None) -> int:
    """Deletes a conversation's tracker events (all, or those up to a timestamp)."""
    engine = tracker_engine(url)
    if not tracker_table_exists(engine):
        return 0
    condition = tracker_events.c.sender_id == sender_id
    if up_to_timestamp is not None:
        condition = sa.and_(
            condition,
            sa.or_(tracker_events.c.timestamp <= up_to_timestamp, tracker_events.c.timestamp.is_(None)),
        )
    with engine.begin() as connection:
        return int(connection.execute(tracker_events.delete().where(condition)).rowcount or 0)


def count_tracker_events(url: str, sender_id: str | None = None) -> int:
    engine = tracker_engine(url)
    if not tracker_table_exists(engine):
        return 0
    query = sa.select(sa.func.count()).select_from(tracker_events)
    if sender_id is not None:
        query = query.where(tracker_events.c.sender_id == sender_id)
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


@dataclass(frozen=True)
class TrackerPurgeResult:
    events_deleted: int
    conversations_affected: int


def purge_trackers_older_than(url: str, days: float, now: float | None = None) -> TrackerPurgeResult:
    """Deletes every tracker event older than `days` days (events without timestamp count as old).

    Event-wise rather than conversation-wise: a long-running conversation (e.g. a Matrix room)
    keeps its recent events but nothing beyond the retention period.
    """
    engine = tracker_engine(url)
    if not tracker_table_exists(engine):
        return TrackerPurgeResult(0, 0)
    cutoff = (time.time() if now is None else now) - float(days) * 86400.0
    is_old = sa.or_(tracker_events.c.timestamp < cutoff, tracker_events.c.timestamp.is_(None))
    with engine.begin() as connection:
        affected = connection.execute(
            sa.select(sa.func.count(sa.distinct(tracker_events.c.sender_id))).where(is_old)
        ).scalar_one()
        deleted = connection.execute(tracker_events.delete().where(is_old)).rowcount
    return TrackerPurgeResult(int(deleted or 0), int(affected or 0))
