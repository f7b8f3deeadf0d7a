"""Starts the real assistant for tests: action server + Rasa server on free loopback ports.

Used by the conversation, channel and operations tests, so every one of them talks to the
same real stack as a user would (trained model, real custom actions, real tracker store).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
MODEL = REPO_ROOT / "models" / "d-team.tar.gz"
START_TIMEOUT = float(os.environ.get("TEST_RASA_START_TIMEOUT", "300"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env() -> dict:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "PYTHONUNBUFFERED": "1", "TF_CPP_MIN_LOG_LEVEL": "2"})
    return env


def http_status(url: str, timeout: float = 2.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (TimeoutError, urllib.error.URLError, ConnectionError, OSError):
        return 0


class ManagedProcess:
    """A child process with its own log file; stopped with SIGTERM, then SIGKILL."""

    def __init__(self, args: list[str], env: dict, log_path: Path) -> None:
        self.args = args
        self.env = env
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self.process = subprocess.Popen(
            args, cwd=REPO_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait_until_up(self, url: str, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"process for {url} exited early:\n{self.log_path.read_text()[-4000:]}")
            if http_status(url) == 200:
                return
            time.sleep(0.5)
        raise RuntimeError(
            f"{url} did not come up within {timeout:.0f}s:\n{self.log_path.read_text()[-4000:]}"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()


class RasaStack:
    """Action server + Rasa server (REST channel, HTTP API) with a SQLite tracker store in `workdir`."""

    def __init__(self, workdir: Path, model: Path = MODEL, extra_env: dict | None = None) -> None:
        self.workdir = workdir
        self.model = model
        self.env = base_env()
        self.env.setdefault("RESULTS_DB_URL", f"sqlite:///{workdir / 'results.db'}")
        self.env.setdefault("TRACKER_DB_URL", f"sqlite:///{workdir / 'tracker.db'}")
        self.env.update(extra_env or {})
        self.actions_port = free_port()
        self.rasa_port = free_port()
        self.actions: ManagedProcess | None = None
        self.rasa: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    def start(self) -> RasaStack:
        if not self.model.exists():
            raise RuntimeError(f"no trained model at {self.model}: run `make train` first")
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "{self.actions_url}/webhook"\n'
            f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{self.workdir / "tracker.db"}"\n'
        )
        self.start_actions()
        self.rasa = ManagedProcess(
            [
                str(VENV_BIN / "rasa"),
                "run",
                "--model",
                str(self.model),
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
                "--enable-api",
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(REPO_ROOT / "credentials.yml"),
            ],
            self.env,
            self.workdir / "rasa.log",
        )
        self.actions.wait_until_up(self.actions_url + "/health")
        self.rasa.wait_until_up(self.url + "/status")
        return self

    def start_actions(self) -> None:
        self.actions = ManagedProcess(
            [
                str(VENV_BIN / "rasa"),
                "run",
                "actions",
                "--port",
                str(self.actions_port),
                "--actions",
                "actions",
            ],
            self.env,
            self.workdir / "actions.log",
        )

    def stop_actions(self) -> None:
        if self.actions:
            self.actions.stop()

    def restart_actions(self) -> None:
        self.stop_actions()
        self.start_actions()
        self.actions.wait_until_up(self.actions_url + "/health")

    def stop(self) -> None:
        for process in (self.rasa, self.actions):
            if process:
                process.stop()
