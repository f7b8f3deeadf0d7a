"""Table definitions: our results store (schema owned by Alembic, migrations/) and the columns of
Rasa's SQL tracker store that housekeeping reads and deletes."""

from __future__ import annotations

import sqlalchemy as sa

# Table definitions mirror migrations/versions/0001_initial_schema.py; Alembic owns the schema.
metadata = sa.MetaData()
assessment_results = sa.Table(
    "assessment_results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_hash", sa.String(64), nullable=True, index=True),
    sa.Column("completed_on", sa.Date, nullable=False, index=True),
    sa.Column("municipality_type", sa.String(32), nullable=False),
    sa.Column("is_mixed", sa.Boolean, nullable=False),
    sa.Column("goals", sa.JSON, nullable=False),
    sa.Column("distances", sa.JSON, nullable=False),
    sa.Column("municipality_kind", sa.String(16), nullable=True),
    sa.Column("size_band", sa.String(32), nullable=True),
    sa.Column("practices", sa.JSON, nullable=False),
)
pending_tracker_deletions = sa.Table(
    "pending_tracker_deletions",
    metadata,
    sa.Column("conversation_hash", sa.String(64), primary_key=True),
    sa.Column("requested_at", sa.Float, nullable=False),
)

# Rasa's SQLTrackerStore table (rasa/core/tracker_store.py, SQLTrackerStore.SQLEvent). We only read
# and delete rows; Rasa creates the table.
tracker_metadata = sa.MetaData()
tracker_events = sa.Table(
    "events",
    tracker_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
