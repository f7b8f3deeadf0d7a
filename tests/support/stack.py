"""The one process-stack helper for tests and benchmarks: real bot processes on loopback ports.

Plain subprocess/HTTP helpers (no Rasa import): free ports, the project's venv, Rasa, action server,
chat server and nginx as child processes in their own process groups (stopped as a group) with
their own log files, readiness polling, RSS from /proc, generated endpoints files; and `RasaStack`,
the action server + Rasa server pair the conversation, channel and e2e tests share.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def _venv_bin() -> Path:
    """The project's venv: DTEAM_VENV, else .venv in the checkout, else the running interpreter's."""
    configured = os.environ.get("DTEAM_VENV")
    candidates = [Path(configured) / "bin"] if configured else []
    candidates += [REPO_ROOT / ".venv" / "bin", Path(sys.executable).parent]
    return next((c for c in candidates if (c / "rasa").exists()), candidates[-1])


VENV_BIN = _venv_bin()
PYTHON = VENV_BIN / "python"
RASA = VENV_BIN / "rasa"
DEFAULT_MODEL = REPO_ROOT / "models" / "d-team.tar.gz"
# The product's channel configuration; DTEAM_CREDENTIALS points the tests at another file if needed.
CREDENTIALS = Path(os.environ.get("DTEAM_CREDENTIALS") or REPO_ROOT / "credentials.yml")
NGINX_TEMPLATE = REPO_ROOT / "deploy" / "nginx" / "round_robin.conf.template"
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def base_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            # Keep each process to one core's worth of math threads: the machine is shared.
            "OMP_NUM_THREADS": env.get("OMP_NUM_THREADS", "1"),
            "TF_NUM_INTRAOP_THREADS": env.get("TF_NUM_INTRAOP_THREADS", "1"),
            "TF_NUM_INTEROP_THREADS": env.get("TF_NUM_INTEROP_THREADS", "1"),
        }
    )
    if extra:
        env.update(extra)
    return env


@dataclass
class Proc:
    """One child process in its own session (so its whole process group can be stopped)."""

    name: str
    args: list[str]
    log_path: Path
    env: dict[str, str]
    cwd: Path = REPO_ROOT
    popen: subprocess.Popen | None = None
    started_at: float = 0.0

    def start(self) -> Proc:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.started_at = time.monotonic()
        self.popen = subprocess.Popen(
            self.args,
            cwd=str(self.cwd),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill_hard(self) -> None:
        """SIGKILL the process group: a crash, not a graceful shutdown."""
        if self.alive():
            os.killpg(self.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self, timeout: float = 15.0) -> None:
        if not self.alive():
            return
        try:
            os.killpg(self.pid, signal.SIGTERM)
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)
        except ProcessLookupError:
            pass

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def http_get(url: str, timeout: float = 5.0) -> tuple:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_http(url: str, proc: Proc | None = None, timeout: float = 240.0, interval: float = 0.25) -> float:
    """Polls `url` until it answers 200; returns the seconds waited. Fails early if `proc` died."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc is not None and not proc.alive():
            raise RuntimeError(f"{proc.name} exited with {proc.popen.returncode}:\n{proc.log_tail()}")
        try:
            status, _ = http_get(url, timeout=2.0)
            if status == 200:
                return time.monotonic() - start
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(interval)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s" + (f":\n{proc.log_tail()}" if proc else ""))


def action_server(port: int, log_dir: Path, env: dict[str, str] | None = None, name: str = "actions") -> Proc:
    # Loopback only, like `make run` (rasa-sdk itself would listen on every interface). actions.server
    # loads the knowledge index before it opens its port: /health means ready.
    return Proc(
        name,
        [str(PYTHON), "-m", "actions.server", "--port", str(port), "--actions", "actions"],
        log_dir / f"{name}.log",
        base_env({"SANIC_HOST": LOOPBACK, **(env or {})}),
    )


def web_server(port: int, rasa_url: str, log_dir: Path, env: dict[str, str] | None = None) -> Proc:
    """The intranet chat page (bot/webserver.py) in front of a Rasa server."""
    return Proc(
        f"web-{port}",
        [str(PYTHON), "-m", "bot.webserver"],
        log_dir / f"webserver-{port}.log",
        base_env({"WEB_PORT": str(port), "WEB_HOST": LOOPBACK, "RASA_URL": rasa_url, **(env or {})}),
    )


def rasa_server(
    port: int,
    endpoints: Path,
    log_dir: Path,
    model: Path = DEFAULT_MODEL,
    credentials: Path = CREDENTIALS,
    env: dict[str, str] | None = None,
    name: str = "rasa",
    cwd: Path = REPO_ROOT,
) -> Proc:
    return Proc(
        name,
        [
            str(RASA),
            "run",
            "--enable-api",
            "--interface",
            LOOPBACK,
            "--port",
            str(port),
            "--model",
            str(model),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(credentials),
        ],
        log_dir / f"{name}.log",
        base_env(env),
        cwd=cwd,
    )


