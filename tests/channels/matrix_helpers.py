"""Test harness for the Matrix bridge: a real Synapse, the bridge process, a
scripted Rasa stand-in and a small client-server-API test client.

The test client speaks the Matrix client-server API directly with aiohttp:
matrix-nio cannot be installed into the Rasa venv (aiohttp/h11 pins), and the
bridge under test is the matrix-nio side anyway.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import signal
import socket
import struct
import subprocess
import threading
import time
import uuid
import zlib
from pathlib import Path
from typing import Callable

import aiohttp
from aiohttp import web

REPO_ROOT = Path(__file__).resolve().parents[2]
SYNAPSE_SCRIPT = REPO_ROOT / "scripts" / "synapse_test_env.sh"
MATRIX_VENV_SCRIPT = REPO_ROOT / "scripts" / "matrix_venv.sh"
SYNAPSE_VENV = Path(os.environ.get("SYNAPSE_VENV", REPO_ROOT / ".venv-synapse"))
MATRIX_VENV = Path(os.environ.get("MATRIX_VENV", REPO_ROOT / ".venv-matrix"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    """A valid RGB PNG built by hand, so the image path is checked byte for byte."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([200, 30, 60]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# --- Synapse -------------------------------------------------------------------


class SynapseServer:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.shared_secret = uuid.uuid4().hex
        self.process: subprocess.Popen | None = None

    def prepare(self) -> None:
        env = dict(os.environ, SYNAPSE_SHARED_SECRET=self.shared_secret)
        subprocess.run(
            ["bash", str(SYNAPSE_SCRIPT), "config", str(self.workdir), str(self.port)],
            check=True, env=env, capture_output=True, timeout=900,
        )

    def start(self) -> None:
        log = open(self.workdir / "stdout.log", "ab")
        self.process = subprocess.Popen(
            [str(SYNAPSE_VENV / "bin" / "python"), "-m", "synapse.app.homeserver",
             "--config-path", str(self.workdir / "homeserver.yaml")],
            stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir,
        )
        if not wait_until(self.is_up, timeout=90, interval=0.3):
            self.stop()
            raise RuntimeError(f"Synapse did not start; see {self.workdir}/homeserver.log")

    def is_up(self) -> bool:
        if self.process and self.process.poll() is not None:
            raise RuntimeError(f"Synapse exited with {self.process.returncode}; see {self.workdir}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"GET /_matrix/client/versions HTTP/1.0\r\n\r\n")
                return b" 200 " in sock.recv(64)
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    async def register(self, username: str, password: str) -> dict:
        """Register a user through the shared-secret admin API."""
        url = f"{self.base_url}/_synapse/admin/v1/register"
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as response:
                nonce = (await response.json())["nonce"]
            mac = hmac.new(self.shared_secret.encode(), digestmod=hashlib.sha1)
            mac.update(b"\x00".join([nonce.encode(), username.encode(), password.encode(), b"notadmin"]))
            body = {"nonce": nonce, "username": username, "password": password, "admin": False, "mac": mac.hexdigest()}
            async with session.post(url, json=body) as response:
                result = await response.json()
                assert response.status == 200, result
                return result


# --- the bridge process ----------------------------------------------------------


class BridgeProcess:
    def __init__(self, logfile: Path, env: dict) -> None:
        self.logfile = logfile
        self.env = env
        self.process: subprocess.Popen | None = None

    def start(self, wait_ready: bool = True) -> None:
        handle = open(self.logfile, "ab")
        self.process = subprocess.Popen(
            [str(MATRIX_VENV / "bin" / "python"), "-m", "bot.matrix_bridge"],
            cwd=REPO_ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT,
        )
        if wait_ready and not wait_until(lambda: "Bridge ready" in self.log(), timeout=60):
            raise RuntimeError("bridge did not become ready:\n" + self.log()[-3000:])

    def log(self) -> str:
        return self.logfile.read_text(encoding="utf-8", errors="replace") if self.logfile.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- scripted Rasa REST webhook ----------------------------------------------------


class ScriptedRasa:
    """Implements Rasa's REST webhook contract with scripted replies.

    Runs its own event loop in a thread so that it can serve while the test's
    client loop is busy, and can be switched off to simulate an outage.
    """

    def __init__(self, script: Callable[[str, str], list[dict]]) -> None:
        self.script = script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.received: list[tuple[str, str]] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._thread.start()

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append((body["sender"], body["message"]))
        return web.json_response(self.script(body["sender"], body["message"]))

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    def start(self) -> None:
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)

    def close(self) -> None:
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def messages(self) -> list[str]:
        return [message for _, message in self.received]


