"""Test harness for the Matrix bridge: a real Synapse, the bridge process, a
scripted Rasa stand-in and a matrix-nio test client.

The test client is matrix-nio itself: matrix-nio cannot be installed into the
Rasa venv (aiohttp/h11 pins), so `NioTestClient` runs tests/channels/nio_driver.py
with .venv-matrix's Python and talks to it in JSON lines over stdin/stdout.
Raw aiohttp is used only for the shared-secret admin registration.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.support.stack import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
SYNAPSE_SCRIPT = REPO_ROOT / "scripts" / "synapse_test_env.sh"
MATRIX_VENV_SCRIPT = REPO_ROOT / "scripts" / "matrix_venv.sh"
SYNAPSE_VENV = Path(os.environ.get("SYNAPSE_VENV", REPO_ROOT / ".venv-synapse"))
MATRIX_VENV = Path(os.environ.get("MATRIX_VENV", REPO_ROOT / ".venv-matrix"))
NIO_DRIVER = Path(__file__).resolve().parent / "nio_driver.py"


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
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes([200, 30, 60]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


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
            check=True,
            env=env,
            capture_output=True,
            timeout=900,
        )

    def start(self) -> None:
        log = open(self.workdir / "stdout.log", "ab")
        self.process = subprocess.Popen(
            [
                str(SYNAPSE_VENV / "bin" / "python"),
                "-m",
                "synapse.app.homeserver",
                "--config-path",
                str(self.workdir / "homeserver.yaml"),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
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
            body = {
                "nonce": nonce,
                "username": username,
                "password": password,
                "admin": False,
                "mac": mac.hexdigest(),
            }
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
            cwd=REPO_ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
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


# --- matrix-nio test client -----------------------------------------------------------


class NioTestClient:
    """A Matrix user driven through matrix-nio (tests/channels/nio_driver.py in .venv-matrix).

    Use as `async with NioTestClient(base_url, token, user_id) as alice:`; the
    client's timeline starts at login, so reads only see later events.
    """

    # generous: the driver itself waits at most the timeout it is given
    CALL_MARGIN_SECONDS = 30

    def __init__(self, base_url: str, access_token: str, user_id: str, device_id: str = "") -> None:
        self.base_url = base_url
        self.user_id = user_id
        self._login = {
            "homeserver": base_url,
            "user_id": user_id,
            "access_token": access_token,
            "device_id": device_id,
        }
        self._ids = itertools.count(1)
        self._process: asyncio.subprocess.Process | None = None
        self._stderr = tempfile.TemporaryFile()

    async def __aenter__(self) -> NioTestClient:
        self._process = await asyncio.create_subprocess_exec(
            str(MATRIX_VENV / "bin" / "python"),
            str(NIO_DRIVER),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr,
            cwd=REPO_ROOT,
            limit=64 * 1024 * 1024,  # a downloaded image comes back as one line
        )
        try:
            await self._call("login", **self._login)
        except BaseException:
            await self.__aexit__()
            raise
        return self

    async def __aexit__(self, *exc) -> None:
        if self._process and self._process.returncode is None:
            self._process.stdin.close()
            try:
                await asyncio.wait_for(self._process.wait(), 10)
            except asyncio.TimeoutError:
                self._process.kill()
                await self._process.wait()
        self._stderr.close()

    def _driver_stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-3000:]

    async def _call(self, op: str, **args):
        """Run one driver operation; `timeout` (if given) goes to the driver and bounds the wait."""
        wait_seconds = float(args.get("timeout", 30)) + self.CALL_MARGIN_SECONDS
        request_id = next(self._ids)
        line = json.dumps({"id": request_id, "op": op, "args": args}, ensure_ascii=False) + "\n"
        self._process.stdin.write(line.encode("utf-8"))
        await self._process.stdin.drain()
        try:
            raw = await asyncio.wait_for(self._process.stdout.readline(), wait_seconds)
        except asyncio.TimeoutError:
            raise AssertionError(f"nio driver did not answer {op}:\n{self._driver_stderr()}") from None
        if not raw:
            raise AssertionError(f"nio driver exited during {op}:\n{self._driver_stderr()}")
        answer = json.loads(raw)
        assert answer["id"] == request_id, answer
        if not answer["ok"]:
            raise AssertionError(f"matrix-nio {op}: {answer['error']}")
        return answer["result"]

    async def create_room(self, invite: list[str], name: str = "Test") -> str:
        return await self._call("create_room", invite=invite, name=name)

    async def join(self, room_id: str) -> None:
        await self._call("join", room_id=room_id)

    async def joined_members(self, room_id: str) -> set[str]:
        return set(await self._call("joined_members", room_id=room_id))

    async def wait_for_member(self, room_id: str, user_id: str, timeout: float = 30) -> None:
        await self._call("wait_for_member", timeout=timeout, room_id=room_id, user_id=user_id)

    async def send(self, room_id: str, content: dict) -> str:
        return await self._call("send", room_id=room_id, content=content)

    async def send_text(self, room_id: str, text: str) -> str:
        return await self._call("send_text", room_id=room_id, text=text)

    async def messages_from(self, room_id: str, sender: str, count: int, timeout: float = 30) -> list[dict]:
        """The contents of the next `count` m.room.message events `sender` posts in the room."""
        return await self._call("messages_from", timeout=timeout, room_id=room_id, sender=sender, count=count)

    async def messages_until(
        self,
        room_id: str,
        sender: str,
        *,
        msgtype: str | None = None,
        body_contains: str | None = None,
        settle: float = 2,
        timeout: float = 60,
    ) -> list[dict]:
        """Messages from `sender` until one matching `msgtype`/`body_contains` arrived
        and `settle` quiet seconds followed it (to catch the rest of a multi-part reply)."""
        return await self._call(
            "messages_from",
            timeout=timeout,
            room_id=room_id,
            sender=sender,
            until_msgtype=msgtype,
            until_body_contains=body_contains,
            settle=settle,
        )

    async def quiet_for(self, room_id: str, sender: str, seconds: float) -> list[dict]:
        """Messages `sender` posts within `seconds` (expected: none)."""
        return await self._call("messages_from", timeout=seconds, room_id=room_id, sender=sender)

    async def download(self, mxc_url: str) -> bytes:
        """The media's bytes, fetched by matrix-nio (authenticated media API)."""
        result = await self._call("download", mxc_url=mxc_url)
        return base64.b64decode(result["base64"])
