"""Fixtures for the web chat tests: real processes on free loopback ports and headless Chromium.

Environment:
    E2E_RASA_URL        reuse a running Rasa server (with its action server) instead of starting one
    E2E_MODEL           model archive to serve (default: newest models/*.tar.gz)
    E2E_REQUIRE_RASA=1  fail instead of skip when no model is available
    E2E_SCREENSHOT_DIR  where screenshots go (default build/e2e-screenshots)
    CHROMIUM_BINARY / CHROMEDRIVER   browser and driver paths (default /usr/bin/chromium, /usr/bin/chromedriver)
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator, Optional

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
RASA_START_TIMEOUT = float(os.environ.get("E2E_RASA_START_TIMEOUT", "300"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port() -> int:
    """A loopback port nothing listens on (bound and released again)."""
    return free_port()


def http_get(url: str, timeout: float = 3.0) -> tuple:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_up(url: str, process: subprocess.Popen, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} process exited early; log:\n{log_path.read_text()[-4000:]}")
        try:
            status, _ = http_get(url, timeout=2)
            if status == 200:
                return
        except (urllib.error.URLError, ConnectionError, socket.timeout, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up within {timeout:.0f}s; log:\n{log_path.read_text()[-4000:]}")


class ManagedProcess:
    """A child process with its log file; stopped with SIGTERM, then SIGKILL."""

    def __init__(self, args: list, env: dict, log_path: Path):
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(args, cwd=REPO_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()


def base_env() -> dict:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "PYTHONUNBUFFERED": "1", "TF_CPP_MIN_LOG_LEVEL": "2"})
    return env


def start_web_server(rasa_url: str, log_dir: Path, extra_env: Optional[dict] = None) -> tuple:
    port = free_port()
    env = base_env()
    env.update({"WEB_PORT": str(port), "WEB_HOST": "127.0.0.1", "RASA_URL": rasa_url})
    env.update(extra_env or {})
    server = ManagedProcess([sys.executable, "-m", "bot.webserver"], env, log_dir / f"webserver-{port}.log")
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/health", server.process, 30, server.log_path)
    except Exception:
        server.stop()
        raise
    return server, base_url


@pytest.fixture(scope="session")
def e2e_log_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="webchat-e2e-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = Path(os.environ.get("E2E_SCREENSHOT_DIR", REPO_ROOT / "build" / "e2e-screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def web_server_factory(e2e_log_dir: Path):
    """Start extra web servers: factory(rasa_url=None, extra_env=None) -> base URL; all stopped at the end."""
    started = []

    def factory(rasa_url: Optional[str] = None, extra_env: Optional[dict] = None) -> str:
        server, base_url = start_web_server(rasa_url or f"http://127.0.0.1:{closed_port()}", e2e_log_dir, extra_env)
        started.append(server)
        return base_url

    yield factory
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def unreachable_web_server(e2e_log_dir: Path) -> Iterator[str]:
    """The web server pointed at a Rasa URL where nothing listens."""
    server, base_url = start_web_server(f"http://127.0.0.1:{closed_port()}", e2e_log_dir)
    yield base_url
    server.stop()


def _find_model() -> Optional[Path]:
    explicit = os.environ.get("E2E_MODEL")
    if explicit:
        return Path(explicit)
    models = sorted((REPO_ROOT / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return models[-1] if models else None


@pytest.fixture(scope="session")
def rasa_url(e2e_log_dir: Path) -> Iterator[str]:
    """URL of a real Rasa server with a real action server, started on free ports unless E2E_RASA_URL is set."""
    reuse = os.environ.get("E2E_RASA_URL")
    if reuse:
        yield reuse.rstrip("/")
        return
    model = _find_model()
    if model is None or not model.exists():
        message = "no trained model in models/ (run `make train`) and E2E_RASA_URL not set"
        if os.environ.get("E2E_REQUIRE_RASA") == "1":
            pytest.fail(message)
        pytest.skip(message)

    actions_port, rasa_port = free_port(), free_port()
    # Own endpoints/credentials: actions on the free port, in-memory tracker store (no test data on disk).
    endpoints = e2e_log_dir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n')
    credentials = e2e_log_dir / "credentials.yml"
    credentials.write_text("rest:\n")
    env = base_env()
    rasa = str(VENV_BIN / "rasa")
    actions = ManagedProcess(
        [rasa, "run", "actions", "--port", str(actions_port), "--actions", "actions"],
        env,
        e2e_log_dir / "actions.log",
    )
    server = ManagedProcess(
        [
            rasa, "run", "--model", str(model), "--port", str(rasa_port), "--interface", "127.0.0.1",
            "--enable-api", "--endpoints", str(endpoints), "--credentials", str(credentials),
        ],
        env,
        e2e_log_dir / "rasa.log",
    )
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", actions.process, RASA_START_TIMEOUT, actions.log_path)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/status", server.process, RASA_START_TIMEOUT, server.log_path)
        yield f"http://127.0.0.1:{rasa_port}"
    finally:
        server.stop()
        actions.stop()


@pytest.fixture(scope="session")
def web_server(rasa_url: str, e2e_log_dir: Path) -> Iterator[str]:
    server, base_url = start_web_server(rasa_url, e2e_log_dir)
    yield base_url
    server.stop()


def make_browser(user_data_dir: Path, width: int = 1100, height: int = 900, phone: bool = False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(f"Chromium/chromedriver missing ({CHROMIUM}, {CHROMEDRIVER}): apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={user_data_dir}", f"--window-size={width},{height}",
        "--lang=de-DE",
    ):
        options.add_argument(flag)
    if phone:
        # Desktop windows have a minimum width; emulate a phone viewport instead.
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True}}
        )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def browser(tmp_path: Path):
    driver = make_browser(tmp_path / "chromium-profile")
    yield driver
    driver.quit()


@pytest.fixture
def phone_browser(tmp_path: Path):
    driver = make_browser(tmp_path / "chromium-phone-profile", width=390, height=844, phone=True)
    yield driver
    driver.quit()


def read_json(body: bytes) -> dict:
    return json.loads(body.decode("utf-8"))
