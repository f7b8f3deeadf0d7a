"""Fixtures for the web chat tests: real processes on free loopback ports and headless Chromium.

Environment:
    E2E_RASA_URL        reuse a running Rasa server (with its action server) instead of the shared test stack
    E2E_REQUIRE_RASA=1  fail instead of skip when no model is available
    E2E_SCREENSHOT_DIR  where screenshots go (default build/e2e-screenshots)
    CHROMIUM_BINARY / CHROMEDRIVER   browser and driver paths
                        (default /usr/bin/chromium, /usr/bin/chromedriver)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import stack

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def closed_port() -> int:
    """A loopback port nothing listens on (bound and released again)."""
    return stack.free_port()


def start_web_server(rasa_url: str, log_dir: Path, extra_env: dict | None = None) -> tuple:
    port = stack.free_port()
    server = stack.web_server(port, rasa_url, log_dir, extra_env).start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        stack.wait_http(base_url + "/health", server, timeout=30)
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

    def factory(rasa_url: str | None = None, extra_env: dict | None = None) -> str:
        server, base_url = start_web_server(
            rasa_url or f"http://127.0.0.1:{closed_port()}", e2e_log_dir, extra_env
        )
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


@pytest.fixture(scope="session")
def rasa_url(request) -> Iterator[str]:
    """URL of a real Rasa server with its real action server.

    E2E_RASA_URL reuses a running one; otherwise the project's shared session stack (tests/conftest.py,
    `rasa_stack`: trained model, actions, REST channel from credentials.yml) is used, so the whole
    test run starts Rasa only once.
    """
    reuse = os.environ.get("E2E_RASA_URL")
    if reuse:
        yield reuse.rstrip("/")
        return
    if not (REPO_ROOT / "models" / "d-team.tar.gz").exists():
        message = "no trained model models/d-team.tar.gz (run `make train`) and E2E_RASA_URL not set"
        if os.environ.get("E2E_REQUIRE_RASA") == "1":
            pytest.fail(message)
        pytest.skip(message)
    yield request.getfixturevalue("rasa_stack").url


@pytest.fixture(scope="session")
def web_server(rasa_url: str, e2e_log_dir: Path) -> Iterator[str]:
    # The whole suite clicks from one address within a few minutes: the production limits would
    # answer 429 midway (they are tested on their own in test_webchat_sessions.py).
    generous = {"WEB_RATE_LIMIT": "1000", "WEB_RATE_LIMIT_IP": "10000"}
    server, base_url = start_web_server(rasa_url, e2e_log_dir, generous)
    yield base_url
    server.stop()


def make_browser(user_data_dir: Path, width: int = 1100, height: int = 900, phone: bool = False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(
            f"Chromium/chromedriver missing ({CHROMIUM}, {CHROMEDRIVER}): apt-get install -y chromium "
            f"chromium-driver"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={user_data_dir}",
        f"--window-size={width},{height}",
        "--lang=de-DE",
    ):
        options.add_argument(flag)
    if phone:
        # Desktop windows have a minimum width; emulate a phone viewport instead.
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True}},
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
