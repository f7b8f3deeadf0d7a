"""Issue 13, item 12: the database is briefly gone mid-interview, for real.

A PostgreSQL server of our own (initdb + pg_ctl on a free port in a temp dir; the machine's shared
server is never touched) holds Rasa's tracker store and the results store. Mid-interview it is
stopped for a few seconds: the user gets a German notice, nothing answered before is lost, and once
the server is back the interview continues at the same question and ends with a stored result.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from tests.support import stack

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1:] or [""]
STORE_DOWN_TEXT = "Datenspeicher"


class OwnPostgres:
    """A PostgreSQL server in a temp dir, run as the `postgres` system user when we are root."""

    def __init__(self) -> None:
        self.bin = Path(PG_BIN[0])
        self.root = Path(tempfile.mkdtemp(prefix="h13-pg-"))
        self.data = self.root / "data"
        self.port = stack.free_port()
        self.run_as = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]

    def _pg(self, *args: str) -> None:
        subprocess.run([*self.run_as, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._pg(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._pg(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_databases(self, *names: str) -> None:
        admin = sa.create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT", future=True)
        with admin.connect() as connection:
            for name in names:
                connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        admin.dispose()

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def outage_stack(trained_model, tmp_path_factory):
    if not (PG_BIN[0] and (Path(PG_BIN[0]) / "initdb").exists()):
        pytest.fail("PostgreSQL server binaries missing (/usr/lib/postgresql/*/bin/initdb)")
    postgres = OwnPostgres()
    workdir = tmp_path_factory.mktemp("db-outage")
    processes = []
    try:
        postgres.init()
        postgres.start()
        postgres.create_databases("rasa", "results")
        env = {
            "TRACKER_DB_URL": postgres.url("rasa"),
            "RESULTS_DB_URL": postgres.url("results"),
            "RESULTS_HASH_SECRET": "outage-test",
        }
        actions_port, rasa_port = stack.free_port(), stack.free_port()
        endpoints = stack.write_endpoints(
            workdir / "endpoints.yml",
            f"http://127.0.0.1:{actions_port}/webhook",
            stack.postgres_tracker("rasa", port=postgres.port),
        )
        actions = stack.action_server(actions_port, workdir, env).start()
        processes.append(actions)
        rasa = stack.rasa_server(rasa_port, endpoints, workdir, model=trained_model, env=env).start()
        processes.append(rasa)
        stack.wait_http(f"http://127.0.0.1:{actions_port}/health", actions, 300)
        stack.wait_http(f"http://127.0.0.1:{rasa_port}/status", rasa, 300)
        yield postgres, f"http://127.0.0.1:{rasa_port}", workdir
    finally:
        for process in reversed(processes):
            process.stop()
        postgres.remove()


def send(url: str, sender: str, message: str) -> tuple[int, str]:
    response = requests.post(
        f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120
    )
    texts = "\n".join(reply.get("text", "") for reply in response.json()) if response.ok else response.text
    return response.status_code, texts


def test_interview_survives_a_short_database_outage(outage_stack):
    postgres, url, _ = outage_stack
    sender = "outage-" + os.urandom(6).hex()
    assert "Frage 1 von 12" in send(url, sender, "Welcher Kommunentyp sind wir?")[1]
    assert "Frage 2 von 12" in send(url, sender, "Vor allem Effizienz, dann Bürgernähe und Fördermittel")[1]
    assert "Frage 3 von 12" in send(url, sender, "Wir sind eine Stadt")[1]

    postgres.stop()
    try:
        status, text = send(url, sender, "ca. 45.000 Einwohner")
        # The user is told in German, not left with an error page or silence.
        assert status == 200, text
        assert STORE_DOWN_TEXT in text and "noch einmal" in text, text
        time.sleep(3)
    finally:
        postgres.start()

    # Back again: the same question is still open, the earlier answers are all there.
    deadline = time.monotonic() + 60
    while True:
        status, text = send(url, sender, "ca. 45.000 Einwohner")
        if STORE_DOWN_TEXT not in text or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert status == 200 and "Frage 4 von 12" in text, text
    tracker = requests.get(f"{url}/conversations/{sender}/tracker", timeout=30).json()
    slots = tracker["slots"]
    assert slots["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]
    assert slots["municipality_kind"] == "stadt" and slots["inhabitants"] == 45000

    for answer in [
        "Die Strategie ist in Entwicklung",
        "Der CDO und die IT",
        "DMS und E-Payment",
        "ja, FIM kennen wir",
        "Prozessoptimierung",
        "Schulungen zu Fachverfahren",
        "Mängelmelder",
        "über Fördermittel",
    ]:
        assert "Frage" in send(url, sender, answer)[1], answer
    status, text = send(url, sender, "freies WLAN")
    assert status == 200 and "Optimierer" in text, text
    engine = sa.create_engine(postgres.url("results"), future=True)
    with engine.connect() as connection:
        stored = (
            connection.execute(sa.text("SELECT municipality_type FROM assessment_results")).scalars().all()
        )
    engine.dispose()
    assert stored == ["optimierer"]