def write_endpoints(
    path: Path, action_url: str | None, tracker: dict, lock_store: dict | None = None
) -> Path:
    """Writes a Rasa endpoints file; dicts become YAML mappings (JSON is valid YAML)."""
    lines = []
    if action_url:
        lines.append("action_endpoint: " + json.dumps({"url": action_url}))
    lines.append("tracker_store: " + json.dumps(tracker))
    if lock_store:
        lines.append("lock_store: " + json.dumps(lock_store))
    path.write_text("\n".join(lines) + "\n")
    return path


def sqlite_tracker(db_path: Path) -> dict:
    return {"type": "SQL", "dialect": "sqlite", "db": str(db_path)}


def postgres_tracker(db_name: str, host: str = LOOPBACK, port: int = 5432, user: str = "postgres") -> dict:
    return {
        "type": "SQL",
        "dialect": "postgresql",
        "url": host,
        "port": port,
        "db": db_name,
        "username": user,
        "password": "",
    }


def redis_lock_store(db: int, prefix: str, host: str = LOOPBACK, port: int = 6379) -> dict:
    return {"type": "redis", "url": host, "port": port, "db": db, "key_prefix": prefix}


def expected_type(goal_ids: Sequence[str]) -> str:
    """The reference classification of `goal_ids`, from the classifier's own CLI."""
    output = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "dteam.study.typology", *goal_ids],
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)["type"]


# --- memory ------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    task_dir = Path(f"/proc/{pid}/task")
    try:
        for task in task_dir.iterdir():
            text = (task / "children").read_text().split()
            kids.extend(int(k) for k in text)
    except OSError:
        pass
    return kids


def process_tree(pid: int) -> list[int]:
    seen, stack = [], [pid]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.append(current)
        stack.extend(_children(current))
    return seen


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (from /proc/<pid>/status)."""
    total_kb = 0
    for member in process_tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb / 1024.0


# --- nginx -------------------------------------------------------------------------------------


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def nginx_proxy(listen_port: int, upstream_ports: Sequence[int], prefix: Path) -> Proc:
    """Round-robin nginx from deploy/nginx/round_robin.conf.template, run by us in `prefix`."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx fehlt (apt-get install -y nginx-light)")
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "logs").mkdir(exist_ok=True)
    (prefix / "tmp").mkdir(exist_ok=True)
    servers = "\n".join(
        f"        server {LOOPBACK}:{port} max_fails=1 fail_timeout=30s;" for port in upstream_ports
    )
    config = (
        NGINX_TEMPLATE.read_text()
        .replace("{{PREFIX}}", str(prefix))
        .replace("{{LISTEN}}", f"{LOOPBACK}:{listen_port}")
        .replace("{{UPSTREAM_SERVERS}}", servers)
    )
    conf_path = prefix / "nginx.conf"
    conf_path.write_text(config)
    return Proc(
        "nginx",
        [
            binary,
            "-p",
            str(prefix),
            "-c",
            str(conf_path),
            "-e",
            str(prefix / "logs" / "error.log"),
            "-g",
            "daemon off;",
        ],
        prefix / "nginx.stdout.log",
        base_env(),
    )


# --- the shared assistant stack -------------------------------------------------------------------

START_TIMEOUT = float(os.environ.get("TEST_RASA_START_TIMEOUT", "300"))


class RasaStack:
    """Action server + Rasa server (REST channel, HTTP API) with SQLite stores in `workdir`."""

    def __init__(self, workdir: Path, model: Path = DEFAULT_MODEL, extra_env: dict | None = None) -> None:
        self.workdir = workdir
        self.model = model
        self.env = base_env(
            {
                "RESULTS_DB_URL": f"sqlite:///{workdir / 'results.db'}",
                "TRACKER_DB_URL": f"sqlite:///{workdir / 'tracker.db'}",
                "PYTHONUNBUFFERED": "1",
                **(extra_env or {}),
            }
        )
        self.actions_port = free_port()
        self.rasa_port = free_port()
        self.actions: Proc | None = None
        self.rasa: Proc | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{LOOPBACK}:{self.actions_port}"

    def start(self) -> RasaStack:
        if not self.model.exists():
            raise RuntimeError(f"no trained model at {self.model}: run `make train` first")
        endpoints = write_endpoints(
            self.workdir / "endpoints.yml",
            f"{self.actions_url}/webhook",
            sqlite_tracker(self.workdir / "tracker.db"),
        )
        self.start_actions()
        self.rasa = rasa_server(
            self.rasa_port, endpoints, self.workdir, model=self.model, env=self.env
        ).start()
        wait_http(self.actions_url + "/health", self.actions, START_TIMEOUT)
        wait_http(self.url + "/status", self.rasa, START_TIMEOUT)
        return self

    def start_actions(self) -> None:
        self.actions = action_server(self.actions_port, self.workdir, self.env).start()

    def stop_actions(self) -> None:
        if self.actions:
            self.actions.stop()

    def restart_actions(self) -> None:
        self.stop_actions()
        self.start_actions()
        wait_http(self.actions_url + "/health", self.actions, START_TIMEOUT)

    def stop(self) -> None:
        for process in (self.rasa, self.actions):
            if process:
                process.stop()
