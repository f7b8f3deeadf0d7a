"""Fixtures for the operations tests: throwaway PostgreSQL databases, a clean Redis key space,
and the trained model. The process helpers live in tests/support/stack.py (shared with the benchmarks)."""

from __future__ import annotations

import socket
import sys
import uuid
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support import stack  # noqa: E402

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# Dedicated Redis database for these tests; keys also carry a per-run prefix and are removed afterwards.
REDIS_TEST_DB = 13


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def trained_model() -> Path:
    if not stack.DEFAULT_MODEL.exists():
        pytest.skip("kein trainiertes Modell: erst `make train` ausführen")
    return stack.DEFAULT_MODEL


@pytest.fixture(scope="session")
def nginx_available() -> str:
    binary = stack.nginx_binary()
    if binary is None:
        pytest.skip("nginx fehlt: scripts/install_system_deps.sh (apt-get install -y nginx-light)")
    return binary


class ThrowawayPostgres:
    """Creates databases with a unique name on the local server and drops them afterwards."""

    def __init__(self) -> None:
        import psycopg2

        self._psycopg2 = psycopg2
        self.created = []

    def _admin(self):
        connection = self._psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres")
        connection.autocommit = True
        return connection

    def create(self, label: str) -> str:
        name = f"dteam_ops_{label}_{uuid.uuid4().hex[:10]}"
        # Not `with connection:` — psycopg2 would open a transaction, and CREATE DATABASE refuses that.
        connection = self._admin()
        try:
            connection.cursor().execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        self.created.append(name)
        return name

    def url(self, name: str) -> str:
        return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"

    def drop_all(self) -> None:
        connection = self._admin()
        try:
            with connection.cursor() as cursor:
                for name in self.created:
                    cursor.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
                    )
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        finally:
            connection.close()


@pytest.fixture(scope="module")
def postgres():
    if not _port_open(PG_HOST, PG_PORT):
        pytest.skip("PostgreSQL läuft nicht auf 127.0.0.1:5432")
    databases = ThrowawayPostgres()
    yield databases
    databases.drop_all()


@pytest.fixture(scope="module")
def redis_namespace():
    """(db number, key prefix) for the Redis lock store; every key with the prefix is deleted afterwards."""
    if not _port_open(REDIS_HOST, REDIS_PORT):
        pytest.skip("Redis läuft nicht auf 127.0.0.1:6379")
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_TEST_DB)
    prefix = f"dteamops{uuid.uuid4().hex[:8]}"
    yield REDIS_TEST_DB, prefix, client
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()