# --- Matrix client-server API test client ------------------------------------------


class MatrixTestClient:
    def __init__(self, base_url: str, access_token: str, user_id: str) -> None:
        self.base_url = base_url
        self.user_id = user_id
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._since: str | None = None
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "MatrixTestClient":
        self.session = aiohttp.ClientSession(headers=self._headers)
        await self._sync(timeout_ms=0)  # start the timeline "now"
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def _call(self, method: str, path: str, **kwargs) -> dict:
        async with self.session.request(method, f"{self.base_url}/_matrix/client/v3{path}", **kwargs) as response:
            data = await response.json()
            assert response.status == 200, (path, response.status, data)
            return data

    async def create_room(self, invite: list[str], name: str = "Test") -> str:
        data = await self._call("POST", "/createRoom", json={"invite": invite, "name": name, "preset": "private_chat"})
        return data["room_id"]

    async def invite(self, room_id: str, user_id: str) -> None:
        await self._call("POST", f"/rooms/{room_id}/invite", json={"user_id": user_id})

    async def join(self, room_id: str) -> None:
        await self._call("POST", f"/join/{room_id}", json={})

    async def joined_members(self, room_id: str) -> set[str]:
        data = await self._call("GET", f"/rooms/{room_id}/joined_members")
        return set(data["joined"])

    async def wait_for_member(self, room_id: str, user_id: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if user_id in await self.joined_members(room_id):
                return
            await asyncio.sleep(0.3)
        raise AssertionError(f"{user_id} did not join {room_id}")

    async def send(self, room_id: str, content: dict) -> str:
        data = await self._call("PUT", f"/rooms/{room_id}/send/m.room.message/{uuid.uuid4().hex}", json=content)
        return data["event_id"]

    async def send_text(self, room_id: str, text: str) -> str:
        return await self.send(room_id, {"msgtype": "m.text", "body": text})

    async def _sync(self, timeout_ms: int) -> dict:
        params = {"timeout": str(timeout_ms)}
        if self._since:
            params["since"] = self._since
        data = await self._call("GET", "/sync", params=params)
        self._since = data["next_batch"]
        return data

    async def messages_from(self, room_id: str, sender: str, count: int, timeout: float = 30) -> list[dict]:
        """Collect the next `count` m.room.message events `sender` posts in the room."""
        found: list[dict] = []
        deadline = time.monotonic() + timeout
        while len(found) < count and time.monotonic() < deadline:
            data = await self._sync(timeout_ms=1000)
            room = data.get("rooms", {}).get("join", {}).get(room_id, {})
            for event in room.get("timeline", {}).get("events", []):
                if event.get("type") == "m.room.message" and event.get("sender") == sender:
                    found.append(event["content"])
        return found

    async def quiet_for(self, room_id: str, sender: str, seconds: float) -> list[dict]:
        """Messages `sender` posts within `seconds` (expected: none)."""
        return await self.messages_from(room_id, sender, count=10**6, timeout=seconds)

    async def download(self, mxc_url: str) -> bytes:
        server_and_id = mxc_url[len("mxc://"):]
        url = f"{self.base_url}/_matrix/client/v1/media/download/{server_and_id}"
        async with self.session.get(url) as response:
            assert response.status == 200, await response.text()
            return await response.read()
