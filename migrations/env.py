"""Alembic environment for the results store.

Used two ways: programmatically by dteam.storage.database.upgrade_schema (which passes an open
connection in config.attributes["connection"]), and by the `alembic` CLI with alembic.ini (URL from
the ini option sqlalchemy.url or RESULTS_DB_URL).
"""

from __future__ import annotations

import os
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context

config = context.config
if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = None  # migrations are written by hand; no autogenerate against the live schema


def _url() -> str:
    return (
        config.get_main_option("sqlalchemy.url")
        or os.environ.get("RESULTS_DB_URL")
        or "sqlite:///data_store/results.db"
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = _url()
    if url.startswith("sqlite:///"):
        os.makedirs(os.path.dirname(url[len("sqlite:///") :]) or ".", exist_ok=True)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, future=True)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
