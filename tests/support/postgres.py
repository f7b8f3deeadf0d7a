"""Throwaway PostgreSQL databases on the machine's real server (127.0.0.1:5432, trust auth).

The server is part of the machine set-up, so an unreachable server fails the test instead of
skipping it: a green run must mean the PostgreSQL paths really ran.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import sqlalchemy as sa

ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextlib.contextmanager
def throwaway_databases(count: int = 1) -> Iterator[list[str]]:
    """Creates `count` empty databases, yields their URLs and drops them afterwards."""
    from dteam.storage import database

    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    names = [f"dteam_test_{uuid.uuid4().hex[:12]}" for _ in range(count)]
    try:
        with admin.connect() as connection:
            for name in names:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield [
            sa.engine.make_url(ADMIN_URL).set(database=n).render_as_string(hide_password=False) for n in names
        ]
    finally:
        database.forget_engines()
        with admin.connect() as connection:
            for name in names:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
