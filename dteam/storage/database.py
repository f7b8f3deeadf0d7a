"""Engines: the results store (migrated to head on first use) and Rasa's tracker store."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa

from dteam.paths import PROJECT_ROOT

MIGRATIONS_DIR = PROJECT_ROOT / "migrations"

_engines: dict[str, sa.engine.Engine] = {}
_engines_lock = threading.Lock()
_tracker_engines: dict[str, sa.engine.Engine] = {}
# Arbitrary constant key: serialises concurrent `upgrade head` runs of several replicas on PostgreSQL.
_PG_MIGRATION_LOCK_KEY = 7_351_924_001


def _ensure_sqlite_dir(url: str) -> None:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def upgrade_schema(engine: sa.engine.Engine) -> None:
    """Runs the Alembic migrations up to head on the given database."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", str(engine.url).replace("%", "%%"))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def engine_for(url: str) -> sa.engine.Engine:
    """Engine for the results store, migrated to head on first use in this process."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            _ensure_sqlite_dir(url)
            engine = sa.create_engine(url, future=True, pool_pre_ping=True)
            upgrade_schema(engine)
            _engines[url] = engine
        return engine


def tracker_engine(url: str) -> sa.engine.Engine:
    """Engine for Rasa's SQL tracker store (Rasa creates and owns its table)."""
    with _engines_lock:
        engine = _tracker_engines.get(url)
        if engine is None:
            engine = _tracker_engines[url] = sa.create_engine(url, future=True, pool_pre_ping=True)
        return engine


def forget_engines() -> None:
    """Disposes cached engines (tests create and drop databases)."""
    with _engines_lock:
        for engine in [*_engines.values(), *_tracker_engines.values()]:
            engine.dispose()
        _engines.clear()
        _tracker_engines.clear()
